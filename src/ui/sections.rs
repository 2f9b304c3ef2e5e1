//! The section list: pages (版) with their articles, column banners over them.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::{App, Focus, Row};
use crate::text::{AmbiguousWidth, str_width};

use super::cells::{fill_row, fit, put_str};
use super::framed;
use super::theme::Theme;

pub use crate::app::screen::{INFERRED_MARK, REPEAT_MARK, WARNED_MARK};

/// `text` fitted into `width` cells; a cut one keeps a blank cell before the border, as a
/// title of wide characters does when an odd cell is left over.
fn fit_clear(text: &str, width: usize, ambiguous: AmbiguousWidth) -> String {
    let fitted = fit(text, width, ambiguous);
    match fitted.ends_with('…') && str_width(&fitted, ambiguous) == width {
        true => fit(text, width.saturating_sub(1), ambiguous),
        false => fitted,
    }
}

/// Draws the section list into `area`.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) {
    let (ambiguous, theme) = (app.ambiguous(), &Theme::of(app));
    let focused = app.focus() == Focus::Sections;
    let edition = app.edition();
    let title = match (&edition.paper, &edition.date) {
        (Some(paper), Some(date)) => format!("{paper} {date}"),
        (Some(name), None) | (None, Some(name)) => name.clone(),
        (None, None) => app.strings().sections_title.into(),
    };
    let inner = framed(buf, area, &title, focused, (ambiguous, theme));
    if app.rows().is_empty() {
        put_str(
            buf,
            (inner.x, inner.y),
            inner.right(),
            app.strings().no_pages,
            theme.muted,
            ambiguous,
        );
        return;
    }
    let width = inner.width as usize;
    let rows = app.rows().iter().skip(app.list_offset());
    for (row, y) in rows.zip(inner.top()..inner.bottom()) {
        let (text, style) = match *row {
            Row::Page(page) => {
                let page = &edition.pages[page];
                let heading = match &page.section {
                    Some(section) => format!("{} {section}", page.label),
                    None => page.label.clone(),
                };
                (fit(&heading, width, ambiguous), theme.page_heading)
            }
            Row::Column(index) => {
                let column = app.article(index).column.as_deref().unwrap_or_default();
                (
                    format!(
                        " {}",
                        fit_clear(&format!("【{column}】"), width.saturating_sub(1), ambiguous)
                    ),
                    theme.column_banner,
                )
            }
            Row::Article(index) => {
                let article = app.article(index);
                let (mark, style) = match article.title_inferred {
                    _ if article.is_repeat() => (REPEAT_MARK, theme.inferred_title),
                    true => (INFERRED_MARK, theme.inferred_title),
                    false => (" ", Style::new()),
                };
                let style = match app.is_read(index) {
                    true => style.patch(theme.read_title),
                    false => style,
                };
                let title = fit_clear(&article.title, width.saturating_sub(2), ambiguous);
                let warned = match app.warning_count(index) {
                    0 => " ",
                    _ => WARNED_MARK,
                };
                let text = format!("{warned}{mark}{title}");
                if app.current() == Some(index) {
                    let selected = match focused {
                        true => style.patch(theme.selected).not_dim(),
                        false => style.patch(theme.selected_unfocused),
                    };
                    fill_row(buf, inner, y, selected);
                    (text, selected)
                } else {
                    (text, style)
                }
            }
        };
        debug_assert!(str_width(&text, ambiguous) <= width);
        put_str(buf, (inner.x, y), inner.right(), &text, style, ambiguous);
    }
}
