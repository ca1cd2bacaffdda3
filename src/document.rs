//! From a checked leaflet to document blocks: Markdown bodies parsed (pulldown-cmark), text
//! normalised for typesetting, and the house style turned into concrete faces, sizes and
//! colours. Layout needs nothing else to place a block.

use crate::model::{Leaflet, dutch_date};
use crate::style::{Align, Cmyk, HouseStyle};
use crate::text::fonts::FaceId;
use crate::text::normalize::normalize;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Department,
    Title,
    Subtitle,
    Heading,
    Paragraph,
    ListItem,
    Contact,
    Route,
}

/// A stretch of text in one face.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    pub text: String,
    pub face: FaceId,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub runs: Vec<Run>,
    /// A list item's bullet or number, hung in the indent.
    pub marker: Option<Run>,
    pub size: f32,
    pub color: Cmyk,
    /// Baseline-to-baseline distance, points.
    pub leading: f32,
    /// Left indent of every line, points.
    pub indent: f32,
    pub align: Align,
    pub hyphenate: bool,
    /// Space above the block, points; dropped at the top of a page.
    pub space_before: f32,
    /// Headings: the block must share its page with the next block's first lines.
    pub keep_with_next: bool,
    /// The route block is never split across pages.
    pub unbreakable: bool,
    /// A tinted box behind the block.
    pub background: Option<Cmyk>,
}

/// The document: the blocks in reading order, and the footer lines every page carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub authors: String,
    pub blocks: Vec<Block>,
    /// "Laatst aangepast: 23 maart 2016" and "Auteur(s): …": never hyphenated.
    pub footer: Vec<String>,
}

pub fn build(leaflet: &Leaflet, style: &HouseStyle) -> Document {
    let mut blocks = Vec::new();
    let plain = |kind, text: &str, face, size: f32, color| Block {
        kind,
        runs: vec![Run {
            text: text.to_string(),
            face,
        }],
        marker: None,
        size,
        color,
        leading: size * 1.2,
        indent: 0.0,
        align: Align::Left,
        hyphenate: false,
        space_before: 0.0,
        keep_with_next: true,
        unbreakable: true,
        background: None,
    };
    if let Some(dept) = &leaflet.department {
        let mut b = plain(
            BlockKind::Department,
            dept,
            FaceId::Bold,
            style.footer_size + 1.5,
            style.accent_color,
        );
        b.leading = style.body_leading();
        blocks.push(b);
    }
    blocks.push(plain(
        BlockKind::Title,
        &leaflet.title,
        FaceId::Bold,
        style.title_size,
        style.accent_color,
    ));
    if let Some(sub) = &leaflet.subtitle {
        let mut b = plain(
            BlockKind::Subtitle,
            sub,
            FaceId::Regular,
            style.subtitle_size,
            style.text_color,
        );
        b.space_before = style.subtitle_size * 0.3;
        blocks.push(b);
    }
    let first_content = blocks.len();
    for section in &leaflet.sections {
        if let Some(h) = &section.heading {
            let mut b = plain(
                BlockKind::Heading,
                h,
                FaceId::Bold,
                style.heading_size,
                style.accent_color,
            );
            b.space_before = style.body_leading() * 1.1;
            b.unbreakable = false;
            blocks.push(b);
        }
        markdown_blocks(&section.body, style, &mut blocks);
    }
    // The title block needs air below it before the text starts.
    if let Some(b) = blocks.get_mut(first_content) {
        b.space_before = b.space_before.max(style.body_leading() * 1.2);
    }
    // A paragraph that introduces a list ("Meld het ons als:") stays with its first item.
    for k in 1..blocks.len() {
        let introduces = blocks[k].kind == BlockKind::ListItem
            && blocks[k - 1].kind == BlockKind::Paragraph
            && blocks[k - 1]
                .runs
                .last()
                .is_some_and(|r| r.text.trim_end().ends_with(':'));
        if introduces {
            blocks[k - 1].keep_with_next = true;
        }
    }
    if let Some((contact, _)) = &leaflet.contact {
        blocks.push(contact_block(contact, style));
    }
    blocks.push(route_block(leaflet, style));
    for b in &mut blocks {
        b.runs = normalize_runs(&b.runs, style);
    }
    Document {
        title: leaflet.title.clone(),
        authors: leaflet.authors.clone(),
        blocks,
        footer: vec![
            format!("Laatst aangepast: {}", dutch_date(leaflet.revised)),
            format!("Auteur(s): {}", leaflet.authors),
        ],
    }
}

/// "Contact: Oncologisch dagziekenhuis, tel. 03 821 30 00, maandag tot vrijdag …", kept
/// with the route block below it.
fn contact_block(contact: &crate::model::Contact, style: &HouseStyle) -> Block {
    let mut text = format!("{}, tel. {}", contact.name.trim(), contact.phone.trim());
    if let Some(hours) = contact.hours.as_deref().filter(|h| !h.trim().is_empty()) {
        text.push_str(&format!(", {}", hours.trim()));
    }
    Block {
        kind: BlockKind::Contact,
        runs: vec![
            Run {
                text: "Contact: ".into(),
                face: FaceId::Bold,
            },
            Run {
                text,
                face: FaceId::Regular,
            },
        ],
        marker: None,
        size: style.body_size,
        color: style.text_color,
        leading: style.body_leading(),
        indent: 0.0,
        align: Align::Left,
        hyphenate: false,
        space_before: style.body_leading() * 1.5,
        keep_with_next: true,
        unbreakable: true,
        background: None,
    }
}

fn route_block(leaflet: &Leaflet, style: &HouseStyle) -> Block {
    let mut runs = vec![Run {
        text: format!("Volg route {}", leaflet.route.number),
        face: FaceId::Bold,
    }];
    if !leaflet.route.description.is_empty() {
        runs.push(Run {
            text: format!(" ({})", leaflet.route.description),
            face: FaceId::Regular,
        });
    }
    Block {
        kind: BlockKind::Route,
        runs,
        marker: None,
        size: style.route_size,
        color: style.text_color,
        leading: style.route_size * style.leading,
        indent: 0.0,
        align: Align::Left,
        hyphenate: false,
        space_before: style.body_leading() * 1.5,
        keep_with_next: false,
        unbreakable: true,
        background: Some(style.route_tint),
    }
}

fn body_block(kind: BlockKind, style: &HouseStyle) -> Block {
    Block {
        kind,
        runs: Vec::new(),
        marker: None,
        size: style.body_size,
        color: style.text_color,
        leading: style.body_leading(),
        indent: 0.0,
        align: style.align,
        hyphenate: true,
        space_before: style.body_leading() * style.paragraph_space,
        keep_with_next: false,
        unbreakable: false,
        background: None,
    }
}

/// Lists nested deeper than this are indented no further: sixty nested levels pushed the
/// text column past the right edge of the page.
pub const MAX_LIST_INDENTS: usize = 4;

/// Parses one section body (light Markdown) into paragraph and list-item blocks.
fn markdown_blocks(body: &str, style: &HouseStyle, out: &mut Vec<Block>) {
    let mut bold = 0u32;
    let mut italic = 0u32;
    // Open lists: the next number of each (None for bullets).
    let mut lists: Vec<Option<u64>> = Vec::new();
    let mut current: Option<Block> = None;
    let mut first_item_in_list = false;

    let flush = |current: &mut Option<Block>, out: &mut Vec<Block>| {
        if let Some(b) = current.take()
            && b.runs.iter().any(|r| !r.text.trim().is_empty())
        {
            out.push(b);
        }
    };
    let push_text = |current: &mut Option<Block>, text: &str, face: FaceId, lists_depth: usize| {
        let block = current.get_or_insert_with(|| {
            let mut b = body_block(BlockKind::Paragraph, style);
            b.indent = style.list_indent * lists_depth.min(MAX_LIST_INDENTS) as f32;
            b
        });
        match block.runs.last_mut() {
            Some(r) if r.face == face => r.text.push_str(text),
            _ => block.runs.push(Run {
                text: text.to_string(),
                face,
            }),
        }
    };

    for event in Parser::new_ext(body, Options::empty()) {
        let face = FaceId::styled(bold > 0, italic > 0);
        match event {
            Event::Start(Tag::Paragraph)
                // A paragraph inside a list item continues the item's block.
                if current
                    .as_ref()
                    .is_some_and(|b| b.kind != BlockKind::ListItem)
                => {
                    flush(&mut current, out);
                }
            Event::End(TagEnd::Paragraph)
                if current
                    .as_ref()
                    .is_some_and(|b| b.kind != BlockKind::ListItem)
                => {
                    flush(&mut current, out);
                }
            Event::Start(Tag::Heading { .. }) => flush(&mut current, out),
            Event::End(TagEnd::Heading(_)) => {
                if let Some(mut b) = current.take() {
                    b.kind = BlockKind::Heading;
                    b.hyphenate = false;
                    b.align = crate::style::Align::Left;
                    b.runs.iter_mut().for_each(|r| r.face = FaceId::Bold);
                    b.keep_with_next = true;
                    b.space_before = style.body_leading();
                    out.push(b);
                }
            }
            Event::Start(Tag::List(start)) => {
                flush(&mut current, out);
                lists.push(start);
                first_item_in_list = true;
            }
            Event::End(TagEnd::List(_)) => {
                flush(&mut current, out);
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                flush(&mut current, out);
                let depth = lists.len();
                let marker = match lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => if depth > 1 { "–" } else { "•" }.to_string(),
                };
                let mut b = body_block(BlockKind::ListItem, style);
                b.indent = style.list_indent * depth.min(MAX_LIST_INDENTS) as f32;
                b.marker = Some(Run {
                    text: marker,
                    face: FaceId::Regular,
                });
                // Items of one list sit closer together than paragraphs.
                b.space_before = if first_item_in_list {
                    style.body_leading() * style.paragraph_space
                } else {
                    style.body_leading() * 0.15
                };
                first_item_in_list = false;
                current = Some(b);
            }
            Event::End(TagEnd::Item) => flush(&mut current, out),
            Event::Start(Tag::Emphasis) => italic += 1,
            Event::End(TagEnd::Emphasis) => italic = italic.saturating_sub(1),
            Event::Start(Tag::Strong) => bold += 1,
            Event::End(TagEnd::Strong) => bold = bold.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => push_text(&mut current, &t, face, lists.len()),
            Event::SoftBreak | Event::HardBreak => push_text(&mut current, " ", face, lists.len()),
            Event::Html(t) | Event::InlineHtml(t) => push_text(&mut current, &t, face, lists.len()),
            _ => {}
        }
    }
    flush(&mut current, out);
}

fn normalize_runs(runs: &[Run], style: &HouseStyle) -> Vec<Run> {
    let chars: Vec<(char, FaceId)> = runs
        .iter()
        .flat_map(|r| r.text.chars().map(move |c| (c, r.face)))
        .collect();
    let mut out: Vec<Run> = Vec::new();
    for (c, face) in normalize(&chars, style.quotes) {
        match out.last_mut() {
            Some(r) if r.face == face => r.text.push(c),
            _ => out.push(Run {
                text: c.to_string(),
                face,
            }),
        }
    }
    out
}
