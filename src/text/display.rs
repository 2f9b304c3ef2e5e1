//! The display form of model text: char for char, so that a char offset in the display text
//! is the same offset in the source.

use unicode_width::UnicodeWidthChar;

/// How half-width punctuation beside Chinese text is shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum Punctuation {
    /// Shown in full-width form (, → ，), as a Chinese page prints it.
    #[default]
    FullWidth,
    /// Shown as the source has it.
    Source,
}

/// The full-width form of half-width punctuation that Chinese text prints full width.
pub fn full_width_form(c: char) -> Option<char> {
    Some(match c {
        ',' => '，',
        ';' => '；',
        ':' => '：',
        '?' => '？',
        '!' => '！',
        '(' => '（',
        ')' => '）',
        _ => return None,
    })
}

/// A visible stand-in for a character a terminal must not be sent: C0 controls show as their
/// control pictures (␉ ␊ ␛), other controls and line or paragraph separators as �.
pub fn visible_control(c: char) -> Option<char> {
    match c {
        '\0'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)),
        '\u{7f}' => Some('␡'),
        _ if c.is_control() => Some('\u{fffd}'),
        '\u{2028}' | '\u{2029}' => Some('\u{fffd}'),
        _ => None,
    }
}

/// True for characters that set a Chinese context: those a terminal draws two cells wide.
fn is_chinese(c: char) -> bool {
    c.width() == Some(2)
}

/// The text as it is displayed: one display char for each source char.
///
/// Control characters become visible stand-ins. With [`Punctuation::FullWidth`],
/// `, ; : ? ! ( )` next to a Chinese character are shown full width, so "会议指出,加快" reads
/// "会议指出，加快" while "1,000", "10:30" and "Hello, world" keep their forms. Brackets
/// change in pairs: "(JQ)" after Chinese text becomes "（JQ）", not "（JQ)".
pub fn display_chars(text: &str, punctuation: Punctuation) -> Vec<char> {
    let source: Vec<char> = text.chars().collect();
    let mut display: Vec<char> = source
        .iter()
        .map(|&c| visible_control(c).unwrap_or(c))
        .collect();
    if punctuation == Punctuation::Source {
        return display;
    }
    let beside_chinese = |index: usize| {
        let before = index.checked_sub(1).map(|before| source[before]);
        let after = source.get(index + 1).copied();
        before.is_some_and(is_chinese) || after.is_some_and(is_chinese)
    };
    let mut widen = vec![false; source.len()];
    let mut open_brackets = Vec::new();
    for (index, &c) in source.iter().enumerate() {
        if full_width_form(c).is_none() {
            continue;
        }
        widen[index] = beside_chinese(index);
        match c {
            '(' => open_brackets.push(index),
            ')' => {
                if let Some(open) = open_brackets.pop() {
                    let pair = widen[open] || widen[index];
                    widen[open] = pair;
                    widen[index] = pair;
                }
            }
            _ => {}
        }
    }
    for (shown, widened) in display.iter_mut().zip(widen) {
        if widened {
            *shown = full_width_form(*shown).unwrap_or(*shown);
        }
    }
    display
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str) -> String {
        display_chars(text, Punctuation::FullWidth)
            .into_iter()
            .collect()
    }

    #[test]
    fn half_width_punctuation_beside_chinese_is_shown_full_width() {
        assert_eq!(
            shown("会议指出,加快;提升?是!要:"),
            "会议指出，加快；提升？是！要："
        );
        assert_eq!(shown("中欧班列(齐鲁号)运输"), "中欧班列（齐鲁号）运输");
        assert_eq!(shown("(下转第四版)"), "（下转第四版）");
    }

    #[test]
    fn punctuation_in_latin_text_and_numbers_keeps_its_form() {
        assert_eq!(shown("1,000 at 10:30"), "1,000 at 10:30");
        assert_eq!(shown("Hello, world (again)!"), "Hello, world (again)!");
        assert_eq!(shown("“工业4.0”,"), "“工业4.0”,");
    }

    #[test]
    fn brackets_change_in_pairs() {
        assert_eq!(shown("首班(JQ)"), "首班（JQ）");
        assert_eq!(shown("(JQ)首班"), "（JQ）首班");
        assert_eq!(shown("f(x) 中"), "f(x) 中");
    }

    #[test]
    fn the_source_setting_shows_punctuation_as_it_is() {
        let text = "会议指出,加快(市)";
        let shown: String = display_chars(text, Punctuation::Source)
            .into_iter()
            .collect();
        assert_eq!(shown, text);
    }

    #[test]
    fn control_characters_are_shown_visibly() {
        assert_eq!(shown("a\tb\nc\u{1b}d\u{7f}\u{85}"), "a␉b␊c␛d␡\u{fffd}");
        let source: String = display_chars("x\u{0}", Punctuation::Source)
            .into_iter()
            .collect();
        assert_eq!(source, "x␀");
    }

    #[test]
    fn display_has_one_char_per_source_char() {
        let text = "会议,指出\t(JQ)1,0";
        assert_eq!(
            display_chars(text, Punctuation::FullWidth).len(),
            text.chars().count()
        );
    }
}
