use std::path::Path;
use std::sync::Arc;

use super::*;
use crate::app::archive::{ArchiveSearch, Hit};
use crate::archive::Archive;
use crate::archive::tests::{TempFolder, mixed_archive};

const QUERIES: &[&str] = &[
    "习近平",
    "军运会",
    "气象",
    "发展",
    "中国",
    "记者",
    "下转",
    "国",
    "數字",
    "军 运会",
    "AI",
    "ＡＩ",
    "2019",
    "，",
    "没有这样的字符串",
    " ",
];

fn open(root: &Path) -> Archive {
    Archive::open(root, LoadOptions::default())
        .unwrap()
        .unwrap()
}

fn build(folder: &Path, archive: &Archive) -> (ArchiveIndex, UpdateStats) {
    ArchiveIndex::build(
        folder,
        archive.root(),
        archive.shared_entries(),
        archive.options(),
        2,
        &mut |_, _| {},
    )
    .unwrap()
}

/// The hits of `query` in `archive`, and the search's progress at its end.
fn search(
    archive: &Archive,
    query: &str,
    index: Option<Arc<Snapshot>>,
) -> (Vec<Hit>, (usize, usize, usize)) {
    let mut search = ArchiveSearch::start_indexed(
        archive.shared_entries(),
        archive.options(),
        query.to_owned(),
        2,
        index,
    );
    search.wait();
    (search.hits().to_vec(), search.progress())
}

fn assert_same_as_scan(archive: &Archive, index: &ArchiveIndex) {
    let snapshot = index.snapshot().expect("the index is open");
    for &query in QUERIES {
        let scanned = search(archive, query, None);
        let indexed = search(archive, query, Some(Arc::clone(&snapshot)));
        assert_eq!(indexed, scanned, "{query:?}");
    }
}

#[test]
fn folding_twice_is_folding_once() {
    // The index holds text folded; a query's chars are folded once, and matched against
    // text folded once, so folding must not move a folded char again.
    for c in (0..=0xFFFF).filter_map(char::from_u32) {
        let once = search::fold(c);
        assert_eq!(search::fold(once), once, "{c:?}");
    }
}

#[test]
fn an_indexed_search_finds_exactly_what_the_scan_finds() {
    let archive_folder = mixed_archive();
    let cache = TempFolder::new("index-same");
    let archive = open(archive_folder.path());
    let (index, stats) = build(cache.path(), &archive);
    assert_eq!(
        stats,
        UpdateStats {
            unchanged: 0,
            indexed: 5,
            removed: 0
        }
    );
    // Every edition but the broken one is covered, and the index rules editions out.
    let snapshot = index.snapshot().unwrap();
    assert_eq!(snapshot.coverage(), (4, 5));
    let may = snapshot.may_hold("没有这样的字符串").unwrap();
    assert_eq!(may, [false, true, false, false, false]);
    let may = snapshot.may_hold("军运会").unwrap();
    assert!(may[2] && !may[3] && !may[4], "{may:?}");
    assert_eq!(snapshot.may_hold(" "), None);
    assert_same_as_scan(&archive, &index);
}

#[test]
fn adding_changing_and_removing_editions_updates_only_those() {
    let archive_folder = mixed_archive();
    let root = archive_folder.path();
    let cache = TempFolder::new("index-update");
    let (_, stats) = build(cache.path(), &open(root));
    assert_eq!(stats.indexed, 5);

    // Opened again as it is: nothing to do, and the searches agree.
    let archive = open(root);
    let (index, stats) = build(cache.path(), &archive);
    assert_eq!(
        stats,
        UpdateStats {
            unchanged: 5,
            indexed: 0,
            removed: 0
        }
    );
    assert_same_as_scan(&archive, &index);

    // A new edition, with a word no other holds.
    let new = root.join("2026-06/20260610");
    std::fs::create_dir_all(&new).unwrap();
    std::fs::write(
        new.join("20260610-01-01.txt"),
        "新到的一期\n\n　　这是一期新到的报纸，写着独一无二的词语。\n",
    )
    .unwrap();
    let archive = open(root);
    let (index, stats) = build(cache.path(), &archive);
    assert_eq!(
        stats,
        UpdateStats {
            unchanged: 5,
            indexed: 1,
            removed: 0
        }
    );
    let (hits, _) = search(&archive, "独一无二", index.snapshot());
    assert_eq!(hits.len(), 1);
    assert_eq!(archive.entries()[hits[0].edition].date, "2026-06-10");
    assert_same_as_scan(&archive, &index);

    // A file changed: that edition alone is indexed again, and its new text found.
    let file = new.join("20260610-01-01.txt");
    let mut text = std::fs::read_to_string(&file).unwrap();
    text.push_str("　　后来又添上了一句别样的话。\n");
    std::fs::write(&file, text).unwrap();
    let archive = open(root);
    let (index, stats) = build(cache.path(), &archive);
    assert_eq!((stats.unchanged, stats.indexed, stats.removed), (5, 1, 0));
    assert_eq!(search(&archive, "别样的话", index.snapshot()).0.len(), 1);

    // An edition gone: deleted from the index.
    std::fs::remove_dir_all(root.join("20260605")).unwrap();
    let archive = open(root);
    let (index, stats) = build(cache.path(), &archive);
    assert_eq!((stats.unchanged, stats.indexed, stats.removed), (5, 0, 1));
    assert_same_as_scan(&archive, &index);
}

#[test]
fn an_index_in_the_background_is_used_as_it_comes_and_agrees_with_the_scan() {
    let archive_folder = mixed_archive();
    let cache = TempFolder::new("index-background");
    let archive = open(archive_folder.path());
    let folder = index_folder(cache.path(), archive.root());
    let index = ArchiveIndex::start(
        folder.clone(),
        archive.root(),
        archive.shared_entries(),
        archive.options(),
    );
    // Searches before the update ends scan what it has not covered.
    let (hits, _) = search(&archive, "发展", index.snapshot());
    assert_eq!(hits, search(&archive, "发展", None).0);
    index.wait();
    assert_eq!(index.failure(), None);
    assert_eq!(index.progress(), (5, 5, true));
    assert!(folder.join("meta.json").is_file());
    assert_same_as_scan(&archive, &index);
}

#[test]
fn a_damaged_index_is_made_again_and_a_search_never_needs_it() {
    let archive_folder = mixed_archive();
    let cache = TempFolder::new("index-damaged");
    let archive = open(archive_folder.path());
    build(cache.path(), &archive);

    // Every file of the index overwritten with noise.
    for entry in std::fs::read_dir(cache.path()).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            std::fs::write(&path, b"\x00not an index\xff").unwrap();
        }
    }
    let (index, stats) = build(cache.path(), &archive);
    assert_eq!(stats.indexed, 5, "made again");
    assert_same_as_scan(&archive, &index);

    // A folder that cannot be one: the update fails, and searches scan.
    let blocked = cache.path().join("a-file");
    std::fs::write(&blocked, "not a folder").unwrap();
    let index = ArchiveIndex::start(
        blocked,
        archive.root(),
        archive.shared_entries(),
        archive.options(),
    );
    index.wait();
    assert!(index.failure().is_some());
    assert!(index.snapshot().is_none());
    for &query in QUERIES {
        assert_eq!(
            search(&archive, query, index.snapshot()),
            search(&archive, query, None)
        );
    }
}

#[test]
fn the_index_folder_is_keyed_by_the_archives_canonical_path() {
    let archive_folder = mixed_archive();
    let root = archive_folder.path();
    let cache = Path::new("/cache");
    let through_dot = root.join("2019-10").join("..");
    assert_eq!(index_folder(cache, root), index_folder(cache, &through_dot));
    let other = TempFolder::new("index-other");
    assert_ne!(index_folder(cache, root), index_folder(cache, other.path()));
    assert!(index_folder(cache, root).starts_with("/cache/kanbao/index-v1"));
}

#[test]
fn the_grams_are_those_the_ngram_tokenizer_cuts() {
    use tantivy::tokenizer::TokenStream;
    let text = "数字化 转型，ＡＩ与\0大模型：“新质生产力”";
    let mut grams = Grams::default();
    grams.add(text);
    let mut ours: Vec<String> = (grams.into_tokens().tokens.into_iter())
        .map(|token| token.text)
        .collect();
    ours.sort();
    let folded: String = index_chars(text).collect();
    let mut analyzer = TextAnalyzer::from(NgramTokenizer::all_ngrams(1, 2).unwrap());
    let mut stream = analyzer.token_stream(&folded);
    let mut theirs = Vec::new();
    while stream.advance() {
        theirs.push(stream.token().text.clone());
    }
    theirs.sort();
    theirs.dedup();
    assert_eq!(ours, theirs);
    assert!(ours.contains(&"型,".to_owned()) && ours.contains(&"ai".to_owned()));
}
