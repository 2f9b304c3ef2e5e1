//! `kanbao --dump` on the command line.

use std::process::Command;

fn kanbao(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .output()
        .expect("kanbao runs")
}

#[test]
fn dumping_an_unknown_article_names_it_and_fails() {
    let output = kanbao(&["--dump", "9-99"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("\"9-99\""));
    assert!(output.stdout.is_empty());
}

#[test]
fn a_width_narrower_than_a_chinese_character_is_refused() {
    let output = kanbao(&["--dump", "--width", "1"]);
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--width"));
}

#[test]
fn the_dump_is_the_built_in_edition_laid_out() {
    let options = kanbao::text::LayoutOptions::new(37);
    let edition = kanbao::edition::builtin();
    let expected = kanbao::text::dump_edition(&edition, &options);
    let output = kanbao(&["--dump", "--width", "37"]);
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stdout).unwrap(), expected);
}
