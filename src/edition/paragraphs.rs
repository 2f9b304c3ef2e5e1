//! Paragraph conventions: how a page text parts its paragraphs. Blocks between blank lines;
//! in a block, one paragraph a line (indented or not) unless a line is hard-wrapped
//! mid-sentence at the column's width; runs of three or more spaces inside a line; a few
//! short broken lines standing alone, text read off a photo.

use std::collections::VecDeque;
use std::sync::LazyLock;

use memchr::memmem::Finder;

use super::classify::{
    ends_sentence, is_bare_role, is_byline, is_heading_like, is_label_lines, is_photo_credit,
};
use super::furniture::{is_value_label, read_furniture};
use super::markers::{is_marker_line, parse_page_header};

/// Consecutive non-blank source lines that read as one thing.
#[derive(Debug)]
pub(super) struct Unit<'a> {
    /// The source line it starts on.
    pub(super) line: usize,
    /// Its lines, as in the source.
    pub(super) lines: Vec<&'a str>,
}

/// Cuts text into units, lazily: blocks between blank lines, and each block into its
/// paragraphs (see [`Units::start_block`]) one at a time, so that a page of a hundred
/// thousand lines holds no more than its lines.
pub(super) struct Units<'a> {
    lines_before: usize,
    lines: std::iter::Enumerate<std::str::Split<'a, char>>,
    /// Units of the last block read, not yet handed out.
    ready: VecDeque<Unit<'a>>,
    /// The lines of the block being read, kept for the next block's reading.
    block: Vec<(usize, &'a str)>,
    /// Where the reading of a block of paragraphs stands, while one is read.
    cursor: Option<BlockCursor<'a>>,
}

/// The reading of a block line by line: what the block's lines tell together, the next
/// line, the parts of a line not yet read, and the unit being gathered.
struct BlockCursor<'a> {
    width: usize,
    mixed_indents: bool,
    next_line: usize,
    parts: VecDeque<(usize, &'a str)>,
    current: Option<Unit<'a>>,
}

impl<'a> Units<'a> {
    /// Units of `text`, whose first line is the source's line `lines_before + 1`.
    pub(super) fn new(text: &'a str, lines_before: usize) -> Self {
        Self {
            lines_before,
            lines: text.split('\n').enumerate(),
            ready: VecDeque::new(),
            block: Vec::new(),
            cursor: None,
        }
    }

    /// Starts reading a block (lines with no blank line between). A few short broken lines
    /// standing alone are text read off a photo, one unit; otherwise every line is a
    /// paragraph of its own, as in pages that set one paragraph a line, unless it is the
    /// hard-wrapped start of a paragraph that runs on into the next line. A run of three or
    /// more spaces inside a line parts paragraphs too.
    fn start_block(&mut self) {
        let block = &self.block;
        if let [(line, text)] = block.as_slice()
            && !has_gap(text)
        {
            self.ready.push_back(Unit {
                line: *line,
                lines: vec![text],
            });
            return;
        }
        if block.len() <= LABEL_BLOCK_MAX_LINES {
            let lines: Vec<&str> = block.iter().map(|&(_, line)| line).collect();
            if is_label_lines(&lines)
                && !lines
                    .iter()
                    .any(|line| is_byline(line) || read_furniture(line).is_some())
            {
                self.ready.push_back(Unit {
                    line: block[0].0,
                    lines,
                });
                return;
            }
        }
        let width = block
            .iter()
            .map(|(_, line)| line.trim().chars().count())
            .max()
            .unwrap_or(0);
        let mixed_indents = block.iter().any(|(_, line)| starts_indented(line))
            && block.iter().any(|(_, line)| !starts_indented(line));
        self.cursor = Some(BlockCursor {
            width,
            mixed_indents,
            next_line: 0,
            parts: VecDeque::new(),
            current: None,
        });
    }

    /// The next unit of the block being read, if it has one more.
    fn next_in_block(&mut self) -> Option<Unit<'a>> {
        let block = &self.block;
        let cursor = self.cursor.as_mut()?;
        loop {
            let Some((line_number, part)) = cursor.parts.pop_front() else {
                if let Some(&(line_number, line)) = block.get(cursor.next_line) {
                    cursor.next_line += 1;
                    cursor
                        .parts
                        .extend(gap_parts(line).map(|part| (line_number, part)));
                    continue;
                }
                let last = cursor.current.take();
                self.cursor = None;
                return last;
            };
            let runs_on = cursor.current.as_ref().is_some_and(|unit| {
                let last = unit.lines.last().expect("a unit has a line");
                (unit.lines.len() == 1 && is_doubled(last, part))
                    || (!(cursor.mixed_indents && starts_indented(part))
                        && runs_on(last, part, cursor.width))
            });
            match cursor.current.as_mut() {
                Some(unit) if runs_on => unit.lines.push(part),
                _ => {
                    let done = cursor.current.replace(Unit {
                        line: line_number,
                        lines: vec![part],
                    });
                    if done.is_some() {
                        return done;
                    }
                }
            }
        }
    }
}

impl<'a> Iterator for Units<'a> {
    type Item = Unit<'a>;

    fn next(&mut self) -> Option<Unit<'a>> {
        loop {
            if let Some(unit) = self.ready.pop_front() {
                return Some(unit);
            }
            if self.cursor.is_some() {
                if let Some(unit) = self.next_in_block() {
                    return Some(unit);
                }
                continue;
            }
            self.block.clear();
            for (index, line) in self.lines.by_ref() {
                if !line.trim().is_empty() {
                    self.block.push((self.lines_before + index + 1, line));
                } else if !self.block.is_empty() {
                    break;
                }
            }
            if self.block.is_empty() {
                return None;
            }
            self.start_block();
        }
    }
}

/// True when `second` shows the caption `first` shows, as sites print a photo's caption
/// twice: the same line again, or one of them cut short with an ellipsis.
pub(super) fn is_doubled(first: &str, second: &str) -> bool {
    let (first, second) = (first.trim(), second.trim());
    let cut = |text: &'_ str| -> Option<String> {
        let kept = text
            .strip_suffix("...")
            .or_else(|| text.strip_suffix('…'))?;
        Some(kept.trim_end().to_owned())
    };
    if first.is_empty() || is_heading_like(first) {
        return false;
    }
    first == second
        || cut(first).is_some_and(|kept| kept.len() >= 12 && second.starts_with(&kept))
        || cut(second).is_some_and(|kept| kept.len() >= 12 && first.starts_with(&kept))
}

/// Most lines of a block read as text inside a photo.
const LABEL_BLOCK_MAX_LINES: usize = 4;
/// Shortest line read as hard-wrapped at the column's width.
const WRAPPED_MIN_CHARS: usize = 16;

/// True when `line`, the last line of a paragraph being read, runs on into `next`: it stops
/// mid-sentence at a clause mark, or at the full width of the block's lines; or it is a
/// field's label whose value is on the next line ("作者:" / "张三").
fn runs_on(line: &str, next: &str, width: usize) -> bool {
    let (line, next) = (line.trim(), next.trim());
    if is_value_label(line) || (is_bare_role(line) && !next.is_empty()) {
        return true;
    }
    if ends_sentence(line)
        || is_structural_line(line)
        || is_structural_line(next)
        || is_byline(next)
        || is_byline(line)
        || is_photo_credit(line)
        || read_furniture(line).is_some()
        || read_furniture(next).is_some()
    {
        return false;
    }
    let last = line.chars().last();
    let at_clause = last.is_some_and(|c| "，,、；;".contains(c));
    let opened = last.is_some_and(|c| "（(“《「『【".contains(c));
    let chars = line.chars().count();
    let full_width = chars >= WRAPPED_MIN_CHARS && chars * 10 >= width * 9;
    at_clause || opened || full_width
}

/// True when `line` holds a run of three or more spaces between its words.
fn has_gap(line: &str) -> bool {
    let inner = line.trim();
    // Each search finds two spaces of a kind in a row, as every run of three holds; the
    // rarer bytes of ASCII and no-break spaces are looked for first.
    static IDEOGRAPHIC: LazyLock<Finder<'static>> =
        LazyLock::new(|| Finder::new("\u{3000}\u{3000}".as_bytes()));
    let bytes = inner.as_bytes();
    let spaces =
        memchr::memchr(b' ', bytes).is_some() && memchr::memmem::find(bytes, b"  ").is_some();
    let no_break = memchr::memchr(0xC2, bytes).is_some()
        && memchr::memmem::find(bytes, "\u{a0}\u{a0}".as_bytes()).is_some();
    (spaces || no_break || IDEOGRAPHIC.find(bytes).is_some()) && gap_parts(line).nth(1).is_some()
}

/// The parts of `line` between runs of three or more spaces (of any kind).
fn gap_parts(line: &str) -> impl Iterator<Item = &str> {
    let mut rest = line;
    std::iter::from_fn(move || {
        if rest.trim().is_empty() {
            return None;
        }
        let lead = rest.len() - rest.trim_start().len();
        let mut run = 0;
        let mut run_start = 0;
        for (at, c) in rest.char_indices().skip_while(|&(at, _)| at < lead) {
            if c.is_whitespace() {
                if run == 0 {
                    run_start = at;
                }
                run += 1;
            } else {
                if run >= 3 {
                    let part = &rest[..run_start];
                    rest = &rest[at..];
                    return Some(part);
                }
                run = 0;
            }
        }
        let part = rest;
        rest = "";
        Some(part)
    })
}

fn starts_indented(line: &str) -> bool {
    line.starts_with(char::is_whitespace)
}

/// True for a line that is all markup: a continuation marker or a page header.
fn is_structural_line(line: &str) -> bool {
    const MAX_STRUCTURAL_BYTES: usize = 96;
    line.len() <= MAX_STRUCTURAL_BYTES
        && (is_marker_line(line) || parse_page_header(line).is_some())
}

/// Joins the lines of a hard-wrapped paragraph: Chinese runs on, Latin words keep a space.
pub(super) fn join_wrapped_lines(lines: &[&str]) -> String {
    let mut text = String::with_capacity(lines.iter().map(|line| line.len()).sum());
    for line in lines {
        let line = line.trim();
        let latin_seam = text.chars().last().is_some_and(|c| c.is_ascii_graphic())
            && line.chars().next().is_some_and(|c| c.is_ascii_graphic());
        if latin_seam {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}
