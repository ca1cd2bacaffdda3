//! Building a whole library: find the leaflets, skip what has not changed, build the rest in
//! parallel, write every file atomically, and keep a manifest and an index.
//!
//! Safety first: a PDF is written to a temporary file in the output folder and renamed into
//! place, so the print shop never picks up half a file, and a leaflet that fails leaves its
//! previous good PDF where it was.

use crate::diagnostic::Diagnostic;
use crate::impose::{Imposition, impose};
use crate::model::{self, MAX_FILE_BYTES, dutch_date};
use crate::pdf::Target;
use crate::pipeline::{self, Engine};
use crate::report::{self, Quality};
use crate::shared::{SharedData, find_data_dir};
use crate::text::fonts::FONT_FILES;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

pub const MANIFEST: &str = ".leaflet-manifest.json";
pub const LOCK: &str = ".leaflet.lock";
const TEMP_PREFIX: &str = ".leaflet-tmp-";

#[derive(Debug, Clone)]
pub struct Options {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    pub jobs: Option<usize>,
    pub force: bool,
    pub target: Target,
    pub booklet: bool,
    pub two_up: bool,
    pub report: bool,
    /// Draw a progress bar (only when stderr is a terminal).
    pub progress: bool,
}

/// One leaflet's line in the manifest: what it was built from and what it became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub source: String,
    pub inputs: String,
    pub title: String,
    pub revised: String,
    pub authors: String,
    pub route: String,
    pub pages: usize,
    pub sha256: String,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Manifest {
    pub tool: String,
    pub leaflets: BTreeMap<String, Entry>,
}

#[derive(Debug, Default)]
pub struct Summary {
    pub built: usize,
    pub up_to_date: usize,
    pub failed: usize,
    pub seconds: f64,
    pub diagnostics: Vec<Diagnostic>,
    pub quality: Vec<(String, Quality)>,
    /// Extra files written (booklets, 2-up sheets).
    pub extras: Vec<PathBuf>,
}

impl Summary {
    pub fn line(&self) -> String {
        format!(
            "{} built, {} up to date, {} failed ({:.2} s)",
            self.built, self.up_to_date, self.failed, self.seconds
        )
    }
}

/// Every leaflet file under the inputs: `*.yaml` and `*.yml`, recursively, skipping `_data`
/// folders, hidden folders and the output folder. Sorted, so runs are reproducible.
pub fn discover(inputs: &[PathBuf], out: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let out_abs = fs::canonicalize(out).ok();
    let mut found = Vec::new();
    for input in inputs {
        let meta = fs::metadata(input).map_err(|e| {
            Diagnostic::error(input, format!("cannot open it: {e}"))
                .hint("give a leaflet file or a folder of leaflets, e.g. `leaflet build leaflets/`")
        })?;
        if meta.is_file() {
            found.push(input.clone());
        } else {
            walk(input, out_abs.as_deref(), &mut found);
        }
    }
    found.sort();
    found.dedup();
    Ok(found)
}

fn walk(dir: &Path, out: Option<&Path>, found: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name == crate::shared::DATA_DIR {
            continue;
        }
        // Symlinked folders could loop; leaflets live in real folders.
        let Ok(meta) = fs::symlink_metadata(&path) else {
            continue;
        };
        if meta.is_dir() {
            if out.is_some_and(|o| fs::canonicalize(&path).is_ok_and(|p| p == o)) {
                continue;
            }
            walk(&path, out, found);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("yaml") | Some("yml")
        ) {
            found.push(path);
        }
    }
}

/// The output name of a leaflet: its file stem, and nothing from inside the file.
pub fn output_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let safe = !stem.is_empty()
        && !stem.starts_with('.')
        && stem
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' '));
    safe.then(|| format!("{stem}.pdf"))
}

/// A hash of everything the tool itself contributes: its version and its fonts.
fn tool_fingerprint(target: Target) -> String {
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION"));
    for f in FONT_FILES {
        h.update(f);
    }
    h.update(executable_fingerprint());
    h.update(format!("{target:?}"));
    hex(&h.finalize())
}

/// The running program's own bytes: a rebuilt tool rebuilds every leaflet, even when its
/// version number did not change.
fn executable_fingerprint() -> Vec<u8> {
    std::env::current_exe()
        .and_then(fs::read)
        .map(|b| Sha256::digest(&b).to_vec())
        .unwrap_or_default()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The shared data and engine of each `_data` folder, loaded once per run.
struct Library {
    shared: SharedData,
    engine: Engine,
}

pub fn run(opts: &Options) -> Result<Summary, Diagnostic> {
    let started = Instant::now();
    fs::create_dir_all(&opts.out).map_err(|e| {
        Diagnostic::error(&opts.out, format!("cannot create the output folder: {e}"))
            .hint("choose another folder with -o, or check its permissions")
    })?;
    let lock = lock_output(&opts.out)?;
    remove_stale_temps(&opts.out);
    let leaflets = discover(&opts.inputs, &opts.out)?;

    // Shared data per `_data` folder.
    let mut libraries: BTreeMap<Option<PathBuf>, Result<Library, Vec<Diagnostic>>> =
        BTreeMap::new();
    for path in &leaflets {
        let dir = find_data_dir(path.parent().unwrap_or(Path::new(".")));
        libraries.entry(dir.clone()).or_insert_with(|| {
            SharedData::load(dir.as_deref()).map(|shared| Library {
                engine: Engine::new(&shared.hyphenation),
                shared,
            })
        });
    }

    let manifest_path = opts.out.join(MANIFEST);
    let fingerprint = tool_fingerprint(opts.target);
    let old: Manifest = fs::read(&manifest_path)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
        .unwrap_or_default();

    let mut summary = Summary::default();
    let mut names: BTreeMap<String, PathBuf> = BTreeMap::new();
    let mut work = Vec::new();
    for path in &leaflets {
        let Some(name) = output_name(path) else {
            summary.failed += 1;
            summary.diagnostics.push(
                Diagnostic::error(path, "this file name cannot name a PDF")
                    .hint("use letters, digits, '-' and '_' in leaflet file names"),
            );
            continue;
        };
        if let Some(first) = names.get(&name) {
            summary.failed += 1;
            summary.diagnostics.push(
                Diagnostic::error(
                    path,
                    format!("another leaflet, {}, also makes {name}", first.display()),
                )
                .hint("give one of the two files another name"),
            );
            continue;
        }
        names.insert(name.clone(), path.clone());
        work.push((path.clone(), name));
    }

    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.unwrap_or(0))
        .build()
        .map_err(|e| Diagnostic::error(&opts.out, format!("cannot start worker threads: {e}")))?;
    let bar = progress_bar(opts.progress, work.len());
    let outcomes: Vec<Outcome> = pool.install(|| {
        work.par_iter()
            .map(|(path, name)| {
                let dir = find_data_dir(path.parent().unwrap_or(Path::new(".")));
                let outcome = match &libraries[&dir] {
                    Ok(lib) => build_one(lib, path, name, opts, &fingerprint, &old),
                    Err(errors) => Outcome::Failed(errors.clone()),
                };
                if let Some(bar) = &bar {
                    bar.inc(1);
                }
                outcome
            })
            .collect()
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }

    let mut manifest = Manifest {
        tool: fingerprint.clone(),
        leaflets: BTreeMap::new(),
    };
    // Keep entries of leaflets not part of this run (a single-file build must not forget
    // the rest of the library).
    if old.tool == fingerprint {
        manifest.leaflets = old.leaflets.clone();
    }
    for ((_, name), outcome) in work.iter().zip(outcomes) {
        match outcome {
            Outcome::UpToDate(entry, q) => {
                summary.up_to_date += 1;
                if let Some(q) = q {
                    summary.quality.push((name.clone(), q));
                }
                manifest.leaflets.insert(name.clone(), entry);
            }
            Outcome::Built(entry, q, warnings, extras) => {
                summary.built += 1;
                summary.quality.push((name.clone(), q));
                summary.diagnostics.extend(warnings);
                summary.extras.extend(extras);
                manifest.leaflets.insert(name.clone(), entry);
            }
            Outcome::Failed(errors) => {
                summary.failed += 1;
                summary.diagnostics.extend(errors);
                // The old PDF stays, so its manifest line stays too; but with no input hash,
                // so the next run tries again.
                if let Some(mut e) = old.leaflets.get(name).cloned() {
                    e.inputs.clear();
                    manifest.leaflets.insert(name.clone(), e);
                }
            }
        }
    }
    // Entries whose PDF is gone are dropped from the manifest and the index.
    manifest
        .leaflets
        .retain(|name, _| opts.out.join(name).is_file());
    let json = serde_json::to_vec_pretty(&manifest).expect("manifest serialises");
    write_atomic(&manifest_path, &json).map_err(|e| Diagnostic::error(&manifest_path, e))?;
    write_index(&opts.out, &manifest)?;
    drop(lock);
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

enum Outcome {
    UpToDate(Entry, Option<Quality>),
    Built(Entry, Quality, Vec<Diagnostic>, Vec<PathBuf>),
    Failed(Vec<Diagnostic>),
}

fn read_leaflet(path: &Path) -> Result<String, Diagnostic> {
    let size = fs::metadata(path)
        .map_err(|e| Diagnostic::error(path, format!("cannot read it: {e}")))?
        .len();
    if size > MAX_FILE_BYTES as u64 {
        return Err(Diagnostic::error(
            path,
            format!(
                "the file is {} KB; a leaflet may be at most {} KB",
                size / 1024,
                MAX_FILE_BYTES / 1024
            ),
        )
        .hint("check that nothing was pasted into the file by accident"));
    }
    let bytes =
        fs::read(path).map_err(|e| Diagnostic::error(path, format!("cannot read it: {e}")))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
        let line = text.matches('\n').count() + 1;
        let col = text.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Diagnostic::error(path, "the file is not UTF-8 text")
            .at(line, col)
            .hint("save the file as UTF-8 in your editor (\"Save with encoding: UTF-8\")")
    })
}

/// The input hash of one leaflet: its bytes, the shared entries it uses, the house style,
/// the hyphenation exceptions and the tool itself.
fn input_hash(
    source: &str,
    route_key: Option<&str>,
    shared: &SharedData,
    tool: &str,
    opts: &Options,
) -> String {
    let mut h = Sha256::new();
    h.update(tool);
    h.update(source);
    if let Some(key) = route_key {
        h.update(format!("route {key}: {:?}", shared.routes.get(key)));
    }
    h.update(&shared.style_source);
    h.update(&shared.hyphenation);
    h.update(format!("{} {}", opts.booklet, opts.two_up));
    hex(&h.finalize())
}

fn build_one(
    lib: &Library,
    path: &Path,
    name: &str,
    opts: &Options,
    tool: &str,
    old: &Manifest,
) -> Outcome {
    let source = match read_leaflet(path) {
        Ok(s) => s,
        Err(d) => return Outcome::Failed(vec![d]),
    };
    let leaflet = match model::parse(path, &source, &lib.shared) {
        Ok(l) => l,
        Err(e) => return Outcome::Failed(e),
    };
    let inputs = input_hash(
        &source,
        leaflet.route.shared_key.as_deref(),
        &lib.shared,
        tool,
        opts,
    );
    let out_path = opts.out.join(name);
    if !opts.force
        && old.tool == tool
        && let Some(entry) = old.leaflets.get(name)
        && entry.inputs == inputs
        && out_path.is_file()
    {
        let quality = opts.report.then(|| {
            pipeline::typeset(&lib.engine, &lib.shared, path, &source, &leaflet)
                .ok()
                .map(|(_, layout)| report::quality(&layout))
        });
        return Outcome::UpToDate(entry.clone(), quality.flatten());
    }
    let built = match pipeline::build(&lib.engine, &lib.shared, path, &source, opts.target) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(e),
    };
    if let Err(e) = write_atomic(&out_path, &built.pdf) {
        return Outcome::Failed(vec![
            Diagnostic::error(&out_path, e)
                .hint("check that the output folder is writable and the disk is not full"),
        ]);
    }
    let mut extras = Vec::new();
    let stem = name.trim_end_matches(".pdf");
    let sheets = [
        (opts.booklet, Imposition::Booklet, "booklet"),
        (opts.two_up, Imposition::TwoUp, "2up"),
    ];
    for (wanted, kind, suffix) in sheets {
        if !wanted {
            continue;
        }
        let sheets = impose(&built.layout.pages, kind);
        let bytes = crate::pdf::write(
            &sheets,
            &built_meta(&built),
            Target::Office,
            &lib.engine.fonts,
        );
        let p = opts.out.join(format!("{stem}-{suffix}.pdf"));
        if let Err(e) = write_atomic(&p, &bytes) {
            return Outcome::Failed(vec![Diagnostic::error(&p, e)]);
        }
        extras.push(p);
    }
    let warnings = built
        .layout
        .warnings
        .iter()
        .map(|w| Diagnostic::warning(path, w.clone()))
        .collect();
    let entry = Entry {
        source: path.display().to_string(),
        inputs,
        title: built.leaflet.title.clone(),
        revised: built.leaflet.revised.to_string(),
        authors: built.leaflet.authors.clone(),
        route: format!(
            "{} ({})",
            built.leaflet.route.number, built.leaflet.route.description
        ),
        pages: built.layout.pages.len(),
        sha256: hex(&Sha256::digest(&built.pdf)),
    };
    Outcome::Built(entry, report::quality(&built.layout), warnings, extras)
}

fn built_meta(built: &pipeline::Built) -> crate::pdf::Meta {
    crate::pdf::Meta {
        title: built.leaflet.title.clone(),
        authors: built.leaflet.authors.clone(),
        revised: built.leaflet.revised,
        lang: "nl-BE".into(),
    }
}

/// Writes `bytes` to a temporary file beside `path` and renames it into place: readers see
/// the old file or the new one, never half of either. A symlink at `path` is replaced, not
/// followed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    write_atomic_with(path, |f| f.write_all(bytes)).map_err(|e| {
        format!(
            "cannot write {} in {}: {e}",
            path.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or("the file"),
            dir.display()
        )
    })
}

/// The atomic write with the writing step given, so tests can make it fail halfway.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    write(tmp.as_file_mut())?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Leftovers of an interrupted run: temporary files are never valid output.
fn remove_stale_temps(out: &Path) {
    if let Ok(entries) = fs::read_dir(out) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// One run at a time per output folder; a second run waits for the first.
fn lock_output(out: &Path) -> Result<fs::File, Diagnostic> {
    let path = out.join(LOCK);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| {
            Diagnostic::error(out, format!("cannot write in the output folder: {e}"))
                .hint("choose a folder you may write to with -o")
        })?;
    file.lock()
        .map_err(|e| Diagnostic::error(&path, format!("cannot lock the output folder: {e}")))?;
    Ok(file)
}

#[derive(Serialize)]
struct IndexRow<'a> {
    pdf: &'a str,
    source: &'a str,
    title: &'a str,
    revised: &'a str,
    revised_nl: String,
    authors: &'a str,
    route: &'a str,
    pages: usize,
    sha256: &'a str,
}

fn write_index(out: &Path, manifest: &Manifest) -> Result<(), Diagnostic> {
    let rows: Vec<IndexRow> = manifest
        .leaflets
        .iter()
        .map(|(name, e)| IndexRow {
            pdf: name,
            source: &e.source,
            title: &e.title,
            revised: &e.revised,
            revised_nl: chrono::NaiveDate::parse_from_str(&e.revised, "%Y-%m-%d")
                .map(dutch_date)
                .unwrap_or_default(),
            authors: &e.authors,
            route: &e.route,
            pages: e.pages,
            sha256: &e.sha256,
        })
        .collect();
    let json = serde_json::to_vec_pretty(&rows).expect("index serialises");
    let json_path = out.join("index.json");
    write_atomic(&json_path, &json).map_err(|e| Diagnostic::error(&json_path, e))?;
    let mut csv = csv::Writer::from_writer(Vec::new());
    for r in &rows {
        csv.serialize(r)
            .map_err(|e| Diagnostic::error(out, e.to_string()))?;
    }
    let bytes = csv
        .into_inner()
        .map_err(|e| Diagnostic::error(out, e.to_string()))?;
    let csv_path = out.join("index.csv");
    write_atomic(&csv_path, &bytes).map_err(|e| Diagnostic::error(&csv_path, e))
}

fn progress_bar(enabled: bool, len: usize) -> Option<indicatif::ProgressBar> {
    use std::io::IsTerminal;
    if !enabled || !std::io::stderr().is_terminal() || len < 2 {
        return None;
    }
    let bar = indicatif::ProgressBar::new(len as u64);
    if let Ok(style) = indicatif::ProgressStyle::with_template(
        "{bar:40.cyan/blue} {pos}/{len} leaflets ({eta} left)",
    ) {
        bar.set_style(style);
    }
    Some(bar)
}
