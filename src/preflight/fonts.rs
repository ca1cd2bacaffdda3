//! Fonts as the RIP will use them: embedded (the shop has none of ours), tagged subsets,
//! and with the widths in the PDF matching the glyphs in the program — where they differ,
//! a RIP that trusts one and a viewer that trusts the other set different lines.

use super::metrics::FontMetrics;
use super::tree::Pages;
use super::{Check, MAX_STREAM_BYTES, deref, first_few};
use lopdf::{Dictionary, Document, Object, ObjectId};
use rustybuzz::ttf_parser;
use std::collections::BTreeSet;

/// How far a declared width may be from the program's, thousandths of an em: writers
/// round or truncate to whole units.
const WIDTH_SLACK: f32 = 1.0;

/// The resources of a font, form or pattern, if it has any.
fn own_resources<'a>(doc: &'a Document, o: &'a Object) -> Option<&'a Dictionary> {
    let d = match o {
        Object::Stream(s) => &s.dict,
        Object::Dictionary(d) => d,
        _ => return None,
    };
    deref(doc, d.get(b"Resources").ok()?).as_dict().ok()
}

/// Every font dictionary reachable from the pages: through the forms they draw, the
/// tiling patterns they paint with and the glyph procedures of Type 3 fonts, each of
/// which has resources of its own. Walked with a stack, each object once, at any depth:
/// ten forms each naming the one below ten times must not be walked 10¹⁰ times, and a
/// font twelve forms down prints like any other.
fn all_fonts(doc: &Document, pages: &Pages) -> Vec<(Vec<u8>, Dictionary)> {
    let mut out: Vec<(Vec<u8>, Dictionary)> = Vec::new();
    let mut seen: BTreeSet<ObjectId> = BTreeSet::new();
    let mut stack: Vec<&Dictionary> = Vec::new();
    for &page in pages.values().rev() {
        if let Ok((own, inherited)) = doc.get_page_resources(page) {
            for id in inherited.iter().rev() {
                if let Ok(r) = doc.get_dictionary(*id) {
                    stack.push(r);
                }
            }
            stack.extend(own);
        }
    }
    while let Some(resources) = stack.pop() {
        let mut inner: Vec<&Dictionary> = Vec::new();
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
                    inner.extend(own_resources(doc, f));
                }
            }
        }
        for key in [&b"XObject"[..], b"Pattern"] {
            if let Ok(named) = resources.get(key).map(|x| deref(doc, x))
                && let Ok(named) = named.as_dict()
            {
                for (_, x) in named.iter() {
                    if let Ok(id) = x.as_reference()
                        && !seen.insert(id)
                    {
                        continue;
                    }
                    inner.extend(own_resources(doc, deref(doc, x)));
                }
            }
        }
        stack.extend(inner.into_iter().rev());
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
pub fn checks(doc: &Document, pages: &Pages) -> [Check; 3] {
    let fonts = all_fonts(doc, pages);
    let mut not_embedded = Vec::new();
    let mut not_subset = Vec::new();
    for (base, font) in &fonts {
        let name = String::from_utf8_lossy(base).into_owned();
        // Type 3 glyphs are content streams inside the file: embedded by nature.
        if font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type3") {
            continue;
        }
        let program = descriptor(doc, font).and_then(|d| {
            [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .into_iter()
                .find_map(|k| Some((k, deref(doc, d.get(k).ok()?).as_stream().ok()?)))
        });
        match program {
            None => not_embedded.push(format!("{name} is not embedded")),
            Some((key, stream)) => {
                if let Some(why) = unusable_program(key, stream) {
                    not_embedded.push(format!("{name}: its embedded program {why}"));
                }
            }
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

/// Why an embedded font program cannot be used by a RIP, if it cannot: a stream that is
/// there but empty, or not the kind of font its key says, is no font at all — the RIP
/// substitutes one or stops.
fn unusable_program(key: &[u8], stream: &lopdf::Stream) -> Option<String> {
    let data = if stream.dict.has(b"Filter") {
        match stream.decompressed_content_with_limit(MAX_STREAM_BYTES) {
            Ok(d) => d,
            Err(e) => return Some(format!("cannot be decoded ({e})")),
        }
    } else {
        stream.content.clone()
    };
    if data.is_empty() {
        return Some("is empty".into());
    }
    let usable = match key {
        // Type 1: the cleartext part opens with the PostScript font header, or a PFB
        // segment marker from a writer that copied the file whole.
        b"FontFile" => {
            data.starts_with(b"%!PS-AdobeFont")
                || data.starts_with(b"%!FontType1")
                || data.starts_with(&[0x80, 0x01])
        }
        b"FontFile2" => ttf_parser::Face::parse(&data, 0).is_ok(),
        _ => match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"OpenType") => ttf_parser::Face::parse(&data, 0).is_ok(),
            Ok(b"Type1C" | b"CIDFontType0C") => ttf_parser::cff::Table::parse(&data).is_some(),
            _ => return Some("has no /Subtype of Type1C, CIDFontType0C or OpenType".into()),
        },
    };
    (!usable).then(|| {
        let kind = match key {
            b"FontFile" => "a Type 1 font",
            b"FontFile2" => "a TrueType font",
            _ => "a CFF or OpenType font",
        };
        format!("is not {kind} (/{})", String::from_utf8_lossy(key))
    })
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
