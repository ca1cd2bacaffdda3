//! Planning a run: each leaflet's unit of output files, refused when unsafe or taken twice,
//! and the `_data` folder it reads.

use super::discover::output_name;
use super::manifest::Manifest;
use super::options::{Options, Summary};
use crate::diagnostic::Diagnostic;
use crate::shared::find_data_dir;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The files one leaflet becomes. They are one unit: rebuilt together, replaced together.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Output {
    Booklet,
    TwoUp,
    LargePrint,
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
        }
    }

    const ALL: [Output; 4] = [
        Output::Booklet,
        Output::TwoUp,
        Output::LargePrint,
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
            };
            asked || (!opts.force && before.contains(&kind.file_name(stem)))
        })
        .map(|kind| (kind, kind.file_name(stem)))
        .collect()
}

/// Gives every leaflet its unit of outputs, refusing names that are unsafe or taken twice
/// (including by another leaflet's booklet or 2-up sheet).
pub fn plan(
    leaflets: &[PathBuf],
    opts: &Options,
    out: &Path,
    old: &Manifest,
    summary: &mut Summary,
) -> Vec<Job> {
    let mut taken: BTreeMap<String, PathBuf> = BTreeMap::new();
    // Leaflets share folders; look for each folder's `_data` once.
    let mut data_dirs: BTreeMap<PathBuf, Option<PathBuf>> = BTreeMap::new();
    let mut jobs = Vec::new();
    for path in leaflets {
        let Some(name) = output_name(path) else {
            summary.failed += 1;
            summary.diagnostics.push(
                Diagnostic::error(path, "this file name cannot name a PDF")
                    .hint("use letters, digits, '-' and '_' in leaflet file names"),
            );
            continue;
        };
        let stem = name.trim_end_matches(".pdf");
        let before: Vec<String> = old
            .leaflets
            .get(&name)
            .map(|e| e.files.iter().map(|f| f.name.clone()).collect())
            .unwrap_or_default();
        let outputs = wanted(opts, stem, &before);
        if let Some((clash, first)) = outputs
            .iter()
            .find_map(|(_, n)| taken.get(n).map(|first| (n, first)))
        {
            summary.failed += 1;
            summary.diagnostics.push(
                Diagnostic::error(
                    path,
                    format!("another leaflet, {}, also makes {clash}", first.display()),
                )
                .hint("give one of the two files another name"),
            );
            continue;
        }
        for (_, n) in &outputs {
            taken.insert(n.clone(), path.clone());
        }
        let parent = path.parent().unwrap_or(Path::new("."));
        let data_dir = data_dirs
            .entry(parent.to_path_buf())
            .or_insert_with(|| find_data_dir(parent))
            .clone();
        let origin = std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.clone())
            .display()
            .to_string();
        jobs.push(Job {
            path: path.clone(),
            origin,
            name,
            data_dir,
            out: out.to_path_buf(),
            outputs,
        });
    }
    jobs
}
