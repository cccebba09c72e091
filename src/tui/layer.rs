//! The layers drawn over the page or the library (each pop-up, help, the library's lists)
//! and what they share: the `Layer` trait, the read-only view of the app they get, and
//! what they ask the app to do next. Only this file matches on `Popup`.

use crate::layout::Anchor;
use crate::reading::Reader;
use crate::reading::goto::Goto;
use crate::store::{Bookmark, Spot};
use crate::tui::keys::{Action, Context, KeyMap};
use crate::tui::library::LibraryView;
use crate::tui::popups::{
    bookmarks::BookmarksPanel,
    citation::CitationPopup,
    help::HelpScreen,
    highlight::HighlightPopup,
    highlights::{Found, HighlightsPanel},
    link::LinkPopup,
    marks::{Mark, MarksPanel},
    note::NotePopup,
    outline::OutlinePanel,
    prompt::Prompt,
    skipped::SkippedList,
    sources::SourcesPanel,
};
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;

/// What the keyboard is talking to besides the layers: nothing, or a prompt in the
/// status line, which sits above every layer.
#[derive(Debug, Clone, PartialEq)]
pub enum Mode {
    /// Keys go to the top layer, else the screen.
    Normal,
    /// A one-line prompt in the status line (a search, a bookmark's label).
    Prompt(Prompt),
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

/// What a layer sees of the app: read-only.
pub struct Cx<'a> {
    /// The open article, if one is open.
    pub reader: Option<&'a Reader>,
    /// The library, if Lectern was opened on one.
    pub library: Option<&'a LibraryView>,
    /// Colours.
    pub theme: &'a Theme,
    /// The key maps in force, for hints.
    pub keys: &'a KeyMap,
    /// The open article's bookmarks, in reading order.
    pub bookmarks: Vec<&'a Bookmark>,
    /// Rows of text a pop-up shows at most.
    pub rows: usize,
    /// Columns of text inside a pop-up.
    pub width: u16,
    /// Rows of the screen's own list or page under the layers.
    pub page: usize,
    /// Screen size (columns, rows).
    pub size: (u16, u16),
    /// How lists show dates and times.
    pub dates: &'a crate::date_format::Dates,
    /// Another layer is open on top of this one, inside it: the box takes its full height
    /// so that the one on top fits within it.
    pub covered: bool,
}

/// A change to the persisted state a layer asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    /// A new bookmark with this label at this place.
    Add(String, Spot),
    /// Bookmark `id` gets a new label.
    Rename(String, String),
    /// Bookmark `id` is deleted (it can be restored).
    Delete(String),
    /// Deleted bookmark `id` comes back.
    Undelete(String),
    /// A new highlight from one anchor to the other; with `true`, a note is asked for
    /// once it is saved.
    AddHighlight(Anchor, Anchor, bool),
    /// Highlight `id` gets a new note.
    NoteHighlight(String, String),
    /// Highlight `id` is deleted (it can be restored).
    DeleteHighlight(String),
    /// Deleted highlight `id` comes back.
    UndeleteHighlight(String),
}

/// What should happen after a layer handled an action.
#[derive(Debug, Clone, PartialEq)]
pub enum Next {
    /// Nothing more: the layer changed itself, or the key meant nothing here.
    Stay,
    /// Close this layer.
    Close,
    /// Open another layer on top of this one.
    Push(Popup),
    /// Close every layer and go somewhere in the article.
    Go(Goto),
    /// Close every layer and jump back.
    JumpBack,
    /// Ask a question in the status line.
    Ask(Prompt),
    /// Search the article for this pattern.
    Search(String),
    /// Store an edit; say the message when it is saved.
    Store(Edit, String),
    /// Say something in the status line.
    Say(String),
    /// Close this layer, say the message, and have the terminal do something.
    Effect(Effect, String),
    /// Close every layer and open an article at a bookmark (from the library).
    OpenAt(Mark),
    /// Close every layer and open an article at a highlight (from the library).
    OpenHighlight(Found),
    /// Leave the article for the library, or quit when there is none.
    Quit,
    /// Suspend to the shell.
    Suspend,
}

/// One layer: it names its key context, handles actions by saying what should happen
/// next, and draws itself from read-only state.
pub trait Layer {
    /// Where its keys are looked up.
    fn context(&self) -> Context;
    /// Handles an action bound in its context.
    fn handle(&mut self, action: Action, cx: &Cx) -> Next;
    /// A character no binding took: text in a typing context, else a digit or nothing.
    fn typed(&mut self, _c: char, _cx: &Cx) -> Next {
        Next::Stay
    }
    /// An editing key no binding took (←, Ctrl-w…), for a layer with typed text.
    fn edit(&mut self, _key: &KeyEvent, _cx: &Cx) -> Next {
        Next::Stay
    }
    /// An edit it asked for was saved; `cx` shows the state after it.
    fn stored(&mut self, _edit: &Edit, _cx: &Cx) {}
    /// Keys it reads besides its bindings, for help: (keys, what they do).
    fn extra_help(&self) -> &'static [(&'static str, &'static str)] {
        &[]
    }
    /// Draws itself in `area`; `parent` is where the layer under it was drawn. Returns
    /// where it went, for the next layer up.
    fn draw(&self, f: &mut Frame, area: Rect, cx: &Cx, parent: Option<Rect>) -> Rect;
}

/// A layer over the page or the library; they stack (a note inside a note).
#[derive(Debug, Clone, PartialEq)]
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
    /// The keys of the context under it.
    Help(HelpScreen),
    /// Bookmarks across the library.
    Marks(MarksPanel),
    /// Files the library left out.
    Skipped(SkippedList),
    /// A highlight's passage and note.
    Highlight(HighlightPopup),
    /// A list of highlights.
    Highlights(HighlightsPanel),
}

impl Popup {
    /// The layer inside.
    pub fn layer(&self) -> &dyn Layer {
        match self {
            Popup::Note(p) => p,
            Popup::Citation(p) => p,
            Popup::Sources(p) => p,
            Popup::Bookmarks(p) => p,
            Popup::Outline(p) => p,
            Popup::Link(p) => p,
            Popup::Help(p) => p,
            Popup::Marks(p) => p,
            Popup::Skipped(p) => p,
            Popup::Highlight(p) => p,
            Popup::Highlights(p) => p,
        }
    }

    /// The layer inside, to change.
    pub fn layer_mut(&mut self) -> &mut dyn Layer {
        match self {
            Popup::Note(p) => p,
            Popup::Citation(p) => p,
            Popup::Sources(p) => p,
            Popup::Bookmarks(p) => p,
            Popup::Outline(p) => p,
            Popup::Link(p) => p,
            Popup::Help(p) => p,
            Popup::Marks(p) => p,
            Popup::Skipped(p) => p,
            Popup::Highlight(p) => p,
            Popup::Highlights(p) => p,
        }
    }

    /// True for the layers that name places in the first part of a long article, and
    /// so close when the whole of it arrives.
    pub fn over_the_page(&self) -> bool {
        !matches!(self, Popup::Help(_) | Popup::Marks(_) | Popup::Skipped(_))
            && !matches!(self, Popup::Highlights(p) if p.library)
    }
}
