//! The keys as data: one table of key, mode, action and help row drives both key handling
//! and the help overlay. The terminal shell turns its key events into [`Key`]s; nothing here
//! knows the terminal library.

use super::Action;

/// A key as the reader sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character, Shift included ('G', '{').
    Char(char),
    /// A letter with Ctrl.
    Ctrl(char),
    /// Enter.
    Enter,
    /// Esc.
    Esc,
    /// Backspace.
    Backspace,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// ↑.
    Up,
    /// ↓.
    Down,
    /// ←.
    Left,
    /// →.
    Right,
    /// Page Up.
    PageUp,
    /// Page Down.
    PageDown,
    /// Home.
    Home,
    /// End.
    End,
}

impl Key {
    /// The key's name, as the help shows it.
    pub fn name(self) -> String {
        match self {
            Key::Char(' ') => "Space".into(),
            Key::Char(c) => c.to_string(),
            Key::Ctrl(c) => format!("Ctrl-{c}"),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Backspace => "Backspace".into(),
            Key::Tab | Key::BackTab => "Tab".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
        }
    }
}

/// What keys mean right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading: every reader key.
    Normal,
    /// A count or page number is being typed: digits, Backspace, Enter, Esc; other keys
    /// take the count.
    PageNumber,
    /// Typing a search: every printable key is text.
    Search,
    /// After `m`: the next letter names the mark to set.
    SetMark,
    /// After `'`: the next letter names the mark to go to (`'` the place before the last jump).
    GoToMark,
    /// The help or a viewer is open.
    Overlay,
}

/// Where a binding holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// While reading (and while typing a count).
    Reading,
    /// While the help or a viewer is open.
    Viewer,
    /// In both.
    Both,
}

impl Scope {
    fn holds_in(self, mode: Mode) -> bool {
        matches!(
            (self, mode),
            (Scope::Both, Mode::Normal | Mode::PageNumber | Mode::Overlay)
                | (Scope::Reading, Mode::Normal | Mode::PageNumber)
                | (Scope::Viewer, Mode::Overlay)
        )
    }
}

/// One key's meaning in a scope.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Binding {
    /// The key.
    pub key: Key,
    /// Where it holds.
    pub scope: Scope,
    /// What it asks for.
    pub action: Action,
}

/// One row of the help: the bindings it describes. Its description, in each language, is
/// the same row of [`crate::app::strings::Strings::key_help`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyRow {
    /// The bindings, in the order the help names their keys.
    pub bindings: &'static [Binding],
    /// Keys named in the help that no single binding stands for ("0-9", "a-z", [`MOUSE`]).
    pub extra_names: &'static str,
}

/// The help's name for the mouse, which each language says in its own words.
pub const MOUSE: &str = "Mouse";

impl KeyRow {
    /// The keys as the help shows them: each name once, in order, then the extra names.
    pub fn keys(&self) -> String {
        self.keys_with(&[])
    }

    /// [`KeyRow::keys`], and after them the keys of `configured` (a config file's bindings)
    /// that ask for one of this row's actions.
    pub fn keys_with(&self, configured: &[(Key, Action)]) -> String {
        let mut names: Vec<String> = Vec::new();
        let configured = (configured.iter())
            .filter(|(_, action)| self.describes(*action))
            .map(|(key, _)| key);
        for key in self
            .bindings
            .iter()
            .map(|binding| &binding.key)
            .chain(configured)
        {
            let name = key.name();
            if !names.contains(&name) {
                names.push(name);
            }
        }
        names.extend(self.extra_names.split_whitespace().map(str::to_owned));
        names.join(" ")
    }

    /// Whether one of the row's keys asks for `action`.
    pub fn describes(&self, action: Action) -> bool {
        self.bindings.iter().any(|binding| binding.action == action)
    }
}

const fn bind(key: Key, scope: Scope, action: Action) -> Binding {
    Binding { key, scope, action }
}

const fn row(bindings: &'static [Binding]) -> KeyRow {
    KeyRow {
        bindings,
        extra_names: "",
    }
}

use Action as A;
use Key as K;
use Scope::{Both, Reading, Viewer};

/// Every key the reader answers to, as the help lists them. Digits, mark letters, search
/// text and the mouse are handled beside the table (see [`action_for`]) and named in
/// `extra_names`.
pub const KEYMAP: &[KeyRow] = &[
    row(&[
        bind(K::Char('q'), Reading, A::Quit),
        bind(K::Char('q'), Viewer, A::Cancel),
        bind(K::Ctrl('c'), Both, A::Quit),
    ]),
    row(&[bind(K::Char('?'), Both, A::ToggleHelp)]),
    row(&[
        bind(K::Tab, Reading, A::FocusNext),
        bind(K::BackTab, Reading, A::FocusNext),
        bind(K::Char('h'), Reading, A::FocusSections),
        bind(K::Char('l'), Reading, A::FocusArticle),
        bind(K::Left, Reading, A::FocusSections),
        bind(K::Right, Reading, A::FocusArticle),
    ]),
    row(&[
        bind(K::Char('j'), Both, A::Down),
        bind(K::Char('k'), Both, A::Up),
        bind(K::Down, Both, A::Down),
        bind(K::Up, Both, A::Up),
    ]),
    row(&[
        bind(K::Char(' '), Both, A::PageDown),
        bind(K::PageDown, Both, A::PageDown),
    ]),
    row(&[
        bind(K::Char('b'), Both, A::PageUp),
        bind(K::PageUp, Both, A::PageUp),
    ]),
    row(&[
        bind(K::Ctrl('d'), Both, A::HalfPageDown),
        bind(K::Ctrl('u'), Both, A::HalfPageUp),
    ]),
    row(&[
        bind(K::Char('g'), Both, A::Top),
        bind(K::Home, Both, A::Top),
    ]),
    row(&[
        bind(K::Char('G'), Both, A::Bottom),
        bind(K::End, Both, A::Bottom),
    ]),
    row(&[
        bind(K::Char('['), Reading, A::PreviousArticle),
        bind(K::Char(']'), Reading, A::NextArticle),
    ]),
    row(&[
        bind(K::Char('{'), Reading, A::PreviousPage),
        bind(K::Char('}'), Reading, A::NextPage),
    ]),
    KeyRow {
        bindings: &[],
        extra_names: "0-9",
    },
    row(&[bind(K::Enter, Reading, A::Confirm)]),
    row(&[bind(K::Backspace, Reading, A::Back)]),
    KeyRow {
        bindings: &[
            bind(K::Char('m'), Reading, A::StartSetMark),
            bind(K::Char('\''), Reading, A::StartGoToMark),
        ],
        extra_names: "a-z",
    },
    row(&[bind(K::Char('/'), Reading, A::StartSearch)]),
    row(&[
        bind(K::Char('n'), Reading, A::NextMatch),
        bind(K::Char('N'), Reading, A::PreviousMatch),
    ]),
    row(&[
        bind(K::Char('c'), Both, A::ToggleCaptions),
        bind(K::Char('p'), Viewer, A::ToggleCaptionScope),
    ]),
    row(&[bind(K::Char('w'), Both, A::ToggleWarnings)]),
    row(&[bind(K::Char('s'), Reading, A::TogglePunctuation)]),
    row(&[bind(K::Char('M'), Reading, A::ToggleMerged)]),
    row(&[bind(K::Esc, Both, A::Cancel)]),
    row(&[bind(K::Ctrl('z'), Both, A::Suspend)]),
    KeyRow {
        bindings: &[],
        extra_names: MOUSE,
    },
];

/// The action `key` asks for in `mode`, if any.
pub fn action_for(key: Key, mode: Mode) -> Option<Action> {
    match (mode, key) {
        // Ctrl-c and Ctrl-z work everywhere, while typing too.
        (_, Key::Ctrl('c')) => return Some(Action::Quit),
        (_, Key::Ctrl('z')) => return Some(Action::Suspend),
        (Mode::Search, Key::Char(c)) => return Some(Action::Type(c)),
        (Mode::Search | Mode::PageNumber, Key::Backspace) => {
            return Some(Action::Erase);
        }
        (Mode::Search, Key::Enter) => return Some(Action::Confirm),
        (Mode::Search | Mode::SetMark | Mode::GoToMark, Key::Esc) => {
            return Some(Action::Cancel);
        }
        (Mode::Search, _) => return None,
        (Mode::SetMark, Key::Char(c)) => return Some(Action::SetMark(c)),
        (Mode::GoToMark, Key::Char(c)) => return Some(Action::GoToMark(c)),
        (Mode::SetMark | Mode::GoToMark, _) => return Some(Action::Cancel),
        (Mode::Normal | Mode::PageNumber, Key::Char(c @ '0'..='9')) => {
            return Some(Action::Digit(c as u8 - b'0'));
        }
        _ => {}
    }
    (KEYMAP.iter())
        .flat_map(|row| row.bindings)
        .find(|binding| binding.key == key && binding.scope.holds_in(mode))
        .map(|binding| binding.action)
}

/// [`action_for`], with the keys a config file binds (`extra`) taking precedence while
/// reading.
pub fn action_for_with(key: Key, mode: Mode, extra: &[(Key, Action)]) -> Option<Action> {
    let reading = matches!(mode, Mode::Normal | Mode::PageNumber);
    match extra.iter().find(|(bound, _)| *bound == key) {
        Some(&(_, action)) if reading => Some(action),
        _ => action_for(key, mode),
    }
}

/// The key a config file names: a character, `Ctrl-x`, or a name the help uses (`Space`,
/// `Enter`, `Esc`, `Tab`, `PgUp`, `PgDn`, `Home`, `End`, and `Up` `Down` `Left` `Right`).
pub fn parse_key(name: &str) -> Option<Key> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        return Some(Key::Char(c));
    }
    if let Some(letter) = name.strip_prefix("Ctrl-") {
        let mut chars = letter.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return Some(Key::Ctrl(c.to_ascii_lowercase()));
        }
    }
    Some(match name {
        "Space" => Key::Char(' '),
        "Enter" => Key::Enter,
        "Esc" => Key::Esc,
        "Backspace" => Key::Backspace,
        "Tab" => Key::Tab,
        "Up" | "↑" => Key::Up,
        "Down" | "↓" => Key::Down,
        "Left" | "←" => Key::Left,
        "Right" | "→" => Key::Right,
        "PgUp" => Key::PageUp,
        "PgDn" => Key::PageDown,
        "Home" => Key::Home,
        "End" => Key::End,
        _ => return None,
    })
}

/// The name a config file gives `action`: its name in kebab case ("toggle-merged").
pub fn action_name(action: Action) -> String {
    let debug = format!("{action:?}");
    let mut name = String::new();
    for (at, c) in debug.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if at > 0 {
                name.push('-');
            }
            name.push(c.to_ascii_lowercase());
        } else {
            name.push(c);
        }
    }
    name
}

/// The action a config file names; only actions a bare key can ask for.
pub fn parse_action(name: &str) -> Option<Action> {
    Action::WITHOUT_DATA
        .into_iter()
        .find(|&action| action_name(action) == name)
}

/// Lines the mouse wheel scrolls per notch.
pub const WHEEL_LINES: i16 = 3;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::strings::{EN, ZH};

    /// Every key a person could press.
    fn all_keys() -> Vec<Key> {
        let mut keys: Vec<Key> = (' '..='~').map(Key::Char).collect();
        keys.extend(('a'..='z').map(Key::Ctrl));
        keys.extend([
            Key::Enter,
            Key::Esc,
            Key::Backspace,
            Key::Tab,
            Key::BackTab,
            Key::Up,
            Key::Down,
            Key::Left,
            Key::Right,
            Key::PageUp,
            Key::PageDown,
            Key::Home,
            Key::End,
        ]);
        keys
    }

    #[test]
    fn every_row_of_the_table_has_a_description_in_each_language() {
        assert_eq!(EN.key_help.len(), KEYMAP.len());
        assert_eq!(ZH.key_help.len(), KEYMAP.len());
    }

    #[test]
    fn no_key_means_two_things_in_one_mode() {
        for mode in [Mode::Normal, Mode::Overlay] {
            for key in all_keys() {
                let meanings: Vec<Action> = (KEYMAP.iter())
                    .flat_map(|row| row.bindings)
                    .filter(|binding| binding.key == key && binding.scope.holds_in(mode))
                    .map(|binding| binding.action)
                    .collect();
                assert!(meanings.len() <= 1, "{key:?} in {mode:?}: {meanings:?}");
            }
        }
    }

    #[test]
    fn every_key_that_works_is_in_the_help() {
        let named: Vec<String> = (KEYMAP.iter())
            .flat_map(|row| row.keys().split(' ').map(str::to_owned).collect::<Vec<_>>())
            .collect();
        for mode in [Mode::Normal, Mode::Overlay] {
            for key in all_keys() {
                let Some(action) = action_for(key, mode) else {
                    continue;
                };
                let digit = matches!(key, Key::Char('0'..='9'));
                assert!(
                    named.contains(&key.name()) || (digit && named.contains(&"0-9".into())),
                    "{key:?} does {action:?} in {mode:?} but the help does not list it"
                );
            }
        }
    }

    #[test]
    fn typing_a_search_takes_every_printable_key_as_text() {
        for c in ['q', 'j', '/', '?', '，', '报', 'm', '\''] {
            assert_eq!(
                action_for(Key::Char(c), Mode::Search),
                Some(Action::Type(c))
            );
        }
        assert_eq!(action_for(Key::Enter, Mode::Search), Some(Action::Confirm));
        assert_eq!(
            action_for(Key::Backspace, Mode::Search),
            Some(Action::Erase)
        );
        assert_eq!(action_for(Key::Ctrl('c'), Mode::Search), Some(Action::Quit));
        assert_eq!(action_for(Key::Up, Mode::Search), None);
    }

    #[test]
    fn a_count_takes_digits_and_backspace_erases_one() {
        assert_eq!(
            action_for(Key::Char('7'), Mode::Normal),
            Some(Action::Digit(7))
        );
        assert_eq!(
            action_for(Key::Backspace, Mode::PageNumber),
            Some(Action::Erase)
        );
        assert_eq!(action_for(Key::Backspace, Mode::Normal), Some(Action::Back));
        assert_eq!(
            action_for(Key::Char('j'), Mode::PageNumber),
            Some(Action::Down)
        );
    }

    #[test]
    fn after_m_or_a_quote_the_next_letter_names_a_mark() {
        assert_eq!(
            action_for(Key::Char('m'), Mode::Normal),
            Some(Action::StartSetMark)
        );
        assert_eq!(
            action_for(Key::Char('a'), Mode::SetMark),
            Some(Action::SetMark('a'))
        );
        assert_eq!(
            action_for(Key::Char('\''), Mode::Normal),
            Some(Action::StartGoToMark)
        );
        assert_eq!(
            action_for(Key::Char('\''), Mode::GoToMark),
            Some(Action::GoToMark('\''))
        );
        assert_eq!(action_for(Key::Esc, Mode::GoToMark), Some(Action::Cancel));
        assert_eq!(
            action_for(Key::Char('M'), Mode::Normal),
            Some(Action::ToggleMerged)
        );
    }

    #[test]
    fn a_config_can_bind_a_key_to_any_action_while_reading() {
        assert_eq!(parse_key("x"), Some(Key::Char('x')));
        assert_eq!(parse_key("Ctrl-n"), Some(Key::Ctrl('n')));
        assert_eq!(parse_key("Space"), Some(Key::Char(' ')));
        assert_eq!(parse_key("Shift-x"), None);
        assert_eq!(action_name(Action::ToggleMerged), "toggle-merged");
        assert_eq!(parse_action("toggle-merged"), Some(Action::ToggleMerged));
        assert_eq!(parse_action("type"), None, "only actions of a bare key");
        for action in Action::WITHOUT_DATA {
            assert_eq!(parse_action(&action_name(action)), Some(action));
        }
        let extra = [(Key::Char('x'), Action::Quit), (Key::Char('j'), Action::Up)];
        assert_eq!(
            action_for_with(Key::Char('x'), Mode::Normal, &extra),
            Some(Action::Quit)
        );
        assert_eq!(
            action_for_with(Key::Char('j'), Mode::Normal, &extra),
            Some(Action::Up)
        );
        assert_eq!(
            action_for_with(Key::Char('x'), Mode::Search, &extra),
            Some(Action::Type('x')),
            "typing stays typing"
        );
    }

    #[test]
    fn q_closes_a_viewer_but_ctrl_c_always_quits() {
        assert_eq!(
            action_for(Key::Char('q'), Mode::Overlay),
            Some(Action::Cancel)
        );
        assert_eq!(action_for(Key::Char('q'), Mode::Normal), Some(Action::Quit));
        assert_eq!(
            action_for(Key::Ctrl('c'), Mode::Overlay),
            Some(Action::Quit)
        );
        assert_eq!(action_for(Key::Char('p'), Mode::Normal), None);
    }
}
