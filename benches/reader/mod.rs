//! Readers on the editions the reader benchmarks share: the built-in one and a generated
//! 1000-page one, parsed once per process.
#![allow(dead_code)] // each bench uses part of it

use std::sync::OnceLock;

use kanbao::app::{Action, App};
use kanbao::edition::{
    self, Article, BUILTIN_PAGE, Block, BlockKind, Edition, Page, page_label, parse, resolve_jumps,
};
use kanbao::text::AmbiguousWidth;

#[path = "../common/mod.rs"]
mod common;

/// The screen the budgets are set for.
pub const WIDTH: u16 = 200;
/// The screen the budgets are set for.
pub const HEIGHT: u16 = 60;

/// The editions benchmarked, by name (divan shows the name).
pub const EDITIONS: [&str; 2] = ["builtin", "1000 pages"];

/// The edition named `name` in [`EDITIONS`].
pub fn edition(name: &str) -> Edition {
    static BIG: OnceLock<Edition> = OnceLock::new();
    match name {
        "builtin" => edition::builtin(),
        "1000 pages" => BIG.get_or_init(|| generated(1000)).clone(),
        _ => panic!("no edition named {name:?}"),
    }
}

/// An edition of `pages` generated pages, each parsed as a page file is when loaded.
pub fn generated(pages: usize) -> Edition {
    let mut edition = Edition::default();
    for (position, text) in (1..).zip(common::edition_pages(pages)) {
        edition.pages.extend(parse(&text, position).pages);
    }
    resolve_jumps(&mut edition);
    edition
}

/// A reader at 200x60 on `edition` with a long article added as its last page, open in
/// the article pane: no article of either edition fills a 200x60 screen, and a scroll
/// benchmark needs one that scrolls.
pub fn reader(mut edition: Edition) -> App {
    let number = edition
        .pages
        .iter()
        .map(|page| page.number)
        .max()
        .unwrap_or(0)
        + 1;
    edition.pages.push(Page {
        number,
        label: page_label(number),
        section: None,
        articles: vec![long_article(number)],
    });
    let mut app = App::new(edition, AmbiguousWidth::Narrow, WIDTH, HEIGHT);
    app.update(Action::Bottom);
    app.update(Action::FocusArticle);
    let scroll = app.scroll();
    app.update(Action::Down);
    assert_eq!(app.scroll(), scroll + 1, "the long article does not scroll");
    app
}

/// The built-in page's blocks three times over as paragraphs of one article: a few hundred
/// lines at 200 columns.
fn long_article(page: u32) -> Article {
    let blocks = BUILTIN_PAGE.split("\n\n").map(|text| Block {
        kind: BlockKind::Paragraph,
        text: text.trim().to_owned(),
    });
    Article {
        id: format!("{page}-1"),
        headline: Some("长文".into()),
        title: "长文".into(),
        blocks: blocks.clone().chain(blocks.clone()).chain(blocks).collect(),
        ..Article::default()
    }
}

/// Types `query` into the search prompt and submits it, as `/`, the query and Enter do.
pub fn search(app: &mut App, query: &str) {
    app.update(Action::StartSearch);
    for c in query.chars() {
        app.update(Action::Type(c));
    }
    app.update(Action::Confirm);
}
