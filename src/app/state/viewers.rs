//! The caption and warnings viewers.

use super::{
    App, CaptionGroup, CaptionScope, CaptionView, LayoutOptions, MIN_WIDTH, Overlay, Punctuation,
    WarningsView,
};

impl App {
    // ---- captions ----

    pub(super) fn open_captions(&mut self, scope: CaptionScope) {
        self.overlay = Some(Overlay::Captions(self.caption_view(scope)));
    }

    /// The captions `c` shows: the article's, or in merged reading its whole story's.
    pub(super) fn own_caption_scope(&self) -> CaptionScope {
        match self.story_of(self.current).len() {
            0 | 1 => CaptionScope::Article,
            _ => CaptionScope::Story,
        }
    }

    pub(super) fn caption_view(&self, scope: CaptionScope) -> CaptionView {
        let width = self
            .panes()
            .map_or(MIN_WIDTH, |panes| panes.caption_text().width as usize);
        let options = self.layout_options(width);
        let group = |heading, article| CaptionGroup { heading, article };
        let groups: Vec<CaptionGroup> = match scope {
            CaptionScope::Page => (self.current_page().into_iter())
                .flat_map(|page| &page.articles)
                .map(|article| group(Some(article.title.clone()), article))
                .collect(),
            // Which part of the story, and on which page: captions sit beside their part.
            CaptionScope::Story => {
                let story = self.story_of(self.current);
                (story.iter().enumerate())
                    .map(|(part, &index)| {
                        let page = &self.edition.pages[self.articles[index].page];
                        let heading =
                            (self.strings().story_part)(part + 1, story.len(), &page.label);
                        group(Some(heading), self.article(index))
                    })
                    .collect()
            }
            CaptionScope::Article => (self.current_article().into_iter())
                .map(|article| group(None, article))
                .collect(),
        };
        CaptionView::new(scope, &groups, &options, self.strings())
    }

    // ---- repairs and warnings ----

    pub(super) fn open_warnings(&mut self) {
        self.overlay = Some(Overlay::Warnings(self.warnings_view()));
    }

    pub(super) fn warnings_view(&self) -> WarningsView {
        let width = (self.panes())
            .map_or(MIN_WIDTH, |panes| panes.warning_wrap_width())
            .max(MIN_WIDTH);
        let strings = self.strings();
        let all: Vec<&str> = self.edition.warnings.iter().map(String::as_str).collect();
        let own: Vec<&str> = (self.story_of(self.current).iter())
            .filter_map(|&index| self.warnings_of.get(index))
            .flatten()
            .map(|&at| all[at])
            .collect();
        let headings = [
            strings.warnings_of_article.to_string(),
            (strings.warnings_of_edition)(all.len()),
        ];
        // The parser's words, in English punctuation: shown as written.
        let options = LayoutOptions {
            punctuation: Punctuation::Source,
            ..self.layout_options(width)
        };
        WarningsView::new([&own, &all], headings, strings.no_warnings, &options)
    }

    /// How many of the edition's warnings are about the article at `index`.
    pub fn warning_count(&self, index: usize) -> usize {
        self.warnings_of.get(index).map_or(0, Vec::len)
    }

    pub(super) fn relayout_captions(&mut self) {
        if let Some(Overlay::Warnings(view)) = &self.overlay {
            let scroll = view.scroll;
            let mut view = self.warnings_view();
            view.scroll = scroll.min(view.lines.len().saturating_sub(1));
            self.overlay = Some(Overlay::Warnings(view));
        }
        if let Some(Overlay::Captions(view)) = &self.overlay {
            let scroll = view.scroll;
            let mut view = self.caption_view(view.scope);
            view.scroll = scroll.min(view.lines.len().saturating_sub(1));
            self.overlay = Some(Overlay::Captions(view));
        }
    }
}
