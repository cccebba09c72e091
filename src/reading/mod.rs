//! Pure reading state, no terminal: the open article, what is shown where, the jump
//! list and focus. The terminal layer (`tui::reader`) draws it and maps keys onto it.

pub mod goto;
pub mod marked;
pub mod memory;
pub mod notes;
pub mod outline;
pub mod search;
pub mod selection;
pub mod sources;
pub mod targets;

use crate::article::Article;
use crate::layout::{Anchor, Doc, Layout, LinePos, Style};
pub use search::Search;
use std::path::PathBuf;
use std::sync::Arc;
use targets::{Kind, Spot};

/// Narrowest and widest text column `+`/`-` allow.
pub const MEASURE_RANGE: (u16, u16) = (30, 120);
/// Columns kept free on each side of the text column.
pub const MARGIN: u16 = 2;

/// One open article.
#[derive(Debug)]
pub struct Reader {
    /// Where it came from (for display and state).
    pub path: PathBuf,
    /// The document's parts.
    pub doc: Arc<Doc>,
    /// The document typeset at the current width.
    pub layout: Layout,
    /// The first line on screen.
    pub top: LinePos,
    /// The user's preferred text width.
    pub measure: u16,
    /// Typesetting options besides the width.
    pub style: Style,
    /// Screen size the layout was made for (columns, rows).
    pub screen: (u16, u16),
    /// Sideways scroll of code blocks.
    pub hscroll: usize,
    /// The live search, if any.
    pub search: Option<Search>,
    /// Places jumped from, newest last (Backspace goes back).
    pub jumps: Vec<Anchor>,
    /// Every footnote reference and citation, in reading order.
    pub spots: Vec<Spot>,
    /// The focused spot (index into `spots`).
    pub focus: Option<usize>,
    /// When set, citation moves visit only citations of this source (a `source_key`).
    pub source_filter: Option<String>,
    /// Text being selected to highlight.
    pub selection: Option<selection::Selection>,
    /// The article's highlights, in reading order, the orphaned last.
    pub highlights: Vec<marked::Marked>,
}

impl Reader {
    /// Opens an article for a screen of `screen` (columns, rows).
    pub fn new(article: Article, path: PathBuf, screen: (u16, u16), style: Style) -> Self {
        let doc = Arc::new(Doc::dated(Arc::new(article), style.date_format));
        let style = Style {
            width: style.width.clamp(MEASURE_RANGE.0, MEASURE_RANGE.1),
            ..style
        };
        let layout = Layout::new(
            doc.clone(),
            Style {
                width: text_width(style.width, screen.0),
                ..style
            },
        );
        Reader {
            path,
            layout,
            top: LinePos::default(),
            measure: style.width,
            style,
            screen,
            hscroll: 0,
            search: None,
            jumps: Vec::new(),
            spots: targets::spots(&doc),
            focus: None,
            source_filter: None,
            selection: None,
            highlights: Vec::new(),
            doc,
        }
    }

    /// Swaps in a new parse of the same article (the full text after a quick first part),
    /// keeping the place on screen, the focus target and the search.
    pub fn replace_article(&mut self, article: Article) {
        self.replace_doc(Doc::dated(Arc::new(article), self.style.date_format));
    }

    /// Shows the article's date in `date_format` from now on.
    pub fn set_date_format(&mut self, date_format: &'static str) {
        self.style.date_format = date_format;
        if self.doc.date_format != date_format {
            self.replace_doc(Doc::dated(self.doc.article.clone(), date_format));
        }
    }

    fn replace_doc(&mut self, doc: Doc) {
        let anchor = self.layout.anchor(self.top);
        let query = self.search.as_ref().map(|s| s.query.clone());
        self.doc = Arc::new(doc);
        self.layout = Layout::new(self.doc.clone(), self.layout.style);
        self.spots = targets::spots(&self.doc);
        self.focus = None;
        self.selection = None;
        self.top = self.layout.locate(anchor);
        if let Some(q) = query {
            let _ = self.search(&q);
        }
        self.clamp();
    }

    /// The path the reading state records: none for an article read from standard input,
    /// which is known by its text alone, so that the next piped article does not take its
    /// place nor a file's entry lose its path.
    pub fn store_path(&self) -> &std::path::Path {
        if crate::input::is_stdin(&self.path) {
            std::path::Path::new("")
        } else {
            &self.path
        }
    }

    /// What to call the article when it has no title.
    pub fn name(&self) -> String {
        if crate::input::is_stdin(&self.path) {
            crate::input::STDIN_NAME.to_string()
        } else {
            self.path.display().to_string()
        }
    }

    /// The article.
    pub fn article(&self) -> &Article {
        &self.doc.article
    }

    /// Rows available for text (the status line takes one).
    pub fn page(&self) -> usize {
        self.screen.1.saturating_sub(1).max(1) as usize
    }

    /// Reflows for a new screen size or measure, keeping the anchor at the top of the screen.
    pub fn reflow(&mut self, screen: (u16, u16)) {
        let anchor = self.layout.anchor(self.top);
        self.screen = screen;
        let wanted = Style {
            width: text_width(self.measure, screen.0),
            // The layout chose the language from the article.
            lang: self.layout.style.lang,
            ..self.style
        };
        if wanted != self.layout.style {
            self.layout = Layout::new(self.doc.clone(), wanted);
        }
        self.top = self.layout.locate(anchor);
        self.clamp();
    }

    /// Changes the measure by `delta` columns within `MEASURE_RANGE`.
    pub fn set_measure(&mut self, measure: u16) {
        self.measure = measure.clamp(MEASURE_RANGE.0, MEASURE_RANGE.1);
        self.reflow(self.screen);
    }

    /// Scrolls by `delta` lines.
    pub fn scroll(&mut self, delta: isize) {
        self.top = self.layout.step(self.top, delta);
        self.clamp();
    }

    /// Keeps the last page full: the top never goes past the last screenful.
    fn clamp(&mut self) {
        // At the top there is nothing to clamp, and finding the last screenful would wrap
        // the article's end before its first frame.
        if self.top == LinePos::default() {
            return;
        }
        let last = self.layout.last_top(self.page());
        if self.top > last {
            self.top = last;
        }
    }

    /// Goes to the top of the document.
    pub fn to_top(&mut self) {
        self.top = LinePos::default();
    }

    /// Goes to the end of the document.
    pub fn to_bottom(&mut self) {
        self.top = self.layout.last_top(self.page());
    }

    /// Jumps to a percentage of the document.
    pub fn to_percent(&mut self, pct: usize) {
        self.top = self.layout.at_fraction(pct.min(100) as f64 / 100.0);
        self.clamp();
    }

    /// Moves to the start of the next part that has text.
    pub fn next_paragraph(&mut self) {
        let mut part = self.top.part + 1;
        while part < self.layout.parts() && self.doc.text(self.doc.parts[part]).trim().is_empty() {
            part += 1;
        }
        if part < self.layout.parts() {
            self.top = LinePos { part, line: 0 };
            self.clamp();
        }
    }

    /// Moves to the start of this part, or of the previous one when already there.
    pub fn prev_paragraph(&mut self) {
        if self.top.line > 0 {
            self.top.line = 0;
        } else if self.top.part > 0 {
            self.top = LinePos {
                part: self.top.part - 1,
                line: 0,
            };
        }
    }

    /// Whether the end of the document is on screen.
    pub fn at_end(&self) -> bool {
        self.top >= self.layout.last_top(self.page())
    }

    /// How far through the article the reader is, 0–100 (100 once the end is on screen).
    pub fn percent(&self) -> usize {
        if self.at_end() {
            100
        } else {
            (self.layout.fraction(self.top) * 100.0).floor() as usize
        }
    }

    /// (current page, page count), both from 1.
    pub fn pages(&self) -> (usize, usize) {
        let page = self.page();
        let total = self.layout.total_lines().div_ceil(page).max(1);
        if self.at_end() {
            return (total, total);
        }
        let at = self.layout.lines_before(self.top);
        ((at / page + 1).min(total), total)
    }

    /// Minutes of reading left at `wpm` words per minute.
    pub fn minutes_left(&self, wpm: usize) -> usize {
        let words = self.doc.words as f64;
        let left = if self.at_end() {
            0.0
        } else {
            words * (1.0 - self.layout.fraction(self.top))
        };
        (left / wpm.max(1) as f64).ceil() as usize
    }

    /// Remembers where we are before a jump, so Backspace can return.
    pub fn push_jump(&mut self) {
        let here = self.layout.anchor(self.top);
        if self.jumps.last() != Some(&here) {
            self.jumps.push(here);
        }
        if self.jumps.len() > 100 {
            self.jumps.remove(0);
        }
    }

    /// Returns to the place of the last jump; false when there is none.
    pub fn jump_back(&mut self) -> bool {
        match self.jumps.pop() {
            Some(anchor) => {
                self.top = self.layout.locate(anchor);
                self.clamp();
                true
            }
            None => false,
        }
    }

    /// Brings a line into view, leaving it where it is when already visible;
    /// otherwise puts it a quarter of the way down the screen.
    pub fn reveal(&mut self, pos: LinePos) {
        let bottom = self.layout.step(self.top, self.page() as isize - 1);
        if pos >= self.top && pos <= bottom {
            return;
        }
        self.top = self.layout.step(pos, -((self.page() / 4) as isize));
        self.clamp();
    }

    /// (part, offset) of the first character on screen and just past the last.
    pub fn visible_range(&self) -> ((usize, usize), (usize, usize)) {
        let bottom = self.layout.step(self.top, self.page() as isize - 1);
        let top_off = self.layout.line(self.top).map_or(0, |l| l.start);
        let bottom_end = self
            .layout
            .line(bottom)
            .map_or(usize::MAX, |l| l.end.max(l.start + 1));
        ((self.top.part, top_off), (bottom.part, bottom_end))
    }

    /// Whether a spot is on screen.
    pub fn spot_visible(&self, i: usize) -> bool {
        let (top, bottom) = self.visible_range();
        self.spots.get(i).is_some_and(|s| {
            let key = (s.part, s.range.start);
            key >= top && key < bottom
        })
    }

    fn spot_ok(&self, s: &Spot, kind: Kind) -> bool {
        kind.matches(s.target)
            && match (&self.source_filter, s.target) {
                (Some(key), crate::layout::Target::Citation(c)) => self
                    .article()
                    .citations
                    .get(c)
                    .is_some_and(|c| &c.source_key() == key),
                (Some(_), _) => kind != Kind::Citations,
                (None, _) => true,
            }
    }

    /// Moves focus to the next (or previous) spot of `kind`, starting from the focused
    /// spot when it is on screen, else from the screen's edge; scrolls only when needed.
    pub fn move_focus(&mut self, kind: Kind, forward: bool) -> bool {
        let (top, bottom) = self.visible_range();
        let current = self.focus.filter(|&i| self.spot_visible(i));
        let key = |s: &Spot| (s.part, s.range.start);
        let found = match (current, forward) {
            (Some(i), true) => self.spots[i + 1..]
                .iter()
                .position(|s| self.spot_ok(s, kind))
                .map(|k| i + 1 + k),
            (Some(i), false) => self.spots[..i].iter().rposition(|s| self.spot_ok(s, kind)),
            (None, true) => self
                .spots
                .iter()
                .position(|s| key(s) >= top && self.spot_ok(s, kind)),
            (None, false) => self
                .spots
                .iter()
                .rposition(|s| key(s) < bottom && self.spot_ok(s, kind)),
        };
        let Some(i) = found else { return false };
        self.focus_spot(i);
        true
    }

    /// Focuses spot `i` and brings it on screen.
    pub fn focus_spot(&mut self, i: usize) {
        self.focus = Some(i);
        if !self.spot_visible(i) {
            let pos = self.locate_spot(i);
            self.reveal(pos);
        }
    }

    /// The line holding spot `i`.
    pub fn locate_spot(&self, i: usize) -> LinePos {
        let s = &self.spots[i];
        self.layout.locate(Anchor {
            part: self.doc.parts[s.part],
            offset: s.range.start,
        })
    }

    /// Where a link inside the document goes (`#name` of a book's anchors), if it is one.
    pub fn internal_target(&self, url: &str) -> Option<Anchor> {
        let pos = self.article().anchors.get(url.strip_prefix('#')?)?;
        Some(Anchor {
            part: sources::part_of(pos.place),
            offset: pos.offset,
        })
    }

    /// Jumps (onto the jump list) to an anchor and shows it near the top.
    pub fn jump_to(&mut self, anchor: Anchor) {
        self.push_jump();
        let pos = self.layout.locate(anchor);
        self.top = self.layout.step(pos, -((self.page() / 4) as isize));
        self.clamp();
    }
}

/// The text column's width for a measure on a screen this wide.
pub fn text_width(measure: u16, cols: u16) -> u16 {
    measure.min(cols.saturating_sub(2 * MARGIN)).max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Format;

    /// A reader on `text` read as plain text, for a 60×12 screen.
    fn reader_of(text: &str) -> Reader {
        let article = crate::parse::parse_bytes(text.as_bytes(), Format::Text).unwrap();
        Reader::new(article, PathBuf::from("t.txt"), (60, 12), Style::default())
    }

    fn paragraphs(n: usize) -> String {
        (0..n)
            .map(|i| format!("Paragraph {i} says something about the weather on day {i}."))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    #[test]
    fn a_jump_comes_back_to_where_it_started() {
        let mut r = reader_of(&paragraphs(60));
        r.scroll(5);
        let before = r.layout.anchor(r.top);
        r.push_jump();
        r.to_bottom();
        assert!(r.at_end());
        assert!(r.jump_back());
        assert_eq!(r.top, r.layout.locate(before));
        assert!(!r.jump_back(), "the list is empty again");
    }

    #[test]
    fn percent_runs_from_top_to_end() {
        let mut r = reader_of(&paragraphs(60));
        assert_eq!(r.percent(), 0);
        r.to_percent(50);
        assert!((40..=60).contains(&r.percent()), "{}", r.percent());
        r.to_bottom();
        assert_eq!(r.percent(), 100);
    }

    #[test]
    fn search_is_smart_case_and_steps_in_reading_order() {
        let mut r = reader_of("Tide and tide.\n\nNo more here.\n\nThe TIDE turns.");
        assert_eq!(r.search("tide"), Ok(3));
        assert_eq!(r.search("Tide"), Ok(1));
        assert_eq!(r.search("tide"), Ok(3));
        assert!(!r.first_match(), "a match below the top: no wrap");
        assert_eq!(r.search.as_ref().unwrap().current, Some(0));
        assert!(r.step_match(true));
        assert!(r.step_match(true));
        assert!(!r.step_match(true), "no fourth match");
        assert!(r.search("(").unwrap_err().starts_with("bad pattern"));
    }
}
