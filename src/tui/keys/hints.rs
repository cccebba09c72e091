//! Every hint the screen shows about keys, in one place, so that a test can check each
//! names keys bound in its context, and each follows rebinding.

use super::Action as A;
use super::Context as C;

/// A hint: parts naming the first key of each of their actions in a context.
#[derive(Debug)]
pub struct Hint {
    /// Where its keys are looked up.
    pub context: C,
    /// Each part: its actions and its label (`{}` stands for the keys).
    pub parts: &'static [(&'static [A], &'static str)],
}

/// Help's title: how to close it.
pub const HELP_CLOSE: Hint = Hint {
    context: C::Help,
    parts: &[(&[A::Close], "to close")],
};

/// Help's bottom border when it scrolls.
pub const HELP_SCROLL: Hint = Hint {
    context: C::Help,
    parts: &[(&[A::LineDown, A::LineUp], "scroll")],
};

/// After a bookmark is deleted: how to undo it.
pub const BOOKMARKS_UNDO: Hint = Hint {
    context: C::Bookmarks,
    parts: &[(&[A::Undo], "to undo")],
};

/// The bookmarks panel's bottom border.
pub const BOOKMARKS: Hint = Hint {
    context: C::Bookmarks,
    parts: &[
        (&[A::Choose], ""),
        (&[A::Rename], "rename"),
        (&[A::Delete], "delete"),
        (&[A::Undo], "undo"),
        (&[A::Close], ""),
    ],
};

/// The outline's bottom border.
pub const OUTLINE: Hint = Hint {
    context: C::Outline,
    parts: &[
        (&[A::Choose], "{}: go there"),
        (&[A::Filter], "{} filter"),
        (&[A::Close], ""),
    ],
};

/// The outline's bottom border while its filter is typed.
pub const OUTLINE_FILTER: Hint = Hint {
    context: C::OutlineFilter,
    parts: &[(&[A::Choose], "{}: go there"), (&[A::ClearFilter], "")],
};

/// The Sources panel's bottom border.
pub const SOURCES: Hint = Hint {
    context: C::Sources,
    parts: &[(&[A::Choose], ""), (&[A::Close], "")],
};

/// The skipped files' title.
pub const SKIPPED: Hint = Hint {
    context: C::Skipped,
    parts: &[(&[A::Close], "to close")],
};

/// A citation pop-up's bottom border.
pub const CITATION: Hint = Hint {
    context: C::Citation,
    parts: &[(&[A::Choose], "{}: go there"), (&[A::Close], "")],
};

/// The library's bookmarks' title.
pub const MARKS: Hint = Hint {
    context: C::Marks,
    parts: &[(&[A::Choose], "opens"), (&[A::Close], "closes")],
};

/// A footnote pop-up's bottom border.
pub const NOTE: Hint = Hint {
    context: C::Note,
    parts: &[
        (&[A::NoteGo], "{}: in Notes"),
        (&[A::NoteNext, A::NotePrev], ""),
        (&[A::Close], ""),
    ],
};

/// A link pop-up's bottom border.
pub const LINK: Hint = Hint {
    context: C::Link,
    parts: &[
        (&[A::Copy], "copy"),
        (&[A::OpenLink], "open"),
        (&[A::Close], ""),
    ],
};

/// The line under a link's address.
pub const LINK_KEYS: Hint = Hint {
    context: C::Link,
    parts: &[
        (&[A::Copy], "copies the address"),
        (&[A::OpenLink], "opens it in the browser"),
    ],
};

/// The library's status line.
pub const LIBRARY: Hint = Hint {
    context: C::Library,
    parts: &[
        (&[A::Filter], "filter"),
        (&[A::FindText], "search"),
        (&[A::Sort], "sort"),
        (&[A::Preview], "preview"),
        (&[A::Quit], "quit"),
    ],
};

/// The key that starts a search, for "no search yet".
pub const SEARCH: Hint = Hint {
    context: C::Reader,
    parts: &[(&[A::Search], "{}")],
};

/// While citations of one source are visited: the keys that step.
pub const SOURCE_STEPS: Hint = Hint {
    context: C::Reader,
    parts: &[(&[A::NextCitation, A::PrevCitation], "{} next/previous")],
};

/// While citations of one source are visited: the key back to all.
pub const SOURCE_ALL: Hint = Hint {
    context: C::Reader,
    parts: &[(&[A::Cancel], "{} for all sources")],
};

/// The reader's status line: the help key.
pub const READER_HELP: Hint = Hint {
    context: C::Reader,
    parts: &[(&[A::Help], "help")],
};

/// The key that adds a bookmark, for an empty bookmark list.
pub const ADD_BOOKMARK: Hint = Hint {
    context: C::Reader,
    parts: &[(&[A::Bookmark], "{}")],
};

/// The library's status line when files were skipped.
pub const WHY_SKIPPED: Hint = Hint {
    context: C::Library,
    parts: &[(&[A::Skipped], "press {} for why")],
};

/// An article opened at a match of the library's search: how to step through the rest.
pub const MATCH_STEPS: Hint = Hint {
    context: C::Reader,
    parts: &[(
        &[A::NextMatch, A::PrevMatch],
        "{} for the next and previous match",
    )],
};

/// The library's search prompt, on the status line.
pub const FIND: Hint = Hint {
    context: C::Find,
    parts: &[
        (&[A::Accept], "search"),
        (&[A::Older], "earlier"),
        (&[A::Close], "back"),
    ],
};

/// What the library's search screen says before the first search.
pub const FIND_KEYS: Hint = Hint {
    context: C::Find,
    parts: &[
        (&[A::Accept], "searches"),
        (&[A::Older, A::Newer], "earlier patterns"),
        (&[A::Close], "back to the list"),
    ],
};

/// The library's search results, on the status line.
pub const FOUND: Hint = Hint {
    context: C::Found,
    parts: &[
        (&[A::OpenMatch], "open at match"),
        (&[A::FindText], "new search"),
        (&[A::Close], "back"),
    ],
};

/// The status line while text is selected.
pub const SELECTION: Hint = Hint {
    context: C::Selection,
    parts: &[
        (&[A::Keep], "keep"),
        (&[A::KeepNoted], "note"),
        (&[A::CopyText], "copy"),
        (&[A::Unselect], "cancel"),
    ],
};

/// The key that starts a selection, for an empty list of highlights.
pub const SELECT: Hint = Hint {
    context: C::Reader,
    parts: &[(&[A::Select], "{}")],
};

/// A highlight pop-up's bottom border.
pub const HIGHLIGHT: Hint = Hint {
    context: C::Highlight,
    parts: &[
        (&[A::EditNote], "note"),
        (&[A::Delete], "delete"),
        (&[A::Undo], "undo"),
        (&[A::Close], ""),
    ],
};

/// After a highlight is deleted: how to undo it.
pub const HIGHLIGHT_UNDO: Hint = Hint {
    context: C::Highlight,
    parts: &[(&[A::Undo], "to undo")],
};

/// The list of highlights' title.
pub const HIGHLIGHTS: Hint = Hint {
    context: C::Highlights,
    parts: &[(&[A::Choose], "goes there"), (&[A::Close], "closes")],
};

/// Every hint, for the test that each names bound keys.
pub const ALL: &[&Hint] = &[
    &HELP_CLOSE,
    &HELP_SCROLL,
    &BOOKMARKS_UNDO,
    &BOOKMARKS,
    &OUTLINE,
    &OUTLINE_FILTER,
    &SOURCES,
    &SKIPPED,
    &CITATION,
    &MARKS,
    &NOTE,
    &LINK,
    &LINK_KEYS,
    &LIBRARY,
    &SEARCH,
    &SOURCE_STEPS,
    &SOURCE_ALL,
    &READER_HELP,
    &ADD_BOOKMARK,
    &WHY_SKIPPED,
    &MATCH_STEPS,
    &FIND,
    &FIND_KEYS,
    &FOUND,
    &SELECTION,
    &SELECT,
    &HIGHLIGHT,
    &HIGHLIGHT_UNDO,
    &HIGHLIGHTS,
];
