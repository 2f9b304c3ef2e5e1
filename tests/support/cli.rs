//! Running the `kanbao` binary to completion and reading what it printed.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The binary under test.
pub const KANBAO: &str = env!("CARGO_BIN_EXE_kanbao");

/// Runs `kanbao` with `args` to completion.
pub fn run(args: &[&str]) -> Output {
    run_with_stdin(args, b"")
}

/// Runs `kanbao` with `args`, `input` on its stdin, to completion.
pub fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(KANBAO)
        .args(args)
        // Words follow the locale and the user's config: tests read them in English.
        .env("LC_ALL", "C.UTF-8")
        .env(
            "XDG_CONFIG_HOME",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-config"),
        )
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("kanbao runs");
    let mut stdin = child.stdin.take().expect("stdin");
    // kanbao may exit without reading stdin; a broken pipe here is not the test's concern.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().expect("kanbao exits")
}

/// Runs `kanbao` with `path` and `args` to completion.
pub fn run_on(path: &Path, args: &[&str]) -> Output {
    let mut all = vec![path.to_str().expect("a UTF-8 path")];
    all.extend(args);
    run(&all)
}

/// The inner page of the test fixtures without its header line: three stories.
pub fn inner_page_body() -> String {
    let page = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/02_inner.txt"),
    )
    .expect("the inner page fixture");
    let (_header, body) = page.split_once('\n').expect("a header line");
    body.to_owned()
}

/// What a successful run printed; panics with its stderr if it failed.
pub fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

/// The edition a successful `--json` run printed.
pub fn json(output: &Output) -> serde_json::Value {
    serde_json::from_str(&stdout(output)).expect("--json prints JSON")
}

/// Asserts the run failed with status 1 and a single stderr line naming `name`, without a
/// panic or partial output; returns that line.
pub fn assert_fails_naming(output: &Output, name: &str) -> String {
    assert_eq!(output.status.code(), Some(1), "{output:?}");
    let stderr = String::from_utf8(output.stderr.clone()).expect("UTF-8 stderr");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("kanbao: "), "{stderr}");
    assert!(stderr.contains(name), "{stderr} should name {name}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(output.stdout.is_empty());
    stderr
}

/// A scratch folder in the system's temporary folder, unique to this process and `test`,
/// removed with everything in it when dropped.
pub struct Scratch(PathBuf);

impl Scratch {
    /// A fresh, empty folder.
    pub fn new(test: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("kanbao-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("scratch folder");
        Self(dir)
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.0
    }

    /// The path of `name` in the folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }

    /// Writes `content` to `name` in the folder and returns its path.
    pub fn write(&self, name: &str, content: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, content).expect("write a scratch file");
        path
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
