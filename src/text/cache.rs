//! Laid-out articles kept between frames.

use std::collections::HashMap;

use crate::edition::Article;

use super::{LayoutOptions, Line, layout_article};

/// Laid-out lines per article, for the options they were laid out with.
///
/// The reader keeps one cache for the edition it shows and asks it for an article's lines on
/// every frame: scrolling costs a lookup, and a change of options (a resize, the ambiguous
/// width, the punctuation toggle) drops every entry, so each article is laid out again once,
/// when it is next shown. Articles are known by id; [`LayoutCache::clear`] it when the
/// edition changes.
#[derive(Debug, Default)]
pub struct LayoutCache {
    options: Option<LayoutOptions>,
    lines: HashMap<String, Vec<Line>>,
}

impl LayoutCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// The lines of `article` laid out with `options`, laid out now if not already.
    pub fn lines(&mut self, article: &Article, options: &LayoutOptions) -> &[Line] {
        if self.options.as_ref() != Some(options) {
            self.lines.clear();
            self.options = Some(*options);
        }
        if !self.lines.contains_key(&article.id) {
            let lines = layout_article(article, options);
            self.lines.insert(article.id.clone(), lines);
        }
        &self.lines[&article.id]
    }

    /// Forgets every laid-out article.
    pub fn clear(&mut self) {
        self.lines.clear();
    }

    /// The number of articles held.
    pub fn len(&self) -> usize {
        self.lines.len()
    }

    /// True when no article is held.
    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edition::{Block, BlockKind};

    fn article(id: &str, text: &str) -> Article {
        Article {
            id: id.into(),
            blocks: vec![Block {
                kind: BlockKind::Paragraph,
                text: text.into(),
            }],
            ..Article::default()
        }
    }

    #[test]
    fn lines_come_from_the_cache_until_the_options_change() {
        let mut cache = LayoutCache::new();
        let first = article("1-1", "数字青岛建设取得新进展");
        let wide = LayoutOptions::new(80);
        assert_eq!(cache.lines(&first, &wide), layout_article(&first, &wide));
        // A changed article under the same id is not laid out again: the cache answers.
        let edited = article("1-1", "会议");
        assert_eq!(cache.lines(&edited, &wide), layout_article(&first, &wide));

        let narrow = LayoutOptions::new(12);
        assert_eq!(
            cache.lines(&edited, &narrow),
            layout_article(&edited, &narrow)
        );
        assert_eq!(cache.len(), 1);
    }

    #[test]
    fn articles_are_held_side_by_side_and_cleared_together() {
        let mut cache = LayoutCache::new();
        let options = LayoutOptions::new(20);
        let (one, two) = (article("1-1", "会议"), article("1-2", "指出"));
        assert_eq!(cache.lines(&one, &options), layout_article(&one, &options));
        assert_eq!(cache.lines(&two, &options), layout_article(&two, &options));
        assert_eq!(cache.len(), 2);
        cache.clear();
        assert!(cache.is_empty());
        let edited = article("1-1", "数字");
        assert_eq!(
            cache.lines(&edited, &options),
            layout_article(&edited, &options)
        );
    }
}
