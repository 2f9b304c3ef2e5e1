//! Arbitrary bytes as the files of an edition, loaded as `kanbao FOLDER` loads them, through
//! `load_inputs` (no files are written): decoded (any encoding, lossily when only a few bytes
//! are invalid), told apart by layout (front matter, a crawl's header lines when the name
//! carries page and place, page text), built into one edition, and the continued stories
//! linked. NUL bytes split the input into several files, named in turn as page text, as a
//! crawled article and as a Markdown article in a page folder.
//!
//! Checked on every input: loading ends in an edition or a one-line error; the edition holds
//! no character that would reach a terminal as a control; the table of contents carries none;
//! the edition saved as JSON loads back the same; every id is unique; every linked jump points
//! at an article.

#![no_main]

use std::collections::HashSet;

use kanbao::edition::{Edition, Input, LoadOptions, load_inputs, toc};
use libfuzzer_sys::fuzz_target;

/// Files are limited to this many, to keep each run quick.
const MAX_FILES: usize = 4;

/// The name of the `index`th file: the three shapes of name the layouts are told by.
fn name(index: usize) -> String {
    match index % 3 {
        0 => format!("edition/page{index}.txt"),
        1 => format!("20191019/20191019-0{index}-0{index}.txt"),
        _ => format!("20260605/一版/0{index}-标题.md"),
    }
}

/// Characters that must not reach a terminal from the model: controls other than the line
/// break, and the bidi controls that reorder what is shown.
fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Every text the edition holds, to be shown or printed.
fn texts(edition: &Edition) -> Vec<&str> {
    let mut texts: Vec<&str> = edition.warnings.iter().map(String::as_str).collect();
    texts.extend(edition.paper.as_deref());
    texts.extend(edition.date.as_deref());
    for page in &edition.pages {
        texts.push(&page.label);
        texts.extend(page.section.as_deref());
        for article in &page.articles {
            texts.extend([article.id.as_str(), article.title.as_str()]);
            texts.extend(article.headings());
            texts.extend(article.blocks.iter().map(|block| block.text.as_str()));
            texts.extend(article.captions.iter().map(|caption| caption.text.as_str()));
        }
    }
    texts
}

fuzz_target!(|bytes: &[u8]| {
    let inputs: Vec<Input> = bytes
        .split(|&byte| byte == 0)
        .take(MAX_FILES)
        .enumerate()
        .map(|(index, content)| Input::new(name(index), content))
        .collect();
    let edition = match load_inputs(inputs, &LoadOptions::default()) {
        Ok(edition) => edition,
        Err(error) => {
            let message = error.to_string();
            assert!(!message.contains('\n'), "a multi-line error: {message:?}");
            return;
        }
    };
    let mut ids = HashSet::new();
    for article in edition.pages.iter().flat_map(|page| &page.articles) {
        assert!(ids.insert(&article.id), "a repeated id: {}", article.id);
    }
    for text in texts(&edition) {
        assert!(!text.contains(is_hidden), "hidden characters in {text:?}");
    }
    let contents = toc(&edition);
    assert!(
        !contents.contains(is_hidden),
        "hidden characters in {contents:?}"
    );

    let saved = serde_json::to_string(&edition).expect("an edition serializes");
    let reloaded: Edition = serde_json::from_str(&saved).expect("a saved edition loads");
    assert_eq!(reloaded, edition);

    let jumps = edition
        .pages
        .iter()
        .flat_map(|page| &page.articles)
        .flat_map(|article| [&article.jump_to, &article.jump_from])
        .flatten();
    for jump in jumps {
        if let Some(id) = &jump.article {
            assert!(
                edition.article(id).is_some(),
                "a jump to no article: {jump:?}"
            );
        }
    }
});
