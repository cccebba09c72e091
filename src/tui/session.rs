//! The reading session's side of the persisted state: resuming where the reader
//! stopped, saving the position once scrolling stops, and the bookmark edits layers ask for.

use super::app::App;
use super::history::History;
use super::layer::Edit;
use super::screen::cx;
use crate::reading::memory::Memory;
use crate::store::{Bookmark, Fingerprint, Spot, Store, history};
use std::time::Instant;

impl App {
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
        let saved = history::load(&history::file_in(store.dir()));
        self.searches = History::new(saved);
        self.memory = Some(Memory::new(store));
    }

    /// Keeps a search pattern for ↑ in the next `/`, in this run and, beside the state,
    /// in later ones.
    pub fn remember_search(&mut self, pattern: &str) {
        self.searches.remember(pattern);
        let Some(m) = self.memory.as_ref().filter(|m| !m.store.is_read_only()) else {
            return;
        };
        let file = history::file_in(m.store.dir());
        match history::add(&file, pattern, crate::tui::history::KEEP) {
            Ok(all) => self.searches = History::new(all),
            Err(e) => self.say(format!("search history not saved: {e}")),
        }
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
        let orphans = place_highlights(r, m);
        if let Some(pos) = saved {
            let anchor = pos.at.recover(&r.doc);
            r.top = r.layout.locate(anchor);
            r.scroll(0);
            let pct = r.percent();
            if pct > 0 {
                self.say_here(format!("resumed at {pct}%"));
            }
        }
        if fallback {
            self.say("no article found on this page: showing all its text".to_string());
        }
        if orphans > 0 {
            let s = if orphans == 1 { "" } else { "s" };
            self.say(format!(
                "{orphans} highlight{s} no longer found in the text: kept, listed under H"
            ));
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
    pub fn bookmark_list(&self) -> Vec<&Bookmark> {
        bookmarks_of(&self.memory)
    }

    fn with_store(
        &mut self,
        f: impl FnOnce(&mut Store, &Fingerprint) -> Result<(), crate::store::StoreError>,
    ) -> bool {
        let Some(m) = &mut self.memory else {
            self.say(
                "bookmarks and highlights are unavailable: the reading state could not be opened",
            );
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

    /// Stores an edit a layer asked for; once saved, says `msg` and tells the layer.
    pub(super) fn store(&mut self, edit: Edit, msg: String) {
        let doc = self.reader.as_ref().map(|r| r.doc.clone());
        let mut added = None;
        let saved = self.with_store(|s, fp| match &edit {
            Edit::Add(label, spot) => s.add_bookmark(fp, label, spot.clone()).map(|_| ()),
            Edit::Rename(id, label) => s.rename_bookmark(fp, id, label),
            Edit::Delete(id) => s.delete_bookmark(fp, id),
            Edit::Undelete(id) => s.undelete_bookmark(fp, id),
            Edit::AddHighlight(a, b, _) => {
                let Some(doc) = &doc else { return Ok(()) };
                added = Some(s.add_highlight(fp, doc, (*a, *b), "")?);
                Ok(())
            }
            Edit::NoteHighlight(id, note) => s.note_highlight(fp, id, note),
            Edit::DeleteHighlight(id) => s.delete_highlight(fp, id),
            Edit::UndeleteHighlight(id) => s.undelete_highlight(fp, id),
        });
        if !saved {
            return;
        }
        if let (Some(r), Some(m)) = (&mut self.reader, &self.memory) {
            place_highlights(r, m);
        }
        self.say(msg);
        let dims = self.dims();
        if let Some(top) = self.popups.last_mut() {
            top.layer_mut().stored(&edit, &cx!(self, dims));
        }
        if let (Edit::AddHighlight(_, _, true), Some(id)) = (&edit, added) {
            self.mode = super::layer::Mode::Prompt(super::popups::prompt::Prompt::offering(
                super::popups::prompt::Purpose::HighlightNote(id),
                "",
            ));
        }
    }
}

/// Places the open article's live highlights from the store; how many are orphaned.
fn place_highlights(r: &mut crate::reading::Reader, m: &Memory) -> usize {
    let Some(fp) = &m.fingerprint else { return 0 };
    let list = m
        .store
        .get(fp)
        .map(crate::store::ArticleState::live_highlights)
        .unwrap_or_default();
    r.place_highlights(&list)
}

/// The open article's live bookmarks, in reading order.
pub fn bookmarks_of(memory: &Option<Memory>) -> Vec<&Bookmark> {
    let Some((m, fp)) = memory
        .as_ref()
        .and_then(|m| Some((m, m.fingerprint.as_ref()?)))
    else {
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
