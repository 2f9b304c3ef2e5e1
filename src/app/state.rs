//! The reader's state and the one function that changes it.

use std::collections::{HashMap, HashSet};

use ratatui::layout::{Position, Rect};

use crate::edition::{Article, Edition, Jump, Page, page_label, story_parts};
use crate::text::{
    AmbiguousWidth, LayoutCache, LayoutOptions, Line, LineKind, MIN_WIDTH, Punctuation, TextPart,
};

use super::Action;
use super::captions::{CaptionGroup, CaptionScope, CaptionView};
use super::keymap::Mode;
use super::memory::{Remembered, SavedPlace};
use super::screen::{Panes, help_rows};
use super::search::{self, Search};
use super::strings::{Lang, Strings};
use super::warnings::{WarningsView, article_warnings};

/// How many places Backspace can go back.
const HISTORY_LIMIT: usize = 100;

/// The most times a count repeats a key: more would only keep the reader busy.
const MAX_COUNT: usize = 999;

/// The pane keys act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    /// The section list.
    Sections,
    /// The article.
    Article,
}

/// A box drawn over the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// The key help, scrolled to `scroll`.
    Help {
        /// The first line shown.
        scroll: usize,
    },
    /// The caption viewer.
    Captions(CaptionView),
    /// The article's and the edition's repairs and warnings.
    Warnings(WarningsView),
}

/// Text being typed on the status line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Prompt {
    /// Digits of a page number.
    PageNumber(String),
    /// A search query.
    Search(String),
    /// After `m`: the letter of the mark to set.
    SetMark,
    /// After `'`: the letter of the mark to go to.
    GoToMark,
}

/// How far through the article the pane is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Progress {
    /// It fits the pane.
    All,
    /// Its first line is at the top of the pane.
    Top,
    /// This much of what lies beyond the pane has been scrolled past, in percent (1 to 99).
    Percent(usize),
    /// Its last line is in the pane.
    End,
}

/// Where a jump leads in the edition loaded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JumpTarget {
    /// To the article at this position in reading order.
    Article(usize),
    /// Nowhere: its page is not in the edition.
    MissingPage,
    /// Nowhere: its page is there, but no part on it continues the story.
    NoMatchingPart,
}

/// A row of the section list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    /// A page's heading: the index into `Edition::pages`.
    Page(usize),
    /// The column banner (栏目) over the article at this position in reading order.
    Column(usize),
    /// The article at this position in reading order.
    Article(usize),
}

/// A place in the text, as the model knows it: an article's position in reading order, a
/// piece of it, and a char offset into that piece. Survives a new layout.
type TextAt = (usize, TextPart, usize);

/// What is at the top of the article pane, as it survives a new layout: the text of the
/// nearest line that shows some, and how far the top is from that line (blank lines
/// between paragraphs and seams show none).
type TopAt = (TextAt, isize);

/// A place in the edition Backspace returns to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Place {
    /// The article's position in reading order.
    article: usize,
    /// The text at the top of the pane: found again after a resize or an `m` toggle
    /// changed the lines.
    top: Option<TopAt>,
    /// The scroll position, for an article that showed no text.
    scroll: usize,
}

/// Where an article sits: its page, its index on the page, its row in the list.
#[derive(Debug, Clone, Copy)]
struct ArticleAt {
    page: usize,
    index: usize,
    row: usize,
}

/// Everything the reader shows, and where the reader is.
#[derive(Debug)]
pub struct App {
    edition: Edition,
    rows: Vec<Row>,
    articles: Vec<ArticleAt>,
    current: usize,
    scroll: usize,
    focus: Focus,
    overlay: Option<Overlay>,
    prompt: Option<Prompt>,
    search: Option<Search>,
    history: Vec<Place>,
    message: Option<String>,
    area: Rect,
    ambiguous: AmbiguousWidth,
    punctuation: Punctuation,
    layouts: LayoutCache,
    /// Whether a story's continued parts are shown with it as one text.
    merged: bool,
    /// The current article's lines (in merged reading, its story's), and the articles,
    /// options and reading mode they were laid out from.
    lines: Vec<Line>,
    shown: Option<(Vec<usize>, LayoutOptions, bool)>,
    list_offset: usize,
    running: bool,
    /// Whether the terminal is to show colour (`NO_COLOR` says not).
    colors: bool,
    /// The language of the interface.
    lang: Lang,
    /// For each article in reading order, which of the edition's warnings are about it.
    warnings_of: Vec<Vec<usize>>,
    /// The last query searched for, kept when Esc clears the highlights.
    last_query: Option<String>,
    /// Places marked with `m` and a letter.
    marks: HashMap<char, Place>,
    /// The articles read (opened in the article pane), by position in reading order.
    read: HashSet<usize>,
}

impl App {
    /// A reader at the first article of `edition`, on a screen of `width` x `height` cells.
    pub fn new(edition: Edition, ambiguous: AmbiguousWidth, width: u16, height: u16) -> Self {
        let mut rows = Vec::new();
        let mut articles = Vec::new();
        for (page_index, page) in edition.pages.iter().enumerate() {
            rows.push(Row::Page(page_index));
            let mut column = None;
            for (index, article) in page.articles.iter().enumerate() {
                if article.column.is_some() && article.column.as_ref() != column {
                    rows.push(Row::Column(articles.len()));
                }
                column = article.column.as_ref();
                articles.push(ArticleAt {
                    page: page_index,
                    index,
                    row: rows.len(),
                });
                rows.push(Row::Article(articles.len() - 1));
            }
        }
        let mut app = Self {
            edition,
            rows,
            articles,
            current: 0,
            scroll: 0,
            focus: Focus::Sections,
            overlay: None,
            prompt: None,
            search: None,
            history: Vec::new(),
            message: None,
            area: Rect::new(0, 0, width, height),
            ambiguous,
            punctuation: Punctuation::default(),
            layouts: LayoutCache::new(),
            merged: false,
            lines: Vec::new(),
            shown: None,
            list_offset: 0,
            running: true,
            colors: true,
            lang: Lang::default(),
            warnings_of: Vec::new(),
            last_query: None,
            marks: HashMap::new(),
            read: HashSet::new(),
        };
        app.warnings_of = article_warnings(&app.edition);
        if app.articles.is_empty() {
            app.message = Some(app.strings().no_articles.into());
        }
        app.refresh();
        app
    }

    /// Carries out `action`.
    pub fn update(&mut self, action: Action) {
        let from_user = !matches!(action, Action::Resize { .. } | Action::SetAmbiguousWidth(_));
        // The screen says it is too small; keys that act on what it cannot show do nothing.
        if from_user && self.panes().is_none() && !matches!(action, Action::Quit | Action::Suspend)
        {
            return;
        }
        if from_user {
            self.message = None;
        }
        // Digits typed before another key are its count, as in less: 5j, 10G.
        let mut count = None;
        let typing_page = matches!(self.prompt, Some(Prompt::PageNumber(_)));
        if typing_page
            && from_user
            && !Self::edits_page_number(action)
            && let Some(Prompt::PageNumber(digits)) = self.prompt.take()
        {
            count = digits.parse::<usize>().ok();
        }
        match action {
            Action::Resize { width, height } => {
                self.area = Rect::new(0, 0, width, height);
                self.relayout_captions();
                self.fit_list_to_height();
                self.keep_selection_visible();
            }
            Action::SetAmbiguousWidth(ambiguous) => {
                self.ambiguous = ambiguous;
                self.relayout_captions();
            }
            Action::Quit => self.running = false,
            // The terminal shell stops the process; the state does not change.
            Action::Suspend => {}
            _ if matches!(self.prompt, Some(Prompt::Search(_))) => self.edit_search(action),
            _ if matches!(self.prompt, Some(Prompt::SetMark | Prompt::GoToMark)) => {
                self.prompt = None;
                match action {
                    Action::SetMark(letter) => self.set_mark(letter),
                    Action::GoToMark(letter) => self.go_to_mark(letter),
                    _ => {}
                }
            }
            _ if self.overlay.is_some() => self.update_overlay(action),
            _ => self.update_counted(action, count),
        }
        self.refresh();
        if self.focus == Focus::Article && self.current < self.articles.len() {
            self.read.insert(self.current);
        }
    }

    /// Carries out a reading `action` typed after a `count`: a movement `count` times, `g`
    /// and `G` to line `count` of the article or article `count` of the list.
    fn update_counted(&mut self, action: Action, count: Option<usize>) {
        let Some(count) = count else {
            return self.update_reading(action);
        };
        match action {
            Action::Top | Action::Bottom => match self.focus {
                Focus::Article => {
                    let last = self.lines.len().saturating_sub(self.article_height());
                    self.scroll = count.saturating_sub(1).min(last);
                }
                Focus::Sections => {
                    let last = self.articles.len().saturating_sub(1);
                    self.select(count.saturating_sub(1).min(last));
                }
            },
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown
            | Action::PreviousArticle
            | Action::NextArticle
            | Action::PreviousPage
            | Action::NextPage
            | Action::NextMatch
            | Action::PreviousMatch => {
                for _ in 0..count.min(MAX_COUNT) {
                    self.update_reading(action);
                    self.refresh();
                }
            }
            _ => self.update_reading(action),
        }
    }

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
    fn place_here(&self) -> Place {
        Place {
            article: self.current,
            top: self.top_text(),
            scroll: self.scroll,
        }
    }

    /// Goes back to `place`, as it was, with the focus on the article.
    fn restore(&mut self, place: Place) {
        self.current = place.article;
        self.refresh();
        self.scroll = (place.top)
            .and_then(|top| self.line_of_top(top))
            .unwrap_or(place.scroll);
        self.keep_selection_visible();
    }

    fn set_mark(&mut self, letter: char) {
        if self.articles.is_empty() {
            return;
        }
        self.marks.insert(letter, self.place_here());
        self.message = Some((self.strings().mark_set)(letter));
    }

    /// Goes to the place marked `letter`, remembering this one for Backspace; `''` goes to
    /// where the last jump started, and `''` again comes back, as in less.
    fn go_to_mark(&mut self, letter: char) {
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

    fn edits_page_number(action: Action) -> bool {
        matches!(
            action,
            Action::Digit(_) | Action::Erase | Action::Confirm | Action::Cancel
        )
    }

    fn edit_search(&mut self, action: Action) {
        let Some(Prompt::Search(query)) = &mut self.prompt else {
            return;
        };
        match action {
            Action::Type(c) => query.push(c),
            Action::Erase if query.is_empty() => self.prompt = None,
            Action::Erase => _ = query.pop(),
            Action::Confirm => {
                let query = std::mem::take(query);
                self.prompt = None;
                self.submit_search(query);
            }
            Action::Cancel => self.prompt = None,
            _ => {}
        }
    }

    fn update_overlay(&mut self, action: Action) {
        let panes = self.panes();
        match (action, &mut self.overlay) {
            (Action::Cancel, _)
            | (Action::ToggleHelp, Some(Overlay::Help { .. }))
            | (Action::ToggleCaptions, Some(Overlay::Captions(_)))
            | (Action::ToggleWarnings, Some(Overlay::Warnings(_))) => self.overlay = None,
            (Action::ToggleWarnings, _) => self.open_warnings(),
            (Action::ToggleHelp, _) => self.overlay = Some(Overlay::Help { scroll: 0 }),
            (Action::ToggleCaptions, _) => self.open_captions(self.own_caption_scope()),
            (Action::ToggleCaptionScope, Some(Overlay::Captions(view))) => {
                let scope = match view.scope {
                    CaptionScope::Article | CaptionScope::Story => CaptionScope::Page,
                    CaptionScope::Page => self.own_caption_scope(),
                };
                self.open_captions(scope);
            }
            (_, Some(Overlay::Help { scroll })) => {
                let (height, width) = panes.map_or((0, 0), |panes| {
                    let text = panes.help_text();
                    (text.height as usize, text.width as usize)
                });
                let total = help_rows(self.lang.strings(), width, self.ambiguous).len();
                if let Some(to) = scrolled(*scroll, action, height, total) {
                    *scroll = to;
                }
            }
            (_, Some(Overlay::Warnings(view))) => {
                let height = panes.map_or(0, |panes| panes.caption_text().height as usize);
                if let Some(to) = scrolled(view.scroll, action, height, view.lines.len()) {
                    view.scroll = to;
                }
            }
            (_, Some(Overlay::Captions(view))) => {
                let height = panes.map_or(0, |panes| panes.caption_text().height as usize);
                if let Some(to) = scrolled(view.scroll, action, height, view.lines.len()) {
                    view.scroll = to;
                }
            }
            (_, None) => {}
        }
    }

    fn update_reading(&mut self, action: Action) {
        match action {
            Action::ToggleHelp => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::ToggleCaptions => self.open_captions(self.own_caption_scope()),
            Action::ToggleWarnings => self.open_warnings(),
            Action::TogglePunctuation => {
                let strings = self.strings();
                let (punctuation, shown) = match self.punctuation {
                    Punctuation::FullWidth => (Punctuation::Source, strings.punctuation_source),
                    Punctuation::Source => (Punctuation::FullWidth, strings.punctuation_full_width),
                };
                self.punctuation = punctuation;
                self.message = Some(shown.into());
            }
            Action::ToggleMerged => self.toggle_merged(),
            Action::Cancel => {
                self.prompt = None;
                self.search = None;
            }
            Action::FocusNext => {
                self.focus = match self.focus {
                    Focus::Sections => Focus::Article,
                    Focus::Article => Focus::Sections,
                }
            }
            Action::FocusSections => self.focus = Focus::Sections,
            Action::FocusArticle => self.focus = Focus::Article,
            Action::Up | Action::Down | Action::Top | Action::Bottom
                if self.focus == Focus::Sections =>
            {
                self.move_selection(action)
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::HalfPageUp
            | Action::HalfPageDown
            | Action::Top
            | Action::Bottom => self.scroll_article(action),
            Action::PreviousArticle => self.step_article(false),
            Action::NextArticle => self.step_article(true),
            Action::PreviousPage => self.step_page(false),
            Action::NextPage => self.step_page(true),
            Action::Digit(digit) => match &mut self.prompt {
                Some(Prompt::PageNumber(digits)) if digits.len() < 4 => {
                    digits.push(char::from(b'0' + digit))
                }
                Some(Prompt::PageNumber(_)) => {}
                _ => self.prompt = Some(Prompt::PageNumber(char::from(b'0' + digit).to_string())),
            },
            Action::Erase => {
                if let Some(Prompt::PageNumber(digits)) = &mut self.prompt {
                    digits.pop();
                    if digits.is_empty() {
                        self.prompt = None;
                    }
                }
            }
            Action::StartSearch => self.prompt = Some(Prompt::Search(String::new())),
            Action::StartSetMark => self.prompt = Some(Prompt::SetMark),
            Action::StartGoToMark => self.prompt = Some(Prompt::GoToMark),
            // Only after m or ' (see `update`).
            Action::SetMark(_) | Action::GoToMark(_) => {}
            Action::Confirm => self.confirm(),
            Action::Back => self.back(),
            Action::NextMatch => self.step_match(true),
            Action::PreviousMatch => self.step_match(false),
            Action::Scroll { column, row, lines } => self.wheel(Position::new(column, row), lines),
            Action::Click { column, row } => self.click(Position::new(column, row)),
            Action::Type(_)
            | Action::ToggleCaptionScope
            | Action::Quit
            | Action::Suspend
            | Action::Resize { .. }
            | Action::SetAmbiguousWidth(_) => {}
        }
    }

    fn confirm(&mut self) {
        if let Some(Prompt::PageNumber(digits)) = self.prompt.take() {
            if let Ok(number) = digits.parse() {
                self.go_to_page(number);
            }
            return;
        }
        match self.focus {
            Focus::Sections => self.focus = Focus::Article,
            Focus::Article => self.follow_jump(),
        }
    }

    // ---- moving between articles ----

    /// Opens the article at `index`, at its start; in merged reading, at the start of its
    /// part of the story.
    fn select(&mut self, index: usize) {
        if index != self.current {
            self.current = index;
            self.refresh();
            self.scroll = self.part_start(index);
        }
        self.keep_selection_visible();
    }

    /// Selects `index` as a jump: the place left is remembered for Backspace.
    fn jump_to(&mut self, index: usize) {
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

    fn move_selection(&mut self, action: Action) {
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

    fn step_article(&mut self, forward: bool) {
        if self.articles.is_empty() {
            return;
        }
        match (forward, self.current) {
            (false, 0) => self.message = Some(self.strings().first_article.into()),
            (false, index) => self.select(index - 1),
            (true, index) if index + 1 == self.articles.len() => {
                self.message = Some(self.strings().last_article.into())
            }
            (true, index) => self.select(index + 1),
        }
    }

    fn first_article_of(&self, page: usize) -> Option<usize> {
        self.articles.iter().position(|at| at.page == page)
    }

    fn step_page(&mut self, forward: bool) {
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

    fn go_to_page(&mut self, number: u32) {
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
    fn follow_jump(&mut self) {
        match self.jump_in_view() {
            Some((_, jump)) => self.follow(&jump),
            None => {
                let has_jump =
                    (self.shown_articles().iter()).any(|&index| self.jump_lines_of(index));
                self.message = Some(match has_jump {
                    true => self.strings().jump_out_of_view.into(),
                    false => self.strings().no_jump.into(),
                });
            }
        }
    }

    /// Whether the lines shown hold a jump line of the article at `index`.
    fn jump_lines_of(&self, index: usize) -> bool {
        (0..self.lines.len()).any(|line| {
            self.jump_at_line(line)
                .is_some_and(|(owner, _)| owner == index)
        })
    }

    /// Follows `jump`, or says in one line why it leads nowhere.
    fn follow(&mut self, jump: &Jump) {
        let label = page_label(jump.page);
        match self.jump_target(jump) {
            JumpTarget::Article(index) => self.jump_to(index),
            JumpTarget::MissingPage => self.message = Some((self.strings().page_missing)(&label)),
            JumpTarget::NoMatchingPart => {
                self.message = Some((self.strings().no_matching_part)(&label))
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

    fn back(&mut self) {
        match self.history.pop() {
            Some(place) => self.restore(place),
            None => self.message = Some(self.strings().nothing_to_go_back_to.into()),
        }
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        (0..self.articles.len()).find(|&index| self.article(index).id == id)
    }

    // ---- scrolling ----

    /// Scrolls the article; Space at its end turns to the next article, as a reader turning
    /// pages expects.
    fn scroll_article(&mut self, action: Action) {
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
    fn turn_to_next_article(&mut self) {
        let shown = self.shown_articles();
        match (self.current + 1..self.articles.len()).find(|index| !shown.contains(index)) {
            Some(index) => self.select(index),
            None => self.message = Some(self.strings().last_article.into()),
        }
    }

    /// After a resize: a list that now fits shows from its top, and one taller than the
    /// screen never leaves empty rows below its end.
    fn fit_list_to_height(&mut self) {
        let Some(panes) = self.panes() else { return };
        let height = panes.section_rows().height as usize;
        self.list_offset = self.list_offset.min(self.rows.len().saturating_sub(height));
    }

    fn keep_selection_visible(&mut self) {
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

    fn wheel(&mut self, position: Position, lines: i16) {
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

    fn click(&mut self, position: Position) {
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

    // ---- search ----

    fn submit_search(&mut self, query: String) {
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
        self.search = Some(Search {
            query,
            matches,
            current: 0,
        });
        self.show_match(ahead.unwrap_or(0), ahead.is_none());
    }

    /// Puts `matches` in reading order, looking each article's place up once: a story's
    /// parts are found by following its jumps.
    fn sort_in_reading_order(&self, matches: &mut [search::Match]) {
        let mut ranks = HashMap::new();
        matches.sort_by_cached_key(|found| {
            *(ranks.entry(found.article)).or_insert_with(|| self.reading_rank(found.article))
        });
    }

    /// Where the article at `index` comes in reading order: its story's place, by the story's
    /// first part, and its place in the story. Outside merged reading every article is a story.
    fn reading_rank(&self, index: usize) -> (usize, usize) {
        let story = self.story_of(index);
        let part = story.iter().position(|&part| part == index).unwrap_or(0);
        (story.first().copied().unwrap_or(index), part)
    }

    fn step_match(&mut self, forward: bool) {
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
            ((search.current + 1) % count, search.current + 1 == count)
        } else {
            ((search.current + count - 1) % count, search.current == 0)
        };
        self.show_match(next, wrapped);
    }

    fn show_match(&mut self, index: usize, wrapped: bool) {
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

    // ---- captions ----

    fn open_captions(&mut self, scope: CaptionScope) {
        self.overlay = Some(Overlay::Captions(self.caption_view(scope)));
    }

    /// The captions `c` shows: the article's, or in merged reading its whole story's.
    fn own_caption_scope(&self) -> CaptionScope {
        match self.story_of(self.current).len() {
            0 | 1 => CaptionScope::Article,
            _ => CaptionScope::Story,
        }
    }

    fn caption_view(&self, scope: CaptionScope) -> CaptionView {
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

    fn open_warnings(&mut self) {
        self.overlay = Some(Overlay::Warnings(self.warnings_view()));
    }

    fn warnings_view(&self) -> WarningsView {
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

    fn relayout_captions(&mut self) {
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

    // ---- layout ----

    // ---- merged reading ----

    fn toggle_merged(&mut self) {
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
    fn story_of(&self, index: usize) -> Vec<usize> {
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
    fn part_start(&self, index: usize) -> usize {
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
    fn top_text(&self) -> Option<TopAt> {
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
    fn line_of_top(&self, (text, offset): TopAt) -> Option<usize> {
        Some(self.line_of_text(text)?.saturating_add_signed(offset))
    }

    /// The last line shown that starts at or before `text`.
    fn line_of_text(&self, (article, part, start): TextAt) -> Option<usize> {
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
    fn refresh(&mut self) {
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
            self.shown = Some((story, options, self.merged));
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
    fn shows_current(&self, options: &LayoutOptions) -> bool {
        self.shown
            .as_ref()
            .is_some_and(|(story, shown_options, merged)| {
                shown_options == options
                    && *merged == self.merged
                    && if self.merged {
                        story.contains(&self.current)
                    } else {
                        story[..] == [self.current]
                    }
            })
    }

    fn layout_options(&self, width: usize) -> LayoutOptions {
        LayoutOptions {
            width,
            ambiguous: self.ambiguous,
            punctuation: self.punctuation,
        }
    }

    // ---- what the UI reads ----

    /// The edition being read.
    pub fn edition(&self) -> &Edition {
        &self.edition
    }

    /// The rows of the section list.
    pub fn rows(&self) -> &[Row] {
        &self.rows
    }

    /// The first section-list row shown.
    pub fn list_offset(&self) -> usize {
        self.list_offset
    }

    /// The article at `index` in reading order. Panics when out of range.
    pub fn article(&self, index: usize) -> &Article {
        let at = self.articles[index];
        &self.edition.pages[at.page].articles[at.index]
    }

    /// How many articles the edition has.
    pub fn article_count(&self) -> usize {
        self.articles.len()
    }

    /// The position of the current article in reading order; `None` for an empty edition.
    pub fn current(&self) -> Option<usize> {
        (self.current < self.articles.len()).then_some(self.current)
    }

    /// The article being read.
    pub fn current_article(&self) -> Option<&Article> {
        self.current().map(|index| self.article(index))
    }

    /// The page of the article being read.
    pub fn current_page(&self) -> Option<&Page> {
        let at = self.articles.get(self.current)?;
        self.edition.pages.get(at.page)
    }

    /// The article whose text is at the top of the pane: in merged reading, the part being
    /// read, which need not be the one selected; else the current article.
    pub fn article_in_view(&self) -> Option<usize> {
        let current = self.current()?;
        let top = self.top_text().map(|((article, ..), _)| article);
        Some(
            top.filter(|at| self.shown_articles().contains(at))
                .unwrap_or(current),
        )
    }

    /// The page of [`App::article_in_view`].
    pub fn page_in_view(&self) -> Option<&Page> {
        let at = self.articles.get(self.article_in_view()?)?;
        self.edition.pages.get(at.page)
    }

    /// The current article's laid-out lines; in merged reading, its story's.
    pub fn lines(&self) -> &[Line] {
        &self.lines
    }

    /// The articles [`App::lines`] were laid out from, by position in reading order: the
    /// current article, or in merged reading every part of its story. A line's
    /// [`crate::text::SourceRef::story_part`] indexes this.
    pub fn shown_articles(&self) -> &[usize] {
        self.shown.as_ref().map_or(&[], |(shown, _, _)| shown)
    }

    /// Whether continued stories are read as one text.
    pub fn merged(&self) -> bool {
        self.merged
    }

    /// The first line of the article shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// How far the reader is through the article: at its top, at its end, or how much of
    /// what there is to scroll lies above the pane, in percent.
    pub fn progress(&self) -> Progress {
        let total = self.lines().len();
        let height = self.article_height();
        match total.checked_sub(height) {
            None | Some(0) => Progress::All,
            Some(_) if self.scroll == 0 => Progress::Top,
            Some(last) if self.scroll >= last => Progress::End,
            Some(last) => Progress::Percent((self.scroll * 100 / last).clamp(1, 99)),
        }
    }

    fn article_height(&self) -> usize {
        self.panes()
            .map_or(0, |panes| panes.article_text().height as usize)
    }

    /// The pane keys act on.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The box open over the panes.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// Text being typed on the status line.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.prompt.as_ref()
    }

    /// The last search, whose matches are highlighted.
    pub fn search(&self) -> Option<&Search> {
        self.search.as_ref()
    }

    /// A message for the status line.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// How many places Backspace can go back to.
    pub fn history_depth(&self) -> usize {
        self.history.len()
    }

    /// How wide the terminal draws ambiguous characters.
    pub fn ambiguous(&self) -> AmbiguousWidth {
        self.ambiguous
    }

    /// How half-width punctuation is shown.
    pub fn punctuation(&self) -> Punctuation {
        self.punctuation
    }

    /// Whether to draw in colour; without it the reader tells things apart by attributes.
    pub fn colors(&self) -> bool {
        self.colors
    }

    /// Shows half-width punctuation as `punctuation` says, as if `s` had been pressed.
    pub fn set_punctuation(&mut self, punctuation: Punctuation) {
        self.punctuation = punctuation;
        self.refresh();
    }

    /// Draws in colour or without (`NO_COLOR`).
    pub fn set_colors(&mut self, colors: bool) {
        self.colors = colors;
    }

    /// The language of the interface.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The interface's strings, in its language.
    pub fn strings(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// Speaks `lang` from now on; a message shown stays in the language it came in until
    /// the next key, except the one for an edition without articles.
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
        if self.articles.is_empty() {
            self.message = Some(self.strings().no_articles.into());
        }
    }

    /// False once the reader should quit.
    pub fn is_running(&self) -> bool {
        self.running
    }

    /// What keys mean right now.
    pub fn mode(&self) -> Mode {
        match (&self.prompt, &self.overlay) {
            (Some(Prompt::Search(_)), _) => Mode::Search,
            (_, Some(_)) => Mode::Overlay,
            (Some(Prompt::PageNumber(_)), _) => Mode::PageNumber,
            (Some(Prompt::SetMark), _) => Mode::SetMark,
            (Some(Prompt::GoToMark), _) => Mode::GoToMark,
            (None, None) => Mode::Normal,
        }
    }

    /// The screen the reader draws on.
    pub fn area(&self) -> Rect {
        self.area
    }

    /// Where the panes sit on the screen; `None` when the screen is too small.
    pub fn panes(&self) -> Option<Panes> {
        Panes::new(self.area)
    }
}

/// The scroll position a movement `action` leads to, in a view of `height` lines over
/// `total` lines; `None` for actions that do not scroll.
fn scrolled(scroll: usize, action: Action, height: usize, total: usize) -> Option<usize> {
    let last = total.saturating_sub(height);
    let page = height.max(1);
    let half = (height / 2).max(1);
    let to = match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll + 1,
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll + page,
        Action::HalfPageUp => scroll.saturating_sub(half),
        Action::HalfPageDown => scroll + half,
        Action::Top => 0,
        Action::Bottom => last,
        Action::Scroll { lines, .. } => scroll.saturating_add_signed(lines.into()),
        _ => return None,
    };
    Some(to.min(last))
}

#[cfg(test)]
mod tests;
