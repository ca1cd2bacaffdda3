//! From a checked leaflet to document blocks: Markdown bodies parsed (pulldown-cmark), text
//! normalised for typesetting, and the house style turned into concrete faces, sizes and
//! colours. Layout needs nothing else to place a block.
//!
//! The one rule: every Markdown construct is typeset or refused with a [`Note`] at the
//! place it was typed; nothing is dropped silently (see `markdown.rs`).

use crate::lang::Lang;
use crate::model::Leaflet;
use crate::style::{Align, Cmyk, HouseStyle};

pub mod bullets;
mod face;
pub mod figures;
mod french;
pub mod links;
mod markdown;
pub mod normalize;
pub mod tree;

pub use face::FaceId;
use normalize::normalize;

/// Something the document stage found in a field's text: a construct it refuses (an error)
/// or typeset on an assumption the author should confirm (a warning). `at` is a byte offset
/// into the field's value, so the caller can place it in the source exactly.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    pub error: bool,
    /// The field as diagnostics name it: `sections[2].body`.
    pub field: String,
    pub at: usize,
    /// Characters the construct covers, for the underline.
    pub width: usize,
    pub message: String,
    pub hint: String,
}

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
    /// A pipe table: its cells are in [`Block::table`], `runs` is empty.
    Table,
    /// The line beside the QR code to the online version ([`Document::online`]); layout
    /// draws the code in the block's indent.
    Online,
    /// A picture: in [`Block::figure`]; `runs` is empty.
    Figure,
    /// The line under a figure.
    Caption,
    /// The hospital's name and address on the last page, under its logo.
    Colophon,
}

/// A pipe table's cells, row by row; the first row is the header. Every row has the same
/// number of cells (Markdown pads short rows, drops cells beyond the header's).
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub rows: Vec<Vec<Vec<Run>>>,
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
    /// The cells of a [`BlockKind::Table`] block.
    pub table: Option<Table>,
    /// The picture of a [`BlockKind::Figure`] block.
    pub figure: Option<figures::FigureRef>,
    /// Where the block's text was typed, so a later stage's finding about it (a word too
    /// wide for a line) can be placed; `None` for text from `_data` (route, contact).
    pub origin: Option<Origin>,
}

/// A place in a leaflet's text: the field, and a byte offset into its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Origin {
    pub field: String,
    pub at: usize,
}

impl Block {
    /// Every run the block prints: its text, its marker and its table cells.
    pub fn all_runs(&self) -> impl Iterator<Item = &Run> {
        let cells = self
            .table
            .iter()
            .flat_map(|t| t.rows.iter().flatten().flatten());
        self.runs.iter().chain(self.marker.iter()).chain(cells)
    }
}

/// The document: the blocks in reading order, and the footer lines every page carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    pub authors: String,
    pub blocks: Vec<Block>,
    /// "Laatst aangepast: 23 maart 2016" and "Auteur(s): …": never hyphenated.
    pub footer: Vec<String>,
    /// Refused constructs and assumptions, in reading order.
    pub notes: Vec<Note>,
    /// The printed language: labels, quotes and spacing are already applied; layout picks
    /// the hyphenation patterns and the page-number label by it.
    pub lang: Lang,
    /// The address the QR code of the [`BlockKind::Online`] block encodes.
    pub online: Option<String>,
}

/// The document without its pictures: for callers that only look at the text (`check`'s
/// notes). Figure and logo blocks are left out, since no picture was read.
pub fn build(leaflet: &Leaflet, style: &HouseStyle) -> Document {
    build_with(leaflet, style, &figures::Pictures::default())
}

/// The document, with the figures and the colophon's logo from `pictures` (read by the
/// caller, which reports a picture it cannot read at the figure's line).
pub fn build_with(leaflet: &Leaflet, style: &HouseStyle, pictures: &figures::Pictures) -> Document {
    let mut blocks = Vec::new();
    let origin = |field: &str| {
        Some(Origin {
            field: field.to_string(),
            at: 0,
        })
    };
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
        table: None,
        figure: None,
        origin: None,
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
        b.origin = origin("department");
        blocks.push(b);
    }
    let mut title = plain(
        BlockKind::Title,
        &leaflet.title,
        FaceId::Bold,
        style.title_size,
        style.accent_color,
    );
    title.origin = origin("title");
    blocks.push(title);
    if let Some(sub) = &leaflet.subtitle {
        let mut b = plain(
            BlockKind::Subtitle,
            sub,
            FaceId::Regular,
            style.subtitle_size,
            style.text_color,
        );
        b.space_before = style.subtitle_size * 0.3;
        b.origin = origin("subtitle");
        blocks.push(b);
    }
    let first_content = blocks.len();
    let mut notes = Vec::new();
    for (i, section) in leaflet.sections.iter().enumerate() {
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
            b.origin = origin(&format!("sections[{i}].heading"));
            blocks.push(b);
        }
        let field = format!("sections[{i}].body");
        markdown::Walker::new(style, field, &section.body, &mut blocks, &mut notes).run();
        for f in &section.figures {
            if let Some(image) = pictures.figures.get(&f.path) {
                blocks.extend(figures::figure_blocks(f, image, style));
            }
        }
    }
    // The title block needs air below it before the text starts.
    if let Some(b) = blocks.get_mut(first_content) {
        b.space_before = b.space_before.max(style.body_leading() * 1.2);
    }
    // A paragraph that introduces a list ("Meld het ons als:") stays with its first item.
    for k in 1..blocks.len() {
        let introduces = matches!(blocks[k].kind, BlockKind::ListItem | BlockKind::Table)
            && blocks[k - 1].kind == BlockKind::Paragraph
            && blocks[k - 1]
                .runs
                .last()
                .is_some_and(|r| r.text.trim_end().ends_with(':'));
        if introduces {
            blocks[k - 1].keep_with_next = true;
        }
    }
    let lang = leaflet.lang;
    if let Some((contact, _)) = &leaflet.contact {
        blocks.push(contact_block(contact, style, lang));
    }
    blocks.push(route_block(leaflet, style));
    if let Some(address) = &leaflet.online {
        blocks.push(online_block(address, style, lang));
    }
    if let Some(identity) = &pictures.identity {
        blocks.extend(figures::colophon_blocks(
            identity,
            pictures.logo.as_ref(),
            style,
        ));
    }
    for b in &mut blocks {
        b.runs = normalize_runs(&b.runs, style, lang);
        if let Some(t) = &mut b.table {
            for cell in t.rows.iter_mut().flatten() {
                *cell = normalize_runs(cell, style, lang);
            }
        }
    }
    Document {
        title: leaflet.title.clone(),
        authors: leaflet.authors.clone(),
        blocks,
        footer: footer_lines(leaflet),
        notes,
        lang,
        online: leaflet.online.clone(),
    }
}

/// "Laatst aangepast: 23 maart 2016 · HEM-012 versie 3" and "Auteur(s): …": the document
/// code stays on the date's line, where a reader of a hospital leaflet looks for it.
pub fn footer_lines(leaflet: &Leaflet) -> Vec<String> {
    let lang = leaflet.lang;
    let mut first = lang.last_updated(leaflet.revised);
    if let Some(control) = lang.document_control(leaflet.code.as_deref(), leaflet.version) {
        first.push_str("  ·  ");
        first.push_str(&control);
    }
    vec![first, lang.authors(&leaflet.authors)]
}

/// "Deze folder online: azdelta.be/hem-012", indented past the QR code layout draws
/// beside it; never split, so the code and its words stay together.
fn online_block(address: &str, style: &HouseStyle, lang: Lang) -> Block {
    let mut b = body_block(BlockKind::Online, style);
    b.runs = vec![
        Run {
            text: lang.colon(lang.online_label()),
            face: FaceId::Bold,
        },
        Run {
            text: crate::model::control::short_address(address).to_string(),
            face: FaceId::Regular,
        },
    ];
    b.align = Align::Left;
    b.hyphenate = false;
    b.unbreakable = true;
    if let Some(code) = crate::qr::Symbol::encode(address) {
        b.indent = code.side() + code.quiet_zone();
    }
    b.space_before = style.body_leading() * 1.5;
    b
}

/// "Contact: Oncologisch dagziekenhuis, tel. 03 821 30 00, maandag tot vrijdag …", kept
/// with the route block below it.
fn contact_block(contact: &crate::model::Contact, style: &HouseStyle, lang: Lang) -> Block {
    let mut text = format!(
        "{}, {} {}",
        contact.name.trim(),
        lang.phone(),
        contact.phone.trim()
    );
    if let Some(email) = contact.email.as_deref().filter(|e| !e.trim().is_empty()) {
        text.push_str(&format!(", {}", email.trim()));
    }
    if let Some(hours) = contact.hours.as_deref().filter(|h| !h.trim().is_empty()) {
        text.push_str(&format!(", {}", hours.trim()));
    }
    Block {
        kind: BlockKind::Contact,
        runs: vec![
            Run {
                text: lang.contact_label(),
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
        table: None,
        figure: None,
        origin: None,
    }
}

fn route_block(leaflet: &Leaflet, style: &HouseStyle) -> Block {
    let mut runs = vec![Run {
        text: leaflet.lang.route(&leaflet.route.number),
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
        table: None,
        figure: None,
        origin: None,
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
        table: None,
        figure: None,
        origin: None,
    }
}

/// Lists nested deeper than this are indented no further: sixty nested levels pushed the
/// text column past the right edge of the page.
pub const MAX_LIST_INDENTS: usize = 4;

fn normalize_runs(runs: &[Run], style: &HouseStyle, lang: Lang) -> Vec<Run> {
    let chars: Vec<(char, FaceId)> = runs
        .iter()
        .flat_map(|r| r.text.chars().map(move |c| (c, r.face)))
        .collect();
    // The house style's quotes are Dutch practice; English takes double quotes, and French
    // turns them into guillemets with its spacing.
    let quotes = match lang {
        Lang::Nl => style.quotes,
        Lang::Fr | Lang::En => crate::style::QuoteStyle::Double,
    };
    let mut normalized = normalize(&chars, quotes);
    if lang == Lang::Fr {
        normalized = french::spacing(&normalized);
    }
    let mut out: Vec<Run> = Vec::new();
    for (c, face) in normalized {
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
