//! The state of the whole UI and the one place that changes it.

use super::bookmarks::BookmarksPanel;
use super::citation_popup::{CitationPopup, part_of};
use super::footnote_popup::NotePopup;
use super::keys::{self, Action};
use super::library_view::LibraryView;
use super::link_popup::LinkPopup;
use super::memory::Memory;
use super::outline::{self, OutlinePanel};
use super::reader::Reader;
use super::sources::SourcesPanel;
use super::targets::Kind;
use super::theme::Theme;
use crate::article::Article;
use crate::layout::{Anchor, Part, Style, Target};
use crate::store::{Fingerprint, Spot, Store};
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long a status message stays.
pub const MESSAGE_TTL: Duration = Duration::from_secs(4);

/// What the keyboard is talking to right now.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// Reading: keys move and open things.
    Normal,
    /// Typing a search pattern.
    Search(String),
    /// The help overlay.
    Help,
    /// A one-line prompt in the status line.
    Prompt(Prompt),
}

/// A one-line question and the answer typed so far.
#[derive(Debug, Clone, PartialEq)]
pub struct Prompt {
    /// What the answer is for.
    pub purpose: Purpose,
    /// The answer so far.
    pub text: String,
}

/// What a prompt's answer is for.
#[derive(Debug, Clone, PartialEq)]
pub enum Purpose {
    /// The label of a new bookmark at this place.
    NewBookmark(Spot),
    /// A new label for bookmark `id`.
    Rename(String),
}

impl Purpose {
    /// The question shown before the answer.
    pub fn question(&self) -> &'static str {
        match self {
            Purpose::NewBookmark(_) => "Bookmark label: ",
            Purpose::Rename(_) => "Rename bookmark: ",
        }
    }
}

/// A pop-up over the page; they stack (a note inside a note).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Popup {
    /// A footnote.
    Note(NotePopup),
    /// A citation and its source.
    Citation(CitationPopup),
    /// The Sources panel.
    Sources(SourcesPanel),
    /// This article's bookmarks.
    Bookmarks(BookmarksPanel),
    /// The outline of sections.
    Outline(OutlinePanel),
    /// A link's address.
    Link(LinkPopup),
}

/// Things only the terminal loop can do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Leave the terminal, stop the process, come back on resume.
    Suspend,
    /// Put text on the clipboard through the terminal (OSC 52).
    Copy(String),
    /// Open an address with the system's opener.
    Open(String),
}

/// The whole UI.
#[derive(Debug)]
pub struct App {
    /// The open article, if one is open.
    pub reader: Option<Reader>,
    /// Screen size (columns, rows).
    pub size: (u16, u16),
    /// Colours.
    pub theme: Theme,
    /// Keyboard mode.
    pub mode: Mode,
    /// Open pop-ups, innermost last.
    pub popups: Vec<Popup>,
    /// A status message and when it was set.
    pub message: Option<(String, Instant)>,
    /// Digits typed before a command (`50%`).
    pub count: Option<usize>,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// Reading speed for "minutes left".
    pub wpm: usize,
    /// The full parse of a long article, still running in the background.
    pub pending: Option<std::sync::mpsc::Receiver<Result<Article, crate::parse::LoadError>>>,
    /// A long article whose beginning is shown, to be read whole once the first frame is on screen.
    pub deferred: Option<crate::parse::Deferred>,
    /// Keys waiting for the whole of a long article (see `waiting`).
    pub held: Vec<KeyEvent>,
    /// Reading positions and bookmarks, when the state store could be opened.
    pub memory: Option<Memory>,
    /// How articles are typeset when opened.
    pub style: Style,
    /// The key map in force.
    pub keymap: keys::KeyMap,
    /// The library the reader returns to, when Lectern was opened on one.
    pub library: Option<LibraryView>,
}

impl App {
    /// A reader on one article, for a screen of `size` (columns, rows).
    pub fn with_article(article: Article, path: PathBuf, size: (u16, u16)) -> Self {
        App {
            reader: Some(Reader::new(article, path, size, Style::default())),
            size,
            theme: Theme::from_env(),
            mode: Mode::Normal,
            popups: Vec::new(),
            message: None,
            count: None,
            quit: false,
            wpm: 240,
            library: None,
            style: Style::default(),
            keymap: keys::KeyMap::default(),
            pending: None,
            deferred: None,
            held: Vec::new(),
            memory: None,
        }
    }

    /// Applies the settings: text width, justification, theme, reading speed.
    pub fn configure(&mut self, cfg: &crate::config::Config) {
        self.style = Style {
            width: cfg.measure,
            justify: cfg.justify,
            hyphenate: cfg.hyphenate,
            sidenotes: cfg.sidenotes,
            ..Style::default()
        };
        self.theme = Theme::from_choice(cfg.theme);
        self.wpm = cfg.words_per_minute;
        let (keymap, problems) = keys::KeyMap::with_overrides(&cfg.keys);
        self.keymap = keymap;
        if !problems.is_empty() {
            self.say(format!("config.toml: {}", problems.join("; ")));
        }
        if let Some(r) = &mut self.reader {
            r.style = Style {
                width: cfg.measure,
                ..self.style
            };
            r.set_measure(cfg.measure);
        }
    }

    /// Connects the persisted state; its warnings (a damaged file set aside…) show once.
    pub fn attach_store(&mut self, mut store: Store) {
        let warnings: Vec<String> = store
            .take_warnings()
            .iter()
            .map(ToString::to_string)
            .collect();
        if !warnings.is_empty() {
            self.say(warnings.join("; "));
        }
        self.memory = Some(Memory::new(store));
    }

    /// The whole article is parsed: find it in the store and return to where the reader
    /// stopped last time ("resumed at 42%").
    pub fn article_ready(&mut self) {
        let (Some(r), Some(m)) = (&mut self.reader, &mut self.memory) else {
            return;
        };
        let fp = Fingerprint::of(r.article());
        let title = r.article().meta.title.clone().unwrap_or_default();
        let fallback = r.article().extraction == Some(crate::article::Extraction::Fallback);
        let saved = m
            .store
            .article(&fp, r.store_path(), &title)
            .position
            .clone();
        m.fingerprint = Some(fp);
        if let Some(pos) = saved {
            let anchor = pos.at.recover(&r.doc);
            r.top = r.layout.locate(anchor);
            r.scroll(0);
            let pct = r.percent();
            if pct > 0 {
                self.say(format!("resumed at {pct}%"));
            }
        }
        if fallback {
            self.say("no article found on this page: showing all its text".to_string());
        }
    }

    /// Called every tick of the event loop: saves the position once scrolling has stopped.
    pub fn tick(&mut self, now: Instant) {
        let (Some(r), Some(m)) = (&self.reader, &mut self.memory) else {
            return;
        };
        if m.observe(r.layout.anchor(r.top), now) {
            self.save_position();
        }
    }

    /// Saves the position now (on quit, on leaving the article, on a signal).
    pub fn save_position(&mut self) {
        let (Some(r), Some(m)) = (&self.reader, &mut self.memory) else {
            return;
        };
        let spot = Spot::new(&r.doc, r.layout.anchor(r.top));
        if let Some(msg) = m.save_position(spot, r.at_end()) {
            self.say(msg);
        }
    }

    /// The open article's live bookmarks, in reading order.
    pub fn bookmark_list(&self) -> Vec<&crate::store::Bookmark> {
        let (Some(m), Some(fp)) = (
            &self.memory,
            self.memory.as_ref().and_then(|m| m.fingerprint.as_ref()),
        ) else {
            return Vec::new();
        };
        let mut list = m.store.bookmarks(fp);
        list.sort_by(|a, b| {
            a.at.fraction
                .total_cmp(&b.at.fraction)
                .then(a.created.cmp(&b.created))
        });
        list
    }

    fn with_store(
        &mut self,
        f: impl FnOnce(&mut Store, &Fingerprint) -> Result<(), crate::store::StoreError>,
    ) -> bool {
        let Some(m) = &mut self.memory else {
            self.say("bookmarks are unavailable: the reading state could not be opened");
            return false;
        };
        let Some(fp) = m.fingerprint.clone() else {
            self.say("still reading the article; try again in a moment");
            return false;
        };
        match f(&mut m.store, &fp).and_then(|_| m.store.save()) {
            Ok(()) => true,
            Err(e) => {
                self.say(format!("could not save: {e}"));
                false
            }
        }
    }

    /// Starts the full parse of a long article on a worker thread; called after the first
    /// frame so the two do not compete for the processor.
    pub fn start_background_parse(&mut self) {
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
                self.popups.clear();
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
                self.say(match super::panics::take_worker_panic() {
                    Some(at) => format!("could not finish reading the article (failed at {at})"),
                    None => "could not finish reading the article".into(),
                });
                true
            }
        }
    }

    /// Shows a message in the status line for a few seconds.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), Instant::now()));
    }

    /// The message to show now, if it has not faded.
    pub fn current_message(&self) -> Option<&str> {
        self.message
            .as_ref()
            .filter(|(_, at)| at.elapsed() < MESSAGE_TTL)
            .map(|(m, _)| m.as_str())
    }

    /// The terminal changed size.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.size = (cols, rows);
        if let Some(r) = &mut self.reader {
            r.reflow((cols, rows));
        }
    }

    /// Handles a key press.
    pub fn key(&mut self, key: KeyEvent) -> Option<Effect> {
        if self.reader.is_none() && self.library.is_some() {
            return self.library_key(key);
        }
        // Quitting and suspending work wherever the keyboard is: a prompt, a search, the
        // help or a pop-up would otherwise swallow Ctrl-C (found by random use).
        if key.modifiers.contains(KeyModifiers::CONTROL)
            && let Some(action @ (Action::Quit | Action::Suspend)) = self.keymap.action_for(&key)
        {
            if action == Action::Quit {
                self.mode = Mode::Normal;
                self.popups.clear();
                self.count = None;
            }
            return self.act(action, None);
        }
        match self.mode.clone() {
            Mode::Search(query) => {
                self.search_key(query, key);
                None
            }
            Mode::Help => {
                if matches!(key.code, KeyCode::Esc | KeyCode::Char('q' | '?')) {
                    self.mode = Mode::Normal;
                }
                None
            }
            Mode::Prompt(p) => {
                self.prompt_key(p, key);
                None
            }
            Mode::Normal if !self.popups.is_empty() => self.popup_key(key),
            Mode::Normal => {
                if let KeyCode::Char(c @ '0'..='9') = key.code
                    && key.modifiers - KeyModifiers::SHIFT == KeyModifiers::NONE
                {
                    let digit = c as usize - '0' as usize;
                    self.count = Some(
                        self.count
                            .unwrap_or(0)
                            .saturating_mul(10)
                            .saturating_add(digit)
                            .min(1_000_000),
                    );
                    return None;
                }
                let action = self.keymap.action_for(&key);
                let count = self.count.take();
                action.and_then(|a| self.act(a, count))
            }
        }
    }

    fn search_key(&mut self, mut query: String, key: KeyEvent) {
        match key.code {
            KeyCode::Esc => self.mode = Mode::Normal,
            KeyCode::Enter => {
                self.mode = Mode::Normal;
                if query.is_empty() {
                    return;
                }
                let Some(r) = &mut self.reader else { return };
                match r.search(&query) {
                    Err(e) => self.say(e),
                    Ok(0) => self.say(format!("pattern not found: {query}")),
                    Ok(_) => {
                        r.push_jump();
                        if r.first_match() {
                            self.say("search wrapped to the top");
                        }
                    }
                }
            }
            KeyCode::Backspace => {
                if query.pop().is_none() {
                    self.mode = Mode::Normal;
                } else {
                    self.mode = Mode::Search(query);
                }
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                query.push(c);
                self.mode = Mode::Search(query);
            }
            _ => {}
        }
    }

    fn prompt_key(&mut self, mut p: Prompt, key: KeyEvent) {
        match key.code {
            KeyCode::Esc => self.mode = Mode::Normal,
            KeyCode::Enter => {
                self.mode = Mode::Normal;
                let label = p.text.trim().to_string();
                if label.is_empty() {
                    self.say("a bookmark needs a label");
                    return;
                }
                match p.purpose {
                    Purpose::NewBookmark(spot) => {
                        if self.with_store(|s, fp| s.add_bookmark(fp, &label, spot).map(|_| ())) {
                            self.say(format!("bookmark added: {label}"));
                        }
                    }
                    Purpose::Rename(id) => {
                        if self.with_store(|s, fp| s.rename_bookmark(fp, &id, &label)) {
                            self.say(format!("renamed to {label}"));
                        }
                    }
                }
            }
            KeyCode::Backspace => {
                p.text.pop();
                self.mode = Mode::Prompt(p);
            }
            KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                p.text.push(c);
                self.mode = Mode::Prompt(p);
            }
            _ => {}
        }
    }

    /// `m`: asks for a label for a bookmark at the top of the screen.
    fn start_bookmark(&mut self) {
        let Some(r) = &self.reader else { return };
        let anchor = r.layout.anchor(r.top);
        let spot = Spot::new(&r.doc, anchor);
        let line = r.layout.line(r.top).map(|l| l.text()).unwrap_or_default();
        let words: Vec<&str> = line.split_whitespace().take(6).collect();
        self.mode = Mode::Prompt(Prompt {
            purpose: Purpose::NewBookmark(spot),
            text: words.join(" "),
        });
    }

    fn bookmarks_key(&mut self, mut p: BookmarksPanel, key: KeyEvent) {
        let list: Vec<(String, String, Spot)> = self
            .bookmark_list()
            .iter()
            .map(|b| (b.id.clone(), b.label.clone(), b.at.clone()))
            .collect();
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => {
                self.popups.pop();
                return;
            }
            KeyCode::Char('j') | KeyCode::Down | KeyCode::Tab => {
                p.selected = (p.selected + 1).min(list.len().saturating_sub(1))
            }
            KeyCode::Char('k') | KeyCode::Up | KeyCode::BackTab => {
                p.selected = p.selected.saturating_sub(1)
            }
            KeyCode::Enter => {
                if let (Some((_, _, spot)), Some(r)) = (list.get(p.selected), &mut self.reader) {
                    let anchor = spot.recover(&r.doc);
                    self.popups.clear();
                    r.jump_to(anchor);
                }
                return;
            }
            KeyCode::Char('r') => {
                if let Some((id, label, _)) = list.get(p.selected) {
                    self.mode = Mode::Prompt(Prompt {
                        purpose: Purpose::Rename(id.clone()),
                        text: label.clone(),
                    });
                }
            }
            KeyCode::Char('d') => {
                if let Some((id, label, _)) = list.get(p.selected).cloned()
                    && self.with_store(|s, fp| s.delete_bookmark(fp, &id))
                {
                    p.deleted.push(id);
                    p.selected = p.selected.min(list.len().saturating_sub(2));
                    self.say(format!("deleted {label} — u to undo"));
                }
            }
            KeyCode::Char('u') => match p.deleted.pop() {
                Some(id) => {
                    if self.with_store(|s, fp| s.undelete_bookmark(fp, &id)) {
                        self.say("bookmark restored");
                    }
                }
                None => self.say("nothing to undo"),
            },
            _ => return,
        }
        self.replace_top(Popup::Bookmarks(p));
    }

    fn outline_key(&mut self, mut p: OutlinePanel, key: KeyEvent) {
        let Some(r) = &mut self.reader else { return };
        let entries = outline::entries(r);
        match key.code {
            KeyCode::Esc | KeyCode::Char('q' | 'o') => {
                self.popups.pop();
                return;
            }
            KeyCode::Char('j') | KeyCode::Down | KeyCode::Tab => {
                p.selected = (p.selected + 1).min(entries.len().saturating_sub(1))
            }
            KeyCode::Char('k') | KeyCode::Up | KeyCode::BackTab => {
                p.selected = p.selected.saturating_sub(1)
            }
            KeyCode::Enter => {
                if let Some(e) = entries.get(p.selected) {
                    self.popups.clear();
                    r.push_jump();
                    r.top = r.layout.locate(Anchor {
                        part: r.doc.parts[e.part],
                        offset: e.offset,
                    });
                    r.scroll(0);
                }
                return;
            }
            _ => return,
        }
        self.replace_top(Popup::Outline(p));
    }

    /// Performs an action.
    pub fn act(&mut self, action: Action, count: Option<usize>) -> Option<Effect> {
        let Some(r) = &mut self.reader else {
            return None;
        };
        let page = r.page() as isize;
        let n = count.unwrap_or(1) as isize;
        match action {
            Action::LineDown => r.scroll(n),
            Action::LineUp => r.scroll(-n),
            Action::PageDown => r.scroll(n * page.saturating_sub(1).max(1)),
            Action::PageUp => r.scroll(-n * page.saturating_sub(1).max(1)),
            Action::HalfDown => r.scroll(n * (page / 2).max(1)),
            Action::HalfUp => r.scroll(-n * (page / 2).max(1)),
            Action::Top => {
                r.push_jump();
                r.to_top();
            }
            Action::Bottom => {
                r.push_jump();
                r.to_bottom();
            }
            Action::Percent => match count {
                Some(p) => {
                    r.push_jump();
                    r.to_percent(p);
                }
                None => self.say("type a number first, e.g. 50%"),
            },
            Action::NextParagraph => {
                for _ in 0..n {
                    r.next_paragraph();
                }
            }
            Action::PrevParagraph => {
                for _ in 0..n {
                    r.prev_paragraph();
                }
            }
            Action::ScrollLeft => r.hscroll = r.hscroll.saturating_sub(8 * n as usize),
            Action::ScrollRight => r.hscroll = r.hscroll.saturating_add(8 * n as usize).min(10_000),
            Action::Wider => {
                let m = r.measure.saturating_add(4);
                r.set_measure(m);
                let m = r.measure;
                self.say(format!("text width {m}"));
            }
            Action::Narrower => {
                let m = r.measure.saturating_sub(4);
                r.set_measure(m);
                let m = r.measure;
                self.say(format!("text width {m}"));
            }
            Action::Search => self.mode = Mode::Search(String::new()),
            Action::NextMatch | Action::PrevMatch => {
                let forward = action == Action::NextMatch;
                if r.search.is_none() {
                    self.say("no search yet: press / to search");
                } else if !r.step_match(forward) {
                    self.say(if forward {
                        "no more matches"
                    } else {
                        "no earlier matches"
                    });
                }
            }
            Action::JumpBack => {
                if !r.jump_back() {
                    self.say("no earlier place to jump back to");
                }
            }
            Action::Help => self.mode = Mode::Help,
            Action::Cancel => {
                if r.source_filter.take().is_some() {
                    self.say("citations of every source again");
                } else if r.search.take().is_some() {
                    self.say("search cleared");
                } else if r.focus.is_some() {
                    r.focus = None;
                } else if self.library.is_some() {
                    self.close_reader();
                }
            }
            Action::NextNote
            | Action::PrevNote
            | Action::NextCitation
            | Action::PrevCitation
            | Action::NextTarget
            | Action::PrevTarget => {
                let (kind, forward) = match action {
                    Action::NextNote => (Kind::Notes, true),
                    Action::PrevNote => (Kind::Notes, false),
                    Action::NextCitation => (Kind::Citations, true),
                    Action::PrevCitation => (Kind::Citations, false),
                    Action::NextTarget => (Kind::Any, true),
                    _ => (Kind::Any, false),
                };
                let mut moved = false;
                for _ in 0..n {
                    moved |= r.move_focus(kind, forward);
                }
                let filter = r.source_filter.clone();
                if !moved {
                    self.say(kind.none_left());
                } else if let (Some(key), Kind::Citations) = (filter, kind) {
                    let msg = self.source_position(key);
                    self.say(msg);
                }
            }
            Action::Open => self.open_focus(),
            Action::Sources => self.popups.push(Popup::Sources(SourcesPanel::default())),
            Action::Quit if self.library.is_some() => self.close_reader(),
            Action::Quit => self.quit = true,
            Action::Suspend => return Some(Effect::Suspend),
            Action::Bookmark => self.start_bookmark(),
            Action::Bookmarks => self
                .popups
                .push(Popup::Bookmarks(BookmarksPanel::default())),
            Action::Outline => {
                let panel = OutlinePanel::new(r);
                self.popups.push(Popup::Outline(panel));
            }
        }
        None
    }

    /// Handles the mouse: the wheel scrolls; a click on a note or citation opens it.
    pub fn mouse(&mut self, ev: MouseEvent) {
        let size = self.size;
        let Some(r) = &mut self.reader else { return };
        match ev.kind {
            MouseEventKind::ScrollDown if self.popups.is_empty() => r.scroll(3),
            MouseEventKind::ScrollUp if self.popups.is_empty() => r.scroll(-3),
            MouseEventKind::Down(MouseButton::Left) => {
                let area = super::draw::text_area(size);
                if let Some(i) = super::reader_view::spot_at(r, area, ev.column, ev.row) {
                    self.popups.clear();
                    r.focus = Some(i);
                    self.open_focus();
                }
            }
            _ => {}
        }
    }

    /// "Xinhua: 2 of 3" for the focused citation while cycling one source.
    fn source_position(&self, key: String) -> String {
        let Some(r) = &self.reader else {
            return String::new();
        };
        let a = r.article();
        let of: Vec<usize> = (0..a.citations.len())
            .filter(|&i| a.citations[i].source_key() == key)
            .collect();
        let at = r.focus.and_then(|f| match r.spots[f].target {
            Target::Citation(c) => of.iter().position(|&i| i == c),
            Target::Note(_) | Target::Link => None,
        });
        let name = of
            .first()
            .map_or(String::new(), |&i| a.citations[i].source.clone());
        match at {
            Some(k) => format!(
                "{name}: {} of {} — c/C next/previous, Esc for all sources",
                k + 1,
                of.len()
            ),
            None => format!("{name}: {} citations", of.len()),
        }
    }

    /// Enter on the focused spot: a note or citation pop-up, a link's address, or for a
    /// link to another place in the document, a jump there.
    fn open_focus(&mut self) {
        let Some(r) = &mut self.reader else { return };
        let Some(spot) = r.focus.and_then(|f| r.spots.get(f)) else {
            self.say("nothing focused: f, c or Tab focuses a note or citation");
            return;
        };
        if let Some(anchor) = spot.url.as_deref().and_then(|u| r.internal_target(u)) {
            r.jump_to(anchor);
            r.focus = None;
            return;
        }
        let origin = Some((spot.part, spot.range.start));
        self.popups.push(match spot.target {
            Target::Note(note) => Popup::Note(NotePopup::new(note, origin)),
            Target::Citation(c) => Popup::Citation(CitationPopup {
                citation: c,
                origin,
                selected: 0,
            }),
            Target::Link => Popup::Link(LinkPopup {
                url: spot.url.clone().unwrap_or_default(),
                origin,
            }),
        });
    }

    /// Rows of text a pop-up can show at most on this screen.
    pub fn popup_rows(&self) -> usize {
        (self.size.1.saturating_sub(1) as usize * 2 / 3)
            .max(3)
            .saturating_sub(2)
    }

    /// Columns of text inside a pop-up.
    pub fn popup_text_width(&self) -> u16 {
        let col = self
            .reader
            .as_ref()
            .map_or(self.size.0, |r| r.layout.style.width);
        col.min(self.size.0).saturating_sub(4).max(1)
    }

    fn popup_key(&mut self, key: KeyEvent) -> Option<Effect> {
        let top = self.popups.last().cloned()?;
        let ctrl_o =
            key.code == KeyCode::Char('o') && key.modifiers.contains(KeyModifiers::CONTROL);
        if key.code == KeyCode::Backspace && matches!(top, Popup::Note(_) | Popup::Citation(_))
            || ctrl_o
        {
            self.popups.clear();
            return self.act(Action::JumpBack, None);
        }
        match top {
            Popup::Note(p) => self.note_key(p, key),
            Popup::Citation(p) => self.citation_key(p, key),
            Popup::Sources(p) => self.sources_key(p, key),
            Popup::Bookmarks(p) => self.bookmarks_key(p, key),
            Popup::Outline(p) => self.outline_key(p, key),
            Popup::Link(p) => return self.link_key(p, key),
        }
        None
    }

    fn replace_top(&mut self, popup: Popup) {
        if let Some(top) = self.popups.last_mut() {
            *top = popup;
        }
    }

    fn note_key(&mut self, mut p: NotePopup, key: KeyEvent) {
        let rows = self.popup_rows();
        let width = self.popup_text_width();
        let Some(r) = &mut self.reader else { return };
        let total = p.lines(r, &self.theme, width).len();
        let max_scroll = total.saturating_sub(rows);
        let notes = r.article().footnotes.len();
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => {
                self.popups.pop();
                return;
            }
            KeyCode::Char('j') | KeyCode::Down => p.scroll = (p.scroll + 1).min(max_scroll),
            KeyCode::Char('k') | KeyCode::Up => p.scroll = p.scroll.saturating_sub(1),
            KeyCode::Char(' ') | KeyCode::PageDown => {
                p.scroll = (p.scroll + rows.saturating_sub(1).max(1)).min(max_scroll)
            }
            KeyCode::Char('b') | KeyCode::PageUp => {
                p.scroll = p.scroll.saturating_sub(rows.saturating_sub(1).max(1))
            }
            KeyCode::Char('n' | 'f') => {
                if p.note + 1 < notes {
                    p = NotePopup::new(p.note + 1, p.origin);
                } else {
                    self.say("no more notes");
                }
            }
            KeyCode::Char('p' | 'F') => {
                if p.note > 0 {
                    p = NotePopup::new(p.note - 1, p.origin);
                } else {
                    self.say("this is the first note");
                }
            }
            KeyCode::Tab | KeyCode::BackTab => {
                let n = p.inner_refs(r).len();
                if n == 0 {
                    self.say("this note refers to no other note and has no links");
                } else {
                    let forward = key.code == KeyCode::Tab;
                    p.inner = Some(match (p.inner, forward) {
                        (None, true) => 0,
                        (None, false) => n - 1,
                        (Some(i), true) => (i + 1) % n,
                        (Some(i), false) => (i + n - 1) % n,
                    });
                }
            }
            KeyCode::Enter => {
                if let Some(spot) = p.inner.and_then(|i| p.inner_refs(r).get(i).copied()) {
                    let url = r.spots[spot].url.clone().unwrap_or_default();
                    match r.spots[spot].target {
                        Target::Note(inner) => {
                            self.popups.push(Popup::Note(NotePopup::new(inner, None)))
                        }
                        Target::Link => match r.internal_target(&url) {
                            Some(anchor) => {
                                self.popups.clear();
                                r.jump_to(anchor);
                                r.focus = None;
                            }
                            None => self
                                .popups
                                .push(Popup::Link(LinkPopup { url, origin: None })),
                        },
                        Target::Citation(_) => {}
                    }
                    return;
                }
                if !r.article().footnotes[p.note].defined {
                    let why = if r.article().partial {
                        "still reading the article; try again in a moment"
                    } else {
                        "this note has no text in the article"
                    };
                    self.say(why);
                    return;
                }
                self.popups.clear();
                r.jump_to(Anchor {
                    part: Part::Note {
                        note: p.note,
                        block: 0,
                    },
                    offset: 0,
                });
                return;
            }
            KeyCode::Char(c @ '1'..='9') => {
                let places = p.ref_places(r);
                let k = c as usize - '1' as usize;
                if let Some(&(part, offset)) = places.get(k) {
                    self.popups.clear();
                    r.jump_to(Anchor {
                        part: r.doc.parts[part],
                        offset,
                    });
                    r.focus = r
                        .spots
                        .iter()
                        .position(|s| s.part == part && s.range.start == offset);
                }
                return;
            }
            _ => return,
        }
        self.replace_top(Popup::Note(p));
    }

    fn citation_key(&mut self, mut p: CitationPopup, key: KeyEvent) {
        let Some(r) = &mut self.reader else { return };
        let others = p.others(r);
        match key.code {
            KeyCode::Esc | KeyCode::Char('q') => {
                self.popups.pop();
                return;
            }
            KeyCode::Char('j') | KeyCode::Down | KeyCode::Tab => {
                p.selected = (p.selected + 1).min(others.len().saturating_sub(1))
            }
            KeyCode::Char('k') | KeyCode::Up | KeyCode::BackTab => {
                p.selected = p.selected.saturating_sub(1)
            }
            KeyCode::Enter => {
                if let Some(&c) = others.get(p.selected) {
                    self.popups.clear();
                    goto_citation(r, c);
                }
                return;
            }
            _ => return,
        }
        self.replace_top(Popup::Citation(p));
    }

    fn sources_key(&mut self, mut p: SourcesPanel, key: KeyEvent) {
        let Some(r) = &mut self.reader else { return };
        let groups = p.visible(r);
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => {
                self.popups.pop();
                return;
            }
            KeyCode::Down | KeyCode::Tab => {
                p.selected = (p.selected + 1).min(groups.len().saturating_sub(1))
            }
            KeyCode::Char('n') if ctrl => {
                p.selected = (p.selected + 1).min(groups.len().saturating_sub(1))
            }
            KeyCode::Up | KeyCode::BackTab => p.selected = p.selected.saturating_sub(1),
            KeyCode::Char('p') if ctrl => p.selected = p.selected.saturating_sub(1),
            KeyCode::Backspace => {
                p.filter.pop();
                p.selected = 0;
            }
            KeyCode::Char(c) if !ctrl => {
                p.filter.push(c);
                p.selected = 0;
            }
            KeyCode::Enter => {
                if let Some(g) = groups.get(p.selected) {
                    self.popups.clear();
                    r.source_filter = Some(g.key.clone());
                    goto_citation(r, g.citations[0]);
                    let msg = self.source_position(g.key.clone());
                    self.say(msg);
                }
                return;
            }
            _ => return,
        }
        self.replace_top(Popup::Sources(p));
    }
}

/// Jumps (onto the jump list) to citation `c` and focuses it.
fn goto_citation(r: &mut Reader, c: usize) {
    let Some(cit) = r.article().citations.get(c) else {
        return;
    };
    let anchor = Anchor {
        part: part_of(cit.place),
        offset: cit.range.start,
    };
    r.jump_to(anchor);
    r.focus = r.spots.iter().position(|s| s.target == Target::Citation(c));
}
