//! The warnings viewer: the repairs and doubts the parser reported, the article's first.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use crate::app::screen::Panes;
use crate::app::{App, WarningLine, WarningsView};

use super::cells::put_str;
use super::framed_overlay;
use super::theme::Theme;

/// What starts each warning's first line; its other lines are indented as far.
const BULLET: &str = "• ";
const INDENT: &str = "  ";

/// Draws the warnings viewer over the article pane.
pub fn render(app: &App, view: &WarningsView, panes: &Panes, buf: &mut Buffer) {
    let (ambiguous, theme, strings) = (app.ambiguous(), &Theme::of(app), app.strings());
    let area = panes.captions();
    framed_overlay(buf, area, strings.warnings_title, (ambiguous, theme));
    let text = panes.warning_text();
    let lines = view.lines.iter().skip(view.scroll);
    for (line, y) in lines.zip(text.top()..text.bottom()) {
        let (prefix, shown, style) = match line {
            WarningLine::Heading(heading) => ("", heading.as_str(), theme.title),
            WarningLine::Text { text, first: true } => (BULLET, text.as_str(), Style::default()),
            WarningLine::Text { text, .. } => (INDENT, text.as_str(), Style::default()),
            WarningLine::Note(note) => ("", note.as_str(), theme.muted),
            WarningLine::Blank => continue,
        };
        let x = put_str(buf, (text.x, y), text.right(), prefix, style, ambiguous);
        put_str(buf, (x, y), text.right(), shown, style, ambiguous);
    }
}
