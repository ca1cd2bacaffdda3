//! An SVG as a Form XObject, drawn as vectors: svg2pdf writes the tree as a one-page PDF,
//! and that page's content and resources become a form in our document, its objects
//! copied across with new numbers.

use lopdf::{Document, Object, ObjectId, Stream, dictionary};
use std::collections::BTreeMap;
use svg2pdf::usvg;

/// Adds the tree as a form whose bounding box is the SVG's canvas in points (one CSS
/// pixel a point); `None` when svg2pdf cannot convert it.
pub fn form(
    doc: &mut Document,
    tree: &usvg::Tree,
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
    let bytes = svg2pdf::to_pdf(tree, options, svg2pdf::PageOptions { dpi: 72.0 }).ok()?;
    let source = Document::load_mem(&bytes).ok()?;
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
        doc.objects.insert(renumber[&old], object);
    }
    let mut resources = Object::Dictionary(resources);
    relink(&mut resources, &renumber);
    let size = tree.size();
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
