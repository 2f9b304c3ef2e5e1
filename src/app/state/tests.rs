use super::*;
use crate::app::CaptionLine;
use crate::app::fixture;
use crate::app::keymap::Mode;
use crate::text::{LineKind, TextPart, str_width};

/// A reader on the test edition at 120x40.
fn reader() -> App {
    App::new(fixture::edition(), AmbiguousWidth::Narrow, 120, 40)
}

fn press(app: &mut App, actions: &[Action]) {
    for action in actions {
        app.update(*action);
    }
}

fn current_id(app: &App) -> &str {
    &app.current_article().unwrap().id
}

/// Opens article `id` with the focus on the article.
fn open(app: &mut App, id: &str) {
    let index = app.index_of(id).unwrap();
    app.select(index);
    app.update(Action::FocusArticle);
}

fn message(app: &App) -> &str {
    app.message().unwrap_or_default()
}

#[test]
fn the_reader_opens_on_the_first_article_with_the_list_focused() {
    let app = reader();
    assert_eq!(current_id(&app), "1-1");
    assert_eq!(app.focus(), Focus::Sections);
    assert_eq!(app.scroll(), 0);
    assert!(!app.lines().is_empty());
    assert!(app.is_running());
}

#[test]
fn the_list_shows_pages_banners_and_articles_in_order() {
    let app = reader();
    assert_eq!(
        app.rows(),
        [
            Row::Page(0),
            Row::Article(0),
            Row::Article(1),
            Row::Column(2),
            Row::Article(2),
            Row::Article(3),
            Row::Page(1),
            Row::Article(4),
            Row::Article(5),
            Row::Page(2),
        ]
    );
}

#[test]
fn an_empty_edition_survives_every_action() {
    let mut app = App::new(Edition::default(), AmbiguousWidth::Narrow, 80, 24);
    assert_eq!(message(&app), "This edition has no articles.");
    let every_bare_key = Action::WITHOUT_DATA
        .into_iter()
        .filter(|action| *action != Action::Quit);
    press(&mut app, &every_bare_key.collect::<Vec<_>>());
    press(
        &mut app,
        &[
            Action::Digit(1),
            Action::Confirm,
            Action::StartSearch,
            Action::Type('数'),
            Action::Confirm,
            Action::NextMatch,
            Action::Scroll {
                column: 50,
                row: 5,
                lines: 3,
            },
            Action::Click { column: 3, row: 3 },
            Action::Resize {
                width: 30,
                height: 10,
            },
            Action::SetAmbiguousWidth(AmbiguousWidth::Wide),
        ],
    );
    assert_eq!(app.current_article(), None);
    assert!(app.lines().is_empty());
    app.update(Action::Quit);
    assert!(!app.is_running());
}

#[test]
fn up_and_down_in_the_list_select_articles_across_pages() {
    let mut app = reader();
    press(
        &mut app,
        &[Action::Down, Action::Down, Action::Down, Action::Down],
    );
    assert_eq!(current_id(&app), "4-1");
    press(&mut app, &[Action::Up]);
    assert_eq!(current_id(&app), "1-4");
    press(&mut app, &[Action::Bottom]);
    assert_eq!(current_id(&app), "4-2");
    press(&mut app, &[Action::Down]);
    assert_eq!(current_id(&app), "4-2", "the last article stays selected");
    press(&mut app, &[Action::Top, Action::Up]);
    assert_eq!(current_id(&app), "1-1");
}

#[test]
fn selecting_another_article_starts_it_at_the_top() {
    let mut app = reader();
    open(&mut app, "1-4");
    press(
        &mut app,
        &[Action::PageDown, Action::FocusSections, Action::Up],
    );
    assert_eq!(current_id(&app), "1-3");
    assert_eq!(app.scroll(), 0);
}

#[test]
fn in_the_article_movement_keys_scroll_within_its_length() {
    let mut app = reader();
    open(&mut app, "1-4");
    let height = app.article_height();
    let last = app.lines().len() - height;
    let steps = [
        (Action::Down, 1),
        (Action::Down, 2),
        (Action::Up, 1),
        (Action::PageDown, 1 + height),
        (Action::PageUp, 1),
        (Action::HalfPageDown, 1 + height / 2),
        (Action::HalfPageUp, 1),
        (Action::Bottom, last),
        (Action::Down, last),
        (Action::Top, 0),
        (Action::Up, 0),
        (Action::PageUp, 0),
    ];
    for (action, expected) in steps {
        app.update(action);
        assert_eq!(app.scroll(), expected, "after {action:?}");
    }
    assert_eq!(
        current_id(&app),
        "1-4",
        "scrolling never changes the article"
    );
}

#[test]
fn the_progress_says_top_end_or_how_much_has_been_scrolled_past() {
    let mut app = reader();
    assert_eq!(app.progress(), Progress::All, "a short article fits");
    open(&mut app, "1-4");
    assert_eq!(
        app.progress(),
        Progress::Top,
        "the top of a long article is not 82%"
    );
    app.update(Action::Down);
    let Progress::Percent(percent) = app.progress() else {
        panic!("{:?}", app.progress())
    };
    assert!((1..50).contains(&percent), "{percent}");
    app.update(Action::Bottom);
    assert_eq!(app.progress(), Progress::End);
}

#[test]
fn space_at_the_end_of_an_article_turns_to_the_next() {
    let mut app = reader();
    open(&mut app, "1-4");
    app.update(Action::Bottom);
    app.update(Action::PageDown);
    assert_eq!(current_id(&app), "4-1");
    assert_eq!((app.scroll(), app.focus()), (0, Focus::Article));
    open(&mut app, "4-2");
    app.update(Action::PageDown);
    assert_eq!(current_id(&app), "4-2");
    assert_eq!(message(&app), "This is the last article.");
}

#[test]
fn brackets_step_through_articles_and_say_so_at_either_end() {
    let mut app = reader();
    app.update(Action::PreviousArticle);
    assert_eq!(message(&app), "This is the first article.");
    press(
        &mut app,
        &[
            Action::NextArticle,
            Action::NextArticle,
            Action::NextArticle,
            Action::NextArticle,
        ],
    );
    assert_eq!(current_id(&app), "4-1");
    press(&mut app, &[Action::NextArticle, Action::NextArticle]);
    assert_eq!(current_id(&app), "4-2");
    assert_eq!(message(&app), "This is the last article.");
    app.update(Action::PreviousArticle);
    assert_eq!(current_id(&app), "4-1");
}

#[test]
fn braces_step_through_pages_skipping_pages_without_articles() {
    let mut app = reader();
    press(&mut app, &[Action::Down, Action::NextPage]);
    assert_eq!(current_id(&app), "4-1");
    app.update(Action::NextPage);
    assert_eq!(current_id(&app), "4-1");
    assert_eq!(message(&app), "This is the last page.");
    press(&mut app, &[Action::Down, Action::PreviousPage]);
    assert_eq!(current_id(&app), "1-1");
    app.update(Action::PreviousPage);
    assert_eq!(message(&app), "This is the first page.");
}

#[test]
fn digits_then_enter_go_to_that_page() {
    let mut app = reader();
    press(&mut app, &[Action::Digit(4)]);
    assert_eq!(app.prompt(), Some(&Prompt::PageNumber("4".into())));
    assert_eq!(app.mode(), Mode::PageNumber);
    app.update(Action::Confirm);
    assert_eq!(current_id(&app), "4-1");
    assert_eq!(app.prompt(), None);
    assert_eq!(app.history_depth(), 1, "going to a page can be undone");
}

#[test]
fn a_page_number_can_name_pages_that_are_missing_or_empty() {
    let mut app = reader();
    press(&mut app, &[Action::Digit(9), Action::Confirm]);
    assert_eq!(message(&app), "第九版 is not in this edition");
    press(
        &mut app,
        &[Action::Digit(1), Action::Digit(2), Action::Confirm],
    );
    assert_eq!(message(&app), "第十二版 is not in this edition");
    press(&mut app, &[Action::Digit(6), Action::Confirm]);
    assert_eq!(message(&app), "第六版 has no articles");
    assert_eq!(current_id(&app), "1-1");
}

#[test]
fn a_page_number_can_be_corrected_or_abandoned() {
    let mut app = reader();
    press(
        &mut app,
        &[Action::Digit(1), Action::Digit(6), Action::Erase],
    );
    assert_eq!(app.prompt(), Some(&Prompt::PageNumber("1".into())));
    press(&mut app, &[Action::Erase]);
    assert_eq!(
        app.prompt(),
        None,
        "erasing the last digit closes the prompt"
    );
    press(&mut app, &[Action::Digit(4), Action::Cancel]);
    assert_eq!(app.prompt(), None);
    press(&mut app, &[Action::Digit(4), Action::Down]);
    assert_eq!(
        app.prompt(),
        None,
        "another key takes the number as its count"
    );
    assert_eq!(current_id(&app), "4-1", "4j: four down the list");
}

#[test]
fn a_count_repeats_a_movement_and_g_goes_to_that_line_or_article() {
    let mut app = reader();
    press(&mut app, &[Action::Digit(3), Action::Down]);
    assert_eq!(current_id(&app), "1-4");
    press(&mut app, &[Action::Digit(2), Action::Top]);
    assert_eq!(
        current_id(&app),
        "1-2",
        "2g in the list: the second article"
    );
    open(&mut app, "1-4");
    press(
        &mut app,
        &[Action::Digit(1), Action::Digit(0), Action::Bottom],
    );
    assert_eq!(app.scroll(), 9, "10G: line 10 at the top");
    press(&mut app, &[Action::Digit(5), Action::Down]);
    assert_eq!(app.scroll(), 14, "5j");
    press(&mut app, &[Action::Digit(2), Action::Up]);
    assert_eq!(app.scroll(), 12, "2k");
    press(&mut app, &[Action::Digit(2), Action::NextArticle]);
    assert_eq!(current_id(&app), "4-2", "2]");
}

#[test]
fn marks_remember_places_and_two_quotes_go_back_and_forth() {
    let mut app = reader();
    open(&mut app, "1-4");
    press(&mut app, &[Action::Down; 7]);
    press(&mut app, &[Action::StartSetMark]);
    assert_eq!(app.mode(), Mode::SetMark);
    press(&mut app, &[Action::SetMark('a')]);
    assert_eq!(message(&app), "Mark a set: ' a returns here");
    assert_eq!(app.mode(), Mode::Normal);
    open(&mut app, "1-1");
    press(&mut app, &[Action::StartGoToMark, Action::GoToMark('a')]);
    assert_eq!((current_id(&app), app.scroll()), ("1-4", 7));
    press(&mut app, &[Action::StartGoToMark, Action::GoToMark('b')]);
    assert_eq!(message(&app), "No mark b: m b sets it");
    // '' goes to where the last jump (here, to mark a) started, and back again.
    press(&mut app, &[Action::StartGoToMark, Action::GoToMark('\'')]);
    assert_eq!(current_id(&app), "1-1");
    press(&mut app, &[Action::StartGoToMark, Action::GoToMark('\'')]);
    assert_eq!((current_id(&app), app.scroll()), ("1-4", 7));
    press(&mut app, &[Action::StartSetMark, Action::Cancel]);
    assert_eq!(app.mode(), Mode::Normal);
}

#[test]
fn enter_in_the_list_opens_the_article() {
    let mut app = reader();
    press(&mut app, &[Action::Down, Action::Confirm]);
    assert_eq!(app.focus(), Focus::Article);
    assert_eq!(current_id(&app), "1-2");
}

#[test]
fn enter_in_the_article_follows_its_jump_and_backspace_returns() {
    let mut app = reader();
    open(&mut app, "1-2");
    press(&mut app, &[Action::Down]);
    let scroll = app.scroll();
    app.update(Action::Confirm);
    assert_eq!(current_id(&app), "4-1");
    assert_eq!(app.history_depth(), 1);
    app.update(Action::Confirm);
    assert_eq!(
        current_id(&app),
        "1-2",
        "a continued part leads back to its start"
    );
    assert_eq!(app.history_depth(), 2);
    press(&mut app, &[Action::Back, Action::Back]);
    assert_eq!(current_id(&app), "1-2");
    assert_eq!(app.scroll(), scroll, "back restores the scroll position");
    assert_eq!(app.history_depth(), 0);
    app.update(Action::Back);
    assert_eq!(message(&app), "Nothing to go back to.");
}

#[test]
fn a_jump_that_leads_nowhere_says_why() {
    let mut app = reader();
    open(&mut app, "1-3");
    app.update(Action::Confirm);
    assert_eq!(current_id(&app), "1-3");
    assert_eq!(message(&app), "第九版 is not in this edition");

    let mut edition = fixture::edition();
    edition.pages[0].articles[1].jump_to = Some(crate::edition::Jump {
        page: 4,
        article: None,
    });
    let mut app = App::new(edition, AmbiguousWidth::Narrow, 120, 40);
    open(&mut app, "1-2");
    app.update(Action::Confirm);
    assert_eq!(message(&app), "第四版 has no matching part");

    let mut app = reader();
    open(&mut app, "1-1");
    app.update(Action::Confirm);
    assert_eq!(message(&app), "This article has no 下转 or 上接 jump.");
}

#[test]
fn tab_h_and_l_move_the_focus() {
    let mut app = reader();
    app.update(Action::FocusNext);
    assert_eq!(app.focus(), Focus::Article);
    app.update(Action::FocusNext);
    assert_eq!(app.focus(), Focus::Sections);
    app.update(Action::FocusArticle);
    assert_eq!(app.focus(), Focus::Article);
    app.update(Action::FocusSections);
    assert_eq!(app.focus(), Focus::Sections);
}

fn search(app: &mut App, query: &str) {
    app.update(Action::StartSearch);
    for c in query.chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Confirm);
}

#[test]
fn typing_a_search_takes_letters_as_text_not_commands() {
    let mut app = reader();
    press(
        &mut app,
        &[Action::StartSearch, Action::Type('q'), Action::Down],
    );
    assert_eq!(app.prompt(), Some(&Prompt::Search("q".into())));
    assert!(app.is_running());
    assert_eq!(current_id(&app), "1-1");
    press(&mut app, &[Action::Erase, Action::Erase]);
    assert_eq!(
        app.prompt(),
        None,
        "erasing past the start closes the prompt"
    );
    press(
        &mut app,
        &[Action::StartSearch, Action::Type('x'), Action::Cancel],
    );
    assert_eq!(app.prompt(), None);
    assert_eq!(app.search(), None);
}

#[test]
fn a_search_finds_matches_in_every_article_and_shows_the_first_ahead() {
    let mut app = reader();
    open(&mut app, "1-2");
    search(&mut app, "上合");
    let found = app.search().unwrap();
    assert!(
        found
            .matches
            .iter()
            .any(|m| m.article == app.index_of("4-1").unwrap())
    );
    assert_eq!(
        current_id(&app),
        "1-2",
        "the first match at or after the current place"
    );
    assert!(
        message(&app).starts_with("/上合: match 1 of"),
        "{}",
        message(&app)
    );
}

#[test]
fn half_width_punctuation_finds_full_width_and_back() {
    let mut app = reader();
    search(&mut app, "(齐鲁号)");
    assert_eq!(current_id(&app), "1-2");
    search(&mut app, "会议指出，加快");
    assert_eq!(current_id(&app), "1-1");
    assert_eq!(app.search().unwrap().matches.len(), 1);
}

#[test]
fn n_and_shift_n_walk_the_matches_and_wrap_around() {
    let mut app = reader();
    search(&mut app, "上合");
    let count = app.search().unwrap().matches.len();
    assert!(count >= 3);
    for _ in 1..count {
        app.update(Action::NextMatch);
    }
    assert_eq!(current_id(&app), "4-1");
    assert_eq!(
        app.history_depth(),
        2,
        "each match in another article is a jump: 1-1 to 1-2 to 4-1"
    );
    app.update(Action::NextMatch);
    assert_eq!(app.search().unwrap().current, 0);
    assert!(
        message(&app).ends_with("wrapped around to the top"),
        "{}",
        message(&app)
    );
    app.update(Action::PreviousMatch);
    assert_eq!(app.search().unwrap().current, count - 1);
    assert!(
        message(&app).ends_with("wrapped around to the end"),
        "{}",
        message(&app)
    );
}

#[test]
fn a_match_far_down_an_article_is_scrolled_into_view() {
    let mut app = reader();
    search(&mut app, "第55段");
    assert_eq!(current_id(&app), "1-4");
    let found = app.search().unwrap().matches[0];
    let line = search::line_of(app.lines(), app.shown_articles(), &found).unwrap();
    assert!((app.scroll()..app.scroll() + app.article_height()).contains(&line));
    assert_eq!(app.focus(), Focus::Article);
}

#[test]
fn an_unknown_word_is_reported_and_esc_clears_highlights() {
    let mut app = reader();
    search(&mut app, "不存在的词");
    assert_eq!(message(&app), "Not found: 不存在的词");
    assert_eq!(app.search(), None);
    app.update(Action::NextMatch);
    assert_eq!(
        message(&app),
        "Not found: 不存在的词",
        "n repeats the last search"
    );
    let mut fresh = reader();
    fresh.update(Action::NextMatch);
    assert_eq!(message(&fresh), "No search yet: / searches.");
    search(&mut app, "数字");
    assert!(app.search().is_some());
    search(&mut app, "");
    assert_eq!(
        app.search().unwrap().query,
        "数字",
        "an empty search repeats the last one"
    );
    app.update(Action::Cancel);
    assert_eq!(app.search(), None);
    app.update(Action::NextMatch);
    let search = app.search().expect("n after Esc searches again");
    assert_eq!(search.query, "数字");
    assert!(
        message(&app).starts_with("/数字: match"),
        "{}",
        message(&app)
    );
}

#[test]
fn a_search_for_a_name_finds_its_spaced_out_byline() {
    let mut app = reader();
    search(&mut app, "吴帅");
    let found = app.search().expect("the byline of 1-1 reads 吴 帅").matches[0];
    assert_eq!(
        (current_id(&app), found.part, found.len),
        ("1-1", TextPart::Byline, 3)
    );
    search(&mut app, "\"城市云脑\"");
    assert!(app.search().is_some(), "a straight quote finds “”");
}

fn caption_view(app: &App) -> &CaptionView {
    match app.overlay() {
        Some(Overlay::Captions(view)) => view,
        other => panic!("no caption viewer: {other:?}"),
    }
}

#[test]
fn c_opens_the_captions_of_the_article_and_p_those_of_the_page() {
    let mut app = reader();
    open(&mut app, "1-3");
    app.update(Action::ToggleCaptions);
    let view = caption_view(&app);
    assert_eq!(view.scope, CaptionScope::Article);
    assert_eq!(
        view.lines[0],
        CaptionLine::Kind(crate::edition::CaptionKind::Photo)
    );
    assert_eq!(app.mode(), Mode::Overlay);
    app.update(Action::ToggleCaptionScope);
    assert_eq!(caption_view(&app).scope, CaptionScope::Page);
    assert!(caption_view(&app).lines.contains(&CaptionLine::Heading(
        "双星：以自主创新重新定义“轮胎”".into()
    )));
    app.update(Action::ToggleCaptions);
    assert_eq!(app.overlay(), None);
    press(&mut app, &[Action::ToggleCaptions, Action::Cancel]);
    assert_eq!(app.overlay(), None);
}

#[test]
fn the_caption_viewer_scrolls_and_keeps_the_article_still() {
    let mut app = App::new(fixture::edition(), AmbiguousWidth::Narrow, 50, 10);
    open(&mut app, "1-3");
    app.update(Action::ToggleCaptions);
    let total = caption_view(&app).lines.len();
    let height = app.panes().unwrap().caption_text().height as usize;
    assert!(
        total > height,
        "the test needs captions longer than the viewer"
    );
    press(&mut app, &[Action::Down, Action::NextArticle]);
    assert_eq!(caption_view(&app).scroll, 1);
    assert_eq!(
        current_id(&app),
        "1-3",
        "keys for the article do nothing under the viewer"
    );
    app.update(Action::Bottom);
    assert_eq!(caption_view(&app).scroll, total - height);
    app.update(Action::Scroll {
        column: 30,
        row: 4,
        lines: -3,
    });
    assert_eq!(caption_view(&app).scroll, total - height - 3);
}

#[test]
fn the_help_opens_scrolls_and_closes() {
    let mut app = App::new(fixture::edition(), AmbiguousWidth::Narrow, 80, 12);
    app.update(Action::ToggleHelp);
    assert_eq!(app.overlay(), Some(&Overlay::Help { scroll: 0 }));
    press(&mut app, &[Action::Down, Action::Down]);
    assert_eq!(app.overlay(), Some(&Overlay::Help { scroll: 2 }));
    app.update(Action::Bottom);
    let text = app.panes().unwrap().help_text();
    let total =
        crate::app::screen::help_rows(app.strings(), text.width.into(), AmbiguousWidth::Narrow)
            .len();
    assert_eq!(
        app.overlay(),
        Some(&Overlay::Help {
            scroll: total - text.height as usize
        })
    );
    app.update(Action::ToggleHelp);
    assert_eq!(app.overlay(), None);
    press(&mut app, &[Action::ToggleHelp, Action::Cancel]);
    assert_eq!(app.overlay(), None);
    assert_eq!(current_id(&app), "1-1");
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut app = reader();
    open(&mut app, "1-4");
    let panes = app.panes().unwrap();
    let (x, y) = (panes.article.x + 5, panes.article.y + 5);
    app.update(Action::Scroll {
        column: x,
        row: y,
        lines: 3,
    });
    assert_eq!(app.scroll(), 3);
    app.update(Action::Scroll {
        column: x,
        row: y,
        lines: -5,
    });
    assert_eq!(app.scroll(), 0);

    let mut app = App::new(fixture::edition(), AmbiguousWidth::Narrow, 80, 9);
    app.update(Action::Scroll {
        column: 2,
        row: 3,
        lines: 3,
    });
    assert_eq!(app.list_offset(), 3);
    assert_eq!(
        current_id(&app),
        "1-1",
        "scrolling the list does not select"
    );
}

#[test]
fn a_click_selects_the_article_on_that_row() {
    let mut app = reader();
    app.update(Action::FocusArticle);
    let rows = app.panes().unwrap().section_rows();
    // Row 4 of the list is 1-3, under its column banner.
    app.update(Action::Click {
        column: rows.x + 3,
        row: rows.y + 4,
    });
    assert_eq!(current_id(&app), "1-3");
    assert_eq!(app.focus(), Focus::Sections);
    app.update(Action::Click {
        column: rows.x + 3,
        row: rows.y + 6,
    });
    assert_eq!(
        current_id(&app),
        "4-1",
        "a page heading selects its first article"
    );
    let article = app.panes().unwrap().article;
    app.update(Action::Click {
        column: article.x + 4,
        row: article.y + 4,
    });
    assert_eq!(app.focus(), Focus::Article);
    assert_eq!(current_id(&app), "4-1");
}

#[test]
fn a_resize_lays_out_again_and_keeps_the_same_text_at_the_top() {
    let mut app = reader();
    open(&mut app, "1-4");
    press(&mut app, &[Action::PageDown]);
    let top = app.lines()[app.scroll()].source.unwrap();
    app.update(Action::Resize {
        width: 70,
        height: 30,
    });
    let width = app.panes().unwrap().article_text().width as usize;
    assert!(app.lines().iter().all(|line| line.width <= width));
    let new_top = app.lines()[app.scroll()].source.unwrap();
    assert_eq!(new_top.part, top.part);
    assert!(new_top.start <= top.start);
}

#[test]
fn the_selection_stays_in_view_on_a_short_screen() {
    let mut app = App::new(fixture::edition(), AmbiguousWidth::Narrow, 80, 9);
    let height = app.panes().unwrap().section_rows().height as usize;
    app.update(Action::Bottom);
    let row = app
        .rows()
        .iter()
        .position(|row| *row == Row::Article(5))
        .unwrap();
    assert!((app.list_offset()..app.list_offset() + height).contains(&row));
    app.update(Action::Top);
    assert_eq!(
        app.list_offset(),
        0,
        "the page heading shows above the first article"
    );
}

#[test]
fn a_screen_too_small_and_back_loses_nothing() {
    let mut app = reader();
    open(&mut app, "1-4");
    press(&mut app, &[Action::PageDown]);
    let scroll = app.scroll();
    press(
        &mut app,
        &[
            Action::Resize {
                width: 10,
                height: 3,
            },
            Action::Down,
            Action::Click { column: 1, row: 1 },
        ],
    );
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    assert_eq!(current_id(&app), "1-4");
    assert_eq!(
        app.scroll(),
        scroll,
        "keys do nothing on a screen too small to see"
    );
}

#[test]
fn wide_ambiguous_characters_lay_out_narrower_lines() {
    let mut app = reader();
    open(&mut app, "1-2");
    let width = app.panes().unwrap().article_text().width as usize;
    app.update(Action::SetAmbiguousWidth(AmbiguousWidth::Wide));
    assert_eq!(app.ambiguous(), AmbiguousWidth::Wide);
    assert!(
        app.lines()
            .iter()
            .all(|line| str_width(&line.text, AmbiguousWidth::Wide) <= width)
    );
}

#[test]
fn s_switches_punctuation_between_full_width_and_the_source() {
    let mut app = reader();
    app.update(Action::TogglePunctuation);
    assert_eq!(app.punctuation(), Punctuation::Source);
    assert_eq!(message(&app), "Punctuation as in the source");
    app.update(Action::TogglePunctuation);
    assert_eq!(app.punctuation(), Punctuation::FullWidth);
}

#[test]
fn a_message_lasts_until_the_next_key() {
    let mut app = reader();
    app.update(Action::PreviousArticle);
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    assert_eq!(message(&app), "This is the first article.");
    app.update(Action::Down);
    assert_eq!(app.message(), None);
}

#[test]
fn quit_stops_and_suspend_changes_nothing() {
    let mut app = reader();
    app.update(Action::Suspend);
    assert!(app.is_running());
    assert_eq!(current_id(&app), "1-1");
    app.update(Action::Quit);
    assert!(!app.is_running());
}

#[test]
fn search_matches_map_to_parts_the_layout_shows() {
    let mut app = reader();
    search(&mut app, "铁轨");
    let found = app.search().unwrap().matches[0];
    assert_eq!(found.part, TextPart::Block(0));
}

// ---- merged reading ----

/// The test edition with 4-1, the continuation of 1-2, long enough to fill the pane, and
/// "汽车" in it as in 1-2 and in 1-3, which comes between them in reading order.
fn long_continuation() -> App {
    let mut edition = fixture::edition();
    let continued = &mut edition.pages[1].articles[0];
    assert_eq!(continued.id, "4-1");
    continued
        .blocks
        .extend((1..=40).map(|n| crate::edition::Block {
            kind: crate::edition::BlockKind::Paragraph,
            text: format!("第{n}段：中欧班列把汽车运往中亚。"),
        }));
    App::new(edition, AmbiguousWidth::Narrow, 120, 40)
}

fn seam_lines(app: &App) -> Vec<usize> {
    (app.lines().iter().enumerate())
        .filter(|(_, line)| line.kind == LineKind::Seam)
        .map(|(at, _)| at)
        .collect()
}

/// The article each line's text comes from, by id; `None` for lines without text.
fn line_article(app: &App, line: usize) -> Option<&str> {
    let source = app.lines()[line].source?;
    let index = app.shown_articles()[source.story_part];
    Some(&app.article(index).id)
}

#[test]
fn m_reads_a_continued_story_as_one_text_joined_by_a_seam() {
    let mut app = reader();
    open(&mut app, "1-2");
    let single = app.lines().to_vec();
    app.update(Action::ToggleMerged);
    assert!(app.merged());
    assert!(
        message(&app).starts_with("Merged reading"),
        "{}",
        message(&app)
    );
    assert_eq!(current_id(&app), "1-2");
    let seams = seam_lines(&app);
    assert_eq!(seams.len(), 1);
    assert_eq!(app.lines()[seams[0]].text, "── 接第四版 ──");
    let texts: Vec<&str> = app.lines().iter().map(|line| line.text.as_str()).collect();
    assert_eq!(
        texts[..seams[0] - 1],
        single[..single.len() - 2]
            .iter()
            .map(|line| line.text.as_str())
            .collect::<Vec<_>>()[..]
    );
    assert!(
        !texts
            .iter()
            .any(|text| text.contains("下转") || text.contains("上接")),
        "the seam stands in for both jump lines: {texts:#?}"
    );
    assert_eq!(line_article(&app, seams[0] + 2), Some("4-1"));
    assert_eq!(line_article(&app, seams[0] - 2), Some("1-2"));

    app.update(Action::ToggleMerged);
    assert!(!app.merged());
    assert_eq!(message(&app), "Merged reading off");
    assert_eq!(app.lines(), single);
}

#[test]
fn in_merged_reading_a_continued_part_opens_at_its_seam_and_both_stay_listed() {
    let mut app = long_continuation();
    app.update(Action::ToggleMerged);
    let rows = app.rows().to_vec();
    let continued = app.index_of("4-1").unwrap();
    press(&mut app, &[Action::Down; 4]);
    assert_eq!(current_id(&app), "4-1");
    assert_eq!(app.scroll(), seam_lines(&app)[0]);
    assert_eq!(
        app.shown_articles(),
        [app.index_of("1-2").unwrap(), continued]
    );
    assert_eq!(app.rows(), rows, "the list still has each part on its page");
    assert!(app.rows().contains(&Row::Article(continued)));

    app.update(Action::Up);
    assert_eq!(current_id(&app), "1-4");
    app.update(Action::Up);
    assert_eq!(current_id(&app), "1-3");
    app.update(Action::Up);
    assert_eq!(
        (current_id(&app), app.scroll()),
        ("1-2", 0),
        "the front part opens at the top"
    );
}

#[test]
fn scrolling_runs_over_the_seam_into_the_continued_part() {
    let mut app = long_continuation();
    app.update(Action::ToggleMerged);
    open(&mut app, "1-2");
    let seam = seam_lines(&app)[0];
    assert_eq!(app.scroll(), 0);
    for _ in 0..=seam {
        app.update(Action::Down);
    }
    assert_eq!(app.scroll(), seam + 1, "one line at a time, over the seam");
    app.update(Action::PageDown);
    assert_eq!(line_article(&app, app.scroll()), Some("4-1"));
    assert_eq!(current_id(&app), "1-2", "still reading the story opened");
    app.update(Action::Bottom);
    assert_eq!(app.scroll() + app.article_height(), app.lines().len());
    app.update(Action::Top);
    assert_eq!(app.scroll(), 0);
}

#[test]
fn a_search_finds_the_continued_part_in_the_story_and_walks_it_before_leaving() {
    let mut app = long_continuation();
    app.update(Action::ToggleMerged);
    open(&mut app, "1-2");
    search(&mut app, "汽车");
    assert_eq!(current_id(&app), "1-2");
    let story = app.shown_articles().to_vec();
    let in_story = (app.search().unwrap().matches.iter())
        .filter(|found| story.contains(&found.article))
        .count();
    assert_eq!(
        in_story, 41,
        "one in the front part, one in each added paragraph"
    );
    for _ in 1..in_story {
        app.update(Action::NextMatch);
        let found = app.search().unwrap().matches[app.search().unwrap().current];
        let line = search::line_of(app.lines(), app.shown_articles(), &found).unwrap();
        assert_eq!(line_article(&app, line), Some("4-1"));
        assert!((app.scroll()..app.scroll() + app.article_height()).contains(&line));
        assert!(
            !crate::app::match_ranges(&app.lines()[line], app.shown_articles(), &[found])
                .is_empty()
        );
        assert_eq!(current_id(&app), "1-2");
        assert_eq!(
            app.history_depth(),
            0,
            "matches in the text shown are no jump"
        );
    }
    app.update(Action::NextMatch);
    assert_eq!(current_id(&app), "1-3", "then on to the next story");
    assert_eq!(app.history_depth(), 1);
}

#[test]
fn in_merged_reading_enter_follows_jumps_and_backspace_returns() {
    let mut app = long_continuation();
    app.update(Action::ToggleMerged);
    open(&mut app, "1-2");
    press(&mut app, &[Action::Down, Action::Down]);
    app.update(Action::Confirm);
    assert_eq!(current_id(&app), "4-1");
    assert_eq!(
        app.scroll(),
        seam_lines(&app)[0],
        "at the start of the continued part"
    );
    assert_eq!(app.history_depth(), 1);
    app.update(Action::Back);
    assert_eq!((current_id(&app), app.scroll()), ("1-2", 2));
}

#[test]
fn stories_without_jumps_read_the_same_merged_or_not() {
    for id in ["1-1", "1-3", "4-2"] {
        let mut app = reader();
        open(&mut app, id);
        let single = app.lines().to_vec();
        app.update(Action::ToggleMerged);
        assert_eq!(app.lines(), single, "{id}");
        assert_eq!(app.shown_articles(), [app.index_of(id).unwrap()]);
        app.update(Action::Confirm);
        assert_eq!(current_id(&app), id, "{id}: its jump still leads nowhere");
    }
}

#[test]
fn switching_merged_reading_keeps_the_text_at_the_top_in_view() {
    let mut app = long_continuation();
    open(&mut app, "4-1");
    press(&mut app, &[Action::Down; 20]);
    let top = app.lines()[app.scroll()].text.clone();
    app.update(Action::ToggleMerged);
    assert_eq!(app.lines()[app.scroll()].text, top);
    assert_eq!(line_article(&app, app.scroll()), Some("4-1"));
    app.update(Action::ToggleMerged);
    assert_eq!(app.lines()[app.scroll()].text, top);
    assert_eq!(line_article(&app, app.scroll()), Some("4-1"));
}

#[test]
fn switching_merged_reading_keeps_the_match_shown() {
    let mut app = long_continuation();
    search(&mut app, "汽车");
    press(&mut app, &[Action::NextMatch; 2]);
    assert_eq!(current_id(&app), "1-3");
    let search = app.search().unwrap();
    let shown = search.matches[search.current];
    app.update(Action::ToggleMerged);
    let search = app.search().unwrap();
    assert_eq!(search.matches[search.current], shown);
    let articles: Vec<usize> = search.matches.iter().map(|found| found.article).collect();
    let (front, continued, after) = (
        app.index_of("1-2").unwrap(),
        app.index_of("4-1").unwrap(),
        app.index_of("1-3").unwrap(),
    );
    let at = |index| {
        articles
            .iter()
            .position(|&article| article == index)
            .unwrap()
    };
    assert!(
        at(front) < at(continued) && at(continued) < at(after),
        "{articles:?}"
    );
}

#[test]
fn in_merged_reading_c_shows_the_captions_of_every_part_of_the_story_in_order() {
    use crate::edition::{Caption, CaptionKind};
    let caption = |kind, text: &str| Caption {
        kind,
        text: text.into(),
    };
    let mut edition = fixture::edition();
    edition.pages[0].articles[1].captions = vec![caption(CaptionKind::Description, "A train.")];
    edition.pages[1].articles[0].captions = vec![caption(CaptionKind::Photo, "班列到站。")];
    let mut app = App::new(edition, AmbiguousWidth::Narrow, 120, 40);
    open(&mut app, "4-1");
    app.update(Action::ToggleCaptions);
    assert_eq!(caption_view(&app).scope, CaptionScope::Article);
    assert!(
        !caption_view(&app)
            .lines
            .contains(&CaptionLine::Text("A train.".into())),
        "read alone, a part shows its own captions"
    );

    press(
        &mut app,
        &[Action::Cancel, Action::ToggleMerged, Action::ToggleCaptions],
    );
    let view = caption_view(&app);
    assert_eq!(view.scope, CaptionScope::Story);
    assert_eq!(
        view.lines,
        [
            CaptionLine::Heading("Part 1 of 2, 第一版".into()),
            CaptionLine::Kind(CaptionKind::Description),
            CaptionLine::Text("A train.".into()),
            CaptionLine::Blank,
            CaptionLine::Heading("Part 2 of 2, 第四版".into()),
            CaptionLine::Kind(CaptionKind::Photo),
            CaptionLine::Text("班列到站。".into()),
            CaptionLine::Blank,
        ]
    );
    app.update(Action::ToggleCaptionScope);
    assert_eq!(caption_view(&app).scope, CaptionScope::Page);
    app.update(Action::ToggleCaptionScope);
    assert_eq!(
        caption_view(&app).scope,
        CaptionScope::Story,
        "p comes back to the story"
    );
}

/// The first chars of the line at the top of the article pane.
fn top_line_start(app: &App) -> String {
    app.lines()[app.scroll()].text.chars().take(6).collect()
}

#[test]
fn backspace_returns_to_the_same_text_after_a_resize() {
    let mut app = reader();
    open(&mut app, "1-4");
    press(&mut app, &[Action::Down; 30]);
    let before = top_line_start(&app);
    press(&mut app, &[Action::Digit(4), Action::Confirm]);
    assert_eq!(current_id(&app), "4-1");
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app.update(Action::Back);
    assert_eq!(current_id(&app), "1-4");
    assert!(app.scroll() > 30, "narrower lines: more of them above");
    assert_eq!(top_line_start(&app), before);
}

#[test]
fn backspace_returns_to_the_same_text_after_merged_reading_was_switched() {
    let mut app = long_continuation();
    open(&mut app, "4-1");
    press(&mut app, &[Action::Down; 20]);
    let before = top_line_start(&app);
    press(&mut app, &[Action::Digit(1), Action::Confirm]);
    assert_eq!(current_id(&app), "1-1");
    app.update(Action::ToggleMerged);
    app.update(Action::Back);
    assert_eq!(current_id(&app), "4-1");
    assert_eq!(top_line_start(&app), before);
    assert_eq!(line_article(&app, app.scroll()), Some("4-1"));
}

/// The test edition with 1-4, longer than the pane, continued in 4-2.
fn long_article_with_jump() -> App {
    let mut edition = fixture::edition();
    let long = &mut edition.pages[0].articles[3];
    assert_eq!(long.id, "1-4");
    long.jump_to = Some(crate::edition::Jump {
        page: 4,
        article: Some("4-2".into()),
    });
    App::new(edition, AmbiguousWidth::Narrow, 120, 40)
}

#[test]
fn enter_twice_opens_an_article_and_stays_until_its_jump_is_in_view() {
    let mut app = long_article_with_jump();
    press(&mut app, &[Action::Down; 3]);
    press(&mut app, &[Action::Confirm, Action::Confirm]);
    assert_eq!(
        current_id(&app),
        "1-4",
        "the article the reader has not seen stays"
    );
    assert_eq!(app.history_depth(), 0);
    assert_eq!(
        message(&app),
        "The jump line is not in view: scroll to it, then Enter."
    );
    assert_eq!(app.jump_in_view(), None);
    press(&mut app, &[Action::Bottom]);
    assert!(app.jump_in_view().is_some());
    app.update(Action::Confirm);
    assert_eq!(current_id(&app), "4-2");
    assert_eq!(app.history_depth(), 1);
}

#[test]
fn a_jump_to_a_missing_page_leads_nowhere_and_enter_on_it_says_why() {
    let mut app = reader();
    open(&mut app, "1-3");
    let (line, jump) = app
        .jump_in_view()
        .expect("1-3 is short: its 下转 line shows");
    assert_eq!(app.lines()[line].kind, LineKind::JumpTo);
    assert_eq!(app.jump_target(&jump), JumpTarget::MissingPage);
    app.update(Action::Confirm);
    assert_eq!(current_id(&app), "1-3");
    assert_eq!(message(&app), "第九版 is not in this edition");
}

#[test]
fn a_click_on_a_jump_line_follows_it() {
    let mut app = long_article_with_jump();
    open(&mut app, "1-4");
    app.update(Action::Bottom);
    let (line, _) = app.jump_in_view().unwrap();
    let text = app.panes().unwrap().article_text();
    let row = text.y + (line - app.scroll()) as u16;
    app.update(Action::Click {
        column: text.x + 1,
        row,
    });
    assert_eq!(current_id(&app), "4-2");
    app.update(Action::Back);
    assert_eq!(current_id(&app), "1-4");
}

#[test]
fn w_lists_the_articles_warnings_then_the_editions() {
    use crate::app::WarningLine;
    let mut app = App::new(crate::edition::builtin(), AmbiguousWidth::Narrow, 120, 40);
    let second = app.index_of("1-2").unwrap();
    assert!(app.warning_count(second) > 0, "its jump is left unresolved");
    open(&mut app, "1-2");
    app.update(Action::ToggleWarnings);
    let Some(Overlay::Warnings(view)) = app.overlay() else {
        panic!("no warnings viewer: {:?}", app.overlay())
    };
    let texts: Vec<&str> = (view.lines.iter())
        .filter_map(|line| match line {
            WarningLine::Heading(text) | WarningLine::Text { text, .. } => Some(text.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(texts[0], "This article");
    assert!(texts[1].starts_with("1-2: 下转第四版"), "{texts:?}");
    let edition_heading = format!("The whole edition ({})", app.edition().warnings.len());
    assert!(texts.contains(&edition_heading.as_str()), "{texts:?}");
    press(&mut app, &[Action::Down, Action::Bottom]);
    assert!(matches!(app.overlay(), Some(Overlay::Warnings(_))));
    app.update(Action::ToggleWarnings);
    assert_eq!(app.overlay(), None);
}

#[test]
fn in_merged_reading_the_page_shown_is_the_part_being_read() {
    let mut app = long_continuation();
    app.update(Action::ToggleMerged);
    open(&mut app, "1-2");
    assert_eq!(app.page_in_view().unwrap().number, 1);
    let seam = seam_lines(&app)[0];
    while app.scroll() <= seam {
        app.update(Action::Down);
    }
    assert_eq!(current_id(&app), "1-2", "the selection stays");
    assert_eq!(
        app.page_in_view().unwrap().number,
        4,
        "the part read is on page 4"
    );
    assert_eq!(app.article(app.article_in_view().unwrap()).id, "4-1");
}

#[test]
fn resizing_back_and_forth_leaves_the_list_showing_the_page_row() {
    let mut app = reader();
    app.update(Action::Resize {
        width: 120,
        height: 9,
    });
    press(&mut app, &[Action::Bottom]);
    assert!(app.list_offset() > 0);
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    assert_eq!(app.list_offset(), 0, "the whole list fits again");
    app.update(Action::Resize {
        width: 120,
        height: 9,
    });
    app.update(Action::Resize {
        width: 120,
        height: 40,
    });
    assert_eq!(app.list_offset(), 0);
    assert_eq!(app.rows()[app.list_offset()], Row::Page(0));
}

/// Whether `key` in `scope` does what the help row about it says, from a state where it
/// can: each action's visible effect.
fn does_what_the_help_says(key: crate::app::keymap::Key, scope: crate::app::keymap::Scope) -> bool {
    use crate::app::keymap::{Scope, action_for};
    let mut app = long_article_with_jump();
    open(&mut app, "1-4");
    app.update(Action::Down);
    if scope == Scope::Viewer {
        app.update(Action::ToggleCaptions);
    }
    let Some(action) = action_for(key, app.mode()) else {
        return false;
    };
    let before = (current_id(&app).to_owned(), app.scroll(), app.focus());
    app.update(action);
    let after = (current_id(&app).to_owned(), app.scroll(), app.focus());
    match action {
        Action::Quit => !app.is_running(),
        Action::Suspend => after == before,
        Action::ToggleHelp => matches!(app.overlay(), Some(Overlay::Help { .. })),
        Action::ToggleCaptions => match scope {
            Scope::Viewer => app.overlay().is_none(),
            _ => matches!(app.overlay(), Some(Overlay::Captions(_))),
        },
        Action::ToggleCaptionScope => {
            matches!(app.overlay(), Some(Overlay::Captions(view)) if view.scope == CaptionScope::Page)
        }
        Action::ToggleWarnings => matches!(app.overlay(), Some(Overlay::Warnings(_))),
        Action::TogglePunctuation => app.punctuation() == Punctuation::Source,
        Action::ToggleMerged => app.merged(),
        Action::Cancel => app.overlay().is_none() && app.prompt().is_none(),
        Action::FocusNext | Action::FocusSections => app.focus() == Focus::Sections,
        Action::FocusArticle => {
            app.update(Action::FocusSections);
            app.update(action);
            app.focus() == Focus::Article
        }
        Action::Down | Action::PageDown | Action::HalfPageDown | Action::Bottom => match scope {
            Scope::Viewer => true,
            _ => after.1 > before.1,
        },
        Action::Up | Action::PageUp | Action::HalfPageUp | Action::Top => match scope {
            Scope::Viewer => true,
            _ => after.1 < before.1,
        },
        Action::PreviousArticle => after.0 == "1-3",
        Action::NextArticle => after.0 == "4-1",
        Action::PreviousPage => {
            open(&mut app, "4-2");
            app.update(action);
            current_id(&app) == "1-1"
        }
        Action::NextPage => after.0 == "4-1",
        Action::Digit(_) => matches!(app.prompt(), Some(Prompt::PageNumber(_))),
        Action::Confirm => {
            app.update(Action::Bottom);
            app.update(Action::Confirm);
            current_id(&app) == "4-2"
        }
        Action::Back => {
            press(&mut app, &[Action::Bottom, Action::Confirm, action]);
            current_id(&app) == "1-4"
        }
        Action::StartSearch => matches!(app.prompt(), Some(Prompt::Search(_))),
        Action::StartSetMark => app.mode() == Mode::SetMark,
        Action::StartGoToMark => app.mode() == Mode::GoToMark,
        Action::NextMatch | Action::PreviousMatch => {
            search(&mut app, "第1");
            let first = app.search().unwrap().current;
            app.update(action);
            app.search().unwrap().current != first
        }
        _ => false,
    }
}

#[test]
fn every_key_in_the_table_does_what_its_help_says() {
    use crate::app::keymap::{KEYMAP, Key};
    for (row, does) in KEYMAP.iter().zip(crate::app::strings::EN.key_help) {
        for binding in row.bindings {
            // Ctrl-z stops the process in the terminal shell; the state only passes it on.
            if binding.key == Key::Ctrl('z') {
                continue;
            }
            assert!(
                does_what_the_help_says(binding.key, binding.scope),
                "{:?} ({:?}) does not do what the help says: {does}",
                binding.key,
                binding.scope
            );
        }
    }
    // The rows that name keys beside the table: digits, mark letters, the mouse.
    assert!(does_what_the_help_says(
        Key::Char('5'),
        crate::app::keymap::Scope::Reading
    ));
}

#[test]
fn what_is_remembered_takes_reading_up_at_the_same_text_and_marks_the_read() {
    let mut app = reader();
    open(&mut app, "1-4");
    press(&mut app, &[Action::Down; 12]);
    let before = top_line_start(&app);
    let remembered = app.remembered();
    assert_eq!(remembered.article.as_deref(), Some("1-4"));
    assert!(remembered.read.contains("1-4"));
    assert!(!remembered.read.contains("1-2"), "never opened");

    let mut again = App::new(fixture::edition(), AmbiguousWidth::Narrow, 100, 30);
    again.resume(&remembered);
    assert_eq!(current_id(&again), "1-4");
    assert_eq!(again.focus(), Focus::Article);
    assert_eq!(top_line_start(&again), before, "the same text at the top");
    assert!(again.is_read(again.index_of("1-4").unwrap()));
    assert!(message(&again).starts_with("Back where you left off"));

    let gone = crate::app::memory::Remembered {
        article: Some("9-9".into()),
        ..Default::default()
    };
    let mut fresh = reader();
    fresh.resume(&gone);
    assert_eq!(
        current_id(&fresh),
        "1-1",
        "an article the edition lacks is passed over"
    );
}

#[test]
fn keys_a_config_binds_join_the_help_rows_of_what_they_do() {
    use crate::app::keymap::Key;
    let mut app = reader();
    app.set_extra_keys(vec![(Key::Char('x'), Action::Quit)]);
    let text = app.panes().unwrap().help_text();
    let rows = crate::app::screen::help_rows_with(
        app.strings(),
        text.width.into(),
        AmbiguousWidth::Narrow,
        (false, app.extra_keys()),
    );
    let quit = (rows.iter())
        .find(|row| row.text.starts_with("quit"))
        .expect("a help row for quitting");
    assert!(quit.keys.ends_with(" x"), "{quit:?}");
    assert!(
        rows.iter().all(|row| row.keys != "config"),
        "no line of its own for a key whose action has a row"
    );
}

#[test]
fn the_help_names_the_mouse_in_the_readers_language() {
    let keys = |lang: Lang| {
        crate::app::screen::help_rows(lang.strings(), 80, AmbiguousWidth::Narrow)
            .into_iter()
            .map(|row| row.keys)
            .collect::<Vec<_>>()
    };
    assert!(keys(Lang::En).iter().any(|keys| keys == "Mouse"));
    assert!(keys(Lang::Zh).iter().any(|keys| keys == "鼠标"));
    assert!(keys(Lang::Zh).iter().all(|keys| !keys.contains("Mouse")));
}

#[test]
fn every_movement_key_in_a_viewer_scrolls_it() {
    use crate::app::keymap::{KEYMAP, Scope, action_for};
    let viewer_scroll = |app: &App| match app.overlay() {
        Some(Overlay::Captions(view)) => view.scroll,
        other => panic!("no caption viewer: {other:?}"),
    };
    for binding in KEYMAP.iter().flat_map(|row| row.bindings) {
        if binding.scope == Scope::Reading {
            continue;
        }
        let mut app = App::new(fixture::edition(), AmbiguousWidth::Narrow, 40, 9);
        open(&mut app, "1-3");
        app.update(Action::ToggleCaptions);
        let action = action_for(binding.key, app.mode()).unwrap();
        let (down, up) = match action {
            Action::Down | Action::PageDown | Action::HalfPageDown | Action::Bottom => {
                (true, false)
            }
            Action::Up | Action::PageUp | Action::HalfPageUp | Action::Top => (false, true),
            _ => continue,
        };
        if up {
            app.update(Action::Bottom);
        }
        let before = viewer_scroll(&app);
        app.update(action);
        let after = viewer_scroll(&app);
        assert!(
            (down && after > before) || (up && after < before),
            "{:?} in the viewer: {before} -> {after}",
            binding.key
        );
        assert_eq!(current_id(&app), "1-3", "the article stays");
    }
}

#[test]
fn next_and_previous_article_pass_over_a_story_listed_again_in_full() {
    let mut edition = fixture::edition();
    let repeat = &mut edition.pages[1].articles[0];
    repeat.repeat_of = Some("1-2".into());
    let repeat_id = repeat.id.clone();
    let mut app = App::new(edition, AmbiguousWidth::Narrow, 120, 40);
    let last_of_page_one = app.edition().pages[0].articles.last().unwrap().id.clone();
    let after_the_repeat = app.edition().pages[1].articles[1].id.clone();
    open(&mut app, &last_of_page_one);
    press(&mut app, &[Action::NextArticle]);
    assert_eq!(
        current_id(&app),
        after_the_repeat,
        "{repeat_id} was not passed over"
    );
    press(&mut app, &[Action::PreviousArticle]);
    assert_eq!(current_id(&app), last_of_page_one);
}
