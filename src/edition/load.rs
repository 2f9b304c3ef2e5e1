//! Loading an edition from the built-in seed, page files, folders, stdin or saved JSON.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use serde_json::error::Category;

use super::sanitize::{is_invisible, sanitize};
use super::{Edition, page_label, parse, resolve_jumps};

/// The page text of the edition built into the binary.
pub const BUILTIN_PAGE: &str = include_str!("../../seeds/000_5a0e4a0e642bd2cf.txt");

/// A file holding this share of invalid UTF-8 bytes or more is not read as text.
const MAX_INVALID_SHARE: usize = 10;

/// The built-in edition.
pub fn builtin() -> Edition {
    let mut builder = EditionBuilder::default();
    builder
        .add_text(BUILTIN_PAGE, "the built-in page")
        .expect("the built-in page has text");
    builder.finish()
}

/// Loads the edition named by `paths`; no path means the built-in edition.
///
/// Page files are read in the order given, a folder's `*.txt` files in name order, `-` from
/// stdin; a `.json` file (or JSON on stdin) is an edition saved with `--json`, loaded alone.
/// Every error names the file and fits on one line.
pub fn load(paths: &[PathBuf]) -> Result<Edition> {
    if paths.is_empty() {
        return Ok(builtin());
    }
    if let [path] = paths
        && is_json_path(path)
    {
        return load_saved(&read(path)?, &path.display().to_string());
    }
    if let Some(path) = paths.iter().find(|path| is_json_path(path)) {
        bail!(
            "{}: a saved edition (.json) is read on its own, not with other paths",
            path.display()
        );
    }
    let mut builder = EditionBuilder::default();
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).context("stdin")?;
            if paths.len() == 1 && bytes.trim_ascii_start().starts_with(b"{") {
                return load_saved(&bytes, "stdin");
            }
            builder.add_bytes(bytes, "stdin")?;
        } else if path.is_dir() {
            for file in page_files(path)? {
                builder.add_bytes(read(&file)?, &file.display().to_string())?;
            }
        } else {
            builder.add_bytes(read(path)?, &path.display().to_string())?;
        }
    }
    Ok(builder.finish())
}

fn is_json_path(path: &Path) -> bool {
    path.extension()
        .is_some_and(|extension| extension.eq_ignore_ascii_case("json"))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).with_context(|| path.display().to_string())
}

/// The page files of a folder: its `*.txt` files, sorted by name.
fn page_files(folder: &Path) -> Result<Vec<PathBuf>> {
    let context = || folder.display().to_string();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).with_context(context)? {
        let path = entry.with_context(context)?.path();
        let is_page = path
            .extension()
            .is_some_and(|extension| extension.eq_ignore_ascii_case("txt"));
        if is_page && path.is_file() {
            files.push(path);
        }
    }
    if files.is_empty() {
        bail!("{}: no page files (*.txt) in this folder", folder.display());
    }
    files.sort();
    Ok(files)
}

/// Reads an edition saved with `--json`.
fn load_saved(bytes: &[u8], name: &str) -> Result<Edition> {
    let edition: Edition =
        serde_json::from_slice(bytes).map_err(|error| match error.classify() {
            Category::Syntax | Category::Eof => anyhow!("{name}: malformed JSON: {error}"),
            Category::Data if !bytes.trim_ascii_start().starts_with(b"{") => {
                anyhow!("{name}: not an edition saved by kanbao (that is a JSON object with pages)")
            }
            Category::Data => anyhow!("{name}: not an edition saved by kanbao: {error}"),
            Category::Io => anyhow!("{name}: {error}"),
        })?;
    if edition.pages.is_empty() {
        bail!("{name}: the saved edition has no pages");
    }
    Ok(sanitize_saved(edition))
}

/// A saved edition is as untrusted as page text: its strings are cleaned the same way, so
/// escape sequences and bidi controls in a hand-made file reach no output.
fn sanitize_saved(mut edition: Edition) -> Edition {
    fn clean(text: &mut String) {
        if text
            .chars()
            .any(|c| c.is_control() && c != '\n' || is_invisible(c))
        {
            *text = sanitize(text).text;
        }
    }
    fn clean_optional(text: &mut Option<String>) {
        text.iter_mut().for_each(clean);
    }
    clean_optional(&mut edition.paper);
    clean_optional(&mut edition.date);
    edition.warnings.iter_mut().for_each(clean);
    for page in &mut edition.pages {
        clean(&mut page.label);
        clean_optional(&mut page.section);
        for article in &mut page.articles {
            clean(&mut article.id);
            clean(&mut article.title);
            for text in [
                &mut article.column,
                &mut article.kicker,
                &mut article.headline,
                &mut article.subtitle,
                &mut article.byline,
            ] {
                clean_optional(text);
            }
            article
                .blocks
                .iter_mut()
                .for_each(|block| clean(&mut block.text));
            (article.captions.iter_mut()).for_each(|caption| clean(&mut caption.text));
            // --toc prints the id a jump links to.
            for jump in [&mut article.jump_to, &mut article.jump_from]
                .into_iter()
                .flatten()
            {
                clean_optional(&mut jump.article);
            }
        }
    }
    edition
}

/// Gathers the pages of several texts into one edition, numbering header-less pages by
/// their position in what was loaded.
#[derive(Debug, Default)]
struct EditionBuilder {
    edition: Edition,
}

impl EditionBuilder {
    /// Adds the pages of a file's bytes: UTF-8 text, a few invalid bytes at most.
    fn add_bytes(&mut self, bytes: Vec<u8>, name: &str) -> Result<()> {
        if bytes.contains(&0) {
            bail!("{name}: not a text file (it contains NUL bytes)");
        }
        match String::from_utf8(bytes) {
            Ok(text) => self.add_text(&text, name),
            Err(error) => {
                let bytes = error.as_bytes();
                let invalid: usize = bytes.utf8_chunks().map(|chunk| chunk.invalid().len()).sum();
                if invalid * MAX_INVALID_SHARE >= bytes.len() {
                    bail!(
                        "{name}: not UTF-8 text ({invalid} of {} bytes are invalid)",
                        bytes.len()
                    );
                }
                let first_page = self.edition.pages.len();
                self.add_text(&String::from_utf8_lossy(bytes), name)?;
                let label = &self.edition.pages[first_page].label;
                self.edition.warnings.push(format!(
                    "{label}: replaced {invalid} invalid byte{} in {name} with U+FFFD",
                    if invalid == 1 { "" } else { "s" }
                ));
                Ok(())
            }
        }
    }

    fn add_text(&mut self, text: &str, name: &str) -> Result<()> {
        let position = u32::try_from(self.edition.pages.len() + 1).unwrap_or(u32::MAX);
        let parsed = parse(text, position);
        if parsed.pages.iter().all(|page| page.articles.is_empty()) {
            bail!("{name}: empty page (no text)");
        }
        self.edition.warnings.extend(parsed.warnings());
        self.edition.pages.extend(parsed.pages);
        Ok(())
    }

    /// The edition, with a warning for each page number that appears twice (its article
    /// ids then repeat).
    fn finish(mut self) -> Edition {
        let mut counts = BTreeMap::new();
        for page in &self.edition.pages {
            *counts.entry(page.number).or_insert(0) += 1;
        }
        for (number, count) in counts.into_iter().filter(|&(_, count)| count > 1) {
            self.edition.warnings.push(format!(
                "{}: {count} pages have this number; their article ids repeat",
                page_label(number)
            ));
        }
        resolve_jumps(&mut self.edition);
        self.edition
    }
}
