//! Display width in terminal cells.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

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
    let chars: Vec<char> = text.chars().collect();
    char_widths(&chars, ambiguous).into_iter().sum()
}

/// The cells each char of `text` takes. A char and the zero-width chars after it (combining
/// marks, variation selectors) are measured together, as ratatui measures them: "❤\u{fe0f}"
/// asks for the two-cell emoji form. The cluster's width goes to its first char, the others
/// count 0; line breaking never separates them.
pub fn char_widths(text: &[char], ambiguous: AmbiguousWidth) -> Vec<usize> {
    let mut widths: Vec<usize> = text.iter().map(|&c| char_width(c, ambiguous)).collect();
    let mut start = 0;
    while start < text.len() {
        let followers = text[start + 1..]
            .iter()
            .take_while(|c| c.width() == Some(0))
            .count();
        if followers > 0 {
            let cluster: String = text[start..=start + followers].iter().collect();
            widths[start] = match ambiguous {
                AmbiguousWidth::Narrow => cluster.width(),
                AmbiguousWidth::Wide => cluster.width_cjk(),
            };
        }
        start += followers + 1;
    }
    widths
}
