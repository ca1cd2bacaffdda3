//! PDF output: laid-out pages to bytes, through printpdf, then one lopdf pass that makes the
//! file deterministic and complete (subset tags, metadata, page boxes, PDF/X parts).
//!
//! Only this module and `preflight` know printpdf or lopdf; the PDF/X facts both need
//! live in [`crate::pdfx`].

mod control;
mod finish;
mod fonts;
mod images;
mod intent;
mod pad;
mod svg;
mod tags;

use crate::document::tree::Tree;
use crate::layout::{Page, PageItem};
use crate::style::{Cmyk, PT_PER_MM};
use crate::text::fonts::Fonts;
use chrono::NaiveDate;
use printpdf::{
    Color, Line, LinePoint, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage, PdfSaveOptions,
    Point, Pt, Rect, TextItem, TextMatrix, WindingOrder,
};

pub use finish::{defects, printpdf_leftovers, trailer_id};
pub use intent::OutputCondition;
pub use pad::{Padded, Padding, PageCount, pad};

/// Which printer the file is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Plain A5 pages for the office printer and e-mail.
    Office,
    /// PDF/X-4 with 3 mm bleed for the print shop; `marks` adds crop marks.
    Print { marks: bool },
}

pub use crate::pdfx::BLEED_MM;
/// Room outside the bleed for crop marks, millimetres.
pub const MARKS_MM: f32 = 10.0;

/// The document-level facts that go into the metadata.
#[derive(Debug, Clone, PartialEq)]
pub struct Meta {
    pub title: String,
    pub authors: String,
    pub revised: NaiveDate,
    pub lang: String,
    /// Document control: the hospital's code (XMP `dc:identifier`, Info `/DocumentCode`)
    /// and the text's version (`leaflet:version`, Info `/DocumentVersion`).
    pub code: Option<String>,
    pub version: Option<u32>,
    /// The leaflet's online version (`online:`), whose short form is printed beside the QR
    /// code: that printed address links to this, the address as written.
    pub online: Option<String>,
}

/// Page geometry for a target: where the trim sits inside the media box.
#[derive(Debug, Clone, Copy)]
pub struct Geometry {
    pub trim_width: f32,
    pub trim_height: f32,
    /// Distance from the media box's edge to the trim, points.
    pub offset: f32,
    pub bleed: f32,
}

impl Geometry {
    pub fn new(target: Target, trim_width: f32, trim_height: f32) -> Geometry {
        let (bleed, marks) = match target {
            Target::Office => (0.0, 0.0),
            Target::Print { marks } => (
                BLEED_MM * PT_PER_MM,
                if marks { MARKS_MM * PT_PER_MM } else { 0.0 },
            ),
        };
        Geometry {
            trim_width,
            trim_height,
            offset: bleed + marks,
            bleed,
        }
    }
    pub fn media_width(&self) -> f32 {
        self.trim_width + 2.0 * self.offset
    }
    pub fn media_height(&self) -> f32 {
        self.trim_height + 2.0 * self.offset
    }
}

/// House-style choices for print output, read by [`write_with`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PrintSettings {
    /// The press condition of the output intent (`output_condition: coated | uncoated`).
    pub output: OutputCondition,
}

/// Renders laid-out pages to PDF bytes. The same pages and metadata always give the same
/// bytes.
pub fn write(pages: &[Page], meta: &Meta, target: Target, fonts: &Fonts) -> Vec<u8> {
    write_with(pages, meta, target, fonts, &PrintSettings::default())
}

/// [`write`] with the house style's print settings.
pub fn write_with(
    pages: &[Page],
    meta: &Meta,
    target: Target,
    fonts: &Fonts,
    settings: &PrintSettings,
) -> Vec<u8> {
    write_tagged(pages, meta, target, fonts, settings, None)
}

/// [`write_with`], tagged for PDF/UA-1 when `structure` is given and the target is the
/// office: every text item marked as content of its structure element or as an artifact,
/// real spaces between words, and the structure tree in the catalog.
///
/// Print output stays untagged: PDF/X-4 permits tags, but the shop's file is read by a
/// RIP, not a person, and its padded and imposed pages have no reading order to give.
pub fn write_tagged(
    pages: &[Page],
    meta: &Meta,
    target: Target,
    fonts: &Fonts,
    settings: &PrintSettings,
    structure: Option<&Tree>,
) -> Vec<u8> {
    let structure = structure.filter(|_| target == Target::Office);
    let (w, h) = pages
        .first()
        .map_or((420.0, 595.0), |p| (p.width, p.height));
    let geometry = Geometry::new(target, w, h);
    let subsets = fonts::subset(pages, fonts, structure.is_some());

    let mut doc = PdfDocument::new(&meta.title);
    for s in &subsets {
        doc.resources.fonts.map.insert(
            s.font_id.clone(),
            printpdf::font::PdfFont::new(s.parsed.clone()),
        );
    }
    let types = structure.map(tags::types);
    let to_pdf = |x: f32, y: f32| {
        (
            x + geometry.offset,
            geometry.offset + geometry.trim_height - y,
        )
    };
    // Addresses become links only in the tagged office file: PDF/X wants no annotations on
    // the page, and an untagged link would be one a screen reader cannot announce.
    let links = match structure {
        Some(_) => tags::links::find(pages, to_pdf, meta.online.as_deref()),
        None => Vec::new(),
    };
    let link_of = tags::links::by_item(&links, pages.len());
    let mut marked: Vec<Vec<tags::Mark>> = Vec::with_capacity(pages.len());
    let pdf_pages: Vec<PdfPage> = pages
        .iter()
        .zip(&link_of)
        .map(|(page, link_of)| {
            let mut mcids = Vec::new();
            let marking = types.as_ref().map(|t| (t, &mut mcids, link_of));
            let mut ops = page_ops(page, &geometry, &subsets, fonts, target, marking);
            marked.push(mcids);
            if let Target::Print { marks: true } = target {
                ops.extend(crop_marks(&geometry));
            }
            PdfPage::new(
                printpdf::Mm(geometry.media_width() / PT_PER_MM),
                printpdf::Mm(geometry.media_height() / PT_PER_MM),
                ops,
            )
        })
        .collect();
    doc.with_pages(pdf_pages);
    let figure_boxes = tags::figure_boxes(pages, to_pdf);
    let opts = PdfSaveOptions {
        subset_fonts: false,
        ..PdfSaveOptions::default()
    };
    let mut warnings = Vec::new();
    let mut lopdf_doc = printpdf::serialize::to_lopdf_doc(&doc, &opts, &mut warnings);
    images::embed(&mut lopdf_doc, pages);
    finish::finish(
        lopdf_doc,
        meta,
        target,
        &geometry,
        &subsets,
        settings.output,
        structure.map(|tree| tags::Marked {
            tree,
            mcids: marked.as_slice(),
            links: &links,
            boxes: &figure_boxes,
        }),
    )
}

fn color(c: Cmyk) -> Color {
    Color::Cmyk(printpdf::Cmyk {
        c: c.c,
        m: c.m,
        y: c.y,
        k: c.k,
        icc_profile: None,
    })
}

/// Black text up to this size overprints in print output: knocked out of a tint, the
/// slightest misregistration leaves a white halo around each letter (the shop's preflight
/// asks for it up to 12 pt).
pub const OVERPRINT_TEXT_PT: f32 = 12.0;

/// The graphics states print output switches between, by resource name: black text on top
/// of the inks below it, and everything else knocking out as usual. Added to every page's
/// resources by the finishing pass.
pub const OVERPRINT_GS: &str = "GSop";
pub const KNOCKOUT_GS: &str = "GSko";

/// Whether a text run overprints: solid K only, small, for the press. White or coloured
/// text must knock out, or it would vanish or mix with the tint below.
fn overprints(run_color: Cmyk, size: f32, target: Target) -> bool {
    matches!(target, Target::Print { .. }) && run_color == Cmyk::BLACK && size <= OVERPRINT_TEXT_PT
}

/// A page's content stream. With `marking` (tagged output) every item is enclosed in
/// marked content: text of the document as `/Type <</MCID n>> BDC … EMC`, the MCIDs'
/// contents pushed in order; everything else as `/Artifact BMC … EMC`.
fn page_ops(
    page: &Page,
    g: &Geometry,
    subsets: &[fonts::Subset],
    fonts: &Fonts,
    target: Target,
    mut marking: Option<(
        &tags::Types,
        &mut Vec<tags::Mark>,
        &std::collections::HashMap<usize, usize>,
    )>,
) -> Vec<Op> {
    let mut ops = Vec::new();
    let mut open: Option<Option<tags::Mark>> = None;
    let mut tag_at = page.tags.iter().peekable();
    // Overprint is graphics state: switched only where it changes.
    let mut overprinting = false;
    let mut set_overprint = |ops: &mut Vec<Op>, on: bool| {
        if on != overprinting {
            let gs = if on { OVERPRINT_GS } else { KNOCKOUT_GS };
            ops.push(Op::LoadGraphicsState {
                gs: printpdf::ExtendedGraphicsStateId(gs.into()),
            });
            overprinting = on;
        }
    };
    // Layout's origin is the trim's top-left; PDF's is the media box's bottom-left.
    let px = |x: f32| Pt(x + g.offset);
    let py = |y: f32| Pt(g.offset + g.trim_height - y);
    let mut in_text = false;
    // Font and fill colour are graphics state and outlive BT/ET: setting them again for
    // every word (the layout emits a run per justified word) only bloats the stream.
    let mut current_font = None;
    let mut current_fill = None;
    let mut current_scale = 1.0f32;
    for (index, item) in page.items.iter().enumerate() {
        let tag = tag_at.next_if(|t| t.item == index);
        if let Some((types, mcids, link_of)) = marking.as_mut() {
            let want = tag.map(|t| tags::Mark {
                content: t.content,
                link: link_of.get(&index).copied(),
            });
            if open != Some(want) {
                // Marked content nests with text objects: switch outside BT … ET.
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                if open.is_some() {
                    ops.push(Op::EndMarkedContent);
                }
                ops.push(tags::begin(want, types, mcids));
                open = Some(want);
            }
        }
        match item {
            PageItem::Fill(f) => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                set_overprint(&mut ops, false);
                // Edges on the trim run on into the bleed, so cutting leaves no white line.
                let eps = 0.01;
                let left = if f.x <= eps { -g.bleed } else { f.x };
                let top = if f.y <= eps { -g.bleed } else { f.y };
                let right = if f.x + f.width >= g.trim_width - eps {
                    g.trim_width + g.bleed
                } else {
                    f.x + f.width
                };
                let bottom = if f.y + f.height >= g.trim_height - eps {
                    g.trim_height + g.bleed
                } else {
                    f.y + f.height
                };
                if current_fill != Some(f.color) {
                    ops.push(Op::SetFillColor {
                        col: color(f.color),
                    });
                    current_fill = Some(f.color);
                }
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: px(left),
                        y: py(bottom),
                        width: Pt(right - left),
                        height: Pt(bottom - top),
                        mode: Some(PaintMode::Fill),
                        winding_order: Some(WindingOrder::NonZero),
                    },
                });
            }
            PageItem::Rule(r) => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                set_overprint(&mut ops, false);
                ops.push(Op::SetOutlineColor {
                    col: color(r.color),
                });
                ops.push(Op::SetOutlineThickness {
                    pt: Pt(r.thickness),
                });
                ops.push(Op::DrawLine {
                    line: Line {
                        points: vec![
                            LinePoint {
                                p: Point {
                                    x: px(r.x1),
                                    y: py(r.y1),
                                },
                                bezier: false,
                            },
                            LinePoint {
                                p: Point {
                                    x: px(r.x2),
                                    y: py(r.y2),
                                },
                                bezier: false,
                            },
                        ],
                        is_closed: false,
                    },
                });
            }
            PageItem::Image(image) => {
                if in_text {
                    ops.push(Op::EndTextSection);
                    in_text = false;
                }
                set_overprint(&mut ops, false);
                // Hook for tagging: `image.alt` is the /Alt of a /Figure around this `Do`.
                let m = images::placement(
                    &image.image,
                    px(image.x).0,
                    py(image.y + image.height).0,
                    image.width,
                    image.height,
                );
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::SetTransformationMatrix {
                    matrix: printpdf::matrix::CurTransMat::Raw(m),
                });
                ops.push(Op::UseXobject {
                    id: printpdf::XObjectId(images::resource_name(&image.image)),
                    transform: printpdf::XObjectTransform {
                        no_auto_scale: true,
                        ..Default::default()
                    },
                });
                ops.push(Op::RestoreGraphicsState);
                // The fill colour is graphics state, restored by `Q`: set it again after.
                current_fill = None;
            }
            PageItem::Text(run) => {
                if run.glyphs.is_empty() {
                    continue;
                }
                if !in_text {
                    ops.push(Op::StartTextSection);
                    in_text = true;
                }
                set_overprint(&mut ops, overprints(run.color, run.size, target));
                let subset = subsets
                    .iter()
                    .find(|s| s.face == run.face)
                    .expect("every face on a page was subset");
                let face = fonts.face(run.face);
                if current_font != Some((run.face, run.size)) {
                    ops.push(Op::SetFont {
                        font: PdfFontHandle::External(subset.font_id.clone()),
                        size: Pt(run.size),
                    });
                    current_font = Some((run.face, run.size));
                }
                if current_fill != Some(run.color) {
                    ops.push(Op::SetFillColor {
                        col: color(run.color),
                    });
                    current_fill = Some(run.color);
                }
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(px(run.x + run.glyphs[0].x), py(run.y)),
                });
                // Expanded glyphs (justified lines): the PDF scales advances and TJ
                // adjustments by Tz too, so offsets are computed in unscaled units.
                if current_scale != run.scale {
                    ops.push(Op::SetHorizontalScaling {
                        percent: run.scale * 100.0,
                    });
                    current_scale = run.scale;
                }
                let mut codepoints = Vec::with_capacity(run.glyphs.len());
                for (i, glyph) in run.glyphs.iter().enumerate() {
                    // The PDF advances by the font's own width (whole thousandths of an
                    // em, truncated as printpdf writes /W); kerning and justification are the difference.
                    let default = (subset.advance(glyph.id, face) * 1000.0 / face.upem).trunc()
                        / 1000.0
                        * run.size;
                    let offset = match run.glyphs.get(i + 1) {
                        Some(next) => {
                            (glyph.x + default * run.scale - next.x) * 1000.0
                                / (run.size * run.scale)
                        }
                        None => 0.0,
                    };
                    let offset = (offset * 100.0).round() / 100.0;
                    codepoints.push(printpdf::Codepoint {
                        gid: subset.new_gid(glyph.id),
                        offset,
                        cid: Some(subset.text_of(glyph.id).to_string()),
                    });
                }
                // A real space after the word, where the layout only left a gap: the next
                // run sets its own position, so the space moves nothing on the page.
                if let Some(space) = subset
                    .space()
                    .filter(|_| tag.is_some_and(|t| t.space_after))
                {
                    codepoints.push(printpdf::Codepoint {
                        gid: subset.new_gid(space),
                        offset: 0.0,
                        cid: Some(" ".to_string()),
                    });
                }
                ops.push(Op::ShowText {
                    items: vec![TextItem::GlyphIds(codepoints)],
                });
            }
        }
    }
    if in_text {
        ops.push(Op::EndTextSection);
    }
    if open.is_some() {
        ops.push(Op::EndMarkedContent);
    }
    // Crop marks follow; they knock out like everything else.
    set_overprint(&mut ops, false);
    ops
}

/// Crop marks: hairlines in the margin outside the bleed, in registration-safe 100 % K
/// (all four inks would be "registration", which the shop's preflight flags on text pages).
fn crop_marks(g: &Geometry) -> Vec<Op> {
    let mut ops = vec![
        Op::SetOutlineColor {
            col: color(Cmyk::BLACK),
        },
        Op::SetOutlineThickness { pt: Pt(0.25) },
    ];
    let o = g.offset;
    let (w, h) = (g.trim_width, g.trim_height);
    let gap = g.bleed + 2.0;
    let len = MARKS_MM * PT_PER_MM - 4.0;
    let mut line = |x1: f32, y1: f32, x2: f32, y2: f32| {
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![
                    LinePoint {
                        p: Point {
                            x: Pt(x1),
                            y: Pt(y1),
                        },
                        bezier: false,
                    },
                    LinePoint {
                        p: Point {
                            x: Pt(x2),
                            y: Pt(y2),
                        },
                        bezier: false,
                    },
                ],
                is_closed: false,
            },
        });
    };
    for (cx, sx) in [(o, -1.0f32), (o + w, 1.0)] {
        for (cy, sy) in [(o, -1.0f32), (o + h, 1.0)] {
            // Horizontal mark on the trim line, vertical mark on the trim line.
            line(cx + sx * gap, cy, cx + sx * (gap + len), cy);
            line(cx, cy + sy * gap, cx, cy + sy * (gap + len));
        }
    }
    ops
}
