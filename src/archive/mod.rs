//! Archives: folders of many editions, as people who keep a paper keep it — one folder per
//! edition named by its date (`YYYYMMDD/`), at any depth, grouped by month or year or not.
//!
//! An [`Archive`] knows its editions' dates and folders from the names alone; it reads an
//! edition's files only when asked for that edition ([`Archive::load`]) or its counts
//! ([`Archive::summary`]), so opening ten years costs what listing their folders costs.

mod discover;
mod listing;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::edition::{Edition, LoadError, LoadOptions, load_with};

pub use discover::{MAX_DEPTH, discover};
pub use listing::{
    LISTING_ENGLISH, Listing, ListingEntry, ListingWords, write_listing, write_listing_in,
};

/// One edition of an archive: its date and its folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct EditionEntry {
    /// The edition's date, "YYYY-MM-DD", from its folder's name.
    pub date: String,
    /// The edition's folder.
    pub path: PathBuf,
}

/// What an edition holds, or why it cannot be read: the one-line load error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Summary {
    /// The edition loads: its pages and articles.
    Counts {
        /// Pages loaded.
        pages: usize,
        /// Articles on them.
        articles: usize,
    },
    /// The edition does not load.
    Broken(String),
}

impl Summary {
    /// The counts of `edition`.
    pub fn of(edition: &Edition) -> Self {
        Summary::Counts {
            pages: edition.pages.len(),
            articles: edition.pages.iter().map(|page| page.articles.len()).sum(),
        }
    }
}

/// How many loaded editions an archive keeps, for going back and forth between them.
const CACHED_EDITIONS: usize = 3;

/// A folder of editions, sorted by date, read lazily.
#[derive(Debug)]
pub struct Archive {
    root: PathBuf,
    entries: Arc<[EditionEntry]>,
    options: LoadOptions,
    summaries: Vec<Option<Summary>>,
    /// The last editions loaded, most recent last.
    cache: Vec<(usize, Edition)>,
}

impl Archive {
    /// The archive in `root`, when it holds edition folders; `Ok(None)` when it holds none
    /// (it may then be one edition's folder). Only folder names are read.
    pub fn open(root: &Path, options: LoadOptions) -> std::io::Result<Option<Self>> {
        let entries = discover(root)?;
        if entries.is_empty() {
            return Ok(None);
        }
        Ok(Some(Self::from_entries(root, entries, options)))
    }

    /// An archive of `entries` (sorted here by date; for two folders of one date, by path).
    pub fn from_entries(root: &Path, mut entries: Vec<EditionEntry>, options: LoadOptions) -> Self {
        // Ten years are 3,652 folders, listed in no order: an unstable sort by date (dates
        // are alike in length, so their bytes compare as they do) took a third of the time
        // to open the archive that a stable one of whole entries did.
        entries.sort_unstable_by(|a, b| {
            (a.date.as_bytes().cmp(b.date.as_bytes())).then_with(|| a.path.cmp(&b.path))
        });
        Self {
            root: root.to_owned(),
            summaries: vec![None; entries.len()],
            entries: entries.into(),
            options,
            cache: Vec::new(),
        }
    }

    /// The archive's folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The editions, oldest first.
    pub fn entries(&self) -> &[EditionEntry] {
        &self.entries
    }

    /// The editions, shared: what a background scan reads.
    pub fn shared_entries(&self) -> Arc<[EditionEntry]> {
        Arc::clone(&self.entries)
    }

    /// How the archive's files are read.
    pub fn options(&self) -> LoadOptions {
        self.options
    }

    /// How many editions there are.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there is no edition (an archive opened by [`Archive::open`] has one).
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The index of the newest edition.
    pub fn newest(&self) -> Option<usize> {
        self.entries.len().checked_sub(1)
    }

    /// The index of the edition of `date` ("YYYY-MM-DD"); the first when folders repeat it.
    pub fn find(&self, date: &str) -> Option<usize> {
        let at = self
            .entries
            .partition_point(|entry| entry.date.as_str() < date);
        (self.entries.get(at)?.date == date).then_some(at)
    }

    /// The editions nearest `date`: the last before it and the first after it, either
    /// missing at the archive's ends. An edition of `date` itself is neither.
    pub fn nearest(&self, date: &str) -> (Option<usize>, Option<usize>) {
        let before = self
            .entries
            .partition_point(|entry| entry.date.as_str() < date);
        let after = self
            .entries
            .partition_point(|entry| entry.date.as_str() <= date);
        (
            before.checked_sub(1),
            (after < self.entries.len()).then_some(after),
        )
    }

    /// Loads the edition at `index` through the edition loader, or says in one line why it
    /// cannot be read. The last few loaded are kept; each load also records the summary.
    pub fn load(&mut self, index: usize) -> Result<Edition, String> {
        if let Some(at) = self.cache.iter().position(|(cached, _)| *cached == index) {
            let entry = self.cache.remove(at);
            let edition = entry.1.clone();
            self.cache.push(entry);
            return Ok(edition);
        }
        let loaded = self.load_uncached(index);
        self.loaded(index, loaded)
    }

    /// The edition at `index`, read from its folder.
    pub fn load_uncached(&self, index: usize) -> Result<Edition, LoadError> {
        load_with(
            std::slice::from_ref(&self.entries[index].path),
            &self.options,
        )
    }

    /// The edition at `index`, from `loaded` (what loading it gave), with its index; when it
    /// does not open and `fall_back`, the newest that does instead. An error names the
    /// edition asked for.
    pub fn opened_or_newest(
        &mut self,
        index: usize,
        loaded: Result<Edition, LoadError>,
        fall_back: bool,
    ) -> Result<(usize, Edition), String> {
        let error = match self.loaded(index, loaded) {
            Ok(edition) => return Ok((index, edition)),
            Err(error) => error,
        };
        let newest = self.newest().unwrap_or_default();
        (0..=newest)
            .rev()
            .filter(|&other| fall_back && other != index)
            .find_map(|other| self.load(other).ok().map(|edition| (other, edition)))
            .ok_or_else(|| {
                let date = &self.entries[index].date;
                format!("the edition of {date} does not open: {error}")
            })
    }

    /// What loading the edition at `index` gave, loaded elsewhere (the reader loads its first
    /// edition beside its terminal set-up): recorded as [`Archive::load`] records its own.
    pub fn loaded(
        &mut self,
        index: usize,
        loaded: Result<Edition, LoadError>,
    ) -> Result<Edition, String> {
        let entry = &self.entries[index];
        match loaded {
            Ok(mut edition) => {
                edition.date.get_or_insert_with(|| entry.date.clone());
                self.summaries[index] = Some(Summary::of(&edition));
                if self.cache.len() == CACHED_EDITIONS {
                    self.cache.remove(0);
                }
                self.cache.push((index, edition.clone()));
                Ok(edition)
            }
            Err(error) => {
                let message = error.to_string();
                self.summaries[index] = Some(Summary::Broken(message.clone()));
                Err(message)
            }
        }
    }

    /// The summary of the edition at `index`, once known: `None` until it was loaded or
    /// [`Archive::summarize`]d.
    pub fn known_summary(&self, index: usize) -> Option<&Summary> {
        self.summaries.get(index)?.as_ref()
    }

    /// The summary of the edition at `index`, loading the edition when it is not known yet.
    pub fn summary(&mut self, index: usize) -> &Summary {
        if self.summaries[index].is_none() {
            let summary = summarize(&self.entries[index], self.options);
            self.summaries[index] = Some(summary);
        }
        self.summaries[index].as_ref().expect("just set")
    }

    /// Records a summary found elsewhere (a background scan) for the edition at `index`.
    pub fn set_summary(&mut self, index: usize, summary: Summary) {
        self.summaries[index] = Some(summary);
    }

    /// Summarizes every edition not known yet, on up to `threads` threads at once.
    pub fn summarize_all(&mut self, threads: usize) {
        let missing: Vec<usize> = (0..self.len())
            .filter(|&index| self.summaries[index].is_none())
            .collect();
        let threads = threads.clamp(1, missing.len().max(1));
        let chunk = missing.len().div_ceil(threads).max(1);
        let (entries, options) = (&self.entries, self.options);
        let found: Vec<(usize, Summary)> = std::thread::scope(|scope| {
            let workers: Vec<_> = missing
                .chunks(chunk)
                .map(|indices| {
                    scope.spawn(move || {
                        (indices.iter())
                            .map(|&index| (index, summarize(&entries[index], options)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .flat_map(|worker| worker.join().expect("summarizing does not panic"))
                .collect()
        });
        for (index, summary) in found {
            self.summaries[index] = Some(summary);
        }
    }
}

/// Loads the edition of `entry` and counts what it holds.
pub fn summarize(entry: &EditionEntry, options: LoadOptions) -> Summary {
    match load_with(std::slice::from_ref(&entry.path), &options) {
        Ok(edition) => Summary::of(&edition),
        Err(error) => Summary::Broken(error.to_string()),
    }
}

/// The one-line message for a `date` the archive has no edition of, naming the nearest.
pub fn no_edition_message(archive: &Archive, date: &str) -> String {
    let (before, after) = archive.nearest(date);
    let dates: Vec<&str> = [before, after]
        .into_iter()
        .flatten()
        .map(|index| archive.entries()[index].date.as_str())
        .collect();
    format!(
        "{}: no edition of {date}; the nearest: {}",
        archive.root().display(),
        dates.join(", ")
    )
}

#[cfg(test)]
pub(crate) mod tests;
