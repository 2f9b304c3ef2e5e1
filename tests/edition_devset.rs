//! The parser measured against real page texts of other papers (`tests/fixtures/pages/real`,
//! with `SOURCES.md` describing each file and `gold.json` what a careful editor sees).
//!
//! How a page is scored, for every file but the 1955 vertical OCR stress case (026), which is
//! scored and printed on its own:
//! - Text is compared after `norm`: whitespace and punctuation (ASCII punctuation other than
//!   the symbols `=+<>|~^$` and the backtick, the general punctuation block U+2010–U+2027, the CJK
//!   punctuation block U+3000–U+303F, full-width punctuation, the middle dot) are removed.
//!   Nothing else is changed: leaked markup such as `=====` counts against the parser.
//! - A gold headline is found when the normalised headline, kicker or subtitle of some
//!   article starts with it; a gold entry "a|b" is found when either alternative is (so a
//!   stack joined into one headline is found too).
//! - A gold byline name is found when it appears, normalised, in the normalised byline of
//!   some article.
//! - A gold subhead is found when it equals, normalised, a subhead block of some article.
//! - The article count is right when the page texts' articles, over all their pages, number
//!   exactly as many as gold's.
//!
//! The test prints every miss per file and the rates, and fails when the rates fall below
//! the floors: the targets of 95% of headings found and 90% of article counts right.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;

use kanbao::edition::{Article, BlockKind, parse};
use serde::Deserialize;

/// The file scored on its own (SOURCES.md: "score it separately").
const SEPARATE: &str = "026_";

/// Floors for the dev set (026 apart): share of headings (headlines, bylines, subheads)
/// found, and share of pages with the right article count.
const MIN_HEADINGS_FOUND: f64 = 0.95;
const MIN_COUNTS_RIGHT: f64 = 0.9;

#[derive(Debug, Deserialize)]
struct Gold {
    headlines: Vec<String>,
    bylines: Vec<String>,
    subheads: Vec<String>,
    articles: usize,
}

/// What one file scored.
#[derive(Debug, Default)]
struct Score {
    found: usize,
    total: usize,
    count_right: bool,
    misses: Vec<String>,
}

fn folder() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/pages/real")
}

fn is_punctuation(c: char) -> bool {
    (c.is_ascii_punctuation() && !"=+<>|~^$`".contains(c))
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{3000}'..='\u{303F}').contains(&c)
        || ('\u{FF01}'..='\u{FF0F}').contains(&c)
        || ('\u{FF1A}'..='\u{FF20}').contains(&c)
        || ('\u{FF3B}'..='\u{FF40}').contains(&c)
        || ('\u{FF5B}'..='\u{FF65}').contains(&c)
        || matches!(c, '·' | '•' | '・')
}

fn norm(text: &str) -> String {
    text.chars()
        .filter(|&c| !c.is_whitespace() && !is_punctuation(c))
        .collect()
}

fn score(gold: &Gold, articles: &[Article]) -> Score {
    let mut score = Score::default();
    let heads: Vec<String> = articles
        .iter()
        .flat_map(|a| [&a.headline, &a.kicker, &a.subtitle])
        .flatten()
        .map(|text| norm(text))
        .collect();
    let bylines: Vec<String> = articles
        .iter()
        .filter_map(|a| a.byline.as_deref())
        .map(norm)
        .collect();
    let subheads: Vec<String> = articles
        .iter()
        .flat_map(|a| &a.blocks)
        .filter(|block| block.kind == BlockKind::Subhead)
        .map(|block| norm(&block.text))
        .collect();
    let mut tally = |found: bool, what: &str, text: &str| {
        score.total += 1;
        if found {
            score.found += 1;
        } else {
            score.misses.push(format!("{what} “{text}”"));
        }
    };
    for headline in &gold.headlines {
        let found = headline.split('|').map(norm).any(|alternative| {
            !alternative.is_empty() && heads.iter().any(|head| head.starts_with(&alternative))
        });
        tally(found, "headline", headline);
    }
    for name in &gold.bylines {
        let name_norm = norm(name);
        tally(
            bylines.iter().any(|byline| byline.contains(&name_norm)),
            "byline",
            name,
        );
    }
    for subhead in &gold.subheads {
        let subhead_norm = norm(subhead);
        tally(subheads.contains(&subhead_norm), "subhead", subhead);
    }
    score.count_right = articles.len() == gold.articles;
    if !score.count_right {
        score.misses.push(format!(
            "{} articles, not {}",
            articles.len(),
            gold.articles
        ));
    }
    score
}

fn articles_of(text: &str) -> Vec<Article> {
    parse(text, 1)
        .pages
        .into_iter()
        .flat_map(|page| page.articles)
        .collect()
}

#[test]
fn the_dev_set_reads_as_an_editor_sees_it() {
    let gold_text = std::fs::read_to_string(folder().join("gold.json")).expect("gold.json");
    let gold: BTreeMap<String, Gold> = serde_json::from_str(&gold_text).expect("gold parses");
    assert_eq!(gold.len(), 28, "the dev set has 28 pages");

    let mut report = String::new();
    let (mut found, mut total, mut right, mut pages) = (0, 0, 0, 0);
    for (file, gold) in &gold {
        let text = std::fs::read_to_string(folder().join(file)).expect("a page file");
        let score = score(gold, &articles_of(&text));
        let separate = file.starts_with(SEPARATE);
        if !separate {
            found += score.found;
            total += score.total;
            right += usize::from(score.count_right);
            pages += 1;
        }
        let mark = if separate { " (scored apart)" } else { "" };
        writeln!(
            report,
            "{file}{mark}: {}/{} found, count {}",
            score.found,
            score.total,
            if score.count_right { "right" } else { "wrong" }
        )
        .unwrap();
        for miss in &score.misses {
            writeln!(report, "    missed {miss}").unwrap();
        }
    }
    let headings_rate = found as f64 / total as f64;
    let counts_rate = right as f64 / f64::from(pages);
    writeln!(
        report,
        "dev set without 026: {found}/{total} headings found ({:.0}%), \
         {right}/{pages} article counts right ({:.0}%)",
        headings_rate * 100.0,
        counts_rate * 100.0
    )
    .unwrap();
    println!("{report}");
    assert!(
        headings_rate >= MIN_HEADINGS_FOUND && counts_rate >= MIN_COUNTS_RIGHT,
        "below the floors ({MIN_HEADINGS_FOUND}, {MIN_COUNTS_RIGHT}):\n{report}"
    );
}

#[test]
fn norm_drops_only_spacing_and_punctuation() {
    assert_eq!(norm("巡警:闹事者 “车上”——搜出。"), "巡警闹事者车上搜出");
    assert_eq!(norm("===== 标题"), "=====标题");
    assert_eq!(norm("A 金陵風韻"), "A金陵風韻");
}
