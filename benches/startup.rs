//! Whole-process figures: the time from starting the release binary in a pseudo-terminal
//! to its first complete frame, for the built-in edition and a 1000-page one, beside `less`
//! showing the built-in page's text; and kanbao's peak memory for each edition.
//!
//! Run with `cargo bench --bench startup` (cargo builds the release binary first). Prints a
//! table of medians over several runs. `cargo bench --bench startup -- WORD… [--runs N]` runs
//! only the rows whose names hold one of the words, N times each (9 when not given);
//! `--against PATH` adds a row for the folder's first frame by another build of kanbao
//! (say, of the commit before a change), taking turns with the others.

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
/// Runs of each measurement unless `--runs` says otherwise; the table shows their median.
const RUNS: usize = 9;
/// Pages of the large edition.
const PAGES: usize = 1000;
/// The built-in edition's text, as a file `less` can open.
const SEED: &str = "seeds/000_5a0e4a0e642bd2cf.txt";
/// The rows the budget compares.
const FOLDER_ROW: &str = "kanbao, article-file edition (folder)";
const PIPE_ROW: &str = "cat DIR/* | less";
const OTHER_BUILD_ROW: &str = "the other build, the same folder";
/// How long a program may take to show its first screen before the bench gives up.
const PATIENCE: Duration = Duration::from_secs(30);

fn main() {
    let wanted = Wanted::from_args();
    let runs_each = wanted.runs;
    let folder = std::env::temp_dir().join(format!("kanbao-startup-{}", std::process::id()));
    let text_bytes = write_edition(&folder);
    let folder_arg = folder.to_str().expect("a UTF-8 temp path").to_owned();

    println!("start-up to the first complete frame, {COLS}x{ROWS}, median of {runs_each} runs");
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
    let all_rows: [(&str, CommandBuilder, Ready); 7] = [
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
        (FOLDER_ROW, kanbao(&[&articles_arg]), kanbao_ready),
        (
            "less, that edition's text in one file",
            less_on(&articles_text_arg),
            less_ready_on,
        ),
        // The issue's own measure: the folder's files through a pipe, as a person would.
        (PIPE_ROW, cat_into_less(&articles_arg), less_ready_on_pipe),
    ];
    let mut rows: Vec<_> = (all_rows.into_iter())
        .filter(|(what, ..)| wanted.row(what))
        .collect();
    if let Some(other) = &wanted.against {
        let mut command = CommandBuilder::new(other);
        command.arg(&articles_arg);
        command.env("LC_ALL", "C.UTF-8");
        rows.push((OTHER_BUILD_ROW, command, kanbao_ready));
    }
    // Rows take turns, one run each, so that a change in the machine's load falls on all of
    // them alike rather than on whichever row ran then.
    let mut runs: Vec<Vec<Run>> = rows.iter().map(|_| Vec::new()).collect();
    for _ in 0..runs_each {
        for ((_, command, ready), runs) in rows.iter().zip(&mut runs) {
            runs.push(run(command.clone(), *ready));
        }
    }
    for ((what, ..), runs) in rows.iter().zip(&runs) {
        let mut times: Vec<Duration> = runs.iter().map(|run| run.first_frame).collect();
        times.sort();
        let peak = runs.iter().map(|run| run.peak_kib).max().unwrap_or(0);
        println!(
            "{what:<36} {:>10} {:>10} {:>10} {:>9} MiB",
            millis(times[runs_each / 2]),
            millis(times[0]),
            millis(times[runs_each - 1]),
            format!("{:.1}", peak as f64 / 1024.0),
        );
    }
    print_budget(&rows, &runs);
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
        if !wanted.row(what) {
            continue;
        }
        let mut times: Vec<Duration> = (0..runs_each)
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
            millis(times[runs_each / 2]),
            millis(times[0]),
            millis(times[runs_each - 1])
        );
    }
    let _ = std::fs::remove_dir_all(&folder);
    let _ = std::fs::remove_file(&articles_text);
}

/// Which rows to run and how often, from the bench's arguments.
struct Wanted {
    words: Vec<String>,
    runs: usize,
    /// Another build of kanbao to time on the folder beside this one.
    against: Option<String>,
}

impl Wanted {
    fn from_args() -> Wanted {
        let mut words = Vec::new();
        let mut runs = RUNS;
        let mut against = None;
        let mut args = std::env::args().skip(1);
        while let Some(arg) = args.next() {
            match arg.as_str() {
                // cargo passes it to every bench.
                "--bench" => {}
                "--runs" => {
                    runs = (args.next().and_then(|n| n.parse().ok()))
                        .filter(|&n| n > 0)
                        .expect("--runs takes a number of runs");
                }
                "--against" => against = Some(args.next().expect("--against takes a path")),
                _ => words.push(arg),
            }
        }
        Wanted {
            words,
            runs,
            against,
        }
    }

    fn row(&self, what: &str) -> bool {
        self.words.is_empty() || self.words.iter().any(|word| what.contains(word.as_str()))
    }
}

/// The budget: the folder's first frame against `cat DIR/* | less`, as the median
/// of each round's ratio (rows take turns, so a round's runs met the same machine); and the
/// same for another build's, when one was given.
fn print_budget(rows: &[(&str, CommandBuilder, Ready)], runs: &[Vec<Run>]) {
    let of = |name: &str| {
        rows.iter()
            .position(|(what, ..)| *what == name)
            .map(|row| &runs[row])
    };
    for (this, that, budget) in [
        (FOLDER_ROW, PIPE_ROW, " (budget 1.2x)"),
        (OTHER_BUILD_ROW, PIPE_ROW, ""),
        (FOLDER_ROW, OTHER_BUILD_ROW, ""),
    ] {
        let (Some(these), Some(those)) = (of(this), of(that)) else {
            continue;
        };
        let mut ratios: Vec<f64> = (these.iter().zip(those))
            .map(|(this, that)| this.first_frame.as_secs_f64() / that.first_frame.as_secs_f64())
            .collect();
        ratios.sort_by(f64::total_cmp);
        println!(
            "{this} / {that}: median {:.2}x, rounds {:.2}x to {:.2}x{budget}",
            ratios[ratios.len() / 2],
            ratios[0],
            ratios[ratios.len() - 1]
        );
    }
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
