//! The per-key frame cost with highlights: War and Peace (3 MB, ../shared/corpus) with
//! 1,000 highlights spread through it, one key press (`j`) and its redraw at 100×30
//! halfway through, against the same article with none, measured in the same run; and
//! placing the 1,000 in the text once, as opening the article does. Target: under 1 ms.
//!
//! Run: `cargo bench --bench highlights` (skips with a note when the corpus is absent).

use lectern::layout::Anchor;
use lectern::parse;
use lectern::store::Highlight;
use lectern::tui::app::App;
use lectern::tui::draw::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

const BOOK: &str = "../shared/corpus/large/gutenberg-2600-war-and-peace.txt";

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

/// One key press and its redraw, halfway through, as the median of many.
fn key_cost(app: &mut App) -> Duration {
    let mut term = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    app.act(lectern::tui::keys::Action::Percent, Some(50));
    term.draw(|f| draw(app, f)).expect("draw");
    median(201, || {
        app.key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        term.draw(|f| draw(app, f)).expect("draw");
    })
}

fn main() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(BOOK);
    let Ok(article) = parse::load(&path) else {
        println!("skipped: {BOOK} is absent");
        return;
    };
    let mut plain = App::with_article(article.clone(), path.clone(), (100, 30));
    let mut marked = App::with_article(article, path, (100, 30));
    let r = marked.reader.as_mut().expect("reader");
    let parts = r.doc.parts.len();
    // Every eighth part of the book's middle (where the screen is) and the rest spread
    // evenly: 1,000 passages, each from a paragraph's start to its middle, some noted.
    let list: Vec<Highlight> = (0..1000)
        .map(|i| {
            let at = if i < 200 {
                parts / 2 - 800 + 8 * i
            } else {
                (i - 200) * parts / 800
            };
            let part = r.doc.parts[at];
            let len = r.doc.text(part).len();
            let mut end = len / 2;
            while !r.doc.text(part).is_char_boundary(end) {
                end -= 1;
            }
            let start = Anchor { part, offset: 0 };
            let mut h = Highlight::new(
                &r.doc,
                start,
                Anchor { part, offset: end },
                i.to_string(),
                1,
            );
            if i % 3 == 0 {
                h.note = format!("note {i}");
            }
            h
        })
        .collect();
    let refs: Vec<&Highlight> = list.iter().collect();
    let place = median(5, || {
        black_box(r.place_highlights(&refs));
    });
    println!(
        "book: {:.2} MB, {parts} parts, {} highlights placed",
        std::fs::metadata(Path::new(env!("CARGO_MANIFEST_DIR")).join(BOOK))
            .map_or(0.0, |m| m.len() as f64 / 1048576.0),
        r.highlights.len()
    );
    let with = key_cost(&mut marked);
    let without = key_cost(&mut plain);
    println!(
        "placing 1,000 highlights (on open) ........... {}",
        ms(place)
    );
    println!(
        "key press (j) and redraw, 1,000 highlights ... {}",
        ms(with)
    );
    println!(
        "peer: the same with no highlights ............ {}",
        ms(without)
    );
    println!(
        "ratio: {:.2}x; target under 1 ms: {}",
        with.as_secs_f64() / without.as_secs_f64(),
        if with < Duration::from_millis(1) {
            "met"
        } else {
            "missed"
        }
    );
}
