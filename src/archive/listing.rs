//! An archive's list of editions, as `--toc` and `--json` print it.

use std::io::{self, Write};

use serde::Serialize;

use super::{Archive, Summary};

/// What `kanbao --json ARCHIVE` prints. Field names are a contract, as the edition's are.
#[derive(Debug, Clone, Serialize)]
pub struct Listing {
    /// The archive's folder.
    pub archive: String,
    /// Its editions, oldest first.
    pub editions: Vec<ListingEntry>,
}

/// One edition in a [`Listing`]: its counts, or the error that keeps it from loading.
#[derive(Debug, Clone, Serialize)]
pub struct ListingEntry {
    /// "YYYY-MM-DD".
    pub date: String,
    /// The edition's folder.
    pub path: String,
    /// Pages loaded; absent for a broken edition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<usize>,
    /// Articles loaded; absent for a broken edition.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub articles: Option<usize>,
    /// Why the edition does not load; absent when it loads.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl Listing {
    /// The listing of `archive`, loading every edition not summarized yet (on `threads`
    /// threads).
    pub fn of(archive: &mut Archive, threads: usize) -> Self {
        archive.summarize_all(threads);
        let editions = (0..archive.len())
            .map(|index| {
                let entry = &archive.entries()[index];
                let (pages, articles, error) = match archive.known_summary(index) {
                    Some(Summary::Counts { pages, articles }) => {
                        (Some(*pages), Some(*articles), None)
                    }
                    Some(Summary::Broken(error)) => (None, None, Some(error.clone())),
                    None => (None, None, Some("not read".to_owned())),
                };
                ListingEntry {
                    date: entry.date.clone(),
                    path: entry.path.display().to_string(),
                    pages,
                    articles,
                    error,
                }
            })
            .collect();
        Listing {
            archive: archive.root().display().to_string(),
            editions,
        }
    }
}

/// The words of an archive's `--toc` listing, in one language.
#[derive(Debug)]
pub struct ListingWords {
    /// The heading: the archive's folder, its editions, how many of them are broken.
    pub heading: fn(&str, usize, usize) -> String,
    /// What an edition holds, after its date: pages and articles, aligned.
    pub counts: fn(usize, usize) -> String,
    /// Before the error of an edition that does not open.
    pub broken: &'static str,
}

/// The listing's words in English.
pub static LISTING_ENGLISH: ListingWords = ListingWords {
    heading: |archive, editions, broken| match broken {
        0 => format!("{archive}: {editions} editions"),
        broken => format!("{archive}: {editions} editions, {broken} broken"),
    },
    counts: |pages, articles| format!("{pages:>3} pages  {articles:>4} articles"),
    broken: "broken: ",
};

/// Writes `listing` as `--toc` prints it: a heading line, then one line an edition —
/// date, pages, articles, folder — or its date, "broken" and the error.
pub fn write_listing(listing: &Listing, out: &mut dyn Write) -> io::Result<()> {
    write_listing_in(listing, out, &LISTING_ENGLISH)
}

/// [`write_listing`] in `words`.
pub fn write_listing_in(
    listing: &Listing,
    out: &mut dyn Write,
    words: &ListingWords,
) -> io::Result<()> {
    let editions = &listing.editions;
    let broken = editions.iter().filter(|e| e.error.is_some()).count();
    writeln!(
        out,
        "{}",
        (words.heading)(&listing.archive, editions.len(), broken)
    )?;
    for edition in editions {
        match (&edition.error, edition.pages, edition.articles) {
            (None, Some(pages), Some(articles)) => writeln!(
                out,
                "{}  {}  {}",
                edition.date,
                (words.counts)(pages, articles),
                edition.path
            )?,
            (error, _, _) => writeln!(
                out,
                "{}  {}{}",
                edition.date,
                words.broken,
                error.as_deref().unwrap_or("not read")
            )?,
        }
    }
    Ok(())
}
