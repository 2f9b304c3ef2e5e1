//! Laying out the built-in edition at 80 columns: from scratch, and from the reader's cache.

use divan::{Bencher, black_box};

use kanbao::edition::{self, Article, Block, BlockKind, Edition};
use kanbao::text::{LayoutCache, LayoutOptions, layout_article};

fn main() {
    divan::main();
}

fn articles(edition: &Edition) -> Vec<&Article> {
    edition
        .pages
        .iter()
        .flat_map(|page| &page.articles)
        .collect()
}

/// Every article of the edition laid out anew, as after a resize.
#[divan::bench]
fn edition_cold(bencher: Bencher) {
    let edition = edition::builtin();
    let articles = articles(&edition);
    let options = LayoutOptions::new(80);
    bencher.bench(|| {
        articles
            .iter()
            .map(|article| layout_article(black_box(article), &options).len())
            .sum::<usize>()
    });
}

/// Every article of the edition fetched from a warm cache, as on each frame while scrolling.
#[divan::bench]
fn edition_cached(bencher: Bencher) {
    let edition = edition::builtin();
    let articles = articles(&edition);
    let options = LayoutOptions::new(80);
    let mut cache = LayoutCache::new();
    bencher.bench_local(|| {
        articles
            .iter()
            .map(|article| cache.lines(black_box(article), &options).len())
            .sum::<usize>()
    });
}

/// The whole seed page, every blank-line-separated block a paragraph: the engine alone,
/// whatever the parser makes of the page.
#[divan::bench]
fn seed_as_paragraphs(bencher: Bencher) {
    let article = Article {
        blocks: include_str!("../seeds/000_5a0e4a0e642bd2cf.txt")
            .split("\n\n")
            .map(|text| Block {
                kind: BlockKind::Paragraph,
                text: text.trim().to_owned(),
            })
            .collect(),
        ..Article::default()
    };
    let options = LayoutOptions::new(80);
    bencher.bench(|| layout_article(black_box(&article), &options).len());
}
