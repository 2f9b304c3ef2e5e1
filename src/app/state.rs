//! The reader's state and the one function that changes it.
//!
//! This file holds the state, `update` and what the UI reads; the rest is split along its
//! seams: [`layout`] (the article view: the shown lines, their cache, places in them),
//! [`moving`] (articles, pages, scrolling, the mouse), [`jumps`] (pages and 下转 / 上接),
//! [`finding`] (search), [`viewers`] (captions and warnings) and [`places`] (marks, the
//! way back, what is kept between runs).

use std::collections::{HashMap, HashSet};

use ratatui::layout::{Position, Rect};
use ratatui::style::Color;

use crate::edition::{Article, Edition, Jump, Page, page_label, story_parts};
use crate::text::{
    AmbiguousWidth, LayoutCache, LayoutOptions, Line, LineKind, MIN_WIDTH, Punctuation, TextPart,
};

use super::Action;
use super::captions::{CaptionGroup, CaptionScope, CaptionView};
use super::config::ColorRole;
use super::keymap::Key;
use super::keymap::Mode;
use super::memory::{Remembered, SavedPlace};
use super::screen::{Panes, help_rows_with};
use super::search::{self, Search};
use super::strings::{Lang, Strings, Wrapped};
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

/// What the lines in the article pane were laid out from, to tell when they must be laid
/// out again.
#[derive(Debug)]
struct ShownLines {
    /// The articles, by position in reading order: the current one, or in merged reading
    /// every part of its story.
    articles: Vec<usize>,
    /// The layout options.
    options: LayoutOptions,
    /// Whether merged reading was on.
    merged: bool,
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
    /// The current article's lines (in merged reading, its story's).
    lines: Vec<Line>,
    /// What [`App::lines`] were laid out from; `None` before the first layout.
    shown: Option<ShownLines>,
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
    /// Keys a config file binds, over the built-in ones while reading.
    extra_keys: Vec<(Key, Action)>,
    /// Whether the edition is one of an archive's, whose keys the help then lists.
    archive: bool,
    /// Whether Backspace, once this edition's jumps are undone, goes back to another
    /// edition of the archive (one left for a match in this one).
    back_to_another_edition: bool,
    /// Colours a config file chooses, over the theme's.
    palette: Vec<(ColorRole, Color)>,
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
            extra_keys: Vec::new(),
            archive: false,
            back_to_another_edition: false,
            palette: Vec::new(),
        };
        app.warnings_of = article_warnings(&app.edition);
        if app.articles.is_empty() {
            app.message = Some(app.strings().no_articles.into());
        }
        app.refresh();
        app
    }

    /// Shows `edition` in place of the one read (another edition of an archive), at its
    /// first article, keeping the screen and the reader's settings: ambiguous width,
    /// punctuation, merged reading, the focused pane, the language, colour or none, and
    /// the config file's keys and colours.
    pub fn replace_edition(&mut self, edition: Edition) {
        let mut next = App::new(edition, self.ambiguous, self.area.width, self.area.height);
        next.punctuation = self.punctuation;
        next.focus = self.focus;
        next.colors = self.colors;
        next.archive = self.archive;
        next.set_lang(self.lang);
        next.extra_keys = std::mem::take(&mut self.extra_keys);
        next.palette = std::mem::take(&mut self.palette);
        if self.merged {
            next.update(Action::ToggleMerged);
            next.message = None;
        }
        *self = next;
    }

    /// Searches this edition for `query` and shows the match at char `start` of `part` of
    /// the article at `article` (reading order), or the first match when that one is not
    /// there: how a search across editions opens an article at its match. False when the
    /// edition holds no match.
    pub fn show_search_match(
        &mut self,
        query: &str,
        article: usize,
        part: TextPart,
        start: usize,
    ) -> bool {
        let articles = (0..self.articles.len()).map(|index| self.article(index));
        let mut matches = search::find(articles, query);
        if matches.is_empty() {
            self.search = None;
            return false;
        }
        if self.merged {
            self.sort_in_reading_order(&mut matches);
        }
        let at = (matches.iter())
            .position(|found| (found.article, found.part, found.start) == (article, part, start))
            .unwrap_or(0);
        self.search = Some(Search::new(query.to_owned(), matches));
        self.show_match(at, Wrapped::No);
        true
    }

    /// Forgets every place Backspace would go back to.
    pub fn forget_history(&mut self) {
        self.history.clear();
    }

    /// Shows `message` on the status line until the next key.
    pub fn set_message(&mut self, message: impl Into<String>) {
        self.message = Some(message.into());
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
                self.keep_help_scroll_in_range();
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
                let strings = self.lang.strings();
                let total = help_rows_with(
                    strings,
                    width,
                    self.ambiguous,
                    (self.archive, &self.extra_keys),
                )
                .len();
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
                self.move_selection(action);
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
                    digits.push(char::from(b'0' + digit));
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
        self.shown.as_ref().map_or(&[], |shown| &shown.articles)
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

    /// Binds `keys` over the built-in ones while reading, as a config file asks.
    pub fn set_extra_keys(&mut self, keys: Vec<(Key, Action)>) {
        self.extra_keys = keys;
    }

    /// Colours parts of the screen as a config file asks, over the theme's.
    pub fn set_palette(&mut self, palette: Vec<(ColorRole, Color)>) {
        self.palette = palette;
    }

    /// The colours a config file chooses.
    pub fn palette(&self) -> &[(ColorRole, Color)] {
        &self.palette
    }

    /// Says the edition is one of an archive's (the help lists the archive keys).
    pub fn set_archive(&mut self, archive: bool) {
        self.archive = archive;
    }

    /// Whether the edition is one of an archive's.
    pub fn in_archive(&self) -> bool {
        self.archive
    }

    /// Says whether Backspace can go back to another edition of the archive when this one
    /// has no jump to undo; the status line's hints then offer it.
    pub fn set_back_to_another_edition(&mut self, can: bool) {
        self.back_to_another_edition = can;
    }

    /// Places Backspace goes back to: this edition's jumps, and one more when it then goes
    /// back to another edition.
    pub fn places_to_go_back(&self) -> usize {
        self.history.len() + usize::from(self.back_to_another_edition)
    }

    /// The keys a config file binds.
    pub fn extra_keys(&self) -> &[(Key, Action)] {
        &self.extra_keys
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

    /// A wider help wraps into fewer rows: its scroll stays on one of them.
    fn keep_help_scroll_in_range(&mut self) {
        let width = Panes::new(self.area).map_or(0, |panes| panes.help_text().width as usize);
        let total = help_rows_with(
            self.lang.strings(),
            width,
            self.ambiguous,
            (self.archive, &self.extra_keys),
        )
        .len();
        if let Some(Overlay::Help { scroll }) = &mut self.overlay {
            *scroll = (*scroll).min(total.saturating_sub(1));
        }
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

mod finding;
mod jumps;
mod layout;
mod moving;
mod places;
mod viewers;

#[cfg(test)]
mod tests;
