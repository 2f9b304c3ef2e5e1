//! The key help overlay.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use crate::app::screen::Panes;
use crate::app::strings::Strings;
use crate::text::{AmbiguousWidth, str_width};

use super::cells::{fit, put_str};
use super::framed_overlay;
use super::sections::{INFERRED_MARK, WARNED_MARK};
use super::theme::Theme;

/// Cells the keys column takes.
const KEYS_WIDTH: u16 = 15;

/// Draws the help box, scrolled to `scroll`.
pub fn render(
    scroll: usize,
    panes: &Panes,
    buf: &mut Buffer,
    ambiguous: AmbiguousWidth,
    (theme, strings): (&Theme, &Strings),
) {
    framed_overlay(buf, panes.help(), strings.help_title, (ambiguous, theme));
    let text = panes.help_text();
    let rows = (strings.key_help.iter())
        .map(|row| (row.keys, row.does))
        .chain([
            ("", ""),
            (INFERRED_MARK, strings.inferred_legend),
            (WARNED_MARK, strings.warned_legend),
        ])
        .skip(scroll);
    for ((keys, does), y) in rows.zip(text.top()..text.bottom()) {
        let end = put_str(
            buf,
            (text.x, y),
            text.right(),
            keys,
            theme.help_keys,
            ambiguous,
        );
        let x = (text.x + KEYS_WIDTH).max(end + 1);
        debug_assert!(str_width(keys, ambiguous) < KEYS_WIDTH as usize);
        let room = text.right().saturating_sub(x) as usize;
        put_str(
            buf,
            (x, y),
            text.right(),
            &fit(does, room, ambiguous),
            Style::new(),
            ambiguous,
        );
    }
}
