//! The contexts a key can mean something in, each with its default table.

use super::{Binding, tables};

/// Where keys go: the screen under everything, or the layer on top of it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// Keys that work everywhere but in a prompt.
    Global,
    /// The reader's page.
    Reader,
    /// The library's list.
    Library,
    /// The library while its filter is typed.
    Filter,
    /// The library's search prompt (`F`): a pattern for the text of every article.
    Find,
    /// The library's search results.
    Found,
    /// A footnote pop-up.
    Note,
    /// A citation pop-up.
    Citation,
    /// The Sources panel.
    Sources,
    /// The article's bookmarks.
    Bookmarks,
    /// The outline.
    Outline,
    /// The outline while its filter is typed.
    OutlineFilter,
    /// A link's address.
    Link,
    /// Bookmarks across the library.
    Marks,
    /// The files the library left out.
    Skipped,
    /// The help screen.
    Help,
    /// A one-line prompt.
    Prompt,
    /// The reader while text is selected.
    Selection,
    /// A highlight's pop-up.
    Highlight,
    /// A list of highlights.
    Highlights,
}

impl Context {
    /// Every context, in the order of the enum (and of the README's tables).
    pub const ALL: [Context; 20] = [
        Context::Global,
        Context::Reader,
        Context::Library,
        Context::Filter,
        Context::Find,
        Context::Found,
        Context::Note,
        Context::Citation,
        Context::Sources,
        Context::Bookmarks,
        Context::Outline,
        Context::OutlineFilter,
        Context::Link,
        Context::Marks,
        Context::Skipped,
        Context::Help,
        Context::Prompt,
        Context::Selection,
        Context::Highlight,
        Context::Highlights,
    ];

    /// Its name in the configuration file: `[keys.<name>]`.
    pub fn name(self) -> &'static str {
        match self {
            Context::Global => "global",
            Context::Reader => "reader",
            Context::Library => "library",
            Context::Filter => "filter",
            Context::Find => "find",
            Context::Found => "found",
            Context::Note => "note",
            Context::Citation => "citation",
            Context::Sources => "sources",
            Context::Bookmarks => "bookmarks",
            Context::Outline => "outline",
            Context::OutlineFilter => "outline-filter",
            Context::Link => "link",
            Context::Marks => "library-bookmarks",
            Context::Skipped => "skipped",
            Context::Help => "help",
            Context::Prompt => "prompt",
            Context::Selection => "selection",
            Context::Highlight => "highlight",
            Context::Highlights => "highlights",
        }
    }

    /// The context a configuration name stands for.
    pub fn from_name(name: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == name)
    }

    /// What help calls it: "Keys in the library".
    pub fn title(self) -> &'static str {
        match self {
            Context::Global => "everywhere",
            Context::Reader => "the reader",
            Context::Library => "the library",
            Context::Filter => "the library's filter",
            Context::Find => "the library's search prompt",
            Context::Found => "the library's search results",
            Context::Note => "a footnote",
            Context::Citation => "a citation",
            Context::Sources => "Sources",
            Context::Bookmarks => "bookmarks",
            Context::Outline => "the outline",
            Context::OutlineFilter => "the outline's filter",
            Context::Link => "a link",
            Context::Marks => "the library's bookmarks",
            Context::Skipped => "the skipped files",
            Context::Help => "help",
            Context::Prompt => "a prompt",
            Context::Selection => "a selection",
            Context::Highlight => "a highlight",
            Context::Highlights => "the list of highlights",
        }
    }

    /// The title with a capital, for a heading.
    pub fn title_case(self) -> String {
        let t = self.title();
        let mut chars = t.chars();
        chars.next().map_or(String::new(), |c| {
            format!("In {}{}", c.to_lowercase(), chars.as_str())
        })
    }

    /// True where letters typed are text (a filter, an answer), not commands.
    pub fn typing(self) -> bool {
        matches!(
            self,
            Context::Filter
                | Context::Find
                | Context::Sources
                | Context::OutlineFilter
                | Context::Prompt
        )
    }

    /// The default bindings.
    pub fn defaults(self) -> &'static [Binding] {
        match self {
            Context::Global => tables::GLOBAL,
            Context::Reader => tables::READER,
            Context::Library => tables::LIBRARY,
            Context::Filter => tables::FILTER,
            Context::Find => tables::FIND,
            Context::Found => tables::FOUND,
            Context::Note => tables::NOTE,
            Context::Citation => tables::CITATION,
            Context::Sources => tables::SOURCES,
            Context::Bookmarks => tables::BOOKMARKS,
            Context::Outline => tables::OUTLINE,
            Context::OutlineFilter => tables::OUTLINE_FILTER,
            Context::Link => tables::LINK,
            Context::Marks => tables::MARKS,
            Context::Skipped => tables::SKIPPED,
            Context::Help => tables::HELP,
            Context::Prompt => tables::PROMPT,
            Context::Selection => tables::SELECTION,
            Context::Highlight => tables::HIGHLIGHT,
            Context::Highlights => tables::HIGHLIGHTS,
        }
    }
}
