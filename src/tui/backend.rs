//! The backend the reader draws through: ratatui's crossterm backend, except for how a
//! frame's changed cells are written.
//!
//! ratatui's backend formats a command for every cell and moves the cursor again after every
//! wide character, since it expects the next cell one column on. A screen of Chinese text is
//! mostly wide characters, so that is most of the cost of a first frame (more than drawing
//! the frame) and about half its bytes. Here a cell's text is written as it is, and the cursor
//! is moved only where it is not already: after a character every terminal draws two columns
//! wide, it is two columns on. Where the width is anyone's guess (an emoji, an ambiguous
//! character), it is moved as ratatui would.

use std::io::{self, Write};

use crossterm::queue;
use crossterm::style::{
    Attribute, Color as CrosstermColor, SetAttribute, SetBackgroundColor, SetForegroundColor,
    SetStyle, SetUnderlineColor,
};
use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};
use unicode_width::UnicodeWidthStr;

use crate::chars::is_wide_everywhere;

/// A crossterm backend writing to `W` that sends a frame's changed cells as runs of text.
pub struct RunBackend<W: Write> {
    crossterm: CrosstermBackend<W>,
    /// The escape sequences that give a cell its look, made once by crossterm for each look
    /// (a frame has a few dozen) and whether attributes must be reset first.
    looks: Vec<((Look, bool), Vec<u8>)>,
}

/// Looks kept before their sequences are made anew: more than a screen shows.
const MAX_LOOKS: usize = 256;

impl<W: Write> RunBackend<W> {
    /// The backend writing to `writer`.
    pub const fn new(writer: W) -> Self {
        Self {
            crossterm: CrosstermBackend::new(writer),
            looks: Vec::new(),
        }
    }
}

/// The escape sequence that gives `cell` its look, after `reset` (when attributes it lacks
/// must be taken away): as crossterm writes it, kept in `looks`.
fn look_sequence<'a>(
    looks: &'a mut Vec<((Look, bool), Vec<u8>)>,
    cell: &Cell,
    reset: bool,
) -> io::Result<&'a [u8]> {
    let key = (Look::of(cell), reset);
    let at = if let Some(at) = looks.iter().position(|(known, _)| *known == key) {
        at
    } else {
        if looks.len() == MAX_LOOKS {
            looks.clear();
        }
        let mut sequence = Vec::new();
        if reset {
            queue!(sequence, SetAttribute(Attribute::Reset))?;
        }
        queue!(sequence, SetStyle(cell.style().into_crossterm()))?;
        looks.push((key, sequence));
        looks.len() - 1
    };
    Ok(&looks[at].1)
}

/// Moves the cursor to (`x`, `y`), from 0: the one command of a frame's that is sent often,
/// written here without the formatting crossterm's `MoveTo` goes through.
fn move_to(out: &mut impl Write, x: u16, y: u16) -> io::Result<()> {
    let mut numbers = itoa::Buffer::new();
    out.write_all(b"\x1b[")?;
    out.write_all(numbers.format(u32::from(y) + 1).as_bytes())?;
    out.write_all(b";")?;
    out.write_all(numbers.format(u32::from(x) + 1).as_bytes())?;
    out.write_all(b"H")
}

/// How a cell looks, as far as the terminal's state goes.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Look {
    fg: Color,
    bg: Color,
    underline: Color,
    modifier: Modifier,
}

impl Look {
    /// The terminal's look after a reset, as every frame leaves it.
    const RESET: Look = Look {
        fg: Color::Reset,
        bg: Color::Reset,
        underline: Color::Reset,
        modifier: Modifier::empty(),
    };

    fn of(cell: &Cell) -> Look {
        Look {
            fg: cell.fg,
            bg: cell.bg,
            underline: cell.underline_color,
            modifier: cell.modifier,
        }
    }
}

/// Where the cursor stands after `symbol` is written at (`x`, `y`), when that is sure.
fn cursor_after(x: u16, y: u16, symbol: &str) -> Option<(u16, u16)> {
    let mut chars = symbol.chars();
    let width = match (chars.next(), chars.next()) {
        (Some(' '..='~'), None) => 1,
        (Some(c), None) if is_wide_everywhere(c) => 2,
        // What ratatui's own backend takes for granted.
        _ if symbol.width() == 1 => 1,
        _ => return None,
    };
    Some((x.checked_add(width)?, y))
}

impl<W: Write> Backend for RunBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // ratatui's backend passes writes through to its writer.
        let out = &mut self.crossterm;
        let mut look = Look::RESET;
        let mut cursor = None;
        for (x, y, cell) in content {
            if cursor != Some((x, y)) {
                move_to(out, x, y)?;
            }
            let cell_look = Look::of(cell);
            if cell_look != look {
                // Attributes can only be taken back all at once, with the colours.
                let reset = !look.modifier.difference(cell_look.modifier).is_empty();
                out.write_all(look_sequence(&mut self.looks, cell, reset)?)?;
                look = cell_look;
            }
            let symbol = cell.symbol();
            out.write_all(symbol.as_bytes())?;
            cursor = cursor_after(x, y, symbol);
        }
        queue!(
            out,
            SetForegroundColor(CrosstermColor::Reset),
            SetBackgroundColor(CrosstermColor::Reset),
            SetUnderlineColor(CrosstermColor::Reset),
            SetAttribute(Attribute::Reset),
        )
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.crossterm.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.crossterm.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.crossterm.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.crossterm.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.crossterm.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.crossterm.clear_region(clear_type)
    }

    fn append_lines(&mut self, n: u16) -> io::Result<()> {
        self.crossterm.append_lines(n)
    }

    fn size(&self) -> io::Result<Size> {
        self.crossterm.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.crossterm.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.crossterm)
    }
}

#[cfg(test)]
mod tests {
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::{Style, Stylize};
    use ratatui::text::{Line, Span};

    use super::*;

    /// What a frame of `lines` sends through each backend, `(runs, crossterm)`: the bytes,
    /// and the screen a terminal shows after them, styles included.
    fn frames(width: u16, lines: &[Line<'static>]) -> [(Vec<u8>, String); 2] {
        let height = u16::try_from(lines.len()).unwrap();
        let mut buffer = Buffer::empty(Rect::new(0, 0, width, height));
        for (y, line) in (0..).zip(lines) {
            buffer.set_line(0, y, line, width);
        }
        let blank = Buffer::empty(buffer.area);
        let (mut runs, mut crossterm) = (Vec::new(), Vec::new());
        (RunBackend::new(&mut runs).draw(blank.diff(&buffer).into_iter())).unwrap();
        Backend::draw(
            &mut CrosstermBackend::new(&mut crossterm),
            blank.diff(&buffer).into_iter(),
        )
        .unwrap();
        [runs, crossterm].map(|bytes| {
            let screen = shown(&bytes, width, height);
            (bytes, screen)
        })
    }

    /// What a terminal of `width` by `height` shows after `bytes`, styles included.
    fn shown(bytes: &[u8], width: u16, height: u16) -> String {
        let size = |n: u16| std::num::NonZeroU16::new(n).unwrap();
        let mut terminal = vt100::Parser::new(size(height), size(width), 0);
        terminal.process(bytes);
        terminal.screen().contents_formatted()
    }

    fn sample() -> Vec<Line<'static>> {
        vec![
            Line::from(vec!["第一版 ".bold(), "习近平电贺柬埔寨国王".into()]),
            Line::from(vec![
                "  “数字”".into(),
                " 2019年 ".reversed(),
                "新华社".yellow().on_blue(),
            ]),
            Line::from(vec!["ＡＢ，。".underlined().italic(), "😀 emoji".into()]),
            Line::from("│行末".red().dim()),
        ]
    }

    #[test]
    fn a_frame_shows_as_ratatuis_own_backend_shows_it() {
        let [(_, runs), (_, crossterm)] = frames(20, &sample());
        assert_eq!(runs, crossterm);
    }

    #[test]
    fn chinese_text_is_sent_without_a_cursor_move_after_every_character() {
        let line = Line::from("习近平电贺柬埔寨国王西哈莫尼登基十五周年");
        let [(runs, _), (crossterm, _)] = frames(40, &[line]);
        let moves = |bytes: &[u8]| String::from_utf8_lossy(bytes).matches('H').count();
        assert_eq!(moves(&runs), 1, "{}", String::from_utf8_lossy(&runs));
        assert!(moves(&crossterm) > 10);
        assert!(runs.len() * 2 < crossterm.len());
    }

    #[test]
    fn a_style_taken_away_is_taken_away_on_screen() {
        let lines = vec![Line::from(vec![
            "粗".bold().reversed(),
            "细".into(),
            "红".red(),
            Span::styled("默", Style::reset()),
        ])];
        let [(runs, shown), (_, expected)] = frames(10, &lines);
        assert_eq!(shown, expected, "{}", String::from_utf8_lossy(&runs));
    }

    #[test]
    fn frames_after_the_first_show_as_ratatuis_own_backend_shows_them() {
        let (width, height) = (20, 4);
        let area = Rect::new(0, 0, width, height);
        let mut frames = [
            Buffer::empty(area),
            Buffer::empty(area),
            Buffer::empty(area),
        ];
        for (y, line) in (0..).zip(sample()) {
            frames[1].set_line(0, y, &line, width);
        }
        for (y, line) in (0..).zip(sample().into_iter().rev()) {
            frames[2].set_line(0, y, &line.reversed(), width);
        }
        let (mut runs, mut crossterm) = (Vec::new(), Vec::new());
        let mut ours = RunBackend::new(&mut runs);
        let mut theirs = CrosstermBackend::new(&mut crossterm);
        for pair in frames.windows(2) {
            ours.draw(pair[0].diff(&pair[1]).into_iter()).unwrap();
            Backend::draw(&mut theirs, pair[0].diff(&pair[1]).into_iter()).unwrap();
        }
        assert_eq!(
            shown(&runs, width, height),
            shown(&crossterm, width, height)
        );
    }

    #[test]
    fn the_cursor_is_moved_after_characters_of_uncertain_width() {
        assert_eq!(cursor_after(3, 1, "中"), Some((5, 1)));
        assert_eq!(cursor_after(3, 1, "a"), Some((4, 1)));
        assert_eq!(cursor_after(3, 1, "😀"), None);
        assert_eq!(cursor_after(3, 1, ""), None);
        assert_eq!(cursor_after(u16::MAX, 1, "a"), None);
    }
}
