//! The state of the whole UI and the one place that changes it.

use super::keys::{self, Action};
use super::library_view::LibraryView;
use super::reader::Reader;
use super::theme::Theme;
use crate::article::Article;
use crate::layout::Style;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent, MouseEventKind};
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// How long a status message stays.
pub const MESSAGE_TTL: Duration = Duration::from_secs(4);

/// What the keyboard is talking to right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mode {
    /// Reading: keys move and open things.
    Normal,
    /// Typing a search pattern.
    Search(String),
    /// The help overlay.
    Help,
}

/// Things only the terminal loop can do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Leave the terminal, stop the process, come back on resume.
    Suspend,
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
    /// A status message and when it was set.
    pub message: Option<(String, Instant)>,
    /// Digits typed before a command (`50%`).
    pub count: Option<usize>,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// Reading speed for "minutes left".
    pub wpm: usize,
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
            message: None,
            count: None,
            quit: false,
            wpm: 240,
            library: None,
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
            Mode::Normal => {
                if let KeyCode::Char(c @ '0'..='9') = key.code
                    && key.modifiers - KeyModifiers::SHIFT == KeyModifiers::NONE
                {
                    let digit = c as usize - '0' as usize;
                    self.count = Some(self.count.unwrap_or(0).saturating_mul(10).saturating_add(digit).min(1_000_000));
                    return None;
                }
                let action = keys::action_for(&key);
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

    /// Performs an action.
    pub fn act(&mut self, action: Action, count: Option<usize>) -> Option<Effect> {
        let Some(r) = &mut self.reader else { return None };
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
                    self.say(if forward { "no more matches" } else { "no earlier matches" });
                }
            }
            Action::JumpBack => {
                if !r.jump_back() {
                    self.say("no earlier place to jump back to");
                }
            }
            Action::Help => self.mode = Mode::Help,
            Action::Cancel => {
                if r.search.take().is_some() {
                    self.say("search cleared");
                } else if self.library.is_some() {
                    self.close_reader();
                }
            }
            Action::Quit if self.library.is_some() => self.close_reader(),
            Action::Quit => self.quit = true,
            Action::Suspend => return Some(Effect::Suspend),
            Action::NextNote
            | Action::PrevNote
            | Action::NextCitation
            | Action::PrevCitation
            | Action::NextTarget
            | Action::PrevTarget
            | Action::Open
            | Action::Sources
            | Action::Bookmark
            | Action::Bookmarks
            | Action::Outline => self.say("not available yet"),
        }
        None
    }

    /// Handles the mouse: the wheel scrolls.
    pub fn mouse(&mut self, ev: MouseEvent) {
        let Some(r) = &mut self.reader else { return };
        match ev.kind {
            MouseEventKind::ScrollDown => r.scroll(3),
            MouseEventKind::ScrollUp => r.scroll(-3),
            _ => {}
        }
    }
}
