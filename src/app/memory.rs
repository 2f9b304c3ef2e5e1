//! What the reader remembers of an edition between runs: the article last read and the
//! place in it, and which articles were read. Kept per edition, under the XDG state
//! directory (`$XDG_STATE_HOME/kanbao/editions/<key>.json`).
//!
//! State that cannot be read or written never stops the reader: [`load`] and [`save`] say
//! what went wrong in one line, and the reader starts fresh.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::edition::Edition;
use crate::text::TextPart;

/// What is remembered of one edition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    /// The id of the article last read.
    pub article: Option<String>,
    /// Where in it the pane's top was.
    pub place: Option<SavedPlace>,
    /// The ids of the articles read.
    pub read: BTreeSet<String>,
}

/// A place in an article's text, as the model knows it: it survives a new layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedPlace {
    /// The piece of the article.
    pub part: SavedPart,
    /// Its index, for blocks and captions.
    pub index: usize,
    /// The char offset into the piece.
    pub offset: usize,
    /// How many lines the pane's top was from the line showing that text: a blank line
    /// above it, say.
    #[serde(default)]
    pub shift: isize,
}

/// [`TextPart`] as saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SavedPart {
    /// The column banner.
    Column,
    /// The kicker.
    Kicker,
    /// The headline.
    Headline,
    /// The subtitle.
    Subtitle,
    /// The byline.
    Byline,
    /// A block of the body.
    Block,
    /// A caption.
    Caption,
}

impl SavedPlace {
    /// The place at `offset` into `part`, the pane's top `shift` lines from it.
    pub fn new(part: TextPart, offset: usize, shift: isize) -> Self {
        let (part, index) = match part {
            TextPart::Column => (SavedPart::Column, 0),
            TextPart::Kicker => (SavedPart::Kicker, 0),
            TextPart::Headline => (SavedPart::Headline, 0),
            TextPart::Subtitle => (SavedPart::Subtitle, 0),
            TextPart::Byline => (SavedPart::Byline, 0),
            TextPart::Block(index) => (SavedPart::Block, index),
            TextPart::Caption(index) => (SavedPart::Caption, index),
        };
        Self {
            part,
            index,
            offset,
            shift,
        }
    }

    /// The piece of the article it names.
    pub fn text_part(&self) -> TextPart {
        match self.part {
            SavedPart::Column => TextPart::Column,
            SavedPart::Kicker => TextPart::Kicker,
            SavedPart::Headline => TextPart::Headline,
            SavedPart::Subtitle => TextPart::Subtitle,
            SavedPart::Byline => TextPart::Byline,
            SavedPart::Block => TextPart::Block(self.index),
            SavedPart::Caption => TextPart::Caption(self.index),
        }
    }
}

/// The name an edition is remembered by: a hash of its paper, date, and its pages' numbers
/// and article ids and titles, so the same edition, loaded again from wherever, is known.
pub fn edition_key(edition: &Edition) -> String {
    let mut hash = Fnv::default();
    hash.write(edition.paper.as_deref().unwrap_or_default());
    hash.write(edition.date.as_deref().unwrap_or_default());
    for page in &edition.pages {
        hash.write(&page.number.to_string());
        for article in &page.articles {
            hash.write(&article.id);
            hash.write(&article.title);
        }
    }
    format!("{:016x}", hash.0)
}

/// 64-bit FNV-1a: small, and the same on every machine and toolchain, as a file name must be.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, text: &str) {
        for byte in text.bytes().chain([0xff]) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Where the state of the edition with `key` is kept, under `state_dir`.
pub fn state_file(state_dir: &Path, key: &str) -> PathBuf {
    state_dir
        .join("kanbao")
        .join("editions")
        .join(format!("{key}.json"))
}

/// The file whose presence says that terminals of type `term` do not answer the
/// ambiguous-width question.
pub fn silent_terminal_file(state_dir: &Path, term: &str) -> PathBuf {
    let name: String = (term.chars())
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    state_dir.join("kanbao").join("silent-terminals").join(name)
}

/// Notes in `file` that its terminal type never answers.
pub fn remember_silent_terminal(file: &Path) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(
        file,
        "never answered the ambiguous-width question: narrow assumed\n",
    )
}

/// The XDG state directory (`$XDG_STATE_HOME`, else `~/.local/state`), if there is a home.
pub fn state_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy().ok()?.state_dir()
}

/// What was remembered in `file`: nothing when there is no file yet; an error, to tell in one
/// line, when it cannot be read or is not what the reader wrote.
pub fn load(file: &Path) -> Result<Remembered, String> {
    match std::fs::read(file) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(Remembered::default()),
        Err(error) => Err(format!("cannot read {}: {error}", file.display())),
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map_err(|error| format!("{} is damaged ({error}); starting fresh", file.display())),
    }
}

/// Writes `remembered` to `file`, by way of a temporary file so that a crash leaves the old
/// state whole.
pub fn save(file: &Path, remembered: &Remembered) -> Result<(), String> {
    let fail = |error: std::io::Error| format!("cannot save to {}: {error}", file.display());
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let text = serde_json::to_vec_pretty(remembered).expect("the state serializes");
    let temporary = file.with_extension("json.tmp");
    std::fs::write(&temporary, text).map_err(fail)?;
    std::fs::rename(&temporary, file).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_edition_has_the_same_key_and_another_another() {
        let edition = crate::edition::builtin();
        assert_eq!(
            edition_key(&edition),
            edition_key(&crate::edition::builtin())
        );
        let mut other = crate::edition::builtin();
        other.date = Some("2023-07-19".into());
        assert_ne!(edition_key(&edition), edition_key(&other));
        assert_eq!(edition_key(&edition).len(), 16);
    }

    #[test]
    fn state_is_saved_and_loaded_and_a_damaged_file_is_told_not_fatal() {
        let dir = std::env::temp_dir().join(format!("kanbao-memory-{}", std::process::id()));
        let file = state_file(&dir, "abc");
        assert_eq!(load(&file), Ok(Remembered::default()), "no file yet");
        let remembered = Remembered {
            article: Some("1-3".into()),
            place: Some(SavedPlace::new(TextPart::Block(2), 17, -1)),
            read: ["1-1".to_string(), "1-3".to_string()].into(),
        };
        save(&file, &remembered).unwrap();
        assert_eq!(load(&file), Ok(remembered));
        std::fs::write(&file, "{ not json").unwrap();
        let error = load(&file).unwrap_err();
        assert!(error.contains("damaged"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_unwritable_place_is_an_error_to_tell() {
        let file = Path::new("/proc/kanbao/editions/x.json");
        assert!(save(file, &Remembered::default()).is_err());
    }

    #[test]
    fn every_text_part_survives_saving() {
        for part in [
            TextPart::Column,
            TextPart::Kicker,
            TextPart::Headline,
            TextPart::Subtitle,
            TextPart::Byline,
            TextPart::Block(4),
            TextPart::Caption(2),
        ] {
            assert_eq!(SavedPlace::new(part, 3, 0).text_part(), part);
        }
    }
}
