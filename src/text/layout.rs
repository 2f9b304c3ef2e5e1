//! Laying an article out into display lines of at most a given width.

use crate::edition::{Article, BlockKind, CaptionKind};

use super::{AmbiguousWidth, str_width};

/// How half-width punctuation between CJK characters is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Punctuation {
    /// Shown in full-width form (, → ，), as a Chinese page prints it.
    #[default]
    FullWidth,
    /// Shown as the source has it.
    Source,
}

/// Everything a layout depends on; laid-out lines are cached per article and options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LayoutOptions {
    /// The width of the text area in terminal cells.
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

/// Lays `article` out: header group, body, captions and jump lines.
pub fn layout_article(article: &Article, options: &LayoutOptions) -> Vec<Line> {
    // Placeholder: one line per block, cut by width. Replaced by the CJK layout engine.
    let mut lines = Vec::new();
    for (index, block) in article.blocks.iter().enumerate() {
        let kind = match block.kind {
            BlockKind::Paragraph => LineKind::Paragraph,
            BlockKind::Subhead => LineKind::Subhead,
        };
        let mut text = String::new();
        for c in block.text.chars() {
            if str_width(&text, options.ambiguous) + 2 > options.width {
                break;
            }
            text.push(c);
        }
        lines.push(Line {
            kind,
            width: str_width(&text, options.ambiguous),
            text,
            source: Some(SourceRef {
                part: TextPart::Block(index),
                start: 0,
                prefix: 0,
            }),
        });
    }
    lines
}
