//! The reader's screen: its actions on the page (`page`), the mouse, drawing the page
//! (`view`), selecting text to highlight (`select`), the sidenotes beside it (`sidenotes`) and the status line (`status`).

pub mod page;
pub mod select;
pub mod sidenotes;
pub mod status;
pub mod view;
