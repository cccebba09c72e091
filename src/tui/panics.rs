//! Panics while the screen is in reading mode. One on the interface's own thread restores
//! the terminal before its message prints, so the message is readable and the shell is
//! usable. One on a worker (a background parse, the library's scan) must not: the
//! interface goes on and reports the failure itself, so the worker's message is kept for
//! it instead of being written across the page.

use std::cell::Cell;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, Once};

/// Whether the terminal is in reading mode now.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Where the last worker panic happened, until the interface takes it.
static WORKER: Mutex<Option<String>> = Mutex::new(None);

thread_local! {
    /// Set on the thread that draws the screen.
    static INTERFACE: Cell<bool> = const { Cell::new(false) };
}

/// Installs the hook once; `restore` gives the terminal back.
pub fn install(restore: fn()) {
    static ONCE: Once = Once::new();
    INTERFACE.with(|i| i.set(true));
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if ACTIVE.load(Ordering::SeqCst) && !INTERFACE.with(Cell::get) {
                // The payload may quote the article; the place in the code is enough.
                let at = info
                    .location()
                    .map(|l| format!("{}:{}", l.file(), l.line()))
                    .unwrap_or_else(|| "an unknown place".into());
                *WORKER.lock().unwrap_or_else(|e| e.into_inner()) = Some(at);
                return;
            }
            restore();
            previous(info);
        }));
    });
}

/// Marks the terminal as in reading mode (true) or given back (false).
pub fn set_active(on: bool) {
    ACTIVE.store(on, Ordering::SeqCst);
}

/// Where the last worker panic happened, once.
pub fn take_worker_panic() -> Option<String> {
    WORKER.lock().unwrap_or_else(|e| e.into_inner()).take()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    static RESTORED: AtomicUsize = AtomicUsize::new(0);

    fn count_restore() {
        RESTORED.fetch_add(1, Ordering::SeqCst);
    }

    #[test]
    fn a_worker_panic_leaves_the_screen_alone_and_is_kept_for_the_interface() {
        // This test's thread stands for the interface.
        install(count_restore);
        set_active(true);
        let worker = std::thread::spawn(|| panic!("worker fails"));
        assert!(worker.join().is_err());
        set_active(false);
        assert_eq!(RESTORED.load(Ordering::SeqCst), 0, "the terminal was left");
        let at = take_worker_panic().expect("the failure is kept");
        assert!(at.contains("panics.rs"), "{at}");
        assert_eq!(take_worker_panic(), None, "taken once");
    }
}
