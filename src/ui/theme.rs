//! Every style the reader draws with, in one place: a coloured theme, and one for terminals
//! asked not to show colour (`NO_COLOR`), which tells things apart by reverse video, bold,
//! underline, italic and dim alone.
//!
//! Under `NO_COLOR`, crossterm writes a colour change as `ESC[;m`, which resets every
//! attribute: a style that named a colour would lose its reverse or underline too. The
//! monochrome theme therefore names no colour at all.

use ratatui::style::{Color, Modifier, Style};

use crate::app::App;
use crate::app::config::ColorRole;
use crate::edition::CaptionKind;
use crate::text::LineKind;

/// The styles of the reader's parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// The border of the focused pane.
    pub border_focused: Style,
    /// The border of a pane without the focus.
    pub border: Style,
    /// A pane's title on its border.
    pub title: Style,
    /// Text that says there is nothing to show, and notes.
    pub muted: Style,
    /// The status line.
    pub status: Style,
    /// A message on the status line.
    pub message: Style,
    /// The key hints on the status line.
    pub hints: Style,
    /// A page heading (版) in the section list.
    pub page_heading: Style,
    /// A column banner (栏目) in the section list.
    pub column_banner: Style,
    /// A title the parser inferred, in the section list.
    pub inferred_title: Style,
    /// An article read, in the section list.
    pub read_title: Style,
    /// The selected article while the list has the focus.
    pub selected: Style,
    /// The selected article while the article has the focus.
    pub selected_unfocused: Style,
    /// The search match shown.
    pub current_match: Style,
    /// Every other search match.
    pub other_match: Style,
    /// A jump line that leads somewhere: a link.
    pub jump_link: Style,
    /// A jump line whose page or part is not in the edition.
    pub jump_nowhere: Style,
    /// The keys column of the help.
    pub help_keys: Style,
    /// The kind of caption heading a group in the caption viewer.
    pub caption_kind: Style,
    /// A month's heading in the archive's edition picker.
    pub month_heading: Style,
    /// An edition that does not open, in the picker.
    pub broken: Style,
    /// A note on a border: the archive's place and keys, an overlay's keys.
    pub border_note: Style,
    /// A state on an overlay's border: the date typed in the picker, a search's progress.
    pub border_state: Style,
    /// A match's date and page in the archive's results list.
    pub result_place: Style,
    /// Article lines by kind, jump lines excepted.
    lines: LineStyles,
}

/// How the lines of an article look, by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LineStyles {
    column: Style,
    kicker: Style,
    headline: Style,
    byline: Style,
    subhead: Style,
    photo_caption: Style,
    other_caption: Style,
}

const PLAIN: Style = Style::new();
const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);
const fn fg(color: Color) -> Style {
    Style::new().fg(color)
}

/// The theme in colour.
pub const COLOR: Theme = Theme {
    border_focused: fg(Color::Cyan),
    border: fg(Color::DarkGray),
    title: BOLD,
    muted: fg(Color::DarkGray),
    status: Style::new().bg(Color::DarkGray).fg(Color::White),
    message: Style::new()
        .bg(Color::DarkGray)
        .fg(Color::LightYellow)
        .add_modifier(Modifier::BOLD),
    hints: Style::new().bg(Color::DarkGray).fg(Color::Gray),
    page_heading: fg(Color::Yellow).add_modifier(Modifier::BOLD),
    column_banner: fg(Color::Cyan),
    inferred_title: Style::new().add_modifier(Modifier::DIM.union(Modifier::ITALIC)),
    read_title: fg(Color::DarkGray),
    selected: Style::new().add_modifier(Modifier::REVERSED),
    selected_unfocused: Style::new().bg(Color::DarkGray),
    current_match: Style::new().fg(Color::Black).bg(Color::LightRed),
    other_match: Style::new().fg(Color::Black).bg(Color::Yellow),
    jump_link: fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
    jump_nowhere: fg(Color::DarkGray),
    help_keys: fg(Color::Cyan).add_modifier(Modifier::BOLD),
    caption_kind: fg(Color::Green).add_modifier(Modifier::BOLD),
    month_heading: fg(Color::Cyan).add_modifier(Modifier::BOLD),
    broken: fg(Color::LightRed),
    border_note: fg(Color::Gray),
    border_state: fg(Color::Yellow),
    result_place: fg(Color::Cyan),
    lines: LineStyles {
        column: fg(Color::Cyan).add_modifier(Modifier::BOLD),
        kicker: fg(Color::Yellow),
        headline: BOLD,
        byline: fg(Color::DarkGray),
        subhead: fg(Color::Cyan).add_modifier(Modifier::BOLD),
        photo_caption: fg(Color::Green),
        other_caption: fg(Color::Green).add_modifier(Modifier::DIM),
    },
};

const REVERSED: Style = Style::new().add_modifier(Modifier::REVERSED);
const DIM: Style = Style::new().add_modifier(Modifier::DIM);
const ITALIC: Style = Style::new().add_modifier(Modifier::ITALIC);
const UNDERLINED: Style = Style::new().add_modifier(Modifier::UNDERLINED);

/// The theme without colour: attributes only.
pub const NO_COLOR: Theme = Theme {
    border_focused: BOLD,
    border: PLAIN,
    title: BOLD,
    muted: DIM,
    status: REVERSED,
    message: REVERSED.add_modifier(Modifier::BOLD),
    hints: REVERSED,
    page_heading: BOLD.add_modifier(Modifier::UNDERLINED),
    column_banner: BOLD,
    inferred_title: ITALIC,
    read_title: DIM,
    selected: REVERSED,
    selected_unfocused: BOLD.add_modifier(Modifier::UNDERLINED),
    current_match: REVERSED.add_modifier(Modifier::BOLD.union(Modifier::UNDERLINED)),
    other_match: REVERSED,
    jump_link: UNDERLINED,
    jump_nowhere: DIM,
    help_keys: BOLD,
    caption_kind: BOLD,
    month_heading: BOLD.add_modifier(Modifier::UNDERLINED),
    broken: ITALIC,
    border_note: PLAIN,
    border_state: BOLD,
    result_place: PLAIN,
    lines: LineStyles {
        column: BOLD,
        kicker: ITALIC,
        headline: BOLD,
        byline: DIM,
        subhead: BOLD,
        photo_caption: ITALIC,
        other_caption: ITALIC.add_modifier(Modifier::DIM),
    },
};

impl Theme {
    /// The theme for a terminal that shows colour when `colors` is true.
    pub fn new(colors: bool) -> &'static Theme {
        match colors {
            true => &COLOR,
            false => &NO_COLOR,
        }
    }

    /// The theme `app` draws with: without colour, or in colour with the config file's
    /// choices over the defaults.
    pub fn of(app: &App) -> Theme {
        let mut theme = *Theme::new(app.colors());
        if app.colors() {
            for &(role, color) in app.palette() {
                theme.recolor(role, color);
            }
        }
        theme
    }

    fn recolor(&mut self, role: ColorRole, color: Color) {
        match role {
            ColorRole::Accent => {
                self.border_focused = self.border_focused.fg(color);
                self.column_banner = self.column_banner.fg(color);
                self.help_keys = self.help_keys.fg(color);
                self.month_heading = self.month_heading.fg(color);
                self.lines.column = self.lines.column.fg(color);
                self.lines.subhead = self.lines.subhead.fg(color);
            }
            ColorRole::Heading => {
                self.page_heading = self.page_heading.fg(color);
                self.lines.kicker = self.lines.kicker.fg(color);
            }
            ColorRole::Link => self.jump_link = self.jump_link.fg(color),
            ColorRole::Match => self.other_match = self.other_match.bg(color),
            ColorRole::CurrentMatch => self.current_match = self.current_match.bg(color),
            ColorRole::Status => {
                self.status = self.status.bg(color);
                self.message = self.message.bg(color);
                self.hints = self.hints.bg(color);
            }
        }
    }

    /// How an article line of `kind` looks (a jump line as a link).
    pub fn line(&self, kind: LineKind) -> Style {
        let lines = &self.lines;
        match kind {
            LineKind::Column => lines.column,
            LineKind::Kicker | LineKind::Subtitle => lines.kicker,
            LineKind::Headline => lines.headline,
            LineKind::Byline | LineKind::Seam => lines.byline,
            LineKind::Subhead => lines.subhead,
            LineKind::Caption(CaptionKind::Photo) => lines.photo_caption,
            LineKind::Caption(_) => lines.other_caption,
            LineKind::JumpFrom | LineKind::JumpTo => self.jump_link,
            LineKind::Paragraph | LineKind::Blank => PLAIN,
        }
    }

    /// `base` with a search match's look over it.
    pub fn matched(&self, base: Style, current: bool) -> Style {
        base.patch(match current {
            true => self.current_match,
            false => self.other_match,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every style of a theme, to look at them all at once.
    fn styles(theme: &Theme) -> Vec<Style> {
        let kinds = [
            LineKind::Column,
            LineKind::Kicker,
            LineKind::Headline,
            LineKind::Byline,
            LineKind::Subhead,
            LineKind::Caption(CaptionKind::Photo),
            LineKind::Caption(CaptionKind::Label),
            LineKind::JumpTo,
            LineKind::Paragraph,
        ];
        let mut styles = vec![
            theme.border_focused,
            theme.border,
            theme.title,
            theme.muted,
            theme.status,
            theme.message,
            theme.hints,
            theme.page_heading,
            theme.column_banner,
            theme.inferred_title,
            theme.read_title,
            theme.selected,
            theme.selected_unfocused,
            theme.current_match,
            theme.other_match,
            theme.jump_link,
            theme.jump_nowhere,
            theme.help_keys,
            theme.caption_kind,
            theme.month_heading,
            theme.broken,
            theme.border_note,
            theme.border_state,
            theme.result_place,
        ];
        styles.extend(kinds.map(|kind| theme.line(kind)));
        styles
    }

    #[test]
    fn the_theme_without_colour_names_no_colour() {
        for style in styles(&NO_COLOR) {
            assert_eq!((style.fg, style.bg), (None, None), "{style:?}");
        }
    }

    #[test]
    fn without_colour_what_colour_told_apart_still_differs() {
        let theme = &NO_COLOR;
        assert_ne!(theme.selected, PLAIN);
        assert_ne!(theme.selected_unfocused, PLAIN);
        assert_ne!(theme.current_match, theme.other_match);
        assert_ne!(theme.other_match, PLAIN);
        assert_ne!(theme.jump_link, theme.jump_nowhere);
        assert_ne!(theme.status, PLAIN);
        assert_ne!(theme.month_heading, PLAIN);
        assert_ne!(theme.broken, PLAIN);
    }
}
