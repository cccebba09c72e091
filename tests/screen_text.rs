//! Every character on screen. Each article of the shared corpus (read where it lies, and
//! skipped with a note when it is absent), the bundled samples and the test fixtures is
//! laid out and drawn at every width from 20 to 200 columns on a ratatui `TestBackend`,
//! and the text on screen, read row by row, must be the article's text in order. White
//! space, rules and borders are aside; a line reordered for right-to-left display is
//! checked to hold exactly the characters it should, and a table's rows together to hold
//! its cells' characters.
//!
//! Each article is laid out once per width and its screen compared with a text made from
//! the article model, not from the layout, as one stream.

use lectern::article::{Article, Block, BlockKind, Format, MarkKind};
use lectern::layout::{Doc, Layout, Line, LinePos, Part, Style, note_marker, width};
use lectern::tui::reader_view::draw_lines;
use lectern::tui::theme::Theme;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Rows drawn per frame.
const PAGE: u16 = 120;

/// Files a reader opens as articles, by name.
fn is_article(path: &Path) -> bool {
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let name = name.strip_suffix(".gz").unwrap_or(name);
    let ext = name.rsplit_once('.').map_or("", |(_, e)| e);
    let ext = ext.to_ascii_lowercase();
    let known = [
        "txt", "text", "md", "markdown", "html", "htm", "html5", "xhtml", "rst",
    ];
    known.contains(&ext.as_str())
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else if is_article(&p) {
            out.push(p);
        }
    }
}

/// An article from a file; gzip-compressed pages are opened as the HTML they hold.
fn open(path: &Path) -> Option<Article> {
    let name = path.to_string_lossy();
    let Some(inner) = name.strip_suffix(".gz") else {
        return lectern::parse::load(path).ok();
    };
    let bytes = std::fs::read(path).ok()?;
    let mut raw = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(&bytes[..]), &mut raw).ok()?;
    let text = lectern::decode::decode(&raw).ok()?.text;
    let format = lectern::parse::format_for(Path::new(inner));
    Some(lectern::parse::parse_str(&text, format))
}

fn articles() -> Vec<(String, Article)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    files_under(&root.join("assets"), &mut files);
    files_under(&root.join("tests/fixtures"), &mut files);
    let corpus = root.join("../shared/corpus");
    if corpus.is_dir() {
        files_under(&corpus, &mut files);
    } else {
        eprintln!(
            "note: {} is missing; only the samples and fixtures are checked",
            corpus.display()
        );
    }
    files.sort();
    // `SCREEN_TEXT_ONLY=part-of-a-path` checks only the files whose path holds it.
    if let Some(only) = std::env::var_os("SCREEN_TEXT_ONLY") {
        let only = only.to_string_lossy().into_owned();
        files.retain(|f| f.to_string_lossy().contains(&only));
    }
    files
        .iter()
        .filter_map(|p| Some((p.display().to_string(), open(p)?)))
        .collect()
}

/// What the screen may show of a character stream: no white space, no box drawing, none
/// of the characters that are drawn as nothing (word joiners).
fn visible(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|&c| {
        !c.is_whitespace()
            && !('\u{2500}'..='\u{257f}').contains(&c)
            && !lectern::decode::is_invisible(c)
    })
}

/// A block's text as the reader shows it: note references as their markers.
fn shown(block: &Block, article: &Article) -> String {
    let mut out = String::new();
    let mut at = 0;
    for m in &block.marks {
        if let MarkKind::FootnoteRef { note } = m.kind
            && m.range.start >= at
        {
            out.push_str(&block.text[at..m.range.start]);
            out.push_str(&note_marker(&article.footnotes[note].label));
            at = m.range.end;
        }
    }
    out.push_str(&block.text[at..]);
    out
}

fn block_text(block: &Block, article: &Article) -> String {
    match &block.kind {
        BlockKind::Rule => String::new(),
        BlockKind::Table { rows, .. } => rows.iter().flatten().cloned().collect(),
        BlockKind::ListItem { marker, .. } => format!("{marker}{}", shown(block, article)),
        // A caption is set after the figure mark.
        BlockKind::Caption => format!("▣{}", shown(block, article)),
        _ => shown(block, article),
    }
}

/// The text of one part of the document, made from the article model.
fn expected(doc: &Doc, part: Part) -> String {
    let a = &doc.article;
    match part {
        Part::Body { i } => block_text(&a.blocks[i], a),
        Part::Note { note, block } => {
            let f = &a.footnotes[note];
            let label = if block == 0 {
                format!("{}.", f.label)
            } else {
                String::new()
            };
            label + &block_text(&f.blocks[block], a)
        }
        Part::Related { .. } => format!("•{}", doc.text(part)),
        _ => doc.text(part).into_owned(),
    }
}

fn is_table(doc: &Doc, part: Part) -> bool {
    let block = match part {
        Part::Body { i } => doc.article.blocks.get(i),
        Part::Note { note, block } => doc.article.footnotes[note].blocks.get(block),
        _ => None,
    };
    block.is_some_and(|b| matches!(b.kind, BlockKind::Table { .. }))
}

/// Whether the bidi algorithm may reorder the lines of a paragraph: it has right-to-left
/// text somewhere (a number after an Arabic word moves even on a line of its own).
fn has_rtl(text: &[char]) -> bool {
    text.iter().any(|&c| {
        use unicode_bidi::BidiClass::*;
        !c.is_ascii() && matches!(unicode_bidi::bidi_class(c), R | AL | AN)
    })
}

/// Brackets a right-to-left run shows mirrored count as one character.
fn unmirrored(c: char) -> char {
    match c {
        ')' => '(',
        ']' => '[',
        '}' => '{',
        '>' => '<',
        '»' => '«',
        '›' => '‹',
        c => c,
    }
}

/// Draws lines on a test terminal and reads back what each row shows.
struct Screen {
    term: Terminal<TestBackend>,
    /// One row, for a wide line scrolled sideways a step at a time.
    row: Terminal<TestBackend>,
    theme: Theme,
    width: u16,
}

impl Screen {
    fn new(width: u16) -> Self {
        Screen {
            term: Terminal::new(TestBackend::new(width, PAGE)).expect("test terminal"),
            row: Terminal::new(TestBackend::new(width, 1)).expect("test terminal"),
            theme: Theme {
                mono: false,
                light: false,
            },
            width,
        }
    }

    /// The rows drawn for `lines`, scrolled sideways by `hscroll`.
    fn rows(&mut self, lines: &[(LinePos, &Line)], hscroll: usize) -> Vec<String> {
        let height = if lines.len() == 1 { 1 } else { PAGE };
        let col = Rect::new(0, 0, self.width, height);
        let theme = self.theme;
        let term = if height == 1 {
            &mut self.row
        } else {
            &mut self.term
        };
        let frame = term
            .draw(|f| draw_lines(f.buffer_mut(), col, lines, hscroll, &theme, &[]))
            .expect("draw");
        let buf = frame.buffer;
        (0..lines.len() as u16)
            .map(|y| (0..self.width).map(|x| buf[(x, y)].symbol()).collect())
            .collect()
    }

    /// Everything a wide line shows, scrolled to the right until its end is on screen.
    fn scrolled(&mut self, pos: LinePos, line: &Line) -> String {
        let (mut out, mut at) = (String::new(), 0);
        let full = line.width();
        loop {
            let row = self.rows(&[(pos, line)], at).remove(0);
            let room = self.width as usize - usize::from(at > 0);
            let more = full.saturating_sub(at) > room;
            let mut text = row.as_str();
            if at > 0 {
                text = text
                    .strip_prefix('←')
                    .expect("a scrolled line starts with ←");
            }
            if !more {
                out.push_str(text);
                return out;
            }
            let text = text
                .trim_end_matches(' ')
                .strip_suffix('→')
                .expect("a cut line ends with →");
            let step = width::of(text);
            assert!(step > 0, "a wide line does not move on when scrolled");
            out.push_str(text);
            at += step;
        }
    }
}

/// What one part must show: its visible characters, and whether it is a table.
struct Want {
    part: Part,
    chars: Vec<char>,
    table: bool,
    /// Its lines may be reordered for display.
    bidi: bool,
}

fn wants(doc: &Doc) -> Vec<Want> {
    doc.parts
        .iter()
        .map(|&part| {
            let chars: Vec<char> = visible(&expected(doc, part)).collect();
            Want {
                part,
                bidi: has_rtl(&chars),
                table: is_table(doc, part),
                chars,
            }
        })
        .collect()
}

/// Compares the rows of one part with its text.
fn check_part(part: Part, want: &Want, rows: &[(bool, String)]) -> Result<(), String> {
    let want_chars = &want.chars;
    if want.table {
        let count = |chars: &mut dyn Iterator<Item = char>| {
            let mut m = BTreeMap::new();
            for c in chars {
                *m.entry(c).or_insert(0) += 1;
            }
            m
        };
        let got = count(&mut rows.iter().flat_map(|(_, r)| visible(r)));
        let want = count(&mut want_chars.iter().copied());
        return (got == want)
            .then_some(())
            .ok_or_else(|| format!("table {part:?}: screen {got:?}, text {want:?}"));
    }
    let mut at = 0;
    for (line, (bidi, row)) in rows.iter().enumerate() {
        let got: Vec<char> = visible(row).collect();
        let end = (at + got.len()).min(want_chars.len());
        let same = if *bidi {
            let mut a: Vec<char> = got.iter().map(|&c| unmirrored(c)).collect();
            let mut b: Vec<char> = want_chars[at..end].iter().map(|&c| unmirrored(c)).collect();
            a.sort_unstable();
            b.sort_unstable();
            a == b
        } else {
            got[..] == want_chars[at..end]
        };
        if !same {
            let context: String = want_chars[at..(at + got.len() + 10).min(want_chars.len())]
                .iter()
                .collect();
            return Err(format!(
                "{part:?} line {line}: screen shows {row:?}, the text goes on {context:?}"
            ));
        }
        at = end;
    }
    if at < want_chars.len() {
        let rest: String = want_chars[at..].iter().take(40).collect();
        return Err(format!("{part:?}: never shown: {rest:?}…"));
    }
    Ok(())
}

/// Draws the whole layout, a page of rows at a time across parts, and checks each part
/// against its text once its rows are read.
fn check_layout(screen: &mut Screen, layout: &Layout, wants: &[Want]) -> Result<(), String> {
    let mut part_rows: Vec<(bool, String)> = Vec::new();
    let mut current = 0;
    let mut page: Vec<(LinePos, &Line)> = Vec::with_capacity(PAGE as usize);
    let mut flush = |page: &mut Vec<(LinePos, &Line)>,
                     part_rows: &mut Vec<(bool, String)>,
                     current: &mut usize|
     -> Result<(), String> {
        let rows = screen.rows(page, 0);
        for ((pos, line), row) in page.iter().zip(rows) {
            while pos.part > *current {
                check_part(wants[*current].part, &wants[*current], part_rows)?;
                part_rows.clear();
                *current += 1;
            }
            let row = if line.wide && line.width() > screen.width as usize {
                screen.scrolled(*pos, line)
            } else {
                row
            };
            part_rows.push((line.rtl || wants[pos.part].bidi, row));
        }
        page.clear();
        Ok(())
    };
    for part in 0..layout.parts() {
        for (i, line) in layout.lines(part).iter().enumerate() {
            page.push((LinePos { part, line: i }, line));
            if page.len() == PAGE as usize {
                flush(&mut page, &mut part_rows, &mut current)?;
            }
        }
    }
    flush(&mut page, &mut part_rows, &mut current)?;
    while current < wants.len() {
        check_part(wants[current].part, &wants[current], &part_rows)?;
        part_rows.clear();
        current += 1;
    }
    Ok(())
}

/// Checks one article at every width; the first place where the screen and the text part.
fn check_article(name: &str, article: Article) -> Result<(), String> {
    let doc = Arc::new(Doc::new(Arc::new(article)));
    let wants = wants(&doc);
    for w in 20..=200u16 {
        let style = Style {
            width: w,
            ..Style::default()
        };
        let layout = Layout::new(doc.clone(), style);
        check_layout(&mut Screen::new(w), &layout, &wants)
            .map_err(|e| format!("{name} at {w} columns: {e}"))?;
    }
    Ok(())
}

#[test]
fn every_character_is_on_screen_at_every_width() {
    let mut articles = articles();
    let filtered = std::env::var_os("SCREEN_TEXT_ONLY").is_some();
    let n = articles.len();
    assert!(filtered || n >= 20, "only {n} articles found");
    // Longest first, so the threads finish together.
    articles.sort_by_key(|(_, a)| {
        std::cmp::Reverse(a.blocks.iter().map(|b| b.text.len()).sum::<usize>())
    });
    let queue = std::sync::Mutex::new(articles.into_iter());
    let failures = std::sync::Mutex::new(Vec::new());
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| {
                loop {
                    let next = queue.lock().unwrap().next();
                    let Some((name, article)) = next else { break };
                    if let Err(e) = check_article(&name, article) {
                        failures.lock().unwrap().push(e);
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_lost_character_is_caught() {
    // The check itself: a screen that dropped a letter must fail.
    let source = "Title\n\nsalam alaykum\n";
    let doc = Arc::new(Doc::new(Arc::new(lectern::parse::parse_str(
        source,
        Format::Text,
    ))));
    let layout = Layout::new(doc.clone(), Style::default());
    let mut screen = Screen::new(20);
    assert_eq!(check_layout(&mut screen, &layout, &wants(&doc)), Ok(()));
    let mut tampered = lectern::parse::parse_str(source, Format::Text);
    tampered.blocks[0].text = "salam alaykumm".into();
    let wrong = wants(&Doc::new(Arc::new(tampered)));
    let e = check_layout(&mut screen, &layout, &wrong).unwrap_err();
    assert!(e.contains("never shown: \"m\""), "{e}");
}
