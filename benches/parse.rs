//! Loading editions: parsing the built-in page and a generated 1000-page edition, resolving
//! the jumps of that edition, and loading it end to end from a folder of page files.
//!
//! `KANBAO_WRITE_EDITION=DIR cargo bench --bench parse` writes the 1000-page edition to DIR
//! instead of benchmarking, for measuring the binary on it (peak memory, say).

mod common;

use std::path::{Path, PathBuf};

use divan::counter::BytesCount;
use divan::{Bencher, black_box};

use kanbao::edition::{self, BUILTIN_PAGE, Edition};

/// Pages in the large edition: a big city daily's week of supplements, or a year of one page.
const PAGES: usize = 1000;

fn main() {
    if let Some(folder) = std::env::var_os("KANBAO_WRITE_EDITION") {
        write_edition(Path::new(&folder), PAGES).expect("writing the edition");
        return;
    }
    divan::main();
}

/// Writes the generated edition of `pages` pages to `folder`, one `NNNN.txt` file a page.
fn write_edition(folder: &Path, pages: usize) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    for (index, text) in common::edition_pages(pages).iter().enumerate() {
        std::fs::write(folder.join(format!("{:04}.txt", index + 1)), text)?;
    }
    Ok(())
}

fn total_bytes(pages: &[String]) -> usize {
    pages.iter().map(String::len).sum()
}

/// The pages parsed one by one, as a folder is loaded, gathered into one edition.
fn parse_pages(pages: &[String]) -> Edition {
    let pages = pages
        .iter()
        .zip(1..)
        .flat_map(|(text, position)| edition::parse(text, position).pages)
        .collect();
    Edition {
        pages,
        ..Edition::default()
    }
}

/// The built-in page (the seed), parsed.
#[divan::bench]
fn builtin_page(bencher: Bencher) {
    bencher
        .counter(BytesCount::of_str(BUILTIN_PAGE))
        .bench(|| edition::parse(black_box(BUILTIN_PAGE), 1));
}

/// A 1000-page edition (about 10 MB), every page parsed; no jumps resolved.
#[divan::bench(sample_count = 20)]
fn edition_1000_pages(bencher: Bencher) {
    let pages = common::edition_pages(PAGES);
    bencher
        .counter(BytesCount::new(total_bytes(&pages)))
        .bench(|| parse_pages(black_box(&pages)));
}

/// Resolving the jumps of the parsed 1000-page edition.
#[divan::bench(sample_count = 20)]
fn resolve_jumps_1000_pages(bencher: Bencher) {
    let parsed = parse_pages(&common::edition_pages(PAGES));
    bencher
        .with_inputs(|| parsed.clone())
        .bench_local_refs(edition::resolve_jumps);
}

/// Loading the 1000-page edition from a folder: reading, parsing, resolving jumps.
#[divan::bench(sample_count = 10)]
fn load_1000_page_folder(bencher: Bencher) {
    let folder = TempFolder::new("load");
    write_edition(&folder.0, PAGES).expect("writing the edition");
    let pages = common::edition_pages(PAGES);
    let paths = [folder.0.clone()];
    bencher
        .counter(BytesCount::new(total_bytes(&pages)))
        .bench(|| edition::load(black_box(&paths)).expect("the edition loads"));
}

/// An edition folder of about 70 article files: the real one in `../shared/editions` when it
/// is there, else the seed's crawled edition (37 files).
fn article_folder() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let shared = manifest.join("../shared/editions/rmrb-2019-10/20191030");
    match shared.is_dir() {
        true => shared,
        false => manifest.join("seeds/rmrb-20191019"),
    }
}

fn folder_bytes(folder: &Path) -> usize {
    let files = std::fs::read_dir(folder).expect("the folder lists");
    files
        .map(|file| file.expect("an entry").metadata().expect("metadata").len() as usize)
        .sum()
}

/// Loading an edition folder of article files (crawled layout): listing, reading, decoding,
/// building the model, marking repeats, resolving jumps.
#[divan::bench(sample_count = 20)]
fn load_article_folder(bencher: Bencher) {
    let paths = [article_folder()];
    bencher
        .counter(BytesCount::new(folder_bytes(&paths[0])))
        .bench(|| edition::load(black_box(&paths)).expect("the edition loads"));
}

/// `kanbao DIR --toc` on the same folder, without the process: load, then the table.
#[divan::bench(sample_count = 20)]
fn toc_article_folder(bencher: Bencher) {
    let paths = [article_folder()];
    bencher.bench(|| {
        let edition = edition::load(black_box(&paths)).expect("the edition loads");
        let mut out = Vec::new();
        edition::write_toc(&edition, &mut out).expect("writing to memory");
        out
    });
}

/// A folder under the system's temporary directory, removed when dropped.
struct TempFolder(PathBuf);

impl TempFolder {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("kanbao-bench-{name}-{}", std::process::id()));
        Self(path)
    }
}

impl Drop for TempFolder {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
