//! kanbao (看报): a terminal reader for daily newspaper editions.
//!
//! Data flows one way: page text → [`edition`] → [`text`] layout → [`app`] state → [`ui`] frame.

pub mod app;
pub mod archive;
pub mod chars;
pub mod edition;
pub mod text;
pub mod tui;
pub mod ui;
