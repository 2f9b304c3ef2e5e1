//! The file-system front end: lists and reads the files named on the command line (page
//! files, folders of article files, saved editions, stdin) and hands them to
//! [`load_inputs`], which does no I/O.
//!
//! Reading stops at [`MAX_INPUT_BYTES`] a file, and as soon as a file's first bytes cannot
//! be text: a device (`/dev/zero`) or a binary file is refused without reading it whole.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::Edition;
use super::error::LoadError;
use super::source::decode::may_be_text;
use super::source::{Input, LoadOptions, load_inputs, names};

/// The page text of the edition built into the binary.
pub const BUILTIN_PAGE: &str = include_str!("../../seeds/000_5a0e4a0e642bd2cf.txt");

/// The most bytes read from one file or from stdin: 256 MiB, a year of a daily's text.
pub const MAX_INPUT_BYTES: usize = 256 << 20;
/// How much of a file is read before it is checked for text.
const FIRST_CHUNK_BYTES: usize = 64 << 10;
/// How deep a folder of article files is searched: the edition, its page folders.
const MAX_DEPTH: usize = 1;
/// Extensions of page and article text files.
const TEXT_EXTENSIONS: &[&str] = &["txt", "text"];
/// Extensions of Markdown files, read when their name gives a page and place (notes and
/// read-me files beside an edition are not).
const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown"];

/// The built-in edition.
pub fn builtin() -> Edition {
    let input = Input::new("the built-in page", BUILTIN_PAGE);
    load_inputs(vec![input], &LoadOptions::default()).expect("the built-in page has text")
}

/// Loads the edition named by `paths`, detecting each file's encoding; no path means the
/// built-in edition. See [`load_with`].
pub fn load(paths: &[PathBuf]) -> Result<Edition, LoadError> {
    load_with(paths, &LoadOptions::default())
}

/// Loads the edition named by `paths`; no path means the built-in edition.
///
/// Files are read in the order given, a folder's page and article files (`*.txt`, `*.md`,
/// in the folder and in page folders such as `一版/` or `A01/`) in name order, `-` from
/// stdin; a `.json` file (or JSON on stdin) is an edition saved with `--json`, loaded alone.
/// A folder of editions (folders named `YYYYMMDD` at any depth) is refused with the
/// newest edition's path: it is an archive, opened with [`crate::archive::Archive`]. Every error names the file and fits on one line.
pub fn load_with(paths: &[PathBuf], options: &LoadOptions) -> Result<Edition, LoadError> {
    if paths.is_empty() {
        return Ok(builtin());
    }
    if paths.iter().filter(|path| path.as_os_str() == "-").count() > 1 {
        return Err(LoadError::StdinTwice);
    }
    let mut inputs = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            let bytes = read_limited(std::io::stdin().lock(), "stdin", 0)?;
            inputs.push(Input::new("stdin", bytes));
        } else if path.is_dir() {
            refuse_archive(path)?;
            let files = edition_files(path, &mut skipped)?;
            if files.is_empty() {
                return Err(LoadError::NoFiles {
                    name: display(path),
                });
            }
            inputs.extend(read_files(&files)?);
        } else {
            inputs.push(Input::new(display(path), read_file(path)?));
        }
    }
    let mut edition = load_inputs(inputs, options)?;
    edition.warnings.extend(skipped);
    Ok(edition)
}

fn display(path: &Path) -> String {
    // What `path.display()` shows, without the formatting machinery: it is made for every file.
    path.to_string_lossy().into_owned()
}

/// Reads `files`, in order. One core is enough: the files come from the page cache, and
/// decoding and parsing them is spread over the cores after.
fn read_files(files: &[PathBuf]) -> Result<Vec<Input>, LoadError> {
    let mut first_chunk = vec![0; FIRST_CHUNK_BYTES];
    (files.iter())
        .map(|file| {
            let name = display(file);
            let bytes = read_named(file, &name, &mut first_chunk)?;
            Ok(Input::new(name, bytes))
        })
        .collect()
}

fn read_file(path: &Path) -> Result<Vec<u8>, LoadError> {
    read_named(path, &display(path), &mut vec![0; FIRST_CHUNK_BYTES])
}

/// Reads the file at `path`, shown as `name` in errors, its first chunk into `first_chunk`
/// ([`FIRST_CHUNK_BYTES`] long). A file that fits there, as article files do, takes two
/// reads and no look-up of its size: each system call costs more than reading a small
/// file's bytes.
fn read_named(path: &Path, name: &str, first_chunk: &mut [u8]) -> Result<Vec<u8>, LoadError> {
    let io = |error| LoadError::Io {
        name: name.to_owned(),
        error,
    };
    let mut file = std::fs::File::open(path).map_err(io)?;
    let mut len = 0;
    while len < first_chunk.len() {
        match file.read(&mut first_chunk[len..]) {
            Ok(0) => return Ok(first_chunk[..len].to_vec()),
            Ok(read) => len += read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(io(error)),
        }
    }
    check_text(first_chunk, name)?;
    let size = file.metadata().map_or(0, |metadata| metadata.len());
    let capacity = usize::try_from(size).map_or(MAX_INPUT_BYTES, |size| size.min(MAX_INPUT_BYTES));
    let mut bytes = Vec::with_capacity(capacity.max(len) + 1);
    bytes.extend_from_slice(first_chunk);
    read_on(file, name, bytes, 1 << 20)
}

/// Refuses bytes whose start can be no text.
fn check_text(bytes: &[u8], name: &str) -> Result<(), LoadError> {
    may_be_text(bytes).map_err(|error| LoadError::NotText {
        name: name.to_owned(),
        reason: error.0,
    })
}

/// Reads `reader` to its end in chunks, stopping at [`MAX_INPUT_BYTES`] and as soon as the
/// first chunk shows the bytes are no text; `capacity` is the size it is expected to be.
fn read_limited(reader: impl Read, name: &str, capacity: usize) -> Result<Vec<u8>, LoadError> {
    // One byte more than the file holds, so the read that finds its end needs no more room.
    read_on(
        reader,
        name,
        Vec::with_capacity(capacity + 1),
        FIRST_CHUNK_BYTES,
    )
}

/// Reads on from `reader` after `bytes`, which are empty or a first chunk already checked,
/// `chunk` bytes at a time, as [`read_limited`] does.
fn read_on(
    reader: impl Read,
    name: &str,
    mut bytes: Vec<u8>,
    mut chunk: usize,
) -> Result<Vec<u8>, LoadError> {
    let mut reader = reader.take((MAX_INPUT_BYTES + 1 - bytes.len()) as u64);
    loop {
        let read = (&mut reader)
            .take(chunk as u64)
            .read_to_end(&mut bytes)
            .map_err(|error| LoadError::Io {
                name: name.to_owned(),
                error,
            })?;
        // A file that fits in the first chunk is read whole and decoded at once; a longer one
        // is checked before the rest is read.
        if bytes.len() == read && read == chunk {
            check_text(&bytes, name)?;
        }
        if bytes.len() > MAX_INPUT_BYTES {
            return Err(LoadError::TooLarge {
                name: name.to_owned(),
                limit_mib: MAX_INPUT_BYTES >> 20,
            });
        }
        if read < chunk {
            return Ok(bytes);
        }
        chunk = 1 << 20;
    }
}

/// Refuses a folder of editions (an archive: see [`crate::archive`]), naming the newest:
/// an archive is opened on its own, as an [`crate::archive::Archive`], not read as one
/// edition.
fn refuse_archive(folder: &Path) -> Result<(), LoadError> {
    let editions = crate::archive::discover(folder).map_err(|error| LoadError::Io {
        name: display(folder),
        error,
    })?;
    let Some(newest) = editions.iter().max() else {
        return Ok(());
    };
    Err(LoadError::Archive {
        name: display(folder),
        count: editions.len(),
        newest: display(&newest.path),
    })
}

/// One entry of a folder.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Entry {
    name: String,
    path: PathBuf,
    /// A folder, or a link to one.
    is_dir: bool,
}

/// The entries of `folder`, sorted by name. What an entry is comes with the listing; only
/// links are looked up.
fn entries(folder: &Path) -> Result<Vec<Entry>, LoadError> {
    let io = |error| LoadError::Io {
        name: display(folder),
        error,
    };
    let mut found = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(io)? {
        let entry = entry.map_err(io)?;
        let path = entry.path();
        let is_dir = match entry.file_type() {
            Ok(kind) if !kind.is_symlink() => kind.is_dir(),
            _ => path.is_dir(),
        };
        let name = entry.file_name().to_string_lossy().into_owned();
        found.push(Entry { name, path, is_dir });
    }
    found.sort();
    Ok(found)
}

/// The page and article files of an edition folder, in name order: its text files, and
/// those of its page folders; other folders are named in `skipped`. Hidden files (`AppleDouble`
/// `._x.txt`) are listed too: loading skips them with a warning.
fn edition_files(folder: &Path, skipped: &mut Vec<String>) -> Result<Vec<PathBuf>, LoadError> {
    let mut files = Vec::new();
    collect(folder, 0, &mut files, skipped)?;
    files.sort();
    Ok(files)
}

fn collect(
    folder: &Path,
    depth: usize,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<String>,
) -> Result<(), LoadError> {
    for Entry { name, path, is_dir } in entries(folder)? {
        let has_extension = |extensions: &[&str]| {
            Path::new(&name).extension().is_some_and(|extension| {
                (extensions.iter()).any(|known| extension.eq_ignore_ascii_case(known))
            })
        };
        let is_text = has_extension(TEXT_EXTENSIONS)
            || has_extension(MARKDOWN_EXTENSIONS)
                && names::article_place(&display(&path)).is_some();
        if is_dir {
            if depth < MAX_DEPTH && names::page_of_folder(&name).is_some() {
                collect(&path, depth + 1, files, skipped)?;
            } else if !name.starts_with('.') {
                skipped.push(format!("{}: not a page folder; skipped", display(&path)));
            }
        } else if is_text {
            files.push(path);
        }
    }
    Ok(())
}
