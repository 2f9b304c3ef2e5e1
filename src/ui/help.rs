//! The key help overlay.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use crate::app::Action;
use crate::app::keymap::Key;
use crate::app::screen::{Panes, help_rows_with};
use crate::app::strings::Strings;
use crate::text::AmbiguousWidth;

use super::cells::put_str;
use super::theme::Theme;
use super::{Side, border_label, framed_overlay};

/// Draws the help box, scrolled to `scroll`; where it holds fewer lines than the help
/// has, its bottom border says which it shows and that there are more.
pub fn render(
    scroll: usize,
    panes: &Panes,
    buf: &mut Buffer,
    ambiguous: AmbiguousWidth,
    (theme, strings): (&Theme, &Strings),
    keys: (bool, &[(Key, Action)]),
) {
    let area = panes.help();
    framed_overlay(buf, area, strings.help_title, (ambiguous, theme));
    let text = panes.help_text();
    let rows = help_rows_with(strings, text.width as usize, ambiguous, keys);
    let height = text.height as usize;
    for (row, y) in rows.iter().skip(scroll).zip(text.top()..text.bottom()) {
        put_str(
            buf,
            (text.x, y),
            text.right(),
            &row.keys,
            theme.help_keys,
            ambiguous,
        );
        let x = text.x + row.indent as u16;
        put_str(
            buf,
            (x, y),
            text.right(),
            &row.text,
            Style::new(),
            ambiguous,
        );
    }
    if rows.len() > height {
        let last = (scroll + height).min(rows.len());
        let more = match (scroll > 0, last < rows.len()) {
            (true, true) => "↑↓",
            (false, true) => "↓",
            (true, false) => "↑",
            (false, false) => "",
        };
        let label = format!("{}-{last}/{} {more}", scroll + 1, rows.len());
        let bottom = area.bottom() - 1;
        border_label(
            buf,
            area,
            bottom,
            Side::Right,
            &label,
            theme.title,
            ambiguous,
        );
    }
}
