//! Helpers for the figure and identity tests: the fixture library `tests/figures/lib`,
//! building from it, and reading images back from a PDF.

use leaflet_printer::pdf::Target;
use leaflet_printer::pipeline::{self, Engine};
use leaflet_printer::shared::{SharedData, find_data_dir};
use lopdf::{Document, Object, content::Content};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use super::repo;

pub fn fixtures() -> PathBuf {
    repo().join("tests/figures/lib")
}

pub fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(""))
}

pub fn shared_for(dir: &Path) -> SharedData {
    SharedData::load(find_data_dir(dir).as_deref()).expect("the fixture library loads")
}

pub fn build(
    file: &Path,
    target: Target,
) -> Result<pipeline::Built, Vec<leaflet_printer::diagnostic::Diagnostic>> {
    let source = std::fs::read_to_string(file).unwrap();
    let shared = shared_for(file.parent().unwrap());
    pipeline::build(engine(), &shared, file, &source, target)
}

/// An image XObject as `pdfimages -list` shows it, with where it is drawn.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub name: String,
    pub filter: String,
    pub space: String,
    pub width: i64,
    pub height: i64,
    pub smask: bool,
    /// Pixels per inch across, as printed.
    pub ppi: f32,
}

pub fn name_of(o: &Object) -> String {
    o.as_name()
        .map(|n| String::from_utf8_lossy(n).into_owned())
        .unwrap_or_default()
}

/// A page's `/XObject` resources, following references.
pub fn page_xobjects(doc: &Document, page: lopdf::ObjectId) -> lopdf::Dictionary {
    let page = doc.get_dictionary(page).unwrap();
    let (_, resources) = doc.dereference(page.get(b"Resources").unwrap()).unwrap();
    let (_, x) = doc
        .dereference(resources.as_dict().unwrap().get(b"XObject").unwrap())
        .unwrap();
    x.as_dict().unwrap().clone()
}

/// A page's text lines: its runs grouped by baseline, words joined by a space.
pub fn lines(page: &leaflet_printer::layout::Page) -> Vec<(f32, String)> {
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
pub fn images(pdf: &[u8]) -> Vec<(usize, Placed)> {
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

/// A copy of the fixture library in a temporary folder, to add files to.
pub fn scratch() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(&fixtures(), dir.path());
    dir
}

pub fn copy_dir(from: &Path, to: &Path) {
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
pub fn one_figure(dir: &Path, file: &str, extra: &str) -> PathBuf {
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

pub type Found = (String, Option<usize>, Option<usize>, Option<String>);

pub fn errors_of(path: &Path, target: Target) -> Vec<Found> {
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

/// CRC-32 of a PNG chunk (type and data), so a doctored header still reads as intact.
pub fn crc32(bytes: &[u8]) -> u32 {
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

pub fn manifest_uses(out: &Path) -> BTreeMap<String, Vec<String>> {
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
