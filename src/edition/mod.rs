//! The edition: its document model, the parser that builds it from page text, loading from
//! files, and the links between the parts of continued stories.
//!
//! The parser leaves every [`Jump::article`] `None`; linking the parts of a continued story
//! across pages is a separate step over the whole [`Edition`], [`resolve_jumps`], which
//! [`load`] runs once all page text is parsed (a saved edition already carries its links).

mod classify;
mod furniture;
mod links;
mod load;
mod markers;
mod model;
mod paragraphs;
mod parallel;
mod parse;
mod sanitize;
mod toc;

pub use links::{resolve_jumps, stories, story_parts};
pub use load::{BUILTIN_PAGE, builtin, load};
pub use model::*;
pub use parse::{Note, NoteKind, ParsedText, parse};
pub use toc::{toc, write_toc};
