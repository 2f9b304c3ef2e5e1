//! The table of contents printed by `--toc`.

use super::Edition;

/// One line per article: page, id, title (marked when inferred), jumps; then the warnings count.
pub fn toc(edition: &Edition) -> String {
    let _ = edition;
    String::new()
}
