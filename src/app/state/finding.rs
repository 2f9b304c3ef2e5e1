//! Searching the edition and walking its matches.

use super::{App, Focus, HashMap, Search, Wrapped, search};

impl App {
    // ---- search ----

    pub(super) fn submit_search(&mut self, query: String) {
        let query = match (query.is_empty(), &self.last_query) {
            (false, _) => query,
            (true, Some(last)) => last.clone(),
            (true, None) => return,
        };
        self.last_query = Some(query.clone());
        let articles = (0..self.articles.len()).map(|index| self.article(index));
        let mut matches = search::find(articles, &query);
        if matches.is_empty() {
            self.search = None;
            self.message = Some((self.strings().not_found)(&query));
            return;
        }
        // Matches come in article order, which is reading order unless merged reading puts
        // a story's parts together.
        if self.merged {
            self.sort_in_reading_order(&mut matches);
        }
        // The first match below the top of the pane, else the first in a later story.
        let (lines, shown) = (self.lines(), self.shown_articles());
        let story = self.reading_rank(self.current).0;
        let ahead = (matches.iter())
            .position(|found| {
                search::line_of(lines, shown, found).is_some_and(|line| line >= self.scroll)
            })
            .or_else(|| {
                (matches.iter()).position(|found| self.reading_rank(found.article).0 > story)
            });
        self.search = Some(Search::new(query, matches));
        let wrapped = match ahead {
            Some(_) => Wrapped::No,
            None => Wrapped::ToTop,
        };
        self.show_match(ahead.unwrap_or(0), wrapped);
    }

    /// Puts `matches` in reading order, looking each article's place up once: a story's
    /// parts are found by following its jumps.
    pub(super) fn sort_in_reading_order(&self, matches: &mut [search::Match]) {
        let mut ranks = HashMap::new();
        matches.sort_by_cached_key(|found| {
            *(ranks.entry(found.article)).or_insert_with(|| self.reading_rank(found.article))
        });
    }

    /// Where the article at `index` comes in reading order: its story's place, by the story's
    /// first part, and its place in the story. Outside merged reading every article is a story.
    pub(super) fn reading_rank(&self, index: usize) -> (usize, usize) {
        let story = self.story_of(index);
        let part = story.iter().position(|&part| part == index).unwrap_or(0);
        (story.first().copied().unwrap_or(index), part)
    }

    pub(super) fn step_match(&mut self, forward: bool) {
        let Some(search) = &self.search else {
            // Esc cleared the highlights, not the search: n runs it again, as in less.
            match self.last_query.clone() {
                Some(query) => self.submit_search(query),
                None => self.message = Some(self.strings().no_search_yet.into()),
            }
            return;
        };
        let count = search.matches.len();
        let (next, wrapped) = if forward {
            let wrapped = search.current + 1 == count;
            (
                (search.current + 1) % count,
                wrapped.then_some(Wrapped::ToTop),
            )
        } else {
            let wrapped = search.current == 0;
            (
                (search.current + count - 1) % count,
                wrapped.then_some(Wrapped::ToEnd),
            )
        };
        let wrapped = wrapped.unwrap_or(Wrapped::No);
        self.show_match(next, wrapped);
    }

    pub(super) fn show_match(&mut self, index: usize, wrapped: Wrapped) {
        let Some(search) = &mut self.search else {
            return;
        };
        search.current = index;
        let found = search.matches[index];
        let note =
            (self.lang.strings().match_of)(&search.query, index + 1, search.matches.len(), wrapped);
        // A match in the text shown is scrolled to, as in one article; elsewhere it is a jump.
        if !self.shown_articles().contains(&found.article) {
            self.jump_to(found.article);
        }
        self.focus = Focus::Article;
        self.refresh();
        let height = self.article_height();
        if let Some(line) = search::line_of(self.lines(), self.shown_articles(), &found)
            && (line < self.scroll || line >= self.scroll + height)
        {
            self.scroll = line.saturating_sub(height / 3);
        }
        self.message = Some(note);
    }
}
