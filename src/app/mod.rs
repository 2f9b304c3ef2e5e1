//! The reader's state and its `update(Action)`: pure and testable, no terminal.
//!
//! Keys become [`Action`]s ([`keymap`]), [`App::update`] changes the state, and `ui::draw`
//! reads it. Geometry shared by both sides lives in [`screen`].

mod action;
pub mod archive;
mod captions;
#[cfg(test)]
pub(crate) mod fixture;

pub mod config;
pub mod keymap;
pub mod memory;
pub mod screen;
mod search;
mod state;
pub mod strings;
pub mod warnings;

pub use action::Action;
pub use captions::{CaptionGroup, CaptionLine, CaptionScope, CaptionView};
pub use search::{Match, Search, match_ranges, search_ranges};
pub use state::{App, Focus, JumpTarget, Overlay, Progress, Prompt, Row};
pub use warnings::{WarningLine, WarningsView};
