use super::*;
use crate::archive::tests::{TempFolder, mixed_archive};
use crate::edition::LoadOptions;
use crate::text::AmbiguousWidth;

/// The mixed archive open at its newest edition, in a reader of 100x30.
pub(crate) fn reading() -> (TempFolder, ArchiveState, App) {
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

fn press(c: char) -> Key {
    Key::Char(c)
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
fn the_language_colours_and_configured_keys_stay_across_editions() {
    use crate::app::config::ColorRole;
    use crate::app::strings::Lang;
    use ratatui::style::Color;
    let (_folder, mut state, mut app) = reading();
    app.set_lang(Lang::Zh);
    app.set_colors(false);
    app.set_extra_keys(vec![(press('x'), crate::app::Action::Quit)]);
    app.set_palette(vec![(ColorRole::Accent, Color::Red)]);
    state.update(ArchiveAction::PreviousEdition, &mut app);
    assert_eq!(date(&app), "2026-06-05");
    assert_eq!(app.lang(), Lang::Zh);
    assert!(!app.colors());
    assert_eq!(app.extra_keys(), [(press('x'), crate::app::Action::Quit)]);
    assert_eq!(app.palette(), [(ColorRole::Accent, Color::Red)]);
}

#[test]
fn the_help_lists_the_archive_keys_when_an_archive_is_read_in_either_language() {
    use crate::app::screen::help_rows_with;
    use crate::app::strings::Lang;
    let (_folder, mut state, mut app) = reading();
    let listed = |app: &App| {
        let rows = help_rows_with(
            app.strings(),
            70,
            AmbiguousWidth::Narrow,
            (app.in_archive(), &[]),
        );
        (rows.iter().find(|row| row.keys == "( )")).map(|row| row.text.clone())
    };
    assert_eq!(listed(&app), None, "not an archive's edition yet");
    app.set_archive(true);
    app.set_lang(Lang::Zh);
    assert_eq!(listed(&app).as_deref(), Some("上一期或下一期（合订本）"));
    state.update(ArchiveAction::PreviousEdition, &mut app);
    app.set_lang(Lang::En);
    assert_eq!(
        listed(&app).as_deref(),
        Some("previous or next edition (archive)")
    );
    for lang in [Lang::En, Lang::Zh] {
        assert_eq!(
            lang.strings().archive_key_help.len(),
            ARCHIVE_KEY_HELP.len()
        );
    }
}

#[test]
fn archive_keys_work_while_reading_and_the_picker_takes_every_key() {
    let (_folder, mut state, mut app) = reading();
    assert_eq!(
        state.key_action(press('('), Mode::Normal, None),
        Some(Some(ArchiveAction::PreviousEdition))
    );
    assert_eq!(state.key_action(press('('), Mode::Search, None), None);
    assert_eq!(state.key_action(press('j'), Mode::Normal, None), None);
    state.update(ArchiveAction::OpenPicker, &mut app);
    assert_eq!(
        state.key_action(press('j'), Mode::Normal, None),
        Some(Some(ArchiveAction::Move(1)))
    );
    assert_eq!(state.key_action(press('x'), Mode::Normal, None), Some(None));
    let ctrl_c = Key::Ctrl('c');
    assert_eq!(state.key_action(ctrl_c, Mode::Normal, None), None);
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

fn search_for(state: &mut ArchiveState, app: &mut App, query: &str) {
    state.update(ArchiveAction::StartSearch, app);
    for c in query.chars() {
        state.update(ArchiveAction::SearchType(c), app);
    }
    state.update(ArchiveAction::SearchSubmit, app);
    state.search_mut().unwrap().wait();
}

#[test]
fn a_search_of_the_archive_lists_matches_newest_first_with_the_match_marked() {
    let (_folder, mut state, mut app) = reading();
    search_for(&mut state, &mut app, "习近平");
    let search = state.search().unwrap();
    assert!(!search.is_running() && search.list_open());
    assert_eq!(search.progress(), (5, 5, 1));
    let hits = search.hits();
    assert!(hits.len() > 4, "{}", hits.len());
    let dates: Vec<&str> = (hits.iter())
        .map(|hit| state.archive().entries()[hit.edition].date.as_str())
        .collect();
    assert!(dates.contains(&"2019-10-19"));
    assert_eq!(dates.last(), Some(&"2019-10-04"));
    assert!(
        dates.windows(2).all(|pair| pair[0] >= pair[1]),
        "not newest first"
    );
    for hit in hits {
        let marked: String = hit.line.chars().skip(hit.hit.start).take(3).collect();
        assert_eq!(marked, "习近平", "{hit:?}");
        assert!(hit.page.starts_with('第') && !hit.title.is_empty());
    }
}

#[test]
fn a_result_opens_at_its_match_and_n_goes_on_into_the_next_edition() {
    let (_folder, mut state, mut app) = reading();
    search_for(&mut state, &mut app, "习近平");
    let count = state.search().unwrap().hits().len();
    state.update(ArchiveAction::ResultsMove(1), &mut app);
    state.update(ArchiveAction::ResultsOpen, &mut app);
    let hit = state.search().unwrap().hits()[1].clone();
    let date_of = |state: &ArchiveState, index: usize| {
        let hit = &state.search().unwrap().hits()[index];
        state.archive().entries()[hit.edition].date.clone()
    };
    assert_eq!(date(&app), date_of(&state, 1));
    assert!(!state.search().unwrap().list_open());
    assert_eq!(app.current_article().unwrap().title, hit.title);
    let shown = app.search().unwrap();
    assert_eq!(shown.query, "习近平");
    let found = shown.matches[shown.current];
    assert_eq!(
        (Some(found.article), found.part, found.start),
        (app.current(), hit.part, hit.start)
    );
    assert!(
        app.message().unwrap().starts_with("&习近平: 2 of "),
        "{:?}",
        app.message()
    );

    let n = Key::Char('n');
    let query = app.search().map(|search| search.query.clone());
    assert_eq!(
        state.key_action(n, Mode::Normal, query.as_deref()),
        Some(Some(ArchiveAction::NextHit))
    );
    // Without the archive's matches shown, n is the reader's.
    assert_eq!(state.key_action(n, Mode::Normal, Some("别的")), None);
    // n crosses into the next edition with matches, newest first, to the oldest.
    let mut editions = vec![date(&app).to_owned()];
    for index in 2..count {
        state.update(ArchiveAction::NextHit, &mut app);
        assert_eq!(date(&app), date_of(&state, index));
        if editions.last().map(String::as_str) != Some(date(&app)) {
            editions.push(date(&app).to_owned());
        }
    }
    assert!(editions.len() >= 2, "{editions:?}");
    assert_eq!(date(&app), "2019-10-04");
    state.update(ArchiveAction::NextHit, &mut app);
    assert!(app.message().unwrap().contains("oldest"));
    state.update(ArchiveAction::PreviousHit, &mut app);
    assert_eq!(state.search().unwrap().opened(), Some(count - 2));
    // & and Enter alone show the last results again, at the match last opened.
    state.update(ArchiveAction::StartSearch, &mut app);
    state.update(ArchiveAction::SearchSubmit, &mut app);
    let search = state.search().unwrap();
    assert!(search.list_open());
    assert_eq!(search.selected(), count - 2);
}

#[test]
fn a_search_found_nowhere_says_so() {
    let (_folder, mut state, mut app) = reading();
    search_for(&mut state, &mut app, "没有这样的字符串");
    let search = state.search().unwrap();
    assert!(search.hits().is_empty() && !search.is_running());
}

/// Every text of `edition`'s articles that search looks in.
fn texts(edition: &crate::edition::Edition) -> Vec<String> {
    let mut texts = Vec::new();
    for article in edition.pages.iter().flat_map(|page| &page.articles) {
        let heading = [
            &article.column,
            &article.kicker,
            &article.headline,
            &article.subtitle,
            &article.byline,
        ];
        texts.extend(heading.into_iter().flatten().cloned());
        texts.extend(article.blocks.iter().map(|block| block.text.clone()));
        texts.extend(article.captions.iter().map(|caption| caption.text.clone()));
    }
    texts
}

/// The files' bytes rule an edition out of a search only when the model has no match: every
/// stretch of three, four or six chars (every 13th) of every text the model holds, in every
/// fixture edition, is found in its files (those that can be looked for there at all).
#[test]
fn the_prefilter_never_passes_over_an_edition_that_holds_the_query() {
    let editions = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/editions");
    let mut checked = 0;
    for paper in ["rmrb-2019-10", "zgqxb-2026-06"] {
        for entry in std::fs::read_dir(editions.join(paper)).unwrap() {
            let folder = entry.unwrap().path();
            let edition = crate::edition::load(std::slice::from_ref(&folder)).unwrap();
            let files = search::stripped_files(&folder).expect("UTF-8 fixtures");
            for text in texts(&edition) {
                let chars: Vec<char> = text.chars().collect();
                for len in [3, 4, 6] {
                    for window in chars.windows(len).step_by(13) {
                        let query: String = window.iter().collect();
                        let Some(key) = search::prefilter_key(&query) else {
                            continue;
                        };
                        checked += 1;
                        assert!(
                            files.iter().any(|file| key.holds_file(file)),
                            "{query:?} is in {} but its files were passed over",
                            folder.display()
                        );
                    }
                }
            }
        }
    }
    assert!(checked > 2_000, "{checked}");
    let some = std::path::Path::new(&editions).join("rmrb-2019-10/20191019");
    let key = search::prefilter_key("没有这样的字符串").unwrap();
    assert!(!search::may_hold(&some, &key));
    assert!(search::prefilter_key("AI").is_none());
    // The Chinese of a query, in either form: 发 or 發, 数 or 數.
    let key = search::prefilter_key("AI 发展").unwrap();
    assert!(key.holds("AI發展".as_bytes()) && key.holds("发展".as_bytes()));
    assert!(!key.holds("AI".as_bytes()));
    let key = search::prefilter_key("數字化").unwrap();
    assert!(key.holds("数字化".as_bytes()) && !key.holds("数学化".as_bytes()));
}

/// Reading only the files that can hold the query finds what reading the whole edition
/// finds: the same pages, titles, places and lines.
#[test]
fn a_search_of_some_files_finds_what_one_of_the_whole_edition_finds() {
    let editions = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/editions");
    let seen = |hits: Vec<Hit>| {
        let mut seen: Vec<_> = (hits.into_iter())
            .map(|hit| {
                (
                    hit.page,
                    hit.title,
                    format!("{:?}", hit.part),
                    hit.start,
                    hit.line,
                )
            })
            .collect();
        seen.sort();
        seen
    };
    for paper in ["rmrb-2019-10", "zgqxb-2026-06"] {
        for entry in std::fs::read_dir(editions.join(paper)).unwrap() {
            let folder = entry.unwrap().path();
            for query in [
                "习近平",
                "军运会",
                "气象",
                "发展",
                "中国",
                "记者",
                "上接第一版",
                "下转",
            ] {
                let key = search::prefilter_key(query).unwrap();
                let options = LoadOptions::default();
                let some = search::scan(&folder, 0, query, Some(&key), options).unwrap();
                let whole = search::scan(&folder, 0, query, None, options).unwrap();
                assert_eq!(seen(some), seen(whole), "{query} in {}", folder.display());
            }
        }
    }
}

#[test]
fn a_chinese_reader_is_told_about_the_archive_in_chinese() {
    let (_folder, mut state, mut app) = reading();
    app.set_lang(crate::app::strings::Lang::Zh);
    // The newest edition is open: ) has nowhere to go.
    state.update(ArchiveAction::NextEdition, &mut app);
    let message = app.message().unwrap_or_default().to_owned();
    assert!(message.contains("最新"), "{message}");
    assert!(!message.contains("edition"), "{message}");
}

#[test]
fn backspace_after_a_match_in_another_edition_goes_back_to_the_edition_left() {
    use crate::app::Action;
    let (_folder, mut state, mut app) = reading();
    let opened_on = date(&app).to_owned();
    app.update(Action::NextArticle);
    let read_there = app.current().unwrap();
    assert!(
        state
            .key_action(Key::Backspace, Mode::Normal, None)
            .is_none(),
        "Backspace is the reader's until a match leads elsewhere"
    );
    search_for(&mut state, &mut app, "习近平");
    let elsewhere = (state.search().unwrap().hits().iter())
        .position(|hit| state.archive().entries()[hit.edition].date != opened_on && hit.article > 0)
        .expect("a match past the first article of another edition");
    state.update(ArchiveAction::ResultsMove(elsewhere as isize), &mut app);
    state.update(ArchiveAction::ResultsOpen, &mut app);
    assert_ne!(date(&app), opened_on);
    assert_eq!(
        app.history_depth(),
        0,
        "the jumps of the edition left are no way back in this one"
    );
    assert_eq!(
        app.places_to_go_back(),
        1,
        "the status line offers Backspace"
    );
    let matched = app.current().unwrap();
    // A jump inside the edition opened is undone first.
    app.update(Action::Confirm);
    app.update(Action::Digit(1));
    app.update(Action::Confirm);
    assert!(app.history_depth() > 0, "page 1 is a jump from {matched}");
    assert_eq!(
        state.key_action(Key::Backspace, Mode::Normal, None),
        Some(Some(ArchiveAction::Back))
    );
    state.update(ArchiveAction::Back, &mut app);
    assert_eq!(
        app.current(),
        Some(matched),
        "back within the edition first"
    );
    state.update(ArchiveAction::Back, &mut app);
    assert_eq!(date(&app), opened_on);
    assert_eq!(app.current(), Some(read_there), "at the article read there");
    assert!(
        app.message().unwrap_or_default().contains(&opened_on),
        "{:?}",
        app.message()
    );
    assert!(
        state
            .key_action(Key::Backspace, Mode::Normal, None)
            .is_none(),
        "nothing further back"
    );
    assert_eq!(app.places_to_go_back(), 0);
}

#[test]
fn each_edition_is_taken_up_where_it_was_left_when_a_state_dir_is_given() {
    use crate::app::Action;
    let (_folder, mut state, mut app) = reading();
    let state_dir = TempFolder::new("state-dir");
    state.start(&mut app, Some(state_dir.path().to_owned()));
    app.update(Action::NextArticle);
    app.update(Action::NextArticle);
    let newest_place = app.current();
    assert_eq!(newest_place, Some(2));
    state.update(ArchiveAction::PreviousEdition, &mut app);
    assert_eq!(date(&app), "2026-06-05");
    assert_eq!(
        app.current(),
        Some(0),
        "an edition not read before opens at its start"
    );
    app.update(Action::NextArticle);
    state.update(ArchiveAction::NextEdition, &mut app);
    assert_eq!(date(&app), "2026-06-09");
    assert_eq!(app.current(), newest_place, "back where it was left");
    assert!(
        app.message().unwrap().contains("left off"),
        "{:?}",
        app.message()
    );
    // The picker's Enter on the edition being read leaves the place alone.
    app.update(Action::NextArticle);
    state.update(ArchiveAction::OpenPicker, &mut app);
    state.update(ArchiveAction::Open, &mut app);
    assert_eq!(app.current(), Some(3));
    state.update(ArchiveAction::OpenPicker, &mut app);
    state.update(ArchiveAction::Move(-1), &mut app);
    state.update(ArchiveAction::Open, &mut app);
    assert_eq!((date(&app), app.current()), ("2026-06-05", Some(1)));
}

#[test]
fn the_edition_open_at_the_end_is_the_next_start_and_a_damaged_record_is_told() {
    let (folder, mut state, mut app) = reading();
    let state_dir = TempFolder::new("start-state");
    let dir = Some(state_dir.path());
    assert_eq!(
        start_edition(state.archive(), dir),
        (4, None),
        "nothing kept yet"
    );
    assert_eq!(
        start_edition(state.archive(), None),
        (4, None),
        "nowhere to keep"
    );
    state.start(&mut app, dir.map(Path::to_owned));
    state.update(ArchiveAction::PreviousEdition, &mut app);
    state.update(ArchiveAction::PreviousEdition, &mut app);
    state.save_open_edition().unwrap();
    assert_eq!(start_edition(state.archive(), dir), (2, None));
    // The same folder by another path is the same archive.
    let roundabout = folder.path().join("2019").join("..");
    let again = Archive::open(&roundabout, LoadOptions::default())
        .unwrap()
        .unwrap();
    assert_eq!(start_edition(&again, dir).0, 2);

    // A remembered edition the archive no longer has: the newest, nothing to tell.
    std::fs::remove_dir_all(folder.path().join("2019/10/20191019")).unwrap();
    let fewer = Archive::open(folder.path(), LoadOptions::default())
        .unwrap()
        .unwrap();
    assert_eq!(start_edition(&fewer, dir), (3, None));

    // A record that cannot be read: the newest, and why, on the status line.
    let file = memory::archive_file(state_dir.path(), &memory::archive_key(folder.path()));
    std::fs::write(&file, "{\"edition\": 7}").unwrap();
    let (index, note) = start_edition(&fewer, dir);
    assert_eq!(index, 3);
    let note = note.expect("a note on the damaged record");
    assert!(note.contains("damaged"), "{note}");
    let edition = { fewer }.load(3).unwrap();
    let mut app = App::new(edition, AmbiguousWidth::Narrow, 100, 30);
    let archive = Archive::open(folder.path(), LoadOptions::default())
        .unwrap()
        .unwrap();
    let mut state = ArchiveState::noting(archive, 3, Some(note));
    state.start(&mut app, None);
    let message = app.message().unwrap();
    assert!(
        message.starts_with("Opened the newest edition: "),
        "{message}"
    );
}

/// A traditional query finds the simplified text its simplified form finds, and the other
/// way round: the files' bytes rule out no edition for want of one form of a char.
#[test]
fn a_search_of_the_archive_finds_simplified_text_for_a_traditional_query() {
    let (_folder, mut state, mut app) = reading();
    let mut found = Vec::new();
    for query in ["数字", "數字", "气象局", "氣象局"] {
        search_for(&mut state, &mut app, query);
        let search = state.search_mut().unwrap();
        search.wait();
        found.push(search.hits().len());
    }
    assert!(found[0] > 0, "{found:?}");
    assert_eq!(found[0], found[1], "{found:?}");
    assert_eq!(found[2], found[3], "{found:?}");
}

#[test]
fn a_first_edition_that_does_not_open_gives_way_to_the_newest_unless_a_date_asked_for_it() {
    let folder = mixed_archive();
    let open = || {
        let archive = Archive::open(folder.path(), LoadOptions::default()).unwrap();
        let archive = archive.unwrap();
        let broken = archive.find("2019-10-10").unwrap();
        let path = archive.entries()[broken].path.clone();
        let loaded = crate::edition::load_with(&[path], &LoadOptions::default());
        assert!(loaded.is_err(), "2019-10-10 is not broken");
        (ArchiveState::new(archive, broken), loaded)
    };
    let (mut state, loaded) = open();
    let edition = state.opened(loaded, true).unwrap();
    assert_eq!(edition.date.as_deref(), Some("2026-06-09"));
    assert_eq!(state.current(), 4, "the newest is the one open");
    let (mut state, loaded) = open();
    let error = state.opened(loaded, false).unwrap_err();
    assert!(
        error.contains("the edition of 2019-10-10 does not open"),
        "{error}"
    );
    assert_eq!(state.current(), 1);
}
