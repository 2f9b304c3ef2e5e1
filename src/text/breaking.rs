//! Where display text may break into lines: the Chinese line-breaking rules (禁则), and the
//! Latin words and numbers that stay whole.
//!
//! The rules are written out here rather than taken from UAX #14 (the `unicode-linebreak`
//! crate): UAX #14 lets a line start with … — · or %, which Chinese typesetting forbids, and
//! it has no notion of pulling a character down to the next line. What Chinese needs is a
//! handful of character classes and a greedy fill, small enough to test exhaustively.

use std::ops::Range;

use unicode_width::UnicodeWidthChar;

use super::{AmbiguousWidth, char_widths};

/// The narrowest width a line can be laid out to: one wide character must always fit.
pub const MIN_WIDTH: usize = 2;

/// True for characters a line must not start with (避头): closing brackets and quotes,
/// pauses and stops, the ellipsis, the dash, the middle dot and the percent sign.
pub fn is_line_start_prohibited(c: char) -> bool {
    matches!(
        c,
        '，' | '。'
            | '、'
            | '；'
            | '：'
            | '？'
            | '！'
            | '）'
            | '》'
            | '」'
            | '』'
            | '】'
            | '〉'
            | '〕'
            | '〗'
            | '］'
            | '｝'
            | '．'
            | '％'
            | '”'
            | '’'
            | '…'
            | '—'
            | '·'
            | '%'
            | ','
            | '.'
            | ';'
            | ':'
            | '?'
            | '!'
            | ')'
            | ']'
            | '}'
    )
}

/// True for characters a line must not end with (避尾): opening brackets and quotes.
pub fn is_line_end_prohibited(c: char) -> bool {
    matches!(
        c,
        '（' | '《'
            | '「'
            | '『'
            | '【'
            | '〈'
            | '〔'
            | '〖'
            | '［'
            | '｛'
            | '“'
            | '‘'
            | '('
            | '['
            | '{'
    )
}

/// A space where a line may break; the spaces at a break are not shown.
fn is_breaking_space(c: char) -> bool {
    c.is_whitespace()
        && !c.is_control()
        && !matches!(c, '\u{3000}' | '\u{a0}' | '\u{2007}' | '\u{202f}')
}

/// A character that binds to both neighbours: no-break spaces and word joiners.
fn is_glue(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2007}' | '\u{202f}' | '\u{2060}' | '\u{feff}'
    )
}

/// A zero-width character (combining mark, joiner): it stays with the character before it.
fn is_zero_width(c: char) -> bool {
    c.width() == Some(0)
}

/// A character of a Latin word or number: narrow, not a space, not Chinese punctuation.
/// Runs of these stay whole ("2023", "JQ", "4.0", "f(x)").
fn is_word_char(c: char) -> bool {
    c.width() != Some(2)
        && !is_breaking_space(c)
        && !matches!(c, '“' | '”' | '‘' | '’' | '…' | '—' | '·')
}

/// True when a line may end after `before` and the next start with `after` (neither a space).
fn may_break_between(before: char, after: char) -> bool {
    let inside_word = is_word_char(before) && is_word_char(after);
    !(inside_word
        || is_line_end_prohibited(before)
        || is_line_start_prohibited(after)
        || is_zero_width(after)
        || is_glue(before)
        || is_glue(after))
}

/// A place where a line may end: the line stops before `end` and the next starts at `next`;
/// the chars in between are the spaces the break replaces.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Break {
    end: usize,
    next: usize,
}

/// Every legal break in `text`, in order.
fn legal_breaks(text: &[char]) -> Vec<Break> {
    let mut breaks = Vec::new();
    // Leading spaces belong to the first line: a break there would leave it empty.
    let first_visible = text.iter().position(|&c| !is_breaking_space(c));
    let mut at = first_visible.map_or(text.len(), |index| index + 1);
    while at < text.len() {
        let before = text[at - 1];
        if is_breaking_space(text[at]) {
            let next = text[at..]
                .iter()
                .position(|&c| !is_breaking_space(c))
                .map_or(text.len(), |offset| at + offset);
            let after = text.get(next).copied();
            if !is_line_end_prohibited(before)
                && after.is_none_or(|c| !is_line_start_prohibited(c) && !is_zero_width(c))
            {
                breaks.push(Break { end: at, next });
            }
            at = next + 1;
        } else {
            if may_break_between(before, text[at]) {
                breaks.push(Break { end: at, next: at });
            }
            at += 1;
        }
    }
    breaks
}

/// The end of the longest run of `widths` from `start` that fits in `available` cells.
fn fit_end(widths: &[usize], start: usize, available: usize) -> usize {
    let mut used = 0;
    let mut end = start;
    while let Some(&width) = widths.get(end) {
        if used + width > available {
            break;
        }
        used += width;
        end += 1;
    }
    end
}

/// Where to cut a line that has no legal break: as late as fits, but not before a 避头 or
/// after a 避尾 character when an earlier cut avoids it.
fn forced_break(text: &[char], start: usize, fit: usize) -> usize {
    // A char wider than the line still goes somewhere; callers keep widths ≥ MIN_WIDTH.
    let latest = fit.max(start + 1);
    (start + 1..=latest)
        .rev()
        .find(|&at| {
            text.get(at)
                .is_none_or(|&c| !is_line_start_prohibited(c) && !is_zero_width(c))
                && !is_line_end_prohibited(text[at - 1])
        })
        .unwrap_or(latest)
}

/// Splits display text into lines: the first at most `first_width` cells wide, the others at
/// most `width`, measured with `ambiguous`. Returns each line's range of chars in `text`;
/// the spaces at a break belong to no line. Widths below [`MIN_WIDTH`] count as `MIN_WIDTH`.
///
/// Lines are filled greedily and end at the last legal break that fits. When the character
/// that would start the next line may not start one (避头), or the last one that fits may not
/// end one (避尾), the line ends earlier, taking characters down with it (先推出). A word is
/// cut only when no legal break fits on the line at all.
pub fn break_lines(
    text: &[char],
    ambiguous: AmbiguousWidth,
    first_width: usize,
    width: usize,
) -> Vec<Range<usize>> {
    let widths = char_widths(text, ambiguous);
    let breaks = legal_breaks(text);
    let mut lines = Vec::new();
    let mut start = 0;
    let mut available = first_width.max(MIN_WIDTH);
    while start < text.len() {
        let fit = fit_end(&widths, start, available);
        if fit == text.len() {
            lines.push(start..fit);
            break;
        }
        let fitting = breaks.partition_point(|line_break| line_break.end <= fit);
        let chosen = breaks[..fitting]
            .last()
            .filter(|line_break| line_break.end > start)
            .copied()
            .unwrap_or_else(|| {
                let end = forced_break(text, start, fit);
                Break { end, next: end }
            });
        lines.push(start..chosen.end);
        start = chosen.next;
        available = width.max(MIN_WIDTH);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lines `text` breaks into at `width` with narrow ambiguous characters.
    fn lines(text: &str, width: usize) -> Vec<String> {
        lines_with(text, width, AmbiguousWidth::Narrow)
    }

    fn lines_with(text: &str, width: usize, ambiguous: AmbiguousWidth) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        break_lines(&chars, ambiguous, width, width)
            .into_iter()
            .map(|range| chars[range].iter().collect())
            .collect()
    }

    #[test]
    fn chinese_breaks_between_any_two_characters() {
        assert_eq!(lines("数字青岛建设", 4), ["数字", "青岛", "建设"]);
    }

    #[test]
    fn a_wide_character_at_the_last_column_moves_to_the_next_line() {
        assert_eq!(lines("ab数字", 5), ["ab数", "字"]);
        assert_eq!(lines("a数字", 4), ["a数", "字"]);
    }

    #[test]
    fn line_start_punctuation_pulls_the_previous_character_down() {
        assert_eq!(lines("会议指出，加快", 8), ["会议指", "出，加快"]);
        assert_eq!(lines("数字化。", 6), ["数字", "化。"]);
        assert_eq!(lines("“城市云脑”功能", 9), ["“城市云", "脑”功能"]);
    }

    #[test]
    fn line_end_brackets_move_down_with_what_they_open() {
        assert_eq!(lines("通报了《数字》", 8), ["通报了", "《数字》"]);
        assert_eq!(lines("班列（齐鲁号）", 6), ["班列", "（齐鲁", "号）"]);
    }

    #[test]
    fn dashes_and_ellipses_never_split_or_start_a_line() {
        assert_eq!(lines("产品——增力轮", 5), ["产", "品——", "增力", "轮"]);
        assert_eq!(lines("等等……然后", 5), ["等", "等……", "然后"]);
    }

    #[test]
    fn numbers_words_and_decimals_stay_whole() {
        assert_eq!(lines("约700辆奇瑞", 4), ["约", "700", "辆奇", "瑞"]);
        assert_eq!(lines("首班JQ奇瑞", 5), ["首班", "JQ奇", "瑞"]);
        assert_eq!(lines("工业4.0基地", 5), ["工业", "4.0基", "地"]);
        assert_eq!(lines("数字青岛2023年", 10), ["数字青岛", "2023年"]);
    }

    #[test]
    fn a_word_wider_than_the_line_is_cut() {
        assert_eq!(
            lines("Supercalifragilistic", 8),
            ["Supercal", "ifragili", "stic"]
        );
    }

    #[test]
    fn a_forced_cut_still_avoids_line_start_punctuation() {
        assert_eq!(lines("abc,defg", 3), ["ab", "c,d", "efg"]);
    }

    #[test]
    fn english_wraps_at_spaces_and_the_break_swallows_them() {
        assert_eq!(
            lines("A blue and red locomotive", 10),
            ["A blue and", "red", "locomotive"]
        );
        assert_eq!(lines("one  two", 5), ["one", "two"]);
    }

    #[test]
    fn leading_spaces_stay_and_trailing_spaces_at_a_break_go() {
        assert_eq!(lines(" ab cd ", 3), [" ab", "cd "]);
        assert_eq!(lines("ab cd ", 2), ["ab", "cd"]);
    }

    #[test]
    fn no_break_at_a_space_before_closing_punctuation() {
        assert_eq!(lines("one two —", 8), ["one", "two —"]);
    }

    #[test]
    fn ambiguous_characters_are_measured_with_the_setting() {
        assert_eq!(lines_with("“数字”", 6, AmbiguousWidth::Narrow), ["“数字”"]);
        assert_eq!(
            lines_with("“数字”", 6, AmbiguousWidth::Wide),
            ["“数", "字”"]
        );
    }

    #[test]
    fn the_first_line_can_be_narrower_than_the_rest() {
        let chars: Vec<char> = "数字青岛建设".chars().collect();
        assert_eq!(
            break_lines(&chars, AmbiguousWidth::Narrow, 2, 6),
            [0..1, 1..4, 4..6]
        );
    }

    #[test]
    fn widths_below_the_minimum_still_hold_one_wide_character() {
        assert_eq!(lines("数字", 1), ["数", "字"]);
        assert_eq!(lines("ab", 0), ["ab"]);
    }

    #[test]
    fn combining_marks_stay_with_their_base() {
        assert_eq!(lines("abe\u{301}", 3), ["abe\u{301}"]);
        assert_eq!(lines("数e\u{301}", 2), ["数", "e\u{301}"]);
    }

    #[test]
    fn empty_text_has_no_lines() {
        assert!(lines("", 10).is_empty());
    }
}
