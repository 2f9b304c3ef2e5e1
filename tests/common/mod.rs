//! The layout rules, restated independently of the engine, to check laid-out articles.

use kanbao::edition::Article;
use kanbao::text::{
    LayoutOptions, Line, LineKind, MIN_WIDTH, Punctuation, TextPart, char_width, str_width,
};

/// Characters no line may start with (避头).
pub const LINE_START_PROHIBITED: &str = "，。、；：？！）》」』】〉”’…—·%％,.;:?!)";
/// Characters no line may end with (避尾).
pub const LINE_END_PROHIBITED: &str = "（《「『【〈“‘(";

/// A character of a Latin word or number, which must not be split.
fn is_word_char(c: char) -> bool {
    c.is_ascii_graphic() || "①■●□␉␇".contains(c)
}

/// True when `shown` is an honest display of `source`: the same char, its full-width form
/// when that setting is on, or a visible stand-in for a control character.
fn displays(source: char, shown: char, punctuation: Punctuation) -> bool {
    const WIDENED: [(char, char); 7] = [
        (',', '，'),
        (';', '；'),
        (':', '：'),
        ('?', '？'),
        ('!', '！'),
        ('(', '（'),
        (')', '）'),
    ];
    shown == source
        || (punctuation == Punctuation::FullWidth && WIDENED.contains(&(source, shown)))
        || (source.is_control() && !shown.is_control())
}

/// The parts of an article in reading order, with their text.
fn parts(article: &Article) -> Vec<(TextPart, &str)> {
    let headings = [
        (TextPart::Column, &article.column),
        (TextPart::Kicker, &article.kicker),
        (TextPart::Headline, &article.headline),
        (TextPart::Subtitle, &article.subtitle),
        (TextPart::Byline, &article.byline),
    ];
    let mut parts: Vec<(TextPart, &str)> = headings
        .into_iter()
        .filter_map(|(part, text)| Some((part, text.as_deref()?)))
        .collect();
    parts.extend(
        article
            .blocks
            .iter()
            .enumerate()
            .map(|(index, block)| (TextPart::Block(index), block.text.as_str())),
    );
    parts.extend(
        article
            .captions
            .iter()
            .enumerate()
            .map(|(index, caption)| (TextPart::Caption(index), caption.text.as_str())),
    );
    parts
}

/// One line of a part: its prefix width and the display chars it shows from the source.
struct PartLine<'a> {
    line: &'a Line,
    start: usize,
    shown: Vec<char>,
}

impl PartLine<'_> {
    fn end(&self) -> usize {
        self.start + self.shown.len()
    }

    fn prefix_width(&self, options: &LayoutOptions) -> usize {
        self.line.width - str_width(&self.shown.iter().collect::<String>(), options.ambiguous)
    }
}

/// Checks every layout rule on `lines`, the layout of `article` with `options`; panics with
/// what broke.
pub fn check_layout(article: &Article, options: &LayoutOptions, lines: &[Line]) {
    let width = options.width.max(MIN_WIDTH);
    for line in lines {
        assert!(line.width <= width, "wider than {width}: {line:?}");
        assert_eq!(
            line.width,
            str_width(&line.text, options.ambiguous),
            "{line:?}"
        );
        assert!(
            !line.text.chars().any(char::is_control),
            "raw control: {line:?}"
        );
    }
    check_blank_lines(lines);
    let mut seen = lines
        .iter()
        .filter_map(|line| line.source.map(|source| source.part));
    for (part, text) in parts(article) {
        let source: Vec<char> = text.chars().collect();
        let part_lines: Vec<PartLine> = lines
            .iter()
            .filter(|line| line.source.is_some_and(|source| source.part == part))
            .map(|line| {
                let source = line.source.unwrap();
                PartLine {
                    line,
                    start: source.start,
                    shown: line.text.chars().skip(source.prefix).collect(),
                }
            })
            .collect();
        for _ in &part_lines {
            assert_eq!(seen.next(), Some(part), "parts out of order");
        }
        check_text_kept(&source, &part_lines, options.punctuation);
        check_breaks(&source, &part_lines, options, width);
    }
    assert_eq!(seen.next(), None, "a line from no part of the article");
}

fn check_blank_lines(lines: &[Line]) {
    let blank = |line: &Line| line.kind == LineKind::Blank;
    assert!(!lines.first().is_some_and(blank), "leading blank line");
    assert!(!lines.last().is_some_and(blank), "trailing blank line");
    assert!(
        !lines
            .windows(2)
            .any(|pair| blank(&pair[0]) && blank(&pair[1])),
        "two blank lines in a row"
    );
}

/// Every source char is shown once, in order; only spaces at a break, and newlines, which
/// end a line, are left out (so text of nothing but those may show no line at all).
fn check_text_kept(source: &[char], lines: &[PartLine], punctuation: Punctuation) {
    let mut position = 0;
    for line in lines {
        assert!(
            !line.shown.is_empty(),
            "a line with no text: {:?}",
            line.line
        );
        assert!(line.start >= position, "text repeated: {:?}", line.line);
        assert!(line.end() <= source.len(), "text invented: {:?}", line.line);
        let skipped = &source[position..line.start];
        let breaking = |c: &char| *c == '\n' || (*c == ' ' && position > 0);
        assert!(
            skipped.iter().all(breaking),
            "text lost before {:?}: {skipped:?}",
            line.line
        );
        for (&from, &shown) in source[line.start..].iter().zip(&line.shown) {
            assert!(
                displays(from, shown, punctuation),
                "{from:?} shown as {shown:?}"
            );
        }
        position = line.end();
    }
    let rest = &source[position..];
    assert!(
        rest.iter().all(|&c| c == ' ' || c == '\n'),
        "text lost at the end: {rest:?}"
    );
}

/// A break ending a line before `end` and starting the next at `next` (after the spaces
/// between them) keeps the rules.
fn is_clean_break(text: &[char], end: usize, next: usize) -> bool {
    let (before, after) = (text[end - 1], text.get(next).copied());
    let splits_word = end == next && after.is_some_and(is_word_char) && is_word_char(before);
    !splits_word
        && !LINE_END_PROHIBITED.contains(before)
        && !after.is_some_and(|c| LINE_START_PROHIBITED.contains(c))
}

/// Every break keeps the rules, unless no break that keeps them fits on that line.
fn check_breaks(source: &[char], lines: &[PartLine], options: &LayoutOptions, width: usize) {
    // The whole part as displayed, the spaces at breaks included.
    let mut text = source.to_vec();
    for line in lines {
        text[line.start..line.end()].copy_from_slice(&line.shown);
    }
    for pair in lines.windows(2) {
        let (line, next) = (&pair[0], &pair[1]);
        let at_newline = text[line.end()..next.start].contains(&'\n');
        if at_newline || is_clean_break(&text, line.end(), next.start) {
            continue;
        }
        let available = width - line.prefix_width(options);
        let mut used = 0;
        for end in line.start + 1..text.len() {
            used += char_width(text[end - 1], options.ambiguous);
            if used > available {
                break;
            }
            if text[end - 1] == ' ' {
                continue;
            }
            let after_spaces = (end..text.len()).find(|&at| text[at] != ' ');
            assert!(
                !is_clean_break(&text, end, after_spaces.unwrap_or(text.len())),
                "broke {:?} / {:?} although a clean break after {:?} fit",
                line.line.text,
                next.line.text,
                text[line.start..end].iter().collect::<String>(),
            );
        }
    }
}
