//! Markdown (CommonMark + GFM) through pulldown-cmark: front matter, notes, tables, task lists.

use super::build::{Inline, table_block};
use super::notes::NoteBuilder;
use super::{frontmatter, html};
use crate::article::{Article, Block, BlockKind, Format, MarkKind};
use pulldown_cmark::{Event, MetadataBlockKind, Options, Parser, Tag, TagEnd};

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
    take_title(&mut article);
    super::byline::from_body(&mut article);
    md.notes.finish(&mut article);
    article
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
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(s) | Event::InlineMath(s) | Event::DisplayMath(s) => {
                // Prose collapses runs of spaces, as it does once rendered (two after a
                // full stop, in many files); code keeps them.
                self.inline.collapse = !self.code;
                self.inline.push(&s);
            }
            Event::Code(s) => {
                self.inline.open(MarkKind::Code);
                self.inline.push_raw(&s);
                self.inline.close();
            }
            Event::InlineHtml(s) | Event::Html(s) => {
                if s.trim_start().to_ascii_lowercase().starts_with("<br") {
                    self.inline.push(" ");
                }
            }
            Event::FootnoteReference(label) => {
                let note = self.notes.index(&label);
                self.inline
                    .push_marked(&format!("[{label}]"), MarkKind::FootnoteRef { note });
            }
            Event::SoftBreak | Event::HardBreak => {
                self.inline.push(if self.code { "\n" } else { " " })
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
                self.frame().lists.push(start);
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
            Tag::Link { dest_url, .. } => self.inline.open(MarkKind::Link {
                url: dest_url.to_string(),
            }),
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
            TagEnd::List(_) => {
                self.flush();
                self.frame().lists.pop();
            }
            TagEnd::Item => {
                self.flush();
                self.frame().item = None;
            }
            TagEnd::FootnoteDefinition => {
                self.flush();
                if self.frames.len() > 1 {
                    let f = self.frames.pop().expect("checked");
                    let label = f.label.unwrap_or_default();
                    if let Some(dup) = self.notes.define(&label, f.blocks) {
                        let text: Vec<_> = dup.iter().map(|b| b.text.as_str()).collect();
                        self.article
                            .removed
                            .push(format!("[^{label}]: {}", text.join(" ")));
                    }
                }
            }
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
            TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link => {
                self.inline.close()
            }
            TagEnd::Superscript | TagEnd::Subscript => {}
            TagEnd::Image => self.inline.push("]"),
        }
    }
}
