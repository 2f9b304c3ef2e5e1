//! Loading what a user might hand kanbao by mistake or at scale: paths that are not plain
//! files, files no one can read, encodings that are not UTF-8, saved editions that are not
//! kanbao's. Each ends in a correct load or a one-line error naming the file, never a panic.
//! Very large pages are in `robustness_large.rs`.
//!
//! Unreadable files: the tests may run as root, which reads a file whatever its mode, so
//! "chmod 000" cannot promise an error. The permission test asserts that kanbao agrees with
//! the system (an error naming the file exactly when opening it is denied to this user), and
//! reads that fail for every user are tested on paths that fail for root too: a dangling
//! link, a folder where a file is expected, and a file whose read fails part-way.

mod support;

use std::fmt::Write as _;
use std::os::unix::fs::PermissionsExt;
use support::cli::{
    Scratch, assert_fails_naming, inner_page_body, json, run, run_on, run_with_stdin, stdout,
};

/// Articles per page of [`pages`].
const ARTICLES_PER_PAGE: usize = 3;

/// `count` pages, numbered 1 to `count`, each the inner page's three stories.
fn pages(count: usize) -> String {
    let body = inner_page_body();
    let mut text = String::new();
    for number in 1..=count {
        let _ = writeln!(text, "第{number}版\n{body}");
    }
    text
}

#[test]
fn a_dangling_link_is_an_error_naming_it() {
    let scratch = Scratch::new("dangling");
    let link = scratch.path("today.txt");
    std::os::unix::fs::symlink(scratch.path("gone.txt"), &link).unwrap();
    assert_fails_naming(&run_on(&link, &["--toc"]), "today.txt");
}

#[test]
fn a_folder_named_like_a_saved_edition_is_an_error_naming_it() {
    let scratch = Scratch::new("json_folder");
    let folder = scratch.path("edition.json");
    std::fs::create_dir(&folder).unwrap();
    assert_fails_naming(&run_on(&folder, &["--toc"]), "edition.json");
}

#[cfg(target_os = "linux")]
#[test]
fn a_read_failing_part_way_is_an_error_naming_the_file() {
    // Opening this succeeds for everyone; reading its first page of memory fails.
    let stderr = assert_fails_naming(&run(&["/proc/self/mem", "--toc"]), "/proc/self/mem");
    assert!(stderr.contains("error"), "{stderr}");
}

#[test]
fn a_file_without_read_permission_fails_exactly_when_the_system_denies_reading() {
    let scratch = Scratch::new("no_permission");
    let page = scratch.write("locked.txt", pages(1));
    std::fs::set_permissions(&page, std::fs::Permissions::from_mode(0o000)).unwrap();
    let output = run_on(&page, &["--toc"]);
    match std::fs::File::open(&page) {
        // A privileged user (root) reads it anyway; then so does kanbao, correctly.
        Ok(_) => assert_eq!(stdout(&output).lines().count(), ARTICLES_PER_PAGE + 2),
        Err(error) => {
            let stderr = assert_fails_naming(&output, "locked.txt");
            assert!(stderr.contains(&error.to_string()), "{stderr}");
        }
    }
}

#[test]
fn a_named_pipe_is_read_like_a_file() {
    // What `kanbao <(curl …)` passes: a pipe the shell writes the page into.
    let scratch = Scratch::new("fifo");
    let fifo = scratch.path("page.txt");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let writer = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::write(fifo, pages(2)).expect("write the pipe"))
    };
    let edition = json(&run_on(&fifo, &["--json"]));
    writer.join().unwrap();
    assert_eq!(edition["pages"].as_array().unwrap().len(), 2);
}

#[test]
fn a_utf16_page_loads_as_its_utf8_text_does() {
    // What Windows Notepad once saved as "Unicode".
    let scratch = Scratch::new("utf16");
    let mut bytes = vec![0xff, 0xfe];
    bytes.extend(pages(1).encode_utf16().flat_map(u16::to_le_bytes));
    let page = scratch.write("notepad.txt", bytes);
    let utf8 = scratch.write("utf8.txt", pages(1));
    let edition = json(&run_on(&page, &["--json"]));
    assert_eq!(edition["pages"], json(&run_on(&utf8, &["--json"]))["pages"]);
    let warnings = edition["warnings"].to_string();
    assert!(
        warnings.contains("notepad.txt: read as UTF-16LE"),
        "{warnings}"
    );
}

#[test]
fn saved_json_of_the_wrong_shape_is_an_error_naming_the_file() {
    let scratch = Scratch::new("wrong_shape");
    let edition = stdout(&run(&["--json"]));
    let cases = [
        ("number.json", "{\"name\": 1}".to_owned(), "not an edition"),
        ("array.json", "[]".to_owned(), "not an edition"),
        ("null.json", "null".to_owned(), "not an edition"),
        ("empty.json", String::new(), "malformed JSON"),
        (
            "truncated.json",
            edition[..edition.len() / 2].to_owned(),
            "malformed JSON",
        ),
        (
            "no_pages.json",
            "{\"paper\": null, \"date\": null, \"pages\": []}".to_owned(),
            "no pages",
        ),
        (
            "page_is_text.json",
            edition.replacen("\"number\": 1", "\"number\": \"一\"", 1),
            "not an edition",
        ),
    ];
    for (name, content, what) in cases {
        let saved = scratch.write(name, content);
        let stderr = assert_fails_naming(&run_on(&saved, &["--toc"]), name);
        assert!(stderr.contains(what), "{name}: {stderr}");
        assert!(
            !stderr.contains("struct Edition"),
            "names a Rust type: {stderr}"
        );
    }
    let stderr = assert_fails_naming(&run_with_stdin(&["-", "--toc"], b"{\"name\": 1}"), "stdin");
    assert!(stderr.contains("not an edition"), "{stderr}");
}
