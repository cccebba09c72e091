//! Work that runs on worker threads and reports back: the full parse of a long article
//! and the library's scan.

use super::app::App;
use super::library::LibraryView;
use crate::store::{Store, StoreError};

/// The reading state being opened on a worker thread.
pub type Opening = std::thread::JoinHandle<Result<Store, StoreError>>;

/// Opens the reading state on a worker thread, to overlap reading and parsing.
pub fn open_store() -> Opening {
    std::thread::spawn(Store::open_default)
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

    /// Starts the full parse of a long article on a worker thread; called after the first
    /// frame so the two do not compete for the processor. The reading state, opened on
    /// another worker meanwhile, is taken in first: it is needed only once the article is
    /// whole (its position, its highlights).
    pub fn start_background_parse(&mut self) {
        if let Some(job) = self.opening.take() {
            self.attach_opened(job.join());
        }
        let Some(rest) = self.deferred.take() else {
            return;
        };
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(rest.load());
        });
        self.pending = Some(rx);
    }

    /// Takes in the background parse when it is done; true when the screen must change.
    pub fn poll_background(&mut self) -> bool {
        let Some(rx) = &self.pending else {
            return false;
        };
        match rx.try_recv() {
            Ok(Ok(article)) => {
                self.pending = None;
                if let Some(r) = &mut self.reader {
                    r.replace_article(article);
                }
                // Pop-ups name notes and citations by their place in the first part.
                self.popups.retain(|p| !p.over_the_page());
                self.article_ready();
                true
            }
            Ok(Err(e)) => {
                self.pending = None;
                self.say(format!("showing only the beginning: {e}"));
                true
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => false,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.pending = None;
                self.say(match crate::tui::panics::take_worker_panic() {
                    Some(at) => format!("could not finish reading the article (failed at {at})"),
                    None => "could not finish reading the article".into(),
                });
                true
            }
        }
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
