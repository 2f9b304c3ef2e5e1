//! The command line on an archive: list its editions, or pick one and show it.

use std::io::Write;
use std::sync::Arc;
use std::time::Instant;

use kanbao::app::archive::index::{ArchiveIndex, cache_dir, index_folder};
use kanbao::app::archive::scan_threads;
use kanbao::app::{archive::start_edition, memory};
use kanbao::archive::{self, Archive, Listing};
use kanbao::edition::Loading;
use kanbao::tui::ArchiveStart;

use super::{Cli, print_with, reader_options, report, show};

/// Threads that read editions for a listing.
const LISTING_THREADS: usize = 4;

/// Runs the command line on `archive`: `--json` and `--toc` list its editions; otherwise
/// the edition of `--date` is shown as for one edition. Without a date the reader opens
/// the edition last open there (else the newest), while `--dump` (and a stdout that is no
/// terminal) prints the newest and names it on stderr. A date the archive lacks is an
/// error naming the nearest dates.
pub fn run(cli: &Cli, mut archive: Archive) -> anyhow::Result<()> {
    if cli.date.is_none() && (cli.json || cli.toc) {
        let listing = Listing::of(&mut archive, LISTING_THREADS);
        if cli.json {
            return print_with(|out| {
                serde_json::to_writer_pretty(&mut *out, &listing)?;
                writeln!(out)
            });
        }
        let words = super::output_lang(cli).strings().listing;
        return print_with(|out| archive::write_listing_in(&listing, out, words));
    }
    // What the reader remembers is for reading; what is printed does not change with it.
    let reading = super::reads_in_the_terminal(cli);
    let newest = archive.newest().expect("an opened archive has an edition");
    let (index, note) = match &cli.date {
        Some(date) => {
            let index = archive
                .find(date)
                .ok_or_else(|| anyhow::anyhow!(archive::no_edition_message(&archive, date)))?;
            (index, None)
        }
        None if reading => start_edition(&archive, memory::state_dir().as_deref()),
        None => (newest, None),
    };
    if reading {
        let path = archive.entries()[index].path.clone();
        let loading = Arc::new(Loading::new(vec![path], archive.options()));
        let falls_back = cli.date.is_none();
        let start = ArchiveStart {
            archive,
            index,
            note,
            falls_back,
        };
        return kanbao::tui::run_archive(loading, start, reader_options(cli));
    }
    // Without a date, that edition or else the newest that opens: a broken one does not
    // shut the archive.
    let loaded = archive.load_uncached(index);
    let (opened, edition) = (archive.opened_or_newest(index, loaded, cli.date.is_none()))
        .map_err(anyhow::Error::msg)?;
    if !cli.json && !cli.toc {
        report(&dumped_note(&archive, opened, cli.date.is_some()), false);
    }
    show(cli, edition)
}

/// The line on stderr that names the edition printed of an archive: which one is not
/// otherwise plain from its text.
fn dumped_note(archive: &Archive, index: usize, dated: bool) -> String {
    let date = &archive.entries()[index].date;
    let count = archive.len();
    match (dated, archive.newest() == Some(index)) {
        (true, _) => format!("kanbao: the edition of {date}, of {count} in the archive"),
        (false, true) => {
            format!("kanbao: the edition of {date}, the newest of {count} (--date picks another)")
        }
        (false, false) => format!(
            "kanbao: the edition of {date}, the newest of {count} that opens (--date picks \
             another)"
        ),
    }
}

/// `--index`: builds or updates the search index of `archive`, telling progress on stderr.
pub fn index(archive: &Archive) -> anyhow::Result<()> {
    let cache = cache_dir().ok_or_else(|| anyhow::anyhow!("no cache directory (no home)"))?;
    let folder = index_folder(&cache, archive.root());
    let started = Instant::now();
    let mut stderr = std::io::stderr();
    let mut shown = Instant::now();
    let mut progress = |done: usize, todo: usize| {
        // A line at most every half second, and the last.
        if done == todo || shown.elapsed().as_millis() >= 500 {
            let _ = write!(stderr, "\rindexing: {done}/{todo} editions");
            shown = Instant::now();
        }
    };
    let (_, stats) = ArchiveIndex::build(
        &folder,
        archive.root(),
        archive.shared_entries(),
        archive.options(),
        scan_threads(),
        &mut progress,
    )?;
    if stats.indexed > 0 {
        eprintln!();
    }
    eprintln!(
        "{}: {} editions indexed, {} unchanged, {} removed, in {:.1} s; index in {}",
        archive.root().display(),
        stats.indexed,
        stats.unchanged,
        stats.removed,
        started.elapsed().as_secs_f64(),
        folder.display()
    );
    Ok(())
}
