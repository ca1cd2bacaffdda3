//! What a run is asked to do, and what it tells at the end.

use crate::diagnostic::Diagnostic;
use crate::pdf::Target;
use crate::report::Quality;
use crate::t;
use std::path::PathBuf;

/// Print output goes to this sub-folder of the output folder, so a print run never
/// overwrites the office PDFs under the same names.
pub const PRINT_DIR: &str = "print";

/// More worker threads than this only add memory: a build is CPU-bound and machines that
/// run it have far fewer cores. `--jobs 100000` would otherwise try to start 100,000 threads.
pub const MAX_JOBS: usize = 64;

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
    /// Also write NAME.html, the accessible web twin, and `index.html`.
    pub html: bool,
    /// Remove the PDFs of leaflets that are gone (they are reported either way).
    pub prune: bool,
    pub report: bool,
    /// Report progress on stderr: a bar on a terminal, a line per built leaflet otherwise.
    pub progress: bool,
    /// Name each PDF `CODE_vVERSION_DATE.pdf` (see `model::control::archive_name`).
    pub archive_names: bool,
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
    /// PDFs of leaflets that failed or were refused in this run: kept on disk, out of date,
    /// and left out of the index.
    pub kept_stale: Vec<String>,
    /// The manifest or the index could not be written (the error is among `diagnostics`).
    pub unwritten: bool,
    pub pruned: bool,
    pub seconds: f64,
    pub diagnostics: Vec<Diagnostic>,
    /// The "due for review" warnings among `diagnostics`, so a report can sum them up when
    /// they are many.
    pub overdue: Vec<Diagnostic>,
    pub quality: Vec<(String, Quality)>,
    /// Extra files written (booklets, 2-up sheets, large print).
    pub extras: Vec<PathBuf>,
    /// Each leaflet built in this run (its PDF's name) with why, in words.
    pub rebuilt: Vec<(String, String)>,
    /// The folder the PDFs were written to, named in the closing line.
    pub out: PathBuf,
}

impl Summary {
    pub fn line(&self) -> String {
        let seconds = format!("{:.1}", self.seconds);
        let seconds = match crate::i18n::current() {
            crate::i18n::Lang::Nl => seconds.replace('.', ","),
            crate::i18n::Lang::En => seconds,
        };
        let mut line = t!(
            "build-summary",
            built = self.built,
            up_to_date = self.up_to_date,
            failed = self.failed,
            seconds = seconds
        );
        if !self.orphans.is_empty() {
            let id = if self.pruned {
                "build-orphans-removed"
            } else {
                "build-orphans-left"
            };
            line.push_str(&t!(id, count = self.orphans.len()));
        }
        if !self.kept_stale.is_empty() {
            line.push_str(&t!("build-stale-kept", count = self.kept_stale.len()));
        }
        if self.interrupted {
            line.push_str(&t!("build-interrupted", count = self.skipped));
        }
        if !self.out.as_os_str().is_empty() {
            line.push_str(&t!("build-out", out = self.out.display().to_string()));
        }
        line
    }

    /// One line per leaflet built, with why: "ct-scan.pdf — route 42 changed".
    pub fn rebuilt_lines(&self) -> Vec<String> {
        let mut rows = self.rebuilt.clone();
        rows.sort();
        rows.into_iter()
            .map(|(name, why)| format!("{name} — {why}"))
            .collect()
    }

    /// The exit code: 128 + the signal after one (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP),
    /// 1 when a leaflet failed or the index could not be written, else 0.
    pub fn exit_code(&self) -> i32 {
        match (self.interrupted, self.signal) {
            (true, Some(s)) => 128 + s,
            (true, None) => 130,
            _ if self.failed > 0 || self.unwritten => 1,
            _ => 0,
        }
    }
}
