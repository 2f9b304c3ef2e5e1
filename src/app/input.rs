//! Terminal input events to [`Action`]s. The help that documents them is in
//! [`super::strings`].

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent};
use crossterm::event::{MouseEventKind, MouseEventKind::ScrollDown, MouseEventKind::ScrollUp};

use super::Action;

/// Lines the mouse wheel scrolls per notch.
const WHEEL_LINES: i16 = 3;

/// What keys mean right now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Reading: every reader key.
    Normal,
    /// Typing a page number: digits, Backspace, Enter, Esc; other keys act as usual.
    PageNumber,
    /// Typing a search: every printable key is text.
    Search,
    /// The help or the caption viewer is open.
    Overlay,
}

/// The action a key press asks for in `mode`, if any.
pub fn key_action(key: KeyEvent, mode: Mode) -> Option<Action> {
    if key.kind != KeyEventKind::Press {
        return None;
    }
    if key.modifiers.contains(KeyModifiers::CONTROL) {
        return match key.code {
            KeyCode::Char('c') => Some(Action::Quit),
            KeyCode::Char('z') => Some(Action::Suspend),
            KeyCode::Char('d') if mode != Mode::Search => Some(Action::HalfPageDown),
            KeyCode::Char('u') if mode != Mode::Search => Some(Action::HalfPageUp),
            _ => None,
        };
    }
    match mode {
        Mode::Search => search_key(key.code),
        Mode::PageNumber => page_number_key(key.code).or_else(|| reading_key(key.code)),
        Mode::Overlay => overlay_key(key.code).or_else(|| movement_key(key.code)),
        Mode::Normal => reading_key(key.code),
    }
}

/// The action a mouse event asks for, if any.
pub fn mouse_action(mouse: MouseEvent) -> Option<Action> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        ScrollDown => Some(Action::Scroll {
            column,
            row,
            lines: WHEEL_LINES,
        }),
        ScrollUp => Some(Action::Scroll {
            column,
            row,
            lines: -WHEEL_LINES,
        }),
        MouseEventKind::Down(MouseButton::Left) => Some(Action::Click { column, row }),
        _ => None,
    }
}

fn search_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Char(c) => Some(Action::Type(c)),
        KeyCode::Backspace => Some(Action::Erase),
        KeyCode::Enter => Some(Action::Confirm),
        KeyCode::Esc => Some(Action::Cancel),
        _ => None,
    }
}

fn page_number_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Backspace => Some(Action::Erase),
        KeyCode::Esc => Some(Action::Cancel),
        _ => None,
    }
}

fn overlay_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Char('q') | KeyCode::Esc => Some(Action::Cancel),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        KeyCode::Char('c') => Some(Action::ToggleCaptions),
        KeyCode::Char('p') => Some(Action::ToggleCaptionScope),
        KeyCode::Char('w') => Some(Action::ToggleWarnings),
        _ => None,
    }
}

/// Keys that move or scroll, the same in every pane and overlay.
fn movement_key(code: KeyCode) -> Option<Action> {
    match code {
        KeyCode::Char('j') | KeyCode::Down => Some(Action::Down),
        KeyCode::Char('k') | KeyCode::Up => Some(Action::Up),
        KeyCode::Char(' ') | KeyCode::PageDown => Some(Action::PageDown),
        KeyCode::Char('b') | KeyCode::PageUp => Some(Action::PageUp),
        KeyCode::Char('g') | KeyCode::Home => Some(Action::Top),
        KeyCode::Char('G') | KeyCode::End => Some(Action::Bottom),
        _ => None,
    }
}

fn reading_key(code: KeyCode) -> Option<Action> {
    if let Some(action) = movement_key(code) {
        return Some(action);
    }
    match code {
        KeyCode::Char('q') => Some(Action::Quit),
        KeyCode::Char('?') => Some(Action::ToggleHelp),
        KeyCode::Tab | KeyCode::BackTab => Some(Action::FocusNext),
        KeyCode::Char('h') | KeyCode::Left => Some(Action::FocusSections),
        KeyCode::Char('l') | KeyCode::Right => Some(Action::FocusArticle),
        KeyCode::Char('[') => Some(Action::PreviousArticle),
        KeyCode::Char(']') => Some(Action::NextArticle),
        KeyCode::Char('{') => Some(Action::PreviousPage),
        KeyCode::Char('}') => Some(Action::NextPage),
        KeyCode::Char(c @ '0'..='9') => Some(Action::Digit(c as u8 - b'0')),
        KeyCode::Enter => Some(Action::Confirm),
        KeyCode::Backspace => Some(Action::Back),
        KeyCode::Char('/') => Some(Action::StartSearch),
        KeyCode::Char('n') => Some(Action::NextMatch),
        KeyCode::Char('N') => Some(Action::PreviousMatch),
        KeyCode::Char('c') => Some(Action::ToggleCaptions),
        KeyCode::Char('s') => Some(Action::TogglePunctuation),
        KeyCode::Char('w') => Some(Action::ToggleWarnings),
        KeyCode::Char('m') => Some(Action::ToggleMerged),
        KeyCode::Esc => Some(Action::Cancel),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::strings::EN;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    fn ctrl(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL)
    }

    /// Every key a person could press, with the name the help uses for it.
    fn all_keys() -> Vec<(KeyEvent, String)> {
        let mut keys: Vec<(KeyEvent, String)> = (' '..='~')
            .map(|c| (press(KeyCode::Char(c)), c.to_string()))
            .collect();
        keys[0].1 = "Space".into();
        keys.extend(('a'..='z').map(|c| (ctrl(c), format!("Ctrl-{c}"))));
        let named = [
            (KeyCode::Tab, "Tab"),
            (KeyCode::BackTab, "Tab"),
            (KeyCode::Enter, "Enter"),
            (KeyCode::Esc, "Esc"),
            (KeyCode::Backspace, "Backspace"),
            (KeyCode::Up, "↑"),
            (KeyCode::Down, "↓"),
            (KeyCode::Left, "←"),
            (KeyCode::Right, "→"),
            (KeyCode::PageUp, "PgUp"),
            (KeyCode::PageDown, "PgDn"),
            (KeyCode::Home, "Home"),
            (KeyCode::End, "End"),
            (KeyCode::Delete, "Delete"),
            (KeyCode::Insert, "Insert"),
            (KeyCode::F(1), "F1"),
        ];
        keys.extend(named.map(|(code, name)| (press(code), name.to_string())));
        keys
    }

    fn help_names() -> Vec<&'static str> {
        (EN.key_help.iter())
            .flat_map(|row| row.keys.split(' '))
            .collect()
    }

    #[test]
    fn every_key_that_works_is_in_the_help() {
        let names = help_names();
        for mode in [Mode::Normal, Mode::Overlay] {
            for (key, name) in all_keys() {
                let Some(action) = key_action(key, mode) else {
                    continue;
                };
                let listed = names.contains(&name.as_str())
                    || (name.len() == 1
                        && name.as_bytes()[0].is_ascii_digit()
                        && names.contains(&"0-9"))
                    || (name == "p"
                        && (EN.key_help.iter()).any(|row| row.does.contains("p in the viewer")));
                assert!(
                    listed,
                    "{name} does {action:?} in {mode:?} but the help does not list it"
                );
            }
        }
    }

    #[test]
    fn every_key_in_the_help_works() {
        let keys = all_keys();
        for name in help_names() {
            if matches!(name, "Mouse" | "0-9") {
                continue;
            }
            let works = keys
                .iter()
                .filter(|(_, key_name)| key_name == name)
                .any(|(key, _)| key_action(*key, Mode::Normal).is_some());
            assert!(works, "the help lists {name} but it does nothing");
        }
        assert_eq!(
            key_action(press(KeyCode::Char('7')), Mode::Normal),
            Some(Action::Digit(7))
        );
    }

    #[test]
    fn typing_a_search_takes_every_printable_key_as_text() {
        for c in ['q', 'j', '/', '?', '，', '报'] {
            assert_eq!(
                key_action(press(KeyCode::Char(c)), Mode::Search),
                Some(Action::Type(c))
            );
        }
        assert_eq!(
            key_action(press(KeyCode::Enter), Mode::Search),
            Some(Action::Confirm)
        );
        assert_eq!(
            key_action(press(KeyCode::Backspace), Mode::Search),
            Some(Action::Erase)
        );
        assert_eq!(key_action(ctrl('c'), Mode::Search), Some(Action::Quit));
    }

    #[test]
    fn backspace_erases_a_page_digit_instead_of_going_back() {
        assert_eq!(
            key_action(press(KeyCode::Backspace), Mode::PageNumber),
            Some(Action::Erase)
        );
        assert_eq!(
            key_action(press(KeyCode::Backspace), Mode::Normal),
            Some(Action::Back)
        );
        assert_eq!(
            key_action(press(KeyCode::Char('j')), Mode::PageNumber),
            Some(Action::Down)
        );
    }

    #[test]
    fn q_closes_an_overlay_but_ctrl_c_always_quits() {
        assert_eq!(
            key_action(press(KeyCode::Char('q')), Mode::Overlay),
            Some(Action::Cancel)
        );
        assert_eq!(
            key_action(press(KeyCode::Char('q')), Mode::Normal),
            Some(Action::Quit)
        );
        assert_eq!(key_action(ctrl('c'), Mode::Overlay), Some(Action::Quit));
    }

    #[test]
    fn key_releases_are_ignored() {
        let mut release = press(KeyCode::Char('q'));
        release.kind = KeyEventKind::Release;
        assert_eq!(key_action(release, Mode::Normal), None);
    }

    #[test]
    fn the_wheel_scrolls_and_a_click_selects() {
        let mouse = |kind| MouseEvent {
            kind,
            column: 5,
            row: 7,
            modifiers: KeyModifiers::NONE,
        };
        assert_eq!(
            mouse_action(mouse(ScrollDown)),
            Some(Action::Scroll {
                column: 5,
                row: 7,
                lines: 3
            })
        );
        assert_eq!(
            mouse_action(mouse(MouseEventKind::Down(MouseButton::Left))),
            Some(Action::Click { column: 5, row: 7 })
        );
        assert_eq!(mouse_action(mouse(MouseEventKind::Moved)), None);
    }
}
