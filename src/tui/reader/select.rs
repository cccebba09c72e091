//! The reader while text is selected: the keys move the selection's end, and keep it as
//! a highlight (with a note, if asked), copy it, or cancel it.

use crate::reading::Reader;
use crate::reading::selection::Motion;
use crate::tui::app::Effect;
use crate::tui::keys::Action;
use crate::tui::layer::{Edit, Next};

/// Performs an action on the selection, `n` times for the moves.
pub fn act(r: &mut Reader, action: Action, n: usize) -> Next {
    let Some(mut sel) = r.selection else {
        return Next::Stay;
    };
    let motion = match action {
        Action::WordNext => Motion::WordNext,
        Action::WordPrev => Motion::WordPrev,
        Action::SentenceNext => Motion::SentenceNext,
        Action::SentencePrev => Motion::SentencePrev,
        Action::ParagraphEnd => Motion::ParagraphNext,
        Action::ParagraphStart => Motion::ParagraphPrev,
        Action::SelectDown => Motion::LineDown,
        Action::SelectUp => Motion::LineUp,
        Action::BlockEnd => Motion::BlockEnd,
        Action::BlockStart => Motion::BlockStart,
        Action::Unselect => {
            r.selection = None;
            return Next::Say("selection cancelled".into());
        }
        Action::Keep | Action::KeepNoted => {
            r.selection = None;
            let (a, b) = sel.anchors(&r.doc);
            if a == b {
                return Next::Say("nothing selected".into());
            }
            let noted = action == Action::KeepNoted;
            return Next::Store(Edit::AddHighlight(a, b, noted), "highlight saved".into());
        }
        Action::CopyText => {
            r.selection = None;
            let text = sel.text(&r.doc);
            let (words, _) = sel.length(&r.doc);
            let s = if words == 1 { "" } else { "s" };
            return Next::Effect(
                Effect::Copy(text),
                format!("{words} word{s} copied to the clipboard"),
            );
        }
        Action::Quit => return Next::Quit,
        Action::Suspend => return Next::Suspend,
        _ => return Next::Stay,
    };
    let mut moved = false;
    for _ in 0..n.max(1) {
        moved |= sel.extend(&r.layout, motion);
    }
    r.selection = Some(sel);
    let end = sel.cursor;
    let pos = r.layout.locate(crate::layout::Anchor {
        part: r.doc.parts[end.part],
        offset: end.offset,
    });
    r.reveal(pos);
    if moved {
        Next::Stay
    } else {
        Next::Say("the selection can go no further that way".into())
    }
}
