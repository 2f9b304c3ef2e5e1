//! Searching every edition of an archive: a scan on background threads, newest edition
//! first, whose matches fill a results list as they come.

use std::ops::Range;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::sync::{Arc, OnceLock};
use std::time::{Duration, Instant};

use crate::archive::EditionEntry;
use crate::edition::{Article, Edition, Input, LoadOptions, load_inputs, load_with};
use crate::text::TextPart;

use super::super::search;
use super::index::Snapshot;

/// Test hook, in debug builds only: when this variable is set, every thread of a search
/// across editions panics, so end-to-end tests can see the reader go on without it.
#[cfg(debug_assertions)]
pub const TEST_PANIC_SEARCH_VAR: &str = "KANBAO_TEST_PANIC_SEARCH";

/// The most matches a search across editions keeps; the scan stops there.
pub const MAX_HITS: usize = 5000;
/// Chars of context shown before a match in the results list.
const BEFORE: usize = 16;
/// Chars of context shown after the start of a match.
const AFTER: usize = 48;

/// One match in the archive, with what the results list shows of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The edition's index in the archive.
    pub edition: usize,
    /// The article's position in the edition's reading order.
    pub article: usize,
    /// The piece of the article the match is in.
    pub part: TextPart,
    /// The match's offset, in chars, into that piece.
    pub start: usize,
    /// The page's label: 第一版.
    pub page: String,
    /// The article's title.
    pub title: String,
    /// The text around the match, on one line.
    pub line: String,
    /// Where the match is in `line`, in chars.
    pub hit: Range<usize>,
    /// True when `article` is the article's place in the whole edition; false when only
    /// some of the edition's files were read, and the article is found by its title.
    pub exact: bool,
}

/// The matches of `query` in `edition`, the archive's edition at `index`, in reading order.
pub fn scan_edition(edition: &Edition, index: usize, query: &str) -> Vec<Hit> {
    let articles: Vec<(&str, &Article)> = (edition.pages.iter())
        .flat_map(|page| page.articles.iter().map(|a| (page.label.as_str(), a)))
        .collect();
    let matches = search::find(articles.iter().map(|(_, article)| *article), query);
    matches
        .into_iter()
        .map(|found| {
            let (page, article) = articles[found.article];
            let text = part_text(article, found.part);
            let (line, hit) = context(text, found.start, found.len);
            Hit {
                edition: index,
                article: found.article,
                part: found.part,
                start: found.start,
                page: page.to_owned(),
                title: article.title.clone(),
                line,
                hit,
                exact: true,
            }
        })
        .collect()
}

fn part_text(article: &Article, part: TextPart) -> &str {
    let text = match part {
        TextPart::Column => article.column.as_deref(),
        TextPart::Kicker => article.kicker.as_deref(),
        TextPart::Headline => article.headline.as_deref(),
        TextPart::Subtitle => article.subtitle.as_deref(),
        TextPart::Byline => article.byline.as_deref(),
        TextPart::Block(index) => article.blocks.get(index).map(|b| b.text.as_str()),
        TextPart::Caption(index) => article.captions.get(index).map(|c| c.text.as_str()),
    };
    text.unwrap_or("")
}

/// The text around chars `start..start + len` of `text`, on one line, and where the match
/// is in it.
fn context(text: &str, start: usize, len: usize) -> (String, Range<usize>) {
    let from = start.saturating_sub(BEFORE);
    let line: String = (text.chars().skip(from).take(start - from + len.max(AFTER)))
        .map(|c| match c {
            '\n' | '\r' | '\t' => ' ',
            c => c,
        })
        .collect();
    let trimmed = line.trim_start();
    let cut = line.chars().count() - trimmed.chars().count();
    let begin = start - from - cut.min(start - from);
    (trimmed.to_owned(), begin..begin + len)
}

/// The matches of `query` in the edition in `folder`, the archive's edition at `index`.
/// With a prefilter `key`, only the files that can hold the query are parsed (an edition
/// of their articles alone), and the hits' `article` is not the article's place in the
/// whole edition; without, the whole edition is.
pub(super) fn scan(
    folder: &std::path::Path,
    index: usize,
    query: &str,
    key: Option<&Prefilter>,
    options: LoadOptions,
) -> Result<Vec<Hit>, ()> {
    if let Some(key) = key
        && let Some(files) = stripped_files(folder)
    {
        let inputs: Vec<Input> = (files.into_iter())
            .filter(|file| key.holds_file(file))
            .map(|file| Input::new(file.path.display().to_string(), file.bytes))
            .collect();
        if inputs.is_empty() {
            return Ok(Vec::new());
        }
        let mut hits = match load_inputs(inputs, &options) {
            Ok(edition) => scan_edition(&edition, index, query),
            // A file that parses on its own only with the others: read them all.
            Err(_) => return scan(folder, index, query, None, options),
        };
        for hit in &mut hits {
            hit.exact = false;
        }
        return Ok(hits);
    }
    match load_with(std::slice::from_ref(&folder.to_owned()), &options) {
        Ok(edition) => Ok(scan_edition(&edition, index, query)),
        Err(_) => Err(()),
    }
}

/// The most spellings of a stretch of the query a [`Prefilter`] looks for.
const MAX_SPELLINGS: usize = 16;

/// What every file holding a query holds once its spaces and line breaks are taken out:
/// one of the spellings of the longest stretch of the query's Chinese (no Latin letter,
/// digit or punctuation that search folds, no space) that has at most [`MAX_SPELLINGS`]
/// of them, each char written in any of the forms search finds it in (数 or 數).
#[derive(Debug)]
pub(super) struct Prefilter {
    /// The longest run of the stretch's chars that have one form, when it has two or more:
    /// one byte search rules most files out faster than the spellings' search.
    run: Option<memchr::memmem::Finder<'static>>,
    /// The spellings, looked for in one pass.
    spellings: aho_corasick::AhoCorasick,
    /// Each char of the stretch, in its forms: a file lacking one holds no spelling, and is
    /// passed over before its spaces are taken out (that costs more than these searches).
    chars: Vec<Vec<memchr::memmem::Finder<'static>>>,
}

impl Prefilter {
    /// The prefilter of `query`; `None` when it has no such char, and every edition must be
    /// read to be searched.
    pub(super) fn new(query: &str) -> Option<Self> {
        let chinese = |c: char| !c.is_ascii() && !c.is_whitespace();
        let needle: Vec<Vec<char>> = (query.chars())
            .map(|c| match search::fold(c) {
                c if chinese(c) => search::unfolded(c),
                _ => Vec::new(),
            })
            .collect();
        // The longest stretch of few enough spellings; of those, the fewest, the first.
        let mut best: Option<(usize, usize, usize)> = None;
        for start in 0..needle.len() {
            let (mut end, mut spellings) = (start, 1);
            while end < needle.len()
                && !needle[end].is_empty()
                && spellings * needle[end].len() <= MAX_SPELLINGS
            {
                spellings *= needle[end].len();
                end += 1;
            }
            let better = best.is_none_or(|(from, to, most)| {
                (end - start, std::cmp::Reverse(spellings)) > (to - from, std::cmp::Reverse(most))
            });
            if end > start && better {
                best = Some((start, end, spellings));
            }
        }
        let (start, end, _) = best?;
        let window = &needle[start..end];
        let run = (window.split(|forms| forms.len() > 1))
            .max_by_key(|run| run.len())
            .filter(|run| run.len() >= 2)
            .map(|run| {
                let run: String = run.iter().map(|forms| forms[0]).collect();
                memchr::memmem::Finder::new(run.as_bytes()).into_owned()
            });
        let mut spellings = vec![String::new()];
        for forms in &needle[start..end] {
            spellings = (spellings.iter())
                .flat_map(|spelling| forms.iter().map(move |&c| format!("{spelling}{c}")))
                .collect();
        }
        let spellings = aho_corasick::AhoCorasick::new(spellings).ok()?;
        let mut chars: Vec<&Vec<char>> = window.iter().collect();
        chars.sort();
        chars.dedup();
        // Chars of one form first: one search each.
        chars.sort_by_key(|forms| forms.len());
        let chars = (chars.into_iter())
            .map(|forms| {
                (forms.iter())
                    .map(|c| {
                        let c = c.to_string();
                        memchr::memmem::Finder::new(c.as_bytes()).into_owned()
                    })
                    .collect()
            })
            .collect();
        Some(Self {
            run,
            spellings,
            chars,
        })
    }

    /// Whether `file` may hold the query: it has every char of the stretch, and one of
    /// its spellings once spaces and line breaks are taken out.
    pub(super) fn holds_file(&self, file: &EditionFile) -> bool {
        let has = |forms: &Vec<memchr::memmem::Finder>| {
            (forms.iter()).any(|form| form.find(&file.bytes).is_some())
        };
        self.chars.iter().all(has) && self.holds(&file.stripped())
    }

    /// Whether `stripped`, a file's text without spaces and line breaks, may hold the query.
    pub(super) fn holds(&self, stripped: &[u8]) -> bool {
        (self.run.as_ref()).is_none_or(|run| run.find(stripped).is_some())
            && self.spellings.is_match(stripped)
    }
}

/// The prefilter of `query` (see [`Prefilter::new`]).
pub(super) fn prefilter_key(query: &str) -> Option<Prefilter> {
    Prefilter::new(query)
}

/// Extensions of the files an edition folder may read.
const EDITION_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown"];

/// A file an edition may read: its path and its bytes, UTF-8.
pub(super) struct EditionFile {
    path: std::path::PathBuf,
    bytes: Vec<u8>,
}

impl EditionFile {
    /// The file's text without spaces and line breaks (nor a byte order mark).
    pub(super) fn stripped(&self) -> Vec<u8> {
        let text = (self.bytes.strip_prefix(b"\xEF\xBB\xBF")).unwrap_or(&self.bytes);
        let mut stripped = Vec::with_capacity(text.len());
        strip_spaces(text, &mut stripped);
        stripped
    }
}

/// False when no file of the edition in `folder` can hold `key` (see [`stripped_files`]).
#[cfg(test)]
pub(super) fn may_hold(folder: &std::path::Path, key: &Prefilter) -> bool {
    stripped_files(folder).is_none_or(|files| files.iter().any(|file| key.holds_file(file)))
}

/// Every file the edition in `folder` (or its page folders) may read, to be looked at
/// without spaces and line breaks; `None` when one is not UTF-8 or cannot be read, and the edition
/// must be parsed whole to be searched. Parsing keeps the files' chars in order apart from
/// the line breaks and spaces it joins across and the noise it drops, so a query without
/// spaces that is in the model is in this text (a test holds every fixture edition's text
/// to it). Reading the files costs a fraction of parsing them.
pub(super) fn stripped_files(folder: &std::path::Path) -> Option<Vec<EditionFile>> {
    let mut files = Vec::new();
    let mut folders = vec![(folder.to_owned(), 0)];
    while let Some((folder, depth)) = folders.pop() {
        for entry in std::fs::read_dir(&folder).ok()?.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|kind| kind.is_dir()) {
                if depth == 0 {
                    folders.push((path, 1));
                }
                continue;
            }
            let known = path.extension().is_some_and(|extension| {
                (EDITION_EXTENSIONS.iter()).any(|known| extension.eq_ignore_ascii_case(known))
            });
            if !known {
                continue;
            }
            let bytes = std::fs::read(&path).ok()?;
            let text = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
            // Checking every file is a quarter of a scan's time: the SIMD check is faster.
            simdutf8::basic::from_utf8(text).ok()?;
            files.push(EditionFile { path, bytes });
        }
    }
    // In name order, as the edition loader reads them.
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Some(files)
}

/// `text` without ASCII spaces, tabs, line breaks and ideographic spaces (U+3000), into `out`.
fn strip_spaces(text: &[u8], out: &mut Vec<u8>) {
    out.clear();
    let mut rest = text;
    while let Some((&byte, tail)) = rest.split_first() {
        if matches!(byte, b' ' | b'\t' | b'\r' | b'\n') {
            rest = tail;
        } else if rest.starts_with("\u{3000}".as_bytes()) {
            rest = &rest[3..];
        } else {
            out.push(byte);
            rest = tail;
        }
    }
}

/// What the scan sends for each edition it has read: its index and its matches, or that it
/// would not open.
type Batch = (usize, Result<Vec<Hit>, ()>);

/// A search across the archive's editions and what it has found so far.
#[derive(Debug)]
pub struct ArchiveSearch {
    /// The text searched for.
    pub query: String,
    hits: Vec<Hit>,
    /// The hit selected in the results list.
    selected: usize,
    /// Whether the reader has moved the selection: until then it stays on the newest hit
    /// while the list fills.
    selection_chosen: bool,
    /// The hit last opened, where `n` and `N` go on from.
    opened: Option<usize>,
    /// Whether the results list is shown.
    list_open: bool,
    scanned: usize,
    broken: usize,
    total: usize,
    full: bool,
    receiver: Option<Receiver<Batch>>,
    stop: Arc<AtomicBool>,
    started: Instant,
    first_hit_after: Option<Duration>,
    finished_after: Option<Duration>,
}

impl Drop for ArchiveSearch {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

impl ArchiveSearch {
    /// Starts searching `entries` for `query` on `threads` threads, newest edition first.
    pub fn start(
        entries: Arc<[EditionEntry]>,
        options: LoadOptions,
        query: String,
        threads: usize,
    ) -> Self {
        Self::start_indexed(entries, options, query, threads, None)
    }

    /// As [`ArchiveSearch::start`], passing over the editions `index` (a snapshot of the
    /// archive's index, made for these `entries`) rules out: it finds the same.
    pub fn start_indexed(
        entries: Arc<[EditionEntry]>,
        options: LoadOptions,
        query: String,
        threads: usize,
        index: Option<Arc<Snapshot>>,
    ) -> Self {
        let stop = Arc::new(AtomicBool::new(false));
        let (sender, receiver) = mpsc::channel();
        let next = Arc::new(AtomicUsize::new(0));
        let total = entries.len();
        let key = prefilter_key(&query).map(Arc::new);
        // Which editions may hold the query, asked of the index by the first thread.
        let may_hold = Arc::new(OnceLock::new());
        for _ in 0..threads.clamp(1, total.max(1)) {
            let (entries, query, stop, next, key, index, may_hold) = (
                Arc::clone(&entries),
                query.clone(),
                Arc::clone(&stop),
                Arc::clone(&next),
                key.clone(),
                index.clone(),
                Arc::clone(&may_hold),
            );
            let sender = sender.clone();
            std::thread::spawn(move || {
                #[cfg(debug_assertions)]
                if std::env::var_os(TEST_PANIC_SEARCH_VAR).is_some() {
                    panic!("{TEST_PANIC_SEARCH_VAR} is set: the search panics, as asked");
                }
                let may_hold: &Option<Vec<bool>> = may_hold.get_or_init(|| {
                    let snapshot = index?;
                    let may = snapshot.may_hold(&query)?;
                    (may.len() == total).then_some(may)
                });
                while !stop.load(Ordering::Relaxed) {
                    let taken = next.fetch_add(1, Ordering::Relaxed);
                    let Some(index) = total.checked_sub(taken + 1) else {
                        return;
                    };
                    let batch = match may_hold {
                        Some(may) if !may[index] => Ok(Vec::new()),
                        _ => scan(&entries[index].path, index, &query, key.as_deref(), options),
                    };
                    if sender.send((index, batch)).is_err() {
                        return;
                    }
                }
            });
        }
        Self {
            query,
            hits: Vec::new(),
            selected: 0,
            selection_chosen: false,
            opened: None,
            list_open: true,
            scanned: 0,
            broken: 0,
            total,
            full: false,
            receiver: Some(receiver),
            stop,
            started: Instant::now(),
            first_hit_after: None,
            finished_after: None,
        }
    }

    /// Takes in what the scan has found; true when anything changed.
    pub fn poll(&mut self) -> bool {
        let mut changed = false;
        // Batches are taken one at a time: taking one in changes `self`.
        while let Some(receiver) = &self.receiver {
            match receiver.try_recv() {
                Ok((index, batch)) => {
                    changed = true;
                    self.scanned += 1;
                    match batch {
                        Ok(hits) => self.insert(index, hits),
                        Err(()) => self.broken += 1,
                    }
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.finish();
                    changed = true;
                    break;
                }
            }
        }
        if self.hits.len() >= MAX_HITS && self.receiver.is_some() {
            self.full = true;
            self.hits.truncate(MAX_HITS);
            self.finish();
        }
        changed
    }

    /// Waits for the scan to end, taking in everything it found.
    pub fn wait(&mut self) {
        while self.is_running() {
            self.poll();
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    fn finish(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.receiver = None;
        self.finished_after.get_or_insert(self.started.elapsed());
    }

    /// Puts the hits of the edition at `index` in their place: newest edition first. The hit
    /// opened, and the one selected once the reader has chosen one, do not change; before that
    /// the selection stays on the first row.
    fn insert(&mut self, index: usize, hits: Vec<Hit>) {
        if hits.is_empty() {
            return;
        }
        self.first_hit_after.get_or_insert(self.started.elapsed());
        let at = self.hits.partition_point(|hit| hit.edition > index);
        let count = hits.len();
        let moved = |place: usize| if place >= at { place + count } else { place };
        if self.selection_chosen {
            self.selected = moved(self.selected);
        }
        self.opened = self.opened.map(moved);
        self.hits.splice(at..at, hits);
    }

    /// Every hit so far, newest edition first, each edition's in reading order.
    pub fn hits(&self) -> &[Hit] {
        &self.hits
    }

    /// The selected hit's index in [`ArchiveSearch::hits`].
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The hit last opened.
    pub fn opened(&self) -> Option<usize> {
        self.opened
    }

    /// Whether the results list is shown.
    pub fn list_open(&self) -> bool {
        self.list_open
    }

    /// Shows or hides the results list.
    pub fn set_list_open(&mut self, open: bool) {
        self.list_open = open;
        if open && let Some(opened) = self.opened {
            self.selected = opened;
        }
    }

    /// True while editions are still being read.
    pub fn is_running(&self) -> bool {
        self.receiver.is_some()
    }

    /// Editions read so far, of how many; and how many of them would not open.
    pub fn progress(&self) -> (usize, usize, usize) {
        (self.scanned, self.total, self.broken)
    }

    /// True when the scan stopped at [`MAX_HITS`].
    pub fn is_full(&self) -> bool {
        self.full
    }

    /// How long the first match and the whole scan took, once known.
    pub fn timings(&self) -> (Option<Duration>, Option<Duration>) {
        (self.first_hit_after, self.finished_after)
    }

    /// Moves the selection by `by`, within the hits.
    pub fn select_by(&mut self, by: isize) {
        let last = self.hits.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(by).min(last);
        self.selection_chosen = true;
    }

    /// Selects the hit at `index` (clamped).
    pub fn select(&mut self, index: usize) {
        self.selected = index.min(self.hits.len().saturating_sub(1));
        self.selection_chosen = true;
    }

    /// Marks the hit at `index` opened and selected, and returns it.
    pub fn open(&mut self, index: usize) -> Option<&Hit> {
        let hit = self.hits.get(index)?;
        self.opened = Some(index);
        self.selected = index;
        self.selection_chosen = true;
        Some(hit)
    }
}

/// Threads a scan uses: the machine's, at most four.
pub fn scan_threads() -> usize {
    static THREADS: OnceLock<usize> = OnceLock::new();
    *THREADS.get_or_init(|| {
        std::thread::available_parallelism()
            .map_or(1, std::num::NonZero::get)
            .min(4)
    })
}
