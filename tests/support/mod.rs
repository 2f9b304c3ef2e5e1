//! Drives the real `kanbao` binary in a pseudo-terminal and reads its screen through a
//! terminal emulator, as a person at a terminal would see it.
#![allow(dead_code)] // each test binary uses part of the harness

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

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

struct Shared {
    parser: vt100::Parser<Requests>,
    raw: Vec<u8>,
    closed: bool,
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
    pub fn spawn(mut command: CommandBuilder, cols: u16, rows: u16) -> Self {
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
            {
                let shared = self.shared.lock().unwrap();
                let screen = shared.parser.screen();
                if ready(screen) {
                    return screen.contents();
                }
                if Instant::now() > deadline || shared.closed {
                    panic!(
                        "waited for {what}; the screen shows:\n{}",
                        screen.contents()
                    );
                }
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

    /// Checks the terminal is as the program found it: cooked mode with echo, main screen,
    /// no mouse reporting, cursor shown.
    pub fn assert_terminal_restored(&self) {
        let termios = self.master.get_termios().expect("read terminal modes");
        let local = format!("{:?}", termios.local_flags);
        assert!(
            local.contains("ICANON") && local.contains("ECHO"),
            "terminal left in raw mode: {local}"
        );
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
    command
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
fn feed(shared: &mut Shared, bytes: &[u8], writer: &Mutex<Box<dyn Write + Send>>) {
    const QUERY: &[u8] = b"\x1b[6n";
    shared.raw.extend_from_slice(bytes);
    let mut rest = bytes;
    while let Some(at) = rest.windows(QUERY.len()).position(|window| window == QUERY) {
        shared.parser.process(&rest[..at]);
        let (row, col) = shared.parser.screen().cursor_position();
        let answer = format!("\x1b[{};{}R", row + 1, col + 1);
        let mut writer = writer.lock().unwrap();
        let _ = writer.write_all(answer.as_bytes());
        let _ = writer.flush();
        rest = &rest[at + QUERY.len()..];
    }
    shared.parser.process(rest);
}
