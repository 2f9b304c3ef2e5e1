//! Reading an archive: which edition is open, moving to the previous and next edition, and
//! the edition picker. State beside [`App`]: the reader's state changes only through
//! [`App::replace_edition`], [`App::resume`] and [`App::set_message`].
//!
//! Given the XDG state directory ([`ArchiveState::start`]), moving to another edition
//! keeps the place in the one left and takes up the one opened where it was left
//! ([`super::memory`]); [`ArchiveState::save_open_edition`] records which edition was open,
//! for the next run to open it ([`start_edition`]).
//!
//! Summaries (page and article counts) for the picker are read on a background thread,
//! nearest the selected edition first; [`ArchiveState::poll`] takes in what it found.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, OnceLock};

use crate::archive::{Archive, Summary, summarize};
use crate::edition::{Edition, LoadError};

use super::keymap::{Key, Mode};
use super::memory;
use super::{Action, App};

pub mod index;
mod search;

pub use index::ArchiveIndex;
pub use search::{ArchiveSearch, Hit, MAX_HITS, scan_edition, scan_threads};

/// The archive keys, in one place: previous and next edition, the picker.
pub const PREVIOUS_EDITION_KEY: char = '(';
/// See [`PREVIOUS_EDITION_KEY`].
pub const NEXT_EDITION_KEY: char = ')';
/// See [`PREVIOUS_EDITION_KEY`].
pub const PICKER_KEY: char = 'e';
/// See [`PREVIOUS_EDITION_KEY`]: search every edition (as `&` shows matching lines in less).
pub const ARCHIVE_SEARCH_KEY: char = '&';

/// The archive keys as the help names them, a row each; what each row does is
/// [`crate::app::strings::Strings::archive_key_help`], row for row.
pub const ARCHIVE_KEY_HELP: &[&str] = &["( )", "e", "&", "n N", "Bksp"];

/// What a key asks of the archive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArchiveAction {
    /// Open the edition before the open one (skipping broken ones).
    PreviousEdition,
    /// Open the edition after the open one (skipping broken ones).
    NextEdition,
    /// Open the edition picker at the open edition.
    OpenPicker,
    /// In the picker: select `n` editions up (negative) or down.
    Move(isize),
    /// In the picker: select the first edition.
    First,
    /// In the picker: select the last edition.
    Last,
    /// In the picker: a character of a date typed to jump to.
    Type(char),
    /// In the picker: erase the last typed character.
    Erase,
    /// In the picker: open the selected edition.
    Open,
    /// Close the picker (first clearing a typed date).
    Close,
    /// Backspace: back before the last jump in the open edition, else to the edition left
    /// for a match in this one.
    Back,
    /// Start typing a search of every edition.
    StartSearch,
    /// A character of the search being typed.
    SearchType(char),
    /// Erase the search's last character; with none left, stop typing.
    SearchErase,
    /// Run the search typed; an empty one shows the last results again.
    SearchSubmit,
    /// Stop typing the search.
    SearchCancel,
    /// In the results list: select `n` results down (negative: up).
    ResultsMove(isize),
    /// In the results list: the first result.
    ResultsFirst,
    /// In the results list: the last result found so far.
    ResultsLast,
    /// In the results list: open the selected result at its match.
    ResultsOpen,
    /// Close the results list (the search goes on).
    ResultsClose,
    /// Open the next match of the search across editions.
    NextHit,
    /// Open the previous match of the search across editions.
    PreviousHit,
}

/// A row of the picker: a month's heading ("2019-10"), or the edition at an index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PickerRow {
    /// The heading of a month: "YYYY-MM".
    Month(String),
    /// The edition at this index of the archive.
    Edition(usize),
}

/// The edition picker: editions by month, one selected.
#[derive(Debug)]
pub struct Picker {
    rows: Vec<PickerRow>,
    /// The selected edition's index in the archive.
    selected: usize,
    /// Each edition's row.
    row_of: Vec<usize>,
    typed: String,
    /// Tells the summary thread to stop.
    stop: Arc<AtomicBool>,
    summaries: Option<Receiver<(usize, Summary)>>,
}

impl Picker {
    /// The rows, month headings among editions.
    pub fn rows(&self) -> &[PickerRow] {
        &self.rows
    }

    /// The selected edition's index in the archive.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The row of the selected edition.
    pub fn selected_row(&self) -> usize {
        self.row_of[self.selected]
    }

    /// The date typed so far.
    pub fn typed(&self) -> &str {
        &self.typed
    }
}

impl Drop for Picker {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// An open archive: the edition read in the [`App`], and the picker.
#[derive(Debug)]
pub struct ArchiveState {
    archive: Archive,
    current: usize,
    picker: Option<Picker>,
    /// The search being typed.
    prompt: Option<String>,
    search: Option<ArchiveSearch>,
    /// The XDG state directory, where editions' places and the open edition are kept.
    state_dir: Option<PathBuf>,
    /// Why the edition last open could not be known, to tell at the start.
    start_note: Option<String>,
    /// The editions left for a match in another, with the place read in each, the latest
    /// last: Backspace goes back to them once the open edition's own jumps are undone.
    left_for_a_match: Vec<(usize, memory::Remembered)>,
    /// The archive's index, looked for when a search is first typed (see [`index`]).
    index: OnceLock<Option<ArchiveIndex>>,
}

/// How many editions left for a match Backspace can go back to.
const LEFT_FOR_A_MATCH_LIMIT: usize = 100;

impl ArchiveState {
    /// The archive with the edition at `current` open.
    pub fn new(archive: Archive, current: usize) -> Self {
        Self {
            archive,
            current,
            picker: None,
            prompt: None,
            search: None,
            state_dir: None,
            start_note: None,
            left_for_a_match: Vec::new(),
            index: OnceLock::new(),
        }
    }

    /// The archive with the edition at `current` open, and `note`, when there is one, on
    /// why it is not the edition last open: the error of [`start_edition`].
    pub fn noting(archive: Archive, current: usize, note: Option<String>) -> Self {
        Self {
            start_note: note,
            ..Self::new(archive, current)
        }
    }

    /// The edition the reader opens, from what loading the one at `current` gave: as
    /// [`Archive::opened_or_newest`], the edition it opens being the one open.
    pub fn opened(
        &mut self,
        loaded: Result<Edition, LoadError>,
        fall_back: bool,
    ) -> Result<Edition, String> {
        let (index, edition) = (self.archive).opened_or_newest(self.current, loaded, fall_back)?;
        self.current = index;
        Ok(edition)
    }

    /// Starts reading in `app`: from now on editions' places are kept under `state_dir` (the
    /// XDG state directory; `None` keeps nothing), and the note given to
    /// [`ArchiveState::noting`] is shown on the status line.
    pub fn start(&mut self, app: &mut App, state_dir: Option<PathBuf>) {
        self.state_dir = state_dir;
        if let Some(error) = self.start_note.take() {
            app.warn((app.strings().archive.remembered_unreadable)(&error));
        }
    }

    /// Records under the state directory which edition is open, for the next run on this
    /// archive to open it. Nothing without a state directory.
    pub fn save_open_edition(&self) -> Result<(), String> {
        let Some(dir) = &self.state_dir else {
            return Ok(());
        };
        let root = self.archive.root();
        let remembered = memory::RememberedArchive {
            archive: memory::canonical(root).display().to_string(),
            edition: self.archive.entries()[self.current].date.clone(),
        };
        memory::save_archive(
            &memory::archive_file(dir, &memory::archive_key(root)),
            &remembered,
        )
    }

    /// The search across editions being typed.
    pub fn prompt(&self) -> Option<&str> {
        self.prompt.as_deref()
    }

    /// The last search across editions.
    pub fn search(&self) -> Option<&ArchiveSearch> {
        self.search.as_ref()
    }

    /// The last search across editions, to wait on it (tests, benches).
    pub fn search_mut(&mut self) -> Option<&mut ArchiveSearch> {
        self.search.as_mut()
    }

    /// The archive.
    pub fn archive(&self) -> &Archive {
        &self.archive
    }

    /// The index of the open edition.
    pub fn current(&self) -> usize {
        self.current
    }

    /// The picker, while it is open.
    pub fn picker(&self) -> Option<&Picker> {
        self.picker.as_ref()
    }

    /// The action `key` asks of the archive when the reader is in `mode`; `None` leaves the
    /// key to the reader. While the picker is open it takes every key but Ctrl-c and Ctrl-z.
    /// `app_query` is the reader's own search, if any.
    pub fn key_action(
        &self,
        key: Key,
        mode: Mode,
        app_query: Option<&str>,
    ) -> Option<Option<ArchiveAction>> {
        let leaves_to_the_reader = matches!(key, Key::Ctrl('c' | 'z'));
        if self.picker.is_some() {
            return (!leaves_to_the_reader).then(|| picker_key(key));
        }
        if self.prompt.is_some() {
            if let Key::Ctrl(_) = key {
                return (!leaves_to_the_reader).then_some(None);
            }
            return Some(prompt_key(key));
        }
        if self.search.as_ref().is_some_and(ArchiveSearch::list_open) {
            return (!leaves_to_the_reader).then(|| results_key(key));
        }
        if mode != Mode::Normal {
            return None;
        }
        let action = match key {
            Key::Char(PREVIOUS_EDITION_KEY) => ArchiveAction::PreviousEdition,
            Key::Char(NEXT_EDITION_KEY) => ArchiveAction::NextEdition,
            Key::Char(PICKER_KEY) => ArchiveAction::OpenPicker,
            Key::Char(ARCHIVE_SEARCH_KEY) => ArchiveAction::StartSearch,
            // n and N go across editions while the reader shows the archive search's matches.
            Key::Char('n') if self.hits_shown(app_query) => ArchiveAction::NextHit,
            Key::Char('N') if self.hits_shown(app_query) => ArchiveAction::PreviousHit,
            Key::Backspace if !self.left_for_a_match.is_empty() => ArchiveAction::Back,
            _ => return None,
        };
        Some(Some(action))
    }

    /// True when the reader shows the matches of the search across editions: its own
    /// search is that one's query, opened from it.
    fn hits_shown(&self, app_query: Option<&str>) -> bool {
        self.search.as_ref().is_some_and(|search| {
            search.opened().is_some() && app_query == Some(search.query.as_str())
        })
    }

    /// Carries out `action`, opening editions in `app`.
    pub fn update(&mut self, action: ArchiveAction, app: &mut App) {
        match action {
            ArchiveAction::PreviousEdition => self.step(-1, app),
            ArchiveAction::NextEdition => self.step(1, app),
            ArchiveAction::OpenPicker => self.open_picker(),
            ArchiveAction::Back => self.back(app),
            ArchiveAction::Close => {
                if let Some(picker) = &mut self.picker
                    && !picker.typed.is_empty()
                {
                    picker.typed.clear();
                } else {
                    self.picker = None;
                }
            }
            ArchiveAction::Open => {
                if let Some(picker) = self.picker.take() {
                    self.open(picker.selected, app);
                    if self.current != picker.selected {
                        // Broken: stay in the picker, where the error shows.
                        self.picker = Some(picker);
                    }
                }
            }
            ArchiveAction::Move(by) => {
                let last = self.archive.len() - 1;
                self.select(|selected| selected.saturating_add_signed(by).min(last));
            }
            ArchiveAction::First => self.select(|_| 0),
            ArchiveAction::Last => {
                let last = self.archive.len() - 1;
                self.select(|_| last);
            }
            ArchiveAction::Type(c) => {
                let Some(picker) = &mut self.picker else {
                    return;
                };
                if c == '-' || (c.is_ascii_digit() && picker.typed.len() < 10) {
                    picker.typed.push(c);
                    self.jump_to_typed();
                }
            }
            ArchiveAction::Erase => {
                if let Some(picker) = &mut self.picker {
                    picker.typed.pop();
                    self.jump_to_typed();
                }
            }
            ArchiveAction::StartSearch => {
                self.prompt = Some(String::new());
                // While the query is typed, the index is opened and checked.
                let archive = &self.archive;
                self.index.get_or_init(|| {
                    ArchiveIndex::for_reader(
                        archive.root(),
                        archive.shared_entries(),
                        archive.options(),
                    )
                });
            }
            ArchiveAction::SearchType(c) => {
                if let Some(query) = &mut self.prompt {
                    query.push(c);
                }
            }
            ArchiveAction::SearchErase => {
                if let Some(query) = &mut self.prompt
                    && query.pop().is_none()
                {
                    self.prompt = None;
                }
            }
            ArchiveAction::SearchCancel => self.prompt = None,
            ArchiveAction::SearchSubmit => self.submit_search(app),
            ArchiveAction::ResultsMove(by) => self.with_search(|search| search.select_by(by)),
            ArchiveAction::ResultsFirst => self.with_search(|search| search.select(0)),
            ArchiveAction::ResultsLast => self.with_search(|search| search.select(usize::MAX)),
            ArchiveAction::ResultsClose => self.with_search(|search| search.set_list_open(false)),
            ArchiveAction::ResultsOpen => {
                if let Some(search) = &self.search {
                    let selected = search.selected();
                    self.open_hit(selected, app);
                }
            }
            ArchiveAction::NextHit => self.step_hit(1, app),
            ArchiveAction::PreviousHit => self.step_hit(-1, app),
        }
    }

    fn with_search(&mut self, change: impl FnOnce(&mut ArchiveSearch)) {
        if let Some(search) = &mut self.search {
            change(search);
        }
    }

    fn submit_search(&mut self, app: &mut App) {
        let Some(query) = self.prompt.take() else {
            return;
        };
        if query.is_empty() {
            match &mut self.search {
                Some(search) => search.set_list_open(true),
                None => app.set_message(app.strings().archive.no_search_yet),
            }
            return;
        }
        let index = (self.index.get().and_then(Option::as_ref)).and_then(ArchiveIndex::snapshot);
        self.search = Some(ArchiveSearch::start_indexed(
            self.archive.shared_entries(),
            self.archive.options(),
            query,
            scan_threads(),
            index,
        ));
    }

    /// Opens the edition of the hit at `index` at its match, and closes the results list.
    fn open_hit(&mut self, index: usize, app: &mut App) {
        let Some(search) = &mut self.search else {
            return;
        };
        let Some(hit) = search.open(index).cloned() else {
            return;
        };
        search.set_list_open(false);
        let (query, count, running) = (
            search.query.clone(),
            search.hits().len(),
            search.is_running(),
        );
        let other_edition = hit.edition != self.current;
        let left = (self.current, app.remembered());
        if other_edition {
            if !self.open(hit.edition, app) {
                return;
            }
            if self.left_for_a_match.len() == LEFT_FOR_A_MATCH_LIMIT {
                self.left_for_a_match.remove(0);
            }
            self.left_for_a_match.push(left);
            app.set_back_to_another_edition(true);
        }
        let article = match hit.exact {
            true => hit.article,
            // Found in some of the edition's files: the article with that title.
            false => (0..app.article_count())
                .find(|&index| app.article(index).title == hit.title)
                .unwrap_or(0),
        };
        app.show_search_match(&query, article, hit.part, hit.start);
        if other_edition {
            // The jumps made in the edition left are no way back in this one: Backspace goes
            // back to that edition instead.
            app.forget_history();
        }
        let date = &self.archive.entries()[hit.edition].date;
        let status = (app.strings().archive.hit_status)(&query, index + 1, count, running, date);
        app.set_message(status);
    }

    /// Backspace: the reader's own way back while it has one, else the edition left for the
    /// last match opened in another, at the place it was read.
    fn back(&mut self, app: &mut App) {
        if app.history_depth() > 0 {
            app.update(Action::Back);
            return;
        }
        let Some((index, place)) = self.left_for_a_match.pop() else {
            return;
        };
        if self.open(index, app) {
            app.resume(&place);
            let date = &self.archive.entries()[index].date;
            app.set_message((app.strings().archive.back_to_edition)(date));
        }
    }

    /// Opens the hit `by` (±1) from the one last opened.
    fn step_hit(&mut self, by: isize, app: &mut App) {
        let Some(search) = &self.search else {
            return;
        };
        let from = search.opened().unwrap_or(0);
        match from
            .checked_add_signed(by)
            .filter(|&at| at < search.hits().len())
        {
            Some(next) => self.open_hit(next, app),
            None if search.is_running() && by > 0 => {
                app.set_message(app.strings().archive.no_more_yet);
            }
            None => app.set_message(match by > 0 {
                true => app.strings().archive.no_more_older,
                false => app.strings().archive.no_more_newer,
            }),
        }
    }

    /// Takes in what background work has found (summaries for the picker, matches of a
    /// search); true when there was any.
    pub fn poll(&mut self) -> bool {
        let searched = self.search.as_mut().is_some_and(ArchiveSearch::poll);
        self.poll_summaries() || searched
    }

    fn poll_summaries(&mut self) -> bool {
        let Some(picker) = self.picker.as_mut() else {
            return false;
        };
        let Some(receiver) = picker.summaries.as_ref() else {
            return false;
        };
        let mut any = false;
        loop {
            match receiver.try_recv() {
                Ok((index, summary)) => {
                    self.archive.set_summary(index, summary);
                    any = true;
                }
                Err(mpsc::TryRecvError::Empty) => break,
                Err(mpsc::TryRecvError::Disconnected) => {
                    picker.summaries = None;
                    break;
                }
            }
        }
        any
    }

    /// True while background work is under way whose results the screen should show.
    pub fn is_busy(&self) -> bool {
        let summarizing = (self.picker.as_ref()).is_some_and(|picker| picker.summaries.is_some());
        summarizing || self.search.as_ref().is_some_and(ArchiveSearch::is_running)
    }

    /// Waits until every summary the picker asked for has come, for tests and benches.
    pub fn wait_for_summaries(&mut self) {
        let Some(receiver) = self.picker.as_mut().and_then(|p| p.summaries.take()) else {
            return;
        };
        for (index, summary) in &receiver {
            self.archive.set_summary(index, summary);
        }
    }

    /// Opens the edition at `index` in `app`; a broken one leaves the open one and says why.
    /// True when it opened.
    fn open(&mut self, index: usize, app: &mut App) -> bool {
        if index == self.current {
            // Already open: reading goes on where it is.
            return true;
        }
        match self.archive.load(index) {
            Ok(edition) => {
                self.switch_to(index, edition, app);
                true
            }
            Err(error) => {
                let date = &self.archive.entries()[index].date;
                let message = (app.strings().archive.does_not_open)(date, &error);
                app.set_message(message);
                false
            }
        }
    }

    /// Opens the nearest edition `by` (±1) away that opens, naming the broken ones passed.
    fn step(&mut self, by: isize, app: &mut App) {
        let mut index = self.current;
        let mut broken = Vec::new();
        loop {
            let Some(next) = index
                .checked_add_signed(by)
                .filter(|&next| next < self.archive.len())
            else {
                let message = (app.strings().archive.at_end)(by < 0, &broken.join(", "));
                app.set_message(message);
                return;
            };
            index = next;
            match self.archive.load(index) {
                Ok(edition) => {
                    self.switch_to(index, edition, app);
                    if !broken.is_empty() {
                        let message = (app.strings().archive.skipped_broken)(&broken.join(", "));
                        app.set_message(message);
                    }
                    return;
                }
                Err(_) => broken.push(self.archive.entries()[index].date.clone()),
            }
        }
    }

    /// Puts `edition`, at `index`, in `app` in place of the open one: with a state directory,
    /// the place in the one left is saved and the one opened taken up where it was left.
    fn switch_to(&mut self, index: usize, edition: Edition, app: &mut App) {
        let saved = (self.state_dir.as_deref()).map_or(Ok(()), |dir| {
            memory::save(&place_file(dir, app.edition()), &app.remembered())
        });
        app.replace_edition(edition);
        app.set_back_to_another_edition(!self.left_for_a_match.is_empty());
        self.current = index;
        if let Some(dir) = &self.state_dir {
            match memory::load(&place_file(dir, app.edition())) {
                Ok(remembered) => app.resume(&remembered),
                Err(error) => app.warn(error),
            }
        }
        if let Err(error) = saved {
            app.warn(error);
        }
    }

    fn open_picker(&mut self) {
        let mut rows = Vec::new();
        let mut row_of = Vec::with_capacity(self.archive.len());
        let mut month = "";
        for (index, entry) in self.archive.entries().iter().enumerate() {
            if entry.date[..7] != *month {
                month = &entry.date[..7];
                rows.push(PickerRow::Month(month.to_owned()));
            }
            row_of.push(rows.len());
            rows.push(PickerRow::Edition(index));
        }
        let stop = Arc::new(AtomicBool::new(false));
        let summaries = self.summarize_around(self.current, Arc::clone(&stop));
        self.picker = Some(Picker {
            rows,
            selected: self.current,
            row_of,
            typed: String::new(),
            stop,
            summaries: Some(summaries),
        });
    }

    /// Reads on a background thread the summaries not known yet, nearest `center` first,
    /// until `stop` is set.
    fn summarize_around(&self, center: usize, stop: Arc<AtomicBool>) -> Receiver<(usize, Summary)> {
        let (sender, receiver) = mpsc::channel();
        let entries = self.archive.shared_entries();
        let options = self.archive.options();
        let missing: Vec<usize> = outward(center, entries.len())
            .filter(|&index| self.archive.known_summary(index).is_none())
            .collect();
        std::thread::spawn(move || {
            for index in missing {
                if stop.load(Ordering::Relaxed) {
                    return;
                }
                if sender
                    .send((index, summarize(&entries[index], options)))
                    .is_err()
                {
                    return;
                }
            }
        });
        receiver
    }

    fn select(&mut self, to: impl FnOnce(usize) -> usize) {
        if let Some(picker) = &mut self.picker {
            picker.selected = to(picker.selected);
        }
    }

    /// Selects the first edition whose date starts with the digits typed, else the nearest
    /// date after them, else the newest.
    fn jump_to_typed(&mut self) {
        let Some(picker) = &mut self.picker else {
            return;
        };
        let digits: String = picker.typed.chars().filter(char::is_ascii_digit).collect();
        if digits.is_empty() {
            return;
        }
        let entries = self.archive.entries();
        let key = |date: &str| date.replace('-', "");
        let at = entries.partition_point(|entry| key(&entry.date).as_str() < digits.as_str());
        picker.selected = at.min(entries.len() - 1);
    }
}

/// Where the place in `edition` is kept, under `state_dir`.
fn place_file(state_dir: &Path, edition: &Edition) -> PathBuf {
    memory::state_file(state_dir, &memory::edition_key(edition))
}

/// The edition of `archive` to open when no date is given: the one open when the reader last
/// quit it, as remembered under `state_dir`, else (nothing remembered, or an edition the
/// archive no longer has) the newest. The error says why what was remembered could not be
/// read; the newest is opened then too.
pub fn start_edition(archive: &Archive, state_dir: Option<&Path>) -> (usize, Option<String>) {
    let newest = archive.newest().unwrap_or_default();
    let Some(dir) = state_dir else {
        return (newest, None);
    };
    let file = memory::archive_file(dir, &memory::archive_key(archive.root()));
    match memory::load_archive(&file) {
        Ok(remembered) => {
            let index = remembered.and_then(|remembered| archive.find(&remembered.edition));
            (index.unwrap_or(newest), None)
        }
        Err(error) => (newest, Some(error)),
    }
}

/// Indices `0..len` from `center` outward: center, center+1, center-1, center+2, …
fn outward(center: usize, len: usize) -> impl Iterator<Item = usize> {
    (0..len * 2).filter_map(move |step| {
        let distance = step.div_ceil(2);
        let index = match step % 2 {
            1 => center.checked_add(distance),
            _ => center.checked_sub(distance),
        }?;
        (index < len).then_some(index)
    })
}

fn prompt_key(key: Key) -> Option<ArchiveAction> {
    match key {
        Key::Char(c) => Some(ArchiveAction::SearchType(c)),
        Key::Backspace => Some(ArchiveAction::SearchErase),
        Key::Enter => Some(ArchiveAction::SearchSubmit),
        Key::Esc => Some(ArchiveAction::SearchCancel),
        _ => None,
    }
}

fn results_key(key: Key) -> Option<ArchiveAction> {
    match key {
        Key::Ctrl('d') => Some(ArchiveAction::ResultsMove(10)),
        Key::Ctrl('u') => Some(ArchiveAction::ResultsMove(-10)),
        Key::Char('j') | Key::Down => Some(ArchiveAction::ResultsMove(1)),
        Key::Char('k') | Key::Up => Some(ArchiveAction::ResultsMove(-1)),
        Key::Char(' ') | Key::PageDown => Some(ArchiveAction::ResultsMove(20)),
        Key::Char('b') | Key::PageUp => Some(ArchiveAction::ResultsMove(-20)),
        Key::Char('g') | Key::Home => Some(ArchiveAction::ResultsFirst),
        Key::Char('G') | Key::End => Some(ArchiveAction::ResultsLast),
        Key::Enter => Some(ArchiveAction::ResultsOpen),
        Key::Char(ARCHIVE_SEARCH_KEY) => Some(ArchiveAction::StartSearch),
        Key::Esc | Key::Char('q') => Some(ArchiveAction::ResultsClose),
        _ => None,
    }
}

fn picker_key(key: Key) -> Option<ArchiveAction> {
    match key {
        Key::Ctrl('d') => Some(ArchiveAction::Move(10)),
        Key::Ctrl('u') => Some(ArchiveAction::Move(-10)),
        Key::Char('j' | NEXT_EDITION_KEY) | Key::Down => Some(ArchiveAction::Move(1)),
        Key::Char('k' | PREVIOUS_EDITION_KEY) | Key::Up => Some(ArchiveAction::Move(-1)),
        Key::Char(' ') | Key::PageDown => Some(ArchiveAction::Move(20)),
        Key::Char('b') | Key::PageUp => Some(ArchiveAction::Move(-20)),
        Key::Char('g') | Key::Home => Some(ArchiveAction::First),
        Key::Char('G') | Key::End => Some(ArchiveAction::Last),
        Key::Char(c @ ('0'..='9' | '-')) => Some(ArchiveAction::Type(c)),
        Key::Backspace => Some(ArchiveAction::Erase),
        Key::Enter => Some(ArchiveAction::Open),
        Key::Esc | Key::Char('q' | PICKER_KEY) => Some(ArchiveAction::Close),
        _ => None,
    }
}

#[cfg(test)]
pub(crate) mod tests;
