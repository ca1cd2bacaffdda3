//! Tagged PDF (PDF/UA-1) for the office file: marked content in the page streams, and the
//! structure tree that gives a screen reader the leaflet's headings, lists and tables in
//! reading order.
//!
//! The shape follows Typst's `typst-pdf/src/tags`: the content stream marks each stretch
//! of one element's text with a marked-content id (MCID) as it is written, and the
//! finishing pass builds the tree from the document's logical structure
//! ([`crate::document::tree`]), pointing each element at its MCIDs and each page's MCIDs
//! back at their elements (the ParentTree). Everything not in the tree (the colour band,
//! rules, tints, the footer, an added hyphen) is an `/Artifact`.

pub mod links;
mod tree;

pub use tree::add_structure;

use crate::document::tree::{Content, Kind, Tree};
use crate::layout::{Page, PageItem};
use printpdf::Op;
use printpdf::xobject::DictItem;
use std::collections::{BTreeMap, HashMap};

/// What the finishing pass needs to build the structure tree.
pub struct Marked<'a> {
    pub tree: &'a Tree,
    /// `mcids[p][mcid]`: what page `p`'s MCID marks, as the streams were written.
    pub mcids: &'a [Vec<Mark>],
    /// The addresses in the text, each a `Link` element over its MCIDs and annotations.
    pub links: &'a [links::Link],
    /// Where each placed picture is, `[left, bottom, right, top]` in PDF points: a Figure's
    /// `/BBox` (PDF/UA asks it of every Figure, so assistive tools can show or magnify it).
    pub boxes: &'a HashMap<Content, [f32; 4]>,
}

/// The bounding box of every tagged picture on the pages; `to_pdf` turns layout's
/// top-left coordinates into the media box's.
pub fn figure_boxes(
    pages: &[Page],
    to_pdf: impl Fn(f32, f32) -> (f32, f32),
) -> HashMap<Content, [f32; 4]> {
    let mut boxes = HashMap::new();
    for page in pages {
        for tag in &page.tags {
            if let Some(PageItem::Image(image)) = page.items.get(tag.item) {
                let (left, bottom) = to_pdf(image.x, image.y + image.height);
                let (right, top) = to_pdf(image.x + image.width, image.y);
                boxes.insert(tag.content, [left, bottom, right, top]);
            }
        }
    }
    boxes
}

/// What one MCID marks: a content part of a structure element, or of the address `link`
/// (an index into [`Marked::links`]) inside it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mark {
    pub content: Content,
    pub link: Option<usize>,
}

/// The structure type of each content part, for the tag of its marked content.
pub struct Types(HashMap<Content, &'static str>);

pub fn types(tree: &Tree) -> Types {
    Types(
        tree.nodes
            .iter()
            .filter_map(|n| n.content.map(|c| (c, type_name(n.kind))))
            .collect(),
    )
}

/// The structure type a node is written as. `Aside` is not a standard type in PDF 1.7;
/// the RoleMap maps it to `Sect` (see [`ROLE_MAP`]).
pub fn type_name(kind: Kind) -> &'static str {
    match kind {
        Kind::Document => "Document",
        Kind::H1 => "H1",
        Kind::H2 => "H2",
        Kind::P => "P",
        Kind::L { .. } => "L",
        Kind::LI => "LI",
        Kind::Lbl => "Lbl",
        Kind::LBody => "LBody",
        Kind::Table => "Table",
        Kind::TR => "TR",
        Kind::TH => "TH",
        Kind::TD => "TD",
        Kind::Aside => "Aside",
        Kind::Figure => "Figure",
        Kind::Caption => "Caption",
    }
}

/// Our own structure types and the standard type each stands for.
pub const ROLE_MAP: &[(&str, &str)] = &[("Aside", "Sect")];

/// The operator that opens the marked content for an item: its element's type with the
/// next MCID for content, `/Artifact` for the rest.
pub fn begin(mark: Option<Mark>, types: &Types, mcids: &mut Vec<Mark>) -> Op {
    match mark {
        Some(m) => {
            let mcid = mcids.len();
            mcids.push(m);
            let mut map = BTreeMap::new();
            map.insert("MCID".to_string(), DictItem::Int(mcid as i64));
            let tag = match m.link {
                Some(_) => "Link",
                None => types.0.get(&m.content).copied().unwrap_or("Span"),
            };
            Op::BeginMarkedContentWithProperties {
                tag: tag.to_string(),
                properties: DictItem::Dict { map },
            }
        }
        None => Op::BeginMarkedContent {
            tag: "Artifact".to_string(),
        },
    }
}
