//! Very large pages: a 50 MB file of many pages, a single 10 MB line, a page of 100,000
//! short lines. Each loads with every character in order, in memory bounded by a small
//! multiple of its size.
//!
//! Peak memory is the kernel's high-water mark for the kanbao process (`ru_maxrss`). That
//! figure also covers what the process spawning kanbao held at the time, so these tests are
//! a binary of their own, run one at a time, hold nothing large while kanbao runs, and
//! reset this process's own mark before each run.
#![cfg(target_os = "linux")]

mod support;

use std::fs::File;
use std::io::{BufWriter, Write};
use std::os::unix::process::ExitStatusExt;
use std::path::Path;
use std::process::{Command, ExitStatus, Output, Stdio};
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

/// Runs `kanbao` with `args` to completion, its output going to files in `scratch`.
fn run_measured(args: &[&str], scratch: &Scratch) -> Measured {
    reset_peak_memory();
    let out_path = scratch.path("stdout");
    let err_path = scratch.path("stderr");
    let create = |path: &Path| File::create(path).expect("an output file");
    #[expect(
        clippy::zombie_processes,
        reason = "reaped by wait4, which reports its memory"
    )]
    let child = Command::new(KANBAO)
        .args(args)
        .stdin(Stdio::null())
        .stdout(create(&out_path))
        .stderr(create(&err_path))
        .spawn()
        .expect("kanbao runs");
    let pid = libc::pid_t::try_from(child.id()).expect("a process id");
    let mut status = 0;
    // SAFETY: `rusage` is plain integers, for which all zero bytes are a valid value.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: both pointers are to live locals of the types wait4 writes. The child is
        // reaped only here: `Child` does not wait when dropped.
        let reaped = unsafe { libc::wait4(pid, &raw mut status, 0, &raw mut usage) };
        if reaped == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        assert_eq!(
            error.kind(),
            std::io::ErrorKind::Interrupted,
            "wait4: {error}"
        );
    }
    let read = |path: &Path| std::fs::read(path).expect("an output file");
    let max_rss_kilobytes = u64::try_from(usage.ru_maxrss).expect("a size");
    Measured {
        output: Output {
            status: ExitStatus::from_raw(status),
            stdout: read(&out_path),
            stderr: read(&err_path),
        },
        peak_memory: max_rss_kilobytes * 1024,
    }
}

/// Sets this process's resident-memory high-water mark to what it holds now, which a
/// process spawned from it starts its own mark with; first hands memory freed by earlier
/// tests back to the system, so that what it holds now is little.
fn reset_peak_memory() {
    // SAFETY: malloc_trim only releases free memory of the allocator's own.
    #[cfg(target_env = "gnu")]
    unsafe {
        libc::malloc_trim(0);
    }
    std::fs::write("/proc/self/clear_refs", "5").expect("the high-water mark resets");
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
