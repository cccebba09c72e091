//! What the reader remembers between runs: the glue between the open article and the
//! persisted `store` — resume on open, save when scrolling settles, on leaving and on quit.

use crate::layout::Anchor;
use crate::store::{Fingerprint, Spot, Store};
use std::time::{Duration, Instant};

/// How long the position must stay put before it is saved.
pub const SETTLE: Duration = Duration::from_secs(2);

/// The store and this article's identity in it.
#[derive(Debug)]
pub struct Memory {
    /// The persisted state.
    pub store: Store,
    /// The open article's fingerprint, once its full text is parsed.
    pub fingerprint: Option<Fingerprint>,
    /// The position seen last and since when, to save once scrolling stops.
    seen: Option<(Anchor, Instant)>,
    /// The position saved last.
    saved: Option<Anchor>,
    /// Whether a save already failed (said once, not on every tick).
    failed: bool,
}

impl Memory {
    /// Wraps an opened store.
    pub fn new(store: Store) -> Self {
        Memory {
            store,
            fingerprint: None,
            seen: None,
            saved: None,
            failed: false,
        }
    }

    /// Records the position now on screen; true when it has settled and should be saved.
    pub fn observe(&mut self, anchor: Anchor, now: Instant) -> bool {
        match self.seen {
            Some((a, since)) if a == anchor => {
                now.duration_since(since) >= SETTLE && self.saved != Some(anchor)
            }
            _ => {
                self.seen = Some((anchor, now));
                false
            }
        }
    }

    /// Saves a position (and whether the end was reached); returns a message to show
    /// the first time saving fails.
    pub fn save_position(&mut self, spot: Spot, finished: bool) -> Option<String> {
        let fp = self.fingerprint.clone()?;
        let anchor = spot.anchor;
        let result = self
            .store
            .set_position(&fp, spot)
            .and_then(|_| {
                if finished {
                    self.store.set_finished(&fp, true)
                } else {
                    Ok(())
                }
            })
            .and_then(|_| self.store.save());
        match result {
            Ok(()) => {
                self.saved = Some(anchor);
                self.failed = false;
                None
            }
            Err(e) if !self.failed => {
                self.failed = true;
                Some(format!("could not save the reading position: {e}"))
            }
            Err(_) => None,
        }
    }
}
