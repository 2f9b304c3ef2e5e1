use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::*;

/// A folder under the system's temp folder, removed when dropped.
pub(crate) struct TempFolder(PathBuf);

impl TempFolder {
    pub(crate) fn new(what: &str) -> Self {
        static NEXT: AtomicUsize = AtomicUsize::new(0);
        let path = std::env::temp_dir().join(format!(
            "kanbao-archive-{what}-{}-{}",
            std::process::id(),
            NEXT.fetch_add(1, Ordering::Relaxed)
        ));
        let _ = std::fs::remove_dir_all(&path);
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }

    pub(crate) fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/editions")
        .join(name)
}

fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// An archive of the four fixture editions in three layouts: a month folder, a year and
/// month folder, and an edition folder at the top; plus one broken edition.
pub(crate) fn mixed_archive() -> TempFolder {
    let folder = TempFolder::new("mixed");
    let root = folder.path();
    copy_folder(
        &fixture("rmrb-2019-10/20191004"),
        &root.join("2019-10/20191004"),
    );
    copy_folder(
        &fixture("rmrb-2019-10/20191019"),
        &root.join("2019/10/20191019"),
    );
    copy_folder(&fixture("zgqxb-2026-06/20260605"), &root.join("20260605"));
    copy_folder(&fixture("zgqxb-2026-06/20260609"), &root.join("2026-06-09"));
    // A file of bytes that are no text: the edition is broken, the others open.
    std::fs::create_dir_all(root.join("2019-10/20191010")).unwrap();
    std::fs::write(
        root.join("2019-10/20191010/20191010-01-01.txt"),
        [0u8, 159, 146, 150, 0, 0, 1, 2],
    )
    .unwrap();
    // Beside the editions: notes and hidden folders are not editions.
    std::fs::write(root.join("README.txt"), "notes").unwrap();
    std::fs::create_dir_all(root.join(".cache/20200101")).unwrap();
    folder
}

fn dates(archive: &Archive) -> Vec<&str> {
    archive.entries().iter().map(|e| e.date.as_str()).collect()
}

#[test]
fn editions_are_found_at_any_depth_and_sorted_by_date() {
    let folder = mixed_archive();
    let archive = Archive::open(folder.path(), LoadOptions::default())
        .unwrap()
        .unwrap();
    assert_eq!(
        dates(&archive),
        [
            "2019-10-04",
            "2019-10-10",
            "2019-10-19",
            "2026-06-05",
            "2026-06-09"
        ]
    );
    assert_eq!(archive.newest(), Some(4));
    assert!(archive.entries()[2].path.ends_with("2019/10/20191019"));
}

#[test]
fn an_edition_folder_is_not_an_archive() {
    let edition = fixture("zgqxb-2026-06/20260605");
    assert!(
        Archive::open(&edition, LoadOptions::default())
            .unwrap()
            .is_none()
    );
    assert!(Archive::open(Path::new("/nonexistent/kanbao"), LoadOptions::default()).is_err());
}

#[test]
fn dates_are_found_or_their_nearest_named() {
    let folder = mixed_archive();
    let archive = Archive::open(folder.path(), LoadOptions::default())
        .unwrap()
        .unwrap();
    assert_eq!(archive.find("2019-10-19"), Some(2));
    assert_eq!(archive.find("2019-10-20"), None);
    assert_eq!(archive.nearest("2019-10-20"), (Some(2), Some(3)));
    assert_eq!(archive.nearest("2000-01-01"), (None, Some(0)));
    assert_eq!(archive.nearest("2030-01-01"), (Some(4), None));
    let message = no_edition_message(&archive, "2019-10-20");
    assert!(
        message.ends_with("no edition of 2019-10-20; the nearest: 2019-10-19, 2026-06-05"),
        "{message}"
    );
}

#[test]
fn editions_load_when_asked_and_a_broken_one_says_why() {
    let folder = mixed_archive();
    let mut archive = Archive::open(folder.path(), LoadOptions::default())
        .unwrap()
        .unwrap();
    assert!((0..archive.len()).all(|index| archive.known_summary(index).is_none()));
    let edition = archive.load(0).unwrap();
    assert_eq!(edition.date.as_deref(), Some("2019-10-04"));
    assert_eq!(archive.known_summary(0), Some(&Summary::of(&edition)));
    assert!(
        archive.known_summary(3).is_none(),
        "loaded what was not asked"
    );

    let error = archive.load(1).unwrap_err();
    assert!(error.contains("20191010-01-01.txt"), "{error}");
    assert!(error.contains("not a text file"), "{error}");
    assert!(!error.contains('\n'));
    assert!(matches!(archive.summary(1), Summary::Broken(_)));

    archive.summarize_all(2);
    for index in [0, 2, 3, 4] {
        let Summary::Counts { pages, articles } = archive.summary(index).clone() else {
            panic!("edition {index} is broken");
        };
        assert!(pages > 0 && articles > 0);
    }
    // Loading again gives the same edition, from the cache or not.
    assert_eq!(archive.load(0).unwrap(), edition);
}

#[test]
fn the_listing_names_counts_and_errors() {
    let folder = mixed_archive();
    let mut archive = Archive::open(folder.path(), LoadOptions::default())
        .unwrap()
        .unwrap();
    let listing = Listing::of(&mut archive, 2);
    let json = serde_json::to_value(&listing).unwrap();
    assert_eq!(json["archive"], folder.path().display().to_string());
    let editions = json["editions"].as_array().unwrap();
    assert_eq!(editions.len(), 5);
    assert_eq!(editions[0]["date"], "2019-10-04");
    assert!(editions[0]["pages"].as_u64().unwrap() > 0);
    assert!(editions[0].get("error").is_none());
    assert!(
        editions[1]["error"]
            .as_str()
            .unwrap()
            .contains("not a text")
    );
    assert!(editions[1].get("pages").is_none());

    let mut toc = Vec::new();
    write_listing(&listing, &mut toc).unwrap();
    let toc = String::from_utf8(toc).unwrap();
    assert!(toc.contains("5 editions, 1 broken"), "{toc}");
    assert!(toc.contains("2019-10-10  broken: "), "{toc}");
}
