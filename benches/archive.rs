//! Archives of a year and of ten years, made from the real month of 人民日报 in
//! `../shared/editions/rmrb-2019-10` (each day a copy of one of its editions, named for the
//! day: hard links where the file system allows, so ten years cost little disk), written to
//! a temporary folder. Measures:
//!
//! - the first frame of the release binary in a pseudo-terminal on the ten-year archive and
//!   on one edition folder, run alternately, and their ratio;
//! - peak memory (`VmHWM`) on one edition, the year and the ten years, after the first frame,
//!   and on the year after a search of every edition;
//! - moving to the next edition in the reader (update and one frame, ratatui's test
//!   backend), each move a new ~70-file edition read from disk;
//! - a search of the whole year, and of the ten years, on the background scan: the first
//!   results and the end;
//! - the ten years' index: its build, its size, an update with nothing changed and one with
//!   an edition added; and the ten years' search with it.
//!
//! Run with `cargo bench --bench archive` (cargo builds the release binary first);
//! `cargo bench --bench archive -- search` (or `frames`, `moves`, `index`) runs only those
//! parts. Without
//! the shared month the fixtures' two editions stand in, and the figures say so.

use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, Instant};

use ratatui::Terminal;
use ratatui::backend::TestBackend;

use kanbao::app::App;
use kanbao::app::archive::index::index_folder;
use kanbao::app::archive::{
    ArchiveAction, ArchiveIndex, ArchiveSearch, ArchiveState, scan_threads,
};
use kanbao::archive::Archive;
use kanbao::edition::LoadOptions;
use kanbao::text::AmbiguousWidth;
use kanbao::ui;

#[path = "../tests/support/mod.rs"]
mod support;

use support::Session;

/// The screen the figures are taken at.
const COLS: u16 = 200;
const ROWS: u16 = 60;
/// Runs of each pseudo-terminal measurement; the table shows their median.
const RUNS: usize = 7;
/// Edition moves timed in the reader.
const MOVES: usize = 40;
/// Searches of the year timed.
const SEARCHES: usize = 5;
/// Searches of the ten years timed.
const TEN_YEAR_SEARCHES: usize = 3;
/// The first day of the generated archives, and their length.
const FIRST_YEAR: i32 = 2001;
const YEARS: i32 = 10;
/// How long a first screen may take before the bench gives up.
const PATIENCE: Duration = Duration::from_secs(60);

fn main() {
    let (month, real) = month_folder();
    let sources = editions_of(&month);
    let root = std::env::temp_dir().join(format!("kanbao-archive-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&root);
    let started = Instant::now();
    let (editions, files, linked) = write_archive(&root, &sources);
    let year = root.join(FIRST_YEAR.to_string());
    println!(
        "archives from {} ({}): ten years {editions} editions, {files} files, {} in {:.1} s",
        month.display(),
        match real {
            true => "the real month",
            false => "the fixtures' two editions: the shared month is missing",
        },
        match linked {
            true => "hard links",
            false => "copies",
        },
        started.elapsed().as_secs_f64()
    );
    let edition = sources
        .iter()
        .max_by_key(|(_, files)| files.len())
        .map(|(path, _)| path.clone())
        .expect("an edition");
    let edition_files = editions_of_files(&edition);
    println!(
        "one edition: {} ({edition_files} files); machine: {} cores, load {}",
        edition.display(),
        thread::available_parallelism().map_or(1, std::num::NonZero::get),
        load_average()
    );

    // `cargo bench --bench archive -- search` runs only the parts named so.
    let wanted: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .collect();
    let runs = |part: &str| wanted.is_empty() || wanted.iter().any(|w| part.contains(w.as_str()));
    if runs("frames") {
        first_frames(&edition, &year, &root);
    }
    if runs("moves") {
        next_edition(&year);
    }
    if runs("search") {
        search_archive(&year, "the year", SEARCHES, "100 ms / 1 s", None);
        search_archive(&root, "the ten years", TEN_YEAR_SEARCHES, "— / 2 s", None);
    }
    if runs("index") {
        let cache =
            std::env::temp_dir().join(format!("kanbao-archive-bench-cache-{}", std::process::id()));
        let index = index_ten_years(&root, &cache);
        search_archive(
            &root,
            "the ten years with the index",
            TEN_YEAR_SEARCHES,
            "100 ms / 2 s",
            Some(&index),
        );
        let _ = std::fs::remove_dir_all(&cache);
    }
    let _ = std::fs::remove_dir_all(&root);
}

/// The real month when it is there; else the fixtures' editions.
fn month_folder() -> (PathBuf, bool) {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = manifest.join("../shared/editions/rmrb-2019-10");
    match shared.is_dir() {
        true => (shared, true),
        false => (manifest.join("tests/fixtures/editions/rmrb-2019-10"), false),
    }
}

/// The month's edition folders, in date order, with their files' names.
fn editions_of(month: &Path) -> Vec<(PathBuf, Vec<String>)> {
    let mut editions: Vec<PathBuf> = std::fs::read_dir(month)
        .expect("the month lists")
        .map(|entry| entry.expect("an entry").path())
        .filter(|path| path.is_dir())
        .collect();
    editions.sort();
    editions
        .into_iter()
        .map(|path| {
            let mut names: Vec<String> = std::fs::read_dir(&path)
                .expect("an edition lists")
                .map(|entry| entry.expect("an entry").file_name().into_string().unwrap())
                .collect();
            names.sort();
            (path, names)
        })
        .collect()
}

fn editions_of_files(edition: &Path) -> usize {
    std::fs::read_dir(edition).expect("lists").count()
}

/// Writes ten years from `FIRST_YEAR`, one folder a year and a month, each day a copy of
/// the month's editions in turn, its files renamed for the day. Returns the editions and
/// files written, and whether they are hard links.
fn write_archive(root: &Path, sources: &[(PathBuf, Vec<String>)]) -> (usize, usize, bool) {
    let mut linked = true;
    let (mut editions, mut files) = (0, 0);
    for (day, (year, month, date)) in days(FIRST_YEAR, YEARS).enumerate() {
        let (source, names) = &sources[day % sources.len()];
        let folder = root
            .join(year.to_string())
            .join(format!("{year}{month:02}"))
            .join(&date);
        std::fs::create_dir_all(&folder).expect("make an edition folder");
        for name in names {
            // `YYYYMMDD-PP-AA.txt`: the day's date in place of the month's.
            let renamed = match name.get(..8) {
                Some(prefix) if prefix.bytes().all(|b| b.is_ascii_digit()) => {
                    format!("{date}{}", &name[8..])
                }
                _ => name.clone(),
            };
            let (from, to) = (source.join(name), folder.join(renamed));
            if !(linked && std::fs::hard_link(&from, &to).is_ok()) {
                linked = false;
                std::fs::copy(&from, &to).expect("copy an article file");
            }
            files += 1;
        }
        editions += 1;
    }
    (editions, files, linked)
}

/// Every day of `years` years from January 1 of `first`: (year, month, "YYYYMMDD").
fn days(first: i32, years: i32) -> impl Iterator<Item = (i32, u32, String)> {
    (first..first + years).flat_map(|year| {
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
        let february = if leap { 29 } else { 28 };
        let lengths = [31, february, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        (1..=12u32).flat_map(move |month| {
            (1..=lengths[month as usize - 1])
                .map(move |day| (year, month, format!("{year}{month:02}{day:02}")))
        })
    })
}

/// First frames side by side, and peak memory.
fn first_frames(edition: &Path, year: &Path, ten_years: &Path) {
    let arg = |path: &Path| path.to_str().expect("a UTF-8 path").to_owned();
    let rows = [
        ("one edition folder", arg(edition)),
        ("ten-year archive", arg(ten_years)),
        ("one-year archive", arg(year)),
    ];
    let mut frames: Vec<Vec<Duration>> = vec![Vec::new(); rows.len()];
    let mut peaks = vec![0u64; rows.len()];
    // Alternately, so that the machine's load falls on both alike.
    for _ in 0..RUNS {
        for (index, (_, path)) in rows.iter().enumerate() {
            let (frame, peak) = first_frame(path);
            frames[index].push(frame);
            peaks[index] = peaks[index].max(peak);
        }
    }
    println!("\nfirst complete frame, {COLS}x{ROWS}, release binary, median of {RUNS} runs");
    println!(
        "{:<24} {:>10} {:>10} {:>10} {:>12}",
        "what", "median", "min", "max", "peak RSS"
    );
    let mut medians = Vec::new();
    for (index, (what, _)) in rows.iter().enumerate() {
        let times = &mut frames[index];
        times.sort();
        medians.push(times[RUNS / 2]);
        println!(
            "{what:<24} {:>10} {:>10} {:>10} {:>8.1} MiB",
            millis(times[RUNS / 2]),
            millis(times[0]),
            millis(times[RUNS - 1]),
            peaks[index] as f64 / 1024.0
        );
    }
    println!(
        "ten years / one edition: {:.2}x (budget 1.5x)",
        medians[1].as_secs_f64() / medians[0].as_secs_f64()
    );
    let peak = peak_after_search(&arg(year));
    println!(
        "peak RSS, the year after & searches every edition (军运会): {:.1} MiB",
        peak as f64 / 1024.0
    );
}

fn kanbao_ready(screen: &vt100::Screen) -> bool {
    let (rows, cols) = screen.size();
    let last = usize::from(rows.get()) - 1;
    let row = screen.rows(0, cols.get()).nth(last).unwrap_or_default();
    row.contains("q quit")
}

/// The time to kanbao's first complete frame on `path`, and its peak memory then, in KiB.
fn first_frame(path: &str) -> (Duration, u64) {
    let started = Instant::now();
    let mut session = Session::spawn(support::command(&[path]), COLS, ROWS);
    while !session.with_screen(kanbao_ready) {
        assert!(
            started.elapsed() < PATIENCE,
            "no first screen after {PATIENCE:?}:\n{}",
            session.screen_text()
        );
        thread::sleep(Duration::from_micros(200));
    }
    let frame = started.elapsed();
    let peak = peak_kib(session.pid());
    session.send("q");
    session.wait_exit();
    (frame, peak)
}

/// kanbao's peak memory on `path` after a search of every edition has ended.
fn peak_after_search(path: &str) -> u64 {
    let mut session = Session::spawn(support::command(&[path]), COLS, ROWS);
    session.wait_until("the first frame", kanbao_ready);
    session.send("&军运会\r");
    session.wait_until("the search to end", |screen| {
        let text = screen.contents();
        text.contains("editions searched") || text.contains("stopped at")
    });
    let peak = peak_kib(session.pid());
    session.send("q");
    session.send("q");
    session.wait_exit();
    peak
}

fn peak_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("/proc status");
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|kib| kib.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM in /proc status")
}

fn open_year(year: &Path) -> (ArchiveState, App, Terminal<TestBackend>) {
    let mut archive = Archive::open(year, LoadOptions::default())
        .expect("the year lists")
        .expect("the year is an archive");
    let edition = archive.load(0).expect("the first day opens");
    let app = App::new(edition, AmbiguousWidth::Narrow, COLS, ROWS);
    let terminal = Terminal::new(TestBackend::new(COLS, ROWS)).expect("a test terminal");
    (ArchiveState::new(archive, 0), app, terminal)
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App, state: &ArchiveState) {
    terminal
        .draw(|frame| {
            ui::draw(frame, app);
            ui::draw_archive(frame, app, state);
        })
        .expect("a frame");
}

/// Moving to the next edition: each a new one, read from disk, laid out and drawn.
fn next_edition(year: &Path) {
    let (mut state, mut app, mut terminal) = open_year(year);
    draw(&mut terminal, &app, &state);
    let mut times: Vec<Duration> = (0..MOVES)
        .map(|_| {
            let started = Instant::now();
            state.update(ArchiveAction::NextEdition, &mut app);
            draw(&mut terminal, &app, &state);
            started.elapsed()
        })
        .collect();
    times.sort();
    let files = editions_of_files(&state.archive().entries()[state.current()].path);
    println!(
        "\nnext edition ( ) ), update and frame, {MOVES} moves: median {}, min {}, max {} \
         (budget 50 ms; this edition {files} files)",
        millis(times[MOVES / 2]),
        millis(times[0]),
        millis(times[MOVES - 1]),
    );
}

/// Searches of every edition in `folder` (`what`), `runs` times each, with `index` if any:
/// the first results, and the end.
fn search_archive(
    folder: &Path,
    what: &str,
    runs: usize,
    budgets: &str,
    index: Option<&ArchiveIndex>,
) {
    let archive = Archive::open(folder, LoadOptions::default())
        .expect("the archive lists")
        .expect("the folder is an archive");
    println!(
        "\nsearch of {what} ({} editions) on {} threads, {runs} runs: first results / all",
        archive.len(),
        scan_threads()
    );
    for query in ["军运会", "数字化转型", "没有这样的字符串"] {
        let (mut firsts, mut totals, mut hits) = (Vec::new(), Vec::new(), 0);
        for _ in 0..runs {
            let mut search = ArchiveSearch::start_indexed(
                archive.shared_entries(),
                archive.options(),
                query.to_owned(),
                scan_threads(),
                index.and_then(ArchiveIndex::snapshot),
            );
            search.wait();
            let (first, total) = search.timings();
            firsts.extend(first);
            totals.push(total.expect("the search ended"));
            hits = search.hits().len();
        }
        firsts.sort();
        totals.sort();
        let left = (index.and_then(ArchiveIndex::snapshot))
            .and_then(|snapshot| snapshot.may_hold(query))
            .map_or(String::new(), |may| {
                let left = may.iter().filter(|&&may| may).count();
                format!(" ({left} editions left to read)")
            });
        let first = firsts
            .get(firsts.len() / 2)
            .map_or("none".to_owned(), |first| millis(*first));
        println!(
            "{query:<18} {hits:>5} matches: first {first:>10}, all {:>10} (budgets {budgets}){left}",
            millis(totals[runs / 2])
        );
    }
}

/// Builds the index of the ten years in `cache`, then updates it with nothing changed and
/// with one edition added: the times, and the index's size.
fn index_ten_years(root: &Path, cache: &Path) -> ArchiveIndex {
    let archive = Archive::open(root, LoadOptions::default())
        .expect("the ten years list")
        .expect("an archive");
    let folder = index_folder(cache, root);
    let build = |archive: &Archive| {
        let started = Instant::now();
        let (index, stats) = ArchiveIndex::build(
            &folder,
            archive.root(),
            archive.shared_entries(),
            archive.options(),
            scan_threads(),
            &mut |_, _| {},
        )
        .expect("the index builds");
        (index, stats, started.elapsed())
    };
    println!(
        "\nindex of the ten years ({} editions), {} threads reading, load {}",
        archive.len(),
        scan_threads(),
        load_average()
    );
    let (_, stats, built) = build(&archive);
    println!(
        "built: {} editions in {:.1} s; {:.0} MiB on disk",
        stats.indexed,
        built.as_secs_f64(),
        folder_size(&folder) as f64 / f64::from(1 << 20)
    );
    let (_, stats, updated) = build(&archive);
    println!(
        "updated, nothing changed: {} editions checked in {}",
        stats.unchanged,
        millis(updated)
    );
    // One more day, a copy of the first: the archive as it is when a new edition comes.
    let (first, last) = (
        &archive.entries()[0].path,
        &archive.entries()[archive.len() - 1],
    );
    let next_day = format!("{}1231", FIRST_YEAR + YEARS);
    let added = root
        .join((FIRST_YEAR + YEARS).to_string())
        .join(&next_day[..6])
        .join(&next_day);
    std::fs::create_dir_all(&added).expect("a new edition folder");
    for entry in std::fs::read_dir(first).expect("the first edition lists") {
        let entry = entry.expect("an entry");
        std::fs::copy(entry.path(), added.join(entry.file_name())).expect("copy a file");
    }
    let archive = Archive::open(root, LoadOptions::default())
        .expect("the ten years list")
        .expect("an archive");
    let (index, stats, updated) = build(&archive);
    println!(
        "updated, one edition added after {}: {} indexed, {} unchanged, in {}",
        last.date,
        stats.indexed,
        stats.unchanged,
        millis(updated)
    );
    std::fs::remove_dir_all(&added).expect("the added edition removed");
    let archive = Archive::open(root, LoadOptions::default())
        .expect("the ten years list")
        .expect("an archive");
    let (index_now, stats, _) = build(&archive);
    assert_eq!(stats.removed, 1, "the added edition is deleted again");
    drop(index);
    index_now
}

fn folder_size(folder: &Path) -> u64 {
    std::fs::read_dir(folder).map_or(0, |entries| {
        entries
            .flatten()
            .map(|entry| match entry.file_type() {
                Ok(kind) if kind.is_dir() => folder_size(&entry.path()),
                _ => entry.metadata().map_or(0, |meta| meta.len()),
            })
            .sum()
    })
}

fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg").map_or_else(
        |_| "unknown".into(),
        |text| {
            text.split_whitespace()
                .take(3)
                .collect::<Vec<_>>()
                .join(" ")
        },
    )
}

fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}
