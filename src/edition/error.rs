//! Why an edition could not be loaded: one line a person can act on, naming the file.

use std::io;

/// An error loading an edition. Its message is one line and names the file or folder.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file or folder could not be read.
    #[error("{name}: {error}")]
    Io {
        /// The path as given.
        name: String,
        /// What the system said: in the message, and so not also its source, which
        /// `{:#}` would print a second time.
        error: io::Error,
    },
    /// The bytes are not text in any encoding kanbao reads.
    #[error("{name}: not a text file ({reason})")]
    NotText {
        /// The file.
        name: String,
        /// What gave it away.
        reason: String,
    },
    /// The input is larger than kanbao reads.
    #[error("{name}: larger than {limit_mib} MiB, the most kanbao reads from one file")]
    TooLarge {
        /// The file.
        name: String,
        /// The limit, in MiB.
        limit_mib: usize,
    },
    /// The text holds no story.
    #[error("{name}: empty page (no text)")]
    Empty {
        /// The file.
        name: String,
    },
    /// A folder with nothing kanbao reads.
    #[error("{name}: no page files (*.txt) or article files (*.md in page folders) in this folder")]
    NoFiles {
        /// The folder.
        name: String,
    },
    /// A folder of many editions (an archive) was given where one edition is read.
    #[error(
        "{name}: an archive of {count} editions, read on its own (kanbao {name}), \
         not with other paths; or open one of them, e.g. the newest: kanbao {newest}"
    )]
    Archive {
        /// The folder.
        name: String,
        /// How many editions it holds.
        count: usize,
        /// The path of its newest edition.
        newest: String,
    },
    /// A saved edition that cannot be read back.
    #[error("{name}: {message}")]
    Saved {
        /// The file.
        name: String,
        /// What is wrong with it.
        message: String,
    },
    /// A saved edition was given along with other paths.
    #[error("{name}: a saved edition (.json) is read on its own, not with other paths")]
    SavedWithOthers {
        /// The saved edition's path.
        name: String,
    },
    /// `-` was given more than once: standard input can be read only once.
    #[error("stdin: `-` is given more than once; standard input can be read only once")]
    StdinTwice,
    /// `--encoding` named no encoding.
    #[error("unknown encoding {0:?} (try UTF-8, GB18030, GBK, Big5, UTF-16LE, UTF-16BE)")]
    UnknownEncoding(String),
}
