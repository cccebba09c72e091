//! Layout speed on a 3 MB article: the first screen at width 72, the re-layout after a
//! resize, a jump to the end, and one key press with its redraw — each against a full,
//! eager layout of the same article measured in the same run; then the same with
//! sidenotes placed beside the text on a 160-column screen.
//!
//! Run: `cargo bench --bench layout`. Prints medians of repeated runs.

use lectern::article::Format;
use lectern::layout::{Doc, Layout, LinePos, Style, sidenotes};
use lectern::parse::parse_str;
use lectern::samples::SAMPLES;
use lectern::tui::app::App;
use lectern::tui::draw::draw;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::hint::black_box;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// A 3 MB article built from the sample library's own paragraphs.
fn big_article() -> String {
    let (_, river) = SAMPLES
        .iter()
        .find(|(n, _)| *n == "long-river.txt")
        .expect("sample");
    let paras: Vec<&str> = river
        .split("\n\n")
        .filter(|p| p.len() > 300 && !p.starts_with('['))
        .collect();
    let mut text = String::from(
        "09/10/2017, 11.20\n\nA very long river\n\nby Elena Marchetti\n\nA standfirst for a very long article.\n\n",
    );
    let mut i = 0;
    while text.len() < 3 * 1024 * 1024 {
        text.push_str(paras[i % paras.len()]);
        if i % 40 == 0 {
            text.push_str(&format!(" [{}]", i / 40 + 1));
        }
        text.push_str("\n\n");
        i += 1;
    }
    for n in 0..=i / 40 {
        text.push_str(&format!(
            "[{}] A note for the benchmark (Il Delta, July 20).\n\n",
            n + 1
        ));
    }
    text
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

fn main() {
    let text = big_article();
    let article = Arc::new(parse_str(&text, Format::Text));
    println!(
        "article: {:.2} MB, {} blocks, {} words",
        text.len() as f64 / 1048576.0,
        article.blocks.len(),
        article.words()
    );
    let doc = Arc::new(Doc::new(article.clone()));
    let style = Style {
        width: 72,
        ..Style::default()
    };
    let rows = 29;

    let first = time(21, || {
        let l = Layout::new(doc.clone(), style);
        l.window(LinePos::default(), rows).len()
    });
    let relayout = time(21, || {
        let old = Layout::new(doc.clone(), style);
        let at = old.at_fraction(0.5);
        let anchor = old.anchor(at);
        let new = Layout::new(
            doc.clone(),
            Style {
                width: 100,
                ..style
            },
        );
        let top = new.locate(anchor);
        new.window(top, rows).len()
    });
    let to_end = time(21, || {
        let l = Layout::new(doc.clone(), style);
        l.window(l.last_top(rows), rows).len()
    });
    // A 160-column screen leaves 88 free columns beside the 72: sidenotes 40 wide.
    let notes_w = sidenotes::width(sidenotes::Mode::Auto, 160, 72).expect("room for sidenotes");
    let first_notes = time(21, || {
        let l = Layout::new(doc.clone(), style);
        let top = LinePos::default();
        l.window(top, rows).len() + sidenotes::place(&l, top, rows, notes_w).len()
    });
    let relayout_notes = time(21, || {
        let old = Layout::new(doc.clone(), style);
        let anchor = old.anchor(old.at_fraction(0.5));
        let new = Layout::new(doc.clone(), Style { width: 80, ..style });
        let top = new.locate(anchor);
        let w = sidenotes::width(sidenotes::Mode::Auto, 160, 80).expect("room");
        new.window(top, rows).len() + sidenotes::place(&new, top, rows, w).len()
    });
    let mut wide = App::with_article((*article).clone(), "big.txt".into(), (160, 40));
    let mut wide_term = Terminal::new(TestBackend::new(160, 40)).expect("test backend");
    wide_term.draw(|f| draw(&wide, f)).expect("draw");
    let key_notes = time(101, || {
        wide.key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        wide_term.draw(|f| draw(&wide, f)).expect("draw");
    });
    let doc_new = time(11, || Doc::new(article.clone()).parts.len());
    let eager = time(5, || {
        let l = Layout::new(doc.clone(), style);
        (0..l.parts()).map(|i| l.lines(i).len()).sum::<usize>()
    });
    let parse = time(5, || parse_str(&text, Format::Text).blocks.len());

    let mut app = App::with_article((*article).clone(), "big.txt".into(), (100, 30));
    let mut term = Terminal::new(TestBackend::new(100, 30)).expect("test backend");
    app.act(lectern::tui::keys::Action::Percent, Some(50));
    term.draw(|f| draw(&app, f)).expect("draw");
    let key = time(101, || {
        app.key(KeyEvent::new(KeyCode::Char('j'), KeyModifiers::NONE));
        term.draw(|f| draw(&app, f)).expect("draw");
    });

    println!(
        "first screen at width 72 (lazy layout) ....... {}",
        ms(first)
    );
    println!(
        "re-layout after resize 72 -> 100 at 50% ...... {}",
        ms(relayout)
    );
    println!(
        "jump to the end (G) .......................... {}",
        ms(to_end)
    );
    println!("one key press (j) and redraw, 100x30 ......... {}", ms(key));
    println!(
        "with sidenotes, 160 columns: first screen .... {}",
        ms(first_notes)
    );
    println!(
        "with sidenotes: re-layout 72 -> 80 at 50% .... {}",
        ms(relayout_notes)
    );
    println!(
        "with sidenotes: key press and redraw, 160x40 . {}",
        ms(key_notes)
    );
    println!(
        "document index (Doc::new, once per article) .. {}",
        ms(doc_new)
    );
    println!(
        "peer: eager layout of every line ............. {}",
        ms(eager)
    );
    println!(
        "peer: parsing the article .................... {}",
        ms(parse)
    );
    println!(
        "ratio eager / lazy first screen: {:.0}x; re-layout is {:.1}% of a frame (16 ms)",
        eager.as_secs_f64() / first.as_secs_f64(),
        relayout.as_secs_f64() / 0.016 * 100.0
    );
}
