//! Markdown (CommonMark + GFM) through pulldown-cmark: front matter, notes, tables, task lists.

use super::build::{Inline, table_block};
use super::endnotes::{self, Endnotes};
use super::notes::NoteBuilder;
use super::{frontmatter, html};
use crate::article::{Article, Block, BlockKind, Format, MarkKind};
use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};
use std::collections::{HashMap, HashSet};

/// Where blocks go: the body, or the note being defined, each with its own nesting.
#[derive(Default)]
struct Frame {
    blocks: Vec<Block>,
    quote: usize,
    /// Next number of each open list; `None` for bullet lists.
    lists: Vec<Option<u64>>,
    /// Marker of the current list item, taken by its first block.
    item: Option<String>,
    label: Option<String>,
}

/// A table being read: rows of cells, each cell a block so its marks survive.
#[derive(Default)]
struct Table {
    rows: Vec<Vec<Block>>,
}

struct Md {
    frames: Vec<Frame>,
    inline: Inline,
    heading: Option<u8>,
    code: bool,
    table: Option<Table>,
    html: Option<String>,
    meta: Option<(MetadataBlockKind, String)>,
    notes: NoteBuilder,
    article: Article,
    /// In-page anchors (`<a name="ref-7"></a>`) that open list items: a reference list.
    list_anchors: HashSet<String>,
    /// The labels that links into the reference list gave each anchor.
    anchor_labels: HashMap<String, String>,
    /// A link into the reference list being read: its anchor and its text so far.
    note_link: Option<(String, String)>,
    /// The anchor of the reference-list item being read.
    item_anchor: Option<String>,
    /// Inside `<sup>`…`</sup>`.
    sup: bool,
    /// The numbered list under a notes heading that the body's superscripts point into.
    endnotes: Option<Endnotes>,
    /// A superscript's text, held until it ends to see whether it is a note number.
    sup_text: Option<String>,
    /// Number of the next item while the endnotes list is read.
    endnote_next: Option<u64>,
    /// Numbered lists under notes headings met so far.
    notes_lists: usize,
}

/// Parses Markdown into an article.
pub fn parse(text: &str) -> Article {
    let (title_block, text) = frontmatter::pandoc_title_block(text);
    let mut opts = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    opts.remove(Options::ENABLE_SMART_PUNCTUATION);
    let mut md = Md {
        frames: vec![Frame::default()],
        inline: Inline::default(),
        heading: None,
        code: false,
        table: None,
        html: None,
        meta: None,
        notes: NoteBuilder::default(),
        article: Article::empty(Format::Markdown),
        list_anchors: list_anchors(text),
        anchor_labels: HashMap::new(),
        note_link: None,
        item_anchor: None,
        sup: false,
        endnotes: endnotes::scan(text),
        sup_text: None,
        endnote_next: None,
        notes_lists: 0,
    };
    if let Some(fm) = title_block {
        fm.apply(&mut md.article.meta);
    }
    for event in Parser::new_ext(text, opts) {
        md.event(event);
    }
    md.flush();
    let mut article = md.article;
    article.blocks = md.frames.swap_remove(0).blocks;
    // A notes heading left with nothing under it once its list became the notes.
    while article.blocks.last().is_some_and(|b| {
        matches!(b.kind, BlockKind::Heading { .. }) && super::notes::is_heading(b.text.trim(), &[])
    }) {
        article.blocks.pop();
    }
    take_title(&mut article);
    super::byline::from_body(&mut article);
    md.notes.finish(&mut article);
    article
}

/// Anchors that open list items (`* <a name="ref-7"></a><sup>7</sup>[Title](url)`), as a
/// numbered reference list that `<sup>[7]</sup>` links point into is written.
fn list_anchors(text: &str) -> HashSet<String> {
    text.lines()
        .filter_map(|line| {
            let t = line.trim_start();
            let rest = t
                .strip_prefix(['*', '-', '+'])
                .or_else(|| {
                    let digits = t.bytes().take_while(u8::is_ascii_digit).count();
                    (digits > 0)
                        .then(|| &t[digits..])
                        .and_then(|r| r.strip_prefix(['.', ')']))
                })?
                .trim_start();
            anchor_of(rest.strip_prefix("<a ")?)
        })
        .collect()
}

/// The `name` or `id` of an `<a …>` tag's attributes.
fn anchor_of(attrs: &str) -> Option<String> {
    let attrs = &attrs[..attrs.find('>')?];
    ["name=", "id="].iter().find_map(|key| {
        let at = attrs.find(key)? + key.len();
        let rest = &attrs[at..];
        let quote = rest.chars().next().filter(|c| matches!(c, '"' | '\''))?;
        let end = rest[1..].find(quote)?;
        Some(rest[1..1 + end].to_string())
    })
}

/// The first `#` heading is the title when front matter gave none; a leading heading that
/// repeats the title is dropped so it is not shown twice.
fn take_title(article: &mut Article) {
    let Some(first) = article.blocks.first() else {
        return;
    };
    if first.kind != (BlockKind::Heading { level: 1 }) {
        return;
    }
    match &article.meta.title {
        None => article.meta.title = Some(first.text.clone()),
        Some(t) if t.trim() == first.text.trim() => {}
        Some(_) => return,
    }
    article.blocks.remove(0);
}

impl Md {
    /// Inline HTML: `<br>` as a space, `<sup>` tracked, and the anchor that makes a list
    /// item a reference.
    fn inline_html(&mut self, s: &str) {
        let tag = s.trim_start().to_ascii_lowercase();
        if tag.starts_with("<br") {
            if self.heading.is_some() || self.table.is_some() {
                self.inline.push(" ");
            } else {
                self.inline.collapse = true;
                self.inline.line_break();
            }
        } else if tag.starts_with("<sup") {
            self.sup = true;
            if self.endnotes.is_some() && self.item_anchor.is_none() {
                self.sup_text = Some(String::new());
            }
        } else if tag.starts_with("</sup") {
            self.sup = false;
            self.end_sup();
        } else if let Some(attrs) = tag.strip_prefix("<a ")
            && let Some(anchor) = anchor_of(attrs)
            && self.anchor_labels.contains_key(&anchor)
            && !self.frame().lists.is_empty()
        {
            self.item_anchor = Some(anchor);
        }
    }

    /// A superscript ends: a note reference when it is the number of an endnote and not
    /// the exponent of a number, else its text as it was.
    fn end_sup(&mut self) {
        let Some(text) = self.sup_text.take() else {
            return;
        };
        let label = endnotes::sup_label(&text)
            .filter(|l| self.endnotes.as_ref().is_some_and(|e| e.has(l)))
            .filter(|_| !self.inline.ends_with_digit());
        match label {
            Some(label) => {
                let note = self.notes.index(label);
                self.inline
                    .push_marked(&format!("[{label}]"), MarkKind::FootnoteRef { note });
            }
            None => self.inline.push(&text),
        }
    }

    /// Prose text, with each Unicode superscript number (`¹²`) that numbers an endnote
    /// marked as a reference to it and kept as written.
    fn push_text(&mut self, s: &str) {
        let Some(endnotes) = self.endnotes.as_ref().filter(|_| !self.code) else {
            return self.inline.push(s);
        };
        let refs: Vec<_> = endnotes::unicode_refs(s)
            .filter(|(r, label)| {
                endnotes.has(label) && (r.start > 0 || !self.inline.ends_with_digit())
            })
            .collect();
        let mut at = 0;
        for (range, label) in refs {
            self.inline.push(&s[at..range.start]);
            let note = self.notes.index(&label);
            self.inline
                .push_marked(&s[range.clone()], MarkKind::FootnoteRef { note });
            at = range.end;
        }
        self.inline.push(&s[at..]);
    }

    /// A numbered list that opens right under a notes heading, when the body points into
    /// it: its items become the notes and the heading goes with them.
    fn starts_endnotes(&mut self, start: Option<u64>) -> bool {
        let Some(start) = start else {
            return false;
        };
        let f = &self.frames[0];
        // A heading, or a paragraph set in bold as one (`**Notes**`).
        let under_heading = f.blocks.last().is_some_and(|b| {
            let bold = b.kind == BlockKind::Paragraph
                && b.marks
                    .iter()
                    .any(|m| m.kind == MarkKind::Strong && m.range == (0..b.text.len()));
            (bold || matches!(b.kind, BlockKind::Heading { .. }))
                && endnotes::is_notes_heading(&b.text)
        });
        if self.frames.len() > 1 || !f.lists.is_empty() || f.quote > 0 || !under_heading {
            return false;
        }
        let nth = self.notes_lists;
        self.notes_lists += 1;
        if self.endnote_next.is_some() || self.endnotes.as_ref().is_none_or(|e| e.nth != nth) {
            return false;
        }
        self.frame().blocks.pop();
        self.endnote_next = Some(start);
        true
    }

    /// Whether the endnotes list is being read and this item or list end belongs to it
    /// rather than to a list inside a note.
    fn in_endnotes_list(&self) -> bool {
        self.endnote_next.is_some() && self.frames.len() == 1
    }

    /// A link such as `[7]` into the reference list: a note reference when its text is a
    /// marker, else the text as it was.
    fn end_note_link(&mut self) {
        let Some((anchor, text)) = self.note_link.take() else {
            return;
        };
        let label = text
            .trim()
            .trim_start_matches('[')
            .trim_end_matches(']')
            .trim()
            .to_string();
        if label.is_empty() || label.chars().count() > 6 || label.contains(char::is_whitespace) {
            self.inline.push(&text);
            return;
        }
        let note = self.notes.index(&label);
        self.inline
            .push_marked(&format!("[{label}]"), MarkKind::FootnoteRef { note });
        self.anchor_labels.entry(anchor).or_insert(label);
    }

    /// A finished reference-list item becomes the definition of the note that points at it.
    fn end_reference_item(&mut self) {
        let Some(anchor) = self.item_anchor.take() else {
            return;
        };
        let Some(label) = self.anchor_labels.get(&anchor).cloned() else {
            return;
        };
        let Some(mut block) = self.frame().blocks.pop() else {
            return;
        };
        block.kind = BlockKind::Paragraph;
        if let Some(dup) = self.notes.define(&label, vec![block]) {
            let text: Vec<_> = dup.iter().map(|b| b.text.as_str()).collect();
            self.article
                .removed
                .push(format!("[{label}] {}", text.join(" ")));
        }
    }

    /// The note being defined ends; a second definition of its label is set aside, shown
    /// with `mark` before the label as it was written.
    fn end_definition(&mut self, mark: &str) {
        self.flush();
        if self.frames.len() > 1 {
            let f = self.frames.pop().expect("checked");
            let label = f.label.unwrap_or_default();
            if let Some(dup) = self.notes.define(&label, f.blocks) {
                let text: Vec<_> = dup.iter().map(|b| b.text.as_str()).collect();
                self.article
                    .removed
                    .push(format!("[{mark}{label}]: {}", text.join(" ")));
            }
        }
    }

    fn frame(&mut self) -> &mut Frame {
        self.frames
            .last_mut()
            .expect("the body frame is never popped")
    }

    /// Ends the block being written, giving it the kind its context calls for.
    fn flush(&mut self) {
        if self.inline.is_blank() {
            self.inline.take(BlockKind::Paragraph);
            return;
        }
        let kind = if let Some(level) = self.heading {
            BlockKind::Heading { level }
        } else if self.code {
            BlockKind::Code
        } else if !self.frame().lists.is_empty() {
            let f = self.frame();
            let depth = (f.lists.len() - 1).min(6) as u8;
            BlockKind::ListItem {
                depth,
                marker: f.item.take().unwrap_or_default(),
            }
        } else if self.frame().quote > 0 {
            BlockKind::Quote
        } else {
            BlockKind::Paragraph
        };
        if let Some(block) = self.inline.take(kind) {
            self.frame().blocks.push(block);
        }
    }

    fn event(&mut self, event: Event) {
        if let Some(html) = &mut self.html {
            match event {
                Event::Html(s) | Event::Text(s) => return html.push_str(&s),
                Event::End(TagEnd::HtmlBlock) => {
                    let src = self.html.take().unwrap_or_default();
                    let blocks = html::fragment(&src, &mut self.notes, &mut self.article.removed);
                    self.frame().blocks.extend(blocks);
                    return;
                }
                _ => {}
            }
        }
        if let Some((_, meta)) = &mut self.meta {
            match event {
                Event::Text(s) => return meta.push_str(&s),
                Event::End(TagEnd::MetadataBlock(_)) => {
                    if let Some((kind, src)) = self.meta.take() {
                        let fm = match kind {
                            MetadataBlockKind::YamlStyle => frontmatter::yaml(&src),
                            MetadataBlockKind::PlusesStyle => frontmatter::toml(&src),
                        };
                        fm.apply(&mut self.article.meta);
                    }
                    return;
                }
                _ => {}
            }
        }
        if let Some((_, text)) = &mut self.note_link
            && let Event::Text(s) | Event::Code(s) = &event
        {
            return text.push_str(s);
        }
        if let Some(sup) = &mut self.sup_text {
            match &event {
                Event::Text(s) => return sup.push_str(s),
                Event::InlineHtml(s)
                    if s.trim_start().to_ascii_lowercase().starts_with("</sup") => {}
                _ => {
                    let text = self.sup_text.take().unwrap_or_default();
                    self.inline.push(&text);
                }
            }
        }
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            // A reference list item's own number, `<sup>7</sup>`, is the note's label.
            Event::Text(_) if self.sup && self.item_anchor.is_some() => {}
            Event::Text(s) | Event::InlineMath(s) | Event::DisplayMath(s) => {
                // Prose collapses runs of spaces, as it does once rendered (two after a
                // full stop, in many files); code keeps them.
                self.inline.collapse = !self.code;
                self.push_text(&s);
            }
            Event::Code(s) => {
                self.inline.open(MarkKind::Code);
                self.inline.push_raw(&s);
                self.inline.close();
            }
            Event::InlineHtml(s) | Event::Html(s) => self.inline_html(&s),
            Event::FootnoteReference(label) => {
                let note = self.notes.index(&label);
                self.inline
                    .push_marked(&format!("[{label}]"), MarkKind::FootnoteRef { note });
            }
            Event::SoftBreak => self.inline.push(if self.code { "\n" } else { " " }),
            Event::HardBreak if self.code || self.heading.is_some() || self.table.is_some() => {
                self.inline.push(if self.code { "\n" } else { " " })
            }
            Event::HardBreak => {
                self.inline.collapse = true;
                self.inline.line_break();
            }
            Event::Rule => {
                self.flush();
                self.frame().blocks.push(Block::new(BlockKind::Rule, ""));
            }
            Event::TaskListMarker(done) => {
                self.frame().item = Some(if done { "☑" } else { "☐" }.to_string());
            }
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph
            | Tag::DefinitionList
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition => self.flush(),
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level as u8);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.frame().quote += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = true;
            }
            Tag::HtmlBlock => {
                self.flush();
                self.html = Some(String::new());
            }
            Tag::List(start) => {
                self.flush();
                if !self.starts_endnotes(start) {
                    self.frame().lists.push(start);
                }
            }
            Tag::Item if self.in_endnotes_list() => {
                self.flush();
                let n = self.endnote_next.unwrap_or(1);
                self.endnote_next = Some(n + 1);
                self.frames.push(Frame {
                    label: Some(n.to_string()),
                    ..Frame::default()
                });
            }
            Tag::Item => {
                self.flush();
                let f = self.frame();
                let depth = f.lists.len();
                let marker = match f.lists.last_mut() {
                    Some(Some(n)) => {
                        *n += 1;
                        format!("{}.", *n - 1)
                    }
                    _ => ["•", "◦", "▪"][depth.saturating_sub(1) % 3].to_string(),
                };
                f.item = Some(marker);
            }
            Tag::FootnoteDefinition(label) => {
                self.flush();
                self.frames.push(Frame {
                    label: Some(label.to_string()),
                    ..Frame::default()
                });
            }
            Tag::Table(_) => {
                self.flush();
                self.table = Some(Table::default());
            }
            Tag::TableHead | Tag::TableRow => {
                if let Some(t) = &mut self.table {
                    t.rows.push(Vec::new());
                }
            }
            Tag::TableCell => {
                self.inline.take(BlockKind::Paragraph);
            }
            Tag::Emphasis => self.inline.open(MarkKind::Emphasis),
            Tag::Strong => self.inline.open(MarkKind::Strong),
            Tag::Strikethrough => self.inline.open(MarkKind::Strike),
            Tag::Superscript | Tag::Subscript => {}
            Tag::Link { dest_url, .. } => match dest_url.strip_prefix('#') {
                Some(anchor) if self.list_anchors.contains(anchor) => {
                    self.note_link = Some((anchor.to_string(), String::new()));
                }
                _ => self.inline.open(MarkKind::Link {
                    url: dest_url.to_string(),
                }),
            },
            Tag::Image { .. } => self.inline.push("[image: "),
            Tag::MetadataBlock(kind) => self.meta = Some((kind, String::new())),
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph
            | TagEnd::DefinitionList
            | TagEnd::DefinitionListTitle
            | TagEnd::DefinitionListDefinition => self.flush(),
            TagEnd::Heading(_) => {
                self.flush();
                self.heading = None;
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                let f = self.frame();
                f.quote = f.quote.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                self.flush();
                self.code = false;
            }
            TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {}
            TagEnd::List(_) if self.in_endnotes_list() => {
                self.flush();
                self.endnote_next = None;
                self.endnotes = None;
            }
            TagEnd::List(_) => {
                self.flush();
                self.frame().lists.pop();
            }
            TagEnd::Item
                if self.frames.len() == 2
                    && self.endnote_next.is_some()
                    && self.frames[1].lists.is_empty() =>
            {
                self.end_definition("");
            }
            TagEnd::Item => {
                self.flush();
                self.frame().item = None;
                self.end_reference_item();
            }
            TagEnd::FootnoteDefinition => self.end_definition("^"),
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.frame().blocks.push(table_block(t.rows, true));
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {}
            TagEnd::TableCell => {
                let cell = self
                    .inline
                    .take(BlockKind::Paragraph)
                    .unwrap_or_else(|| Block::paragraph(""));
                if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(cell);
                }
            }
            TagEnd::Link if self.note_link.is_some() => self.end_note_link(),
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                self.inline.close()
            }
            TagEnd::Superscript | TagEnd::Subscript => {}
            TagEnd::Image => self.inline.push("]"),
        }
    }
}
