//! Laid-out articles kept between frames.

use std::collections::HashMap;

use crate::edition::Article;

use super::{LayoutOptions, Line, layout_story};

/// Laid-out lines per article or merged story, for the options they were laid out with.
///
/// The reader keeps one cache for the edition it shows and asks it for an article's lines on
/// every frame: scrolling costs a lookup, and a change of options (a resize, the ambiguous
/// width, the punctuation toggle) drops every entry, so each article is laid out again once,
/// when it is next shown. Articles are known by id, a merged story by the ids of its parts;
/// [`LayoutCache::clear`] it when the edition changes.
#[derive(Debug, Default)]
pub struct LayoutCache {
    options: Option<LayoutOptions>,
    lines: HashMap<Vec<String>, Vec<Line>>,
}

impl LayoutCache {
    /// An empty cache.
    pub fn new() -> Self {
        Self::default()
    }

    /// The lines of `article` laid out with `options`, laid out now if not already.
    pub fn lines(&mut self, article: &Article, options: &LayoutOptions) -> &[Line] {
        self.story_lines(&[article], options)
    }

    /// The lines of the story of `parts` laid out with `options` by [`layout_story`], laid
    /// out now if not already. A story of one part is that article's layout.
    pub fn story_lines(&mut self, parts: &[&Article], options: &LayoutOptions) -> &[Line] {
        if self.options.as_ref() != Some(options) {
            self.lines.clear();
            self.options = Some(*options);
        }
        let key: Vec<String> = parts.iter().map(|article| article.id.clone()).collect();
        self.lines
            .entry(key)
            .or_insert_with(|| layout_story(parts, options))
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
    use crate::text::layout_article;

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

    #[test]
    fn a_merged_story_is_held_beside_its_parts() {
        let mut cache = LayoutCache::new();
        let options = LayoutOptions::new(20);
        let (front, back) = (article("1-2", "会议"), article("4-3", "指出"));
        assert_eq!(
            cache.lines(&front, &options),
            layout_article(&front, &options)
        );
        let story = layout_story(&[&front, &back], &options);
        assert_eq!(cache.story_lines(&[&front, &back], &options), story);
        assert_eq!(cache.len(), 2, "the story does not replace its front part");
        // Held: an edited part under the same ids is not laid out again.
        let edited = article("4-3", "数字");
        assert_eq!(cache.story_lines(&[&front, &edited], &options), story);
        assert_eq!(
            cache.lines(&front, &options),
            layout_article(&front, &options)
        );
    }
}
