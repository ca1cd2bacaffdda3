//! Third pass, from a reviewer's hunt for false passes: pages the checker never read (a
//! page without `/Type /Page`, one the PDF reader cannot parse, one inside an object
//! stream too large to decode), boxes and versions read too leniently, XMP read as text,
//! keys PDF/X-4 forbids, actions hidden deep, and font programs that are no fonts.

use super::mutate::*;
use super::{Case, case};
use lopdf::{Document, Object, Stream, dictionary};

/// A new page object: page 1's dictionary (so its boxes and resources) with `extra`.
fn page_body(extra: &str) -> Vec<u8> {
    let doc = Document::load_mem(good()).unwrap();
    rewritten(page(&doc, 1), extra).1
}

/// The page tree's root written again with `id` added to its kids.
fn pages_with(id: u32) -> (u32, Vec<u8>) {
    let doc = Document::load_mem(good()).unwrap();
    let node = pages_node(&doc);
    let d = doc.get_dictionary(node).unwrap();
    let Ok(Object::Array(kids)) = d.get(b"Kids") else {
        panic!("kids")
    };
    let list: Vec<String> = kids
        .iter()
        .map(|k| {
            let r = k.as_reference().unwrap();
            format!("{} {} R", r.0, r.1)
        })
        .collect();
    let count = kids.len() + 1;
    let body = format!(
        "<< /Type /Pages /Kids [{} {id} 0 R] /Count {count} >>",
        list.join(" ")
    );
    (node.0, body.into_bytes())
}

/// An incremental update whose cross-reference stream puts a copy of page 1 (as a third
/// page) in an object stream padded to `pad` bytes before it.
fn page_in_object_stream(pad: usize) -> Vec<u8> {
    let doc = Document::load_mem(good()).unwrap();
    let g = good();
    let next = doc.max_id + 1;
    let (page_no, container, xref_no) = (next, next + 1, next + 2);
    let prev = {
        let s = String::from_utf8_lossy(&g[g.len() - 40..]).to_string();
        let after = &s[s.rfind("startxref").unwrap() + 9..];
        after
            .split_whitespace()
            .next()
            .unwrap()
            .parse::<usize>()
            .unwrap()
    };
    let header = format!("{page_no} {pad} ");
    let content = [header.as_bytes(), &vec![b' '; pad], &page_body("")].concat();
    let packed = deflate(&content);
    let mut out = g.to_vec();
    out.push(b'\n');
    let (pages_no, pages_body) = pages_with(page_no);
    let mut offsets = vec![(pages_no, out.len())];
    out.extend_from_slice(format!("{pages_no} 0 obj\n").as_bytes());
    out.extend_from_slice(&pages_body);
    out.extend_from_slice(b"\nendobj\n");
    offsets.push((container, out.len()));
    out.extend_from_slice(
        format!(
            "{container} 0 obj\n<< /Type /ObjStm /N 1 /First {} /Filter /FlateDecode /Length {} >>\nstream\n",
            header.len(),
            packed.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&packed);
    out.extend_from_slice(b"\nendstream\nendobj\n");
    let xref_at = out.len();
    offsets.push((xref_no, xref_at));
    // Rows of type (1 byte), field 2 (4 bytes), field 3 (2 bytes), by object number.
    let mut rows: Vec<(u32, [u8; 7])> = offsets
        .iter()
        .map(|&(n, at)| {
            let o = (at as u32).to_be_bytes();
            (n, [1, o[0], o[1], o[2], o[3], 0, 0])
        })
        .collect();
    let c = container.to_be_bytes();
    rows.push((page_no, [2, c[0], c[1], c[2], c[3], 0, 0]));
    rows.sort_by_key(|(n, _)| *n);
    let index: Vec<String> = rows.iter().map(|(n, _)| format!("{n} 1")).collect();
    let data: Vec<u8> = rows.iter().flat_map(|(_, r)| *r).collect();
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap().0;
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap().0;
    let Ok(Object::Array(id)) = doc.trailer.get(b"ID") else {
        panic!("ID")
    };
    let hex = |o: &Object| -> String {
        o.as_str()
            .unwrap()
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect()
    };
    out.extend_from_slice(
        format!(
            "{xref_no} 0 obj\n<< /Type /XRef /Size {} /Index [{}] /W [1 4 2] /Root {root} 0 R /Info {info} 0 R /ID [<{}> <{}>] /Prev {prev} /Length {} >>\nstream\n",
            xref_no + 1,
            index.join(" "),
            hex(&id[0]),
            hex(&id[1]),
            data.len()
        )
        .as_bytes(),
    );
    out.extend_from_slice(&data);
    out.extend_from_slice(format!("\nendstream\nendobj\nstartxref\n{xref_at}\n%%EOF\n").as_bytes());
    out
}

pub fn page_tree_family() -> Vec<Case> {
    let content = &["content streams"][..];
    let next = Document::load_mem(good()).unwrap().max_id + 1;
    vec![
        case(
            "a page without /Type /Page that paints RGB",
            &["content streams", "colour"],
            mutated(|doc| {
                let mut p = doc.get_dictionary(page(doc, 1)).unwrap().clone();
                p.remove(b"Type");
                let c = doc.add_object(Stream::new(
                    dictionary! {},
                    b"1 0 0 rg 100 100 50 50 re f".to_vec(),
                ));
                p.set("Contents", c);
                let id = doc.add_object(p);
                let node = pages_node(doc);
                let n = doc.get_dictionary_mut(node).unwrap();
                let Ok(Object::Array(kids)) = n.get_mut(b"Kids") else {
                    panic!("kids")
                };
                kids.push(id.into());
                n.set("Count", 3);
            }),
        )
        .mentions("has no /Type /Page"),
        case(
            "a page the PDF reader cannot parse (arrays nested 150 deep)",
            content,
            {
                let deep = format!("/PieceInfo {}1{}", "[".repeat(150), "]".repeat(150));
                incremental(&[(next, page_body(&deep)), pages_with(next)])
            },
        )
        .mentions("cannot be read: the PDF reader could not parse it"),
        case(
            "an object the reader cannot parse, hung from /PieceInfo",
            content,
            {
                let doc = Document::load_mem(good()).unwrap();
                let deep = format!("{}1{}", "[".repeat(150), "]".repeat(150));
                incremental(&[
                    (next, deep.into_bytes()),
                    rewritten(page(&doc, 1), &format!("/PieceInfo {next} 0 R")),
                ])
            },
        )
        .mentions("cannot be parsed"),
        case(
            "a page tree whose /Count says three pages and lists two",
            content,
            mutated(|doc| {
                let node = pages_node(doc);
                doc.get_dictionary_mut(node).unwrap().set("Count", 3);
            }),
        )
        .mentions("/Count says 3 pages, but it lists 2"),
        case(
            "a page in an object stream that decodes past 64 MB",
            content,
            page_in_object_stream(65 << 20),
        )
        .mentions("decodes to more than 64 MB"),
        case(
            "the same object stream, small, holds a page that is read",
            &[],
            page_in_object_stream(1000),
        ),
    ]
}

pub fn box_and_version_family() -> Vec<Case> {
    vec![
        case(
            "pages rotated by the real 90.0",
            &["page rotation"],
            mutated(|doc| {
                for n in [1, 2] {
                    page_mut(doc, n).set("Rotate", Object::Real(90.0));
                }
            }),
        )
        .mentions("rotated by 90°"),
        case(
            "a /UserUnit of 2 (the page prints twice its size)",
            &["page boxes"],
            mutated(|doc| page_mut(doc, 1).set("UserUnit", Object::Real(2.0))),
        ),
        case(
            "a /UserUnit of 1 is fine",
            &[],
            mutated(|doc| page_mut(doc, 1).set("UserUnit", 1)),
        ),
        case(
            "a TrimBox with a name among its numbers",
            &["page boxes"],
            mutated(|doc| {
                let Ok(Object::Array(t)) = page_mut(doc, 1).get(b"TrimBox").cloned() else {
                    panic!("trim")
                };
                let mut t = t;
                t.insert(2, "x".into());
                page_mut(doc, 1).set("TrimBox", t);
            }),
        )
        .mentions("the TrimBox is not an array of four numbers"),
        case(
            "a catalog /Version 2.0 over the 1.6 header",
            &["version"],
            mutated(|doc| catalog_mut(doc).set("Version", "2.0")),
        )
        .mentions("/Version 2.0 overrides the header"),
        case(
            "a catalog /Version 1.4 under the 1.6 header changes nothing",
            &[],
            mutated(|doc| catalog_mut(doc).set("Version", "1.4")),
        ),
    ]
}

/// The good file with its XMP packet's text changed by `edit`.
fn xmp_edited(edit: fn(String) -> String) -> Vec<u8> {
    mutated(|doc| {
        let m = catalog_mut(doc)
            .get(b"Metadata")
            .unwrap()
            .as_reference()
            .unwrap();
        let s = doc.get_object_mut(m).unwrap().as_stream_mut().unwrap();
        let xml = String::from_utf8(s.content.clone()).unwrap();
        let changed = edit(xml.clone());
        assert_ne!(changed, xml, "the XMP edit changed nothing");
        s.set_content(changed.into_bytes());
    })
}

pub fn metadata_family() -> Vec<Case> {
    vec![
        case(
            "XMP with pdfxid:GTS_PDFXVersion only inside a comment",
            &["XMP metadata"],
            xmp_edited(|x| {
                let start = x.find("<pdfxid:GTS_PDFXVersion>").unwrap();
                let end = x.find("</pdfxid:GTS_PDFXVersion>").unwrap() + 25;
                format!("{}<!-- {} -->{}", &x[..start], &x[start..end], &x[end..])
            }),
        )
        .mentions("no pdfxid:GTS_PDFXVersion of PDF/X-4"),
        case(
            "XMP binding the pdfxid prefix to another namespace",
            &["XMP metadata"],
            xmp_edited(|x| {
                x.replace(
                    "xmlns:pdfxid=\"http://www.npes.org/pdfx/ns/id/\"",
                    "xmlns:pdfxid=\"http://example.com/not-pdfx/\"",
                )
            }),
        ),
        case(
            "XMP naming the PDF/X namespace with another prefix is fine",
            &[],
            xmp_edited(|x| {
                x.replace(
                    "xmlns:pdfxid=",
                    "xmlns:id=\"http://www.npes.org/pdfx/ns/id/\" xmlns:pdfxid=",
                )
                .replace("<pdfxid:GTS_PDFXVersion>", "<id:GTS_PDFXVersion>")
                .replace("</pdfxid:GTS_PDFXVersion>", "</id:GTS_PDFXVersion>")
            }),
        ),
    ]
}

pub fn prohibited_family() -> Vec<Case> {
    vec![
        case(
            "JavaScript at the end of a /Next chain forty actions long",
            &["actions"],
            mutated(|doc| {
                let p1 = page(doc, 1);
                let mut action = dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.alert(1)") };
                for _ in 0..40 {
                    action = dictionary! { "S" => "GoTo", "D" => vec![p1.into(), "Fit".into()], "Next" => action };
                }
                let item = doc.add_object(dictionary! { "Title" => Object::string_literal("Start"), "A" => action });
                let outlines = doc.add_object(dictionary! { "Type" => "Outlines", "First" => item, "Last" => item, "Count" => 1 });
                doc.get_dictionary_mut(item).unwrap().set("Parent", outlines);
                catalog_mut(doc).set("Outlines", outlines);
            }),
        )
        .mentions("JavaScript in object"),
        case(
            "a transfer function in a graphics state",
            &["transfer functions"],
            mutated(|doc| {
                let f = dictionary! { "FunctionType" => 2, "Domain" => vec![0.into(), 1.into()],
                    "C0" => vec![1.into()], "C1" => vec![0.into()], "N" => 1 };
                add_resource(doc, "ExtGState", "GTR", dictionary! { "Type" => "ExtGState", "TR" => f }.into());
                add_content(doc, b"q /GTR gs 0 0 0 0.5 k 100 100 50 50 re f Q");
            }),
        ),
        case(
            "/TR2 /Default is no transfer function",
            &[],
            mutated(|doc| {
                add_resource(doc, "ExtGState", "GTD", dictionary! { "Type" => "ExtGState", "TR2" => "Default" }.into());
                add_content(doc, b"q /GTD gs 0 0 0 0.5 k 100 100 50 50 re f Q");
            }),
        ),
        case(
            "an OPI link in a form",
            &["image replacement"],
            mutated(|doc| {
                let mut f = form(b"0 0 0 0.5 k 0 0 50 50 re f", Default::default());
                f.dict.set("OPI", dictionary! { "1.3" => dictionary! { "Type" => "OPI", "Version" => Object::Real(1.3),
                    "F" => Object::string_literal("hires.tif") } });
                add_xobject(doc, "FO", f);
                add_content(doc, b"q 1 0 0 1 100 100 cm /FO Do Q");
            }),
        ),
        case(
            "an image with /Alternates",
            &["image replacement"],
            mutated(|doc| {
                let alt = doc.add_object(image("DeviceCMYK".into(), 4, 4, vec![0; 64]));
                let mut im = image("DeviceCMYK".into(), 100, 100, [0, 0, 0, 128].repeat(100 * 100));
                im.dict.set("Alternates", vec![dictionary! { "Image" => alt, "DefaultForPrinting" => true }.into()]);
                add_xobject(doc, "IA", im);
                add_content(doc, b"q 24 0 0 24 100 100 cm /IA Do Q");
            }),
        ),
        case(
            "an XFA form",
            &["form fields"],
            mutated(|doc| {
                let xfa = doc.add_object(Stream::new(dictionary! {}, b"<xdp:xdp xmlns:xdp='http://ns.adobe.com/xdp/'/>".to_vec()));
                catalog_mut(doc).set("AcroForm", dictionary! { "Fields" => Vec::<Object>::new(), "XFA" => xfa });
            }),
        )
        .mentions("an XFA form"),
        case(
            "a form asking the reader to draw its fields (/NeedAppearances true)",
            &["form fields"],
            mutated(|doc| {
                catalog_mut(doc).set("AcroForm", dictionary! { "Fields" => Vec::<Object>::new(), "NeedAppearances" => true });
            }),
        ),
    ]
}

/// Replaces every FontFile2 of the good file with a stream of `bytes`.
fn font_programs(bytes: &'static [u8]) -> Vec<u8> {
    mutated(|doc| {
        let ids: Vec<lopdf::ObjectId> = doc
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor"))
            .filter_map(|d| d.get(b"FontFile2").and_then(Object::as_reference).ok())
            .collect();
        assert!(!ids.is_empty());
        for id in ids {
            doc.objects
                .insert(id, Stream::new(dictionary! {}, bytes.to_vec()).into());
        }
    })
}

/// Page 1 setting `AAA` in a simple font of `subtype` whose descriptor holds `key` = `bytes`.
fn simple_font(subtype: &'static str, key: &'static str, bytes: &'static [u8]) -> Vec<u8> {
    mutated(|doc| {
        let program = doc.add_object(Stream::new(dictionary! {}, bytes.to_vec()));
        let descriptor = doc.add_object(dictionary! {
            "Type" => "FontDescriptor", "FontName" => "ABCDEF+Arial", "Flags" => 32,
            "FontBBox" => vec![0.into(), 0.into(), 1000.into(), 1000.into()], "ItalicAngle" => 0,
            "Ascent" => 900, "Descent" => -200, "CapHeight" => 700, "StemV" => 80, key => program,
        });
        let font = doc.add_object(dictionary! {
            "Type" => "Font", "Subtype" => subtype, "BaseFont" => "ABCDEF+Arial", "FirstChar" => 65,
            "LastChar" => 65, "Widths" => vec![600.into()], "FontDescriptor" => descriptor,
            "Encoding" => "WinAnsiEncoding",
        });
        add_resource(doc, "Font", "TT", font.into());
        add_content(doc, b"BT /TT 14 Tf 0 0 0 1 k 100 300 Td (AAA) Tj ET");
    })
}

pub fn font_program_family() -> Vec<Case> {
    vec![
        case(
            "empty font programs",
            &["fonts embedded", "font widths"],
            font_programs(b""),
        )
        .mentions("its embedded program is empty"),
        case(
            "font programs of plain text",
            &["fonts embedded", "font widths"],
            font_programs(b"not a font at all, not a font at all"),
        )
        .mentions("is not a TrueType font (/FontFile2)"),
        case(
            "a simple TrueType font with an empty FontFile2",
            &["fonts embedded"],
            simple_font("TrueType", "FontFile2", b""),
        ),
        case(
            "a Type 1 font whose FontFile is no Type 1 program",
            &["fonts embedded"],
            simple_font("Type1", "FontFile", b"this is not a type 1 font program"),
        )
        .mentions("is not a Type 1 font (/FontFile)"),
    ]
}
