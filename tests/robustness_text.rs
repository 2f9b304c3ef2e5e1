//! Hostile and unusual text, from a page file or a saved edition, reaches the terminal as
//! plain printable text: `--dump`, `--toc` and `--json` print no control or bidi character,
//! decomposed text is shown composed, and every line fits the width as ratatui measures it.

mod support;

use kanbao::edition::{Article, Block, BlockKind, Caption, CaptionKind};
use kanbao::text::{AmbiguousWidth, LayoutOptions, Line, layout_article};
use serde_json::Value;
use support::cli::{Scratch, json, run_on, stdout};

/// Characters that must not reach a terminal: controls other than the line break, and the
/// bidi embeddings, overrides and isolates that reorder what is shown.
fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Asserts `output` carries no hidden character; `what` names it in the failure.
fn assert_printable(output: &str, what: &str) {
    let hidden: Vec<char> = output.chars().filter(|&c| is_hidden(c)).collect();
    assert!(hidden.is_empty(), "{what} prints {hidden:?}:\n{output}");
}

/// A page whose headline and paragraphs carry every kind of hidden character.
const HOSTILE_PAGE: &str = "第2版\n\n\
    会议\x1b]0;owned\x07召开\r部署\x1b[2J工作\n\n\
    \x1b[31m市里\u{85}要求\u{9b}31m各区加快\x07进度\x08，\r\u{202a}确\u{202b}保\u{202c}按\u{202d}期\u{202e}完成\
    \u{2066}全\u{2067}年\u{2068}任\u{2069}务。\x1b[0m\n\n\
    第二段\x00落\x7f实\u{9c}到\x1bP位\x1b\\。\n";

fn hostile_page(scratch: &Scratch) -> std::path::PathBuf {
    scratch.write("hostile.txt", HOSTILE_PAGE.replace('\0', ""))
}

#[test]
fn hostile_page_text_prints_no_control_or_bidi_character() {
    let scratch = Scratch::new("hostile_page");
    let page = hostile_page(&scratch);
    for args in [
        &["--toc"][..],
        &["--dump"],
        &["--dump", "--width", "7"],
        &["--json"],
    ] {
        let output = stdout(&run_on(&page, args));
        assert_printable(&output, &args.join(" "));
        // Only the warnings in --json may name what was removed, as visible text.
        assert!(args == ["--json"] || !output.contains("owned"), "{output}");
    }
    let edition = json(&run_on(&page, &["--json"]));
    let article = &edition["pages"][0]["articles"][0];
    // A lone CR ends a line, as it does in files saved by old Mac editors: here one inside a
    // heading group and one inside a sentence, which the paragraph repair joins again.
    assert_eq!(article["headline"], "会议召开");
    assert_eq!(article["subtitle"], "部署工作");
    assert_eq!(
        article["blocks"][0]["text"],
        "市里要求各区加快进度，确保按期完成全年任务。"
    );
    assert_eq!(article["blocks"][1]["text"], "第二段落实到。");
}

#[test]
fn a_saved_edition_with_hidden_characters_prints_none() {
    let scratch = Scratch::new("hostile_json");
    let mut edition = json(&run_on(&hostile_page(&scratch), &["--json"]));
    let article = &mut edition["pages"][0]["articles"][0];
    article["title"] = "标题\x1b]0;owned\x07\u{202e}反向\x1b[2J".into();
    article["headline"] = "会议\x1b[31m召开\r".into();
    article["blocks"][0]["text"] = "正文\u{2066}隔离\u{9b}2J结束\x07。".into();
    article["jump_to"] = serde_json::json!({"page": 4, "article": "4-1\x1b]0;owned\x07"});
    edition["warnings"] = vec![Value::from("警告\x1b[2J")].into();
    let saved = scratch.write("edition.json", edition.to_string());
    for args in [&["--toc"][..], &["--dump"], &["--json"]] {
        assert_printable(&stdout(&run_on(&saved, args)), &args.join(" "));
    }
    let loaded = json(&run_on(&saved, &["--json"]));
    let article = &loaded["pages"][0]["articles"][0];
    assert_eq!(article["title"], "标题反向");
    assert_eq!(article["headline"], "会议召开");
    assert_eq!(article["blocks"][0]["text"], "正文隔离结束。");
}

#[test]
fn decomposed_text_is_shown_composed() {
    let scratch = Scratch::new("decomposed");
    let page = scratch.write(
        "nfd.txt",
        "Cafe\u{301} au lait, re\u{301}sume\u{301}：会议纪要。\n\n越南语 Vie\u{323}\u{302}t Nam。\n",
    );
    let dump = stdout(&run_on(&page, &["--dump", "--width", "30"]));
    assert!(dump.contains("Café au lait, résumé"), "{dump}");
    assert!(dump.contains("Việt Nam"), "{dump}");
    assert!(
        !dump.contains(['\u{301}', '\u{323}', '\u{302}']),
        "{dump:?}"
    );
}

fn article_of(text: &str) -> Article {
    Article {
        headline: Some(text.into()),
        blocks: vec![Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
        }],
        captions: vec![Caption {
            kind: CaptionKind::Photo,
            text: text.into(),
        }],
        ..Article::default()
    }
}

/// The width ratatui gives a line of text, which is what it draws.
fn ratatui_width(line: &Line) -> usize {
    ratatui::text::Line::raw(line.text.as_str()).width()
}

/// Lays `text` out at every width from 1 to 40 and returns every line.
fn lines_at_every_width(text: &str) -> Vec<(usize, Line)> {
    let article = article_of(text);
    (1..=40)
        .flat_map(|width| {
            layout_article(&article, &LayoutOptions::new(width))
                .into_iter()
                .map(move |line| (width.max(2), line))
        })
        .collect()
}

#[test]
fn emoji_fit_the_width_as_ratatui_measures_them() {
    // Emoji presentation (U+FE0F) and keycaps widen a one-cell character to two.
    let text =
        "点赞❤\u{fe0f}❤\u{fe0f}☺\u{fe0f}1\u{fe0f}\u{20e3}#\u{fe0f}\u{20e3}©\u{fe0f}好评🎉🇨🇳青岛";
    for (width, line) in lines_at_every_width(text) {
        assert_eq!(line.width, ratatui_width(&line), "{line:?}");
        assert!(line.width <= width, "wider than {width}: {line:?}");
    }
}

#[test]
fn emoji_sequences_never_overflow_the_width() {
    // A joined family and a skin tone draw as one emoji in ratatui; a terminal without
    // the sequence draws each part. Laid out as parts, a line fits either way.
    let text = "家庭👨\u{200d}👩\u{200d}👧点赞👍🏽彩虹🏳\u{fe0f}\u{200d}🌈";
    for (width, line) in lines_at_every_width(text) {
        assert!(ratatui_width(&line) <= line.width, "{line:?}");
        assert!(line.width <= width, "wider than {width}: {line:?}");
    }
}

#[test]
fn combining_and_zero_width_characters_stay_with_their_base() {
    // q̃ has no composed form; the word joiner and ZWJ are kept by the parser.
    let text = "q\u{303}q\u{303}q\u{303}中\u{2060}文a\u{301}\u{301}\u{301}b字\u{200d}字";
    for (width, line) in lines_at_every_width(text) {
        assert_eq!(line.width, ratatui_width(&line), "{line:?}");
        assert!(line.width <= width, "wider than {width}: {line:?}");
        let first = line.text.chars().next();
        let starts_with_mark = first.is_some_and(|c| {
            unicode_width::UnicodeWidthChar::width(c) == Some(0) && c != '\u{200d}'
        });
        assert!(!starts_with_mark, "a mark without its base: {line:?}");
    }
}

#[test]
fn wide_ambiguous_setting_measures_emoji_clusters_too() {
    let article = article_of("❤\u{fe0f}“引号”❤\u{fe0f}…");
    for width in 2..=20 {
        let options = LayoutOptions {
            ambiguous: AmbiguousWidth::Wide,
            ..LayoutOptions::new(width)
        };
        for line in layout_article(&article, &options) {
            let cjk = unicode_width::UnicodeWidthStr::width_cjk(line.text.as_str());
            assert_eq!(line.width, cjk, "{line:?}");
            assert!(line.width <= width, "wider than {width}: {line:?}");
        }
    }
}
