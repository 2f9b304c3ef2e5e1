//! Making page text safe to hold and show: control characters, terminal escape sequences,
//! bidi overrides and other invisible characters are taken out; tabs become spaces; line
//! endings are unified; decomposed text is composed (NFC).

use std::borrow::Cow;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc, is_nfc_quick};

/// Page text with everything that does not print taken out, and a record of what was.
#[derive(Debug, Default)]
pub struct Sanitized<'a> {
    /// The text: lines separated by '\n', printable characters and spaces only. Text that
    /// needed no change is borrowed, not copied: pages run to tens of megabytes.
    pub text: Cow<'a, str>,
    /// What was removed, line by line, in order.
    pub removed: Vec<LineRemovals>,
    /// True when the text started with a byte-order mark, which is encoding, not content.
    pub had_byte_order_mark: bool,
    /// The lines (1-based) whose decomposed characters were composed.
    pub composed_lines: Vec<usize>,
}

/// What was removed from one line: characters and whole escape sequences ("pieces").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineRemovals {
    /// The 1-based line.
    pub line: usize,
    /// Everything removed from it, in order.
    pub text: String,
    /// The first few pieces, shown as [`visible`] text.
    pub shown: Vec<String>,
    /// How many pieces there were in all.
    pub pieces: usize,
}

/// How many removed pieces of a line are kept for showing.
const SHOWN_PIECES: usize = 5;

const ESC: char = '\u{1b}';
const BEL: char = '\u{7}';
/// C1 string terminator.
const ST: char = '\u{9c}';
/// C1 control sequence introducer.
const CSI: char = '\u{9b}';

/// Takes every non-printing character out of `text`. Escape sequences go as whole units;
/// CRLF and U+2028/U+2029 become plain line breaks without comment.
pub fn sanitize(text: &str) -> Sanitized<'_> {
    let mut out = Sanitized::default();
    let mut start = 0;
    if let Some(rest) = text.strip_prefix('\u{feff}') {
        out.had_byte_order_mark = true;
        start = text.len() - rest.len();
    }
    let mut lines = LineCounter::default();
    let mut cleaned = String::new();
    // Text is copied a run at a time, between the characters that need care; most bytes are
    // passed over without decoding their character.
    let mut copied = start;
    let mut at = start;
    // Whether the characters kept so far are all composed (NFC) whatever their order.
    let mut kept_composed = true;
    while at < text.len() {
        // Most text is one such run: when it ends the text, the text is borrowed whole.
        at += plain_composed_run(&text.as_bytes()[at..]);
        let Some(rest) = text.as_bytes().get(at..).filter(|rest| !rest.is_empty()) else {
            break;
        };
        if let Some(len) = plain_len(rest) {
            kept_composed &= composed_len(rest).is_some();
            at += len;
            continue;
        }
        let c = text[at..].chars().next().expect("a character starts here");
        if cleaned.capacity() == 0 {
            cleaned.reserve(text.len());
        }
        cleaned.push_str(&text[copied..at]);
        let len = match c {
            '\u{2028}' | '\u{2029}' => {
                cleaned.push('\n');
                c.len_utf8()
            }
            '\r' if text[at + 1..].starts_with('\n') => 1,
            '\t' => {
                cleaned.push(' ');
                1
            }
            ESC | CSI | '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => {
                let len = escape_sequence_len(&text[at..]);
                out.remove(lines.at_end_of(&cleaned), &text[at..at + len]);
                len
            }
            c => {
                out.remove(lines.at_end_of(&cleaned), &text[at..at + c.len_utf8()]);
                c.len_utf8()
            }
        };
        at += len;
        copied = at;
    }
    out.text = if copied == start {
        Cow::Borrowed(&text[start..])
    } else {
        cleaned.push_str(&text[copied..]);
        Cow::Owned(cleaned)
    };
    out.compose(kept_composed);
    out
}

/// The byte length of the character at the start of `bytes` (a whole UTF-8 character at
/// least) when it is [`is_plain`], told from its first bytes where they suffice; `None`
/// when it needs care.
#[inline]
fn plain_len(bytes: &[u8]) -> Option<usize> {
    let lead = bytes[0];
    // Only a few lead bytes are shared with characters that are not plain; the next bytes
    // narrow those down to the blocks of is_invisible and the line and paragraph separators.
    let may_need_care = match lead {
        0x00..=0x7f => return is_plain(char::from(lead)).then_some(1),
        0xc2 | 0xcd | 0xd8 | 0xe1 | 0xe2 | 0xe3 | 0xef | 0xf3 => match (lead, bytes[1]) {
            (0xc2, _) | (0xcd, 0x8f) | (0xd8, 0x9c) | (0xe1, 0x85 | 0xa0) | (0xe2, 0x81) => true,
            (0xe3, 0x85) | (0xef, 0xbb | 0xbe | 0xbf) | (0xf3, 0xa0) => true,
            // U+2000..U+203F holds common punctuation (“” — …) beside the invisible ones.
            (0xe2, 0x80) => matches!(bytes[2], 0x8b | 0x8e | 0x8f | 0xa8..=0xae),
            _ => false,
        },
        _ => false,
    };
    let len = utf8_len(lead);
    if may_need_care && !is_plain(first_char(&bytes[..len])) {
        return None;
    }
    Some(len)
}

/// The character that is the whole of `bytes`.
fn first_char(bytes: &[u8]) -> char {
    std::str::from_utf8(bytes)
        .ok()
        .and_then(|text| text.chars().next())
        .expect("a whole character")
}

/// The byte length of the UTF-8 character that starts with `lead`.
const fn utf8_len(lead: u8) -> usize {
    match lead {
        0x00..=0x7f => 1,
        0x80..=0xdf => 2,
        0xe0..=0xef => 3,
        _ => 4,
    }
}

/// The byte length of the run of characters at the start of `bytes` (whole UTF-8
/// characters) that are both [`is_plain`] and [`is_composed`], told without decoding them:
/// by their first byte, else by the 64-code-point block of [`PLAIN_COMPOSED_BLOCKS`] that
/// two- and three-byte characters fall in.
#[inline]
fn plain_composed_run(bytes: &[u8]) -> usize {
    let mut at = 0;
    while let Some(&lead) = bytes.get(at) {
        let len = PLAIN_COMPOSED_LEN[usize::from(lead)];
        if len != 0 {
            at += usize::from(len);
            continue;
        }
        let len = utf8_len(lead);
        if !(0xc0..0xf0).contains(&lead) || at + len > bytes.len() {
            break;
        }
        let next = |index: usize| u32::from(bytes[at + index] & 0x3f);
        let code = match len {
            2 => (u32::from(lead & 0x1f) << 6) | next(1),
            _ => (u32::from(lead & 0x0f) << 12) | (next(1) << 6) | next(2),
        };
        if PLAIN_COMPOSED_BLOCKS[(code >> 6) as usize] >> (code & 0x3f) & 1 == 0 {
            break;
        }
        at += len;
    }
    at
}

/// The code points below U+10000 that [`is_composed`] knows without a look-up, and that
/// are [`is_plain`], one bit each, 64 to a block.
const PLAIN_COMPOSED_BLOCKS: [u64; 1024] = {
    let mut table = [0; 1024];
    let mut range = 0;
    while range < COMMON_COMPOSED.len() {
        let (first, last) = COMMON_COMPOSED[range];
        let mut code = first as u32;
        while code <= last as u32 && code < 0x10000 {
            if let Some(c) = char::from_u32(code)
                && is_plain(c)
            {
                table[(code >> 6) as usize] |= 1 << (code & 0x3f);
            }
            code += 1;
        }
        range += 1;
    }
    table
};

/// The ranges of characters composed (NFC) in any order and company that most Chinese and
/// Latin text is made of; see [`is_composed`].
const COMMON_COMPOSED: [(char, char); 5] = [
    ('\0', '\u{2ff}'),
    ('\u{2010}', '\u{2027}'),
    ('\u{3000}', '\u{3029}'),
    ('\u{4e00}', '\u{9fff}'),
    ('\u{ff00}', '\u{ffef}'),
];

/// For each lead byte, the byte length of the characters that start with it when all of
/// them are both [`is_plain`] and [`is_composed`], as most of a page is (printable ASCII,
/// U+00C0..U+02FF, U+4000..U+9FFF: CJK ideographs and hexagrams); 0 when some may not be.
const PLAIN_COMPOSED_LEN: [u8; 256] = {
    let mut table = [0; 256];
    table[b'\n' as usize] = 1;
    let mut byte = 0x20;
    while byte < 0x7f {
        table[byte] = 1;
        byte += 1;
    }
    let mut byte = 0xc3;
    while byte <= 0xcb {
        table[byte] = 2;
        byte += 1;
    }
    let mut byte = 0xe4;
    while byte <= 0xe9 {
        table[byte] = 3;
        byte += 1;
    }
    table
};

/// True for characters that are copied as they are: everything but controls other than the
/// line break, invisible characters, and the Unicode line and paragraph separators.
const fn is_plain(c: char) -> bool {
    if c.is_ascii() {
        return c == '\n' || !c.is_ascii_control();
    }
    !(is_invisible(c) || c == '\u{2028}' || c == '\u{2029}')
}

/// The 1-based number of the last line of a growing text, counted incrementally.
#[derive(Debug)]
struct LineCounter {
    counted: usize,
    line: usize,
}

impl Default for LineCounter {
    fn default() -> Self {
        Self {
            counted: 0,
            line: 1,
        }
    }
}

impl LineCounter {
    fn at_end_of(&mut self, text: &str) -> usize {
        self.line += memchr::memchr_iter(b'\n', &text.as_bytes()[self.counted..]).count();
        self.counted = text.len();
        self.line
    }
}

impl Sanitized<'_> {
    fn remove(&mut self, line: usize, piece: &str) {
        if self.removed.last().is_none_or(|last| last.line != line) {
            self.removed.push(LineRemovals {
                line,
                ..LineRemovals::default()
            });
        }
        let removals = self.removed.last_mut().expect("just pushed");
        removals.text.push_str(piece);
        removals.pieces += 1;
        if removals.shown.len() < SHOWN_PIECES {
            removals.shown.push(visible(piece));
        }
    }

    /// Composes decomposed characters line by line, remembering which lines changed.
    /// `all_composed` tells that every character of the text is [`is_composed`].
    fn compose(&mut self, all_composed: bool) {
        if all_composed || is_nfc(&self.text) {
            return;
        }
        let mut composed = String::with_capacity(self.text.len());
        for (index, line) in self.text.split('\n').enumerate() {
            if index > 0 {
                composed.push('\n');
            }
            if is_nfc(line) {
                composed.push_str(line);
            } else {
                composed.extend(line.nfc());
                self.composed_lines.push(index + 1);
            }
        }
        self.text = Cow::Owned(composed);
    }
}

/// The byte length of the character at the start of `bytes` (a whole UTF-8 character at
/// least) when it is [`is_composed`]; `None` when it is not. The common ranges of
/// [`is_composed`] are told from the first bytes, without decoding.
#[inline]
fn composed_len(bytes: &[u8]) -> Option<usize> {
    let lead = bytes[0];
    let known = match lead {
        // U+0000..U+007F, U+0080..U+02FF, U+5000..U+9FFF.
        0x00..=0x7f | 0xc2..=0xcb | 0xe5..=0xe9 => true,
        // U+2010..U+2027, U+3000..U+3029, U+4E00..U+4FFF, U+FF00..U+FFBF.
        0xe2 | 0xe3 | 0xe4 | 0xef => matches!(
            (lead, bytes[1], bytes[2]),
            (0xe2, 0x80, 0x90..=0xa7)
                | (0xe3, 0x80, 0x80..=0xa9)
                | (0xe4, 0xb8..=0xbf, _)
                | (0xef, 0xbc..=0xbe, _)
        ),
        _ => false,
    };
    let len = utf8_len(lead);
    (known || is_composed(first_char(&bytes[..len]))).then_some(len)
}

/// True for characters that are composed (NFC) in any order and company: no character
/// combines with them or into them. The ranges of most Chinese and Latin text are known
/// without the table look-ups of the NFC quick check.
fn is_composed(c: char) -> bool {
    let common = (COMMON_COMPOSED.iter()).any(|&(first, last)| (first..=last).contains(&c));
    let quick_check = || is_nfc_quick([c].into_iter()) == IsNormalized::Yes;
    common || (canonical_combining_class(c) == 0 && quick_check())
}

/// True for characters that print nothing and can hide or reorder text: C0 and C1 controls
/// (other than line break and tab), bidi controls, zero-width and other format characters.
/// Zero-width joiners stay: emoji sequences and some scripts need them.
pub const fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{0}'..='\u{8}' | '\u{b}'..='\u{1f}' | '\u{7f}'..='\u{9f}'
        | '\u{ad}' | '\u{34f}' | '\u{61c}' | '\u{115f}' | '\u{1160}' | '\u{180e}'
        | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
        | '\u{2060}'..='\u{206f}' | '\u{3164}' | '\u{feff}' | '\u{ffa0}'
        | '\u{fff9}'..='\u{fffb}' | '\u{e0000}'..='\u{e007f}')
}

/// The byte length of the escape sequence at the start of `text` (which starts with ESC or a
/// C1 introducer): CSI "ESC [ … final", OSC/DCS/PM/APC strings up to BEL or ST, or a short
/// "ESC intermediates final". A sequence never runs past the end of its line.
fn escape_sequence_len(text: &str) -> usize {
    let mut chars = text.char_indices();
    let Some((_, first)) = chars.next() else {
        return 0;
    };
    let (kind, body_start) = match first {
        ESC => match chars.next() {
            Some((at, c)) => (c, at + c.len_utf8()),
            None => return first.len_utf8(),
        },
        CSI => ('[', first.len_utf8()),
        '\u{9d}' => (']', first.len_utf8()),
        c => ('P', c.len_utf8()),
    };
    let body = &text[body_start..];
    let body_len = match kind {
        '[' => {
            let params: usize = body
                .chars()
                .take_while(|&c| ('\u{20}'..='\u{3f}').contains(&c))
                .count();
            let has_final = body[params..]
                .chars()
                .next()
                .is_some_and(|c| ('\u{40}'..='\u{7e}').contains(&c));
            params + usize::from(has_final)
        }
        ']' | 'P' | 'X' | '^' | '_' => string_sequence_len(body),
        '\u{20}'..='\u{2f}' => {
            let intermediates = body
                .chars()
                .take_while(|&c| ('\u{20}'..='\u{2f}').contains(&c))
                .count();
            let has_final = body[intermediates..]
                .chars()
                .next()
                .is_some_and(|c| ('\u{30}'..='\u{7e}').contains(&c));
            intermediates + usize::from(has_final)
        }
        '\u{30}'..='\u{7e}' => 0,
        // ESC before anything else is a lone ESC: the next character is text.
        _ => return first.len_utf8(),
    };
    body_start + body_len
}

/// The length of an OSC/DCS-style string body, its terminator (BEL, ESC \ or ST) included.
fn string_sequence_len(body: &str) -> usize {
    for (at, c) in body.char_indices() {
        match c {
            BEL | ST => return at + c.len_utf8(),
            ESC if body[at + 1..].starts_with('\\') => return at + 2,
            '\n' => return at,
            _ => {}
        }
    }
    body.len()
}

/// How a removed piece is shown in a warning: control characters by name or code point, so
/// the warning itself never carries one.
pub fn visible(text: &str) -> String {
    let mut words: Vec<String> = Vec::new();
    let mut printable_run = false;
    for c in text.chars() {
        let name = match c {
            ESC => "ESC".to_owned(),
            BEL => "BEL".to_owned(),
            '\u{8}' => "BS".to_owned(),
            '\r' => "CR".to_owned(),
            c if c.is_control() || is_invisible(c) => format!("U+{:04X}", u32::from(c)),
            c => {
                match words.last_mut() {
                    Some(word) if printable_run => word.push(c),
                    _ => words.push(c.into()),
                }
                printable_run = true;
                continue;
            }
        };
        words.push(name);
        printable_run = false;
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn removed(text: &str) -> Vec<String> {
        sanitize(text)
            .removed
            .into_iter()
            .flat_map(|line| line.shown)
            .collect()
    }

    #[test]
    fn escape_sequences_go_as_whole_units() {
        let text = "标题\x1b]0;owned\x07正文\x1b[2J清屏\x1b[31m红色";
        let clean = sanitize(text);
        assert_eq!(clean.text, "标题正文清屏红色");
        assert_eq!(removed(text), ["ESC ]0;owned BEL", "ESC [2J", "ESC [31m"]);
        assert_eq!(clean.removed[0].text, "\x1b]0;owned\x07\x1b[2J\x1b[31m");
    }

    #[test]
    fn osc_ended_by_string_terminator_and_unended_osc_stops_at_line_end() {
        let clean = sanitize("甲\x1b]2;title\x1b\\乙\n丙\x1b]0;no end\n丁");
        assert_eq!(clean.text, "甲乙\n丙\n丁");
        assert_eq!(clean.removed[1].line, 2);
    }

    #[test]
    fn lone_controls_and_bidi_overrides_are_removed() {
        let text = "甲\x07乙\x08丙\r丁\u{202e}戊\u{2066}己\u{200b}庚";
        assert_eq!(sanitize(text).text, "甲乙丙丁戊己庚");
        assert_eq!(removed(text).len(), 5);
        assert_eq!(sanitize(text).removed[0].pieces, 6);
    }

    #[test]
    fn crlf_and_tabs_are_normal_text() {
        let clean = sanitize("甲\r\n\t乙\r\n");
        assert_eq!(clean.text, "甲\n 乙\n");
        assert!(clean.removed.is_empty());
    }

    #[test]
    fn a_leading_byte_order_mark_is_encoding() {
        let clean = sanitize("\u{feff}甲");
        assert_eq!(clean.text, "甲");
        assert!(clean.had_byte_order_mark && clean.removed.is_empty());
    }

    #[test]
    fn decomposed_lines_are_composed() {
        let clean = sanitize("cafe\u{301}\nok\nre\u{301}sume\u{301}");
        assert_eq!(clean.text, "café\nok\nrésumé");
        assert_eq!(clean.composed_lines, [1, 3]);
    }

    /// Asserts that `told` answers from a character's bytes what `is` answers from the
    /// character, for every character, alone and followed by more text as it mostly is.
    fn assert_told_from_bytes(told: fn(&[u8]) -> Option<usize>, is: fn(char) -> bool) {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let mut buffer = [0; 4];
            let bytes = c.encode_utf8(&mut buffer).as_bytes();
            let expected = is(c).then_some(c.len_utf8());
            assert_eq!(told(bytes), expected, "{c:?}");
            let followed = [bytes, "甲".as_bytes()].concat();
            assert_eq!(told(&followed), expected, "{c:?}");
        }
    }

    #[test]
    fn plainness_told_from_first_bytes_agrees_with_the_character() {
        assert_told_from_bytes(plain_len, is_plain);
    }

    #[test]
    fn characters_known_to_be_composed_never_combine() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if is_composed(c) {
                assert_eq!(is_nfc_quick([c].into_iter()), IsNormalized::Yes, "{c:?}");
                assert_eq!(canonical_combining_class(c), 0, "{c:?}");
            }
        }
    }

    #[test]
    fn composedness_told_from_first_bytes_agrees_with_the_character() {
        assert_told_from_bytes(composed_len, is_composed);
    }

    #[test]
    fn characters_passed_over_by_their_first_byte_are_plain_and_composed() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let first = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
            let len = PLAIN_COMPOSED_LEN[usize::from(first)];
            if len != 0 {
                assert!(is_plain(c) && is_composed(c), "{c:?}");
                assert_eq!(usize::from(len), c.len_utf8(), "{c:?}");
            }
        }
    }

    #[test]
    fn runs_told_from_blocks_hold_only_plain_composed_characters() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let bytes = [c.encode_utf8(&mut [0; 4]).as_bytes(), b"\x07"].concat();
            let run = plain_composed_run(&bytes);
            if run != 0 {
                assert!(is_plain(c) && is_composed(c), "{c:?}");
                assert_eq!(run, c.len_utf8(), "{c:?}");
            }
            let common = COMMON_COMPOSED.iter().any(|&(a, b)| (a..=b).contains(&c));
            if is_plain(c) && common && c.len_utf8() < 4 {
                assert_eq!(run, c.len_utf8(), "{c:?}");
            }
        }
    }

    #[test]
    fn removed_pieces_are_shown_without_control_characters() {
        assert_eq!(visible("\x1b]0;owned\x07"), "ESC ]0;owned BEL");
        assert_eq!(visible("\u{202e}"), "U+202E");
    }
}
