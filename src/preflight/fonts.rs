//! Fonts as the RIP will use them: embedded (the shop has none of ours), tagged subsets,
//! and with the widths in the PDF matching the glyphs in the program — where they differ,
//! a RIP that trusts one and a viewer that trusts the other set different lines.

use super::metrics::FontMetrics;
use super::{Check, MAX_STREAM_BYTES, deref, first_few};
use lopdf::{Dictionary, Document, Object, ObjectId};
use rustybuzz::ttf_parser;
use std::collections::BTreeSet;

/// How far a declared width may be from the program's, thousandths of an em: writers
/// round or truncate to whole units.
const WIDTH_SLACK: f32 = 1.0;

/// Every font dictionary reachable from the pages (and forms they draw), by object.
fn all_fonts(doc: &Document) -> Vec<(Vec<u8>, Dictionary)> {
    let mut out: Vec<(Vec<u8>, Dictionary)> = Vec::new();
    let mut seen: BTreeSet<ObjectId> = BTreeSet::new();
    // Forms are visited once each, however often they are drawn: ten forms each naming
    // the one below ten times must not be walked 10¹⁰ times.
    fn collect(
        doc: &Document,
        resources: &Dictionary,
        out: &mut Vec<(Vec<u8>, Dictionary)>,
        seen: &mut BTreeSet<ObjectId>,
        depth: u32,
    ) {
        if let Ok(fonts) = resources.get(b"Font").map(|f| deref(doc, f))
            && let Ok(fonts) = fonts.as_dict()
        {
            for (_, f) in fonts.iter() {
                let (id, f) = doc.dereference(f).unwrap_or((None, f));
                if let Some(id) = id
                    && !seen.insert(id)
                {
                    continue;
                }
                if let Ok(d) = f.as_dict() {
                    let base = d
                        .get(b"BaseFont")
                        .and_then(Object::as_name)
                        .map(<[u8]>::to_vec)
                        .unwrap_or_default();
                    out.push((base, d.clone()));
                }
            }
        }
        if depth < 8
            && let Ok(xobjects) = resources.get(b"XObject").map(|x| deref(doc, x))
            && let Ok(xobjects) = xobjects.as_dict()
        {
            for (_, x) in xobjects.iter() {
                if let Ok(id) = x.as_reference()
                    && !seen.insert(id)
                {
                    continue;
                }
                if let Ok(s) = deref(doc, x).as_stream()
                    && let Ok(r) = s.dict.get(b"Resources").map(|r| deref(doc, r))
                    && let Ok(r) = r.as_dict()
                {
                    collect(doc, r, out, seen, depth + 1);
                }
            }
        }
    }
    for &page in doc.get_pages().values() {
        if let Ok((own, inherited)) = doc.get_page_resources(page) {
            if let Some(r) = own {
                collect(doc, r, &mut out, &mut seen, 0);
            }
            for id in inherited {
                if let Ok(r) = doc.get_dictionary(id) {
                    collect(doc, r, &mut out, &mut seen, 0);
                }
            }
        }
    }
    out
}

/// The descriptor of a font, looking through a Type0 font to its descendant.
fn descriptor<'a>(doc: &'a Document, font: &'a Dictionary) -> Option<&'a Dictionary> {
    let font = if font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0") {
        let d = deref(doc, font.get(b"DescendantFonts").ok()?)
            .as_array()
            .ok()?;
        deref(doc, d.first()?).as_dict().ok()?
    } else {
        font
    };
    deref(doc, font.get(b"FontDescriptor").ok()?).as_dict().ok()
}

/// Embedded, subset, and declaring the widths their programs have.
pub fn checks(doc: &Document) -> [Check; 3] {
    let fonts = all_fonts(doc);
    let mut not_embedded = Vec::new();
    let mut not_subset = Vec::new();
    for (base, font) in &fonts {
        let name = String::from_utf8_lossy(base).into_owned();
        // Type 3 glyphs are content streams inside the file: embedded by nature.
        if font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type3") {
            continue;
        }
        let embedded = descriptor(doc, font).is_some_and(|d| {
            [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| d.get(k).is_ok_and(|f| deref(doc, f).as_stream().is_ok()))
        });
        if !embedded {
            not_embedded.push(format!("{name} is not embedded"));
        }
        let tagged =
            base.len() > 7 && base[6] == b'+' && base[..6].iter().all(u8::is_ascii_uppercase);
        if !tagged {
            not_subset.push(format!("{name} is not a tagged subset"));
        }
    }
    let names: Vec<String> = fonts
        .iter()
        .map(|(b, _)| String::from_utf8_lossy(b).into_owned())
        .collect();
    let listed = if names.is_empty() {
        "no fonts".to_string()
    } else {
        names.join(", ")
    };
    [
        Check::new(
            "fonts embedded",
            not_embedded,
            format!("all embedded: {listed}"),
        ),
        Check::new("fonts subset", not_subset, "every font is a tagged subset"),
        widths(doc, &fonts),
    ]
}

/// Compares each composite TrueType font's `/W` with the advances in its embedded program.
/// Other kinds (simple fonts with an encoding, CFF with a charset) map codes to glyphs in
/// ways this check does not follow; they are counted as not compared, not as passed.
fn widths(doc: &Document, fonts: &[(Vec<u8>, Dictionary)]) -> Check {
    let mut problems = Vec::new();
    let mut compared = 0;
    for (base, font) in fonts {
        let name = String::from_utf8_lossy(base);
        if font.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Type0") {
            continue;
        }
        let Some(cid_font) = font
            .get(b"DescendantFonts")
            .ok()
            .and_then(|d| deref(doc, d).as_array().ok())
            .and_then(|a| a.first())
            .and_then(|f| deref(doc, f).as_dict().ok())
        else {
            continue;
        };
        let Some(program) = descriptor(doc, font)
            .and_then(|d| d.get(b"FontFile2").ok())
            .and_then(|f| deref(doc, f).as_stream().ok())
        else {
            continue;
        };
        let Ok(data) = program.decompressed_content_with_limit(MAX_STREAM_BYTES) else {
            problems.push(format!("{name}: the embedded program cannot be decoded"));
            continue;
        };
        let Ok(face) = ttf_parser::Face::parse(&data, 0) else {
            problems.push(format!(
                "{name}: the embedded program is not a TrueType font"
            ));
            continue;
        };
        // CID to glyph: the identity, or a table of two-byte glyph ids.
        let map = match cid_font.get(b"CIDToGIDMap").map(|m| deref(doc, m)) {
            Ok(Object::Stream(s)) => match s.decompressed_content_with_limit(1 << 17) {
                Ok(m) => Some(m),
                Err(_) => {
                    problems.push(format!("{name}: its CIDToGIDMap cannot be decoded"));
                    continue;
                }
            },
            _ => None,
        };
        let gid = |cid: u32| -> Option<u16> {
            match &map {
                None => u16::try_from(cid).ok(),
                Some(m) => {
                    let i = cid as usize * 2;
                    Some(u16::from_be_bytes([*m.get(i)?, *m.get(i + 1)?]))
                }
            }
        };
        let upem = f32::from(face.units_per_em());
        let metrics = FontMetrics::from_dict(doc, font);
        compared += 1;
        let mut wrong = Vec::new();
        for (&cid, &declared) in &metrics.widths {
            let actual = gid(cid)
                .and_then(|g| face.glyph_hor_advance(ttf_parser::GlyphId(g)))
                .map(|a| f32::from(a) * 1000.0 / upem);
            match actual {
                Some(a) if (a - declared).abs() <= WIDTH_SLACK => {}
                Some(a) => wrong.push(format!(
                    "CID {cid} is {declared} wide in the PDF, {a:.0} in the font"
                )),
                None => wrong.push(format!("CID {cid} has a width but no glyph in the font")),
            }
        }
        if !wrong.is_empty() {
            problems.push(format!(
                "{name}: {} widths disagree with the font program (e.g. {})",
                wrong.len(),
                wrong[0]
            ));
        }
    }
    Check::new(
        "font widths",
        first_few(problems, 3),
        format!(
            "widths match the embedded programs ({compared} of {} fonts compared; simple and CFF fonts are not)",
            fonts.len()
        ),
    )
}
