//! Signals and lost terminals: every way the outside world can stop or end the reader gives
//! the terminal back, and a terminal that is gone ends the reader whatever its signal setup.

mod support;

use std::time::{Duration, Instant};

use support::{BINARY, CommandBuilder, Session};

fn reading(command: CommandBuilder) -> Session {
    let session = Session::spawn(command, 100, 30);
    session.wait_for_text("版面");
    session
}

/// Sends `signal` to a reading session; checks the reader ends by it with the terminal
/// restored.
fn ended_by(command: CommandBuilder, signal: &str, shown_as: &str) {
    let mut session = reading(command);
    Session::signal(session.pid(), signal);
    let status = session.wait_exit();
    assert_eq!(status.signal(), Some(shown_as), "{signal}: {status:?}");
    session.assert_terminal_restored();
}

#[test]
fn sigusr1_and_sigalrm_restore_the_terminal_before_the_reader_ends() {
    ended_by(support::command(&[]), "USR1", "User defined signal 1");
    ended_by(support::command(&[]), "ALRM", "Alarm clock");
}

#[test]
fn sigquit_restores_the_terminal_before_the_reader_ends() {
    // Through a shell that allows no core file: SIGQUIT's default action dumps core.
    let mut command = CommandBuilder::new("bash");
    command.args([
        "--norc",
        "--noprofile",
        "-c",
        r#"ulimit -c 0; exec "$0""#,
        BINARY,
    ]);
    command.cwd(env!("CARGO_MANIFEST_DIR"));
    support::keep_to_scratch(&mut command);
    ended_by(command, "QUIT", "Quit");
}

#[test]
fn an_outside_sigtstp_gives_the_terminal_back_and_fg_takes_it_again() {
    let mut command = CommandBuilder::new("bash");
    command.args(["--norc", "--noprofile", "-m", "-c"]);
    command.arg(r#""$0"; echo "[stopped]"; read -r _; fg"#);
    command.arg(BINARY);
    support::keep_to_scratch(&mut command);
    let mut session = reading(command);
    let reader = *support::children(session.pid())
        .first()
        .expect("the reader runs");

    Session::signal(reader, "TSTP");
    support::wait_for_state(reader, 'T');
    session.wait_for_text("[stopped]");
    assert!(session.terminal_cooked(), "raw mode while stopped");
    session.with_screen(|screen| {
        assert!(!screen.alternate_screen(), "alternate screen while stopped");
        assert!(!screen.hide_cursor(), "cursor hidden while stopped");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting while stopped"
        );
    });

    session.send("\n");
    session.wait_until("the reader to draw again", |screen| {
        screen.alternate_screen() && screen.contents().contains("版面")
    });
    assert!(!session.terminal_cooked(), "cooked mode after fg");
    session.send("jj\r");
    session.wait_for_text("青岛各部门单位");
    session.send("q");
    assert!(session.wait_exit().success());
    session.assert_terminal_restored();
}

/// Starts the reader in a terminal that this test alone holds, waits for its first screen,
/// then closes the terminal as a closed window does; returns how the reader ended.
fn hang_up(command: CommandBuilder) -> portable_pty::ExitStatus {
    use std::io::Read;

    use portable_pty::{PtySize, native_pty_system};

    let (rows, cols) = (30, 100);
    let size = PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    };
    let pair = native_pty_system()
        .openpty(size)
        .expect("a pseudo-terminal");
    let mut child = pair.slave.spawn_command(command).expect("start kanbao");
    drop(pair.slave);
    let mut reader = pair.master.try_clone_reader().expect("read the terminal");
    let mut screen = vt100::Parser::new(
        rows.try_into().expect("rows > 0"),
        cols.try_into().expect("cols > 0"),
        0,
    );
    let mut chunk = [0; 4096];
    while !screen.screen().contents().contains("版面") {
        let read = reader.read(&mut chunk).expect("the first screen");
        assert!(read > 0, "ended before its first screen");
        screen.process(&chunk[..read]);
    }
    drop(reader);
    drop(pair.master);
    let deadline = Instant::now() + Duration::from_secs(15);
    loop {
        if let Some(status) = child.try_wait().expect("poll kanbao") {
            return status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("kanbao kept running after its terminal hung up");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn reader_command() -> CommandBuilder {
    let mut command = CommandBuilder::new(BINARY);
    command.args(["--ambiguous-width", "1"]);
    command.env("TERM", "xterm-256color");
    command.cwd(env!("CARGO_MANIFEST_DIR"));
    support::keep_to_scratch(&mut command);
    command
}

#[test]
fn a_terminal_that_hangs_up_ends_the_reader_by_sighup() {
    // Closing the window, as terminal emulators and tmux do: the kernel sends SIGHUP, and the
    // terminal reads as end of file from then on.
    let status = hang_up(reader_command());
    assert_eq!(status.signal(), Some("Hangup"), "{status:?}");
}

#[test]
fn a_reader_that_ignores_sighup_still_ends_when_its_terminal_is_gone() {
    // As under nohup or a wrapper that ignores it: no SIGHUP reaches the reader.
    let mut command = reader_command();
    command.env("KANBAO_TEST_IGNORE_SIGHUP", "1");
    let status = hang_up(command);
    assert!(!status.success(), "{status:?}");
}
