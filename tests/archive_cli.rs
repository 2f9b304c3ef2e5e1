//! An archive on the command line: its list of editions with --toc and --json, an edition
//! picked with --date (or the newest, named on stderr when printed), and the errors a
//! person meets.

mod support;

use support::archive::{EDITIONS, mixed};
use support::cli::{assert_fails_naming, json, run, run_on, stdout};

fn arg(path: &std::path::Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

#[test]
fn json_lists_every_edition_with_counts_and_the_broken_one_with_its_error() {
    let archive = mixed("archive_json", true);
    let listing = json(&run_on(archive.root(), &["--json"]));
    assert_eq!(listing["archive"], arg(archive.root()));
    let editions = listing["editions"].as_array().unwrap();
    let dates: Vec<&str> = editions
        .iter()
        .map(|e| e["date"].as_str().unwrap())
        .collect();
    assert_eq!(
        dates,
        [
            "2019-10-04",
            "2019-10-10",
            "2019-10-19",
            "2026-06-05",
            "2026-06-09"
        ]
    );
    for edition in [&editions[0], &editions[2], &editions[3], &editions[4]] {
        assert!(edition["pages"].as_u64().unwrap() >= 4, "{edition}");
        assert!(edition["articles"].as_u64().unwrap() >= 10, "{edition}");
        assert!(edition.get("error").is_none(), "{edition}");
    }
    assert!(
        editions[2]["path"]
            .as_str()
            .unwrap()
            .ends_with("2019/10/20191019")
    );
    let broken = &editions[1];
    let error = broken["error"].as_str().unwrap();
    assert!(
        error.contains("20191010-01-01.txt") && error.contains("not a text file"),
        "{error}"
    );
    assert!(broken.get("pages").is_none());
}

#[test]
fn toc_lists_one_line_an_edition() {
    let archive = mixed("archive_toc", true);
    let toc = stdout(&run_on(archive.root(), &["--toc"]));
    let lines: Vec<&str> = toc.lines().collect();
    assert_eq!(lines.len(), 6, "{toc}");
    assert!(lines[0].ends_with("5 editions, 1 broken"), "{toc}");
    assert!(
        lines[1].starts_with("2019-10-04") && lines[1].contains("articles"),
        "{toc}"
    );
    assert!(lines[2].starts_with("2019-10-10  broken: "), "{toc}");
}

#[test]
fn the_listing_speaks_the_language_asked_for() {
    let archive = mixed("archive_toc_zh", true);
    let toc = stdout(&run_on(archive.root(), &["--toc", "--lang", "zh"]));
    let lines: Vec<&str> = toc.lines().collect();
    assert_eq!(lines.len(), 6, "{toc}");
    assert!(lines[0].ends_with("：5 期，1 期打不开"), "{toc}");
    assert!(
        lines[1].starts_with("2019-10-04")
            && lines[1].contains(" 版 ")
            && lines[1].contains(" 篇 "),
        "{toc}"
    );
    assert!(lines[2].starts_with("2019-10-10  打不开："), "{toc}");
    // The same editions and folders as the English listing, in the same order.
    let english = stdout(&run_on(archive.root(), &["--toc", "--lang", "en"]));
    let dates = |listing: &str| -> Vec<String> {
        (listing.lines().skip(1))
            .map(|line| line.split("  ").next().unwrap_or_default().to_owned())
            .collect()
    };
    assert_eq!(dates(&toc), dates(&english));
}

#[test]
fn the_newest_edition_opens_unless_a_date_is_given() {
    let archive = mixed("archive_date", false);
    let newest = json(&run_on(archive.root(), &["--date", "2026-06-09", "--json"]));
    assert_eq!(newest["date"], "2026-06-09");
    let output = run_on(archive.root(), &["--dump"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr,
        "kanbao: the edition of 2026-06-09, the newest of 4 (--date picks another)\n"
    );
    let dumped = stdout(&output);
    let expected = stdout(&run(&[
        &format!("{EDITIONS}/zgqxb-2026-06/20260609"),
        "--dump",
    ]));
    assert_eq!(
        dumped, expected,
        "plain kanbao ARCHIVE is not the newest edition"
    );

    let picked = json(&run_on(archive.root(), &["--date", "2019-10-19", "--json"]));
    assert_eq!(picked["date"], "2019-10-19");
    let headline = &picked["pages"][0]["articles"][0]["headline"];
    assert!(
        headline.as_str().unwrap().contains("习近平集体会见"),
        "{headline}"
    );
    let toc = stdout(&run_on(archive.root(), &["--date", "2019-10-04", "--toc"]));
    assert!(toc.starts_with("2019-10-04\n第一版"), "{toc}");
}

#[test]
fn a_missing_date_names_the_nearest_editions() {
    let archive = mixed("archive_missing", false);
    let stderr = assert_fails_naming(
        &run_on(archive.root(), &["--date", "2020-01-01"]),
        "2020-01-01",
    );
    assert!(
        stderr.contains("nearest: 2019-10-19, 2026-06-05"),
        "{stderr}"
    );
    let stderr = assert_fails_naming(&run_on(archive.root(), &["--date", "2030-01-01"]), "2030");
    assert!(
        stderr.trim_end().ends_with("nearest: 2026-06-09"),
        "{stderr}"
    );
}

#[test]
fn a_broken_edition_asked_for_says_why_and_the_others_still_open() {
    let archive = mixed("archive_broken", true);
    let stderr = assert_fails_naming(
        &run_on(archive.root(), &["--date", "2019-10-10", "--toc"]),
        "20191010-01-01.txt",
    );
    assert!(stderr.contains("2019-10-10 does not open"), "{stderr}");
    for date in ["2019-10-04", "2019-10-19"] {
        let edition = json(&run_on(archive.root(), &["--date", date, "--json"]));
        assert_eq!(edition["date"], date);
    }
}

#[test]
fn dump_prints_the_edition_of_the_date_and_names_it() {
    let archive = mixed("archive_dump_date", false);
    let output = run_on(archive.root(), &["--dump", "--date", "2019-10-19"]);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        stderr,
        "kanbao: the edition of 2019-10-19, of 4 in the archive\n"
    );
    let expected = stdout(&run(&[
        &format!("{EDITIONS}/rmrb-2019-10/20191019"),
        "--dump",
    ]));
    assert_eq!(stdout(&output), expected);
    // A listing names its editions itself: nothing on stderr.
    let output = run_on(archive.root(), &["--toc"]);
    assert!(output.stderr.is_empty(), "{output:?}");
}

#[test]
fn a_date_is_taken_with_dashes_slashes_or_neither() {
    let archive = mixed("archive_date_forms", false);
    for form in ["2019-10-19", "20191019", "2019/10/19"] {
        let edition = json(&run_on(archive.root(), &["--date", form, "--json"]));
        assert_eq!(edition["date"], "2019-10-19", "{form}");
    }
    for form in [
        "2019/10-19",
        "2019-1019",
        "2019.10.19",
        "191019",
        "2019/02/30",
    ] {
        let output = run_on(archive.root(), &["--date", form]);
        assert_eq!(output.status.code(), Some(2), "{form}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains("expected a day as YYYY-MM-DD, YYYYMMDD or YYYY/MM/DD"),
            "{form}: {stderr}"
        );
    }
}

#[test]
fn dates_are_checked_and_need_an_archive() {
    let archive = mixed("archive_bad_date", false);
    let output = run_on(archive.root(), &["--date", "2019-02-30"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("expected a day as YYYY-MM-DD"), "{stderr}");
    let edition = format!("{EDITIONS}/rmrb-2019-10/20191004");
    let stderr = assert_fails_naming(&run(&[&edition, "--date", "2019-10-04"]), "20191004");
    assert!(stderr.contains("is not one"), "{stderr}");
}

#[test]
fn index_builds_the_archives_index_in_the_cache_and_then_only_updates_it() {
    let archive = mixed("archive_index", true);
    let cache = support::cli::Scratch::new("archive_index_cache");
    let index = |path: &std::path::Path| {
        std::process::Command::new(support::cli::KANBAO)
            .args([arg(path), "--index"])
            .env("XDG_CACHE_HOME", cache.root())
            .output()
            .expect("kanbao runs")
    };
    let first = index(archive.root());
    let said = String::from_utf8_lossy(&first.stderr).into_owned();
    assert!(first.status.success(), "{said}");
    assert!(first.stdout.is_empty());
    assert!(said.contains("5 editions indexed, 0 unchanged"), "{said}");
    assert!(cache.path("kanbao/index-v1").is_dir());

    let again = index(archive.root());
    let said = String::from_utf8_lossy(&again.stderr).into_owned();
    assert!(said.contains("0 editions indexed, 5 unchanged"), "{said}");

    let edition = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/editions/rmrb-2019-10/20191004");
    let not_an_archive = index(&edition);
    assert!(!not_an_archive.status.success());
    assert!(String::from_utf8_lossy(&not_an_archive.stderr).contains("--index indexes an archive"));
}
