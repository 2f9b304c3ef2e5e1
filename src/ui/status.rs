//! The status line: where the reader is, messages, prompts, and the keys that matter now.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use crate::app::keymap::Mode;
use crate::app::strings::Strings;
use crate::app::{App, Focus, JumpTarget, Overlay, Progress, Prompt};
use crate::text::str_width;

use super::cells::{fill_row, fit, fit_end, put_str};
use super::theme::Theme;

/// Draws the status line; returns where the cursor goes while a prompt is open.
pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Option<Position> {
    let (ambiguous, theme, strings) = (app.ambiguous(), &Theme::of(app), app.strings());
    let bar = theme.status;
    fill_row(buf, area, area.y, bar);
    let width = area.width as usize;

    if let Some(prompt) = app.prompt() {
        let text = match prompt {
            Prompt::Search(query) => format!("/{query}"),
            Prompt::PageNumber(digits) => format!("{}{digits}", strings.go_to_page),
            Prompt::SetMark => strings.set_mark_prompt.into(),
            Prompt::GoToMark => strings.go_to_mark_prompt.into(),
        };
        let shown = fit_end(&text, width, ambiguous);
        let end = put_str(
            buf,
            (area.x, area.y),
            area.right(),
            &shown,
            bar.bold(),
            ambiguous,
        );
        put_hints(buf, area, end, &hints(app), theme.hints, app);
        return Some(Position::new(end.min(area.right() - 1), area.y));
    }

    let mut end = put_str(
        buf,
        (area.x, area.y),
        area.right(),
        &fit(&position(app), width, ambiguous),
        bar,
        ambiguous,
    );
    if let Some(message) = app.message() {
        let room = (area.right().saturating_sub(end + 2)) as usize;
        let style = theme.message;
        end = put_str(
            buf,
            (end + 2, area.y),
            area.right(),
            &fit(message, room, ambiguous),
            style,
            ambiguous,
        );
    }
    put_hints(buf, area, end, &hints(app), theme.hints, app);
    None
}

/// "第一版 要闻  3/12  45%  merged".
fn position(app: &App) -> String {
    let strings = app.strings();
    let (Some(page), Some(index)) = (app.page_in_view(), app.article_in_view()) else {
        return strings.position_none.into();
    };
    let mut parts = vec![format!(" {}", page.label)];
    parts.extend(page.section.clone());
    parts.push(format!(" {}/{}", index + 1, app.article_count()));
    if app.progress() != Progress::All {
        parts.push(format!(" {}", progress_label(app.progress(), strings)));
    }
    if app.merged() {
        parts.push(format!(" {}", strings.merged_mark));
    }
    parts.join(" ")
}

/// The keys worth knowing in the reader's current state: Enter and Backspace only where
/// they would do something.
fn hints(app: &App) -> String {
    let strings = app.strings();
    let fixed = match (app.mode(), app.overlay(), app.focus()) {
        (Mode::Search, ..) => strings.hints_search,
        (Mode::PageNumber, ..) => strings.hints_page_number,
        (Mode::SetMark | Mode::GoToMark, ..) => strings.hints_mark,
        (_, Some(Overlay::Help { .. }), _) => strings.hints_help,
        (_, Some(Overlay::Captions(_)), _) => strings.hints_captions,
        (_, Some(Overlay::Warnings(_)), _) => strings.hints_warnings,
        (_, None, Focus::Sections) => strings.hints_list,
        (_, None, Focus::Article) => "",
    };
    if !fixed.is_empty() {
        return fixed.to_owned();
    }
    // Enter follows a jump in view, and only one that leads somewhere.
    let has_jump = app
        .jump_in_view()
        .is_some_and(|(_, jump)| matches!(app.jump_target(&jump), JumpTarget::Article(_)));
    let depth = app.places_to_go_back();
    let mut hints = vec![strings.hint_page.to_owned()];
    hints.extend(has_jump.then(|| strings.hint_jump.to_owned()));
    hints.extend((depth > 0).then(|| (strings.hint_back)(depth)));
    hints.extend([strings.hint_search, strings.hint_help].map(str::to_owned));
    hints.join("  ")
}

/// Right-aligns `hints`, or the short form, after column `used` if they fit.
fn put_hints(buf: &mut Buffer, area: Rect, used: u16, hints: &str, style: Style, app: &App) {
    let ambiguous = app.ambiguous();
    let fits = |hints: &&str| used + 3 + str_width(hints, ambiguous) as u16 <= area.right();
    if let Some(hints) = [hints, app.strings().hint_help].into_iter().find(fits) {
        let x = area.right() - 1 - str_width(hints, ambiguous) as u16;
        put_str(buf, (x, area.y), area.right(), hints, style, ambiguous);
    }
}

/// How far through the article the reader is, as a few characters.
pub fn progress_label(progress: Progress, strings: &Strings) -> String {
    match progress {
        Progress::All => strings.progress_all.into(),
        Progress::Top => strings.progress_top.into(),
        Progress::Percent(percent) => format!("{percent}%"),
        Progress::End => strings.progress_end.into(),
    }
}
