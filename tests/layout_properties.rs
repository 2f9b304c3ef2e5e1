//! Generated articles of Chinese, punctuation, Latin words, numbers and ambiguous-width
//! characters keep every layout rule at every width and setting.

mod common;

use proptest::prelude::*;

use kanbao::edition::{Article, Block, BlockKind, Caption, CaptionKind, Jump};
use kanbao::text::{AmbiguousWidth, LayoutOptions, Punctuation, layout_article};

/// One piece of text: a character or a word, as newspaper text mixes them.
fn token() -> impl Strategy<Value = String> {
    let pick = |set: &'static str| {
        let chars: Vec<char> = set.chars().collect();
        proptest::sample::select(chars).prop_map(String::from)
    };
    prop_oneof![
        8 => pick("数字青岛建设会议指出中欧班列汽车轮胎产品市场发展的了在和"),
        3 => pick("，。、；：？！）》」』】〉（《「『【〈％"),
        3 => pick(",.;:?!()%"),
        2 => "[A-Za-z]{1,12}",
        2 => "[0-9]{1,5}",
        1 => "[0-9]{1,3}\\.[0-9]{1,2}",
        3 => pick("“”‘’…—·①■●□"),
        1 => prop_oneof![Just("——".to_owned()), Just("……".to_owned())],
        2 => Just(" ".to_owned()),
        1 => pick("\t\u{7}\n"),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(token(), 0..50).prop_map(|tokens| tokens.concat())
}

fn article() -> impl Strategy<Value = Article> {
    let block = (any::<bool>(), text()).prop_map(|(subhead, text)| Block {
        kind: if subhead {
            BlockKind::Subhead
        } else {
            BlockKind::Paragraph
        },
        text,
    });
    let caption_kind = prop_oneof![
        Just(CaptionKind::Photo),
        Just(CaptionKind::Label),
        Just(CaptionKind::Description),
    ];
    let caption = (caption_kind, text()).prop_map(|(kind, text)| Caption { kind, text });
    let jump = proptest::option::of((1..30u32).prop_map(|page| Jump {
        page,
        article: None,
    }));
    (
        proptest::option::of(text()),
        proptest::option::of(text()),
        proptest::option::of(text()),
        prop::collection::vec(block, 0..4),
        prop::collection::vec(caption, 0..3),
        jump.clone(),
        jump,
    )
        .prop_map(
            |(kicker, headline, byline, blocks, captions, jump_from, jump_to)| Article {
                id: "1-1".into(),
                kicker,
                headline,
                byline,
                blocks,
                captions,
                jump_from,
                jump_to,
                ..Article::default()
            },
        )
}

fn options() -> impl Strategy<Value = LayoutOptions> {
    let ambiguous = prop_oneof![Just(AmbiguousWidth::Narrow), Just(AmbiguousWidth::Wide)];
    let punctuation = prop_oneof![Just(Punctuation::FullWidth), Just(Punctuation::Source)];
    (1..=200usize, ambiguous, punctuation).prop_map(|(width, ambiguous, punctuation)| {
        LayoutOptions {
            width,
            ambiguous,
            punctuation,
        }
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn every_layout_keeps_the_rules(article in article(), options in options()) {
        let lines = layout_article(&article, &options);
        common::check_layout(&article, &options, &lines);
    }

    #[test]
    fn narrow_layouts_keep_the_rules(article in article(), width in 1..=12usize, wide in any::<bool>()) {
        let ambiguous = if wide { AmbiguousWidth::Wide } else { AmbiguousWidth::Narrow };
        let options = LayoutOptions { ambiguous, ..LayoutOptions::new(width) };
        let lines = layout_article(&article, &options);
        common::check_layout(&article, &options, &lines);
    }
}
