//! Whole-process figures: the time from starting the release binary in a pseudo-terminal
//! to its first complete frame, for the built-in edition and a 1000-page one, beside `less`
//! showing the built-in page's text; and kanbao's peak memory for each edition.
//!
//! Run with `cargo bench --bench startup` (cargo builds the release binary first). Prints a
//! table of medians over several runs.

use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

#[path = "../tests/support/mod.rs"]
mod support;

mod common;

use support::{CommandBuilder, Session};

/// The screen the budgets are set for.
const COLS: u16 = 200;
const ROWS: u16 = 60;
/// Runs of each measurement; the table shows their median.
const RUNS: usize = 9;
/// Pages of the large edition.
const PAGES: usize = 1000;
/// The built-in edition's text, as a file `less` can open.
const SEED: &str = "seeds/000_5a0e4a0e642bd2cf.txt";
/// How long a program may take to show its first screen before the bench gives up.
const PATIENCE: Duration = Duration::from_secs(30);

fn main() {
    let folder = std::env::temp_dir().join(format!("kanbao-startup-{}", std::process::id()));
    let text_bytes = write_edition(&folder);
    let folder_arg = folder.to_str().expect("a UTF-8 temp path").to_owned();

    println!("start-up to the first complete frame, {COLS}x{ROWS}, median of {RUNS} runs");
    println!(
        "{:<36} {:>10} {:>10} {:>10} {:>12}",
        "what", "median", "min", "max", "peak RSS"
    );
    let kanbao = |args: &[&str]| support::command(args);
    let articles = article_folder();
    let articles_arg = articles.to_str().expect("a UTF-8 path").to_owned();
    let articles_text =
        std::env::temp_dir().join(format!("kanbao-startup-{}.txt", std::process::id()));
    let article_files = write_concatenated(&articles, &articles_text);
    let articles_text_arg = articles_text
        .to_str()
        .expect("a UTF-8 temp path")
        .to_owned();
    let rows: [(&str, CommandBuilder, Ready); 7] = [
        ("kanbao, built-in edition", kanbao(&[]), kanbao_ready),
        // The same without the ambiguous-width probe: its round trip to the terminal.
        (
            "kanbao, built-in, no width probe",
            kanbao(&["--ambiguous-width", "1"]),
            kanbao_ready,
        ),
        ("less, the built-in page's text", less(), less_ready),
        (
            "kanbao, 1000 pages (folder)",
            kanbao(&[&folder_arg]),
            kanbao_ready,
        ),
        (
            "kanbao, article-file edition (folder)",
            kanbao(&[&articles_arg]),
            kanbao_ready,
        ),
        (
            "less, that edition's text in one file",
            less_on(&articles_text_arg),
            less_ready_on,
        ),
        // The issue's own measure: the folder's files through a pipe, as a person would.
        (
            "cat DIR/* | less",
            cat_into_less(&articles_arg),
            less_ready_on_pipe,
        ),
    ];
    // Rows take turns, one run each, so that a change in the machine's load falls on all of
    // them alike rather than on whichever row ran then.
    let mut runs: Vec<Vec<Run>> = rows.iter().map(|_| Vec::new()).collect();
    for _ in 0..RUNS {
        for ((_, command, ready), runs) in rows.iter().zip(&mut runs) {
            runs.push(run(command.clone(), *ready));
        }
    }
    for ((what, ..), runs) in rows.iter().zip(runs) {
        let mut times: Vec<Duration> = runs.iter().map(|run| run.first_frame).collect();
        times.sort();
        let peak = runs.iter().map(|run| run.peak_kib).max().unwrap_or(0);
        println!(
            "{what:<36} {:>10} {:>10} {:>10} {:>9} MiB",
            millis(times[RUNS / 2]),
            millis(times[0]),
            millis(times[RUNS - 1]),
            format!("{:.1}", peak as f64 / 1024.0),
        );
    }
    println!(
        "the 1000-page edition's text: {:.1} MiB in {PAGES} files",
        text_bytes as f64 / (1024.0 * 1024.0)
    );
    println!("the article-file edition: {article_files} files in {articles_arg}");
    // `kanbao DIR --toc`, the whole process, beside `cat` of the same text as a floor.
    for (what, program, args) in [
        (
            "kanbao DIR --toc",
            support::BINARY,
            vec![articles_arg.as_str(), "--toc"],
        ),
        (
            "cat, that edition's text",
            "cat",
            vec![articles_text_arg.as_str()],
        ),
    ] {
        let mut times: Vec<Duration> = (0..RUNS)
            .map(|_| {
                let started = Instant::now();
                let output = std::process::Command::new(program)
                    .args(&args)
                    .output()
                    .expect("the program runs");
                assert!(output.status.success(), "{what} failed");
                started.elapsed()
            })
            .collect();
        times.sort();
        println!(
            "{what:<36} {:>10} {:>10} {:>10}",
            millis(times[RUNS / 2]),
            millis(times[0]),
            millis(times[RUNS - 1])
        );
    }
    let _ = std::fs::remove_dir_all(&folder);
    let _ = std::fs::remove_file(&articles_text);
}

/// Whether the screen shows a program's first complete screenful.
type Ready = fn(&vt100::Screen) -> bool;

/// kanbao draws a frame in one write, top to bottom; the status line's key hints come last.
fn kanbao_ready(screen: &vt100::Screen) -> bool {
    last_row(screen).contains("q quit")
}

/// less writes its prompt, the file's name, after the screenful of text.
fn less_ready(screen: &vt100::Screen) -> bool {
    last_row(screen).contains(SEED)
}

fn last_row(screen: &vt100::Screen) -> String {
    let (rows, cols) = screen.size();
    let last = usize::from(rows.get()) - 1;
    screen.rows(0, cols.get()).nth(last).unwrap_or_default()
}

/// less's prompt for a file other than the seed: its "(END)" or the file name, after the
/// screenful.
fn less_ready_on(screen: &vt100::Screen) -> bool {
    last_row(screen).contains("kanbao-startup-")
}

/// less reading a pipe prompts with a lone ":" once the screenful is shown.
fn less_ready_on_pipe(screen: &vt100::Screen) -> bool {
    last_row(screen).trim_end() == ":" && !screen.contents().trim().is_empty()
}

/// `cat DIR/* | less` run by the shell, less with no user settings.
fn cat_into_less(folder: &str) -> CommandBuilder {
    let mut command = CommandBuilder::new("sh");
    command.arg("-c");
    command.arg("cat \"$1\"/* | less");
    command.arg("sh");
    command.arg(folder);
    for name in ["LESS", "LESSOPEN", "LESSCLOSE"] {
        command.env_remove(name);
    }
    command
}

/// An edition folder of about 70 article files: the real one in `../shared/editions` when it
/// is there, else the seed's crawled edition (37 files).
fn article_folder() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = manifest.join("../shared/editions/rmrb-2019-10/20191030");
    match shared.is_dir() {
        true => shared,
        false => manifest.join("seeds/rmrb-20191019"),
    }
}

/// Writes the text of every file in `folder`, in name order, to `file`; returns how many.
fn write_concatenated(folder: &Path, file: &Path) -> usize {
    let mut names: Vec<PathBuf> = std::fs::read_dir(folder)
        .expect("the folder lists")
        .map(|entry| entry.expect("an entry").path())
        .collect();
    names.sort();
    let mut text = Vec::new();
    for name in &names {
        text.extend(std::fs::read(name).expect("a file reads"));
    }
    std::fs::write(file, text).expect("write the text");
    names.len()
}

/// `less` as it starts with no user settings: no LESS options, no input preprocessor.
fn less() -> CommandBuilder {
    less_on(SEED)
}

/// `less` on `file`, with no user settings.
fn less_on(file: &str) -> CommandBuilder {
    let mut command = CommandBuilder::new("less");
    command.arg(file);
    command.env_remove("LESS");
    command.env_remove("LESSOPEN");
    command.env_remove("LESSCLOSE");
    command
}

struct Run {
    first_frame: Duration,
    /// The process's peak resident set (`VmHWM`) just before it was told to quit.
    peak_kib: u64,
}

fn run(mut command: CommandBuilder, ready: Ready) -> Run {
    // Every run starts as a first run: no reading state left by the one before.
    support::keep_to_scratch(&mut command);
    let started = Instant::now();
    let mut session = Session::spawn(command, COLS, ROWS);
    // A tight poll: the harness's own wait is too coarse to time a start-up.
    while !session.with_screen(ready) {
        assert!(
            started.elapsed() < PATIENCE,
            "no first screen after {PATIENCE:?}; the screen shows:\n{}",
            session.screen_text()
        );
        thread::sleep(Duration::from_micros(200));
    }
    let first_frame = started.elapsed();
    let peak_kib = peak_kib(session.pid());
    session.send("q");
    session.wait_exit();
    Run {
        first_frame,
        peak_kib,
    }
}

fn peak_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc status");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|kib| kib.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc status")
}

/// Writes the generated edition's pages to `folder` as page files; returns their size.
fn write_edition(folder: &Path) -> usize {
    std::fs::create_dir_all(folder).expect("create the edition folder");
    let mut bytes = 0;
    for (number, text) in (1..).zip(common::edition_pages(PAGES)) {
        let path: PathBuf = folder.join(format!("page-{number:04}.txt"));
        std::fs::write(&path, &text).expect("write a page file");
        bytes += text.len();
    }
    bytes
}

fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}
