//! An index of an archive's text, so that a search across many editions reads only the
//! editions that may hold the query. Never required: the search scans every edition the
//! index does not cover, and all of them without one.
//!
//! One document an edition, holding the character unigrams and bigrams of its text folded
//! as search folds it (simplified, half-width, lower case) and without spaces: the text of
//! the whole edition's model, and that of its files (the scan may read some files alone).
//! A query's bigrams (its one char, when it has one) must all be in an edition that holds
//! it, so their intersection is a superset of the editions the scan would find matches in;
//! the scan then reads only those, and finds exactly what it finds without the index.
//!
//! Kept under the XDG cache directory (`$XDG_CACHE_HOME/kanbao/index-v1/<key>/`), keyed by
//! the archive's canonical path. Each edition is stored with a fingerprint of its files'
//! names, sizes and modification times: an update (re)indexes the editions that are new or
//! whose fingerprint changed and deletes those no longer in the archive. A broken edition
//! is remembered as such and always scanned, so that the search counts it as the scan does.

use std::collections::{HashMap, HashSet};
use std::panic::AssertUnwindSafe;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, UNIX_EPOCH};

use tantivy::collector::DocSetCollector;
use tantivy::directory::MmapDirectory;
use tantivy::query::{BooleanQuery, Query, TermQuery};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STORED, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{NgramTokenizer, PreTokenizedString, TextAnalyzer, Token};
use tantivy::{Index, IndexReader, IndexWriter, ReloadPolicy, Searcher, TantivyDocument, Term};

use crate::archive::EditionEntry;
use crate::edition::{LoadOptions, load_with};

use super::super::search;
use super::search::stripped_files;

/// The index's layout: a change makes a new folder, and the old one is no longer read.
const FORMAT: &str = "index-v1";
/// The tokenizer's name in the index's schema.
const TOKENIZER: &str = "kanbao_ngram";
/// The reader builds an index of its own accord for archives of this many editions or more
/// (about three years, where a scan takes a second): below, the scan is fast enough, and an
/// index is used only when `kanbao --index` made one.
pub const READER_BUILDS_FROM: usize = 1000;
/// How often an update commits, so that a search can use what it has done so far.
const COMMIT_EVERY: Duration = Duration::from_secs(10);
/// The writer's memory, as tantivy counts it (at least 15 MB a thread).
const WRITER_MEMORY: usize = 64 << 20;

/// Why an index cannot be opened or updated. The search goes on by scanning.
#[derive(Debug, thiserror::Error)]
pub enum IndexError {
    /// No XDG cache directory (no home).
    #[error("no cache directory to keep an index in")]
    NoCacheDir,
    /// The index's folder cannot be read or written.
    #[error("index folder {0}: {1}")]
    Io(String, std::io::Error),
    /// The index itself fails.
    #[error("index: {0}")]
    Index(#[from] tantivy::TantivyError),
}

/// The fields of the index's schema.
#[derive(Debug, Clone, Copy)]
struct Fields {
    /// The edition's key: its folder's path below the archive, hashed.
    key: Field,
    /// The edition's files' fingerprint when it was indexed.
    fingerprint: Field,
    /// 1 when the edition did not load.
    broken: Field,
    /// The folded text's unigrams and bigrams.
    text: Field,
    /// The archive's path, for whoever looks in the cache; read by no one.
    archive: Field,
}

fn schema() -> (Schema, Fields) {
    let mut builder = Schema::builder();
    let key = builder.add_u64_field("key", INDEXED | FAST);
    let fingerprint = builder.add_u64_field("fingerprint", FAST);
    let broken = builder.add_u64_field("broken", FAST);
    // Which editions hold a term, no more: no positions, frequencies or norms.
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(TOKENIZER)
        .set_index_option(IndexRecordOption::Basic)
        .set_fieldnorms(false);
    let text = builder.add_text_field(
        "text",
        TextOptions::default().set_indexing_options(indexing),
    );
    let archive = builder.add_text_field("archive", STORED);
    let fields = Fields {
        key,
        fingerprint,
        broken,
        text,
        archive,
    };
    (builder.build(), fields)
}

/// The chars of `text` the index holds: folded as search folds them, spaces left out.
fn index_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .map(search::fold)
        .filter(|c| !c.is_whitespace())
}

/// The terms an edition holding `query` holds: the distinct bigrams of its folded chars, or
/// its one char; none when nothing of it is left folded (the index cannot tell).
fn query_terms(query: &str) -> Vec<String> {
    let chars: Vec<char> = index_chars(query).collect();
    let mut terms: Vec<String> = match chars.len() {
        0 => Vec::new(),
        1 => vec![chars[0].to_string()],
        _ => chars.windows(2).map(|pair| pair.iter().collect()).collect(),
    };
    terms.sort_unstable();
    terms.dedup();
    terms
}

/// 64-bit FNV-1a: the same on every machine and toolchain, as what is kept on disk must be.
#[derive(Debug, Clone, Copy)]
struct Fnv(u64);

impl Fnv {
    fn new() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }

    fn bytes(mut self, bytes: &[u8]) -> Self {
        for &byte in bytes.iter().chain([&0xff]) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self
    }

    fn number(self, number: u64) -> Self {
        self.bytes(&number.to_le_bytes())
    }
}

/// The key of the edition in `folder` of the archive in `root`: its path below the archive.
fn edition_key(root: &Path, folder: &Path) -> u64 {
    let below = folder.strip_prefix(root).unwrap_or(folder);
    Fnv::new().bytes(below.as_os_str().as_encoded_bytes()).0
}

/// A fingerprint of what the edition in `folder` reads, read as `options` say: its files'
/// and page folders' names, sizes and modification times. `None` when the folder cannot be
/// listed.
fn fingerprint(folder: &Path, options: LoadOptions) -> Option<u64> {
    let mut files = Vec::new();
    let mut folders = vec![(folder.to_owned(), 0)];
    while let Some((folder, depth)) = folders.pop() {
        for entry in std::fs::read_dir(&folder).ok()?.flatten() {
            let path = entry.path();
            // Through links, as the loader reads.
            let Ok(meta) = std::fs::metadata(&path) else {
                continue;
            };
            if meta.is_dir() && depth == 0 {
                folders.push((path.clone(), 1));
            }
            let modified = (meta.modified().ok())
                .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
                .map_or(0, |since| since.as_nanos() as u64);
            files.push((path, meta.len(), modified));
        }
    }
    files.sort_unstable();
    let mut hash = Fnv::new()
        .bytes(FORMAT.as_bytes())
        .bytes(format!("{options:?}").as_bytes());
    for (path, len, modified) in files {
        let below = path.strip_prefix(folder).unwrap_or(&path);
        hash = hash
            .bytes(below.as_os_str().as_encoded_bytes())
            .number(len)
            .number(modified);
    }
    Some(hash.0)
}

/// The folder of the index of the archive in `root` under the cache directory `cache`.
pub fn index_folder(cache: &Path, root: &Path) -> PathBuf {
    let canonical = root.canonicalize().unwrap_or_else(|_| root.to_owned());
    let key = Fnv::new().bytes(canonical.as_os_str().as_encoded_bytes()).0;
    cache
        .join("kanbao")
        .join(FORMAT)
        .join(format!("{key:016x}"))
}

/// The XDG cache directory (`$XDG_CACHE_HOME`, else `~/.cache`), if there is a home.
pub fn cache_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    Some(etcetera::choose_base_strategy().ok()?.cache_dir())
}

/// What a search may use of the index: the editions it covers as of one commit, and a
/// searcher of that commit.
pub struct Snapshot {
    searcher: Searcher,
    fields: Fields,
    /// For each of the archive's editions, whether the index holds its text as it is now.
    covered: Vec<bool>,
    /// The edition at each key.
    edition_of: Arc<HashMap<u64, usize>>,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let covered = self.covered.iter().filter(|&&covered| covered).count();
        write!(f, "Snapshot({covered} of {} covered)", self.covered.len())
    }
}

impl Snapshot {
    /// How many editions the index covers, of how many.
    pub fn coverage(&self) -> (usize, usize) {
        let covered = self.covered.iter().filter(|&&covered| covered).count();
        (covered, self.covered.len())
    }

    /// For each edition of the archive, whether it may hold `query`: all those the index
    /// does not cover, and those it covers that hold every term of the query. `None` when
    /// the index cannot tell (a query of spaces alone, or the index fails).
    pub fn may_hold(&self, query: &str) -> Option<Vec<bool>> {
        // A damaged file may make tantivy panic rather than fail: then the scan reads all.
        std::panic::catch_unwind(AssertUnwindSafe(|| self.try_may_hold(query))).ok()?
    }

    fn try_may_hold(&self, query: &str) -> Option<Vec<bool>> {
        let terms = query_terms(query);
        if terms.is_empty() {
            return None;
        }
        let queries: Vec<Box<dyn Query>> = (terms.iter())
            .map(|term| {
                let term = Term::from_field_text(self.fields.text, term);
                Box::new(TermQuery::new(term, IndexRecordOption::Basic)) as Box<dyn Query>
            })
            .collect();
        let found = self
            .searcher
            .search(&BooleanQuery::intersection(queries), &DocSetCollector)
            .ok()?;
        let mut by_segment: HashMap<u32, Vec<u32>> = HashMap::new();
        for address in found {
            by_segment
                .entry(address.segment_ord)
                .or_default()
                .push(address.doc_id);
        }
        let mut may = self
            .covered
            .iter()
            .map(|&covered| !covered)
            .collect::<Vec<_>>();
        for (segment, docs) in by_segment {
            let reader = self.searcher.segment_readers().get(segment as usize)?;
            let keys = reader.fast_fields().u64("key").ok()?;
            for doc in docs {
                let Some(edition) = keys.first(doc).and_then(|key| self.edition_of.get(&key))
                else {
                    continue;
                };
                may[*edition] = true;
            }
        }
        Some(may)
    }
}

/// What an update did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct UpdateStats {
    /// Editions indexed already, as they are.
    pub unchanged: usize,
    /// Editions (re)indexed: new, or changed since.
    pub indexed: usize,
    /// Editions no longer in the archive, deleted from the index.
    pub removed: usize,
}

/// The state a background update shares with the searches.
#[derive(Debug, Default)]
struct Shared {
    snapshot: Mutex<Option<Arc<Snapshot>>>,
    /// Editions indexed so far, and to index, in this update.
    done: AtomicUsize,
    todo: AtomicUsize,
    finished: AtomicBool,
    failed: Mutex<Option<String>>,
    /// Set when every handle is gone: the update commits what it has done, and ends.
    stop: AtomicBool,
}

/// An archive's index: a handle searches take [`Snapshot`]s from, while an update (on a
/// background thread, or [`ArchiveIndex::build`]'s) brings it up to date.
#[derive(Debug, Clone)]
pub struct ArchiveIndex {
    shared: Arc<Shared>,
    /// Held by the handles alone (not the update): the last one gone stops the update.
    _stop: Arc<StopOnDrop>,
}

/// Stops the update of `0` when dropped.
#[derive(Debug)]
struct StopOnDrop(Arc<Shared>);

impl Drop for StopOnDrop {
    fn drop(&mut self) {
        self.0.stop.store(true, Ordering::Relaxed);
    }
}

impl ArchiveIndex {
    fn new(shared: Arc<Shared>) -> Self {
        Self {
            _stop: Arc::new(StopOnDrop(Arc::clone(&shared))),
            shared,
        }
    }
}

impl ArchiveIndex {
    /// The index the reader uses for the archive of `entries` in `root`: opened and
    /// updated on a background thread, in the XDG cache directory. `None` when there is no
    /// cache directory, or the archive is small ([`READER_BUILDS_FROM`]) and has no index.
    pub fn for_reader(
        root: &Path,
        entries: Arc<[EditionEntry]>,
        options: LoadOptions,
    ) -> Option<Self> {
        let folder = index_folder(&cache_dir()?, root);
        (entries.len() >= READER_BUILDS_FROM || folder.join("meta.json").is_file())
            .then(|| Self::start(folder, root, entries, options))
    }

    /// Opens (or makes) the index in `folder` of the archive of `entries` in `root`, and
    /// updates it, on a background thread of low priority. Searches use it as it goes.
    pub fn start(
        folder: PathBuf,
        root: &Path,
        entries: Arc<[EditionEntry]>,
        options: LoadOptions,
    ) -> Self {
        let shared = Arc::new(Shared::default());
        let index = Self::new(Arc::clone(&shared));
        let root = root.to_owned();
        std::thread::spawn(move || {
            lower_priority();
            let result = Indexer::open(&folder, &root, entries, options, &shared)
                .and_then(|mut indexer| indexer.update(1, &mut |_, _| {}));
            if let Err(error) = result {
                *lock(&shared.failed) = Some(error.to_string());
            }
            shared.finished.store(true, Ordering::Relaxed);
        });
        index
    }

    /// Opens (or makes) the index in `folder` and brings it up to date here, on `threads`
    /// threads reading editions, telling `progress` (editions done, of how many) as it goes.
    pub fn build(
        folder: &Path,
        root: &Path,
        entries: Arc<[EditionEntry]>,
        options: LoadOptions,
        threads: usize,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<(Self, UpdateStats), IndexError> {
        let shared = Arc::new(Shared::default());
        let mut indexer = Indexer::open(folder, root, entries, options, &shared)?;
        let stats = indexer.update(threads, progress)?;
        shared.finished.store(true, Ordering::Relaxed);
        Ok((Self::new(shared), stats))
    }

    /// What a search may use now; `None` until the index is open.
    pub fn snapshot(&self) -> Option<Arc<Snapshot>> {
        lock(&self.shared.snapshot).clone()
    }

    /// Editions indexed so far in the update, of how many; and whether it has ended.
    pub fn progress(&self) -> (usize, usize, bool) {
        (
            self.shared.done.load(Ordering::Relaxed),
            self.shared.todo.load(Ordering::Relaxed),
            self.shared.finished.load(Ordering::Relaxed),
        )
    }

    /// Why the index could not be opened or updated, if it could not.
    pub fn failure(&self) -> Option<String> {
        lock(&self.shared.failed).clone()
    }

    /// Waits for the update to end (tests, benches).
    pub fn wait(&self) {
        while !self.shared.finished.load(Ordering::Relaxed) {
            std::thread::sleep(Duration::from_millis(5));
        }
    }
}

/// The lock's value, even when a thread panicked holding it: what it guards stays whole.
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Lowers the calling thread's priority, so that indexing gives way to the reader (threads
/// it starts, tantivy's among them, inherit that).
fn lower_priority() {
    #[cfg(target_os = "linux")]
    // SAFETY: setpriority only reads its arguments; on Linux, `who` 0 is the calling thread.
    unsafe {
        libc::setpriority(libc::PRIO_PROCESS, 0, 10);
    }
}

/// An open index and the archive it indexes.
struct Indexer {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    root: PathBuf,
    entries: Arc<[EditionEntry]>,
    options: LoadOptions,
    keys: Vec<u64>,
    edition_of: Arc<HashMap<u64, usize>>,
    stored: Stored,
    covered: Vec<bool>,
    shared: Arc<Shared>,
}

impl Indexer {
    /// Opens the index in `folder`, or makes it; one that does not open (from another
    /// version, or damaged) is made again.
    fn open(
        folder: &Path,
        root: &Path,
        entries: Arc<[EditionEntry]>,
        options: LoadOptions,
        shared: &Arc<Shared>,
    ) -> Result<Self, IndexError> {
        let io = |error| IndexError::Io(folder.display().to_string(), error);
        std::fs::create_dir_all(folder).map_err(io)?;
        let (schema, fields) = schema();
        let open = || -> Result<(Index, IndexReader, Stored), IndexError> {
            let directory = MmapDirectory::open(folder).map_err(tantivy::TantivyError::from)?;
            let index = Index::open_or_create(directory, schema.clone())?;
            // What queries through tantivy would cut text with; documents come cut already
            // into the same grams ([`Grams`]).
            let tokenizer = NgramTokenizer::all_ngrams(1, 2)?;
            (index.tokenizers()).register(TOKENIZER, TextAnalyzer::builder(tokenizer).build());
            let reader = (index.reader_builder())
                .reload_policy(ReloadPolicy::Manual)
                .try_into()?;
            let stored = stored(&reader.searcher())?;
            Ok((index, reader, stored))
        };
        let opened = std::panic::catch_unwind(AssertUnwindSafe(&open));
        let (index, reader, stored) = if let Ok(Ok(opened)) = opened {
            opened
        } else {
            // Damaged, or of another schema: it is a cache, made again.
            std::fs::remove_dir_all(folder).map_err(io)?;
            std::fs::create_dir_all(folder).map_err(io)?;
            std::panic::catch_unwind(AssertUnwindSafe(&open))
                .map_err(|_| IndexError::Io(folder.display().to_string(), damaged()))??
        };
        let keys: Vec<u64> = (entries.iter())
            .map(|entry| edition_key(root, &entry.path))
            .collect();
        let edition_of = Arc::new(
            keys.iter()
                .enumerate()
                .map(|(at, &key)| (key, at))
                .collect(),
        );
        Ok(Self {
            index,
            reader,
            fields,
            root: root.to_owned(),
            covered: vec![false; entries.len()],
            entries,
            options,
            keys,
            edition_of,
            stored,
            shared: Arc::clone(shared),
        })
    }

    /// Makes what searches see the index's last commit, with the editions covered now.
    fn publish(&self) -> Result<(), IndexError> {
        self.reader.reload()?;
        let snapshot = Snapshot {
            searcher: self.reader.searcher(),
            fields: self.fields,
            covered: self.covered.clone(),
            edition_of: Arc::clone(&self.edition_of),
        };
        *lock(&self.shared.snapshot) = Some(Arc::new(snapshot));
        Ok(())
    }

    /// Brings the index up to date with the archive, newest edition first, reading editions
    /// on `threads` threads, committing as it goes.
    fn update(
        &mut self,
        threads: usize,
        progress: &mut dyn FnMut(usize, usize),
    ) -> Result<UpdateStats, IndexError> {
        let mut stats = UpdateStats::default();
        let mut todo = Vec::new();
        for at in (0..self.entries.len()).rev() {
            let print = fingerprint(&self.entries[at].path, self.options);
            match (print, self.stored.get(&self.keys[at])) {
                (Some(print), Some(&(stored, broken))) if print == stored => {
                    // A broken edition is scanned, to be counted as the scan counts it.
                    self.covered[at] = !broken;
                    stats.unchanged += 1;
                }
                (print, _) => todo.push((at, print)),
            }
        }
        self.publish()?;
        let present: HashSet<u64> = self.keys.iter().copied().collect();
        let gone: Vec<u64> = (self.stored.keys())
            .filter(|key| !present.contains(key))
            .copied()
            .collect();
        if todo.is_empty() && gone.is_empty() {
            return Ok(stats);
        }
        // Another kanbao may be writing: then this one uses the index as it is.
        let mut writer: IndexWriter<TantivyDocument> =
            self.index.writer_with_num_threads(1, WRITER_MEMORY)?;
        for &key in &gone {
            writer.delete_term(Term::from_field_u64(self.fields.key, key));
            stats.removed += 1;
        }
        self.shared.todo.store(todo.len(), Ordering::Relaxed);
        progress(0, todo.len());
        let archive = self.root.display().to_string();
        let next = AtomicUsize::new(0);
        let (sender, receiver) = mpsc::sync_channel::<(usize, TantivyDocument, bool)>(threads * 2);
        let (entries, keys, shared) = (
            Arc::clone(&self.entries),
            self.keys.clone(),
            Arc::clone(&self.shared),
        );
        let (entries, keys, shared, fields, options) =
            (&entries, &keys, &shared, self.fields, self.options);
        let todo = &todo;
        let mut done_since_commit = Vec::new();
        let result = std::thread::scope(|scope| -> Result<(), IndexError> {
            for _ in 0..threads.max(1) {
                let (sender, next, archive) = (sender.clone(), &next, &archive);
                scope.spawn(move || {
                    while !shared.stop.load(Ordering::Relaxed) {
                        let Some(&(at, print)) = todo.get(next.fetch_add(1, Ordering::Relaxed))
                        else {
                            return;
                        };
                        let (mut doc, broken) =
                            edition_doc(&entries[at].path, keys[at], print, options, fields);
                        doc.add_text(fields.archive, archive);
                        if sender.send((at, doc, broken)).is_err() {
                            return;
                        }
                    }
                });
            }
            drop(sender);
            let mut last_commit = Instant::now();
            let mut done = 0;
            for (at, doc, broken) in receiver {
                writer.delete_term(Term::from_field_u64(fields.key, keys[at]));
                writer.add_document(doc)?;
                done_since_commit.push((at, broken));
                done += 1;
                stats.indexed += 1;
                shared.done.store(done, Ordering::Relaxed);
                progress(done, todo.len());
                if last_commit.elapsed() >= COMMIT_EVERY {
                    writer.commit()?;
                    for (at, broken) in done_since_commit.drain(..) {
                        self.covered[at] = !broken;
                    }
                    self.publish()?;
                    last_commit = Instant::now();
                }
            }
            Ok(())
        });
        result?;
        writer.commit()?;
        for (at, broken) in done_since_commit.drain(..) {
            self.covered[at] = !broken;
        }
        self.publish()?;
        writer.wait_merging_threads()?;
        Ok(stats)
    }
}

fn damaged() -> std::io::Error {
    std::io::Error::other("the index is damaged")
}

/// What an index holds: each edition's key, its fingerprint, and whether it was broken.
type Stored = HashMap<u64, (u64, bool)>;

/// Every edition the index holds.
fn stored(searcher: &Searcher) -> tantivy::Result<Stored> {
    let mut stored = HashMap::new();
    for reader in searcher.segment_readers() {
        let fast = reader.fast_fields();
        let (keys, prints, broken) = (
            fast.u64("key")?,
            fast.u64("fingerprint")?,
            fast.u64("broken")?,
        );
        for doc in reader.doc_ids_alive() {
            if let (Some(key), Some(print)) = (keys.first(doc), prints.first(doc)) {
                stored.insert(key, (print, broken.first(doc) == Some(1)));
            }
        }
    }
    Ok(stored)
}

/// The document of the edition in `folder`, and whether it is broken (does not load).
fn edition_doc(
    folder: &Path,
    key: u64,
    print: Option<u64>,
    options: LoadOptions,
    fields: Fields,
) -> (TantivyDocument, bool) {
    let mut doc = TantivyDocument::new();
    doc.add_u64(fields.key, key);
    // No fingerprint (the folder did not list): never matches, so indexed again next time.
    doc.add_u64(fields.fingerprint, print.unwrap_or(0));
    let mut grams = Grams::default();
    let broken = match load_with(std::slice::from_ref(&folder.to_owned()), &options) {
        Ok(edition) => {
            for article in edition.pages.iter().flat_map(|page| &page.articles) {
                for (_, text) in search::parts(article) {
                    grams.add(text);
                }
            }
            false
        }
        Err(_) => true,
    };
    // The scan may read some files alone: their text as well as the whole edition's.
    if !broken && let Some(files) = stripped_files(folder) {
        for file in files {
            if let Ok(text) = std::str::from_utf8(&file.stripped()) {
                grams.add(text);
            }
        }
    }
    doc.add_pre_tokenized_text(fields.text, grams.into_tokens());
    doc.add_u64(fields.broken, u64::from(broken || print.is_none()));
    (doc, broken || print.is_none())
}

/// The distinct unigrams and bigrams of an edition's texts, each text folded and without
/// spaces ([`index_chars`]), as the n-gram tokenizer cuts them. Counted here, on the threads
/// reading editions, tantivy is handed each gram once rather than every occurrence.
#[derive(Default)]
struct Grams {
    /// A unigram as its char; a bigram as both, the first (plus one) in the high half.
    seen: HashSet<u64, BuildGramHasher>,
}

impl Grams {
    fn add(&mut self, text: &str) {
        let mut previous: Option<char> = None;
        for c in index_chars(text) {
            self.seen.insert(u64::from(c));
            if let Some(before) = previous {
                self.seen
                    .insert((u64::from(before) + 1) << 32 | u64::from(c));
            }
            previous = Some(c);
        }
    }

    fn into_tokens(self) -> PreTokenizedString {
        let char_of = |code: u64| char::from_u32(code as u32).unwrap_or('\u{FFFD}');
        let tokens = (self.seen.into_iter().enumerate())
            .map(|(position, gram)| {
                let mut text = String::new();
                if gram >> 32 != 0 {
                    text.push(char_of((gram >> 32) - 1));
                }
                text.push(char_of(gram & 0xFFFF_FFFF));
                let offset_to = text.len();
                Token {
                    offset_from: 0,
                    offset_to,
                    position,
                    text,
                    position_length: 1,
                }
            })
            .collect();
        PreTokenizedString {
            text: String::new(),
            tokens,
        }
    }
}

/// A hash of grams: a multiply and a shift, enough for chars (no untrusted keys).
#[derive(Default, Clone, Copy)]
struct BuildGramHasher;

impl std::hash::BuildHasher for BuildGramHasher {
    type Hasher = GramHasher;

    fn build_hasher(&self) -> GramHasher {
        GramHasher(0)
    }
}

/// See [`BuildGramHasher`].
struct GramHasher(u64);

impl std::hash::Hasher for GramHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0.rotate_left(8) ^ u64::from(byte)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
        }
    }

    fn write_u64(&mut self, gram: u64) {
        self.0 = (gram ^ (gram >> 29)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

#[cfg(test)]
mod tests;
