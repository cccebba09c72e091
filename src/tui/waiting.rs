//! Keys pressed while a long article is still being read act on the whole of it: a key
//! that needs the whole (`G`, `50%`, a search, `n`, the outline…) is held back, with every
//! key after it so they keep their order, until the full parse arrives — a few tens of
//! milliseconds — and is then carried out where the user asked. So do keys pressed in a
//! library while only its first screen is shown: all of them wait for the whole list.

use crate::tui::app::{App, Effect, Mode};
use crate::tui::keys::Action;
use crate::tui::library::LibraryView;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// What the status line says while keys wait.
pub const READING: &str = "reading the whole article…";

/// Whether the article on screen is only the beginning and the rest is on its way, or
/// the library on screen only its first rows.
pub fn loading(app: &App) -> bool {
    listing(app)
        || app.reader.as_ref().is_some_and(|r| r.article().partial)
            && (app.pending.is_some() || app.deferred.is_some())
}

/// Whether the library on screen shows only its first rows, the whole list on its way.
fn listing(app: &App) -> bool {
    app.reader.is_none() && app.library.as_ref().is_some_and(LibraryView::partial)
}

/// Whether a key, pressed now, would act on text the quick first part has not read:
/// the end, a share of the length, matches, or lists drawn from the whole article. In a
/// library shown in part, every key would.
fn needs_whole(app: &App, key: &KeyEvent) -> bool {
    if listing(app) {
        return true;
    }
    if !app.popups.is_empty() {
        return false;
    }
    match &app.mode {
        Mode::Prompt(_) => key.code == KeyCode::Enter,
        Mode::Normal => matches!(
            app.keymap.action_for(key),
            Some(
                Action::Bottom
                    | Action::Percent
                    | Action::NextMatch
                    | Action::PrevMatch
                    | Action::Outline
                    | Action::Sources
                    | Action::Bookmarks
            )
        ),
    }
}

/// Handles a key from the terminal: at once, or held back until the whole article (or
/// list) is in. Ctrl-C always quits at once. The reading state is taken in first, should
/// it still be on its way: the key may bookmark or highlight.
pub fn key(app: &mut App, key: KeyEvent) -> Option<Effect> {
    app.take_in_store();
    let ctrl_c = key.code == KeyCode::Char('c') && key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl_c {
        app.held.clear();
    }
    if ctrl_c || !loading(app) || (app.held.is_empty() && !needs_whole(app, &key)) {
        return app.key(key);
    }
    if app.held.is_empty() {
        // The whole list comes in tens of milliseconds: no need to say so.
        if !listing(app) {
            app.say(READING);
        }
        // No need to wait for a quiet moment: the user is waiting for the rest now.
        app.start_background_work();
    }
    app.held.push(key);
    None
}

/// Takes in the full parse or the library's scan when they report and carries out the
/// keys held for them; true when the screen must change. Held keys also go ahead when
/// reading the rest failed: they then act on the beginning, which is all there is. An
/// effect (Ctrl-Z, opening a link) asked for by a held key is returned for the event
/// loop to carry out.
pub fn poll(app: &mut App) -> (bool, Option<Effect>) {
    if !(app.poll_background() | app.poll_library()) {
        return (false, None);
    }
    if loading(app) {
        return (true, None);
    }
    if app.current_message() == Some(READING) {
        app.message = None;
    }
    let mut effect = None;
    for k in std::mem::take(&mut app.held) {
        if app.quit {
            break;
        }
        effect = effect.or(app.key(k));
    }
    (true, effect)
}
