//! The key help overlay.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};

use crate::app::input::KEY_HELP;
use crate::app::screen::Panes;
use crate::text::{AmbiguousWidth, str_width};

use super::cells::put_str;
use super::framed_overlay;
use super::sections::INFERRED_MARK;

/// Cells the keys column takes.
const KEYS_WIDTH: u16 = 15;

/// Draws the help box, scrolled to `scroll`.
pub fn render(scroll: usize, panes: &Panes, buf: &mut Buffer, ambiguous: AmbiguousWidth) {
    framed_overlay(buf, panes.help(), "Keys", ambiguous);
    let text = panes.help_text();
    let legend =
        format!("{INFERRED_MARK}title: no printed headline; the title is taken from the text");
    let rows = KEY_HELP
        .iter()
        .map(|row| (row.keys, row.does))
        .chain([("", ""), ("", legend.as_str())])
        .skip(scroll);
    for ((keys, does), y) in rows.zip(text.top()..text.bottom()) {
        let end = put_str(
            buf,
            (text.x, y),
            text.right(),
            keys,
            Style::new().fg(Color::Cyan).bold(),
            ambiguous,
        );
        let x = (text.x + KEYS_WIDTH).max(end + 1);
        let style = if keys.is_empty() {
            Style::new().add_modifier(Modifier::DIM)
        } else {
            Style::new()
        };
        debug_assert!(str_width(keys, ambiguous) < KEYS_WIDTH as usize);
        put_str(buf, (x, y), text.right(), does, style.not_bold(), ambiguous);
    }
}
