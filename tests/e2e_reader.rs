//! Reading the built-in edition with the real binary in a terminal, as a person would.

mod support;

use std::process::{Command, Stdio};

use support::{Session, columns_text, find_cell};

/// The headline of the built-in edition's third article.
const THIRD_HEADLINE: &str = "千方百计为群众办实事解难题";
/// Words from the start of the third article's subtitle.
const THIRD_SUBTITLE: &str = "青岛各部门单位";
/// The title of its first article, and words from the start of its body.
const FIRST_TITLE: &str = "陆治原出席会议并讲话";
const FIRST_BODY: &str = "会议指出";
/// Columns at which the panes stand side by side (the list takes 30%, 22 to 36 cells).
const TWO_PANES_MIN_WIDTH: u16 = 60;

/// The first column of the article pane on a screen `cols` wide.
fn article_column(cols: u16) -> u16 {
    if cols < TWO_PANES_MIN_WIDTH {
        0
    } else {
        (cols * 3 / 10).clamp(22, 36)
    }
}

/// The text of the article pane.
fn article_pane(session: &Session, cols: u16) -> String {
    session.with_screen(|screen| columns_text(screen, article_column(cols)..cols))
}

/// Opens the third article, searches, opens the fifth article's captions and the help,
/// quits, and checks what each step shows.
fn read_the_builtin_edition(cols: u16, rows: u16) {
    let two_panes = cols >= TWO_PANES_MIN_WIDTH;
    let mut session = Session::start(&[], cols, rows);
    // Titles in a narrow list are cut short.
    let opening = session.wait_for_text(&THIRD_HEADLINE[..3 * 6]);
    assert!(opening.contains("版面"), "no section list:\n{opening}");
    assert!(opening.contains(&FIRST_TITLE[..3 * 6]), "{opening}");
    if two_panes {
        let pane = article_pane(&session, cols);
        assert!(
            pane.contains(FIRST_BODY),
            "first article not shown:\n{opening}"
        );
    } else {
        assert!(
            !opening.contains(FIRST_BODY),
            "two panes on a narrow screen:\n{opening}"
        );
    }

    // Down twice to the third article, Enter to read it.
    session.send("jj\r");
    session.wait_until("the third article in the article pane", |screen| {
        let pane = columns_text(screen, article_column(cols)..cols);
        pane.contains(THIRD_HEADLINE) && pane.contains(THIRD_SUBTITLE) && !pane.contains(FIRST_BODY)
    });
    if !two_panes {
        let screen = session.screen_text();
        assert!(
            !screen.contains("版面"),
            "list shown beside the article:\n{screen}"
        );
    }

    session.send("/双星\r");
    let screen = session.wait_for_text("/双星: match 1 of");
    session.with_screen(|screen_state| {
        let (row, col) = find_cell(screen_state, "双星")
            .unwrap_or_else(|| panic!("the match is not on screen:\n{screen}"));
        assert!(
            col >= article_column(cols),
            "match not in the article pane:\n{screen}"
        );
        let hit = screen_state.cell(row, col).unwrap().bgcolor();
        let plain = screen_state.cell(row + 1, col).map(vt100::Cell::bgcolor);
        assert_ne!(hit, vt100::Color::Default, "the match is not highlighted");
        assert_ne!(Some(hit), plain, "the match looks like the text below it");
    });

    // To the list, its top, down four to the fifth article, captions. (Keys, not Esc: an
    // Esc followed at once by a key reads as Alt and that key.)
    session.send("hgjjjjc");
    let captions = session.wait_for_text("智能化工厂");
    assert!(captions.contains("Text in the photo"), "{captions}");
    assert!(captions.contains("基地"), "{captions}");

    session.send("c");
    session.wait_until("the captions to close", |screen| {
        !screen.contents().contains("Text in the photo")
    });
    session.send("?");
    session.wait_for_text("show or hide this help");
    session.send("q");
    session.wait_until("the help to close", |screen| {
        !screen.contents().contains("show or hide this help")
    });
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

#[test]
fn a_wide_terminal_reads_the_edition_side_by_side() {
    read_the_builtin_edition(120, 40);
}

#[test]
fn a_terminal_at_the_two_pane_threshold_reads_the_edition() {
    read_the_builtin_edition(TWO_PANES_MIN_WIDTH, 20);
}

#[test]
fn a_narrow_terminal_shows_one_pane_at_a_time() {
    read_the_builtin_edition(TWO_PANES_MIN_WIDTH - 1, 20);
}

#[test]
fn without_a_terminal_on_stdout_the_edition_is_printed() {
    let run = |args: &[&str]| {
        Command::new(support::BINARY)
            .args(args)
            .stdin(Stdio::null())
            .stderr(Stdio::inherit())
            .output()
            .expect("run kanbao")
    };
    let piped = run(&[]);
    assert!(piped.status.success());
    let text = String::from_utf8(piped.stdout).expect("UTF-8 output");
    assert!(text.contains(THIRD_HEADLINE) && text.contains(FIRST_BODY));
    assert!(!text.contains('\x1b'), "escape sequences in piped output");
    assert_eq!(text, String::from_utf8(run(&["--dump"]).stdout).unwrap());
}

#[test]
fn with_no_color_set_the_selection_and_matches_still_show() {
    let mut command = support::command(&[]);
    command.env("NO_COLOR", "1");
    let mut session = Session::spawn(command, 120, 40);
    session.wait_for_text(&FIRST_TITLE[..3 * 6]);
    session.send("/双星\r");
    session.wait_for_text("/双星: match 1 of");
    session.with_screen(|screen| {
        let (row, col) = find_cell(screen, "双星").expect("the match on screen");
        let hit = screen.cell(row, col).unwrap();
        assert!(hit.inverse(), "the match is not shown in reverse");
        assert_eq!(
            hit.bgcolor(),
            vt100::Color::Default,
            "a colour under NO_COLOR"
        );
        let status = screen.cell(39, 60).unwrap();
        assert!(status.inverse(), "the status line does not stand out");
    });
    let raw = String::from_utf8_lossy(&session.raw_output()).into_owned();
    for colour in ["\x1b[38;5;", "\x1b[48;5;", "\x1b[38;2;", "\x1b[48;2;"] {
        assert!(!raw.contains(colour), "a colour was sent: {colour:?}");
    }
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

/// Starts the built-in edition at 100x30 with `LANG` set to `lang` and `args`.
fn start_with_locale(lang: &str, args: &[&str]) -> Session {
    let mut command = support::command(args);
    command.env_remove("LC_ALL");
    command.env("LANG", lang);
    Session::spawn(command, 100, 30)
}

#[test]
fn a_chinese_locale_speaks_chinese_and_lang_overrides_it() {
    let mut session = start_with_locale("zh_CN.UTF-8", &[]);
    let screen = session.wait_for_text("Enter 打开");
    assert!(screen.contains("? 帮助"), "{screen}");
    session.send("?");
    session.wait_for_text("显示或隐藏本帮助");
    session.send("q");
    session.wait_until("the help to close", |screen| {
        !screen.contents().contains("显示或隐藏本帮助")
    });
    session.send("9\r");
    session.wait_for_text("本期没有第九版");
    session.send("q");
    assert!(session.wait_exit().success());

    let mut session = start_with_locale("zh_CN.UTF-8", &["--lang", "en"]);
    session.wait_for_text("Enter open");
    session.send("q");
    assert!(session.wait_exit().success());

    let mut session = start_with_locale("en_GB.UTF-8", &["--lang", "zh"]);
    session.wait_for_text("Enter 打开");
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

/// A page that is not the built-in one, to tell what was read.
const PAGE_FOUR: &str = "tests/fixtures/page4.txt";

#[test]
fn without_a_path_a_page_on_stdin_is_read_as_less_does() {
    let page = std::fs::File::open(PAGE_FOUR).expect("the fixture");
    let piped = Command::new(support::BINARY)
        .stdin(Stdio::from(page))
        .output()
        .expect("run kanbao");
    assert!(piped.status.success());
    let text = String::from_utf8(piped.stdout).unwrap();
    assert!(text.starts_with("== 第四版"), "{text}");
    assert!(
        !text.contains(FIRST_BODY),
        "the built-in edition instead:\n{text}"
    );

    // In a terminal, the reader reads the page from stdin and the keys from the terminal.
    let mut command = support::CommandBuilder::new("sh");
    command.args(["-c", &format!("exec {} < {PAGE_FOUR}", support::BINARY)]);
    command.env("LC_ALL", "C.UTF-8");
    command.cwd(env!("CARGO_MANIFEST_DIR"));
    support::keep_to_scratch(&mut command);
    let mut session = Session::spawn(command, 100, 30);
    let screen = session.wait_for_text("第四版");
    assert!(!screen.contains(&FIRST_TITLE[..3 * 6]), "{screen}");
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

#[test]
fn the_reader_takes_up_where_it_was_left_and_a_damaged_state_only_warns() {
    let state = support::scratch_dir("resume-state");
    let start = || {
        let mut command = support::command(&[]);
        command.env("XDG_STATE_HOME", &state);
        Session::spawn(command, 120, 40)
    };
    let mut session = start();
    session.wait_for_text(&FIRST_TITLE[..3 * 6]);
    session.send("jj\r");
    session.wait_until("the third article open", |screen| {
        columns_text(screen, article_column(120)..120).contains(THIRD_HEADLINE)
    });
    session.send("q");
    assert!(session.wait_exit().success());
    let files: Vec<_> = std::fs::read_dir(state.join("kanbao/editions"))
        .expect("the state kept under XDG_STATE_HOME")
        .collect();
    assert_eq!(files.len(), 1);

    let mut session = start();
    let screen = session.wait_for_text("Back where you left off");
    assert!(
        columns_text_of(&session, 120).contains(THIRD_HEADLINE),
        "not the third article:\n{screen}"
    );
    session.send("q");
    assert!(session.wait_exit().success());

    let file = files[0].as_ref().unwrap().path();
    std::fs::write(&file, "not what the reader wrote").unwrap();
    let mut session = start();
    let screen = session.wait_for_text("damaged");
    assert!(screen.contains(&FIRST_TITLE[..3 * 6]), "{screen}");
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

fn columns_text_of(session: &Session, cols: u16) -> String {
    session.with_screen(|screen| columns_text(screen, article_column(cols)..cols))
}

#[test]
fn a_config_file_sets_the_language_and_a_bad_one_is_named_and_passed_over() {
    let printed = Command::new(support::BINARY)
        .arg("--print-config")
        .output()
        .expect("run kanbao");
    assert!(printed.status.success());
    let defaults = String::from_utf8(printed.stdout).unwrap();
    assert!(defaults.contains("# lang = \"zh\""), "{defaults}");

    let config = support::scratch_dir("config-home");
    std::fs::create_dir_all(config.join("kanbao")).unwrap();
    let start = || {
        let mut command = support::command(&[]);
        command.env("XDG_CONFIG_HOME", &config);
        Session::spawn(command, 120, 40)
    };
    std::fs::write(
        config.join("kanbao/config.toml"),
        "lang = \"zh\"\n[keys]\n\"x\" = \"quit\"\n",
    )
    .unwrap();
    let mut session = start();
    session.wait_for_text("Enter 打开");
    session.send("x");
    assert!(
        session.wait_exit().success(),
        "x quits, as the config binds it"
    );

    std::fs::write(
        config.join("kanbao/config.toml"),
        "# mine\nlang = \"zh\"\ncolour = \"blue\"\n",
    )
    .unwrap();
    let mut session = start();
    let screen = session.wait_for_text("Defaults used");
    assert!(screen.contains("line 3"), "{screen}");
    assert!(screen.contains("colour"), "{screen}");
    // The next key clears the message: the hints are the default language's, English.
    session.send("j");
    session.wait_for_text("Enter open");
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}
