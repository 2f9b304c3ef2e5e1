//! The file-system front end: lists and reads the files named on the command line (page
//! files, folders of article files, saved editions, stdin) and hands them to
//! [`load_inputs`], which does no I/O.
//!
//! Reading stops at [`MAX_INPUT_BYTES`] a file, and as soon as a file's first bytes cannot
//! be text: a device (`/dev/zero`) or a binary file is refused without reading it whole.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::Edition;
use super::error::LoadError;
use super::parallel::SharedTasks;
use super::source::decode::may_be_text;
use super::source::{
    Input, LoadOptions, Read as Decoded, build, hidden_warning, is_hidden, keeps_text, load_inputs,
    names, position, read_input,
};

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
    Loading::new(paths.to_vec(), *options).finish()
}

/// [`load_with`] for anything but a lone edition folder: every file is read before any is
/// decoded.
fn load_listed(paths: &[PathBuf], options: &LoadOptions) -> Result<Edition, LoadError> {
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
            let files = folder_files(path, &mut skipped)?;
            inputs.extend(read_files(&files)?);
        } else {
            inputs.push(Input::new(display(path), read_file(path)?));
        }
    }
    let mut edition = load_inputs(inputs, options)?;
    edition.warnings.extend(skipped);
    Ok(edition)
}

/// Loading an edition, which threads other than the loading one can help with: a thread
/// that would only wait for the edition (the reader's, once its terminal is set up) calls
/// [`Loading::help`] and reads files of it meanwhile. [`Loading::finish`] loads it.
pub struct Loading {
    paths: Vec<PathBuf>,
    options: LoadOptions,
    /// The files of a lone edition folder, once listed: the work other threads can share.
    folder: OnceLock<FolderReads>,
}

impl Loading {
    /// The load of the edition `paths` name, with `options`, not started.
    pub fn new(paths: Vec<PathBuf>, options: LoadOptions) -> Self {
        Self {
            paths,
            options,
            folder: OnceLock::new(),
        }
    }

    /// Reads and decodes files of the edition until no file is left to take, when the
    /// edition is a folder whose files [`Loading::finish`] has listed by now; returns at once
    /// otherwise.
    pub fn help(&self) {
        if let Some(folder) = self.folder.get() {
            folder.help();
        }
    }

    /// Loads the edition, as [`load_with`] says, with whatever help it gets; call it once.
    /// The files of an edition folder are read and decoded one by one, each by the thread
    /// that takes it, and once they hold more than [`HELPERS_AFTER_BYTES`] the rest is
    /// shared with a thread for each other core.
    pub fn finish(&self) -> Result<Edition, LoadError> {
        let [folder] = self.paths.as_slice() else {
            return load_listed(&self.paths, &self.options);
        };
        if folder.as_os_str() == "-" || !folder.is_dir() {
            return load_listed(&self.paths, &self.options);
        }
        let mut skipped = Vec::new();
        let files = folder_files(folder, &mut skipped)?;
        let (hidden, files): (Vec<_>, Vec<_>) =
            (files.into_iter().map(|file| (display(&file), file)))
                .partition(|(name, _)| is_hidden(name));
        let hidden = hidden
            .iter()
            .map(|(name, _)| hidden_warning(name))
            .collect();
        let reads = self
            .folder
            .get_or_init(|| FolderReads::new(files, self.options));
        reads.read_with_helpers();
        let reads = reads.results()?;
        let mut edition = build(reads, hidden)?;
        edition.warnings.extend(skipped);
        Ok(edition)
    }
}

/// Bytes an edition folder's files must hold, read so far, before other threads are started
/// to read the rest: a day's folder of article files (some hundred KB) is read faster than
/// a thread starts on a busy machine.
pub const HELPERS_AFTER_BYTES: usize = 512 << 10;

/// The files of an edition folder, named as shown, each read and decoded by whichever
/// thread takes it.
struct FolderReads {
    files: Vec<(String, PathBuf)>,
    options: LoadOptions,
    keep_text: bool,
    /// Each file's text, decoded and told apart by layout.
    tasks: SharedTasks<Result<Decoded, LoadError>>,
}

impl FolderReads {
    fn new(files: Vec<(String, PathBuf)>, options: LoadOptions) -> Self {
        Self {
            keep_text: keeps_text(files.len()),
            tasks: SharedTasks::new(files.len()),
            files,
            options,
        }
    }

    /// Reads the next file no thread has taken, its first chunk into `first_chunk`; how
    /// many bytes it held, or `None` when every file was taken.
    fn read_next(&self, first_chunk: &mut [u8]) -> Option<usize> {
        let mut bytes = 0;
        let took = self.tasks.do_next(|index| {
            let (name, path) = &self.files[index];
            let input = Input::new(name.clone(), read_named(path, name, first_chunk)?);
            bytes = input.bytes.len();
            read_input(input, &self.options, position(index), self.keep_text)
        });
        took.then_some(bytes)
    }

    /// Reads files until none is left to take.
    fn help(&self) {
        let mut first_chunk = vec![0; FIRST_CHUNK_BYTES];
        while self.read_next(&mut first_chunk).is_some() {}
    }

    /// Reads files until none is left to take, starting a thread for each other core once
    /// the files read hold [`HELPERS_AFTER_BYTES`].
    fn read_with_helpers(&self) {
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let mut first_chunk = vec![0; FIRST_CHUNK_BYTES];
        let mut read = 0;
        std::thread::scope(|scope| {
            while let Some(bytes) = self.read_next(&mut first_chunk) {
                read += bytes;
                if read >= HELPERS_AFTER_BYTES && read - bytes < HELPERS_AFTER_BYTES {
                    for _ in 1..cores {
                        scope.spawn(|| self.help());
                    }
                }
            }
        });
    }

    /// Every file's reading, in order, once all are read, by whatever threads; the first
    /// error in that order, if any.
    fn results(&self) -> Result<Vec<Decoded>, LoadError> {
        let results = (self.tasks.wait())
            .unwrap_or_else(|| panic!("a thread reading the edition's files panicked"));
        results.into_iter().collect()
    }
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

/// The files of the edition folder `folder`, as [`edition_files`] lists them; an error for a
/// folder of editions or one without files. Only a folder holding other folders than page
/// folders, or no file, can be an archive: only then are its folders searched for editions,
/// which an edition's load would otherwise list twice.
fn folder_files(folder: &Path, skipped: &mut Vec<String>) -> Result<Vec<PathBuf>, LoadError> {
    let skipped_before = skipped.len();
    let files = edition_files(folder, skipped)?;
    if files.is_empty() || skipped.len() > skipped_before {
        refuse_archive(folder)?;
    }
    if files.is_empty() {
        return Err(LoadError::NoFiles {
            name: display(folder),
        });
    }
    Ok(files)
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
