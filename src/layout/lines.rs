//! A document typeset at one width, wrapped lazily part by part, and the map between
//! anchors, screen lines and fractions of the document.

use super::typeset::typeset;
use super::{Anchor, Doc, Line, Part, Style};
use std::cell::{Cell, OnceCell};
use std::sync::Arc;

/// A screen position: a part (by index) and a line within it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct LinePos {
    /// Index into `Doc::parts`.
    pub part: usize,
    /// Line within that part's lines.
    pub line: usize,
}

/// A document typeset at one style; parts are wrapped on first use.
#[derive(Debug)]
pub struct Layout {
    /// What is being laid out.
    pub doc: Arc<Doc>,
    /// At what width and how.
    pub style: Style,
    cache: Vec<OnceCell<Vec<Line>>>,
    /// Lines counted so far minus their estimates, to keep the total estimate honest.
    correction: Cell<isize>,
}

impl Layout {
    /// A layout of `doc` at `style`; costs O(parts), wraps nothing yet.
    pub fn new(doc: Arc<Doc>, style: Style) -> Self {
        let n = doc.parts.len();
        let lang = if style.hyphenate {
            doc.language()
        } else {
            None
        };
        Layout {
            doc,
            style: Style {
                width: style.width.max(1),
                lang,
                ..style
            },
            cache: (0..n).map(|_| OnceCell::new()).collect(),
            correction: Cell::new(0),
        }
    }

    /// Number of parts.
    pub fn parts(&self) -> usize {
        self.doc.parts.len()
    }

    /// The lines of part `index`, wrapping it if this is the first time.
    pub fn lines(&self, index: usize) -> &[Line] {
        let Some(cell) = self.cache.get(index) else {
            return &[];
        };
        cell.get_or_init(|| {
            let lines = typeset(&self.doc, index, self.style);
            let est = self.estimate(index) as isize;
            self.correction
                .set(self.correction.get() + lines.len() as isize - est);
            lines
        })
    }

    fn estimate(&self, index: usize) -> usize {
        let w = self.style.width.max(1) as usize;
        let cols = self.doc.widths.get(index).copied().unwrap_or(0);
        // Wrapped lines run about 92% full; one more for the space after the block.
        cols.div_ceil((w * 92 / 100).max(1)).max(1) + 1
    }

    /// Estimated number of lines in the whole document (exact once everything is wrapped).
    pub fn total_lines(&self) -> usize {
        let est: usize = (0..self.parts()).map(|i| self.estimate(i)).sum();
        (est as isize + self.correction.get()).max(1) as usize
    }

    /// Lines above `pos`: exact for parts already wrapped, estimated for the rest.
    pub fn lines_before(&self, pos: LinePos) -> usize {
        let above: usize = (0..pos.part.min(self.parts()))
            .map(|i| {
                self.cache[i]
                    .get()
                    .map_or_else(|| self.estimate(i), Vec::len)
            })
            .sum();
        above + pos.line
    }

    /// The line a position names, if it exists.
    pub fn line(&self, pos: LinePos) -> Option<&Line> {
        self.lines(pos.part).get(pos.line)
    }

    /// Moves `pos` by `delta` lines, clamped to the document.
    pub fn step(&self, mut pos: LinePos, mut delta: isize) -> LinePos {
        while delta > 0 {
            let n = self.lines(pos.part).len();
            let room = n.saturating_sub(pos.line + 1) as isize;
            if delta <= room {
                pos.line += delta as usize;
                return pos;
            }
            if pos.part + 1 >= self.parts() {
                pos.line = n.saturating_sub(1);
                return pos;
            }
            delta -= room + 1;
            pos = LinePos {
                part: pos.part + 1,
                line: 0,
            };
        }
        while delta < 0 {
            if (-delta) as usize <= pos.line {
                pos.line -= (-delta) as usize;
                return pos;
            }
            if pos.part == 0 {
                return LinePos::default();
            }
            delta += pos.line as isize + 1;
            let part = pos.part - 1;
            pos = LinePos {
                part,
                line: self.lines(part).len().saturating_sub(1),
            };
        }
        pos
    }

    /// The last position from which `height` lines still fill the screen.
    pub fn last_top(&self, height: usize) -> LinePos {
        let Some(last) = self.parts().checked_sub(1) else {
            return LinePos::default();
        };
        let end = LinePos {
            part: last,
            line: self.lines(last).len().saturating_sub(1),
        };
        self.step(end, -(height.saturating_sub(1) as isize))
    }

    /// The lines from `top` on, at most `height` of them, with their positions.
    pub fn window(&self, top: LinePos, height: usize) -> Vec<(LinePos, &Line)> {
        let mut out = Vec::with_capacity(height);
        let mut pos = top;
        while out.len() < height && pos.part < self.parts() {
            let lines = self.lines(pos.part);
            if let Some(line) = lines.get(pos.line) {
                out.push((pos, line));
                pos.line += 1;
            } else {
                pos = LinePos {
                    part: pos.part + 1,
                    line: 0,
                };
            }
        }
        out
    }

    /// The anchor of the line at `pos`.
    pub fn anchor(&self, pos: LinePos) -> Anchor {
        let part = self.doc.parts.get(pos.part).copied().unwrap_or(Part::Title);
        let offset = self.line(pos).map_or(0, |l| l.start);
        Anchor { part, offset }
    }

    /// The line holding an anchor (the part's first line if the part is gone).
    pub fn locate(&self, anchor: Anchor) -> LinePos {
        let Some(part) = self.doc.index_of(anchor.part) else {
            return LinePos::default();
        };
        let lines = self.lines(part);
        let text = |l: &Line| !l.spans.is_empty();
        let Some(last) = lines
            .iter()
            .rposition(|l| l.start <= anchor.offset && text(l))
        else {
            return LinePos { part, line: 0 };
        };
        // Lines that share a start (a table's, the rule above "Notes") share one anchor:
        // the first of them, or the reader would land below what it was showing.
        let start = lines[last].start;
        let line = lines
            .iter()
            .position(|l| l.start == start && text(l))
            .unwrap_or(last);
        LinePos { part, line }
    }

    /// How far through the document a line is, 0.0 to 1.0.
    pub fn fraction(&self, pos: LinePos) -> f64 {
        let offset = self.line(pos).map_or(0, |l| l.start);
        self.doc.fraction(pos.part, offset)
    }

    /// The line at a fraction of the document.
    pub fn at_fraction(&self, f: f64) -> LinePos {
        let (part, offset) = self.doc.at_fraction(f);
        let lines = self.lines(part);
        let line = lines.iter().rposition(|l| l.start <= offset).unwrap_or(0);
        LinePos { part, line }
    }
}
