//! `lectern render`: the typeset article as plain or ANSI-styled text.

use crate::article::Article;
use crate::decode::is_invisible;
use crate::layout::{Doc, Layout, Look, Role, Span, Style, cut_spans, flags};
use std::sync::Arc;

/// The whole article typeset at `width` columns; with `styled`, SGR codes mark styles.
pub fn render(article: Article, width: u16, styled: bool) -> String {
    render_with(
        article,
        Style {
            width,
            ..Style::default()
        },
        styled,
    )
}

/// The whole article typeset in `style` (its width, justification and hyphenation).
pub fn render_with(article: Article, style: Style, styled: bool) -> String {
    let width = style.width;
    let doc = Arc::new(Doc::dated(Arc::new(article), style.date_format));
    let layout = Layout::new(doc, style);
    let mut out = String::new();
    for i in 0..layout.parts() {
        for line in layout.lines(i) {
            // Code lines are not wrapped: cut them at the width with a marker, as the reader does.
            let (mut spans, cut) = cut_spans(&line.spans, 0, width as usize);
            if cut {
                let (shorter, _) = cut_spans(&spans, 0, (width as usize).saturating_sub(1));
                spans = shorter;
                let look = spans.last().map(|s| s.look).unwrap_or_default();
                spans.push(Span {
                    text: "→".into(),
                    look,
                    src: 0..0,
                });
            }
            // A right-to-left line ends at the right edge, as on screen.
            if line.rtl {
                out.push_str(&" ".repeat((width as usize).saturating_sub(line.width())));
            }
            for span in &spans {
                if styled {
                    out.push_str(&sgr(span.look));
                    out.extend(span.text.chars().filter(|&c| !is_invisible(c)));
                    out.push_str("\x1b[0m");
                } else {
                    out.extend(span.text.chars().filter(|&c| !is_invisible(c)));
                }
            }
            let trimmed = out.trim_end_matches(' ').len();
            out.truncate(trimmed);
            out.push('\n');
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out.trim_end_matches('\n').to_string()
}

/// The SGR sequence for a look (text itself never carries escapes: it is sanitised).
fn sgr(look: Look) -> String {
    let mut codes: Vec<&str> = Vec::new();
    match look.role {
        Role::Title => codes.push("1"),
        Role::Heading(_) | Role::Section => codes.push("1"),
        Role::Summary => codes.push("3"),
        Role::Byline | Role::Meta | Role::Rule | Role::TableBorder | Role::ListMarker => {
            codes.push("2")
        }
        Role::Quote | Role::Note | Role::NoteLabel => codes.push("2"),
        Role::Caption => codes.push("2;3"),
        _ => {}
    }
    let f = look.flags;
    if f & flags::EMPH != 0 {
        codes.push("3");
    }
    if f & flags::STRONG != 0 {
        codes.push("1");
    }
    if f & flags::CITATION != 0 {
        codes.extend(["4", "36"]);
    }
    if f & flags::NOTE_REF != 0 {
        codes.push("33");
    }
    if f & flags::NOTE_MISSING != 0 {
        codes.push("31");
    }
    if f & flags::LINK != 0 {
        codes.extend(["4", "34"]);
    }
    if f & flags::STRIKE != 0 {
        codes.push("9");
    }
    if codes.is_empty() {
        return String::new();
    }
    format!("\x1b[{}m", codes.join(";"))
}
