//! Layout tests: widths, anchors, emoji, justification.

use super::*;
use crate::article::Format;
use crate::parse::parse_str;
use std::sync::Arc;

fn layout(text: &str, width: u16) -> Layout {
    let doc = Arc::new(Doc::new(Arc::new(parse_str(text, Format::Text))));
    Layout::new(
        doc,
        Style {
            width,
            ..Style::default()
        },
    )
}

fn all_lines(l: &Layout) -> Vec<String> {
    (0..l.parts())
        .flat_map(|i| l.lines(i).iter().map(Line::text).collect::<Vec<_>>())
        .collect()
}

const SAMPLE: &str = "A headline here\n\nby Ann Lee\n\nThe standfirst is short and sits between byline and body.\n\nLISBON — The first paragraph has a citation (Harbour Daily, May 4) and a note.[1] It goes on for a while so that it wraps over several lines at any narrow width.\n\nSecond paragraph: 書法 and 書道 are written with a brush, 床前明月光，疑是地上霜。 Then more words.\n\n[1] The note text.\n";

#[test]
fn no_line_is_wider_than_the_width() {
    for w in [1u16, 5, 12, 20, 33, 60, 72, 120] {
        let l = layout(SAMPLE, w);
        for line in all_lines(&l) {
            assert!(width::of(&line) <= (w as usize).max(2), "{w}: {line:?}");
        }
    }
}

#[test]
fn note_refs_become_superscripts_and_citations_carry_targets() {
    let l = layout(SAMPLE, 200);
    let body = l.doc.index_of(Part::Body { i: 0 }).unwrap();
    let line = &l.lines(body)[0];
    assert!(line.text().contains("a note.¹ It"), "{}", line.text());
    let cit = line
        .spans
        .iter()
        .find(|s| s.look.flags & flags::CITATION != 0)
        .unwrap();
    assert_eq!(cit.text, "(Harbour Daily, May 4)");
    assert_eq!(cit.look.target, Some(Target::Citation(0)));
    let note = line
        .spans
        .iter()
        .find(|s| s.look.flags & flags::NOTE_REF != 0)
        .unwrap();
    assert_eq!(
        (note.text.as_str(), note.look.target),
        ("¹", Some(Target::Note(0)))
    );
}

#[test]
fn emoji_sequences_are_measured_whole_and_never_split() {
    // ❤️ is two columns though its two chars add up to one; 👨‍👩‍👧 must not be cut at a ZWJ.
    let text = "Title here\n\nby Ann Lee\n\n❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}❤\u{fe0f}❤\u{fe0f} 👨\u{200d}👩\u{200d}👧👨\u{200d}👩\u{200d}👧 e\u{301}e\u{301}e\u{301}e\u{301}e\u{301}\n";
    for w in [1u16, 2, 3, 5, 7, 10] {
        let l = layout(text, w);
        let lines = all_lines(&l);
        for line in &lines {
            assert!(width::of(line) <= (w as usize).max(2), "{w}: {line:?}");
            assert!(
                !line.starts_with(['\u{fe0f}', '\u{200d}', '\u{301}']),
                "{w}: split cluster {line:?}"
            );
        }
        if w >= 2 {
            let joined: String = lines.concat();
            assert_eq!(joined.matches("❤\u{fe0f}").count(), 6, "{w}: {lines:?}");
            assert_eq!(
                joined.matches("👨\u{200d}👩\u{200d}👧").count(),
                2,
                "{w}: {lines:?}"
            );
        }
    }
}

#[test]
fn anchors_survive_reflow() {
    let narrow = layout(SAMPLE, 24);
    let wide = layout(SAMPLE, 90);
    let body = narrow.doc.index_of(Part::Body { i: 0 }).unwrap();
    let pos = LinePos {
        part: body,
        line: 3,
    };
    let anchor = narrow.anchor(pos);
    let there = wide.locate(anchor);
    let line = wide.line(there).unwrap();
    assert!(line.start <= anchor.offset && anchor.offset < line.end.max(line.start + 1));
    assert_eq!(narrow.locate(anchor), pos);
}

#[test]
fn stepping_crosses_parts_and_clamps() {
    let l = layout(SAMPLE, 30);
    let total: usize = (0..l.parts()).map(|i| l.lines(i).len()).sum();
    let end = l.step(LinePos::default(), 10_000);
    assert_eq!(l.step(end, -10_000), LinePos::default());
    assert_eq!(l.window(LinePos::default(), 10_000).len(), total);
    assert_eq!(l.total_lines(), total);
}

#[test]
fn justified_lines_fill_the_width() {
    let doc = Arc::new(Doc::new(Arc::new(parse_str(SAMPLE, Format::Text))));
    let l = Layout::new(
        doc,
        Style {
            width: 30,
            justify: true,
            hyphenate: false,
            ..Style::default()
        },
    );
    let body = l.doc.index_of(Part::Body { i: 0 }).unwrap();
    let lines = l.lines(body);
    assert!(lines.len() > 3);
    assert_eq!(lines[0].width(), 30);
}

fn doc_of(text: &str, format: Format) -> Arc<Doc> {
    Arc::new(Doc::new(Arc::new(parse_str(text, format))))
}

fn body_lines(doc: &Arc<Doc>, width: u16) -> Vec<Line> {
    let l = Layout::new(
        doc.clone(),
        Style {
            width,
            ..Style::default()
        },
    );
    let i = doc.index_of(Part::Body { i: 0 }).unwrap();
    l.lines(i)
        .iter()
        .filter(|l| !l.spans.is_empty())
        .cloned()
        .collect()
}

#[test]
fn a_right_to_left_paragraph_is_shown_in_visual_order() {
    // Hebrew letters stand for the right-to-left words: אב is "ab", גד is "gd".
    let doc = doc_of("<p>אב גד (CPU) הו</p>", Format::Html);
    let lines = body_lines(&doc, 40);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].rtl, "the first strong letter is Hebrew");
    // Read left to right on screen: the last word first, the Latin word as written,
    // the brackets mirrored back to look right, each word's letters reversed.
    assert_eq!(lines[0].text(), "וה (CPU) דג בא");
    assert_eq!((lines[0].start, lines[0].end), (0, "אב גד (CPU) הו".len()));
}

#[test]
fn a_left_to_right_paragraph_keeps_its_order_around_a_hebrew_phrase() {
    let doc = doc_of("<p>The word שלום means peace.</p>", Format::Html);
    let lines = body_lines(&doc, 60);
    assert!(!lines[0].rtl);
    assert_eq!(lines[0].text(), "The word םולש means peace.");
}

#[test]
fn dir_rtl_sets_the_direction_and_marks_stay_after_their_letters() {
    // A Latin first letter, but the element says rtl; a combining mark stays after its base.
    let doc = doc_of("<p dir=\"rtl\">ok בְּ</p>", Format::Html);
    let lines = body_lines(&doc, 30);
    assert!(lines[0].rtl);
    assert_eq!(lines[0].text(), "\u{5d1}\u{5b0}\u{5bc} ok");
}

#[test]
fn rtl_lines_keep_logical_anchors_across_widths() {
    let text: String = std::iter::repeat_n("سلام عليكم", 30)
        .collect::<Vec<_>>()
        .join(" ");
    let doc = doc_of(&format!("<p>{text}</p>"), Format::Html);
    for w in [20u16, 33, 57] {
        let lines = body_lines(&doc, w);
        assert!(lines.iter().all(|l| l.rtl && l.width() <= w as usize));
        // Lines follow each other in the source, whatever order their letters are shown in.
        for pair in lines.windows(2) {
            assert!(pair[0].end <= pair[1].start, "{w}: {pair:?}");
        }
        let words: usize = lines
            .iter()
            .map(|l| l.text().split_whitespace().count())
            .sum();
        assert_eq!(words, 60);
    }
}

#[test]
fn optimal_fit_never_runs_past_the_width() {
    // Left to itself, textwrap's optimal fit sets "x" and the long word on one line, one
    // column too wide, rather than leave "x" alone on a line: the screen cut the end off.
    let text = format!("Title\n\nx {}\n", "y".repeat(71));
    let l = layout(&text, 72);
    let lines = all_lines(&l);
    assert!(lines.iter().all(|t| width::of(t) <= 72), "{lines:?}");
    assert!(lines.iter().any(|t| t == &"y".repeat(71)), "{lines:?}");
}

fn hyphenated(text: &str, width: u16) -> Vec<String> {
    let doc = doc_of(text, Format::Markdown);
    let l = Layout::new(
        doc,
        Style {
            width,
            hyphenate: true,
            ..Style::default()
        },
    );
    (0..l.parts())
        .flat_map(|i| l.lines(i))
        .map(|line| line.text())
        .collect()
}

#[test]
fn words_break_at_the_dictionarys_points_in_the_articles_language() {
    let text = "---\nlang: en\n---\n\nThe harbour authority's extraordinary administrative \
                arrangements notwithstanding, the ferries ran.\n";
    let lines = hyphenated(text, 24);
    let broken: Vec<&String> = lines.iter().filter(|l| l.ends_with('-')).collect();
    assert!(!broken.is_empty(), "{lines:?}");
    for l in broken {
        let piece = l.trim_end_matches('-').rsplit(' ').next().unwrap();
        assert!(
            [
                "extra",
                "extraor",
                "extraordi",
                "admin",
                "adminis",
                "administra",
                "adminis-",
                "notwith"
            ]
            .iter()
            .any(|p| piece.ends_with(p)),
            "not a dictionary point: {l:?} in {lines:?}"
        );
    }
}

#[test]
fn no_hyphen_inside_an_address_a_number_capitals_or_code() {
    let text = "---\nlang: en\n---\n\nSee https://harbour.example.org/timetables/winter \
                or call 01234567890 about UNSEAWORTHINESS in `configuration_directory` today.\n";
    for width in 12..40 {
        for l in hyphenated(text, width) {
            if l.ends_with('-') {
                let piece = l.trim_end_matches('-').rsplit(' ').next().unwrap();
                assert!(
                    !piece.contains("://")
                        && !piece.contains("harbour.")
                        && !piece.chars().any(|c| c.is_ascii_digit())
                        && !piece.starts_with("UNSEA")
                        && !piece.starts_with("config"),
                    "broke {piece:?} at width {width}"
                );
            }
        }
    }
}

#[test]
fn justified_spaces_are_at_most_twice_their_width() {
    let doc = doc_of(SAMPLE, Format::Text);
    for width in 20..60 {
        let l = Layout::new(
            doc.clone(),
            Style {
                width,
                justify: true,
                ..Style::default()
            },
        );
        for i in 0..l.parts() {
            for line in l.lines(i) {
                let text = line.text();
                let words = text.trim_start();
                assert!(!words.contains("   "), "{text:?} at {width}");
            }
        }
    }
}

#[test]
fn headings_are_neither_justified_nor_hyphenated() {
    let text = "---\nlang: en\n---\n\n# Extraordinary administrative arrangements for the \
                northern ferries\n\n## Unprecedented intergovernmental negotiations\n\nThe \
                body text follows the headings and runs on long enough to be justified \
                across several lines of the column.\n";
    let doc = doc_of(text, Format::Markdown);
    let l = Layout::new(
        doc.clone(),
        Style {
            width: 24,
            justify: true,
            hyphenate: true,
            ..Style::default()
        },
    );
    for (i, part) in doc.parts.iter().enumerate() {
        let heading = match part {
            Part::Title => true,
            Part::Body { i } => matches!(
                doc.article.blocks[*i].kind,
                crate::article::BlockKind::Heading { .. }
            ),
            _ => false,
        };
        if heading {
            for line in l.lines(i) {
                let t = line.text();
                assert!(!t.contains("  ") && !t.ends_with('-'), "{t:?}");
            }
        }
    }
}

#[test]
fn a_captions_mark_stays_its_own_span_so_a_match_in_it_is_painted_alone() {
    let html = "<html><body><article><p>The ferry ran late.</p><figure><img src=x.jpg>\
                <figcaption>The pier at dusk, seen from the marram dunes.</figcaption>\
                </figure></article></body></html>";
    let doc = doc_of(html, Format::Html);
    let i = (0..doc.parts.len())
        .find(|&i| doc.text(doc.parts[i]).starts_with("The pier"))
        .unwrap();
    let l = Layout::new(doc.clone(), Style::default());
    let first = &l.lines(i)[0];
    assert_eq!(first.spans[0].text, "▣ ");
    assert!(first.spans[0].src.is_empty());
    for s in &first.spans[1..] {
        assert_eq!(s.src.len(), s.text.len(), "{s:?}");
    }
}

#[test]
fn a_prefix_with_no_room_beside_it_gives_way_and_no_letter_is_lost() {
    let text = "> Quoted words here.\n\n10. Tenth item\n\n- outer\n    - inner words\n";
    let doc = doc_of(text, Format::Markdown);
    for width in 1..=6u16 {
        let l = Layout::new(
            doc.clone(),
            Style {
                width,
                ..Style::default()
            },
        );
        let mut shown = String::new();
        for i in 0..l.parts() {
            for line in l.lines(i) {
                assert!(
                    line.width() <= usize::from(width),
                    "width {width}: {:?}",
                    line.text()
                );
                shown.extend(
                    line.text()
                        .chars()
                        .filter(|c| !c.is_whitespace() && *c != '│'),
                );
            }
        }
        for want in ["Quotedwordshere.", "10.Tenthitem", "•outer", "◦innerwords"] {
            assert!(shown.contains(want), "width {width}: {want} not in {shown}");
        }
    }
}

#[test]
fn a_cluster_across_two_looks_is_measured_as_it_is_drawn() {
    // The ZWJ sequence "👩‍🍳" with its second emoji in code: each look is drawn as a span
    // of its own, so the pieces take two columns each, and at width 2 the whole sequence
    // was one 4-column line whose second emoji the screen cut off.
    let doc = doc_of(
        "Cook \u{1f469}\u{200d}`\u{1f373}` today.\n",
        Format::Markdown,
    );
    for w in [2u16, 3, 5, 8] {
        let lines = body_lines(&doc, w);
        for line in &lines {
            assert!(line.width() <= usize::from(w), "{w}: {:?}", line.text());
        }
        let shown: String = lines.iter().map(Line::text).collect();
        assert!(shown.contains('\u{1f373}'), "{w}: {shown:?}");
    }
}

#[test]
fn a_cluster_wider_than_the_line_is_cut_between_its_characters() {
    // Spacing marks extend a cluster without end (a Thai vowel sign typed 60 times after
    // one letter); a terminal gives each its own column. As one cluster it overflowed the
    // line, and the screen, which draws whole clusters, showed none of it.
    let text = format!("- f{}\n", "\u{e33}".repeat(60));
    let doc = doc_of(&text, Format::Markdown);
    for w in [3u16, 10, 30, 46] {
        let lines = body_lines(&doc, w);
        for line in &lines {
            assert!(line.width() <= usize::from(w), "{w}: {:?}", line.text());
        }
        let shown: String = lines.iter().map(Line::text).collect();
        assert_eq!(shown.matches('\u{e33}').count(), 60, "{w}: {shown:?}");
    }
}
