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
mod ledger;
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
use ledger::{Ledger, find_orphans};
use progress::Progress;
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;
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
    let old = manifest::Manifest::load(&out);
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

    let ledger = Mutex::new(Ledger::new(
        &out,
        &old,
        &fingerprint,
        find_orphans(&old, &jobs),
    ));

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

    let ledger = ledger
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    ledger.finish(opts.prune, &mut summary)?;
    drop(lock);
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}
