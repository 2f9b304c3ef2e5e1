use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::*;
use crate::archive::tests::{TempFolder, mixed_archive};
use crate::edition::LoadOptions;
use crate::text::AmbiguousWidth;

/// The mixed archive open at its newest edition, in a reader of 100x30.
fn reading() -> (TempFolder, ArchiveState, App) {
    let folder = mixed_archive();
    let mut archive = Archive::open(folder.path(), LoadOptions::default())
        .unwrap()
        .unwrap();
    let newest = archive.newest().unwrap();
    let edition = archive.load(newest).unwrap();
    let app = App::new(edition, AmbiguousWidth::Narrow, 100, 30);
    (folder, ArchiveState::new(archive, newest), app)
}

fn date(app: &App) -> &str {
    app.edition().date.as_deref().unwrap()
}

fn press(c: char) -> KeyEvent {
    KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
}

#[test]
fn previous_and_next_open_the_editions_beside_skipping_a_broken_one() {
    let (_folder, mut state, mut app) = reading();
    assert_eq!(date(&app), "2026-06-09");
    state.update(ArchiveAction::NextEdition, &mut app);
    assert_eq!(date(&app), "2026-06-09");
    assert!(app.message().unwrap().contains("newest"));
    for expected in ["2026-06-05", "2019-10-19", "2019-10-04"] {
        state.update(ArchiveAction::PreviousEdition, &mut app);
        assert_eq!(date(&app), expected);
    }
    // 2019-10-10 between them is broken: passed, and named.
    assert!(
        app.message().unwrap().contains("2019-10-10"),
        "{:?}",
        app.message()
    );
    state.update(ArchiveAction::PreviousEdition, &mut app);
    assert!(app.message().unwrap().contains("oldest"));
    state.update(ArchiveAction::NextEdition, &mut app);
    assert_eq!(date(&app), "2019-10-19");
    assert_eq!(state.current(), 2);
}

#[test]
fn the_reader_keeps_its_settings_across_editions() {
    let (_folder, mut state, mut app) = reading();
    app.update(crate::app::Action::ToggleMerged);
    app.update(crate::app::Action::FocusArticle);
    state.update(ArchiveAction::PreviousEdition, &mut app);
    assert!(app.merged());
    assert_eq!(app.focus(), crate::app::Focus::Article);
    assert_eq!(app.current(), Some(0));
}

#[test]
fn archive_keys_work_while_reading_and_the_picker_takes_every_key() {
    let (_folder, mut state, mut app) = reading();
    assert_eq!(
        state.key_action(press('('), Mode::Normal),
        Some(Some(ArchiveAction::PreviousEdition))
    );
    assert_eq!(state.key_action(press('('), Mode::Search), None);
    assert_eq!(state.key_action(press('j'), Mode::Normal), None);
    state.update(ArchiveAction::OpenPicker, &mut app);
    assert_eq!(
        state.key_action(press('j'), Mode::Normal),
        Some(Some(ArchiveAction::Move(1)))
    );
    assert_eq!(state.key_action(press('x'), Mode::Normal), Some(None));
    let ctrl_c = KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert_eq!(state.key_action(ctrl_c, Mode::Normal), None);
}

#[test]
fn the_picker_lists_editions_by_month_and_typed_dates_jump() {
    let (_folder, mut state, mut app) = reading();
    state.update(ArchiveAction::OpenPicker, &mut app);
    let picker = state.picker().unwrap();
    assert_eq!(
        picker.rows(),
        [
            PickerRow::Month("2019-10".into()),
            PickerRow::Edition(0),
            PickerRow::Edition(1),
            PickerRow::Edition(2),
            PickerRow::Month("2026-06".into()),
            PickerRow::Edition(3),
            PickerRow::Edition(4),
        ]
    );
    assert_eq!(picker.selected(), 4, "the open edition is selected");
    for c in "201910".chars() {
        state.update(ArchiveAction::Type(c), &mut app);
    }
    assert_eq!(state.picker().unwrap().selected(), 0);
    state.update(ArchiveAction::Type('1'), &mut app);
    state.update(ArchiveAction::Type('5'), &mut app);
    assert_eq!(
        state.picker().unwrap().selected(),
        2,
        "the nearest after 10-15"
    );
    state.update(ArchiveAction::Open, &mut app);
    assert!(state.picker().is_none());
    assert_eq!(date(&app), "2019-10-19");
}

#[test]
fn a_broken_edition_in_the_picker_shows_its_error_and_the_others_open() {
    let (_folder, mut state, mut app) = reading();
    state.update(ArchiveAction::OpenPicker, &mut app);
    state.wait_for_summaries();
    for index in [0, 2, 3, 4] {
        assert!(matches!(
            state.archive().known_summary(index),
            Some(Summary::Counts { .. })
        ));
    }
    let Some(Summary::Broken(error)) = state.archive().known_summary(1) else {
        panic!("2019-10-10 is not broken");
    };
    assert!(error.contains("not a text file"), "{error}");
    state.update(ArchiveAction::First, &mut app);
    state.update(ArchiveAction::Move(1), &mut app);
    state.update(ArchiveAction::Open, &mut app);
    assert!(
        state.picker().is_some(),
        "the picker stays open on a broken edition"
    );
    assert_eq!(date(&app), "2026-06-09");
    assert!(app.message().unwrap().contains("does not open"));
    state.update(ArchiveAction::Move(1), &mut app);
    state.update(ArchiveAction::Open, &mut app);
    assert_eq!(date(&app), "2019-10-19");
}

#[test]
fn outward_visits_every_index_once_nearest_first() {
    assert_eq!(outward(2, 5).collect::<Vec<_>>(), [2, 3, 1, 4, 0]);
    assert_eq!(outward(0, 3).collect::<Vec<_>>(), [0, 1, 2]);
    assert_eq!(outward(0, 0).count(), 0);
}
