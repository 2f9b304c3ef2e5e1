//! The config file: TOML under the XDG config directory (`$XDG_CONFIG_HOME/kanbao/config.toml`).
//!
//! Every setting is optional; a flag on the command line wins over the file, and the file
//! over what the reader finds out for itself (the locale, the terminal's answer). A file
//! that does not parse, or names a setting or value the reader does not know, is told in
//! one message naming the file, the line and the key, and the reader starts on defaults.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use ratatui::style::Color;
use serde::Deserialize;

use crate::text::{AmbiguousWidth, Punctuation};

use super::Action;
use super::keymap::{Key, parse_action, parse_key};
use super::strings::Lang;

/// The settings a config file can make.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The interface language.
    pub lang: Option<Lang>,
    /// Cells an ambiguous-width character takes.
    pub ambiguous_width: Option<AmbiguousWidth>,
    /// How half-width punctuation is shown at start.
    pub punctuation: Option<Punctuation>,
    /// Whether to draw in colour; `false` draws as under `NO_COLOR`.
    pub colors: Option<bool>,
    /// Keys bound to actions, over the built-in ones, while reading.
    pub keys: Vec<(Key, Action)>,
    /// Colours chosen for parts of the screen, over the theme's.
    pub palette: Vec<(ColorRole, Color)>,
}

/// A part of the screen whose colour a config file can choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColorRole {
    /// The focused pane's border, column banners, subheads, the help's keys.
    Accent,
    /// Page headings and kickers.
    Heading,
    /// Jump lines that lead somewhere.
    Link,
    /// The background of search matches.
    Match,
    /// The background of the match shown.
    CurrentMatch,
    /// The background of the status line.
    Status,
}

impl ColorRole {
    /// Every role, with the name a config file gives it.
    pub const ALL: [(ColorRole, &'static str); 6] = [
        (ColorRole::Accent, "accent"),
        (ColorRole::Heading, "heading"),
        (ColorRole::Link, "link"),
        (ColorRole::Match, "match"),
        (ColorRole::CurrentMatch, "current-match"),
        (ColorRole::Status, "status"),
    ];
}

/// The file as written, before its values are checked.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct File {
    lang: Option<String>,
    ambiguous_width: Option<u8>,
    punctuation: Option<String>,
    colors: Option<bool>,
    #[serde(default)]
    keys: BTreeMap<String, String>,
    #[serde(default)]
    palette: BTreeMap<String, String>,
}

/// The config file `kanbao --print-config` prints: every setting, commented out at its
/// default, with what it does.
pub const DEFAULT_FILE: &str = r#"# kanbao's config file: $XDG_CONFIG_HOME/kanbao/config.toml
# (by default ~/.config/kanbao/config.toml). Every setting is optional; a flag on the
# command line wins over this file. Remove the # before a line to set it.

# Interface language: "zh" or "en". Default: from the locale (LC_ALL, LC_MESSAGES, LANG).
# lang = "zh"

# Cells an East Asian ambiguous character (“ ” … — ·) takes in your terminal: 1 or 2.
# Default: asked of the terminal at start-up.
# ambiguous-width = 1

# Half-width punctuation between Chinese characters: "full-width" or "source" (s toggles).
# punctuation = "full-width"

# Colour: false draws with reverse, bold and underline only, as NO_COLOR does.
# colors = true

# Keys, over the built-in ones while reading: "key" = "action". A key is a character,
# Ctrl-x, or Space Enter Esc Backspace Tab Up Down Left Right PgUp PgDn Home End. An action
# is one of: quit toggle-help toggle-captions toggle-punctuation toggle-warnings
# toggle-merged cancel focus-next focus-sections focus-article up down page-up page-down
# half-page-up half-page-down top bottom previous-article next-article previous-page
# next-page start-search start-set-mark start-go-to-mark confirm back next-match
# previous-match.
[keys]
# "x" = "quit"
# "Ctrl-n" = "next-article"

# Colours of parts of the screen: accent (the focused border, banners, subheads), heading
# (page headings, kickers), link (jumps), match and current-match (search backgrounds),
# status (the status line). A colour is a name (red, lightblue, darkgray, …), an index
# 0-255, or #rrggbb. Ignored where colour is off.
[palette]
# accent = "cyan"
# heading = "yellow"
# link = "blue"
# match = "yellow"
# current-match = "lightred"
# status = "darkgray"
"#;

impl Config {
    /// The settings in `text`, the contents of `file`; an error names the file, the line
    /// and the key.
    pub fn parse(text: &str, file: &Path) -> Result<Self, String> {
        let file = shown_path(file);
        let at = |span: Option<std::ops::Range<usize>>| {
            let line = span.map_or(1, |span| text[..span.start].matches('\n').count() + 1);
            format!("{file}, line {line}")
        };
        let raw: File = toml::from_str(text).map_err(|error| {
            // "unknown field `colour`, expected one of …": the key is what matters.
            let message = error.message().trim_end();
            let message = message.split(", expected").next().unwrap_or(message);
            format!("{}: {message}", at(error.span()))
        })?;
        // Where a key stands, for a value the reader does not take.
        let line_of = |key: &str| {
            let line = (text.lines())
                .position(|line| line.trim_start().starts_with(key))
                .map_or(1, |at| at + 1);
            format!("{file}, line {line}")
        };
        let bad = |key: &str, value: &str, expected: &str| {
            format!("{}: {key} = {value}: expected {expected}", line_of(key))
        };
        let lang = match &raw.lang {
            None => None,
            Some(value) => Some(
                value
                    .parse()
                    .map_err(|_| bad("lang", value, "\"zh\" or \"en\""))?,
            ),
        };
        let ambiguous_width = match raw.ambiguous_width {
            None => None,
            Some(cells) => Some(
                AmbiguousWidth::from_cells(cells)
                    .ok_or_else(|| bad("ambiguous-width", &cells.to_string(), "1 or 2"))?,
            ),
        };
        let punctuation = match raw.punctuation.as_deref() {
            None => None,
            Some("full-width") => Some(Punctuation::FullWidth),
            Some("source") => Some(Punctuation::Source),
            Some(value) => {
                return Err(bad("punctuation", value, "\"full-width\" or \"source\""));
            }
        };
        let mut keys = Vec::new();
        for (key, action) in &raw.keys {
            let key_at = |what: &str| {
                let quoted = format!("\"{key}\"");
                let line = (text.lines())
                    .position(|line| line.trim_start().starts_with(&quoted))
                    .map_or(1, |at| at + 1);
                format!("{file}, line {line}: keys.{key}: {what}")
            };
            let bound = parse_key(key).ok_or_else(|| key_at("not a key the reader knows"))?;
            let action = parse_action(action)
                .ok_or_else(|| key_at(&format!("no action named {action:?}")))?;
            keys.push((bound, action));
        }
        let mut palette = Vec::new();
        for (name, color) in &raw.palette {
            let line = (text.lines())
                .position(|line| line.trim_start().starts_with(name.as_str()))
                .map_or(1, |at| at + 1);
            let at = format!("{file}, line {line}: palette.{name}");
            let role = (ColorRole::ALL.iter())
                .find(|(_, known)| known == name)
                .map(|&(role, _)| role)
                .ok_or_else(|| format!("{at}: not a part of the screen the reader colours"))?;
            let color = color
                .parse::<Color>()
                .map_err(|_| format!("{at}: {color:?} is not a colour"))?;
            palette.push((role, color));
        }
        Ok(Self {
            lang,
            ambiguous_width,
            punctuation,
            colors: raw.colors,
            keys,
            palette,
        })
    }

    /// The settings in `file`: none when there is no file; an error to tell when it cannot
    /// be read or parsed.
    pub fn load(file: &Path) -> Result<Self, String> {
        match std::fs::read_to_string(file) {
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(error) => Err(format!("cannot read {}: {error}", file.display())),
            Ok(text) => Self::parse(&text, file),
        }
    }
}

/// `file` as a person would write it: the home directory as `~`.
fn shown_path(file: &Path) -> String {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match home.and_then(|home| file.strip_prefix(home).ok().map(Path::to_owned)) {
        Some(rest) => format!("~/{}", rest.display()),
        None => file.display().to_string(),
    }
}

/// Where the config file is: `$XDG_CONFIG_HOME/kanbao/config.toml`.
pub fn config_file() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    let strategy = etcetera::choose_base_strategy().ok()?;
    Some(strategy.config_dir().join("kanbao").join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Config, String> {
        Config::parse(text, Path::new("config.toml"))
    }

    #[test]
    fn the_default_file_parses_to_no_settings_and_each_line_uncommented_to_one() {
        assert_eq!(parse(DEFAULT_FILE), Ok(Config::default()));
        let uncommented: String = (DEFAULT_FILE.lines())
            .map(|line| match line.strip_prefix("# ") {
                Some(setting)
                    if setting
                        .split_once(" = ")
                        .is_some_and(|(key, _)| !key.contains(' ')) =>
                {
                    format!("{setting}\n")
                }
                _ => format!("{line}\n"),
            })
            .collect();
        assert_eq!(
            parse(&uncommented),
            Ok(Config {
                lang: Some(Lang::Zh),
                ambiguous_width: Some(AmbiguousWidth::Narrow),
                punctuation: Some(Punctuation::FullWidth),
                colors: Some(true),
                keys: vec![
                    (Key::Ctrl('n'), Action::NextArticle),
                    (Key::Char('x'), Action::Quit),
                ],
                palette: vec![
                    (ColorRole::Accent, Color::Cyan),
                    (ColorRole::CurrentMatch, Color::LightRed),
                    (ColorRole::Heading, Color::Yellow),
                    (ColorRole::Link, Color::Blue),
                    (ColorRole::Match, Color::Yellow),
                    (ColorRole::Status, Color::DarkGray),
                ],
            })
        );
    }

    #[test]
    fn a_bad_file_is_told_by_file_line_and_key() {
        let error = parse("lang = \"zh\"\nmerged = true\n").unwrap_err();
        assert!(error.starts_with("config.toml, line 2"), "{error}");
        assert!(error.contains("merged"), "{error}");
        let error = parse("\n\nambiguous-width = 3\n").unwrap_err();
        assert!(error.starts_with("config.toml, line 3"), "{error}");
        assert!(error.contains("ambiguous-width = 3"), "{error}");
        let error = parse("lang = \"fr\"").unwrap_err();
        assert!(
            error.contains("line 1") && error.contains("lang"),
            "{error}"
        );
        let error = parse("colors = maybe").unwrap_err();
        assert!(error.contains("line 1"), "{error}");
    }

    #[test]
    fn a_bad_key_binding_is_told_by_line_and_key() {
        let error = parse("[keys]\n\"x\" = \"fly\"\n").unwrap_err();
        assert!(
            error.contains("line 2") && error.contains("keys.x"),
            "{error}"
        );
        assert!(error.contains("fly"), "{error}");
        let error = parse("[keys]\n\"Hyper-x\" = \"quit\"\n").unwrap_err();
        assert!(error.contains("keys.Hyper-x"), "{error}");
    }

    #[test]
    fn a_bad_colour_is_told_by_line_and_part() {
        let error = parse("[palette]\naccent = \"blurple\"\n").unwrap_err();
        assert!(
            error.contains("line 2") && error.contains("palette.accent"),
            "{error}"
        );
        let error = parse("[palette]\nsky = \"blue\"\n").unwrap_err();
        assert!(error.contains("palette.sky"), "{error}");
    }

    #[test]
    fn no_file_is_no_settings() {
        let file = std::env::temp_dir().join("kanbao-no-such-config.toml");
        assert_eq!(Config::load(&file), Ok(Config::default()));
    }
}
