//! Marks, the way back, and what is kept of an edition between runs.

use super::{App, Focus, HISTORY_LIMIT, Place, Remembered, SavedPlace};

impl App {
    // ---- kept between runs ----

    /// What to remember of this edition: the article read, the place in it, the articles read.
    pub fn remembered(&self) -> Remembered {
        let current = self.current();
        let place = self
            .top_text()
            .and_then(|((article, part, offset), shift)| {
                (Some(article) == current).then(|| SavedPlace::new(part, offset, shift))
            });
        Remembered {
            article: current.map(|index| self.article(index).id.clone()),
            place,
            read: (self.read.iter())
                .map(|&index| self.article(index).id.clone())
                .collect(),
        }
    }

    /// Takes up reading where `remembered` left off: its article open at its place, and the
    /// articles it read marked read. Ids the edition no longer has are passed over.
    pub fn resume(&mut self, remembered: &Remembered) {
        self.read = (remembered.read.iter())
            .filter_map(|id| self.index_of(id))
            .collect();
        let Some(index) = remembered
            .article
            .as_deref()
            .and_then(|id| self.index_of(id))
        else {
            return;
        };
        self.select(index);
        if let Some(place) = remembered.place {
            self.focus = Focus::Article;
            self.refresh();
            let text = (index, place.text_part(), place.offset);
            if let Some(line) = self.line_of_top((text, place.shift)) {
                self.scroll = line;
            }
            self.refresh();
        }
        self.message = Some((self.strings().resumed)(&self.article(index).title));
    }

    /// Whether the article at `index` was read, in this run or an earlier one.
    pub fn is_read(&self, index: usize) -> bool {
        self.read.contains(&index)
    }

    /// Shows `warning` on the status line until the next key.
    pub fn warn(&mut self, warning: String) {
        self.message = Some(warning);
    }

    // ---- marks ----

    /// The place being read, to come back to.
    pub(super) fn place_here(&self) -> Place {
        Place {
            article: self.current,
            top: self.top_text(),
            scroll: self.scroll,
        }
    }

    /// Goes back to `place`, as it was, with the focus on the article.
    pub(super) fn restore(&mut self, place: Place) {
        self.current = place.article;
        self.refresh();
        self.scroll = (place.top)
            .and_then(|top| self.line_of_top(top))
            .unwrap_or(place.scroll);
        self.keep_selection_visible();
    }

    pub(super) fn set_mark(&mut self, letter: char) {
        if self.articles.is_empty() {
            return;
        }
        self.marks.insert(letter, self.place_here());
        self.message = Some((self.strings().mark_set)(letter));
    }

    /// Goes to the place marked `letter`, remembering this one for Backspace; `''` goes to
    /// where the last jump started, and `''` again comes back, as in less.
    pub(super) fn go_to_mark(&mut self, letter: char) {
        if letter == '\'' {
            let Some(place) = self.history.pop() else {
                self.message = Some(self.strings().nothing_to_go_back_to.into());
                return;
            };
            let here = self.place_here();
            self.restore(place);
            self.history.push(here);
            return;
        }
        let Some(&place) = self.marks.get(&letter) else {
            self.message = Some((self.strings().no_mark)(letter));
            return;
        };
        if self.history.len() == HISTORY_LIMIT {
            self.history.remove(0);
        }
        self.history.push(self.place_here());
        self.restore(place);
    }
}
