//! The PDF/X-4 parts of a file: version, encryption, identifier, output intent and its
//! profile, the Info dictionary and the XMP packet that must agree with it.

use super::{Check, catalog, deref, string_of};
use crate::pdfx::{CONDITIONS, xmp};
use lopdf::{Dictionary, Document, Object};

/// The header, and the catalog's `/Version`, which overrides it when later: a 1.6 header
/// under `/Version /2.0` is a PDF 2.0 file to every reader.
pub fn version(doc: &Document, bytes: &[u8]) -> Check {
    let header: String = bytes.iter().take(8).map(|&b| b as char).collect::<String>();
    let mut problems = Vec::new();
    if header != "%PDF-1.6" {
        problems.push(format!(
            "the header is “{}”; PDF/X-4 files are PDF 1.6",
            header.trim()
        ));
    }
    if let Some(v) = catalog(doc).and_then(|c| c.get(b"Version").ok()) {
        let parsed = deref(doc, v).as_name().ok().and_then(|n| {
            let text = std::str::from_utf8(n).ok()?;
            let (major, minor) = text.split_once('.')?;
            Some((
                text.to_string(),
                major.parse::<u32>().ok()?,
                minor.parse::<u32>().ok()?,
            ))
        });
        match parsed {
            // Earlier than the header: readers keep the header's version.
            Some((_, major, minor)) if (major, minor) <= (1, 6) => {}
            Some((text, ..)) => problems.push(format!(
                "the catalog's /Version {text} overrides the header; PDF/X-4 files are PDF 1.6"
            )),
            None => problems.push("the catalog's /Version is not a version name".into()),
        }
    }
    Check::new("version", problems, "%PDF-1.6")
}

/// Judged from the file, not from lopdf's view of it: lopdf opens a file encrypted with an
/// empty password without a word and drops `/Encrypt` from the trailer it hands back, but
/// the shop's RIP still sees an encrypted file.
pub fn encryption(doc: &Document, bytes: &[u8]) -> Check {
    if doc.was_encrypted() || doc.is_encrypted() || doc.trailer.has(b"Encrypt") {
        return Check::new("encryption", vec![ENCRYPTED.to_string()], "");
    }
    encryption_in_bytes(bytes).unwrap_or_else(|| Check::new("encryption", Vec::new(), "none"))
}

const ENCRYPTED: &str = "the file is encrypted; PDF/X forbids it";

/// A trailer (or cross-reference stream dictionary) naming an `/Encrypt` dictionary, read
/// from the raw bytes: for files lopdf could not open, or opened by decrypting them.
pub fn encryption_in_bytes(bytes: &[u8]) -> Option<Check> {
    let key = b"/Encrypt";
    let found = bytes.windows(key.len()).enumerate().any(|(i, w)| {
        // `/EncryptMetadata` and the like are other keys; a name ends at a delimiter.
        w == key
            && bytes
                .get(i + key.len())
                .is_none_or(|&c| c.is_ascii_whitespace() || b"/<[(".contains(&c))
    });
    found.then(|| Check::new("encryption", vec![ENCRYPTED.to_string()], ""))
}

pub fn file_id(doc: &Document) -> Check {
    let ids = doc.trailer.get(b"ID").and_then(Object::as_array).ok();
    let ok = ids
        .is_some_and(|a| a.len() == 2 && a.iter().all(|o| o.as_str().is_ok_and(|s| !s.is_empty())));
    let problems = if ok {
        Vec::new()
    } else {
        vec!["the trailer has no /ID pair; PDF/X requires one".to_string()]
    };
    Check::new("file identifier", problems, "trailer /ID present")
}

/// The GTS_PDFX intent, with its profile's object (for the next check).
pub fn output_intent(doc: &Document) -> (Check, Option<Object>) {
    let name = "output intent";
    let Some(intents) = catalog(doc)
        .and_then(|c| c.get(b"OutputIntents").ok())
        .and_then(|o| deref(doc, o).as_array().ok())
    else {
        return (
            Check::new(
                name,
                vec!["no /OutputIntents; the shop needs the FOGRA39 (ISO Coated v2) intent of PDF/X-4".into()],
                "",
            ),
            None,
        );
    };
    let pdfx: Vec<&Dictionary> = intents
        .iter()
        .filter_map(|o| deref(doc, o).as_dict().ok())
        .filter(|d| d.get(b"S").and_then(Object::as_name).ok() == Some(b"GTS_PDFX"))
        .collect();
    let mut problems = Vec::new();
    if pdfx.len() != 1 {
        problems.push(format!(
            "{} output intents with /S /GTS_PDFX; there must be exactly one",
            pdfx.len()
        ));
    }
    let Some(intent) = pdfx.first() else {
        return (Check::new(name, problems, ""), None);
    };
    let text = |key: &[u8]| intent.get(key).ok().and_then(string_of);
    match text(b"OutputConditionIdentifier") {
        Some(v) if CONDITIONS.iter().any(|c| c.identifier == v) => {}
        Some(v) => problems.push(format!(
            "/OutputConditionIdentifier is ({v}), not a condition the shop prints ({})",
            CONDITIONS.map(|c| c.identifier).join(" or ")
        )),
        None => problems.push("no /OutputConditionIdentifier".into()),
    }
    if text(b"RegistryName").as_deref() != Some("http://www.color.org") {
        problems.push("/RegistryName is not (http://www.color.org)".into());
    }
    if intent.has(b"DestinationOutputProfile") {
        problems.push(
            "the profile is under /DestinationOutputProfile, a key no RIP reads (it must be /DestOutputProfile)".into(),
        );
    }
    if intent.has(b"License") {
        problems.push("the intent carries a /License text, which is not an intent key".into());
    }
    for key in [&b"Info"[..], b"OutputCondition"] {
        if let Some(t) = text(key)
            && (t.len() > 200 || t.to_lowercase().contains("licen"))
        {
            problems.push(format!(
                "/{} holds a {}-character text, not the name of the condition",
                String::from_utf8_lossy(key),
                t.len()
            ));
        }
    }
    let profile = intent.get(b"DestOutputProfile").ok().cloned();
    if profile.is_none() {
        problems.push("no /DestOutputProfile; PDF/X-4 embeds the output profile".into());
    }
    (
        Check::new(
            name,
            problems,
            "one GTS_PDFX intent, FOGRA39 or FOGRA29, registry http://www.color.org",
        ),
        profile,
    )
}

pub fn output_profile(doc: &Document, profile: Option<&Object>) -> Check {
    let name = "output profile";
    let Some(profile) = profile else {
        return Check::new(name, vec!["no embedded output profile".into()], "");
    };
    let Ok(stream) = deref(doc, profile).as_stream() else {
        return Check::new(name, vec!["/DestOutputProfile is not a stream".into()], "");
    };
    let mut problems = Vec::new();
    if stream.dict.get(b"N").and_then(Object::as_i64).ok() != Some(4) {
        problems.push("the profile stream's /N is not 4 (CMYK)".into());
    }
    // An unfiltered stream is its own content; lopdf only "decompresses" filtered ones.
    let icc = if stream.dict.has(b"Filter") {
        stream
            .decompressed_content_with_limit(super::MAX_STREAM_BYTES)
            .ok()
    } else {
        Some(stream.content.clone())
    };
    match icc {
        Some(icc) if icc.len() >= 128 => {
            if &icc[36..40] != b"acsp" {
                problems.push("the profile is not an ICC profile (no “acsp” signature)".into());
            }
            if &icc[16..20] != b"CMYK" {
                problems.push(format!(
                    "the profile's colour space is “{}”, not CMYK",
                    String::from_utf8_lossy(&icc[16..20])
                ));
            }
            if &icc[12..16] != b"prtr" {
                problems.push("the profile is not an output (printer) profile".into());
            }
        }
        Some(_) => problems.push("the profile is shorter than an ICC header".into()),
        None => problems.push("the profile stream cannot be decoded".into()),
    }
    Check::new(name, problems, "embedded CMYK output profile (ICC, N 4)")
}

fn info_dict(doc: &Document) -> Option<&Dictionary> {
    doc.trailer
        .get(b"Info")
        .ok()
        .and_then(|o| deref(doc, o).as_dict().ok())
}

pub fn info(doc: &Document) -> Check {
    let name = "document info";
    let Some(info) = info_dict(doc) else {
        return Check::new(name, vec!["no Info dictionary".into()], "");
    };
    let mut problems = Vec::new();
    let text = |key: &[u8]| info.get(key).ok().and_then(string_of);
    match text(b"GTS_PDFXVersion") {
        Some(v) if v == "PDF/X-4" => {}
        Some(v) => problems.push(format!("/GTS_PDFXVersion is ({v}), not (PDF/X-4)")),
        None => problems.push("no /GTS_PDFXVersion (PDF/X-4)".into()),
    }
    match info.get(b"Trapped").and_then(Object::as_name) {
        Ok(b"False" | b"True") => {}
        Ok(other) => problems.push(format!(
            "/Trapped is /{}; PDF/X-4 needs /True or /False",
            String::from_utf8_lossy(other)
        )),
        Err(_) => problems.push("no /Trapped (/True or /False)".into()),
    }
    if text(b"Title").is_none_or(|t| t.trim().is_empty()) {
        problems.push("no /Title".into());
    }
    for key in [&b"CreationDate"[..], b"ModDate"] {
        if text(key).and_then(|d| xmp::parse_pdf_date(&d)).is_none() {
            problems.push(format!(
                "/{} is missing or not a PDF date",
                String::from_utf8_lossy(key)
            ));
        }
    }
    Check::new(
        name,
        problems,
        "GTS_PDFXVersion (PDF/X-4), Trapped, title, dates",
    )
}

pub fn metadata(doc: &Document) -> Check {
    let name = "XMP metadata";
    let Some(stream) = catalog(doc)
        .and_then(|c| c.get(b"Metadata").ok())
        .and_then(|o| deref(doc, o).as_stream().ok())
    else {
        return Check::new(name, vec!["no /Metadata stream in the catalog".into()], "");
    };
    let mut problems = Vec::new();
    if stream.dict.has(b"Filter") {
        problems.push("the metadata stream is compressed; PDF/X wants it readable as is".into());
    }
    if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"XML") {
        problems.push("the metadata stream's /Subtype is not /XML".into());
    }
    let bytes = stream
        .decompressed_content_with_limit(super::MAX_STREAM_BYTES)
        .unwrap_or_else(|_| stream.content.clone());
    let Ok(xml) = String::from_utf8(bytes) else {
        problems.push("the metadata is not UTF-8".into());
        return Check::new(name, problems, "");
    };
    let packet = match super::xmp::parse(&xml) {
        Ok(p) => p,
        Err(e) => {
            problems.push(format!("the XMP is not well-formed XML: {e}"));
            return Check::new(name, problems, "");
        }
    };
    let prop = |q: &str| packet.property(q);
    if prop("pdfxid:GTS_PDFXVersion").as_deref() != Some("PDF/X-4") {
        problems.push("no pdfxid:GTS_PDFXVersion of PDF/X-4".into());
    }
    for q in [
        "xmpMM:DocumentID",
        "xmpMM:VersionID",
        "xmpMM:RenditionClass",
        "dc:title",
    ] {
        if prop(q).is_none_or(|v| v.is_empty()) {
            problems.push(format!("no {q}"));
        }
    }
    if let Some(id) = prop("xmpMM:InstanceID")
        && !(id.starts_with("uuid:") || id.starts_with("xmp.iid:"))
    {
        problems.push(format!("xmpMM:InstanceID “{id}” is not a UUID URI"));
    }
    let info = info_dict(doc);
    let info_text = |key: &[u8]| info.and_then(|i| i.get(key).ok()).and_then(string_of);
    for (q, key) in [
        ("xmp:CreateDate", &b"CreationDate"[..]),
        ("xmp:ModifyDate", b"ModDate"),
    ] {
        match prop(q).map(|d| (xmp::parse_date(&d), d)) {
            None => problems.push(format!("no {q}")),
            Some((None, d)) => problems.push(format!("{q} “{d}” is not an ISO 8601 date")),
            Some((Some(date), _)) => {
                let info_date = info_text(key).and_then(|d| xmp::parse_pdf_date(&d));
                if info_date.is_some_and(|i| i != date) {
                    problems.push(format!(
                        "{q} differs from the Info /{}",
                        String::from_utf8_lossy(key)
                    ));
                }
            }
        }
    }
    let trapped = info
        .and_then(|i| i.get(b"Trapped").ok())
        .and_then(|t| t.as_name().ok())
        .map(|n| String::from_utf8_lossy(n).into_owned());
    if prop("pdf:Trapped") != trapped {
        problems.push("pdf:Trapped does not match the Info /Trapped".into());
    }
    if let (Some(t), Some(x)) = (info_text(b"Title"), prop("dc:title"))
        && t != x
    {
        problems.push(format!("dc:title “{x}” differs from the Info /Title “{t}”"));
    }
    Check::new(
        name,
        problems,
        "uncompressed, well-formed, PDF/X-4 id, dates, document and version ids, title",
    )
}
