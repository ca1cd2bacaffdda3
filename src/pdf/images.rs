//! Pictures into the PDF: each distinct picture becomes one XObject, shared by every page
//! that places it (the same photo on two pages is embedded once).
//!
//! Colour: photos and SVG colours are sRGB, and stay sRGB, tagged with an ICC profile
//! (`ICCBased`). PDF/X-4 allows device-independent colour; the RIP converts it to the
//! press's CMYK through the output intent, with the shop's own rendering, which beats a
//! conversion done here without the shop's profile (and a JPEG converted here would have
//! to be re-compressed). The profile is the 480-byte sRGB v4 of Clinton Ingram's compact
//! ICC profiles (CC0), the one svg2pdf embeds for its own colours. Grey stays DeviceGray
//! and CMYK JPEGs DeviceCMYK, which the press prints as they are.

use crate::images::{Content, Image, JpegInfo, Raster};
use crate::layout::{Page, PageItem};
use lopdf::{Document, Object, ObjectId, Stream, dictionary};
use std::collections::BTreeMap;

/// The compact sRGB profile (CC0): see the module's comment.
pub const SRGB_ICC: &[u8] = include_bytes!("../../assets/sRGB-v4.icc");

/// The resource name of a picture: the same on every page, derived from its content so
/// that the output is deterministic.
pub fn resource_name(image: &Image) -> String {
    match image.content {
        Content::Svg(_) => format!("Fm{}", image.short_id()),
        _ => format!("Im{}", image.short_id()),
    }
}

/// The matrix that draws `image` into the box at `(x, y)` (PDF coordinates, bottom-left)
/// of `w × h` points: images paint the unit square, SVG forms their own bounding box.
pub fn placement(image: &Image, x: f32, y: f32, w: f32, h: f32) -> [f32; 6] {
    match image.content {
        Content::Svg(_) => [w / image.width, 0.0, 0.0, h / image.height, x, y],
        _ => [w, 0.0, 0.0, h, x, y],
    }
}

/// Embeds every picture the pages place and names it in each page's XObject resources.
/// `pdf_pages` are the document's pages in the order of `pages`.
pub fn embed(doc: &mut Document, pages: &[Page]) {
    let mut distinct: BTreeMap<String, &Image> = BTreeMap::new();
    for page in pages {
        for item in &page.items {
            if let PageItem::Image(p) = item {
                distinct.entry(resource_name(&p.image)).or_insert(&p.image);
            }
        }
    }
    if distinct.is_empty() {
        return;
    }
    let mut srgb = None;
    let mut ids: BTreeMap<String, ObjectId> = BTreeMap::new();
    for (name, image) in &distinct {
        let id = match &image.content {
            Content::Jpeg { bytes, info } => jpeg(doc, bytes, info, &mut srgb),
            Content::Raster(r) => raster(doc, r, &mut srgb),
            Content::Svg(tree) => {
                let brand = image.brand.get().map_or(&[][..], Vec::as_slice);
                match super::svg::form(doc, image, tree, brand, &mut srgb) {
                    Some(id) => id,
                    // svg2pdf refused a tree usvg accepted: nothing is drawn rather than a
                    // broken reference (the layout still holds its place).
                    None => continue,
                }
            }
        };
        ids.insert(name.clone(), id);
    }
    let page_ids: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    for (page, page_id) in pages.iter().zip(page_ids) {
        let names: Vec<&String> = ids
            .keys()
            .filter(|n| {
                page.items
                    .iter()
                    .any(|i| matches!(i, PageItem::Image(p) if &&resource_name(&p.image) == n))
            })
            .collect();
        if names.is_empty() {
            continue;
        }
        let Some(xobjects) = xobject_dict(doc, page_id) else {
            continue;
        };
        for n in names {
            xobjects.set(n.as_bytes(), Object::Reference(ids[n]));
        }
    }
}

/// The page's own `/XObject` dictionary, made private to the page: printpdf gives all
/// pages one shared dictionary, and a page should name only the pictures it draws.
fn xobject_dict(doc: &mut Document, page: ObjectId) -> Option<&mut lopdf::Dictionary> {
    let resources = match doc.get_dictionary(page).ok()?.get(b"Resources").ok()? {
        Object::Reference(id) => *id,
        Object::Dictionary(_) => {
            let d = doc.get_object_mut(page).ok()?.as_dict_mut().ok()?;
            let r = d.get_mut(b"Resources").ok()?.as_dict_mut().ok()?;
            if !matches!(r.get(b"XObject"), Ok(Object::Dictionary(_))) {
                r.set("XObject", dictionary! {});
            }
            return r.get_mut(b"XObject").ok()?.as_dict_mut().ok();
        }
        _ => return None,
    };
    let r = doc.get_object_mut(resources).ok()?.as_dict_mut().ok()?;
    if !matches!(r.get(b"XObject"), Ok(Object::Dictionary(_))) {
        r.set("XObject", dictionary! {});
    }
    r.get_mut(b"XObject").ok()?.as_dict_mut().ok()
}

/// The shared `ICCBased` sRGB colour space, added on first use.
fn srgb_space(doc: &mut Document, srgb: &mut Option<ObjectId>) -> Object {
    let id = srgb_profile(doc, srgb);
    Object::Array(vec![
        Object::Name(b"ICCBased".to_vec()),
        Object::Reference(id),
    ])
}

/// The sRGB profile stream, one per file: images and SVG forms share it.
pub(super) fn srgb_profile(doc: &mut Document, srgb: &mut Option<ObjectId>) -> ObjectId {
    *srgb.get_or_insert_with(|| {
        let mut s = Stream::new(
            dictionary! { "N" => 3, "Alternate" => Object::Name(b"DeviceRGB".to_vec()) },
            SRGB_ICC.to_vec(),
        );
        s.allows_compression = true;
        doc.add_object(s)
    })
}

fn jpeg(
    doc: &mut Document,
    bytes: &[u8],
    info: &JpegInfo,
    srgb: &mut Option<ObjectId>,
) -> ObjectId {
    let space = match info.components {
        1 => Object::Name(b"DeviceGray".to_vec()),
        4 => Object::Name(b"DeviceCMYK".to_vec()),
        _ => srgb_space(doc, srgb),
    };
    let mut dict = dictionary! {
        "Type" => Object::Name(b"XObject".to_vec()),
        "Subtype" => Object::Name(b"Image".to_vec()),
        "Width" => info.width as i64,
        "Height" => info.height as i64,
        "ColorSpace" => space,
        "BitsPerComponent" => 8,
        "Filter" => Object::Name(b"DCTDecode".to_vec()),
    };
    if info.components == 4 && info.adobe {
        dict.set(
            "Decode",
            Object::Array(
                [1, 0, 1, 0, 1, 0, 1, 0]
                    .into_iter()
                    .map(Object::Integer)
                    .collect(),
            ),
        );
    }
    // The file's own bytes, never re-compressed.
    let mut s = Stream::new(dict, bytes.to_vec());
    s.allows_compression = false;
    doc.add_object(s)
}

fn raster(doc: &mut Document, r: &Raster, srgb: &mut Option<ObjectId>) -> ObjectId {
    let space = match r.channels {
        1 => Object::Name(b"DeviceGray".to_vec()),
        _ => srgb_space(doc, srgb),
    };
    let mut dict = dictionary! {
        "Type" => Object::Name(b"XObject".to_vec()),
        "Subtype" => Object::Name(b"Image".to_vec()),
        "Width" => r.width as i64,
        "Height" => r.height as i64,
        "ColorSpace" => space,
        "BitsPerComponent" => 8,
    };
    if let Some(alpha) = &r.alpha {
        // Transparency as a soft mask: PDF/X-4 allows it (X-1a and X-3 did not).
        let mask = Stream::new(
            dictionary! {
                "Type" => Object::Name(b"XObject".to_vec()),
                "Subtype" => Object::Name(b"Image".to_vec()),
                "Width" => r.width as i64,
                "Height" => r.height as i64,
                "ColorSpace" => Object::Name(b"DeviceGray".to_vec()),
                "BitsPerComponent" => 8,
            },
            alpha.clone(),
        );
        let mask = doc.add_object(mask);
        dict.set("SMask", Object::Reference(mask));
    }
    // Flate-compressed by the finishing pass with every other stream.
    doc.add_object(Stream::new(dict, r.pixels.clone()))
}
