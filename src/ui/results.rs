//! The results of a search across an archive's editions: one row a match — date, page,
//! headline and the matching line with the match marked — newest first, filling as the
//! search runs; and the search's prompt on the status line.

use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::style::Style;

use crate::app::archive::{ArchiveSearch, MAX_HITS};
use crate::text::{AmbiguousWidth, str_width};

use super::Theme;
use super::cells::{fill_row, fit, fit_end, put_chars, put_str};
use super::picker::CURRENT_MARK;
use super::{Side, border_label, framed_overlay};
use crate::app::strings::ArchiveStrings;

/// Cells the title column takes.
const TITLE_WIDTH: usize = 26;

/// Draws the prompt of a search across editions over the status line; returns where the
/// cursor goes.
pub fn render_prompt(
    query: &str,
    editions: usize,
    area: Rect,
    buf: &mut Buffer,
    (ambiguous, theme, words): (AmbiguousWidth, &Theme, &ArchiveStrings),
) -> Position {
    let bar = theme.status;
    fill_row(buf, area, area.y, bar);
    let text = format!("&{query}");
    let width = area.width as usize;
    let shown = fit_end(&text, width, ambiguous);
    let end = put_str(
        buf,
        (area.x, area.y),
        area.right(),
        &shown,
        bar.bold(),
        ambiguous,
    );
    let hint = (words.search_hint)(editions);
    let hint_width = str_width(&hint, ambiguous) as u16;
    if end + 3 + hint_width <= area.right() {
        let x = area.right() - 1 - hint_width;
        put_str(
            buf,
            (x, area.y),
            area.right(),
            &hint,
            theme.hints,
            ambiguous,
        );
    }
    Position::new(end.min(area.right() - 1), area.y)
}

/// Draws the results list in `area`.
pub fn render(
    search: &ArchiveSearch,
    dates: &dyn Fn(usize) -> String,
    area: Rect,
    buf: &mut Buffer,
    (ambiguous, theme, words): (AmbiguousWidth, &Theme, &ArchiveStrings),
) {
    let hits = search.hits();
    let (scanned, total, broken) = search.progress();
    let title = (words.results_title)(&search.query, hits.len());
    let inner = framed_overlay(buf, area, &title, (ambiguous, theme));
    let mut state = match search.is_running() {
        true => (words.searching)(scanned, total),
        false if search.is_full() => (words.stopped_at)(MAX_HITS),
        false => (words.all_searched)(total),
    };
    if broken > 0 {
        state.push_str(&(words.broken_count)(broken));
    }
    border_label(
        buf,
        area,
        area.y,
        Side::Right,
        &state,
        theme.border_state,
        ambiguous,
    );
    border_label(
        buf,
        area,
        area.bottom() - 1,
        Side::Right,
        words.results_hint,
        theme.border_note,
        ambiguous,
    );
    let height = inner.height as usize;
    if height == 0 {
        return;
    }
    if hits.is_empty() {
        let note = match search.is_running() {
            true => words.still_searching,
            false => words.nowhere,
        };
        put_str(
            buf,
            (inner.x, inner.y),
            inner.right(),
            note,
            theme.muted,
            ambiguous,
        );
        return;
    }
    let selected = search.selected();
    let top = selected
        .saturating_sub(height / 3)
        .min(hits.len().saturating_sub(height));
    for (index, y) in (top..hits.len()).zip(inner.top()..inner.bottom()) {
        let hit = &hits[index];
        let chosen = index == selected;
        let base = match chosen {
            true => {
                fill_row(buf, inner, y, theme.selected);
                theme.selected
            }
            false => Style::new(),
        };
        let mark = match search.opened() == Some(index) {
            true => CURRENT_MARK,
            false => " ",
        };
        let head = format!("{mark}{} {} ", dates(hit.edition), hit.page);
        let mut x = put_str(
            buf,
            (inner.x, y),
            inner.right(),
            &head,
            base.patch(theme.result_place),
            ambiguous,
        );
        let title = fit(&hit.title, TITLE_WIDTH, ambiguous);
        let title_end = put_str(buf, (x, y), inner.right(), &title, base.bold(), ambiguous);
        x = (x + TITLE_WIDTH as u16 + 2)
            .max(title_end + 2)
            .min(inner.right());
        // On the selected row the match is the current one: without colour a reversed match
        // would not show on a reversed row.
        let marked = theme.matched(base, chosen);
        let chars = hit.line.chars().enumerate().map(|(at, c)| {
            let c = if c.is_control() { ' ' } else { c };
            (c, if hit.hit.contains(&at) { marked } else { base })
        });
        put_chars(buf, (x, y), inner.right(), chars, ambiguous);
    }
}
