//! A corpus of broken and hostile PDFs, each with the verdict the print shop needs from
//! `leaflet preflight`: most are derived from a good `--target print` file by one defect
//! each (so the check that fails is the one for that defect, and no other), the rest are
//! made by hand to hang, exhaust or crash a reader. Every file must be judged, within the
//! time limit, by the same thread-and-deadline path the command uses.

use leaflet_printer::preflight::{Check, Profile, run};
use lopdf::{Dictionary, Object, Stream, dictionary};
use std::time::{Duration, Instant};

/// The done-when of the issue: every file judged within 10 s on the 2-core machine.
const DEADLINE: Duration = Duration::from_secs(10);

#[path = "preflight_corpus/families.rs"]
mod families;
#[path = "preflight_corpus/hostile.rs"]
mod hostile;
#[path = "preflight_corpus/mutate.rs"]
mod mutate;
#[path = "preflight_corpus/review_pages.rs"]
mod review_pages;
#[path = "preflight_corpus/review_paint.rs"]
mod review_paint;
#[path = "preflight_corpus/tools.rs"]
mod tools;

use hostile::hostile_cases;
use mutate::*;

/// What the shop must be told about one file.
pub struct Case {
    defect: &'static str,
    bytes: Vec<u8>,
    /// The checks that must fail, and no others.
    fails: &'static [&'static str],
    /// Checks that must warn (they may pass otherwise).
    warns: &'static [&'static str],
    /// Words the report must contain: the defect named where it is.
    mentions: &'static str,
}

impl Case {
    fn mentions(mut self, words: &'static str) -> Case {
        self.mentions = words;
        self
    }
}

pub fn case(defect: &'static str, fails: &'static [&'static str], bytes: Vec<u8>) -> Case {
    Case {
        defect,
        bytes,
        fails,
        warns: &[],
        mentions: "",
    }
}

pub fn warns(defect: &'static str, warns: &'static [&'static str], bytes: Vec<u8>) -> Case {
    Case {
        defect,
        bytes,
        fails: &[],
        warns,
        mentions: "",
    }
}

fn ink_cases() -> Vec<Case> {
    let cmyk = || Object::Name(b"DeviceCMYK".to_vec());
    vec![
        case("a fill of 340 % ink", &["total ink"], with_content(b"q 0.85 0.85 0.85 0.85 k 100 100 50 50 re f Q"))
            .mentions("page 1: a fill with 340 % ink at (100, 100) pt"),
        case("a fill of 400 % ink", &["total ink"], with_content(b"q 1 1 1 1 k 100 100 50 50 re f Q")),
        case("a fill of exactly 300 % ink", &[], with_content(b"q 0.75 0.75 0.75 0.75 k 100 100 50 50 re f Q")),
        case("a line of 350 % ink", &["total ink"], with_content(b"q 1 1 1 0.5 K 1 w 100 100 m 200 100 l S Q")),
        case("14 pt text of 400 % ink", &["total ink", "black text"], with_content(b"BT /F1 14 Tf 1 1 1 1 k 1 0 0 1 100 300 Tm <0005> Tj ET")),
        case("a 400 % fill inside a form", &["total ink"], mutated(|doc| {
            add_xobject(doc, "Fm9", form(b"1 1 1 1 k 0 0 10 10 re f", Dictionary::new()));
            add_content(doc, b"q 1 0 0 1 100 100 cm /Fm9 Do Q");
        })),
        case("an image with a 400 % pixel", &["total ink"], with_image(cmyk(), 100, 24.0, &[255, 255, 255, 255])),
        case("an image of at most 250 % ink at 300 ppi", &[], with_image(cmyk(), 100, 24.0, &[160, 160, 160, 157])),
        case("an indexed image whose palette reaches 360 %", &["total ink"], mutated(|doc| {
            let space = Object::Array(vec![
                "Indexed".into(), "DeviceCMYK".into(), 1.into(),
                Object::String(vec![0, 0, 0, 64, 230, 230, 230, 230], lopdf::StringFormat::Hexadecimal),
            ]);
            add_xobject(doc, "ImX", image(space, 100, 100, vec![0; 100 * 100]));
            add_content(doc, b"q 24 0 0 24 100 100 cm /ImX Do Q");
        })),
        warns("a JPEG CMYK image whose ink cannot be measured", &["total ink"], mutated(|doc| {
            let s = Stream::new(
                dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 100, "Height" => 100,
                    "ColorSpace" => "DeviceCMYK", "BitsPerComponent" => 8, "Filter" => "DCTDecode" },
                noise(500, 7),
            );
            add_xobject(doc, "ImJ", s);
            add_content(doc, b"q 24 0 0 24 100 100 cm /ImJ Do Q");
        })),
        case("white fill set to overprint", &["overprint"], with_content(b"q /GSop gs 0 0 0 0 k 100 100 50 50 re f Q")),
        case("white text set to overprint", &["overprint"], with_content(b"q /GSop gs BT /F1 14 Tf 0 0 0 0 k 1 0 0 1 100 300 Tm <0005> Tj ET Q")),
        case("a white line set to overprint", &["overprint"], with_content(b"q /GSop gs 0 0 0 0 K 1 w 100 100 m 200 100 l S Q")),
        case("white gray text set to overprint", &["overprint"], with_content(b"q /GSop gs BT /F1 14 Tf 1 g 1 0 0 1 100 300 Tm <0005> Tj ET Q")),
        warns("10 pt black text that knocks out", &["overprint"], with_content(b"q /GSko gs BT /F1 10 Tf 0 0 0 1 k 1 0 0 1 100 300 Tm <0005> Tj ET Q")),
        case("11 pt text in rich black", &["black text"], with_content(b"q /GSop gs BT /F1 11 Tf 0.6 0.4 0.4 1 k 1 0 0 1 100 300 Tm <0005> Tj ET Q")),
        warns("9 pt text in two inks", &["text inks"], with_content(b"BT /F1 9 Tf 0 1 1 0 k 1 0 0 1 100 300 Tm <0005> Tj ET"))
            .mentions("text under 12 pt on 2 plates (C0 M100 Y100 K0); misregistration blurs it (page 1)"),
        warns("9 pt text in four inks", &["text inks"], with_content(b"BT /F1 9 Tf 0.2 0.3 0.4 0.1 k 1 0 0 1 100 300 Tm <0005> Tj ET"))
            .mentions("on 4 plates (C20 M30 Y40 K10)"),
        case("11 pt text in 95 % K", &["text inks"], with_content(b"BT /F1 11 Tf 0 0 0 0.95 k 1 0 0 1 100 300 Tm <0005> Tj ET")),
        case("11 pt text in 5 % gray (95 % K)", &["text inks"], with_content(b"BT /F1 11 Tf 0.05 g 1 0 0 1 100 300 Tm <0005> Tj ET")),
        case("14 pt text in one spot-free ink (magenta) is fine", &[], with_content(b"BT /F1 14 Tf 0 1 0 0 k 1 0 0 1 100 300 Tm <0005> Tj ET")),
        case("5 pt text", &["text size"], with_content(b"q /GSop gs BT /F1 5 Tf 0 0 0 1 k 1 0 0 1 100 300 Tm <0005> Tj ET Q")),
        case("12 pt scaled to 4.8 pt", &["text size"], with_content(b"q /GSop gs 0.4 0 0 0.4 0 0 cm BT /F1 12 Tf 0 0 0 1 k 1 0 0 1 300 700 Tm <0005> Tj ET Q")),
        case("a 0.1 pt line", &["line width"], with_content(b"q 0.1 w 0 0 0 1 K 100 100 m 200 100 l S Q")),
        case("DeviceRGB fill", &["colour"], with_content(b"q 1 0 0 rg 100 100 10 10 re f Q")),
        case("DeviceRGB space and colour", &["colour"], with_content(b"q /DeviceRGB cs 1 0 0 sc 100 100 10 10 re f Q")),
        case("an RGB image", &["colour", "images"], with_image(Object::Name(b"DeviceRGB".to_vec()), 100, 24.0, &[200, 10, 10])),
        // PDF/X-4 allows device-independent colour: the RIP converts it through the output
        // intent. The shop is told, not refused.
        warns("an ICC-based RGB image", &["images"], mutated(|doc| {
            let icc = doc.add_object(icc_profile(b"RGB ", Some(3)));
            let space = Object::Array(vec!["ICCBased".into(), Object::Reference(icc)]);
            add_xobject(doc, "ImX", image(space, 100, 100, vec![9; 100 * 100 * 3]));
            add_content(doc, b"q 24 0 0 24 100 100 cm /ImX Do Q");
        })),
        case("an inline RGB image at 144 ppi", &["colour", "images"], with_content(b"q 1 0 0 1 100 100 cm BI /W 2 /H 2 /CS /RGB /BPC 8 ID \x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c EI Q")),
        case("a 72 ppi CMYK image", &["images"], with_image(cmyk(), 72, 72.0, &[0, 0, 0, 128])),
        warns("a 200 ppi CMYK image", &["images"], with_image(cmyk(), 200, 72.0, &[0, 0, 0, 128])),
        // Line art is not screened: every pixel edge shows (GWG: at least 550 ppi).
        case("a 1-bit stencil mask at 72 ppi prints jagged", &["images"], mutated(|doc| {
            let s = Stream::new(
                dictionary! { "Type" => "XObject", "Subtype" => "Image", "Width" => 72, "Height" => 72,
                    "ImageMask" => true, "BitsPerComponent" => 1 },
                vec![0xAA; 9 * 72],
            );
            add_xobject(doc, "ImM", s);
            add_content(doc, b"q 72 0 0 72 100 100 cm 0 0 0 1 k /ImM Do Q");
        })),
        case("text 2 mm from the trim", &["safe area"], with_content(b"q /GSop gs BT /F1 11 Tf 0 0 0 1 k 1 0 0 1 12 300 Tm <0005> Tj ET Q")),
        case("a tint that stops at the trim", &["bleed"], with_content(b"q 0 0 0 0.2 k 8.504 100 50 50 re f Q")),
    ]
}

fn structure_cases() -> Vec<Case> {
    vec![
        case("PDF 1.3 header", &["version"], mutated(|doc| doc.version = "1.3".into())),
        case("no trailer /ID", &["file identifier"], mutated(|doc| {
            doc.trailer.remove(b"ID");
        })),
        case("no output intent", &["output intent", "output profile"], mutated(|doc| {
            catalog_mut(doc).remove(b"OutputIntents");
        })),
        case("the wrong output condition", &["output intent"], mutated(|doc| {
            let Ok(Object::Array(i)) = catalog_mut(doc).get_mut(b"OutputIntents") else { panic!() };
            i[0].as_dict_mut().unwrap().set("OutputConditionIdentifier", Object::string_literal("FOGRA51"));
        })),
        case("an RGB output profile", &["output profile"], mutated(|doc| {
            let Ok(Object::Array(i)) = catalog_mut(doc).get(b"OutputIntents").cloned() else { panic!() };
            let id = i[0].as_dict().unwrap().get(b"DestOutputProfile").unwrap().as_reference().unwrap();
            doc.get_object_mut(id).unwrap().as_stream_mut().unwrap().dict.set("N", 3);
        })),
        case("no /GTS_PDFXVersion", &["document info"], mutated(|doc| {
            let id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
            doc.get_dictionary_mut(id).unwrap().remove(b"GTS_PDFXVersion");
        })),
        case("no /Trapped", &["document info", "XMP metadata"], mutated(|doc| {
            let id = doc.trailer.get(b"Info").unwrap().as_reference().unwrap();
            doc.get_dictionary_mut(id).unwrap().remove(b"Trapped");
        })),
        case("compressed XMP", &["XMP metadata"], mutated(|doc| {
            let m = catalog_mut(doc).get(b"Metadata").unwrap().as_reference().unwrap();
            doc.get_object_mut(m).unwrap().as_stream_mut().unwrap().compress().unwrap();
        })),
        case("XMP with an unescaped ampersand", &["XMP metadata"], mutated(|doc| {
            let m = catalog_mut(doc).get(b"Metadata").unwrap().as_reference().unwrap();
            let s = doc.get_object_mut(m).unwrap().as_stream_mut().unwrap();
            let xml = String::from_utf8(s.content.clone()).unwrap().replacen("<rdf:li xml:lang=\"x-default\">", "<rdf:li xml:lang=\"x-default\">A & B ", 1);
            s.set_content(xml.into_bytes());
        })),
        case("a page rotated by 90°", &["page rotation"], mutated(|doc| page_mut(doc, 2).set("Rotate", 90))),
        case("all pages rotated through the page tree", &["page rotation"], mutated(|doc| {
            let pages = doc.catalog().unwrap().get(b"Pages").unwrap().as_reference().unwrap();
            doc.get_dictionary_mut(pages).unwrap().set("Rotate", 270);
        })),
        case("a rotation of 360° is none", &[], mutated(|doc| page_mut(doc, 1).set("Rotate", 360))),
        case("ArtBox and TrimBox together", &["page boxes"], mutated(|doc| {
            let trim = page_mut(doc, 1).get(b"TrimBox").unwrap().clone();
            page_mut(doc, 1).set("ArtBox", trim);
        })),
        case("a CropBox that hides the bleed", &["page boxes"], mutated(|doc| {
            let trim = page_mut(doc, 1).get(b"TrimBox").unwrap().clone();
            page_mut(doc, 1).set("CropBox", trim);
        })),
        case("no BleedBox", &["page boxes"], mutated(|doc| {
            page_mut(doc, 2).remove(b"BleedBox");
        })),
        case("an A4 trim", &["page boxes"], mutated(|doc| {
            let r = |v: f32| Object::Real(v);
            page_mut(doc, 1).set("TrimBox", vec![r(8.504), r(8.504), r(603.78), r(850.39)]);
            page_mut(doc, 1).set("BleedBox", vec![r(0.0), r(0.0), r(612.28), r(858.9)]);
            page_mut(doc, 1).set("MediaBox", vec![r(0.0), r(0.0), r(612.28), r(858.9)]);
            page_mut(doc, 1).set("CropBox", vec![r(0.0), r(0.0), r(612.28), r(858.9)]);
        })),
        case("document JavaScript", &["actions"], mutated(|doc| {
            let js = doc.add_object(dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.alert(1)") });
            catalog_mut(doc).set("Names", dictionary! { "JavaScript" => dictionary! { "Names" => vec![Object::string_literal("a"), Object::Reference(js)] } });
        })),
        case("an OpenAction", &["actions"], mutated(|doc| {
            catalog_mut(doc).set("OpenAction", dictionary! { "S" => "Launch", "F" => Object::string_literal("calc.exe") });
        })),
        case("page automatic actions", &["actions"], mutated(|doc| {
            page_mut(doc, 1).set("AA", dictionary! { "O" => dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("1") } });
        })),
        case("a Launch link outside the bleed", &["actions"], mutated(|doc| {
            annotation(doc, dictionary! { "Type" => "Annot", "Subtype" => "Link",
                "Rect" => vec![(-40).into(), (-40).into(), (-20).into(), (-20).into()],
                "A" => dictionary! { "S" => "Launch", "F" => Object::string_literal("x.exe") } });
        })),
        case("a link annotation inside the trim", &["annotations"], mutated(|doc| {
            annotation(doc, dictionary! { "Type" => "Annot", "Subtype" => "Link",
                "Rect" => vec![100.into(), 100.into(), 200.into(), 120.into()],
                "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal("https://uza.be") } });
        })),
        case("a link annotation outside the bleed", &[], mutated(|doc| {
            annotation(doc, dictionary! { "Type" => "Annot", "Subtype" => "Link",
                "Rect" => vec![(-40).into(), (-40).into(), (-20).into(), (-20).into()],
                "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal("https://uza.be") } });
        })),
        case("a printer's mark inside the bleed", &[], mutated(|doc| {
            annotation(doc, dictionary! { "Type" => "Annot", "Subtype" => "PrinterMark",
                "Rect" => vec![2.into(), 2.into(), 8.into(), 8.into()] });
        })),
        case("a form field", &["annotations", "form fields"], mutated(|doc| {
            let field = doc.add_object(dictionary! { "Type" => "Annot", "Subtype" => "Widget", "FT" => "Tx",
                "T" => Object::string_literal("naam"), "Rect" => vec![100.into(), 100.into(), 200.into(), 120.into()] });
            page_mut(doc, 1).set("Annots", vec![Object::Reference(field)]);
            catalog_mut(doc).set("AcroForm", dictionary! { "Fields" => vec![Object::Reference(field)] });
        })),
        case("an attached file", &["annotations", "embedded files"], mutated(|doc| {
            let file = doc.add_object(Stream::new(dictionary! { "Type" => "EmbeddedFile" }, b"hello".to_vec()));
            annotation(doc, dictionary! { "Type" => "Annot", "Subtype" => "FileAttachment",
                "Rect" => vec![100.into(), 100.into(), 120.into(), 120.into()],
                "FS" => dictionary! { "Type" => "Filespec", "F" => Object::string_literal("a.txt"), "EF" => dictionary! { "F" => Object::Reference(file) } } });
        })),
        case("an embedded-files name tree", &["embedded files"], mutated(|doc| {
            let file = doc.add_object(Stream::new(dictionary! { "Type" => "EmbeddedFile" }, b"hello".to_vec()));
            let spec = doc.add_object(dictionary! { "Type" => "Filespec", "F" => Object::string_literal("b.txt"), "EF" => dictionary! { "F" => Object::Reference(file) } });
            catalog_mut(doc).set("Names", dictionary! { "EmbeddedFiles" => dictionary! { "Names" => vec![Object::string_literal("b"), Object::Reference(spec)] } });
        })),
        case("layers in the catalog", &["optional content"], mutated(|doc| {
            let ocg = doc.add_object(dictionary! { "Type" => "OCG", "Name" => Object::string_literal("laag") });
            catalog_mut(doc).set("OCProperties", dictionary! { "OCGs" => vec![Object::Reference(ocg)], "D" => dictionary! {} });
        })),
        case("content marked as a layer", &["optional content"], with_content(b"/OC /L1 BDC q 0 0 0 0.2 k 100 100 10 10 re f Q EMC")),
        case("a form on a layer", &["optional content"], mutated(|doc| {
            let mut f = form(b"0 0 0 0.3 k 0 0 10 10 re f", Dictionary::new());
            f.dict.set("OC", dictionary! { "Type" => "OCG", "Name" => Object::string_literal("x") });
            add_xobject(doc, "FmL", f);
            add_content(doc, b"q 1 0 0 1 100 100 cm /FmL Do Q");
        })),
        case("a font not embedded", &["fonts embedded"], mutated(|doc| {
            for (_, o) in doc.objects.iter_mut() {
                if let Ok(d) = o.as_dict_mut()
                    && d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor")
                {
                    d.remove(b"FontFile2");
                }
            }
        })),
        case("a font not a tagged subset", &["fonts subset"], mutated(|doc| {
            for (_, o) in doc.objects.iter_mut() {
                if let Ok(d) = o.as_dict_mut()
                    && d.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0")
                {
                    d.set("BaseFont", Object::Name(b"AtkinsonHyperlegible".to_vec()));
                }
            }
        })),
        case("font widths that disagree with the program", &["font widths"], mutated(|doc| {
            each_cid_font(doc, |d| {
                // The first width, 40 thousandths of an em wider than its glyph.
                let Ok(Object::Array(w)) = d.get_mut(b"W") else { panic!("W") };
                let Object::Array(ws) = &mut w[1] else { panic!("widths") };
                ws[0] = Object::Real(ws[0].as_float().unwrap() + 40.0);
            });
        }))
        .mentions("1 widths disagree with the font program (e.g. CID 1 is 320 wide in the PDF, 280 in the font)"),
    ]
}

fn judge(bytes: &[u8]) -> (Vec<Check>, Duration) {
    let start = Instant::now();
    let checks = run::judge_bytes(bytes.to_vec(), &Profile::default(), run::TIME_LIMIT);
    (checks, start.elapsed())
}

#[test]
fn the_good_print_file_passes_every_check() {
    let (checks, _) = judge(good());
    let lines: Vec<String> = checks
        .iter()
        .filter(|c| c.verdict() == "FAIL")
        .map(Check::line)
        .collect();
    assert!(lines.is_empty(), "{lines:#?}");
    // The house style's accent colour is a three-ink tint, and the route box sets small
    // type in it: the shop is told, the file is still ready.
    let warned: Vec<&str> = checks
        .iter()
        .filter(|c| c.verdict() == "WARN")
        .map(|c| c.name)
        .collect();
    assert_eq!(warned, ["text inks"]);
    assert!(checks.len() >= 25, "{} checks", checks.len());
}

#[test]
fn every_file_of_the_corpus_gets_the_verdict_the_shop_needs() {
    let cases: Vec<Case> = [
        ink_cases(),
        structure_cases(),
        hostile_cases(),
        families::ink_family(),
        families::box_family(),
        families::font_family(),
        families::structure_family(),
        families::resource_family(),
        review_pages::page_tree_family(),
        review_pages::box_and_version_family(),
        review_pages::metadata_family(),
        review_pages::prohibited_family(),
        review_pages::font_program_family(),
        review_paint::pattern_family(),
        review_paint::type3_family(),
        review_paint::line_family(),
        review_paint::colour_family(),
        review_paint::line_art_family(),
        review_paint::bleed_family(),
    ]
    .into_iter()
    .flatten()
    .collect();
    assert!(
        cases.len() >= 60,
        "only {} files in the corpus",
        cases.len()
    );
    let mut wrong = Vec::new();
    let mut caught = 0;
    let mut slowest = (Duration::ZERO, "");
    for c in &cases {
        let (checks, took) = judge(&c.bytes);
        slowest = slowest.max((took, c.defect));
        let mut failed: Vec<&str> = checks
            .iter()
            .filter(|k| !k.passed)
            .map(|k| k.name)
            .collect();
        failed.sort_unstable();
        let mut expected = c.fails.to_vec();
        expected.sort_unstable();
        let warned: Vec<&str> = checks
            .iter()
            .filter(|k| k.verdict() == "WARN")
            .map(|k| k.name)
            .collect();
        let missing_warnings: Vec<&&str> = c.warns.iter().filter(|w| !warned.contains(w)).collect();
        let lines: Vec<String> = checks
            .iter()
            .filter(|k| k.verdict() != "PASS")
            .map(Check::line)
            .collect();
        let named = lines.iter().any(|l| l.contains(c.mentions));
        if failed != expected || !missing_warnings.is_empty() || !named || took > DEADLINE {
            wrong.push(format!(
                "{}: expected fails {expected:?} warns {:?}, got fails {failed:?} warns {warned:?} in {took:?}\n    {}",
                c.defect,
                c.warns,
                lines.join("\n    ")
            ));
        } else {
            caught += 1;
        }
    }
    // Seen with `--nocapture`: the figure for the closing note.
    eprintln!(
        "{caught} of {} as expected; slowest {:?} ({})",
        cases.len(),
        slowest.0,
        slowest.1
    );
    assert!(
        wrong.is_empty(),
        "{caught} of {} as expected; wrong:\n{}",
        cases.len(),
        wrong.join("\n")
    );
}

#[test]
fn files_re_packed_or_re_distilled_by_real_tools_get_the_right_verdict() {
    let mut wrong = Vec::new();
    for t in tools::tool_cases() {
        let (checks, took) = judge(t.bytes);
        let failed: Vec<&str> = checks
            .iter()
            .filter(|k| !k.passed)
            .map(|k| k.name)
            .collect();
        let missed: Vec<&&str> = t.must_fail.iter().filter(|n| !failed.contains(n)).collect();
        let false_alarms: Vec<&&str> = t.must_pass.iter().filter(|n| failed.contains(n)).collect();
        let ready_when_broken = t.must_fail.is_empty() != failed.is_empty();
        if !missed.is_empty() || !false_alarms.is_empty() || ready_when_broken || took > DEADLINE {
            wrong.push(format!(
                "{}: missed {missed:?}, false alarms {false_alarms:?}, failed {failed:?} in {took:?}",
                t.file
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
