//! Second pass over the corpus, by family rather than by example: every way a colour can
//! be set, every way a page box can be wrong, fonts of every kind, and the byte-level
//! damage real files carry (incremental updates, broken cross-reference tables, cut-off
//! files). The expected verdicts are what a shop's own preflight would say.

use super::mutate::*;
use super::{Case, case};
use lopdf::{Dictionary, Document, Object, Stream, dictionary};

/// Adds a named colour space to page 1's resources.
fn add_space(doc: &mut Document, name: &str, space: Object) {
    let r = resources_mut(doc);
    if !r.has(b"ColorSpace") {
        r.set("ColorSpace", Dictionary::new());
    }
    r.get_mut(b"ColorSpace")
        .unwrap()
        .as_dict_mut()
        .unwrap()
        .set(name, space);
}

/// The file's own CMYK output profile, as an ICCBased colour space.
fn icc_cmyk(doc: &Document) -> Object {
    let Ok(Object::Array(i)) = doc.catalog().unwrap().get(b"OutputIntents") else {
        panic!("intents")
    };
    let id = i[0]
        .as_dict()
        .unwrap()
        .get(b"DestOutputProfile")
        .unwrap()
        .as_reference()
        .unwrap();
    Object::Array(vec!["ICCBased".into(), Object::Reference(id)])
}

pub fn ink_family() -> Vec<Case> {
    vec![
        case(
            "sc in DeviceCMYK at 320 %",
            &["total ink"],
            with_content(b"q /DeviceCMYK cs 0.8 0.8 0.8 0.8 sc 100 100 50 50 re f Q"),
        ),
        case(
            "SC stroke in DeviceCMYK at 360 %",
            &["total ink"],
            with_content(b"q /DeviceCMYK CS 0.9 0.9 0.9 0.9 SC 1 w 100 100 m 200 100 l S Q"),
        ),
        case(
            "scn in the ICC-based output profile at 360 %",
            &["total ink"],
            mutated(|doc| {
                let s = icc_cmyk(doc);
                add_space(doc, "CSi", s);
                add_content(doc, b"q /CSi cs 0.9 0.9 0.9 0.9 scn 100 100 50 50 re f Q");
            }),
        ),
        case(
            "scn in the ICC-based output profile at 280 % is fine",
            &[],
            mutated(|doc| {
                let s = icc_cmyk(doc);
                add_space(doc, "CSi", s);
                add_content(doc, b"q /CSi cs 0.7 0.7 0.7 0.7 scn 100 100 50 50 re f Q");
            }),
        ),
        case(
            "total ink just under 300 % (299.6 %)",
            &[],
            with_content(b"q 0.749 0.749 0.749 0.749 k 100 100 50 50 re f Q"),
        ),
        case(
            "total ink just over 300 % (302 %)",
            &["total ink"],
            with_content(b"q 0.755 0.755 0.755 0.755 k 100 100 50 50 re f Q"),
        ),
        case(
            "a separation whose alternate lays down 400 %",
            &["total ink"],
            mutated(|doc| {
                let r = Object::Real;
                add_space(
                    doc,
                    "CSs",
                    Object::Array(vec![
                        "Separation".into(),
                        "Rich".into(),
                        "DeviceCMYK".into(),
                        Object::Dictionary(dictionary! { "FunctionType" => 2, "N" => 1,
                        "Domain" => vec![r(0.0), r(1.0)], "C0" => vec![r(0.0); 4], "C1" => vec![r(1.0); 4] }),
                    ]),
                );
                add_content(doc, b"q /CSs cs 1 scn 100 100 50 50 re f Q");
            }),
        ),
        case(
            "the same separation at a 70 % tint (280 %) is fine",
            &[],
            mutated(|doc| {
                let r = Object::Real;
                add_space(
                    doc,
                    "CSs",
                    Object::Array(vec![
                        "Separation".into(),
                        "Rich".into(),
                        "DeviceCMYK".into(),
                        Object::Dictionary(dictionary! { "FunctionType" => 2, "N" => 1,
                        "Domain" => vec![r(0.0), r(1.0)], "C0" => vec![r(0.0); 4], "C1" => vec![r(1.0); 4] }),
                    ]),
                );
                add_content(doc, b"q /CSs cs 0.7 scn 100 100 50 50 re f Q");
            }),
        ),
        case(
            "a DeviceN of the four process inks at 400 %",
            &["total ink"],
            mutated(|doc| {
                add_space(
                    doc,
                    "CSn",
                    Object::Array(vec![
                        "DeviceN".into(),
                        vec![
                            "Cyan".into(),
                            "Magenta".into(),
                            "Yellow".into(),
                            "Black".into(),
                        ]
                        .into(),
                        "DeviceCMYK".into(),
                        Object::Dictionary(dictionary! { "FunctionType" => 4 }),
                    ]),
                );
                add_content(doc, b"q /CSn cs 1 1 1 1 scn 100 100 50 50 re f Q");
            }),
        ),
        case(
            "an RGB shading painted with sh",
            &["colour"],
            mutated(|doc| {
                let sh = dictionary! {
                    "ShadingType" => 2, "ColorSpace" => "DeviceRGB",
                    "Coords" => vec![0.into(), 0.into(), 100.into(), 0.into()],
                    "Function" => dictionary! { "FunctionType" => 2, "Domain" => vec![0.into(), 1.into()],
                        "C0" => vec![1.into(), 0.into(), 0.into()], "C1" => vec![0.into(), 0.into(), 1.into()], "N" => 1 },
                };
                resources_mut(doc).set("Shading", dictionary! { "Sh1" => sh });
                add_content(doc, b"q 100 100 50 50 re W n /Sh1 sh Q");
            }),
        ),
        case(
            "a CMYK shading reaching 400 %",
            &["total ink"],
            mutated(|doc| {
                let sh = dictionary! {
                    "ShadingType" => 2, "ColorSpace" => "DeviceCMYK",
                    "Coords" => vec![0.into(), 0.into(), 100.into(), 0.into()],
                    "Function" => dictionary! { "FunctionType" => 2, "Domain" => vec![0.into(), 1.into()],
                        "C0" => vec![0.into(), 0.into(), 0.into(), 0.into()], "C1" => vec![1.into(), 1.into(), 1.into(), 1.into()], "N" => 1 },
                };
                resources_mut(doc).set("Shading", dictionary! { "Sh1" => sh });
                add_content(doc, b"q 100 100 50 50 re W n /Sh1 sh Q");
            }),
        ),
        case(
            "a CMYK shading from white to 60 % K is fine",
            &[],
            mutated(|doc| {
                let sh = dictionary! {
                    "ShadingType" => 2, "ColorSpace" => "DeviceCMYK",
                    "Coords" => vec![0.into(), 0.into(), 100.into(), 0.into()],
                    "Function" => dictionary! { "FunctionType" => 2, "Domain" => vec![0.into(), 1.into()],
                        "C0" => vec![0.into(), 0.into(), 0.into(), 0.into()], "C1" => vec![0.into(), 0.into(), 0.into(), Object::Real(0.6)], "N" => 1 },
                };
                resources_mut(doc).set("Shading", dictionary! { "Sh1" => sh });
                add_content(doc, b"q 100 100 50 50 re W n /Sh1 sh Q");
            }),
        ),
        case(
            "a shading pattern fill in RGB",
            &["colour"],
            mutated(|doc| {
                let sh = dictionary! {
                    "ShadingType" => 2, "ColorSpace" => "DeviceRGB",
                    "Coords" => vec![0.into(), 0.into(), 100.into(), 0.into()],
                    "Function" => dictionary! { "FunctionType" => 2, "Domain" => vec![0.into(), 1.into()],
                        "C0" => vec![1.into(), 0.into(), 0.into()], "C1" => vec![0.into(), 0.into(), 1.into()], "N" => 1 },
                };
                let p = doc.add_object(dictionary! { "PatternType" => 2, "Shading" => sh });
                resources_mut(doc).set("Pattern", dictionary! { "P1" => Object::Reference(p) });
                add_content(doc, b"q /Pattern cs /P1 scn 100 100 50 50 re f Q");
            }),
        ),
        case(
            "an inline CMYK image of 400 % at 6 ppi",
            &["total ink", "images"],
            with_content(
                &[
                    &b"q 24 0 0 24 100 100 cm BI /W 2 /H 2 /CS /CMYK /BPC 8 ID "[..],
                    &[255u8; 16],
                    b" EI Q",
                ]
                .concat(),
            ),
        ),
        case(
            "a stencil mask painted in 400 %",
            &["total ink"],
            mutated(|doc| {
                let s = Stream::new(
                    dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 8, "Height" => 8,
                    "ImageMask" => true, "BitsPerComponent" => 1 },
                    vec![0x55; 8],
                );
                add_xobject(doc, "ImM", s);
                // 8 pixels over half a point: fine enough for line art.
                add_content(doc, b"q 0.5 0 0 0.5 100 100 cm 1 1 1 1 k /ImM Do Q");
            }),
        ),
        case(
            "stroked text of 400 %",
            &["total ink"],
            with_content(b"BT /F1 14 Tf 1 Tr 1 1 1 1 K 1 0 0 1 100 300 Tm <0005> Tj ET"),
        ),
        case(
            "filled text with a 400 % stroke colour it does not use",
            &[],
            with_content(b"BT /F1 14 Tf 0 Tr 1 1 1 1 K 0 0 0 1 k 1 0 0 1 100 300 Tm <0005> Tj ET"),
        ),
        case(
            "a transparency group blending in RGB",
            &["colour"],
            mutated(|doc| {
                let mut f = form(b"0 0 0 0.5 k 0 0 10 10 re f", Dictionary::new());
                f.dict.set(
                    "Group",
                    dictionary! { "S" => "Transparency", "CS" => "DeviceRGB" },
                );
                add_xobject(doc, "FmG", f);
                add_content(doc, b"q 1 0 0 1 100 100 cm /FmG Do Q");
            }),
        ),
        case(
            "a soft mask's group draws no ink of its own",
            &[],
            mutated(|doc| {
                let g = doc.add_object(form(b"1 1 1 1 k 0 0 100 100 re f", Dictionary::new()));
                add_resource(
                    doc,
                    "ExtGState",
                    "GSm",
                    dictionary! { "Type" => "ExtGState", "SMask" => dictionary! {
                    "Type" => "Mask", "S" => "Luminosity", "G" => Object::Reference(g) } }
                    .into(),
                );
                add_content(doc, b"q /GSm gs 0 0 0 0.5 k 100 100 50 50 re f Q");
            }),
        ),
        case(
            "an RGB image behind a soft mask",
            &["colour", "images"],
            mutated(|doc| {
                let mask = doc.add_object(Stream::new(
                dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 4, "Height" => 4,
                    "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8 },
                vec![128; 16],
            ));
                let mut im = image("DeviceRGB".into(), 4, 4, vec![200; 48]);
                im.dict.set("SMask", Object::Reference(mask));
                add_xobject(doc, "ImS", im);
                add_content(doc, b"q 24 0 0 24 100 100 cm /ImS Do Q");
            }),
        ),
    ]
}

fn boxes(doc: &mut Document, n: u32, key: &str, v: [f32; 4]) {
    page_mut(doc, n).set(key, v.iter().map(|&x| Object::Real(x)).collect::<Vec<_>>());
}

pub fn box_family() -> Vec<Case> {
    let boxes_fail = &["page boxes"][..];
    vec![
        case(
            "no TrimBox",
            boxes_fail,
            mutated(|doc| {
                page_mut(doc, 1).remove(b"TrimBox");
            }),
        ),
        case(
            "a BleedBox only on the page tree (not inheritable)",
            boxes_fail,
            mutated(|doc| {
                let b = page_mut(doc, 1).get(b"BleedBox").unwrap().clone();
                for n in [1, 2] {
                    page_mut(doc, n).remove(b"BleedBox");
                }
                let pages = doc
                    .catalog()
                    .unwrap()
                    .get(b"Pages")
                    .unwrap()
                    .as_reference()
                    .unwrap();
                doc.get_dictionary_mut(pages).unwrap().set("BleedBox", b);
            }),
        ),
        case(
            "the MediaBox inherited from the page tree is fine",
            &[],
            mutated(|doc| {
                let b = page_mut(doc, 1).get(b"MediaBox").unwrap().clone();
                for n in [1, 2] {
                    page_mut(doc, n).remove(b"MediaBox");
                }
                let pages = doc
                    .catalog()
                    .unwrap()
                    .get(b"Pages")
                    .unwrap()
                    .as_reference()
                    .unwrap();
                doc.get_dictionary_mut(pages).unwrap().set("MediaBox", b);
            }),
        ),
        case(
            "a TrimBox with its corners swapped is the same box",
            &[],
            mutated(|doc| {
                boxes(doc, 1, "TrimBox", [428.032, 603.78, 8.504, 8.504]);
            }),
        ),
        case(
            "a TrimBox of names",
            boxes_fail,
            mutated(|doc| {
                page_mut(doc, 1).set(
                    "TrimBox",
                    vec!["a".into(), "b".into(), "c".into(), "d".into()],
                );
            }),
        ),
        case(
            "a TrimBox of three numbers",
            boxes_fail,
            mutated(|doc| {
                page_mut(doc, 1).set("TrimBox", vec![0.into(), 0.into(), 100.into()]);
            }),
        ),
        case(
            "a MediaBox smaller than the TrimBox",
            boxes_fail,
            mutated(|doc| {
                boxes(doc, 1, "MediaBox", [20.0, 20.0, 400.0, 580.0]);
                boxes(doc, 1, "CropBox", [20.0, 20.0, 400.0, 580.0]);
            }),
        ),
        case(
            "a second page of another size",
            boxes_fail,
            mutated(|doc| {
                boxes(doc, 2, "MediaBox", [0.0, 0.0, 612.28, 858.9]);
                boxes(doc, 2, "CropBox", [0.0, 0.0, 612.28, 858.9]);
                boxes(doc, 2, "BleedBox", [0.0, 0.0, 612.28, 858.9]);
                boxes(doc, 2, "TrimBox", [8.504, 8.504, 603.78, 850.39]);
            }),
        ),
        case(
            "a BleedBox wider than the MediaBox",
            &["page boxes", "bleed"],
            mutated(|doc| {
                boxes(doc, 1, "BleedBox", [-10.0, -10.0, 446.535, 622.284]);
            }),
        ),
    ]
}

/// The FontFile2 of the first embedded font, and its descriptor.
fn font_program(doc: &Document) -> (lopdf::ObjectId, Dictionary) {
    for (_, o) in doc.objects.iter() {
        if let Ok(d) = o.as_dict()
            && d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor")
            && let Ok(f) = d.get(b"FontFile2").and_then(Object::as_reference)
        {
            return (f, d.clone());
        }
    }
    panic!("no FontFile2")
}

fn add_font(doc: &mut Document, name: &str, font: Dictionary) {
    let id = doc.add_object(font);
    let r = resources_mut(doc);
    let fonts = r.get(b"Font").unwrap().clone();
    match fonts {
        Object::Reference(f) => doc.get_dictionary_mut(f).unwrap(),
        _ => resources_mut(doc)
            .get_mut(b"Font")
            .unwrap()
            .as_dict_mut()
            .unwrap(),
    }
    .set(name, Object::Reference(id));
}

pub fn font_family() -> Vec<Case> {
    vec![
        case(
            "text in base-14 Helvetica, not embedded",
            &["fonts embedded", "fonts subset"],
            mutated(|doc| {
                add_font(
                    doc,
                    "FH",
                    dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
                );
                add_content(
                    doc,
                    b"BT /FH 14 Tf 0 0 0 1 k 1 0 0 1 100 300 Tm (Hallo) Tj ET",
                );
            }),
        ),
        case(
            "a TrueType font declared without its program",
            &["fonts embedded", "fonts subset"],
            mutated(|doc| {
                add_font(
                    doc,
                    "FT",
                    dictionary! { "Type" => "Font", "Subtype" => "TrueType", "BaseFont" => "Arial",
                    "FontDescriptor" => dictionary! { "Type" => "FontDescriptor", "FontName" => "Arial", "Flags" => 32 } },
                );
                add_content(
                    doc,
                    b"BT /FT 14 Tf 0 0 0 1 k 1 0 0 1 100 300 Tm (Hallo) Tj ET",
                );
            }),
        ),
        case(
            "a Type 3 font is drawn, not a font program",
            &[],
            mutated(|doc| {
                let glyph = doc.add_object(Stream::new(
                    Dictionary::new(),
                    b"500 0 0 0 500 700 d1 0 0 500 700 re f".to_vec(),
                ));
                add_font(
                    doc,
                    "F3",
                    dictionary! {
                        "Type" => "Font", "Subtype" => "Type3",
                        "FontBBox" => vec![0.into(), 0.into(), 500.into(), 700.into()],
                        "FontMatrix" => vec![Object::Real(0.001), 0.into(), 0.into(), Object::Real(0.001), 0.into(), 0.into()],
                        "CharProcs" => dictionary! { "a" => Object::Reference(glyph) },
                        "Encoding" => dictionary! { "Type" => "Encoding", "Differences" => vec![97.into(), "a".into()] },
                        "FirstChar" => 97, "LastChar" => 97, "Widths" => vec![500.into()],
                        "Resources" => Dictionary::new(),
                    },
                );
                add_content(doc, b"BT /F3 14 Tf 0 0 0 1 k 1 0 0 1 100 300 Tm (a) Tj ET");
            }),
        ),
    ]
}

pub fn structure_family() -> Vec<Case> {
    let g = good();
    let next = Document::load_mem(g).unwrap().max_id + 1;
    let at = |f: f32| g[..(g.len() as f32 * f) as usize].to_vec();
    vec![
        case(
            "an update appending a JavaScript OpenAction",
            &["actions"],
            {
                let root = Document::load_mem(g)
                    .unwrap()
                    .trailer
                    .get(b"Root")
                    .unwrap()
                    .as_reference()
                    .unwrap();
                let (n, cat) = rewritten(root, &format!("/OpenAction {next} 0 R"));
                incremental(&[
                    (
                        next,
                        b"<< /S /JavaScript /JS (app.alert\\(1\\)) >>".to_vec(),
                    ),
                    (n, cat),
                ])
            },
        ),
        case(
            "an update appending a link inside the trim",
            &["annotations"],
            {
                let (n, p) = rewritten(
                    page(&Document::load_mem(g).unwrap(), 1),
                    &format!("/Annots [{next} 0 R]"),
                );
                incremental(&[(next, b"<< /Type /Annot /Subtype /Link /Rect [100 100 200 120] /A << /S /URI /URI (https://uza.be) >> >>".to_vec()), (n, p)])
            },
        ),
        case("an update changing nothing is still ready", &[], {
            let (n, p) = rewritten(page(&Document::load_mem(g).unwrap(), 1), "");
            incremental(&[(n, p)])
        }),
        case(
            "a PDF 1.4 header",
            &["version"],
            [&b"%PDF-1.4"[..], &g[8..]].concat(),
        ),
        case(
            "a PDF 2.0 header",
            &["version"],
            [&b"%PDF-2.0"[..], &g[8..]].concat(),
        ),
        case(
            "junk before %PDF-",
            &["version"],
            [&b"GARBAGE!".repeat(100)[..], b"\n", g].concat(),
        ),
        case("cut at 5 %", &["readable"], at(0.05)),
        case("cut at 70 %", &["readable"], at(0.7)),
        case("cut at 99.9 %", &["readable"], at(0.999)),
        case("the startxref pointing nowhere", &["readable"], {
            let i = g.windows(9).rposition(|w| w == b"startxref").unwrap();
            [&g[..i], &b"startxref\n12345\n%%EOF\n"[..]].concat()
        }),
    ]
}

pub fn resource_family() -> Vec<Case> {
    let content = &["content streams"][..];
    vec![
        case(
            "an image claiming a billion pixels a side",
            &["total ink"],
            mutated(|doc| {
                add_xobject(
                    doc,
                    "ImH",
                    image(
                        "DeviceCMYK".into(),
                        1_000_000_000,
                        1_000_000_000,
                        vec![0; 64],
                    ),
                );
                add_content(doc, b"q 24 0 0 24 100 100 cm /ImH Do Q");
            }),
        ),
        case(
            "a deflate bomb in an image",
            &["total ink"],
            mutated(|doc| {
                let mut s = Stream::new(
                    dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 8192, "Height" => 8192,
                    "ColorSpace" => "DeviceCMYK", "BitsPerComponent" => 8, "Filter" => "FlateDecode" },
                    deflate(&vec![0; 40 << 20]),
                );
                s.allows_compression = false;
                add_xobject(doc, "ImB", s);
                add_content(doc, b"q 24 0 0 24 100 100 cm /ImB Do Q");
            }),
        ),
        case(
            "a deflate bomb as a font program (40 MB of zeros, no font)",
            &["fonts embedded", "font widths"],
            mutated(|doc| {
                let (f, _) = font_program(doc);
                let s = doc.get_object_mut(f).unwrap().as_stream_mut().unwrap();
                s.dict.set("Filter", "FlateDecode");
                s.set_content(deflate(&vec![0; 40 << 20]));
            }),
        ),
        case(
            "a page tree whose Kids include itself",
            content,
            mutated(|doc| {
                let pages = doc
                    .catalog()
                    .unwrap()
                    .get(b"Pages")
                    .unwrap()
                    .as_reference()
                    .unwrap();
                let p = doc.get_dictionary_mut(pages).unwrap();
                let Ok(Object::Array(kids)) = p.get_mut(b"Kids") else {
                    panic!("kids")
                };
                kids.insert(0, Object::Reference(pages));
            }),
        ),
        case(
            "a page that is its own parent, so its fonts are lost",
            content,
            mutated(|doc| {
                let p = page(doc, 1);
                page_mut(doc, 1).remove(b"Resources");
                page_mut(doc, 1).set("Parent", Object::Reference(p));
            }),
        ),
        case(
            "text in a font missing from the resources",
            content,
            with_content(b"BT /Nope 12 Tf 0 0 0 1 k 1 0 0 1 100 300 Tm (a) Tj ET"),
        ),
        case(
            "a hundred thousand pages",
            &[],
            mutated(|doc| {
                let pages = doc
                    .catalog()
                    .unwrap()
                    .get(b"Pages")
                    .unwrap()
                    .as_reference()
                    .unwrap();
                let p1 = page(doc, 1);
                let kids: Vec<Object> = (0..100_000).map(|_| Object::Reference(p1)).collect();
                let p = doc.get_dictionary_mut(pages).unwrap();
                p.set("Kids", kids);
                p.set("Count", 100_000);
            }),
        ),
    ]
}
