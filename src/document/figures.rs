//! Figure, caption and colophon blocks. A figure is one unbreakable block holding its
//! picture; its caption follows as a block of its own, kept with it, so the page breaker
//! moves the two together and a heading above them (kept with its next block) never
//! stays behind alone.

use super::{Block, BlockKind, FaceId, Origin, Run, body_block};
use crate::identity::Hospital;
use crate::images::Image;
use crate::model::figures::Figure;
use crate::style::{Align, HouseStyle, PT_PER_MM};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

/// A picture as a block carries it: the picture, what it shows, and its width.
#[derive(Debug, Clone, PartialEq)]
pub struct FigureRef {
    pub image: Arc<Image>,
    /// The alt text: the accessible description the tagged PDF gives the figure.
    pub alt: String,
    /// Share of the text width, 0.1–1.
    pub width: f32,
    /// `sections[1].figures[0]`; `logo` for the colophon's logo.
    pub field: String,
    /// The figure's line and column in the leaflet, for findings about its size.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

/// The pictures a leaflet places, read by the caller: figures by their resolved path, and
/// the library's identity with its logo.
#[derive(Debug, Clone, Default)]
pub struct Pictures {
    pub figures: BTreeMap<PathBuf, Arc<Image>>,
    pub identity: Option<Hospital>,
    pub logo: Option<Arc<Image>>,
}

/// The colophon's logo is this wide: recognisable, and small beside the text it signs.
const LOGO_WIDTH_MM: f32 = 32.0;

/// The figure's block, and its caption's when it has one.
pub fn figure_blocks(f: &Figure, image: &Arc<Image>, style: &HouseStyle) -> Vec<Block> {
    let mut figure = body_block(BlockKind::Figure, style);
    figure.hyphenate = false;
    figure.unbreakable = true;
    figure.space_before = style.body_leading() * 0.75;
    figure.keep_with_next = f.caption.is_some();
    figure.origin = Some(Origin {
        field: f.field.clone(),
        at: 0,
    });
    figure.figure = Some(FigureRef {
        image: image.clone(),
        alt: f.alt.clone(),
        width: f.width,
        field: f.field.clone(),
        line: f.line,
        column: f.column,
    });
    let mut out = vec![figure];
    if let Some(caption) = &f.caption {
        let mut b = body_block(BlockKind::Caption, style);
        // A caption reads as a label, a step smaller, never justified.
        b.size = (style.body_size * 0.9).max(style.footer_size);
        b.leading = b.size * style.leading;
        b.align = Align::Left;
        b.space_before = style.body_leading() * 0.25;
        b.unbreakable = true;
        b.runs = vec![Run {
            text: caption.clone(),
            face: FaceId::Italic,
        }];
        b.origin = Some(Origin {
            field: format!("{}.caption", f.field),
            at: 0,
        });
        out.push(b);
    }
    out
}

/// The hospital's logo and its name, address, phone and website, closing the leaflet.
pub fn colophon_blocks(h: &Hospital, logo: Option<&Arc<Image>>, style: &HouseStyle) -> Vec<Block> {
    let mut out = Vec::new();
    let mut lines: Vec<Vec<Run>> = vec![vec![Run {
        text: h.name.clone(),
        face: FaceId::Bold,
    }]];
    if let Some(a) = &h.address {
        lines.push(vec![Run {
            text: a.clone(),
            face: FaceId::Regular,
        }]);
    }
    let mut contact = Vec::new();
    if let Some(p) = &h.phone {
        contact.push(format!("tel. {p}"));
    }
    if let Some(w) = &h.website {
        contact.push(w.clone());
    }
    if !contact.is_empty() {
        lines.push(vec![Run {
            text: contact.join("  ·  "),
            face: FaceId::Regular,
        }]);
    }
    if let Some(image) = logo {
        let mut b = body_block(BlockKind::Figure, style);
        b.hyphenate = false;
        b.unbreakable = true;
        b.keep_with_next = true;
        b.space_before = style.body_leading() * 2.0;
        b.figure = Some(FigureRef {
            image: image.clone(),
            alt: format!("Logo van {}", h.name),
            width: (LOGO_WIDTH_MM * PT_PER_MM / style.measure()).min(1.0),
            field: "logo".into(),
            line: None,
            column: None,
        });
        out.push(b);
    }
    let n = lines.len();
    for (i, runs) in lines.into_iter().enumerate() {
        let mut b = body_block(BlockKind::Colophon, style);
        b.size = style.footer_size.max(style.body_size * 0.8);
        b.leading = b.size * 1.35;
        b.align = Align::Left;
        b.hyphenate = false;
        b.unbreakable = true;
        b.color = if i == 0 {
            style.accent_color
        } else {
            style.text_color
        };
        b.space_before = match (i, logo.is_some()) {
            (0, true) => style.body_leading() * 0.4,
            (0, false) => style.body_leading() * 2.0,
            _ => 0.0,
        };
        b.keep_with_next = i + 1 < n;
        b.runs = runs;
        out.push(b);
    }
    out
}
