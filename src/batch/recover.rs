//! An output folder without a manifest to trust (deleted, damaged, or edited by hand): what
//! the folder holds is then known only from the files themselves.
//!
//! Two things must not be lost with the manifest. The extra outputs of a leaflet (booklet,
//! 2-up sheets, large print, web twin) follow their PDF on every build; without the
//! manifest's list of them they would stay behind, out of step, beside a rebuilt PDF. And
//! the PDFs of deleted leaflets are reported on every build and removed with `--prune`;
//! without the manifest's record of where each came from they would never be again.
//!
//! A file is taken for the tool's own only when it says so: a PDF carries
//! `<xmp:CreatorTool>leaflet</xmp:CreatorTool>` in its XMP packet (written uncompressed
//! into every PDF the tool makes, office and print), and a web twin starts as the tool
//! writes one. Anything else in the folder (a PDF from Word, a page put there by hand) is
//! neither rebuilt over nor reported nor pruned. And a name is taken for an extra output
//! or an orphan only when no leaflet of the libraries being built makes it as its own PDF
//! (`a-booklet.yaml` makes `a-booklet.pdf`, which is then not `a.yaml`'s booklet): those
//! libraries are read whole from their root (the folder above the outermost `_data`), so a
//! build of one leaflet does not take the others' PDFs for orphans.

use super::discover::discover_all;
use super::files::{FileRecord, hex, stamp};
use super::index::is_index_page;
use super::manifest::Entry;
use super::plan::{Output, clash_key, name_of};
use crate::source::library::{data_dirs, library_root};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// What the XMP packet of every PDF the tool writes says (see `pdf::finish`).
const PDF_MARK: &[u8] = b"<xmp:CreatorTool>leaflet</xmp:CreatorTool>";

/// The extra outputs that are PDFs.
const PDF_EXTRAS: [Output; 3] = [Output::Booklet, Output::TwoUp, Output::LargePrint];

/// A file larger than this is not read to look for the mark: no leaflet output is near it.
const MAX_READ: u64 = 256 * 1024 * 1024;

/// The extra outputs, by the suffix they add to the leaflet's stem.
const EXTRAS: [Output; 4] = [
    Output::Booklet,
    Output::TwoUp,
    Output::LargePrint,
    Output::Html,
];

pub struct Recovery {
    out: PathBuf,
    /// Clash keys of the own PDF of every leaflet of the libraries being built.
    own: BTreeSet<String>,
    /// Their stems (clash keys), whose extras are theirs even when not built in this run.
    stems: BTreeSet<String>,
}

impl Recovery {
    /// Reads the libraries that `inputs` belong to, whole, for the names their leaflets
    /// make under the naming asked for.
    pub fn new(inputs: &[PathBuf], out: &Path, archive_names: bool) -> Recovery {
        let mut roots: Vec<PathBuf> = inputs.iter().map(|i| root_of(i)).collect();
        roots.sort();
        roots.dedup();
        // A library inside another is walked with it.
        let all = roots.clone();
        roots.retain(|r| !all.iter().any(|o| o != r && r.starts_with(o)));
        let leaflets = discover_all(&roots, out)
            .map(|f| f.leaflets)
            .unwrap_or_default();
        let names: Vec<String> = leaflets
            .iter()
            .filter_map(|p| name_of(p, archive_names))
            .collect();
        Recovery {
            out: out.to_path_buf(),
            stems: names
                .iter()
                .map(|n| clash_key(n.trim_end_matches(".pdf")))
                .collect(),
            own: names.iter().map(|n| clash_key(n)).collect(),
        }
    }

    /// The extra outputs of the leaflet whose PDF is `STEM.pdf` that lie in the output
    /// folder, made by the tool, under a name no leaflet makes as its own PDF.
    pub fn extras(&self, stem: &str) -> Vec<String> {
        EXTRAS
            .into_iter()
            .map(|kind| (kind, kind.file_name(stem)))
            .filter(|(_, name)| !self.own.contains(&clash_key(name)))
            .filter(|(kind, name)| made_by_tool(&self.out.join(name), *kind))
            .map(|(_, name)| name)
            .collect()
    }

    /// The PDFs in the output folder that the tool made and that no leaflet of the
    /// libraries makes (its own PDF or an extra), nor any output of this run (`made`, by
    /// clash key): orphans, as manifest entries without a leaflet, so that they are reported
    /// on every build from now on and removed with `--prune`. An orphan's own booklet,
    /// 2-up sheets, large print and web twin go with it, one unit as when it was built.
    pub fn orphans(&self, made: &BTreeSet<String>) -> Vec<(String, Entry)> {
        let Ok(dir) = fs::read_dir(&self.out) else {
            return Vec::new();
        };
        let mut strays: Vec<String> = dir
            .flatten()
            .filter_map(|e| e.file_name().to_str().map(str::to_string))
            .filter(|n| n.to_lowercase().ends_with(".pdf"))
            .filter(|n| {
                let key = clash_key(n);
                !made.contains(&key) && !self.own.contains(&key) && !self.is_extra_of_known(&key)
            })
            .filter(|n| made_by_tool(&self.out.join(n), Output::Leaflet))
            .collect();
        strays.sort();
        let extra_of = |name: &str| -> Option<String> {
            PDF_EXTRAS.into_iter().find_map(|kind| {
                let stem = name.strip_suffix(&kind.file_name(""))?;
                let own = Output::Leaflet.file_name(stem);
                strays.contains(&own).then_some(own)
            })
        };
        let mut orphans = Vec::new();
        for name in &strays {
            if extra_of(name).is_some() {
                continue;
            }
            let stem = &name[..name.len() - ".pdf".len()];
            let mut files: Vec<FileRecord> = PDF_EXTRAS
                .into_iter()
                .map(|kind| kind.file_name(stem))
                .filter(|n| strays.contains(n))
                .filter_map(|n| record(&self.out, &n))
                .collect();
            let twin = Output::Html.file_name(stem);
            if !made.contains(&clash_key(&twin))
                && made_by_tool(&self.out.join(&twin), Output::Html)
            {
                files.extend(record(&self.out, &twin));
            }
            let Some(own) = record(&self.out, name) else {
                continue;
            };
            let sha256 = own.sha256.clone();
            // The leaflet's own file last, as in every entry.
            files.push(own);
            orphans.push((name.clone(), orphan_entry(files, sha256)));
        }
        orphans
    }

    /// Whether a PDF name is the booklet, 2-up or large print of a known leaflet.
    fn is_extra_of_known(&self, key: &str) -> bool {
        PDF_EXTRAS.into_iter().any(|kind| {
            let suffix = kind.file_name("");
            key.strip_suffix(&suffix)
                .is_some_and(|stem| self.stems.contains(stem))
        })
    }
}

/// Whether the output folder holds anything to recover: a PDF or a web page. A new, empty
/// folder (the first build) then costs no walk over the libraries.
pub fn worth_it(out: &Path) -> bool {
    fs::read_dir(out).is_ok_and(|dir| {
        dir.flatten().any(|e| {
            let name = e.file_name().to_string_lossy().to_lowercase();
            name.ends_with(".pdf") || name.ends_with(".html")
        })
    })
}

/// The library a build input belongs to: for a leaflet file its library root, for a folder
/// the folder above its outermost `_data`, or the folder itself.
fn root_of(input: &Path) -> PathBuf {
    if input.is_dir() {
        let dir = fs::canonicalize(input).unwrap_or_else(|_| input.to_path_buf());
        data_dirs(&dir)
            .first()
            .and_then(|d| d.parent())
            .map(Path::to_path_buf)
            .unwrap_or(dir)
    } else {
        library_root(input)
    }
}

/// Whether the regular file at `path` is one the tool writes as this kind of output.
pub fn made_by_tool(path: &Path, kind: Output) -> bool {
    let Ok(meta) = fs::symlink_metadata(path) else {
        return false;
    };
    if !meta.is_file() || meta.len() > MAX_READ {
        return false;
    }
    let Ok(bytes) = fs::read(path) else {
        return false;
    };
    match kind {
        Output::Html => is_twin(&bytes),
        _ => bytes.starts_with(b"%PDF-") && contains(&bytes, PDF_MARK),
    }
}

/// A web twin as `html::render` starts one: the doctype, the `lang`, the charset and the
/// viewport line, then the leaflet's title (the library's index page says `Patiëntenfolders`
/// and holds the list, so it is told apart by [`is_index_page`]).
fn is_twin(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return false;
    };
    let Some(rest) = text.strip_prefix("<!DOCTYPE html>\n<html lang=\"") else {
        return false;
    };
    rest.contains(
        "\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>",
    ) && text.contains("<main>")
        && !is_index_page(bytes)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn record(out: &Path, name: &str) -> Option<FileRecord> {
    let path = out.join(name);
    let bytes = fs::read(&path).ok()?;
    Some(FileRecord {
        name: name.to_string(),
        sha256: hex(&Sha256::digest(&bytes)),
        stamp: stamp(&path)?,
    })
}

/// A manifest entry for a PDF that no leaflet makes: no source, never trusted (no input
/// hash), never in the index.
fn orphan_entry(files: Vec<FileRecord>, sha256: String) -> Entry {
    Entry {
        source: String::new(),
        origin: String::new(),
        inputs: String::new(),
        uses: Vec::new(),
        parts: Default::default(),
        target: String::new(),
        files,
        title: String::new(),
        revised: String::new(),
        authors: String::new(),
        route: String::new(),
        pages: 0,
        sha256,
        code: None,
        version: None,
        lang: String::new(),
        text: String::new(),
        stale: true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_tools_own_files_are_taken_for_its_outputs() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a-booklet.pdf");
        fs::write(
            &p,
            b"%PDF-1.7\n<x:xmpmeta><xmp:CreatorTool>leaflet</xmp:CreatorTool>",
        )
        .unwrap();
        assert!(made_by_tool(&p, Output::Booklet));
        fs::write(
            &p,
            b"%PDF-1.7\n<xmp:CreatorTool>Microsoft Word</xmp:CreatorTool>",
        )
        .unwrap();
        assert!(!made_by_tool(&p, Output::Booklet));
        let index = dir.path().join("index.html");
        fs::write(&index, "<!DOCTYPE html>\n<ul class=\"library\">\n").unwrap();
        assert!(!made_by_tool(&index, Output::Html));
        assert!(is_index_page(&fs::read(&index).unwrap()));
    }

    #[test]
    fn a_name_some_leaflet_makes_as_its_own_pdf_is_no_extra_and_no_orphan() {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path().join("lib");
        let out = dir.path().join("out");
        fs::create_dir_all(lib.join("_data")).unwrap();
        fs::create_dir_all(&out).unwrap();
        fs::write(lib.join("a.yaml"), "x").unwrap();
        fs::write(lib.join("a-booklet.yaml"), "x").unwrap();
        let pdf = b"%PDF-1.7\n<xmp:CreatorTool>leaflet</xmp:CreatorTool>";
        for name in ["a-booklet.pdf", "a-2up.pdf", "weg.pdf", "weg-booklet.pdf"] {
            fs::write(out.join(name), pdf).unwrap();
        }
        fs::write(out.join("word.pdf"), b"%PDF-1.7 from elsewhere").unwrap();
        // A build of one leaflet still knows the whole library.
        let r = Recovery::new(&[lib.join("a.yaml")], &out, false);
        assert_eq!(r.extras("a"), ["a-2up.pdf"]);
        let made: BTreeSet<String> = ["a.pdf", "a-2up.pdf"].map(String::from).into();
        let orphans = r.orphans(&made);
        let files: Vec<&str> = orphans[0].1.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(files, ["weg-booklet.pdf", "weg.pdf"]);
        let orphans: Vec<String> = orphans.into_iter().map(|(n, _)| n).collect();
        assert_eq!(orphans, ["weg.pdf"]);
    }
}
