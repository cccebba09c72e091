//! Helpers shared by the integration tests.
#![allow(dead_code, unused_imports)] // each test crate uses a different subset

pub mod articles;
pub mod epub;
pub mod run;
pub mod screen;
pub mod tmux;
pub mod ui;

pub use articles::*;
pub use run::*;
pub use tmux::*;
