//! Carrying out what a layer or the page asked for (a `Next`): the one place the
//! app changes after an action, whatever context it came from.

use super::app::App;
use super::keys::Action;
use super::layer::Effect;
use super::layer::{Mode, Next};
use super::popups::prompt::Purpose;
use super::reader::page;
use crate::reading::goto::Goto;

impl App {
    /// Carries out what a layer or the page asked for.
    pub fn follow(&mut self, next: Next) -> Option<Effect> {
        match next {
            Next::Stay => {}
            Next::Close => {
                self.popups.pop();
            }
            Next::Push(p) => self.popups.push(p),
            Next::Go(to) => {
                self.popups.clear();
                let source = match &to {
                    Goto::Source { key, .. } => Some(key.clone()),
                    _ => None,
                };
                let r = self.reader.as_mut()?;
                r.go(to);
                if let Some(key) = source {
                    let msg = page::source_position(r, &key, &self.keymap);
                    self.say(msg);
                }
            }
            Next::JumpBack => {
                self.popups.clear();
                return self.act(Action::JumpBack, None);
            }
            Next::Ask(mut p) => {
                if p.purpose == Purpose::Search {
                    p.history = self.searches.clone();
                }
                self.mode = Mode::Prompt(p);
            }
            Next::Search(q) => {
                self.remember_search(&q);
                // What was said about the last search ends with it.
                self.message = None;
                if let Some(msg) = self.reader.as_mut().and_then(|r| page::search(r, &q)) {
                    self.say(msg);
                }
            }
            Next::Store(edit, msg) => self.store(edit, msg),
            Next::Say(m) => self.say(m),
            Next::Effect(e, m) => {
                self.popups.pop();
                self.say(m);
                return Some(e);
            }
            Next::OpenAt(mark) => {
                self.popups.clear();
                self.open_at(mark);
            }
            Next::OpenHighlight(found) => {
                self.popups.clear();
                self.open_highlight(found);
            }
            Next::Quit => {
                self.popups.clear();
                match (&self.reader, &self.library) {
                    (Some(_), Some(_)) => self.close_reader(),
                    _ => self.quit = true,
                }
            }
            Next::Suspend => return Some(Effect::Suspend),
        }
        None
    }
}
