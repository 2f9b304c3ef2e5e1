//! The article pane: laid-out lines, styled by kind, search matches highlighted.

use ratatui::buffer::Buffer;
use ratatui::style::Style;

use crate::app::screen::Panes;
use crate::app::{App, Focus, JumpTarget, Progress, search_ranges};

use super::cells::{put_chars, put_str};
use super::status::progress_label;
use super::theme::Theme;
use super::{Side, border_label, framed};

/// Draws the current article into the article pane.
pub fn render(app: &App, panes: &Panes, buf: &mut Buffer) {
    let (ambiguous, theme) = (app.ambiguous(), &Theme::of(app));
    let (title, position) = match (app.page_in_view(), app.current()) {
        (Some(page), Some(_)) => {
            let heading = match &page.section {
                Some(section) => format!("{} {section}", page.label),
                None => page.label.clone(),
            };
            (heading, scroll_label(app, panes))
        }
        _ => (String::new(), String::new()),
    };
    let area = panes.article;
    framed(
        buf,
        area,
        &title,
        app.focus() == Focus::Article,
        (ambiguous, theme),
    );
    border_label(
        buf,
        area,
        area.bottom() - 1,
        Side::Right,
        &position,
        Style::new(),
        ambiguous,
    );

    let text = panes.article_text();
    if app.current().is_none() {
        put_str(
            buf,
            (text.x, text.y),
            text.right(),
            app.strings().no_articles,
            theme.muted,
            ambiguous,
        );
        return;
    }
    let shown = app.shown_articles();
    let current_match = app.search().map(|search| search.current);
    let lines = app.lines().iter().enumerate().skip(app.scroll());
    for ((at, line), y) in lines.zip(text.top()..text.bottom()) {
        let leads_nowhere = app
            .jump_at_line(at)
            .is_some_and(|(_, jump)| !matches!(app.jump_target(&jump), JumpTarget::Article(_)));
        let base = match leads_nowhere {
            true => theme.jump_nowhere,
            false => theme.line(line.kind),
        };
        let ranges = (app.search())
            .map(|search| search_ranges(line, shown, search))
            .unwrap_or_default();
        let chars = line.text.chars().enumerate().map(|(at, c)| {
            let hit = ranges.iter().find(|(_, range)| range.contains(&at));
            let style = match hit {
                Some((found, _)) => theme.matched(base, Some(*found) == current_match),
                None => base,
            };
            (c, style)
        });
        put_chars(buf, (text.x, y), text.right(), chars, ambiguous);
    }
}

/// "12-30/80 45%": the lines shown, of how many, and how far through the article they are.
fn scroll_label(app: &App, panes: &Panes) -> String {
    let total = app.lines().len();
    let height = panes.article_text().height as usize;
    match app.progress() {
        Progress::All => progress_label(Progress::All, app.strings()),
        progress => format!(
            "{}-{}/{total} {}",
            app.scroll() + 1,
            (app.scroll() + height).min(total),
            progress_label(progress, app.strings())
        ),
    }
}
