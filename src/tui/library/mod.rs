//! The library screen's state: the list, its sort and filter, the scan that fills it, and
//! its actions. `draw` draws it.

pub mod draw;
pub mod list;
pub mod preview;
pub mod search;
pub mod search_draw;

use crate::article::Article;
use crate::layout::Anchor;
use crate::library::entry::{Entry, ProgressMap, State, progress_of};
use crate::library::filter::{self, Hay, Hit};
use crate::library::order::{self, SortOrder};
use crate::library::scan::Skipped;
use crate::library::watch::Watch;
use crate::library::{self, Event, cache, glimpse};
use crate::parse;
use crate::samples::SAMPLES;
use crate::tui::field::Field;
use crate::tui::keys::{Action, Context, KeyMap};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use search::LibrarySearch;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};

/// Where the articles come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Root {
    /// A folder on disk, scanned and cached.
    Dir(PathBuf),
    /// The samples built into the binary: parsed in memory, nothing written to disk.
    Samples,
}

/// What a key in the library asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Nothing beyond the library itself.
    Stay,
    /// Open the entry at this index.
    Open(usize),
    /// Show every bookmark in the library (the app has them).
    Bookmarks,
    /// Show every highlight in the library.
    Highlights,
    /// Show the files left out.
    Skipped,
    /// Open the article at this path at a search match, with the pattern searched.
    OpenMatch(PathBuf, Anchor, String),
    /// Quit Lectern.
    Quit,
    /// Suspend to the shell.
    Suspend,
}

/// The library screen.
#[derive(Debug)]
pub struct LibraryView {
    /// Where the articles come from.
    pub root: Root,
    /// Every file found, in scan order; rows refer to it by index.
    pub entries: Vec<Entry>,
    /// Files and folders the walk left out.
    pub skipped: Vec<Skipped>,
    /// Reading state by path, passed in by whoever knows it (the store).
    pub progress: ProgressMap,
    /// The current sort order.
    pub sort: SortOrder,
    /// Entry indices in display order: sorted, then filtered.
    pub rows: Vec<usize>,
    /// Match positions, parallel to `rows`, while a filter is set.
    pub hits: Vec<Hit>,
    /// The filter text.
    pub filter: Field,
    /// Keys go to the filter text.
    pub typing: bool,
    /// The selected row.
    pub selected: usize,
    /// The first row on screen.
    pub top: usize,
    /// Show the preview pane (when the screen is wide enough).
    pub preview: bool,
    /// (files read, files found) while a scan runs.
    pub scanning: Option<(usize, usize)>,
    /// The search of every article's text (`F`).
    pub search: LibrarySearch,
    scan: Option<Receiver<Event>>,
    /// Notices files added, changed or removed, for a rescan without `r`.
    watch: Option<Watch>,
    /// A list has arrived (from the cache or the walk).
    listed: bool,
    /// While only the cache's head is shown (`glimpse`): how many of its rows are the
    /// whole list's, in place, and the rows of the whole list.
    partial: Option<(usize, usize)>,
    /// The scan waits for the first frame, drawn from the cache's head, to be on screen.
    scan_later: bool,
    /// What the filter searches, per entry; built on the first filter, not at start-up.
    hays: Vec<Hay>,
    cache_file: Option<PathBuf>,
    selected_once: bool,
}

impl LibraryView {
    /// A library on `root`; a folder starts scanning at once, with its cache in `cache_dir`.
    pub fn new(root: Root, cache_dir: Option<PathBuf>, progress: ProgressMap) -> Self {
        let cache_file = match &root {
            Root::Dir(dir) => cache_dir.map(|c| cache::file_for(&c, dir)),
            Root::Samples => None,
        };
        let mut view = LibraryView {
            root,
            entries: Vec::new(),
            skipped: Vec::new(),
            progress,
            sort: SortOrder::default(),
            rows: Vec::new(),
            hits: Vec::new(),
            filter: Field::default(),
            typing: false,
            selected: 0,
            top: 0,
            preview: true,
            scanning: None,
            search: LibrarySearch::default(),
            scan: None,
            watch: None,
            listed: false,
            partial: None,
            scan_later: false,
            hays: Vec::new(),
            cache_file,
            selected_once: false,
        };
        match &view.root {
            Root::Samples => view.set_entries(library::samples(), Vec::new()),
            Root::Dir(_) => {
                view.glimpse();
                view.scan_later = view.partial();
                if !view.scan_later {
                    view.rescan();
                }
            }
        }
        view
    }

    /// Shows the first screen from the cache's head, before the scan reads it whole.
    fn glimpse(&mut self) {
        let (Root::Dir(dir), Some(file)) = (&self.root, &self.cache_file) else {
            return;
        };
        if let Some(g) = glimpse::read(file, dir, &self.progress) {
            self.partial = Some((g.rows, g.listed));
            self.entries = g.entries;
            self.refresh(None);
        }
    }

    /// True while only the first screen is shown: keys wait for the whole list.
    pub fn partial(&self) -> bool {
        self.partial.is_some()
    }

    /// Articles listed (after the filter): those of the whole list while only its first
    /// screen is shown.
    pub fn count(&self) -> usize {
        self.partial.map_or(self.rows.len(), |(_, listed)| listed)
    }

    /// Starts a new scan of a folder library; the current list stays until the new one arrives.
    pub fn rescan(&mut self) {
        if let Root::Dir(dir) = &self.root {
            self.scan = Some(library::start(dir.clone(), self.cache_file.clone()));
            // The cache's list, on its way after a first screen from its head, has every
            // file read, as that screen shows.
            self.scanning = self.partial.is_none().then_some((0, 0));
        }
    }

    /// Starts the scan that waited for the first frame to be on screen, if one did: so
    /// that the frame is not drawn, nor shown by the terminal, while 10 MB are decoded.
    pub fn start_scan(&mut self) {
        if std::mem::take(&mut self.scan_later) {
            self.rescan();
        }
    }

    /// True while a scan or a search is running, or a scan is to start.
    pub fn busy(&self) -> bool {
        self.scan.is_some() || self.scan_later || self.search.busy()
    }

    /// True until the scan's first list arrives: the first frame waits for it.
    pub fn awaiting_list(&self) -> bool {
        self.scan.is_some() && !self.listed
    }

    /// The text cache beside the metadata cache, for the search.
    pub fn text_cache_file(&self) -> Option<PathBuf> {
        self.cache_file
            .as_deref()
            .map(crate::library::text_cache::beside)
    }

    /// Takes in whatever the scan and the search have reported; true when anything changed.
    pub fn poll(&mut self) -> bool {
        let searched = self.search.poll();
        self.poll_scan() || searched
    }

    fn poll_scan(&mut self) -> bool {
        // Watching a folder walks all of it once: that waits until the first list has been
        // drawn (this is the poll after it), and starts while the scan's own walk runs.
        if let (true, None, Root::Dir(dir)) = (self.listed, &self.watch, &self.root) {
            self.watch = Some(Watch::start(dir.clone()));
        }
        if self.scan.is_none() && self.watch.as_ref().is_some_and(Watch::settled_change) {
            self.rescan();
        }
        let Some(rx) = &self.scan else { return false };
        let mut events = Vec::new();
        let mut finished = false;
        loop {
            match rx.try_recv() {
                Ok(Event::Done) | Err(TryRecvError::Disconnected) => {
                    finished = true;
                    break;
                }
                Ok(e) => events.push(e),
                Err(TryRecvError::Empty) => break,
            }
        }
        if events.is_empty() && !finished {
            return false;
        }
        let keep = self.selected_path();
        for event in events {
            match event {
                Event::Listed { entries, skipped } => {
                    self.listed = true;
                    self.partial = None;
                    let pending = entries.iter().filter(|e| e.state == State::Pending).count();
                    self.scanning = (pending > 0).then_some((0, pending));
                    self.hays.clear();
                    self.entries = entries;
                    self.skipped = skipped;
                }
                Event::Unchanged(skipped) => self.skipped = skipped,
                Event::Read(i, state) => {
                    if let Some(e) = self.entries.get_mut(i) {
                        e.state = state;
                        if let Some(h) = self.hays.get_mut(i) {
                            *h = Hay::new(e);
                        }
                    }
                    if let Some((done, _)) = &mut self.scanning {
                        *done += 1;
                    }
                }
                Event::Done => {}
            }
        }
        if finished {
            self.scan = None;
            self.scanning = None;
            if self.partial.take().is_some() {
                // The scan ended without a list: what the head showed is not all there is.
                self.entries.clear();
            }
        }
        self.refresh(keep);
        true
    }

    /// Replaces the whole list (the samples, or tests).
    pub fn set_entries(&mut self, entries: Vec<Entry>, skipped: Vec<Skipped>) {
        self.hays.clear();
        self.entries = entries;
        self.skipped = skipped;
        self.refresh(None);
    }

    /// The selected entry's index, if the list is not empty.
    pub fn selected_entry(&self) -> Option<usize> {
        self.rows.get(self.selected).copied()
    }

    fn selected_path(&self) -> Option<PathBuf> {
        self.selected_entry().map(|i| self.entries[i].path.clone())
    }

    /// Files left out: by the walk, and those that could not be read as articles.
    pub fn skipped_all(&self) -> Vec<(&Path, &str)> {
        let walk = self
            .skipped
            .iter()
            .map(|s| (s.path.as_path(), s.reason.as_str()));
        let failed = self.entries.iter().filter_map(|e| match &e.state {
            State::Failed(r) => Some((e.path.as_path(), r.as_str())),
            _ => None,
        });
        walk.chain(failed).collect()
    }

    /// Takes in new reading progress (after reading), keeping the selection.
    pub fn set_progress(&mut self, progress: ProgressMap) {
        self.progress = progress;
        let keep = self.selected_path();
        self.refresh(keep);
    }

    /// Re-sorts and re-filters, keeping `keep` selected when it is still listed.
    fn refresh(&mut self, keep: Option<PathBuf>) {
        let sorted = order::sorted(&self.entries, &self.progress, self.sort);
        if self.filter.is_empty() {
            self.hits.clear();
            self.rows = sorted;
        } else {
            if self.hays.len() != self.entries.len() {
                self.hays = self.entries.iter().map(Hay::new).collect();
            }
            self.hits = filter::filter(&self.hays, &sorted, self.filter.text());
            self.rows = self.hits.iter().map(|h| h.entry).collect();
        }
        if let Some((rows, _)) = self.partial {
            self.rows.truncate(rows);
        }
        let found = keep.and_then(|p| self.rows.iter().position(|&i| self.entries[i].path == p));
        self.selected = match found {
            Some(row) => row,
            None if !self.selected_once && !self.rows.is_empty() => {
                self.selected_once = true;
                self.last_read_row().unwrap_or(0)
            }
            None => self.selected.min(self.rows.len().saturating_sub(1)),
        };
    }

    /// The row of the most recently read article, so `Enter` continues reading it.
    fn last_read_row(&self) -> Option<usize> {
        (0..self.rows.len())
            .filter_map(|r| {
                Some((
                    progress_of(&self.progress, &self.entries[self.rows[r]].path).last_read?,
                    r,
                ))
            })
            .max()
            .map(|(_, r)| r)
    }

    /// Moves the selection by `delta` rows and keeps it on a screen of `page` rows.
    pub fn step(&mut self, delta: isize, page: usize) {
        let last = self.rows.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last.max(0)) as usize;
        self.keep_visible(page);
    }

    /// Scrolls so the selected row is on a screen of `page` rows.
    pub fn keep_visible(&mut self, page: usize) {
        let page = page.max(1);
        if self.selected < self.top {
            self.top = self.selected;
        } else if self.selected >= self.top + page {
            self.top = self.selected + 1 - page;
        }
    }

    /// Where keys go: the search screen while it is up, the filter while it is typed,
    /// else the list.
    pub fn context(&self) -> Context {
        if let Some(ctx) = self.search.context() {
            ctx
        } else if self.typing {
            Context::Filter
        } else {
            Context::Library
        }
    }

    /// Handles a key with the default key map; `page` is the number of list rows on screen.
    pub fn key(&mut self, key: KeyEvent, page: usize) -> Outcome {
        let ctx = self.context();
        match KeyMap::default().action_in(ctx, &key) {
            Some(a) => self.act(a, page),
            None => match key.code {
                KeyCode::Char(c) if ctx.typing() => self.typed(c, page),
                _ if ctx.typing() => {
                    self.edit(&key, page);
                    Outcome::Stay
                }
                _ => Outcome::Stay,
            },
        }
    }

    /// Performs a library action; `page` is the number of list rows on screen.
    pub fn act(&mut self, action: Action, page: usize) -> Outcome {
        let page_i = page.max(2) as isize - 1;
        match action {
            Action::Quit => return Outcome::Quit,
            Action::Suspend => return Outcome::Suspend,
            _ if self.search.is_open() => return self.search_act(action, page),
            Action::FindText => self.search.ask(),
            Action::Down => self.step(1, page),
            Action::Up => self.step(-1, page),
            Action::PageDown => self.step(page_i, page),
            Action::PageUp => self.step(-page_i, page),
            Action::First => self.step(isize::MIN / 2, page),
            Action::Last => self.step(isize::MAX / 2, page),
            Action::OpenArticle => {
                self.typing = false;
                return self.selected_entry().map_or(Outcome::Stay, Outcome::Open);
            }
            Action::Filter => self.typing = true,
            Action::ClearFilter => {
                let typing = std::mem::take(&mut self.typing);
                if typing || !self.filter.is_empty() {
                    self.set_filter(Field::default(), page);
                }
            }
            Action::Erase => {
                let mut f = self.filter.clone();
                if !f.erase() {
                    self.typing = false;
                }
                self.set_filter(f, page);
            }
            Action::Sort => {
                self.sort = self.sort.next();
                let keep = self.selected_path();
                self.refresh(keep);
                self.keep_visible(page);
            }
            Action::Preview => self.preview = !self.preview,
            Action::Rescan => self.rescan(),
            Action::Skipped if !self.skipped_all().is_empty() => return Outcome::Skipped,
            Action::AllBookmarks => return Outcome::Bookmarks,
            Action::AllHighlights => return Outcome::Highlights,
            _ => {}
        }
        Outcome::Stay
    }

    /// A letter typed into the filter.
    pub fn typed(&mut self, c: char, page: usize) -> Outcome {
        if self.search.is_open() {
            self.search_typed(c);
        } else if self.typing {
            let mut f = self.filter.clone();
            f.insert(c);
            self.set_filter(f, page);
        }
        Outcome::Stay
    }

    /// An editing key (←, Ctrl-w…) in the filter or the search prompt.
    pub fn edit(&mut self, key: &KeyEvent, page: usize) {
        if self.search.is_open() {
            self.search.edit(key);
        } else if self.typing {
            let mut f = self.filter.clone();
            if f.edit(key) == Some(true) {
                self.set_filter(f, page);
            } else {
                // Only the cursor moved: the list stays as it is.
                self.filter = f;
            }
        }
    }

    /// The entry for a path, if the library lists it.
    pub fn entry_for(&self, path: &Path) -> Option<usize> {
        self.entries.iter().position(|e| e.path == path)
    }

    /// Selects the row of entry `i` when it is listed, so coming back lands on it.
    pub fn select_entry(&mut self, i: usize, page: usize) {
        if let Some(row) = self.rows.iter().position(|&r| r == i) {
            self.selected = row;
            self.keep_visible(page);
        }
    }

    /// Sets the filter text; while filtering, the best match is selected.
    fn set_filter(&mut self, text: Field, page: usize) {
        let keep = if text.is_empty() {
            self.selected_path()
        } else {
            None
        };
        self.filter = text;
        self.refresh(keep);
        if !self.filter.is_empty() {
            self.selected = 0;
        }
        self.top = 0;
        self.keep_visible(page);
    }

    /// Reads and parses the entry at `i` for the reader.
    pub fn load(&self, i: usize) -> Result<(Article, PathBuf), String> {
        let entry = self.entries.get(i).ok_or("no such article")?;
        load_from(&self.root, &entry.path).map(|a| (a, entry.path.clone()))
    }
}

/// Reads and parses the article at `path` of a library: from disk, or a bundled sample.
pub fn load_from(root: &Root, path: &Path) -> Result<Article, String> {
    match root {
        Root::Dir(_) => parse::load(path).map_err(|e| e.to_string()),
        Root::Samples => {
            let (name, text) = SAMPLES
                .iter()
                .find(|(n, _)| Path::new(n) == path)
                .ok_or("no such sample")?;
            parse::parse_bytes(text.as_bytes(), parse::format_for(Path::new(name)))
                .map_err(|e| e.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::app::App;
    use ratatui::crossterm::event::{KeyEvent, KeyModifiers};

    fn press(view: &mut LibraryView, keys: &str) -> Outcome {
        let mut last = Outcome::Stay;
        for c in keys.chars() {
            let code = match c {
                '\n' => KeyCode::Enter,
                '\x1b' => KeyCode::Esc,
                c => KeyCode::Char(c),
            };
            last = view.key(KeyEvent::new(code, KeyModifiers::NONE), 10);
        }
        last
    }

    #[test]
    fn filter_selects_the_best_match_and_clearing_keeps_it() {
        let mut v = LibraryView::new(Root::Samples, None, ProgressMap::new());
        assert_eq!(press(&mut v, "/river"), Outcome::Stay);
        let best = v.selected_entry().unwrap();
        assert!(v.entries[best].title().to_lowercase().contains("river"));
        press(&mut v, "\n");
        assert!(!v.typing);
        press(&mut v, "\x1b");
        assert!(v.filter.is_empty());
        assert_eq!(v.selected_entry(), Some(best));
        assert_eq!(press(&mut v, "\n"), Outcome::Open(best));
        assert!(v.load(best).is_ok());
    }

    #[test]
    fn opens_with_the_last_read_article_selected() {
        let mut progress = ProgressMap::new();
        let last = library::samples()[3].path.clone();
        progress.insert(
            last.clone().into(),
            crate::library::entry::Progress {
                last_read: Some(9),
                ..Default::default()
            },
        );
        let v = LibraryView::new(Root::Samples, None, progress);
        assert_eq!(v.entries[v.selected_entry().unwrap()].path, last);
    }

    #[test]
    fn the_reader_returns_to_the_same_selection() {
        let lib = LibraryView::new(Root::Samples, None, ProgressMap::new());
        let mut app = App::with_library(lib, (100, 30));
        let key = |app: &mut App, code| app.key(KeyEvent::new(code, KeyModifiers::NONE));
        key(&mut app, KeyCode::Char('j'));
        key(&mut app, KeyCode::Char('j'));
        let before = app.library.as_ref().unwrap().selected_entry();
        key(&mut app, KeyCode::Enter);
        assert!(app.reader.is_some());
        key(&mut app, KeyCode::Char('q'));
        assert!(app.reader.is_none() && !app.quit);
        assert_eq!(app.library.as_ref().unwrap().selected_entry(), before);
        key(&mut app, KeyCode::Enter);
        key(&mut app, KeyCode::Esc);
        assert!(app.reader.is_none() && !app.quit);
        key(&mut app, KeyCode::Char('q'));
        assert!(app.quit);
    }

    #[test]
    fn q_quits_and_sort_cycles() {
        let mut v = LibraryView::new(Root::Samples, None, ProgressMap::new());
        press(&mut v, "S");
        assert_eq!(v.sort, SortOrder::Date);
        assert_eq!(press(&mut v, "q"), Outcome::Quit);
    }
}
