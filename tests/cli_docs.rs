//! The man page and shell completions the binary prints for packagers and users.

use std::process::Command;

fn kanbao(args: &[&str]) -> (bool, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_kanbao"))
        .args(args)
        .output()
        .expect("kanbao runs");
    let text = String::from_utf8(output.stdout).expect("UTF-8");
    (output.status.success(), text)
}

#[test]
fn man_prints_a_man_page_naming_every_option() {
    let (ok, page) = kanbao(&["--man"]);
    assert!(ok);
    assert!(page.contains(".TH kanbao 1"), "{page}");
    for option in [
        "json",
        "toc",
        "dump",
        "merged",
        "width",
        "ambiguous\\-width",
        "lang",
    ] {
        assert!(
            page.contains(&format!("\\-\\-{option}")),
            "--{option} missing"
        );
    }
}

#[test]
fn completions_print_a_script_for_each_shell() {
    for (shell, sign) in [
        ("bash", "complete -F"),
        ("zsh", "#compdef kanbao"),
        ("fish", "complete -c kanbao"),
    ] {
        let (ok, script) = kanbao(&["--completions", shell]);
        assert!(ok, "{shell}");
        assert!(script.contains(sign), "{shell}: {script}");
        assert!(script.contains("merged"), "{shell}");
    }
    let (ok, _) = kanbao(&["--completions", "tcsh"]);
    assert!(!ok, "an unknown shell is refused");
}
