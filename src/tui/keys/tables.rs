//! The default bindings, one table per context, in the order help lists them.

use super::Action as A;
use super::{Binding, ctrl, key};
use ratatui::crossterm::event::KeyCode as K;

/// Keys that work in every context but a prompt, unless the context binds them itself.
/// Where letters typed are text, `?` is text too, and `F1` is help.
pub const GLOBAL: &[Binding] = &[
    key(K::Char('?'), A::Help),
    ctrl('c', A::Quit),
    ctrl('z', A::Suspend),
];

/// The reader's page.
pub const READER: &[Binding] = &[
    key(K::Char('j'), A::LineDown),
    key(K::Down, A::LineDown),
    key(K::Char('k'), A::LineUp),
    key(K::Up, A::LineUp),
    key(K::Char(' '), A::PageDown),
    key(K::PageDown, A::PageDown),
    ctrl('f', A::PageDown),
    key(K::Char('b'), A::PageUp),
    key(K::PageUp, A::PageUp),
    ctrl('b', A::PageUp),
    key(K::Char('d'), A::HalfDown),
    ctrl('d', A::HalfDown),
    key(K::Char('u'), A::HalfUp),
    ctrl('u', A::HalfUp),
    key(K::Char('g'), A::Top),
    key(K::Home, A::Top),
    key(K::Char('G'), A::Bottom),
    key(K::End, A::Bottom),
    key(K::Char('%'), A::Percent),
    key(K::Char('}'), A::NextParagraph),
    key(K::Char('{'), A::PrevParagraph),
    key(K::Char('h'), A::ScrollLeft),
    key(K::Left, A::ScrollLeft),
    key(K::Char('l'), A::ScrollRight),
    key(K::Right, A::ScrollRight),
    key(K::Char('+'), A::Wider),
    key(K::Char('='), A::Wider),
    key(K::Char('-'), A::Narrower),
    key(K::Char('/'), A::Search),
    key(K::Char('n'), A::NextMatch),
    key(K::Char('N'), A::PrevMatch),
    key(K::Char('f'), A::NextNote),
    key(K::Char('F'), A::PrevNote),
    key(K::Char('c'), A::NextCitation),
    key(K::Char('C'), A::PrevCitation),
    key(K::Tab, A::NextTarget),
    key(K::BackTab, A::PrevTarget),
    key(K::Enter, A::Open),
    key(K::Backspace, A::JumpBack),
    ctrl('o', A::JumpBack),
    key(K::Char('s'), A::Sources),
    key(K::Char('m'), A::Bookmark),
    key(K::Char('\''), A::Bookmarks),
    key(K::Char('o'), A::Outline),
    key(K::Char('v'), A::Select),
    key(K::Char('H'), A::Highlights),
    key(K::Char('?'), A::Help),
    key(K::Esc, A::Cancel),
    key(K::Char('q'), A::Quit),
    ctrl('c', A::Quit),
    ctrl('z', A::Suspend),
];

/// The library's list.
pub const LIBRARY: &[Binding] = &[
    key(K::Char('j'), A::Down),
    key(K::Down, A::Down),
    key(K::Char('k'), A::Up),
    key(K::Up, A::Up),
    key(K::Char(' '), A::PageDown),
    key(K::PageDown, A::PageDown),
    ctrl('f', A::PageDown),
    key(K::Char('b'), A::PageUp),
    key(K::PageUp, A::PageUp),
    ctrl('b', A::PageUp),
    key(K::Char('g'), A::First),
    key(K::Home, A::First),
    key(K::Char('G'), A::Last),
    key(K::End, A::Last),
    key(K::Enter, A::OpenArticle),
    key(K::Char('/'), A::Filter),
    key(K::Esc, A::ClearFilter),
    key(K::Char('S'), A::Sort),
    key(K::Char('p'), A::Preview),
    key(K::Char('r'), A::Rescan),
    key(K::Char('!'), A::Skipped),
    key(K::Char('B'), A::AllBookmarks),
    key(K::Char('H'), A::AllHighlights),
    key(K::Char('F'), A::FindText),
    key(K::Char('q'), A::Quit),
];

/// The library while a filter is typed: letters go to the filter.
pub const FILTER: &[Binding] = &[
    key(K::Down, A::Down),
    key(K::Up, A::Up),
    key(K::PageDown, A::PageDown),
    key(K::PageUp, A::PageUp),
    key(K::Enter, A::OpenArticle),
    key(K::Backspace, A::Erase),
    key(K::Esc, A::ClearFilter),
    key(K::F(1), A::Help),
];

/// The library's search prompt: letters go to the pattern.
pub const FIND: &[Binding] = &[
    key(K::Enter, A::Accept),
    key(K::Backspace, A::Erase),
    key(K::Up, A::Older),
    key(K::Down, A::Newer),
    key(K::Esc, A::Close),
    key(K::F(1), A::Help),
];

/// The library's search results, two lines a result.
pub const FOUND: &[Binding] = &[
    key(K::Char('j'), A::Down),
    key(K::Down, A::Down),
    key(K::Char('k'), A::Up),
    key(K::Up, A::Up),
    key(K::Char(' '), A::PageDown),
    key(K::PageDown, A::PageDown),
    key(K::Char('b'), A::PageUp),
    key(K::PageUp, A::PageUp),
    key(K::Char('g'), A::First),
    key(K::Home, A::First),
    key(K::Char('G'), A::Last),
    key(K::End, A::Last),
    key(K::Enter, A::OpenMatch),
    key(K::Char('F'), A::FindText),
    key(K::Char('/'), A::FindText),
    key(K::Esc, A::Close),
    key(K::Char('q'), A::Close),
];

/// A footnote pop-up.
pub const NOTE: &[Binding] = &[
    key(K::Char('j'), A::LineDown),
    key(K::Down, A::LineDown),
    key(K::Char('k'), A::LineUp),
    key(K::Up, A::LineUp),
    key(K::Char(' '), A::PageDown),
    key(K::PageDown, A::PageDown),
    key(K::Char('b'), A::PageUp),
    key(K::PageUp, A::PageUp),
    key(K::Char('n'), A::NoteNext),
    key(K::Char('f'), A::NoteNext),
    key(K::Char('p'), A::NotePrev),
    key(K::Char('F'), A::NotePrev),
    key(K::Tab, A::InnerNext),
    key(K::BackTab, A::InnerPrev),
    key(K::Enter, A::NoteGo),
    key(K::Backspace, A::JumpBack),
    ctrl('o', A::JumpBack),
    key(K::Esc, A::Close),
    key(K::Char('q'), A::Close),
];

/// A citation pop-up, with the other citations of its source.
pub const CITATION: &[Binding] = &[
    key(K::Char('j'), A::Down),
    key(K::Down, A::Down),
    key(K::Tab, A::Down),
    key(K::Char('k'), A::Up),
    key(K::Up, A::Up),
    key(K::BackTab, A::Up),
    key(K::Enter, A::Choose),
    key(K::Backspace, A::JumpBack),
    ctrl('o', A::JumpBack),
    key(K::Esc, A::Close),
    key(K::Char('q'), A::Close),
];

/// The Sources panel: letters go to its filter.
pub const SOURCES: &[Binding] = &[
    key(K::Down, A::Down),
    key(K::Tab, A::Down),
    ctrl('n', A::Down),
    key(K::Up, A::Up),
    key(K::BackTab, A::Up),
    ctrl('p', A::Up),
    key(K::Enter, A::Choose),
    key(K::Backspace, A::Erase),
    ctrl('o', A::JumpBack),
    key(K::Esc, A::Close),
    key(K::F(1), A::Help),
];

/// The article's bookmarks.
pub const BOOKMARKS: &[Binding] = &[
    key(K::Char('j'), A::Down),
    key(K::Down, A::Down),
    key(K::Tab, A::Down),
    key(K::Char('k'), A::Up),
    key(K::Up, A::Up),
    key(K::BackTab, A::Up),
    key(K::Enter, A::Choose),
    key(K::Char('r'), A::Rename),
    key(K::Char('d'), A::Delete),
    key(K::Char('u'), A::Undo),
    ctrl('o', A::JumpBack),
    key(K::Esc, A::Close),
    key(K::Char('q'), A::Close),
];

/// The outline.
pub const OUTLINE: &[Binding] = &[
    key(K::Char('j'), A::Down),
    key(K::Down, A::Down),
    key(K::Tab, A::Down),
    key(K::Char('k'), A::Up),
    key(K::Up, A::Up),
    key(K::BackTab, A::Up),
    key(K::Char(' '), A::PageDown),
    key(K::PageDown, A::PageDown),
    key(K::Char('b'), A::PageUp),
    key(K::PageUp, A::PageUp),
    key(K::Char('g'), A::First),
    key(K::Home, A::First),
    key(K::Char('G'), A::Last),
    key(K::End, A::Last),
    key(K::Char('/'), A::Filter),
    key(K::Enter, A::Choose),
    ctrl('o', A::JumpBack),
    key(K::Esc, A::Close),
    key(K::Char('q'), A::Close),
    key(K::Char('o'), A::Close),
];

/// The outline while its filter is typed: letters go to the filter.
pub const OUTLINE_FILTER: &[Binding] = &[
    key(K::Down, A::Down),
    key(K::Tab, A::Down),
    key(K::Up, A::Up),
    key(K::BackTab, A::Up),
    key(K::PageDown, A::PageDown),
    key(K::PageUp, A::PageUp),
    key(K::Enter, A::Choose),
    key(K::Backspace, A::Erase),
    ctrl('o', A::JumpBack),
    key(K::Esc, A::ClearFilter),
    key(K::F(1), A::Help),
];

/// A link's address.
pub const LINK: &[Binding] = &[
    key(K::Char('y'), A::Copy),
    key(K::Char('o'), A::OpenLink),
    key(K::Enter, A::OpenLink),
    ctrl('o', A::JumpBack),
    key(K::Esc, A::Close),
    key(K::Char('q'), A::Close),
];

/// Bookmarks across the library.
pub const MARKS: &[Binding] = &[
    key(K::Char('j'), A::Down),
    key(K::Down, A::Down),
    key(K::Tab, A::Down),
    key(K::Char('k'), A::Up),
    key(K::Up, A::Up),
    key(K::BackTab, A::Up),
    key(K::Char(' '), A::PageDown),
    key(K::PageDown, A::PageDown),
    key(K::Char('b'), A::PageUp),
    key(K::PageUp, A::PageUp),
    key(K::Char('g'), A::First),
    key(K::Home, A::First),
    key(K::Char('G'), A::Last),
    key(K::End, A::Last),
    key(K::Enter, A::Choose),
    key(K::Esc, A::Close),
    key(K::Char('q'), A::Close),
    key(K::Char('B'), A::Close),
];

/// The files the library left out.
pub const SKIPPED: &[Binding] = &[
    key(K::Char('j'), A::LineDown),
    key(K::Down, A::LineDown),
    key(K::Char('k'), A::LineUp),
    key(K::Up, A::LineUp),
    key(K::Char(' '), A::PageDown),
    key(K::PageDown, A::PageDown),
    key(K::Char('b'), A::PageUp),
    key(K::PageUp, A::PageUp),
    key(K::Enter, A::Close),
    key(K::Esc, A::Close),
    key(K::Char('q'), A::Close),
    key(K::Char('!'), A::Close),
];

/// The help screen.
pub const HELP: &[Binding] = &[
    key(K::Char('j'), A::LineDown),
    key(K::Down, A::LineDown),
    key(K::Char('k'), A::LineUp),
    key(K::Up, A::LineUp),
    key(K::Char(' '), A::PageDown),
    key(K::PageDown, A::PageDown),
    key(K::Char('b'), A::PageUp),
    key(K::PageUp, A::PageUp),
    key(K::Char('g'), A::First),
    key(K::Home, A::First),
    key(K::Char('G'), A::Last),
    key(K::End, A::Last),
    key(K::Esc, A::Close),
    key(K::Char('q'), A::Close),
    key(K::Char('?'), A::Close),
];

/// The reader while text is selected: keys move the selection's end.
pub const SELECTION: &[Binding] = &[
    key(K::Char('w'), A::WordNext),
    key(K::Char('b'), A::WordPrev),
    key(K::Char(')'), A::SentenceNext),
    key(K::Char('('), A::SentencePrev),
    key(K::Char('}'), A::ParagraphEnd),
    key(K::Char('{'), A::ParagraphStart),
    key(K::Char('j'), A::SelectDown),
    key(K::Down, A::SelectDown),
    key(K::Char('k'), A::SelectUp),
    key(K::Up, A::SelectUp),
    key(K::Char('G'), A::BlockEnd),
    key(K::Char('g'), A::BlockStart),
    key(K::Enter, A::Keep),
    key(K::Char('a'), A::KeepNoted),
    key(K::Char('y'), A::CopyText),
    key(K::Esc, A::Unselect),
    key(K::Char('v'), A::Unselect),
];

/// A highlight's pop-up: its passage and note.
pub const HIGHLIGHT: &[Binding] = &[
    key(K::Char('j'), A::LineDown),
    key(K::Down, A::LineDown),
    key(K::Char('k'), A::LineUp),
    key(K::Up, A::LineUp),
    key(K::Char('e'), A::EditNote),
    key(K::Char('d'), A::Delete),
    key(K::Char('u'), A::Undo),
    key(K::Backspace, A::JumpBack),
    ctrl('o', A::JumpBack),
    key(K::Esc, A::Close),
    key(K::Char('q'), A::Close),
];

/// A list of highlights: the article's, or the library's.
pub const HIGHLIGHTS: &[Binding] = &[
    key(K::Char('j'), A::Down),
    key(K::Down, A::Down),
    key(K::Tab, A::Down),
    key(K::Char('k'), A::Up),
    key(K::Up, A::Up),
    key(K::BackTab, A::Up),
    key(K::Char(' '), A::PageDown),
    key(K::PageDown, A::PageDown),
    key(K::Char('b'), A::PageUp),
    key(K::PageUp, A::PageUp),
    key(K::Char('g'), A::First),
    key(K::Home, A::First),
    key(K::Char('G'), A::Last),
    key(K::End, A::Last),
    key(K::Enter, A::Choose),
    ctrl('o', A::JumpBack),
    key(K::Esc, A::Close),
    key(K::Char('q'), A::Close),
    key(K::Char('H'), A::Close),
];

/// A one-line prompt (a search, a bookmark's label): letters go to the answer.
pub const PROMPT: &[Binding] = &[
    key(K::Enter, A::Accept),
    key(K::Backspace, A::Erase),
    key(K::Up, A::Older),
    key(K::Down, A::Newer),
    key(K::Esc, A::Close),
    // Ctrl-C and Ctrl-Z work everywhere, a prompt too.
    ctrl('c', A::Quit),
    ctrl('z', A::Suspend),
];
