//! The edition: its document model, the parser that builds it from page text, loading from
//! files, and the links between the parts of continued stories.

mod links;
mod load;
mod model;
mod toc;

pub use links::{resolve_jumps, story_parts};
pub use load::{builtin, load};
pub use model::*;
pub use toc::toc;
