//! Arbitrary text laid out as every part of an article, at any width from 1 to 300 cells,
//! with either ambiguous-width setting and either punctuation setting.
//!
//! Checked on every input: no line is wider than the layout width (or [`MIN_WIDTH`], the
//! narrowest layout), each line's recorded width is its measured width, no line carries a
//! control character, and `--dump` prints exactly the laid-out lines.

#![no_main]

use arbitrary::Arbitrary;
use kanbao::edition::{Article, Block, BlockKind, Caption, CaptionKind, Jump};
use kanbao::text::{
    AmbiguousWidth, LayoutOptions, MIN_WIDTH, Punctuation, dump, layout_article, str_width,
};
use libfuzzer_sys::fuzz_target;

#[derive(Debug, Arbitrary)]
struct Input {
    text: String,
    width: u16,
    wide_ambiguous: bool,
    source_punctuation: bool,
}

fuzz_target!(|input: Input| {
    let width = usize::from(input.width % 300) + 1;
    let options = LayoutOptions {
        width,
        ambiguous: if input.wide_ambiguous {
            AmbiguousWidth::Wide
        } else {
            AmbiguousWidth::Narrow
        },
        punctuation: if input.source_punctuation {
            Punctuation::Source
        } else {
            Punctuation::FullWidth
        },
    };
    let text = input.text;
    let article = Article {
        id: "1-1".into(),
        headline: Some(text.clone()),
        blocks: vec![
            Block {
                kind: BlockKind::Paragraph,
                text: text.clone(),
            },
            Block {
                kind: BlockKind::Subhead,
                text: text.clone(),
            },
        ],
        captions: vec![
            Caption {
                kind: CaptionKind::Photo,
                text: text.clone(),
            },
            Caption {
                kind: CaptionKind::Label,
                text,
            },
        ],
        jump_to: Some(Jump {
            page: 4,
            article: None,
        }),
        ..Article::default()
    };

    let lines = layout_article(&article, &options);
    let most = width.max(MIN_WIDTH);
    for line in &lines {
        assert!(line.width <= most, "wider than {most}: {line:?}");
        assert_eq!(
            line.width,
            str_width(&line.text, options.ambiguous),
            "{line:?}"
        );
        assert!(
            !line.text.contains(char::is_control),
            "a control in {line:?}"
        );
    }
    let printed: String = lines.iter().map(|line| line.text.clone() + "\n").collect();
    assert_eq!(dump([&article], &options), printed);
});
