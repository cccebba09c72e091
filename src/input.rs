//! Where the article comes from: a named file or folder, standard input (`-`, or a pipe
//! or file redirected into it), or the configured library.

use crate::parse::{LoadError, stream};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// The argument that names standard input.
pub const STDIN_ARG: &str = "-";

/// How standard input is called in messages.
pub const STDIN_NAME: &str = "standard input";

/// What Lectern was asked to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A file or a folder.
    Path(PathBuf),
    /// The article on standard input.
    Stdin,
    /// Nothing named: the configured library, else the bundled samples.
    Default,
}

/// What standard input is connected to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StdinKind {
    /// A terminal: keys, not an article.
    Terminal,
    /// A pipe, socket or file: something was handed over to read.
    Data,
    /// A device such as `/dev/null` (what a service or a test runner gives).
    Device,
    /// No standard input at all (`<&-`).
    Closed,
}

impl Input {
    /// The input for a command line's path: `-` is standard input, and with no path a
    /// pipe or file on standard input is read (as `cat FILE | lectern` means it).
    pub fn choose(path: Option<PathBuf>, stdin: StdinKind) -> Input {
        match path {
            Some(p) if p.as_os_str() == STDIN_ARG => Input::Stdin,
            Some(p) => Input::Path(p),
            None if stdin == StdinKind::Data => Input::Stdin,
            None => Input::Default,
        }
    }
}

/// Whether a path stands for standard input.
pub fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN_ARG
}

/// What this process's standard input is.
pub fn stdin_kind() -> StdinKind {
    let stdin = std::io::stdin();
    if stdin.is_terminal() {
        return StdinKind::Terminal;
    }
    kind_of(&stdin)
}

#[cfg(unix)]
fn kind_of(stdin: &std::io::Stdin) -> StdinKind {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    // A duplicate, so that looking does not close standard input; it fails when there is none.
    let Ok(fd) = stdin.as_fd().try_clone_to_owned() else {
        return StdinKind::Closed;
    };
    match std::fs::File::from(fd).metadata() {
        Ok(m) if m.is_file() || m.file_type().is_fifo() || m.file_type().is_socket() => {
            StdinKind::Data
        }
        Ok(_) => StdinKind::Device,
        Err(_) => StdinKind::Closed,
    }
}

#[cfg(not(unix))]
fn kind_of(_: &std::io::Stdin) -> StdinKind {
    StdinKind::Data
}

/// How long a pipe may stay silent before the user is told what Lectern is waiting for.
const NOTICE_AFTER: Duration = Duration::from_millis(500);

/// Reads the whole of standard input, capped like a file. A closed standard input is an
/// error at once, and so is a terminal when the reader needs it for keys; a terminal
/// otherwise (`lectern render -` typed into) or a slow pipe gets a line on stderr saying
/// what is awaited, so a wait never looks like a hang. Ctrl-C stops it: the terminal is not
/// in raw mode yet.
pub fn read_stdin(keys_from_terminal: bool) -> Result<Vec<u8>, LoadError> {
    let kind = stdin_kind();
    match kind {
        StdinKind::Closed => {
            return Err(LoadError::Unreadable(
                STDIN_NAME.into(),
                std::io::Error::other("it is closed"),
            ));
        }
        StdinKind::Terminal if keys_from_terminal => {
            return Err(LoadError::Terminal(STDIN_NAME.into()));
        }
        StdinKind::Terminal => {
            eprintln!("lectern: reading the article from the terminal; Ctrl-D ends it");
        }
        StdinKind::Data | StdinKind::Device => {}
    }
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(stream::read_capped(std::io::stdin().lock(), STDIN_NAME));
    });
    match rx.recv_timeout(NOTICE_AFTER) {
        Ok(read) => read,
        Err(_) => {
            if std::io::stderr().is_terminal() && kind != StdinKind::Terminal {
                eprintln!("lectern: waiting for standard input to end (Ctrl-C to stop)…");
            }
            rx.recv().unwrap_or_else(|_| {
                Err(LoadError::Unreadable(
                    STDIN_NAME.into(),
                    std::io::Error::other("the thread reading it stopped"),
                ))
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dash_or_a_pipe_means_standard_input() {
        use StdinKind::*;
        assert_eq!(Input::choose(Some("-".into()), Terminal), Input::Stdin);
        assert_eq!(Input::choose(None, Data), Input::Stdin);
        assert_eq!(
            Input::choose(Some("a.txt".into()), Data),
            Input::Path("a.txt".into()),
            "a named file wins over a pipe"
        );
        for kind in [Terminal, Device, Closed] {
            assert_eq!(Input::choose(None, kind), Input::Default, "{kind:?}");
        }
    }
}
