//! `kanbao --dump` on the command line.

use std::path::{Path, PathBuf};
use std::process::Command;

use kanbao::text::{LayoutOptions, Punctuation, dump_edition};

/// kanbao with no config file of the user's.
fn kanbao(args: &[&str]) -> std::process::Output {
    kanbao_configured(args, &scratch("none"))
}

/// kanbao reading its config from `config_home`/kanbao/config.toml.
fn kanbao_configured(args: &[&str], config_home: &Path) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env("XDG_STATE_HOME", config_home.join("state"))
        .output()
        .expect("kanbao runs")
}

/// A fresh folder for one test's config.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("dump-config")
        .join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("kanbao")).expect("make the config folder");
    dir
}

#[test]
fn the_dump_lays_punctuation_out_as_the_config_file_asks() {
    let edition = kanbao::edition::builtin();
    let with = |punctuation| {
        let options = LayoutOptions {
            punctuation,
            ..LayoutOptions::new(40)
        };
        dump_edition(&edition, &options)
    };
    let (source, full_width) = (with(Punctuation::Source), with(Punctuation::FullWidth));
    assert_ne!(
        source, full_width,
        "the page has punctuation the two differ on"
    );
    let home = scratch("source");
    std::fs::write(
        home.join("kanbao/config.toml"),
        "punctuation = \"source\"\n",
    )
    .unwrap();
    let output = kanbao_configured(&["--dump", "--width", "40"], &home);
    assert!(output.status.success());
    assert_eq!(String::from_utf8(output.stdout).unwrap(), source);
    assert_eq!(
        kanbao(&["--dump", "--width", "40"]).stdout,
        full_width.as_bytes()
    );
}

#[test]
fn a_config_file_the_dump_cannot_read_is_told_and_the_defaults_used() {
    let home = scratch("broken");
    std::fs::write(home.join("kanbao/config.toml"), "punctuation = [\n").unwrap();
    let output = kanbao_configured(&["--dump", "--width", "40"], &home);
    assert!(output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("config.toml"), "{stderr}");
    assert_eq!(output.stdout, kanbao(&["--dump", "--width", "40"]).stdout);
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
