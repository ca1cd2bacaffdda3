//! One laid-out page as a standalone SVG document.
//!
//! Glyphs are drawn as their outlines, taken from the embedded fonts, not as `<text>` in a
//! web font: layout chose glyph ids (ligatures, kerning, justification, font expansion), and
//! only the outlines reproduce exactly that choice whatever the browser's shaper would do.
//! Each glyph's outline is written once per page in `<defs>` and placed with `<use>`, which
//! keeps a page of ~2,000 glyphs near 150 KB.

use crate::layout::{Page, PageItem};
use crate::style::Cmyk;
use crate::text::fonts::Fonts;
use rustybuzz::ttf_parser;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Coordinates are written with this many decimals: a hundredth of a point is far below a
/// screen pixel even at 400 % zoom, and more digits only grow the file.
const DECIMALS: usize = 2;

/// The page as SVG in points (viewBox = the trimmed page), white paper under it.
pub fn page_svg(page: &Page, fonts: &Fonts) -> String {
    let mut defs: BTreeMap<(usize, u16), String> = BTreeMap::new();
    let mut body = String::new();
    for item in &page.items {
        match item {
            PageItem::Fill(f) => {
                let _ = writeln!(
                    body,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>"#,
                    n(f.x),
                    n(f.y),
                    n(f.width),
                    n(f.height),
                    rgb(f.color)
                );
            }
            PageItem::Rule(r) => {
                let _ = writeln!(
                    body,
                    r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}" stroke-width="{}"/>"#,
                    n(r.x1),
                    n(r.y1),
                    n(r.x2),
                    n(r.y2),
                    rgb(r.color),
                    n(r.thickness)
                );
            }
            PageItem::Image(placed) => {
                body.push_str(&super::image::element(placed));
                body.push('\n');
            }
            PageItem::Text(run) => {
                if run.glyphs.is_empty() {
                    continue;
                }
                let face = fonts.face(run.face);
                let face_no = run.face as usize;
                let em = run.size / face.upem;
                let _ = write!(body, r#"<g fill="{}">"#, rgb(run.color));
                for glyph in &run.glyphs {
                    let id = format!("f{face_no}g{}", glyph.id);
                    let outline = defs
                        .entry((face_no, glyph.id))
                        .or_insert_with(|| outline(face.data, glyph.id));
                    // A space has no outline: nothing to place.
                    if outline.is_empty() {
                        continue;
                    }
                    // Font units are y-up; the page is y-down. Glyph positions already
                    // include the run's horizontal scale; the outline itself is scaled too.
                    let _ = write!(
                        body,
                        r##"<use href="#{id}" transform="translate({} {}) scale({} {})"/>"##,
                        n(run.x + glyph.x),
                        n(run.y),
                        n4(em * run.scale),
                        n4(-em)
                    );
                }
                body.push_str("</g>\n");
            }
        }
    }
    let mut svg = String::with_capacity(body.len() + 64 * defs.len() + 512);
    let _ = writeln!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}pt" height="{h}pt">"#,
        w = n(page.width),
        h = n(page.height)
    );
    svg.push_str("<defs>");
    for ((face, glyph), d) in &defs {
        if !d.is_empty() {
            let _ = write!(svg, r#"<path id="f{face}g{glyph}" d="{d}"/>"#);
        }
    }
    svg.push_str("</defs>\n");
    let _ = writeln!(
        svg,
        r##"<rect width="{}" height="{}" fill="#fff"/>"##,
        n(page.width),
        n(page.height)
    );
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    svg
}

/// A glyph's outline as SVG path data in font units; empty for a glyph without one.
fn outline(font: &[u8], glyph: u16) -> String {
    let Ok(face) = ttf_parser::Face::parse(font, 0) else {
        return String::new();
    };
    let mut path = PathData(String::new());
    face.outline_glyph(ttf_parser::GlyphId(glyph), &mut path);
    path.0
}

struct PathData(String);

impl ttf_parser::OutlineBuilder for PathData {
    fn move_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "M{} {}", x, y);
    }
    fn line_to(&mut self, x: f32, y: f32) {
        let _ = write!(self.0, "L{} {}", x, y);
    }
    fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
        let _ = write!(self.0, "Q{x1} {y1} {x} {y}");
    }
    fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
        let _ = write!(self.0, "C{x1} {y1} {x2} {y2} {x} {y}");
    }
    fn close(&mut self) {
        self.0.push('Z');
    }
}

/// The screen colour of each of the 16 ink combinations (C, M, Y, K each none or full), in
/// the order of the bits `cmyk` (C the highest): the table poppler and xpdf render DeviceCMYK
/// with, so the preview shows the colours a PDF viewer shows (the naive `1 − c` formula
/// makes the house blue and 100 % K text visibly brighter than the PDF on screen).
const INK_CORNERS: [[f32; 3]; 16] = [
    [1.0, 1.0, 1.0],          // paper
    [0.1373, 0.1216, 0.1255], // K
    [1.0, 0.9490, 0.0],       // Y
    [0.1098, 0.1020, 0.0],    // Y K
    [0.9255, 0.0, 0.5490],    // M
    [0.1412, 0.0, 0.0],       // M K
    [0.9294, 0.1098, 0.1412], // M Y
    [0.1333, 0.0, 0.0],       // M Y K
    [0.0, 0.6784, 0.9373],    // C
    [0.0, 0.0588, 0.1412],    // C K
    [0.0, 0.6510, 0.3137],    // C Y
    [0.0, 0.0745, 0.0],       // C Y K
    [0.1804, 0.1922, 0.5725], // C M
    [0.0, 0.0, 0.0078],       // C M K
    [0.2118, 0.2119, 0.2235], // C M Y
    [0.0, 0.0, 0.0],          // C M Y K
];

/// A CMYK ink as its screen colour: the corners of the ink cube blended by how much of
/// each ink there is (trilinear in four dimensions).
fn rgb(c: Cmyk) -> String {
    let inks = [c.c, c.m, c.y, c.k].map(|v| v.clamp(0.0, 1.0));
    let mut out = [0.0f32; 3];
    for (corner, colour) in INK_CORNERS.iter().enumerate() {
        let weight: f32 = inks
            .iter()
            .enumerate()
            .map(|(i, v)| if corner & (8 >> i) != 0 { *v } else { 1.0 - v })
            .product();
        for (o, c) in out.iter_mut().zip(colour) {
            *o += weight * c;
        }
    }
    let [r, g, b] = out.map(|v| (v * 255.0).round().clamp(0.0, 255.0) as u8);
    format!("#{r:02x}{g:02x}{b:02x}")
}

fn n(v: f32) -> String {
    trim(format!("{v:.DECIMALS$}"))
}

/// Scale factors are tiny (size ÷ 1000 units): they need more digits than positions.
fn n4(v: f32) -> String {
    trim(format!("{v:.6}"))
}

fn trim(s: String) -> String {
    if s.contains('.') {
        let t = s.trim_end_matches('0').trim_end_matches('.');
        if t == "-0" { "0".into() } else { t.into() }
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{Fill, GlyphRun};
    use crate::text::items::Glyph;

    #[test]
    fn inks_look_as_a_pdf_viewer_shows_them() {
        // Read back from `pdftoppm` renderings of the same inks.
        assert_eq!(rgb(Cmyk::new(0.85, 0.35, 0.0, 0.15)), "#2c74b4");
        assert_eq!(rgb(Cmyk::new(0.12, 0.03, 0.0, 0.0)), "#e0eefa");
        assert_eq!(rgb(Cmyk::BLACK), "#231f20");
        assert_eq!(rgb(Cmyk::new(0.0, 0.0, 0.0, 0.0)), "#ffffff");
    }

    #[test]
    fn glyphs_are_placed_outlines_on_white_paper() {
        let fonts = Fonts::embedded();
        let face = crate::document::FaceId::Regular;
        let shaped = fonts.shape(face, "Ha");
        let run = GlyphRun {
            face,
            size: 10.0,
            color: Cmyk::BLACK,
            x: 20.0,
            y: 30.0,
            glyphs: shaped
                .iter()
                .scan(0.0, |pen, g| {
                    let x = *pen;
                    *pen += g.advance * 10.0 / fonts.face(face).upem;
                    Some(Glyph {
                        id: g.id,
                        x,
                        y: 0.0,
                        advance: g.advance,
                        text: "x".into(),
                    })
                })
                .collect(),
            scale: 1.0,
        };
        let page = Page {
            width: 419.53,
            height: 595.28,
            tags: Vec::new(),
            items: vec![
                PageItem::Fill(Fill {
                    x: 0.0,
                    y: 0.0,
                    width: 10.0,
                    height: 5.0,
                    color: Cmyk::new(1.0, 0.0, 0.0, 0.0),
                }),
                PageItem::Text(run),
            ],
        };
        let svg = page_svg(&page, &fonts);
        assert!(
            svg.starts_with(
                r#"<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 419.53 595.28""#
            )
        );
        assert!(svg.contains(r##"<rect x="0" y="0" width="10" height="5" fill="#00adef"/>"##));
        assert_eq!(svg.matches("<path id=").count(), 2, "{svg}");
        assert_eq!(svg.matches("<use ").count(), 2);
        let upem = fonts.face(face).upem;
        let scale = n4(10.0 / upem);
        assert!(
            svg.contains(&format!(
                r#"transform="translate(20 30) scale({scale} -{scale})""#
            )),
            "{svg}"
        );
        assert!(svg.contains(r##"<g fill="#231f20">"##));
    }
}
