//! Figures read back from the PDF: image XObjects with their filter, colour space, size
//! and effective resolution; one XObject for a picture placed twice; SVG as a vector form;
//! print output through our preflight. Fixtures: `tests/figures/lib`.

mod common;

use common::figures::*;
use leaflet_printer::pdf::Target;
use lopdf::{Document, Object, content::Content};

#[test]
fn images_are_embedded_with_their_filter_colour_space_size_and_resolution() {
    let built = build(&fixtures().join("figuren.yaml"), Target::Office).unwrap();
    let placed = images(&built.pdf);
    let seen: Vec<(String, String, i64, i64, bool, f32)> = placed
        .iter()
        .map(|(_, p)| {
            (
                p.filter.clone(),
                p.space.clone(),
                p.width,
                p.height,
                p.smask,
                p.ppi,
            )
        })
        .collect();
    // 116 mm of measure: 40 % is 46.4 mm, so 600 pixels are 328 ppi; 20 % of it for 300
    // pixels too; 15 % for 240 pixels 350 ppi.
    assert_eq!(
        seen,
        vec![
            (
                "DCTDecode".into(),
                "ICCBased N3".into(),
                600,
                400,
                false,
                328.0
            ),
            (
                "DCTDecode".into(),
                "DeviceCMYK".into(),
                600,
                400,
                false,
                328.0
            ),
            (
                "DCTDecode".into(),
                "DeviceGray".into(),
                300,
                200,
                false,
                328.0
            ),
            (
                "FlateDecode".into(),
                "ICCBased N3".into(),
                240,
                120,
                true,
                350.0
            ),
            (
                "DCTDecode".into(),
                "ICCBased N3".into(),
                600,
                400,
                false,
                328.0
            ),
        ]
    );
    // The JPEG's own bytes, not re-compressed; the CMYK one decoded inverted (Adobe).
    let doc = Document::load_mem(&built.pdf).unwrap();
    let jpeg = std::fs::read(fixtures().join("figuren/foto.jpg")).unwrap();
    let streams: Vec<&lopdf::Stream> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").ok().map(name_of).as_deref() == Some("Image"))
        .collect();
    assert!(streams.iter().any(|s| s.content == jpeg));
    let cmyk = streams
        .iter()
        .find(|s| s.dict.get(b"ColorSpace").ok().map(name_of).as_deref() == Some("DeviceCMYK"))
        .unwrap();
    let decode: Vec<i64> = cmyk
        .dict
        .get(b"Decode")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert_eq!(decode, vec![1, 0, 1, 0, 1, 0, 1, 0]);
    // The alpha channel became a soft mask of the same size, in grey.
    let png = streams.iter().find(|s| s.dict.has(b"SMask")).unwrap();
    let mask = doc
        .get_object(png.dict.get(b"SMask").unwrap().as_reference().unwrap())
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(name_of(mask.dict.get(b"ColorSpace").unwrap()), "DeviceGray");
    assert_eq!(mask.dict.get(b"Width").unwrap().as_i64().unwrap(), 240);
    // The sRGB profile is one object, shared by every RGB image.
    let profiles = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"N").and_then(Object::as_i64).ok() == Some(3))
        .count();
    assert_eq!(
        profiles, 1,
        "one sRGB profile for the photos and the SVG forms"
    );
}

#[test]
fn a_picture_placed_twice_is_embedded_once() {
    let built = build(&fixtures().join("figuren.yaml"), Target::Office).unwrap();
    let placed = images(&built.pdf);
    let photo: Vec<&(usize, Placed)> = placed
        .iter()
        .filter(|(_, p)| p.width == 600 && p.space == "ICCBased N3")
        .collect();
    assert_eq!(photo.len(), 2, "{placed:?}");
    assert_ne!(photo[0].0, photo[1].0, "placed on two pages");
    assert_eq!(photo[0].1.name, photo[1].1.name, "under one resource name");
    let doc = Document::load_mem(&built.pdf).unwrap();
    let jpeg = std::fs::read(fixtures().join("figuren/foto.jpg")).unwrap();
    let copies = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.content == jpeg)
        .count();
    assert_eq!(copies, 1);
}

#[test]
fn svg_is_drawn_as_a_vector_form_with_its_alt_text_on_the_layout_item() {
    let built = build(&fixtures().join("figuren.yaml"), Target::Office).unwrap();
    let doc = Document::load_mem(&built.pdf).unwrap();
    let xobjects = page_xobjects(&doc, doc.get_pages()[&1]);
    let forms: Vec<lopdf::Stream> = xobjects
        .iter()
        .map(|(_, r)| {
            doc.get_object(r.as_reference().unwrap())
                .unwrap()
                .as_stream()
                .unwrap()
                .clone()
        })
        .filter(|s| s.dict.get(b"Subtype").ok().map(name_of).as_deref() == Some("Form"))
        .collect();
    assert_eq!(forms.len(), 1);
    let form = &forms[0];
    let bbox: Vec<f32> = form
        .dict
        .get(b"BBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap())
        .collect();
    assert_eq!(bbox, vec![0.0, 0.0, 400.0, 220.0]);
    let ops =
        Content::decode(&form.decompressed_content().unwrap_or(form.content.clone())).unwrap();
    let names: Vec<&str> = ops.operations.iter().map(|o| o.operator.as_str()).collect();
    // Paths: curves and fills, no picture of them.
    assert!(names.contains(&"c") && names.contains(&"f"), "{names:?}");
    assert!(
        !names.contains(&"BI") && !names.contains(&"Do"),
        "{names:?}"
    );
    // No image XObject comes from the SVG: the five images are the photos.
    assert_eq!(images(&built.pdf).len(), 5);
    // The layout item carries the alt text, for the tagged PDF.
    let alts: Vec<&str> = built.layout.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            leaflet_printer::layout::PageItem::Image(p) => Some(p.alt.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        alts[0],
        "Een arm met een stuwband en een naald in de elleboogplooi."
    );
}

#[test]
fn print_output_with_figures_passes_our_preflight() {
    let built = build(
        &fixtures().join("figuren.yaml"),
        Target::Print { marks: false },
    )
    .unwrap();
    let checks = leaflet_printer::preflight::check_bytes(&built.pdf);
    let failed: Vec<String> = checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.line())
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    let images = checks.iter().find(|c| c.name == "images").unwrap();
    // The RGB photos are ICC-based: named for the shop, not failed.
    assert!(
        images
            .warnings
            .iter()
            .any(|w| w.contains("is RGB with an ICC profile; the RIP converts it to CMYK")),
        "{images:?}"
    );
}

#[test]
fn device_rgb_images_still_fail_the_preflight() {
    // The office PDF of the same leaflet, its ICC-based space rewritten to DeviceRGB.
    let built = build(
        &fixtures().join("figuren.yaml"),
        Target::Print { marks: false },
    )
    .unwrap();
    let mut doc = Document::load_mem(&built.pdf).unwrap();
    for o in doc.objects.values_mut() {
        if let Object::Stream(s) = o
            && s.dict.get(b"Subtype").ok().map(name_of).as_deref() == Some("Image")
            && matches!(s.dict.get(b"ColorSpace"), Ok(Object::Array(_)))
        {
            s.dict
                .set("ColorSpace", Object::Name(b"DeviceRGB".to_vec()));
        }
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let checks = leaflet_printer::preflight::check_bytes(&bytes);
    let images = checks.iter().find(|c| c.name == "images").unwrap();
    assert!(!images.passed);
    assert!(
        images.detail.contains("is RGB; the shop prints CMYK"),
        "{}",
        images.detail
    );
}
