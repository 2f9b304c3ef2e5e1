//! Finding the editions of an archive by their folders' names.

use std::path::{Path, PathBuf};

use super::EditionEntry;
use crate::edition::source::names;

/// How deep below the archive's folder edition folders are looked for: enough for
/// `paper/YYYY/YYYY-MM/YYYYMMDD/` and a few more levels of grouping.
pub const MAX_DEPTH: usize = 6;

/// The edition folders in `root` and below, at any depth up to [`MAX_DEPTH`]: folders
/// whose name is a date (`YYYYMMDD` or `YYYY-MM-DD`). An edition folder is not searched
/// further, nor are hidden folders. Unsorted. Only `root` itself must be readable: a
/// grouping folder that cannot be read holds no edition found here.
pub fn discover(root: &Path) -> std::io::Result<Vec<EditionEntry>> {
    let mut found = Vec::new();
    let mut groups = Vec::new();
    visit(std::fs::read_dir(root)?, 1, &mut found, &mut groups);
    if groups.is_empty() {
        return Ok(found);
    }
    // An archive of years lists thousands of folders, most of the time to open it: once the
    // first group (a year) shows as many editions, the other groups are walked on two
    // threads. Page folders (一版/, A01/) hold none, and are walked here.
    let first = groups.remove(0);
    found.extend(walk_all(vec![first]));
    if found.len() < PARALLEL_AFTER_EDITIONS || groups.len() < 2 {
        found.extend(walk_all(groups));
        return Ok(found);
    }
    let later = groups.split_off(groups.len() / 2);
    std::thread::scope(|scope| {
        let helper = scope.spawn(move || walk_all(groups));
        found.extend(walk_all(later));
        found.extend(
            helper
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        );
    });
    Ok(found)
}

/// Editions found in the first group of an archive's top folder beyond which the other
/// groups are walked on two threads: a year's worth, not a month's.
const PARALLEL_AFTER_EDITIONS: usize = 100;

/// The edition folders in each of `groups` (grouping folders and their depths) and below.
fn walk_all(groups: Vec<(PathBuf, usize)>) -> Vec<EditionEntry> {
    let mut found = Vec::new();
    for (folder, depth) in groups {
        let mut inner = Vec::new();
        if let Ok(entries) = std::fs::read_dir(&folder) {
            visit(entries, depth, &mut found, &mut inner);
        }
        found.extend(walk_all(inner));
    }
    found
}

/// Takes the edition folders among `entries` (at `depth`) into `found`, and the grouping
/// folders to look into, with their depth, into `groups`.
fn visit(
    entries: std::fs::ReadDir,
    depth: usize,
    found: &mut Vec<EditionEntry>,
    groups: &mut Vec<(PathBuf, usize)>,
) {
    for entry in entries.flatten() {
        // What an entry is comes with the listing: files, most entries, are passed over
        // before their names are copied out of it.
        let kind = entry.file_type();
        if kind
            .as_ref()
            .is_ok_and(|kind| !kind.is_dir() && !kind.is_symlink())
        {
            continue;
        }
        // The path is made once and the name read from it.
        let path = entry.path();
        let Some(name) = path.file_name().and_then(|name| name.to_str()) else {
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        let is_dir = match kind {
            Ok(kind) if kind.is_symlink() => path.is_dir(),
            Ok(kind) => kind.is_dir(),
            Err(_) => false,
        };
        if !is_dir {
            continue;
        }
        if let Some(date) = names::date_of(name) {
            found.push(EditionEntry { date, path });
        } else if depth < MAX_DEPTH {
            groups.push((path, depth + 1));
        }
    }
}
