//! Display width in terminal cells.

use unicode_width::UnicodeWidthChar;

/// How wide the terminal draws East Asian Ambiguous characters (“ ” ‘ ’ … — · ■ ●).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum AmbiguousWidth {
    /// One cell: most terminals.
    #[default]
    Narrow,
    /// Two cells: terminals set to "ambiguous = wide", common among Chinese users.
    Wide,
}

impl AmbiguousWidth {
    /// The setting for a cell count given on the command line (1 or 2).
    pub fn from_cells(cells: u8) -> Option<Self> {
        match cells {
            1 => Some(Self::Narrow),
            2 => Some(Self::Wide),
            _ => None,
        }
    }
}

/// The number of cells `c` takes in a terminal with the given ambiguous-width setting.
pub fn char_width(c: char, ambiguous: AmbiguousWidth) -> usize {
    match ambiguous {
        AmbiguousWidth::Narrow => c.width(),
        AmbiguousWidth::Wide => c.width_cjk(),
    }
    .unwrap_or(0)
}

/// The number of cells `text` takes in a terminal with the given ambiguous-width setting.
pub fn str_width(text: &str, ambiguous: AmbiguousWidth) -> usize {
    text.chars().map(|c| char_width(c, ambiguous)).sum()
}
