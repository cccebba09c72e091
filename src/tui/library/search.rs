//! `F` in the library: a pattern searched in the text of every article, the matching
//! articles listed as the results come in (in the library's sort order), `Enter` opening
//! one at its first match with the search active, `Esc` back to the list as it was.
//! `search_draw` draws it; the search itself is `search::engine`.

use super::{LibraryView, Outcome, Root, load_from};
use crate::layout::Anchor;
use crate::library::order;
use crate::search::engine::{Detail, Item, Job, Progress, Running, Shown, Summary};
use crate::search::matcher::Matcher;
use crate::tui::field::Field;
use crate::tui::history::History;
use crate::tui::keys::{Action, Context};
use ratatui::crossterm::event::KeyEvent;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::TryRecvError;

/// Columns of context kept around a match; the screen shows as much as fits.
const CONTEXT: usize = 240;

/// One matching article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Where it is (the list may be scanned anew while a search runs).
    pub path: PathBuf,
    /// Its title as the search read it (empty when it has none).
    pub title: String,
    /// How many matches.
    pub count: usize,
    /// The first match, in context.
    pub first: Option<Shown>,
    /// Its place in the library's sort order.
    rank: usize,
}

/// The results of one search.
#[derive(Debug)]
pub struct Results {
    /// The pattern searched.
    pub pattern: String,
    /// Matching articles in the library's sort order.
    pub rows: Vec<Row>,
    /// The selected row.
    pub selected: usize,
    /// The first row on screen.
    pub top: usize,
    /// Articles searched so far, of `total`.
    pub searched: usize,
    /// Articles to search.
    pub total: usize,
    /// Matches found so far.
    pub matches: usize,
    /// How the search went, once it is over.
    pub done: Option<Summary>,
    /// Whether the user has moved the selection (until then it stays on the first row).
    moved: bool,
    /// Each searched article's path and place in the sort order.
    items: Vec<(PathBuf, usize)>,
    running: Option<Running>,
}

/// The search screen's state; closed when there is neither prompt nor results.
#[derive(Debug, Default)]
pub struct LibrarySearch {
    /// The pattern being typed, while the prompt is open.
    pub prompt: Option<Field>,
    /// Why the last pattern could not be searched.
    pub error: Option<String>,
    /// The last search's results.
    pub results: Option<Results>,
    history: History,
}

impl LibrarySearch {
    /// Whether the search screen is up.
    pub fn is_open(&self) -> bool {
        self.prompt.is_some() || self.results.is_some()
    }

    /// True while a search runs.
    pub fn busy(&self) -> bool {
        self.results.as_ref().is_some_and(|r| r.running.is_some())
    }

    /// Opens the prompt for a new pattern.
    pub fn ask(&mut self) {
        self.prompt = Some(Field::default());
        self.error = None;
    }

    /// Takes in what the running search found; true when anything changed.
    pub fn poll(&mut self) -> bool {
        let Some(r) = &mut self.results else {
            return false;
        };
        let Some(running) = &r.running else {
            return false;
        };
        let mut changed = false;
        let mut over = None;
        loop {
            match running.rx.try_recv() {
                Ok(Progress::Batch(b)) => {
                    changed = true;
                    r.searched += b.items.len();
                    for hit in b.hits {
                        let Some((path, rank)) = r.items.get(hit.item).cloned() else {
                            continue;
                        };
                        r.matches += hit.count;
                        let at = r.rows.partition_point(|row| row.rank <= rank);
                        if r.moved && at <= r.selected && !r.rows.is_empty() {
                            r.selected += 1;
                        }
                        let first = hit.shown.into_iter().next();
                        r.rows.insert(
                            at,
                            Row {
                                path,
                                title: hit.title,
                                count: hit.count,
                                first,
                                rank,
                            },
                        );
                    }
                }
                Ok(Progress::Done(summary)) => {
                    over = Some(summary);
                    break;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    over = Some(Summary::default());
                    break;
                }
            }
        }
        if let Some(summary) = over {
            r.done = Some(summary);
            r.running = None;
            changed = true;
        }
        changed
    }

    /// The context keys go to while the search screen is up.
    pub fn context(&self) -> Option<Context> {
        if self.prompt.is_some() {
            Some(Context::Find)
        } else {
            self.results.as_ref().map(|_| Context::Found)
        }
    }

    /// A letter typed into the prompt.
    fn typed(&mut self, c: char) {
        if let Some(text) = &mut self.prompt {
            text.insert(c);
            self.error = None;
        }
    }

    /// An editing key (←, Ctrl-w…) in the prompt.
    pub fn edit(&mut self, key: &KeyEvent) {
        if let Some(text) = &mut self.prompt
            && text.edit(key) == Some(true)
        {
            self.error = None;
        }
    }

    /// An action while the prompt is open; the pattern to search, once accepted.
    fn prompt_act(&mut self, action: Action) -> Option<String> {
        let text = self.prompt.as_mut()?;
        match action {
            Action::Close => self.prompt = None,
            Action::Accept => {
                let pattern = text.take();
                self.prompt = None;
                return (!pattern.is_empty()).then_some(pattern);
            }
            // Backspace on an empty prompt closes it, as it does the filter.
            Action::Erase if !text.erase() => self.prompt = None,
            Action::Older | Action::Newer => {
                if let Some(p) = self.history.step(action == Action::Older) {
                    text.set(p);
                }
            }
            _ => {}
        }
        None
    }

    /// An action on the results; an article to open at its match, if chosen.
    fn results_act(&mut self, action: Action, page: usize) -> Option<(PathBuf, Anchor, String)> {
        let r = self.results.as_mut()?;
        // Two lines a result.
        let step = (page / 2).max(2) as isize - 1;
        match action {
            Action::Close => self.results = None,
            Action::FindText => self.ask(),
            Action::OpenMatch => {
                let row = r.rows.get(r.selected)?;
                let anchor = row.first.as_ref()?.anchor;
                return Some((row.path.clone(), anchor, r.pattern.clone()));
            }
            Action::Down => r.step(1),
            Action::Up => r.step(-1),
            Action::PageDown => r.step(step),
            Action::PageUp => r.step(-step),
            Action::First => r.step(isize::MIN / 2),
            Action::Last => r.step(isize::MAX / 2),
            _ => {}
        }
        None
    }
}

impl Results {
    fn step(&mut self, delta: isize) {
        let last = self.rows.len().saturating_sub(1) as isize;
        self.selected = (self.selected as isize + delta).clamp(0, last.max(0)) as usize;
        self.moved = true;
    }

    /// Keeps the selected result on a screen of `rows` results.
    pub fn keep_visible(&self, rows: usize) -> usize {
        let rows = rows.max(1);
        self.top
            .min(self.selected)
            .max((self.selected + 1).saturating_sub(rows))
    }

    /// True while the search runs.
    pub fn running(&self) -> bool {
        self.running.is_some()
    }
}

impl LibraryView {
    /// An action while the search screen is up; `page` is the number of rows on screen.
    pub fn search_act(&mut self, action: Action, page: usize) -> Outcome {
        if self.search.prompt.is_some() {
            if let Some(pattern) = self.search.prompt_act(action) {
                self.search.history.remember(&pattern);
                match Matcher::new(&pattern) {
                    Ok(m) => self.run_search(pattern, m),
                    Err(e) => {
                        self.search.error = Some(e);
                        self.search.prompt = Some(Field::new(pattern));
                    }
                }
            }
            return Outcome::Stay;
        }
        match self.search.results_act(action, page) {
            Some((path, anchor, pattern)) => Outcome::OpenMatch(path, anchor, pattern),
            None => Outcome::Stay,
        }
    }

    /// A letter typed while the search prompt is open.
    pub fn search_typed(&mut self, c: char) {
        self.search.typed(c);
    }

    /// Starts searching every article for `pattern`, results ranked by the sort order.
    fn run_search(&mut self, pattern: String, matcher: Matcher) {
        let root = self.root.clone();
        let dir = match &root {
            Root::Dir(d) => Some(d.clone()),
            Root::Samples => None,
        };
        // Unfiltered, the list is the sort order already.
        let sorted = if self.filter.is_empty() {
            self.rows.clone()
        } else {
            order::sorted(&self.entries, &self.progress, self.sort)
        };
        let mut ranks = vec![usize::MAX; self.entries.len()];
        for (rank, i) in sorted.into_iter().enumerate() {
            ranks[i] = rank;
        }
        let items: Vec<Item> = self
            .entries
            .iter()
            .map(|e| Item {
                rel: dir
                    .as_ref()
                    .and_then(|d| e.path.strip_prefix(d).ok())
                    .unwrap_or(&e.path)
                    .to_path_buf(),
                path: e.path.clone(),
                size: e.size,
                mtime: e.mtime,
            })
            .collect();
        let listed = items
            .iter()
            .zip(&ranks)
            .map(|(it, &rank)| (it.path.clone(), rank))
            .collect();
        let total = items.len();
        let job = Job {
            items,
            matcher: Arc::new(matcher),
            detail: Detail::First,
            width: CONTEXT,
            cache: self.text_cache_file(),
            load: Box::new(move |p| load_from(&root, p)),
        };
        self.search.results = Some(Results {
            pattern,
            rows: Vec::new(),
            selected: 0,
            top: 0,
            searched: 0,
            total,
            matches: 0,
            done: None,
            moved: false,
            items: listed,
            running: Some(job.spawn()),
        });
    }
}

#[cfg(test)]
mod tests;
