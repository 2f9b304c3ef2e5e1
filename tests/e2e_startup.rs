//! Start-up in terminals that answer the ambiguous-width probe late or never: the reader
//! still opens, and the keys typed while it waits all count.

mod support;

use std::time::Duration;

use support::{Answers, Session};

/// Starts the reader on the built-in edition, types three keys before the terminal has
/// answered the probe, and checks that each took effect and the reader quits cleanly.
fn keys_typed_at_once_all_count(answers: Answers) {
    let mut session = Session::start_answering(&[], 80, 24, answers);
    // The alternate screen comes after raw mode and before the probe: from here on keys
    // reach the reader as typed, while it waits for the answer.
    session.wait_until("the alternate screen", vt100::Screen::alternate_screen);
    // Down twice, Enter: the third article open, focus on its text.
    session.send("jj\r");
    session.wait_until("the third article open", |screen| {
        let status = screen
            .contents()
            .lines()
            .last()
            .unwrap_or_default()
            .to_owned();
        status.contains(" 3/6") && status.contains("Space page")
    });
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

#[test]
fn keys_typed_before_a_slow_terminal_answers_are_not_lost() {
    keys_typed_at_once_all_count(Answers::After(Duration::from_millis(800)));
}

#[test]
fn a_terminal_that_never_answers_still_gets_the_reader_and_every_key() {
    keys_typed_at_once_all_count(Answers::Never);
}

/// How many times the program has asked the terminal where its cursor is.
fn cursor_queries(session: &Session) -> usize {
    let raw = session.raw_output();
    raw.windows(4).filter(|window| window == b"\x1b[6n").count()
}

#[test]
fn the_first_frame_waits_for_one_answer_from_the_terminal_at_most() {
    let mut asked = Session::start(&[], 80, 24);
    asked.wait_for_text("陆治原");
    assert_eq!(cursor_queries(&asked), 1, "the ambiguous-width probe only");
    asked.send("q");
    assert!(asked.wait_exit().success());

    let mut told = Session::start(&["--ambiguous-width", "1"], 80, 24);
    told.wait_for_text("陆治原");
    assert_eq!(cursor_queries(&told), 0, "the flag says it: nothing to ask");
    told.send("q");
    assert!(told.wait_exit().success());
}

#[test]
fn a_terminal_type_that_never_answered_is_not_asked_again() {
    let state = support::scratch_dir("silent-terminal-state");
    let start = || {
        let mut command = support::command(&[]);
        command.env("XDG_STATE_HOME", &state);
        Session::spawn_answering(command, 80, 24, Answers::Never)
    };
    let mut first = start();
    first.wait_for_text("陆治原");
    assert_eq!(cursor_queries(&first), 1, "asked once");
    first.send("q");
    assert!(first.wait_exit().success());

    let mut second = start();
    second.wait_for_text("陆治原");
    assert_eq!(
        cursor_queries(&second),
        0,
        "the silence is remembered for xterm-256color"
    );
    second.send("q");
    assert!(second.wait_exit().success());
}
