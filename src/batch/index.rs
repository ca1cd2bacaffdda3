//! The index: `index.json` for the intranet and `index.csv` for the print shop, listing
//! exactly the leaflets that exist, with the target each file is for.

use super::files::write_atomic;
use super::manifest::{Entry, Manifest};
use crate::diagnostic::Diagnostic;
use crate::model::dutch_date;
use serde::Serialize;
use std::borrow::Cow;
use std::path::Path;

pub const INDEX_JSON: &str = "index.json";
pub const INDEX_CSV: &str = "index.csv";

/// Excel in a Belgian (nl-BE) locale takes `;` as the list separator, since `,` is the
/// decimal comma there; with `,` the whole file opens as one column.
pub const CSV_SEPARATOR: u8 = b';';

/// Excel reads a CSV as the ANSI code page unless it starts with a byte-order mark; with it,
/// é, à and ° survive.
const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";

#[derive(Serialize)]
struct IndexRow<'a> {
    pdf: &'a str,
    source: &'a str,
    target: &'a str,
    title: Cow<'a, str>,
    revised: &'a str,
    revised_nl: String,
    authors: Cow<'a, str>,
    route: Cow<'a, str>,
    pages: usize,
    sha256: &'a str,
    /// Document control and language: empty cells for leaflets without them.
    code: Cow<'a, str>,
    version: Option<u32>,
    lang: &'a str,
}

/// A cell Excel or LibreOffice would run as a formula gets a leading `'`, as the OWASP
/// CSV-injection guidance says: a leaflet title is enough to plant one in the print shop's
/// spreadsheet. Beyond OWASP's `=`, `+`, `-`, `@`, tab and carriage return first, the cell
/// is also defused when such a sign follows leading white space or line breaks (spreadsheets
/// trim some of it on import), or is a full-width sign (`＝`, `＋`, `－`, `＠`), which
/// East-Asian Excel input takes as the ASCII sign.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    const FORMULA_SIGNS: [char; 8] = ['=', '+', '-', '@', '＝', '＋', '－', '＠'];
    let first_visible = text.trim_start_matches(|c: char| c.is_whitespace() || c.is_control());
    let risky = text.starts_with(['\t', '\r', '\n']) || first_visible.starts_with(FORMULA_SIGNS);
    if risky {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The entries the index lists: every PDF that is there and current. Not the PDF of a
/// deleted leaflet, nor one kept after its leaflet failed or clashed (it is out of date:
/// the print shop would print the old text as if it were the new).
fn listed(manifest: &Manifest) -> impl Iterator<Item = (&String, &Entry)> {
    manifest
        .leaflets
        .iter()
        .filter(|(name, e)| !manifest.gone.contains(*name) && !e.sha256.is_empty() && !e.stale)
}

/// Whether `bytes` are the library's index page as the tool writes it: an `index.html` put
/// in the output folder by hand is neither replaced by nothing nor removed.
pub fn is_index_page(bytes: &[u8]) -> bool {
    const LIST: &[u8] = b"<ul class=\"library\">";
    bytes.starts_with(b"<!DOCTYPE html>") && bytes.windows(LIST.len()).any(|w| w == LIST)
}

/// Whether the output folder holds an index page of ours.
fn has_index_page(out: &Path) -> bool {
    let path = out.join(crate::html::index::INDEX_HTML);
    std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file())
        && std::fs::read(&path).is_ok_and(|b| is_index_page(&b))
}

/// `index.html` for the leaflets that have a web twin; `None` when none has.
fn render_html(manifest: &Manifest) -> Option<Vec<u8>> {
    use crate::html::index::{Listed, render};
    let listed: Vec<Listed> = listed(manifest)
        .filter_map(|(name, e)| {
            let html = e.files.iter().find(|f| f.name.ends_with(".html"))?;
            Some(Listed {
                title: e.title.clone(),
                href: html.name.clone(),
                pdf: name.clone(),
                revised: nl_date(&e.revised),
                authors: e.authors.clone(),
            })
        })
        .collect();
    // The index of a library is styled as the default house style: leaflets of several
    // `_data` folders may share one output folder.
    (!listed.is_empty()).then(|| render(&crate::style::HouseStyle::default(), &listed).into_bytes())
}

/// Writes both index files from the manifest, leaving out PDFs whose leaflet is gone, and
/// `index.html` when leaflets have web twins. Our `index.html` is removed once no twin is
/// left (`--force` without `--html`): every link on it would be dead.
pub fn write_index(out: &Path, manifest: &Manifest) -> Result<(), Diagnostic> {
    let path = out.join(crate::html::index::INDEX_HTML);
    match render_html(manifest) {
        Some(html) => write_atomic(&path, &html).map_err(|e| Diagnostic::error(&path, e))?,
        None if has_index_page(out) => {
            std::fs::remove_file(&path).map_err(|e| Diagnostic::error(&path, e.to_string()))?
        }
        None => {}
    }
    let (json, csv) = render(out, manifest)?;
    let json_path = out.join(INDEX_JSON);
    write_atomic(&json_path, &json).map_err(|e| Diagnostic::error(&json_path, e))?;
    let csv_path = out.join(INDEX_CSV);
    write_atomic(&csv_path, &csv).map_err(|e| Diagnostic::error(&csv_path, e))
}

/// Whether both index files on disk are byte for byte what the manifest gives. A run that
/// changes nothing still checks this: an index emptied, truncated or edited by hand is what
/// the print shop receives, and must not outlive the next build.
pub fn is_current(out: &Path, manifest: &Manifest) -> bool {
    let Ok((json, csv)) = render(out, manifest) else {
        return false;
    };
    let same = |name: &str, want: &[u8]| {
        std::fs::metadata(out.join(name)).is_ok_and(|m| m.is_file() && m.len() == want.len() as u64)
            && std::fs::read(out.join(name)).is_ok_and(|got| got == want)
    };
    let html_current = match render_html(manifest) {
        Some(html) => same(crate::html::index::INDEX_HTML, &html),
        None => !has_index_page(out),
    };
    same(INDEX_JSON, &json) && same(INDEX_CSV, &csv) && html_current
}

/// The bytes of `index.json` and `index.csv` for a manifest.
fn render(out: &Path, manifest: &Manifest) -> Result<(Vec<u8>, Vec<u8>), Diagnostic> {
    let json_rows: Vec<IndexRow> = listed(manifest)
        .map(|(name, e)| IndexRow {
            pdf: name,
            source: &e.source,
            target: &e.target,
            title: Cow::Borrowed(&e.title),
            revised: &e.revised,
            revised_nl: nl_date(&e.revised),
            authors: Cow::Borrowed(&e.authors),
            route: Cow::Borrowed(&e.route),
            pages: e.pages,
            sha256: &e.sha256,
            code: Cow::Borrowed(e.code.as_deref().unwrap_or("")),
            version: e.version,
            lang: &e.lang,
        })
        .collect();
    let json = serde_json::to_vec_pretty(&json_rows).expect("index serialises");

    let mut csv = csv::WriterBuilder::new()
        .delimiter(CSV_SEPARATOR)
        .from_writer(UTF8_BOM.to_vec());
    for r in json_rows {
        // Every text cell: a leaflet file named `-x.yaml` or a path given as `@x/…` would
        // reach the sheet through `pdf` or `source` just as well as through a title.
        let (pdf, source, revised) = (csv_cell(r.pdf), csv_cell(r.source), csv_cell(r.revised));
        let revised_nl = csv_cell(&r.revised_nl).into_owned();
        let r = IndexRow {
            pdf: &pdf,
            source: &source,
            revised: &revised,
            revised_nl,
            title: csv_cell_owned(r.title),
            authors: csv_cell_owned(r.authors),
            route: csv_cell_owned(r.route),
            code: csv_cell_owned(r.code),
            ..r
        };
        csv.serialize(&r)
            .map_err(|e| Diagnostic::error(out, e.to_string()))?;
    }
    let csv = csv
        .into_inner()
        .map_err(|e| Diagnostic::error(out, e.to_string()))?;
    Ok((json, csv))
}

fn csv_cell_owned(text: Cow<'_, str>) -> Cow<'_, str> {
    match csv_cell(&text) {
        Cow::Owned(s) => Cow::Owned(s),
        Cow::Borrowed(_) => text,
    }
}

fn nl_date(revised: &str) -> String {
    chrono::NaiveDate::parse_from_str(revised, "%Y-%m-%d")
        .map(dutch_date)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_defused() {
        for bad in ["=1+1", "+32 3 821", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(csv_cell(bad), format!("'{bad}"));
        }
        // Signs behind white space, line breaks, a no-break space, or full width.
        for bad in [
            " =1+1",
            "  +1",
            "\n=HYPERLINK(\"x\")",
            "\u{a0}-2",
            "\u{3000}@x",
            "＝1+1",
            "＋1",
            "\n",
        ] {
            assert_eq!(csv_cell(bad), format!("'{bad}"), "{bad:?}");
        }
        for good in [
            "Immunotherapie",
            "CT-scan",
            "105 (oncologie)",
            "'al",
            "a = b",
            "2 - 1",
            "",
        ] {
            assert_eq!(csv_cell(good), good);
        }
    }
}
