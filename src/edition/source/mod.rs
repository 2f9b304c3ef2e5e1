//! The layouts an edition's files come in, each read by a module of its own, all feeding one
//! model builder:
//!
//! - [`markdown`]: article files with YAML front matter (`title`, `author`, `theme`, …);
//! - [`crawl`]: article files whose names carry page and place (`YYYYMMDD-PP-AA.txt`) and
//!   whose first three lines are the kicker, headline and subtitle;
//! - page text: anything else, read by the page parser ([`crate::edition::parse`]);
//! - saved editions (`.json`, or JSON on stdin).
//!
//! [`decode`] turns any file's bytes into text first, and [`names`] reads what file and
//! folder names tell. [`load_inputs`] reads named byte buffers and does no I/O: the
//! file-system front end ([`crate::edition::load`]) lists and reads files and hands them here.

pub(super) mod body;
pub mod crawl;
pub mod decode;
pub mod markdown;
pub mod names;
mod saved;

use std::sync::Mutex;

use encoding_rs::Encoding;

use super::build::Builder;
use super::error::LoadError;
use super::sanitize::sanitize;
use super::{Edition, ParsedText, parse};
use names::Place;

use body::{Part, trim_layout};

/// Inputs smaller than this together are read on one core.
const PARALLEL_MIN_BYTES: usize = 1 << 20;
/// Longest line the crawl layout reads as a head (kicker, headline, subtitle).
const MAX_HEAD_CHARS: usize = 80;

/// One file of an edition: its name (the path as given, `/`-separated) and its bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The name: the path as given, or "stdin". File and folder names carry the page, the
    /// article's place and the date.
    pub name: String,
    /// The file's bytes, in any encoding kanbao reads.
    pub bytes: Vec<u8>,
}

impl Input {
    /// An input named `name` holding `bytes`.
    pub fn new(name: impl Into<String>, bytes: impl Into<Vec<u8>>) -> Self {
        Self {
            name: name.into(),
            bytes: bytes.into(),
        }
    }
}

/// How inputs are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct LoadOptions {
    /// Read every file in this encoding instead of detecting it.
    pub encoding: Option<&'static Encoding>,
}

impl LoadOptions {
    /// Options reading files in the encoding `label` names (`encoding_rs` labels: "gbk",
    /// "gb18030", "big5", "utf-16le", …).
    pub fn with_encoding(label: &str) -> Result<Self, LoadError> {
        let encoding = Encoding::for_label(label.trim().as_bytes())
            .ok_or_else(|| LoadError::UnknownEncoding(label.to_owned()))?;
        Ok(Self {
            encoding: Some(encoding),
        })
    }
}

/// The heads of an article as its file gives them.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Heads {
    /// Column banner (栏目).
    pub column: Option<String>,
    /// Kicker (引题).
    pub kicker: Option<String>,
    /// Headline (主题).
    pub headline: Option<String>,
    /// Subtitle (副题).
    pub subtitle: Option<String>,
}

/// One article file, read by its layout, before it becomes part of the model.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ArticleFile {
    /// The file's name.
    pub name: String,
    /// Its page and place, from the name.
    pub place: Option<Place>,
    /// The heads.
    pub heads: Heads,
    /// The author(s) the file names outside the body.
    pub author: Option<String>,
    /// The page's section the file names (front matter `theme`).
    pub theme: Option<String>,
    /// The paper the file names (front matter `source`).
    pub paper: Option<String>,
    /// The date the file names.
    pub date: Option<String>,
    /// The page the file's own fields name (front matter `page`), as written.
    pub page: Option<String>,
    /// The body's lines as in the file, indents and empty lines included.
    pub body: Vec<String>,
    /// The line of the file the body starts on, from 1.
    pub first_body_line: usize,
    /// Fields the model has no place for, "key: value", for the warnings.
    pub unused: Vec<String>,
}

/// What one input holds, once decoded.
#[derive(Debug)]
pub(super) enum Content {
    /// One article (or the parts of one continued story): the file without its body's
    /// lines, and the parts they make.
    Article(Box<ArticleFile>, Vec<Part>),
    /// Page text parsed as if every input before it held one page (as page files do), the
    /// text (empty when it cannot need parsing again), and the position its header-less
    /// first page was numbered with.
    PageText(Option<ParsedText>, String, u32),
    /// Nothing but white space.
    Empty,
}

/// One input, decoded and told apart by layout.
#[derive(Debug)]
pub(super) struct Read {
    pub name: String,
    pub content: Content,
    pub warnings: Vec<String>,
}

/// Loads an edition from named byte buffers: article files of either layout, page text, or
/// one saved edition. Does no I/O.
///
/// A saved edition (a `.json` name, or JSON from stdin) is read on its own. Files with no
/// text are skipped with a warning when others have text.
pub fn load_inputs(inputs: Vec<Input>, options: &LoadOptions) -> Result<Edition, LoadError> {
    if let [input] = inputs.as_slice()
        && (saved::is_saved_name(&input.name)
            || input.name == "stdin" && saved::looks_saved(&input.bytes))
    {
        return saved::load(&input.bytes, &input.name, options);
    }
    if let Some(input) = inputs
        .iter()
        .find(|input| saved::is_saved_name(&input.name))
    {
        return Err(LoadError::SavedWithOthers {
            name: input.name.clone(),
        });
    }
    let mut hidden = Vec::new();
    let inputs: Vec<Input> = (inputs.into_iter())
        .filter(|input| {
            let is_hidden = is_hidden(&input.name);
            if is_hidden {
                hidden.push(hidden_warning(&input.name));
            }
            !is_hidden
        })
        .collect();
    let total_bytes: usize = inputs.iter().map(|input| input.bytes.len()).sum();
    let keep_text = keeps_text(inputs.len());
    // Each input is taken by the worker that reads it, so its bytes go as its text comes.
    let inputs: Vec<Mutex<Option<Input>>> = inputs
        .into_iter()
        .map(|input| Mutex::new(Some(input)))
        .collect();
    let read_chunk =
        |chunk: &[Mutex<Option<Input>>], first: usize| -> Vec<Result<Read, LoadError>> {
            (chunk.iter().zip(first..))
                .map(|(input, index)| {
                    let input = input
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner)
                        .take()
                        .expect("each input is read once");
                    read_input(input, options, position(index), keep_text)
                })
                .collect()
        };
    // Threads pay for themselves on large editions only; a day's folder is read in
    // milliseconds, and a busy machine may make a thread wait longer than the work takes.
    let chunks = match total_bytes < PARALLEL_MIN_BYTES {
        true => vec![read_chunk(&inputs, 0)],
        false => super::parallel::map_chunks(&inputs, read_chunk),
    };
    let reads: Vec<Read> = chunks.into_iter().flatten().collect::<Result<_, _>>()?;
    build(reads, hidden)
}

/// Whether an input of this name is left out: a hidden file (`.x.txt`, `AppleDouble`
/// `._x.txt`) beside the edition's own.
pub(super) fn is_hidden(name: &str) -> bool {
    names::is_hidden(name) && name != "stdin"
}

/// The warning that names a hidden file left out.
pub(super) fn hidden_warning(name: &str) -> String {
    format!("{name}: a hidden file; skipped")
}

/// Whether the text of page text is kept, when there are `inputs` inputs: it is parsed as if
/// each input before it held one page, and the builder parses it again when that was wrong,
/// which a lone input never is.
pub(super) fn keeps_text(inputs: usize) -> bool {
    inputs > 1
}

/// The edition made of `reads`, in order, with `warnings` told first.
pub(super) fn build(reads: Vec<Read>, warnings: Vec<String>) -> Result<Edition, LoadError> {
    let only_one = reads.len() == 1;
    let mut builder = Builder::default();
    builder.warn(warnings);
    for read in reads {
        builder.add(read, only_one)?;
    }
    builder.finish()
}

/// Decodes an input and tells its layout: front matter, a crawl's header lines (when the
/// name carries page and place), or page text. `position` is the page its page text would
/// be if every input before it held one page.
pub(super) fn read_input(
    input: Input,
    options: &LoadOptions,
    position: u32,
    keep_text: bool,
) -> Result<Read, LoadError> {
    let name = input.name;
    let decoded =
        decode::decode(input.bytes, options.encoding).map_err(|error| LoadError::NotText {
            name: name.clone(),
            reason: error.0,
        })?;
    let mut warnings: Vec<String> = decoded.warning(&name).into_iter().collect();
    let text = decoded.text;
    if text.trim().is_empty() {
        return Ok(Read {
            name,
            content: Content::Empty,
            warnings,
        });
    }
    let place = names::article_place(&name);
    let is_article = text.starts_with("---") || place.is_some() && crawl::fits(&text);
    if !is_article {
        let parsed = parse(&text, position);
        let text = if keep_text { text } else { String::new() };
        return Ok(Read {
            name,
            content: Content::PageText(Some(parsed), text, position),
            warnings,
        });
    }
    // Article text is cleaned as page text is: no control character reaches a terminal.
    let sanitized = sanitize(&text);
    for removal in &sanitized.removed {
        warnings.push(format!(
            "{name}, line {}: removed control or invisible characters: {}",
            removal.line,
            removal.shown.join(", ")
        ));
    }
    if let Some(&line) = sanitized.composed_lines.first() {
        warnings.push(format!(
            "{name}, line {line}: composed decomposed characters (NFC) on {} lines",
            sanitized.composed_lines.len()
        ));
    }
    let text = sanitized.text;
    let is_crawl = || place.is_some() && crawl::fits(&text);
    // The body is read while the text is at hand: its lines are not copied.
    let read =
        (markdown::read_borrowed(&text).map(|(file, body)| (file, Some(body)))).or_else(|| {
            is_crawl().then(|| {
                let (heads, body) = crawl::read_borrowed(&text);
                let file = ArticleFile {
                    heads,
                    ..ArticleFile::default()
                };
                (file, body)
            })
        });
    let Some((mut file, body)) = read else {
        let text = text.into_owned();
        return Ok(Read {
            name,
            content: Content::PageText(Some(parse(&text, position)), text, position),
            warnings,
        });
    };
    // The lines before the body (a suffix of the text): as many as the line ends before it;
    // all of them when there is no body.
    let line_ends = |text: &str| memchr::memchr_iter(b'\n', text.as_bytes()).count();
    let head_lines = match body {
        Some(body) => line_ends(&text[..text.len() - body.len()]),
        None => line_ends(&text) + 1,
    };
    file.first_body_line = head_lines + 1;
    let (parts, body_warnings) = body::read(body.unwrap_or_default(), file.first_body_line, &name);
    warnings.extend(body_warnings);
    file.name.clone_from(&name);
    file.place = place;
    Ok(Read {
        name,
        content: Content::Article(Box::new(file), parts),
        warnings,
    })
}

/// The lines of `text` as `text.split('\n')` gives them, their ends found many bytes at a
/// time.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut ends = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = 0;
    std::iter::from_fn(move || {
        let end = match ends.next() {
            Some(end) => end,
            None if start <= text.len() => text.len(),
            None => return None,
        };
        let line = &text[start..end];
        start = end + 1;
        Some(line)
    })
}

/// The position, from 1, of the page after the first `pages` pages.
pub(super) fn position(pages: usize) -> u32 {
    u32::try_from(pages + 1).unwrap_or(u32::MAX)
}
