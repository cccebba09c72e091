//! Work that runs on worker threads and reports back: the full parse of a long article,
//! the reading state, and the library's scan.

use super::app::App;
use super::library::LibraryView;
use crate::store::{Store, StoreError};
use std::thread::JoinHandle;

/// The reading state while it is not yet taken in.
#[derive(Debug)]
pub enum Opening {
    /// To be read later, on the thread that needs it: once a long article's first frame
    /// is up (the frame does not share the processor with it: 1,000 highlights are 1 MB
    /// of JSON), or at once for a library's first frame, which has nothing to overlap.
    Later,
    /// Being read on a worker thread.
    Running(JoinHandle<Result<Store, StoreError>>),
}

impl Opening {
    /// The reading state, read here if that has not started.
    pub fn wait(self) -> std::thread::Result<Result<Store, StoreError>> {
        match self {
            Opening::Running(job) => job.join(),
            Opening::Later => Ok(Store::open_default()),
        }
    }
}

/// Opens the reading state on a worker thread, to overlap reading and parsing.
pub fn open_store() -> Opening {
    Opening::Running(std::thread::spawn(Store::open_default))
}

impl App {
    /// Takes in the reading state opened on a worker: its warnings, or why positions will
    /// not be kept.
    pub fn attach_opened(&mut self, opened: std::thread::Result<Result<Store, StoreError>>) {
        match opened {
            Ok(Ok(store)) => self.attach_store(store),
            Ok(Err(e)) => self.say(format!("reading positions will not be kept: {e}")),
            Err(_) => self.say("reading positions will not be kept: the state could not be read"),
        }
    }

    /// Takes in the reading state now, reading it here if that has not started: a key
    /// may need it (a bookmark, a highlight), and so does the whole article.
    pub fn take_in_store(&mut self) {
        if let Some(opening) = self.opening.take() {
            self.attach_opened(opening.wait());
        }
    }

    /// Takes in the reading state if its worker is done; true when it was.
    fn poll_store(&mut self) -> bool {
        let done = matches!(&self.opening, Some(Opening::Running(job)) if job.is_finished());
        if done {
            self.take_in_store();
        }
        done
    }

    /// Starts the work that waits for the first frame to be on screen: the full parse of a
    /// long article on a worker thread, with the reading state (needed once the article is
    /// whole: its position, its highlights) read beside it; or the scan of a library whose
    /// first screen came from its cache's head. Called once the terminal has had a quiet
    /// moment to show the frame, or when a key needs the work done.
    pub fn start_background_work(&mut self) {
        if let Some(lib) = &mut self.library {
            lib.start_scan();
        }
        let Some(rest) = self.deferred.take() else {
            return;
        };
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(rest.load());
        });
        self.pending = Some(rx);
        if matches!(self.opening, Some(Opening::Later)) {
            self.opening = Some(open_store());
        }
    }

    /// Takes in the reading state and the background parse when they are done; true when
    /// the screen must change.
    pub fn poll_background(&mut self) -> bool {
        let attached = self.poll_store();
        let Some(rx) = &self.pending else {
            return attached;
        };
        let arrived = match rx.try_recv() {
            Err(std::sync::mpsc::TryRecvError::Empty) => return attached,
            arrived => arrived,
        };
        self.pending = None;
        self.take_in_store();
        match arrived {
            Ok(Ok(article)) => {
                if let Some(r) = &mut self.reader {
                    r.replace_article(article);
                }
                // Pop-ups name notes and citations by their place in the first part.
                self.popups.retain(|p| !p.over_the_page());
                self.article_ready();
            }
            Ok(Err(e)) => self.say(format!("showing only the beginning: {e}")),
            Err(_) => self.say(match crate::tui::panics::take_worker_panic() {
                Some(at) => format!("could not finish reading the article (failed at {at})"),
                None => "could not finish reading the article".into(),
            }),
        }
        true
    }

    /// Takes in background work (the scan); true when the screen needs a redraw.
    pub fn poll_library(&mut self) -> bool {
        self.library.as_mut().is_some_and(LibraryView::poll)
    }

    /// True while background work runs, so the event loop wakes up more often.
    pub fn busy(&self) -> bool {
        self.library.as_ref().is_some_and(LibraryView::busy)
    }

    /// True while the library's first list is on its way, to be shown the moment it comes.
    pub fn awaiting_list(&self) -> bool {
        self.reader.is_none()
            && self
                .library
                .as_ref()
                .is_some_and(LibraryView::awaiting_list)
    }
}
