//! Every action, written once: its name in the configuration file and the words help
//! and the README show for it.

macro_rules! actions {
    ($($variant:ident $name:literal $desc:literal,)*) => {
        /// Everything the user can ask for, in any context.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Action {
            $(#[doc = $desc] $variant,)*
        }

        /// Every action with the name the configuration file uses for it.
        pub const ACTION_NAMES: &[(Action, &str)] = &[$((Action::$variant, $name),)*];

        impl Action {
            /// What help says the action does.
            pub fn describe(self) -> &'static str {
                match self {
                    $(Action::$variant => $desc,)*
                }
            }
        }
    };
}

actions! {
    LineDown "line-down" "down a line",
    LineUp "line-up" "up a line",
    PageDown "page-down" "down a page",
    PageUp "page-up" "up a page",
    HalfDown "half-down" "down half a page",
    HalfUp "half-up" "up half a page",
    Top "top" "top of the article",
    Bottom "bottom" "end of the article",
    Percent "percent" "N% — jump to N percent",
    NextParagraph "next-paragraph" "next paragraph",
    PrevParagraph "prev-paragraph" "previous paragraph",
    ScrollLeft "scroll-left" "scroll code blocks left",
    ScrollRight "scroll-right" "scroll code blocks right",
    Wider "wider" "wider text column",
    Narrower "narrower" "narrower text column",
    Search "search" "search (regex, smart case)",
    NextMatch "next-match" "next match",
    PrevMatch "prev-match" "previous match",
    NextNote "next-note" "next footnote reference",
    PrevNote "prev-note" "previous footnote reference",
    NextCitation "next-citation" "next citation",
    PrevCitation "prev-citation" "previous citation",
    NextTarget "next-target" "next note or citation",
    PrevTarget "prev-target" "previous note or citation",
    Open "open" "open the focused note or citation",
    JumpBack "jump-back" "jump back",
    Sources "sources" "sources cited in the article",
    Bookmark "bookmark" "add a bookmark",
    Bookmarks "bookmarks" "list bookmarks",
    Outline "outline" "outline: contents or headings",
    Help "help" "this help",
    Cancel "cancel" "close pop-up / clear search and focus",
    Quit "quit" "back to the library / quit",
    Suspend "suspend" "suspend to the shell",
    Close "close" "close",
    Down "down" "next row",
    Up "up" "previous row",
    First "first" "first row",
    Last "last" "last row",
    Choose "choose" "go to the selected one",
    NoteNext "note-next" "next note",
    NotePrev "note-prev" "previous note",
    InnerNext "inner-next" "next reference or link in the note",
    InnerPrev "inner-prev" "previous reference or link in the note",
    NoteGo "note-go" "open the focused reference, else go to the note in Notes",
    Rename "rename" "rename",
    Delete "delete" "delete",
    Undo "undo" "undo a delete",
    Copy "copy" "copy the address",
    OpenLink "open-link" "open the address in the browser",
    Accept "accept" "done",
    Erase "erase" "delete the last character",
    OpenArticle "open-article" "open the selected article",
    Filter "filter" "filter the list (title, author, site)",
    ClearFilter "clear-filter" "clear the filter",
    Sort "sort" "next sort order",
    Preview "preview" "show or hide the preview",
    Rescan "rescan" "read the folder again",
    Skipped "skipped" "files left out, and why",
    AllBookmarks "all-bookmarks" "bookmarks in every article",
    FindText "find-text" "search the text of every article",
    Older "older" "an earlier pattern",
    Newer "newer" "a later pattern",
    OpenMatch "open-match" "open the article at its first match",
    Select "select" "select text to highlight",
    Highlights "highlights" "list highlights",
    AllHighlights "all-highlights" "highlights in every article",
    WordNext "word-next" "to the end of the next word",
    WordPrev "word-prev" "back to the start of a word",
    SentenceNext "sentence-next" "to the end of the next sentence",
    SentencePrev "sentence-prev" "back to the start of a sentence",
    ParagraphEnd "paragraph-end" "to the end of the paragraph",
    ParagraphStart "paragraph-start" "back to the start of the paragraph",
    SelectDown "select-down" "a line down",
    SelectUp "select-up" "a line up",
    BlockEnd "block-end" "to the end of the block",
    BlockStart "block-start" "to the start of the block",
    Keep "keep" "save the highlight",
    KeepNoted "keep-noted" "save the highlight and write a note",
    CopyText "copy-text" "copy the selected text",
    Unselect "unselect" "cancel the selection",
    EditNote "edit-note" "write or edit the note",
}

impl Action {
    /// The action a configuration name stands for.
    pub fn from_name(name: &str) -> Option<Action> {
        ACTION_NAMES
            .iter()
            .find(|(_, n)| *n == name)
            .map(|(a, _)| *a)
    }
}
