//! Drives the real `kanbao` binary in a pseudo-terminal and reads its screen through a
//! terminal emulator, as a person at a terminal would see it.
#![allow(dead_code)] // each test binary uses part of the harness

use std::io::{Read, Write};
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

pub mod archive;
pub mod cli;

use portable_pty::{Child, MasterPty, PtySize, native_pty_system};

pub use portable_pty::CommandBuilder;

/// How long a test waits for the screen to show what it expects.
const PATIENCE: Duration = Duration::from_secs(20);

/// The binary under test.
pub const BINARY: &str = env!("CARGO_BIN_EXE_kanbao");

/// What the program asked of the terminal beyond drawing, recorded for the tests.
#[derive(Debug, Default)]
pub struct Requests {
    /// Window titles the program tried to set.
    pub titles: Vec<String>,
    /// Bells rung.
    pub bells: usize,
}

impl vt100::Callbacks for Requests {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }

    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles
            .push(String::from_utf8_lossy(title).into_owned());
    }

    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(String::from_utf8_lossy(name).into_owned());
    }
}

/// How the emulated terminal answers the program's cursor-position queries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answers {
    /// At once, as a local terminal does.
    Now,
    /// This long after the query, as a terminal across a slow link does.
    After(Duration),
    /// Never, as some serial consoles and minimal terminals do.
    Never,
}

struct Shared {
    parser: vt100::Parser<Requests>,
    raw: Vec<u8>,
    closed: bool,
    answers: Answers,
}

/// A running `kanbao` in a pseudo-terminal.
pub struct Session {
    shared: Arc<Mutex<Shared>>,
    writer: Arc<Mutex<Box<dyn Write + Send>>>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
}

impl Session {
    /// Starts the binary with `args` in a terminal of `cols` x `rows`.
    pub fn start(args: &[&str], cols: u16, rows: u16) -> Self {
        Self::start_in(args, cols, rows, None)
    }

    /// Starts the binary with `args` in `dir`, in a terminal of `cols` x `rows`.
    pub fn start_in(args: &[&str], cols: u16, rows: u16, dir: Option<&Path>) -> Self {
        let mut command = command(args);
        if let Some(dir) = dir {
            command.cwd(dir);
        }
        Self::spawn(command, cols, rows)
    }

    /// Starts `command` (the binary, or a shell that runs it) in a terminal of
    /// `cols` x `rows`.
    pub fn spawn(command: CommandBuilder, cols: u16, rows: u16) -> Self {
        Self::spawn_answering(command, cols, rows, Answers::Now)
    }

    /// Starts the binary with `args` in a terminal of `cols` x `rows` that answers
    /// cursor-position queries as `answers` says.
    pub fn start_answering(args: &[&str], cols: u16, rows: u16, answers: Answers) -> Self {
        Self::spawn_answering(command(args), cols, rows, answers)
    }

    /// [`Session::spawn`], in a terminal that answers cursor-position queries as `answers`
    /// says.
    pub fn spawn_answering(
        mut command: CommandBuilder,
        cols: u16,
        rows: u16,
        answers: Answers,
    ) -> Self {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pseudo-terminal");
        command.env("TERM", "xterm-256color");
        if command.get_cwd().is_none() {
            command.cwd(env!("CARGO_MANIFEST_DIR"));
        }
        let child = pair.slave.spawn_command(command).expect("start kanbao");
        // The slave stays open in the child alone, so reads end when it exits.
        drop(pair.slave);

        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new_with_callbacks(
                rows.try_into().expect("rows > 0"),
                cols.try_into().expect("cols > 0"),
                0,
                Requests::default(),
            ),
            raw: Vec::new(),
            closed: false,
            answers,
        }));
        let writer = Arc::new(Mutex::new(pair.master.take_writer().expect("pty writer")));
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        {
            let shared = Arc::clone(&shared);
            let writer = Arc::clone(&writer);
            thread::spawn(move || {
                let mut buffer = [0u8; 8192];
                loop {
                    let read = match reader.read(&mut buffer) {
                        Ok(0) | Err(_) => break,
                        Ok(read) => read,
                    };
                    let mut shared = shared.lock().unwrap();
                    feed(&mut shared, &buffer[..read], &writer);
                }
                shared.lock().unwrap().closed = true;
            });
        }
        Self {
            shared,
            writer,
            master: pair.master,
            child,
        }
    }

    /// Types `keys` as raw bytes ("\r" is Enter, "\x1b" is Esc).
    pub fn send(&self, keys: &str) {
        let mut writer = self.writer.lock().unwrap();
        writer.write_all(keys.as_bytes()).expect("write keys");
        writer.flush().expect("flush keys");
    }

    /// Resizes the terminal, as a window manager would.
    pub fn resize(&self, cols: u16, rows: u16) {
        self.shared.lock().unwrap().parser.screen_mut().set_size(
            rows.try_into().expect("rows > 0"),
            cols.try_into().expect("cols > 0"),
        );
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("resize the pseudo-terminal");
    }

    /// The screen's text, row by row.
    pub fn screen_text(&self) -> String {
        self.shared.lock().unwrap().parser.screen().contents()
    }

    /// Waits until the screen shows `text`; panics with the screen if it never does.
    pub fn wait_for_text(&self, text: &str) -> String {
        self.wait_until(&format!("the screen to show {text:?}"), |screen| {
            screen.contents().contains(text)
        })
    }

    /// Waits until `ready` holds for the screen; panics with the screen if it never does.
    pub fn wait_until(&self, what: &str, ready: impl Fn(&vt100::Screen) -> bool) -> String {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let (contents, closed) = {
                let shared = self.shared.lock().unwrap();
                let screen = shared.parser.screen();
                if ready(screen) {
                    return screen.contents();
                }
                (screen.contents(), shared.closed)
            };
            // Panicking outside the lock leaves it usable for the reader thread.
            if Instant::now() > deadline || closed {
                panic!("waited for {what}; the screen shows:\n{contents}");
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    /// Runs `look` on the emulated screen.
    pub fn with_screen<T>(&self, look: impl FnOnce(&vt100::Screen) -> T) -> T {
        look(self.shared.lock().unwrap().parser.screen())
    }

    /// Everything the program wrote to the terminal so far, byte for byte.
    pub fn raw_output(&self) -> Vec<u8> {
        self.shared.lock().unwrap().raw.clone()
    }

    /// Titles set and bells rung so far.
    pub fn requests(&self) -> (Vec<String>, usize) {
        let shared = self.shared.lock().unwrap();
        let requests = shared.parser.callbacks();
        (requests.titles.clone(), requests.bells)
    }

    /// The process id, for sending signals.
    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("child pid")
    }

    /// Waits for the program to exit and for its last output to be read.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        let deadline = Instant::now() + PATIENCE;
        let status = loop {
            if let Some(status) = self.child.try_wait().expect("poll child") {
                break status;
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                panic!(
                    "kanbao did not exit; the screen shows:\n{}",
                    self.screen_text()
                );
            }
            thread::sleep(Duration::from_millis(20));
        };
        while !self.shared.lock().unwrap().closed && Instant::now() < deadline {
            thread::sleep(Duration::from_millis(10));
        }
        status
    }

    /// Sends `signal` ("TERM", "CONT", ...) to the process `pid`.
    pub fn signal(pid: u32, signal: &str) {
        let status = Command::new("kill")
            .args([format!("-{signal}"), pid.to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill -{signal} {pid} failed");
    }

    /// Whether the program is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }

    /// Whether the terminal is in cooked mode with echo, as a shell leaves it.
    pub fn terminal_cooked(&self) -> bool {
        let termios = self.master.get_termios().expect("read terminal modes");
        // The flags' names, as the pty crate's termios type prints them.
        let local = format!("{:?}", termios.local_flags);
        local.contains("ICANON") && local.contains("ECHO")
    }

    /// Checks the terminal is as the program found it: cooked mode with echo, main screen,
    /// no mouse reporting, cursor shown.
    pub fn assert_terminal_restored(&self) {
        assert!(self.terminal_cooked(), "terminal left in raw mode");
        self.with_screen(|screen| {
            assert!(!screen.alternate_screen(), "alternate screen left on");
            assert_eq!(
                screen.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "mouse capture left on"
            );
            assert!(!screen.hide_cursor(), "cursor left hidden");
        });
    }
}

/// A command that runs the binary with `args`, to adjust before [`Session::spawn`].
pub fn command(args: &[&str]) -> CommandBuilder {
    let mut command = CommandBuilder::new(BINARY);
    command.args(args);
    // The interface speaks the locale's language: tests read it in English unless they ask.
    command.env("LC_ALL", "C.UTF-8");
    keep_to_scratch(&mut command);
    command
}

/// Points the XDG state, config and cache directories of `command` at a folder of its own, fresh
/// for each command, so a test never reads or writes the user's and never sees another's.
pub fn keep_to_scratch(command: &mut CommandBuilder) {
    static NEXT: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);
    let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("xdg")
        .join(format!("{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    command.env("XDG_STATE_HOME", dir.join("state"));
    command.env("XDG_CONFIG_HOME", dir.join("config"));
    command.env("XDG_CACHE_HOME", dir.join("cache"));
}

/// The scheduler state of process `pid` as /proc shows it: 'T' stopped, 'S' sleeping...
pub fn process_state(pid: u32) -> char {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).expect("read /proc stat");
    // The name in parentheses may hold spaces; the state follows the last ')'.
    let after_name = &stat[stat.rfind(')').expect("stat has a name") + 1..];
    after_name
        .trim_start()
        .chars()
        .next()
        .expect("stat has a state")
}

/// Waits until process `pid` is in scheduler state `state` (see [`process_state`]).
pub fn wait_for_state(pid: u32, state: char) {
    let deadline = Instant::now() + PATIENCE;
    while process_state(pid) != state {
        assert!(
            Instant::now() < deadline,
            "process {pid} never reached state {state}: it is in {}",
            process_state(pid)
        );
        thread::sleep(Duration::from_millis(20));
    }
}

/// A fresh, empty folder for test files, named after `name`, under the target directory.
pub fn scratch_dir(name: &str) -> std::path::PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("create a scratch folder");
    dir
}

/// The ids of the processes whose parent is `pid`.
pub fn children(pid: u32) -> Vec<u32> {
    let path = format!("/proc/{pid}/task/{pid}/children");
    let list = std::fs::read_to_string(path).unwrap_or_default();
    list.split_whitespace()
        .filter_map(|id| id.parse().ok())
        .collect()
}

/// The text of `screen`'s columns `cols`, row by row.
pub fn columns_text(screen: &vt100::Screen, cols: std::ops::Range<u16>) -> String {
    let rows: Vec<String> = screen.rows(cols.start, cols.end - cols.start).collect();
    rows.join("\n")
}

/// Where `text` starts on `screen`: (row, column) of its first character's cell.
pub fn find_cell(screen: &vt100::Screen, text: &str) -> Option<(u16, u16)> {
    let (rows, cols) = screen.size();
    let (rows, cols) = (u16::from(rows), u16::from(cols));
    let first = text.chars().next()?.to_string();
    (0..rows).find_map(|row| {
        let line: String = screen.rows(0, cols).nth(row.into())?;
        line.contains(text).then_some(())?;
        (0..cols).find_map(|col| {
            let here = screen.contents_between(row, col, row, cols);
            (screen.cell(row, col)?.contents() == first && here.starts_with(text))
                .then_some((row, col))
        })
    })
}

/// The rows of `screen` where the cell in `col` does not hold `symbol`, among `rows`.
pub fn rows_without(
    screen: &vt100::Screen,
    col: u16,
    rows: std::ops::Range<u16>,
    symbol: &str,
) -> Vec<u16> {
    rows.filter(|&row| {
        screen
            .cell(row, col)
            .is_none_or(|cell| cell.contents() != symbol)
    })
    .collect()
}

impl Drop for Session {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
    }
}

/// Feeds program output to the emulator, answering cursor-position queries as a terminal
/// does (the reader asks at start-up to learn how wide ambiguous characters are drawn).
fn feed(shared: &mut Shared, bytes: &[u8], writer: &Arc<Mutex<Box<dyn Write + Send>>>) {
    const QUERY: &[u8] = b"\x1b[6n";
    shared.raw.extend_from_slice(bytes);
    let mut rest = bytes;
    while let Some(at) = rest.windows(QUERY.len()).position(|window| window == QUERY) {
        shared.parser.process(&rest[..at]);
        let (row, col) = shared.parser.screen().cursor_position();
        let answer = format!("\x1b[{};{}R", row + 1, col + 1);
        let delay = match shared.answers {
            Answers::Now => Some(Duration::ZERO),
            Answers::After(delay) => Some(delay),
            Answers::Never => None,
        };
        if let Some(delay) = delay {
            let writer = Arc::clone(writer);
            let answer = move || {
                thread::sleep(delay);
                let mut writer = writer.lock().unwrap();
                let _ = writer.write_all(answer.as_bytes());
                let _ = writer.flush();
            };
            match delay.is_zero() {
                true => answer(),
                false => _ = thread::spawn(answer),
            }
        }
        rest = &rest[at + QUERY.len()..];
    }
    shared.parser.process(rest);
}
