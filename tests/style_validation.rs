//! The house style is validated like a leaflet: a generated table of hostile values for
//! every setting of `_data/style.yaml`. Each value is either refused at its line in
//! style.yaml, naming the setting (and never blaming a leaflet), or gives a PDF that loads
//! and has every glyph inside the page's text area.

mod common;
use common::glyph_outside;
use leaflet_printer::pipeline::{self, Engine};
use leaflet_printer::shared::{DATA_DIR, STYLE_FILE, SharedData};
use std::fs;
use std::path::Path;

/// Every numeric setting, with the hostile values tried on each.
const SETTINGS: &[&str] = &[
    "page_width_mm",
    "page_height_mm",
    "margin_top_mm",
    "margin_bottom_mm",
    "margin_inner_mm",
    "margin_outer_mm",
    "body_size",
    "leading",
    "title_size",
    "subtitle_size",
    "heading_size",
    "footer_size",
    "route_size",
    "paragraph_space",
    "list_indent",
    "review_years",
];

const VALUES: &[&str] = &[
    "0", "-50", ".nan", ".inf", "-.inf", "1e30", "0.5", "6", "13", "48", "1000", "abc", "[]", "~",
];

const COLOURS: &[&str] = &["text_color", "accent_color", "route_tint"];

const CHANNELS: &[&str] = &[
    "{c: 0, m: 0, y: 0, k: 2}",
    "{c: -1, m: 0, y: 0, k: 1}",
    "{c: .nan, m: 0, y: 0, k: 1}",
    "{c: 1, m: 1, y: 1, k: 1}",
    "{c: 0.6, m: 0.6, y: 0.6, k: 1}",
    "{c: 0, m: 0, y: 0}",
    "{c: 0, m: 0, y: 0, k: 1, x: 3}",
    "rood",
];

/// The table: `(setting, style.yaml text)`, each with the hostile value on line 2.
fn table() -> Vec<(String, String)> {
    let mut cases = Vec::new();
    for s in SETTINGS {
        for v in VALUES {
            cases.push((s.to_string(), format!("# huisstijl\n{s}: {v}\n")));
        }
    }
    for c in COLOURS {
        for v in CHANNELS {
            cases.push((c.to_string(), format!("# huisstijl\n{c}: {v}\n")));
        }
    }
    // Combinations that are each fine alone but together leave no text area.
    for (a, b) in [
        ("margin_inner_mm: 70", "margin_outer_mm: 70"),
        ("margin_top_mm: 90", "margin_bottom_mm: 90"),
        ("page_width_mm: 100", "body_size: 20"),
    ] {
        cases.push(("combined".into(), format!("# huisstijl\n{a}\n{b}\n")));
    }
    cases
}

#[test]
fn every_hostile_style_value_is_refused_at_its_line_or_typeset_inside_the_page() {
    let leaflet = common::repo().join("tests/fixtures/leaflets/immunotherapie.yaml");
    let source = fs::read_to_string(&leaflet).unwrap();
    let engine = Engine::new("");
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join(DATA_DIR);
    fs::create_dir_all(&data).unwrap();
    fs::write(
        data.join("routes.yaml"),
        "105: oncologisch dagziekenhuis en consultaties\n",
    )
    .unwrap();
    let style_path = data.join(STYLE_FILE);
    let (mut refused, mut built) = (0, 0);
    for (setting, text) in table() {
        fs::write(&style_path, &text).unwrap();
        match SharedData::load(Some(&data)) {
            Err(errors) => {
                refused += 1;
                for d in &errors {
                    assert_eq!(d.file, style_path, "{text}: blamed {}", d.file.display());
                    let line = d.line.unwrap_or_else(|| panic!("{text}: no line in {d:?}"));
                    assert!(
                        (2..=3).contains(&line),
                        "{text}: at line {line}: {}",
                        d.message
                    );
                    if setting != "combined"
                        && let Some(field) = &d.field
                    {
                        assert!(field.starts_with(&setting), "{text}: names {field}");
                    }
                }
            }
            Ok(shared) => {
                built += 1;
                let b = pipeline::build(
                    &engine,
                    &shared,
                    Path::new("immunotherapie.yaml"),
                    &source,
                    leaflet_printer::pdf::Target::Office,
                )
                .unwrap_or_else(|e| panic!("{text}: an accepted style failed: {e:?}"));
                if let Some(outside) = glyph_outside(&b.layout.pages, &shared) {
                    panic!("{text}: {outside}");
                }
                let doc = lopdf::Document::load_mem(&b.pdf)
                    .unwrap_or_else(|e| panic!("{text}: the PDF does not load: {e}"));
                assert_eq!(doc.get_pages().len(), b.layout.pages.len(), "{text}");
            }
        }
    }
    // The table is hostile on purpose: most of it is refused, and the values that are
    // legal (6 pt, 13 pt, 48 pt titles, valid colours) are built.
    assert!(refused > 150, "{refused} refused, {built} built");
    assert!(built > 10, "{refused} refused, {built} built");
}

#[test]
fn a_bad_style_blames_style_yaml_not_the_leaflets() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("leaflets");
    fs::create_dir_all(lib.join(DATA_DIR)).unwrap();
    fs::copy(
        common::repo().join("tests/fixtures/leaflets/immunotherapie.yaml"),
        lib.join("immunotherapie.yaml"),
    )
    .unwrap();
    fs::write(
        lib.join(DATA_DIR).join("routes.yaml"),
        "105: oncologisch dagziekenhuis\n",
    )
    .unwrap();
    fs::write(
        lib.join(DATA_DIR).join(STYLE_FILE),
        "body_size: 11\nfooter_size: 0\n",
    )
    .unwrap();
    let out = common::leaflet(dir.path(), &["build", "leaflets", "-o", "out"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("leaflets/_data/style.yaml:2:1"),
        "not located: {stderr}"
    );
    assert!(stderr.contains("footer_size"), "{stderr}");
    assert!(
        !stderr.contains("immunotherapie.yaml:"),
        "a leaflet was blamed: {stderr}"
    );
    assert!(!dir.path().join("out/immunotherapie.pdf").exists());
}
