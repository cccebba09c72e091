//! The reader's actions on the page: moving, searching, focusing notes and citations,
//! and opening what is focused. Each says what should happen next, as a layer does.

use crate::layout::Target;
use crate::reading::goto::Goto;
use crate::reading::targets::Kind;
use crate::reading::{Reader, text_width};
use crate::store::Spot;
use crate::tui::keys::{Action, KeyMap, hints};
use crate::tui::layer::{Next, Popup};
use crate::tui::popups::{
    bookmarks::BookmarksPanel, citation::CitationPopup, highlight::HighlightPopup,
    highlights::HighlightsPanel, link::LinkPopup, note::NotePopup, outline::OutlinePanel,
    prompt::Prompt, prompt::Purpose, sources::SourcesPanel,
};
use ratatui::crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::Rect;

/// Performs a reader action; `count` is the number typed before it, `library` whether
/// there is a library to go back to.
pub fn act(
    r: &mut Reader,
    action: Action,
    count: Option<usize>,
    keys: &KeyMap,
    library: bool,
) -> Next {
    if r.selection.is_some() {
        return super::select::act(r, action, count.unwrap_or(1));
    }
    let page = r.page() as isize;
    let n = count.unwrap_or(1) as isize;
    match action {
        Action::LineDown => r.scroll(n),
        Action::LineUp => r.scroll(-n),
        Action::PageDown => r.scroll(n * page.saturating_sub(1).max(1)),
        Action::PageUp => r.scroll(-n * page.saturating_sub(1).max(1)),
        Action::HalfDown => r.scroll(n * (page / 2).max(1)),
        Action::HalfUp => r.scroll(-n * (page / 2).max(1)),
        Action::Top => {
            r.push_jump();
            r.to_top();
        }
        Action::Bottom => {
            r.push_jump();
            r.to_bottom();
        }
        Action::Percent => match count {
            Some(p) => {
                r.push_jump();
                r.to_percent(p);
            }
            None => return Next::Say("type a number first, e.g. 50%".into()),
        },
        Action::NextParagraph => (0..n).for_each(|_| r.next_paragraph()),
        Action::PrevParagraph => (0..n).for_each(|_| r.prev_paragraph()),
        Action::ScrollLeft => r.hscroll = r.hscroll.saturating_sub(8 * n as usize),
        Action::ScrollRight => r.hscroll = r.hscroll.saturating_add(8 * n as usize).min(10_000),
        Action::Wider | Action::Narrower => {
            // From the width shown, which a narrow screen makes less than the measure.
            let shown = text_width(r.measure, r.screen.0);
            let m = if action == Action::Wider {
                shown.saturating_add(4)
            } else {
                shown.saturating_sub(4)
            };
            r.set_measure(m);
            let now = text_width(r.measure, r.screen.0);
            return Next::Say(match now < r.measure {
                true => format!("text width {now}, the most this screen fits"),
                false => format!("text width {now}"),
            });
        }
        Action::Search => return Next::Ask(Prompt::search()),
        Action::NextMatch | Action::PrevMatch => {
            let forward = action == Action::NextMatch;
            let search = keys.show(&hints::SEARCH);
            if r.search.is_none() {
                return Next::Say(format!("no search yet: press {search} to search"));
            } else if !r.step_match(forward) {
                // Past the last match comes the first again, as in less and vi.
                let n = r.search.as_ref().map_or(0, |s| s.matches.len());
                if n == 0 {
                    return Next::Say("no matches".into());
                }
                r.go_to_match(if forward { 0 } else { n - 1 });
                return Next::Say(
                    if forward {
                        "search wrapped to the top"
                    } else {
                        "search wrapped to the bottom"
                    }
                    .into(),
                );
            }
        }
        Action::JumpBack if !r.jump_back() => {
            return Next::Say("no earlier place to jump back to".into());
        }
        Action::Cancel => {
            if r.source_filter.take().is_some() {
                return Next::Say("citations of every source again".into());
            } else if r.search.take().is_some() {
                return Next::Say("search cleared".into());
            } else if r.focus.is_some() {
                r.focus = None;
            } else if library {
                return Next::Quit;
            }
        }
        Action::NextNote
        | Action::PrevNote
        | Action::NextCitation
        | Action::PrevCitation
        | Action::NextTarget
        | Action::PrevTarget => return focus(r, action, n, keys),
        Action::Open => return open_focus(r),
        Action::Sources => return Next::Push(Popup::Sources(SourcesPanel::default())),
        Action::Quit => return Next::Quit,
        Action::Suspend => return Next::Suspend,
        Action::Bookmark => return Next::Ask(new_bookmark(r)),
        Action::Bookmarks => return Next::Push(Popup::Bookmarks(BookmarksPanel::default())),
        Action::Outline => return Next::Push(Popup::Outline(OutlinePanel::new(r))),
        Action::Select => match r.start_selection() {
            Some(s) => r.selection = Some(s),
            None => return Next::Say("no text on screen to select".into()),
        },
        Action::Highlights => {
            return Next::Push(Popup::Highlights(HighlightsPanel::of_reader(r)));
        }
        _ => {}
    }
    Next::Stay
}

/// `f`, `c`, Tab and their reverses: focus the next note reference or citation.
fn focus(r: &mut Reader, action: Action, n: isize, keys: &KeyMap) -> Next {
    let (kind, forward) = match action {
        Action::NextNote => (Kind::Notes, true),
        Action::PrevNote => (Kind::Notes, false),
        Action::NextCitation => (Kind::Citations, true),
        Action::PrevCitation => (Kind::Citations, false),
        Action::NextTarget => (Kind::Any, true),
        _ => (Kind::Any, false),
    };
    let mut moved = false;
    for _ in 0..n {
        moved |= r.move_focus(kind, forward);
    }
    let filter = r.source_filter.clone();
    if !moved {
        Next::Say(kind.none_left().into())
    } else if let (Some(key), Kind::Citations) = (filter, kind) {
        Next::Say(source_position(r, &key, keys))
    } else {
        Next::Stay
    }
}

/// "Xinhua: 2 of 3 — c/C next/previous, Esc for all sources" for the focused citation
/// while cycling one source.
pub fn source_position(r: &Reader, key: &str, keys: &KeyMap) -> String {
    let (at, of, name) = r.standing(key);
    let Some(k) = at else {
        return format!("{name}: {of} citations");
    };
    let steps = [
        keys.show(&hints::SOURCE_STEPS),
        keys.show(&hints::SOURCE_ALL),
    ];
    let steps: Vec<&String> = steps.iter().filter(|s| !s.is_empty()).collect();
    let tail = match steps.is_empty() {
        true => String::new(),
        false => format!(
            " — {}",
            steps
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        ),
    };
    format!("{name}: {} of {of}{tail}", k + 1)
}

/// Enter on the focused spot: a note or citation pop-up, a link's address, or for a
/// link to another place in the document, a jump there.
pub fn open_focus(r: &Reader) -> Next {
    let Some(spot) = r.focus.and_then(|f| r.spots.get(f)) else {
        return Next::Say(
            "nothing focused: f, c or Tab focuses a note, citation or highlight".into(),
        );
    };
    if let Some(anchor) = spot.url.as_deref().and_then(|u| r.internal_target(u)) {
        return Next::Go(Goto::Link(anchor));
    }
    let origin = Some((spot.part, spot.range.start));
    Next::Push(match spot.target {
        Target::Note(note) => Popup::Note(NotePopup::new(note, origin)),
        Target::Citation(c) => Popup::Citation(CitationPopup {
            citation: c,
            origin,
            selected: 0,
        }),
        Target::Link => Popup::Link(LinkPopup {
            url: spot.url.clone().unwrap_or_default(),
            origin,
        }),
        Target::Highlight(i) => match r.highlights.get(i) {
            Some(m) => Popup::Highlight(HighlightPopup::new(m)),
            None => return Next::Stay,
        },
    })
}

/// `m`: a prompt for the label of a bookmark at the top of the screen, its first words
/// offered.
fn new_bookmark(r: &Reader) -> Prompt {
    let anchor = r.layout.anchor(r.top);
    let spot = Spot::new(&r.doc, anchor);
    let line = r.layout.line(r.top).map(|l| l.text()).unwrap_or_default();
    let words: Vec<&str> = line.split_whitespace().take(6).collect();
    Prompt::offering(Purpose::NewBookmark(spot), &words.join(" "))
}

/// The mouse on the page: the wheel scrolls (when no layer is open); a click on a note
/// or citation focuses and opens it, over whatever was open.
pub fn mouse(r: &mut Reader, ev: MouseEvent, area: Rect, layers_open: bool) -> Option<Next> {
    match ev.kind {
        MouseEventKind::ScrollDown if !layers_open => r.scroll(3),
        MouseEventKind::ScrollUp if !layers_open => r.scroll(-3),
        MouseEventKind::Down(MouseButton::Left) => {
            let i = super::view::spot_at(r, area, ev.column, ev.row)?;
            r.focus = Some(i);
            return Some(open_focus(r));
        }
        _ => {}
    }
    None
}

/// Enter on a search prompt: runs it and goes to the first match from here; what to say
/// about it, if anything.
pub fn search(r: &mut Reader, query: &str) -> Option<String> {
    match r.search(query) {
        Err(e) => Some(e),
        Ok(0) => Some(format!("pattern not found: {query}")),
        Ok(_) => {
            r.push_jump();
            r.first_match()
                .then(|| "search wrapped to the top".to_string())
        }
    }
}
