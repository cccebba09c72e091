//! The reader's screen: its actions on the page (`page`), the mouse, drawing the page
//! (`view`) and the status line (`status`).

pub mod page;
pub mod status;
pub mod view;
