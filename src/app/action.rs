//! Everything a reader can ask for, independent of the key that asked.

use crate::text::AmbiguousWidth;

/// A request to change the reader's state; [`crate::app::App::update`] carries it out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Leave the reader.
    Quit,
    /// Stop the process the way Ctrl-Z does in a shell; the terminal shell handles it.
    Suspend,
    /// Open or close the key help.
    ToggleHelp,
    /// Open or close the caption viewer.
    ToggleCaptions,
    /// In the caption viewer: show the captions of the article or of its whole page.
    ToggleCaptionScope,
    /// Show half-width punctuation as the source has it, or full-width.
    TogglePunctuation,
    /// Open or close the list of the article's and the edition's repairs and warnings.
    ToggleWarnings,
    /// Read a continued story's parts as one text, or each part on its own.
    ToggleMerged,
    /// Close what is open: an overlay, a prompt, search highlights, a message.
    Cancel,
    /// Move the focus to the other pane.
    FocusNext,
    /// Move the focus to the section list.
    FocusSections,
    /// Move the focus to the article.
    FocusArticle,
    /// One step up: the previous article in the list, or one line up in the article.
    Up,
    /// One step down: the next article in the list, or one line down in the article.
    Down,
    /// Scroll a screenful up.
    PageUp,
    /// Scroll a screenful down.
    PageDown,
    /// Scroll half a screen up.
    HalfPageUp,
    /// Scroll half a screen down.
    HalfPageDown,
    /// To the first article, or the start of the article.
    Top,
    /// To the last article, or the end of the article.
    Bottom,
    /// The previous article in reading order.
    PreviousArticle,
    /// The next article in reading order.
    NextArticle,
    /// The first article of the previous page.
    PreviousPage,
    /// The first article of the next page.
    NextPage,
    /// A digit of a page number to go to (finished with [`Action::Confirm`]).
    Digit(u8),
    /// Start typing a search.
    StartSearch,
    /// `m`: the next letter names a mark to set at the place read.
    StartSetMark,
    /// `'`: the next letter names a mark to go to.
    StartGoToMark,
    /// Mark the place read with this letter.
    SetMark(char),
    /// Go to the place marked with this letter; `'` is the place before the last jump.
    GoToMark(char),
    /// A character typed into the open prompt.
    Type(char),
    /// Delete the last character of the open prompt.
    Erase,
    /// Enter: finish the prompt, open the selected article, or follow the article's jump.
    Confirm,
    /// Go back to the place before the last jump.
    Back,
    /// The next search match.
    NextMatch,
    /// The previous search match.
    PreviousMatch,
    /// The mouse wheel turned over a screen cell; positive lines scroll down.
    Scroll {
        /// Screen column of the pointer.
        column: u16,
        /// Screen row of the pointer.
        row: u16,
        /// Lines to scroll.
        lines: i16,
    },
    /// A left click on a screen cell.
    Click {
        /// Screen column of the click.
        column: u16,
        /// Screen row of the click.
        row: u16,
    },
    /// The terminal has a new size.
    Resize {
        /// Columns.
        width: u16,
        /// Rows.
        height: u16,
    },
    /// The terminal's ambiguous-width setting became known.
    SetAmbiguousWidth(AmbiguousWidth),
}

impl Action {
    /// Every action that carries no data, in declaration order: what a test walks through
    /// to reach every branch of [`crate::app::App::update`] that a bare key can reach.
    pub const WITHOUT_DATA: [Action; 32] = [
        Action::Quit,
        Action::Suspend,
        Action::ToggleHelp,
        Action::ToggleCaptions,
        Action::ToggleCaptionScope,
        Action::TogglePunctuation,
        Action::ToggleWarnings,
        Action::ToggleMerged,
        Action::Cancel,
        Action::FocusNext,
        Action::FocusSections,
        Action::FocusArticle,
        Action::Up,
        Action::Down,
        Action::PageUp,
        Action::PageDown,
        Action::HalfPageUp,
        Action::HalfPageDown,
        Action::Top,
        Action::Bottom,
        Action::PreviousArticle,
        Action::NextArticle,
        Action::PreviousPage,
        Action::NextPage,
        Action::StartSearch,
        Action::StartSetMark,
        Action::StartGoToMark,
        Action::Erase,
        Action::Confirm,
        Action::Back,
        Action::NextMatch,
        Action::PreviousMatch,
    ];
}

#[cfg(test)]
mod tests {
    use super::Action;

    /// Fails to compile when a variant is added, and fails when a new variant without
    /// data is left out of [`Action::WITHOUT_DATA`].
    #[test]
    fn without_data_lists_every_variant_without_data_once() {
        let position = |action: Action| match action {
            Action::Quit => Some(0),
            Action::Suspend => Some(1),
            Action::ToggleHelp => Some(2),
            Action::ToggleCaptions => Some(3),
            Action::ToggleCaptionScope => Some(4),
            Action::TogglePunctuation => Some(5),
            Action::ToggleWarnings => Some(6),
            Action::ToggleMerged => Some(7),
            Action::Cancel => Some(8),
            Action::FocusNext => Some(9),
            Action::FocusSections => Some(10),
            Action::FocusArticle => Some(11),
            Action::Up => Some(12),
            Action::Down => Some(13),
            Action::PageUp => Some(14),
            Action::PageDown => Some(15),
            Action::HalfPageUp => Some(16),
            Action::HalfPageDown => Some(17),
            Action::Top => Some(18),
            Action::Bottom => Some(19),
            Action::PreviousArticle => Some(20),
            Action::NextArticle => Some(21),
            Action::PreviousPage => Some(22),
            Action::NextPage => Some(23),
            Action::StartSearch => Some(24),
            Action::StartSetMark => Some(25),
            Action::StartGoToMark => Some(26),
            Action::Erase => Some(27),
            Action::Confirm => Some(28),
            Action::Back => Some(29),
            Action::NextMatch => Some(30),
            Action::PreviousMatch => Some(31),
            Action::Digit(_)
            | Action::SetMark(_)
            | Action::GoToMark(_)
            | Action::Type(_)
            | Action::Scroll { .. }
            | Action::Click { .. }
            | Action::Resize { .. }
            | Action::SetAmbiguousWidth(_) => None,
        };
        for (index, action) in Action::WITHOUT_DATA.into_iter().enumerate() {
            assert_eq!(position(action), Some(index), "{action:?} out of place");
        }
    }
}
