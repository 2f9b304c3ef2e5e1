//! Display width and CJK line layout: pure, no terminal.

mod layout;
mod width;

pub use layout::*;
pub use width::*;
