//! Building a whole library: find the leaflets ([`discover`]), give each its unit of outputs
//! ([`plan`]), prove what is up to date or build it in parallel ([`build`]), write every file
//! atomically ([`files`]), and keep the manifest and the index ([`manifest`], [`index`]).
//!
//! The output folder always tells the truth. A file is trusted only when the manifest says
//! it was built from exactly today's inputs *and* the file on disk is provably the one
//! written then (its stamp, or else its content hash). So a kill at any moment, a file
//! edited or zero-filled behind our back, or a manifest older than the files, only ever
//! costs a rebuild. The manifest and index are rewritten while the run goes (at most every
//! [`ledger::FLUSH_INTERVAL`]) and at its end, also after a signal ([`signals`]).
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
mod options;
mod plan;
mod progress;
mod reason;
mod recover;
mod signals;
pub mod versions;

pub use discover::{Found, discover, discover_all, is_leaflet_name, output_name};
pub use files::{LOCK, Stamp, TEMP_PREFIX, write_atomic, write_atomic_with};
pub use index::{CSV_SEPARATOR, INDEX_CSV, INDEX_JSON, csv_cell};
pub use manifest::{Entry, FileRecord, MANIFEST, Manifest, hex};
pub use options::{MAX_JOBS, Options, PRINT_DIR, Summary};
pub use signals::{handle_interrupts, interrupted, stop_signal};

use crate::diagnostic::Diagnostic;
use crate::shared::SharedData;
use crate::t;
use build::{Library, Outcome, build_one};
use ledger::{Ledger, find_orphans};
use progress::Progress;
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Instant;

pub fn run(opts: &Options) -> Result<Summary, Diagnostic> {
    let started = Instant::now();
    let out = opts.target_dir();
    fs::create_dir_all(&out).map_err(|e| {
        Diagnostic::error(&out, t!("out-cannot-create", error = e.to_string()))
            .hint(t!("out-cannot-create-hint"))
    })?;
    let lock = files::lock_output(&out)?;
    files::remove_stale_temps(&out);
    let found = discover_all(&opts.inputs, &opts.out)?;
    let fingerprint = manifest::tool_fingerprint(opts.target);

    let mut summary = Summary {
        out: out.clone(),
        ..Summary::default()
    };
    summary.failed += found.diagnostics.iter().filter(|d| d.is_error()).count();
    summary.diagnostics.extend(found.diagnostics);
    // Without a manifest to trust, what the folder holds is learnt from the files: the
    // extras beside each PDF, and the tool's PDFs that no leaflet makes.
    let trusted = manifest::Manifest::load_trusted(&out);
    let recovery = (trusted.is_none() && recover::worth_it(&out))
        .then(|| recover::Recovery::new(&opts.inputs, &out, opts.archive_names));
    let mut old = trusted.unwrap_or_default();
    let planned = plan::plan(
        &found.leaflets,
        opts,
        &out,
        &old,
        recovery.as_ref(),
        &mut summary,
    );
    if let Some(recovery) = &recovery {
        let made: BTreeSet<String> = planned
            .jobs
            .iter()
            .flat_map(|j| j.outputs.iter().map(|(_, n)| n))
            .chain(&planned.refused)
            .map(|n| plan::clash_key(n))
            .collect();
        old.leaflets.extend(recovery.orphans(&made));
    }
    let old = old;
    let jobs = planned.jobs;

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
                    Diagnostic::error(dir, t!("data-users-not-built", users = users))
                        .hint(t!("data-users-not-built-hint")),
                );
            }
        }
    }

    let mut ledger = Ledger::new(
        &out,
        &old,
        &fingerprint,
        find_orphans(&old, &jobs, &planned.refused, opts.archive_names),
    );
    for name in &planned.refused {
        ledger.distrust(name);
    }
    let ledger = Mutex::new(ledger);

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
            .map_err(|e| Diagnostic::error(&out, t!("threads-failed", error = e.to_string())))?;
        pool.install(|| jobs.par_iter().map(one).collect())
    };
    progress.finish();

    let today = chrono::Local::now().date_naive();
    for (job, outcome) in jobs.iter().zip(outcomes) {
        let name = &job.name;
        // Built or not, a leaflet overdue for review says so on every build.
        if let (Outcome::UpToDate(entry, _) | Outcome::Built(entry, ..), Ok(lib)) =
            (&outcome, &libraries[&job.data_dir])
            && let Ok(revised) = entry.revised.parse()
        {
            let years = lib.shared.style.review_years;
            if let Some(d) = crate::lint::review_due(&job.path, revised, years, today) {
                summary.overdue.push(d.clone());
                summary.diagnostics.push(d);
            }
        }
        match outcome {
            Outcome::UpToDate(_, rows) => {
                summary.up_to_date += 1;
                for (suffix, q) in rows {
                    summary.quality.push((row_name(name, suffix), q));
                }
            }
            Outcome::Built(_, rows, warnings, extras, why) => {
                summary.built += 1;
                summary
                    .rebuilt
                    .push((name.clone(), reason::describe_all(&why)));
                for (suffix, q) in rows {
                    summary.quality.push((row_name(name, suffix), q));
                }
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
    // A manifest or index that cannot be written is one more error of the run, told with
    // the others: why each leaflet failed (a read-only folder fails them all) matters more.
    if let Err(d) = ledger.finish(opts.prune, &mut summary) {
        summary.unwritten = true;
        summary.diagnostics.push(d);
    }
    drop(lock);
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// A report row's name: the output's file name without `.pdf` (`ct-scan`, `ct-scan-groot`).
fn row_name(name: &str, suffix: &str) -> String {
    format!("{}{suffix}", name.trim_end_matches(".pdf"))
}
