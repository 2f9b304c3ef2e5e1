//! Loading an edition from the built-in seed, page files, folders, stdin or saved JSON.

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use serde_json::error::Category;

use super::parallel::map_chunks;
use super::sanitize::{is_invisible, sanitize};
use super::{Edition, ParsedText, page_label, parse, resolve_jumps};

/// The page text of the edition built into the binary.
pub const BUILTIN_PAGE: &str = include_str!("../../seeds/000_5a0e4a0e642bd2cf.txt");

/// A file holding this share of invalid UTF-8 bytes or more is not read as text.
const MAX_INVALID_SHARE: usize = 10;

/// The built-in edition.
pub fn builtin() -> Edition {
    let mut builder = EditionBuilder::default();
    let read = ReadText::of(BUILTIN_PAGE.into(), "the built-in page", 1);
    builder.add_read(read.expect("the built-in page has text"));
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
    let mut sources = Vec::new();
    // A folder that cannot be listed ends the sources; its error comes after theirs.
    let mut failure = None;
    for path in paths {
        if path.as_os_str() == "-" {
            let mut bytes = Vec::new();
            std::io::stdin().read_to_end(&mut bytes).context("stdin")?;
            if paths.len() == 1 && bytes.trim_ascii_start().starts_with(b"{") {
                return load_saved(&bytes, "stdin");
            }
            sources.push(Source::Stdin(bytes));
        } else if path.is_dir() {
            match page_files(path) {
                Ok(files) => sources.extend(files.into_iter().map(Source::File)),
                Err(error) => {
                    failure = Some(error);
                    break;
                }
            }
        } else {
            sources.push(Source::File(path.clone()));
        }
    }
    let mut builder = EditionBuilder::default();
    for (source, read) in sources.iter().zip(read_all(&sources)) {
        builder.add(source, read?)?;
    }
    match failure {
        Some(error) => Err(error),
        None => Ok(builder.finish()),
    }
}

/// Where one text of an edition comes from.
enum Source {
    Stdin(Vec<u8>),
    File(PathBuf),
}

impl Source {
    /// Reads and parses the text, numbering a header-less first page `position`.
    fn read(&self, position: u32) -> Result<ReadText> {
        match self {
            Source::Stdin(bytes) => ReadText::of(bytes.clone(), "stdin", position),
            Source::File(path) => ReadText::of(read(path)?, &path.display().to_string(), position),
        }
    }
}

/// Reads and parses every source on all cores, each numbered as if every text before it
/// held one page (as page files do); results stay in the order of `sources`.
fn read_all(sources: &[Source]) -> Vec<Result<ReadText>> {
    let read_chunk = |chunk: &[Source], first: usize| -> Vec<Result<ReadText>> {
        (chunk.iter().zip(first..))
            .map(|(source, index)| source.read(position(index)))
            .collect()
    };
    map_chunks(sources, read_chunk)
        .into_iter()
        .flatten()
        .collect()
}

/// The position, from 1, of the page after the first `pages` pages.
fn position(pages: usize) -> u32 {
    u32::try_from(pages + 1).unwrap_or(u32::MAX)
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
            *text = sanitize(text).text.into_owned();
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

/// One source's text, parsed.
struct ReadText {
    parsed: ParsedText,
    name: String,
    /// The position its header-less first page was numbered with.
    position: u32,
    /// How many invalid UTF-8 bytes were replaced.
    invalid: usize,
}

impl ReadText {
    /// Parses a file's bytes: UTF-8 text, a few invalid bytes at most.
    fn of(bytes: Vec<u8>, name: &str, position: u32) -> Result<Self> {
        if bytes.contains(&0) {
            bail!("{name}: not a text file (it contains NUL bytes)");
        }
        let (parsed, invalid) = match String::from_utf8(bytes) {
            Ok(text) => (parse(&text, position), 0),
            Err(error) => {
                let bytes = error.as_bytes();
                let invalid: usize = bytes.utf8_chunks().map(|chunk| chunk.invalid().len()).sum();
                if invalid * MAX_INVALID_SHARE >= bytes.len() {
                    bail!(
                        "{name}: not UTF-8 text ({invalid} of {} bytes are invalid)",
                        bytes.len()
                    );
                }
                (parse(&String::from_utf8_lossy(bytes), position), invalid)
            }
        };
        if parsed.pages.iter().all(|page| page.articles.is_empty()) {
            bail!("{name}: empty page (no text)");
        }
        Ok(Self {
            parsed,
            name: name.to_owned(),
            position,
            invalid,
        })
    }
}

/// Gathers the pages of several texts into one edition, numbering header-less pages by
/// their position in what was loaded.
#[derive(Debug, Default)]
struct EditionBuilder {
    edition: Edition,
}

impl EditionBuilder {
    /// Adds the pages of `source`, read as `read`; a source read at the wrong position (a
    /// text before it held more or fewer pages than one) is read again at the right one.
    fn add(&mut self, source: &Source, read: ReadText) -> Result<()> {
        let position = position(self.edition.pages.len());
        let read = if read.position == position {
            read
        } else {
            source.read(position)?
        };
        self.add_read(read);
        Ok(())
    }

    fn add_read(&mut self, read: ReadText) {
        let first_page = self.edition.pages.len();
        let edition = &mut self.edition;
        if edition.paper.is_none() {
            edition.paper.clone_from(&read.parsed.paper);
        }
        if edition.date.is_none() {
            edition.date.clone_from(&read.parsed.date);
        }
        for listed in &read.parsed.page_list {
            if !edition
                .page_list
                .iter()
                .any(|known| known.number == listed.number)
            {
                edition.page_list.push(listed.clone());
            }
        }
        self.edition.warnings.extend(read.parsed.warnings());
        self.edition.pages.extend(read.parsed.pages);
        if read.invalid > 0 {
            let label = &self.edition.pages[first_page].label;
            let invalid = read.invalid;
            self.edition.warnings.push(format!(
                "{label}: replaced {invalid} invalid byte{} in {} with U+FFFD",
                if invalid == 1 { "" } else { "s" },
                read.name
            ));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder of page files under the system's temporary directory, removed when dropped.
    struct Folder(PathBuf);

    impl Drop for Folder {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    #[test]
    fn a_folder_loads_as_its_pages_parsed_one_by_one() {
        let body = "市立医院互联网医院上线半年来，已为三万余名慢性病患者提供线上复诊服务。";
        let texts = [
            BUILTIN_PAGE.to_owned(),
            format!("{body}\n\n(下转第四版)"),
            // Two pages in one file: every header-less page after it moves up one.
            format!("第2版(要闻)\n\n{body}\n\nA05版\n\n{body}"),
            format!("(上接第二版)\n\n{body}"),
            format!("{body}\u{7}"),
            body.to_owned(),
            format!("第1版\n\n{body}"),
        ];
        let folder =
            Folder(std::env::temp_dir().join(format!("kanbao-load-order-{}", std::process::id())));
        std::fs::create_dir_all(&folder.0).unwrap();
        for (index, text) in texts.iter().enumerate() {
            std::fs::write(folder.0.join(format!("{index:02}.txt")), text).unwrap();
        }

        let mut expected = EditionBuilder::default();
        for text in &texts {
            let parsed = parse(text, position(expected.edition.pages.len()));
            expected.edition.warnings.extend(parsed.warnings());
            expected.edition.pages.extend(parsed.pages);
        }
        let expected = expected.finish();
        assert!(expected.pages.len() > texts.len());
        assert!(!expected.warnings.is_empty());
        assert_eq!(load(std::slice::from_ref(&folder.0)).unwrap(), expected);
    }
}
