//! Continuation jumps across the built-in front page and page 4 fixtures, loaded as a user would.

use std::path::PathBuf;

use kanbao::edition::{self, Article, Edition, story_parts};

const FRONT_PAGE: &str = "seeds/000_5a0e4a0e642bd2cf.txt";

fn load(files: &[&str]) -> Edition {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let paths: Vec<PathBuf> = files.iter().map(|file| root.join(file)).collect();
    edition::load(&paths).expect("the pages load")
}

fn text(article: &Article) -> String {
    let headings = [&article.kicker, &article.headline, &article.subtitle];
    let blocks = article.blocks.iter().map(|block| block.text.as_str());
    headings
        .into_iter()
        .flatten()
        .map(String::as_str)
        .chain(blocks)
        .collect()
}

/// The one article on `page` whose text contains `term`.
fn article_with<'a>(edition: &'a Edition, page: u32, term: &str) -> &'a Article {
    let mut found = edition
        .page(page)
        .expect("page is loaded")
        .articles
        .iter()
        .filter(|article| text(article).contains(term));
    let article = found
        .next()
        .unwrap_or_else(|| panic!("an article on page {page} mentions {term}"));
    assert!(
        found.next().is_none(),
        "one article on page {page} mentions {term}"
    );
    article
}

fn fronts(edition: &Edition) -> Vec<&Article> {
    let front_page = edition.page(1).expect("the front page is loaded");
    front_page
        .articles
        .iter()
        .filter(|article| article.jump_to.is_some())
        .collect()
}

fn link_warnings(edition: &Edition) -> Vec<&str> {
    let is_about_links = |warning: &&str| warning.contains("下转") || warning.contains("上接");
    edition
        .warnings
        .iter()
        .map(String::as_str)
        .filter(is_about_links)
        .collect()
}

/// A term only the front part has, and one only its continuation on page 4 has.
const STORIES: [(&str, &str); 3] = [
    ("多式联运", "重去重回"),
    ("夏睿宏", "正面清单"),
    ("增力轮", "买里程"),
];

#[test]
fn every_jump_of_the_front_page_lands_on_its_continued_part_and_back() {
    let edition = load(&[FRONT_PAGE, "tests/fixtures/page4.txt"]);
    assert_eq!(fronts(&edition).len(), STORIES.len());
    for (front_term, back_term) in STORIES {
        let front = article_with(&edition, 1, front_term);
        let back = article_with(&edition, 4, back_term);
        let jump_to = front.jump_to.as_ref().expect("the front part jumps");
        let jump_from = back
            .jump_from
            .as_ref()
            .expect("the continued part is marked");
        assert_eq!(
            (jump_to.page, jump_to.article.as_deref()),
            (4, Some(back.id.as_str())),
            "{front_term}"
        );
        assert_eq!(
            (jump_from.page, jump_from.article.as_deref()),
            (1, Some(front.id.as_str())),
            "{back_term}"
        );

        let parts: Vec<&str> = story_parts(&edition, &back.id)
            .iter()
            .map(|part| part.id.as_str())
            .collect();
        assert_eq!(parts, [front.id.as_str(), back.id.as_str()]);
    }
    assert_eq!(link_warnings(&edition), Vec::<&str>::new());
}

#[test]
fn stories_that_do_not_continue_stay_unlinked() {
    let edition = load(&[FRONT_PAGE, "tests/fixtures/page4.txt"]);
    for term in ["防汛", "海水浴场"] {
        let story = article_with(&edition, 4, term);
        assert_eq!((&story.jump_to, &story.jump_from), (&None, &None), "{term}");
        assert_eq!(story_parts(&edition, &story.id).len(), 1);
    }
}

#[test]
fn without_page_four_every_jump_says_the_page_is_missing() {
    let edition = load(&[FRONT_PAGE]);
    let fronts = fronts(&edition);
    assert_eq!(fronts.len(), STORIES.len());
    for front in &fronts {
        assert_eq!(front.jump_to.as_ref().unwrap().article, None);
    }
    let expected: Vec<String> = fronts
        .iter()
        .map(|front| {
            format!(
                "{}: 下转第四版, but page 4 is not in this edition; left unresolved",
                front.id
            )
        })
        .collect();
    assert_eq!(link_warnings(&edition), expected);
}

#[test]
fn a_page_four_without_the_continued_parts_links_nothing() {
    let edition = load(&[FRONT_PAGE, "tests/fixtures/page4_unrelated.txt"]);
    let jumps = edition
        .pages
        .iter()
        .flat_map(|page| &page.articles)
        .flat_map(|article| [&article.jump_to, &article.jump_from]);
    for jump in jumps.flatten() {
        assert_eq!(jump.article, None, "{jump:?}");
    }
    let warnings = link_warnings(&edition);
    for front in fronts(&edition) {
        let prefix = format!("{}: 下转第四版, but ", front.id);
        assert!(
            warnings.iter().any(|warning| warning.starts_with(&prefix)),
            "{prefix}… in {warnings:?}"
        );
    }
    let from_page_two = article_with(&edition, 4, "有粮必收");
    let expected = format!(
        "{}: 上接第二版, but page 2 is not in this edition; left unresolved",
        from_page_two.id
    );
    assert!(
        warnings.contains(&expected.as_str()),
        "{expected} in {warnings:?}"
    );
}
