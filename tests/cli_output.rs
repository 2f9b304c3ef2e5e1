//! What the command line prints when things go wrong: names and arguments shown escaped, and
//! output that cannot be written reported, not lost.

mod support;

use std::process::{Command, Stdio};

use support::cli::{KANBAO, Scratch, run};

/// Characters a terminal acts on, as a hostile file name carries them: a title change, a
/// screen clear, a line break and a bidi override.
const HOSTILE_NAME: &str = "页\u{1b}]0;owned\u{7}\u{1b}[2J\n\u{202e}txt.";

/// Asserts `stderr` shows nothing a terminal would act on: no control character but the line
/// breaks between its lines, no bidi control.
fn assert_inert(stderr: &[u8]) -> String {
    let stderr = String::from_utf8(stderr.to_vec()).expect("UTF-8 stderr");
    assert!(
        !stderr
            .chars()
            .any(|c| c.is_control() && c != '\n' || ('\u{202a}'..='\u{202e}').contains(&c)),
        "{stderr:?}"
    );
    stderr
}

#[test]
fn a_hostile_missing_file_name_is_shown_escaped_on_one_line() {
    let output = run(&[&format!("{HOSTILE_NAME}.txt")]);
    assert_eq!(output.status.code(), Some(1));
    let stderr = assert_inert(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains(r"\u{1b}]0;owned\u{7}"), "{stderr}");
    assert!(stderr.contains(r"\n\u{202e}"), "{stderr}");
}

#[test]
fn hostile_names_of_empty_binary_and_saved_files_are_shown_escaped() {
    let scratch = Scratch::new("hostile-names");
    let cases: [(&str, &[u8]); 3] = [
        ("txt", b""),
        ("txt", b"\x00\x01binary\x00"),
        ("json", b"{not json"),
    ];
    for (extension, content) in cases {
        let path = scratch.write(&format!("{HOSTILE_NAME}.{extension}"), content);
        let output = run(&[path.to_str().expect("UTF-8 path")]);
        assert_eq!(output.status.code(), Some(1), "{output:?}");
        let stderr = assert_inert(&output.stderr);
        assert!(stderr.contains(r"\u{1b}[2J"), "{stderr}");
    }
    // A name met inside a folder, not typed.
    scratch.write(&format!("{HOSTILE_NAME}.txt"), b"\x00binary");
    let output = run(&[scratch.root().to_str().expect("UTF-8 path")]);
    assert!(!output.status.success());
    assert_inert(&output.stderr);
}

#[test]
fn a_hostile_argument_value_is_shown_escaped() {
    let output = run(&["--width", "8\u{202e}0\u{7}\r"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = assert_inert(&output.stderr);
    assert!(stderr.contains("--width"), "{stderr}");
}

#[test]
fn a_closed_stdout_is_an_error() {
    let closed = Command::new("sh")
        .args(["-c", r#"exec "$0" --toc >&-"#, KANBAO])
        .stderr(Stdio::piped())
        .output()
        .expect("sh runs");
    assert_eq!(closed.status.code(), Some(1), "{closed:?}");
    assert!(String::from_utf8_lossy(&closed.stderr).contains("stdout"));

    let read_only = Command::new(KANBAO)
        .arg("--toc")
        .stdout(std::fs::File::open("/dev/null").expect("open /dev/null"))
        .output()
        .expect("kanbao runs");
    assert_eq!(read_only.status.code(), Some(1), "{read_only:?}");
    assert!(String::from_utf8_lossy(&read_only.stderr).contains("stdout"));
}

#[test]
fn a_reader_closing_the_pipe_early_is_not_an_error() {
    let mut child = Command::new(KANBAO)
        .arg("--json")
        .stdout(Stdio::piped())
        .spawn()
        .expect("kanbao runs");
    drop(child.stdout.take());
    assert!(child.wait().expect("kanbao exits").success());
}

#[test]
fn line_breaks_in_a_saved_editions_names_never_split_toc_lines() {
    let edition = serde_json::json!({
        "paper": null,
        "date": null,
        "pages": [{
            "number": 1,
            "label": "第一\n版",
            "articles": [{
                "id": "1-1\n伪造",
                "column": null, "kicker": null, "subtitle": null, "byline": null,
                "headline": "标题",
                "title": "标\n题",
                "blocks": [{"kind": "paragraph", "text": "正文。"}],
                "captions": [],
                "jump_to": null,
                "jump_from": null
            }]
        }],
        "warnings": []
    });
    let scratch = Scratch::new("saved-line-breaks");
    let path = scratch.write("edition.json", edition.to_string());
    let output = run(&[path.to_str().expect("UTF-8 path"), "--toc"]);
    let toc = support::cli::stdout(&output);
    let first = toc.lines().next().expect("a toc line");
    assert!(
        first.contains("第一 版") && first.contains("1-1 伪造") && first.contains("标 题"),
        "{toc}"
    );
}

#[test]
fn stdin_named_twice_is_refused_with_a_reason() {
    let output =
        support::cli::run_with_stdin(&["-", "-", "--toc"], "第一版\n\n正文。\n".as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("more than once"), "{stderr}");
}
