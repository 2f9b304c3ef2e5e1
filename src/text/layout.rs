//! Laying an article out into display lines of at most a given width.

use crate::edition::{Article, BlockKind, CaptionKind, Jump, page_label};

use super::{AmbiguousWidth, MIN_WIDTH, Punctuation, break_lines, display_chars, str_width};

/// Everything a layout depends on; laid-out lines are cached per article and options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    /// The width of the text area in terminal cells; widths below [`MIN_WIDTH`] are laid out
    /// as `MIN_WIDTH`, since a line must hold one wide character.
    pub width: usize,
    /// How wide the terminal draws ambiguous characters.
    pub ambiguous: AmbiguousWidth,
    /// How half-width punctuation is shown.
    pub punctuation: Punctuation,
}

impl LayoutOptions {
    /// Options for `width` cells with the default settings.
    pub fn new(width: usize) -> Self {
        Self {
            width,
            ambiguous: AmbiguousWidth::default(),
            punctuation: Punctuation::default(),
        }
    }
}

/// What a display line shows; the reader styles lines by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LineKind {
    /// Column banner (栏目).
    Column,
    /// Kicker (引题).
    Kicker,
    /// Headline (主题).
    Headline,
    /// Subtitle (副题).
    Subtitle,
    /// Byline.
    Byline,
    /// Body paragraph.
    Paragraph,
    /// Subhead inside the body.
    Subhead,
    /// A caption of the given kind.
    Caption(CaptionKind),
    /// The "（上接第一版）" line.
    JumpFrom,
    /// The "（下转第四版）" line.
    JumpTo,
    /// The seam between the parts of a merged story.
    Seam,
    /// An empty line between groups.
    Blank,
}

/// The piece of the article a line's text comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TextPart {
    /// `Article::column`.
    Column,
    /// `Article::kicker`.
    Kicker,
    /// `Article::headline`.
    Headline,
    /// `Article::subtitle`.
    Subtitle,
    /// `Article::byline`.
    Byline,
    /// `Article::blocks[i]`.
    Block(usize),
    /// `Article::captions[i]`.
    Caption(usize),
}

/// Where a line's text sits in the model, so that search can map matches to lines.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct SourceRef {
    /// The article of the laid-out story the text comes from, as an index into the parts
    /// given to [`layout_story`]; always 0 for [`layout_article`].
    pub story_part: usize,
    /// The piece of the article.
    pub part: TextPart,
    /// Offset, in chars, into that piece's text of the first source char on the line.
    pub start: usize,
    /// Leading display chars on the line that are not from the source (indent, caption mark).
    pub prefix: usize,
}

/// One laid-out display line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    /// What the line shows.
    pub kind: LineKind,
    /// The display text: never wider than the layout width, no control characters.
    pub text: String,
    /// The display width of `text` in cells.
    pub width: usize,
    /// Where the text comes from; `None` for blank, seam and jump lines.
    pub source: Option<SourceRef>,
}

/// What a paragraph's first line starts with: two ideographic spaces (4 cells).
pub const PARAGRAPH_INDENT: &str = "\u{3000}\u{3000}";

/// What a caption's lines after the first start with: the bar of its mark.
pub const CAPTION_CONTINUATION: &str = "▍ ";

/// What a caption's first line starts with, telling the kinds of caption apart.
pub fn caption_mark(kind: CaptionKind) -> &'static str {
    match kind {
        CaptionKind::Photo => "▍图 ",
        CaptionKind::Label => "▍图中文字 ",
        CaptionKind::Description => "▍图片描述 ",
    }
}

/// Lays `article` out in reading order: the heading group (column, kicker, headline,
/// subtitle, byline), the "（上接第一版）" line, the body blocks, the captions and the
/// "（下转第四版）" line, with a blank line between groups and between blocks.
///
/// Paragraphs start with [`PARAGRAPH_INDENT`] and captions with [`caption_mark`]; an indent
/// or mark is left out when the width cannot hold it and a wide character after it. Every
/// character of the model appears once and in order, in its display form (see
/// [`display_chars`]), except the spaces a line break replaces and newlines, which end a line.
pub fn layout_article(article: &Article, options: &LayoutOptions) -> Vec<Line> {
    layout_story(&[article], options)
}

/// Lays the parts of a continued story out as one text, in the order given (front part
/// first, as [`crate::edition::story_parts`] gives them): each part as [`layout_article`]
/// does, joined by a [`LineKind::Seam`] line such as "── 接第四版 ──" in place of the jump
/// lines between them. The front part's "上接" line and the last part's "下转" line stay.
/// Each line's [`SourceRef::story_part`] says which part its text comes from.
pub fn layout_story(parts: &[&Article], options: &LayoutOptions) -> Vec<Line> {
    let mut layout = ArticleLayout::new(options);
    for (index, article) in parts.iter().enumerate() {
        layout.story_part = index;
        let continued = index > 0;
        let continues = index + 1 < parts.len();
        if continued {
            layout.blank();
            // The page the part before says the story continues on.
            let label = (parts[index - 1].jump_to.as_ref())
                .map_or(String::new(), |jump| page_label(jump.page));
            let text = format!("{SEAM_RULE} 接{label} {SEAM_RULE}");
            layout.wrap(LineKind::Seam, None, &text, "", "");
            layout.blank();
        }
        layout.article(
            article,
            article.jump_from.as_ref().filter(|_| !continued),
            article.jump_to.as_ref().filter(|_| !continues),
        );
    }
    layout.finish()
}

/// What either side of a seam's page label is drawn with.
const SEAM_RULE: &str = "──";

/// The lines of an article being laid out.
struct ArticleLayout<'a> {
    options: &'a LayoutOptions,
    width: usize,
    lines: Vec<Line>,
    /// The part of the story being laid out, for [`SourceRef::story_part`].
    story_part: usize,
}

impl<'a> ArticleLayout<'a> {
    fn new(options: &'a LayoutOptions) -> Self {
        Self {
            options,
            width: options.width.max(MIN_WIDTH),
            lines: Vec::new(),
            story_part: 0,
        }
    }

    /// Lays out one article, with the jump lines given (a story leaves out those its seams
    /// replace).
    fn article(&mut self, article: &Article, jump_from: Option<&Jump>, jump_to: Option<&Jump>) {
        let headings = [
            (TextPart::Column, LineKind::Column, &article.column),
            (TextPart::Kicker, LineKind::Kicker, &article.kicker),
            (TextPart::Headline, LineKind::Headline, &article.headline),
            (TextPart::Subtitle, LineKind::Subtitle, &article.subtitle),
            (TextPart::Byline, LineKind::Byline, &article.byline),
        ];
        for (part, kind, text) in headings {
            if let Some(text) = text {
                self.wrap(kind, Some(part), text, "", "");
            }
        }
        self.blank();
        if let Some(jump) = jump_from {
            let text = format!("（上接{}）", page_label(jump.page));
            self.wrap(LineKind::JumpFrom, None, &text, "", "");
            self.blank();
        }
        for (index, block) in article.blocks.iter().enumerate() {
            let (kind, indent) = match block.kind {
                BlockKind::Paragraph => (LineKind::Paragraph, PARAGRAPH_INDENT),
                BlockKind::Subhead => (LineKind::Subhead, ""),
            };
            self.wrap(kind, Some(TextPart::Block(index)), &block.text, indent, "");
            self.blank();
        }
        for (index, caption) in article.captions.iter().enumerate() {
            self.wrap(
                LineKind::Caption(caption.kind),
                Some(TextPart::Caption(index)),
                &caption.text,
                caption_mark(caption.kind),
                CAPTION_CONTINUATION,
            );
            self.blank();
        }
        if let Some(jump) = jump_to {
            let text = format!("（下转{}）", page_label(jump.page));
            self.wrap(LineKind::JumpTo, None, &text, "", "");
        }
    }

    /// Wraps `text` into lines of `kind`, the first starting with `first_prefix` and the
    /// others with `rest_prefix`; `part` is where the text sits in the article, if anywhere.
    /// A newline in the text (the parser keeps those of text read off a photo) ends a line.
    fn wrap(
        &mut self,
        kind: LineKind,
        part: Option<TextPart>,
        text: &str,
        first_prefix: &str,
        rest_prefix: &str,
    ) {
        let ambiguous = self.options.ambiguous;
        let mut prefix = self.fitting(first_prefix);
        let rest_prefix = self.fitting(rest_prefix);
        let rest_width = self.width - str_width(rest_prefix, ambiguous);
        let mut offset = 0;
        for segment in text.split('\n') {
            let chars = display_chars(segment, self.options.punctuation);
            let first_width = self.width - str_width(prefix, ambiguous);
            for range in break_lines(&chars, ambiguous, first_width, rest_width) {
                let mut text = String::from(prefix);
                text.extend(&chars[range.clone()]);
                self.lines.push(Line {
                    kind,
                    width: str_width(&text, ambiguous),
                    text,
                    source: part.map(|part| SourceRef {
                        story_part: self.story_part,
                        part,
                        start: offset + range.start,
                        prefix: prefix.chars().count(),
                    }),
                });
                prefix = rest_prefix;
            }
            offset += chars.len() + 1;
        }
    }

    /// `prefix` if a line can hold it and a wide character after it, else nothing.
    fn fitting<'p>(&self, prefix: &'p str) -> &'p str {
        if str_width(prefix, self.options.ambiguous) + MIN_WIDTH <= self.width {
            prefix
        } else {
            ""
        }
    }

    /// Separates what comes next from what came before, once.
    fn blank(&mut self) {
        if self
            .lines
            .last()
            .is_some_and(|line| line.kind != LineKind::Blank)
        {
            self.lines.push(Line {
                kind: LineKind::Blank,
                text: String::new(),
                width: 0,
                source: None,
            });
        }
    }

    fn finish(mut self) -> Vec<Line> {
        if self
            .lines
            .last()
            .is_some_and(|line| line.kind == LineKind::Blank)
        {
            self.lines.pop();
        }
        self.lines
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::{Block, Caption};

    fn paragraph(text: &str) -> Block {
        Block {
            kind: BlockKind::Paragraph,
            text: text.into(),
        }
    }

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|line| line.text.as_str()).collect()
    }

    fn kinds(lines: &[Line]) -> Vec<LineKind> {
        lines.iter().map(|line| line.kind).collect()
    }

    fn full_article() -> Article {
        Article {
            id: "1-2".into(),
            column: Some("优化营商环境".into()),
            kicker: Some("青岛——".into()),
            headline: Some("入企驻厂".into()),
            subtitle: Some("释放活力".into()),
            byline: Some("□记者 吴 帅".into()),
            blocks: vec![
                paragraph("会议指出"),
                Block {
                    kind: BlockKind::Subhead,
                    text: "重新定义产品".into(),
                },
            ],
            captions: vec![Caption {
                kind: CaptionKind::Photo,
                text: "双星工厂。".into(),
            }],
            jump_to: Some(Jump {
                page: 4,
                article: None,
            }),
            jump_from: Some(Jump {
                page: 1,
                article: None,
            }),
            ..Article::default()
        }
    }

    #[test]
    fn an_article_reads_headings_jump_body_captions_then_jump() {
        let lines = layout_article(&full_article(), &LayoutOptions::new(40));
        assert_eq!(
            texts(&lines),
            [
                "优化营商环境",
                "青岛——",
                "入企驻厂",
                "释放活力",
                "□记者 吴 帅",
                "",
                "（上接第一版）",
                "",
                "\u{3000}\u{3000}会议指出",
                "",
                "重新定义产品",
                "",
                "▍图 双星工厂。",
                "",
                "（下转第四版）",
            ]
        );
        assert_eq!(
            kinds(&lines)[..5],
            [
                LineKind::Column,
                LineKind::Kicker,
                LineKind::Headline,
                LineKind::Subtitle,
                LineKind::Byline
            ]
        );
        assert_eq!(lines[6].kind, LineKind::JumpFrom);
        assert_eq!(lines[10].kind, LineKind::Subhead);
        assert_eq!(lines[12].kind, LineKind::Caption(CaptionKind::Photo));
        assert_eq!(lines[14].kind, LineKind::JumpTo);
    }

    #[test]
    fn an_article_without_body_still_shows_its_headings() {
        let article = Article {
            headline: Some("打造130座“亿元楼”".into()),
            ..Article::default()
        };
        let lines = layout_article(&article, &LayoutOptions::new(80));
        assert_eq!(texts(&lines), ["打造130座“亿元楼”"]);
        assert!(layout_article(&Article::default(), &LayoutOptions::new(80)).is_empty());
    }

    #[test]
    fn only_a_paragraphs_first_line_is_indented() {
        let article = Article {
            blocks: vec![paragraph("数字青岛建设取得新进展")],
            ..Article::default()
        };
        let lines = layout_article(&article, &LayoutOptions::new(12));
        assert_eq!(
            texts(&lines),
            ["\u{3000}\u{3000}数字青岛", "建设取得新进", "展"]
        );
        let sources: Vec<_> = lines.iter().map(|line| line.source.unwrap()).collect();
        assert_eq!((sources[0].start, sources[0].prefix), (0, 2));
        assert_eq!((sources[1].start, sources[1].prefix), (4, 0));
        assert_eq!((sources[2].start, sources[2].prefix), (10, 0));
    }

    #[test]
    fn captions_carry_a_mark_for_their_kind_and_a_bar_below_it() {
        let article = Article {
            captions: vec![
                Caption {
                    kind: CaptionKind::Label,
                    text: "双星轮胎".into(),
                },
                Caption {
                    kind: CaptionKind::Description,
                    text: "A blue and red locomotive".into(),
                },
            ],
            ..Article::default()
        };
        let lines = layout_article(&article, &LayoutOptions::new(20));
        assert_eq!(
            texts(&lines),
            [
                "▍图中文字 双星轮胎",
                "",
                "▍图片描述 A blue and",
                "▍ red locomotive"
            ]
        );
        assert_eq!(lines[2].source.unwrap().prefix, 6);
        assert_eq!(lines[3].source.unwrap().prefix, 2);
        assert_eq!(lines[3].source.unwrap().start, 11);
    }

    #[test]
    fn marks_are_measured_with_the_ambiguous_setting() {
        let article = Article {
            captions: vec![Caption {
                kind: CaptionKind::Photo,
                text: "双星工厂".into(),
            }],
            ..Article::default()
        };
        let narrow = layout_article(&article, &LayoutOptions::new(10));
        assert_eq!(texts(&narrow), ["▍图 双星工", "▍ 厂"]);
        let wide = LayoutOptions {
            ambiguous: AmbiguousWidth::Wide,
            ..LayoutOptions::new(10)
        };
        let wide = layout_article(&article, &wide);
        assert_eq!(texts(&wide), ["▍图 双星", "▍ 工厂"]);
        assert!(wide.iter().all(|line| line.width <= 10));
    }

    #[test]
    fn a_width_too_small_for_the_indent_drops_it() {
        let article = Article {
            blocks: vec![paragraph("数字青岛")],
            ..Article::default()
        };
        let lines = layout_article(&article, &LayoutOptions::new(5));
        assert_eq!(texts(&lines), ["数字", "青岛"]);
        let lines = layout_article(&article, &LayoutOptions::new(1));
        assert_eq!(texts(&lines), ["数", "字", "青", "岛"]);
    }

    #[test]
    fn half_width_punctuation_follows_the_setting() {
        let article = Article {
            headline: Some("各区(市)和新区,设分会场".into()),
            ..Article::default()
        };
        let full = layout_article(&article, &LayoutOptions::new(80));
        assert_eq!(texts(&full), ["各区（市）和新区，设分会场"]);
        let source = LayoutOptions {
            punctuation: Punctuation::Source,
            ..LayoutOptions::new(80)
        };
        let source = layout_article(&article, &source);
        assert_eq!(texts(&source), ["各区(市)和新区,设分会场"]);
    }

    #[test]
    fn control_characters_never_reach_the_terminal() {
        let article = Article {
            blocks: vec![paragraph("会议\u{1b}[2J指出\r")],
            ..Article::default()
        };
        let lines = layout_article(&article, &LayoutOptions::new(80));
        assert_eq!(texts(&lines), ["\u{3000}\u{3000}会议␛[2J指出␍"]);
    }

    #[test]
    fn a_newline_in_text_read_off_a_photo_ends_the_line() {
        let article = Article {
            captions: vec![Caption {
                kind: CaptionKind::Label,
                text: "双星轮胎\n“工业4.0”基地".into(),
            }],
            ..Article::default()
        };
        let lines = layout_article(&article, &LayoutOptions::new(40));
        assert_eq!(texts(&lines), ["▍图中文字 双星轮胎", "▍ “工业4.0”基地"]);
        assert_eq!(lines[1].source.unwrap().start, 5);
    }

    #[test]
    fn empty_blocks_leave_no_stray_blank_lines() {
        let article = Article {
            headline: Some(String::new()),
            blocks: vec![paragraph(""), paragraph("会议"), paragraph("")],
            ..Article::default()
        };
        let lines = layout_article(&article, &LayoutOptions::new(80));
        assert_eq!(texts(&lines), ["\u{3000}\u{3000}会议"]);
    }

    #[test]
    fn a_story_joins_its_parts_at_a_seam_and_says_where_each_line_comes_from() {
        let mut front = full_article();
        front.jump_from = None;
        let back = Article {
            blocks: vec![paragraph("而且带动了贸易")],
            jump_from: Some(Jump {
                page: 1,
                article: None,
            }),
            jump_to: Some(Jump {
                page: 8,
                article: None,
            }),
            ..Article::default()
        };
        let lines = layout_story(&[&front, &back], &LayoutOptions::new(40));
        let texts = texts(&lines);
        assert_eq!(
            texts[texts.len() - 7..],
            [
                "▍图 双星工厂。",
                "",
                "── 接第四版 ──",
                "",
                "\u{3000}\u{3000}而且带动了贸易",
                "",
                "（下转第八版）",
            ],
            "the seam stands in for the jumps between the parts, not the last part's own"
        );
        assert_eq!(lines[lines.len() - 5].kind, LineKind::Seam);
        let parts: Vec<usize> = (lines.iter())
            .filter_map(|line| Some(line.source?.story_part))
            .collect();
        assert_eq!(parts, [0, 0, 0, 0, 0, 0, 0, 0, 1]);
        // Too narrow for the seam on one line: it wraps, and nothing is wider than the width.
        let narrow = layout_story(&[&front, &back], &LayoutOptions::new(8));
        assert!(
            narrow
                .iter()
                .filter(|line| line.kind == LineKind::Seam)
                .count()
                > 1
        );
        assert!(narrow.iter().all(|line| line.width <= 8));
    }
}
