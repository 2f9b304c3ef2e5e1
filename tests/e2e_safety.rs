//! The terminal survives the reader: hostile text cannot reach it, every way out gives it
//! back as it was, and tiny sizes or resize storms break nothing.

mod support;

use std::path::{Path, PathBuf};
use std::process::Command;

use support::{BINARY, CommandBuilder, Session, rows_without};

/// Escape sequences, C0 controls and bidi overrides, as hostile page text carries them.
const HOSTILE: &str = "\x1b]0;owned\x07含\x1b[2J控\x1b[31m制\x07字\x08符\r回车\u{202E}反向\u{202C}与\u{2066}隔离\u{2069}";

/// A page whose headline and paragraph carry [`HOSTILE`] text.
fn hostile_page() -> String {
    format!(
        "第二版\n\n标题{HOSTILE}结束\n\n正文开头，{HOSTILE}，正文结尾。\n\n正文第二段说得完整。\n"
    )
}

/// The same text in an edition saved as JSON, which does not pass the page parser.
fn hostile_json() -> String {
    let text = |s: String| serde_json::Value::String(s);
    let edition = serde_json::json!({
        "paper": text(format!("报{HOSTILE}")),
        "date": null,
        "pages": [{
            "number": 2,
            "label": text(format!("第二版{HOSTILE}")),
            "section": text(format!("要闻{HOSTILE}")),
            "articles": [{
                "id": "2-1",
                "column": text(format!("栏目{HOSTILE}")),
                "kicker": null,
                "headline": text(format!("标题{HOSTILE}结束")),
                "subtitle": null,
                "byline": null,
                "title": text(format!("标题{HOSTILE}结束")),
                "blocks": [{"kind": "paragraph", "text": text(format!("正文开头，{HOSTILE}，正文结尾。"))}],
                "captions": [{"kind": "photo", "text": text(format!("图片{HOSTILE}"))}],
                "jump_to": null,
                "jump_from": null
            }]
        }],
        "warnings": [text(format!("警告{HOSTILE}"))]
    });
    edition.to_string()
}

/// Writes `text` to `file` in a scratch folder named `name`; returns the file's path.
fn write_scratch(name: &str, file: &str, text: &str) -> PathBuf {
    let path = support::scratch_dir(name).join(file);
    std::fs::write(&path, text).expect("write a test page");
    path
}

fn path_arg(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// Reads the hostile edition at `path` in the reader (the article, then its captions) and
/// checks nothing hostile reached the terminal.
fn read_hostile(path: &Path) {
    let mut session = Session::start(&[path_arg(path)], 100, 30);
    session.wait_for_text("标题");
    session.send("\r");
    session.wait_for_text("正文开头");
    session.send("c");
    session.wait_for_text("Captions");
    // q closes the captions, then quits.
    session.send("qq");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();

    let (titles, bells) = session.requests();
    assert!(titles.is_empty(), "window title set: {titles:?}");
    assert_eq!(bells, 0, "the bell rang");
    let raw = session.raw_output();
    let find = |needle: &[u8]| raw.windows(needle.len()).any(|window| window == needle);
    assert!(!find(b"\x1b]"), "an OSC sequence reached the terminal");
    for byte in [0x07, 0x08] {
        assert!(
            !raw.contains(&byte),
            "control byte {byte:#04x} reached the terminal"
        );
    }
    for bidi in ["\u{202E}", "\u{2066}"] {
        assert!(
            !find(bidi.as_bytes()),
            "bidi control {bidi:?} reached the terminal"
        );
    }
}

/// Runs the binary with `args`, stdout piped; checks it succeeds and prints only printable
/// characters and line breaks.
fn assert_printable_output(args: &[&str]) {
    let output = Command::new(BINARY)
        .args(args)
        .output()
        .expect("run kanbao");
    assert!(output.status.success(), "{args:?} failed: {output:?}");
    let text = String::from_utf8(output.stdout).expect("UTF-8 output");
    assert!(!text.is_empty());
    let bad: Vec<char> = text
        .chars()
        .filter(|&c| {
            c != '\n'
                && (c.is_control()
                    || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "{args:?} printed control characters {bad:?}:\n{text}"
    );
}

#[test]
fn hostile_page_text_never_reaches_the_terminal() {
    let page = write_scratch("hostile_page", "page.txt", &hostile_page());
    read_hostile(&page);
    assert_printable_output(&[path_arg(&page), "--dump"]);
    assert_printable_output(&[path_arg(&page), "--toc"]);
}

#[test]
fn a_hostile_saved_edition_never_reaches_the_terminal() {
    let saved = write_scratch("hostile_json", "edition.json", &hostile_json());
    read_hostile(&saved);
    assert_printable_output(&[path_arg(&saved), "--dump"]);
    assert_printable_output(&[path_arg(&saved), "--toc"]);
}

/// Starts the reader on the built-in edition and waits for its first screen.
fn reading() -> Session {
    let session = Session::start(&[], 100, 30);
    session.wait_for_text("版面");
    session
}

#[test]
fn ctrl_c_quits_and_restores_the_terminal() {
    let mut session = reading();
    session.send("\x03");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

/// Sends `signal` to a reading session; checks the reader ends by it with the terminal
/// restored.
fn ended_by(signal: &str, shown_as: &str) {
    let mut session = reading();
    Session::signal(session.pid(), signal);
    let status = session.wait_exit();
    assert_eq!(status.signal(), Some(shown_as), "{status:?}");
    session.assert_terminal_restored();
}

#[test]
fn sigterm_restores_the_terminal_and_ends_by_the_signal() {
    ended_by("TERM", "Terminated");
}

#[test]
fn sighup_restores_the_terminal_and_ends_by_the_signal() {
    ended_by("HUP", "Hangup");
}

#[test]
fn sigint_restores_the_terminal_and_ends_by_the_signal() {
    ended_by("INT", "Interrupt");
}

#[test]
fn a_missing_file_is_reported_without_touching_the_terminal() {
    let mut session = Session::start(&["no/such/page.txt"], 100, 30);
    let screen = session.wait_for_text("no/such/page.txt");
    assert!(screen.contains("kanbao:"), "{screen}");
    assert_eq!(session.wait_exit().exit_code(), 1);
    session.assert_terminal_restored();
    let raw = session.raw_output();
    assert!(
        !raw.windows(8).any(|window| window == b"\x1b[?1049h"),
        "the alternate screen was entered"
    );
}

/// The reader loads an edition while it sets up the terminal: a file found to be no text
/// only then is told on the main screen, after the terminal is given back.
#[test]
fn a_file_that_fails_to_load_is_told_once_the_terminal_is_restored() {
    let dir = support::scratch_dir("fails-to-load");
    let file = dir.join("binary.txt");
    std::fs::write(&file, [0u8, 159, 146, 150, 0, 0, 0, 0, 0, 0, 0, 0, 7]).unwrap();
    let mut session = Session::start(&[path_arg(&file)], 100, 30);
    let screen = session.wait_for_text("not a text file");
    assert!(screen.contains("kanbao:"), "{screen}");
    assert_eq!(session.wait_exit().exit_code(), 1);
    session.assert_terminal_restored();
    let screen = session.screen_text();
    assert!(
        !screen.contains("版面"),
        "the reader's screen is still shown:\n{screen}"
    );
    assert_eq!(
        screen.matches("not a text file").count(),
        1,
        "told once:\n{screen}"
    );
}

#[test]
fn a_panic_restores_the_terminal_and_shows_the_message() {
    let mut command = support::command(&[]);
    command.env("KANBAO_TEST_PANIC", "1");
    let mut session = Session::spawn(command, 100, 30);
    session.wait_for_text("版面");
    session.send("j");
    let status = session.wait_exit();
    assert!(!status.success(), "{status:?}");
    session.assert_terminal_restored();
    let screen = session.screen_text();
    assert!(
        screen.contains("panicked") && screen.contains("KANBAO_TEST_PANIC"),
        "the panic message is not on the main screen:\n{screen}"
    );
    assert!(
        !screen.contains("版面"),
        "the reader's screen is still shown:\n{screen}"
    );
}

#[test]
fn ctrl_z_gives_the_terminal_to_the_shell_and_fg_takes_it_back() {
    // A job-control shell runs the reader, waits for a line once it stops, then resumes it.
    let mut command = CommandBuilder::new("bash");
    command.args(["--norc", "--noprofile", "-m", "-c"]);
    command.arg(r#""$0"; echo "[stopped]"; read -r _; fg"#);
    command.arg(BINARY);
    support::keep_to_scratch(&mut command);
    let session = Session::spawn(command, 100, 30);
    session.wait_for_text("版面");
    let shell = session.pid();
    let reader = *support::children(shell).first().expect("the reader runs");

    session.send("\x1a");
    support::wait_for_state(reader, 'T');
    session.wait_for_text("[stopped]");
    assert!(session.terminal_cooked(), "raw mode while stopped");
    session.with_screen(|screen| {
        assert!(!screen.alternate_screen(), "alternate screen while stopped");
    });

    session.send("\n");
    session.wait_until("the reader to draw again", |screen| {
        screen.alternate_screen() && screen.contents().contains("版面")
    });
    open_third_article_and_quit(session);
}

#[test]
fn ctrl_z_without_job_control_keeps_reading() {
    // Started straight in the terminal, the reader's process group has no shell to resume
    // it, so the kernel drops the stop signal; the reader must come back by itself.
    let session = reading();
    session.send("\x1a");
    open_third_article_and_quit(session);
}

#[test]
fn tiny_terminals_show_a_notice_and_quit_cleanly() {
    for (cols, rows) in [(1, 1), (2, 2), (10, 3), (23, 8)] {
        let mut session = Session::start(&[], cols, rows);
        session.wait_until("something drawn", |screen| {
            !screen.contents().trim().is_empty()
        });
        if cols >= 10 {
            session.wait_for_text("Too small");
        }
        session.send("jj\rq");
        assert!(session.wait_exit().success(), "at {cols}x{rows}");
        session.assert_terminal_restored();
    }
}

/// Sizes from a fixed pseudo-random sequence: the same storm on every run.
fn storm(count: usize) -> Vec<(u16, u16)> {
    let mut state: u32 = 0x9e37_79b9;
    let mut next = move |below: u32| {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (state >> 16) % below
    };
    (0..count)
        .map(|_| (1 + next(160) as u16, 1 + next(50) as u16))
        .collect()
}

#[test]
fn a_resize_storm_leaves_a_correct_screen() {
    let mut session = reading();
    for (cols, rows) in storm(300) {
        session.resize(cols, rows);
    }
    // Odd widths put a wide character's first half on the last column of the pane.
    let (cols, rows) = (101, 31);
    session.resize(cols, rows);
    let list_right = (cols * 3 / 10).clamp(22, 36) - 1;
    session.wait_until("straight borders at the final size", |screen| {
        let body = 1..rows - 2;
        screen.contents().contains("版面")
            && [0, list_right, list_right + 1, cols - 1]
                .iter()
                .all(|&col| rows_without(screen, col, body.clone(), "│").is_empty())
    });
    assert!(session.is_running());
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

/// Shows the reader still answers keys (opening the third article), then quits it and checks
/// the terminal is as it was.
fn open_third_article_and_quit(mut session: Session) {
    session.send("jj\r");
    session.wait_for_text("青岛各部门单位");
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}
