//! The caption viewer: the captions of the article or of its page, each labelled by kind.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Style};

use crate::app::screen::Panes;
use crate::app::{App, CaptionLine, CaptionScope, CaptionView};
use crate::edition::CaptionKind;

use super::cells::put_str;
use super::{Side, border_label, framed_overlay};

/// What a caption of each kind is called.
pub fn kind_label(kind: CaptionKind) -> &'static str {
    match kind {
        CaptionKind::Photo => "Photo caption",
        CaptionKind::Label => "Text in the photo",
        CaptionKind::Description => "Photo description",
    }
}

/// Draws the caption viewer over the article pane.
pub fn render(app: &App, view: &CaptionView, panes: &Panes, buf: &mut Buffer) {
    let ambiguous = app.ambiguous();
    let title = match (view.scope, app.current_page()) {
        (CaptionScope::Page, Some(page)) => format!("Captions on {}", page.label),
        _ => "Captions of this article".into(),
    };
    let area = panes.captions();
    framed_overlay(buf, area, &title, ambiguous);
    let hint = match view.scope {
        CaptionScope::Article => "p page  Esc close",
        CaptionScope::Page => "p article  Esc close",
    };
    border_label(
        buf,
        area,
        area.bottom() - 1,
        Side::Right,
        hint,
        Style::new(),
        ambiguous,
    );

    let text = panes.caption_text();
    for (line, y) in view
        .lines
        .iter()
        .skip(view.scroll)
        .zip(text.top()..text.bottom())
    {
        let (shown, style) = match line {
            CaptionLine::Article(title) => (title.as_str(), Style::new().bold()),
            CaptionLine::Kind(kind) => (kind_label(*kind), Style::new().fg(Color::Green).bold()),
            CaptionLine::Text(text) => (text.as_str(), Style::new()),
            CaptionLine::Note(note) => (*note, Style::new().dark_gray()),
            CaptionLine::Blank => continue,
        };
        put_str(buf, (text.x, y), text.right(), shown, style, ambiguous);
    }
}
