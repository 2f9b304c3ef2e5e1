//! The caption viewer's content: captions grouped and wrapped to the viewer's width.

use crate::edition::{Article, CaptionKind};
use crate::text::{AmbiguousWidth, char_width};

/// Whose captions the viewer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptionScope {
    /// The current article's.
    Article,
    /// Every article's on the current page.
    Page,
}

/// One display line of the caption viewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaptionLine {
    /// The title of the article whose captions follow (page scope).
    Article(String),
    /// The kind of the caption whose text follows.
    Kind(CaptionKind),
    /// A line of caption text, free of control characters.
    Text(String),
    /// A line saying there is nothing to show.
    Note(&'static str),
    /// Space between captions.
    Blank,
}

/// The open caption viewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptionView {
    /// Whose captions are shown.
    pub scope: CaptionScope,
    /// The first line shown.
    pub scroll: usize,
    /// The wrapped lines.
    pub lines: Vec<CaptionLine>,
}

impl CaptionView {
    /// The viewer for the captions of `articles`, wrapped to `width` cells.
    pub fn new(
        scope: CaptionScope,
        articles: &[&Article],
        width: usize,
        ambiguous: AmbiguousWidth,
    ) -> Self {
        let mut lines = Vec::new();
        for article in articles
            .iter()
            .filter(|article| !article.captions.is_empty())
        {
            if scope == CaptionScope::Page {
                lines.extend(
                    wrap(&article.title, width, ambiguous)
                        .into_iter()
                        .map(CaptionLine::Article),
                );
            }
            for caption in &article.captions {
                lines.push(CaptionLine::Kind(caption.kind));
                lines.extend(
                    wrap(&caption.text, width, ambiguous)
                        .into_iter()
                        .map(CaptionLine::Text),
                );
                lines.push(CaptionLine::Blank);
            }
        }
        if lines.is_empty() {
            lines.push(CaptionLine::Note(match scope {
                CaptionScope::Article => "This article has no captions. p: the whole page.",
                CaptionScope::Page => "No article on this page has captions.",
            }));
        }
        Self {
            scope,
            scroll: 0,
            lines,
        }
    }
}

/// Breaks `text` into lines of at most `width` cells: at its own line breaks, then at the
/// last space of an English line, else between any two chars. Control characters are dropped.
pub fn wrap(text: &str, width: usize, ambiguous: AmbiguousWidth) -> Vec<String> {
    let mut lines = Vec::new();
    for source_line in text.lines() {
        let mut line: Vec<char> = Vec::new();
        for c in source_line.chars().filter(|c| !c.is_control()) {
            line.push(c);
            while line.len() > 1 && cells(&line, ambiguous) > width {
                let cut = match line.iter().rposition(|c| *c == ' ') {
                    Some(space) if space > 0 && space + 1 < line.len() => space + 1,
                    _ => line.len() - 1,
                };
                let rest = line.split_off(cut);
                lines.push(line.iter().collect::<String>().trim_end().to_string());
                line = rest.into_iter().skip_while(|c| *c == ' ').collect();
            }
        }
        lines.push(line.into_iter().collect());
    }
    lines
}

fn cells(chars: &[char], ambiguous: AmbiguousWidth) -> usize {
    chars.iter().map(|c| char_width(*c, ambiguous)).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::Caption;
    use crate::text::str_width;

    fn with_captions(title: &str, captions: &[(CaptionKind, &str)]) -> Article {
        Article {
            title: title.into(),
            captions: captions
                .iter()
                .map(|(kind, text)| Caption {
                    kind: *kind,
                    text: text.to_string(),
                })
                .collect(),
            ..Article::default()
        }
    }

    #[test]
    fn wrapped_lines_fit_the_width_and_keep_every_char() {
        let text = "双星“工业4.0”智能化工厂。A blue and red locomotive";
        for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
            let lines = wrap(text, 9, ambiguous);
            assert!(
                lines.iter().all(|line| str_width(line, ambiguous) <= 9),
                "{lines:?}"
            );
            assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        }
    }

    #[test]
    fn english_breaks_between_words() {
        let lines = wrap("A blue and red locomotive", 12, AmbiguousWidth::Narrow);
        assert_eq!(lines, ["A blue and", "red", "locomotive"]);
        let lines = wrap("A blue train loaded", 12, AmbiguousWidth::Narrow);
        assert_eq!(
            lines,
            ["A blue train", "loaded"],
            "no line starts with the space it broke at"
        );
    }

    #[test]
    fn text_read_off_a_photo_keeps_its_line_breaks_and_loses_control_chars() {
        assert_eq!(
            wrap("双星“工业4.0”\n基地\u{7}", 40, AmbiguousWidth::Narrow),
            ["双星“工业4.0”", "基地"]
        );
    }

    #[test]
    fn each_caption_is_labelled_by_kind() {
        let article = with_captions(
            "双星",
            &[(CaptionKind::Photo, "工厂。"), (CaptionKind::Label, "基地")],
        );
        let view = CaptionView::new(
            CaptionScope::Article,
            &[&article],
            40,
            AmbiguousWidth::Narrow,
        );
        assert_eq!(
            view.lines,
            [
                CaptionLine::Kind(CaptionKind::Photo),
                CaptionLine::Text("工厂。".into()),
                CaptionLine::Blank,
                CaptionLine::Kind(CaptionKind::Label),
                CaptionLine::Text("基地".into()),
                CaptionLine::Blank,
            ]
        );
    }

    #[test]
    fn the_page_view_names_the_article_of_each_group() {
        let first = with_captions("双星", &[(CaptionKind::Photo, "工厂。")]);
        let bare = with_captions("无图", &[]);
        let view = CaptionView::new(
            CaptionScope::Page,
            &[&first, &bare],
            40,
            AmbiguousWidth::Narrow,
        );
        assert_eq!(view.lines[0], CaptionLine::Article("双星".into()));
        assert!(!view.lines.contains(&CaptionLine::Article("无图".into())));
    }

    #[test]
    fn no_captions_says_so() {
        let view = CaptionView::new(
            CaptionScope::Article,
            &[&with_captions("无图", &[])],
            40,
            AmbiguousWidth::Narrow,
        );
        assert!(matches!(view.lines[..], [CaptionLine::Note(_)]));
    }
}
