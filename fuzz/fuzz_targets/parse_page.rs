//! Arbitrary bytes as page files, loaded as `kanbao FILE...` loads them: read, checked for
//! binary content, decoded (lossily when only a few bytes are invalid), parsed, and the
//! continued stories linked across pages. NUL bytes, which make a file binary, split the
//! input into several page files.
//!
//! Checked on every input: loading ends in an edition or a one-line error; the edition holds
//! no character that would reach a terminal as a control; the table of contents carries none;
//! the edition saved as JSON loads back the same; every linked jump points at an article.

#![no_main]

use std::path::PathBuf;
use std::sync::OnceLock;

use kanbao::edition::{Edition, load, toc};
use libfuzzer_sys::fuzz_target;

/// Page files are limited to this many, to keep each run quick.
const MAX_FILES: usize = 4;

/// A folder of this process's own, for the page files.
fn folder() -> &'static PathBuf {
    static FOLDER: OnceLock<PathBuf> = OnceLock::new();
    FOLDER.get_or_init(|| {
        let folder = std::env::temp_dir().join(format!("kanbao-fuzz-{}", std::process::id()));
        std::fs::create_dir_all(&folder).expect("a scratch folder");
        folder
    })
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
    let paths: Vec<PathBuf> = bytes
        .split(|&byte| byte == 0)
        .take(MAX_FILES)
        .enumerate()
        .map(|(index, content)| {
            let path = folder().join(format!("page{index}.txt"));
            std::fs::write(&path, content).expect("write a page file");
            path
        })
        .collect();
    let edition = match load(&paths) {
        Ok(edition) => edition,
        Err(error) => {
            let message = format!("{error:#}");
            assert!(!message.contains('\n'), "a multi-line error: {message:?}");
            return;
        }
    };
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
