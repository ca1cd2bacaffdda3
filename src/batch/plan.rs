//! Planning a run: each leaflet's unit of output files, refused when unsafe or taken twice,
//! and the `_data` folder it reads.

use super::discover::output_name;
use super::manifest::Manifest;
use super::options::{Options, Summary};
use super::recover::Recovery;
use crate::diagnostic::Diagnostic;
use crate::model::control::archive_name;
use crate::shared::find_data_dir;
use crate::t;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The files one leaflet becomes. They are one unit: rebuilt together, replaced together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Output {
    Booklet,
    TwoUp,
    LargePrint,
    /// The accessible web twin, `STEM.html`.
    Html,
    /// The leaflet's own PDF, last: it is written after the others, so a run that dies
    /// halfway leaves the old PDF and the old manifest line, and the next run redoes the lot.
    Leaflet,
}

impl Output {
    /// The file name for a leaflet whose PDF is `STEM.pdf`.
    pub fn file_name(self, stem: &str) -> String {
        match self {
            Output::Leaflet => format!("{stem}.pdf"),
            Output::Booklet => format!("{stem}-booklet.pdf"),
            Output::TwoUp => format!("{stem}-2up.pdf"),
            Output::LargePrint => format!("{stem}-groot.pdf"),
            Output::Html => format!("{stem}.html"),
        }
    }

    const ALL: [Output; 5] = [
        Output::Booklet,
        Output::TwoUp,
        Output::LargePrint,
        Output::Html,
        Output::Leaflet,
    ];
}

/// One leaflet to build: where it is, what it becomes, and which `_data` it reads.
#[derive(Debug, Clone)]
pub struct Job {
    pub path: PathBuf,
    /// The absolute path of the leaflet file, recorded to tell when it is gone.
    pub origin: String,
    /// The leaflet's own PDF's name, its key in the manifest.
    pub name: String,
    pub data_dir: Option<PathBuf>,
    /// The folder the outputs go to.
    pub out: PathBuf,
    /// Every output file, in writing order (the leaflet's own PDF last).
    pub outputs: Vec<(Output, String)>,
    /// Extra outputs of this leaflet found on disk when there was no manifest to trust
    /// (see [`Recovery`]): rebuilt with the unit, or removed after it when `--force` makes
    /// fewer.
    pub found: Vec<String>,
}

/// A leaflet's output files, in writing order.
type Unit = Vec<(Output, String)>;

/// What a run will build, and the PDF names it refused because two leaflets claim them.
#[derive(Debug, Default)]
pub struct Planned {
    pub jobs: Vec<Job>,
    /// Names two or more leaflets claim. Their files already on disk are not the PDF of any
    /// one of them for sure, so the next run must not take them as up to date.
    pub refused: BTreeSet<String>,
}

/// The name of a leaflet's own PDF under the naming asked for: its file stem, or with
/// `--archive-names` `CODE_vVERSION_DATE.pdf` from its fields (the stem when they cannot
/// be read). `None` for a file name that is not safe as an output name.
pub fn name_of(path: &Path, archive_names: bool) -> Option<String> {
    let name = output_name(path);
    match (archive_names, &name) {
        (true, Some(plain)) => std::fs::read_to_string(path)
            .ok()
            .and_then(|s| archive_name(&s, plain.trim_end_matches(".pdf")))
            .or(name),
        _ => name,
    }
}

/// Which outputs a leaflet gets: those asked for, and those it had before. A booklet made
/// once stays in step with its PDF on every later plain `leaflet build`, since the booklet
/// is what the secretary prints; `--force` makes exactly what is asked for.
fn wanted(opts: &Options, stem: &str, before: &[String]) -> Vec<(Output, String)> {
    Output::ALL
        .into_iter()
        .filter(|kind| {
            let asked = match kind {
                Output::Leaflet => true,
                Output::Booklet => opts.booklet,
                Output::TwoUp => opts.two_up,
                Output::LargePrint => opts.large_print,
                Output::Html => opts.html,
            };
            asked || (!opts.force && before.contains(&kind.file_name(stem)))
        })
        .map(|kind| (kind, kind.file_name(stem)))
        .collect()
}

/// The key two output names collide under. Output folders are copied to Windows shares and
/// USB sticks for the print shop, where `CT-scan.pdf` and `ct-scan.pdf` are one file: names
/// that differ only in case are the same name.
pub fn clash_key(name: &str) -> String {
    name.to_lowercase()
}

/// Gives every leaflet its unit of outputs, refusing names that are unsafe or taken twice
/// (including by another leaflet's booklet or 2-up sheet, and names differing only in case).
///
/// Every leaflet of a clash is refused, not all but the first: which one came first depends
/// on folder names, so adding `sub/ct-scan.yaml` would otherwise silently replace the
/// `ct-scan.pdf` of the top-level `ct-scan.yaml`. The files already there stay, untrusted,
/// until the clash is resolved (see [`Planned::refused`]).
pub fn plan(
    leaflets: &[PathBuf],
    opts: &Options,
    out: &Path,
    old: &Manifest,
    recovery: Option<&Recovery>,
    summary: &mut Summary,
) -> Planned {
    // Leaflets share folders; look for each folder's `_data` once.
    let mut data_dirs: BTreeMap<PathBuf, Option<PathBuf>> = BTreeMap::new();
    let mut units: Vec<(&PathBuf, String, Unit, Vec<String>)> = Vec::new();
    for path in leaflets {
        // Archive names come from the leaflet's fields; two leaflets with one code, version
        // and date then clash below like two files of one name, and neither is built.
        let Some(name) = name_of(path, opts.archive_names) else {
            summary.failed += 1;
            summary
                .diagnostics
                .push(Diagnostic::error(path, t!("bad-file-name")).hint(t!("bad-file-name-hint")));
            continue;
        };
        let stem = name.trim_end_matches(".pdf");
        let found = recovery.map(|r| r.extras(stem)).unwrap_or_default();
        let before: Vec<String> = old
            .leaflets
            .get(&name)
            .map(|e| e.files.iter().map(|f| f.name.clone()).collect::<Vec<_>>())
            .unwrap_or_default()
            .into_iter()
            .chain(found.iter().cloned())
            .collect();
        let outputs = wanted(opts, stem, &before);
        units.push((path, name, outputs, found));
    }
    // Who makes each output name, in leaflet order.
    let mut makers: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, (_, _, outputs, _)) in units.iter().enumerate() {
        for (_, n) in outputs {
            let who = makers.entry(clash_key(n)).or_default();
            if who.last() != Some(&i) {
                who.push(i);
            }
        }
    }
    let origins: Vec<String> = units.iter().map(|(p, ..)| origin_of(p)).collect();
    let claimed = claimed_elsewhere(old, &origins);
    let mut planned = Planned::default();
    for (i, (path, name, outputs, found)) in units.iter().enumerate() {
        let clash = outputs.iter().find_map(|(_, n)| {
            let who = &makers[&clash_key(n)];
            let other = who.iter().find(|&&j| j != i)?;
            Some((n, *other))
        });
        // The library's index page has the name a leaflet `index.yaml`'s web twin would.
        let index = crate::html::index::INDEX_HTML;
        if let Some((_, n)) = outputs.iter().find(|(_, n)| n.eq_ignore_ascii_case(index)) {
            summary.failed += 1;
            summary.diagnostics.push(
                Diagnostic::error(
                    path,
                    format!("its web page would be {n}, the name of the library's index page; it was not built"),
                )
                .hint("give the leaflet file another name, e.g. index-folder.yaml"),
            );
            planned.refused.insert(name.clone());
            continue;
        }
        if let Some((clash, other)) = clash {
            let (other_path, other_name, ..) = &units[other];
            let what = if other_name.eq_ignore_ascii_case(clash) && other_name != clash {
                t!("same-name-windows", name = other_name.as_str())
            } else {
                clash.clone()
            };
            summary.failed += 1;
            summary.diagnostics.push(
                Diagnostic::error(
                    path,
                    t!(
                        "name-clash",
                        other = other_path.display().to_string(),
                        what = what
                    ),
                )
                .hint(t!("name-clash-hint")),
            );
            planned.refused.insert(name.clone());
            continue;
        }
        // A file another leaflet made in an earlier run (another library built into this
        // folder, or a copy of this one) is that leaflet's, as long as its file is there:
        // refused like a clash within the run, or the two would replace each other's PDF
        // on every run, each time as "new".
        let origin = &origins[i];
        let taken = outputs.iter().find_map(|(_, n)| {
            let (other, what) = claimed.get(&clash_key(n))?;
            (other != origin).then_some((other, what))
        });
        if let Some((other, what)) = taken {
            summary.failed += 1;
            summary.diagnostics.push(
                Diagnostic::error(
                    path,
                    t!(
                        "name-clash-earlier",
                        other = other.as_str(),
                        what = what.as_str()
                    ),
                )
                .hint(t!("name-clash-earlier-hint")),
            );
            continue;
        }
        let path: &PathBuf = path;
        let parent = path.parent().unwrap_or(Path::new("."));
        let data_dir = data_dirs
            .entry(parent.to_path_buf())
            .or_insert_with(|| find_data_dir(parent))
            .clone();
        planned.jobs.push(Job {
            path: path.clone(),
            origin: origin.clone(),
            name: name.clone(),
            data_dir,
            out: out.to_path_buf(),
            outputs: outputs.clone(),
            found: found.clone(),
        });
    }
    planned
}

/// The absolute path of a leaflet file, as the manifest records it.
pub fn origin_of(path: &Path) -> String {
    std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string()
}

/// Every file name (by its clash key) that a manifest entry of a leaflet *not* in this run
/// holds while that leaflet's file still exists, with that file and the name as written.
/// Entries of this run's leaflets are left to the clash check within the run.
fn claimed_elsewhere(old: &Manifest, in_run: &[String]) -> BTreeMap<String, (String, String)> {
    let in_run: BTreeSet<&str> = in_run.iter().map(String::as_str).collect();
    let mut claimed = BTreeMap::new();
    for (name, entry) in &old.leaflets {
        let origin = if entry.origin.is_empty() {
            &entry.source
        } else {
            &entry.origin
        };
        if origin.is_empty() || in_run.contains(origin.as_str()) || !Path::new(origin).is_file() {
            continue;
        }
        let files = entry.files.iter().map(|f| f.name.as_str());
        for file in files.chain(std::iter::once(name.as_str())) {
            claimed.insert(clash_key(file), (origin.clone(), file.to_string()));
        }
    }
    claimed
}
