//! Going to pages and following 下转 / 上接 jumps.

use super::{App, Jump, JumpTarget, LineKind, page_label};

impl App {
    pub(super) fn go_to_page(&mut self, number: u32) {
        let label = page_label(number);
        match self
            .edition
            .pages
            .iter()
            .position(|page| page.number == number)
        {
            None => self.message = Some((self.strings().page_missing)(&label)),
            Some(page) => match self.first_article_of(page) {
                None => self.message = Some((self.strings().page_empty)(&label)),
                Some(index) => self.jump_to(index),
            },
        }
    }

    /// Enter in the article: follows the jump whose line is in view, so that a reader never
    /// leaves a part they have not seen; a jump out of view is only pointed to.
    pub(super) fn follow_jump(&mut self) {
        if let Some((_, jump)) = self.jump_in_view() {
            self.follow(&jump);
        } else {
            let has_jump = (self.shown_articles().iter()).any(|&index| self.jump_lines_of(index));
            self.message = Some(match has_jump {
                true => self.strings().jump_out_of_view.into(),
                false => self.strings().no_jump.into(),
            });
        }
    }

    /// Whether the lines shown hold a jump line of the article at `index`.
    pub(super) fn jump_lines_of(&self, index: usize) -> bool {
        (0..self.lines.len()).any(|line| {
            self.jump_at_line(line)
                .is_some_and(|(owner, _)| owner == index)
        })
    }

    /// Follows `jump`, or says in one line why it leads nowhere.
    pub(super) fn follow(&mut self, jump: &Jump) {
        let label = page_label(jump.page);
        match self.jump_target(jump) {
            JumpTarget::Article(index) => self.jump_to(index),
            JumpTarget::MissingPage => self.message = Some((self.strings().page_missing)(&label)),
            JumpTarget::NoMatchingPart => {
                self.message = Some((self.strings().no_matching_part)(&label));
            }
        }
    }

    /// Where `jump` leads in this edition.
    pub fn jump_target(&self, jump: &Jump) -> JumpTarget {
        match jump.article.as_deref().and_then(|id| self.index_of(id)) {
            Some(index) => JumpTarget::Article(index),
            None if self.edition.page(jump.page).is_none() => JumpTarget::MissingPage,
            None => JumpTarget::NoMatchingPart,
        }
    }

    /// The jump a jump line of [`App::lines`] shows, and the article it belongs to: a
    /// "上接" line is the first part's, a "下转" line the last part's, a seam the part's
    /// before it.
    pub fn jump_at_line(&self, line: usize) -> Option<(usize, Jump)> {
        let shown = self.shown_articles();
        let (owner, jump) = match self.lines.get(line)?.kind {
            LineKind::JumpFrom => {
                let owner = *shown.first()?;
                (owner, self.article(owner).jump_from.as_ref()?)
            }
            LineKind::JumpTo => {
                let owner = *shown.last()?;
                (owner, self.article(owner).jump_to.as_ref()?)
            }
            // In merged reading a seam stands where the part before it said "下转".
            LineKind::Seam => {
                let seams_so_far = (0..=line)
                    .filter(|&at| {
                        self.lines[at].kind == LineKind::Seam
                            && (at == 0 || self.lines[at - 1].kind != LineKind::Seam)
                    })
                    .count();
                let owner = *shown.get(seams_so_far.checked_sub(1)?)?;
                (owner, self.article(owner).jump_to.as_ref()?)
            }
            _ => return None,
        };
        Some((owner, jump.clone()))
    }

    /// The jump line in the pane, if any, and its jump: the "下转" one when both show, as
    /// it reads on.
    pub fn jump_in_view(&self) -> Option<(usize, Jump)> {
        let end = (self.scroll + self.article_height()).min(self.lines.len());
        let in_view = |kind: LineKind| {
            (self.scroll..end)
                .filter(|&line| self.lines[line].kind == kind)
                .find_map(|line| Some((line, self.jump_at_line(line)?.1)))
        };
        (in_view(LineKind::JumpTo).or_else(|| in_view(LineKind::Seam)))
            .or_else(|| in_view(LineKind::JumpFrom))
    }

    pub(super) fn back(&mut self) {
        match self.history.pop() {
            Some(place) => self.restore(place),
            None => self.message = Some(self.strings().nothing_to_go_back_to.into()),
        }
    }

    pub(super) fn index_of(&self, id: &str) -> Option<usize> {
        (0..self.articles.len()).find(|&index| self.article(index).id == id)
    }
}
