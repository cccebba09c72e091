//! The terminal layer.

use std::path::PathBuf;

/// Opens the reader on a path (or the default library).
pub fn run(path: Option<PathBuf>) -> anyhow::Result<()> {
    println!("would open {:?}", path);
    Ok(())
}
