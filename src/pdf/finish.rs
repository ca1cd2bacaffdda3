//! The lopdf pass over printpdf's document. printpdf leaves random identifiers, an empty
//! `/GTS_PDFXVersion`, no `/Lang`, no subset tags and no bleed box; the print shop and
//! byte-for-byte reproducible builds need all of those right.
//!
//! printpdf's own PDF/X parts are worse than missing (the profile under
//! `/DestinationOutputProfile`, a licence pasted into the intent, boxes written as
//! `[x y w h]`, a 1.3 header, XMP dates no parser accepts, a random instance id), so they
//! are removed and rebuilt here, and [`defects`] checks the result in every debug build:
//! an upgrade of printpdf that brings one back fails the tests instead of reaching a shop.

use super::control;
use super::fonts::Subset;
use super::intent::{OutputCondition, add_output_intent};
use super::{Geometry, Meta, Target};
use chrono::Datelike;
use lopdf::{Document, Object, ObjectId, Stream, StringFormat, dictionary};
use sha2::{Digest, Sha256};

/// The Info /Subject, repeated as XMP dc:description: PDF/X wants the two to agree.
const SUBJECT: &str = "Patiëntenfolder";

const PRODUCER: &str = concat!("leaflet ", env!("CARGO_PKG_VERSION"), " (printpdf, lopdf)");

pub fn finish(
    mut doc: Document,
    meta: &Meta,
    target: Target,
    geometry: &Geometry,
    subsets: &[Subset],
    output: OutputCondition,
    structure: Option<super::tags::Marked>,
) -> Vec<u8> {
    tag_subsets(&mut doc, subsets);
    if let Some(marked) = &structure {
        super::tags::add_structure(&mut doc, marked);
    }
    set_boxes(&mut doc, target, geometry);
    if let Target::Print { .. } = target {
        add_overprint_states(&mut doc);
    }
    let catalog_id = root_id(&doc);
    let info_id = doc.add_object(info_dict(meta, target));
    doc.trailer.set("Info", Object::Reference(info_id));
    if let Ok(catalog) = doc.get_object_mut(catalog_id).and_then(Object::as_dict_mut) {
        catalog.set("Lang", Object::string_literal(meta.lang.clone()));
        catalog.set(
            "ViewerPreferences",
            dictionary! { "DisplayDocTitle" => true },
        );
        catalog.remove(b"OutputIntents");
        catalog.remove(b"Metadata");
    }
    doc.version = match target {
        Target::Office => "1.7".into(),
        Target::Print { .. } => "1.6".into(),
    };
    // Content first, so the identifier can be derived from it.
    doc.prune_objects();
    doc.renumber_objects();
    compress(&mut doc);
    let id = trailer_id(&doc);
    // After `compress`, so the XMP stays uncompressed: PDF/X wants metadata readable by
    // tools that do not inflate streams.
    add_metadata(&mut doc, meta, target, &id, structure.is_some());
    if let Target::Print { .. } = target {
        let catalog = root_id(&doc);
        add_output_intent(&mut doc, catalog, output);
    }
    let id_obj = Object::String(id.to_vec(), StringFormat::Hexadecimal);
    doc.trailer
        .set("ID", Object::Array(vec![id_obj.clone(), id_obj]));
    debug_assert_eq!(defects(&doc, target, geometry), Vec::<String>::new());
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .expect("writing to memory cannot fail");
    out
}

/// zlib level for streams. lopdf's own `compress` uses level 9, which cost a sixth of a
/// whole build for files 0.3 % smaller than level 6; level 1 takes a fifth of the whole
/// build's instructions less than 6 for files 15 % larger (30 KB for a 2-page leaflet).
const COMPRESSION_LEVEL: u32 = 1;

/// Deflates every stream not yet filtered.
fn compress(doc: &mut Document) {
    use flate2::{Compress, Compression, FlushCompress, Status};
    // One compressor for all streams: setting one up clears a few hundred kilobytes.
    let mut z = Compress::new(Compression::new(COMPRESSION_LEVEL), true);
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if stream.dict.has(b"Filter") || !stream.allows_compression {
            continue;
        }
        z.reset();
        let mut out = Vec::with_capacity(stream.content.len() / 2 + 64);
        loop {
            let consumed = z.total_in() as usize;
            let status = z
                .compress_vec(&stream.content[consumed..], &mut out, FlushCompress::Finish)
                .ok();
            match status {
                Some(Status::StreamEnd) => break,
                Some(_) => out.reserve(out.capacity().max(1024)),
                None => break,
            }
        }
        if z.total_in() as usize == stream.content.len() && out.len() < stream.content.len() {
            stream
                .dict
                .set("Filter", Object::Name(b"FlateDecode".to_vec()));
            stream.set_content(out);
        }
    }
}

fn root_id(doc: &Document) -> ObjectId {
    doc.trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .expect("printpdf writes a catalog")
}

/// A deterministic document identifier: a hash of every object, in object order.
pub fn trailer_id(doc: &Document) -> [u8; 16] {
    let mut hasher = Sha256::new();
    for (id, object) in &doc.objects {
        hasher.update(format!("{} {}", id.0, id.1));
        hash_object(&mut hasher, object);
    }
    let digest = hasher.finalize();
    let mut id = [0u8; 16];
    id.copy_from_slice(&digest[..16]);
    id
}

/// A scalar hashed as its bytes behind a byte naming its kind.
fn typed(h: &mut Sha256, kind: u8, bytes: &[u8]) {
    h.update([kind]);
    h.update(bytes);
}

fn hash_object(h: &mut Sha256, o: &Object) {
    match o {
        // A font program (it has /Length1) follows from the glyphs the content streams use,
        // which are hashed already; skipping it saves most of the hashing.
        Object::Stream(s) if s.dict.has(b"Length1") => {}
        Object::Stream(s) => {
            h.update(&s.content);
            for (k, v) in s.dict.iter() {
                h.update(k);
                hash_object(h, v);
            }
        }
        Object::Dictionary(d) => {
            for (k, v) in d.iter() {
                h.update(k);
                hash_object(h, v);
            }
        }
        Object::Array(a) => a.iter().for_each(|v| hash_object(h, v)),
        // Scalars by their bytes behind a type byte (so 1 and 1.0 differ): formatting each
        // with Debug was a third of the hash's work once the structure tree added
        // thousands of small objects.
        Object::Integer(i) => typed(h, 1, &i.to_le_bytes()),
        Object::Real(r) => typed(h, 2, &r.to_le_bytes()),
        Object::Name(n) => typed(h, 3, n),
        Object::String(bytes, _) => typed(h, 4, bytes),
        Object::Reference((id, generation)) => {
            typed(h, 5, &id.to_le_bytes());
            h.update(generation.to_le_bytes());
        }
        other => h.update(format!("{other:?}")),
    }
}

/// `ABCDEF+Name`: the subset tag tells viewers and preflight that the program is a subset.
/// Derived from the glyphs kept (the program is a function of them), so the same glyphs
/// give the same tag without hashing the font program itself.
fn subset_tag(subset: &Subset) -> String {
    let mut h = Sha256::new();
    h.update(subset.face.postscript_name());
    for g in subset.glyph_ids() {
        h.update(g.to_be_bytes());
    }
    let digest = h.finalize();
    digest[..6]
        .iter()
        .map(|b| (b'A' + b % 26) as char)
        .collect()
}

fn tag_subsets(doc: &mut Document, subsets: &[Subset]) {
    let names: Vec<(String, String)> = subsets
        .iter()
        .map(|s| {
            let base = s.face.postscript_name().to_string();
            (base.clone(), format!("{}+{base}", subset_tag(s)))
        })
        .collect();
    // printpdf names a font by what the font file says; map by face order of the font ids.
    let font_dicts: Vec<ObjectId> = doc
        .objects
        .iter()
        .filter_map(|(id, o)| {
            let d = o.as_dict().ok()?;
            (d.get(b"Type").and_then(Object::as_name).ok() == Some(b"Font".as_slice())
                && d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0".as_slice()))
            .then_some(*id)
        })
        .collect();
    // The global font dictionary maps F1..F4 to the Type0 fonts.
    let mut by_resource: Vec<(String, ObjectId)> = Vec::new();
    for (_, o) in doc.objects.iter() {
        if let Ok(d) = o.as_dict() {
            for (k, v) in d.iter() {
                if let Ok(r) = v.as_reference()
                    && font_dicts.contains(&r)
                {
                    by_resource.push((String::from_utf8_lossy(k).into_owned(), r));
                }
            }
        }
    }
    for s in subsets {
        let key = s.font_id.0.clone();
        let Some((_, type0)) = by_resource.iter().find(|(k, _)| *k == key) else {
            continue;
        };
        // A whole font program (subsetting failed) keeps its plain name: the tag would
        // tell a preflight it is a subset.
        let tagged = names
            .iter()
            .find(|(b, _)| b == s.face.postscript_name())
            .map(|(b, t)| if s.is_subset() { t.clone() } else { b.clone() })
            .unwrap_or_default();
        rename_font(doc, *type0, &tagged);
    }
}

fn rename_font(doc: &mut Document, type0: ObjectId, name: &str) {
    let mut descendants = Vec::new();
    if let Ok(d) = doc.get_object_mut(type0).and_then(Object::as_dict_mut) {
        d.set("BaseFont", Object::Name(name.as_bytes().to_vec()));
        if let Ok(arr) = d.get(b"DescendantFonts").and_then(Object::as_array) {
            for o in arr {
                match o {
                    Object::Reference(r) => descendants.push(Some(*r)),
                    Object::Dictionary(_) => descendants.push(None),
                    _ => {}
                }
            }
        }
        if let Ok(Object::Array(arr)) = d.get_mut(b"DescendantFonts") {
            for o in arr.iter_mut() {
                if let Object::Dictionary(dd) = o {
                    dd.set("BaseFont", Object::Name(name.as_bytes().to_vec()));
                    if let Ok(fd) = dd.get(b"FontDescriptor").and_then(Object::as_reference) {
                        descendants.push(Some(fd));
                    }
                }
            }
        }
    }
    for r in descendants.into_iter().flatten() {
        let mut descriptor = None;
        if let Ok(d) = doc.get_object_mut(r).and_then(Object::as_dict_mut) {
            if d.has(b"BaseFont") {
                d.set("BaseFont", Object::Name(name.as_bytes().to_vec()));
            }
            if d.has(b"FontName") {
                d.set("FontName", Object::Name(name.as_bytes().to_vec()));
            }
            descriptor = d.get(b"FontDescriptor").and_then(Object::as_reference).ok();
        }
        if let Some(fd) = descriptor
            && let Ok(d) = doc.get_object_mut(fd).and_then(Object::as_dict_mut)
        {
            d.set("FontName", Object::Name(name.as_bytes().to_vec()));
        }
    }
}

/// The two graphics states print pages switch between (see [`super::OVERPRINT_GS`]).
/// `/OPM 1`: a zero CMYK component leaves that plate alone instead of erasing it, which is
/// what makes 100 % K text print on top of a tint rather than knock a hole for itself.
fn add_overprint_states(doc: &mut Document) {
    let state = |on: bool| {
        dictionary! {
            "Type" => Object::Name(b"ExtGState".to_vec()),
            "OP" => on,
            "op" => on,
            "OPM" => 1,
        }
    };
    let over = doc.add_object(state(true));
    let knock = doc.add_object(state(false));
    let states = dictionary! {
        super::OVERPRINT_GS => Object::Reference(over),
        super::KNOCKOUT_GS => Object::Reference(knock),
    };
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    for p in pages {
        let resources = match doc.get_dictionary(p).and_then(|d| d.get(b"Resources")) {
            Ok(Object::Reference(id)) => Some(*id),
            _ => None,
        };
        let dict = match resources {
            Some(id) => doc.get_object_mut(id).and_then(Object::as_dict_mut),
            None => doc
                .get_object_mut(p)
                .and_then(Object::as_dict_mut)
                .and_then(|d| {
                    if !d.has(b"Resources") {
                        d.set("Resources", dictionary! {});
                    }
                    d.get_mut(b"Resources").and_then(Object::as_dict_mut)
                }),
        };
        if let Ok(r) = dict {
            r.set("ExtGState", states.clone());
        }
    }
}

fn rect(x0: f32, y0: f32, x1: f32, y1: f32) -> Object {
    let r = |v: f32| Object::Real((v * 1000.0).round() / 1000.0);
    Object::Array(vec![r(x0), r(y0), r(x1), r(y1)])
}

fn set_boxes(doc: &mut Document, target: Target, g: &Geometry) {
    let pages: Vec<ObjectId> = doc.get_pages().values().copied().collect();
    let (mw, mh) = (g.media_width(), g.media_height());
    let o = g.offset;
    for p in pages {
        if let Ok(d) = doc.get_object_mut(p).and_then(Object::as_dict_mut) {
            d.set("MediaBox", rect(0.0, 0.0, mw, mh));
            d.set("CropBox", rect(0.0, 0.0, mw, mh));
            d.set("TrimBox", rect(o, o, o + g.trim_width, o + g.trim_height));
            if let Target::Print { .. } = target {
                let b = o - g.bleed;
                d.set("BleedBox", rect(b, b, mw - b, mh - b));
            } else {
                d.remove(b"BleedBox");
            }
            if d.get(b"Annots")
                .and_then(Object::as_array)
                .is_ok_and(|a| a.is_empty())
            {
                d.remove(b"Annots");
            }
        }
    }
}

/// `D:20160323000000Z`: the revision date stands for both creation and modification, so
/// rebuilding an unchanged leaflet changes nothing.
fn pdf_date(meta: &Meta) -> String {
    let d = meta.revised;
    format!("D:{:04}{:02}{:02}000000Z", d.year(), d.month(), d.day())
}

fn xmp_date(meta: &Meta) -> String {
    let d = meta.revised;
    format!("{:04}-{:02}-{:02}T00:00:00Z", d.year(), d.month(), d.day())
}

pub(crate) fn text_string(s: &str) -> Object {
    // UTF-16BE with BOM: titles carry ë, ï and other letters outside PDFDocEncoding's ASCII.
    let mut bytes = vec![0xFE, 0xFF];
    for u in s.encode_utf16() {
        bytes.extend_from_slice(&u.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn info_dict(meta: &Meta, target: Target) -> lopdf::Dictionary {
    let mut d = dictionary! {
        "Title" => text_string(&meta.title),
        "Author" => text_string(&meta.authors),
        "Subject" => text_string(control::subject(meta, SUBJECT)),
        "Creator" => text_string("leaflet"),
        "Producer" => text_string(PRODUCER),
        "CreationDate" => Object::string_literal(pdf_date(meta)),
        "ModDate" => Object::string_literal(pdf_date(meta)),
    };
    control::info(&mut d, meta, text_string);
    if let Target::Print { .. } = target {
        d.set("GTS_PDFXVersion", Object::string_literal("PDF/X-4"));
        d.set("Trapped", Object::Name(b"False".to_vec()));
    }
    d
}

pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\t' && c != '\n' && c != '\r' => {}
            c => out.push(c),
        }
    }
    out
}

fn uuid(bytes: &[u8]) -> String {
    let h: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!(
        "uuid:{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Signs of printpdf's own catalog parts, which `finish` replaces: a key no RIP reads
/// (`/DestinationOutputProfile`), its profile's licence pasted into the intent, an XMP
/// packet with its random instance id or PDF-style dates. Empty when none leaked.
pub fn printpdf_leftovers(doc: &Document) -> Vec<String> {
    let mut found = Vec::new();
    for (id, object) in &doc.objects {
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &s.dict,
            _ => continue,
        };
        let mut dicts = vec![dict];
        if let Ok(intents) = dict.get(b"OutputIntents").and_then(Object::as_array) {
            dicts.extend(intents.iter().filter_map(|i| i.as_dict().ok()));
        }
        for d in dicts {
            for key in [&b"DestinationOutputProfile"[..], b"License"] {
                if d.has(key) {
                    found.push(format!(
                        "/{} in object {}",
                        String::from_utf8_lossy(key),
                        id.0
                    ));
                }
            }
        }
        if let Object::Stream(s) = object
            && s.dict.get(b"Type").and_then(Object::as_name).ok() == Some(b"Metadata".as_slice())
            && s.content.windows(9).any(|w| w == b"x:xmptk=\"")
        {
            found.push(format!("printpdf's XMP packet in object {}", id.0));
        }
    }
    found
}

/// Everything `finish` promises about its result that printpdf has got wrong before; empty
/// when the document is right.
pub fn defects(doc: &Document, target: Target, g: &Geometry) -> Vec<String> {
    let mut found = printpdf_leftovers(doc);
    let version = match target {
        Target::Office => "1.7",
        Target::Print { .. } => "1.6",
    };
    if doc.version != version {
        found.push(format!("version {} instead of {version}", doc.version));
    }
    let as_rect = |o: &Object| -> Option<Vec<f32>> {
        let a = o.as_array().ok()?;
        a.iter().map(|v| v.as_float().ok()).collect()
    };
    let close =
        |a: &[f32], b: [f32; 4]| a.len() == 4 && a.iter().zip(b).all(|(x, y)| (x - y).abs() < 0.01);
    let (mw, mh, o) = (g.media_width(), g.media_height(), g.offset);
    let b = o - g.bleed;
    for (n, &page) in &doc.get_pages() {
        let Ok(d) = doc.get_dictionary(page) else {
            continue;
        };
        let get = |k: &[u8]| d.get(k).ok().and_then(as_rect);
        if !get(b"MediaBox").is_some_and(|r| close(&r, [0.0, 0.0, mw, mh])) {
            found.push(format!("page {n}: MediaBox is not [0 0 {mw} {mh}]"));
        }
        let trim = [o, o, o + g.trim_width, o + g.trim_height];
        if !get(b"TrimBox").is_some_and(|r| close(&r, trim)) {
            found.push(format!("page {n}: TrimBox is not {trim:?}"));
        }
        match (target, get(b"BleedBox")) {
            (Target::Print { .. }, Some(r)) if close(&r, [b, b, mw - b, mh - b]) => {}
            (Target::Print { .. }, _) => found.push(format!("page {n}: no BleedBox at the bleed")),
            (Target::Office, Some(_)) => {
                found.push(format!("page {n}: a BleedBox in office output"))
            }
            (Target::Office, None) => {}
        }
    }
    let id = doc
        .trailer
        .get(b"ID")
        .and_then(Object::as_array)
        .ok()
        .and_then(|a| a.first())
        .and_then(|o| o.as_str().ok())
        .map(<[u8]>::to_vec);
    let xml = doc
        .catalog()
        .ok()
        .and_then(|c| c.get(b"Metadata").ok())
        .and_then(|m| doc.dereference(m).ok())
        .and_then(|(_, m)| m.as_stream().ok())
        .map(|s| String::from_utf8_lossy(&s.content).into_owned());
    match (id, xml) {
        (Some(id), Some(xml)) if id.len() == 16 => {
            use crate::pdfx::xmp::{parse_date, property};
            for q in ["xmp:CreateDate", "xmp:ModifyDate", "xmp:MetadataDate"] {
                if property(&xml, q).and_then(|d| parse_date(&d)).is_none() {
                    found.push(format!("{q} is not an ISO 8601 date"));
                }
            }
            let expected = uuid(&id);
            for q in ["xmpMM:DocumentID", "xmpMM:InstanceID"] {
                if property(&xml, q).as_deref() != Some(expected.as_str()) {
                    found.push(format!("{q} is not derived from the trailer /ID"));
                }
            }
        }
        _ => found.push("no 16-byte trailer /ID or no XMP metadata".into()),
    }
    found
}

fn xmp(meta: &Meta, target: Target, id: &[u8; 16], ua: bool) -> String {
    let date = xmp_date(meta);
    let doc_id = uuid(id);
    let version_id = uuid(&Sha256::digest(id)[..16]);
    // PDF/X identification only where the file is PDF/X: an office file claiming it would
    // be rejected by any preflight for lacking the output intent.
    let pdfx = match target {
        Target::Print { .. } => {
            "\n   <pdf:Trapped>False</pdf:Trapped>\n   <pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"
        }
        Target::Office => "",
    };
    // PDF/UA identification only where the file is tagged.
    let pdfua = if ua {
        "\n   <pdfuaid:part>1</pdfuaid:part>"
    } else {
        ""
    };
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"
    xmlns:leaflet="https://leaflet.invalid/ns/1.0/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{authors}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{subject}</rdf:li></rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <xmp:CreatorTool>leaflet</xmp:CreatorTool>
   <xmpMM:DocumentID>{doc_id}</xmpMM:DocumentID>
   <xmpMM:InstanceID>{doc_id}</xmpMM:InstanceID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <xmpMM:VersionID>{version_id}</xmpMM:VersionID>
   <pdf:Producer>{producer}</pdf:Producer>{control}{pdfx}{pdfua}
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#,
        bom = '\u{feff}',
        title = xml_escape(&meta.title),
        authors = xml_escape(&meta.authors),
        lang = xml_escape(&meta.lang),
        producer = xml_escape(PRODUCER),
        subject = xml_escape(control::subject(meta, SUBJECT)),
        control = control::xmp(meta),
    )
}

/// The XMP packet, for every target: it carries the title and language for archives and
/// screen readers, and for print the PDF/X identification.
fn add_metadata(doc: &mut Document, meta: &Meta, target: Target, id: &[u8; 16], ua: bool) {
    let metadata = Stream::new(
        dictionary! { "Type" => Object::Name(b"Metadata".to_vec()), "Subtype" => Object::Name(b"XML".to_vec()) },
        xmp(meta, target, id, ua).into_bytes(),
    );
    let metadata_id = doc.add_object(metadata);
    let catalog_id = root_id(doc);
    if let Ok(catalog) = doc.get_object_mut(catalog_id).and_then(Object::as_dict_mut) {
        catalog.set("Metadata", Object::Reference(metadata_id));
    }
}
