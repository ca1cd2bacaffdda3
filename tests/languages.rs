//! Issue 14, parts 3–5: the QR code to the online version, document code and version, and
//! leaflets in French and English. Each test reads its feature back from what was made: the
//! QR code scanned from a rendered page, the footer and metadata from the PDF, the French
//! spacing and hyphenation from the PDF's text and the laid-out lines.
//!
//! Needs `pdftoppm` (poppler-utils) for the QR scan.

mod common;

use common::{leaflet, pdf_text, repo};
use leaflet_printer::lang::Lang;
use leaflet_printer::pdf::Target;
use leaflet_printer::pipeline::{self, Built, Engine};
use leaflet_printer::shared::SharedData;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    repo().join("tests/languages").join(name)
}

fn build(name: &str) -> Built {
    let path = fixture(name);
    let source = fs::read_to_string(&path).unwrap();
    let engine = Engine::new("");
    let shared = SharedData::default();
    match pipeline::build(&engine, &shared, &path, &source, Target::Office) {
        Ok(b) => b,
        Err(e) => panic!("{name} does not build: {e:?}"),
    }
}

/// Renders page `page` (1-based) at 300 dpi in grey and reads the PGM back.
fn render_grey(pdf: &[u8], page: usize) -> (usize, usize, Vec<u8>) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.pdf");
    fs::write(&file, pdf).unwrap();
    let n = page.to_string();
    let status = Command::new("pdftoppm")
        .args(["-r", "300", "-gray", "-f", &n, "-l", &n, "-singlefile"])
        .arg(&file)
        .arg(dir.path().join("page"))
        .status()
        .expect("pdftoppm (poppler-utils) is installed");
    assert!(status.success());
    let pgm = fs::read(dir.path().join("page.pgm")).unwrap();
    // P5, width, height, maxval, each after white space; then one byte a pixel.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !pgm[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&pgm[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    let pixels = pgm[at + 1..].to_vec();
    assert_eq!(pixels.len(), w * h);
    (w, h, pixels)
}

#[test]
fn the_qr_code_scans_to_the_online_address() {
    let built = build("controlled.yaml");
    let last = built.layout.pages.len();
    let (w, h, pixels) = render_grey(&built.pdf, last);
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(w, h, |x, y| pixels[y * w + x]);
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code on the last page");
    let (meta, content) = grids[0].decode().expect("the code decodes");
    assert_eq!(content, "https://www.azdelta.be/folders/ger-007");
    assert_eq!(meta.ecc_level, 0, "ECC level M (rqrr numbers M as 0)");
    // The short address is printed beside it, and the code is vector paths, not an image.
    let text = pdf_text(&built.pdf);
    assert!(
        text.contains("Deze folder online: azdelta.be/folders/ger-007"),
        "{text}"
    );
    assert!(!String::from_utf8_lossy(&built.pdf).contains("/Subtype /Image"));
}

#[test]
fn the_footer_and_the_metadata_carry_code_and_version() {
    let built = build("controlled.yaml");
    let text = pdf_text(&built.pdf);
    assert!(
        text.contains("Laatst aangepast: 10 mei 2022  ·  GER-007 versie 4"),
        "{text}"
    );
    let doc = lopdf::Document::load_mem(&built.pdf).unwrap();
    let info = doc
        .trailer
        .get(b"Info")
        .and_then(|r| doc.dereference(r))
        .unwrap()
        .1
        .as_dict()
        .unwrap()
        .clone();
    let code = info.get(b"DocumentCode").unwrap().as_str().unwrap();
    // UTF-16BE with its byte-order mark.
    let code: Vec<u16> = code[2..]
        .chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c[1]]))
        .collect();
    assert_eq!(String::from_utf16(&code).unwrap(), "GER-007");
    assert_eq!(info.get(b"DocumentVersion").unwrap().as_i64().unwrap(), 4);
    let xmp = String::from_utf8_lossy(&built.pdf);
    assert!(xmp.contains("<dc:identifier>GER-007</dc:identifier>"));
    assert!(xmp.contains("<leaflet:version>4</leaflet:version>"));
}

#[test]
fn french_is_spaced_quoted_and_labelled_as_a_french_typesetter_would() {
    let built = build("french.yaml");
    // What was typeset: a narrow no-break space before ? ! and inside « », a no-break space
    // before the colon, whether the author typed a space or not; never two.
    let typeset: Vec<String> = built
        .document
        .blocks
        .iter()
        .map(|b| b.runs.iter().map(|r| r.text.as_str()).collect())
        .collect();
    let typeset = typeset.join("\n");
    for expected in [
        "Pourquoi une immunothérapie\u{202f}?",
        "Attention\u{a0}: le système immunitaire «\u{202f}se souvient\u{202f}» des antigènes.",
        "Des questions\u{202f}? Posez-les\u{202f}!",
        "Contact\u{a0}: Hôpital de jour, tél. 03\u{a0}821\u{a0}30\u{a0}00",
        "Suivez la route\u{a0}105 (hôpital de jour oncologique)",
        // A French date is kept on one line like a Dutch one; a time keeps its colon tight.
        "Rendez-vous le 23\u{a0}mars\u{a0}2016 à 14:30.",
    ] {
        assert!(typeset.contains(expected), "{expected:?} in {typeset:?}");
    }
    // The PDF: the spaces are there (copied as spaces), the quotes are guillemets.
    let raw = pdf_extract::extract_text_from_mem(&built.pdf).unwrap();
    let flat = raw.replace(['\u{a0}', '\u{202f}'], " ");
    for expected in [
        "Pourquoi une immunothérapie ?",
        "Attention : le système immunitaire « se souvient » des antigènes.",
        "Des questions ? Posez-les !",
        "Page 1/1",
    ] {
        assert!(flat.contains(expected), "{expected:?} in {raw:?}");
    }
    assert!(!raw.contains('"'));
    assert_eq!(
        built.document.footer,
        [
            "Dernière mise à jour\u{a0}: 1er août 2016",
            "Auteur(s)\u{a0}: Équipe d'hématologie"
        ]
    );
    let doc = lopdf::Document::load_mem(&built.pdf).unwrap();
    let lang = doc
        .catalog()
        .unwrap()
        .get(b"Lang")
        .unwrap()
        .as_str()
        .unwrap();
    assert_eq!(lang, b"fr-BE");
}

#[test]
fn french_words_break_where_the_french_patterns_allow() {
    let built = build("french.yaml");
    let engine = Engine::new("");
    let fr = engine.hyphenator(Lang::Fr);
    let nl = engine.hyphenator(Lang::Nl);
    let lines = &built.layout.lines;
    let mut broken = Vec::new();
    for (line, next) in lines.iter().zip(lines.iter().skip(1)) {
        if !line.hyphenated {
            continue;
        }
        let head = line.text.split_whitespace().last().unwrap();
        let head = head.trim_end_matches(['-', '\u{2010}']);
        let tail = next.text.split_whitespace().next().unwrap();
        let word: String = format!("{head}{tail}")
            .chars()
            .filter(|c| c.is_alphabetic())
            .collect();
        let at = head.len();
        assert!(
            fr.breaks(&word).iter().any(|b| b.at == at),
            "“{word}” broken after “{head}”, which French patterns do not allow ({})",
            fr.marked(&word)
        );
        broken.push(word);
    }
    assert!(!broken.is_empty(), "the narrow measure hyphenates");
    // The same words by the Dutch patterns split differently: these are French breaks.
    assert_eq!(fr.marked("lymphocytes"), "lym-pho-cytes");
    assert_eq!(nl.marked("lymphocytes"), "lymp-ho-cy-tes");
}

#[test]
fn archive_names_carry_code_version_and_date_and_refuse_a_clash() {
    let dir = tempfile::tempdir().unwrap();
    let src = fs::read_to_string(fixture("controlled.yaml")).unwrap();
    fs::write(dir.path().join("valpreventie.yaml"), &src).unwrap();
    let out = leaflet(dir.path(), &["build", ".", "-o", "out", "--archive-names"]);
    assert!(out.status.success(), "{out:?}");
    assert!(dir.path().join("out/GER-007_v4_2022-05-10.pdf").is_file());
    assert!(!dir.path().join("out/valpreventie.pdf").exists());
    let index = fs::read_to_string(dir.path().join("out/index.csv")).unwrap();
    assert!(
        index.contains("GER-007_v4_2022-05-10.pdf;./valpreventie.yaml"),
        "{index}"
    );
    assert!(index.contains(";GER-007;4;nl-BE"), "{index}");

    // A second leaflet under the same code, version and date: neither is built.
    fs::write(dir.path().join("kopie.yaml"), &src).unwrap();
    let out = leaflet(dir.path(), &["build", ".", "-o", "out2", "--archive-names"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("also makes GER-007_v4_2022-05-10.pdf; neither was built"),
        "{stderr}"
    );
}

#[test]
fn check_warns_when_the_text_changed_but_the_version_did_not() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("valpreventie.yaml");
    let src = fs::read_to_string(fixture("controlled.yaml")).unwrap();
    fs::write(&file, &src).unwrap();
    let built = leaflet(dir.path(), &["build", "valpreventie.yaml", "-o", "out"]);
    assert!(built.status.success(), "{built:?}");
    let warning = "valpreventie.yaml:6:1: warning: field `version`: the text changed since the last build, but the version is still 4";
    let check = |dir: &Path| {
        let out = leaflet(dir, &["check", "valpreventie.yaml", "-o", "out"]);
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
    };
    assert!(!check(dir.path()).contains(warning));
    fs::write(
        &file,
        src.replace("iedereen overkomen", "iedereen gebeuren"),
    )
    .unwrap();
    let report = check(dir.path());
    assert!(report.contains(warning), "{report}");
    assert!(report.contains("raise it to `version: 5`"), "{report}");
    // Raised: no warning.
    fs::write(
        &file,
        src.replace("iedereen overkomen", "iedereen gebeuren")
            .replace("version: 4", "version: 5"),
    )
    .unwrap();
    assert!(!check(dir.path()).contains("the text changed"));
}

#[test]
fn a_bad_online_address_is_refused_at_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let src = fs::read_to_string(fixture("controlled.yaml")).unwrap();
    fs::write(
        dir.path().join("x.yaml"),
        src.replace("https://www.azdelta.be", "http://www.azdelta.be"),
    )
    .unwrap();
    let out = leaflet(dir.path(), &["build", "x.yaml", "-o", "out"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("x.yaml:7:1: error: field `online`: the address `http://www.azdelta.be/folders/ger-007` is not secure (http); the QR code takes only https:// addresses"),
        "{stderr}"
    );
}

#[test]
fn shared_entries_print_in_the_leaflets_language_or_fall_back_with_a_warning() {
    let lib = fixture("lib");
    let out = tempfile::tempdir().unwrap();
    let run = leaflet(
        &lib,
        &["build", "traduit.yaml", "-o", out.path().to_str().unwrap()],
    );
    assert!(run.status.success(), "{run:?}");
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(
        stderr.contains("traduit.yaml:6:1: warning: field `contact`: the shared contact `oncologie` has no French text, so the Dutch one is printed"),
        "{stderr}"
    );
    assert!(stderr.contains("add `oncologie` to _data/contacts.fr.yaml"));
    assert!(!stderr.contains("shared route"), "{stderr}");
    let text = pdf_text(&fs::read(out.path().join("traduit.pdf")).unwrap());
    assert!(
        text.contains("Suivez la route 105 (hôpital de jour oncologique)"),
        "{text}"
    );
    assert!(
        text.contains("Contact : Oncologisch dagziekenhuis, tél. 03"),
        "{text}"
    );
}

#[test]
fn english_gets_its_labels_quotes_and_tag() {
    let built = build("english.yaml");
    let text = pdf_text(&built.pdf);
    for expected in [
        "Why immunotherapy?",
        "Your immune system “remembers” the antigens: it can attack",
        "Follow route 105 (oncology day hospital)",
        "Last updated 23 March 2016",
        "Authors: Haematology team",
        "Page 1 of 1",
    ] {
        assert!(text.contains(expected), "{expected:?} in {text:?}");
    }
    let doc = lopdf::Document::load_mem(&built.pdf).unwrap();
    let lang = doc
        .catalog()
        .unwrap()
        .get(b"Lang")
        .unwrap()
        .as_str()
        .unwrap();
    assert_eq!(lang, b"en-GB");
}

#[test]
fn the_notes_page_is_headed_in_the_leaflets_language() {
    let built = build("french.yaml");
    let engine = Engine::new("");
    let style = leaflet_printer::style::HouseStyle::default();
    let typesetter = leaflet_printer::layout::Typesetter {
        fonts: &engine.fonts,
        hyphenator: engine.hyphenator(Lang::Fr),
        style: &style,
    };
    let page = typesetter.notes_page(&built.document.footer, built.document.lang);
    let texts: Vec<String> = page.runs().map(|r| r.text()).collect();
    assert_eq!(texts[0], "Mes questions");
    assert!(
        texts
            .iter()
            .any(|t| t.contains("Dernière mise à jour\u{a0}: 1er août 2016")),
        "{texts:?}"
    );
}

/// The short address printed beside the QR code ("azdelta.be/folders/ger-007") is a link to
/// the online version as written, `https://www.` and all, not to what the short form spells.
#[test]
fn the_printed_online_address_links_to_the_address_as_written() {
    let built = build("controlled.yaml");
    let doc = lopdf::Document::load_mem(&built.pdf).unwrap();
    let uris: Vec<String> = doc
        .objects
        .values()
        .filter_map(|o| o.as_dict().ok())
        .filter_map(|d| {
            d.get(b"A")
                .ok()?
                .as_dict()
                .ok()?
                .get(b"URI")
                .ok()?
                .as_str()
                .ok()
        })
        .map(|u| String::from_utf8_lossy(u).into_owned())
        .collect();
    assert!(
        uris.contains(&"https://www.azdelta.be/folders/ger-007".to_string()),
        "{uris:?}"
    );
    assert!(
        !uris
            .iter()
            .any(|u| u == "https://azdelta.be/folders/ger-007"),
        "{uris:?}"
    );
}
