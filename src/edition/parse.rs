//! The parser: the text of one or more newspaper pages → pages of articles.
//!
//! The text is first sanitized and its front matter read; then cut into units, its
//! paragraphs as the page parts them (`paragraphs`); units into pieces (text, continuation
//! markers, page headers, furniture: `furniture`); and the pieces are read in order by a
//! small state machine that sees a few pieces ahead. It knows where a heading group starts
//! a story (a byline, a dateline or a cue after it), where a 下转 ends it, what a byline
//! after a lead belongs to, and where a picture sits. Continued parts loaded in one text
//! are placed on the pages their partners name at the end.

use std::borrow::Cow;
use std::collections::VecDeque;
use std::fmt::Write as _;
use std::mem;
use std::ops::Range;

use super::classify::{
    byline_names_start_with_surname, ends_sentence, first_sentence, is_author_tag, is_banner_like,
    is_bare_role, is_byline, is_cjk, is_credit_line, is_description, is_heading_like,
    is_label_lines, is_meeting_subtitle, is_name_line, is_photo_caption_like, is_photo_credit,
    is_spaced, is_subhead_like, lead_byline_end, repeats_banner, sentence_ends,
    starts_with_dateline,
};
use super::furniture::{Furniture, heading_markup, is_value_label, read_furniture};
use super::markers::{Direction, PageHeader, find_markers, parse_page_header};
use super::paragraphs::{Unit, Units, is_doubled, join_wrapped_lines};
use super::sanitize::{Sanitized, sanitize};
use super::{Article, Block, BlockKind, Caption, CaptionKind, Jump, ListedPage, Page, page_label};

/// The pages read from one text, and a note of everything done to the text on the way.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParsedText {
    /// The pages, in the order of the text.
    pub pages: Vec<Page>,
    /// Repairs, drops and consumed markup, in the order they were made.
    pub notes: Vec<Note>,
    /// The paper the text names in its furniture.
    pub paper: Option<String>,
    /// The issue date the text names in its furniture, "YYYY-MM-DD".
    pub date: Option<String>,
    /// The day's pages, from a navigation list in the text.
    pub page_list: Vec<ListedPage>,
    /// The source line each page starts on.
    page_first_lines: Vec<usize>,
}

/// One thing the parser did that the model's text does not show by itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Index into [`ParsedText::pages`] of the page it concerns.
    pub page: usize,
    /// The 1-based line of the source text.
    pub line: usize,
    /// What kind of change it was.
    pub kind: NoteKind,
    /// The source characters the model no longer holds as text, exactly; empty for repairs
    /// that lose nothing (joins).
    pub removed: String,
    /// What happened, for a person.
    pub message: String,
}

/// The kinds of [`Note`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// Text was repaired (a paragraph cut mid-sentence joined, decomposed text composed).
    Repair,
    /// Text was dropped (noise, control characters, a marker with no story).
    Drop,
    /// Markup became structure (a 下转 marker a jump, a header the page number): not a warning.
    Markup,
}

impl ParsedText {
    /// The warnings a reader sees: every repair and drop, naming the page and line.
    pub fn warnings(&self) -> impl Iterator<Item = String> + '_ {
        self.notes
            .iter()
            .filter(|note| note.kind != NoteKind::Markup)
            .map(|note| {
                let page = self
                    .pages
                    .get(note.page)
                    .map_or_else(String::new, |page| page.label.clone());
                format!("{page}, line {}: {}", note.line, note.message)
            })
    }
}

/// Parses page text. Each page header starts a page; `first_position` numbers the first
/// page when no header names it (its position in what was loaded, from 1).
pub fn parse(text: &str, first_position: u32) -> ParsedText {
    let sanitized = sanitize(text);
    let mut parser = Parser::new(first_position);
    let front = front_matter(&sanitized.text);
    let (body, body_line) = match &front {
        Some(front) => (&sanitized.text[front.end..], front.lines),
        None => (&sanitized.text[..], 0),
    };
    if let Some(front) = &front {
        parser.front_matter(front);
    }
    // Pieces are read in a window that sees a few pieces ahead: pages run to tens of
    // megabytes, and no reading looks further.
    let mut located = Units::new(body, body_line).flat_map(|unit| pieces(&unit));
    let mut window: VecDeque<Located> = VecDeque::with_capacity(WINDOW + 1);
    loop {
        window.extend(located.by_ref().take(WINDOW + 1 - window.len()));
        let Some(piece) = window.pop_front() else {
            break;
        };
        parser.feed(&piece, window.make_contiguous());
    }
    drop(located);
    let mut parsed = parser.finish();
    parsed.note_sanitizing(sanitized);
    parsed
}

/// YAML front matter at the top of a page text: its fields, where it ends, and how many
/// lines it takes.
#[derive(Debug)]
struct FrontMatter<'a> {
    /// (line, key, value, the whole line) of each field.
    fields: Vec<(usize, &'a str, &'a str, &'a str)>,
    /// The fence lines, "---".
    fences: Vec<(usize, &'a str)>,
    /// The byte where the text after it starts.
    end: usize,
    /// The lines it takes.
    lines: usize,
}

/// Most lines of front matter looked for.
const FRONT_MATTER_MAX_LINES: usize = 40;

/// Reads YAML front matter: a "---" line first, `key: value` lines, a closing "---" or "...".
fn front_matter(text: &str) -> Option<FrontMatter<'_>> {
    let mut lines = text.split_inclusive('\n');
    let first = lines.next()?;
    if first.trim_end() != "---" {
        return None;
    }
    let mut front = FrontMatter {
        fields: Vec::new(),
        fences: vec![(1, first.trim_end())],
        end: first.len(),
        lines: 1,
    };
    for line in lines.take(FRONT_MATTER_MAX_LINES) {
        front.end += line.len();
        front.lines += 1;
        let trimmed = line.trim_end();
        if trimmed == "---" || trimmed == "..." {
            front.fences.push((front.lines, trimmed));
            return Some(front);
        }
        if trimmed.trim().is_empty() {
            continue;
        }
        let (key, value) = trimmed.split_once(':')?;
        let key = key.trim();
        if key.is_empty()
            || !key
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
        {
            return None;
        }
        let value = value.trim();
        let value = value
            .strip_prefix('"')
            .and_then(|v| v.strip_suffix('"'))
            .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
            .unwrap_or(value);
        front.fields.push((front.lines, key, value, trimmed));
    }
    None
}

/// Longest byline glued to the end of a paragraph.
const TRAILING_BYLINE_MAX_BYTES: usize = 40 * 4;

/// Where a byline glued to the end of a paragraph starts: "…一片繁忙。”本报记者 张三".
fn trailing_byline_start(text: &str) -> Option<usize> {
    // A byline ends in a name: a paragraph ending in punctuation has none glued to it.
    if !text.chars().next_back().is_some_and(is_cjk) {
        return None;
    }
    let window = text.len().saturating_sub(TRAILING_BYLINE_MAX_BYTES);
    let window = (window..text.len()).find(|&at| text.is_char_boundary(at))?;
    let end = sentence_ends(&text[window..]).last()? + window;
    let tail = text[end..].trim();
    (end < text.len()
        && !tail.is_empty()
        && is_byline(tail)
        && byline_names_start_with_surname(tail))
    .then(|| end + (text[end..].len() - text[end..].trim_start().len()))
}

/// True when the story being read is only a photo's captions: a few one-sentence lines,
/// no heading, no byline, no jump.
fn is_photo_item(draft: &ArticleDraft) -> bool {
    let article = &draft.article;
    draft.phase == Phase::Body
        && draft.headings.is_empty()
        && article.headings().next().is_none()
        && article.jump_from.is_none()
        && article.jump_to.is_none()
        && (1..=PHOTO_ITEM_MAX_CAPTIONS).contains(&article.blocks.len())
        && article
            .blocks
            .iter()
            .all(|block| block.kind == BlockKind::Paragraph && is_photo_caption_like(&block.text))
}

/// True for a subhead of two short phrases parted by a space, or one numbered by a letter
/// or digit ("B 新城新貌"), as a body's subheads may be.
fn is_spaced_subhead(text: &str) -> bool {
    let phrases: Vec<&str> = text.split_whitespace().collect();
    let joined: String = phrases.concat();
    phrases.len() == 2 && is_subhead_like(&joined)
}

/// Fewest spaced phrases of a line of titles (a site's ticker).
const TICKER_MIN_PHRASES: usize = 4;

/// Most captions of one photo item.
const PHOTO_ITEM_MAX_CAPTIONS: usize = 4;
/// Fewest characters of a headline: shorter heading lines are labels ("导言", "编者按").
const HEADLINE_MIN_CHARS: usize = 4;

/// Longest inferred title; longer first sentences are cut with an ellipsis.
const TITLE_MAX_CHARS: usize = 60;
/// How much of a text a warning quotes.
const EXCERPT_CHARS: usize = 10;

/// A unit, or part of one, ready for the state machine. Text is borrowed from the
/// sanitized page where it can be: pages run to tens of megabytes.
#[derive(Debug)]
enum Piece<'a> {
    Header(PageHeader),
    Jump {
        direction: Direction,
        page: u32,
        markup: Cow<'a, str>,
    },
    Text(Cow<'a, str>, Shape),
    /// Several short lines that are not sentences: labels in a photo, or heading lines.
    Lines(Vec<&'a str>),
    /// A photo's caption, shown twice.
    Captions(Vec<&'a str>),
    /// A line of page furniture, and what it says.
    Furniture(Cow<'a, str>, Box<Furniture>),
    /// Markup around a heading line (leaked wiki markup), dropped.
    Markup(String),
}

/// What comes after a piece, as far as its reading needs: whether the next piece is body
/// text, and how the run of heading lines that may follow ends.
#[derive(Debug, Clone, Copy, Default)]
struct Ahead {
    next_is_body: bool,
    /// Heading lines from here (this piece included) to the next body text.
    heading_run: usize,
    /// True when a byline, or a body that opens with a dateline, ends that run.
    run_ends_in_story_start: bool,
    /// True when the text ends with this piece.
    at_end: bool,
    /// True when, past any furniture, body text or a picture comes next.
    story_follows: bool,
}

/// True for a kicker's or a subtitle's cue: a line ending or starting with a dash.
fn is_heading_cue(text: &str) -> bool {
    text.ends_with('—') || text.starts_with('—')
}

/// True for a piece of a sentence in heading shape: clause punctuation inside, no dash cue,
/// longer than a subhead. Inside a body it is a paragraph broken at a column's end.
fn is_fragment(text: &str) -> bool {
    !is_heading_cue(text)
        && text.contains(['，', ',', '、', '；', ';'])
        && text.chars().count() > FRAGMENT_MIN_CHARS
}

/// Longest line set apart inside a body that is read as a subhead, whatever its marks.
const SET_APART_MAX_CHARS: usize = 20;

/// Shortest heading-shaped piece of a sentence read as a fragment of a body.
const FRAGMENT_MIN_CHARS: usize = 20;

/// True for a numbered photo caption, "①市民在公园游玩": under a heading, before the body,
/// a circled numeral numbers the pictures.
fn is_numbered_caption(text: &str) -> bool {
    text.starts_with(|c: char| ('\u{2460}'..='\u{2473}').contains(&c))
}

/// How many heading lines a run may hold and still be read as subheads inside a body.
const SUBHEAD_RUN_MAX: usize = 2;
/// How far ahead a run of heading lines is looked at.
const AHEAD_MAX: usize = 6;
/// How many pieces past the one being read are held: the run of heading lines looked at,
/// and room for furniture before a story.
const WINDOW: usize = 16;

impl Ahead {
    fn of(rest: &[Located]) -> Self {
        let next_is_body = matches!(rest.first(),
            Some(Located { piece: Piece::Text(_, shape), .. }) if shape.is_body());
        let mut ahead = Ahead {
            next_is_body,
            heading_run: 1,
            run_ends_in_story_start: false,
            at_end: rest.is_empty(),
            story_follows: rest
                .iter()
                .find(|located| !matches!(located.piece, Piece::Furniture(..) | Piece::Markup(_)))
                .is_some_and(|located| match &located.piece {
                    Piece::Text(text, shape) => shape.is_body() || is_photo_credit(text),
                    Piece::Captions(_) => true,
                    _ => false,
                }),
        };
        for located in rest.iter().take(AHEAD_MAX) {
            match &located.piece {
                Piece::Text(_, shape) if shape.byline => {
                    ahead.run_ends_in_story_start = true;
                    return ahead;
                }
                Piece::Text(text, shape) if shape.is_body() => {
                    ahead.run_ends_in_story_start = starts_with_dateline(text);
                    return ahead;
                }
                Piece::Text(text, _) => {
                    ahead.heading_run += 1;
                    if is_heading_cue(text) {
                        ahead.run_ends_in_story_start = true;
                    }
                }
                Piece::Lines(lines) => ahead.heading_run += lines.len(),
                Piece::Furniture(..) | Piece::Markup(_) => {}
                Piece::Jump {
                    direction: Direction::From,
                    ..
                } => {
                    ahead.run_ends_in_story_start = true;
                    return ahead;
                }
                _ => return ahead,
            }
        }
        if rest.len() > AHEAD_MAX {
            // No body follows the run soon: it is no subhead.
            ahead.heading_run = usize::MAX;
        }
        ahead
    }
}

#[derive(Debug)]
struct Located<'a> {
    line: usize,
    piece: Piece<'a>,
}

/// Reads a unit as pieces: a header, several short lines, or text split at its markers.
fn pieces<'a>(unit: &Unit<'a>) -> Vec<Located<'a>> {
    let at = |piece| Located {
        line: unit.line,
        piece,
    };
    if let [line] = unit.lines.as_slice() {
        if let Some(header) = parse_page_header(line) {
            return vec![at(Piece::Header(header))];
        }
        if let Some(furniture) = read_furniture(line) {
            return vec![at(Piece::Furniture(
                Cow::Borrowed(line.trim()),
                Box::new(furniture),
            ))];
        }
    }
    if let [label, value] = unit.lines.as_slice()
        && is_value_label(label)
    {
        let field = format!("{}{}", label.trim(), value.trim());
        if let Some(furniture) = read_furniture(&field) {
            return vec![at(Piece::Furniture(Cow::Owned(field), Box::new(furniture)))];
        }
    }
    if let [first, second] = unit.lines.as_slice()
        && is_doubled(first, second)
    {
        return vec![at(Piece::Captions(vec![first.trim(), second.trim()]))];
    }
    if unit.lines.len() > 1
        && is_label_lines(&unit.lines)
        && !is_value_label(unit.lines[0])
        && !is_bare_role(unit.lines[0])
    {
        return vec![at(Piece::Lines(
            unit.lines.iter().map(|l| l.trim()).collect(),
        ))];
    }
    let text = match unit.lines.as_slice() {
        [line] => Cow::Borrowed(*line),
        lines => Cow::Owned(join_wrapped_lines(lines)),
    };
    let mut pieces = Vec::new();
    if let Some((before, after)) = heading_markup(&text) {
        let inner = sub_text(&text, before..text.len() - after);
        let markup = format!("{}{}", &text[..before], &text[text.len() - after..]);
        pieces.push(at(Piece::Markup(markup)));
        let inner = inner.trim();
        if !inner.is_empty() {
            let mut shape = Shape::of(inner);
            shape.heading = true;
            shape.byline = false;
            shape.description = false;
            pieces.push(at(Piece::Text(Cow::Owned(inner.to_owned()), shape)));
        }
        return pieces;
    }
    let mut text_start = 0;
    for marker in find_markers(&text) {
        push_text(
            &mut pieces,
            sub_text(&text, text_start..marker.span.start),
            unit.line,
        );
        pieces.push(at(Piece::Jump {
            direction: marker.direction,
            page: marker.page,
            markup: sub_text(&text, marker.span.clone()),
        }));
        text_start = marker.span.end;
    }
    push_text(
        &mut pieces,
        sub_text(&text, text_start..text.len()),
        unit.line,
    );
    pieces
}

/// A range of `text`, still borrowed from the page when `text` is.
fn sub_text<'a>(text: &Cow<'a, str>, range: Range<usize>) -> Cow<'a, str> {
    match text {
        Cow::Borrowed(text) => Cow::Borrowed(&text[range]),
        Cow::Owned(text) => Cow::Owned(text[range].to_owned()),
    }
}

fn push_text<'a>(pieces: &mut Vec<Located<'a>>, text: Cow<'a, str>, line: usize) {
    let trimmed = match text {
        Cow::Borrowed(text) => Cow::Borrowed(text.trim()),
        Cow::Owned(text) if text.trim().len() == text.len() => Cow::Owned(text),
        Cow::Owned(text) => Cow::Owned(text.trim().to_owned()),
    };
    if !trimmed.is_empty() {
        let shape = Shape::of(&trimmed);
        pieces.push(Located {
            line,
            piece: Piece::Text(trimmed, shape),
        });
    }
}

/// What a piece of text looks like on its own. Told once: the parser asks both when the
/// piece is next and when it reads it.
#[derive(Debug, Clone, Copy)]
struct Shape {
    heading: bool,
    byline: bool,
    description: bool,
}

impl Shape {
    fn of(text: &str) -> Self {
        Self {
            heading: is_heading_like(text) && !is_credit_line(text) && !starts_with_dateline(text),
            byline: is_byline(text),
            description: is_description(text),
        }
    }

    /// True for body text in shape, whatever its place.
    fn is_body(self) -> bool {
        !self.heading && !self.byline && !self.description
    }
}

/// Where the story being read stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Reading its heading group; no body yet.
    Heading,
    /// Reading its body.
    Body,
    /// Ended by a 下转 marker; only its photo caption may follow.
    Closed,
}

#[derive(Debug)]
struct HeadingLine {
    text: String,
    line: usize,
}

#[derive(Debug)]
struct ArticleDraft {
    phase: Phase,
    headings: Vec<HeadingLine>,
    article: Article,
}

impl ArticleDraft {
    /// True when the last paragraph stops mid-sentence.
    fn ends_mid_sentence(&self) -> bool {
        self.article
            .blocks
            .last()
            .is_some_and(|block| block.kind == BlockKind::Paragraph && !ends_sentence(&block.text))
    }
}

#[derive(Debug)]
struct PageDraft {
    number: u32,
    section: Option<String>,
    has_header: bool,
    first_line: usize,
    articles: Vec<Article>,
    current: Option<ArticleDraft>,
    /// Pictures waiting for the story after them, which they belong to.
    pending: Vec<Caption>,
}

impl PageDraft {
    fn new(number: u32, first_line: usize) -> Self {
        Self {
            number,
            section: None,
            has_header: false,
            first_line,
            articles: Vec::new(),
            current: None,
            pending: Vec::new(),
        }
    }

    fn is_empty(&self) -> bool {
        self.articles.is_empty() && self.current.is_none() && self.pending.is_empty()
    }

    fn phase(&self) -> Option<Phase> {
        self.current.as_ref().map(|draft| draft.phase)
    }
}

struct Parser {
    /// The pages read to the end, finished; the page being read is `page`.
    done: Vec<Page>,
    /// The source line each page of `done` starts on.
    done_first_lines: Vec<usize>,
    page: PageDraft,
    notes: Vec<Note>,
    paper: Option<String>,
    date: Option<String>,
    page_list: Vec<ListedPage>,
    /// True while the last paragraph read may be continued by the next body text: no
    /// heading, byline or furniture has come between.
    seam: bool,
    /// The source line of the last paragraph read.
    paragraph_line: usize,
}

/// Marks printed before a byline that heads a story.
const BYLINE_SIGILS: &[char] = &['□', '■', '◇', '◆', '○', '●', '△', '▲'];

/// What a heading-like line does where it stands.
enum HeadingRole {
    /// Another line of the heading group being read.
    GroupLine,
    /// The first text after a 上接 marker: body, whatever its shape.
    Body,
    /// A subhead inside the body.
    Subhead,
    /// Body text in heading shape (a pull quote's attribution, a cut last fragment): a
    /// paragraph that no later text continues.
    Fragment,
    /// The first line of a new story's heading group.
    NewStory,
}

impl Parser {
    fn new(first_position: u32) -> Self {
        Self {
            done: Vec::new(),
            done_first_lines: Vec::new(),
            page: PageDraft::new(first_position, 1),
            notes: Vec::new(),
            paper: None,
            date: None,
            page_list: Vec::new(),
            seam: false,
            paragraph_line: 1,
        }
    }

    fn page(&mut self) -> &mut PageDraft {
        &mut self.page
    }

    fn current(&mut self) -> &mut ArticleDraft {
        self.page().current.as_mut().expect("a story is being read")
    }

    fn note(&mut self, line: usize, kind: NoteKind, removed: &str, message: String) {
        self.notes.push(Note {
            page: self.done.len(),
            line,
            kind,
            removed: removed.to_owned(),
            message,
        });
    }

    /// Reads one piece; `rest` are the pieces after it, looked at only where a piece's
    /// role depends on what follows.
    fn feed(&mut self, located: &Located, rest: &[Located]) {
        let line = located.line;
        match &located.piece {
            Piece::Header(header) => self.header(header, line),
            Piece::Jump {
                direction: Direction::To,
                page,
                markup,
            } => self.jump_to(*page, markup, line),
            Piece::Jump {
                direction: Direction::From,
                page,
                markup,
            } => self.jump_from(*page, markup, line),
            Piece::Furniture(text, furniture) => {
                self.furniture(text, furniture, line, Ahead::of(rest).story_follows);
            }
            Piece::Captions(captions) => {
                for caption in captions {
                    self.credited_picture(caption);
                }
            }
            Piece::Markup(markup) => {
                let message = format!("dropped heading markup “{markup}”");
                self.note(line, NoteKind::Drop, markup, message);
            }
            Piece::Lines(lines) if self.page().phase() == Some(Phase::Body) => {
                self.picture(CaptionKind::Label, lines.join("\n"));
            }
            Piece::Lines(lines) => {
                for (index, text) in lines.iter().enumerate() {
                    let ahead = || {
                        let ahead = Ahead::of(rest);
                        if index + 1 == lines.len() {
                            ahead
                        } else {
                            Ahead {
                                next_is_body: false,
                                heading_run: ahead
                                    .heading_run
                                    .saturating_add(lines.len() - index - 1),
                                ..ahead
                            }
                        }
                    };
                    self.text(text, Shape::of(text), line + index, ahead);
                }
            }
            Piece::Text(text, shape) => self.text(text, *shape, line, || Ahead::of(rest)),
        }
    }

    fn text(&mut self, text: &str, shape: Shape, line: usize, ahead: impl Fn() -> Ahead) {
        let phase = self.page().phase();
        if let Some(banner) = self.banner_repeated_by(text) {
            let message = format!("dropped “{text}”, a repeat of the banner “{banner}” above it");
            self.note(line, NoteKind::Drop, text, message);
        } else if is_photo_credit(text) {
            self.credited_picture(text);
        } else if shape.byline {
            self.byline(text, false);
        } else if shape.description {
            self.picture(CaptionKind::Description, text.to_owned());
        } else if phase == Some(Phase::Closed) && is_photo_caption_like(text) {
            self.current().article.captions.push(Caption {
                kind: CaptionKind::Photo,
                text: text.to_owned(),
            });
        } else if phase == Some(Phase::Heading) && is_numbered_caption(text) {
            self.picture(CaptionKind::Photo, text.to_owned());
        } else if phase == Some(Phase::Body) && is_author_tag(text) {
            // It closes the story being read, repeating its byline or giving it one.
            let article = &mut self.current().article;
            match &mut article.byline {
                Some(byline) => {
                    byline.push(' ');
                    byline.push_str(text);
                }
                None => article.byline = Some(text.to_owned()),
            }
            self.seam = false;
        } else if let Some(end) = lead_byline_end(text) {
            self.byline(&text[..end], true);
            let rest = text[end..].trim();
            if !rest.is_empty() {
                self.body(rest, line);
            }
        } else if shape.heading && !(phase == Some(Phase::Body) && is_fragment(text)) {
            self.heading(text, line, ahead);
        } else {
            self.body(text, line);
        }
    }

    /// Front matter: the first story's headline and byline, the edition's date and paper,
    /// the page's number. What the model does not hold is noted as markup.
    fn front_matter(&mut self, front: &FrontMatter) {
        for &(line, fence) in &front.fences {
            self.note(line, NoteKind::Markup, fence, "front matter".into());
        }
        for &(line, key, value, whole) in &front.fields {
            let mut kept = !value.is_empty();
            match key.to_ascii_lowercase().as_str() {
                "title" | "headline" if kept => {
                    if self.page.current.is_none() {
                        self.start_article(Phase::Heading);
                    }
                    self.current().headings.push(HeadingLine {
                        text: value.to_owned(),
                        line,
                    });
                }
                "author" | "byline" | "authors" if kept => self.byline(value, false),
                "date" => {
                    kept = false;
                    let date = super::furniture::leading_date(value).map(|(date, _)| date);
                    self.date = date.or_else(|| self.date.take());
                }
                "paper" | "source" | "newspaper" => {
                    kept = false;
                    if !value.is_empty() {
                        self.paper = Some(value.to_owned());
                    }
                }
                "page" => {
                    kept = false;
                    let header = parse_page_header(value).or_else(|| {
                        let number: u32 = value.parse().ok()?;
                        (number > 0).then(|| PageHeader {
                            number,
                            section: None,
                            markup: value.to_owned(),
                        })
                    });
                    if let Some(header) = header {
                        self.set_page(
                            &PageHeader {
                                section: None,
                                ..header
                            },
                            line,
                        );
                    }
                }
                _ => kept = false,
            }
            let removed = if kept {
                whole.replacen(value, "", 1)
            } else {
                whole.to_owned()
            };
            self.note(
                line,
                NoteKind::Markup,
                &removed,
                format!("front matter {key}"),
            );
        }
    }

    /// A line of furniture: the edition's paper and date, the page's number, the day's list of
    /// pages, or nothing (dropped with a warning). Titles standing just before furniture, with
    /// no story under them and none after it, are the site's list of titles and are dropped.
    fn furniture(&mut self, text: &str, furniture: &Furniture, line: usize, story_follows: bool) {
        self.seam = false;
        if !story_follows {
            self.drop_title_list();
        }
        if furniture.breadcrumb {
            self.drop_site_header();
        }
        let timestamp = furniture.date.is_some()
            && furniture.header.is_none()
            && furniture.paper.is_none()
            && furniture.pages.is_empty();
        if timestamp
            && let Some(draft) = self.page.current.as_mut()
            && draft.phase == Phase::Body
        {
            // A dated line between items of a list ends the item above it.
            draft.phase = Phase::Closed;
        }
        if furniture.is_junk() {
            let message = format!("dropped “{}”, page furniture", excerpt_start(text));
            self.note(line, NoteKind::Drop, text, message);
            return;
        }
        if self.paper.is_none() {
            self.paper.clone_from(&furniture.paper);
        }
        if self.date.is_none() {
            self.date.clone_from(&furniture.date);
        }
        if furniture.header.is_some() && self.date.is_some() && furniture.date.is_some() {
            // A date on a page header is the issue's, over a date line of the site's.
            self.date.clone_from(&furniture.date);
        }
        for listed in &furniture.pages {
            if !self
                .page_list
                .iter()
                .any(|known| known.number == listed.number)
            {
                self.page_list.push(listed.clone());
            }
        }
        let mut removed = text.to_owned();
        if let Some(header) = &furniture.header
            && self.set_page(header, line)
            && let Some(section) = &header.section
            && let Some(at) = removed.find(section.as_str())
        {
            removed.replace_range(at..at + section.len(), "");
        }
        let message = format!("page furniture {text}");
        self.note(line, NoteKind::Markup, &removed, message);
    }

    /// Drops what stands above a web page's breadcrumb trail on this page: the site's header
    /// and menus, not stories. Parts with a byline or a jump are kept.
    fn drop_site_header(&mut self) {
        self.finish_article();
        let page = &mut self.page;
        if page.has_header {
            return;
        }
        let (kept, dropped): (Vec<Article>, Vec<Article>) = mem::take(&mut page.articles)
            .into_iter()
            .partition(|article| {
                article.byline.is_some() || article.jump_to.is_some() || article.jump_from.is_some()
            });
        page.articles = kept;
        let line = page.first_line;
        for article in dropped {
            let texts: Vec<&str> = (article.headings())
                .chain(article.blocks.iter().map(|block| block.text.as_str()))
                .chain(article.captions.iter().map(|caption| caption.text.as_str()))
                .collect();
            let removed = texts.join("\n");
            let message = format!(
                "dropped “{}”, the site's header above its breadcrumb trail",
                excerpt_start(&article.title)
            );
            self.note(line, NoteKind::Drop, &removed, message);
        }
    }

    /// Drops the heading group being read when it has no story under it and reads as a list
    /// of titles: two or more lines, or one line of four or more spaced phrases (a ticker).
    fn drop_title_list(&mut self) {
        let Some(draft) = self.page.current.as_ref() else {
            return;
        };
        let article = &draft.article;
        let bare = draft.phase == Phase::Heading
            && article.blocks.is_empty()
            && article.byline.is_none()
            && article.captions.is_empty()
            && article.jump_from.is_none();
        let list = match draft.headings.as_slice() {
            [] => false,
            [one] => {
                one.text.split_whitespace().count() >= TICKER_MIN_PHRASES
                    || one.text.starts_with(['*', '•', '·', '●'])
            }
            _ => true,
        };
        let ticker = draft.phase == Phase::Body
            && draft.headings.is_empty()
            && article.headings().next().is_none()
            && article.captions.is_empty()
            && matches!(article.blocks.as_slice(), [block]
                if !block.text.contains(['。', '！', '？'])
                    && block.text.split_whitespace().count() >= TICKER_MIN_PHRASES);
        if ticker {
            let draft = self.page.current.take().expect("a draft");
            let text = &draft.article.blocks[0].text;
            let message = format!("dropped “{}”, a ticker of titles", excerpt_start(text));
            self.note(self.paragraph_line, NoteKind::Drop, text, message);
            return;
        }
        if !(bare && list) {
            return;
        }
        let draft = self.page.current.take().expect("a draft");
        for heading in draft.headings {
            let message = format!(
                "dropped “{}”, a title in a list of titles",
                excerpt_start(&heading.text)
            );
            self.note(heading.line, NoteKind::Drop, &heading.text, message);
        }
    }

    /// The heading line just above, when `text` repeats it as OCR repeats banners.
    fn banner_repeated_by(&mut self, text: &str) -> Option<String> {
        let draft = self.page().current.as_ref()?;
        let previous = draft.headings.last()?;
        let repeats = draft.phase == Phase::Heading && repeats_banner(text, &previous.text);
        repeats.then(|| previous.text.trim().to_owned())
    }

    /// A page header: the page's number and section, or the start of the next page.
    fn header(&mut self, header: &PageHeader, line: usize) {
        self.seam = false;
        let mut removed = header.markup.clone();
        if !self.set_page(header, line) {
            removed.extend(header.section.as_deref());
        }
        let message = format!("page header {}", header.markup);
        self.note(line, NoteKind::Markup, &removed, message);
    }

    /// Numbers the page being read, or starts the next page when this one has a header or
    /// text already. A header naming the page being read (an archive's header over each of
    /// its stories) starts nothing; a heading group with no body yet goes to the new page.
    /// Returns false when the header's section name is not the page's (it had one).
    fn set_page(&mut self, header: &PageHeader, line: usize) -> bool {
        let page = self.page();
        if page.has_header && page.number == header.number {
            // An archive's header over each story: the story above it has ended.
            if page.phase().is_some_and(|phase| phase != Phase::Heading) {
                self.finish_article();
            }
            let page = self.page();
            if page.section.is_some() {
                return header.section.is_none();
            }
            page.section.clone_from(&header.section);
            return true;
        }
        let heading_only = page
            .current
            .as_ref()
            .is_some_and(|draft| draft.phase == Phase::Heading && draft.article.blocks.is_empty());
        let moved = if heading_only {
            page.current.take()
        } else {
            None
        };
        let page = self.page();
        if page.has_header || !page.is_empty() {
            self.finish_page();
            let finished = mem::replace(&mut self.page, PageDraft::new(header.number, line));
            self.done_first_lines.push(finished.first_line);
            self.done.push(finished.into_page());
        }
        let page = self.page();
        page.number = header.number;
        page.section.clone_from(&header.section);
        page.has_header = true;
        if moved.is_some() {
            page.current = moved;
        }
        true
    }

    /// 下转: the story part being read ends here and goes on on `page`.
    fn jump_to(&mut self, page: u32, markup: &str, line: usize) {
        let has_open_part = self
            .page()
            .current
            .as_ref()
            .is_some_and(|draft| draft.article.jump_to.is_none());
        if !has_open_part {
            let message = format!("dropped {markup}: no story part before it to continue");
            self.note(line, NoteKind::Drop, markup, message);
            return;
        }
        self.resolve_headings();
        let draft = self.current();
        draft.phase = Phase::Closed;
        draft.article.jump_to = Some(Jump {
            page,
            article: None,
        });
        self.note(line, NoteKind::Markup, markup, format!("jump {markup}"));
    }

    /// 上接: a story part continued from `page` starts here, headline or not.
    fn jump_from(&mut self, page: u32, markup: &str, line: usize) {
        let heading_waits = self.page().current.as_ref().is_some_and(|draft| {
            draft.phase == Phase::Heading && draft.article.jump_from.is_none()
        });
        if !heading_waits {
            self.start_article(Phase::Body);
        }
        self.resolve_headings();
        self.current().article.jump_from = Some(Jump {
            page,
            article: None,
        });
        self.note(line, NoteKind::Markup, markup, format!("jump {markup}"));
    }

    /// A byline belongs to the heading group being read. After a body it belongs to that
    /// story when the story has none and the byline is not one that heads a story (a marked
    /// "□本报记者" or a dateline's "本报讯(记者…)", `opens_story`); otherwise it starts one.
    fn byline(&mut self, text: &str, opens_story: bool) {
        self.seam = false;
        let page = self.page();
        let attaches = page
            .current
            .as_ref()
            .is_some_and(|draft| match draft.phase {
                Phase::Heading => true,
                Phase::Body => {
                    draft.article.byline.is_none()
                        && !opens_story
                        && !text.trim_start().starts_with(BYLINE_SIGILS)
                }
                Phase::Closed => false,
            });
        if !attaches {
            self.start_article(Phase::Heading);
        }
        let article = &mut self.current().article;
        match &mut article.byline {
            Some(byline) => {
                byline.push(' ');
                byline.push_str(text);
            }
            None => article.byline = Some(text.to_owned()),
        }
    }

    /// A caption with its photographer's credit belongs to the story being read, or to the
    /// story after it when none is.
    fn credited_picture(&mut self, text: &str) {
        match self.page.current.as_mut() {
            Some(draft) if draft.phase != Phase::Closed && self.page.pending.is_empty() => {
                draft.article.captions.push(Caption {
                    kind: CaptionKind::Photo,
                    text: text.to_owned(),
                });
            }
            _ => self.picture(CaptionKind::Photo, text.to_owned()),
        }
    }

    /// A picture's text belongs to the story it sits in (before that story's body, or
    /// inside a sentence the body has not finished), or else to the story after it.
    fn picture(&mut self, kind: CaptionKind, text: String) {
        let page = self.page();
        let caption = Caption { kind, text };
        let inside_story = page.pending.is_empty()
            && page
                .current
                .as_ref()
                .is_some_and(|draft| match draft.phase {
                    Phase::Heading => true,
                    Phase::Body => kind == CaptionKind::Label || draft.ends_mid_sentence(),
                    Phase::Closed => false,
                });
        match page.current.as_mut() {
            Some(draft) if inside_story => draft.article.captions.push(caption),
            _ => page.pending.push(caption),
        }
    }

    fn heading(&mut self, text: &str, line: usize, ahead: impl Fn() -> Ahead) {
        self.seam = false;
        let ahead = ahead();
        let page = self.page();
        let waiting_pictures = !page.pending.is_empty();
        let role = match &page.current {
            Some(draft) if draft.phase == Phase::Heading => HeadingRole::GroupLine,
            Some(draft) if draft.phase == Phase::Body && draft.article.blocks.is_empty() => {
                HeadingRole::Body
            }
            Some(draft)
                if draft.phase == Phase::Body
                    && !waiting_pictures
                    && !is_photo_item(draft)
                    && is_subhead_like(text)
                    && !draft.ends_mid_sentence()
                    && !ahead.run_ends_in_story_start
                    && (ahead.next_is_body
                        || (ahead.heading_run <= SUBHEAD_RUN_MAX
                            && !ahead.run_ends_in_story_start)) =>
            {
                HeadingRole::Subhead
            }
            // Inside a body, a line or two with no byline, dateline or cue after them start no
            // story: a subhead that does not look like one, a pull quote's attribution, the
            // cut last fragment of a text.
            Some(draft)
                if draft.phase == Phase::Body
                    && !is_heading_cue(text)
                    && !is_photo_item(draft)
                    && ((ahead.heading_run == 1 && ahead.at_end)
                        || (ahead.heading_run <= SUBHEAD_RUN_MAX
                            && !ahead.run_ends_in_story_start)) =>
            {
                let short = text.chars().count() <= SET_APART_MAX_CHARS;
                if is_subhead_like(text) || is_spaced_subhead(text) || short {
                    HeadingRole::Subhead
                } else {
                    HeadingRole::Fragment
                }
            }
            _ => HeadingRole::NewStory,
        };
        let heading = HeadingLine {
            text: text.to_owned(),
            line,
        };
        match role {
            HeadingRole::GroupLine => self.current().headings.push(heading),
            HeadingRole::Body => self.body(text, line),
            HeadingRole::Fragment => {
                self.body(text, line);
                self.seam = false;
            }
            HeadingRole::Subhead => self.current().article.blocks.push(Block {
                kind: BlockKind::Subhead,
                text: text.to_owned(),
            }),
            HeadingRole::NewStory => {
                self.start_article(Phase::Heading);
                self.current().headings.push(heading);
            }
        }
    }

    /// Body text: a paragraph of the story being read, the rest of its last paragraph when
    /// that was cut mid-sentence, or the start of a story with no heading.
    fn body(&mut self, text: &str, line: usize) {
        if let Some(at) = trailing_byline_start(text) {
            self.paragraph(text[..at].trim_end(), line);
            self.byline(text[at..].trim(), false);
            return;
        }
        self.paragraph(text, line);
    }

    /// A paragraph of the story being read, the rest of its last paragraph when that was cut
    /// mid-sentence, or the start of a story with no heading.
    fn paragraph(&mut self, text: &str, line: usize) {
        let page = self.page();
        let continues_story =
            page.pending.is_empty() && matches!(page.phase(), Some(Phase::Heading | Phase::Body));
        if !continues_story {
            self.start_article(Phase::Body);
        }
        self.resolve_headings();
        self.paragraph_line = line;
        let seam = mem::replace(&mut self.seam, true);
        let draft = self.current();
        if !(seam && draft.ends_mid_sentence()) {
            draft.article.blocks.push(Block {
                kind: BlockKind::Paragraph,
                text: text.to_owned(),
            });
            return;
        }
        let last = draft.article.blocks.last_mut().expect("a paragraph");
        let message = format!(
            "joined a paragraph cut mid-sentence: “…{}” + “{}…”",
            excerpt_end(&last.text),
            excerpt_start(text)
        );
        last.text.push_str(text);
        self.note(line, NoteKind::Repair, "", message);
    }

    /// Ends the heading group of the story being read, giving its lines their roles.
    fn resolve_headings(&mut self) {
        if let Some(draft) = self.page.current.as_mut()
            && draft.phase == Phase::Heading
        {
            draft.phase = Phase::Body;
            resolve_headings(draft);
        }
    }

    fn start_article(&mut self, phase: Phase) {
        if phase == Phase::Heading {
            self.take_photo_item();
        }
        self.finish_article();
        let page = self.page();
        let captions = mem::take(&mut page.pending);
        page.current = Some(ArticleDraft {
            phase,
            headings: Vec::new(),
            article: Article {
                captions,
                ..Article::default()
            },
        });
    }

    /// A story being read that is only a photo's captions (a few one-sentence lines, no
    /// heading, no byline) belongs to the story whose heading starts next, as its pictures.
    fn take_photo_item(&mut self) {
        let page = &mut self.page;
        let Some(draft) = page.current.as_ref() else {
            return;
        };
        if !is_photo_item(draft) {
            return;
        }
        let draft = page.current.take().expect("a draft");
        let mut captions = draft.article.captions;
        captions.extend(draft.article.blocks.into_iter().map(|block| Caption {
            kind: CaptionKind::Photo,
            text: block.text,
        }));
        captions.append(&mut page.pending);
        page.pending = captions;
    }

    fn finish_article(&mut self) {
        self.resolve_headings();
        let page = self.page();
        if let Some(draft) = page.current.take() {
            let mut article = draft.article;
            (article.title, article.title_inferred) = title(&article);
            // Most stories hold a few blocks: growth headroom would be a third of the model.
            article.blocks.shrink_to_fit();
            article.captions.shrink_to_fit();
            page.articles.push(article);
        }
    }

    /// Ends the page; pictures still waiting for a story go to the last one.
    fn finish_page(&mut self) {
        self.finish_article();
        let page = self.page();
        let pending = mem::take(&mut page.pending);
        if pending.is_empty() {
            return;
        }
        if let Some(article) = page.articles.last_mut() {
            article.captions.extend(pending);
        } else {
            let mut article = Article {
                captions: pending,
                ..Article::default()
            };
            (article.title, article.title_inferred) = title(&article);
            page.articles.push(article);
        }
    }

    fn finish(mut self) -> ParsedText {
        self.finish_page();
        self.done_first_lines.push(self.page.first_line);
        self.done.push(self.page.into_page());
        place_continued_parts(&mut self.done, &mut self.done_first_lines);
        ParsedText {
            pages: self.done,
            notes: self.notes,
            paper: self.paper,
            date: self.date,
            page_list: self.page_list,
            page_first_lines: self.done_first_lines,
        }
    }
}

/// Moves each continued part that says it comes from the page it stands on (a 上接 part
/// loaded in one text with its front part) to the page its front part's 下转 names, making
/// that page when the text has none, so that the two parts link.
fn place_continued_parts(pages: &mut Vec<Page>, first_lines: &mut Vec<usize>) {
    let mut used_fronts: Vec<(usize, usize)> = Vec::new();
    let mut moves: Vec<(usize, usize, u32)> = Vec::new();
    for (page_at, page) in pages.iter().enumerate() {
        for (article_at, article) in page.articles.iter().enumerate() {
            let Some(from) = &article.jump_from else {
                continue;
            };
            if from.page != page.number {
                continue;
            }
            let front = pages
                .iter()
                .enumerate()
                .find_map(|(front_page_at, front_page)| {
                    (front_page.number == from.page)
                        .then(|| front_page.articles.iter().enumerate())
                        .into_iter()
                        .flatten()
                        .find(|(front_at, front)| {
                            !used_fronts.contains(&(front_page_at, *front_at))
                                && (front_page_at, *front_at) < (page_at, article_at)
                                && front
                                    .jump_to
                                    .as_ref()
                                    .is_some_and(|to| to.page != front_page.number)
                        })
                        .map(|(front_at, front)| {
                            let to = front.jump_to.as_ref().expect("a front part").page;
                            (front_page_at, front_at, to)
                        })
                });
            if let Some((front_page_at, front_at, to)) = front {
                used_fronts.push((front_page_at, front_at));
                moves.push((page_at, article_at, to));
            }
        }
    }
    if moves.is_empty() {
        return;
    }
    // Taken from the last first, so the places of the others hold.
    let mut moved = Vec::new();
    for &(page_at, article_at, to) in moves.iter().rev() {
        moved.push((pages[page_at].articles.remove(article_at), to));
    }
    for (article, to) in moved.into_iter().rev() {
        let target = if let Some(at) = pages.iter().position(|page| page.number == to) {
            at
        } else {
            pages.push(Page {
                number: to,
                label: page_label(to),
                section: None,
                articles: Vec::new(),
            });
            first_lines.push(first_lines.last().copied().unwrap_or(1));
            pages.len() - 1
        };
        pages[target].articles.push(article);
    }
    for page in pages.iter_mut() {
        let number = page.number;
        for (index, article) in page.articles.iter_mut().enumerate() {
            article.id = format!("{number}-{}", index + 1);
        }
    }
}

impl PageDraft {
    fn into_page(self) -> Page {
        let number = self.number;
        let mut articles: Vec<Article> = self
            .articles
            .into_iter()
            .enumerate()
            .map(|(index, article)| Article {
                id: format!("{number}-{}", index + 1),
                ..article
            })
            .collect();
        // Collected in place, so it would keep the growth headroom of a page being read.
        articles.shrink_to_fit();
        Page {
            number,
            label: page_label(number),
            section: self.section,
            articles,
        }
    }
}

/// Gives the lines of a heading group their roles. A first line of short spaced phrases
/// is the column banner; a last line that is only a person's name (or a paper's name and a
/// person's) is the byline; a line ending in —— is a kicker and one starting with —— a
/// subtitle. The headline is a bulleted line (a site's item), else the shortest unspaced
/// line left of four characters or more (the big type says least), else the last spaced
/// line that is not a meeting report's list of who spoke and presided, else the shortest
/// line. Lines before it are
/// kickers, lines after it subtitles; with no headline, what is left is subtitle.
fn resolve_headings(draft: &mut ArticleDraft) {
    let mut lines = mem::take(&mut draft.headings);
    if lines.is_empty() {
        return;
    }
    let article = &mut draft.article;
    if lines.len() >= 2 && is_banner_like(&lines[0].text) {
        article.column = Some(lines.remove(0).text.trim().to_owned());
    }
    if lines.len() >= 2
        && article.byline.is_none()
        && lines.last().is_some_and(|line| is_name_line(&line.text))
    {
        article.byline = lines.pop().map(|line| line.text.trim().to_owned());
    }
    let is_kicker_cue = |text: &str| text.ends_with("——") || text.ends_with('—');
    let is_subtitle_cue = |text: &str| text.starts_with('—');
    let candidates = || {
        lines
            .iter()
            .enumerate()
            .filter(|(_, line)| !is_kicker_cue(&line.text) && !is_subtitle_cue(&line.text))
    };
    let bulleted = candidates()
        .find(|(_, line)| line.text.starts_with(['•', '·', '●']))
        .map(|(index, _)| index);
    let unspaced = || candidates().filter(|(_, line)| !is_spaced(&line.text));
    let shortest_long = unspaced()
        .filter(|(_, line)| line.text.chars().count() >= HEADLINE_MIN_CHARS)
        .min_by_key(|(_, line)| line.text.chars().count())
        .map(|(index, _)| index);
    let shortest = unspaced()
        .min_by_key(|(_, line)| line.text.chars().count())
        .map(|(index, _)| index);
    let last_spaced = (lines.iter().enumerate().rev())
        .find(|(_, line)| {
            !is_kicker_cue(&line.text)
                && !is_subtitle_cue(&line.text)
                && !is_meeting_subtitle(&line.text)
        })
        .map(|(index, _)| index);
    let headline_at = bulleted.or(shortest_long).or(last_spaced).or(shortest);
    let (mut kickers, mut subtitles) = (Vec::new(), Vec::new());
    for (index, line) in lines.iter().enumerate() {
        let text = line.text.trim();
        if Some(index) == headline_at {
            article.headline = Some(text.to_owned());
        } else if is_kicker_cue(text)
            || (!is_subtitle_cue(text) && headline_at.is_some_and(|at| index < at))
        {
            kickers.push(text);
        } else {
            subtitles.push(text);
        }
    }
    article.kicker = (!kickers.is_empty()).then(|| kickers.join(" "));
    article.subtitle = (!subtitles.is_empty()).then(|| subtitles.join(" "));
}

/// The title shown in lists, and whether it was inferred rather than printed as headline.
pub(crate) fn title(article: &Article) -> (String, bool) {
    if let Some(headline) = &article.headline {
        return (headline.clone(), false);
    }
    let first_paragraph = article
        .blocks
        .iter()
        .find(|block| block.kind == BlockKind::Paragraph)
        .map(|block| block.text.as_str());
    let source = article
        .subtitle
        .as_deref()
        .or(first_paragraph.map(first_sentence))
        .or(article.kicker.as_deref())
        .or(article.column.as_deref())
        .or(article.captions.first().map(|c| first_sentence(&c.text)))
        .unwrap_or_default();
    let mut title: String = source.chars().take(TITLE_MAX_CHARS).collect();
    if title.len() < source.len() {
        title.push('…');
    }
    (title, true)
}

impl ParsedText {
    /// Adds notes for what sanitizing removed or composed, each on the page of its line.
    fn note_sanitizing(&mut self, sanitized: Sanitized) {
        let first_lines = &self.page_first_lines;
        let page_of = |line: usize| first_lines.partition_point(|&first| first <= line).max(1) - 1;
        if sanitized.had_byte_order_mark {
            self.notes.push(Note {
                page: 0,
                line: 1,
                kind: NoteKind::Markup,
                removed: "\u{feff}".into(),
                message: "byte-order mark".into(),
            });
        }
        for removals in sanitized.removed {
            let mut message = format!(
                "removed control or invisible characters: {}",
                removals.shown.join(", ")
            );
            let more = removals.pieces - removals.shown.len();
            if more > 0 {
                let _ = write!(message, " and {more} more");
            }
            self.notes.push(Note {
                page: page_of(removals.line),
                line: removals.line,
                kind: NoteKind::Drop,
                removed: removals.text,
                message,
            });
        }
        if let Some(&line) = sanitized.composed_lines.first() {
            let count = sanitized.composed_lines.len();
            self.notes.push(Note {
                page: page_of(line),
                line,
                kind: NoteKind::Repair,
                removed: String::new(),
                message: format!(
                    "composed decomposed characters (NFC) on {count} line{}",
                    if count == 1 { "" } else { "s" }
                ),
            });
        }
    }
}

fn excerpt_start(text: &str) -> String {
    text.chars().take(EXCERPT_CHARS).collect()
}

/// The last few characters of `text`, found from the end: paragraphs grow long.
fn excerpt_end(text: &str) -> &str {
    let start = text
        .char_indices()
        .rev()
        .nth(EXCERPT_CHARS - 1)
        .map_or(0, |(at, _)| at);
    &text[start..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn articles(text: &str) -> Vec<Article> {
        let mut parsed = parse(text, 1);
        assert_eq!(parsed.pages.len(), 1, "{:?}", parsed.pages);
        mem::take(&mut parsed.pages[0].articles)
    }

    fn paragraphs(article: &Article) -> Vec<&str> {
        article
            .blocks
            .iter()
            .filter(|block| block.kind == BlockKind::Paragraph)
            .map(|block| block.text.as_str())
            .collect()
    }

    fn warnings(text: &str) -> Vec<String> {
        parse(text, 1).warnings().collect()
    }

    const BODY_1: &str = "市里召开会议，部署下半年工作。会议要求各部门抓好落实。";
    const BODY_2: &str = "会上，有关部门汇报了工作情况，并提出了下一步打算。";

    #[test]
    fn blank_lines_separate_paragraphs() {
        let story = &articles(&format!("{BODY_1}\n\n{BODY_2}\n"))[0];
        assert_eq!(paragraphs(story), [BODY_1, BODY_2]);
    }

    #[test]
    fn indented_lines_are_paragraphs_in_the_epaper_form() {
        let text = format!("推进数字建设\n\u{3000}\u{3000}{BODY_1}\n    {BODY_2}\n");
        let story = &articles(&text)[0];
        assert_eq!(story.headline.as_deref(), Some("推进数字建设"));
        assert_eq!(paragraphs(story), [BODY_1, BODY_2]);
    }

    #[test]
    fn hard_wrapped_lines_of_a_paragraph_run_on() {
        let story = &articles("市里召开会议，部署下半年工作，\n会议要求各部门抓好落实。")[0];
        assert_eq!(
            paragraphs(story),
            ["市里召开会议，部署下半年工作，会议要求各部门抓好落实。"]
        );
    }

    #[test]
    fn page_headers_number_pages_and_name_sections() {
        let parsed = parse(&format!("第4版(要闻)\n\n{BODY_1}\n\nA05版\n\n{BODY_2}"), 1);
        let pages: Vec<_> = parsed
            .pages
            .iter()
            .map(|page| (page.number, page.label.as_str(), page.section.as_deref()))
            .collect();
        assert_eq!(pages, [(4, "第四版", Some("要闻")), (5, "第五版", None)]);
        assert_eq!(parsed.pages[1].articles[0].id, "5-1");
        assert_eq!(parsed.warnings().count(), 0);
    }

    #[test]
    fn a_header_after_a_header_starts_another_page() {
        let parsed = parse("第1版(要闻)\n\n第2版(经济)\n", 1);
        let sections: Vec<_> = parsed.pages.iter().map(|p| p.section.as_deref()).collect();
        assert_eq!(sections, [Some("要闻"), Some("经济")]);
    }

    #[test]
    fn a_page_without_header_takes_its_position() {
        let parsed = parse(BODY_1, 3);
        assert_eq!(parsed.pages[0].number, 3);
        assert_eq!(parsed.pages[0].label, "第三版");
        assert_eq!(parsed.pages[0].articles[0].id, "3-1");
    }

    #[test]
    fn continuation_markers_become_jumps_in_every_position() {
        for text in [
            format!("{BODY_1}\n\n(下转第四版)"),
            format!("{BODY_1}（下转第4版）"),
            format!("{BODY_1}\n下转第四版"),
            format!("{BODY_1}\n\n转第四版"),
        ] {
            let story = &articles(&text)[0];
            assert_eq!(story.jump_to.as_ref().map(|j| j.page), Some(4), "{text}");
            assert_eq!(story.jump_to.as_ref().unwrap().article, None);
            assert_eq!(paragraphs(story), [BODY_1], "{text}");
        }
    }

    #[test]
    fn an_inner_page_part_starts_at_its_shang_jie_marker() {
        for text in [
            format!("{BODY_2}\n\n(上接第一版){BODY_1}"),
            format!("{BODY_2}\n\n上接第1版\n\n{BODY_1}"),
            format!("{BODY_2}\n\n（接第一版） {BODY_1}"),
        ] {
            let stories = articles(&text);
            assert_eq!(stories.len(), 2, "{text}");
            assert_eq!(stories[0].jump_from, None);
            assert_eq!(stories[1].jump_from.as_ref().map(|j| j.page), Some(1));
            assert_eq!(paragraphs(&stories[1]), [BODY_1], "{text}");
        }
    }

    #[test]
    fn a_headline_over_a_shang_jie_part_stays_with_it() {
        let stories = articles(&format!("数字建设全面提速\n\n(上接第一版)\n\n{BODY_1}"));
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].headline.as_deref(), Some("数字建设全面提速"));
        assert_eq!(stories[0].jump_from.as_ref().map(|j| j.page), Some(1));
    }

    #[test]
    fn a_paragraph_cut_mid_sentence_is_joined_with_a_warning() {
        let text = "各方面要协同推进、形成合力、\n\n共同做好防汛工作，确保安全度汛。";
        let story = &articles(text)[0];
        assert_eq!(
            paragraphs(story),
            ["各方面要协同推进、形成合力、共同做好防汛工作，确保安全度汛。"]
        );
        let warnings = warnings(text);
        assert_eq!(warnings.len(), 1);
        assert!(
            warnings[0].starts_with("第一版, line 3: joined"),
            "{warnings:?}"
        );
    }

    #[test]
    fn finished_paragraphs_and_headings_are_not_joined() {
        let story = &articles(&format!(
            "推进数字建设\n\n副题说明工作进展情况\n\n进企业、进机关，{BODY_1}"
        ))[0];
        assert_eq!(story.subtitle.as_deref(), Some("副题说明工作进展情况"));
        assert_eq!(paragraphs(story).len(), 1);
        assert!(warnings(&format!("{BODY_1}\n\n{BODY_2}")).is_empty());
    }

    #[test]
    fn heading_groups_get_their_roles() {
        let text = format!(
            "稳增长 在一线\n\n引题写在主题前面，说明事情的背景——\n\n主题最短\n\n——副题补充说明事实\n\n■本报记者 王 五\n\n{BODY_1}"
        );
        let story = &articles(&text)[0];
        assert_eq!(story.column.as_deref(), Some("稳增长 在一线"));
        assert_eq!(
            story.kicker.as_deref(),
            Some("引题写在主题前面，说明事情的背景——")
        );
        assert_eq!(story.headline.as_deref(), Some("主题最短"));
        assert_eq!(story.subtitle.as_deref(), Some("——副题补充说明事实"));
        assert_eq!(story.byline.as_deref(), Some("■本报记者 王 五"));
        assert_eq!(story.title, "主题最短");
        assert!(!story.title_inferred);
    }

    #[test]
    fn a_kicker_is_the_longer_line_before_the_headline() {
        let text =
            format!("面对汛期考验，从预案到物资逐项做好防汛准备\n\n城区防汛再加码\n\n{BODY_1}");
        let story = &articles(&text)[0];
        assert_eq!(
            story.kicker.as_deref(),
            Some("面对汛期考验，从预案到物资逐项做好防汛准备")
        );
        assert_eq!(story.headline.as_deref(), Some("城区防汛再加码"));
    }

    #[test]
    fn a_lone_spaced_line_is_a_subtitle_and_titles_the_story() {
        let story = &articles(&format!("某某出席并讲话 某某主持\n\n{BODY_1}"))[0];
        assert_eq!(story.headline, None);
        assert_eq!(story.subtitle.as_deref(), Some("某某出席并讲话 某某主持"));
        assert_eq!(story.title, "某某出席并讲话 某某主持");
        assert!(story.title_inferred);
    }

    #[test]
    fn a_story_without_heading_is_titled_by_its_first_sentence() {
        let story = &articles(BODY_1)[0];
        assert_eq!(story.title, "市里召开会议，部署下半年工作。");
        assert!(story.title_inferred);
    }

    #[test]
    fn a_repeat_of_the_banner_is_dropped_with_a_warning() {
        let text = format!("护航高考 记者在现场\n\n记者在现场\n\n考点周边静悄悄\n\n{BODY_1}");
        let story = &articles(&text)[0];
        assert_eq!(story.column.as_deref(), Some("护航高考 记者在现场"));
        assert_eq!(story.headline.as_deref(), Some("考点周边静悄悄"));
        assert_eq!(story.subtitle, None);
        let warnings = warnings(&text);
        assert_eq!(warnings.len(), 1);
        assert!(warnings[0].contains("dropped “记者在现场”"), "{warnings:?}");
    }

    #[test]
    fn digits_ending_a_headline_are_part_of_it() {
        let text = "聚焦城市更新——\n\n奋进1000";
        let story = &articles(text)[0];
        assert_eq!(story.headline.as_deref(), Some("奋进1000"));
        assert!(warnings(text).is_empty());
    }

    #[test]
    fn a_short_phrase_between_paragraphs_is_a_subhead() {
        let story = &articles(&format!("{BODY_1}\n\n技术攻关见成效\n\n{BODY_2}"))[0];
        let kinds: Vec<_> = story.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Paragraph,
                BlockKind::Subhead,
                BlockKind::Paragraph
            ]
        );
        assert_eq!(story.blocks[1].text, "技术攻关见成效");
    }

    #[test]
    fn a_description_before_a_story_belongs_to_it() {
        let description = "A crane lifts a container onto a ship at the port at dawn.";
        let stories = articles(&format!("{BODY_1}\n\n{description}\n\n{BODY_2}"));
        assert_eq!(stories.len(), 2);
        assert!(stories[0].captions.is_empty());
        assert_eq!(stories[1].captions[0].kind, CaptionKind::Description);
        assert_eq!(stories[1].captions[0].text, description);
        assert_eq!(paragraphs(&stories[1]), [BODY_2]);
    }

    #[test]
    fn a_caption_after_the_jump_belongs_to_the_story() {
        let text = format!("{BODY_1}\n\n(下转第四版)\n\n码头作业现场。\n\n下一个故事的标题");
        let stories = articles(&text);
        assert_eq!(stories.len(), 2);
        assert_eq!(
            stories[0].captions,
            [Caption {
                kind: CaptionKind::Photo,
                text: "码头作业现场。".into()
            }]
        );
        assert_eq!(stories[1].headline.as_deref(), Some("下一个故事的标题"));
    }

    #[test]
    fn short_broken_lines_inside_a_body_are_photo_labels() {
        let story = &articles(&format!("{BODY_1}\n\n港口“智慧2.0”\n码头\n\n{BODY_2}"))[0];
        assert_eq!(paragraphs(story), [BODY_1, BODY_2]);
        assert_eq!(story.captions[0].kind, CaptionKind::Label);
        assert_eq!(story.captions[0].text, "港口“智慧2.0”\n码头");
    }

    #[test]
    fn bylines_are_recognised_in_their_forms() {
        for byline in [
            "□本报记者 张三",
            "记者 张三 报道",
            "新华社北京7月5日电",
            "本报通讯员 李四",
        ] {
            let story = &articles(&format!("标题写在这里\n\n{byline}\n\n{BODY_1}"))[0];
            assert_eq!(story.byline.as_deref(), Some(byline));
            assert_eq!(paragraphs(story), [BODY_1]);
        }
    }

    #[test]
    fn control_text_is_removed_and_warned_on_its_page() {
        let text = format!("第2版\n\n标题\x1b]0;owned\x07写在这里\n\n{BODY_1}\u{202e}");
        let parsed = parse(&text, 1);
        let story = &parsed.pages[0].articles[0];
        assert_eq!(story.headline.as_deref(), Some("标题写在这里"));
        assert_eq!(paragraphs(story), [BODY_1]);
        let warnings: Vec<String> = parsed.warnings().collect();
        assert_eq!(
            warnings,
            [
                "第二版, line 3: removed control or invisible characters: ESC ]0;owned BEL",
                "第二版, line 5: removed control or invisible characters: U+202E",
            ]
        );
    }

    #[test]
    fn notes_hold_exactly_the_text_the_model_does_not() {
        let text = "第1版\n\n护航高考 在现场\n\n在现场\n\n标题20417\n\n正文。\x07(下转第2版)";
        let parsed = parse(text, 1);
        let mut removed: Vec<&str> = parsed.notes.iter().map(|n| n.removed.as_str()).collect();
        removed.sort_unstable();
        let mut expected = ["第1版", "在现场", "\x07", "(下转第2版)"];
        expected.sort_unstable();
        assert_eq!(removed, expected);
    }

    // Rule 1: how a page separates its paragraphs.

    #[test]
    fn lines_with_no_blank_line_between_are_paragraphs_each() {
        for text in [
            format!("{BODY_1}\n{BODY_2}\n"),
            format!("\u{3000}\u{3000}{BODY_1}\n\u{3000}\u{3000}{BODY_2}\n"),
            format!("\u{a0}\u{a0}{BODY_1}\n\u{a0}\u{a0}{BODY_2}\n"),
            format!("{BODY_1}    {BODY_2}"),
        ] {
            let stories = articles(&text);
            assert_eq!(stories.len(), 1, "{text:?}");
            assert_eq!(paragraphs(&stories[0]), [BODY_1, BODY_2], "{text:?}");
        }
    }

    #[test]
    fn a_line_wrapped_at_the_columns_width_runs_on() {
        let text = "市里召开会议部署下半年工作要求各部门把各项任务\n落到实处确保完成全年目标。\n会议强调要抓好安全生产。";
        let story = &articles(text)[0];
        assert_eq!(
            paragraphs(story),
            [
                "市里召开会议部署下半年工作要求各部门把各项任务落到实处确保完成全年目标。",
                "会议强调要抓好安全生产。"
            ]
        );
    }

    // Rule 2: page furniture is metadata.

    #[test]
    fn a_date_and_paper_line_names_the_edition_and_makes_no_page() {
        let parsed = parse(&format!("1998年3月5日某某日报 第2版\n\n{BODY_1}"), 1);
        assert_eq!(parsed.date.as_deref(), Some("1998-03-05"));
        assert_eq!(parsed.paper.as_deref(), Some("某某日报"));
        assert_eq!(parsed.pages.len(), 1);
        assert_eq!(parsed.pages[0].number, 2);
        assert_eq!(parsed.pages[0].articles.len(), 1);
        assert_eq!(parsed.warnings().count(), 0);
    }

    #[test]
    fn archive_headers_over_each_story_keep_them_on_one_page() {
        let text = format!(
            "第1版(要闻)\n\n第一个标题\n\n{BODY_1}\n\n第1版(要闻)\n\n第二个标题\n\n{BODY_2}\n\n第3版()\n\n第三个标题\n\n{BODY_1}"
        );
        let parsed = parse(&text, 1);
        let pages: Vec<_> = parsed
            .pages
            .iter()
            .map(|page| (page.number, page.articles.len()))
            .collect();
        assert_eq!(pages, [(1, 2), (3, 1)]);
        assert_eq!(
            parsed.pages[1].articles[0].headline.as_deref(),
            Some("第三个标题")
        );
    }

    #[test]
    fn a_navigation_list_fills_the_page_list_and_makes_no_pages() {
        let parsed = parse(&format!("01版:要闻 02版:经济 03版:副刊\n\n{BODY_1}"), 1);
        let listed: Vec<_> = parsed.page_list.iter().map(|page| page.number).collect();
        assert_eq!(listed, [1, 2, 3]);
        assert_eq!(parsed.pages.len(), 1);
        assert_eq!(parsed.pages[0].articles.len(), 1);
    }

    #[test]
    fn site_menus_and_footers_are_dropped_with_a_warning() {
        let text = format!(
            "默认 放大 缩小\n下一篇 上一篇\n扫一扫 分享到微信\n新城区建设提速\n{BODY_1}\n本网版权所有 某某日报社"
        );
        let parsed = parse(&text, 1);
        let stories = &parsed.pages[0].articles;
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].headline.as_deref(), Some("新城区建设提速"));
        assert_eq!(paragraphs(&stories[0]), [BODY_1]);
        assert_eq!(parsed.warnings().count(), 4);
    }

    #[test]
    fn a_list_of_titles_before_furniture_is_no_story() {
        let text =
            format!("城区防汛再加码\n老街巷里的新生活\n搜索:\n\n老街巷里的新生活\n\n{BODY_1}");
        let stories = articles(&text);
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].headline.as_deref(), Some("老街巷里的新生活"));
    }

    // Rule 3: heading stacks.

    #[test]
    fn a_headline_of_two_spaced_phrases_over_a_byline_is_a_headline() {
        let text = format!("樱桃节开幕 采摘游持续升温\n\n本报记者 张三\n\n{BODY_1}");
        let story = &articles(&text)[0];
        assert_eq!(story.headline.as_deref(), Some("樱桃节开幕 采摘游持续升温"));
        assert_eq!(story.subtitle, None);
        assert!(!story.title_inferred);
    }

    #[test]
    fn a_short_label_under_the_headline_is_not_the_headline() {
        let text = format!("江畔新城展新颜\n导言\n{BODY_1}");
        let story = &articles(&text)[0];
        assert_eq!(story.headline.as_deref(), Some("江畔新城展新颜"));
    }

    #[test]
    fn wiki_heading_markup_is_dropped_and_the_line_is_the_headline() {
        let text = format!(
            "===== 一个很长的标题-另一个说明性的标题-第三个说明性的长标题也在这里写着 =====\n\n{BODY_1}"
        );
        let story = &articles(&text)[0];
        assert_eq!(
            story.headline.as_deref(),
            Some("一个很长的标题-另一个说明性的标题-第三个说明性的长标题也在这里写着")
        );
    }

    // Rule 4: bylines in their forms and places.

    #[test]
    fn bylines_are_read_in_their_field_dateline_and_citation_forms() {
        for (text, byline) in [
            (format!("标题写在这里\n作者:张三\n{BODY_1}"), "作者:张三"),
            (
                format!("标题写在这里\n本报记者 张三 《某某日报》( 2024年03月05日 02版)\n{BODY_1}"),
                "本报记者 张三 《某某日报》( 2024年03月05日 02版)",
            ),
            (
                format!("标题写在这里\n本报记者\n张三\n{BODY_1}"),
                "本报记者张三",
            ),
            (
                format!("标题写在这里    □本报记者 张三\n{BODY_1}"),
                "□本报记者 张三",
            ),
        ] {
            let story = &articles(&text)[0];
            assert_eq!(story.headline.as_deref(), Some("标题写在这里"), "{text}");
            assert_eq!(story.byline.as_deref(), Some(byline), "{text}");
            assert_eq!(paragraphs(story), [BODY_1], "{text}");
        }
    }

    #[test]
    fn a_bracketed_byline_in_the_lead_is_the_byline() {
        let text = "标题写在这里\n本报讯(记者 张三 实习生 李四)市里召开会议，部署工作。";
        let story = &articles(text)[0];
        assert_eq!(
            story.byline.as_deref(),
            Some("本报讯(记者 张三 实习生 李四)")
        );
        assert_eq!(paragraphs(story), ["市里召开会议，部署工作。"]);
    }

    #[test]
    fn a_byline_after_the_lead_or_at_the_end_belongs_to_the_story() {
        for text in [
            format!("标题写在这里\n{BODY_1}\n本报记者 张三 李四\n{BODY_2}"),
            format!("标题写在这里\n{BODY_1}\n{BODY_2}本报记者 张三 李四"),
            format!("标题写在这里\n{BODY_1}\n{BODY_2}\n作者:\n张三 李四"),
        ] {
            let stories = articles(&text);
            assert_eq!(stories.len(), 1, "{text}");
            assert!(
                stories[0]
                    .byline
                    .as_deref()
                    .is_some_and(|b| b.contains("张三 李四")),
                "{text}: {:?}",
                stories[0].byline
            );
            assert_eq!(paragraphs(&stories[0]), [BODY_1, BODY_2], "{text}");
        }
    }

    #[test]
    fn a_bare_name_under_the_headline_is_the_byline() {
        for (line, byline) in [("周小兰", "周小兰"), ("某某日报 王五", "某某日报 王五")]
        {
            let story = &articles(&format!("巡警夜查街头\n{line}\n{BODY_1}"))[0];
            assert_eq!(story.headline.as_deref(), Some("巡警夜查街头"));
            assert_eq!(story.byline.as_deref(), Some(byline));
        }
    }

    #[test]
    fn an_author_tag_closes_a_short_item() {
        let stories = articles(&format!("标题写在这里\n\n{BODY_1}\n\n(王明)"));
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].byline.as_deref(), Some("(王明)"));
    }

    // Rule 5: datelines anchor the heading above them.

    #[test]
    fn short_lines_over_a_dateline_start_a_story() {
        let text = format!("标题写在这里\n\n{BODY_1}\n\n城区防汛再加码\n\n本报南京12日电 {BODY_2}");
        let stories = articles(&text);
        assert_eq!(stories.len(), 2);
        assert_eq!(stories[1].headline.as_deref(), Some("城区防汛再加码"));
    }

    // Rule 6: short lines inside a body.

    #[test]
    fn short_lines_inside_a_body_start_no_story() {
        for line in [
            "看成效：产业升级提速",
            "问：政策何时落地",
            "一、稳增长",
            "冯某某、李某某·某村",
        ] {
            let text = format!("标题写在这里\n\n{BODY_1}\n\n{line}\n\n{BODY_2}");
            let stories = articles(&text);
            assert_eq!(stories.len(), 1, "{line}");
            assert_eq!(stories[0].blocks.len(), 3, "{line}");
        }
        let cut = articles(&format!("标题写在这里\n{BODY_1}\n据了解这项"));
        assert_eq!(cut.len(), 1);
    }

    #[test]
    fn two_short_lines_in_a_body_are_subheads() {
        let story = &articles(&format!(
            "标题写在这里\n{BODY_1}\n走访\n老手艺有了新传人\n{BODY_2}"
        ))[0];
        let subheads: Vec<&str> = (story.blocks.iter())
            .filter(|block| block.kind == BlockKind::Subhead)
            .map(|block| block.text.as_str())
            .collect();
        assert_eq!(subheads, ["走访", "老手艺有了新传人"]);
    }

    // Rule 7: photo captions and credits.

    #[test]
    fn photo_credits_and_captions_attach_to_their_story() {
        let text = format!(
            "标题写在这里\n码头作业现场。本报记者 张三 摄\n{BODY_1}\n图为:港区夜景。\n{BODY_2}"
        );
        let stories = articles(&text);
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].captions.len(), 2);
        assert_eq!(stories[0].byline, None);
        assert_eq!(paragraphs(&stories[0]), [BODY_1, BODY_2]);
    }

    #[test]
    fn a_photo_item_before_a_story_is_its_pictures() {
        let text =
            format!("码头作业现场。\n\n港区夜景。\n\n标题写在这里\n\n本报记者 张三\n\n{BODY_1}");
        let stories = articles(&text);
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].captions.len(), 2);
        assert!(
            stories[0]
                .captions
                .iter()
                .all(|c| c.kind == CaptionKind::Photo)
        );
    }

    #[test]
    fn a_caption_shown_twice_is_one_pictures() {
        let caption = "市民在新建成的口袋公园里散步健身。（记者 张三 摄）";
        let text =
            format!("标题写在这里\n{BODY_1}\n市民在新建成的口袋公园里...\n{caption}\n{BODY_2}");
        let stories = articles(&text);
        assert_eq!(stories.len(), 1);
        assert_eq!(stories[0].captions.len(), 2);
        assert_eq!(paragraphs(&stories[0]), [BODY_1, BODY_2]);
    }

    // Rule 8: the cut-paragraph repair.

    #[test]
    fn the_paragraph_repair_never_joins_across_a_byline_or_furniture() {
        for between in ["本报记者 张三", "默认 放大 缩小"] {
            let text =
                format!("标题写在这里\n\n各方面要协同推进、\n\n{between}\n\n共同做好防汛工作。");
            let story = &articles(&text)[0];
            assert_eq!(
                paragraphs(story),
                ["各方面要协同推进、", "共同做好防汛工作。"],
                "{between}"
            );
        }
    }

    // Rule 9: front matter.

    #[test]
    fn front_matter_is_metadata() {
        let text = format!(
            "---\ntitle: \"城区防汛再加码\"\nauthor: 张三\ndate: 2024-03-05\npage: 4\npaper: 某某日报\n---\n{BODY_1}"
        );
        let parsed = parse(&text, 1);
        assert_eq!(parsed.date.as_deref(), Some("2024-03-05"));
        assert_eq!(parsed.paper.as_deref(), Some("某某日报"));
        assert_eq!(parsed.pages.len(), 1);
        assert_eq!(parsed.pages[0].number, 4);
        let story = &parsed.pages[0].articles[0];
        assert_eq!(story.headline.as_deref(), Some("城区防汛再加码"));
        assert_eq!(story.byline.as_deref(), Some("张三"));
        assert_eq!(paragraphs(story), [BODY_1]);
        assert_eq!(parsed.warnings().count(), 0);
    }

    // Rule 10: both parts of a continued story in one text.

    #[test]
    fn a_continued_part_in_the_same_text_goes_to_its_page_and_links() {
        let text = format!(
            "智慧医疗全面提速\n\n全市智慧医疗建设提速，互联网医院覆盖各区，(下转第四版)\n\n另一个故事的标题\n\n{BODY_2}\n\n(上接第一版)智慧医疗建设让群众看病更方便，互联网医院覆盖各区县。"
        );
        let parsed = parse(&text, 1);
        let pages: Vec<_> = parsed
            .pages
            .iter()
            .map(|page| (page.number, page.articles.len()))
            .collect();
        assert_eq!(pages, [(1, 2), (4, 1)]);
        let mut edition = super::super::Edition {
            pages: parsed.pages,
            ..super::super::Edition::default()
        };
        super::super::resolve_jumps(&mut edition);
        let front = &edition.pages[0].articles[0];
        assert_eq!(
            front.jump_to.as_ref().and_then(|j| j.article.as_deref()),
            Some("4-1")
        );
        let back = &edition.pages[1].articles[0];
        assert_eq!(
            back.jump_from.as_ref().and_then(|j| j.article.as_deref()),
            Some("1-1")
        );
    }

    // Rule 11: traditional characters.

    #[test]
    fn traditional_papers_read_as_simplified_ones() {
        let text = "標題寫在這裡\n市民在公園散步。本報記者 張三 攝\n本報訊(記者 李四)市裡召開會議，部署工作。\n(下轉第四版)";
        let stories = articles(text);
        assert_eq!(stories.len(), 1);
        let story = &stories[0];
        assert_eq!(story.headline.as_deref(), Some("標題寫在這裡"));
        assert_eq!(story.byline.as_deref(), Some("本報訊(記者 李四)"));
        assert_eq!(story.captions.len(), 1);
        assert_eq!(story.jump_to.as_ref().map(|j| j.page), Some(4));
    }
}
