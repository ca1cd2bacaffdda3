//! Print output read back with lopdf: what the print shop's RIP would see, not what the
//! writer meant to write. Every assertion here is about the bytes of a built PDF.

use leaflet_printer::impose::{Imposition, booklet_order, impose};
use leaflet_printer::layout::Page;
use leaflet_printer::pdf::{self, Meta, Target};
use leaflet_printer::pdfx::xmp;
use leaflet_printer::pipeline::{self, Built, Engine};
use leaflet_printer::preflight::{self, Space, content::Colour};
use leaflet_printer::shared::SharedData;
use leaflet_printer::style::PT_PER_MM;
use lopdf::{Dictionary, Document, Object, ObjectId};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::OnceLock;

const LEAFLET: &str = "tests/fixtures/leaflets/immunotherapie.yaml";
const PROFILE: &str = "fonts/icc/ISOcoated_v2_300_bas.icc";
const A5: (f32, f32) = (148.0 * PT_PER_MM, 210.0 * PT_PER_MM);
const A4_LANDSCAPE: (f32, f32) = (297.0 * PT_PER_MM, 210.0 * PT_PER_MM);
const BLEED: f32 = 3.0 * PT_PER_MM;
const MARKS: f32 = 10.0 * PT_PER_MM;

struct Fixture {
    shared: SharedData,
    engine: Engine,
    built: Built,
}

/// The shipped leaflet, laid out once (layout is the slow part in a debug build).
fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        let shared = SharedData::load(Some(Path::new("tests/fixtures/leaflets/_data")))
            .expect("shared data");
        let engine = Engine::new(&shared.hyphenation);
        let source = std::fs::read_to_string(LEAFLET).unwrap();
        let built = pipeline::build(
            &engine,
            &shared,
            Path::new(LEAFLET),
            &source,
            Target::Print { marks: false },
        )
        .unwrap_or_else(|e| panic!("{e:?}"));
        Fixture {
            shared,
            engine,
            built,
        }
    })
}

fn meta() -> Meta {
    let b = &fixture().built;
    Meta {
        title: b.leaflet.title.clone(),
        authors: b.leaflet.authors.clone(),
        revised: b.leaflet.revised,
        lang: "nl-BE".into(),
        code: None,
        version: None,
        online: None,
    }
}

fn render(pages: &[Page], meta: &Meta, target: Target) -> Vec<u8> {
    pdf::write(pages, meta, target, &fixture().engine.fonts)
}

fn print_pdf() -> &'static [u8] {
    &fixture().built.pdf
}

fn load(bytes: &[u8]) -> Document {
    Document::load_mem(bytes).expect("lopdf reads the file")
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).unwrap().1
}

fn page_box(doc: &Document, page: ObjectId, key: &[u8]) -> Option<[f32; 4]> {
    let d = doc.get_dictionary(page).unwrap();
    let a = deref(doc, d.get(key).ok()?).as_array().unwrap();
    let v: Vec<f32> = a.iter().map(|o| o.as_float().unwrap()).collect();
    Some([v[0], v[1], v[2], v[3]])
}

fn close(a: f32, b: f32) -> bool {
    (a - b).abs() < 0.01
}

fn assert_box(actual: [f32; 4], expected: [f32; 4], what: &str) {
    for i in 0..4 {
        assert!(
            close(actual[i], expected[i]),
            "{what}: {actual:?} is not {expected:?}"
        );
    }
}

fn catalog(doc: &Document) -> &Dictionary {
    doc.catalog().unwrap()
}

fn info(doc: &Document) -> &Dictionary {
    deref(doc, doc.trailer.get(b"Info").unwrap())
        .as_dict()
        .unwrap()
}

fn xmp_text(doc: &Document) -> String {
    let s = deref(doc, catalog(doc).get(b"Metadata").unwrap())
        .as_stream()
        .unwrap();
    assert!(
        !s.dict.has(b"Filter"),
        "the XMP must be stored uncompressed"
    );
    String::from_utf8(s.content.clone()).unwrap()
}

fn trailer_ids(doc: &Document) -> Vec<Vec<u8>> {
    doc.trailer
        .get(b"ID")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o.as_str().unwrap().to_vec())
        .collect()
}

#[test]
fn print_is_pdf_1_6_and_office_is_not_pdfx() {
    assert!(print_pdf().starts_with(b"%PDF-1.6\n"));
    let office = render(&fixture().built.layout.pages, &meta(), Target::Office);
    assert!(office.starts_with(b"%PDF-1.7\n"));
    let doc = load(&office);
    assert!(!catalog(&doc).has(b"OutputIntents"));
    assert!(!info(&doc).has(b"GTS_PDFXVersion"));
    assert!(!xmp_text(&doc).contains("GTS_PDFXVersion"));
}

#[test]
fn print_boxes_nest_with_three_millimetres_of_bleed() {
    for (marks, slug) in [(false, 0.0), (true, MARKS)] {
        let bytes = render(
            &fixture().built.layout.pages,
            &meta(),
            Target::Print { marks },
        );
        let doc = load(&bytes);
        let pages = doc.get_pages();
        assert_eq!(pages.len(), fixture().built.layout.pages.len());
        for (&n, &page) in &pages {
            let o = BLEED + slug;
            let trim = page_box(&doc, page, b"TrimBox").unwrap();
            let bleed = page_box(&doc, page, b"BleedBox").unwrap();
            let media = page_box(&doc, page, b"MediaBox").unwrap();
            let what = format!("page {n}, marks {marks}");
            assert_box(trim, [o, o, o + A5.0, o + A5.1], &what);
            assert_box(
                bleed,
                [o - BLEED, o - BLEED, o + A5.0 + BLEED, o + A5.1 + BLEED],
                &what,
            );
            assert_box(media, [0.0, 0.0, A5.0 + 2.0 * o, A5.1 + 2.0 * o], &what);
        }
    }
}

#[test]
fn office_is_plain_a5_without_bleed() {
    let bytes = render(&fixture().built.layout.pages, &meta(), Target::Office);
    let doc = load(&bytes);
    for &page in doc.get_pages().values() {
        assert_box(
            page_box(&doc, page, b"MediaBox").unwrap(),
            [0.0, 0.0, A5.0, A5.1],
            "office media",
        );
        assert!(page_box(&doc, page, b"BleedBox").is_none());
    }
    // No 1 MB output profile in a file meant for e-mail.
    assert!(bytes.len() < 60_000, "{} bytes", bytes.len());
}

#[test]
fn output_intent_embeds_the_shipped_fogra39_profile() {
    let doc = load(print_pdf());
    let intents = deref(&doc, catalog(&doc).get(b"OutputIntents").unwrap())
        .as_array()
        .unwrap();
    assert_eq!(intents.len(), 1);
    let intent = deref(&doc, &intents[0]).as_dict().unwrap();
    let name = |k: &[u8]| intent.get(k).unwrap().as_name().unwrap().to_vec();
    let text = |k: &[u8]| intent.get(k).unwrap().as_str().unwrap().to_vec();
    assert_eq!(name(b"S"), b"GTS_PDFX");
    assert_eq!(text(b"OutputConditionIdentifier"), b"FOGRA39");
    assert_eq!(text(b"RegistryName"), b"http://www.color.org");
    assert!(!intent.has(b"DestinationOutputProfile"));
    assert!(!intent.has(b"License"));
    let profile = deref(&doc, intent.get(b"DestOutputProfile").unwrap())
        .as_stream()
        .unwrap();
    assert_eq!(profile.dict.get(b"N").unwrap().as_i64().unwrap(), 4);
    let shipped = std::fs::read(PROFILE).unwrap();
    assert_eq!(profile.decompressed_content().unwrap(), shipped);
    assert_eq!(pdf::OutputCondition::Coated.profile(), shipped);
    assert_eq!(pdf::printpdf_leftovers(&doc), Vec::<String>::new());
}

#[test]
fn uncoated_output_declares_fogra29_with_its_profile_and_passes_preflight() {
    let settings = pdf::PrintSettings {
        output: pdf::OutputCondition::Uncoated,
    };
    let bytes = pdf::write_with(
        &fixture().built.layout.pages,
        &meta(),
        Target::Print { marks: false },
        &fixture().engine.fonts,
        &settings,
    );
    let doc = load(&bytes);
    let intents = deref(&doc, catalog(&doc).get(b"OutputIntents").unwrap())
        .as_array()
        .unwrap();
    assert_eq!(intents.len(), 1);
    let intent = deref(&doc, &intents[0]).as_dict().unwrap();
    let text = |k: &[u8]| intent.get(k).unwrap().as_str().unwrap().to_vec();
    assert_eq!(text(b"OutputConditionIdentifier"), b"FOGRA29");
    assert_eq!(
        text(b"OutputCondition"),
        b"Uncoated FOGRA29 300% (ArgyllCMS from FOGRA29L), FOGRA29"
    );
    let profile = deref(&doc, intent.get(b"DestOutputProfile").unwrap())
        .as_stream()
        .unwrap();
    let icc = profile.decompressed_content().unwrap();
    assert_eq!(
        icc,
        std::fs::read("fonts/icc/FOGRA29_uncoated_argyll.icc").unwrap()
    );
    // An ICC output profile for CMYK: device class, colour space and signature.
    assert_eq!(&icc[12..20], b"prtrCMYK");
    assert_eq!(&icc[36..40], b"acsp");
    let failed: Vec<String> = preflight::check_bytes(&bytes)
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.line())
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    // The pages are the coated file's: same content streams, page for page.
    let coated = load(print_pdf());
    for (a, b) in doc.get_pages().values().zip(coated.get_pages().values()) {
        assert_eq!(doc.get_page_content(*a), coated.get_page_content(*b));
    }
}

#[test]
fn info_and_xmp_identify_pdfx4() {
    let doc = load(print_pdf());
    let info = info(&doc);
    assert_eq!(
        info.get(b"GTS_PDFXVersion").unwrap().as_str().unwrap(),
        b"PDF/X-4"
    );
    assert_eq!(info.get(b"Trapped").unwrap().as_name().unwrap(), b"False");
    assert_eq!(
        info.get(b"CreationDate").unwrap().as_str().unwrap(),
        b"D:20160323000000Z"
    );
    let xml = xmp_text(&doc);
    xmp::well_formed(&xml).unwrap();
    let p = |q: &str| xmp::property(&xml, q).unwrap_or_else(|| panic!("no {q} in {xml}"));
    assert_eq!(p("pdfxid:GTS_PDFXVersion"), "PDF/X-4");
    assert_eq!(p("pdf:Trapped"), "False");
    assert_eq!(p("xmp:CreateDate"), "2016-03-23T00:00:00Z");
    assert_eq!(p("xmp:ModifyDate"), "2016-03-23T00:00:00Z");
    assert!(chrono::DateTime::parse_from_rfc3339(&p("xmp:CreateDate")).is_ok());
    assert_eq!(p("xmpMM:RenditionClass"), "default");
    assert_eq!(p("dc:title"), "Immunotherapie");
    // The document id is the trailer /ID as a UUID; the version id is derived from it.
    let id = &trailer_ids(&doc)[0];
    let hex: String = id.iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(
        p("xmpMM:DocumentID").replace('-', ""),
        format!("uuid:{hex}")
    );
    let version = p("xmpMM:VersionID");
    assert!(
        version.starts_with("uuid:") && version.len() == 41,
        "{version}"
    );
    assert_ne!(version, p("xmpMM:DocumentID"));
    assert_eq!(
        catalog(&doc).get(b"Lang").unwrap().as_str().unwrap(),
        b"nl-BE"
    );
}

#[test]
fn xmp_escapes_a_title_with_markup_characters() {
    let mut m = meta();
    m.title = r#"Bloed & plasma <na> "de" 'ingreep'"#.into();
    let bytes = render(
        &fixture().built.layout.pages,
        &m,
        Target::Print { marks: false },
    );
    let doc = load(&bytes);
    let xml = xmp_text(&doc);
    assert!(
        xml.contains("Bloed &amp; plasma &lt;na&gt; &quot;de&quot; &apos;ingreep&apos;"),
        "{xml}"
    );
    xmp::well_formed(&xml).unwrap();
    assert_eq!(xmp::property(&xml, "dc:title").unwrap(), m.title);
    let checks = preflight::check_bytes(&bytes);
    let x = checks.iter().find(|c| c.name == "XMP metadata").unwrap();
    assert!(x.passed, "{}", x.detail);
}

#[test]
fn builds_are_byte_identical_and_the_id_follows_the_content() {
    let again = render(
        &fixture().built.layout.pages,
        &meta(),
        Target::Print { marks: false },
    );
    assert!(again == print_pdf(), "two builds of one leaflet differ");
    let ids = trailer_ids(&load(&again));
    assert_eq!(ids.len(), 2);
    assert_eq!(ids[0].len(), 16);
    assert_eq!(ids[0], ids[1]);
    let mut m = meta();
    m.title.push_str(" (herzien)");
    let other = render(
        &fixture().built.layout.pages,
        &m,
        Target::Print { marks: false },
    );
    assert_ne!(trailer_ids(&load(&other)), ids);
}

#[test]
fn every_colour_is_cmyk_and_body_text_is_black_only() {
    let doc = load(print_pdf());
    let found = preflight::walk(&doc);
    assert!(found.errors.is_empty(), "{:?}", found.errors);
    assert!(found.rgb.is_empty(), "{:?}", found.rgb);
    assert!(found.text.len() > 20);
    for t in &found.text {
        assert_eq!(t.fill.space, Space::Cmyk, "{t:?}");
    }
    let body: Vec<&Colour> = found
        .text
        .iter()
        .filter(|t| close(t.size, 11.0) && t.font == b"F1")
        .map(|t| &t.fill)
        .collect();
    assert!(body.len() > 10);
    for c in body {
        assert_eq!(c.components, vec![0.0, 0.0, 0.0, 1.0]);
    }
    for &page in doc.get_pages().values() {
        let ops = doc.get_and_decode_page_content(page).unwrap().operations;
        for op in ops {
            assert!(
                !matches!(op.operator.as_str(), "rg" | "RG" | "g" | "G" | "sc" | "scn"),
                "{op:?}"
            );
        }
    }
    // The tinted band along the top of page 1 runs to the bleed edges.
    let band = found
        .fills
        .iter()
        .find(|f| f.page == 1 && f.bbox[3] > A5.1)
        .expect("the band at the top of page 1");
    assert_box(
        band.bbox,
        [0.0, band.bbox[1], A5.0 + 2.0 * BLEED, A5.1 + 2.0 * BLEED],
        "band",
    );
}

#[test]
fn small_black_text_overprints_and_everything_else_knocks_out() {
    let doc = load(print_pdf());
    let found = preflight::walk(&doc);
    let (mut over, mut out) = (0, 0);
    for t in &found.text {
        let black = t.fill.components == [0.0, 0.0, 0.0, 1.0];
        // Black text up to 12 pt prints on top of the route box's tint; headings and
        // coloured or white text knock out.
        assert_eq!(t.overprint, black && t.size <= 12.0, "{t:?}");
        if t.overprint {
            over += 1;
        } else {
            out += 1;
        }
    }
    assert!(
        over > 20 && out > 0,
        "{over} overprinting runs, {out} knocking out"
    );
    assert!(
        found.paints.iter().all(|p| !p.overprint),
        "a fill or rule overprints"
    );
    // The states are what the RIP reads: OP and op on, and the nonzero overprint mode, so
    // the zero C, M and Y of black leave the tint below alone.
    let page = doc.get_pages()[&1];
    let resources = deref(
        &doc,
        doc.get_dictionary(page).unwrap().get(b"Resources").unwrap(),
    )
    .as_dict()
    .unwrap();
    let states = deref(&doc, resources.get(b"ExtGState").unwrap())
        .as_dict()
        .unwrap();
    let state = |name: &[u8]| {
        deref(&doc, states.get(name).unwrap())
            .as_dict()
            .unwrap()
            .clone()
    };
    for (name, on) in [(&b"GSop"[..], true), (b"GSko", false)] {
        let s = state(name);
        assert_eq!(s.get(b"OP").unwrap().as_bool().unwrap(), on);
        assert_eq!(s.get(b"op").unwrap().as_bool().unwrap(), on);
        assert_eq!(s.get(b"OPM").unwrap().as_i64().unwrap(), 1);
    }
    // Office files are for a printer that does not separate: no overprint there.
    let office = load(&render(
        &fixture().built.layout.pages,
        &meta(),
        Target::Office,
    ));
    let found = preflight::walk(&office);
    assert!(found.text.iter().all(|t| !t.overprint));
}

#[test]
fn a_padded_leaflet_ends_in_lined_notes_pages_that_pass_preflight() {
    let f = fixture();
    let typesetter = leaflet_printer::layout::Typesetter {
        fonts: &f.engine.fonts,
        hyphenator: &f.engine.hyphenator,
        style: &f.shared.style,
    };
    let notes = typesetter.notes_page(&f.built.document.footer, f.built.document.lang);
    let pages = &f.built.layout.pages[..1];
    let count = pdf::PageCount {
        multiple: 4,
        padding: pdf::Padding::Notes,
    };
    let padded = pdf::pad(pages, count, &notes);
    assert_eq!(padded.added, 3);
    let bytes = render(&padded.pages, &meta(), Target::Print { marks: true });
    let failed: Vec<String> = preflight::check_bytes(&bytes)
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.line())
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    let doc = load(&bytes);
    assert_eq!(doc.get_pages().len(), 4);
    let found = preflight::walk(&doc);
    for page in 2..=4 {
        // Writing lines every 8 mm between the heading and the footer, and its rule.
        let lines = found.strokes.iter().filter(|s| s.page == page).count();
        assert!((15..30).contains(&lines), "page {page}: {lines} lines");
        assert!(
            found.text.iter().any(|t| t.page == page && t.size > 12.0),
            "page {page}: no heading"
        );
    }
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    assert_eq!(text.matches("Notities").count(), 3, "{text}");
    for line in &f.built.document.footer {
        assert_eq!(
            text.matches(line.as_str()).count(),
            4,
            "footer “{line}” in\n{text}"
        );
    }
}

#[test]
fn preflight_passes_print_and_names_what_office_lacks() {
    for marks in [false, true] {
        let bytes = render(
            &fixture().built.layout.pages,
            &meta(),
            Target::Print { marks },
        );
        let failed: Vec<String> = preflight::check_bytes(&bytes)
            .iter()
            .filter(|c| !c.passed)
            .map(|c| c.line())
            .collect();
        assert!(failed.is_empty(), "marks {marks}: {failed:#?}");
    }
    let office = render(&fixture().built.layout.pages, &meta(), Target::Office);
    let failed: Vec<&'static str> = preflight::check_bytes(&office)
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.name)
        .collect();
    for name in [
        "version",
        "output intent",
        "output profile",
        "document info",
        "XMP metadata",
        "page boxes",
    ] {
        assert!(failed.contains(&name), "{name} should fail: {failed:?}");
    }
}

/// The print PDF with `change` applied, saved again.
fn mutated(change: impl FnOnce(&mut Document)) -> Vec<u8> {
    let mut doc = load(print_pdf());
    change(&mut doc);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn with_content(ops: &str) -> Vec<u8> {
    mutated(|doc| {
        let page = doc.get_pages()[&1];
        doc.add_page_contents(page, ops.as_bytes().to_vec())
            .unwrap();
    })
}

/// The names of the checks that fail.
fn failures(bytes: &[u8]) -> Vec<&'static str> {
    preflight::check_bytes(bytes)
        .into_iter()
        .filter(|c| !c.passed)
        .map(|c| c.name)
        .collect()
}

#[test]
fn preflight_catches_each_defect_on_its_own() {
    let cases: Vec<(&[&str], Vec<u8>)> = vec![
        (
            &["text size"],
            with_content("BT /F1 5 Tf 0 0 0 1 k 1 0 0 1 100 300 Tm <0005> Tj ET"),
        ),
        // 12 pt under a matrix that scales by 0.4 prints at 4.8 pt.
        (
            &["text size"],
            with_content(
                "q 0.4 0 0 0.4 0 0 cm BT /F1 12 Tf 0 0 0 1 k 1 0 0 1 300 700 Tm <0005> Tj ET Q",
            ),
        ),
        (
            &["line width"],
            with_content("q 0.1 w 0 0 0 1 K 100 100 m 200 100 l S Q"),
        ),
        (&["colour"], with_content("q 1 0 0 rg 100 100 10 10 re f Q")),
        (
            &["colour"],
            with_content("q /DeviceRGB cs 1 0 0 sc 100 100 10 10 re f Q"),
        ),
        (
            &["black text"],
            with_content("BT /F1 11 Tf 0.6 0.4 0.4 1 k 1 0 0 1 100 300 Tm <0005> Tj ET"),
        ),
        (
            &["safe area"],
            with_content("BT /F1 11 Tf 0 0 0 1 k 1 0 0 1 12 300 Tm <0005> Tj ET"),
        ),
        (
            &["bleed"],
            with_content("q 0 0 0 0.2 k 8.504 100 50 50 re f Q"),
        ),
        (&["version"], mutated(|doc| doc.version = "1.3".into())),
        (
            &["page boxes"],
            mutated(|doc| {
                let page = doc.get_pages()[&2];
                doc.get_dictionary_mut(page).unwrap().remove(b"BleedBox");
            }),
        ),
        // printpdf's [x y w h] boxes: the trim comes out 8.5 pt short.
        (
            &["page boxes"],
            mutated(|doc| {
                let page = doc.get_pages()[&1];
                let d = doc.get_dictionary_mut(page).unwrap();
                let r = |v: f32| Object::Real(v);
                d.set(
                    "TrimBox",
                    Object::Array(vec![r(8.504), r(8.504), r(A5.0), r(A5.1)]),
                );
            }),
        ),
        (
            // The profile is then nowhere a RIP would look.
            &["output intent", "output profile"],
            mutated(|doc| {
                let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
                let c = doc.get_dictionary_mut(root).unwrap();
                let Ok(Object::Array(intents)) = c.get_mut(b"OutputIntents") else {
                    panic!("intents")
                };
                let Object::Dictionary(i) = &mut intents[0] else {
                    panic!("intent")
                };
                let profile = i.remove(b"DestOutputProfile").unwrap();
                i.set("DestinationOutputProfile", profile);
            }),
        ),
        (
            &["XMP metadata"],
            mutated(|doc| {
                let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
                let m = doc
                    .get_dictionary(root)
                    .unwrap()
                    .get(b"Metadata")
                    .unwrap()
                    .as_reference()
                    .unwrap();
                let s = doc.get_object_mut(m).unwrap().as_stream_mut().unwrap();
                let xml = String::from_utf8(s.content.clone()).unwrap().replace(
                    "<xmp:CreateDate>2016-03-23T00:00:00Z",
                    "<xmp:CreateDate>2016-03-23T00:00:00+00'00'",
                );
                s.set_content(xml.into_bytes());
            }),
        ),
        (
            &["XMP metadata"],
            mutated(|doc| {
                let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
                let m = doc
                    .get_dictionary(root)
                    .unwrap()
                    .get(b"Metadata")
                    .unwrap()
                    .as_reference()
                    .unwrap();
                let s = doc.get_object_mut(m).unwrap().as_stream_mut().unwrap();
                s.compress().unwrap();
            }),
        ),
        (
            &["fonts subset"],
            mutated(|doc| {
                let ids: Vec<ObjectId> = doc.objects.keys().copied().collect();
                for id in ids {
                    if let Ok(d) = doc.get_dictionary_mut(id)
                        && d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0")
                    {
                        d.set("BaseFont", Object::Name(b"AtkinsonHyperlegible".to_vec()));
                    }
                }
            }),
        ),
    ];
    for (expected, bytes) in cases {
        assert_eq!(
            failures(&bytes),
            expected,
            "expected only {expected:?} to fail"
        );
    }
}

#[test]
fn the_finishing_pass_vouches_for_its_own_output_and_spots_printpdf_defects() {
    let print = Target::Print { marks: false };
    let geometry = pdf::Geometry::new(print, A5.0, A5.1);
    assert_eq!(
        pdf::defects(&load(print_pdf()), print, &geometry),
        Vec::<String>::new()
    );
    let office = render(&fixture().built.layout.pages, &meta(), Target::Office);
    assert_eq!(
        pdf::defects(
            &load(&office),
            Target::Office,
            &pdf::Geometry::new(Target::Office, A5.0, A5.1)
        ),
        Vec::<String>::new()
    );
    let broken: Vec<Vec<u8>> = vec![
        mutated(|doc| doc.version = "1.3".into()),
        mutated(|doc| {
            let page = doc.get_pages()[&1];
            doc.get_dictionary_mut(page).unwrap().remove(b"BleedBox");
        }),
        // [x y w h], as printpdf writes boxes.
        mutated(|doc| {
            let page = doc.get_pages()[&1];
            let r = |v: f32| Object::Real(v);
            doc.get_dictionary_mut(page).unwrap().set(
                "TrimBox",
                Object::Array(vec![r(BLEED), r(BLEED), r(A5.0), r(A5.1)]),
            );
        }),
        mutated(|doc| {
            let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
            let m = doc.get_dictionary(root).unwrap().get(b"Metadata").unwrap();
            let m = m.as_reference().unwrap();
            let s = doc.get_object_mut(m).unwrap().as_stream_mut().unwrap();
            let xml = String::from_utf8(s.content.clone()).unwrap();
            let start = xml.find("<xmpMM:InstanceID>uuid:").unwrap() + 23;
            let mut xml = xml.into_bytes();
            xml[start] = if xml[start] == b'0' { b'1' } else { b'0' };
            s.set_content(xml);
        }),
        mutated(|doc| {
            let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
            let c = doc.get_dictionary_mut(root).unwrap();
            let Ok(Object::Array(intents)) = c.get_mut(b"OutputIntents") else {
                panic!("intents")
            };
            let Object::Dictionary(i) = &mut intents[0] else {
                panic!("intent")
            };
            i.set("License", Object::string_literal("Licensed under …"));
        }),
    ];
    for (n, bytes) in broken.iter().enumerate() {
        assert_ne!(
            pdf::defects(&load(bytes), print, &geometry),
            Vec::<String>::new(),
            "case {n} went unnoticed"
        );
    }
}

/// Character code → text, from a font's ToUnicode CMap (bfchar entries, as printpdf writes).
fn to_unicode(doc: &Document, font: &Dictionary) -> BTreeMap<Vec<u8>, String> {
    let cmap = deref(doc, font.get(b"ToUnicode").unwrap())
        .as_stream()
        .unwrap();
    let data = cmap.decompressed_content().unwrap_or(cmap.content.clone());
    let text = String::from_utf8_lossy(&data);
    let hex = |s: &str| -> Vec<u8> {
        (0..s.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap())
            .collect()
    };
    let mut map = BTreeMap::new();
    for line in text.lines() {
        let parts: Vec<&str> = line
            .split(['<', '>'])
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .collect();
        if parts.len() == 2
            && parts
                .iter()
                .all(|p| p.chars().all(|c| c.is_ascii_hexdigit()))
        {
            let units: Vec<u16> = hex(parts[1])
                .chunks(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            map.insert(hex(parts[0]), String::from_utf16_lossy(&units));
        }
    }
    map
}

/// The words on each half of each sheet, top to bottom, read through the fonts' ToUnicode.
fn halves(bytes: &[u8]) -> Vec<(String, String)> {
    let doc = load(bytes);
    let found = preflight::walk(&doc);
    let pages = doc.get_pages();
    let mut out = Vec::new();
    for (&n, &page) in &pages {
        let fonts = doc.get_page_fonts(page).unwrap();
        let maps: BTreeMap<Vec<u8>, BTreeMap<Vec<u8>, String>> = fonts
            .iter()
            .map(|(k, f)| (k.clone(), to_unicode(&doc, f)))
            .collect();
        let width = page_box(&doc, page, b"MediaBox").unwrap()[2];
        let mut shows: Vec<_> = found.text.iter().filter(|t| t.page == n as usize).collect();
        shows.sort_by(|a, b| {
            b.origin
                .1
                .total_cmp(&a.origin.1)
                .then(a.origin.0.total_cmp(&b.origin.0))
        });
        let (mut left, mut right) = (String::new(), String::new());
        for t in shows {
            let map = &maps[&t.font];
            let mut word = String::new();
            for (i, c) in t.codes.chunks(2).enumerate() {
                if t.gaps.contains(&(2 * i)) {
                    word.push(' ');
                }
                word.push_str(&map[c]);
            }
            let side = if t.origin.0 < width / 2.0 {
                &mut left
            } else {
                &mut right
            };
            side.push_str(&word);
            side.push(' ');
        }
        out.push((left, right));
    }
    out
}

#[test]
fn booklet_and_two_up_sheets_are_a4_with_pages_in_place() {
    let pages = &fixture().built.layout.pages;
    assert_eq!(pages.len(), 2);
    let booklet = render(&impose(pages, Imposition::Booklet), &meta(), Target::Office);
    let two_up = render(&impose(pages, Imposition::TwoUp), &meta(), Target::Office);
    for bytes in [&booklet, &two_up] {
        let doc = load(bytes);
        assert_eq!(doc.get_pages().len(), 2);
        for &p in doc.get_pages().values() {
            assert_box(
                page_box(&doc, p, b"MediaBox").unwrap(),
                [0.0, 0.0, A4_LANDSCAPE.0, A4_LANDSCAPE.1],
                "sheet",
            );
        }
    }
    // Two pages pad to four: sheet 1 is (4, 1), sheet 2 is (2, 3); 3 and 4 are blank.
    assert_eq!(booklet_order(2), vec![(4, 1), (2, 3)]);
    let sheets = halves(&booklet);
    assert_eq!(sheets[0].0, "", "page 4 is blank");
    assert!(
        sheets[0].1.starts_with("Hematologie Immunotherapie "),
        "{}",
        sheets[0].1
    );
    assert!(sheets[0].1.contains(" 1/2 "), "{}", sheets[0].1);
    assert!(sheets[1].0.contains(" 2/2 "), "{}", sheets[1].0);
    assert!(sheets[1].0.contains("Volg route 105"), "{}", sheets[1].0);
    assert_eq!(sheets[1].1, "", "page 3 is blank");
    // 2-up: each sheet carries one page twice.
    let sheets = halves(&two_up);
    for (n, (left, right)) in sheets.iter().enumerate() {
        assert_eq!(left, right);
        assert!(left.contains(&format!(" {}/2 ", n + 1)), "{left}");
    }
}

#[test]
fn a_longer_leaflet_imposes_in_saddle_stitch_order() {
    let f = fixture();
    let source = std::fs::read_to_string(LEAFLET).unwrap();
    let (head, sections) = source.split_once("sections:\n").unwrap();
    let long = format!("{head}sections:\n{sections}{sections}{sections}");
    let built = pipeline::build(
        &f.engine,
        &f.shared,
        Path::new("lang.yaml"),
        &long,
        Target::Office,
    )
    .unwrap_or_else(|e| panic!("{e:?}"));
    let n = built.layout.pages.len();
    assert!(n > 4, "{n} pages");
    let sheets = halves(&render(
        &impose(&built.layout.pages, Imposition::Booklet),
        &meta(),
        Target::Office,
    ));
    let order = booklet_order(n);
    assert_eq!(sheets.len(), order.len());
    for ((left, right), (l, r)) in sheets.iter().zip(order) {
        for (text, page) in [(left, l), (right, r)] {
            if page > n {
                assert_eq!(text, "", "page {page} of {n} is a blank");
            } else {
                assert!(
                    text.contains(&format!(" {page}/{n} ")),
                    "page {page}: {text}"
                );
            }
        }
    }
}

#[test]
fn every_shipped_leaflet_builds_for_print_and_passes_preflight() {
    let f = fixture();
    let mut count = 0;
    for entry in std::fs::read_dir("tests/fixtures/leaflets").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("yaml") {
            continue;
        }
        count += 1;
        let source = std::fs::read_to_string(&path).unwrap();
        for marks in [false, true] {
            let built = pipeline::build(
                &f.engine,
                &f.shared,
                &path,
                &source,
                Target::Print { marks },
            )
            .unwrap_or_else(|e| panic!("{}: {e:?}", path.display()));
            let failed: Vec<String> = preflight::check_bytes(&built.pdf)
                .iter()
                .filter(|c| !c.passed)
                .map(|c| c.line())
                .collect();
            assert!(failed.is_empty(), "{}: {failed:#?}", path.display());
        }
    }
    assert!(count > 0, "no leaflets found");
}
