//! Where each pane sits: one computation shared by `update` (page sizes, clicks) and the UI.

use ratatui::layout::{Margin, Position, Rect};

use crate::text::{AmbiguousWidth, LayoutOptions, MIN_WIDTH as MIN_LAYOUT_WIDTH, Punctuation};

use super::Action;
use super::archive::ARCHIVE_KEY_HELP;
use super::captions::wrap;
use super::keymap::{KEYMAP, Key, MOUSE, action_name};
use super::strings::{EN, Strings, ZH};

/// Below this many columns the panes take turns instead of standing side by side.
pub const TWO_PANES_MIN_WIDTH: u16 = 60;
/// The smallest screen the reader draws on.
pub const MIN_WIDTH: u16 = 24;
/// The smallest screen the reader draws on.
pub const MIN_HEIGHT: u16 = 8;

/// The rectangles of the screen's parts, borders included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    /// The section list.
    pub sections: Rect,
    /// The article.
    pub article: Rect,
    /// The status line at the bottom.
    pub status: Rect,
    /// True when only the focused pane is shown; then both panes fill the same area.
    pub single: bool,
}

impl Panes {
    /// The panes of a screen of `area`; `None` when it is too small to read on.
    pub fn new(area: Rect) -> Option<Self> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        let main = Rect {
            height: area.height - 1,
            ..area
        };
        let status = Rect {
            y: area.bottom() - 1,
            height: 1,
            ..area
        };
        if area.width < TWO_PANES_MIN_WIDTH {
            return Some(Self {
                sections: main,
                article: main,
                status,
                single: true,
            });
        }
        let list_width = (area.width * 3 / 10).clamp(22, 36);
        let sections = Rect {
            width: list_width,
            ..main
        };
        let article = Rect {
            x: main.x + list_width,
            width: main.width - list_width,
            ..main
        };
        Some(Self {
            sections,
            article,
            status,
            single: false,
        })
    }

    /// Where the article's lines go: inside the border, one column of padding each side.
    pub fn article_text(&self) -> Rect {
        self.article.inner(Margin::new(2, 1))
    }

    /// Where the section list's rows go: inside the border.
    pub fn section_rows(&self) -> Rect {
        self.sections.inner(Margin::new(1, 1))
    }

    /// Whether `position` falls on the section list as shown with `focus_on_sections`.
    pub fn on_sections(&self, position: Position, focus_on_sections: bool) -> bool {
        self.sections.contains(position) && (!self.single || focus_on_sections)
    }

    /// Whether `position` falls on the article as shown with `focus_on_sections`.
    pub fn on_article(&self, position: Position, focus_on_sections: bool) -> bool {
        self.article.contains(position) && (!self.single || !focus_on_sections)
    }

    /// The caption viewer: over the article pane.
    pub fn captions(&self) -> Rect {
        self.article
    }

    /// Where the caption viewer's lines go.
    pub fn caption_text(&self) -> Rect {
        self.captions().inner(Margin::new(2, 1))
    }

    /// Where the warnings viewer's lines go: as the caption viewer's, less the bullet.
    pub fn warning_text(&self) -> Rect {
        self.caption_text()
    }

    /// Width the warnings viewer wraps its text to: its lines less the bullet's two cells.
    pub fn warning_wrap_width(&self) -> usize {
        (self.warning_text().width as usize).saturating_sub(2)
    }

    /// The help box, centred on the screen above the status line. Where it would leave
    /// a sliver of the panes around it, it covers them whole.
    pub fn help(&self) -> Rect {
        let main = self.sections.union(self.article);
        let mut width = main.width.min(HELP_MAX_WIDTH);
        if main.width - width <= 4 {
            width = main.width;
        }
        // As tall as its rows at that width need, in whichever language needs more.
        let text_width = width.saturating_sub(4) as usize;
        let rows = [&EN, &ZH]
            .map(|strings| help_rows(strings, text_width, AmbiguousWidth::Narrow).len())
            .into_iter()
            .max()
            .unwrap_or(0);
        let mut height = main.height.min(rows as u16 + 2);
        if main.height - height <= 2 {
            height = main.height;
        }
        // A box as tall as the panes would leave their corners showing beside it.
        if height == main.height {
            width = main.width;
        }
        Rect {
            x: main.x + (main.width - width) / 2,
            y: main.y + (main.height - height) / 2,
            width,
            height,
        }
    }

    /// Where the help's lines go.
    pub fn help_text(&self) -> Rect {
        self.help().inner(Margin::new(2, 1))
    }
}

/// The help box is at most this wide.
const HELP_MAX_WIDTH: u16 = 76;

/// Cells the help's keys column takes.
pub const HELP_KEYS_WIDTH: usize = 15;

/// Below this many cells for descriptions beside the keys, a description goes below them.
const HELP_MIN_DESCRIPTION: usize = 20;

/// A line of the help.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HelpRow {
    /// The keys, on the first line of their row; empty on the lines after it.
    pub keys: String,
    /// The description's text on this line.
    pub text: String,
    /// Cells from the left edge to `text`.
    pub indent: usize,
}

/// The help's lines at `width` cells: each key with its description, wrapped beside it or,
/// where that leaves too little room, below it; then a blank line and the list's marks.
pub fn help_rows(strings: &Strings, width: usize, ambiguous: AmbiguousWidth) -> Vec<HelpRow> {
    help_rows_with(strings, width, ambiguous, (false, &[]))
}

/// [`help_rows`], with the archive keys after the reader's when `archive` (an archive is
/// read), and a last row for the keys a config file binds (`extra`).
pub fn help_rows_with(
    strings: &Strings,
    width: usize,
    ambiguous: AmbiguousWidth,
    (archive, extra): (bool, &[(Key, Action)]),
) -> Vec<HelpRow> {
    let beside = width >= HELP_KEYS_WIDTH + HELP_MIN_DESCRIPTION;
    let indent = if beside { HELP_KEYS_WIDTH } else { 2 };
    let options = LayoutOptions {
        width: width.saturating_sub(indent).max(MIN_LAYOUT_WIDTH),
        ambiguous,
        // The help's own punctuation, as written: ", finds ，" must keep its ",".
        punctuation: Punctuation::Source,
    };
    // A config file's keys join the rows of what they do; only those for an action no row
    // shows get a line of their own.
    let unlisted: Vec<String> = (extra.iter())
        .filter(|(_, action)| !KEYMAP.iter().any(|row| row.describes(*action)))
        .map(|&(key, action)| format!("{} {}", key.name(), action_name(action)))
        .collect();
    let configured =
        (!unlisted.is_empty()).then(|| (strings.config_keys.to_owned(), unlisted.join(", ")));
    let entries = (KEYMAP.iter().zip(strings.key_help))
        .map(|(row, does)| {
            let keys = row.keys_with(extra).replace(MOUSE, strings.mouse_key);
            (keys, does.to_string())
        })
        .chain(
            (ARCHIVE_KEY_HELP.iter().zip(strings.archive_key_help))
                .filter(|_| archive)
                .map(|(keys, does)| (keys.to_string(), does.to_string())),
        )
        .chain([(String::new(), String::new())])
        .chain([
            (INFERRED_MARK.to_owned(), strings.inferred_legend.to_owned()),
            (WARNED_MARK.to_owned(), strings.warned_legend.to_owned()),
            (REPEAT_MARK.to_owned(), strings.repeat_legend.to_owned()),
            (String::new(), strings.read_legend.to_owned()),
        ])
        .chain(configured);
    let mut rows = Vec::new();
    for (keys, does) in entries {
        let lines = wrap(&does, &options);
        if !beside && !keys.is_empty() {
            rows.push(HelpRow {
                keys: keys.clone(),
                text: String::new(),
                indent: 0,
            });
        }
        for (at, text) in lines.into_iter().enumerate() {
            let keys = match (beside, at) {
                (true, 0) => keys.clone(),
                _ => String::new(),
            };
            rows.push(HelpRow { keys, text, indent });
        }
    }
    rows
}

/// Marks a title the parser inferred from the text because no headline was printed.
pub const INFERRED_MARK: &str = "~";

/// Marks an article the parser repaired or has doubts about (`w` lists them).
pub const WARNED_MARK: &str = "!";

/// Marks a listing that repeats an earlier one in full: its story is read there.
pub const REPEAT_MARK: &str = "=";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_screens_show_both_panes_side_by_side() {
        let panes = Panes::new(Rect::new(0, 0, 120, 40)).unwrap();
        assert!(!panes.single);
        assert_eq!(panes.sections.right(), panes.article.x);
        assert_eq!(panes.article.right(), 120);
        assert_eq!(panes.status, Rect::new(0, 39, 120, 1));
    }

    #[test]
    fn narrow_screens_show_one_pane_at_a_time() {
        let panes = Panes::new(Rect::new(0, 0, 50, 20)).unwrap();
        assert!(panes.single);
        assert_eq!(panes.sections, panes.article);
        let inside = Position::new(10, 5);
        assert!(panes.on_sections(inside, true) && !panes.on_article(inside, true));
        assert!(panes.on_article(inside, false) && !panes.on_sections(inside, false));
    }

    #[test]
    fn tiny_screens_have_no_panes() {
        assert_eq!(Panes::new(Rect::new(0, 0, MIN_WIDTH - 1, 30)), None);
        assert_eq!(Panes::new(Rect::new(0, 0, 80, MIN_HEIGHT - 1)), None);
    }
}
