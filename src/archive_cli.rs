//! The command line on an archive: list its editions, or pick one and show it.

use std::io::Write;
use std::time::Instant;

use kanbao::app::archive::index::{ArchiveIndex, cache_dir, index_folder};
use kanbao::app::archive::scan_threads;
use kanbao::archive::{self, Archive, Listing};

use super::{Cli, print_with, show};

/// Threads that read editions for a listing.
const LISTING_THREADS: usize = 4;

/// Runs the command line on `archive`: `--json` and `--toc` list its editions; otherwise
/// the edition of `--date` (else the newest) is shown as for one edition. A date the
/// archive lacks is an error naming the nearest dates.
pub fn run(cli: &Cli, mut archive: Archive) -> anyhow::Result<()> {
    if cli.date.is_none() && (cli.json || cli.toc) {
        let listing = Listing::of(&mut archive, LISTING_THREADS);
        return match cli.json {
            true => print_with(|out| {
                serde_json::to_writer_pretty(&mut *out, &listing)?;
                writeln!(out)
            }),
            false => print_with(|out| archive::write_listing(&listing, out)),
        };
    }
    let newest = archive.newest().expect("an opened archive has an edition");
    let index = match &cli.date {
        Some(date) => archive
            .find(date)
            .ok_or_else(|| anyhow::anyhow!(archive::no_edition_message(&archive, date)))?,
        None => newest,
    };
    let opened = match cli.date {
        Some(_) => archive.load(index).map(|edition| (index, edition)),
        // Without a date, the newest edition that opens: a broken one does not shut the
        // archive.
        None => (0..=newest)
            .rev()
            .find_map(|index| archive.load(index).ok().map(|edition| (index, edition)))
            .ok_or_else(|| archive.load(newest).expect_err("no edition opens")),
    };
    let (index, edition) = opened.map_err(|error| {
        anyhow::anyhow!(
            "the edition of {} does not open: {error}",
            archive.entries()[index].date
        )
    })?;
    show(cli, edition, Some((archive, index)))
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
