//! Seeds a reading state with highlights spread through an article, so that
//! `HIGHLIGHTS=N scripts/bench-startup.sh` times the first frame of an article that has
//! them (issue 18: opening with 1,000 highlights stays within 2× of `less`).
//!
//! usage: `cargo run --release --example seed_highlights -- FILE STATE_DIR [N]`

use lectern::layout::{Anchor, Doc};
use lectern::store::{Fingerprint, Store};
use std::sync::Arc;

fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let (Some(file), Some(dir)) = (args.next(), args.next()) else {
        anyhow::bail!("usage: seed_highlights FILE STATE_DIR [N]");
    };
    let n: usize = args.next().map_or(Ok(1000), |s| s.parse())?;
    let path = std::path::Path::new(&file).canonicalize()?;
    let article = lectern::parse::load(&path)?;
    let fp = Fingerprint::of(&article);
    let title = article.meta.title.clone().unwrap_or_default();
    let doc = Doc::new(Arc::new(article));
    let mut store = Store::open(dir)?;
    store.article(&fp, &path, &title);
    let parts = doc.parts.len();
    let mut added = 0;
    // From the start of every (parts / n)th paragraph to its middle, every third noted.
    for i in 0..n.min(parts) {
        let part = doc.parts[i * parts / n.min(parts)];
        let text = doc.text(part);
        let mut end = text.len() / 2;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        if end == 0 {
            continue;
        }
        let note = if i % 3 == 0 { "a note" } else { "" };
        let span = (Anchor { part, offset: 0 }, Anchor { part, offset: end });
        store.add_highlight(&fp, &doc, span, note)?;
        added += 1;
    }
    store.save()?;
    println!("seeded {added} highlights of {}", path.display());
    Ok(())
}
