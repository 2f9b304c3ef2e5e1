//! Drawing the reader at 200x60 through ratatui's test backend: a frame, a scroll keypress
//! (update and redraw), moving through the section list, and a resize. Each runs on the
//! built-in edition and on a 1000-page one: equal figures show that a keypress does no work
//! proportional to the edition.

use divan::Bencher;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use kanbao::app::{Action, App};
use kanbao::ui;

mod reader;

use reader::{EDITIONS, HEIGHT, WIDTH};

fn main() {
    divan::main();
}

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) {
    let Ok(_) = terminal.draw(|frame| ui::draw(frame, app));
}

/// Alternates `forward` and `back`, so that every call changes the state and the screen.
fn to_and_fro(forward: Action, back: Action) -> impl FnMut() -> Action {
    let mut step = 0u64;
    move || {
        step += 1;
        if step % 2 == 1 { forward } else { back }
    }
}

/// One frame of an unchanged state: drawing alone.
#[divan::bench(args = EDITIONS)]
fn frame(bencher: Bencher, edition: &str) {
    let app = reader::reader(reader::edition(edition));
    let mut terminal = terminal();
    bencher.bench_local(|| draw(&mut terminal, &app));
}

/// A scroll keypress in the article: one line down or up, then the redraw.
#[divan::bench(args = EDITIONS)]
fn scroll_key(bencher: Bencher, edition: &str) {
    let app = reader::reader(reader::edition(edition));
    bench_up_and_down(bencher, app);
}

/// A scroll keypress while a search for a common word highlights its matches.
#[divan::bench(args = EDITIONS)]
fn scroll_key_with_matches(bencher: Bencher, edition: &str) {
    let mut app = reader::reader(reader::edition(edition));
    reader::search(&mut app, "发展");
    app.update(Action::Bottom);
    let bottom = app.scroll();
    app.update(Action::Up);
    assert!(app.search().is_some(), "the search found nothing");
    assert_eq!(
        app.scroll() + 1,
        bottom,
        "the article with matches does not scroll"
    );
    bench_up_and_down(bencher, app);
}

/// A keypress in the section list: the next or previous article, laid out once and then
/// taken from the cache, and the redraw.
#[divan::bench(args = EDITIONS)]
fn next_article_key(bencher: Bencher, edition: &str) {
    let mut app = reader::reader(reader::edition(edition));
    app.update(Action::FocusSections);
    bench_up_and_down(bencher, app);
}

/// A resize between 200x60 and 160x48: the new size, the article laid out again, the redraw.
#[divan::bench(args = EDITIONS)]
fn resize(bencher: Bencher, edition: &str) {
    let mut app = reader::reader(reader::edition(edition));
    let mut terminal = terminal();
    let mut size = to_and_fro(
        Action::Resize {
            width: 160,
            height: 48,
        },
        Action::Resize {
            width: WIDTH,
            height: HEIGHT,
        },
    );
    bencher.bench_local(|| {
        let action = size();
        if let Action::Resize { width, height } = action {
            terminal.backend_mut().resize(width, height);
        }
        app.update(action);
        draw(&mut terminal, &app);
    });
}

/// Times one keypress and its redraw, alternating Up and Down so the state never runs out.
fn bench_up_and_down(bencher: Bencher, mut app: App) {
    let mut terminal = terminal();
    let mut action = to_and_fro(Action::Up, Action::Down);
    bencher.bench_local(|| {
        app.update(action());
        draw(&mut terminal, &app);
    });
}
