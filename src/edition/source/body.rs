//! An article file's body, one paragraph a line: the lines become paragraphs, subheads and
//! photo credits; a byline line opening it becomes the byline; continuation markers become
//! jumps, and a 下转 followed by 上接 cuts the file into the parts of a continued story.

use super::super::classify::{
    BYLINE_MARKS, at_most_chars, ends_sentence, is_byline, is_heading_like, is_subhead_like,
};
use super::super::markers::{Direction, Marker, find_markers, may_hold_markers};
use super::super::{Block, BlockKind, Caption, CaptionKind};

/// Longest line read as a numbered head ("（1）…", "一、…") or a subhead with a gap.
const HEAD_MAX_CHARS: usize = 40;
/// Most characters of the number of a numbered head ("十二").
const NUMBER_MAX_CHARS: usize = 3;
/// Longest photo credit ("新华社记者 李 贺摄", "翟慧勇摄（影像中国）").
const CREDIT_MAX_CHARS: usize = 30;
/// Longest dateline ("（本报内罗毕10月18日电）").
const DATELINE_MAX_CHARS: usize = 30;

const OPEN: &[char] = &['（', '('];
const CLOSE: &[char] = &['）', ')'];
/// How photo credits end, past a bracketed agency.
const CREDIT_ENDS: &[&str] = &["摄影报道", "摄影", "摄", "供图", "制图"];

/// A line's text without the layout around it: indents of spaces, U+3000 or tabs, and
/// trailing white space.
pub fn trim_layout(line: &str) -> &str {
    line.trim()
}

/// One part of a story as a file's body gives it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Part {
    /// A byline line that opened the part.
    pub byline: Option<String>,
    /// Paragraphs and subheads.
    pub blocks: Vec<Block>,
    /// Photo credits.
    pub captions: Vec<Caption>,
    /// The page a 下转 marker ending the part names.
    pub jump_to: Option<u32>,
    /// The page a 上接 marker opening the part names.
    pub jump_from: Option<u32>,
}

impl Part {
    /// True when the part holds no text.
    pub fn is_empty(&self) -> bool {
        self.byline.is_none() && self.blocks.is_empty() && self.captions.is_empty()
    }
}

/// The parts of a body (one, unless a 下转 line is followed by a 上接 line), and a warning
/// for each marker left in the text. The body's first line is line `first_line` of its file.
pub fn read(body: &str, first_line: usize, name: &str) -> (Vec<Part>, Vec<String>) {
    // One search of the whole body spares most bodies one for every line.
    let markers_in = match may_hold_markers(body) {
        true => find_markers,
        false => |_: &str| Vec::<Marker>::new(),
    };
    let mut lines = Vec::with_capacity(memchr::memchr_iter(b'\n', body.as_bytes()).count() + 1);
    lines.extend(
        (first_line..)
            .zip(super::lines(body).map(trim_layout))
            .filter(|(_, line)| !line.is_empty()),
    );
    let mut parts = Vec::new();
    let mut warnings = Vec::new();
    let mut current: Vec<&str> = Vec::with_capacity(lines.len());
    let mut part = Part::default();
    let mut index = 0;
    while index < lines.len() {
        let (at, line) = lines[index];
        let markers = markers_in(line);
        let opening = markers
            .first()
            .filter(|marker| marker.direction == Direction::From && marker.span.start == 0);
        let closing = markers
            .last()
            .filter(|marker| marker.direction == Direction::To && marker.span.end == line.len());
        let mut text = line;
        if let Some(marker) = opening {
            if current.is_empty() {
                part.jump_from = Some(marker.page);
                text = text[marker.span.end..].trim();
            } else {
                warnings.push(format!(
                    "{name}, line {at}: “{line}” continues a story whose part before is not \
                     marked with 下转, so the page it continues on is unknown; both parts are \
                     kept in one article"
                ));
            }
        }
        if let Some(marker) = closing.filter(|marker| marker.span.start >= line.len() - text.len())
        {
            let next_opens = lines.get(index + 1).is_some_and(|&(_, next)| {
                markers_in(next)
                    .first()
                    .is_some_and(|next| next.direction == Direction::From && next.span.start == 0)
            });
            let is_last = index + 1 == lines.len();
            if next_opens || is_last {
                let before = line[..marker.span.start].trim();
                if !before.is_empty() {
                    current.push(before);
                }
                part.jump_to = Some(marker.page);
                parts.push(classify(std::mem::take(&mut part), &current));
                current.clear();
                index += 1;
                continue;
            }
            warnings.push(format!(
                "{name}, line {at}: a 下转 marker with text after it and no 上接 is kept in the text"
            ));
        }
        if !text.is_empty() {
            current.push(text);
        }
        index += 1;
    }
    if !current.is_empty() || part.jump_from.is_some() || parts.is_empty() {
        parts.push(classify(part, &current));
    }
    (parts, warnings)
}

/// The part's lines as byline, blocks and captions.
fn classify(mut part: Part, lines: &[&str]) -> Part {
    let mut lines = lines.iter().copied().peekable();
    if let Some(first) = lines.peek()
        && is_byline_line(first)
    {
        part.byline = lines.next().map(str::to_owned);
    }
    let lines: Vec<&str> = lines.collect();
    part.blocks.reserve(lines.len());
    for (index, &line) in lines.iter().enumerate() {
        let is_last = index + 1 == lines.len();
        if is_photo_credit(line) {
            part.captions.push(Caption {
                kind: CaptionKind::Photo,
                text: line.to_owned(),
            });
            continue;
        }
        // The length first: a paragraph is longer than any head, and told so at once.
        let kind = if is_dateline(line) || line.starts_with("——") || is_last {
            BlockKind::Paragraph
        } else if at_most_chars(line, HEAD_MAX_CHARS * 2)
            && (is_subhead_like(line) || is_numbered_head(line) || is_short_head(line))
        {
            BlockKind::Subhead
        } else {
            BlockKind::Paragraph
        };
        part.blocks.push(Block {
            kind,
            text: line.to_owned(),
        });
    }
    part
}

/// A byline on a line of its own: "本报记者 闫辰宇 通讯员 郭锐", "□本报记者 王五".
fn is_byline_line(line: &str) -> bool {
    let unmarked = line.trim_start_matches(BYLINE_MARKS).trim_start();
    !unmarked.is_empty() && is_byline(unmarked)
}

/// "（1）网信事业代表着新的生产力", "一、…", "1. …": a numbered head, not a sentence.
fn is_numbered_head(line: &str) -> bool {
    let numbered = match line.strip_prefix(OPEN) {
        Some(rest) => split_after_number(rest, CLOSE).is_some_and(|(number, _)| is_number(number)),
        None => split_after_number(line, &['、', '.', '．'])
            .is_some_and(|(number, rest)| is_number(number) && !rest.starts_with(char::is_numeric)),
    };
    numbered && at_most_chars(line, HEAD_MAX_CHARS * 2) && !ends_sentence(line)
}

/// `text` split at its first separator, when that stands where a number [`is_number`] can
/// end: only the first few characters are looked at, not the whole of a paragraph.
fn split_after_number<'a>(text: &'a str, separators: &[char]) -> Option<(&'a str, &'a str)> {
    let (at, separator) = (text.char_indices())
        .take(NUMBER_MAX_CHARS + 1)
        .find(|(_, c)| separators.contains(c))?;
    Some((&text[..at], &text[at + separator.len_utf8()..]))
}

fn is_number(text: &str) -> bool {
    !text.is_empty()
        && text.chars().count() <= NUMBER_MAX_CHARS
        && text
            .chars()
            .all(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
}

/// A short heading line among paragraphs: "“帮助肯尼亚发展的真朋友”".
fn is_short_head(line: &str) -> bool {
    at_most_chars(line, HEAD_MAX_CHARS) && is_heading_like(line) && !ends_sentence(line)
}

/// "（本报内罗毕10月18日电）": where and when a report was filed.
fn is_dateline(line: &str) -> bool {
    let Some(inner) = line
        .strip_prefix(OPEN)
        .and_then(|rest| rest.strip_suffix(CLOSE))
    else {
        return false;
    };
    at_most_chars(line, DATELINE_MAX_CHARS) && inner.ends_with(['电', '讯'])
}

/// "翟慧勇摄（影像中国）", "新华社记者 李 贺摄": who took the photos.
fn is_photo_credit(line: &str) -> bool {
    if !at_most_chars(line, CREDIT_MAX_CHARS) || line.contains(['。', '，', '；']) {
        return false;
    }
    let mut rest = line;
    if rest.ends_with(CLOSE)
        && let Some(open) = rest.rfind(OPEN)
    {
        rest = rest[..open].trim_end();
    }
    CREDIT_ENDS.iter().any(|end| rest.ends_with(end)) && rest.chars().count() > 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(part: &Part) -> Vec<(BlockKind, &str)> {
        (part.blocks.iter())
            .map(|block| (block.kind, block.text.as_str()))
            .collect()
    }

    #[test]
    fn heads_datelines_and_credits_stay_inside_the_story() {
        let body = "\u{3000}\u{3000}本报记者 闫辰宇 通讯员 郭锐\n\
             \u{3000}\u{3000}第一段写了一些事情。\n\
             \u{3000}\u{3000}（1）数字经济代表着新的发展方向\n\
             \u{3000}\u{3000}第二段也写了一些事情。\n\
             \u{3000}\u{3000}翟慧勇摄（影像中国）\n\
             \u{3000}\u{3000}（本报某地10月18日电）";
        let (parts, warnings) = read(body, 4, "a.txt");
        assert!(warnings.is_empty());
        let [part] = parts.as_slice() else {
            panic!("{parts:?}")
        };
        assert_eq!(part.byline.as_deref(), Some("本报记者 闫辰宇 通讯员 郭锐"));
        assert_eq!(
            kinds(part),
            [
                (BlockKind::Paragraph, "第一段写了一些事情。"),
                (BlockKind::Subhead, "（1）数字经济代表着新的发展方向"),
                (BlockKind::Paragraph, "第二段也写了一些事情。"),
                (BlockKind::Paragraph, "（本报某地10月18日电）"),
            ]
        );
        assert_eq!(part.captions[0].text, "翟慧勇摄（影像中国）");
    }

    #[test]
    fn a_jump_inside_a_file_cuts_it_in_two_parts() {
        let body =
            "第一段。\n第二段没有说完，（下转第二版）\n\u{3000}\u{3000}(上接第一版）\n接着说完。";
        let (parts, warnings) = read(body, 1, "a.md");
        assert!(warnings.is_empty(), "{warnings:?}");
        assert_eq!(parts.len(), 2);
        assert_eq!((parts[0].jump_to, parts[1].jump_from), (Some(2), Some(1)));
        assert_eq!(parts[0].blocks[1].text, "第二段没有说完，");
        assert_eq!(parts[1].blocks[0].text, "接着说完。");
    }

    #[test]
    fn a_continuation_without_a_front_marker_stays_with_a_warning() {
        let body = "第一段。\n（上接第一版）\n接着说完。";
        let (parts, warnings) = read(body, 1, "a.md");
        assert_eq!(parts.len(), 1);
        assert_eq!(parts[0].blocks.len(), 3);
        assert_eq!(warnings.len(), 1);
    }
}
