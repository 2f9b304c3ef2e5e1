//! What the reader remembers of an edition between runs: the article last read and the
//! place in it, and which articles were read. Kept per edition, under the XDG state
//! directory (`$XDG_STATE_HOME/kanbao/editions/<key>.json`). Of an archive it remembers the
//! edition open when the reader quit (`$XDG_STATE_HOME/kanbao/archives/<key>.json`).
//!
//! State that cannot be read or written never stops the reader: [`load`] and [`save`] say
//! what went wrong in one line, and the reader starts fresh.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::edition::Edition;
use crate::text::TextPart;

/// What is remembered of one edition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remembered {
    /// The id of the article last read.
    pub article: Option<String>,
    /// Where in it the pane's top was.
    pub place: Option<SavedPlace>,
    /// The ids of the articles read.
    pub read: BTreeSet<String>,
}

/// What is remembered of an archive: the edition open when the reader last quit it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RememberedArchive {
    /// The archive's folder, canonical: for a person looking at the file; the file's name
    /// is what finds it.
    pub archive: String,
    /// The date of the edition that was open, "YYYY-MM-DD".
    pub edition: String,
}

/// A place in an article's text, as the model knows it: it survives a new layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SavedPlace {
    /// The piece of the article.
    pub part: SavedPart,
    /// Its index, for blocks and captions.
    pub index: usize,
    /// The char offset into the piece.
    pub offset: usize,
    /// How many lines the pane's top was from the line showing that text: a blank line
    /// above it, say.
    #[serde(default)]
    pub shift: isize,
}

/// [`TextPart`] as saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SavedPart {
    /// The column banner.
    Column,
    /// The kicker.
    Kicker,
    /// The headline.
    Headline,
    /// The subtitle.
    Subtitle,
    /// The byline.
    Byline,
    /// A block of the body.
    Block,
    /// A caption.
    Caption,
}

impl SavedPlace {
    /// The place at `offset` into `part`, the pane's top `shift` lines from it.
    pub fn new(part: TextPart, offset: usize, shift: isize) -> Self {
        let (part, index) = match part {
            TextPart::Column => (SavedPart::Column, 0),
            TextPart::Kicker => (SavedPart::Kicker, 0),
            TextPart::Headline => (SavedPart::Headline, 0),
            TextPart::Subtitle => (SavedPart::Subtitle, 0),
            TextPart::Byline => (SavedPart::Byline, 0),
            TextPart::Block(index) => (SavedPart::Block, index),
            TextPart::Caption(index) => (SavedPart::Caption, index),
        };
        Self {
            part,
            index,
            offset,
            shift,
        }
    }

    /// The piece of the article it names.
    pub fn text_part(&self) -> TextPart {
        match self.part {
            SavedPart::Column => TextPart::Column,
            SavedPart::Kicker => TextPart::Kicker,
            SavedPart::Headline => TextPart::Headline,
            SavedPart::Subtitle => TextPart::Subtitle,
            SavedPart::Byline => TextPart::Byline,
            SavedPart::Block => TextPart::Block(self.index),
            SavedPart::Caption => TextPart::Caption(self.index),
        }
    }
}

/// The name an edition is remembered by: a hash of its paper, date, and its pages' numbers
/// and article ids and titles, so the same edition, loaded again from wherever, is known.
pub fn edition_key(edition: &Edition) -> String {
    let mut hash = Fnv::default();
    hash.write(edition.paper.as_deref().unwrap_or_default());
    hash.write(edition.date.as_deref().unwrap_or_default());
    for page in &edition.pages {
        hash.write(&page.number.to_string());
        for article in &page.articles {
            hash.write(&article.id);
            hash.write(&article.title);
        }
    }
    format!("{:016x}", hash.0)
}

/// The name an archive is remembered by: a hash of its folder's canonical path, so that
/// `kanbao ~/papers` and `kanbao ../papers` are the same archive. A folder that cannot be
/// resolved is known by the path as given.
pub fn archive_key(root: &Path) -> String {
    let path = canonical(root);
    let mut hash = Fnv::default();
    hash.write_bytes(path.as_os_str().as_encoded_bytes());
    format!("{:016x}", hash.0)
}

/// `path` with every link and `..` resolved, when it can be.
pub fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned())
}

/// 64-bit FNV-1a: small, and the same on every machine and toolchain, as a file name must be.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Self(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, text: &str) {
        self.write_bytes(text.as_bytes());
    }

    fn write_bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes.iter().chain(&[0xff]) {
            self.0 ^= u64::from(byte);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

/// Where the state of the edition with `key` is kept, under `state_dir`.
pub fn state_file(state_dir: &Path, key: &str) -> PathBuf {
    state_dir
        .join("kanbao")
        .join("editions")
        .join(format!("{key}.json"))
}

/// Where what is remembered of the archive with `key` ([`archive_key`]) is kept, under
/// `state_dir`.
pub fn archive_file(state_dir: &Path, key: &str) -> PathBuf {
    state_dir
        .join("kanbao")
        .join("archives")
        .join(format!("{key}.json"))
}

/// The file whose presence says that terminals of type `term` do not answer the
/// ambiguous-width question.
pub fn silent_terminal_file(state_dir: &Path, term: &str) -> PathBuf {
    let name: String = (term.chars())
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    state_dir.join("kanbao").join("silent-terminals").join(name)
}

/// Notes in `file` that its terminal type never answers.
pub fn remember_silent_terminal(file: &Path) -> std::io::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(
        file,
        "never answered the ambiguous-width question: narrow assumed\n",
    )
}

/// The XDG state directory (`$XDG_STATE_HOME`, else `~/.local/state`), if there is a home.
pub fn state_dir() -> Option<PathBuf> {
    use etcetera::BaseStrategy;
    etcetera::choose_base_strategy().ok()?.state_dir()
}

/// What was remembered in `file`: nothing when there is no file yet; an error, to tell in one
/// line, when it cannot be read or is not what the reader wrote.
pub fn load(file: &Path) -> Result<Remembered, String> {
    load_json(file)
        .map(Option::unwrap_or_default)
        .map_err(|error| format!("{error}; starting fresh"))
}

/// Writes `remembered` to `file`, by way of a temporary file so that a crash leaves the old
/// state whole.
pub fn save(file: &Path, remembered: &Remembered) -> Result<(), String> {
    save_json(file, remembered)
}

/// What was remembered of an archive in `file`: `None` when there is no file yet; an error,
/// to tell in one line, when it cannot be read or is not what the reader wrote.
pub fn load_archive(file: &Path) -> Result<Option<RememberedArchive>, String> {
    load_json(file)
}

/// Writes `remembered` to `file`, as [`save`] does.
pub fn save_archive(file: &Path, remembered: &RememberedArchive) -> Result<(), String> {
    save_json(file, remembered)
}

fn load_json<T: serde::de::DeserializeOwned>(file: &Path) -> Result<Option<T>, String> {
    match std::fs::read(file) {
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(error) => Err(format!("cannot read {}: {error}", file.display())),
        Ok(bytes) => serde_json::from_slice(&bytes)
            .map(Some)
            .map_err(|error| format!("{} is damaged ({error})", file.display())),
    }
}

fn save_json<T: Serialize>(file: &Path, value: &T) -> Result<(), String> {
    let fail = |error: std::io::Error| format!("cannot save to {}: {error}", file.display());
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir).map_err(fail)?;
    }
    let text = serde_json::to_vec_pretty(value).expect("the state serializes");
    let temporary = file.with_extension("json.tmp");
    std::fs::write(&temporary, text).map_err(fail)?;
    std::fs::rename(&temporary, file).map_err(fail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_edition_has_the_same_key_and_another_another() {
        let edition = crate::edition::builtin();
        assert_eq!(
            edition_key(&edition),
            edition_key(&crate::edition::builtin())
        );
        let mut other = crate::edition::builtin();
        other.date = Some("2023-07-19".into());
        assert_ne!(edition_key(&edition), edition_key(&other));
        assert_eq!(edition_key(&edition).len(), 16);
    }

    #[test]
    fn state_is_saved_and_loaded_and_a_damaged_file_is_told_not_fatal() {
        let dir = std::env::temp_dir().join(format!("kanbao-memory-{}", std::process::id()));
        let file = state_file(&dir, "abc");
        assert_eq!(load(&file), Ok(Remembered::default()), "no file yet");
        let remembered = Remembered {
            article: Some("1-3".into()),
            place: Some(SavedPlace::new(TextPart::Block(2), 17, -1)),
            read: ["1-1".to_string(), "1-3".to_string()].into(),
        };
        save(&file, &remembered).unwrap();
        assert_eq!(load(&file), Ok(remembered));
        std::fs::write(&file, "{ not json").unwrap();
        let error = load(&file).unwrap_err();
        assert!(error.contains("damaged"), "{error}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_archive_is_known_by_its_canonical_path_and_its_edition_kept() {
        let dir =
            std::env::temp_dir().join(format!("kanbao-archive-memory-{}", std::process::id()));
        let archive = dir.join("papers");
        std::fs::create_dir_all(archive.join("2019")).unwrap();
        let roundabout = archive.join("2019").join("..");
        assert_eq!(archive_key(&archive), archive_key(&roundabout));
        assert_ne!(archive_key(&archive), archive_key(&archive.join("2019")));
        let file = archive_file(&dir.join("state"), &archive_key(&archive));
        assert_eq!(load_archive(&file), Ok(None), "no file yet");
        let remembered = RememberedArchive {
            archive: canonical(&archive).display().to_string(),
            edition: "2019-10-04".into(),
        };
        save_archive(&file, &remembered).unwrap();
        assert_eq!(load_archive(&file), Ok(Some(remembered)));
        std::fs::write(&file, "[1, 2]").unwrap();
        let error = load_archive(&file).unwrap_err();
        assert!(
            error.contains("damaged") && error.contains("archives"),
            "{error}"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn an_unwritable_place_is_an_error_to_tell() {
        let file = Path::new("/proc/kanbao/editions/x.json");
        assert!(save(file, &Remembered::default()).is_err());
    }

    #[test]
    fn every_text_part_survives_saving() {
        for part in [
            TextPart::Column,
            TextPart::Kicker,
            TextPart::Headline,
            TextPart::Subtitle,
            TextPart::Byline,
            TextPart::Block(4),
            TextPart::Caption(2),
        ] {
            assert_eq!(SavedPlace::new(part, 3, 0).text_part(), part);
        }
    }
}
