//! Bytes → text: the encoding told by a byte-order mark, else valid UTF-8, else UTF-16 or
//! UTF-32 without a mark, else the legacy encoding a detector guesses (GB18030, Big5, …),
//! kept only when it decodes without errors; and every line end (CRLF, CR, LF) made LF.

use std::borrow::Cow;
use std::fmt::Write as _;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{BIG5, Encoding, GB18030, UTF_8, UTF_16BE, UTF_16LE};

/// A file with this share of invalid UTF-8 bytes or more, and no encoding that reads it
/// whole, is not read as text.
const MAX_INVALID_SHARE: usize = 10;
/// Least share of decoded characters that must look like text (letters, digits, punctuation,
/// spaces) for a guessed encoding to be believed.
const MIN_TEXT_SHARE: f64 = 0.9;

/// The text of a file, and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, every line end a `\n`, without a byte-order mark.
    pub text: String,
    /// The encoding's name as `encoding_rs` spells it ("UTF-8", "GBK", "UTF-16LE", "UTF-32LE").
    pub encoding: &'static str,
    /// How the encoding was found.
    pub found_by: FoundBy,
    /// How many invalid bytes were replaced with U+FFFD.
    pub replaced: usize,
}

/// How the encoding of a text was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FoundBy {
    /// Named by the user (`--encoding`).
    Named,
    /// A byte-order mark.
    ByteOrderMark,
    /// The bytes are valid UTF-8 (the common case, not worth a warning).
    ValidUtf8,
    /// Guessed from the bytes, and the guess decodes them without an error.
    Guessed,
}

impl Decoded {
    /// The warning a reader sees about the encoding, when it is not plain UTF-8.
    pub fn warning(&self, name: &str) -> Option<String> {
        let how = match self.found_by {
            FoundBy::ValidUtf8 if self.replaced == 0 => return None,
            FoundBy::ValidUtf8 => "mostly UTF-8",
            FoundBy::Named => "as asked",
            FoundBy::ByteOrderMark => "by its byte-order mark",
            FoundBy::Guessed => "detected",
        };
        let mut warning = format!("{name}: read as {} ({how})", self.encoding);
        if self.replaced > 0 {
            let plural = if self.replaced == 1 { "" } else { "s" };
            let _ = write!(
                warning,
                "; replaced {} invalid byte{plural} with U+FFFD",
                self.replaced
            );
        }
        Some(warning)
    }
}

/// Why bytes are not text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotText(pub String);

/// Decodes a whole file: `named` overrides detection.
pub fn decode(
    bytes: impl Into<Vec<u8>>,
    named: Option<&'static Encoding>,
) -> Result<Decoded, NotText> {
    let mut bytes = bytes.into();
    if named.is_none() && plain_utf8(&bytes).is_some() && memchr::memchr(0, &bytes).is_none() {
        line_ends_to_lf(&mut bytes);
        // SAFETY: the bytes were valid UTF-8, and making line ends LF keeps them so: it only
        // removes or replaces ASCII bytes (CR) with ASCII bytes (LF).
        let text = unsafe { String::from_utf8_unchecked(bytes) };
        return Ok(Decoded {
            text,
            encoding: "UTF-8",
            found_by: FoundBy::ValidUtf8,
            replaced: 0,
        });
    }
    let (text, encoding, found_by, replaced) = match named {
        Some(encoding) => {
            let (text, replaced) = decode_lossy(encoding, &bytes);
            (text, encoding.name(), FoundBy::Named, replaced)
        }
        None => detect(bytes)?,
    };
    if memchr::memchr(0, text.as_bytes()).is_some() {
        return Err(NotText("it contains NUL characters".into()));
    }
    Ok(Decoded {
        text: normalize_line_ends(text),
        encoding,
        found_by,
        replaced,
    })
}

/// `bytes` as text when they are valid UTF-8 without a byte-order mark: the common case.
fn plain_utf8(bytes: &[u8]) -> Option<&str> {
    // std's validation walks non-ASCII text (all of a Chinese page) a byte at a time;
    // simdutf8, the validator many parsers rely on, checks it many bytes at a time with the
    // same answer.
    let text = simdutf8::basic::from_utf8(bytes).ok()?;
    (!text.starts_with('\u{feff}')).then_some(text)
}

/// True when the first bytes of a file can start a text: checked before the rest is read,
/// so a device or a binary file is refused at once. `bytes` may end inside a character.
pub fn may_be_text(bytes: &[u8]) -> Result<(), NotText> {
    if bytes.is_empty() || unicode_bom(bytes).is_some() {
        return Ok(());
    }
    // UTF-8 without NUL is text; a character cut at the end of the prefix is no error.
    // Valid UTF-8, the common case, is told by the fast validator; only other bytes are
    // looked at again for where they stop being UTF-8.
    let utf8_prefix =
        match simdutf8::basic::from_utf8(bytes).map_or_else(|_| std::str::from_utf8(bytes), Ok) {
            Ok(_) => Some(bytes),
            Err(error) if error.error_len().is_none() => Some(&bytes[..error.valid_up_to()]),
            Err(_) => None,
        };
    if utf8_prefix.is_some_and(|prefix| memchr::memchr(0, prefix).is_none()) {
        return Ok(());
    }
    // No text in any encoding holds eight NUL bytes in a row.
    if bytes.windows(8).any(|window| window == [0; 8]) {
        return Err(NotText("it contains runs of NUL bytes".into()));
    }
    let plausible = |text: &str| !text.contains('\0') && text_share(text) >= MIN_TEXT_SHARE;
    let wide = [Wide::Utf32Le, Wide::Utf32Be, Wide::Utf16Le, Wide::Utf16Be];
    let cut = |unit: usize| &bytes[..bytes.len() - bytes.len() % unit];
    if wide.iter().any(|wide| {
        wide.decode(cut(wide.unit()), true)
            .is_some_and(|text| plausible(&text))
    }) {
        return Ok(());
    }
    let invalid = invalid_utf8_bytes(bytes);
    if invalid * MAX_INVALID_SHARE < bytes.len() || legacy_guess(bytes, false).is_some() {
        return Ok(());
    }
    Err(NotText(format!(
        "its first {} bytes are in no text encoding",
        bytes.len()
    )))
}

type Detected = (String, &'static str, FoundBy, usize);

/// Reads bytes that are not [`plain_utf8`].
fn detect(bytes: Vec<u8>) -> Result<Detected, NotText> {
    let bytes = bytes.as_slice();
    if let Some((wide, bom_len)) = unicode_bom(bytes) {
        let body = &bytes[bom_len..];
        return if let Some(wide) = wide {
            let text = wide.decode(body, false).ok_or_else(|| {
                NotText(format!("it is not valid {} after its mark", wide.name()))
            })?;
            Ok((text, wide.name(), FoundBy::ByteOrderMark, 0))
        } else {
            let (text, replaced) = decode_lossy(UTF_8, body);
            Ok((text, "UTF-8", FoundBy::ByteOrderMark, replaced))
        };
    }
    // UTF-16 and UTF-32 text holds NUL bytes (in every ASCII character): read before any test
    // that takes NUL bytes for binary.
    if bytes.contains(&0) {
        let wide = [Wide::Utf32Le, Wide::Utf32Be, Wide::Utf16Le, Wide::Utf16Be];
        let best = wide
            .into_iter()
            .filter(|wide| bytes.len().is_multiple_of(wide.unit()))
            .filter_map(|wide| Some((wide, wide.decode(bytes, false)?)))
            .filter(|(_, text)| !text.contains('\0'))
            .map(|(wide, text)| (text_share(&text), wide, text))
            .filter(|(share, ..)| *share >= MIN_TEXT_SHARE)
            .max_by(|a, b| a.0.total_cmp(&b.0));
        return match best {
            Some((_, wide, text)) => Ok((text, wide.name(), FoundBy::Guessed, 0)),
            None => Err(NotText("it contains NUL bytes".into())),
        };
    }
    // UTF-8 with a few bad bytes: its many well-formed multi-byte characters give it away.
    let invalid = invalid_utf8_bytes(bytes);
    let evidently_utf8 =
        invalid * MAX_INVALID_SHARE < bytes.len() && utf8_multibyte_chars(bytes) > invalid;
    if !evidently_utf8 && let Some((encoding, text)) = legacy_guess(bytes, true) {
        return Ok((text, encoding.name(), FoundBy::Guessed, 0));
    }
    if invalid * MAX_INVALID_SHARE >= bytes.len() {
        return Err(NotText(format!(
            "not UTF-8 or another text encoding: {invalid} of {} bytes are invalid UTF-8",
            bytes.len()
        )));
    }
    let (text, replaced) = decode_lossy(UTF_8, bytes);
    Ok((text, "UTF-8", FoundBy::ValidUtf8, replaced))
}

/// The legacy encoding that reads `bytes` without an error and gives the most text-like
/// characters: the detector's guess first, then the common Chinese encodings. With `whole`
/// false, `bytes` may end inside a character.
fn legacy_guess(bytes: &[u8], whole: bool) -> Option<(&'static Encoding, String)> {
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, whole);
    let guess = detector.guess(None, Utf8Detection::Deny);
    let mut candidates = vec![guess];
    candidates.extend([GB18030, BIG5].into_iter().filter(|&other| other != guess));
    candidates.into_iter().find_map(|encoding| {
        let text = decode_strict(encoding, bytes, whole)?;
        (text_share(&text) >= MIN_TEXT_SHARE).then_some((encoding, text))
    })
}

fn decode_strict(encoding: &'static Encoding, bytes: &[u8], whole: bool) -> Option<String> {
    if whole {
        return encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(Cow::into_owned);
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(decoder.max_utf8_buffer_length(bytes.len())?);
    let (result, _) = decoder.decode_to_string_without_replacement(bytes, &mut text, false);
    matches!(result, encoding_rs::DecoderResult::InputEmpty).then_some(text)
}

fn decode_lossy(encoding: &'static Encoding, bytes: &[u8]) -> (String, usize) {
    if encoding == UTF_8 {
        let replaced = invalid_utf8_bytes(bytes);
        return (String::from_utf8_lossy(bytes).into_owned(), replaced);
    }
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let replaced = text.matches('\u{FFFD}').count();
    (text.into_owned(), replaced)
}

/// How many characters of two bytes or more the well-formed stretches of `bytes` hold.
fn utf8_multibyte_chars(bytes: &[u8]) -> usize {
    (bytes.utf8_chunks())
        .map(|chunk| chunk.valid().chars().filter(|c| c.len_utf8() > 1).count())
        .sum()
}

fn invalid_utf8_bytes(bytes: &[u8]) -> usize {
    bytes.utf8_chunks().map(|chunk| chunk.invalid().len()).sum()
}

/// The share of `text`'s characters that text is made of: anything but control characters
/// (other than line ends and tabs), private-use and unassigned-looking code points.
fn text_share(text: &str) -> f64 {
    let mut total = 0usize;
    let mut good = 0usize;
    for c in text.chars().take(1 << 16) {
        total += 1;
        let bad = (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
            || matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{FFFD}' | '\u{F0000}'..)
            || (c as u32 >= 0x2FA20 && (c as u32) < 0xE0000);
        good += usize::from(!bad);
    }
    if total == 0 {
        return 1.0;
    }
    good as f64 / total as f64
}

/// The Unicode encoding a byte-order mark names, and the mark's length; `None` inside for
/// UTF-8.
fn unicode_bom(bytes: &[u8]) -> Option<(Option<Wide>, usize)> {
    // UTF-32LE's mark starts with UTF-16LE's: test it first.
    if bytes.starts_with(&[0xFF, 0xFE, 0, 0]) {
        return Some((Some(Wide::Utf32Le), 4));
    }
    if bytes.starts_with(&[0, 0, 0xFE, 0xFF]) {
        return Some((Some(Wide::Utf32Be), 4));
    }
    if bytes.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Some((None, 3));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) {
        return Some((Some(Wide::Utf16Le), 2));
    }
    if bytes.starts_with(&[0xFE, 0xFF]) {
        return Some((Some(Wide::Utf16Be), 2));
    }
    None
}

/// The Unicode encodings of two or four bytes a code unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wide {
    Utf16Le,
    Utf16Be,
    Utf32Le,
    Utf32Be,
}

impl Wide {
    fn name(self) -> &'static str {
        match self {
            Wide::Utf16Le => UTF_16LE.name(),
            Wide::Utf16Be => UTF_16BE.name(),
            Wide::Utf32Le => "UTF-32LE",
            Wide::Utf32Be => "UTF-32BE",
        }
    }

    fn unit(self) -> usize {
        match self {
            Wide::Utf16Le | Wide::Utf16Be => 2,
            Wide::Utf32Le | Wide::Utf32Be => 4,
        }
    }

    /// The text, or `None` when a code unit is invalid. With `prefix`, a character cut at the
    /// end (half a surrogate pair) is no error.
    fn decode(self, bytes: &[u8], prefix: bool) -> Option<String> {
        if !bytes.len().is_multiple_of(self.unit()) {
            return None;
        }
        match self {
            Wide::Utf16Le | Wide::Utf16Be => {
                let units = bytes.chunks_exact(2).map(|pair| {
                    let pair = [pair[0], pair[1]];
                    match self {
                        Wide::Utf16Le => u16::from_le_bytes(pair),
                        _ => u16::from_be_bytes(pair),
                    }
                });
                let mut text = String::with_capacity(bytes.len() * 3 / 2);
                let mut decoded = char::decode_utf16(units).peekable();
                while let Some(unit) = decoded.next() {
                    match unit {
                        Ok(c) => text.push(c),
                        Err(_) if prefix && decoded.peek().is_none() => {}
                        Err(_) => return None,
                    }
                }
                Some(text)
            }
            Wide::Utf32Le | Wide::Utf32Be => bytes
                .chunks_exact(4)
                .map(|quad| {
                    let quad = [quad[0], quad[1], quad[2], quad[3]];
                    char::from_u32(match self {
                        Wide::Utf32Le => u32::from_le_bytes(quad),
                        _ => u32::from_be_bytes(quad),
                    })
                })
                .collect(),
        }
    }
}

/// Every CRLF and every lone CR made LF: the three line ends read alike, alone or mixed.
pub fn normalize_line_ends(text: String) -> String {
    let mut bytes = text.into_bytes();
    line_ends_to_lf(&mut bytes);
    // SAFETY: as in `decode`: only ASCII bytes are removed or replaced by ASCII bytes.
    unsafe { String::from_utf8_unchecked(bytes) }
}

/// Makes every CRLF and every lone CR in `bytes` an LF, in place: a text is not copied for
/// its line ends, and one without a CR is left as it is.
fn line_ends_to_lf(bytes: &mut Vec<u8>) {
    let Some(first) = memchr::memchr(b'\r', bytes) else {
        return;
    };
    // `read` is at a CR; what is before `write` is done.
    let (mut read, mut write) = (first, first);
    while read < bytes.len() {
        if bytes.get(read + 1) != Some(&b'\n') {
            bytes[write] = b'\n';
            write += 1;
        }
        // The LF of a CRLF is moved with the run after it.
        read += 1;
        let next = memchr::memchr(b'\r', &bytes[read..]).map_or(bytes.len(), |at| read + at);
        bytes.copy_within(read..next, write);
        write += next - read;
        read = next;
    }
    bytes.truncate(write);
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn line_ends_become_lf_in_place_as_a_copy_would_make_them(
            text in "[a中\r\n]{0,40}"
        ) {
            let expected = text.replace("\r\n", "\n").replace('\r', "\n");
            proptest::prop_assert_eq!(normalize_line_ends(text), expected);
        }
    }

    const TEXT: &str =
        "第1版\n\n市立医院互联网医院上线半年来，已为三万余名慢性病患者提供线上复诊服务。\n";

    const TRADITIONAL: &str =
        "第1版\n\n市立醫院網上醫院上線半年來，已為三萬餘名慢性病患者提供網上複診服務。\n";

    fn utf16(text: &str, little: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|unit| match little {
                true => unit.to_le_bytes(),
                false => unit.to_be_bytes(),
            })
            .collect()
    }

    fn utf32(text: &str, little: bool) -> Vec<u8> {
        text.chars()
            .flat_map(|c| match little {
                true => u32::from(c).to_le_bytes(),
                false => u32::from(c).to_be_bytes(),
            })
            .collect()
    }

    #[test]
    fn every_unicode_form_reads_with_or_without_its_mark() {
        let forms: [(&str, Vec<u8>, &[u8]); 5] = [
            ("UTF-8", TEXT.as_bytes().to_vec(), &[0xEF, 0xBB, 0xBF]),
            ("UTF-16LE", utf16(TEXT, true), &[0xFF, 0xFE]),
            ("UTF-16BE", utf16(TEXT, false), &[0xFE, 0xFF]),
            ("UTF-32LE", utf32(TEXT, true), &[0xFF, 0xFE, 0, 0]),
            ("UTF-32BE", utf32(TEXT, false), &[0, 0, 0xFE, 0xFF]),
        ];
        for (name, bytes, mark) in forms {
            let marked = [mark, &bytes].concat();
            for bytes in [bytes, marked] {
                let decoded = decode(bytes.clone(), None).unwrap();
                assert_eq!(decoded.text, TEXT, "{name}");
                assert_eq!(decoded.encoding, name);
                assert!(may_be_text(&bytes[..bytes.len() - 1]).is_ok(), "{name}");
            }
        }
    }

    #[test]
    fn gbk_and_big5_are_detected_and_named() {
        for (encoding, text) in [(GB18030, TEXT), (BIG5, TRADITIONAL)] {
            let (bytes, _, unmappable) = encoding.encode(text);
            assert!(!unmappable);
            let decoded = decode(bytes.to_vec(), None).unwrap();
            assert_eq!(decoded.text, text);
            assert!(decoded.warning("page.txt").unwrap().contains("read as"));
        }
    }

    #[test]
    fn a_named_encoding_overrides_detection() {
        let (bytes, _, _) = BIG5.encode(TRADITIONAL);
        let decoded = decode(bytes.to_vec(), Some(BIG5)).unwrap();
        assert_eq!(
            (decoded.text.as_str(), decoded.found_by),
            (TRADITIONAL, FoundBy::Named)
        );
    }

    #[test]
    fn crlf_and_lone_cr_read_as_lf() {
        let decoded = decode(b"a\r\nb\rc\n\rd\r", None).unwrap();
        assert_eq!(decoded.text, "a\nb\nc\n\nd\n");
    }

    #[test]
    fn zeros_and_noise_are_refused_from_their_first_bytes() {
        assert!(may_be_text(&[0; 4096]).is_err());
        // A fixed noise: xorshift bytes.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let noise: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                state as u8
            })
            .collect();
        assert!(may_be_text(&noise).is_err());
        assert!(decode(noise.clone(), None).is_err());
    }
}
