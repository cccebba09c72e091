#![no_main]

//! Parses the input as plain text and lays it out at a width taken from the first byte
//! (1..=200): every line must fit, and anchors must map back to their lines.

use std::sync::Arc;

use lectern::article::Format;
use lectern::layout::{Doc, Layout, LinePos, Style};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let width = u16::from(first) % 200 + 1;
    let Ok(article) = lectern::parse::parse_bytes(rest, Format::Text) else {
        return;
    };
    let doc = Arc::new(Doc::new(Arc::new(article)));
    let layout = Layout::new(
        doc,
        Style {
            width,
            ..Default::default()
        },
    );
    for i in 0..layout.parts() {
        for line in layout.lines(i) {
            assert!(
                line.width() <= width as usize,
                "width {width}: {} columns: {:?}",
                line.width(),
                line.text()
            );
        }
    }
    // Anchors of text lines map back to the same line (blank lines have no anchor of
    // their own: they map to the text line above, as in the crate's own tests).
    let window = layout.window(LinePos::default(), 50);
    for (pos, line) in window.iter().step_by(7) {
        if line.spans.is_empty() {
            continue;
        }
        let anchor = layout.anchor(*pos);
        assert_eq!(layout.locate(anchor), *pos, "width {width}: {anchor:?}");
    }
});
