//! Finding the editions of an archive by their folders' names.

use std::path::Path;

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
    let top = std::fs::read_dir(root)?;
    walk(top, 1, &mut found);
    Ok(found)
}

fn walk(entries: std::fs::ReadDir, depth: usize, found: &mut Vec<EditionEntry>) {
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
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if name.starts_with('.') {
            continue;
        }
        let is_dir = match kind {
            Ok(kind) if kind.is_symlink() => entry.path().is_dir(),
            Ok(kind) => kind.is_dir(),
            Err(_) => false,
        };
        if !is_dir {
            continue;
        }
        if let Some(date) = names::date_of(name) {
            found.push(EditionEntry {
                date,
                path: entry.path(),
            });
        } else if depth < MAX_DEPTH
            && let Ok(inner) = std::fs::read_dir(entry.path())
        {
            walk(inner, depth + 1, found);
        }
    }
}
