//! Figures and the hospital's identity, read back from the PDF: image XObjects with their
//! filter, colour space, size and effective resolution; one XObject for a picture placed
//! twice; SVG as a vector form; refusals at the figure's line; print output through our
//! preflight; and the manifest rebuilding exactly the leaflets a picture or logo reaches.
//!
//! Fixtures: `tests/figures/lib`, a small library with `_data` (routes, hospital, logo).

mod common;

use common::{counts, leaflet, repo, stderr};
use leaflet_printer::pdf::Target;
use leaflet_printer::pipeline::{self, Engine};
use leaflet_printer::shared::{SharedData, find_data_dir};
use lopdf::{Document, Object, content::Content};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn fixtures() -> PathBuf {
    repo().join("tests/figures/lib")
}

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(""))
}

fn shared_for(dir: &Path) -> SharedData {
    SharedData::load(find_data_dir(dir).as_deref()).expect("the fixture library loads")
}

fn build(
    file: &Path,
    target: Target,
) -> Result<pipeline::Built, Vec<leaflet_printer::diagnostic::Diagnostic>> {
    let source = std::fs::read_to_string(file).unwrap();
    let shared = shared_for(file.parent().unwrap());
    pipeline::build(engine(), &shared, file, &source, target)
}

/// An image XObject as `pdfimages -list` shows it, with where it is drawn.
#[derive(Debug, Clone, PartialEq)]
struct Placed {
    name: String,
    filter: String,
    space: String,
    width: i64,
    height: i64,
    smask: bool,
    /// Pixels per inch across, as printed.
    ppi: f32,
}

fn name_of(o: &Object) -> String {
    o.as_name()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default()
}

/// A page's `/XObject` resources, following references.
fn page_xobjects(doc: &Document, page: lopdf::ObjectId) -> lopdf::Dictionary {
    let page = doc.get_dictionary(page).unwrap();
    let (_, resources) = doc.dereference(page.get(b"Resources").unwrap()).unwrap();
    let (_, x) = doc
        .dereference(resources.as_dict().unwrap().get(b"XObject").unwrap())
        .unwrap();
    x.as_dict().unwrap().clone()
}

/// A page's text lines: its runs grouped by baseline, words joined by a space.
fn lines(page: &leaflet_printer::layout::Page) -> Vec<(f32, String)> {
    let mut out: Vec<(f32, String)> = Vec::new();
    for r in page.runs() {
        match out.iter_mut().find(|(y, _)| (*y - r.y).abs() < 0.01) {
            Some((_, t)) => {
                t.push(' ');
                t.push_str(r.text().trim());
            }
            None => out.push((r.y, r.text().trim().to_string())),
        }
    }
    out
}

/// Every image drawn on every page, read from the content streams' `cm … Do`.
fn images(pdf: &[u8]) -> Vec<(usize, Placed)> {
    let doc = Document::load_mem(pdf).unwrap();
    let mut out = Vec::new();
    for (n, page) in doc.get_pages() {
        let content = Content::decode(&doc.get_page_content(page)).unwrap();
        let xobjects = page_xobjects(&doc, page);
        // The current transformation matrix, through `q`/`Q` and every `cm`.
        let mut cm = [1.0f32, 0.0, 0.0, 1.0, 0.0, 0.0];
        let mut saved = Vec::new();
        for op in content.operations {
            match op.operator.as_str() {
                "q" => saved.push(cm),
                "Q" => cm = saved.pop().unwrap(),
                "cm" => {
                    let m: Vec<f32> = op.operands.iter().map(|v| v.as_float().unwrap()).collect();
                    cm = [
                        m[0] * cm[0] + m[1] * cm[2],
                        m[0] * cm[1] + m[1] * cm[3],
                        m[2] * cm[0] + m[3] * cm[2],
                        m[2] * cm[1] + m[3] * cm[3],
                        m[4] * cm[0] + m[5] * cm[2] + cm[4],
                        m[4] * cm[1] + m[5] * cm[3] + cm[5],
                    ];
                }
                "Do" => {
                    let name = name_of(&op.operands[0]);
                    let id = xobjects
                        .get(name.as_bytes())
                        .unwrap()
                        .as_reference()
                        .unwrap();
                    let s = doc.get_object(id).unwrap().as_stream().unwrap();
                    if name_of(s.dict.get(b"Subtype").unwrap()) != "Image" {
                        continue;
                    }
                    let space = match s.dict.get(b"ColorSpace").unwrap() {
                        Object::Array(a) => {
                            let n = doc
                                .get_object(a[1].as_reference().unwrap())
                                .unwrap()
                                .as_stream()
                                .unwrap()
                                .dict
                                .get(b"N")
                                .unwrap()
                                .as_i64()
                                .unwrap();
                            format!("{} N{n}", name_of(&a[0]))
                        }
                        o => name_of(o),
                    };
                    let width = s.dict.get(b"Width").unwrap().as_i64().unwrap();
                    out.push((
                        n as usize,
                        Placed {
                            name,
                            filter: name_of(s.dict.get(b"Filter").unwrap()),
                            space,
                            width,
                            height: s.dict.get(b"Height").unwrap().as_i64().unwrap(),
                            smask: s.dict.has(b"SMask"),
                            ppi: (width as f32 / ((cm[0] * cm[0] + cm[1] * cm[1]).sqrt() / 72.0))
                                .round(),
                        },
                    ));
                }
                _ => {}
            }
        }
    }
    out
}

#[test]
fn images_are_embedded_with_their_filter_colour_space_size_and_resolution() {
    let built = build(&fixtures().join("figuren.yaml"), Target::Office).unwrap();
    let placed = images(&built.pdf);
    let seen: Vec<(String, String, i64, i64, bool, f32)> = placed
        .iter()
        .map(|(_, p)| {
            (
                p.filter.clone(),
                p.space.clone(),
                p.width,
                p.height,
                p.smask,
                p.ppi,
            )
        })
        .collect();
    // 116 mm of measure: 40 % is 46.4 mm, so 600 pixels are 328 ppi; 20 % of it for 300
    // pixels too; 15 % for 240 pixels 350 ppi.
    assert_eq!(
        seen,
        vec![
            (
                "DCTDecode".into(),
                "ICCBased N3".into(),
                600,
                400,
                false,
                328.0
            ),
            (
                "DCTDecode".into(),
                "DeviceCMYK".into(),
                600,
                400,
                false,
                328.0
            ),
            (
                "DCTDecode".into(),
                "DeviceGray".into(),
                300,
                200,
                false,
                328.0
            ),
            (
                "FlateDecode".into(),
                "ICCBased N3".into(),
                240,
                120,
                true,
                350.0
            ),
            (
                "DCTDecode".into(),
                "ICCBased N3".into(),
                600,
                400,
                false,
                328.0
            ),
        ]
    );
    // The JPEG's own bytes, not re-compressed; the CMYK one decoded inverted (Adobe).
    let doc = Document::load_mem(&built.pdf).unwrap();
    let jpeg = std::fs::read(fixtures().join("figuren/foto.jpg")).unwrap();
    let streams: Vec<&lopdf::Stream> = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"Subtype").ok().map(name_of).as_deref() == Some("Image"))
        .collect();
    assert!(streams.iter().any(|s| s.content == jpeg));
    let cmyk = streams
        .iter()
        .find(|s| s.dict.get(b"ColorSpace").ok().map(name_of).as_deref() == Some("DeviceCMYK"))
        .unwrap();
    let decode: Vec<i64> = cmyk
        .dict
        .get(b"Decode")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect();
    assert_eq!(decode, vec![1, 0, 1, 0, 1, 0, 1, 0]);
    // The alpha channel became a soft mask of the same size, in grey.
    let png = streams.iter().find(|s| s.dict.has(b"SMask")).unwrap();
    let mask = doc
        .get_object(png.dict.get(b"SMask").unwrap().as_reference().unwrap())
        .unwrap()
        .as_stream()
        .unwrap();
    assert_eq!(name_of(mask.dict.get(b"ColorSpace").unwrap()), "DeviceGray");
    assert_eq!(mask.dict.get(b"Width").unwrap().as_i64().unwrap(), 240);
    // The sRGB profile is one object, shared by every RGB image.
    let profiles = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.dict.get(b"N").and_then(Object::as_i64).ok() == Some(3))
        .count();
    assert_eq!(
        profiles, 1,
        "one sRGB profile for the photos and the SVG forms"
    );
}

#[test]
fn a_picture_placed_twice_is_embedded_once() {
    let built = build(&fixtures().join("figuren.yaml"), Target::Office).unwrap();
    let placed = images(&built.pdf);
    let photo: Vec<&(usize, Placed)> = placed
        .iter()
        .filter(|(_, p)| p.width == 600 && p.space == "ICCBased N3")
        .collect();
    assert_eq!(photo.len(), 2, "{placed:?}");
    assert_ne!(photo[0].0, photo[1].0, "placed on two pages");
    assert_eq!(photo[0].1.name, photo[1].1.name, "under one resource name");
    let doc = Document::load_mem(&built.pdf).unwrap();
    let jpeg = std::fs::read(fixtures().join("figuren/foto.jpg")).unwrap();
    let copies = doc
        .objects
        .values()
        .filter_map(|o| o.as_stream().ok())
        .filter(|s| s.content == jpeg)
        .count();
    assert_eq!(copies, 1);
}

#[test]
fn svg_is_drawn_as_a_vector_form_with_its_alt_text_on_the_layout_item() {
    let built = build(&fixtures().join("figuren.yaml"), Target::Office).unwrap();
    let doc = Document::load_mem(&built.pdf).unwrap();
    let xobjects = page_xobjects(&doc, doc.get_pages()[&1]);
    let forms: Vec<lopdf::Stream> = xobjects
        .iter()
        .map(|(_, r)| {
            doc.get_object(r.as_reference().unwrap())
                .unwrap()
                .as_stream()
                .unwrap()
                .clone()
        })
        .filter(|s| s.dict.get(b"Subtype").ok().map(name_of).as_deref() == Some("Form"))
        .collect();
    assert_eq!(forms.len(), 1);
    let form = &forms[0];
    let bbox: Vec<f32> = form
        .dict
        .get(b"BBox")
        .unwrap()
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_float().unwrap())
        .collect();
    assert_eq!(bbox, vec![0.0, 0.0, 400.0, 220.0]);
    let ops =
        Content::decode(&form.decompressed_content().unwrap_or(form.content.clone())).unwrap();
    let names: Vec<&str> = ops.operations.iter().map(|o| o.operator.as_str()).collect();
    // Paths: curves and fills, no picture of them.
    assert!(names.contains(&"c") && names.contains(&"f"), "{names:?}");
    assert!(
        !names.contains(&"BI") && !names.contains(&"Do"),
        "{names:?}"
    );
    // No image XObject comes from the SVG: the five images are the photos.
    assert_eq!(images(&built.pdf).len(), 5);
    // The layout item carries the alt text, for the tagged PDF.
    let alts: Vec<&str> = built.layout.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            leaflet_printer::layout::PageItem::Image(p) => Some(p.alt.as_str()),
            _ => None,
        })
        .collect();
    assert_eq!(
        alts[0],
        "Een arm met een stuwband en een naald in de elleboogplooi."
    );
}

#[test]
fn the_colophon_prints_the_hospital_under_its_logo_on_the_last_page() {
    let built = build(&fixtures().join("tekst.yaml"), Target::Office).unwrap();
    let last = built.layout.pages.last().unwrap();
    let text: Vec<String> = lines(last).into_iter().map(|(_, t)| t).collect();
    let at = text
        .iter()
        .position(|t| t == "AZ Voorbeeld")
        .expect("the name is printed");
    assert_eq!(
        text[at..at + 3],
        [
            "AZ Voorbeeld",
            "Voorbeeldstraat 1, 2000 Antwerpen",
            "tel. 03 000 00 00 · www.azvoorbeeld.be"
        ],
        "{text:?}"
    );
    let logo = last
        .items
        .iter()
        .find_map(|i| match i {
            leaflet_printer::layout::PageItem::Image(p) => Some(p.clone()),
            _ => None,
        })
        .expect("the logo is on the last page");
    assert_eq!(logo.alt, "Logo van AZ Voorbeeld");
    // 32 mm wide, above the name.
    assert!(
        (logo.width - 32.0 * 72.0 / 25.4).abs() < 0.01,
        "{}",
        logo.width
    );
    let (name_y, _) = lines(last)
        .into_iter()
        .find(|(_, t)| t == "AZ Voorbeeld")
        .unwrap();
    assert!(logo.y + logo.height < name_y);
}

/// A copy of the fixture library in a temporary folder, to add files to.
fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixtures(), dir.path());
    dir
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap().flatten() {
        let t = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &t);
        } else {
            std::fs::copy(e.path(), &t).unwrap();
        }
    }
}

/// A leaflet placing `file` with `alt`, written into `dir`; its `file:` key is on line 9.
fn one_figure(dir: &Path, file: &str, extra: &str) -> PathBuf {
    let path = dir.join("een.yaml");
    std::fs::write(
        &path,
        format!(
            "title: Een figuur\nrevised: 2025-06-01\nauthors: Team test\nroute: 105\nsections:\n  - heading: Kop\n    body: Tekst.\n    figures:\n      - file: {file}\n{extra}"
        ),
    )
    .unwrap();
    path
}

type Found = (String, Option<usize>, Option<usize>, Option<String>);

fn errors_of(path: &Path, target: Target) -> Vec<Found> {
    match build(path, target) {
        Ok(_) => panic!(
            "{} was built: {}",
            path.display(),
            std::fs::read_to_string(path).unwrap()
        ),
        Err(errors) => errors
            .into_iter()
            .map(|d| (d.message, d.line, d.column, d.field))
            .collect(),
    }
}

#[test]
fn a_figure_without_alt_text_is_refused_at_its_entry() {
    let dir = scratch();
    let path = one_figure(dir.path(), "figuren/arm.svg", "        width: 50 %\n");
    assert_eq!(
        errors_of(&path, Target::Office),
        vec![(
            "the figure `figuren/arm.svg` has no alt text".to_string(),
            Some(9),
            Some(9),
            Some("sections[0].figures[0].alt".to_string())
        )]
    );
    // An empty alt is no alt either, placed at its own key.
    let path = one_figure(dir.path(), "figuren/arm.svg", "        alt: \"  \"\n");
    assert_eq!(
        errors_of(&path, Target::Office),
        vec![(
            "the figure `figuren/arm.svg` has no alt text".to_string(),
            Some(10),
            Some(9),
            Some("sections[0].figures[0].alt".to_string())
        )]
    );
}

#[test]
fn hostile_and_broken_picture_files_end_in_a_located_refusal() {
    let dir = scratch();
    let figs = dir.path().join("figuren");
    let jpeg = std::fs::read(figs.join("foto.jpg")).unwrap();
    let png = std::fs::read(figs.join("stip.png")).unwrap();
    std::fs::write(figs.join("leeg.png"), b"").unwrap();
    std::fs::write(figs.join("kort.jpg"), &jpeg[..300]).unwrap();
    std::fs::write(figs.join("kort.png"), &png[..png.len() / 2]).unwrap();
    std::fs::write(figs.join("foto.png"), &jpeg).unwrap();
    std::fs::write(figs.join("tekst.png"), b"dit is geen afbeelding\n").unwrap();
    // A PNG header claiming 100,000 x 100,000 pixels (a decompression bomb's shape).
    let mut bomb = png.clone();
    bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let crc = crc32(&bomb[12..29]);
    bomb[29..33].copy_from_slice(&crc.to_be_bytes());
    std::fs::write(figs.join("bom.png"), &bomb).unwrap();
    // A JPEG frame header claiming 65,535 x 65,535 pixels.
    let mut huge = jpeg.clone();
    let sof = huge.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    huge[sof + 5..sof + 9].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    std::fs::write(figs.join("groot.jpg"), &huge).unwrap();
    // SVG: entity expansion, a canvas of a kilometre, no drawing, broken XML.
    std::fs::write(
        figs.join("lach.svg"),
        "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&g;</text></svg>",
    )
    .unwrap();
    std::fs::write(
        figs.join("reus.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000000\" height=\"10\"><rect width=\"5\" height=\"5\"/></svg>",
    )
    .unwrap();
    std::fs::write(
        figs.join("niets.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>",
    )
    .unwrap();
    std::fs::write(
        figs.join("stuk.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"><rect",
    )
    .unwrap();
    // A picture outside the library, by `..` and by a symbolic link.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("buiten.jpg"), &jpeg).unwrap();
    let up = format!(
        "../{}/buiten.jpg",
        outside.path().file_name().unwrap().to_str().unwrap()
    );
    std::fs::copy(
        figs.join("foto.jpg"),
        dir.path().parent().unwrap().join("naast.jpg"),
    )
    .ok();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path().join("buiten.jpg"), figs.join("link.jpg")).unwrap();

    let cases: Vec<(&str, &str)> = vec![
        (
            "figuren/leeg.png",
            "the figure `figuren/leeg.png`: the picture file is empty (0 bytes)",
        ),
        (
            "figuren/kort.jpg",
            "the figure `figuren/kort.jpg`: the JPEG file is cut short or damaged",
        ),
        (
            "figuren/kort.png",
            "the figure `figuren/kort.png`: the PNG file cannot be read: it is cut short",
        ),
        (
            "figuren/foto.png",
            "the figure `figuren/foto.png`: the file holds a JPEG picture but its name ends in `.png`",
        ),
        (
            "figuren/tekst.png",
            "the figure `figuren/tekst.png`: this file is not a PNG, JPEG or SVG picture",
        ),
        (
            "figuren/bom.png",
            "the figure `figuren/bom.png`: the picture is 100000 × 100000 pixels; at most 40 million pixels are placed",
        ),
        (
            "figuren/groot.jpg",
            "the figure `figuren/groot.jpg`: the picture is 65535 × 65535 pixels; at most 40 million pixels are placed",
        ),
        (
            "figuren/reus.svg",
            "the figure `figuren/reus.svg`: the SVG's canvas is 1000000 × 10 pixels; at most 100000 across",
        ),
        (
            "figuren/niets.svg",
            "the figure `figuren/niets.svg`: the SVG file draws nothing",
        ),
        (
            "figuren/weg.png",
            "there is no picture `figuren/weg.png` next to the leaflet",
        ),
        (
            "/etc/hosts",
            "`/etc/hosts` is an absolute path; a figure is named relative to the leaflet",
        ),
    ];
    for (file, message) in cases {
        let path = one_figure(dir.path(), file, "        alt: Iets.\n");
        let found = errors_of(&path, Target::Office);
        assert_eq!(found.len(), 1, "{file}: {found:?}");
        assert_eq!(found[0].0, message, "{file}");
        assert_eq!((found[0].1, found[0].2), (Some(9), Some(9)), "{file}");
        assert_eq!(
            found[0].3.as_deref(),
            Some("sections[0].figures[0].file"),
            "{file}"
        );
    }
    let started = std::time::Instant::now();
    for file in ["figuren/lach.svg", "figuren/stuk.svg"] {
        let path = one_figure(dir.path(), file, "        alt: Iets.\n");
        let found = errors_of(&path, Target::Office);
        assert_eq!(found.len(), 1, "{file}: {found:?}");
        assert!(
            found[0]
                .0
                .starts_with(&format!("the figure `{file}`: the SVG file cannot be read")),
            "{found:?}"
        );
        assert_eq!(found[0].1, Some(9));
    }
    assert!(
        started.elapsed().as_secs() < 5,
        "an SVG bomb took {:?}",
        started.elapsed()
    );
    let library = std::fs::canonicalize(dir.path()).unwrap();
    for file in [up.as_str(), "figuren/link.jpg"] {
        let path = one_figure(dir.path(), file, "        alt: Iets.\n");
        let found = errors_of(&path, Target::Office);
        assert_eq!(
            found[0].0,
            format!(
                "`{file}` lies outside the leaflet library ({})",
                library.display()
            ),
        );
        assert_eq!(found[0].1, Some(9));
    }
}

/// CRC-32 of a PNG chunk (type and data), so a doctored header still reads as intact.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xFFFF_FFFFu32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[test]
fn resolution_is_judged_at_the_placed_size() {
    let dir = scratch();
    // 100 pixels over 50 % of 116 mm: 44 ppi.
    let path = one_figure(
        dir.path(),
        "figuren/klein.jpg",
        "        alt: Iets.\n        width: 50 %\n",
    );
    assert_eq!(
        errors_of(&path, Target::Print { marks: false }),
        vec![(
            "the figure prints at 44 ppi at its size (58 mm wide); print needs 300".to_string(),
            Some(9),
            Some(9),
            Some("sections[0].figures[0].width".to_string())
        )]
    );
    // The office printer gets it, with a warning at the same place.
    let built = build(&path, Target::Office).unwrap();
    let w = built
        .warnings
        .iter()
        .find(|d| d.message.contains("ppi"))
        .unwrap();
    assert_eq!((w.line, w.column), (Some(9), Some(9)));
    // 600 pixels over 70 %: 188 ppi, a warning for print.
    let path = one_figure(
        dir.path(),
        "figuren/foto.jpg",
        "        alt: Iets.\n        width: 70 %\n",
    );
    let built = build(&path, Target::Print { marks: false }).unwrap();
    let w: Vec<&str> = built
        .warnings
        .iter()
        .map(|d| d.message.as_str())
        .filter(|m| m.contains("ppi"))
        .collect();
    assert_eq!(
        w,
        vec!["the figure prints at 188 ppi at its size (81 mm wide); print needs 300"]
    );
}

#[test]
fn a_figure_too_tall_for_the_page_is_scaled_down_with_a_warning() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("figuren/hoog.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"400\"><rect width=\"100\" height=\"400\" fill=\"#0a5ca8\"/></svg>",
    )
    .unwrap();
    let path = one_figure(
        dir.path(),
        "figuren/hoog.svg",
        "        alt: Een hoge balk.\n        caption: Een hoge balk.\n",
    );
    let built = build(&path, Target::Office).unwrap();
    let w: Vec<_> = built
        .warnings
        .iter()
        .filter(|d| d.message.starts_with("the figure is too tall"))
        .map(|d| (d.line, d.field.clone()))
        .collect();
    assert_eq!(
        w,
        vec![(Some(9), Some("sections[0].figures[0].width".to_string()))]
    );
    // On its page, with its caption, inside the text area.
    let (p, image) = built
        .layout
        .pages
        .iter()
        .enumerate()
        .find_map(|(n, page)| {
            page.items.iter().find_map(|i| match i {
                leaflet_printer::layout::PageItem::Image(im)
                    if im.block > 0 && im.alt == "Een hoge balk." =>
                {
                    Some((n, im.clone()))
                }
                _ => None,
            })
        })
        .unwrap();
    assert!(
        (image.height / image.width - 4.0).abs() < 0.01,
        "the shape is kept"
    );
    let page = lines(&built.layout.pages[p]);
    let (caption, _) = page
        .iter()
        .find(|(_, t)| t == "Een hoge balk.")
        .expect("the caption shares the figure's page");
    let (footer, _) = page.iter().find(|(_, t)| t.starts_with("Laatst")).unwrap();
    assert!(image.y + image.height < *caption && caption < footer);
}

#[test]
fn print_output_with_figures_passes_our_preflight() {
    let built = build(
        &fixtures().join("figuren.yaml"),
        Target::Print { marks: false },
    )
    .unwrap();
    let checks = leaflet_printer::preflight::check_bytes(&built.pdf);
    let failed: Vec<String> = checks
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.line())
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    let images = checks.iter().find(|c| c.name == "images").unwrap();
    // The RGB photos are ICC-based: named for the shop, not failed.
    assert!(
        images
            .warnings
            .iter()
            .any(|w| w.contains("is RGB with an ICC profile; the RIP converts it to CMYK")),
        "{images:?}"
    );
}

#[test]
fn device_rgb_images_still_fail_the_preflight() {
    // The office PDF of the same leaflet, its ICC-based space rewritten to DeviceRGB.
    let built = build(
        &fixtures().join("figuren.yaml"),
        Target::Print { marks: false },
    )
    .unwrap();
    let mut doc = Document::load_mem(&built.pdf).unwrap();
    for o in doc.objects.values_mut() {
        if let Object::Stream(s) = o
            && s.dict.get(b"Subtype").ok().map(name_of).as_deref() == Some("Image")
            && matches!(s.dict.get(b"ColorSpace"), Ok(Object::Array(_)))
        {
            s.dict
                .set("ColorSpace", Object::Name(b"DeviceRGB".to_vec()));
        }
    }
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    let checks = leaflet_printer::preflight::check_bytes(&bytes);
    let images = checks.iter().find(|c| c.name == "images").unwrap();
    assert!(!images.passed);
    assert!(
        images.detail.contains("is RGB; the shop prints CMYK"),
        "{}",
        images.detail
    );
}

fn manifest_uses(out: &Path) -> BTreeMap<String, Vec<String>> {
    let v: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join(".leaflet-manifest.json")).unwrap())
            .unwrap();
    v["leaflets"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, e)| {
            (
                k.clone(),
                e["uses"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|u| u.as_str().unwrap().to_string())
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn editing_the_logo_rebuilds_every_leaflet_and_a_figure_only_its_own() {
    let dir = scratch();
    let out = dir.path().join("uit");
    let lib = dir.path().to_str().unwrap().to_string();
    let args = ["build", lib.as_str(), "-o", out.to_str().unwrap()];
    let run = || leaflet(dir.path(), &args);
    let first = run();
    assert_eq!(counts(&first), (2, 0, 0), "{}", stderr(&first));
    assert_eq!(counts(&run()), (0, 2, 0));
    let uses = manifest_uses(&out);
    let foto = std::fs::canonicalize(dir.path().join("figuren/foto.jpg")).unwrap();
    assert!(
        uses["figuren.pdf"].contains(&format!("figure:{}", foto.display())),
        "{uses:?}"
    );
    assert!(!uses["tekst.pdf"].iter().any(|u| u.starts_with("figure:")));

    // A figure: only the leaflet that places it.
    let mut bytes = std::fs::read(&foto).unwrap();
    bytes.extend_from_slice(b"\xFF\xFE\x00\x04hi");
    std::fs::write(&foto, &bytes).unwrap();
    let after_figure = run();
    assert_eq!(
        counts(&after_figure),
        (1, 1, 0),
        "{}",
        common::stdout(&after_figure)
    );
    assert!(
        stderr(&after_figure).contains("built figuren.pdf"),
        "{}",
        stderr(&after_figure)
    );

    // The logo: every leaflet.
    let logo = dir.path().join("_data/logo.svg");
    let svg = std::fs::read_to_string(&logo)
        .unwrap()
        .replace("#e07b00", "#d06a00");
    std::fs::write(&logo, svg).unwrap();
    assert_eq!(counts(&run()), (2, 0, 0));
    assert_eq!(counts(&run()), (0, 2, 0));
}

#[test]
fn the_logo_prints_in_the_brand_cmyk_of_the_style() {
    let built = build(
        &fixtures().join("tekst.yaml"),
        Target::Print { marks: false },
    )
    .unwrap();
    let doc = Document::load_mem(&built.pdf).unwrap();
    let mut fills: Vec<Vec<f32>> = Vec::new();
    let mut rgb_fills = 0;
    for o in doc.objects.values() {
        let Ok(s) = o.as_stream() else { continue };
        if s.dict.get(b"Subtype").ok().map(name_of).as_deref() != Some("Form") {
            continue;
        }
        let content = s.decompressed_content().unwrap_or(s.content.clone());
        for op in Content::decode(&content).unwrap().operations {
            match op.operator.as_str() {
                "k" => fills.push(op.operands.iter().map(|v| v.as_float().unwrap()).collect()),
                "sc" | "scn" if op.operands.len() == 3 => rgb_fills += 1,
                _ => {}
            }
        }
    }
    fills.sort_by(|a, b| a.partial_cmp(b).unwrap());
    fills.dedup();
    assert_eq!(
        fills,
        vec![vec![0.0, 0.6, 1.0, 0.0], vec![1.0, 0.45, 0.0, 0.1]]
    );
    // The white cross is not a brand colour: it stays as drawn.
    assert_eq!(rgb_fills, 1);
    let checks = leaflet_printer::preflight::check_bytes(&built.pdf);
    assert!(checks.iter().all(|c| c.passed), "{checks:#?}");
}

#[test]
fn a_brand_colour_out_of_range_is_refused_in_the_style_file() {
    let dir = scratch();
    let style = dir.path().join("_data/style.yaml");
    std::fs::write(
        &style,
        "# huisstijl\nlogo_colors:\n  \"#0a5ca8\": {c: 1, m: 1, y: 1, k: 1}\n  blauw: {c: 1, m: 0, y: 0, k: 0}\n",
    )
    .unwrap();
    let errors = SharedData::load(find_data_dir(dir.path()).as_deref()).unwrap_err();
    let got: Vec<_> = errors
        .iter()
        .map(|d| (d.message.as_str(), d.line, d.field.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "the brand colour for #0a5ca8 has 400 % ink in total; the print shop allows at most 300 %",
                Some(2),
                Some("logo_colors.#0a5ca8")
            ),
            (
                "`blauw` is not a colour of the logo",
                Some(2),
                Some("logo_colors")
            ),
        ]
    );
    assert!(errors.iter().all(|d| d.file == style));
}
