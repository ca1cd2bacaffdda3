//! One section body (light Markdown) into paragraph and list-item blocks. Every event
//! pulldown-cmark can emit with the options below is either typeset or refused with a note
//! at its byte offset: nothing is dropped or reinterpreted silently.

use super::FaceId;
use super::bullets;
use super::links;
use super::{Block, BlockKind, MAX_LIST_INDENTS, Note, Origin, Run, Table, body_block};
use crate::style::HouseStyle;
use crate::t;
use pulldown_cmark::{CodeBlockKind, Event, Options, Parser, Tag, TagEnd};
use std::ops::Range;

/// Constructs a leaflet author types that would otherwise print as literal markup (pipes,
/// `[^1]`, `~~`, `[ ]`): recognised so they can be typeset or refused by name.
fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// A paragraph whose lines are all shorter than this many characters reads as a block of
/// separate lines (an address, opening hours), not as prose wrapped by the editor: the
/// shortest wrapped line in the shipped leaflets is far longer.
const SHORT_LINE_CHARS: usize = 40;
/// An A5 measure holds about five columns of short entries ("vanaf 4 uur vooraf") before
/// every cell hyphenates; more would not be readable, so they are refused.
const MAX_TABLE_COLUMNS: usize = 5;
/// This many short lines in a row are a list or a timetable even when they start in lower
/// case ("maandag: 8 tot 17 uur").
const SHORT_LINES_LIST: usize = 3;

/// Space above a list item after the first, and above a second paragraph inside an item,
/// in lines: items of one list sit closer together than paragraphs.
const ITEM_SPACE: f32 = 0.15;

/// Builds the blocks of one body; `field` names it in notes (`sections[2].body`).
pub(super) struct Walker<'a> {
    style: &'a HouseStyle,
    field: String,
    body: &'a str,
    out: &'a mut Vec<Block>,
    notes: &'a mut Vec<Note>,
    bold: u32,
    italic: u32,
    /// Open lists: the next number of each (None for bullets).
    lists: Vec<Option<u64>>,
    current: Option<Block>,
    first_item_in_list: bool,
    /// Inside a refused construct: how many of its tags are still open.
    skipping: usize,
    /// The open link.
    link: Option<OpenLink>,
    /// Byte offsets of the soft line breaks in the open paragraph.
    soft_breaks: Vec<usize>,
    paragraph_start: Option<usize>,
    /// The open pipe table: its text goes into its last cell.
    table: Option<Table>,
    /// An HTML tag was refused in this body already.
    html_reported: bool,
    /// Where the event being handled starts in the body.
    at: usize,
    /// Where the open table starts.
    table_origin: Option<Origin>,
    /// Reference labels (`[tekst][1]`) the links used, compared as Markdown compares them.
    used_labels: Vec<String>,
    /// The reference definitions, in the order typed.
    definitions: Vec<Definition>,
    /// Byte offsets of the backslashes Markdown swallowed as escapes.
    swallowed: Vec<usize>,
}

/// A link label as Markdown matches it: case-insensitive, runs of white space as one.
fn label_key(label: &str) -> String {
    label
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl<'a> Walker<'a> {
    pub(super) fn new(
        style: &'a HouseStyle,
        field: String,
        body: &'a str,
        out: &'a mut Vec<Block>,
        notes: &'a mut Vec<Note>,
    ) -> Self {
        Walker {
            style,
            field,
            body,
            out,
            notes,
            bold: 0,
            italic: 0,
            lists: Vec::new(),
            current: None,
            first_item_in_list: false,
            skipping: 0,
            link: None,
            soft_breaks: Vec::new(),
            paragraph_start: None,
            table: None,
            html_reported: false,
            at: 0,
            table_origin: None,
            used_labels: Vec::new(),
            definitions: Vec::new(),
            swallowed: Vec::new(),
        }
    }

    fn note(&mut self, error: bool, at: usize, width: usize, message: String, hint: &str) {
        self.notes.push(Note {
            error,
            field: self.field.clone(),
            at,
            width,
            message,
            hint: hint.to_string(),
        });
    }

    /// The first line of the source a construct was typed as, for messages.
    fn excerpt(&self, range: &Range<usize>) -> String {
        let text = self.body.get(range.clone()).unwrap_or("");
        let line = text.lines().next().unwrap_or("").trim();
        let cut: String = line.chars().take(40).collect();
        if cut.len() < line.len() {
            format!("{cut}…")
        } else {
            cut
        }
    }

    fn refuse(&mut self, range: &Range<usize>, what: String, hint: &str) {
        let shown = self.excerpt(range);
        let width = shown.chars().count();
        self.note(true, range.start, width, what, hint);
    }

    fn flush(&mut self) {
        if let Some(b) = self.current.take()
            && b.runs.iter().any(|r| !r.text.trim().is_empty())
        {
            self.out.push(b);
        }
    }

    /// Where text goes: the open table cell, or the current block (opened on demand).
    fn runs_mut(&mut self) -> &mut Vec<Run> {
        if let Some(cell) = self
            .table
            .as_mut()
            .and_then(|t| t.rows.last_mut())
            .and_then(|r| r.last_mut())
        {
            return cell;
        }
        let depth = self.lists.len();
        let style = self.style;
        let (field, at) = (&self.field, self.at);
        let block = self.current.get_or_insert_with(|| {
            let mut b = body_block(BlockKind::Paragraph, style);
            b.indent = style.list_indent * depth.min(MAX_LIST_INDENTS) as f32;
            b.origin = Some(Origin {
                field: field.clone(),
                at,
            });
            b
        });
        &mut block.runs
    }

    fn push_text(&mut self, text: &str) {
        let face = FaceId::styled(self.bold > 0, self.italic > 0);
        let runs = self.runs_mut();
        match runs.last_mut() {
            Some(r) if r.face == face => r.text.push_str(text),
            _ => runs.push(Run {
                text: text.to_string(),
                face,
            }),
        }
    }

    /// The bytes of text typed so far where text goes now.
    fn current_len(&mut self) -> usize {
        self.runs_mut().iter().map(|r| r.text.len()).sum()
    }

    fn current_text_from(&mut self, from: usize) -> String {
        let all: String = self.runs_mut().iter().map(|r| r.text.as_str()).collect();
        all.get(from..).unwrap_or("").to_string()
    }

    /// A hard line break ends the block here; the next line starts a block of its own with
    /// no space above, kept with this one so an address is not split across pages.
    fn hard_break(&mut self) {
        let Some(mut b) = self.current.take() else {
            return;
        };
        let mut next = body_block(b.kind, self.style);
        next.origin = self.origin();
        next.indent = b.indent;
        next.space_before = 0.0;
        b.keep_with_next = true;
        if b.runs.iter().any(|r| !r.text.trim().is_empty()) {
            self.out.push(b);
        }
        self.current = Some(next);
    }

    pub(super) fn run(mut self) {
        let (body, typed) = bullets::rewrite(self.body);
        for f in typed {
            self.note(
                false,
                f.at,
                1,
                t!("md-typed-bullet", bullet = f.bullet.to_string()),
                &t!("md-typed-bullet-hint"),
            );
        }
        let mut parser = Parser::new_ext(&body, options()).into_offset_iter();
        let events: Vec<(Event, Range<usize>)> = parser.by_ref().collect();
        // `[1]: https://…` lines are consumed by the parser and print nothing themselves.
        let mut definitions: Vec<(String, Range<usize>, String, String)> = parser
            .reference_definitions()
            .iter()
            .map(|(label, def)| {
                let title = def.title.as_deref().unwrap_or("").to_string();
                (
                    label.to_string(),
                    def.span.clone(),
                    def.dest.to_string(),
                    title,
                )
            })
            .collect();
        definitions.sort_by_key(|d| d.1.start);
        // Read before the links that use them, said after the text, where they were typed.
        let before = self.notes.len();
        self.read_definitions(definitions);
        let said: Vec<Note> = self.notes.drain(before..).collect();
        for (event, range) in events {
            self.event(event, range);
        }
        self.flush();
        self.report_escapes();
        self.notes.extend(said);
        let definitions: Vec<(String, usize)> = self
            .definitions
            .iter()
            .map(|d| (d.key.clone(), d.at))
            .collect();
        for (label, at) in definitions {
            if !self.used_labels.contains(&label) {
                let shown = self.excerpt(&(at..self.body.len()));
                let width = shown.chars().count();
                self.note(
                    false,
                    at,
                    width,
                    t!("md-unused-definition", shown = shown.as_str()),
                    &t!("md-unused-definition-hint"),
                );
            }
        }
    }

    /// The block being opened starts where the current event was typed.
    fn origin(&self) -> Option<Origin> {
        Some(Origin {
            field: self.field.clone(),
            at: self.at,
        })
    }

    fn event(&mut self, event: Event, range: Range<usize>) {
        self.at = range.start;
        if let Some(link) = &mut self.link
            && !matches!(event, Event::End(TagEnd::Link))
        {
            link.text_end = link.text_end.max(range.end);
        }
        if self.skipping > 0 {
            match event {
                Event::Start(_) => self.skipping += 1,
                Event::End(_) => self.skipping -= 1,
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag, range),
            Event::Text(t) => self.text(&t, &range),
            Event::Code(t) => self.push_text(&t),
            Event::SoftBreak => {
                self.soft_breaks.push(range.start);
                self.push_text(" ");
                self.line_joined(range.end);
            }
            Event::HardBreak if self.table.is_some() => self.push_text(" "),
            Event::HardBreak => self.hard_break(),
            // A closing tag belongs to the opening one already reported.
            Event::InlineHtml(t) if t.starts_with("</") && self.html_reported => {}
            Event::Html(_) | Event::InlineHtml(_) => {
                self.html_reported = true;
                let shown = self.excerpt(&range);
                self.refuse(
                    &range,
                    t!("md-html", shown = shown.as_str()),
                    &t!("md-html-hint"),
                );
            }
            Event::FootnoteReference(_) => {
                self.refuse(&range, t!("md-footnote"), &t!("md-footnote-hint"))
            }
            Event::Rule => self.refuse(&range, t!("md-rule"), &t!("md-rule-hint")),
            Event::TaskListMarker(_) => {
                self.refuse(&range, t!("md-checkbox"), &t!("md-checkbox-hint"))
            }
            Event::InlineMath(_) | Event::DisplayMath(_) => {
                self.refuse(&range, t!("md-construct"), &t!("md-construct-hint"))
            }
        }
    }

    /// Starts a tag; a refused one is skipped with everything inside it.
    fn start(&mut self, tag: Tag, range: Range<usize>) {
        let refused: Option<(String, String)> = match &tag {
            Tag::Paragraph => {
                self.paragraph_starts(&range);
                self.soft_breaks.clear();
                self.paragraph_start = Some(range.start);
                None
            }
            Tag::Heading { .. }
                if self
                    .body
                    .get(range.clone())
                    .is_some_and(|t| t.starts_with('#')) =>
            {
                Some((t!("md-heading"), t!("md-heading-hint")))
            }
            Tag::Heading { .. } => Some((t!("md-setext-heading"), t!("md-setext-heading-hint"))),
            Tag::BlockQuote(_) => Some((t!("md-block-quote"), t!("md-block-quote-hint"))),
            Tag::CodeBlock(CodeBlockKind::Indented) => {
                Some((t!("md-indented-code"), t!("md-indented-code-hint")))
            }
            Tag::CodeBlock(CodeBlockKind::Fenced(_)) => {
                Some((t!("md-code-block"), t!("md-code-block-hint")))
            }
            Tag::HtmlBlock => {
                let shown = self.excerpt(&range);
                Some((t!("md-html", shown = shown), t!("md-html-hint")))
            }
            Tag::FootnoteDefinition(_) => {
                Some((t!("md-footnote-definition"), t!("md-footnote-hint")))
            }
            Tag::Image { .. } => Some((t!("md-image"), t!("md-image-hint"))),
            Tag::Strikethrough => Some((t!("md-strikethrough"), t!("md-strikethrough-hint"))),
            Tag::Table(columns) if columns.len() > MAX_TABLE_COLUMNS => Some((
                t!(
                    "md-table-too-wide",
                    columns = columns.len(),
                    max = MAX_TABLE_COLUMNS
                ),
                t!("md-table-too-wide-hint"),
            )),
            Tag::Table(_) => {
                self.flush();
                self.table_origin = self.origin();
                self.table = Some(Table { rows: Vec::new() });
                None
            }
            Tag::TableHead | Tag::TableRow => {
                // The header row is set bold.
                if matches!(tag, Tag::TableHead) {
                    self.bold += 1;
                }
                if let Some(t) = &mut self.table {
                    t.rows.push(Vec::new());
                }
                None
            }
            Tag::TableCell => {
                if let Some(row) = self.table.as_mut().and_then(|t| t.rows.last_mut()) {
                    row.push(Vec::new());
                }
                None
            }
            Tag::List(start) => {
                self.flush();
                self.lists.push(*start);
                self.first_item_in_list = true;
                None
            }
            Tag::Item => {
                self.footnote_item(&range);
                self.renumbered(&range);
                self.item();
                None
            }
            Tag::Emphasis => {
                self.glued_emphasis(&range);
                self.italic += 1;
                None
            }
            Tag::Strong => {
                self.glued_emphasis(&range);
                self.bold += 1;
                None
            }
            Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            } => {
                if !id.is_empty() {
                    self.used_labels.push(label_key(id));
                }
                if dest_url.trim().is_empty() {
                    Some((t!("md-link-no-address"), t!("md-link-no-address-hint")))
                } else {
                    let from = self.current_len();
                    self.link = Some(OpenLink {
                        url: dest_url.to_string(),
                        title: title.to_string(),
                        kind: *link_type,
                        from,
                        range: range.clone(),
                        text_end: range.start + 1,
                        id: id.to_string(),
                    });
                    None
                }
            }
            _ => Some((t!("md-construct"), t!("md-construct-hint"))),
        };
        if let Some((what, hint)) = refused {
            self.refuse(&range, what, &hint);
            self.skipping = 1;
        }
    }

    /// A paragraph starts. The first paragraph of a list item fills the item's block; a
    /// later one (`1. Neem 500 mg` ⏎⏎ `   2 uur vooraf niets eten`) is a block of its own
    /// at the item's indent, without a marker and as close to it as the next item: run on
    /// into the item, it printed "500 mg2 uur". The structure tree makes the two one item
    /// body of two paragraphs (`tree.rs`).
    fn paragraph_starts(&mut self, range: &Range<usize>) {
        let Some(b) = &self.current else {
            return;
        };
        let written = b.runs.iter().any(|r| !r.text.trim().is_empty());
        if b.kind == BlockKind::ListItem && !written {
            return;
        }
        let (kind, indent) = (b.kind, b.indent);
        self.flush();
        if kind == BlockKind::ListItem {
            let mut next = body_block(BlockKind::Paragraph, self.style);
            next.origin = Some(Origin {
                field: self.field.clone(),
                at: range.start,
            });
            next.indent = indent;
            next.space_before = self.style.body_leading() * ITEM_SPACE;
            self.current = Some(next);
        }
    }

    fn item(&mut self) {
        self.flush();
        let depth = self.lists.len();
        let marker = match self.lists.last_mut() {
            Some(Some(n)) => {
                let m = format!("{n}.");
                *n += 1;
                m
            }
            _ => if depth > 1 { "–" } else { "•" }.to_string(),
        };
        let style = self.style;
        let mut b = body_block(BlockKind::ListItem, style);
        b.origin = self.origin();
        b.indent = style.list_indent * depth.min(MAX_LIST_INDENTS) as f32;
        b.marker = Some(Run {
            text: marker,
            face: FaceId::Regular,
        });
        // Items of one list sit closer together than paragraphs.
        b.space_before = if self.first_item_in_list {
            style.body_leading() * style.paragraph_space
        } else {
            style.body_leading() * ITEM_SPACE
        };
        self.first_item_in_list = false;
        self.current = Some(b);
    }

    fn end(&mut self, tag: TagEnd, range: Range<usize>) {
        match tag {
            TagEnd::Paragraph => {
                self.table_typed_as_text(&range);
                self.short_lines(&range);
                if self
                    .current
                    .as_ref()
                    .is_some_and(|b| b.kind != BlockKind::ListItem)
                {
                    self.flush();
                }
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => self.flush(),
            TagEnd::TableHead => self.bold = self.bold.saturating_sub(1),
            TagEnd::TableRow => self.surplus_cells(&range),
            TagEnd::Table => {
                if let Some(table) = self.table.take() {
                    let mut b = body_block(BlockKind::Table, self.style);
                    b.origin = self.table_origin.take();
                    b.indent =
                        self.style.list_indent * self.lists.len().min(MAX_LIST_INDENTS) as f32;
                    b.table = Some(table);
                    self.out.push(b);
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Link => {
                if let Some(link) = self.link.take() {
                    let text = self.current_text_from(link.from);
                    let url = self.link_address(&link);
                    let range = link.range;
                    let (shown, note) = links::printed(&text, &url);
                    if let Some(message) = note {
                        let width = self.excerpt(&range).chars().count();
                        self.note(false, range.start, width, message, &links::hint());
                    }
                    if let Some(shown) = shown {
                        // The address in the regular face, whatever the link text was set in.
                        let (bold, italic) = (self.bold, self.italic);
                        self.bold = 0;
                        self.italic = 0;
                        self.push_text(&format!(" ({shown})"));
                        self.bold = bold;
                        self.italic = italic;
                    }
                }
            }
            _ => {}
        }
    }
}

#[path = "slips.rs"]
mod slips;

#[path = "escapes.rs"]
mod escapes;
use escapes::{Definition, OpenLink};

#[cfg(test)]
#[path = "markdown_tests.rs"]
mod tests;
