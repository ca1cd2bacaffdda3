//! Issue 2's acceptance: the Immunotherapie leaflet built end to end and read back from the
//! PDF — page size, footer, route, every word, embedded fonts, byte-identical rebuilds, and
//! a malformed leaflet refused with its line and field.

mod common;

use common::{leaflet, pdf_text, repo, words};
use lopdf::{Document, Object};
use std::fs;

const MM: f64 = 72.0 / 25.4;

fn build_sample(dir: &std::path::Path) -> Vec<u8> {
    let out = leaflet(
        &repo(),
        &[
            "build",
            "tests/fixtures/leaflets/immunotherapie.yaml",
            "--force",
            "-o",
            dir.to_str().unwrap(),
        ],
    );
    assert!(
        out.status.success(),
        "build failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    fs::read(dir.join("immunotherapie.pdf")).unwrap()
}

fn number(o: &Object) -> f64 {
    match o {
        Object::Integer(i) => *i as f64,
        Object::Real(r) => *r as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn every_page_is_a5() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::load_mem(&build_sample(dir.path())).unwrap();
    assert!(!doc.get_pages().is_empty());
    for (_, id) in doc.get_pages() {
        let page = doc.get_dictionary(id).unwrap();
        let b = page
            .get(b"TrimBox")
            .or_else(|_| page.get(b"MediaBox"))
            .unwrap()
            .as_array()
            .unwrap();
        let w = (number(&b[2]) - number(&b[0])) / MM;
        let h = (number(&b[3]) - number(&b[1])) / MM;
        assert!((w - 148.0).abs() < 0.1, "width {w} mm");
        assert!((h - 210.0).abs() < 0.1, "height {h} mm");
    }
}

#[test]
fn footer_on_every_page_and_route_present() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = build_sample(dir.path());
    let doc = Document::load_mem(&pdf).unwrap();
    let pages = doc.get_pages().len();
    assert!(pages >= 2, "the sample needs more than one page");
    for n in 1..=pages {
        let text = doc.extract_text(&[n as u32]).unwrap_or_default();
        let text = text.replace('\u{a0}', " ");
        assert!(
            text.contains("Laatst aangepast: 23 maart 2016"),
            "page {n}: {text}"
        );
        assert!(
            text.contains("Auteur(s): Team hematologie en hemostase"),
            "page {n}"
        );
        assert!(text.contains(&format!("{n}/{pages}")), "page {n}");
    }
    let all = pdf_text(&pdf);
    assert!(
        all.contains("Volg route 105 (oncologisch dagziekenhuis en consultaties)"),
        "{all}"
    );
}

#[test]
fn every_word_of_the_sample_is_in_the_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let pdf_words = words(&pdf_text(&build_sample(dir.path())));
    // The hospital's published text, as committed for the import tests.
    let sample = fs::read_to_string(repo().join("tests/authoring/immunotherapie.txt")).unwrap();
    for w in words(&sample) {
        assert!(pdf_words.contains(&w), "“{w}” is missing from the PDF");
    }
    // The hospital's own wording is kept, typos included.
    assert!(pdf_words.contains(&"afweerweersysteem".to_string()));
}

#[test]
fn fonts_are_embedded_and_subset() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::load_mem(&build_sample(dir.path())).unwrap();
    let mut descriptors = 0;
    for (_, o) in doc.objects.iter() {
        let Ok(d) = o.as_dict() else { continue };
        if d.get(b"Type").and_then(Object::as_name).ok() == Some(b"FontDescriptor".as_slice()) {
            descriptors += 1;
            assert!(
                d.has(b"FontFile2") || d.has(b"FontFile3"),
                "a font is not embedded"
            );
            let name = d.get(b"FontName").unwrap().as_name().unwrap();
            assert_eq!(name[6], b'+', "{}", String::from_utf8_lossy(name));
        }
    }
    assert!(descriptors >= 2, "regular and bold at least");
}

#[test]
fn metadata_has_title_author_and_language() {
    let dir = tempfile::tempdir().unwrap();
    let doc = Document::load_mem(&build_sample(dir.path())).unwrap();
    let catalog = doc.catalog().unwrap();
    assert_eq!(
        catalog.get(b"Lang").unwrap().as_str().unwrap(),
        b"nl-BE".as_slice()
    );
    let info = doc
        .get_dictionary(doc.trailer.get(b"Info").unwrap().as_reference().unwrap())
        .unwrap();
    assert!(info.has(b"Title") && info.has(b"Author"));
    assert!(!info.has(b"GTS_PDFXVersion"), "office output is not PDF/X");
}

#[test]
fn two_builds_are_byte_identical() {
    let a = tempfile::tempdir().unwrap();
    let b = tempfile::tempdir().unwrap();
    assert_eq!(build_sample(a.path()), build_sample(b.path()));
}

#[test]
fn a_malformed_leaflet_names_its_line_and_field_and_writes_no_pdf() {
    let dir = tempfile::tempdir().unwrap();
    let src =
        fs::read_to_string(repo().join("tests/fixtures/leaflets/immunotherapie.yaml")).unwrap();
    let broken = src.replace("authors:", "auteurs:");
    fs::write(dir.path().join("kapot.yaml"), broken).unwrap();
    let out = leaflet(dir.path(), &["build", "kapot.yaml", "-o", "out"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let line = src.lines().position(|l| l.starts_with("authors:")).unwrap() + 1;
    assert!(err.contains(&format!("kapot.yaml:{line}:")), "{err}");
    assert!(err.contains("auteurs"), "{err}");
    assert!(
        err.contains("authors"),
        "the hint names the right field: {err}"
    );
    assert!(!dir.path().join("out/kapot.pdf").exists());
}

#[test]
fn an_unknown_contact_key_names_the_leaflet_line_and_key() {
    let dir = tempfile::tempdir().unwrap();
    let src =
        fs::read_to_string(repo().join("tests/fixtures/leaflets/immunotherapie.yaml")).unwrap();
    let with_contact = src.replace("route: 105\n", "route: 105\ncontact: nergens\n");
    fs::create_dir_all(dir.path().join("_data")).unwrap();
    fs::write(dir.path().join("_data/routes.yaml"), "105: dagziekenhuis\n").unwrap();
    fs::write(dir.path().join("folder.yaml"), with_contact).unwrap();
    let out = leaflet(dir.path(), &["build", "folder.yaml", "-o", "out"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    let line = src.lines().position(|l| l.starts_with("route:")).unwrap() + 2;
    assert!(err.contains(&format!("folder.yaml:{line}:")), "{err}");
    assert!(
        err.contains("`nergens`") && err.contains("contacts.yaml"),
        "{err}"
    );
}
