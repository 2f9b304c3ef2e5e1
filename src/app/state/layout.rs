//! The article view: merged stories, the shown lines and their cache, places in them.

use super::{App, Article, LayoutOptions, LineKind, ShownLines, TextAt, TopAt, story_parts};

impl App {
    // ---- layout ----

    // ---- merged reading ----

    pub(super) fn toggle_merged(&mut self) {
        self.merged = !self.merged;
        self.message = Some(match self.merged {
            true => self.strings().merged_on.into(),
            false => self.strings().merged_off.into(),
        });
        // Matches follow the new reading order; the one shown stays the one shown.
        if let Some(mut search) = self.search.take() {
            let shown = search.matches[search.current];
            self.sort_in_reading_order(&mut search.matches);
            search.current = (search.matches.iter())
                .position(|found| *found == shown)
                .unwrap_or(0);
            self.search = Some(search);
        }
    }

    /// The articles read as one text with the article at `index`, in reading order: in merged
    /// reading the parts of its story, else the article alone.
    pub(super) fn story_of(&self, index: usize) -> Vec<usize> {
        let alone = vec![index];
        if !self.merged || index >= self.articles.len() {
            return alone;
        }
        let parts = story_parts(&self.edition, &self.article(index).id);
        let story: Vec<usize> = (parts.iter())
            .filter_map(|part| self.index_of(&part.id))
            .collect();
        if story.contains(&index) { story } else { alone }
    }

    /// The first line of the article at `index` among the lines shown: the seam before it in
    /// a merged story, else the top.
    pub(super) fn part_start(&self, index: usize) -> usize {
        let Some(part) = self.shown_articles().iter().position(|&at| at == index) else {
            return 0;
        };
        let lines = &self.lines;
        let seams = (0..lines.len()).filter(|&at| {
            lines[at].kind == LineKind::Seam && (at == 0 || lines[at - 1].kind != LineKind::Seam)
        });
        part.checked_sub(1)
            .and_then(|seam| seams.clone().nth(seam))
            .unwrap_or(0)
    }

    /// What is at the top of the pane: the first text at or below it, else the last above.
    /// A blank top line thus means the paragraph that follows, whatever its new length.
    pub(super) fn top_text(&self) -> Option<TopAt> {
        let shown = self.shown_articles();
        let text_of = |at: usize| {
            let source = self.lines[at].source?;
            Some((*shown.get(source.story_part)?, source.part, source.start))
        };
        let found = |at: usize| Some((text_of(at)?, self.scroll as isize - at as isize));
        let end = self.lines.len();
        (self.scroll..end)
            .find_map(found)
            .or_else(|| (0..self.scroll.min(end)).rev().find_map(found))
    }

    /// The line that puts `top` back at the top of the pane.
    pub(super) fn line_of_top(&self, (text, offset): TopAt) -> Option<usize> {
        Some(self.line_of_text(text)?.saturating_add_signed(offset))
    }

    /// The last line shown that starts at or before `text`.
    pub(super) fn line_of_text(&self, (article, part, start): TextAt) -> Option<usize> {
        let shown = self.shown_articles();
        self.lines.iter().rposition(|line| {
            line.source.is_some_and(|source| {
                shown.get(source.story_part) == Some(&article)
                    && source.part == part
                    && source.start <= start
            })
        })
    }

    // ---- layout ----

    /// Takes the lines of the current article (in merged reading, of its story) from the
    /// layout cache when the articles or the options changed; a new layout keeps the text at
    /// the top of the pane in view if it still shows it, else starts at the current article.
    /// Clamps the scroll position.
    pub(super) fn refresh(&mut self) {
        let (Some(panes), true) = (self.panes(), self.current < self.articles.len()) else {
            return;
        };
        let options = self.layout_options(panes.article_text().width as usize);
        if !self.shows_current(&options) {
            let story = self.story_of(self.current);
            let anchor = self.top_text();
            let parts: Vec<&Article> = (story.iter())
                .map(|&index| {
                    let at = self.articles[index];
                    &self.edition.pages[at.page].articles[at.index]
                })
                .collect();
            self.lines = self.layouts.story_lines(&parts, &options).to_vec();
            self.shown = Some(ShownLines {
                articles: story,
                options,
                merged: self.merged,
            });
            self.scroll = anchor
                .and_then(|anchor| self.line_of_top(anchor))
                .unwrap_or_else(|| self.part_start(self.current));
        }
        let height = panes.article_text().height as usize;
        self.scroll = self.scroll.min(self.lines.len().saturating_sub(height));
    }

    /// Whether the lines shown are those of the current article (in merged reading, of its
    /// story) laid out with `options`. Checked on every update, so it looks at the shown
    /// story only: stories partition the articles, so a merged story showing the current
    /// article is its whole story.
    pub(super) fn shows_current(&self, options: &LayoutOptions) -> bool {
        self.shown.as_ref().is_some_and(|shown| {
            shown.options == *options
                && shown.merged == self.merged
                && if self.merged {
                    shown.articles.contains(&self.current)
                } else {
                    shown.articles[..] == [self.current]
                }
        })
    }

    pub(super) fn layout_options(&self, width: usize) -> LayoutOptions {
        LayoutOptions {
            width,
            ambiguous: self.ambiguous,
            punctuation: self.punctuation,
        }
    }
}
