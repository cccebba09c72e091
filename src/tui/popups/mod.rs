//! One file per layer drawn over the page or the library, and `frame`, what the
//! pop-ups share.

pub mod bookmarks;
pub mod citation;
pub mod frame;
pub mod help;
pub mod highlight;
pub mod highlights;
pub mod link;
pub mod marks;
pub mod note;
pub mod outline;
pub mod prompt;
pub mod skipped;
pub mod sources;
