//! What every pop-up shares: where it goes on screen and its frame.

use crate::tui::keys::Action;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Padding};

/// Places a box of `width` × `height` next to screen row `row` of `area`: below it when
/// there is room, above otherwise, else on whichever side has more room (shortened).
pub fn place_near(area: Rect, x: u16, width: u16, height: u16, row: Option<u16>) -> Rect {
    let width = width.min(area.width);
    let x = x.clamp(area.x, area.x + area.width - width);
    let Some(row) = row else {
        let h = height.min(area.height);
        return Rect {
            x,
            y: area.y + (area.height - h) / 2,
            width,
            height: h,
        };
    };
    let below = (area.y + area.height).saturating_sub(row + 1);
    let above = row.saturating_sub(area.y);
    if height <= below {
        Rect {
            x,
            y: row + 1,
            width,
            height,
        }
    } else if height <= above {
        Rect {
            x,
            y: row - height,
            width,
            height,
        }
    } else if below >= above {
        Rect {
            x,
            y: row + 1,
            width,
            height: below,
        }
    } else {
        Rect {
            x,
            y: area.y,
            width,
            height: above,
        }
    }
}

/// Draws a bordered pop-up with `title`, showing `lines` from `scroll` on, and a scroll
/// indicator in the bottom border when the text does not fit.
pub fn frame(
    f: &mut Frame,
    rect: Rect,
    theme: &Theme,
    title: &str,
    lines: Vec<Line<'static>>,
    scroll: usize,
    hint: &str,
) {
    let inner_h = rect.height.saturating_sub(2) as usize;
    let total = lines.len();
    let mut block = Block::default()
        .borders(Borders::ALL)
        .padding(Padding::horizontal(1))
        .border_style(theme.border())
        .title(Span::styled(
            format!(" {} ", crate::tui::reader::view::safe(title)),
            theme.border(),
        ));
    let mut bottom = String::new();
    if total > inner_h {
        let last = (scroll + inner_h).min(total);
        let arrows = match (scroll > 0, last < total) {
            (true, true) => "↑↓",
            (true, false) => "↑",
            (false, true) => "↓",
            (false, false) => "",
        };
        bottom = format!(" {arrows} {}–{} of {} ", scroll + 1, last, total);
    }
    if !hint.is_empty() {
        bottom.push_str(&format!(" {hint} "));
    }
    if !bottom.is_empty() {
        block = block.title_bottom(Line::from(Span::styled(bottom, theme.dim())).right_aligned());
    }
    let inner = block.inner(rect);
    f.render_widget(Clear, rect);
    f.render_widget(block, rect);
    crate::tui::cells::put_lines(f.buffer_mut(), inner, lines.iter().skip(scroll));
}

/// One line of plain text, made safe for the terminal.
pub fn text_line(text: &str, style: ratatui::style::Style) -> Line<'static> {
    Line::from(Span::styled(crate::tui::reader::view::safe(text), style))
}

/// A short snippet of `text` around byte `at`, on one line.
pub fn snippet(text: &str, at: usize, width: usize) -> String {
    let at = at.min(text.len());
    let mut start = at.saturating_sub(width / 2);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut out: String = text[start..].chars().take(width).collect();
    out = out.split_whitespace().collect::<Vec<_>>().join(" ");
    if start > 0 {
        out.insert(0, '…');
    }
    out
}

/// Text cut to `width` columns.
pub fn fit_to(text: &str, width: usize) -> String {
    crate::tui::reader::status::fit(text, width)
}

/// A pop-up's content and where it belongs, for `place`.
pub struct Boxed {
    /// The title in the top border.
    pub title: String,
    /// Its rows.
    pub lines: Vec<Line<'static>>,
    /// The first row shown.
    pub scroll: usize,
    /// The keys it answers, in the bottom border.
    pub hint: String,
    /// The place in the text it is about: (part index, byte offset); it goes next to it.
    pub origin: Option<(usize, usize)>,
    /// A list that may take the whole height, rather than two thirds.
    pub wide: bool,
}

/// Draws a pop-up over the page: next to its origin, or a little below and right of the
/// pop-up under it, or centred. Returns where it went.
pub fn place(
    f: &mut Frame,
    area: Rect,
    cx: &crate::tui::layer::Cx,
    parent: Option<Rect>,
    b: Boxed,
) -> Rect {
    use crate::tui::reader::{sidenotes::columns, view::row_of};
    let col = cx.reader.map_or(area, |r| columns(area, r).0);
    let max_h = if b.wide {
        area.height
    } else {
        (cx.rows + 2) as u16
    };
    let wanted = if cx.covered {
        max_h
    } else {
        (b.lines.len() + 2) as u16
    };
    let height = wanted.min(max_h).max(3);
    let width = cx.width + 4;
    let rect = match (parent, b.origin, cx.reader) {
        (Some(parent), _, _) => nest(parent, width, height),
        (None, Some(at), Some(r)) => place_near(area, col.x, width, height, row_of(r, area, at)),
        _ => place_near(area, col.x, width, height, None),
    };
    let inner = rect.height.saturating_sub(2) as usize;
    let scroll = b.scroll.min(b.lines.len().saturating_sub(inner));
    frame(f, rect, cx.theme, &b.title, b.lines, scroll, &b.hint);
    rect
}

/// A box of `width` × `height` inside `parent`, two columns in from its sides and a row
/// below its top (all of `parent` when that leaves too little), never past it.
fn nest(parent: Rect, width: u16, height: u16) -> Rect {
    let inset = Rect {
        x: parent.x + 2,
        y: parent.y + 1,
        width: parent.width.saturating_sub(4),
        height: parent.height.saturating_sub(2),
    };
    let room = if inset.width >= 8 && inset.height >= 3 {
        inset
    } else {
        parent
    };
    Rect {
        width: width.min(room.width),
        height: height.min(room.height),
        ..room
    }
}

/// Moves a selection in a list of `len` rows.
pub fn step(selected: usize, delta: isize, len: usize) -> usize {
    let last = len.saturating_sub(1) as isize;
    (selected as isize + delta).clamp(0, last.max(0)) as usize
}

/// A box of `width` × `height` in the middle of `area`.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let (width, height) = (width.min(area.width), height.min(area.height));
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}

/// A bordered box with `title` in the top border and `lines` inside, over a cleared area.
pub fn titled(f: &mut Frame, rect: Rect, theme: &Theme, title: String, lines: Vec<Line>) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(title);
    f.render_widget(Clear, rect);
    f.render_widget(ratatui::widgets::Paragraph::new(lines).block(block), rect);
}

/// Moves a scrolled view of `max + 1` positions for a scrolling action, a page being
/// `page` rows; false when the action does not scroll.
pub fn scroll(at: &mut usize, action: Action, page: usize, max: usize) -> bool {
    *at = match action {
        Action::LineDown => (*at + 1).min(max),
        Action::LineUp => at.saturating_sub(1),
        Action::PageDown => (*at + page).min(max),
        Action::PageUp => at.saturating_sub(page),
        Action::First => 0,
        Action::Last => max,
        _ => return false,
    };
    true
}
