//! Screens as the terminal shows them: snapshots at three sizes, borders checked on every
//! row, in both ambiguous-width settings.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};

use crate::app::fixture;
use crate::app::strings::Lang;
use crate::app::{Action, App, Focus, Overlay};
use crate::edition::Edition;
use crate::text::{AmbiguousWidth, str_width};

const SIZES: [(u16, u16); 3] = [(120, 40), (80, 24), (50, 20)];

/// The states the snapshots show.
const SCENARIOS: [&str; 6] = [
    "opening",
    "article_scrolled",
    "captions",
    "help",
    "search",
    "warnings",
];

/// An edition to show, and where in its list two articles the scenarios need sit.
struct Sample {
    /// Snapshot name prefix.
    prefix: &'static str,
    edition: fn() -> Edition,
    /// Steps down the list to an article longer than the screen.
    long_article: usize,
    /// Steps down the list to an article with captions.
    captioned: usize,
}

const FIXTURE: Sample = Sample {
    prefix: "",
    edition: fixture::edition,
    long_article: 3,
    captioned: 2,
};
const BUILTIN: Sample = Sample {
    prefix: "builtin_",
    edition: crate::edition::builtin,
    long_article: 4,
    captioned: 4,
};

fn scenario(name: &str, sample: &Sample, ambiguous: AmbiguousWidth, size: (u16, u16)) -> App {
    scenario_in(Lang::En, name, sample, ambiguous, size)
}

/// The state `name` reached in an interface speaking `lang`.
fn scenario_in(
    lang: Lang,
    name: &str,
    sample: &Sample,
    ambiguous: AmbiguousWidth,
    (width, height): (u16, u16),
) -> App {
    let mut app = App::new((sample.edition)(), ambiguous, width, height);
    app.set_lang(lang);
    let down = |steps| std::iter::repeat_n(Action::Down, steps);
    let actions: Vec<Action> = match name {
        "opening" => vec![],
        "article_scrolled" => down(sample.long_article)
            .chain([Action::Confirm, Action::PageDown, Action::Down])
            .collect(),
        "captions" => down(sample.captioned)
            .chain([Action::Confirm, Action::ToggleCaptions])
            .collect(),
        "help" => vec![Action::ToggleHelp],
        "warnings" => vec![Action::Down, Action::Confirm, Action::ToggleWarnings],
        "search" => vec![
            Action::StartSearch,
            Action::Type('数'),
            Action::Type('字'),
            Action::Confirm,
        ],
        _ => panic!("no scenario {name}"),
    };
    for action in actions {
        app.update(action);
    }
    app
}

fn render(app: &App) -> Buffer {
    let area = app.area();
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).unwrap();
    terminal.draw(|frame| super::draw(frame, app)).unwrap();
    terminal.backend().buffer().clone()
}

/// The screen a terminal shows after drawing `buf` on a blank screen, one string per
/// column: each cell ratatui sends is written where it says, taking as many columns as
/// the terminal gives it. Panics when a write lands on the second half of an earlier
/// wide character, which is how a border gets pushed out of line.
fn terminal_screen(buf: &Buffer, ambiguous: AmbiguousWidth) -> Vec<Vec<String>> {
    let area = buf.area;
    let mut screen = vec![vec![" ".to_string(); area.width as usize]; area.height as usize];
    let mut covered = vec![vec![false; area.width as usize]; area.height as usize];
    for (x, y, cell) in Buffer::empty(area).diff(buf) {
        let (x, y) = (x as usize, y as usize);
        assert!(
            !covered[y][x],
            "row {y}: {:?} at column {x} overwrites half a wide character",
            cell.symbol()
        );
        let width = str_width(cell.symbol(), ambiguous).max(1);
        screen[y][x] = cell.symbol().to_string();
        for column in x + 1..(x + width).min(area.width as usize) {
            screen[y][column] = String::new();
            covered[y][column] = true;
        }
    }
    screen
}

fn screen_text(screen: &[Vec<String>]) -> String {
    screen.iter().map(|row| row.concat() + "\n").collect()
}

/// Asserts that each pane's left and right borders stand in their columns on every row.
fn assert_borders_straight(app: &App, screen: &[Vec<String>]) {
    let vertical = match app.ambiguous() {
        AmbiguousWidth::Narrow => "│",
        AmbiguousWidth::Wide => "|",
    };
    let panes = app.panes().unwrap();
    let mut boxes = Vec::new();
    if !panes.single || app.focus() == Focus::Sections {
        boxes.push(panes.sections);
    }
    if !panes.single || app.focus() == Focus::Article {
        boxes.push(panes.article);
    }
    match app.overlay() {
        Some(Overlay::Help { .. }) => boxes.push(panes.help()),
        Some(Overlay::Captions(_) | Overlay::Warnings(_)) => boxes.push(panes.captions()),
        None => {}
    }
    let covered_by_help = |x: u16, y: u16| {
        matches!(app.overlay(), Some(Overlay::Help { .. })) && panes.help().contains((x, y).into())
    };
    for pane in boxes {
        for y in pane.top() + 1..pane.bottom() - 1 {
            for x in [pane.left(), pane.right() - 1] {
                if covered_by_help(x, y) && !panes.help().eq(&pane) {
                    continue;
                }
                assert_eq!(
                    screen[y as usize][x as usize],
                    vertical,
                    "border of {pane:?} out of line at column {x}, row {y}:\n{}",
                    screen_text(screen)
                );
            }
        }
    }
}

#[test]
fn snapshots_of_every_screen_at_every_size() {
    for sample in [FIXTURE, BUILTIN] {
        for size in SIZES {
            for name in SCENARIOS {
                let app = scenario(name, &sample, AmbiguousWidth::Narrow, size);
                let screen = terminal_screen(&render(&app), AmbiguousWidth::Narrow);
                assert_borders_straight(&app, &screen);
                let snapshot = format!("{}{name}_{}x{}", sample.prefix, size.0, size.1);
                insta::assert_snapshot!(snapshot, screen_text(&screen));
            }
        }
    }
}

#[test]
fn snapshots_of_every_screen_in_chinese() {
    for sample in [FIXTURE, BUILTIN] {
        for size in SIZES {
            for name in SCENARIOS {
                let app = scenario_in(Lang::Zh, name, &sample, AmbiguousWidth::Narrow, size);
                let screen = terminal_screen(&render(&app), AmbiguousWidth::Narrow);
                assert_borders_straight(&app, &screen);
                let snapshot = format!("zh_{}{name}_{}x{}", sample.prefix, size.0, size.1);
                insta::assert_snapshot!(snapshot, screen_text(&screen));
            }
        }
    }
}

#[test]
fn borders_stay_straight_where_ambiguous_characters_are_wide() {
    for sample in [FIXTURE, BUILTIN] {
        for size in SIZES {
            for name in SCENARIOS {
                let app = scenario(name, &sample, AmbiguousWidth::Wide, size);
                let screen = terminal_screen(&render(&app), AmbiguousWidth::Wide);
                assert_borders_straight(&app, &screen);
            }
        }
    }
    let app = scenario("captions", &FIXTURE, AmbiguousWidth::Wide, (80, 24));
    let screen = terminal_screen(&render(&app), AmbiguousWidth::Wide);
    insta::assert_snapshot!("captions_80x24_ambiguous_wide", screen_text(&screen));
}

#[test]
fn with_narrow_ambiguous_characters_a_wide_terminal_would_break_the_borders() {
    // The check above can fail: drawn for a narrow terminal, the same screen collides.
    let app = scenario("captions", &FIXTURE, AmbiguousWidth::Narrow, (80, 24));
    let buf = render(&app);
    let broken = std::panic::catch_unwind(|| terminal_screen(&buf, AmbiguousWidth::Wide));
    assert!(broken.is_err());
}

#[test]
fn search_matches_are_highlighted_and_the_current_one_stands_out() {
    let app = scenario("search", &FIXTURE, AmbiguousWidth::Narrow, (120, 40));
    let buf = render(&app);
    let text_in = |color: Color| -> String {
        let area = app.panes().unwrap().article_text();
        (area.top()..area.bottom())
            .flat_map(|y| (area.left()..area.right()).map(move |x| (x, y)))
            .filter(|&(x, y)| buf[(x, y)].bg == color)
            .map(|(x, y)| buf[(x, y)].symbol().to_string())
            .collect()
    };
    assert_eq!(text_in(Color::LightRed), "数字");
    let others = text_in(Color::Yellow);
    assert!(
        !others.is_empty()
            && others
                .chars()
                .collect::<Vec<_>>()
                .chunks(2)
                .all(|pair| pair == ['数', '字']),
        "{others}"
    );
}

#[test]
fn long_titles_are_cut_with_an_ellipsis_and_inferred_ones_are_marked() {
    let app = scenario("opening", &FIXTURE, AmbiguousWidth::Narrow, (80, 24));
    let screen = terminal_screen(&render(&app), AmbiguousWidth::Narrow);
    let rows = app.panes().unwrap().section_rows();
    let columns = rows.left() as usize..rows.right() as usize;
    let list: Vec<String> = screen
        .iter()
        .map(|row| row[columns.clone()].concat())
        .collect();
    let long = list
        .iter()
        .find(|row| row.starts_with("  青岛出台行动方案"))
        .unwrap();
    assert!(long.ends_with('…') || long.ends_with("… "), "{long:?}");
    assert!(
        list.iter().any(|row| row.starts_with(" ~盛夏时节")),
        "{list:#?}"
    );
    assert!(
        list.iter().any(|row| row.starts_with(" 【强信心")),
        "{list:#?}"
    );
}

#[test]
fn an_empty_edition_says_so() {
    let app = App::new(Edition::default(), AmbiguousWidth::Narrow, 80, 24);
    let screen = terminal_screen(&render(&app), AmbiguousWidth::Narrow);
    assert_borders_straight(&app, &screen);
    insta::assert_snapshot!("empty_edition_80x24", screen_text(&screen));
}

#[test]
fn a_tiny_terminal_says_it_is_too_small() {
    let app = App::new(fixture::edition(), AmbiguousWidth::Narrow, 20, 6);
    let text = screen_text(&terminal_screen(&render(&app), AmbiguousWidth::Narrow));
    assert!(
        text.contains("Too small: 20x6") && text.contains("need 24x8"),
        "{text}"
    );
}

#[test]
fn the_status_line_shows_page_position_and_messages() {
    let mut app = scenario(
        "article_scrolled",
        &FIXTURE,
        AmbiguousWidth::Narrow,
        (120, 40),
    );
    app.update(Action::Digit(9));
    app.update(Action::Confirm);
    let screen = screen_text(&terminal_screen(&render(&app), AmbiguousWidth::Narrow));
    let status = screen.lines().last().unwrap();
    assert!(status.starts_with(" 第一版 要闻  4/6 "), "{status}");
    assert!(status.contains('%'), "{status}");
    assert!(status.contains("第九版 is not in this edition"), "{status}");
}

#[test]
fn the_back_hint_counts_the_places_backspace_returns_to() {
    let mut app = App::new(front_page_and_page_four(), AmbiguousWidth::Narrow, 120, 40);
    let status = |app: &App| {
        let screen = screen_text(&terminal_screen(&render(app), AmbiguousWidth::Narrow));
        screen.lines().last().unwrap().to_owned()
    };
    app.update(Action::Confirm);
    assert!(!status(&app).contains("Bksp"), "{}", status(&app));
    for page in [4, 1] {
        app.update(Action::Digit(page));
        app.update(Action::Confirm);
    }
    assert_eq!(app.history_depth(), 2);
    assert!(status(&app).contains("Bksp back (2)"), "{}", status(&app));
    app.update(Action::Back);
    assert!(status(&app).contains("Bksp back "), "{}", status(&app));
    assert!(!status(&app).contains("(1)"), "{}", status(&app));
}

#[test]
fn a_merged_story_shows_its_seam_and_says_merged() {
    let mut app = App::new(fixture::edition(), AmbiguousWidth::Narrow, 120, 40);
    for action in [Action::Down, Action::Confirm, Action::ToggleMerged] {
        app.update(action);
    }
    let screen = terminal_screen(&render(&app), AmbiguousWidth::Narrow);
    assert_borders_straight(&app, &screen);
    let text = screen_text(&screen);
    let front = text.find("首班JQ奇瑞汽车").unwrap();
    let seam = text.find("── 接第四版 ──").unwrap();
    let continued = text.find("上合示范区将继续拓展").unwrap();
    assert!(front < seam && seam < continued, "{text}");
    assert!(text.lines().last().unwrap().contains(" merged"), "{text}");
    insta::assert_snapshot!("merged_story_120x40", text);
}

/// The front page and page 4 as files hold them: the freight story runs from 1-2 to 4-3,
/// and only its front part has a caption (a description of the photo).
fn front_page_and_page_four() -> Edition {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths = ["seeds/000_5a0e4a0e642bd2cf.txt", "tests/fixtures/page4.txt"];
    crate::edition::load(&paths.map(|path| root.join(path))).unwrap()
}

/// What the screen shows inside `area`, row by row.
fn rows_in(screen: &[Vec<String>], area: Rect) -> Vec<String> {
    let columns = area.left() as usize..area.right() as usize;
    (screen[area.top() as usize..area.bottom() as usize].iter())
        .map(|row| row[columns.clone()].concat())
        .collect()
}

#[test]
fn merged_reading_shows_the_captions_of_the_whole_story_with_their_page() {
    let mut app = App::new(front_page_and_page_four(), AmbiguousWidth::Narrow, 60, 20);
    app.update(Action::Bottom);
    while app.current_article().unwrap().id != "4-3" {
        app.update(Action::Up);
    }
    for action in [
        Action::Confirm,
        Action::ToggleMerged,
        Action::ToggleCaptions,
    ] {
        app.update(action);
    }
    let screen = terminal_screen(&render(&app), AmbiguousWidth::Narrow);
    assert_borders_straight(&app, &screen);
    let text = screen_text(&screen);
    assert!(text.contains("Captions of this story"), "{text}");
    assert!(text.contains("Part 1 of 2, 第一版"), "{text}");
    assert!(text.contains("Photo description"), "{text}");
    assert!(text.contains("A blue and red locomotive"), "{text}");
    assert!(!text.contains("no captions"), "{text}");
}

#[test]
fn text_that_does_not_fit_a_pane_wraps_or_ends_in_an_ellipsis() {
    let mut app = App::new(fixture::edition(), AmbiguousWidth::Narrow, 60, 20);
    for action in [Action::Confirm, Action::ToggleCaptions] {
        app.update(action);
    }
    let screen = terminal_screen(&render(&app), AmbiguousWidth::Narrow);
    let viewer: Vec<String> = rows_in(&screen, app.panes().unwrap().caption_text())
        .into_iter()
        .map(|row| row.trim_end().to_owned())
        .filter(|row| !row.is_empty())
        .collect();
    assert_eq!(
        viewer.join(" "),
        "This article has no captions. p: the whole page.",
        "the note, whole, over as many lines as it needs"
    );

    // Everything else cut to fit says so: list titles, border labels, the status line.
    app.update(Action::Cancel);
    app.update(Action::StartSearch);
    for c in "一个很长的查询词，比状态栏还要宽得多得多得多得多得多得多得多".chars()
    {
        app.update(Action::Type(c));
    }
    app.update(Action::Confirm);
    let screen = screen_text(&terminal_screen(&render(&app), AmbiguousWidth::Narrow));
    let status = screen.lines().last().unwrap();
    assert!(status.trim_end().ends_with('…'), "{status}");
}

/// The cell where `text` starts on the screen drawn in `buf` (wide characters taking two).
fn find_text(buf: &Buffer, text: &str) -> Option<(u16, u16)> {
    let area = buf.area;
    (area.top()..area.bottom()).find_map(|y| {
        let mut row = String::new();
        let mut columns = Vec::new();
        let mut x = area.left();
        while x < area.right() {
            let symbol = buf[(x, y)].symbol();
            columns.extend(symbol.chars().map(|_| x));
            row.push_str(symbol);
            x += str_width(symbol, AmbiguousWidth::Narrow).max(1) as u16;
        }
        let at = row.find(text)?;
        Some((columns[row[..at].chars().count()], y))
    })
}

#[test]
fn a_jump_is_drawn_as_a_link_only_where_it_leads_somewhere() {
    use ratatui::style::Modifier;
    let underlined = |app: &App, text: &str| {
        let buf = render(app);
        let at = find_text(&buf, text).unwrap_or_else(|| panic!("{text} not on screen"));
        buf[at].modifier.contains(Modifier::UNDERLINED)
    };
    // 1-2 goes on in 4-1, which the fixture has; 1-3 on page 9, which it does not.
    let mut app = App::new(fixture::edition(), AmbiguousWidth::Narrow, 120, 40);
    app.update(Action::Down);
    app.update(Action::Confirm);
    assert!(underlined(&app, "（下转第四版）"));
    app.update(Action::Down);
    app.update(Action::FocusSections);
    app.update(Action::Down);
    app.update(Action::Confirm);
    assert!(!underlined(&app, "（下转第九版）"));
}

/// What a crossterm terminal is sent to draw `app` on a blank screen.
fn raw_output(app: &App) -> String {
    use ratatui::backend::{Backend, CrosstermBackend};
    let buf = render(app);
    let mut bytes = Vec::new();
    let mut backend = CrosstermBackend::new(&mut bytes);
    backend
        .draw(Buffer::empty(buf.area).diff(&buf).into_iter())
        .unwrap();
    backend.flush().unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn without_colour_the_raw_output_keeps_reverse_bold_and_underline() {
    // As NO_COLOR makes crossterm do: a colour change is then written as a bare `ESC[m`,
    // which resets every attribute. Nothing else in this test binary writes through crossterm.
    crossterm::style::Colored::set_ansi_color_disabled(true);
    let mut app = App::new(fixture::edition(), AmbiguousWidth::Narrow, 120, 40);
    app.set_colors(false);
    for action in [
        Action::Down,
        Action::StartSearch,
        Action::Type('上'),
        Action::Type('合'),
        Action::Confirm,
    ] {
        app.update(action);
    }
    let raw = raw_output(&app);
    // The backend ends a frame by resetting colours and attributes; before that, nothing may.
    let mut body = raw.as_str();
    while let Some(at) = body.rfind("\x1b[")
        && body[at + 2..]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b';' || b == b'm')
    {
        body = &body[..at];
    }
    for reset in ["\x1b[m", "\x1b[;m", "\x1b[0m"] {
        assert!(
            !body.contains(reset),
            "{reset:?} resets the attributes mid-frame"
        );
    }
    for (name, attribute) in [
        ("reverse", "\x1b[7m"),
        ("bold", "\x1b[1m"),
        ("underline", "\x1b[4m"),
    ] {
        assert!(raw.contains(attribute), "no {name} in the frame");
    }
    let buf = render(&app);
    let (x, y) = find_text(&buf, "上合").unwrap();
    assert!(
        buf[(x, y)].modifier.contains(Modifier::REVERSED),
        "the match is not shown"
    );
    let (x, y) = find_text(&buf, "（下转第四版）").unwrap();
    assert!(
        buf[(x, y)].modifier.contains(Modifier::UNDERLINED),
        "the link is not shown"
    );
}

/// The screen, each row followed by one that marks the attributes of its cells: R reverse,
/// B bold, U underline, I italic, D dim, the first that applies; a space for none.
fn attribute_text(buf: &Buffer) -> String {
    let area = buf.area;
    let mut out = String::new();
    for y in area.top()..area.bottom() {
        let mut text = String::new();
        let mut marks = String::new();
        let mut x = area.left();
        while x < area.right() {
            let cell = &buf[(x, y)];
            let width = str_width(cell.symbol(), AmbiguousWidth::Narrow).max(1);
            let mark = [
                (Modifier::REVERSED, 'R'),
                (Modifier::BOLD, 'B'),
                (Modifier::UNDERLINED, 'U'),
                (Modifier::ITALIC, 'I'),
                (Modifier::DIM, 'D'),
            ]
            .into_iter()
            .find(|(modifier, _)| cell.modifier.contains(*modifier))
            .map_or(' ', |(_, mark)| mark);
            text.push_str(cell.symbol());
            marks.extend(std::iter::repeat_n(mark, width));
            x += width as u16;
        }
        out.push_str(&text);
        out.push('\n');
        out.push_str(marks.trim_end());
        out.push('\n');
    }
    out
}

#[test]
fn snapshots_without_colour_show_every_state_by_attributes() {
    for (lang, prefix) in [(Lang::En, ""), (Lang::Zh, "zh_")] {
        for name in ["opening", "search", "captions"] {
            let mut app = scenario_in(lang, name, &FIXTURE, AmbiguousWidth::Narrow, (80, 24));
            app.set_colors(false);
            let buf = render(&app);
            for cell in buf.content() {
                assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset), "{cell:?}");
            }
            let snapshot = format!("{prefix}no_color_{name}_80x24");
            insta::assert_snapshot!(snapshot, attribute_text(&buf));
        }
    }
}

#[test]
fn the_help_fits_its_descriptions_and_says_when_it_holds_less_than_all() {
    for lang in [Lang::En, Lang::Zh] {
        for size in SIZES {
            let app = scenario_in(lang, "help", &FIXTURE, AmbiguousWidth::Narrow, size);
            let panes = app.panes().unwrap();
            let text = panes.help_text();
            let rows = crate::app::screen::help_rows(
                app.strings(),
                text.width.into(),
                AmbiguousWidth::Narrow,
            );
            // Every word of every description is on some line: none is cut.
            let shown: String = rows.iter().map(|row| row.text.as_str()).collect();
            for key in app.strings().key_help {
                let words: String = key.split_whitespace().collect();
                let shown: String = shown.split_whitespace().collect();
                assert!(shown.contains(&words), "{lang:?} {size:?}: {key} cut");
            }
            let buf = render(&app);
            let help = panes.help();
            let bottom: String = (help.left()..help.right())
                .map(|x| buf[(x, help.bottom() - 1)].symbol())
                .collect();
            let hidden = rows.len() > text.height as usize;
            assert_eq!(bottom.contains('↓'), hidden, "{lang:?} {size:?}: {bottom}");
        }
    }
}

#[test]
fn a_palette_from_the_config_colours_its_parts_and_not_without_colour() {
    use crate::app::config::ColorRole;
    let mut app = scenario("search", &FIXTURE, AmbiguousWidth::Narrow, (120, 40));
    app.set_palette(vec![(ColorRole::CurrentMatch, Color::Magenta)]);
    let buf = render(&app);
    let (x, y) = find_text(&buf, "数字").unwrap();
    assert_eq!(buf[(x, y)].bg, Color::Magenta);
    app.set_colors(false);
    let buf = render(&app);
    assert!(buf.content().iter().all(|cell| cell.bg == Color::Reset));
}

mod archive;
