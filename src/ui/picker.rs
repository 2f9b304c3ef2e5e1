//! The archive's panes: the edition picker (editions by month, with their counts or their
//! error), and the archive's place on the section list's border.

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use crate::app::App;
use crate::app::archive::{ArchiveState, Picker, PickerRow};
use crate::app::screen::Panes;
use crate::app::strings::ArchiveStrings;
use crate::archive::Summary;

use super::Theme;
use super::cells::{fill_row, fit, put_str};
use super::results;
use super::{Side, border_label, framed_overlay};

/// The widest the picker gets.
const PICKER_WIDTH: u16 = 72;
/// Marks the edition being read.
pub const CURRENT_MARK: &str = "●";

/// Draws what the archive adds to the reader's screen.
pub fn draw_archive(frame: &mut Frame, app: &App, state: &ArchiveState) {
    let Some(panes) = Panes::new(frame.area()) else {
        return;
    };
    let buf = frame.buffer_mut();
    let ambiguous = app.ambiguous();
    let words = app.strings().archive;
    let theme = &Theme::of(app);
    let archive = state.archive();
    if !panes.single || app.focus() == crate::app::Focus::Sections {
        let place = format!("( {}/{} )", state.current() + 1, archive.len());
        // A search going on behind the reader says how far it has got.
        let label = match state.search().filter(|search| search.is_running()) {
            Some(search) => (words.border_found)(&place, search.hits().len()),
            None => (words.border_keys)(&place),
        };
        let bottom = panes.sections.bottom() - 1;
        border_label(
            buf,
            panes.sections,
            bottom,
            Side::Left,
            &label,
            theme.border_note,
            ambiguous,
        );
    }
    if let Some(search) = state.search().filter(|search| search.list_open()) {
        let dates = |index: usize| archive.entries()[index].date.clone();
        let main = panes.sections.union(panes.article);
        results::render(search, &dates, main, buf, (ambiguous, theme, words));
    }
    if let Some(picker) = state.picker() {
        render_picker(state, picker, picker_area(&panes), buf, app);
    }
    if let Some(query) = state.prompt() {
        let cursor = results::render_prompt(
            query,
            archive.len(),
            panes.status,
            buf,
            (ambiguous, theme, words),
        );
        frame.set_cursor_position(cursor);
    }
}

/// The picker's box: the reading area's height, centred.
fn picker_area(panes: &Panes) -> Rect {
    let main = panes.sections.union(panes.article);
    let width = main.width.min(PICKER_WIDTH);
    Rect {
        x: main.x + (main.width - width) / 2,
        width,
        ..main
    }
}

fn render_picker(state: &ArchiveState, picker: &Picker, area: Rect, buf: &mut Buffer, app: &App) {
    let ambiguous = app.ambiguous();
    let archive = state.archive();
    let words = app.strings().archive;
    let theme = &Theme::of(app);
    let title = (words.picker_title)(archive.len());
    let inner = framed_overlay(buf, area, &title, (ambiguous, theme));
    let hint = match picker.typed() {
        "" => words.picker_hint.to_owned(),
        typed => (words.picker_typed)(typed),
    };
    border_label(
        buf,
        area,
        area.bottom() - 1,
        Side::Right,
        &hint,
        theme.border_state,
        ambiguous,
    );
    let height = inner.height as usize;
    if height == 0 {
        return;
    }
    let rows = picker.rows();
    let selected_row = picker.selected_row();
    // Keep the selection a third of the way down where the rows allow.
    let top = selected_row
        .saturating_sub(height / 3)
        .min(rows.len().saturating_sub(height));
    for (row, y) in rows[top..].iter().zip(inner.top()..inner.bottom()) {
        let (text, style) = match row {
            PickerRow::Month(month) => (month_heading(month, words), theme.month_heading),
            PickerRow::Edition(index) => {
                let entry = &archive.entries()[*index];
                let mark = match *index == state.current() {
                    true => CURRENT_MARK,
                    false => " ",
                };
                let what = match archive.known_summary(*index) {
                    Some(Summary::Counts { pages, articles }) => (words.counts)(*pages, *articles),
                    // The error names the file; within the edition's folder is enough.
                    Some(Summary::Broken(error)) => {
                        (words.broken)(&error.replace(&format!("{}/", entry.path.display()), ""))
                    }
                    None => "…".to_owned(),
                };
                let style = match archive.known_summary(*index) {
                    Some(Summary::Broken(_)) => theme.broken,
                    _ => Style::new(),
                };
                let weekday = weekday(&entry.date).map_or("", |day| words.weekdays[day]);
                (format!(" {mark} {} {weekday}  {what}", entry.date), style)
            }
        };
        let style = match matches!(row, PickerRow::Edition(index) if *index == picker.selected()) {
            true => {
                fill_row(buf, inner, y, theme.selected);
                style.patch(theme.selected)
            }
            false => style,
        };
        put_str(
            buf,
            (inner.x, y),
            inner.right(),
            &fit(&text, inner.width as usize, ambiguous),
            style,
            ambiguous,
        );
    }
}

/// "2019-10" as its heading in the reader's language: "October 2019", "2019年10月".
fn month_heading(month: &str, words: &ArchiveStrings) -> String {
    let numbers = month.split_once('-').and_then(|(year, month)| {
        let month: u32 = month.parse().ok()?;
        Some((year.parse().ok()?, month))
    });
    match numbers {
        Some((year, month)) if (1..=12).contains(&month) => (words.month_heading)(year, month),
        _ => month.to_owned(),
    }
}

/// The day of the week of "YYYY-MM-DD": 0 for Sunday to 6 for Saturday.
fn weekday(date: &str) -> Option<usize> {
    let number = |range: std::ops::Range<usize>| date.get(range)?.parse::<i64>().ok();
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    // Sakamoto's method.
    const OFFSETS: [i64; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let offset = OFFSETS.get(usize::try_from(month).ok()?.checked_sub(1)?)?;
    let year = if month < 3 { year - 1 } else { year };
    let index = (year + year / 4 - year / 100 + year / 400 + offset + day).rem_euclid(7);
    usize::try_from(index).ok()
}

#[cfg(test)]
mod tests {
    use super::{month_heading, weekday};
    use crate::app::strings::Lang;

    #[test]
    fn weekdays_are_right_and_named_in_the_readers_language() {
        assert_eq!(weekday("2019-10-01"), Some(2));
        assert_eq!(weekday("2026-06-05"), Some(5));
        assert_eq!(weekday("2024-02-29"), Some(4));
        assert_eq!(weekday("2024-13-01"), None);
        assert_eq!(weekday("2024-00-01"), None);
        assert_eq!(weekday("20"), None);
        let (en, zh) = (Lang::En.strings().archive, Lang::Zh.strings().archive);
        assert_eq!((en.weekdays[5], zh.weekdays[5]), ("Fri", "周五"));
        assert_eq!((en.weekdays[0], zh.weekdays[0]), ("Sun", "周日"));
    }

    #[test]
    fn month_headings_follow_the_readers_language() {
        let (en, zh) = (Lang::En.strings().archive, Lang::Zh.strings().archive);
        assert_eq!(month_heading("2019-10", en), "October 2019");
        assert_eq!(month_heading("2026-06", en), "June 2026");
        assert_eq!(month_heading("2019-10", zh), "2019年10月");
        assert_eq!(month_heading("2026-06", zh), "2026年6月");
        assert_eq!(
            month_heading("2026-13", en),
            "2026-13",
            "not a month: as it is"
        );
    }
}
