//! The terminal itself: raw mode in and out, restored on every way out (quit, error,
//! panic, SIGTERM, SIGHUP), suspend on Ctrl-Z, and the event loop.

use crate::tui::app::{App, Effect};
use crate::tui::caps::{Caps, Depth};
use crate::tui::draw::draw;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{self, Event, KeyEventKind};
use ratatui::crossterm::terminal::{
    self, Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen,
};
use ratatui::crossterm::{cursor, execute};
use std::io::{self, BufWriter, Stdout, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};
use std::time::Duration;

/// Frames are buffered whole and written at once: standard output alone would hand the
/// terminal a frame in 1 KB pieces, each a chance to show half of it.
type Term = Terminal<CrosstermBackend<BufWriter<Stdout>>>;

/// Room for a full frame of a large terminal.
const FRAME_BUFFER: usize = 1 << 16;

/// Mouse reports for buttons and the wheel only (1000), in the SGR encoding (1006).
/// crossterm's `EnableMouseCapture` also asks for drags (1002) and every motion (1003):
/// the reader uses neither, and a terminal then reports each movement of the pointer.
/// Shift with a drag stays the terminal's own selection.
const MOUSE_ON: &[u8] = b"\x1b[?1000h\x1b[?1006h";
/// Undoes `MOUSE_ON`.
const MOUSE_OFF: &[u8] = b"\x1b[?1006l\x1b[?1000l";

/// Puts the terminal in reading mode: raw, alternate screen, mouse, hidden cursor.
fn enter() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    crate::tui::panics::set_active(true);
    let mut out = io::stdout();
    if ALT_SCREEN.load(Ordering::Relaxed) {
        execute!(out, EnterAlternateScreen)?;
    }
    execute!(out, cursor::Hide)?;
    if MOUSE.load(Ordering::Relaxed) {
        out.write_all(MOUSE_ON)?;
        out.flush()?;
    }
    Ok(())
}

/// Whether the mouse is captured (a setting); read again on every return from Ctrl-Z.
static MOUSE: AtomicBool = AtomicBool::new(true);

/// Whether the terminal has an alternate screen to draw on (from terminfo).
static ALT_SCREEN: AtomicBool = AtomicBool::new(true);

/// Gives the terminal back as it was; safe to call more than once. Without an alternate
/// screen the page drawn is wiped, so the shell's prompt comes back on a clean screen.
pub fn leave() {
    crate::tui::panics::set_active(false);
    let mut out = io::stdout();
    if MOUSE.load(Ordering::Relaxed) {
        let _ = out.write_all(MOUSE_OFF);
    }
    let _ = if ALT_SCREEN.load(Ordering::Relaxed) {
        execute!(out, LeaveAlternateScreen, cursor::Show)
    } else {
        execute!(
            out,
            Clear(ClearType::All),
            cursor::MoveTo(0, 0),
            cursor::Show
        )
    };
    let _ = terminal::disable_raw_mode();
}

/// Runs the app until it quits or a signal asks it to stop.
pub fn run(mut app: App, mouse: bool, caps: Caps) -> anyhow::Result<App> {
    let stop = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&stop))?;
    crate::tui::panics::install(leave);
    MOUSE.store(mouse, Ordering::Relaxed);
    ALT_SCREEN.store(caps.alt_screen, Ordering::Relaxed);
    enter()?;
    let result = event_loop(&mut app, &stop, caps.depth);
    // Whatever ended the loop — q, a signal, an error — the position is kept.
    app.save_position();
    leave();
    result.map(|_| app)
}

/// The signal that stopped the reader, 0 for none.
static SIGNAL: AtomicI32 = AtomicI32::new(0);

/// The signal (SIGTERM, SIGHUP, SIGINT) that stopped the reader, if one did: the
/// process then exits with 128 + its number.
pub fn signalled() -> Option<i32> {
    match SIGNAL.load(Ordering::Relaxed) {
        0 => None,
        sig => Some(sig),
    }
}

/// How long the event loop gets to end on its own after a signal.
const SIGNAL_GRACE: Duration = Duration::from_secs(1);

/// On SIGTERM, SIGHUP or SIGINT, asks the event loop to stop (it then saves the position
/// and restores the terminal). If the terminal has been closed, crossterm's reader spins on
/// end-of-file and never hands control back, so after a grace period this thread restores
/// what it can and exits by itself. The position is at most one scroll behind: it is saved
/// whenever scrolling pauses.
fn watch_signals(stop: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if let Some(sig) = signals.forever().next() {
                SIGNAL.store(sig, Ordering::Relaxed);
                stop.store(true, Ordering::Relaxed);
                std::thread::sleep(SIGNAL_GRACE);
                leave();
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}

fn event_loop(app: &mut App, stop: &AtomicBool, depth: Depth) -> anyhow::Result<()> {
    let out = BufWriter::with_capacity(FRAME_BUFFER, io::stdout());
    let mut term: Term = Terminal::new(CrosstermBackend::new(out))?;
    let size = term.size()?;
    app.resize(size.width, size.height);
    let mut dirty = true;
    let mut message_shown = false;
    while !app.quit && !stop.load(Ordering::Relaxed) {
        if dirty {
            term.draw(|f| paint(app, f, depth))?;
            message_shown = app.current_message().is_some();
            dirty = false;
        }
        app.tick(std::time::Instant::now());
        let (arrived, held_effect) = crate::tui::waiting::poll(app);
        if arrived {
            carry_out(&mut term, app, held_effect)?;
            dirty = true;
            continue;
        }
        // Wake up now and then to notice signals, a finished background parse or scan
        // progress, and to let a message fade.
        let tick = if app.awaiting_list() {
            2
        } else if app.pending.is_some() || app.deferred.is_some() || app.busy() {
            15
        } else {
            250
        };
        if !event::poll(Duration::from_millis(tick))? {
            // Read the rest of a long article, or of a library's list, once the terminal
            // has had a quiet moment to show the first frame, not in competition with it.
            app.start_background_work();
            if message_shown && app.current_message().is_none() {
                dirty = true;
            }
            continue;
        }
        let mut resize = None;
        let mut effect = None;
        // Drain whatever is queued: resize events come in floods, only the last counts.
        loop {
            match event::read()? {
                Event::Key(k) if k.kind == KeyEventKind::Press => {
                    effect = effect.or_else(|| crate::tui::waiting::key(app, k));
                }
                Event::Mouse(m) => app.mouse(m),
                Event::Resize(w, h) => resize = Some((w, h)),
                _ => {}
            }
            if effect.is_some() || app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        if let Some((w, h)) = resize {
            app.resize(w, h);
            term.autoresize()?;
        }
        carry_out(&mut term, app, effect)?;
        dirty = true;
    }
    Ok(())
}

/// Does what only the terminal loop can do for a key.
fn carry_out(term: &mut Term, app: &mut App, effect: Option<Effect>) -> anyhow::Result<()> {
    match effect {
        Some(Effect::Suspend) => suspend(term)?,
        Some(Effect::Copy(text)) => {
            let mut out = io::stdout();
            write!(out, "{}", crate::tui::popups::link::osc52(&text))?;
            out.flush()?;
        }
        Some(Effect::Open(url)) => {
            if let Err(e) = crate::tui::popups::link::open(&url) {
                app.say(format!(
                    "could not open the link: {}",
                    crate::errors::words(&e)
                ));
            }
        }
        None => {}
    }
    Ok(())
}

/// Draws a frame with its colours brought down to what the terminal can show.
pub fn paint(app: &App, f: &mut ratatui::Frame, depth: Depth) {
    draw(app, f);
    crate::tui::palette::reduce(f.buffer_mut(), depth);
}

/// Ctrl-Z: give the terminal back, stop like any job, and take it again on `fg`.
fn suspend(term: &mut Term) -> anyhow::Result<()> {
    leave();
    // SIGSTOP, not SIGTSTP: the kernel discards SIGTSTP in an orphaned process group
    // (a program started without a job-control shell), and it would not stop at all.
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    enter()?;
    term.clear()?;
    Ok(())
}
