//! Archives built for tests in scratch folders, from copies of the fixture editions.

use std::path::Path;

use super::cli::Scratch;

/// The fixture editions' folder.
pub const EDITIONS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/editions");

/// Copies the folder `from` to `to`, with everything in it.
pub fn copy_folder(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("make a folder");
    for entry in std::fs::read_dir(from).expect("read a fixture folder") {
        let entry = entry.expect("a fixture entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("a file type").is_dir() {
            copy_folder(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy a fixture file");
        }
    }
}

/// An archive as people keep one, in three groupings: two 人民日报 editions in a month
/// folder and in year/month folders, two 中国气象报 editions at the top (one named with
/// dashes), and, when `broken`, an edition of 2019-10-10 whose one file is not text.
pub fn mixed(test: &str, broken: bool) -> Scratch {
    let scratch = Scratch::new(test);
    let root = scratch.root();
    let editions = Path::new(EDITIONS);
    copy_folder(
        &editions.join("rmrb-2019-10/20191004"),
        &root.join("2019-10/20191004"),
    );
    copy_folder(
        &editions.join("rmrb-2019-10/20191019"),
        &root.join("2019/10/20191019"),
    );
    copy_folder(
        &editions.join("zgqxb-2026-06/20260605"),
        &root.join("20260605"),
    );
    copy_folder(
        &editions.join("zgqxb-2026-06/20260609"),
        &root.join("2026-06-09"),
    );
    if broken {
        std::fs::create_dir_all(root.join("2019-10/20191010")).expect("make a folder");
        scratch.write(
            "2019-10/20191010/20191010-01-01.txt",
            [0u8, 159, 146, 150, 0, 0, 1, 2],
        );
    }
    scratch
}
