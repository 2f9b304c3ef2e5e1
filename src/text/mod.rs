//! Display width and CJK line layout: pure, no terminal.

mod breaking;
mod cache;
mod display;
mod dump;
mod layout;
mod width;

pub use breaking::{MIN_WIDTH, break_lines, is_line_end_prohibited, is_line_start_prohibited};
pub use cache::LayoutCache;
pub use display::{Punctuation, display_chars, full_width_form, visible_control};
pub use dump::{dump, dump_edition, dump_stories, page_heading, write_edition, write_stories};
pub use layout::*;
pub use width::*;
