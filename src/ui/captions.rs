//! The caption viewer: the captions of the article (in merged reading, of its story) or of
//! its page, each labelled by kind.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use crate::app::screen::Panes;
use crate::app::{App, CaptionLine, CaptionScope, CaptionView};

use super::cells::{fit, put_str};
use super::theme::Theme;
use super::{Side, border_label, framed_overlay};

/// Draws the caption viewer over the article pane.
pub fn render(app: &App, view: &CaptionView, panes: &Panes, buf: &mut Buffer) {
    let (ambiguous, theme, strings) = (app.ambiguous(), &Theme::of(app), app.strings());
    let title = match (view.scope, app.current_page()) {
        (CaptionScope::Page, Some(page)) => (strings.captions_of_page)(&page.label),
        (CaptionScope::Story, _) => strings.captions_of_story.into(),
        _ => strings.captions_of_article.into(),
    };
    let area = panes.captions();
    framed_overlay(buf, area, &title, (ambiguous, theme));
    let hint = match view.scope {
        CaptionScope::Article | CaptionScope::Story => strings.captions_hint_own,
        CaptionScope::Page => strings.captions_hint_page,
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

    // The view wraps its lines to this width; only the kind labels are not its own.
    let text = panes.caption_text();
    for (line, y) in view
        .lines
        .iter()
        .skip(view.scroll)
        .zip(text.top()..text.bottom())
    {
        let (shown, style): (Cow<str>, _) = match line {
            CaptionLine::Heading(heading) => (heading.into(), theme.title),
            CaptionLine::Kind(kind) => (
                fit((strings.caption_kind)(*kind), text.width.into(), ambiguous).into(),
                theme.caption_kind,
            ),
            CaptionLine::Text(text) => (text.into(), Style::new()),
            CaptionLine::Note(note) => (note.into(), theme.muted),
            CaptionLine::Blank => continue,
        };
        put_str(buf, (text.x, y), text.right(), &shown, style, ambiguous);
    }
}
