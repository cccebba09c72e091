//! The state of the whole UI and the one place that changes it: a key becomes an action
//! in the context on top (a prompt, a layer, else the screen), the context says what
//! should happen next, and `follow` carries it out.

use super::history::History;
use super::keys::{Action, Context, KeyMap};
pub use super::layer::Popup;
use super::layer::{Layer, Next};
use super::library::LibraryView;
use super::popups::help::HelpScreen;
pub use super::popups::prompt::{Prompt, Purpose};
use super::reader::page;
use super::screen::cx;
use super::theme::Theme;
use crate::article::Article;
use crate::layout::{LinePos, Style};
use crate::reading::Reader;
use crate::reading::memory::Memory;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseEvent};
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub use super::layer::{Effect, Mode};

/// How long a status message stays.
pub const MESSAGE_TTL: Duration = Duration::from_secs(4);

/// The whole UI.
#[derive(Debug)]
pub struct App {
    /// The open article, if one is open.
    pub reader: Option<Reader>,
    /// Screen size (columns, rows).
    pub size: (u16, u16),
    /// Colours.
    pub theme: Theme,
    /// A prompt, when one is open.
    pub mode: Mode,
    /// Open layers over the page or the library, innermost last.
    pub popups: Vec<Popup>,
    /// A status message and when it was set.
    pub message: Option<(String, Instant)>,
    /// Where the page was when a message about the place was said: it ends once the
    /// page moves.
    pub message_at: Option<LinePos>,
    /// Digits typed before a command (`50%`).
    pub count: Option<usize>,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// Reading speed for "minutes left".
    pub wpm: usize,
    /// How lists show dates and times.
    pub dates: crate::date_format::Dates,
    /// The full parse of a long article, still running in the background.
    pub pending: Option<std::sync::mpsc::Receiver<Result<Article, crate::parse::LoadError>>>,
    /// A long article whose beginning is shown, to be read whole once the first frame is on screen.
    pub deferred: Option<crate::parse::Deferred>,
    /// The reading state being opened on a worker, for a long article whose first frame
    /// does not wait for it.
    pub opening: Option<super::jobs::Opening>,
    /// Keys waiting for the whole of a long article (see `waiting`).
    pub held: Vec<KeyEvent>,
    /// Reading positions and bookmarks, when the state store could be opened.
    pub memory: Option<Memory>,
    /// How articles are typeset when opened.
    pub style: Style,
    /// The key maps in force.
    pub keymap: KeyMap,
    /// The library the reader returns to, when Lectern was opened on one.
    pub library: Option<LibraryView>,
    /// Patterns searched for in articles, this run and earlier ones.
    pub searches: History,
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
            message_at: None,
            count: None,
            quit: false,
            wpm: 240,
            dates: crate::date_format::Dates::default(),
            library: None,
            style: Style::default(),
            keymap: KeyMap::default(),
            pending: None,
            deferred: None,
            opening: None,
            held: Vec::new(),
            memory: None,
            searches: History::default(),
        }
    }

    /// Shows a message in the status line for a few seconds.
    pub fn say(&mut self, text: impl Into<String>) {
        self.message = Some((text.into(), Instant::now()));
        self.message_at = None;
    }

    /// Shows a message about where the reader is, which lasts until the page moves.
    pub fn say_here(&mut self, text: impl Into<String>) {
        self.say(text);
        self.message_at = self.reader.as_ref().map(|r| r.top);
    }

    /// The message to show now, if it has not faded.
    pub fn current_message(&self) -> Option<&str> {
        let moved = match (self.message_at, &self.reader) {
            (Some(at), Some(r)) => r.top != at,
            _ => false,
        };
        self.message
            .as_ref()
            .filter(|(_, at)| at.elapsed() < MESSAGE_TTL && !moved)
            .map(|(m, _)| m.as_str())
    }

    /// Where keys go now.
    pub fn context(&self) -> Context {
        match (&self.mode, self.popups.last()) {
            (Mode::Prompt(_), _) => Context::Prompt,
            (_, Some(top)) => top.layer().context(),
            _ if self.reader.as_ref().is_some_and(|r| r.selection.is_some()) => Context::Selection,
            _ if self.reader.is_some() => Context::Reader,
            _ => self
                .library
                .as_ref()
                .map_or(Context::Reader, LibraryView::context),
        }
    }

    /// Handles a key press.
    pub fn key(&mut self, key: KeyEvent) -> Option<Effect> {
        let ctx = self.context();
        let plain = key.modifiers - KeyModifiers::SHIFT == KeyModifiers::NONE;
        let held = KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::META;
        let typed = match key.code {
            KeyCode::Char(c) if !key.modifiers.intersects(held) => Some(c),
            _ => None,
        };
        let dims = self.dims();
        if let Mode::Prompt(p) = &mut self.mode {
            let cx = cx!(self, dims);
            let next = match (typed, self.keymap.action_in(ctx, &key)) {
                (Some(c), _) => p.typed(c, &cx),
                (None, Some(a)) => p.handle(a, &cx),
                (None, None) => p.edit(&key, &cx),
            };
            // A prompt stays open over a suspend (its table binds Ctrl-z, and Ctrl-c to quit).
            if !matches!(next, Next::Stay | Next::Suspend) {
                self.mode = Mode::Normal;
            }
            return self.follow(next);
        }
        if matches!(ctx, Context::Reader | Context::Selection)
            && let KeyCode::Char(c @ '0'..='9') = key.code
            && plain
        {
            let digit = c as usize - '0' as usize;
            let n = self.count.unwrap_or(0).saturating_mul(10);
            self.count = Some(n.saturating_add(digit).min(1_000_000));
            return None;
        }
        let action = match typed {
            Some(_) if ctx.typing() => None,
            _ => self.keymap.action_in(ctx, &key),
        };
        match (action, typed) {
            (Some(a), _) => self.act_in(ctx, a),
            (None, Some(c)) => self.typed(c),
            (None, None) if ctx.typing() => self.edit(&key),
            (None, None) => None,
        }
    }

    /// Performs a reader action, `count` typed before it.
    pub fn act(&mut self, action: Action, count: Option<usize>) -> Option<Effect> {
        self.count = count;
        self.act_in(Context::Reader, action)
    }

    /// Performs an action in context `ctx`: on the top layer, else the screen.
    pub fn act_in(&mut self, ctx: Context, action: Action) -> Option<Effect> {
        if action == Action::Help {
            let extra = self
                .popups
                .last()
                .map_or(&[][..], |p| p.layer().extra_help());
            let next = match ctx {
                Context::Help => Next::Close,
                _ => Next::Push(Popup::Help(HelpScreen::new(ctx, extra))),
            };
            return self.follow(next);
        }
        let dims = self.dims();
        let next = if let Some(top) = self.popups.last_mut() {
            match action {
                Action::Quit => Next::Quit,
                Action::Suspend => Next::Suspend,
                _ => top.layer_mut().handle(action, &cx!(self, dims)),
            }
        } else if let Some(r) = &mut self.reader {
            let count = self.count.take();
            page::act(r, action, count, &self.keymap, self.library.is_some())
        } else if let Some(lib) = &mut self.library {
            let outcome = lib.act(action, dims.2);
            return self.library_outcome(outcome);
        } else {
            Next::Stay
        };
        self.follow(next)
    }

    /// A character no binding took: text for a typing layer or the library's filter.
    fn typed(&mut self, c: char) -> Option<Effect> {
        self.count = None;
        let dims = self.dims();
        let page = dims.2;
        let next = match self.popups.last_mut() {
            Some(top) => top.layer_mut().typed(c, &cx!(self, dims)),
            None => {
                if let (None, Some(lib)) = (&self.reader, &mut self.library) {
                    lib.typed(c, page);
                }
                Next::Stay
            }
        };
        self.follow(next)
    }

    /// An editing key no binding took, for the typed text on top (a filter, a prompt).
    fn edit(&mut self, key: &KeyEvent) -> Option<Effect> {
        let dims = self.dims();
        let next = match self.popups.last_mut() {
            Some(top) => top.layer_mut().edit(key, &cx!(self, dims)),
            None => {
                if let (None, Some(lib)) = (&self.reader, &mut self.library) {
                    lib.edit(key, dims.2);
                }
                Next::Stay
            }
        };
        self.follow(next)
    }

    /// Handles the mouse: the wheel scrolls; a click on a note or citation opens it.
    pub fn mouse(&mut self, ev: MouseEvent) {
        let area = super::draw::text_area(self.size);
        let open = !self.popups.is_empty();
        let Some(r) = &mut self.reader else { return };
        if let Some(next) = page::mouse(r, ev, area, open) {
            self.popups.clear();
            self.follow(next);
        }
    }
}
