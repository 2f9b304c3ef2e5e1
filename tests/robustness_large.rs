//! Very large pages: a 50 MB file of many pages, a single 10 MB line, a page of 100,000
//! short lines. Each loads with every character in order, in memory bounded by a small
//! multiple of its size.
//!
//! Peak memory is the kernel's high-water mark for the kanbao process (`ru_maxrss`), as GNU
//! time reports it; these tests are a binary of their own and run one at a time, so that
//! their own work does not slow each other's kanbao.
#![cfg(target_os = "linux")]

mod support;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::sync::{Mutex, MutexGuard};

use serde_json::Value;
use support::cli::{KANBAO, Scratch, inner_page_body, json, stdout};

/// Size of the large file of many pages.
const LARGE_FILE_BYTES: usize = 50_000_000;
/// Length of the single-line page.
const LONG_LINE_BYTES: usize = 10_000_000;
/// Lines in the page of short lines.
const SHORT_LINES: usize = 100_000;
/// Articles on each page of the large file.
const ARTICLES_PER_PAGE: usize = 3;

/// Most memory a load may hold, per byte of text: the text itself, its model and what
/// printing it takes. Small stories cost most (the large file's are 200 bytes each) and
/// measure about five bytes a byte; a copy per page or a table per line would break it.
const MEMORY_PER_TEXT_BYTE: u64 = 6;
/// Memory a load of almost nothing holds: the program, its libraries and stacks.
const BASE_MEMORY: u64 = 16 << 20;
/// GNU time, which reports the peak memory of the command it runs.
const TIME: &str = "/usr/bin/time";

/// Taken by each test for its whole run: a test preparing its page or checking its output
/// holds memory that would count against another's kanbao.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Waits until no other test of this file runs; the others wait while the guard lives.
fn one_at_a_time() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A finished run and the most memory it held.
struct Measured {
    output: Output,
    /// Peak resident memory in bytes.
    peak_memory: u64,
}

/// Runs `kanbao` with `args` to completion, its output going to files in `scratch`, under
/// GNU time, which reports kanbao's peak alone. A process spawned straight from this test
/// would start its high-water mark at what this process holds, which varies with what the
/// tests before it freed; time forks kanbao from a process of its own, a few hundred KB.
fn run_measured(args: &[&str], scratch: &Scratch) -> Measured {
    let out_path = scratch.path("stdout");
    let err_path = scratch.path("stderr");
    let rss_path = scratch.path("peak");
    let create = |path: &Path| File::create(path).expect("an output file");
    let status = Command::new(TIME)
        .args(["--format=%M", "--output"])
        .arg(&rss_path)
        .arg(KANBAO)
        .args(args)
        .stdin(Stdio::null())
        .stdout(create(&out_path))
        .stderr(create(&err_path))
        .status()
        .unwrap_or_else(|error| panic!("{TIME} runs kanbao (apt-get install time): {error}"));
    let read = |path: &Path| std::fs::read(path).expect("an output file");
    let report = String::from_utf8(read(&rss_path)).expect("time's report");
    let max_rss_kilobytes: u64 = (report.lines().last())
        .and_then(|line| line.trim().parse().ok())
        .unwrap_or_else(|| panic!("time's report holds the peak: {report:?}"));
    Measured {
        output: Output {
            status,
            stdout: read(&out_path),
            stderr: read(&err_path),
        },
        peak_memory: max_rss_kilobytes * 1024,
    }
}

/// Asserts the run succeeded within the memory allowed for `text_bytes` of text.
fn assert_memory_bounded(measured: &Measured, text_bytes: u64) {
    assert!(measured.output.status.success(), "{:?}", measured.output);
    let allowed = BASE_MEMORY + MEMORY_PER_TEXT_BYTE * text_bytes;
    let peak = measured.peak_memory;
    assert!(
        peak <= allowed,
        "peak memory {} MiB for {} MiB of text (at most {} MiB)",
        peak >> 20,
        text_bytes >> 20,
        allowed >> 20
    );
}

/// Writes the text `write` produces to `name` in `scratch`, a piece at a time, and returns
/// its path and size.
fn write_page(
    scratch: &Scratch,
    name: &str,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> (String, u64) {
    let path = scratch.path(name);
    let mut file = BufWriter::new(File::create(&path).expect("a page file"));
    write(&mut file).expect("the page is written");
    file.flush().expect("the page is written");
    let size = std::fs::metadata(&path).expect("the page file").len();
    (path.to_str().expect("a UTF-8 path").to_owned(), size)
}

/// Every block's text in reading order, joined.
fn body_text(edition: &Value) -> String {
    edition["pages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|page| page["articles"].as_array().unwrap())
        .flat_map(|article| article["blocks"].as_array().unwrap())
        .map(|block| block["text"].as_str().unwrap())
        .collect()
}

#[test]
fn a_fifty_megabyte_file_of_many_pages_loads_every_article_in_bounded_memory() {
    let _alone = one_at_a_time();
    let scratch = Scratch::new("large_file");
    let body = inner_page_body();
    let mut count = 0;
    let (page, size) = write_page(&scratch, "edition.txt", |out| {
        let mut written = 0;
        while written < LARGE_FILE_BYTES {
            count += 1;
            let page = format!("第{count}版\n{body}\n");
            out.write_all(page.as_bytes())?;
            written += page.len();
        }
        Ok(())
    });
    let measured = run_measured(&[&page, "--toc"], &scratch);
    assert_memory_bounded(&measured, size);
    let toc = stdout(&measured.output);
    let articles = toc.lines().filter(|line| line.contains('版')).count();
    assert_eq!(articles, count * ARTICLES_PER_PAGE);
    let last = format!("{count}-{ARTICLES_PER_PAGE}");
    assert!(toc.contains(&format!(" {last} ")), "no article {last}");
}

#[test]
fn a_ten_megabyte_single_line_loads_as_one_paragraph_with_all_its_text() {
    let _alone = one_at_a_time();
    let scratch = Scratch::new("long_line");
    let sentence = "市里召开会议，部署下半年工作。";
    let repeats = LONG_LINE_BYTES / sentence.len();
    let (page, size) = write_page(&scratch, "line.txt", |out| {
        (0..repeats).try_for_each(|_| out.write_all(sentence.as_bytes()))
    });
    let measured = run_measured(&[&page, "--json"], &scratch);
    assert_memory_bounded(&measured, size);
    let edition = json(&measured.output);
    let articles = edition["pages"][0]["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0]["blocks"].as_array().unwrap().len(), 1);
    assert!(
        body_text(&edition) == sentence.repeat(repeats),
        "text lost from the long line"
    );
}

#[test]
fn a_page_of_a_hundred_thousand_short_lines_keeps_every_line_in_order() {
    let _alone = one_at_a_time();
    let scratch = Scratch::new("short_lines");
    let line = |n: usize| format!("第{n}行短句。");
    let (page, size) = write_page(&scratch, "lines.txt", |out| {
        (0..SHORT_LINES).try_for_each(|n| writeln!(out, "{}", line(n)))
    });
    let measured = run_measured(&[&page, "--json"], &scratch);
    assert_memory_bounded(&measured, size);
    let expected: String = (0..SHORT_LINES).map(line).collect();
    assert!(
        body_text(&json(&measured.output)) == expected,
        "lines lost or reordered"
    );
}
