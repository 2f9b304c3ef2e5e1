//! `kanbao --dump --merged`: continued stories printed once, whole, with their seam.

use std::process::Command;

const FRONT_PAGE: &str = "seeds/000_5a0e4a0e642bd2cf.txt";
const PAGE_FOUR: &str = "tests/fixtures/page4.txt";
const SEAM: &str = "── 接第四版 ──";

fn kanbao(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("kanbao runs")
}

fn dump(args: &[&str]) -> String {
    let output = kanbao(args);
    assert!(output.status.success(), "{output:?}");
    String::from_utf8(output.stdout).unwrap()
}

/// Where each of `texts` first occurs in `dump`, failing unless each occurs exactly once.
fn once_each(dump: &str, texts: &[&str]) -> Vec<usize> {
    texts
        .iter()
        .map(|text| {
            assert_eq!(dump.matches(text).count(), 1, "{text:?} in:\n{dump}");
            dump.find(text).unwrap()
        })
        .collect()
}

#[test]
fn a_merged_dump_prints_each_story_once_with_a_seam_between_its_parts() {
    let out = dump(&["--dump", "--merged", FRONT_PAGE, PAGE_FOUR]);
    // The freight story: front part, seam, continued part, and the next front-page article
    // after the whole story.
    let at = once_each(
        &out,
        &[
            "从远处眺望",
            "运输能力持续增强",
            "还把当地的粮食",
            "多式联运中心的高效运转",
            "千方百计为群众办实事解难题",
        ],
    );
    assert!(at.windows(2).all(|pair| pair[0] < pair[1]), "{at:?}\n{out}");
    let seam = out[at[1]..at[2]]
        .find(SEAM)
        .expect("a seam between the parts");
    assert!(seam > 0);
    assert_eq!(out.matches(SEAM).count(), 3, "three continued stories");
    assert!(
        !out.contains("下转第四版") && !out.contains("上接第一版"),
        "{out}"
    );
    // Page 4's own articles are still there, once.
    once_each(
        &out,
        &["我市全力做好汛期安全防范工作", "青岛海水浴场迎来客流高峰"],
    );
}

#[test]
fn a_merged_dump_of_either_part_prints_the_whole_story() {
    let front = dump(&["--dump", "1-2", "--merged", FRONT_PAGE, PAGE_FOUR]);
    let continued = dump(&["--dump", "4-3", "--merged", FRONT_PAGE, PAGE_FOUR]);
    assert_eq!(front, continued);
    let at = once_each(&front, &["从远处眺望", SEAM, "还把当地的粮食"]);
    assert!(at[0] < at[1] && at[1] < at[2], "{front}");
    assert!(!front.contains("千方百计"), "only that story:\n{front}");
}

#[test]
fn merged_output_not_to_a_terminal_is_the_merged_dump_and_an_unknown_id_still_fails() {
    let piped = dump(&["--merged", FRONT_PAGE, PAGE_FOUR]);
    assert_eq!(piped, dump(&["--dump", "--merged", FRONT_PAGE, PAGE_FOUR]));
    let output = kanbao(&["--merged", "--json", FRONT_PAGE]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--json"));
    let output = kanbao(&["--dump", "9-99", "--merged"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("\"9-99\""));
}
