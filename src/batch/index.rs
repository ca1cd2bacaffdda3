//! The index: `index.json` for the intranet and `index.csv` for the print shop, listing
//! exactly the leaflets that exist, with the target each file is for.

use super::files::write_atomic;
use super::manifest::Manifest;
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
}

/// A cell Excel or LibreOffice would run as a formula (`=`, `+`, `-`, `@`, a tab or a
/// carriage return first) gets a leading `'`, as the OWASP CSV-injection guidance says: a
/// leaflet title is enough to plant one in the print shop's spreadsheet.
pub fn csv_cell(text: &str) -> Cow<'_, str> {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{text}"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Writes both index files from the manifest, leaving out PDFs whose leaflet is gone.
pub fn write_index(out: &Path, manifest: &Manifest) -> Result<(), Diagnostic> {
    let listed = || {
        manifest
            .leaflets
            .iter()
            .filter(|(name, e)| !manifest.gone.contains(*name) && !e.sha256.is_empty())
    };
    let json_rows: Vec<IndexRow> = listed()
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
        })
        .collect();
    let json = serde_json::to_vec_pretty(&json_rows).expect("index serialises");
    let json_path = out.join(INDEX_JSON);
    write_atomic(&json_path, &json).map_err(|e| Diagnostic::error(&json_path, e))?;

    let mut csv = csv::WriterBuilder::new()
        .delimiter(CSV_SEPARATOR)
        .from_writer(UTF8_BOM.to_vec());
    for r in json_rows {
        let r = IndexRow {
            title: csv_cell_owned(r.title),
            authors: csv_cell_owned(r.authors),
            route: csv_cell_owned(r.route),
            ..r
        };
        csv.serialize(&r)
            .map_err(|e| Diagnostic::error(out, e.to_string()))?;
    }
    let bytes = csv
        .into_inner()
        .map_err(|e| Diagnostic::error(out, e.to_string()))?;
    let csv_path = out.join(INDEX_CSV);
    write_atomic(&csv_path, &bytes).map_err(|e| Diagnostic::error(&csv_path, e))
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
        for good in ["Immunotherapie", "CT-scan", "105 (oncologie)", "'al"] {
            assert_eq!(csv_cell(good), good);
        }
    }
}
