//! `leaflet preflight`: checks a PDF against what the print shop needs before it goes to
//! press — PDF/X-4 with the FOGRA39 output intent, readable XMP, 3 mm bleed around an A5
//! trim, embedded subset fonts, nothing too small or too thin to print, no RGB, text clear
//! of the trim. It reads the file back with lopdf rather than trusting how it was made, so
//! it also catches what a library upgrade (printpdf has had every one of these defects)
//! or a hand-edited PDF would slip through.

pub mod content;
pub mod xmp;

pub use content::{Findings, Matrix, Space, TextShow, walk};

use crate::style::PT_PER_MM;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::path::PathBuf;

/// The shop's trim: A5 portrait, millimetres.
pub const TRIM_MM: (f32, f32) = (148.0, 210.0);
/// Bleed beyond the trim on every side, millimetres.
pub const BLEED_MM: f32 = crate::pdf::BLEED_MM;
/// Text closer to the trim than this may be cut off, millimetres.
pub const SAFE_MM: f32 = 5.0;
/// Smaller type does not print legibly on uncoated stock.
pub const MIN_TEXT_PT: f32 = 6.0;
/// Thinner lines break up on a plate.
pub const MIN_LINE_PT: f32 = 0.25;
/// Rounding slack for box comparisons, points (boxes are written to 0.001 pt).
const TOLERANCE: f32 = 0.05;

/// One check's verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub name: &'static str,
    pub passed: bool,
    pub detail: String,
}

impl Check {
    fn new(name: &'static str, problems: Vec<String>, ok: impl Into<String>) -> Check {
        if problems.is_empty() {
            Check {
                name,
                passed: true,
                detail: ok.into(),
            }
        } else {
            Check {
                name,
                passed: false,
                detail: problems.join("; "),
            }
        }
    }

    pub fn line(&self) -> String {
        format!(
            "{}  {}: {}",
            if self.passed { "PASS" } else { "FAIL" },
            self.name,
            self.detail
        )
    }
}

/// Every check, in the order the shop would read them.
pub fn check_bytes(bytes: &[u8]) -> Vec<Check> {
    let doc = match Document::load_mem(bytes) {
        Ok(d) => d,
        Err(e) => {
            return vec![Check::new(
                "readable",
                vec![format!("lopdf cannot read it ({e})")],
                "",
            )];
        }
    };
    let mut checks = vec![version(bytes), encryption(&doc), file_id(&doc)];
    let intent = output_intent(&doc);
    checks.push(intent.0);
    checks.push(output_profile(&doc, intent.1.as_ref()));
    checks.push(info(&doc));
    checks.push(metadata(&doc));
    checks.push(boxes(&doc));
    let fonts = fonts(&doc);
    checks.extend(fonts);
    let found = walk(&doc);
    checks.push(readable_content(&found));
    checks.push(text_size(&found));
    checks.push(line_width(&found));
    checks.push(colour(&doc, &found));
    checks.push(black_text(&found));
    let trims = page_trims(&doc);
    checks.push(safe_area(&found, &trims));
    checks.push(bleed(&found, &trims));
    checks
}

/// Runs preflight over files, printing a report; the exit code is 1 if anything failed.
pub fn run(files: &[PathBuf]) -> i32 {
    let mut failed_files = 0;
    for file in files {
        println!("{}", file.display());
        let checks = match std::fs::read(file) {
            Ok(bytes) => check_bytes(&bytes),
            Err(e) => vec![Check::new(
                "readable",
                vec![format!("cannot open it ({e})")],
                "",
            )],
        };
        let failed = checks.iter().filter(|c| !c.passed).count();
        for c in &checks {
            println!("  {}", c.line());
        }
        if failed == 0 {
            println!(
                "  ready for the print shop ({} checks passed)",
                checks.len()
            );
        } else {
            failed_files += 1;
            println!(
                "  NOT ready for the print shop: {failed} of {} checks failed",
                checks.len()
            );
        }
    }
    let n = files.len();
    println!(
        "{} of {n} file{} ready for the print shop",
        n - failed_files,
        if n == 1 { "" } else { "s" }
    );
    if failed_files > 0 {
        println!("build print files with `leaflet build --target print`");
        1
    } else {
        0
    }
}

fn version(bytes: &[u8]) -> Check {
    let header: String = bytes.iter().take(8).map(|&b| b as char).collect::<String>();
    let mut problems = Vec::new();
    if header != "%PDF-1.6" {
        problems.push(format!(
            "the header is “{}”; PDF/X-4 files are PDF 1.6",
            header.trim()
        ));
    }
    Check::new("version", problems, "%PDF-1.6")
}

fn encryption(doc: &Document) -> Check {
    let problems = if doc.is_encrypted() || doc.trailer.has(b"Encrypt") {
        vec!["the file is encrypted; PDF/X forbids it".to_string()]
    } else {
        Vec::new()
    };
    Check::new("encryption", problems, "none")
}

fn file_id(doc: &Document) -> Check {
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

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map_or(o, |(_, o)| o)
}

fn string_of(o: &Object) -> Option<String> {
    let bytes = o.as_str().ok()?;
    Some(decode_text(bytes))
}

/// A PDF text string: UTF-16BE with a byte-order mark, or PDFDocEncoding (read as Latin-1,
/// which agrees on every character a title is likely to have).
pub fn decode_text(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16
            .chunks(2)
            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
            .collect();
        String::from_utf16_lossy(&units)
    } else {
        bytes.iter().map(|&b| b as char).collect()
    }
}

fn catalog(doc: &Document) -> Option<&Dictionary> {
    doc.catalog().ok()
}

/// The GTS_PDFX intent, with its profile's object (for the next check).
fn output_intent(doc: &Document) -> (Check, Option<Object>) {
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
        Some(v) if v == "FOGRA39" => {}
        Some(v) => problems.push(format!(
            "/OutputConditionIdentifier is ({v}), not (FOGRA39)"
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
            "one GTS_PDFX intent, FOGRA39, registry http://www.color.org",
        ),
        profile,
    )
}

fn output_profile(doc: &Document, profile: Option<&Object>) -> Check {
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
        stream.decompressed_content().ok()
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

fn info(doc: &Document) -> Check {
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

fn metadata(doc: &Document) -> Check {
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
        .decompressed_content()
        .unwrap_or_else(|_| stream.content.clone());
    let Ok(xml) = String::from_utf8(bytes) else {
        problems.push("the metadata is not UTF-8".into());
        return Check::new(name, problems, "");
    };
    if let Err(e) = xmp::well_formed(&xml) {
        problems.push(format!("the XMP is not well-formed XML: {e}"));
        return Check::new(name, problems, "");
    }
    let prop = |q: &str| xmp::property(&xml, q);
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

/// A page box, normalised, looked up through the page tree's inheritance.
fn page_box(doc: &Document, page: ObjectId, key: &[u8]) -> Option<[f32; 4]> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..32 {
        if let Ok(b) = node.get(key) {
            let a = deref(doc, b).as_array().ok()?;
            let v: Vec<f32> = a.iter().filter_map(|o| o.as_float().ok()).collect();
            if v.len() != 4 {
                return None;
            }
            return Some([
                v[0].min(v[2]),
                v[1].min(v[3]),
                v[0].max(v[2]),
                v[1].max(v[3]),
            ]);
        }
        // Only MediaBox and CropBox are inheritable.
        if key != b"MediaBox" && key != b"CropBox" {
            return None;
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

fn contains(outer: &[f32; 4], inner: &[f32; 4]) -> bool {
    outer[0] <= inner[0] + TOLERANCE
        && outer[1] <= inner[1] + TOLERANCE
        && outer[2] >= inner[2] - TOLERANCE
        && outer[3] >= inner[3] - TOLERANCE
}

/// Problems that repeat page after page, said once with the pages they are on:
/// "no BleedBox (pages 1–3, 5)".
fn by_pages(problems: Vec<(usize, String)>) -> Vec<String> {
    let mut grouped: Vec<(String, Vec<usize>)> = Vec::new();
    for (page, problem) in problems {
        match grouped.iter_mut().find(|(p, _)| *p == problem) {
            Some((_, pages)) => pages.push(page),
            None => grouped.push((problem, vec![page])),
        }
    }
    grouped
        .into_iter()
        .map(|(problem, pages)| {
            let mut ranges: Vec<(usize, usize)> = Vec::new();
            for p in pages {
                match ranges.last_mut() {
                    Some((_, end)) if *end + 1 == p => *end = p,
                    _ => ranges.push((p, p)),
                }
            }
            let list: Vec<String> = ranges
                .iter()
                .map(|&(a, b)| {
                    if a == b {
                        a.to_string()
                    } else {
                        format!("{a}–{b}")
                    }
                })
                .collect();
            let word = if ranges.len() == 1 && ranges[0].0 == ranges[0].1 {
                "page"
            } else {
                "pages"
            };
            format!("{problem} ({word} {})", list.join(", "))
        })
        .collect()
}

fn mm(pt: f32) -> f32 {
    pt / PT_PER_MM
}

/// Trim and bleed of each page (trim falls back to the media box, bleed to the trim).
struct PageTrim {
    trim: [f32; 4],
    bleed: [f32; 4],
}

fn page_trims(doc: &Document) -> Vec<PageTrim> {
    doc.get_pages()
        .values()
        .map(|&p| {
            let media = page_box(doc, p, b"MediaBox").unwrap_or([0.0; 4]);
            let trim = page_box(doc, p, b"TrimBox").unwrap_or(media);
            let bleed = page_box(doc, p, b"BleedBox").unwrap_or(trim);
            PageTrim { trim, bleed }
        })
        .collect()
}

fn boxes(doc: &Document) -> Check {
    let mut problems: Vec<(usize, String)> = Vec::new();
    let bleed_pt = BLEED_MM * PT_PER_MM;
    for (n, &page) in doc.get_pages().iter() {
        let n = *n as usize;
        let mut p = Vec::new();
        let media = page_box(doc, page, b"MediaBox");
        let trim = page_box(doc, page, b"TrimBox");
        let bleed = page_box(doc, page, b"BleedBox");
        let Some(media) = media else {
            problems.push((n, "no MediaBox".into()));
            continue;
        };
        let Some(trim) = trim else {
            problems.push((n, "no TrimBox, the line the shop cuts along".into()));
            continue;
        };
        let (w, h) = (trim[2] - trim[0], trim[3] - trim[1]);
        let want = (TRIM_MM.0 * PT_PER_MM, TRIM_MM.1 * PT_PER_MM);
        if (w - want.0).abs() > 0.5 || (h - want.1).abs() > 0.5 {
            p.push(format!(
                "the trim is {:.1} × {:.1} mm, not {} × {} mm",
                mm(w),
                mm(h),
                TRIM_MM.0,
                TRIM_MM.1
            ));
        }
        match bleed {
            None => p.push("no BleedBox, and the shop needs 3 mm bleed".into()),
            Some(bleed) => {
                let margin = [
                    trim[0] - bleed[0],
                    trim[1] - bleed[1],
                    bleed[2] - trim[2],
                    bleed[3] - trim[3],
                ];
                let least = margin.iter().copied().fold(f32::MAX, f32::min);
                if least < bleed_pt - TOLERANCE {
                    p.push(format!(
                        "the bleed is {:.1} mm at its narrowest; it must be {BLEED_MM} mm on every side",
                        mm(least.max(0.0))
                    ));
                }
                if !contains(&media, &bleed) {
                    p.push("the BleedBox reaches outside the MediaBox".into());
                }
            }
        }
        if !contains(&media, &trim) {
            p.push("the TrimBox reaches outside the MediaBox".into());
        }
        if !p.is_empty() {
            problems.push((n, p.join(", ")));
        }
    }
    Check::new(
        "page boxes",
        by_pages(problems),
        format!(
            "trim {} × {} mm, {BLEED_MM} mm bleed, MediaBox ⊇ BleedBox ⊇ TrimBox on every page",
            TRIM_MM.0, TRIM_MM.1
        ),
    )
}

/// Every font dictionary reachable from the pages (and forms they draw), by object.
fn all_fonts(doc: &Document) -> Vec<(Vec<u8>, Dictionary)> {
    let mut out: Vec<(Vec<u8>, Dictionary)> = Vec::new();
    let mut seen: Vec<ObjectId> = Vec::new();
    fn collect(
        doc: &Document,
        resources: &Dictionary,
        out: &mut Vec<(Vec<u8>, Dictionary)>,
        seen: &mut Vec<ObjectId>,
        depth: u32,
    ) {
        if let Ok(fonts) = resources.get(b"Font").map(|f| deref(doc, f))
            && let Ok(fonts) = fonts.as_dict()
        {
            for (_, f) in fonts.iter() {
                let (id, f) = doc.dereference(f).unwrap_or((None, f));
                if let Some(id) = id {
                    if seen.contains(&id) {
                        continue;
                    }
                    seen.push(id);
                }
                if let Ok(d) = f.as_dict() {
                    let base = d
                        .get(b"BaseFont")
                        .and_then(Object::as_name)
                        .map(<[u8]>::to_vec)
                        .unwrap_or_default();
                    out.push((base, d.clone()));
                }
            }
        }
        if depth < 8
            && let Ok(xobjects) = resources.get(b"XObject").map(|x| deref(doc, x))
            && let Ok(xobjects) = xobjects.as_dict()
        {
            for (_, x) in xobjects.iter() {
                if let Ok(s) = deref(doc, x).as_stream()
                    && let Ok(r) = s.dict.get(b"Resources").map(|r| deref(doc, r))
                    && let Ok(r) = r.as_dict()
                {
                    collect(doc, r, out, seen, depth + 1);
                }
            }
        }
    }
    for &page in doc.get_pages().values() {
        if let Ok((own, inherited)) = doc.get_page_resources(page) {
            if let Some(r) = own {
                collect(doc, r, &mut out, &mut seen, 0);
            }
            for id in inherited {
                if let Ok(r) = doc.get_dictionary(id) {
                    collect(doc, r, &mut out, &mut seen, 0);
                }
            }
        }
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

fn fonts(doc: &Document) -> [Check; 2] {
    let fonts = all_fonts(doc);
    let mut not_embedded = Vec::new();
    let mut not_subset = Vec::new();
    for (base, font) in &fonts {
        let name = String::from_utf8_lossy(base).into_owned();
        // Type 3 glyphs are content streams inside the file: embedded by nature.
        if font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type3") {
            continue;
        }
        let embedded = descriptor(doc, font).is_some_and(|d| {
            [&b"FontFile"[..], b"FontFile2", b"FontFile3"]
                .iter()
                .any(|k| d.get(k).is_ok_and(|f| deref(doc, f).as_stream().is_ok()))
        });
        if !embedded {
            not_embedded.push(format!("{name} is not embedded"));
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
    ]
}

fn readable_content(found: &Findings) -> Check {
    Check::new(
        "content streams",
        found.errors.clone(),
        "every page's content parsed",
    )
}

fn text_size(found: &Findings) -> Check {
    let small: Vec<&TextShow> = found
        .text
        .iter()
        .filter(|t| t.size < MIN_TEXT_PT - 0.01)
        .collect();
    let smallest = found.text.iter().map(|t| t.size).fold(f32::MAX, f32::min);
    let problems = match small.iter().min_by(|a, b| a.size.total_cmp(&b.size)) {
        Some(t) => vec![format!(
            "{} text runs are under {MIN_TEXT_PT} pt, the smallest {:.2} pt on page {}",
            small.len(),
            t.size,
            t.page
        )],
        None => Vec::new(),
    };
    let ok = if found.text.is_empty() {
        "no text".to_string()
    } else {
        format!("smallest text {smallest:.2} pt (at least {MIN_TEXT_PT} pt)")
    };
    Check::new("text size", problems, ok)
}

fn line_width(found: &Findings) -> Check {
    let thin: Vec<_> = found
        .strokes
        .iter()
        .filter(|s| s.width < MIN_LINE_PT - 0.001)
        .collect();
    let problems = match thin.iter().min_by(|a, b| a.width.total_cmp(&b.width)) {
        Some(s) => vec![format!(
            "{} strokes are thinner than {MIN_LINE_PT} pt, the thinnest {:.3} pt on page {}",
            thin.len(),
            s.width,
            s.page
        )],
        None => Vec::new(),
    };
    let thinnest = found
        .strokes
        .iter()
        .map(|s| s.width)
        .fold(f32::MAX, f32::min);
    let ok = if found.strokes.is_empty() {
        "no strokes".to_string()
    } else {
        format!("thinnest line {thinnest:.2} pt (at least {MIN_LINE_PT} pt)")
    };
    Check::new("line width", problems, ok)
}

/// RGB anywhere: in content operators, or as a colour space object in the file (an RGB
/// image, shading or transparency group is RGB on press even if no operator names it).
fn colour(doc: &Document, found: &Findings) -> Check {
    let mut uses: Vec<(usize, String)> = Vec::new();
    for u in &found.rgb {
        if !uses.contains(&(u.page, u.what.clone())) {
            uses.push((u.page, u.what.clone()));
        }
    }
    let mut problems = by_pages(uses);
    for (id, object) in &doc.objects {
        if let Some(what) = rgb_in(doc, object, 0) {
            problems.push(format!("object {} {}: {what}", id.0, id.1));
        }
    }
    problems.truncate(8);
    Check::new("colour", problems, "no RGB; process colours are DeviceCMYK")
}

fn rgb_in(doc: &Document, o: &Object, depth: u32) -> Option<String> {
    if depth > 16 {
        return None;
    }
    match o {
        Object::Name(n) if n == b"DeviceRGB" || n == b"CalRGB" => {
            Some(format!("/{}", String::from_utf8_lossy(n)))
        }
        Object::Array(a) => {
            if a.first().and_then(|f| f.as_name().ok()) == Some(b"ICCBased")
                && content::classify_space(doc, o, None) == Space::Rgb
            {
                return Some("an ICCBased RGB colour space".into());
            }
            a.iter().find_map(|v| rgb_in(doc, v, depth + 1))
        }
        Object::Dictionary(d) => d.iter().find_map(|(_, v)| rgb_in(doc, v, depth + 1)),
        Object::Stream(s) => s.dict.iter().find_map(|(_, v)| rgb_in(doc, v, depth + 1)),
        _ => None,
    }
}

/// Black text must be 100 % K: rich black text misregisters into coloured fringes.
fn black_text(found: &Findings) -> Check {
    let rich: Vec<&TextShow> = found
        .text
        .iter()
        .filter(|t| {
            t.fill.space == Space::Cmyk
                && t.fill.components.len() == 4
                && t.fill.components[3] >= 0.9
                && t.fill.components[..3].iter().any(|&c| c > 0.0)
        })
        .collect();
    let problems = match rich.first() {
        Some(t) => vec![format!(
            "{} black text runs are set in four-colour black (e.g. page {}: C{:.0} M{:.0} Y{:.0} K{:.0})",
            rich.len(),
            t.page,
            t.fill.components[0] * 100.0,
            t.fill.components[1] * 100.0,
            t.fill.components[2] * 100.0,
            t.fill.components[3] * 100.0
        )],
        None => Vec::new(),
    };
    Check::new("black text", problems, "black text is 100 % K only")
}

fn safe_area(found: &Findings, trims: &[PageTrim]) -> Check {
    let inset = SAFE_MM * PT_PER_MM;
    let mut problems = Vec::new();
    for t in &found.text {
        let Some(page) = trims.get(t.page - 1) else {
            continue;
        };
        let safe = [
            page.trim[0] + inset,
            page.trim[1] + inset,
            page.trim[2] - inset,
            page.trim[3] - inset,
        ];
        if !contains(&safe, &t.bbox) {
            let distance = [
                t.bbox[0] - page.trim[0],
                t.bbox[1] - page.trim[1],
                page.trim[2] - t.bbox[2],
                page.trim[3] - t.bbox[3],
            ]
            .into_iter()
            .fold(f32::MAX, f32::min);
            problems.push(format!(
                "page {}: text at ({:.0}, {:.0}) pt is {:.1} mm from the trim",
                t.page,
                t.origin.0,
                t.origin.1,
                mm(distance)
            ));
        }
    }
    let count = problems.len();
    problems.truncate(3);
    if count > 3 {
        problems.push(format!("and {} more", count - 3));
    }
    Check::new(
        "safe area",
        problems,
        format!("all text at least {SAFE_MM} mm inside the trim"),
    )
}

/// A tint that reaches (or nearly reaches) the trim must run on to the bleed edge, or the
/// cut leaves a white sliver where the knife wanders.
fn bleed(found: &Findings, trims: &[PageTrim]) -> Check {
    let near = PT_PER_MM; // within 1 mm of the trim counts as "meant to touch it"
    let mut problems = Vec::new();
    for f in &found.fills {
        let Some(page) = trims.get(f.page - 1) else {
            continue;
        };
        let (t, b, r) = (&page.trim, &page.bleed, &f.bbox);
        // Which sides touch: the rectangle reaches within `near` of a trim edge and lies
        // across the page there.
        let across_x = r[2] > t[0] && r[0] < t[2];
        let across_y = r[3] > t[1] && r[1] < t[3];
        let sides = [
            (
                "left",
                across_y && r[0] <= t[0] + near,
                r[0] <= b[0] + TOLERANCE,
            ),
            (
                "bottom",
                across_x && r[1] <= t[1] + near,
                r[1] <= b[1] + TOLERANCE,
            ),
            (
                "right",
                across_y && r[2] >= t[2] - near,
                r[2] >= b[2] - TOLERANCE,
            ),
            (
                "top",
                across_x && r[3] >= t[3] - near,
                r[3] >= b[3] - TOLERANCE,
            ),
        ];
        for (side, touches, bleeds) in sides {
            if touches && !bleeds {
                problems.push(format!(
                    "page {}: a tint stops at the {side} trim instead of running {BLEED_MM} mm into the bleed",
                    f.page
                ));
            }
        }
    }
    problems.dedup();
    Check::new(
        "bleed",
        problems,
        "tints touching the trim run into the bleed",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_problems_are_said_once_with_page_ranges() {
        let problems = vec![
            (1, "no BleedBox".to_string()),
            (2, "no BleedBox".to_string()),
            (3, "no BleedBox".to_string()),
            (2, "the trim is small".to_string()),
            (5, "no BleedBox".to_string()),
        ];
        assert_eq!(
            by_pages(problems),
            vec![
                "no BleedBox (pages 1–3, 5)".to_string(),
                "the trim is small (page 2)".to_string(),
            ]
        );
    }
}
