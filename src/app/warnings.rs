//! Which article each of the edition's warnings (its OCR repairs and unresolved jumps) is
//! about, so the reader can show them beside the article.
//!
//! A warning is a line of text (see `Edition::warnings`). One that starts with an article's
//! id ("1-2: 下转第四版, but …") is that article's. One that names a page and a line
//! ("第一版, line 7: joined … “…设,完善“城市云脑”” + …") is the article on that page whose
//! text holds a piece it quotes. Any other is the edition's alone.

use crate::edition::{Article, Edition};
use crate::text::LayoutOptions;

use super::captions::wrap;

/// Quoted pieces shorter than this many chars match too much to tell an article.
const MIN_PIECE_CHARS: usize = 3;

/// For each article in reading order (pages in order, articles in page order), the
/// positions in `edition.warnings` of the warnings about it.
pub fn article_warnings(edition: &Edition) -> Vec<Vec<usize>> {
    let articles: Vec<(&str, &Article)> = (edition.pages.iter())
        .flat_map(|page| {
            page.articles
                .iter()
                .map(move |article| (page.label.as_str(), article))
        })
        .collect();
    let mut found = vec![Vec::new(); articles.len()];
    for (at, warning) in edition.warnings.iter().enumerate() {
        if let Some(index) = about(warning, &articles) {
            found[index].push(at);
        }
    }
    found
}

/// The article `warning` is about, by its position in `articles`.
fn about(warning: &str, articles: &[(&str, &Article)]) -> Option<usize> {
    let (head, rest) = warning.split_once(": ")?;
    if let Some(index) = articles.iter().position(|(_, article)| article.id == head) {
        return Some(index);
    }
    let page = head.split_once(", line ").map_or(head, |(page, _)| page);
    let pieces = quoted_pieces(rest);
    if pieces.is_empty() {
        return None;
    }
    articles.iter().position(|(label, article)| {
        *label == page && {
            let text = article_text(article);
            pieces.iter().any(|piece| text.contains(piece.as_str()))
        }
    })
}

/// The runs of text between quotation marks and ellipses in `text`, long enough to tell.
fn quoted_pieces(text: &str) -> Vec<String> {
    text.split(['“', '”', '…', '+'])
        .map(str::trim)
        .filter(|piece| piece.chars().count() >= MIN_PIECE_CHARS)
        .filter(|piece| !piece.is_ascii())
        .map(str::to_owned)
        .collect()
}

/// Every piece of an article's text, one after another.
fn article_text(article: &Article) -> String {
    let headings = article.headings();
    let blocks = article.blocks.iter().map(|block| block.text.as_str());
    let captions = article.captions.iter().map(|caption| caption.text.as_str());
    headings
        .chain(blocks)
        .chain(captions)
        .collect::<Vec<_>>()
        .join("\n")
}

/// A line of the warnings viewer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningLine {
    /// Which warnings follow: the article's, the edition's.
    Heading(String),
    /// A line of a warning; `first` on its first line.
    Text {
        /// The text.
        text: String,
        /// Whether this starts a warning.
        first: bool,
    },
    /// Nothing to list.
    Note(String),
    /// Between groups.
    Blank,
}

/// The warnings viewer: the article's warnings, then the edition's, wrapped to its width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WarningsView {
    /// The first line shown.
    pub scroll: usize,
    /// The lines.
    pub lines: Vec<WarningLine>,
}

impl WarningsView {
    /// The viewer of `own` warnings (the article's) and of `all` (the edition's), under
    /// `headings`, saying `none` where a group is empty, laid out with `options`.
    pub fn new(
        [own, all]: [&[&str]; 2],
        [own_heading, all_heading]: [String; 2],
        none: &str,
        options: &LayoutOptions,
    ) -> Self {
        let mut lines = Vec::new();
        for (heading, warnings) in [(own_heading, own), (all_heading, all)] {
            lines.push(WarningLine::Heading(heading));
            if warnings.is_empty() {
                lines.push(WarningLine::Note(none.into()));
            }
            for warning in warnings {
                let wrapped = wrap(warning, options);
                lines.extend(
                    wrapped
                        .into_iter()
                        .enumerate()
                        .map(|(at, text)| WarningLine::Text {
                            text,
                            first: at == 0,
                        }),
                );
            }
            lines.push(WarningLine::Blank);
        }
        Self { scroll: 0, lines }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_editions_warnings_find_their_articles() {
        let edition = crate::edition::builtin();
        let found = article_warnings(&edition);
        let ids = |at: usize| -> Vec<&str> {
            (found.iter().enumerate())
                .filter(|(_, warnings)| warnings.contains(&at))
                .map(|(index, _)| {
                    let article = (edition.pages.iter())
                        .flat_map(|page| &page.articles)
                        .nth(index)
                        .unwrap();
                    article.id.as_str()
                })
                .collect()
        };
        for (at, warning) in edition.warnings.iter().enumerate() {
            let owners = ids(at);
            assert!(owners.len() <= 1, "{warning}: {owners:?}");
            if let Some((id, _)) = warning.split_once(": ")
                && id.contains('-')
                && !id.contains(',')
            {
                assert_eq!(owners, [id], "{warning}");
            }
        }
        let joined = (edition.warnings.iter())
            .position(|warning| warning.contains("城市云脑"))
            .unwrap();
        assert_eq!(ids(joined), ["1-1"], "the paragraph joined is 1-1's");
    }

    #[test]
    fn a_warning_about_no_article_is_the_editions_alone() {
        let mut edition = crate::edition::builtin();
        edition.warnings = vec![
            "第一版: replaced 3 invalid bytes in page.txt with U+FFFD".into(),
            "no colon at all".into(),
        ];
        assert!(article_warnings(&edition).iter().all(Vec::is_empty));
    }
}
