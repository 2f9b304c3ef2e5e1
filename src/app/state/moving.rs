//! Moving between articles and pages, scrolling, the wheel and clicks.

use super::{Action, App, Focus, HISTORY_LIMIT, Place, Position, Row, scrolled};

impl App {
    // ---- moving between articles ----

    /// Opens the article at `index`, at its start; in merged reading, at the start of its
    /// part of the story.
    pub(super) fn select(&mut self, index: usize) {
        if index != self.current {
            self.current = index;
            self.refresh();
            self.scroll = self.part_start(index);
        }
        self.keep_selection_visible();
    }

    /// Selects `index` as a jump: the place left is remembered for Backspace.
    pub(super) fn jump_to(&mut self, index: usize) {
        if index == self.current {
            return;
        }
        if self.history.len() == HISTORY_LIMIT {
            self.history.remove(0);
        }
        self.history.push(Place {
            article: self.current,
            top: self.top_text(),
            scroll: self.scroll,
        });
        self.select(index);
    }

    pub(super) fn move_selection(&mut self, action: Action) {
        let Some(last) = self.articles.len().checked_sub(1) else {
            return;
        };
        let index = match action {
            Action::Up => self.current.saturating_sub(1),
            Action::Down => (self.current + 1).min(last),
            Action::Top => 0,
            _ => last,
        };
        self.select(index);
    }

    /// `]` and `[`: the next or previous article read in order. A story listed again in full
    /// on a later page (`=` in the list) is passed over: its text was read at its first listing.
    pub(super) fn step_article(&mut self, forward: bool) {
        if self.articles.is_empty() {
            return;
        }
        let read_in_order = |index: &usize| !self.article(*index).is_repeat();
        let target = match forward {
            true => (self.current + 1..self.articles.len()).find(read_in_order),
            false => (0..self.current).rev().find(read_in_order),
        };
        match (target, forward) {
            (Some(index), _) => self.select(index),
            (None, false) => self.message = Some(self.strings().first_article.into()),
            (None, true) => self.message = Some(self.strings().last_article.into()),
        }
    }

    pub(super) fn first_article_of(&self, page: usize) -> Option<usize> {
        self.articles.iter().position(|at| at.page == page)
    }

    pub(super) fn step_page(&mut self, forward: bool) {
        let Some(at) = self.articles.get(self.current).copied() else {
            return;
        };
        let target = if forward {
            (at.page + 1..self.edition.pages.len()).find_map(|page| self.first_article_of(page))
        } else {
            (0..at.page)
                .rev()
                .find_map(|page| self.first_article_of(page))
        };
        match target {
            Some(index) => self.select(index),
            None if forward => self.message = Some(self.strings().last_page.into()),
            None => self.message = Some(self.strings().first_page.into()),
        }
    }

    // ---- scrolling ----

    /// Scrolls the article; Space at its end turns to the next article, as a reader turning
    /// pages expects.
    pub(super) fn scroll_article(&mut self, action: Action) {
        let total = self.lines().len();
        let at_end = self.scroll + self.article_height() >= total;
        if action == Action::PageDown && at_end {
            self.turn_to_next_article();
            return;
        }
        if let Some(to) = scrolled(self.scroll, action, self.article_height(), total) {
            self.scroll = to;
        }
    }

    /// The next article after the text shown (in merged reading, after its story's part).
    pub(super) fn turn_to_next_article(&mut self) {
        let shown = self.shown_articles();
        match (self.current + 1..self.articles.len()).find(|index| !shown.contains(index)) {
            Some(index) => self.select(index),
            None => self.message = Some(self.strings().last_article.into()),
        }
    }

    /// After a resize: a list that now fits shows from its top, and one taller than the
    /// screen never leaves empty rows below its end.
    pub(super) fn fit_list_to_height(&mut self) {
        let Some(panes) = self.panes() else { return };
        let height = panes.section_rows().height as usize;
        self.list_offset = self.list_offset.min(self.rows.len().saturating_sub(height));
    }

    pub(super) fn keep_selection_visible(&mut self) {
        let (Some(panes), Some(at)) = (self.panes(), self.articles.get(self.current)) else {
            return;
        };
        let height = panes.section_rows().height as usize;
        // Show the page heading and column banner above an article too.
        let mut top = at.row;
        while top > 0 && !matches!(self.rows[top - 1], Row::Article(_)) {
            top -= 1;
        }
        if top < self.list_offset {
            self.list_offset = top;
        }
        if at.row >= self.list_offset + height {
            self.list_offset = at.row + 1 - height;
        }
    }

    pub(super) fn wheel(&mut self, position: Position, lines: i16) {
        let Some(panes) = self.panes() else { return };
        let on_sections = self.focus == Focus::Sections;
        if panes.on_article(position, on_sections) {
            let total = self.lines().len();
            let action = Action::Scroll {
                column: 0,
                row: 0,
                lines,
            };
            if let Some(to) = scrolled(self.scroll, action, self.article_height(), total) {
                self.scroll = to;
            }
        } else if panes.on_sections(position, on_sections) {
            let height = panes.section_rows().height as usize;
            let last = self.rows.len().saturating_sub(height);
            self.list_offset = self
                .list_offset
                .saturating_add_signed(lines.into())
                .min(last);
        }
    }

    pub(super) fn click(&mut self, position: Position) {
        let Some(panes) = self.panes() else { return };
        let on_sections = self.focus == Focus::Sections;
        if panes.on_article(position, on_sections) {
            self.focus = Focus::Article;
            let text = panes.article_text();
            if text.contains(position) {
                let line = self.scroll + usize::from(position.y - text.y);
                if let Some((_, jump)) = self.jump_at_line(line) {
                    self.follow(&jump);
                }
            }
            return;
        }
        let rows = panes.section_rows();
        if !panes.on_sections(position, on_sections) || !rows.contains(position) {
            return;
        }
        self.focus = Focus::Sections;
        let index = match self
            .rows
            .get(self.list_offset + usize::from(position.y - rows.y))
        {
            Some(Row::Page(page)) => self.first_article_of(*page),
            Some(Row::Column(index) | Row::Article(index)) => Some(*index),
            None => None,
        };
        if let Some(index) = index {
            self.select(index);
        }
    }
}
