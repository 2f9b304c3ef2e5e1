//! Searching the whole edition, and mapping matches to laid-out lines.
//!
//! Matching runs on the model's text, so a match can span a line break; the lines'
//! [`SourceRef`](crate::text::SourceRef)s map it back to the screen.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use unicode_normalization::UnicodeNormalization;

use crate::edition::Article;
use crate::text::{Line, TextPart};

/// A search and what it found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search {
    /// The text searched for, as typed.
    pub query: String,
    /// Every match in the edition, in reading order.
    pub matches: Vec<Match>,
    /// The match last shown.
    pub current: usize,
    /// Where each article's matches are in `matches`, by article: they come together, and a
    /// frame asks for those of the articles it shows only.
    by_article: Vec<(usize, Range<usize>)>,
}

impl Search {
    /// The search for `query` that found `matches`, none shown yet.
    pub fn new(query: String, matches: Vec<Match>) -> Self {
        let mut by_article: Vec<(usize, Range<usize>)> = Vec::new();
        for (index, found) in matches.iter().enumerate() {
            match by_article.last_mut() {
                Some((article, range)) if *article == found.article => range.end = index + 1,
                _ => by_article.push((found.article, index..index + 1)),
            }
        }
        by_article.sort_by_key(|(article, range)| (*article, range.start));
        Self {
            query,
            matches,
            current: 0,
            by_article,
        }
    }

    /// The matches in the article at `article`, each with its index in `matches`.
    pub fn in_article(&self, article: usize) -> impl Iterator<Item = (usize, &Match)> {
        let first = self
            .by_article
            .partition_point(|(other, _)| *other < article);
        (self.by_article[first..].iter())
            .take_while(move |(other, _)| *other == article)
            .flat_map(|(_, range)| range.clone().zip(&self.matches[range.clone()]))
    }
}

/// One place the query occurs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Match {
    /// The article's position in reading order.
    pub article: usize,
    /// The piece of the article.
    pub part: TextPart,
    /// Offset in chars into the piece's text.
    pub start: usize,
    /// Length in chars.
    pub len: usize,
}

/// The first folding step: full-width ASCII ("，" "Ａ") and the ideographic space to their
/// half-width forms, curly quotes to straight ones (so a typed " finds “ and ”), and Latin
/// letters to lower case.
fn fold_forms(c: char) -> char {
    let c = match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        '“' | '”' | '„' | '″' => '"',
        '‘' | '’' | '′' => '\'',
        _ => c,
    };
    c.to_ascii_lowercase()
}

/// [`fold_forms`], then the compatibility form NFKC gives where it is one char (a CJK
/// compatibility ideograph, a circled digit), then the simplified form of a traditional
/// character (數 as 数), so that 简 and 繁 text find each other. One char in, one out.
fn fold_fully(c: char) -> char {
    let c = fold_forms(c);
    let mut nfkc = std::iter::once(c).nfkc();
    let c = match (nfkc.next(), nfkc.next()) {
        (Some(single), None) => fold_forms(single),
        _ => c,
    };
    if c.len_utf8() == 3 {
        let mut buf = [0; 4];
        let simplified = fast2s::convert(c.encode_utf8(&mut buf));
        let mut chars = simplified.chars();
        if let (Some(single), None) = (chars.next(), chars.next()) {
            return single;
        }
    }
    c
}

/// Every char of the Basic Multilingual Plane that folds to another, and the other way
/// round: built once, at the first search.
struct FoldTable {
    /// Each BMP char's fold, at its code point: a lookup in the hot loops of search and
    /// indexing, where a hash map's cost shows.
    folded: Box<[char]>,
    forms: HashMap<char, Vec<char>>,
}

fn fold_table() -> &'static FoldTable {
    static TABLE: OnceLock<FoldTable> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut folded: Vec<char> = (0..=0xFFFF)
            .map(|code| char::from_u32(code).map_or('\0', fold_forms))
            .collect();
        let mut forms: HashMap<char, Vec<char>> = HashMap::new();
        for c in (0..=0xFFFF).filter_map(char::from_u32) {
            let to = fold_fully(c);
            if to != c {
                folded[c as usize] = to;
                forms.entry(to).or_default().push(c);
            }
        }
        FoldTable {
            folded: folded.into(),
            forms,
        }
    })
}

/// Folds the forms a reader does not tell apart (see [`fold_fully`]).
pub(crate) fn fold(c: char) -> char {
    match fold_table().folded.get(c as usize) {
        Some(&to) => to,
        None => fold_forms(c),
    }
}

/// Whether text may hold spaces between needle chars `a` and `b` and still match: between
/// two Chinese characters, as a paper spaces out a two-character name ("吴 帅").
fn spaces_may_separate(a: char, b: char) -> bool {
    let cjk = |c: char| !c.is_ascii() && !c.is_whitespace() && c.is_alphanumeric();
    cjk(a) && cjk(b)
}

/// Whether `c` is one of the spaces [`spaces_may_separate`] passes over.
fn is_gap(c: char) -> bool {
    c == ' ' || c == '\u{3000}'
}

/// The pieces of an article's text in the order the layout shows them.
pub(crate) fn parts(article: &Article) -> impl Iterator<Item = (TextPart, &str)> {
    let heading = [
        (TextPart::Column, &article.column),
        (TextPart::Kicker, &article.kicker),
        (TextPart::Headline, &article.headline),
        (TextPart::Subtitle, &article.subtitle),
        (TextPart::Byline, &article.byline),
    ]
    .into_iter()
    .filter_map(|(part, text)| Some((part, text.as_deref()?)));
    let blocks =
        (article.blocks.iter().enumerate()).map(|(i, b)| (TextPart::Block(i), b.text.as_str()));
    let captions =
        (article.captions.iter().enumerate()).map(|(i, c)| (TextPart::Caption(i), c.text.as_str()));
    heading.chain(blocks).chain(captions)
}

/// The chars that fold to `c` (itself folded): `c`, and its upper-case, full-width,
/// compatibility and traditional forms.
pub(crate) fn unfolded(c: char) -> Vec<char> {
    let mut forms = vec![c];
    if let Some(others) = fold_table().forms.get(&c) {
        forms.extend(others.iter().filter(|&&other| other != c));
    }
    forms
}

/// Every occurrence of `query` in `articles`, in reading order; none for an empty query.
pub fn find<'a>(articles: impl IntoIterator<Item = &'a Article>, query: &str) -> Vec<Match> {
    let needle: Vec<char> = query.chars().map(fold).collect();
    // Folding the whole edition to compare it is too slow; byte searches find candidates
    // instead. When every char of the needle has one form (Chinese text mostly does) a match
    // is the needle itself; otherwise candidates are the places of its char with the fewest
    // forms, found by searching for each form, and checked by folding the chars around them.
    let Some((anchor, forms)) = (needle.iter().enumerate())
        .map(|(at, &c)| (at, unfolded(c)))
        .min_by_key(|(_, forms)| forms.len())
    else {
        return Vec::new();
    };
    // Spaces between two Chinese characters may part a match, so no exact search finds it.
    let spaced = needle
        .windows(2)
        .any(|pair| spaces_may_separate(pair[0], pair[1]));
    let exact = (!spaced && needle.iter().all(|&c| unfolded(c).len() == 1))
        .then(|| needle.iter().collect::<String>());
    let forms: Vec<String> = forms.into_iter().map(String::from).collect();
    // Where the anchor's forms occur in one text, in order: one substring search a form.
    let mut hits = Vec::new();
    let mut matches = Vec::new();
    for (index, article) in articles.into_iter().enumerate() {
        // A listing repeating an earlier one holds no text of its own to find.
        if article.is_repeat() {
            continue;
        }
        for (part, text) in parts(article) {
            // Byte and char offsets of the end of the last match, where the next may start.
            let (mut byte, mut char) = (0, 0);
            let mut accept = |start: usize, end: usize, matches: &mut Vec<Match>| {
                if start < byte {
                    return;
                }
                let start_char = char + text[byte..start].chars().count();
                let len = text[start..end].chars().count();
                matches.push(Match {
                    article: index,
                    part,
                    start: start_char,
                    len,
                });
                (byte, char) = (end, start_char + len);
            };
            match &exact {
                // Most texts do not hold the query, and `contains` tells that fastest.
                Some(exact) if text.contains(exact.as_str()) => {
                    for (start, _) in text.match_indices(exact.as_str()) {
                        accept(start, start + exact.len(), &mut matches);
                    }
                }
                Some(_) => {}
                None => {
                    hits.clear();
                    for form in &forms {
                        if text.contains(form.as_str()) {
                            hits.extend(text.match_indices(form.as_str()).map(|(at, _)| at));
                        }
                    }
                    hits.sort_unstable();
                    for &hit in &hits {
                        if let Some((start, end)) = match_around(text, hit, &needle, anchor) {
                            accept(start, end, &mut matches);
                        }
                    }
                }
            }
        }
    }
    matches
}

/// The byte range of the match of `needle` whose char `anchor` is at byte `hit` of `text`.
/// Spaces between two Chinese characters of the needle are passed over.
fn match_around(text: &str, hit: usize, needle: &[char], anchor: usize) -> Option<(usize, usize)> {
    let mut start = hit;
    let mut back = text[..hit].char_indices().rev().peekable();
    for at in (0..anchor).rev() {
        if spaces_may_separate(needle[at], needle[at + 1]) {
            while back.next_if(|&(_, c)| is_gap(c)).is_some() {}
        }
        let (byte, c) = back.next()?;
        (fold(c) == needle[at]).then_some(())?;
        start = byte;
    }
    let mut end = hit;
    let mut ahead = text[hit..].chars().peekable();
    for at in anchor..needle.len() {
        if at > anchor && spaces_may_separate(needle[at - 1], needle[at]) {
            while let Some(c) = ahead.next_if(|&c| is_gap(c)) {
                end += c.len_utf8();
            }
        }
        let c = ahead.next()?;
        (fold(c) == needle[at]).then_some(())?;
        end += c.len_utf8();
    }
    Some((start, end))
}

/// The source chars line `line` shows: the article (its position in reading order, from
/// `shown`, the articles the lines were laid out from), its part, and the char range within it.
fn source_span(line: &Line, shown: &[usize]) -> Option<(usize, TextPart, Range<usize>)> {
    let source = line.source?;
    let article = *shown.get(source.story_part)?;
    let chars = line.text.chars().count().saturating_sub(source.prefix);
    Some((article, source.part, source.start..source.start + chars))
}

/// The char ranges of `line.text` covered by `matches`, each with the match's index; `shown`
/// lists the articles the line's layout was made from, as [`crate::app::App::shown_articles`].
pub fn match_ranges(line: &Line, shown: &[usize], matches: &[Match]) -> Vec<(usize, Range<usize>)> {
    ranges_in(line, shown, |_| matches.iter().enumerate())
}

/// [`match_ranges`] of `search`, looking at the matches of the line's article only: what a
/// frame asks of every line it shows.
pub fn search_ranges(line: &Line, shown: &[usize], search: &Search) -> Vec<(usize, Range<usize>)> {
    ranges_in(line, shown, |article| search.in_article(article))
}

/// The char ranges of `line.text` covered by the matches `candidates` gives for the line's
/// article, each with the match's index.
fn ranges_in<'a, I: Iterator<Item = (usize, &'a Match)>>(
    line: &Line,
    shown: &[usize],
    candidates: impl FnOnce(usize) -> I,
) -> Vec<(usize, Range<usize>)> {
    let Some((article, part, span)) = source_span(line, shown) else {
        return Vec::new();
    };
    let prefix = line.source.map_or(0, |source| source.prefix);
    candidates(article)
        .filter(|(_, m)| m.article == article && m.part == part)
        .filter_map(|(index, m)| {
            let start = m.start.max(span.start);
            let end = (m.start + m.len).min(span.end);
            (start < end).then(|| {
                (
                    index,
                    start - span.start + prefix..end - span.start + prefix,
                )
            })
        })
        .collect()
}

/// The index of the line where `found` starts, if `lines`, laid out from the articles
/// `shown`, show it.
pub fn line_of(lines: &[Line], shown: &[usize], found: &Match) -> Option<usize> {
    // A search asks this of every match until one is on screen: matches in articles not
    // shown are answered without reading the lines, and lines of other articles and parts
    // are passed over before their chars are counted.
    if !shown.contains(&found.article) {
        return None;
    }
    let in_part = |line: &Line| {
        line.source.is_some_and(|source| {
            shown.get(source.story_part) == Some(&found.article) && source.part == found.part
        })
    };
    lines.iter().position(|line| {
        in_part(line)
            && source_span(line, shown).is_some_and(|(_, _, span)| span.contains(&found.start))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::{Block, BlockKind};
    use crate::text::{LineKind, SourceRef};

    fn article(headline: &str, paragraphs: &[&str]) -> Article {
        Article {
            headline: Some(headline.into()),
            blocks: paragraphs
                .iter()
                .map(|text| Block {
                    kind: BlockKind::Paragraph,
                    text: text.to_string(),
                })
                .collect(),
            ..Article::default()
        }
    }

    fn line(part: TextPart, start: usize, prefix: usize, text: &str) -> Line {
        Line {
            kind: LineKind::Paragraph,
            text: text.into(),
            width: 0,
            source: Some(SourceRef {
                story_part: 0,
                part,
                start,
                prefix,
            }),
        }
    }

    #[test]
    fn simplified_and_traditional_text_find_each_other() {
        let articles = [article("標題", &["數字青島建設", "数字青岛建设"])];
        assert_eq!(find(&articles, "数字青岛").len(), 2);
        assert_eq!(find(&articles, "數字青島").len(), 2);
        assert_eq!(find(&articles, "标题").len(), 1);
    }

    #[test]
    fn compatibility_forms_fold_where_they_are_one_character() {
        // U+F9B2 is a compatibility form of 零; ① reads as 1.
        let articles = [article("标题", &["\u{F9B2}点①"])];
        assert_eq!(find(&articles, "零点1").len(), 1);
    }

    #[test]
    fn a_straight_quote_finds_curly_ones() {
        let articles = [article("标题", &["完善“城市云脑”功能", "他说：‘好’"])];
        let found = find(&articles, "\"城市云脑\"");
        assert_eq!(found.len(), 1);
        assert_eq!((found[0].start, found[0].len), (2, 6));
        assert_eq!(find(&articles, "'好'").len(), 1);
        assert_eq!(find(&articles, "“城市").len(), 1);
    }

    #[test]
    fn a_name_finds_its_byline_with_the_spaces_a_paper_puts_between_characters() {
        let articles = [article("标题", &["记者 吴 帅 报道", "吴帅说", "吴　帅"])];
        let found = find(&articles, "吴帅");
        let spans: Vec<_> = found.iter().map(|m| (m.part, m.start, m.len)).collect();
        assert_eq!(
            spans,
            [
                (TextPart::Block(0), 3, 3),
                (TextPart::Block(1), 0, 2),
                (TextPart::Block(2), 0, 3)
            ]
        );
        assert!(find(&articles, "ab").is_empty());
        let latin = [article("标题", &["a b"])];
        assert!(
            find(&latin, "ab").is_empty(),
            "only Chinese characters part so"
        );
    }

    #[test]
    fn half_and_full_width_punctuation_match_each_other() {
        let articles = [article("标题", &["青岛，数字", "青岛,数字"])];
        let found = find(&articles, "青岛,数字");
        assert_eq!(found.len(), 2);
        assert_eq!(find(&articles, "青岛，数字").len(), 2);
    }

    #[test]
    fn latin_matches_ignore_case_and_width() {
        let articles = [article("ＪＱ专列", &["首班JQ奇瑞"])];
        assert_eq!(find(&articles, "jq").len(), 2);
    }

    #[test]
    fn matches_come_in_reading_order_across_articles_and_parts() {
        let articles = [
            article("数字青岛", &["建设数字青岛"]),
            article("别的", &["数字"]),
        ];
        let found = find(&articles, "数字");
        let places: Vec<_> = found.iter().map(|m| (m.article, m.part, m.start)).collect();
        assert_eq!(
            places,
            [
                (0, TextPart::Headline, 0),
                (0, TextPart::Block(0), 2),
                (1, TextPart::Block(0), 0)
            ]
        );
    }

    #[test]
    fn every_char_is_among_the_forms_of_its_folded_form() {
        for c in (0..0x1_0000).filter_map(char::from_u32) {
            assert!(unfolded(fold(c)).contains(&c), "{c:?}");
        }
    }

    #[test]
    fn matches_do_not_overlap_and_count_chars_not_bytes() {
        let articles = [article("标题", &["青岛aaa青岛Ａａa"])];
        let starts: Vec<_> = find(&articles, "AA").iter().map(|m| m.start).collect();
        assert_eq!(starts, [2, 7]);
        assert_eq!(find(&articles, "岛a").len(), 2);
    }

    #[test]
    fn matches_in_different_forms_come_in_reading_order() {
        let articles = [article("标题", &["Ａi，ai，ＡＩ，aＩ，AI"])];
        let starts: Vec<_> = find(&articles, "ＡＩ").iter().map(|m| m.start).collect();
        assert_eq!(starts, [0, 3, 6, 9, 12]);
    }

    #[test]
    fn an_articles_matches_are_found_in_any_reading_order_with_their_indices() {
        let at = |article: usize, start: usize| Match {
            article,
            part: TextPart::Headline,
            start,
            len: 1,
        };
        // Merged reading puts a story's parts together: articles 2 and 0 come before 1.
        let matches = vec![at(2, 0), at(2, 5), at(0, 1), at(0, 9), at(1, 3)];
        let search = Search::new("x".into(), matches.clone());
        let found = |article| -> Vec<(usize, Match)> {
            search
                .in_article(article)
                .map(|(index, m)| (index, *m))
                .collect()
        };
        assert_eq!(found(0), [(2, matches[2]), (3, matches[3])]);
        assert_eq!(found(1), [(4, matches[4])]);
        assert_eq!(found(2), [(0, matches[0]), (1, matches[1])]);
        assert!(found(3).is_empty());
    }

    proptest::proptest! {
        /// The same matches as folding every char and trying every position.
        #[test]
        fn finds_what_a_scan_of_every_position_finds(
            text in "[青岛aA ａＡ\u{3000},，]{0,24}",
            query in "[青岛aA ａＡ\u{3000},，]{1,3}",
        ) {
            let articles = [article("", &[&text])];
            let haystack: Vec<char> = text.chars().map(fold).collect();
            let needle: Vec<char> = query.chars().map(fold).collect();
            // The length of a match at `start`, spaces passed over between Chinese chars.
            let match_at = |start: usize| -> Option<usize> {
                let mut at = start;
                for (index, &wanted) in needle.iter().enumerate() {
                    if index > 0 && spaces_may_separate(needle[index - 1], wanted) {
                        while haystack.get(at) == Some(&' ') {
                            at += 1;
                        }
                    }
                    (haystack.get(at) == Some(&wanted)).then_some(())?;
                    at += 1;
                }
                Some(at - start)
            };
            let mut expected = Vec::new();
            let mut start = 0;
            while start < haystack.len() {
                match match_at(start) {
                    Some(len) => {
                        expected.push(start);
                        start += len;
                    }
                    None => start += 1,
                }
            }
            let found: Vec<usize> = find(&articles, &query)
                .iter()
                .filter(|m| m.part == TextPart::Block(0))
                .map(|m| m.start)
                .collect();
            proptest::prop_assert_eq!(found, expected);
        }
    }

    #[test]
    fn an_empty_query_finds_nothing() {
        assert!(find(&[article("a", &["b"])], "").is_empty());
    }

    #[test]
    fn a_match_across_a_line_break_is_highlighted_on_both_lines() {
        // "　　数字青岛" / "建设" with a two-char indent prefix on the first line.
        let first = line(TextPart::Block(0), 0, 2, "　　数字青岛");
        let second = line(TextPart::Block(0), 4, 0, "建设");
        let found = Match {
            article: 0,
            part: TextPart::Block(0),
            start: 2,
            len: 4,
        };
        assert_eq!(match_ranges(&first, &[0], &[found]), [(0, 4..6)]);
        assert_eq!(match_ranges(&second, &[0], &[found]), [(0, 0..2)]);
        assert_eq!(line_of(&[first, second], &[0], &found), Some(0));
    }

    #[test]
    fn a_match_in_another_part_is_not_highlighted() {
        let shown = line(TextPart::Block(1), 0, 0, "数字青岛");
        let found = Match {
            article: 0,
            part: TextPart::Block(0),
            start: 0,
            len: 2,
        };
        assert!(match_ranges(&shown, &[0], &[found]).is_empty());
        assert_eq!(line_of(&[shown], &[0], &found), None);
    }

    #[test]
    fn a_line_of_a_merged_story_matches_only_in_the_article_it_comes_from() {
        // The same part and offset in two articles: the front (article 1) and its
        // continuation (article 4), merged, the continuation's lines being part 1.
        let mut continued = line(TextPart::Block(0), 0, 0, "数字青岛");
        continued.source.as_mut().unwrap().story_part = 1;
        let front = line(TextPart::Block(0), 0, 0, "数字青岛");
        let found = Match {
            article: 4,
            part: TextPart::Block(0),
            start: 0,
            len: 2,
        };
        let shown = [1, 4];
        assert!(match_ranges(&front, &shown, &[found]).is_empty());
        assert_eq!(match_ranges(&continued, &shown, &[found]), [(0, 0..2)]);
        assert_eq!(line_of(&[front, continued], &shown, &found), Some(1));
    }
}
