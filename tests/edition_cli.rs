//! The command line as a user runs it: --json, --toc, saved editions, and every load error.

mod support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::cli::{Scratch, assert_fails_naming, json, run, run_with_stdin, stdout};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn titles(edition: &Value) -> Vec<String> {
    edition["pages"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|page| page["articles"].as_array().unwrap())
        .map(|article| article["title"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn json_of_the_builtin_edition_has_the_front_page_stories() {
    let edition = json(&run(&["--json"]));
    assert_eq!(edition["pages"][0]["label"], "第一版");
    let articles = edition["pages"][0]["articles"].as_array().unwrap();
    assert_eq!(articles.len(), 6);
    assert_eq!(articles[3]["headline"], "入企驻厂助“环保体检”");
    assert_eq!(articles[3]["jump_to"]["page"], 4);
    assert_eq!(articles[3]["jump_to"]["article"], Value::Null);
    assert_eq!(articles[4]["blocks"][5]["kind"], "subhead");
    assert_eq!(articles[4]["captions"][2]["kind"], "photo");
    let warnings = edition["warnings"].as_array().unwrap();
    let missing_page = warnings
        .iter()
        .filter(|warning| {
            warning
                .as_str()
                .unwrap()
                .ends_with("page 4 is not in this edition; left unresolved")
        })
        .count();
    assert_eq!(
        (warnings.len(), missing_page),
        (6, 3),
        "three repairs, three jumps to page 4"
    );
}

#[test]
fn toc_lists_every_story_aligned_with_marks_and_jumps() {
    let toc = stdout(&run(&["--toc"]));
    let lines: Vec<&str> = toc.lines().collect();
    assert_eq!(lines.len(), 8, "{toc}");
    assert!(
        lines[0].starts_with("第一版  1-1  ~陆治原出席会议并讲话"),
        "{toc}"
    );
    assert!(
        lines[2].starts_with("第一版  1-3   千方百计为群众办实事解难题"),
        "{toc}"
    );
    for line in [lines[1], lines[3], lines[4]] {
        assert!(line.ends_with("→4 ?"), "{line}");
    }
    let jump_columns: Vec<usize> = [lines[1], lines[3], lines[4]]
        .iter()
        .map(|line| unicode_width::UnicodeWidthStr::width(&line[..line.find('→').unwrap()]))
        .collect();
    assert!(jump_columns.windows(2).all(|w| w[0] == w[1]), "{toc}");
    assert!(lines[6].starts_with("~ "), "{toc}");
    assert_eq!(lines[7], "6 warnings (see --json)");
}

#[test]
fn the_tables_last_lines_speak_the_language_asked_for() {
    let english = stdout(&run(&["--toc"]));
    let chinese = stdout(&run(&["--toc", "--lang", "zh"]));
    let last = |toc: &str| toc.lines().rev().take(2).collect::<Vec<_>>().join("\n");
    assert_eq!(
        last(&chinese),
        "6 条提示（见 --json）\n~ 标题取自正文：没有印出的标题"
    );
    assert!(!last(&chinese).contains("warning"), "{chinese}");
    // The table itself is the same.
    let body = |toc: &str| toc.lines().filter(|line| line.contains('版')).count();
    assert_eq!(body(&english), body(&chinese));
    assert_eq!(
        english.lines().take(6).collect::<Vec<_>>(),
        chinese.lines().take(6).collect::<Vec<_>>()
    );
}

#[test]
fn a_saved_edition_prints_the_same_json() {
    let dir = Scratch::new("edition_cli_round_trip");
    let saved = dir.path("edition.json");
    let first = stdout(&run(&[fixture("pages").to_str().unwrap(), "--json"]));
    std::fs::write(&saved, &first).unwrap();
    let second = stdout(&run(&[saved.to_str().unwrap(), "--json"]));
    assert_eq!(first, second);
    let from_stdin = stdout(&run_with_stdin(&["-", "--json"], first.as_bytes()));
    assert_eq!(first, from_stdin);
}

#[test]
fn a_folder_reads_its_page_files_in_name_order() {
    let edition = json(&run(&[fixture("pages").to_str().unwrap(), "--json"]));
    let labels: Vec<&str> = edition["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|page| page["label"].as_str().unwrap())
        .collect();
    assert_eq!(labels, ["第一版", "第四版"]);
    assert_eq!(edition["pages"][1]["section"], "要闻");
    let inner = &edition["pages"][1]["articles"];
    assert_eq!(inner[0]["jump_from"]["page"], 1);
    assert_eq!(inner[1]["headline"], "老街巷里的新生活");
    assert_eq!(inner[1]["byline"], "□本报记者 张 三");
    assert_eq!(inner[2]["jump_from"]["page"], 1);
}

#[test]
fn files_are_read_in_the_order_given_and_numbered_by_position() {
    let dir = Scratch::new("edition_cli_order");
    let plain = dir.path("plain.txt");
    std::fs::write(&plain, "没有版头的一页，正文一句话。\n").unwrap();
    let edition = json(&run(&[
        plain.to_str().unwrap(),
        fixture("epaper_page4.txt").to_str().unwrap(),
        plain.to_str().unwrap(),
        "--json",
    ]));
    let numbers: Vec<u64> = edition["pages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|page| page["number"].as_u64().unwrap())
        .collect();
    assert_eq!(numbers, [1, 4, 3]);
}

#[test]
fn page_text_reads_from_stdin() {
    let edition = json(&run_with_stdin(
        &["-", "--json"],
        "第2版\r\n\r\n市里召开会议，部署下半年工作。\r\n".as_bytes(),
    ));
    assert_eq!(edition["pages"][0]["number"], 2);
    assert_eq!(titles(&edition), ["市里召开会议，部署下半年工作。"]);
    assert_eq!(edition["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn hostile_control_text_never_reaches_the_output() {
    let output = run(&[fixture("hostile.txt").to_str().unwrap(), "--json"]);
    let text = stdout(&output);
    let edition: Value = serde_json::from_str(&text).unwrap();
    let article = &edition["pages"][0]["articles"][0];
    assert_eq!(article["headline"], "标题写在这里");
    assert_eq!(
        article["blocks"][0]["text"],
        "正文第一句话。反向文字，回车在行内。隔离结束。"
    );
    assert!(text.contains("Café au lait, résumé"));
    let warnings = edition["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("ESC ]0;owned BEL"))
    );
    let dumped = serde_json::to_string(&edition).unwrap();
    assert!(!dumped.contains(['\u{1b}', '\u{7}', '\u{8}', '\u{202e}']));
    let toc = stdout(&run(&[fixture("hostile.txt").to_str().unwrap(), "--toc"]));
    assert!(
        !toc.contains(|c: char| c.is_control() && c != '\n'),
        "{toc:?}"
    );
}

#[test]
fn a_few_invalid_bytes_load_with_a_warning() {
    let dir = Scratch::new("edition_cli_lossy");
    let page = dir.path("lossy.txt");
    let mut bytes = "市里召开会议，部署下半年工作。".repeat(5).into_bytes();
    bytes.extend([0xff, 0xfe]);
    std::fs::write(&page, bytes).unwrap();
    let edition = json(&run(&[page.to_str().unwrap(), "--json"]));
    let warnings = edition["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1);
    assert!(warnings[0].as_str().unwrap().contains("invalid byte"));
}

#[test]
fn a_missing_file_is_an_error_naming_it() {
    assert_fails_naming(&run(&["no-such-page.txt"]), "no-such-page.txt");
}

#[test]
fn a_missing_file_says_what_the_system_said_once() {
    let output = run(&["no-such-page.txt"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(stderr.matches("os error 2").count(), 1, "{stderr}");
}

#[test]
fn an_unreadable_path_is_an_error_naming_it() {
    let under_a_file = fixture("hostile.txt").join("page.txt");
    assert_fails_naming(&run(&[under_a_file.to_str().unwrap()]), "page.txt");
}

#[test]
fn a_folder_without_pages_is_an_error_naming_it() {
    let dir = Scratch::new("edition_cli_no_pages");
    std::fs::write(dir.path("readme.md"), "not a page").unwrap();
    let stderr = assert_fails_naming(&run(&[dir.root().to_str().unwrap()]), "no_pages");
    assert!(stderr.contains("no page files"), "{stderr}");
}

#[test]
fn binary_files_are_errors_naming_them_and_gbk_text_loads() {
    let dir = Scratch::new("edition_cli_not_text");
    let binary = dir.path("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let stderr = assert_fails_naming(&run(&[binary.to_str().unwrap()]), "image.txt");
    assert!(stderr.contains("not a text file"), "{stderr}");
    // What Windows editors in China save by default.
    let text = "第2版\n\n市里召开会议，部署下半年工作。会议要求各区抓好落实。\n";
    let (bytes, _, _) = encoding_rs::GBK.encode(text);
    let gbk = dir.write("gbk.txt", bytes);
    let edition = json(&run(&[gbk.to_str().unwrap(), "--json"]));
    assert_eq!(
        edition["pages"][0]["articles"][0]["blocks"][0]["text"],
        "市里召开会议，部署下半年工作。会议要求各区抓好落实。"
    );
    let warnings = edition["warnings"].to_string();
    assert!(warnings.contains("gbk.txt: read as GBK"), "{warnings}");
}

#[test]
fn empty_pages_are_errors_naming_them() {
    let dir = Scratch::new("edition_cli_empty");
    for (name, content) in [
        ("empty.txt", ""),
        ("blank.txt", " \n\u{3000}\n\n"),
        ("controls.txt", "\x1b[2J\x07\n"),
    ] {
        let page = dir.path(name);
        std::fs::write(&page, content).unwrap();
        let stderr = assert_fails_naming(&run(&[page.to_str().unwrap()]), name);
        assert!(stderr.contains("empty page"), "{stderr}");
    }
    let stderr = assert_fails_naming(&run_with_stdin(&["-"], b""), "stdin");
    assert!(stderr.contains("empty page"), "{stderr}");
}

#[test]
fn bad_json_is_an_error_naming_the_file() {
    let dir = Scratch::new("edition_cli_bad_json");
    let malformed = dir.path("broken.json");
    std::fs::write(&malformed, "{\"pages\": [").unwrap();
    let stderr = assert_fails_naming(&run(&[malformed.to_str().unwrap()]), "broken.json");
    assert!(stderr.contains("malformed JSON"), "{stderr}");
    let foreign = dir.path("package.json");
    std::fs::write(
        &foreign,
        "{\n  \"name\": \"left-pad\",\n  \"version\": \"1.3.0\"\n}\n",
    )
    .unwrap();
    let stderr = assert_fails_naming(&run(&[foreign.to_str().unwrap()]), "package.json");
    assert!(
        stderr.contains("not an edition saved by kanbao"),
        "{stderr}"
    );
}
