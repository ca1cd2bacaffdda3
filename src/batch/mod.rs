//! Building a whole library: find the leaflets ([`discover`]), give each its unit of outputs
//! ([`plan`]), prove what is up to date or build it in parallel ([`build`]), write every file
//! atomically ([`files`]), and keep the manifest and the index ([`manifest`], [`index`]).
//!
//! The output folder always tells the truth. A file is trusted only when the manifest says
//! it was built from exactly today's inputs *and* the file on disk is provably the one
//! written then (its stamp, or else its content hash). So a kill at any moment, a file
//! edited or zero-filled behind our back, or a manifest older than the files, only ever
//! costs a rebuild. The manifest and index are rewritten while the run goes (at most every
//! [`FLUSH_INTERVAL`]) and at its end, also after a signal ([`signals`]).
//!
//! Speed matters too: a library of hundreds of leaflets is rebuilt after every small edit,
//! so an unchanged leaflet costs one read, one hash and a few `stat`s, and the fonts and
//! hyphenation patterns are loaded only when some leaflet really has to be typeset.

mod build;
mod discover;
mod files;
mod index;
mod manifest;
mod plan;
mod progress;
mod signals;

pub use discover::{Found, discover, discover_all, is_leaflet_name, output_name};
pub use files::{LOCK, Stamp, TEMP_PREFIX, write_atomic, write_atomic_with};
pub use index::{CSV_SEPARATOR, INDEX_CSV, INDEX_JSON, csv_cell};
pub use manifest::{Entry, FileRecord, MANIFEST, Manifest, hex};
pub use signals::{handle_interrupts, interrupted, stop_signal};

use crate::diagnostic::Diagnostic;
use crate::pdf::Target;
use crate::report::Quality;
use crate::shared::SharedData;
use build::{Library, Outcome, build_one};
use progress::Progress;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Print output goes to this sub-folder of the output folder, so a print run never
/// overwrites the office PDFs under the same names.
pub const PRINT_DIR: &str = "print";

/// More worker threads than this only add memory: a build is CPU-bound and machines that
/// run it have far fewer cores. `--jobs 100000` would otherwise try to start 100,000 threads.
pub const MAX_JOBS: usize = 64;

/// How often the manifest and index are rewritten while a run goes. After every leaflet
/// would cost more than the build itself on a large library (the manifest of 1,000 leaflets
/// is 600 KB); nothing depends on it for safety, since files are proven by content, so
/// this bounds only how much a killed run must redo.
pub const FLUSH_INTERVAL: Duration = Duration::from_millis(250);

#[derive(Debug, Clone)]
pub struct Options {
    pub inputs: Vec<PathBuf>,
    pub out: PathBuf,
    pub jobs: Option<usize>,
    pub force: bool,
    pub target: Target,
    pub booklet: bool,
    pub two_up: bool,
    /// Also write NAME-groot.pdf in the large-print house style.
    pub large_print: bool,
    /// Remove the PDFs of leaflets that are gone (they are reported either way).
    pub prune: bool,
    pub report: bool,
    /// Report progress on stderr: a bar on a terminal, a line per built leaflet otherwise.
    pub progress: bool,
}

impl Options {
    /// Where this run's files go: the output folder, or its `print/` sub-folder.
    pub fn target_dir(&self) -> PathBuf {
        match self.target {
            Target::Office => self.out.clone(),
            Target::Print { .. } => self.out.join(PRINT_DIR),
        }
    }
}

#[derive(Debug, Default)]
pub struct Summary {
    pub built: usize,
    pub up_to_date: usize,
    pub failed: usize,
    /// Leaflets not started because the run was interrupted.
    pub skipped: usize,
    pub interrupted: bool,
    /// The signal that stopped the run (2 SIGINT, 15 SIGTERM, 1 SIGHUP).
    pub signal: Option<i32>,
    /// PDFs whose leaflet is gone: removed with `--prune`, else left and reported.
    pub orphans: Vec<String>,
    pub pruned: bool,
    pub seconds: f64,
    pub diagnostics: Vec<Diagnostic>,
    pub quality: Vec<(String, Quality)>,
    /// Extra files written (booklets, 2-up sheets, large print).
    pub extras: Vec<PathBuf>,
}

impl Summary {
    pub fn line(&self) -> String {
        let mut line = format!(
            "{} built, {} up to date, {} failed ({:.1} s)",
            self.built, self.up_to_date, self.failed, self.seconds
        );
        if !self.orphans.is_empty() {
            let verb = if self.pruned { "removed" } else { "left" };
            line.push_str(&format!(
                "; {} PDF(s) of deleted leaflets {verb}",
                self.orphans.len()
            ));
        }
        if self.interrupted {
            line.push_str(&format!("; interrupted, {} not started", self.skipped));
        }
        line
    }

    /// The exit code: 128 + the signal after one (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP),
    /// 1 when a leaflet failed, else 0.
    pub fn exit_code(&self) -> i32 {
        match (self.interrupted, self.signal) {
            (true, Some(s)) => 128 + s,
            (true, None) => 130,
            _ if self.failed > 0 => 1,
            _ => 0,
        }
    }
}

/// The manifest being brought up to date while the run goes, and written out now and then.
struct Ledger {
    out: PathBuf,
    manifest: manifest::Manifest,
    dirty: bool,
    last_flush: Instant,
    error: Option<Diagnostic>,
}

impl Ledger {
    fn flush(&mut self) {
        let json = self.manifest.to_json();
        let manifest_path = self.out.join(MANIFEST);
        // The index first, the manifest last: both are atomic, and a run that dies between
        // the two leaves a manifest that under-claims, which costs only a rebuild.
        let result = index::write_index(&self.out, &self.manifest).and_then(|()| {
            write_atomic(&manifest_path, &json).map_err(|e| Diagnostic::error(&manifest_path, e))
        });
        if let Err(d) = result {
            self.error.get_or_insert(d);
        }
        self.dirty = false;
        self.last_flush = Instant::now();
    }

    /// Records what became of one leaflet.
    fn record(&mut self, job: &plan::Job, outcome: &Outcome, force: bool) {
        match outcome {
            Outcome::UpToDate(entry, _) => {
                if self.manifest.leaflets.get(&job.name) != Some(entry) {
                    self.manifest
                        .leaflets
                        .insert(job.name.clone(), entry.clone());
                    self.dirty = true;
                }
            }
            Outcome::Built(entry, ..) => {
                let old = self
                    .manifest
                    .leaflets
                    .insert(job.name.clone(), entry.clone());
                // With --force a unit may shrink (no booklet asked for any more): the files
                // it no longer has must not stay behind, out of step.
                if force && let Some(old) = old {
                    for f in &old.files {
                        if !entry.files.iter().any(|n| n.name == f.name) {
                            let _ = fs::remove_file(self.out.join(&f.name));
                        }
                    }
                }
                self.dirty = true;
            }
            Outcome::Failed(_) => {
                // The old files stay, so their manifest line stays too; but with no input
                // hash, so the next run tries again.
                if let Some(e) = self.manifest.leaflets.get_mut(&job.name)
                    && !e.inputs.is_empty()
                {
                    e.inputs.clear();
                    self.dirty = true;
                }
            }
            Outcome::Skipped => {}
        }
        if self.dirty && self.last_flush.elapsed() >= FLUSH_INTERVAL {
            self.flush();
        }
    }
}

/// Old manifest entries whose leaflet file is gone, and not built in this run.
fn find_orphans(old: &manifest::Manifest, jobs: &[plan::Job]) -> BTreeSet<String> {
    let current: BTreeSet<&str> = jobs.iter().map(|j| j.name.as_str()).collect();
    old.leaflets
        .iter()
        .filter(|(name, _)| !current.contains(name.as_str()))
        .filter(|(_, e)| {
            let source = if e.origin.is_empty() {
                &e.source
            } else {
                &e.origin
            };
            !Path::new(source).is_file()
        })
        .map(|(name, _)| name.clone())
        .collect()
}

pub fn run(opts: &Options) -> Result<Summary, Diagnostic> {
    let started = Instant::now();
    let out = opts.target_dir();
    fs::create_dir_all(&out).map_err(|e| {
        Diagnostic::error(&out, format!("cannot create the output folder: {e}"))
            .hint("choose another folder with -o, or check its permissions")
    })?;
    let lock = files::lock_output(&out)?;
    files::remove_stale_temps(&out);
    let found = discover_all(&opts.inputs, &opts.out)?;
    let fingerprint = manifest::tool_fingerprint(opts.target);

    let mut summary = Summary::default();
    summary.failed += found.diagnostics.iter().filter(|d| d.is_error()).count();
    summary.diagnostics.extend(found.diagnostics);
    let (old, old_bytes) = manifest::Manifest::load(&out);
    let jobs = plan::plan(&found.leaflets, opts, &out, &old, &mut summary);

    // Shared data per `_data` folder; most libraries have one.
    let mut libraries: BTreeMap<Option<PathBuf>, Result<Library, Vec<Diagnostic>>> =
        BTreeMap::new();
    for job in &jobs {
        libraries.entry(job.data_dir.clone()).or_insert_with(|| {
            SharedData::load(job.data_dir.as_deref()).map(|s| Library::new(s, &fingerprint))
        });
    }
    // A broken `_data` file is reported once, not once per leaflet that reads it.
    for (dir, lib) in &libraries {
        if let Err(errors) = lib {
            let users = jobs.iter().filter(|j| &j.data_dir == dir).count();
            summary.diagnostics.extend(errors.iter().cloned());
            if let Some(dir) = dir {
                summary.diagnostics.push(
                    Diagnostic::error(dir, format!("{users} leaflet(s) using it were not built"))
                        .hint("fix the shared data above; the previous PDFs were kept"),
                );
            }
        }
    }

    let orphans = find_orphans(&old, &jobs);
    // Entries of leaflets not part of this run stay (a single-file build must not forget
    // the rest of the library); from another tool version they stay listed but untrusted.
    let mut kept = old.leaflets.clone();
    if old.tool != fingerprint {
        kept.values_mut().for_each(|e| e.inputs.clear());
    }
    let ledger = Mutex::new(Ledger {
        out: out.clone(),
        manifest: manifest::Manifest {
            tool: fingerprint.clone(),
            leaflets: kept,
            gone: orphans.clone(),
        },
        dirty: false,
        last_flush: Instant::now(),
        error: None,
    });

    let progress = Progress::new(opts.progress, jobs.len());
    let one = |job: &plan::Job| {
        if signals::interrupted() {
            return Outcome::Skipped;
        }
        let outcome = match &libraries[&job.data_dir] {
            Ok(lib) => build_one(lib, job, opts, &fingerprint, &old),
            Err(_) => Outcome::Failed(Vec::new()),
        };
        if let Ok(mut ledger) = ledger.lock() {
            ledger.record(job, &outcome, opts.force);
        }
        progress.done(&job.name, &outcome);
        outcome
    };
    // One leaflet, or one worker asked for: stay on this thread. Starting a pool costs more
    // than the work, and glibc gives other threads arenas that grow by many small mprotects.
    let workers = opts.jobs.map(|n| n.min(MAX_JOBS));
    let outcomes: Vec<Outcome> = if jobs.len() < 2 || workers == Some(1) {
        jobs.iter().map(one).collect()
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(workers.unwrap_or(0))
            .build()
            .map_err(|e| Diagnostic::error(&out, format!("cannot start worker threads: {e}")))?;
        pool.install(|| jobs.par_iter().map(one).collect())
    };
    progress.finish();

    for (job, outcome) in jobs.iter().zip(outcomes) {
        let name = &job.name;
        match outcome {
            Outcome::UpToDate(_, q) => {
                summary.up_to_date += 1;
                if let Some(q) = q {
                    summary.quality.push((name.clone(), q));
                }
            }
            Outcome::Built(_, q, warnings, extras) => {
                summary.built += 1;
                summary.quality.push((name.clone(), q));
                summary.diagnostics.extend(warnings);
                summary.extras.extend(extras);
            }
            Outcome::Failed(errors) => {
                summary.failed += 1;
                summary.diagnostics.extend(errors);
            }
            Outcome::Skipped => {
                summary.skipped += 1;
                summary.interrupted = true;
            }
        }
    }
    summary.signal = signals::stop_signal();
    summary.interrupted |= summary.signal.is_some();

    let mut ledger = ledger
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    settle_orphans(&mut ledger, &orphans, opts.prune, &mut summary);
    // Entries whose PDF is gone are dropped from the manifest and the index.
    ledger
        .manifest
        .leaflets
        .retain(|name, _| out.join(name).is_file());
    let listed = &ledger.manifest.leaflets;
    ledger
        .manifest
        .gone
        .retain(|name| listed.contains_key(name));
    let json = ledger.manifest.to_json();
    // A run that changed nothing writes nothing: the no-op run is the common one.
    let unchanged = old_bytes.as_deref() == Some(&json[..])
        && out.join(INDEX_JSON).is_file()
        && out.join(INDEX_CSV).is_file();
    if !unchanged {
        ledger.flush();
    }
    if let Some(d) = ledger.error {
        return Err(d);
    }
    drop(lock);
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Reports the PDFs of deleted leaflets, and with `--prune` removes them with their sheets.
/// Not removed by default: a leaflet folder that is only missing for a moment (a share not
/// mounted, a file being renamed) must not cost the print shop its PDFs.
fn settle_orphans(
    ledger: &mut Ledger,
    orphans: &BTreeSet<String>,
    prune: bool,
    summary: &mut Summary,
) {
    for name in orphans {
        let Some(entry) = ledger.manifest.leaflets.get(name) else {
            continue;
        };
        let pdf = ledger.out.join(name);
        if !pdf.is_file() {
            continue;
        }
        summary.orphans.push(name.clone());
        if prune {
            let mut names: Vec<String> = entry.files.iter().map(|f| f.name.clone()).collect();
            if names.is_empty() {
                names.push(name.clone());
            }
            for n in names {
                let _ = fs::remove_file(ledger.out.join(n));
            }
            ledger.manifest.leaflets.remove(name);
            ledger.manifest.gone.remove(name);
            ledger.dirty = true;
        } else {
            summary.diagnostics.push(
                Diagnostic::warning(
                    &pdf,
                    format!(
                        "its leaflet {} is gone; the PDF is not in the index",
                        entry.source
                    ),
                )
                .hint("remove it with `leaflet build --prune`, or restore the leaflet"),
            );
        }
    }
    summary.pruned = prune;
}
