//! The terminal shell: setup and restore, signals, the ambiguous-width probe and the event
//! loop. The only code that touches the terminal.

use std::io::{self, BufWriter, Stdout, stdout};
use std::mem::ManuallyDrop;
use std::os::fd::AsRawFd;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use anyhow::Context;
use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event};
use crossterm::event::{
    KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use crossterm::style::Print;
use crossterm::terminal::{self, EnterAlternateScreen, LeaveAlternateScreen};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
};

use crate::app::archive::ArchiveState;
use crate::app::config::{self, Config};
use crate::app::keymap::{self, Key, WHEEL_LINES};
use crate::app::memory;
use crate::app::strings::Lang;
use crate::app::{Action, App};
use crate::archive::Archive;
use crate::edition::{Edition, LoadError, Loading};
use crate::text::AmbiguousWidth;
use crate::ui;
use backend::RunBackend;

mod backend;

/// How long the loop waits for input before it looks at the signal flag again.
const POLL_INTERVAL: Duration = Duration::from_millis(200);
/// How long the loop waits for input while background work reports results.
const BUSY_POLL_INTERVAL: Duration = Duration::from_millis(30);
/// How long the event loop has to stop after a signal before the reader ends without it.
const STOP_GRACE: Duration = Duration::from_secs(1);

/// Test hook, in debug builds only: when this variable is set, the first key press panics,
/// so end-to-end tests can see the panic hook give the terminal back. Release builds do
/// not read it.
#[cfg(debug_assertions)]
pub const TEST_PANIC_VAR: &str = "KANBAO_TEST_PANIC";

/// Test hook, in debug builds only: when this variable is set, the reader ignores SIGHUP, as
/// a reader started under `nohup` or a wrapper that ignores it would, so end-to-end tests can
/// see a hung-up terminal end it all the same.
#[cfg(debug_assertions)]
pub const TEST_IGNORE_SIGHUP_VAR: &str = "KANBAO_TEST_IGNORE_SIGHUP";

/// The reader's terminal. Frames go out through one buffer, flushed once a frame: stdout's
/// own line buffer would send a full screen in a thousand-byte write after another.
type Term = Terminal<RunBackend<BufWriter<Stdout>>>;

/// Bytes buffered for one frame: a full 200x60 screen of Chinese text with its styles.
const FRAME_BUFFER_BYTES: usize = 128 * 1024;

/// How the reader starts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// How wide the terminal draws ambiguous characters; `None` asks the terminal.
    pub ambiguous: Option<AmbiguousWidth>,
    /// Start in merged reading, as if `m` had been pressed.
    pub merged: bool,
    /// Draw without colour, as `NO_COLOR` asks.
    pub no_color: bool,
    /// The language of the interface; `None`: the config file's, else the locale's.
    pub lang: Option<Lang>,
}

/// Whether the environment asks for no colour: `NO_COLOR` set and not empty
/// (<https://no-color.org>).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|value| !value.is_empty())
}

/// Signals that end the reader: the terminal is restored first, then the process ends by
/// the signal, as it would have without the reader's handler.
const STOP_SIGNALS: [i32; 7] = [SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGUSR1, SIGUSR2, SIGALRM];

/// What signals asked of the reader; the event loop reads it between events.
#[derive(Debug, Default)]
struct Signals {
    /// The number of the signal that asks the reader to stop; 0 while none has.
    stop: Arc<AtomicUsize>,
    /// A SIGTSTP from outside (`kill -TSTP`): give the terminal back and stop, as Ctrl-Z does.
    suspend: Arc<AtomicBool>,
    /// A SIGCONT: the reader may have been stopped by a signal it could not catch; take the
    /// terminal again.
    resumed: Arc<AtomicBool>,
}

impl Signals {
    fn register() -> anyhow::Result<Arc<Self>> {
        let signals = Self::default();
        let context = || "cannot watch for signals";
        for signal in STOP_SIGNALS {
            #[cfg(debug_assertions)]
            if signal == SIGHUP && std::env::var_os(TEST_IGNORE_SIGHUP_VAR).is_some() {
                // SAFETY: setting a disposition to SIG_IGN installs no handler.
                unsafe { libc::signal(SIGHUP, libc::SIG_IGN) };
                continue;
            }
            signal_hook::flag::register_usize(signal, Arc::clone(&signals.stop), signal as usize)
                .with_context(context)?;
        }
        signal_hook::flag::register(SIGTSTP, Arc::clone(&signals.suspend)).with_context(context)?;
        signal_hook::flag::register(SIGCONT, Arc::clone(&signals.resumed)).with_context(context)?;
        Ok(Arc::new(signals))
    }

    /// The signal that asked the reader to stop, if one has.
    fn stop(&self) -> Option<i32> {
        match self.stop.load(Ordering::Relaxed) {
            0 => None,
            signal => Some(signal as i32),
        }
    }
}

/// Runs the reader on `edition` until the user quits or a signal ends it. The terminal
/// is restored on every way out: quit, error, panic, a signal of [`STOP_SIGNALS`], a
/// terminal that hangs up. A signal then ends the process as it would have without the
/// reader's handler, so the parent sees what ended it; a hang-up ends it as SIGHUP would.
pub fn run(edition: Edition, options: Options) -> anyhow::Result<()> {
    run_with(Pending::Ready(edition), None, options)
}

/// Runs the reader as [`run`] does, on the edition `loading` loads. The edition loads on a
/// thread of its own while the terminal is set up, so the first frame waits for whichever
/// takes longer rather than for both in turn; once the terminal is ready, this thread helps
/// with the load ([`Loading::help`]). A load error is returned as it is, once the terminal
/// is back as it was.
pub fn run_loading(loading: Arc<Loading>, options: Options) -> anyhow::Result<()> {
    run_with(Pending::start(loading), None, options)
}

/// The edition the reader opens: at hand, or still loading.
enum Pending {
    Ready(Edition),
    Loading(thread::JoinHandle<Result<Edition, LoadError>>, Arc<Loading>),
}

impl Pending {
    /// `loading`, started on a thread of its own.
    fn start(loading: Arc<Loading>) -> Pending {
        let loader = Arc::clone(&loading);
        Pending::Loading(thread::spawn(move || loader.finish()), loading)
    }

    /// What loading gave, once it is done, helping with the load meanwhile; an error when
    /// the load panicked.
    fn wait(self) -> anyhow::Result<Result<Edition, LoadError>> {
        match self {
            Pending::Ready(edition) => Ok(Ok(edition)),
            Pending::Loading(finished, loading) => {
                // Work lent to the loader: a panic in it is the loader's, whose wait for
                // the file then fails the load.
                LENDING_A_HAND.set(true);
                let _ = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| loading.help()));
                LENDING_A_HAND.set(false);
                finished.join().map_err(|panic| {
                    let message = (panic.downcast_ref::<&str>().copied())
                        .or(panic.downcast_ref::<String>().map(String::as_str))
                        .unwrap_or("no message");
                    anyhow::anyhow!("loading the edition failed: {message}")
                })
            }
        }
    }
}

/// How the reader starts on an archive: at the edition at `index`, which `loading` loads
/// beside the terminal's set-up as [`run_loading`] does; `note`, shown on the status line,
/// says why the edition last open there could not be known
/// ([`crate::app::archive::start_edition`]); when that edition does not open and
/// `falls_back`, the newest that does is opened instead.
pub struct ArchiveStart {
    /// The archive.
    pub archive: Archive,
    /// The edition to open first.
    pub index: usize,
    /// Why it is not the edition last open there, when that could not be known.
    pub note: Option<String>,
    /// Whether another edition opens when that one does not (no `--date` asked for it).
    pub falls_back: bool,
}

/// Runs the reader on an archive, from `start`: as [`run_loading`], with the archive's keys
/// to other editions and its picker. Which edition is open at the end is kept for the next
/// run.
pub fn run_archive(
    loading: Arc<Loading>,
    start: ArchiveStart,
    options: Options,
) -> anyhow::Result<()> {
    let state = ArchiveState::noting(start.archive, start.index, start.note);
    run_with(
        Pending::start(loading),
        Some((state, start.falls_back)),
        options,
    )
}

fn run_with(
    edition: Pending,
    archive: Option<(ArchiveState, bool)>,
    options: Options,
) -> anyhow::Result<()> {
    let (mut archive, falls_back) = archive.map_or((None, false), |(state, falls_back)| {
        (Some(state), falls_back)
    });
    let signals = Signals::register()?;
    install_panic_hook();
    let _restore = RestoreOnUnwind;
    watch_the_terminal(Arc::clone(&signals));
    let (config, config_error) = match config::config_file().map(|file| Config::load(&file)) {
        Some(Err(error)) => (Config::default(), Some(error)),
        Some(Ok(config)) => (config, None),
        None => (Config::default(), None),
    };
    let mut saving_error = None;
    let mut load_error = None;
    let result = enter().and_then(|()| {
        // Never dropped: ratatui's drop shows the cursor and, when the terminal is gone, says
        // so with `eprintln!`, which panics on a stderr that is gone too. `leave` shows the
        // cursor in any case.
        let mut terminal = ManuallyDrop::new(Terminal::new(RunBackend::new(
            BufWriter::with_capacity(FRAME_BUFFER_BYTES, stdout()),
        ))?);
        let ambiguous = (options.ambiguous.or(config.ambiguous_width))
            .unwrap_or_else(ambiguous_width_of_this_terminal);
        clear(&mut terminal)?;
        let size = terminal.size()?;
        let edition = edition.wait().and_then(|loaded| match archive.as_mut() {
            Some(archive) => (archive.opened(loaded, falls_back)).map_err(anyhow::Error::msg),
            None => Ok(loaded?),
        });
        let edition = match edition {
            Ok(edition) => edition,
            Err(error) => {
                load_error = Some(error);
                return Ok(());
            }
        };
        let mut app = App::new(edition, ambiguous, size.width, size.height);
        app.set_colors(!options.no_color && config.colors != Some(false));
        app.set_lang((options.lang.or(config.lang)).unwrap_or_else(Lang::from_locale));
        app.set_extra_keys(config.keys.clone());
        app.set_archive(archive.is_some());
        app.set_palette(config.palette.clone());
        if let Some(punctuation) = config.punctuation {
            app.set_punctuation(punctuation);
        }
        let state_dir = resume(&mut app);
        if let Some(archive) = archive.as_mut() {
            archive.start(&mut app, state_dir.clone());
        }
        if let Some(error) = config_error {
            app.warn(format!("Defaults used: {error}"));
        }
        if options.merged {
            app.update(Action::ToggleMerged);
        }
        let result = event_loop(&mut terminal, &mut app, archive.as_mut(), &signals);
        if let Some(dir) = state_dir {
            saving_error = save_reading(&dir, &app, archive.as_ref()).err();
        }
        result
    });
    let restored = leave();
    tell_background_panics();
    // Once a signal asked the reader to stop, the terminal may be gone (a hang-up): failing
    // to draw on it or to restore it is expected, and the signal is what ends the process.
    if let Some(signal) = signals.stop() {
        end_by(signal);
    }
    if let Some(error) = load_error {
        restored.context("cannot restore the terminal")?;
        return Err(error);
    }
    result.context("the terminal failed")?;
    restored.context("cannot restore the terminal")?;
    // Told once the terminal is back; not a reason to fail.
    if let Some(error) = saving_error {
        let _ = io::Write::write_fmt(
            &mut io::stderr(),
            format_args!("kanbao: reading state not kept: {error}\n"),
        );
    }
    Ok(())
}

/// Takes up `app`'s edition where the last run left it, from the XDG state directory;
/// returns that directory, to save to at the end. State that cannot be read is told on the
/// status line, and the reader starts fresh.
fn resume(app: &mut App) -> Option<std::path::PathBuf> {
    let dir = memory::state_dir()?;
    let file = memory::state_file(&dir, &memory::edition_key(app.edition()));
    match memory::load(&file) {
        Ok(remembered) => app.resume(&remembered),
        Err(error) => app.warn(error),
    }
    Some(dir)
}

/// Saves under `dir` the place in the edition open at the end (in an archive, maybe not the
/// one the reader started on) and which edition of the archive it is.
fn save_reading(
    dir: &std::path::Path,
    app: &App,
    archive: Option<&ArchiveState>,
) -> Result<(), String> {
    let file = memory::state_file(dir, &memory::edition_key(app.edition()));
    memory::save(&file, &app.remembered())?;
    archive.map_or(Ok(()), ArchiveState::save_open_edition)
}

/// Ends the process by `signal`'s default action, whatever its disposition was; exits 1 if
/// that action does not end it.
fn end_by(signal: i32) -> ! {
    let _ = signal_hook::low_level::emulate_default_handler(signal);
    std::process::exit(1)
}

/// Watches, beside the event loop, for the two ways it can fail to see that it must stop.
///
/// A terminal that hung up (its window closed, the connection to it lost) reads as end of
/// file, and crossterm then reads it again and again without returning, so the loop never
/// sees a SIGHUP, nor notices the hang-up at all when SIGHUP is ignored (`nohup`). The
/// watcher takes a hung-up terminal for a SIGHUP, and ends the process by the stop signal
/// when the loop has not stopped [`STOP_GRACE`] after it came.
fn watch_the_terminal(signals: Arc<Signals>) {
    thread::spawn(move || {
        let signal = loop {
            if let Some(signal) = signals.stop() {
                break signal;
            }
            if terminal_hung_up() {
                let _ = (signals.stop).compare_exchange(
                    0,
                    SIGHUP as usize,
                    Ordering::Relaxed,
                    Ordering::Relaxed,
                );
                continue;
            }
            thread::sleep(POLL_INTERVAL);
        };
        thread::sleep(STOP_GRACE);
        // Still here: the loop is stuck. The terminal is most likely gone; restore it anyway.
        let _ = leave();
        end_by(signal);
    });
}

/// Whether the terminal the reader draws on has hung up: the kernel reports a hang-up on
/// every descriptor of a terminal whose other side is gone.
fn terminal_hung_up() -> bool {
    let mut terminal = libc::pollfd {
        fd: stdout().as_raw_fd(),
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd, no wait.
    let ready = unsafe { libc::poll(&raw mut terminal, 1, 0) };
    ready > 0 && terminal.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

/// Raw mode, the alternate screen, mouse reports.
fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    execute!(stdout(), EnterAlternateScreen, EnableMouseCapture)
}

/// Undoes [`enter`]; safe to call when it only half happened.
fn leave() -> io::Result<()> {
    let screen = execute!(
        stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
    terminal::disable_raw_mode().and(screen)
}

/// Panics of background work (an archive search, the picker's counts, the index), told once
/// the terminal is restored.
static BACKGROUND_PANICS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// On a panic of the reader's own thread, gives the terminal back before the message is
/// printed. A panic of background work ends only that work: the reader goes on, its screen
/// untouched, and the message waits for the end of the session
/// ([`tell_background_panics`]). Work whose panic the reader's thread takes up (a load, the
/// threads of one parse) panics there in turn.
fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if thread::current().name() == Some("main") && !LENDING_A_HAND.get() {
            let _ = leave();
            previous(info);
        } else if let Ok(mut panics) = BACKGROUND_PANICS.lock() {
            panics.push(info.to_string());
        }
    }));
}

thread_local! {
    /// Whether this thread is doing work of the loader's ([`Pending::wait`]): a panic then
    /// is background work's, not the reader's.
    static LENDING_A_HAND: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Gives the terminal back when the reader's thread unwinds: a panic taken up from another
/// thread (`resume_unwind`) runs no panic hook.
struct RestoreOnUnwind;

impl Drop for RestoreOnUnwind {
    fn drop(&mut self) {
        if thread::panicking() {
            let _ = leave();
            tell_background_panics();
        }
    }
}

/// Prints the panics of background work kept during the session, once the terminal is back.
fn tell_background_panics() {
    let panics = BACKGROUND_PANICS
        .lock()
        .map(|mut panics| std::mem::take(&mut *panics));
    for panic in panics.unwrap_or_default() {
        let _ = io::Write::write_fmt(
            &mut io::stderr(),
            format_args!("kanbao: background work failed: {panic}\n"),
        );
    }
}

/// Asks the terminal how wide it draws "“", as Vim does: print it at the left edge and read
/// the cursor column back. No answer means narrow.
///
/// The answer comes in with the keys, and crossterm has one reader for both: it keeps the
/// keys that arrive before the answer for the event loop, so none is lost. While it waits
/// nothing else can read, so the probe runs here, before the first frame, rather than
/// beside the event loop. A terminal that answers costs one round trip; one that never
/// answers, crossterm's two-second wait, once.
fn probe_ambiguous_width() -> Option<AmbiguousWidth> {
    let answer =
        execute!(stdout(), cursor::MoveTo(0, 0), Print('“')).and_then(|()| cursor::position());
    match answer {
        Ok((2, _)) => Some(AmbiguousWidth::Wide),
        Ok(_) => Some(AmbiguousWidth::Narrow),
        Err(_) => None,
    }
}

/// How wide this terminal draws ambiguous characters: asked, unless a terminal of its type
/// (`$TERM`) never answered before, which is remembered under the XDG state directory so
/// that the two-second wait comes once, not at every start. No answer means narrow.
fn ambiguous_width_of_this_terminal() -> AmbiguousWidth {
    let term = std::env::var("TERM").unwrap_or_default();
    let remembered = memory::state_dir().map(|dir| memory::silent_terminal_file(&dir, &term));
    if remembered.as_deref().is_some_and(std::path::Path::exists) {
        return AmbiguousWidth::Narrow;
    }
    if let Some(width) = probe_ambiguous_width() {
        width
    } else {
        if let Some(file) = remembered {
            let _ = memory::remember_silent_terminal(&file);
        }
        AmbiguousWidth::Narrow
    }
}

/// Blanks the screen and makes the next draw send every cell. `Terminal::clear` would first
/// ask the terminal where its cursor is: another round trip, and an error from a terminal
/// that never answers.
fn clear(terminal: &mut Term) -> io::Result<()> {
    let area = terminal.size()?.into();
    terminal.resize(area)
}

fn event_loop(
    terminal: &mut Term,
    app: &mut App,
    mut archive: Option<&mut ArchiveState>,
    signals: &Signals,
) -> io::Result<()> {
    draw(terminal, app, &archive)?;
    while app.is_running() && signals.stop().is_none() {
        if signals.suspend.swap(false, Ordering::Relaxed) {
            suspend(terminal)?;
            signals.resumed.store(false, Ordering::Relaxed);
            draw(terminal, app, &archive)?;
        }
        if signals.resumed.swap(false, Ordering::Relaxed) {
            enter()?;
            clear(terminal)?;
            draw(terminal, app, &archive)?;
        }
        if !event::poll(archive_poll_interval(&archive))? {
            if archive.as_mut().is_some_and(|archive| archive.poll()) {
                draw(terminal, app, &archive)?;
            }
            continue;
        }
        let mut changed = archive.as_mut().is_some_and(|archive| archive.poll());
        // Take everything already queued (a held key, a burst of wheel events), then draw once.
        loop {
            let event = event::read()?;
            // The archive's keys first: they are few, and the picker takes every key.
            if let (Some(state), Event::Key(key)) = (archive.as_deref_mut(), &event)
                && let Some(key) = reader_key(*key)
                && let Some(action) = state.key_action(key, app.mode(), app_query(app))
            {
                if let Some(action) = action {
                    state.update(action, app);
                }
                changed = true;
            } else if let Some(action) = action_for(event, app) {
                match action {
                    Action::Suspend => suspend(terminal)?,
                    action => app.update(action),
                }
                changed = true;
            }
            if !app.is_running() || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        if changed && app.is_running() {
            draw(terminal, app, &archive)?;
        }
    }
    Ok(())
}

/// The reader's own search, which the archive's `n` and `N` go on from.
fn app_query(app: &App) -> Option<&str> {
    app.search().map(|search| search.query.as_str())
}

/// Draws the reader and what the archive adds to it.
fn draw(terminal: &mut Term, app: &App, archive: &Option<&mut ArchiveState>) -> io::Result<()> {
    terminal.draw(|frame| {
        ui::draw(frame, app);
        if let Some(archive) = archive {
            ui::draw_archive(frame, app, archive);
        }
    })?;
    Ok(())
}

/// How long the loop waits for input: shorter while the archive has background work whose
/// results should show as they come.
fn archive_poll_interval(archive: &Option<&mut ArchiveState>) -> Duration {
    match archive.as_ref().is_some_and(|archive| archive.is_busy()) {
        true => BUSY_POLL_INTERVAL,
        false => POLL_INTERVAL,
    }
}

fn action_for(event: Event, app: &App) -> Option<Action> {
    #[cfg(debug_assertions)]
    if matches!(event, Event::Key(_)) && std::env::var_os(TEST_PANIC_VAR).is_some() {
        panic!("{TEST_PANIC_VAR} is set: panicking at the first key, as asked");
    }
    match event {
        Event::Key(key) => keymap::action_for_with(reader_key(key)?, app.mode(), app.extra_keys()),
        Event::Mouse(mouse) => mouse_action(mouse),
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        _ => None,
    }
}

/// The reader's name for a key press; `None` for releases and keys it has no use for.
fn reader_key(key: KeyEvent) -> Option<Key> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char(c) => Some(Key::Ctrl(c.to_ascii_lowercase())),
            _ => None,
        };
    }
    Some(match key.code {
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        _ => return None,
    })
}

/// The action a mouse event asks for: the wheel scrolls, a left click clicks.
fn mouse_action(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    let lines = match mouse.kind {
        MouseEventKind::ScrollDown => WHEEL_LINES,
        MouseEventKind::ScrollUp => -WHEEL_LINES,
        MouseEventKind::Down(MouseButton::Left) => return Some(Action::Click { column, row }),
        _ => return None,
    };
    Some(Action::Scroll { column, row, lines })
}

/// Gives the terminal back and stops, as Ctrl-Z does in less; takes it again on `fg`.
///
/// The stop is SIGTSTP's own default action, not SIGSTOP: in a process group with no shell to
/// resume it the kernel drops SIGTSTP, and the reader goes on reading instead of waiting for
/// ever.
fn suspend(terminal: &mut Term) -> io::Result<()> {
    leave()?;
    stop_by_default_tstp()?;
    enter()?;
    clear(terminal)
}

/// Raises SIGTSTP with its default action in force, then puts the reader's handler back.
fn stop_by_default_tstp() -> io::Result<()> {
    // SAFETY: sigaction with a zeroed, then filled-in, struct; the previous action is
    // restored unchanged.
    unsafe {
        let mut default: libc::sigaction = std::mem::zeroed();
        default.sa_sigaction = libc::SIG_DFL;
        let mut previous: libc::sigaction = std::mem::zeroed();
        if libc::sigaction(SIGTSTP, &raw const default, &raw mut previous) != 0 {
            return Err(io::Error::last_os_error());
        }
        let raised = signal_hook::low_level::raise(SIGTSTP);
        libc::sigaction(SIGTSTP, &raw const previous, std::ptr::null_mut());
        raised
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_presses_become_reader_keys_and_releases_nothing() {
        let press = |code, modifiers| KeyEvent::new(code, modifiers);
        assert_eq!(
            reader_key(press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Key::Char('G'))
        );
        assert_eq!(
            reader_key(press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Key::Ctrl('c'))
        );
        assert_eq!(reader_key(press(KeyCode::F(1), KeyModifiers::NONE)), None);
        let mut release = press(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(reader_key(release), None);
    }

    #[test]
    fn the_wheel_scrolls_and_a_click_clicks() {
        let mouse = |kind| MouseEvent {
            kind,
            column: 5,
            row: 7,
            modifiers: KeyModifiers::NONE,
        };
        assert_eq!(
            mouse_action(mouse(MouseEventKind::ScrollDown)),
            Some(Action::Scroll {
                column: 5,
                row: 7,
                lines: WHEEL_LINES
            })
        );
        assert_eq!(
            mouse_action(mouse(MouseEventKind::Down(MouseButton::Left))),
            Some(Action::Click { column: 5, row: 7 })
        );
        assert_eq!(mouse_action(mouse(MouseEventKind::Moved)), None);
    }
}
