//! Moving between the library and the reader: opening an article (at a bookmark or a
//! search match too) and coming back to the same selection.

use super::app::{App, Effect, Mode};
use super::keys::hints;
use super::layer::Popup;
use super::library::draw::CHROME_ROWS;
use super::library::{LibraryView, Outcome};
use super::popups::highlights::{Found, HighlightsPanel};
use super::popups::marks::{Mark, MarksPanel};
use super::popups::skipped::SkippedList;
use crate::article::Article;
use crate::layout::Anchor;
use crate::parse;
use crate::reading::Reader;
use std::path::PathBuf;

impl App {
    /// Shows the latest progress and bookmark counts in the library.
    pub fn refresh_progress(&mut self) {
        if let (Some(lib), Some(m)) = (&mut self.library, &self.memory) {
            lib.set_progress(crate::library::entry::progress_from(m.store.state()));
        }
    }

    /// The library screen on `lib`, for a screen of `size` (columns, rows).
    pub fn with_library(lib: LibraryView, size: (u16, u16)) -> Self {
        // Built through the one constructor so fields added to `App` elsewhere get their defaults.
        let mut app = App::with_article(
            Article::empty(crate::article::Format::Text),
            PathBuf::new(),
            size,
        );
        app.reader = None;
        app.library = Some(lib);
        app
    }

    /// Rows of the library list on screen.
    pub(super) fn library_page(&self) -> usize {
        self.size.1.saturating_sub(CHROME_ROWS).max(1) as usize
    }

    /// Carries out what the library asked for.
    pub(super) fn library_outcome(&mut self, outcome: Outcome) -> Option<Effect> {
        let lib = self.library.as_mut()?;
        match outcome {
            Outcome::Stay => {}
            Outcome::Quit => self.quit = true,
            Outcome::Suspend => return Some(Effect::Suspend),
            Outcome::Open(i) => match lib.load(i) {
                Ok((article, path)) => self.show_article(article, path),
                Err(e) => self.say(e),
            },
            Outcome::Bookmarks => match &self.memory {
                Some(m) => {
                    let panel = MarksPanel::from_state(m.store.state());
                    self.popups.push(Popup::Marks(panel));
                }
                None => self.say("no bookmarks: reading state is not being kept"),
            },
            Outcome::Highlights => match &self.memory {
                Some(m) => {
                    let panel = HighlightsPanel::of_state(m.store.state());
                    self.popups.push(Popup::Highlights(panel));
                }
                None => self.say("no highlights: reading state is not being kept"),
            },
            Outcome::Skipped => self.popups.push(Popup::Skipped(SkippedList::default())),
            Outcome::OpenMatch(path, anchor, pattern) => self.open_match(path, anchor, &pattern),
        }
        None
    }

    /// Puts an article opened from the library in the reader, at its saved position.
    fn show_article(&mut self, article: Article, path: PathBuf) {
        self.reader = Some(Reader::new(article, path, self.size, self.style));
        self.mode = Mode::Normal;
        self.article_ready();
    }

    /// Opens the article a bookmark belongs to, at the bookmark.
    pub(super) fn open_at(&mut self, mark: Mark) {
        if self.open_listed(&mark.path, &mark.title) {
            if let Some(r) = &mut self.reader {
                let anchor = mark.bookmark.at.recover(&r.doc);
                r.jump_to(anchor);
            }
            self.say(format!("at bookmark “{}”", mark.bookmark.label));
        }
    }

    /// Opens the article a highlight belongs to, at the highlight, focused.
    pub(super) fn open_highlight(&mut self, found: Found) {
        if !self.open_listed(&found.path, &found.title) {
            return;
        }
        let Some(r) = &mut self.reader else { return };
        let placed = r.highlights.iter().position(|m| m.id == found.id);
        let Some((i, (a, _))) = placed.and_then(|i| Some((i, r.highlights[i].at?))) else {
            self.say("that passage is no longer in the article");
            return;
        };
        r.jump_to(crate::layout::Anchor {
            part: r.doc.parts[a.part],
            offset: a.offset,
        });
        r.focus = r
            .spots
            .iter()
            .position(|s| s.target == crate::layout::Target::Highlight(i));
    }

    /// Opens an article a list in the library named: from the library when it lists the
    /// article, else from where it was last opened; false (and why) when it cannot be.
    fn open_listed(&mut self, path: &std::path::Path, title: &str) -> bool {
        let page = self.library_page();
        let Some(lib) = &mut self.library else {
            return false;
        };
        let loaded = match lib.entry_for(path) {
            Some(i) => {
                lib.select_entry(i, page);
                lib.load(i)
            }
            None if path.as_os_str().is_empty() => {
                Err("it was read from standard input: pipe it in again".into())
            }
            None => parse::load(path)
                .map(|a| (a, path.to_path_buf()))
                .map_err(|e| e.to_string()),
        };
        match loaded {
            Ok((article, path)) => {
                self.show_article(article, path);
                true
            }
            Err(e) => {
                self.say(format!("cannot open “{title}”: {e}"));
                false
            }
        }
    }

    /// Closes the article and shows the library again, selection unchanged.
    pub fn close_reader(&mut self) {
        self.save_position();
        self.refresh_progress();
        self.reader = None;
        self.mode = Mode::Normal;
        self.count = None;
        let page = self.library_page();
        if let Some(lib) = &mut self.library {
            lib.keep_visible(page);
        }
    }

    /// Opens the article at `path` at the match nearest `anchor`, with `pattern` searched
    /// so `n`/`N` go on from there.
    pub fn open_match(&mut self, path: PathBuf, anchor: Anchor, pattern: &str) {
        let Some(lib) = &mut self.library else { return };
        let Some(i) = lib.entry_for(&path) else {
            self.say("that article is no longer in the library");
            return;
        };
        match lib.load(i) {
            Ok((article, path)) => self.show_article(article, path),
            Err(e) => {
                self.say(e);
                return;
            }
        }
        let Some(r) = &mut self.reader else { return };
        let n = match r.search(pattern) {
            Ok(n) => n,
            Err(e) => {
                self.say(e);
                return;
            }
        };
        let index = r.doc.index_of(anchor.part).unwrap_or(0);
        if n == 0 {
            self.say(format!(
                "pattern not found: {pattern} (the article has changed)"
            ));
            return;
        }
        if let Some(at) = r.match_at(index, anchor.offset) {
            r.push_jump();
            r.go_to_match(at);
            let steps = self.keymap.show(&hints::MATCH_STEPS);
            self.say(format!("“{pattern}”: {steps}"));
        }
    }
}
