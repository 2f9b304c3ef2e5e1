//! The archive's panes: the picker in the reader's language, and the picker and the results
//! list without colour, telling the selection by reverse video alone.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use super::{attribute_text, screen_text, terminal_screen};
use crate::app::App;
use crate::app::archive::{ArchiveAction, ArchiveState};
use crate::app::strings::Lang;
use crate::archive::tests::TempFolder;
use crate::text::AmbiguousWidth;

/// The mixed archive open at its newest edition, in a reader of 100x30 speaking `lang`.
fn reading(lang: Lang) -> (TempFolder, ArchiveState, App) {
    let (folder, state, mut app) = crate::app::archive::tests::reading();
    app.set_lang(lang);
    app.set_archive(true);
    (folder, state, app)
}

/// The picker open with every edition's counts known, the oldest selected.
fn picking(lang: Lang) -> (TempFolder, ArchiveState, App) {
    let (folder, mut state, mut app) = reading(lang);
    state.update(ArchiveAction::OpenPicker, &mut app);
    state.wait_for_summaries();
    state.update(ArchiveAction::First, &mut app);
    (folder, state, app)
}

/// The picker's columns that hold the dates: drawn in one cell each, the same in either
/// language (a wide character's second half reads back unstyled from the test backend).
const PICKER_DATES: (u16, u16) = (16, 28);

fn render(app: &App, state: &ArchiveState) -> Buffer {
    let area = app.area();
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal
        .draw(|frame| {
            crate::ui::draw(frame, app);
            crate::ui::draw_archive(frame, app, state);
        })
        .unwrap();
    terminal.backend().buffer().clone()
}

fn row_text(buf: &Buffer, y: u16) -> String {
    (buf.area.left()..buf.area.right())
        .map(|x| buf[(x, y)].symbol())
        .collect()
}

/// The rows of `buf` above the status line whose cells from `from` to `to` are all in
/// reverse video.
fn reversed_rows(buf: &Buffer, from: u16, to: u16) -> Vec<u16> {
    (buf.area.top()..buf.area.bottom() - 1)
        .filter(|&y| (from..to).all(|x| buf[(x, y)].modifier.contains(Modifier::REVERSED)))
        .collect()
}

fn assert_no_colour(buf: &Buffer) {
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
    }
}

#[test]
fn the_picker_names_months_and_weekdays_in_the_readers_language() {
    for (lang, name, month, day) in [
        (Lang::En, "picker_en", "October 2019", "2019-10-04 Fri"),
        (Lang::Zh, "picker_zh", "2019年10月", "2019-10-04 周五"),
    ] {
        let (_folder, state, app) = picking(lang);
        let screen = screen_text(&terminal_screen(
            &render(&app, &state),
            AmbiguousWidth::Narrow,
        ));
        assert!(screen.contains(month), "{screen}");
        assert!(screen.contains(day), "{screen}");
        insta::assert_snapshot!(name, screen);
    }
}

#[test]
fn without_colour_the_picker_marks_the_selection_by_reverse_video() {
    let (_folder, state, mut app) = picking(Lang::En);
    app.set_colors(false);
    let buf = render(&app, &state);
    assert_no_colour(&buf);
    let row = row_text(&buf, reversed_rows(&buf, PICKER_DATES.0, PICKER_DATES.1)[0]);
    assert!(row.contains("2019-10-04 Fri"), "{row}");
    assert_eq!(
        reversed_rows(&buf, PICKER_DATES.0, PICKER_DATES.1).len(),
        1,
        "one row selected"
    );
    insta::assert_snapshot!("no_color_picker", attribute_text(&buf));

    // In colour the selection is reverse video too, and the picker has colours.
    app.set_colors(true);
    let buf = render(&app, &state);
    assert_eq!(reversed_rows(&buf, PICKER_DATES.0, PICKER_DATES.1).len(), 1);
    assert!(buf.content().iter().any(|cell| cell.fg != Color::Reset));
}

#[test]
fn without_colour_the_results_list_and_its_prompt_name_no_colour() {
    let (_folder, mut state, mut app) = reading(Lang::En);
    app.set_colors(false);
    state.update(ArchiveAction::StartSearch, &mut app);
    for c in "气象".chars() {
        state.update(ArchiveAction::SearchType(c), &mut app);
    }
    assert_no_colour(&render(&app, &state));
    state.update(ArchiveAction::SearchSubmit, &mut app);
    state.search_mut().unwrap().wait();
    state.update(ArchiveAction::ResultsMove(1), &mut app);
    let buf = render(&app, &state);
    assert_no_colour(&buf);
    let search = state.search().unwrap();
    assert!(search.hits().len() > 2, "{:?}", search.hits().len());
    let inner = Rect::new(1, 1, 98, 27);
    let rows = reversed_rows(&buf, inner.left(), inner.left() + 12);
    assert_eq!(rows.len(), 1, "one row selected:\n{}", attribute_text(&buf));
    let hit = &search.hits()[search.selected()];
    let row = row_text(&buf, rows[0]);
    let title: String = hit.title.chars().take(4).collect();
    assert!(row.replace(' ', "").contains(&title), "{row}");
    // The match on the selected row still stands out: bold and underlined over the reverse.
    let marked = (inner.left()..inner.right())
        .map(|x| &buf[(x, rows[0])])
        .filter(|cell| cell.modifier.contains(Modifier::UNDERLINED));
    assert!(marked.count() >= 2, "{row}");
}
