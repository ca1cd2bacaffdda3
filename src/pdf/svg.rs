//! An SVG as a Form XObject, drawn as vectors: svg2pdf writes the tree as a one-page PDF,
//! and that page's content and resources become a form in our document, its objects
//! copied across with new numbers.

use crate::images::Image;
use crate::style::Cmyk;
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, ObjectId, Stream, dictionary};
use std::collections::BTreeMap;
use svg2pdf::usvg;

/// Adds the tree as a form whose bounding box is the SVG's canvas in points (one CSS
/// pixel a point); `None` when svg2pdf cannot convert it.
pub fn form(
    doc: &mut Document,
    image: &Image,
    tree: &usvg::Tree,
    brand: &[([u8; 3], Cmyk)],
    srgb: &mut Option<ObjectId>,
) -> Option<ObjectId> {
    let options = svg2pdf::ConversionOptions {
        // Uncompressed: the finishing pass deflates every stream once (svg2pdf's own
        // compression cost a tenth of a leaflet's build, undone at once by reading it back).
        // PDF/A mode keeps out what archival (and so print) PDF forbids.
        compress: false,
        pdfa: true,
        ..svg2pdf::ConversionOptions::default()
    };
    let bytes = image
        .converted
        .get_or_init(|| svg2pdf::to_pdf(tree, options, svg2pdf::PageOptions { dpi: 72.0 }).ok())
        .as_ref()?;
    let source = Document::load_mem(bytes).ok()?;
    let page_id = *source.get_pages().values().next()?;
    let page = source.get_dictionary(page_id).ok()?;
    let resources = match page.get(b"Resources").ok()? {
        Object::Reference(id) => source.get_dictionary(*id).ok()?.clone(),
        Object::Dictionary(d) => d.clone(),
        _ => return None,
    };
    let content = source.get_page_content(page_id);
    // Every object but the catalog, the page tree and the page is copied under a new
    // number; unreferenced leftovers are pruned by the finishing pass.
    let skip = [
        page_id,
        source.trailer.get(b"Root").ok()?.as_reference().ok()?,
    ];
    let mut renumber: BTreeMap<ObjectId, ObjectId> = BTreeMap::new();
    // Made before numbering starts, so it takes no number the copies need (an unused one
    // is pruned by the finishing pass).
    let profile = super::images::srgb_profile(doc, srgb);
    let mut copied = Vec::new();
    let mut next = doc.max_id + 1;
    for (id, object) in &source.objects {
        // svg2pdf's sRGB profile is ours: every form and image shares one copy.
        if let Object::Stream(s) = object
            && s.dict.get(b"N").and_then(Object::as_i64).ok() == Some(3)
            && s.decompressed_content().ok().as_deref() == Some(super::images::SRGB_ICC)
        {
            renumber.insert(*id, profile);
            continue;
        }
        if !skip.contains(id) {
            renumber.insert(*id, (next, 0));
            copied.push(*id);
            next += 1;
        }
    }
    doc.max_id = next - 1;
    for old in copied {
        let mut object = source.objects[&old].clone();
        relink(&mut object, &renumber);
        if let Object::Stream(s) = &mut object
            && !brand.is_empty()
            && s.dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Form".as_slice())
        {
            let content = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            s.dict.remove(b"Filter");
            s.set_content(recolour(&content, brand));
        }
        doc.objects.insert(renumber[&old], object);
    }
    let mut resources = Object::Dictionary(resources);
    relink(&mut resources, &renumber);
    let size = tree.size();
    let content = recolour(&content, brand);
    let form = Stream::new(
        dictionary! {
            "Type" => Object::Name(b"XObject".to_vec()),
            "Subtype" => Object::Name(b"Form".to_vec()),
            "BBox" => Object::Array(vec![
                0.into(), 0.into(),
                Object::Real(size.width()), Object::Real(size.height()),
            ]),
            "Resources" => resources,
        },
        content,
    );
    Some(doc.add_object(form))
}

/// Points every reference in `o` at the object's new number.
fn relink(o: &mut Object, map: &BTreeMap<ObjectId, ObjectId>) {
    match o {
        Object::Reference(id) => {
            if let Some(new) = map.get(id) {
                *id = *new;
            }
        }
        Object::Array(a) => a.iter_mut().for_each(|v| relink(v, map)),
        Object::Dictionary(d) => d.iter_mut().for_each(|(_, v)| relink(v, map)),
        Object::Stream(s) => s.dict.iter_mut().for_each(|(_, v)| relink(v, map)),
        _ => {}
    }
}

/// The logo's brand colours as CMYK: a `/csN cs r g b scn` pair whose colour is one of
/// `brand` becomes `c m y k k`, so the press prints the brand's own inks. svg2pdf sets its
/// (sRGB) colour space right before every colour; a pair that is anything else is kept.
fn recolour(content: &[u8], brand: &[([u8; 3], Cmyk)]) -> Vec<u8> {
    if brand.is_empty() {
        return content.to_vec();
    }
    let Ok(ops) = Content::decode(content) else {
        return content.to_vec();
    };
    let mut out: Vec<Operation> = Vec::with_capacity(ops.operations.len());
    let mut changed = false;
    for op in ops.operations {
        let fill = matches!(op.operator.as_str(), "sc" | "scn");
        let stroke = matches!(op.operator.as_str(), "SC" | "SCN");
        let space_set = out.last().is_some_and(|p| {
            (fill && p.operator == "cs" || stroke && p.operator == "CS")
                && p.operands.first().and_then(|o| o.as_name().ok()) != Some(b"Pattern".as_slice())
        });
        let rgb: Option<[u8; 3]> = (space_set && op.operands.len() == 3)
            .then(|| {
                let v: Vec<f32> = op
                    .operands
                    .iter()
                    .filter_map(|o| o.as_float().ok())
                    .collect();
                let byte = |x: f32| (x.clamp(0.0, 1.0) * 255.0).round() as u8;
                (v.len() == 3).then(|| [byte(v[0]), byte(v[1]), byte(v[2])])
            })
            .flatten();
        let hit = rgb.and_then(|rgb| brand.iter().find(|(b, _)| *b == rgb).map(|(_, c)| *c));
        match hit {
            Some(c) => {
                out.pop();
                out.push(Operation::new(
                    if fill { "k" } else { "K" },
                    vec![c.c.into(), c.m.into(), c.y.into(), c.k.into()],
                ));
                changed = true;
            }
            None => out.push(op),
        }
    }
    if !changed {
        return content.to_vec();
    }
    Content { operations: out }
        .encode()
        .unwrap_or_else(|_| content.to_vec())
}
