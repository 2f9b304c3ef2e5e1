//! Drawing the reader from its state: one file per pane. Nothing here changes the state.

mod article;
mod captions;
pub mod cells;
mod help;
mod picker;
mod results;
mod sections;
mod status;
pub mod theme;
mod warnings;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Block;

use crate::app::screen::{MIN_HEIGHT, MIN_WIDTH, Panes};
use crate::app::{App, Focus, Overlay};
use crate::text::{AmbiguousWidth, str_width};

use self::cells::{border_set, fit, put_str};
use self::theme::Theme;

pub use self::picker::draw_archive;

/// Draws the whole screen for `app`.
pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    let Some(panes) = Panes::new(area) else {
        too_small(frame.buffer_mut(), area, app);
        return;
    };
    let buf = frame.buffer_mut();
    let theme = &Theme::of(app);
    let focus = app.focus();
    if !panes.single || focus == Focus::Sections {
        sections::render(app, panes.sections, buf);
    }
    if !panes.single || focus == Focus::Article {
        article::render(app, &panes, buf);
    }
    match app.overlay() {
        Some(Overlay::Help { scroll }) => help::render(
            *scroll,
            &panes,
            buf,
            app.ambiguous(),
            (theme, app.strings()),
            (app.in_archive(), app.extra_keys()),
        ),
        Some(Overlay::Captions(view)) => captions::render(app, view, &panes, buf),
        Some(Overlay::Warnings(view)) => warnings::render(app, view, &panes, buf),
        None => {}
    }
    if let Some(cursor) = status::render(app, panes.status, buf) {
        frame.set_cursor_position(cursor);
    }
}

fn too_small(buf: &mut Buffer, area: Rect, app: &App) {
    let (ambiguous, strings) = (app.ambiguous(), app.strings());
    let lines = [
        (strings.too_small)(area.width, area.height),
        (strings.need)(MIN_WIDTH, MIN_HEIGHT),
    ];
    for (line, y) in lines
        .iter()
        .zip(area.y + area.height.saturating_sub(2) / 2..area.bottom())
    {
        let text = fit(line, area.width as usize, ambiguous);
        let x = area.x
            + (area
                .width
                .saturating_sub(str_width(&text, ambiguous) as u16))
                / 2;
        put_str(
            buf,
            (x, y),
            area.right(),
            &text,
            Style::new().bold(),
            ambiguous,
        );
    }
}

/// Draws a pane's border with `title` on it and returns the area inside.
fn framed(
    buf: &mut Buffer,
    area: Rect,
    title: &str,
    focused: bool,
    (ambiguous, theme): (AmbiguousWidth, &Theme),
) -> Rect {
    let border_style = match focused {
        true => theme.border_focused,
        false => theme.border,
    };
    let shown = area.intersection(buf.area);
    cells::border(buf, shown, &border_set(ambiguous), border_style);
    border_label(buf, area, area.y, Side::Left, title, theme.title, ambiguous);
    Block::bordered().inner(area)
}

/// Clears `area` and draws an overlay's border around it; returns the area inside.
fn framed_overlay(
    buf: &mut Buffer,
    area: Rect,
    title: &str,
    (ambiguous, theme): (AmbiguousWidth, &Theme),
) -> Rect {
    cells::clear(buf, area, ambiguous);
    framed(buf, area, title, true, (ambiguous, theme))
}

/// Where a label sits on a border line.
#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
}

/// Writes " label " on the border row `y` of `area`, leaving the corners alone.
fn border_label(
    buf: &mut Buffer,
    area: Rect,
    y: u16,
    side: Side,
    label: &str,
    style: Style,
    ambiguous: AmbiguousWidth,
) {
    if label.is_empty() {
        return;
    }
    let room = area.width.saturating_sub(6) as usize;
    let text = format!(" {} ", fit(label, room, ambiguous));
    let width = str_width(&text, ambiguous) as u16;
    let x = match side {
        Side::Left => area.x + 2,
        Side::Right => area.right().saturating_sub(width + 2).max(area.x + 1),
    };
    put_str(buf, (x, y), area.right() - 1, &text, style, ambiguous);
}

#[cfg(test)]
mod tests;
