//! The edition: its document model, the sources it is read from, loading from files, and the
//! links between the parts of continued stories.
//!
//! Each source layout has a module of its own under [`source`] (article files with front
//! matter, crawled article files, page text, saved editions); all feed one model builder.
//! [`load_inputs`] reads named byte buffers and does no I/O; [`load`] is the file-system
//! front end that lists and reads files and calls it. Errors are a typed [`LoadError`].
//!
//! The page parser leaves every [`Jump::article`] `None`; linking the parts of a continued
//! story across pages is a separate step over the whole [`Edition`], [`resolve_jumps`], which
//! loading runs once all text is read (a saved edition already carries its links).

mod build;
mod classify;
mod error;
mod furniture;
mod links;
mod load;
mod markers;
mod model;
mod paragraphs;
mod parallel;
mod parse;
mod sanitize;
pub mod source;
mod toc;

pub use error::LoadError;
pub use links::{resolve_jumps, stories, story_parts};
pub use load::{
    BUILTIN_PAGE, HELPERS_AFTER_BYTES, Loading, MAX_INPUT_BYTES, builtin, load, load_with,
};
pub use model::*;
pub use parse::{Note, NoteKind, ParsedText, parse};
pub use sanitize::is_invisible;
pub use source::{Input, LoadOptions, load_inputs};
pub use toc::{ENGLISH as TOC_ENGLISH, TocWords, toc, write_toc, write_toc_in};
