//! The caption viewer's content: captions grouped by article and wrapped to the viewer's
//! width.

use crate::edition::{Article, CaptionKind};
use crate::text::{LayoutOptions, break_lines, display_chars};

use super::strings::Strings;

/// Whose captions the viewer shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaptionScope {
    /// The current article's.
    Article,
    /// In merged reading, those of every part of the current article's continued story.
    Story,
    /// Every article's on the current page.
    Page,
}

/// One article whose captions the viewer shows, with the heading that names it when the
/// viewer shows several.
#[derive(Debug, Clone)]
pub struct CaptionGroup<'a> {
    /// Shown above the article's captions: its title, or which part of the story it is.
    pub heading: Option<String>,
    /// The article.
    pub article: &'a Article,
}

/// One display line of the caption viewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CaptionLine {
    /// A line of the heading that names the article whose captions follow.
    Heading(String),
    /// The kind of the caption whose text follows.
    Kind(CaptionKind),
    /// A line of caption text, free of control characters.
    Text(String),
    /// A line of the note saying there is nothing to show.
    Note(String),
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
    /// The viewer for the captions of `groups`, in their order, laid out with `options`.
    /// Articles without captions are left out, headings and all.
    /// Its notes are in `strings`' language.
    pub fn new(
        scope: CaptionScope,
        groups: &[CaptionGroup],
        options: &LayoutOptions,
        strings: &Strings,
    ) -> Self {
        let mut lines = Vec::new();
        for group in groups
            .iter()
            .filter(|group| !group.article.captions.is_empty())
        {
            if let Some(heading) = &group.heading {
                lines.extend(wrap(heading, options).into_iter().map(CaptionLine::Heading));
            }
            for caption in &group.article.captions {
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
            let note = match scope {
                CaptionScope::Article => strings.no_captions_article,
                CaptionScope::Story => strings.no_captions_story,
                CaptionScope::Page => strings.no_captions_page,
            };
            lines.extend(wrap(note, options).into_iter().map(CaptionLine::Note));
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
pub(super) fn wrap(text: &str, options: &LayoutOptions) -> Vec<String> {
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
    use crate::app::strings::EN;
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

    /// The article's captions with no heading, as the article scope shows them.
    fn alone(article: &Article) -> [CaptionGroup<'_>; 1] {
        [CaptionGroup {
            heading: None,
            article,
        }]
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
            let view = CaptionView::new(
                CaptionScope::Article,
                &alone(&article),
                &options(9, ambiguous),
                &EN,
            );
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
            &alone(&article),
            &options(40, AmbiguousWidth::Narrow),
            &EN,
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
            &alone(&article),
            &options(40, AmbiguousWidth::Narrow),
            &EN,
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
    fn each_group_with_captions_is_named_by_its_heading_in_order() {
        let first = with_captions("双星", &[(CaptionKind::Photo, "工厂。")]);
        let bare = with_captions("无图", &[]);
        let last = with_captions("班列", &[(CaptionKind::Description, "A train.")]);
        let group = |heading: &str, article| CaptionGroup {
            heading: Some(heading.into()),
            article,
        };
        let view = CaptionView::new(
            CaptionScope::Story,
            &[
                group("第一版 part 1", &first),
                group("无图", &bare),
                group("第四版 part 3", &last),
            ],
            &options(40, AmbiguousWidth::Narrow),
            &EN,
        );
        let headings: Vec<&CaptionLine> = (view.lines.iter())
            .filter(|line| matches!(line, CaptionLine::Heading(_)))
            .collect();
        assert_eq!(
            headings,
            [
                &CaptionLine::Heading("第一版 part 1".into()),
                &CaptionLine::Heading("第四版 part 3".into())
            ]
        );
        assert_eq!(texts(&view), ["工厂。", "A train."]);
    }

    #[test]
    fn no_captions_says_so_in_full_however_narrow_the_viewer() {
        let bare = with_captions("无图", &[]);
        let view = CaptionView::new(
            CaptionScope::Article,
            &alone(&bare),
            &options(20, AmbiguousWidth::Narrow),
            &EN,
        );
        let notes: Vec<&str> = (view.lines.iter())
            .map(|line| match line {
                CaptionLine::Note(note) => note.as_str(),
                other => panic!("{other:?} where only the note belongs"),
            })
            .collect();
        assert!(notes.len() > 1, "{notes:?}");
        assert!(notes.iter().all(|note| note.len() <= 20), "{notes:?}");
        assert_eq!(
            notes.join(" "),
            "This article has no captions. p: the whole page."
        );
    }
}
