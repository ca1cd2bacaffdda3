//! The manifest as the run changes it: what each finished leaflet became, written out now
//! and then while the run goes, and once at its end (also after a signal).
//!
//! Kept as changes over the previous manifest rather than a copy of it: the common run
//! changes nothing, and then costs no copy, no serialising and no write.

use super::build::Outcome;
use super::discover::output_name;
use super::files::write_atomic;
use super::index;
use super::manifest::{Entry, MANIFEST, Manifest};
use super::options::Summary;
use super::plan::{Job, name_of};
use crate::diagnostic::Diagnostic;
use crate::t;
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// How often the manifest and index are rewritten while a run goes. After every leaflet
/// would cost more than the build itself on a large library (the manifest of 1,000 leaflets
/// is 600 KB); nothing depends on it for safety, since files are proven by content, so
/// this bounds only how much a killed run must redo.
pub const FLUSH_INTERVAL: Duration = Duration::from_millis(250);

pub struct Ledger<'a> {
    out: PathBuf,
    base: &'a Manifest,
    tool: String,
    /// Entries built or re-stamped in this run.
    changes: BTreeMap<String, Entry>,
    /// Leaflets that failed: their old files stay, untrusted (no input hash) and stale.
    failed: BTreeSet<String>,
    /// Leaflets of this run that failed or were refused: their old PDF, if any, is kept
    /// out of date, and the summary says so.
    kept: BTreeSet<String>,
    /// Leaflets whose file is gone while their PDF is left.
    gone: BTreeSet<String>,
    dirty: bool,
    last_flush: Instant,
    error: Option<Diagnostic>,
}

impl<'a> Ledger<'a> {
    pub fn new(out: &Path, base: &'a Manifest, tool: &str, gone: BTreeSet<String>) -> Self {
        Ledger {
            out: out.to_path_buf(),
            base,
            tool: tool.to_string(),
            changes: BTreeMap::new(),
            failed: BTreeSet::new(),
            kept: BTreeSet::new(),
            gone,
            dirty: false,
            last_flush: Instant::now(),
            error: None,
        }
    }

    fn current(&self, name: &str) -> Option<&Entry> {
        self.changes
            .get(name)
            .or_else(|| self.base.leaflets.get(name))
    }

    /// The manifest as it stands: the old one with this run's changes. Entries of leaflets
    /// not part of this run stay (a single-file build must not forget the rest of the
    /// library); from another tool version they stay listed but untrusted.
    fn merged(&self) -> Manifest {
        let mut leaflets = self.base.leaflets.clone();
        if self.base.tool != self.tool {
            leaflets.values_mut().for_each(|e| e.inputs.clear());
        }
        leaflets.extend(self.changes.iter().map(|(k, v)| (k.clone(), v.clone())));
        for name in &self.failed {
            if let Some(e) = leaflets.get_mut(name) {
                e.inputs.clear();
                e.stale = true;
            }
        }
        Manifest {
            tool: self.tool.clone(),
            leaflets,
            gone: self.gone.clone(),
        }
    }

    fn write(&mut self, manifest: &Manifest) {
        let manifest_path = self.out.join(MANIFEST);
        // The index first, the manifest last: both are atomic, and a run that dies between
        // the two leaves a manifest that under-claims, which costs only a rebuild.
        let result = index::write_index(&self.out, manifest).and_then(|()| {
            write_atomic(&manifest_path, &manifest.to_json())
                .map_err(|e| Diagnostic::error(&manifest_path, e))
        });
        if let Err(d) = result {
            self.error.get_or_insert(d);
        }
        self.dirty = false;
        self.last_flush = Instant::now();
    }

    /// Takes a leaflet's files as unproven and out of date, as if its build had failed:
    /// the name is claimed by two leaflets now, and whichever is kept must be built anew
    /// once that is resolved.
    pub fn distrust(&mut self, name: &str) {
        self.kept.insert(name.to_string());
        if self
            .current(name)
            .is_some_and(|e| !e.inputs.is_empty() || !e.stale)
        {
            self.changes.remove(name);
            self.failed.insert(name.to_string());
            self.dirty = true;
        }
    }

    /// Records what became of one leaflet, and writes the manifest and index when the last
    /// write is [`FLUSH_INTERVAL`] ago.
    pub fn record(&mut self, job: &Job, outcome: &Outcome, force: bool) {
        match outcome {
            Outcome::UpToDate(entry, _) => {
                if self.current(&job.name) != Some(entry) {
                    self.changes.insert(job.name.clone(), entry.clone());
                    self.dirty = true;
                }
            }
            Outcome::Built(entry, ..) => {
                // With --force a unit may shrink (no booklet asked for any more): the files
                // it no longer has must not stay behind, out of step.
                // So may one whose extras were found on disk without a manifest.
                if force {
                    let old = self.current(&job.name).map(|e| &e.files[..]).unwrap_or(&[]);
                    let old = old.iter().map(|f| &f.name).chain(&job.found);
                    for name in old {
                        if !entry.files.iter().any(|n| &n.name == name) {
                            let _ = fs::remove_file(self.out.join(name));
                        }
                    }
                }
                self.changes.insert(job.name.clone(), entry.clone());
                self.failed.remove(&job.name);
                self.kept.remove(&job.name);
                self.dirty = true;
            }
            Outcome::Failed(_) => self.distrust(&job.name),
            Outcome::Skipped => {}
        }
        if self.dirty && self.last_flush.elapsed() >= FLUSH_INTERVAL {
            let manifest = self.merged();
            self.write(&manifest);
        }
    }

    /// Ends the run: reports the PDFs of deleted leaflets (removing them with `--prune`),
    /// drops entries whose PDF is gone, and writes the manifest and index unless nothing at
    /// all changed.
    pub fn finish(mut self, prune: bool, summary: &mut Summary) -> Result<(), Diagnostic> {
        let out = self.out.clone();
        let orphans: Vec<(String, String)> = self
            .gone
            .iter()
            .filter(|name| out.join(name).is_file())
            .filter_map(|name| Some((name.clone(), why_orphan(self.current(name)?))))
            .collect();
        summary.pruned = prune;
        for (name, why) in &orphans {
            summary.orphans.push(name.clone());
            if !prune {
                summary.diagnostics.push(
                    Diagnostic::warning(&out.join(name), why.clone()).hint(t!("orphan-hint")),
                );
            }
        }
        // A leaflet that did not build keeps its last PDF, which is now out of date: said
        // here, since the index leaves it out and the print shop may ask where it went.
        for name in &self.kept {
            if out.join(name).is_file() {
                summary.kept_stale.push(name.clone());
                summary.diagnostics.push(
                    Diagnostic::warning(&out.join(name), t!("stale-kept"))
                        .hint(t!("stale-kept-hint")),
                );
            }
        }
        let missing = |name: &String| !out.join(name).is_file();
        let quiet = !self.dirty
            && self.changes.is_empty()
            && self.failed.is_empty()
            && (orphans.is_empty() || !prune)
            && self.gone == self.base.gone
            && self.base.tool == self.tool
            && !self.base.leaflets.keys().any(missing)
            && out.join(MANIFEST).is_file()
            && index::is_current(&out, self.base);
        if !quiet {
            let mut manifest = self.merged();
            if prune {
                for (name, _) in &orphans {
                    if let Some(entry) = manifest.leaflets.remove(name) {
                        let mut names: Vec<&str> =
                            entry.files.iter().map(|f| f.name.as_str()).collect();
                        if names.is_empty() {
                            names.push(name);
                        }
                        for n in names {
                            let _ = fs::remove_file(out.join(n));
                        }
                    }
                }
            }
            // Entries whose PDF is gone are dropped from the manifest and the index.
            manifest.leaflets.retain(|name, _| !missing(name));
            let listed = &manifest.leaflets;
            manifest.gone.retain(|name| listed.contains_key(name));
            self.write(&manifest);
        }
        match self.error {
            Some(d) => Err(d),
            None => Ok(()),
        }
    }
}

/// Why an orphan is one, for its warning: its leaflet is gone, its leaflet makes another
/// name now, or no leaflet is known to have made it (found without a manifest).
fn why_orphan(entry: &Entry) -> String {
    let origin = origin(entry);
    if origin.is_empty() {
        t!("orphan-unknown")
    } else if Path::new(origin).is_file() {
        t!("orphan-renamed", source = entry.source.as_str())
    } else {
        t!("orphan", source = entry.source.as_str())
    }
}

fn origin(entry: &Entry) -> &str {
    if entry.origin.is_empty() {
        &entry.source
    } else {
        &entry.origin
    }
}

/// Old manifest entries whose files no leaflet makes any more, and not built in this run:
/// their leaflet file is gone, or it makes another name under this run's naming. A name
/// two leaflets claim (`refused`) has leaflets, so its files are not orphans.
pub fn find_orphans(
    old: &Manifest,
    jobs: &[Job],
    refused: &BTreeSet<String>,
    archive_names: bool,
) -> BTreeSet<String> {
    let current: BTreeSet<&str> = jobs
        .iter()
        .map(|j| j.name.as_str())
        .chain(refused.iter().map(String::as_str))
        .collect();
    let in_run: BTreeMap<&str, &str> = jobs
        .iter()
        .map(|j| (j.origin.as_str(), j.name.as_str()))
        .collect();
    old.leaflets
        .iter()
        .filter(|(name, _)| !current.contains(name.as_str()))
        .filter(|(name, e)| {
            let origin = origin(e);
            !Path::new(origin).is_file()
                || no_longer_made(name, origin, in_run.get(origin).copied(), archive_names)
        })
        .map(|(name, _)| name.clone())
        .collect()
}

/// Whether the leaflet file at `origin`, still there, no longer makes `name` under the
/// naming of this run (`now`: its name in this run, when it is built in it). After a
/// switch to `--archive-names` the plain-named PDF is left behind, and after a switch back
/// the archive-named ones; but an archive keeps every published version, so with
/// `--archive-names` an older version's PDF is not an orphan.
fn no_longer_made(name: &str, origin: &str, now: Option<&str>, archive_names: bool) -> bool {
    let origin = Path::new(origin);
    let now = match now {
        Some(n) => Some(n.to_string()),
        None => name_of(origin, archive_names),
    };
    match now {
        None => false,
        Some(now) if now == name => false,
        Some(_) if archive_names => output_name(origin).as_deref() == Some(name),
        Some(_) => true,
    }
}
