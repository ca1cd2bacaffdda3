//! `leaflet preflight`: checks a PDF against what the print shop needs before it goes to
//! press — PDF/X-4 with the FOGRA39 output intent, readable XMP, 3 mm bleed around an A5
//! trim, embedded subset fonts, nothing too small or too thin to print, no RGB, ink within
//! the press's limit, overprint that does not make things vanish, nothing interactive, text
//! clear of the trim. It reads the file back with lopdf rather than trusting how it was
//! made, so it also catches what a library upgrade (printpdf has had every one of these
//! defects) or a hand-edited PDF would slip through.
//!
//! A false "ready" is worse than no check: whatever cannot be read, decoded or
//! interpreted within the [`content::Limits`] is a failure, never a pass. The checks come
//! in families, one module each: [`conformance`] (the PDF/X-4 parts), [`pages`] (boxes and
//! what sits on them), [`interactive`] (what a press cannot print), [`fonts`], [`ink`]
//! (what lands on the plates); [`run`] judges files one by one so that no file can hang or
//! crash the others' verdicts. Nothing is taken from lopdf's own page list, which skips
//! what it could not parse: [`tree`] walks the page tree itself and [`objects`] names
//! every object the file lists that the reader dropped.

pub mod colour;
pub mod conformance;
pub mod content;
pub mod findings;
pub mod fonts;
pub mod geometry;
pub mod images;
pub mod ink;
pub mod interactive;
pub mod metrics;
pub mod objects;
pub mod pages;
pub mod run;
pub mod scan;
pub mod spaces;
pub mod streams;
pub mod tree;
pub mod xmp;

pub use content::{Findings, Limits, Matrix, Space, TextShow, walk};
pub use run::run;

use crate::style::PT_PER_MM;
use lopdf::{Dictionary, Document, Object, ObjectId};

pub use crate::pdfx::{BLEED_MM, TRIM_MM};
/// Text closer to the trim than this may be cut off, millimetres.
pub const SAFE_MM: f32 = 5.0;
/// Smaller type does not print legibly on uncoated stock.
pub const MIN_TEXT_PT: f32 = 6.0;
/// Thinner lines break up on a plate.
pub const MIN_LINE_PT: f32 = 0.25;
/// Largest a stream may decode to anywhere in a file (object streams, profiles, metadata):
/// a deflate bomb of a few kilobytes must not take the PC's memory. A FOGRA profile is
/// under 2 MB, a page's content a few hundred kilobytes.
const MAX_STREAM_BYTES: usize = 64 << 20;
/// Rounding slack for box comparisons, points (boxes are written to 0.001 pt).
const TOLERANCE: f32 = 0.05;

/// The press condition a file is judged for: the limits a shop sets in its own preflight
/// profile.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Profile {
    /// Highest total area coverage (C+M+Y+K), percent. 300 % is the limit of the FOGRA39
    /// profile shipped for the output intent ("ISO Coated v2 300 %"); uncoated stock
    /// (FOGRA29/52) takes 260–300 %.
    pub max_ink: f32,
    /// Colour and grey images below this effective resolution (pixels per inch as
    /// printed) get a warning: 300 ppi is twice the 150 lpi screen of sheet-fed offset.
    pub warn_ppi: f32,
    /// Below this they fail: at one pixel per screen dot the pixels show.
    pub fail_ppi: f32,
    /// 1-bit images (line art, stencil masks) are not screened: every pixel edge is a
    /// visible step. The Ghent Workgroup's limits: below 800 ppi a warning…
    pub line_art_warn_ppi: f32,
    /// …and below 550 ppi a failure.
    pub line_art_fail_ppi: f32,
    /// How much the walker reads before it gives up on a file.
    pub limits: Limits,
}

impl Default for Profile {
    fn default() -> Profile {
        Profile {
            max_ink: 300.0,
            warn_ppi: 300.0,
            fail_ppi: 150.0,
            line_art_warn_ppi: 800.0,
            line_art_fail_ppi: 550.0,
            limits: Limits::default(),
        }
    }
}

/// One check's verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Check {
    pub name: &'static str,
    pub passed: bool,
    pub detail: String,
    /// What the shop may want to look at, without the file failing for it.
    pub warnings: Vec<String>,
}

impl Check {
    pub fn new(name: &'static str, problems: Vec<String>, ok: impl Into<String>) -> Check {
        if problems.is_empty() {
            Check {
                name,
                passed: true,
                detail: ok.into(),
                warnings: Vec::new(),
            }
        } else {
            Check {
                name,
                passed: false,
                detail: problems.join("; "),
                warnings: Vec::new(),
            }
        }
    }

    pub fn with_warnings(mut self, warnings: Vec<String>) -> Check {
        self.warnings = warnings;
        self
    }

    /// `PASS`, `WARN` (passed, with something to look at) or `FAIL`.
    pub fn verdict(&self) -> &'static str {
        match (self.passed, self.warnings.is_empty()) {
            (false, _) => "FAIL",
            (true, false) => "WARN",
            (true, true) => "PASS",
        }
    }

    pub fn line(&self) -> String {
        let detail = if self.passed && !self.warnings.is_empty() {
            self.warnings.join("; ")
        } else {
            self.detail.clone()
        };
        format!("{}  {}: {detail}", self.verdict(), self.name)
    }
}

/// Every check, in the order the shop would read them, for the default profile.
pub fn check_bytes(bytes: &[u8]) -> Vec<Check> {
    check_with(bytes, &Profile::default())
}

/// Every check for `profile`. A panic inside the PDF parser becomes a failed "readable"
/// check for this file, never a lost run.
pub fn check_with(bytes: &[u8], profile: &Profile) -> Vec<Check> {
    match std::panic::catch_unwind(|| checks(bytes, profile)) {
        Ok(checks) => checks,
        Err(panic) => {
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "no message".into());
            vec![Check::new(
                "readable",
                vec![format!(
                    "the PDF reader crashed on it ({why}); it cannot be vouched for"
                )],
                "",
            )]
        }
    }
}

fn checks(bytes: &[u8], profile: &Profile) -> Vec<Check> {
    let options = lopdf::LoadOptions::with_max_decompressed_size(MAX_STREAM_BYTES);
    let doc = match Document::load_mem_with_options(bytes, options) {
        Ok(d) => d,
        Err(e) => {
            let mut checks = vec![Check::new(
                "readable",
                vec![format!("lopdf cannot read it ({e})")],
                "",
            )];
            // A file lopdf cannot open for want of a password is still judged encrypted.
            if let Some(c) = conformance::encryption_in_bytes(bytes) {
                checks.push(c);
            }
            return checks;
        }
    };
    // Still encrypted after loading: lopdf did not know the password, and every object
    // it hands back is ciphertext. Nothing else can be judged.
    if doc.is_encrypted() {
        return vec![
            Check::new(
                "readable",
                vec!["it is protected by a password; nothing in it can be checked".into()],
                "",
            ),
            conformance::encryption(&doc, bytes),
        ];
    }
    let mut checks = vec![
        conformance::version(&doc, bytes),
        conformance::encryption(&doc, bytes),
        conformance::file_id(&doc),
    ];
    let intent = conformance::output_intent(&doc);
    checks.push(intent.0);
    checks.push(conformance::output_profile(&doc, intent.1.as_ref()));
    checks.push(conformance::info(&doc));
    checks.push(conformance::metadata(&doc));
    let tree = tree::PageTree::walk(&doc);
    checks.push(pages::boxes(&doc, &tree.pages));
    checks.push(pages::rotation(&doc, &tree.pages));
    checks.push(pages::annotations(&doc, &tree.pages));
    checks.extend(interactive::checks(&doc, &tree.pages));
    checks.extend(fonts::checks(&doc, &tree.pages));
    let found = content::walk_pages(&doc, &tree.pages, profile.limits);
    checks.push(ink::readable_content(&doc, bytes, &tree, &found));
    checks.push(interactive::optional_content(&doc, &found));
    checks.push(ink::text_size(&found));
    checks.push(ink::line_width(&found));
    checks.push(ink::colour(&doc, &found));
    checks.push(ink::coverage(&found, profile));
    checks.push(ink::overprint(&found));
    checks.push(ink::black_text(&found));
    checks.push(ink::text_inks(&found));
    checks.push(ink::images(&found, profile));
    let trims = pages::page_trims(&doc, &tree.pages);
    checks.push(pages::safe_area(&found, &trims));
    checks.push(pages::bleed(&found, &trims));
    checks
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

/// Deepest page tree walked up for inherited attributes: a `/Parent` loop must end. The
/// same depth as the tree is walked down ([`tree::MAX_DEPTH`]), where every page's
/// `/Parent` is held to the node that lists it, so the walk up always reaches the root.
const MAX_TREE_DEPTH: usize = tree::MAX_DEPTH + 1;

/// A page attribute, looked up through the page tree's inheritance when `inherit` says the
/// key is inheritable (MediaBox, CropBox, Rotate, Resources).
fn page_attr<'a>(
    doc: &'a Document,
    page: ObjectId,
    key: &[u8],
    inherit: bool,
) -> Option<&'a Object> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..MAX_TREE_DEPTH {
        if let Ok(v) = node.get(key) {
            return Some(deref(doc, v));
        }
        if !inherit {
            return None;
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// A page box, normalised, looked up through the page tree's inheritance; `None` when
/// it is missing or malformed.
fn page_box(doc: &Document, page: ObjectId, key: &[u8]) -> Option<[f32; 4]> {
    checked_box(doc, page, key).ok().flatten()
}

/// A page box: `Ok(None)` when the page has none, `Err` when what it has is not an array
/// of four numbers. Read strictly: a RIP that skips the name in `[0 0 /x 420 595]` and
/// one that refuses the box see different pages.
fn checked_box(doc: &Document, page: ObjectId, key: &[u8]) -> Result<Option<[f32; 4]>, ()> {
    // Only MediaBox and CropBox are inheritable.
    let inherit = key == b"MediaBox" || key == b"CropBox";
    match page_attr(doc, page, key, inherit) {
        None => Ok(None),
        Some(o) => rect_of(o, doc).map(Some).ok_or(()),
    }
}

/// An array of exactly four finite numbers, normalised to x0 ≤ x1, y0 ≤ y1.
fn rect_of(o: &Object, doc: &Document) -> Option<[f32; 4]> {
    let a = deref(doc, o).as_array().ok()?;
    let v: Vec<f32> = a
        .iter()
        .map(|o| deref(doc, o).as_float().ok())
        .collect::<Option<_>>()?;
    if v.len() != 4 || v.iter().any(|x| !x.is_finite()) {
        return None;
    }
    Some([
        v[0].min(v[2]),
        v[1].min(v[3]),
        v[0].max(v[2]),
        v[1].max(v[3]),
    ])
}

fn contains(outer: &[f32; 4], inner: &[f32; 4]) -> bool {
    outer[0] <= inner[0] + TOLERANCE
        && outer[1] <= inner[1] + TOLERANCE
        && outer[2] >= inner[2] - TOLERANCE
        && outer[3] >= inner[3] - TOLERANCE
}

fn overlaps(a: &[f32; 4], b: &[f32; 4]) -> bool {
    a[0] < b[2] - TOLERANCE
        && b[0] < a[2] - TOLERANCE
        && a[1] < b[3] - TOLERANCE
        && b[1] < a[3] - TOLERANCE
}

/// Problems that repeat page after page, said once with the pages they are on:
/// "no BleedBox (pages 1–3, 5)".
fn by_pages(problems: Vec<(usize, String)>) -> Vec<String> {
    let mut grouped: Vec<(String, Vec<usize>)> = Vec::new();
    for (page, problem) in problems {
        match grouped.iter_mut().find(|(p, _)| *p == problem) {
            Some((_, pages)) => {
                if pages.last() != Some(&page) {
                    pages.push(page)
                }
            }
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

/// At most `n` problems, then how many more: a report the secretariat can still read.
fn first_few(mut problems: Vec<String>, n: usize) -> Vec<String> {
    let count = problems.len();
    if count > n {
        problems.truncate(n);
        problems.push(format!("and {} more", count - n));
    }
    problems
}

fn mm(pt: f32) -> f32 {
    pt / PT_PER_MM
}

/// A position on the page for messages: points from the media box's bottom-left corner,
/// as Acrobat's and pdfinfo's coordinates read.
fn at(x: f32, y: f32) -> String {
    format!("at ({:.0}, {:.0}) pt", x, y)
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
