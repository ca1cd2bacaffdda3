//! Building the corpus: the good print PDF, and the ways of breaking it.

use leaflet_printer::pdf::Target;
use leaflet_printer::pipeline::{self, Engine};
use leaflet_printer::shared::SharedData;
use lopdf::{Dictionary, Document, Object, ObjectId, Stream, dictionary};
use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

const LEAFLET: &str = "leaflets/immunotherapie.yaml";

/// The good print PDF every mutation starts from.
pub fn good() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| {
        let shared = SharedData::load(Some(Path::new("leaflets/_data"))).expect("shared data");
        let engine = Engine::new(&shared.hyphenation);
        let source = std::fs::read_to_string(LEAFLET).unwrap();
        pipeline::build(
            &engine,
            &shared,
            Path::new(LEAFLET),
            &source,
            Target::Print { marks: false },
        )
        .unwrap_or_else(|e| panic!("{e:?}"))
        .pdf
    })
}

pub fn save(doc: &mut Document) -> Vec<u8> {
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

/// The good PDF with `change` applied, saved again.
pub fn mutated(change: impl FnOnce(&mut Document)) -> Vec<u8> {
    let mut doc = Document::load_mem(good()).unwrap();
    change(&mut doc);
    save(&mut doc)
}

pub fn page(doc: &Document, n: u32) -> ObjectId {
    doc.get_pages()[&n]
}

/// Page 1 with `ops` drawn after its own content.
pub fn with_content(ops: &[u8]) -> Vec<u8> {
    mutated(|doc| add_content(doc, ops))
}

pub fn add_content(doc: &mut Document, ops: &[u8]) {
    let p = page(doc, 1);
    doc.add_page_contents(p, ops.to_vec()).unwrap();
}

pub fn catalog_mut(doc: &mut Document) -> &mut Dictionary {
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
    doc.get_dictionary_mut(root).unwrap()
}

pub fn page_mut(doc: &mut Document, n: u32) -> &mut Dictionary {
    let p = page(doc, n);
    doc.get_dictionary_mut(p).unwrap()
}

/// Page 1's resource dictionary, whether it is direct or an object of its own.
pub fn resources_mut(doc: &mut Document) -> &mut Dictionary {
    let p = page(doc, 1);
    let r = doc
        .get_dictionary(p)
        .unwrap()
        .get(b"Resources")
        .unwrap()
        .clone();
    match r {
        Object::Reference(id) => doc.get_dictionary_mut(id).unwrap(),
        _ => page_mut(doc, 1)
            .get_mut(b"Resources")
            .unwrap()
            .as_dict_mut()
            .unwrap(),
    }
}

/// Adds an XObject to page 1's resources under `name`.
pub fn add_xobject(doc: &mut Document, name: &str, object: Stream) -> ObjectId {
    let id = doc.add_object(object);
    let r = resources_mut(doc);
    if !r.has(b"XObject") {
        r.set("XObject", Dictionary::new());
    }
    match r.get(b"XObject").unwrap().clone() {
        Object::Reference(x) => doc.get_dictionary_mut(x).unwrap(),
        _ => resources_mut(doc)
            .get_mut(b"XObject")
            .unwrap()
            .as_dict_mut()
            .unwrap(),
    }
    .set(name, Object::Reference(id));
    id
}

pub fn image(space: Object, w: i64, h: i64, data: Vec<u8>) -> Stream {
    let mut s = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => w, "Height" => h,
            "ColorSpace" => space, "BitsPerComponent" => 8,
        },
        data,
    );
    let _ = s.compress();
    s
}

/// Page 1 drawing an image of `px` pixels square over `pt` points.
pub fn with_image(space: Object, px: i64, pt: f32, pixel: &[u8]) -> Vec<u8> {
    let data = pixel.repeat((px * px) as usize);
    mutated(|doc| {
        add_xobject(doc, "ImX", image(space, px, px, data));
        add_content(
            doc,
            format!("q {pt} 0 0 {pt} 100 100 cm /ImX Do Q").as_bytes(),
        );
    })
}

pub fn form(content: &[u8], resources: Dictionary) -> Stream {
    Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Form", "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
            "Resources" => resources,
        },
        content.to_vec(),
    )
}

/// Forms nested `levels` deep, each drawing the one below `fan` times.
pub fn nested_forms(levels: usize, fan: usize) -> Vec<u8> {
    mutated(|doc| {
        let mut below: Option<ObjectId> = None;
        for _ in 0..levels {
            let (content, resources) = match below {
                None => (b"0 0 0 1 k 0 0 1 1 re f".to_vec(), Dictionary::new()),
                Some(id) => (
                    b"/B Do ".repeat(fan),
                    dictionary! { "XObject" => dictionary! { "B" => Object::Reference(id) } },
                ),
            };
            below = Some(doc.add_object(form(&content, resources)));
        }
        let top = below.unwrap();
        resources_mut(doc).set("XObject", dictionary! { "Top" => Object::Reference(top) });
        add_content(doc, b"q /Top Do Q");
    })
}

pub fn deflate(data: &[u8]) -> Vec<u8> {
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    z.write_all(data).unwrap();
    z.finish().unwrap()
}

/// Replaces page 1's content with one stream of `bytes` under `filter`.
pub fn page_stream(bytes: Vec<u8>, filter: Option<&str>) -> Vec<u8> {
    mutated(|doc| {
        let mut dict = Dictionary::new();
        if let Some(f) = filter {
            dict.set("Filter", Object::Name(f.as_bytes().to_vec()));
        }
        let id = doc.add_object(Stream::new(dict, bytes));
        page_mut(doc, 1).set("Contents", Object::Reference(id));
    })
}

/// Applies `change` to every CIDFont (our fonts hold theirs directly in the Type0 font).
pub fn each_cid_font(doc: &mut Document, change: impl Fn(&mut Dictionary)) {
    let mut applied = 0;
    for (_, o) in doc.objects.iter_mut() {
        if let Ok(d) = o.as_dict_mut()
            && d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0")
            && let Ok(Object::Array(fonts)) = d.get_mut(b"DescendantFonts")
            && let Some(Object::Dictionary(cid)) = fonts.first_mut()
        {
            change(cid);
            applied += 1;
        }
    }
    assert!(applied > 0, "no CIDFont changed");
}

pub fn annotation(doc: &mut Document, annot: Dictionary) {
    let id = doc.add_object(annot);
    page_mut(doc, 1).set("Annots", vec![Object::Reference(id)]);
}

/// Deterministic noise: the same corpus on every machine.
pub fn noise(n: usize, mut seed: u64) -> Vec<u8> {
    (0..n)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed >> 24) as u8
        })
        .collect()
}

/// The good file with an incremental update appended: `objects` (number, body) replace or
/// add objects, the new trailer chains to the old one with /Prev.
pub fn incremental(objects: &[(u32, Vec<u8>)]) -> Vec<u8> {
    let doc = Document::load_mem(good()).unwrap();
    let mut out = good().to_vec();
    let prev = {
        let s = String::from_utf8_lossy(&out[out.len() - 40..]).to_string();
        let after = &s[s.rfind("startxref").unwrap() + 9..];
        after
            .split_whitespace()
            .next()
            .unwrap()
            .parse::<usize>()
            .unwrap()
    };
    out.push(b'\n');
    let mut offsets = Vec::new();
    for (n, body) in objects {
        offsets.push((*n, out.len()));
        out.extend_from_slice(format!("{n} 0 obj\n").as_bytes());
        out.extend_from_slice(body);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(b"xref\n");
    for (n, at) in &offsets {
        out.extend_from_slice(format!("{n} 1\n{at:010} 00000 n \n").as_bytes());
    }
    let size = offsets
        .iter()
        .map(|(n, _)| n + 1)
        .max()
        .unwrap()
        .max(doc.max_id + 1);
    let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap().0;
    let info = doc.trailer.get(b"Info").unwrap().as_reference().unwrap().0;
    let Ok(Object::Array(id)) = doc.trailer.get(b"ID") else {
        panic!("ID")
    };
    let hex = |o: &Object| {
        o.as_str()
            .unwrap()
            .iter()
            .map(|b| format!("{b:02X}"))
            .collect::<String>()
    };
    out.extend_from_slice(format!(
        "trailer\n<< /Size {size} /Root {root} 0 R /Info {info} 0 R /ID [<{}> <{}>] /Prev {prev} >>\nstartxref\n{xref}\n%%EOF\n",
        hex(&id[0]), hex(&id[1])).as_bytes());
    out
}

/// A dictionary object of the good file written out again as PDF source, with `extra`
/// added to it: for an incremental update that replaces it.
pub fn rewritten(id: ObjectId, extra: &str) -> (u32, Vec<u8>) {
    let doc = Document::load_mem(good()).unwrap();
    let mut d = doc.get_dictionary(id).unwrap().clone();
    d.remove(b"__never__");
    let mut body = Vec::new();
    let mut tmp = Document::with_version("1.6");
    let tid = tmp.add_object(Object::Dictionary(d));
    tmp.trailer.set("Root", Object::Reference(tid));
    tmp.save_to(&mut body).unwrap();
    // The dictionary as lopdf writes it, between "1 0 obj" and "endobj".
    let s = String::from_utf8_lossy(&body).to_string();
    let start = s.find("1 0 obj").unwrap() + 7;
    let end = s[start..].find("endobj").unwrap() + start;
    let dict = s[start..end].trim();
    let dict = &dict[..dict.len() - 2];
    (id.0, format!("{dict} {extra} >>").into_bytes())
}

/// Adds `object` under `name` to the `kind` dictionary (`/Font`, `/Pattern`, …) of page 1's
/// resources, whether that dictionary is direct, an object of its own, or not there yet.
pub fn add_resource(doc: &mut Document, kind: &str, name: &str, object: Object) {
    let r = resources_mut(doc);
    if !r.has(kind.as_bytes()) {
        r.set(kind, Dictionary::new());
    }
    match r.get(kind.as_bytes()).unwrap().clone() {
        Object::Reference(x) => doc.get_dictionary_mut(x).unwrap(),
        _ => resources_mut(doc)
            .get_mut(kind.as_bytes())
            .unwrap()
            .as_dict_mut()
            .unwrap(),
    }
    .set(name, object);
}

/// The root of the page tree.
pub fn pages_node(doc: &Document) -> ObjectId {
    doc.catalog()
        .unwrap()
        .get(b"Pages")
        .unwrap()
        .as_reference()
        .unwrap()
}

/// An ICC profile stream whose header names `space` (bytes 16..20), with `/N n` if given.
pub fn icc_profile(space: &[u8; 4], n: Option<i64>) -> Stream {
    let mut header = vec![0u8; 128];
    header[12..16].copy_from_slice(b"mntr");
    header[16..20].copy_from_slice(space);
    header[20..24].copy_from_slice(b"XYZ ");
    header[36..40].copy_from_slice(b"acsp");
    let mut dict = Dictionary::new();
    if let Some(n) = n {
        dict.set("N", n);
    }
    Stream::new(dict, header)
}
