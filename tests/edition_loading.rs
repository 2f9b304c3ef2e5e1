//! Loading as a user meets it: encodings, line ends, saved editions from stdin, stray files
//! in a folder, pages that share a number, folders of many editions, and inputs that are no
//! text at all or too large to be an edition.

mod support;

use std::process::{Command, Stdio};

use kanbao::edition::{
    self, BUILTIN_PAGE, HELPERS_AFTER_BYTES, Input, LoadOptions, Loading, load_inputs,
};
use serde_json::Value;
use support::cli::{KANBAO, Scratch, assert_fails_naming, json, run, run_on, run_with_stdin};

/// The ids of an edition printed with `--json`, in order.
fn ids(edition: &Value) -> Vec<String> {
    (edition["pages"].as_array().unwrap().iter())
        .flat_map(|page| page["articles"].as_array().unwrap())
        .map(|article| article["id"].as_str().unwrap().to_owned())
        .collect()
}

fn warnings(edition: &Value) -> String {
    edition["warnings"].to_string()
}

#[test]
fn the_builtin_page_reads_alike_with_cr_crlf_lf_or_mixed_line_ends() {
    let lf = edition::builtin();
    let crlf = BUILTIN_PAGE.replace('\n', "\r\n");
    let cr = BUILTIN_PAGE.replace('\n', "\r");
    let mixed: String = (BUILTIN_PAGE.split_inclusive('\n').enumerate())
        .map(|(index, line)| match index % 3 {
            0 => line.replace('\n', "\r"),
            1 => line.replace('\n', "\r\n"),
            _ => line.to_owned(),
        })
        .collect();
    for (form, text) in [("CRLF", crlf), ("CR", cr), ("mixed", mixed)] {
        let input = Input::new("the built-in page", text);
        let edition = load_inputs(vec![input], &LoadOptions::default()).unwrap();
        assert_eq!(edition.pages, lf.pages, "{form}");
    }
}

#[test]
fn text_in_every_encoding_loads_as_its_utf8_form_and_says_which_it_was() {
    let scratch = Scratch::new("loading_encodings");
    let text = "第2版\n\n市里召开会议，部署下半年工作。会议要求各区抓好落实。\n";
    let traditional = "第2版\n\n市裏召開會議，部署下半年工作。會議要求各區抓好落實。\n";
    let utf16le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
    let utf16be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
    let utf32le: Vec<u8> = text
        .chars()
        .flat_map(|c| u32::from(c).to_le_bytes())
        .collect();
    let cases: [(&str, &str, Vec<u8>, &str); 6] = [
        (
            "gbk.txt",
            text,
            encoding_rs::GBK.encode(text).0.into_owned(),
            "GBK",
        ),
        (
            "gb18030.txt",
            text,
            encoding_rs::GB18030.encode(text).0.into_owned(),
            "GB",
        ),
        (
            "big5.txt",
            traditional,
            encoding_rs::BIG5.encode(traditional).0.into_owned(),
            "Big5",
        ),
        ("utf16le.txt", text, utf16le, "UTF-16LE"),
        (
            "utf16be.txt",
            text,
            [&[0xFE, 0xFF][..], &utf16be].concat(),
            "UTF-16BE",
        ),
        ("utf32le.txt", text, utf32le, "UTF-32LE"),
    ];
    for (name, text, bytes, encoding) in cases {
        let page = scratch.write(name, bytes);
        let utf8 = scratch.write(&format!("{name}.utf8.txt"), text);
        let edition = json(&run_on(&page, &["--json"]));
        assert_eq!(
            edition["pages"],
            json(&run_on(&utf8, &["--json"]))["pages"],
            "{name}"
        );
        let warnings = warnings(&edition);
        assert!(
            warnings.contains(&format!("{name}: read as {encoding}")),
            "{warnings}"
        );
    }
}

#[test]
fn a_named_encoding_overrides_detection() {
    let scratch = Scratch::new("loading_named_encoding");
    let text = "第2版\n\n市裏召開會議。\n";
    let page = scratch.write("short.txt", encoding_rs::BIG5.encode(text).0);
    let edition = json(&run_on(&page, &["--encoding", "big5", "--json"]));
    let article = &edition["pages"][0]["articles"][0];
    assert_eq!(article["blocks"][0]["text"], "市裏召開會議。");
    let stderr = assert_fails_naming(&run_on(&page, &["--encoding", "klingon"]), "klingon");
    assert!(stderr.contains("unknown encoding"), "{stderr}");
}

#[test]
fn a_saved_edition_loads_from_stdin_and_in_utf16_or_with_a_mark() {
    let saved = run(&["--json"]).stdout;
    let text = String::from_utf8(saved.clone()).unwrap();
    let from_stdin = json(&run_with_stdin(&["-", "--json"], &saved));
    assert_eq!(from_stdin, json(&run(&["--json"])));
    let scratch = Scratch::new("loading_saved");
    let marked = scratch.write("marked.json", [&b"\xEF\xBB\xBF"[..], &saved].concat());
    assert_eq!(json(&run_on(&marked, &["--json"])), from_stdin);
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let wide = scratch.write("wide.json", &utf16);
    assert_eq!(json(&run_on(&wide, &["--json"])), from_stdin);
    assert_eq!(json(&run_with_stdin(&["-", "--json"], &utf16)), from_stdin);
}

#[test]
fn a_saved_edition_with_repeated_ids_is_renumbered_with_a_warning() {
    let mut edition = edition::builtin();
    let first = edition.pages[0].articles[0].clone();
    edition.pages[0].articles.push(first);
    let scratch = Scratch::new("loading_repeated_ids");
    let saved = scratch.write("repeated.json", serde_json::to_string(&edition).unwrap());
    let loaded = json(&run_on(&saved, &["--json"]));
    let ids = ids(&loaded);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    assert!(warnings(&loaded).contains("renumbered"));
}

#[test]
fn an_empty_file_and_an_apple_double_file_in_a_folder_are_skipped_with_warnings() {
    let scratch = Scratch::new("loading_stray_files");
    let page = "第1版\n\n市里召开会议，部署下半年工作。\n";
    scratch.write("01.txt", page);
    scratch.write("02.txt", "");
    // What macOS leaves beside a file copied to a foreign disk.
    scratch.write(
        "._01.txt",
        b"\x00\x05\x16\x07\x00\x02\x00\x00Mac OS X        ",
    );
    let edition = json(&run(&[scratch.root().to_str().unwrap(), "--json"]));
    assert_eq!(ids(&edition), ["1-1"]);
    let warnings = warnings(&edition);
    assert!(
        warnings.contains("02.txt") && warnings.contains("._01.txt"),
        "{warnings}"
    );
}

#[test]
fn two_pages_with_one_number_are_one_page_whose_ids_run_on() {
    let scratch = Scratch::new("loading_same_number");
    scratch.write("a.txt", "第1版\n\n市里召开会议，部署下半年工作。\n");
    scratch.write("b.txt", "第1版\n\n县里召开会议，部署下半年工作。\n");
    let edition = json(&run(&[scratch.root().to_str().unwrap(), "--json"]));
    assert_eq!(ids(&edition), ["1-1", "1-2"]);
    assert_eq!(edition["pages"].as_array().unwrap().len(), 1);
    assert!(warnings(&edition).contains("2 pages have this number"));
}

#[test]
fn a_folder_of_editions_among_other_paths_names_the_newest_to_open() {
    let archive = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/editions/rmrb-2019-10"
    );
    let page = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/page4.txt");
    let stderr = assert_fails_naming(&run(&[page, archive, "--toc"]), "rmrb-2019-10");
    assert!(stderr.contains("2 editions"), "{stderr}");
    assert!(stderr.contains("rmrb-2019-10/20191019"), "{stderr}");
    // Papers of editions, one level further down.
    let papers = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/editions");
    let stderr = assert_fails_naming(&run(&[page, papers, "--toc"]), "editions");
    assert!(stderr.contains("4 editions"), "{stderr}");
    assert!(stderr.contains("zgqxb-2026-06/20260609"), "{stderr}");
}

#[test]
fn devices_and_noise_are_refused_from_their_first_bytes() {
    for device in ["/dev/zero", "/dev/urandom"] {
        let stderr = assert_fails_naming(&run(&[device, "--toc"]), device);
        assert!(stderr.contains("not a text file"), "{stderr}");
        let output = Command::new(KANBAO)
            .args(["-", "--toc"])
            .stdin(std::fs::File::open(device).unwrap())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = assert_fails_naming(&output, "stdin");
        assert!(stderr.contains("not a text file"), "{stderr}");
    }
}

#[test]
fn reading_stops_at_the_size_limit() {
    let line = "市里召开会议，部署下半年工作。\n".repeat(1000);
    let mut child = Command::new(KANBAO)
        .args(["-", "--toc"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        use std::io::Write;
        let mut written = 0;
        while written <= edition::MAX_INPUT_BYTES {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
            written += line.len();
        }
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    let stderr = assert_fails_naming(&output, "stdin");
    assert!(stderr.contains("larger than 256 MiB"), "{stderr}");
}

#[test]
fn a_story_listed_on_two_pages_is_read_once_in_merged_reading() {
    let folder = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/editions/rmrb-2019-10/20191019"
    );
    // The first pair of files with the same text, found by the test itself.
    let mut files: Vec<_> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    let texts: Vec<String> = (files.iter())
        .map(|file| std::fs::read_to_string(file).unwrap().replace("\r\n", "\n"))
        .collect();
    let (first, second) = (0..texts.len())
        .flat_map(|a| (a + 1..texts.len()).map(move |b| (a, b)))
        .find(|&(a, b)| texts[a].trim_end() == texts[b].trim_end())
        .expect("the fixture lists a story twice");
    let headline = texts[first].lines().nth(1).unwrap().trim();
    let count = |args: &[&str]| {
        let output = support::cli::stdout(&run(&[&[folder][..], args].concat()));
        output.matches(headline).count()
    };
    assert_eq!(count(&["--dump", "--merged"]), 1);
    assert_eq!(count(&["--dump"]), 2);
    let toc = support::cli::stdout(&run(&[folder, "--toc"]));
    let marked = toc
        .lines()
        .find(|line| line.contains(headline) && line.contains('='))
        .unwrap_or_else(|| panic!("{toc}"));
    let name = files[second].file_stem().unwrap().to_str().unwrap();
    let page: u32 = name.split('-').nth(1).unwrap().parse().unwrap();
    assert!(marked.contains(&format!(" {page}-")), "{marked}");
}

/// A folder large enough that its load starts threads of its own, and helped by one more
/// thread, as the reader helps once its terminal is set up: it loads as the same bytes do
/// when no thread shares the work, every page and warning in order.
#[test]
fn a_folder_read_by_many_threads_at_once_loads_as_its_bytes_do() {
    let scratch = Scratch::new("loading_shared");
    let mut inputs = Vec::new();
    for page in 1.. {
        // Pages of the built-in page's text under other numbers, and a few files no page
        // reads alike: empty, hidden, not text.
        let text = match page % 40 {
            7 => String::new(),
            _ => BUILTIN_PAGE.replacen("第一版", &format!("第{page}版"), 1),
        };
        let name = format!("page-{page:03}.txt");
        scratch.write(&name, &text);
        inputs.push(Input::new(
            scratch.root().join(&name).to_str().unwrap(),
            text,
        ));
        if inputs.iter().map(|input| input.bytes.len()).sum::<usize>() > 3 * HELPERS_AFTER_BYTES {
            break;
        }
    }
    scratch.write("._page-001.txt", b"\x00\x05\x16\x07 Mac OS X");
    inputs.insert(
        0,
        Input::new(
            scratch.root().join("._page-001.txt").to_str().unwrap(),
            &b"\x00\x05\x16\x07 Mac OS X"[..],
        ),
    );
    let expected = load_inputs(inputs, &LoadOptions::default()).unwrap();
    let loading = Loading::new(vec![scratch.root().to_owned()], LoadOptions::default());
    let finished = std::sync::atomic::AtomicBool::new(false);
    let loaded = std::thread::scope(|scope| {
        scope.spawn(|| {
            while !finished.load(std::sync::atomic::Ordering::Relaxed) {
                loading.help();
            }
        });
        let loaded = loading.finish();
        finished.store(true, std::sync::atomic::Ordering::Relaxed);
        loaded
    });
    let loaded = loaded.unwrap();
    assert!(loaded.pages.len() > 100, "{} pages", loaded.pages.len());
    assert!(
        loaded
            .warnings
            .iter()
            .any(|warning| warning.contains("._page-001.txt"))
    );
    assert_eq!(loaded, expected);
}
