//! The caption viewer's content: captions grouped and wrapped to the viewer's width.

use crate::edition::{Article, CaptionKind};
use crate::text::{LayoutOptions, break_lines, display_chars};

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
    /// The viewer for the captions of `articles`, laid out with `options`.
    pub fn new(scope: CaptionScope, articles: &[&Article], options: &LayoutOptions) -> Self {
        let mut lines = Vec::new();
        for article in articles
            .iter()
            .filter(|article| !article.captions.is_empty())
        {
            if scope == CaptionScope::Page {
                lines.extend(
                    wrap(&article.title, options)
                        .into_iter()
                        .map(CaptionLine::Article),
                );
            }
            for caption in &article.captions {
                lines.push(CaptionLine::Kind(caption.kind));
                lines.extend(
                    wrap(&caption.text, options)
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

/// Lays `text` out as the article pane does: in display form, with the same line breaking,
/// and a new line at each of the text's own line breaks.
fn wrap(text: &str, options: &LayoutOptions) -> Vec<String> {
    text.split('\n')
        .flat_map(|segment| {
            let chars = display_chars(segment, options.punctuation);
            let ranges = break_lines(&chars, options.ambiguous, options.width, options.width);
            let lines: Vec<String> = ranges
                .into_iter()
                .map(|range| chars[range].iter().collect())
                .collect();
            if lines.is_empty() {
                vec![String::new()]
            } else {
                lines
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::Caption;
    use crate::text::{AmbiguousWidth, str_width};

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

    fn options(width: usize, ambiguous: AmbiguousWidth) -> LayoutOptions {
        LayoutOptions {
            ambiguous,
            ..LayoutOptions::new(width)
        }
    }

    fn texts(view: &CaptionView) -> Vec<&str> {
        (view.lines.iter())
            .filter_map(|line| match line {
                CaptionLine::Text(text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn caption_lines_fit_the_viewer_and_keep_every_char() {
        let text = "双星“工业4.0”智能化工厂。A blue and red locomotive";
        let article = with_captions("双星", &[(CaptionKind::Photo, text)]);
        for ambiguous in [AmbiguousWidth::Narrow, AmbiguousWidth::Wide] {
            let view = CaptionView::new(CaptionScope::Article, &[&article], &options(9, ambiguous));
            let lines = texts(&view);
            assert!(lines.len() > 1);
            assert!(
                lines.iter().all(|line| str_width(line, ambiguous) <= 9),
                "{lines:?}"
            );
            assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""));
        }
    }

    #[test]
    fn text_read_off_a_photo_keeps_its_line_breaks_and_shows_no_raw_control_chars() {
        let article = with_captions("双星", &[(CaptionKind::Label, "双星“工业4.0”\n基地\u{1b}")]);
        let view = CaptionView::new(
            CaptionScope::Article,
            &[&article],
            &options(40, AmbiguousWidth::Narrow),
        );
        assert_eq!(texts(&view), ["双星“工业4.0”", "基地␛"]);
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
            &options(40, AmbiguousWidth::Narrow),
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
            &options(40, AmbiguousWidth::Narrow),
        );
        assert_eq!(view.lines[0], CaptionLine::Article("双星".into()));
        assert!(!view.lines.contains(&CaptionLine::Article("无图".into())));
    }

    #[test]
    fn no_captions_says_so() {
        let bare = with_captions("无图", &[]);
        let view = CaptionView::new(
            CaptionScope::Article,
            &[&bare],
            &options(40, AmbiguousWidth::Narrow),
        );
        assert!(matches!(view.lines[..], [CaptionLine::Note(_)]));
    }
}
