//! Character classes the whole crate shares, each defined once: what a Chinese character is,
//! and what ends a sentence.

/// Marks that end a sentence: 。！？… and their half-width and full-width forms.
pub const SENTENCE_END: &[char] = &['。', '！', '？', '!', '?', '…', '．', '.'];

/// Closing quotes and brackets, which may follow a sentence's end ("…。”").
pub const CLOSING: &[char] = &['”', '’', '"', '\'', '」', '』', '）', ')', '》', '】', '〕'];

/// True for CJK ideographs (the letters of Chinese text): the unified ideographs, their
/// extensions A to G, and the compatibility ideographs.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{3134F}')
}

/// True for characters every terminal draws two columns wide: CJK ideographs, CJK
/// punctuation, kana, Hangul syllables and full-width forms. Ambiguous characters (“ — …)
/// and emoji are not: terminals differ on them.
pub fn is_wide_everywhere(c: char) -> bool {
    is_cjk(c)
        || matches!(c,
            '\u{3000}'..='\u{303E}' | '\u{3041}'..='\u{30FF}' | '\u{AC00}'..='\u{D7A3}'
            | '\u{FF01}'..='\u{FF60}' | '\u{FFE0}'..='\u{FFE6}')
}

/// True when `text` ends a sentence: its last mark, past closing quotes and brackets, is 。！？….
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(CLOSING)
        .ends_with(SENTENCE_END)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_end_past_closing_quotes() {
        assert!(ends_sentence("他说：“好。”"));
        assert!(!ends_sentence("完善“城市云脑”"));
        assert!(is_cjk('中') && is_cjk('\u{20000}') && !is_cjk('，') && !is_cjk('a'));
    }
}
