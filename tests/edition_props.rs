//! On any input the parser never panics, keeps no control character, and loses no
//! character its notes do not account for.
//!
//! Accounting, precisely: take the non-whitespace characters of the input, decomposed
//! (NFD, so that composing "e\u{301}" into "é" changes nothing); as a multiset they equal
//! those of every text the model holds (section, column, kicker, headline, subtitle,
//! byline, blocks, captions; not `title`, which is derived) plus those of every note's
//! `removed` text. A note that removes text is a warning unless it is markup that became
//! structure (a jump marker, a page header, a byte-order mark) or the edition's metadata
//! (page furniture naming the date, paper or pages; front matter).

use std::collections::BTreeMap;

use kanbao::edition::{NoteKind, ParsedText, parse};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

type Chars = BTreeMap<char, usize>;

fn count_into(chars: &mut Chars, text: &str) {
    for c in text.nfd().filter(|c| !c.is_whitespace()) {
        *chars.entry(c).or_default() += 1;
    }
}

fn model_texts(parsed: &ParsedText) -> Vec<&str> {
    let mut texts = Vec::new();
    for page in &parsed.pages {
        texts.extend(page.section.as_deref());
        for article in &page.articles {
            texts.extend(article.headings());
            texts.extend(article.blocks.iter().map(|block| block.text.as_str()));
            texts.extend(article.captions.iter().map(|caption| caption.text.as_str()));
        }
    }
    texts
}

fn check(input: &str) -> Result<(), TestCaseError> {
    let parsed = parse(input, 1);

    let mut expected = Chars::new();
    count_into(&mut expected, input);
    let mut accounted = Chars::new();
    for text in model_texts(&parsed) {
        count_into(&mut accounted, text);
    }
    for note in &parsed.notes {
        count_into(&mut accounted, &note.removed);
    }
    prop_assert_eq!(&expected, &accounted, "input {:?}", input);

    for note in &parsed.notes {
        if note.kind == NoteKind::Markup {
            let metadata = note.message.starts_with("page furniture")
                || note.message.starts_with("front matter");
            prop_assert!(
                note.removed == "\u{feff}" || note.removed.contains('版') || metadata,
                "markup note {:?} is neither a marker, a header nor metadata",
                note
            );
        }
    }
    let warnings = parsed.warnings().count();
    let warned = parsed
        .notes
        .iter()
        .filter(|note| note.kind != NoteKind::Markup)
        .count();
    prop_assert_eq!(warnings, warned);

    for text in model_texts(&parsed) {
        let hidden = text
            .chars()
            .find(|&c| (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c));
        prop_assert_eq!(hidden, None, "in {:?}", text);
        prop_assert!(!text.trim().is_empty(), "an empty text in the model");
    }
    for warning in parsed.warnings() {
        prop_assert!(!warning.contains(|c: char| c.is_control()), "{:?}", warning);
    }
    Ok(())
}

/// Pieces of newspaper pages and of hostile text, to be strung together at random.
fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("\n".to_owned()),
        Just("\n\n".to_owned()),
        Just("\r\n".to_owned()),
        Just("\u{3000}\u{3000}".to_owned()),
        Just(" ".to_owned()),
        Just("\t".to_owned()),
        Just("第四版".to_owned()),
        Just("第4版(要闻)".to_owned()),
        Just("A04版".to_owned()),
        Just("(下转第四版)".to_owned()),
        Just("（下转第4版）".to_owned()),
        Just("下转第二版".to_owned()),
        Just("(上接第一版)".to_owned()),
        Just("上接第1版".to_owned()),
        Just("接第一版".to_owned()),
        Just("□本报记者 张 三".to_owned()),
        Just("新华社北京7月5日电".to_owned()),
        Just("护航高考 记者在现场".to_owned()),
        Just("记者在现场".to_owned()),
        Just("——".to_owned()),
        Just("20417".to_owned()),
        Just("智慧2.0".to_owned()),
        Just("。".to_owned()),
        Just("，".to_owned()),
        Just("、".to_owned()),
        Just("“".to_owned()),
        Just("”".to_owned()),
        Just("A crane lifts a container onto a ship.".to_owned()),
        Just("\u{1b}]0;owned\u{7}".to_owned()),
        Just("\u{1b}[2J".to_owned()),
        Just("\u{1b}".to_owned()),
        Just("\u{9b}31m".to_owned()),
        Just("\u{8}".to_owned()),
        Just("\r".to_owned()),
        Just("\u{202e}".to_owned()),
        Just("\u{2066}".to_owned()),
        Just("\u{feff}".to_owned()),
        Just("e\u{301}".to_owned()),
        Just("\u{1100}\u{1161}".to_owned()),
        "[\u{4e00}-\u{4e40}]{1,30}",
        "[a-z ]{1,12}",
        any::<char>().prop_map(String::from),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn page_like_text_is_fully_accounted_for(
        fragments in prop::collection::vec(fragment(), 0..60)
    ) {
        check(&fragments.concat())?;
    }

    #[test]
    fn arbitrary_text_is_fully_accounted_for(input in any::<String>()) {
        check(&input)?;
    }
}

#[test]
fn the_builtin_page_is_fully_accounted_for() {
    check(kanbao::edition::BUILTIN_PAGE).expect("the built-in page");
}
