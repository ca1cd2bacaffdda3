//! Third pass, from a reviewer's hunt for false passes: what is painted where the walker
//! did not look (tiling pattern cells, Type 3 glyphs), lines thin in one direction only,
//! colour spaces that say one thing and hold another, 1-bit images, and tints drawn as
//! paths or images that stop at the trim. Each file has one defect, and its control
//! (the same thing done right) is ready.

use super::mutate::*;
use super::{Case, case, warns};
use lopdf::{Dictionary, Document, Object, Stream, dictionary};

/// A tiling pattern whose cell draws `cell`, with `resources`; `uncoloured` for PaintType 2.
fn tiling(cell: &[u8], resources: Dictionary, uncoloured: bool) -> Stream {
    Stream::new(
        dictionary! {
            "Type" => "Pattern", "PatternType" => 1, "PaintType" => if uncoloured { 2 } else { 1 },
            "TilingType" => 1, "BBox" => vec![0.into(), 0.into(), 20.into(), 20.into()],
            "XStep" => 20, "YStep" => 20, "Resources" => resources,
        },
        cell.to_vec(),
    )
}

/// Page 1 filling a square with the pattern /PZ, whose cell draws `cell`.
fn with_pattern(cell: &'static [u8], resources: fn(&Document) -> Dictionary) -> Vec<u8> {
    mutated(|doc| {
        let r = resources(doc);
        let p = doc.add_object(tiling(cell, r, false));
        add_resource(doc, "Pattern", "PZ", p.into());
        add_content(doc, b"q /Pattern cs /PZ scn 100 100 200 200 re f Q");
    })
}

/// Page 1's own font resources, for a cell or glyph that sets text in /F1.
fn page_fonts(doc: &Document) -> Dictionary {
    let p = page(doc, 1);
    let r = doc.get_dictionary(p).unwrap().get(b"Resources").unwrap();
    let r = match r {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        o => o.as_dict().unwrap(),
    };
    dictionary! { "Font" => r.get(b"Font").unwrap().clone() }
}

fn helvetica(doc: &mut Document) -> Dictionary {
    let h = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    dictionary! { "Font" => dictionary! { "H" => h } }
}

/// Page 1 showing `text` in a Type 3 font /T3 whose glyph `A` draws `glyph`, the font's
/// resources holding Helvetica as /H when `helvetica`.
fn with_type3(glyph: &'static [u8], font_matrix: f32, text: &[u8], helvetica_in: bool) -> Vec<u8> {
    mutated(|doc| {
        let resources = if helvetica_in {
            helvetica(doc)
        } else {
            Dictionary::new()
        };
        let proc_ = doc.add_object(Stream::new(Dictionary::new(), glyph.to_vec()));
        let m = Object::Real(font_matrix);
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => "Type3",
            "FontBBox" => vec![0.into(), 0.into(), 1000.into(), 1000.into()],
            "FontMatrix" => vec![m.clone(), 0.into(), 0.into(), m, 0.into(), 0.into()],
            "CharProcs" => dictionary! { "a" => proc_ },
            "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => vec![65.into(), "a".into()] },
            "FirstChar" => 65, "LastChar" => 65, "Widths" => vec![1000.into()],
            "Resources" => resources,
        });
        add_resource(doc, "Font", "T3", font.into());
        add_content(doc, text);
    })
}

pub fn pattern_family() -> Vec<Case> {
    vec![
        case(
            "a tiling pattern whose cell paints RGB",
            &["colour"],
            with_pattern(b"1 0 0 rg 0 0 10 10 re f", |_| Dictionary::new()),
        )
        .mentions("the `rg` operator (DeviceRGB colour) (page 1)"),
        case(
            "a tiling pattern whose cell lays down 400 %",
            &["total ink"],
            with_pattern(b"1 1 1 1 k 0 0 20 20 re f", |_| Dictionary::new()),
        ),
        case(
            "a tiling pattern whose cell sets 2 pt text",
            &["text size"],
            with_pattern(b"BT /F1 2 Tf 0 0 0 1 k 1 5 Td <0005> Tj ET", page_fonts),
        ),
        case(
            "a tiling pattern whose cell sets text in Helvetica, not embedded",
            &["fonts embedded", "fonts subset"],
            mutated(|doc| {
                let r = helvetica(doc);
                let p =
                    doc.add_object(tiling(b"BT /H 14 Tf 0 0 0 1 k 2 5 Td (Hi) Tj ET", r, false));
                add_resource(doc, "Pattern", "PZ", p.into());
                add_content(doc, b"q /Pattern cs /PZ scn 100 100 200 200 re f Q");
            }),
        )
        .mentions("Helvetica is not embedded"),
        case(
            "an uncoloured tiling pattern painted in 400 %",
            &["total ink"],
            mutated(|doc| {
                let p = doc.add_object(tiling(b"0 0 20 20 re f", Dictionary::new(), true));
                add_resource(doc, "Pattern", "PU", p.into());
                add_resource(
                    doc,
                    "ColorSpace",
                    "CSP",
                    vec!["Pattern".into(), "DeviceCMYK".into()].into(),
                );
                add_content(doc, b"q /CSP cs 1 1 1 1 /PU scn 100 100 200 200 re f Q");
            }),
        ),
        case(
            "a tiling pattern of 80 % K is fine",
            &[],
            with_pattern(b"0 0 0 0.8 k 0 0 10 10 re f", |_| Dictionary::new()),
        ),
    ]
}

pub fn type3_family() -> Vec<Case> {
    let text = b"BT /T3 20 Tf 0 0 0 1 k 100 300 Td (AAAA) Tj ET";
    vec![
        case(
            "a Type 3 glyph that paints RGB",
            &["colour"],
            with_type3(b"1000 0 d0 1 0 0 rg 0 0 1000 1000 re f", 0.001, text, false),
        ),
        case(
            "a Type 3 glyph of 400 % ink",
            &["total ink"],
            with_type3(
                b"1000 0 d0 1 1 1 1 k 0 0 1000 1000 re f",
                0.001,
                text,
                false,
            ),
        ),
        case(
            "12 pt Type 3 text whose FontMatrix draws it at 1.2 pt",
            &["text size"],
            with_type3(
                b"1000 0 0 0 1000 1000 d1 0 0 1000 1000 re f",
                0.0001,
                b"q /GSop gs BT /T3 12 Tf 0 0 0 1 k 100 300 Td (AAAA) Tj ET Q",
                false,
            ),
        )
        .mentions("the smallest 1.20 pt on page 1"),
        case(
            "a Type 3 glyph setting text in Helvetica, not embedded",
            &["fonts embedded", "fonts subset"],
            with_type3(
                b"1000 0 d0 BT /H 800 Tf 0 0 Td (X) Tj ET",
                0.001,
                text,
                true,
            ),
        ),
        case(
            "a Type 3 font with a space glyph that draws nothing is fine",
            &[],
            with_type3(b"250 0 d0", 0.001, text, false),
        ),
    ]
}

pub fn line_family() -> Vec<Case> {
    vec![
        case(
            "a 2 pt line under a 10 × 0.01 scale prints 0.02 pt thick",
            &["line width"],
            with_content(b"q 0 0 0 1 K 10 0 0 0.01 100 300 cm 2 w 0 0 m 10 0 l S Q"),
        )
        .mentions("the thinnest 0.020 pt"),
        case(
            "a 1 pt line under a uniform scale of 0.5 is fine",
            &[],
            with_content(b"q 0 0 0 1 K 0.5 0 0 0.5 100 300 cm 1 w 0 0 m 100 0 l S Q"),
        ),
        case(
            "text outlined with a 0.02 pt stroke",
            &["line width"],
            with_content(
                b"q /GSop gs 0 0 0 1 K 0 0 0 1 k 0.02 w BT 1 Tr /F1 14 Tf 100 300 Td <0005> Tj ET Q",
            ),
        ),
    ]
}

pub fn colour_family() -> Vec<Case> {
    let wp = || vec![Object::Real(0.9505), 1.into(), Object::Real(1.089)];
    vec![
        case(
            "an ICCBased space with /N 4 holding an RGB profile",
            &["colour"],
            mutated(|doc| {
                let icc = doc.add_object(icc_profile(b"RGB ", Some(4)));
                add_resource(
                    doc,
                    "ColorSpace",
                    "CSX",
                    vec!["ICCBased".into(), icc.into()].into(),
                );
                add_content(doc, b"q /CSX cs 0 0 0 0.5 sc 100 100 50 50 re f Q");
            }),
        )
        .mentions("declared with /N 4"),
        case(
            "an ICCBased space without /N",
            &["colour"],
            mutated(|doc| {
                let icc = doc.add_object(icc_profile(b"RGB ", None));
                add_resource(
                    doc,
                    "ColorSpace",
                    "CSX",
                    vec!["ICCBased".into(), icc.into()].into(),
                );
                add_content(doc, b"q /CSX cs 1 0 0 sc 100 100 50 50 re f Q");
            }),
        )
        .mentions("without /N"),
        case(
            "a CalRGB fill is RGB with a defined meaning, as ICC-based RGB is",
            &[],
            mutated(|doc| {
                let space = vec!["CalRGB".into(), dictionary! { "WhitePoint" => wp() }.into()];
                add_resource(doc, "ColorSpace", "CSX", space.into());
                add_content(doc, b"q /CSX cs 0.2 0.3 0.4 sc 100 100 50 50 re f Q");
            }),
        ),
        warns(
            "a CalRGB image is told as an ICC-based RGB image is",
            &["images"],
            mutated(|doc| {
                let space = vec!["CalRGB".into(), dictionary! { "WhitePoint" => wp() }.into()];
                add_xobject(
                    doc,
                    "ImC",
                    image(space.into(), 100, 100, vec![9; 100 * 100 * 3]),
                );
                add_content(doc, b"q 24 0 0 24 100 100 cm /ImC Do Q");
            }),
        ),
    ]
}

/// Page 1 drawing a 1-bit grey image of `px` pixels square over `pt` points.
fn line_art(px: i64, pt: f32) -> Vec<u8> {
    let row = (px as usize).div_ceil(8);
    mutated(|doc| {
        let mut s = image("DeviceGray".into(), px, px, vec![0x55; row * px as usize]);
        s.dict.set("BitsPerComponent", 1);
        add_xobject(doc, "IB", s);
        add_content(
            doc,
            format!("q {pt} 0 0 {pt} 100 100 cm /IB Do Q").as_bytes(),
        );
    })
}

pub fn line_art_family() -> Vec<Case> {
    vec![
        case("a 1-bit image at 10 ppi", &["images"], line_art(20, 144.0))
            .mentions("prints 1-bit at 10 ppi (at least 550, better 800)"),
        warns("a 1-bit image at 600 ppi", &["images"], line_art(600, 72.0)),
        case(
            "a 1-bit image at 1200 ppi is fine",
            &[],
            line_art(1200, 72.0),
        ),
    ]
}

pub fn bleed_family() -> Vec<Case> {
    // The trim is 8.504 … 428.032 × 8.504 … 603.78; the bleed 3 mm (8.504 pt) beyond.
    vec![
        case(
            "a tint drawn as a path that stops at the bottom trim",
            &["bleed"],
            with_content(b"q 0.5 0 0 0 k 100 8.504 m 300 8.504 l 300 60 l 100 60 l h f Q"),
        )
        .mentions("stops at the bottom trim"),
        case(
            "a tint drawn as a path that runs into the bleed is fine",
            &[],
            with_content(b"q 0.5 0 0 0 k 100 0 m 300 0 l 300 60 l 100 60 l h f Q"),
        ),
        case(
            "an image that stops at the bottom trim",
            &["bleed"],
            with_image_at(b"q 200 0 0 60 100 8.504 cm /IT Do Q"),
        ),
        case(
            "an image that runs into the bleed is fine",
            &[],
            with_image_at(b"q 200 0 0 60 100 0 cm /IT Do Q"),
        ),
    ]
}

/// Page 1 drawing a 900 × 300 CMYK image (over 300 ppi at the sizes used) with `ops`.
fn with_image_at(ops: &'static [u8]) -> Vec<u8> {
    mutated(|doc| {
        add_xobject(
            doc,
            "IT",
            image(
                "DeviceCMYK".into(),
                900,
                300,
                [0, 0, 0, 128].repeat(900 * 300),
            ),
        );
        add_content(doc, ops);
    })
}
