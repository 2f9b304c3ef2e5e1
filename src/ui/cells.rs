//! Writing text into the buffer cell by cell, right in both ambiguous-width settings.
//!
//! Ratatui measures ambiguous characters (“ ” … — ·) as one cell. A terminal set to
//! "ambiguous = wide" draws them in two, so after such a character the next cell is marked
//! to be skipped: ratatui then leaves the character's second half alone.

use ratatui::buffer::{Buffer, CellDiffOption};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::widgets::{Clear, Widget};
use unicode_width::UnicodeWidthChar;

use crate::text::{AmbiguousWidth, char_width, str_width};

/// Box-drawing characters are ambiguous too; where they take two cells, borders use ASCII.
const ASCII_BORDER: border::Set = border::Set {
    top_left: "+",
    top_right: "+",
    bottom_left: "+",
    bottom_right: "+",
    vertical_left: "|",
    vertical_right: "|",
    horizontal_top: "-",
    horizontal_bottom: "-",
};

/// The border symbols that take one cell in a terminal with the `ambiguous` setting.
pub fn border_set(ambiguous: AmbiguousWidth) -> border::Set<'static> {
    match ambiguous {
        AmbiguousWidth::Narrow => border::PLAIN,
        AmbiguousWidth::Wide => ASCII_BORDER,
    }
}

/// Draws a border of `set` in `style` around the edge of `area`, as ratatui's bordered
/// `Block` draws it: the sides, then the corners over them. A block would first go over
/// every cell inside to give it the block's style, which the reader's panes do not have: that
/// was a tenth of a frame.
pub fn border(buf: &mut Buffer, area: Rect, set: &border::Set<'_>, style: Style) {
    if area.is_empty() {
        return;
    }
    let (left, top) = (area.left(), area.top());
    let (right, bottom) = (area.right() - 1, area.bottom() - 1);
    let mut put = |x: u16, y: u16, symbol: &str| {
        if let Some(cell) = buf.cell_mut((x, y)) {
            cell.set_symbol(symbol).set_style(style);
        }
    };
    for y in top..=bottom {
        put(left, y, set.vertical_left);
    }
    for x in left..=right {
        put(x, top, set.horizontal_top);
    }
    for y in top..=bottom {
        put(right, y, set.vertical_right);
    }
    for x in left..=right {
        put(x, bottom, set.horizontal_bottom);
    }
    put(right, bottom, set.bottom_right);
    put(right, top, set.top_right);
    put(left, bottom, set.bottom_left);
    put(left, top, set.top_left);
}

/// Writes `chars`, each with its style, on row `y` from column `x`, stopping before a char
/// that would cross column `end`. Control and zero-width characters are left out.
/// Returns the column after the last cell written.
pub fn put_chars(
    buf: &mut Buffer,
    (mut x, y): (u16, u16),
    end: u16,
    chars: impl IntoIterator<Item = (char, Style)>,
    ambiguous: AmbiguousWidth,
) -> u16 {
    for (c, style) in chars {
        let width = char_width(c, ambiguous) as u16;
        if c.is_control() || width == 0 {
            continue;
        }
        if x + width > end {
            break;
        }
        let Some(cell) = buf.cell_mut((x, y)) else {
            break;
        };
        cell.reset();
        cell.set_char(c).set_style(style);
        if width == 2
            && let Some(next) = buf.cell_mut((x + 1, y))
        {
            next.reset();
            next.set_style(style);
            if c.width() == Some(1) {
                next.set_diff_option(CellDiffOption::Skip);
            }
        }
        x += width;
    }
    x
}

/// Writes `text` in one style; see [`put_chars`].
pub fn put_str(
    buf: &mut Buffer,
    at: (u16, u16),
    end: u16,
    text: &str,
    style: Style,
    ambiguous: AmbiguousWidth,
) -> u16 {
    put_chars(buf, at, end, text.chars().map(|c| (c, style)), ambiguous)
}

/// Blanks `area` for an overlay, and the character left of it when that one reaches in:
/// a wide character whose second half an overlay's border covers would hide the border.
pub fn clear(buf: &mut Buffer, area: Rect, ambiguous: AmbiguousWidth) {
    Clear.render(area, buf);
    let Some(left) = area.x.checked_sub(1) else {
        return;
    };
    for y in area.top()..area.bottom() {
        if let Some(cell) = buf.cell_mut((left, y))
            && str_width(cell.symbol(), ambiguous) > 1
        {
            cell.reset();
        }
    }
}

/// Fills the row `y` of `area` with blanks in `style`.
pub fn fill_row(buf: &mut Buffer, area: Rect, y: u16, style: Style) {
    for x in area.left()..area.right() {
        if let Some(cell) = buf.cell_mut((x, y)) {
            cell.reset();
            cell.set_style(style);
        }
    }
}

/// A prompt being typed, fitted into `width` cells: whole when it fits, else its end, where
/// the typing is, with "…" at the start.
pub fn fit_end(text: &str, width: usize, ambiguous: AmbiguousWidth) -> String {
    if str_width(text, ambiguous) < width {
        return text.to_owned();
    }
    let reversed: String = text.chars().rev().collect();
    fit(&reversed, width.saturating_sub(1), ambiguous)
        .chars()
        .rev()
        .collect()
}

/// `text` without control characters, cut to `width` cells with "…" when it is wider.
pub fn fit(text: &str, width: usize, ambiguous: AmbiguousWidth) -> String {
    let clean: String = text
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .filter(|c| !c.is_control())
        .collect();
    if str_width(&clean, ambiguous) <= width {
        return clean;
    }
    let room = width.saturating_sub(char_width('…', ambiguous));
    let mut cut = String::new();
    let mut used = 0;
    for c in clean.chars() {
        used += char_width(c, ambiguous);
        if used > room {
            break;
        }
        cut.push(c);
    }
    if char_width('…', ambiguous) <= width {
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(buf: &Buffer, y: u16) -> String {
        (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
    }

    #[test]
    fn titles_are_cut_by_cells_with_an_ellipsis() {
        assert_eq!(
            fit("入企驻厂助环保体检", 9, AmbiguousWidth::Narrow),
            "入企驻厂…"
        );
        assert_eq!(
            fit("入企驻厂助环保体检", 9, AmbiguousWidth::Wide),
            "入企驻…"
        );
        assert_eq!(fit("短标题", 6, AmbiguousWidth::Narrow), "短标题");
        assert_eq!(fit("JQ奇瑞", 3, AmbiguousWidth::Narrow), "JQ…");
    }

    #[test]
    fn control_characters_never_reach_the_screen() {
        assert_eq!(
            fit("标题\u{1b}[31m\n续", 20, AmbiguousWidth::Narrow),
            "标题[31m 续"
        );
        let mut buf = Buffer::empty(Rect::new(0, 0, 8, 1));
        put_str(
            &mut buf,
            (0, 0),
            8,
            "a\u{1b}b\u{7}",
            Style::new(),
            AmbiguousWidth::Narrow,
        );
        assert_eq!(row(&buf, 0), "ab      ");
    }

    #[test]
    fn a_wide_char_that_does_not_fit_is_left_out() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 5, 1));
        let end = put_str(
            &mut buf,
            (0, 0),
            5,
            "数字青岛",
            Style::new(),
            AmbiguousWidth::Narrow,
        );
        assert_eq!(end, 4);
        assert_eq!(buf[(4, 0)].symbol(), " ");
    }

    #[test]
    fn an_overlay_takes_the_whole_of_a_wide_char_it_cuts() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        put_str(
            &mut buf,
            (0, 0),
            6,
            "数字青",
            Style::new(),
            AmbiguousWidth::Narrow,
        );
        clear(&mut buf, Rect::new(3, 0, 3, 1), AmbiguousWidth::Narrow);
        assert_eq!(row(&buf, 0), "数     ", "数 and the blank cell it covers");
    }

    #[test]
    fn ambiguous_chars_skip_their_second_cell_only_when_wide() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        let end = put_str(
            &mut buf,
            (0, 0),
            6,
            "“数”",
            Style::new(),
            AmbiguousWidth::Wide,
        );
        assert_eq!(end, 6);
        assert_eq!(buf[(1, 0)].diff_option, CellDiffOption::Skip);
        assert_eq!(
            buf[(3, 0)].diff_option,
            CellDiffOption::None,
            "ratatui knows 数 is wide"
        );
        assert_eq!(buf[(5, 0)].diff_option, CellDiffOption::Skip);

        let mut buf = Buffer::empty(Rect::new(0, 0, 6, 1));
        assert_eq!(
            put_str(
                &mut buf,
                (0, 0),
                6,
                "“数”",
                Style::new(),
                AmbiguousWidth::Narrow
            ),
            4
        );
        assert!((0..6).all(|x| buf[(x, 0)].diff_option == CellDiffOption::None));
    }
}
