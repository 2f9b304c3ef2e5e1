//! The terminal shell: setup and restore, signals, the ambiguous-width probe and the event
//! loop. The only code that touches the terminal.

use std::io::{self, Stdout, stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
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
use ratatui::backend::CrosstermBackend;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};

use crate::app::config::{self, Config};
use crate::app::keymap::{self, Key, WHEEL_LINES};
use crate::app::memory;
use crate::app::strings::Lang;
use crate::app::{Action, App};
use crate::edition::Edition;
use crate::text::AmbiguousWidth;
use crate::ui;

/// How long the loop waits for input before it looks at the signal flag again.
const POLL_INTERVAL: Duration = Duration::from_millis(200);
/// How long the event loop has to stop after a signal before the reader ends without it.
const STOP_GRACE: Duration = Duration::from_secs(1);

/// Test hook, in debug builds only: when this variable is set, the first key press panics,
/// so end-to-end tests can see the panic hook give the terminal back. Release builds do
/// not read it.
#[cfg(debug_assertions)]
pub const TEST_PANIC_VAR: &str = "KANBAO_TEST_PANIC";

type Term = Terminal<CrosstermBackend<Stdout>>;

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

/// Runs the reader on `edition` until the user quits or a signal ends it. The terminal
/// is restored on every way out: quit, error, panic, SIGTERM, SIGHUP, SIGINT. A signal
/// then ends the process as it would have without the reader's handler, so the parent
/// sees what ended it.
pub fn run(edition: Edition, options: Options) -> anyhow::Result<()> {
    // The number of the signal that asks the reader to stop; 0 while none has.
    let stop = Arc::new(AtomicUsize::new(0));
    for signal in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(signal, Arc::clone(&stop), signal as usize)
            .context("cannot watch for signals")?;
    }
    install_panic_hook();
    watch_for_a_stuck_stop(Arc::clone(&stop));
    let (config, config_error) = match config::config_file().map(|file| Config::load(&file)) {
        Some(Err(error)) => (Config::default(), Some(error)),
        Some(Ok(config)) => (config, None),
        None => (Config::default(), None),
    };
    let mut saving_error = None;
    let result = enter().and_then(|()| {
        let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
        let ambiguous = (options.ambiguous.or(config.ambiguous_width))
            .unwrap_or_else(ambiguous_width_of_this_terminal);
        clear(&mut terminal)?;
        let size = terminal.size()?;
        let mut app = App::new(edition, ambiguous, size.width, size.height);
        app.set_colors(!options.no_color && config.colors != Some(false));
        app.set_lang((options.lang.or(config.lang)).unwrap_or_else(Lang::from_locale));
        app.set_extra_keys(config.keys.clone());
        app.set_palette(config.palette.clone());
        if let Some(punctuation) = config.punctuation {
            app.set_punctuation(punctuation);
        }
        let state_file = resume(&mut app);
        if let Some(error) = config_error {
            app.warn(format!("Defaults used: {error}"));
        }
        if options.merged {
            app.update(Action::ToggleMerged);
        }
        let result = event_loop(&mut terminal, &mut app, &stop);
        if let Some(file) = state_file {
            saving_error = memory::save(&file, &app.remembered()).err();
        }
        result
    });
    let restored = leave();
    // A signal ends the reader by that signal even when the terminal failed on the way: a
    // hangup closes the terminal, and reading it then fails before the flag is seen.
    if let signal @ 1.. = stop.load(Ordering::Relaxed) {
        let signal = signal as i32;
        return signal_hook::low_level::emulate_default_handler(signal)
            .with_context(|| format!("cannot end on signal {signal}"));
    }
    result.context("the terminal failed")?;
    restored.context("cannot restore the terminal")?;
    // Told once the terminal is back; not a reason to fail.
    if let Some(error) = saving_error {
        eprintln!("kanbao: reading state not kept: {error}");
    }
    Ok(())
}

/// Takes up `app`'s edition where the last run left it, from the XDG state directory;
/// returns the file to save to at the end. State that cannot be read is told on the status
/// line, and the reader starts fresh.
fn resume(app: &mut App) -> Option<std::path::PathBuf> {
    let file = memory::state_file(&memory::state_dir()?, &memory::edition_key(app.edition()));
    match memory::load(&file) {
        Ok(remembered) => app.resume(&remembered),
        Err(error) => app.warn(error),
    }
    Some(file)
}

/// Ends the process by the signal in `stop` when the event loop has not stopped
/// [`STOP_GRACE`] after it came. A terminal that hung up (its window closed, the connection
/// to it lost) reads as end of file, and crossterm then reads it again and again without
/// returning, so the loop never sees the SIGHUP that came with the hangup.
fn watch_for_a_stuck_stop(stop: Arc<AtomicUsize>) {
    thread::spawn(move || {
        while stop.load(Ordering::Relaxed) == 0 {
            thread::sleep(POLL_INTERVAL);
        }
        thread::sleep(STOP_GRACE);
        // Still here: the loop is stuck. The terminal is most likely gone; restore it anyway.
        let _ = leave();
        let signal = stop.load(Ordering::Relaxed) as i32;
        let _ = signal_hook::low_level::emulate_default_handler(signal);
        std::process::exit(1);
    });
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

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = leave();
        previous(info);
    }));
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
    match probe_ambiguous_width() {
        Some(width) => width,
        None => {
            if let Some(file) = remembered {
                let _ = memory::remember_silent_terminal(&file);
            }
            AmbiguousWidth::Narrow
        }
    }
}

/// Blanks the screen and makes the next draw send every cell. `Terminal::clear` would first
/// ask the terminal where its cursor is: another round trip, and an error from a terminal
/// that never answers.
fn clear(terminal: &mut Term) -> io::Result<()> {
    let area = terminal.size()?.into();
    terminal.resize(area)
}

fn event_loop(terminal: &mut Term, app: &mut App, stop: &AtomicUsize) -> io::Result<()> {
    terminal.draw(|frame| ui::draw(frame, app))?;
    while app.is_running() && stop.load(Ordering::Relaxed) == 0 {
        if !event::poll(POLL_INTERVAL)? {
            continue;
        }
        let mut changed = false;
        // Take everything already queued (a held key, a burst of wheel events), then draw once.
        loop {
            if let Some(action) = action_for(event::read()?, app) {
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
            terminal.draw(|frame| ui::draw(frame, app))?;
        }
    }
    Ok(())
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
fn suspend(terminal: &mut Term) -> io::Result<()> {
    leave()?;
    signal_hook::low_level::raise(SIGTSTP)?;
    enter()?;
    clear(terminal)
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
