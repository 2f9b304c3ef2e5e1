//! Continuation markers (（下转第四版）, 上接第1版) and page headers (第四版, A04版：要闻).

use std::ops::Range;
use std::sync::LazyLock;

use memchr::memmem::Finder;

/// Which way a continuation marker points.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// 下转 / 转: the story continues on the named page.
    To,
    /// 上接 / 接: the story comes from the named page.
    From,
}

/// A continuation marker found in a piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    /// Which way it points.
    pub direction: Direction,
    /// The page it names.
    pub page: u32,
    /// Its byte range in the text, brackets included.
    pub span: Range<usize>,
}

/// A page header line: 第四版, 第4版(要闻), 04版:要闻, A04版.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageHeader {
    /// The page number it names.
    pub number: u32,
    /// The section name, when the header gives one.
    pub section: Option<String>,
    /// The header's text other than the section name.
    pub markup: String,
}

const OPEN_BRACKETS: &[char] = &['(', '（', '[', '［', '〔', '【'];
const CLOSE_BRACKETS: &[char] = &[')', '）', ']', '］', '〕', '】'];
/// Longest page number we read: "一百零五" or "A104".
const MAX_NUMBER_CHARS: usize = 6;
/// Longest header line: "第十二版（经济·民生）" and the like.
const MAX_HEADER_CHARS: usize = 24;
const MAX_SECTION_CHARS: usize = 12;

/// Finds every continuation marker in `text`, in order. A bracketed marker counts anywhere;
/// a bare one (下转第二版) only where it begins or ends the text, so prose is never cut.
pub fn find_markers(text: &str) -> Vec<Marker> {
    if !may_hold_markers(text) {
        return Vec::new();
    }
    let content_start = text.len() - text.trim_start().len();
    let content_end = text.trim_end().len();
    let mut markers = Vec::new();
    let mut scanned_to = 0;
    for (at, direction) in verbs(text) {
        if at < scanned_to {
            continue;
        }
        let Some(marker) = marker_around(text, at, direction) else {
            continue;
        };
        let at_edge = marker.span.start <= content_start || marker.span.end >= content_end;
        let bracketed = text[marker.span.clone()].starts_with(OPEN_BRACKETS)
            && text[marker.span.clone()].ends_with(CLOSE_BRACKETS);
        if bracketed || at_edge {
            scanned_to = marker.span.end;
            markers.push(marker);
        }
    }
    markers
}

/// False when `text` holds no continuation marker, told by one search: every marker names
/// its page with 版, which most text lacks.
pub fn may_hold_markers(text: &str) -> bool {
    static PAGE: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("版"));
    PAGE.find(text.as_bytes()).is_some()
}

/// The places of 转 (轉 in traditional characters) and 接 in `text`, in order, with the way a
/// marker around each would point. Each is found by a substring search: most text holds few
/// of them, and a search for one of their bytes alone would stop at every few characters
/// of Chinese.
fn verbs(text: &str) -> impl Iterator<Item = (usize, Direction)> + '_ {
    static TO: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("转"));
    static TO_TRADITIONAL: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("轉"));
    static FROM: LazyLock<Finder<'static>> = LazyLock::new(|| Finder::new("接"));
    let mut simplified = TO.find_iter(text.as_bytes()).peekable();
    let mut traditional = TO_TRADITIONAL.find_iter(text.as_bytes()).peekable();
    let to = std::iter::from_fn(move || match (simplified.peek(), traditional.peek()) {
        (Some(&a), Some(&b)) if b < a => traditional.next(),
        (Some(_), _) => simplified.next(),
        (None, _) => traditional.next(),
    });
    let mut to = to.peekable();
    let mut from = FROM.find_iter(text.as_bytes()).peekable();
    std::iter::from_fn(move || match (to.peek(), from.peek()) {
        (Some(&to_at), Some(&from_at)) if from_at < to_at => {
            from.next().map(|at| (at, Direction::From))
        }
        (Some(_), _) => to.next().map(|at| (at, Direction::To)),
        (None, _) => from.next().map(|at| (at, Direction::From)),
    })
}

/// True when the whole of `line` is one continuation marker.
pub fn is_marker_line(line: &str) -> bool {
    let line = line.trim();
    match find_markers(line).as_slice() {
        [marker] => marker.span == (0..line.len()),
        _ => false,
    }
}

/// Reads the marker whose 转 or 接 sits at byte `verb_at`, looking a few characters either way.
fn marker_around(text: &str, verb_at: usize, direction: Direction) -> Option<Marker> {
    let prefix = match direction {
        Direction::To => '下',
        Direction::From => '上',
    };
    let mut start = verb_at;
    let mut before = text[..verb_at].char_indices().rev().peekable();
    if let Some(&(at, c)) = before.peek()
        && c == prefix
    {
        start = at;
        before.next();
    }
    let mut with_bracket = start;
    for (at, c) in before.take(3) {
        if OPEN_BRACKETS.contains(&c) {
            with_bracket = at;
            break;
        }
        if !c.is_whitespace() {
            break;
        }
    }
    start = with_bracket;

    let verb_end = verb_at + '转'.len_utf8();
    let rest = &text[verb_end..];
    let after_space = rest.trim_start();
    let after_di = after_space
        .strip_prefix('第')
        .unwrap_or(after_space)
        .trim_start();
    let (page, number_len) = leading_page_number(after_di)?;
    let after_number = after_di[number_len..].trim_start();
    let after_ban = after_number.strip_prefix('版')?;
    let mut end = text.len() - after_ban.len();
    let after_ban_trimmed = after_ban.trim_start();
    if let Some(close) = after_ban_trimmed.chars().next()
        && CLOSE_BRACKETS.contains(&close)
    {
        end = text.len() - after_ban_trimmed.len() + close.len_utf8();
    }
    Some(Marker {
        direction,
        page,
        span: start..end,
    })
}

/// Reads a page number at the start of `text`: Chinese numerals (四, 十二) or digits with an
/// optional section letter (4, 04, A04, ４). Returns the number and its byte length.
fn leading_page_number(text: &str) -> Option<(u32, usize)> {
    let letter_len = text
        .chars()
        .next()
        .filter(char::is_ascii_alphabetic)
        .map_or(0, char::len_utf8);
    let digits = &text[letter_len..];
    let len: usize = digits
        .chars()
        .take_while(|&c| digit_value(c).is_some())
        .take(MAX_NUMBER_CHARS)
        .map(char::len_utf8)
        .sum();
    if len > 0 {
        let number = digits[..len]
            .chars()
            .try_fold(0u32, |n, c| n.checked_mul(10)?.checked_add(digit_value(c)?))?;
        return (number > 0).then_some((number, letter_len + len));
    }
    if letter_len > 0 {
        return None;
    }
    let len: usize = text
        .chars()
        .take_while(|&c| is_chinese_numeral(c))
        .take(MAX_NUMBER_CHARS)
        .map(char::len_utf8)
        .sum();
    let number = parse_chinese_numeral(&text[..len])?;
    (number > 0).then_some((number, len))
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => c.to_digit(10),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

fn is_chinese_numeral(c: char) -> bool {
    "零〇一二两三四五六七八九十百千".contains(c)
}

/// Reads a number written in Chinese numerals: 四 → 4, 十二 → 12, 二十 → 20, 一百零五 → 105.
pub fn parse_chinese_numeral(text: &str) -> Option<u32> {
    if text.is_empty() {
        return None;
    }
    let mut total = 0u32;
    let mut digit: Option<u32> = None;
    for c in text.chars() {
        let value = match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            '十' | '百' | '千' => {
                let unit = match c {
                    '十' => 10,
                    '百' => 100,
                    _ => 1000,
                };
                total += digit.take().unwrap_or(1) * unit;
                continue;
            }
            _ => return None,
        };
        if digit.is_some() && value != 0 {
            return None;
        }
        digit = (value != 0).then_some(value);
    }
    Some(total + digit.unwrap_or(0))
}

/// Reads a page header, when the whole of `line` is one.
pub fn parse_page_header(line: &str) -> Option<PageHeader> {
    let line = line.trim();
    // A character takes at most four bytes: a longer line is not counted.
    if line.len() > MAX_HEADER_CHARS * 4 || line.chars().count() > MAX_HEADER_CHARS {
        return None;
    }
    let after_di = line.strip_prefix('第');
    let (number, number_len) = leading_page_number(after_di.unwrap_or(line))?;
    let number_start = line.len() - after_di.unwrap_or(line).len();
    let rest = line[number_start + number_len..].strip_prefix('版')?;
    let section = section_name(rest)?;
    let markup = match section {
        Some(name) => {
            let at = rest
                .find(name)
                .expect("the section is read from the header");
            let section_start = line.len() - rest.len() + at;
            format!(
                "{}{}",
                &line[..section_start],
                &line[section_start + name.len()..]
            )
        }
        None => line.to_owned(),
    };
    Some(PageHeader {
        number,
        section: section.map(str::to_owned),
        markup,
    })
}

/// The section name after 版: "(要闻)", "：要闻", " 要闻", or nothing. `None` when the rest
/// of the line is not a section name (then the line is not a header).
fn section_name(rest: &str) -> Option<Option<&str>> {
    let rest = rest.trim();
    if rest.is_empty() {
        return Some(None);
    }
    let name = match (rest.chars().next(), rest.chars().last()) {
        (Some(open), Some(close))
            if OPEN_BRACKETS.contains(&open) && CLOSE_BRACKETS.contains(&close) =>
        {
            &rest[open.len_utf8()..rest.len() - close.len_utf8()]
        }
        _ => rest.trim_start_matches([':', '：', '·', '|', '丨', '-', '—']),
    }
    .trim();
    // An archive's header for a page without a section name: "第3版()".
    if name.is_empty() && rest.starts_with(OPEN_BRACKETS) {
        return Some(None);
    }
    let plausible = !name.is_empty()
        && name.chars().count() <= MAX_SECTION_CHARS
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || c == '·' || c == ' ' || c == '\u{3000}');
    plausible.then_some(Some(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn markers(text: &str) -> Vec<(Direction, u32, &str)> {
        find_markers(text)
            .into_iter()
            .map(|m| (m.direction, m.page, &text[m.span]))
            .collect()
    }

    #[test]
    fn chinese_numerals_read_as_numbers() {
        assert_eq!(parse_chinese_numeral("四"), Some(4));
        assert_eq!(parse_chinese_numeral("十"), Some(10));
        assert_eq!(parse_chinese_numeral("十二"), Some(12));
        assert_eq!(parse_chinese_numeral("二十"), Some(20));
        assert_eq!(parse_chinese_numeral("一百零五"), Some(105));
        assert_eq!(parse_chinese_numeral("四四"), None);
        assert_eq!(parse_chinese_numeral(""), None);
    }

    #[test]
    fn traditional_markers_are_read_as_simplified_ones() {
        assert_eq!(
            markers("(下轉第四版)"),
            [(Direction::To, 4, "(下轉第四版)")]
        );
        assert_eq!(
            markers("正文(轉A2版)又(上接第一版)"),
            [
                (Direction::To, 2, "(轉A2版)"),
                (Direction::From, 1, "(上接第一版)")
            ]
        );
    }

    #[test]
    fn markers_are_read_in_every_bracket_and_numeral_style() {
        assert_eq!(
            markers("(下转第四版)"),
            [(Direction::To, 4, "(下转第四版)")]
        );
        assert_eq!(
            markers("（下转第4版）"),
            [(Direction::To, 4, "（下转第4版）")]
        );
        assert_eq!(markers("下转第二版"), [(Direction::To, 2, "下转第二版")]);
        assert_eq!(markers("转第二版"), [(Direction::To, 2, "转第二版")]);
        assert_eq!(
            markers("(上接第一版)"),
            [(Direction::From, 1, "(上接第一版)")]
        );
        assert_eq!(markers("上接第1版"), [(Direction::From, 1, "上接第1版")]);
        assert_eq!(markers("接第一版"), [(Direction::From, 1, "接第一版")]);
        assert_eq!(
            markers("（ 下转第 12 版 ）"),
            [(Direction::To, 12, "（ 下转第 12 版 ）")]
        );
    }

    #[test]
    fn glued_markers_are_found_at_either_end() {
        assert_eq!(
            markers("运来“南方水果”，(下转第四版)"),
            [(Direction::To, 4, "(下转第四版)")]
        );
        assert_eq!(
            markers("(上接第一版)专家表示，"),
            [(Direction::From, 1, "(上接第一版)")]
        );
        assert_eq!(
            markers("上接第1版 专家表示，"),
            [(Direction::From, 1, "上接第1版")]
        );
        assert_eq!(
            markers("专家表示同意。下转第2版"),
            [(Direction::To, 2, "下转第2版")]
        );
    }

    #[test]
    fn bare_marker_words_inside_prose_are_left_alone() {
        assert!(markers("资金周转第二版方案已经通过，").is_empty());
        assert!(markers("他转身离开").is_empty());
        assert!(markers("承接第一版的设计。并且").is_empty());
        assert_eq!(markers("甲(下转第3版)乙").len(), 1);
    }

    #[test]
    fn markers_of_both_ways_are_read_in_order() {
        assert_eq!(
            markers("(上接第1版)甲(下转第2版)乙(上接第3版)接转(下转第4版)"),
            [
                (Direction::From, 1, "(上接第1版)"),
                (Direction::To, 2, "(下转第2版)"),
                (Direction::From, 3, "(上接第3版)"),
                (Direction::To, 4, "(下转第4版)"),
            ]
        );
    }

    #[test]
    fn marker_lines_are_whole_markers() {
        assert!(is_marker_line(" (下转第四版) "));
        assert!(!is_marker_line("专家表示(下转第四版)"));
    }

    #[test]
    fn page_headers_give_number_and_section() {
        let read = |line| parse_page_header(line).map(|h| (h.number, h.section, h.markup));
        assert_eq!(read("第四版"), Some((4, None, "第四版".into())));
        assert_eq!(
            read("第4版(要闻)"),
            Some((4, Some("要闻".into()), "第4版()".into()))
        );
        assert_eq!(
            read("04版:要闻"),
            Some((4, Some("要闻".into()), "04版:".into()))
        );
        assert_eq!(read("A04版"), Some((4, None, "A04版".into())));
        assert_eq!(
            read("第十二版 经济"),
            Some((12, Some("经济".into()), "第十二版 ".into()))
        );
    }

    #[test]
    fn prose_is_not_a_page_header() {
        assert_eq!(parse_page_header("第一版的新闻很重要。"), None);
        assert_eq!(parse_page_header("第版"), None);
        assert_eq!(parse_page_header("第0版"), None);
        assert_eq!(parse_page_header("版面"), None);
    }
}
