//! Building a whole library: find the leaflets, skip what has not changed, build the rest in
//! parallel, write every file atomically, and keep a manifest and an index.
//!
//! Safety first: a PDF is written to a temporary file in the output folder and renamed into
//! place, so the print shop never picks up half a file, and a leaflet that fails leaves its
//! previous good PDF where it was. One run at a time holds the output folder's lock.
//!
//! Speed second: a library of hundreds of leaflets is rebuilt after every small edit, so an
//! unchanged leaflet costs one read and one hash, and the fonts and hyphenation patterns are
//! loaded only when some leaflet really has to be typeset.

use crate::diagnostic::Diagnostic;
use crate::impose::{Imposition, impose};
use crate::model::{self, MAX_FILE_BYTES, dutch_date};
use crate::pdf::Target;
use crate::pipeline::{self, Engine};
use crate::report::{self, Quality};
use crate::shared::{SharedData, find_data_dir};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

pub const MANIFEST: &str = ".leaflet-manifest.json";
pub const LOCK: &str = ".leaflet.lock";
const TEMP_PREFIX: &str = ".leaflet-tmp-";

/// Output files are for people and print shops, not just their owner.
#[cfg(unix)]
const OUTPUT_MODE: u32 = 0o644;

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
    /// Report progress on stderr: a bar on a terminal, a line per built leaflet otherwise.
    pub progress: bool,
}

/// One leaflet's line in the manifest: what it was built from and what it became.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub source: String,
    /// Hash of every input; empty after a failed build, so the next run tries again.
    pub inputs: String,
    /// The shared entries the leaflet used (`route:105`), so an unchanged leaflet can be
    /// checked without parsing it again.
    #[serde(default)]
    pub uses: Vec<String>,
    /// Size of the PDF as written: a PDF truncated or replaced behind our back is rebuilt.
    #[serde(default)]
    pub bytes: u64,
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
    /// Leaflets not started because the run was interrupted.
    pub skipped: usize,
    pub interrupted: bool,
    pub seconds: f64,
    pub diagnostics: Vec<Diagnostic>,
    pub quality: Vec<(String, Quality)>,
    /// Extra files written (booklets, 2-up sheets).
    pub extras: Vec<PathBuf>,
}

impl Summary {
    pub fn line(&self) -> String {
        let mut line = format!(
            "{} built, {} up to date, {} failed ({:.1} s)",
            self.built, self.up_to_date, self.failed, self.seconds
        );
        if self.interrupted {
            line.push_str(&format!("; interrupted, {} not started", self.skipped));
        }
        line
    }
}

/// Set from the Ctrl-C handler: workers finish the leaflet in hand, start no new one, and
/// the run still writes a manifest for what it finished.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Makes Ctrl-C (and SIGTERM) stop a build cleanly: no temporary file is left behind and
/// every PDF in the output folder is complete. A second Ctrl-C quits at once; the next run
/// removes its leftovers.
pub fn handle_interrupts() {
    let _ = ctrlc::set_handler(|| {
        if INTERRUPTED.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
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
    let mut entries: Vec<_> = entries
        .flatten()
        .filter_map(|e| Some((e.path(), e.file_type().ok()?)))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name == crate::shared::DATA_DIR {
            continue;
        }
        // Symlinked folders could loop; leaflets live in real folders. (`file_type` does not
        // follow symlinks.)
        if kind.is_dir() {
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

/// The output name of a leaflet: its file stem, and nothing from inside the file. Only
/// letters, digits, `-`, `_`, `.` and spaces, never a leading dot: the name cannot leave the
/// output folder or hide among the tool's own files.
pub fn output_name(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let safe = !stem.is_empty()
        && !stem.starts_with('.')
        && stem
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ' '));
    safe.then(|| format!("{stem}.pdf"))
}

/// A hash of everything the tool itself contributes: its sources, fonts and dependencies (via
/// build.rs), its version and the output target.
fn tool_fingerprint(target: Target) -> String {
    let mut h = Sha256::new();
    h.update(env!("CARGO_PKG_VERSION"));
    h.update(env!("LEAFLET_BUILD_HASH"));
    h.update(format!("{target:?}"));
    hex(&h.finalize())
}

pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// Feeds a length-prefixed value, so that no two different input lists hash alike.
fn feed(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

/// The shared data and engine of one `_data` folder.
struct Library {
    shared: SharedData,
    /// Loaded by the first leaflet that must be typeset: a run where everything is up to
    /// date never pays for parsing fonts and patterns.
    engine: OnceLock<Engine>,
    /// Hash of what every leaflet of this library depends on: the tool, the house style,
    /// the hyphenation exceptions and the run's options.
    context: [u8; 32],
}

impl Library {
    fn new(shared: SharedData, tool: &str, opts: &Options) -> Library {
        let mut h = Sha256::new();
        feed(&mut h, tool.as_bytes());
        feed(&mut h, shared.style_source.as_bytes());
        feed(&mut h, shared.hyphenation.as_bytes());
        feed(
            &mut h,
            format!("{} {}", opts.booklet, opts.two_up).as_bytes(),
        );
        Library {
            context: h.finalize().into(),
            shared,
            engine: OnceLock::new(),
        }
    }

    fn engine(&self) -> &Engine {
        self.engine
            .get_or_init(|| Engine::new(&self.shared.hyphenation))
    }

    /// The input hash of one leaflet: the library context, the leaflet's bytes and the
    /// current value of each shared entry it uses. A leaflet's hash thus changes when its
    /// route's description changes, and not when another route does.
    fn input_hash(&self, source: &str, uses: &[String]) -> String {
        let mut h = Sha256::new();
        h.update(self.context);
        feed(&mut h, source.as_bytes());
        for key in uses {
            feed(&mut h, key.as_bytes());
            let value = match key.split_once(':') {
                Some(("route", k)) => self.shared.routes.get(k).cloned(),
                Some(("contact", k)) => self.shared.contacts.get(k).map(|c| format!("{c:?}")),
                _ => None,
            };
            match value {
                Some(v) => feed(&mut h, v.as_bytes()),
                None => h.update([0xff]),
            }
        }
        hex(&h.finalize())
    }
}

/// One leaflet to build: where it is, what it becomes, and which `_data` it reads.
struct Job {
    path: PathBuf,
    name: String,
    data_dir: Option<PathBuf>,
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
    let fingerprint = tool_fingerprint(opts.target);

    let mut summary = Summary::default();
    let jobs = plan(&leaflets, opts, &mut summary);

    // Shared data per `_data` folder; most libraries have one.
    let mut libraries: BTreeMap<Option<PathBuf>, Result<Library, Vec<Diagnostic>>> =
        BTreeMap::new();
    for job in &jobs {
        libraries.entry(job.data_dir.clone()).or_insert_with(|| {
            SharedData::load(job.data_dir.as_deref())
                .map(|shared| Library::new(shared, &fingerprint, opts))
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

    let manifest_path = opts.out.join(MANIFEST);
    let old_bytes = fs::read(&manifest_path).ok();
    let old: Manifest = old_bytes
        .as_deref()
        .and_then(|b| serde_json::from_slice(b).ok())
        .unwrap_or_default();

    let progress = Progress::new(opts.progress, jobs.len());
    let one = |job: &Job| {
        if INTERRUPTED.load(Ordering::Relaxed) {
            return Outcome::Skipped;
        }
        let outcome = match &libraries[&job.data_dir] {
            Ok(lib) => build_one(lib, &job.path, &job.name, opts, &fingerprint, &old),
            Err(_) => Outcome::Failed(Vec::new()),
        };
        progress.done(&job.name, &outcome);
        outcome
    };
    // One leaflet, or one worker asked for: stay on this thread. Starting a pool costs more
    // than the work, and glibc gives other threads arenas that grow by many small mprotects.
    let outcomes: Vec<Outcome> = if jobs.len() < 2 || opts.jobs == Some(1) {
        jobs.iter().map(one).collect()
    } else {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(opts.jobs.unwrap_or(0))
            .build()
            .map_err(|e| {
                Diagnostic::error(&opts.out, format!("cannot start worker threads: {e}"))
            })?;
        pool.install(|| jobs.par_iter().map(one).collect())
    };
    progress.finish();

    let mut manifest = Manifest {
        tool: fingerprint.clone(),
        leaflets: BTreeMap::new(),
    };
    // Keep entries of leaflets not part of this run (a single-file build must not forget
    // the rest of the library).
    if old.tool == fingerprint {
        manifest.leaflets = old.leaflets.clone();
    }
    for (job, outcome) in jobs.iter().zip(outcomes) {
        let name = &job.name;
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
            Outcome::Skipped => {
                summary.skipped += 1;
                summary.interrupted = true;
                // Not looked at: its old PDF stays listed, and is trusted next time only if
                // it was built by this very tool.
                if let Some(mut e) = old.leaflets.get(name).cloned() {
                    if old.tool != fingerprint {
                        e.inputs.clear();
                    }
                    manifest.leaflets.insert(name.clone(), e);
                }
            }
        }
    }
    summary.interrupted |= INTERRUPTED.load(Ordering::Relaxed);
    // Entries whose PDF is gone are dropped from the manifest and the index.
    manifest
        .leaflets
        .retain(|name, _| opts.out.join(name).is_file());
    let json = serde_json::to_vec_pretty(&manifest).expect("manifest serialises");
    // A run that changed nothing writes nothing: the no-op run is the common one.
    let unchanged = old_bytes.as_deref() == Some(&json[..])
        && opts.out.join(INDEX_JSON).is_file()
        && opts.out.join(INDEX_CSV).is_file();
    if !unchanged {
        write_index(&opts.out, &manifest)?;
        // The manifest last: if the run dies before, the next one sees the old manifest and
        // rebuilds, instead of trusting an index it never wrote.
        write_atomic(&manifest_path, &json).map_err(|e| Diagnostic::error(&manifest_path, e))?;
    }
    drop(lock);
    summary.seconds = started.elapsed().as_secs_f64();
    Ok(summary)
}

/// Gives every leaflet its output name, refusing names that are unsafe or taken twice
/// (including by another leaflet's booklet or 2-up sheet).
fn plan(leaflets: &[PathBuf], opts: &Options, summary: &mut Summary) -> Vec<Job> {
    let mut taken: BTreeMap<String, PathBuf> = BTreeMap::new();
    // Leaflets share folders; look for each folder's `_data` once.
    let mut data_dirs: BTreeMap<PathBuf, Option<PathBuf>> = BTreeMap::new();
    let mut jobs = Vec::new();
    let extras = |name: &str| -> Vec<String> {
        let stem = name.trim_end_matches(".pdf");
        let mut v = Vec::new();
        if opts.booklet {
            v.push(format!("{stem}-booklet.pdf"));
        }
        if opts.two_up {
            v.push(format!("{stem}-2up.pdf"));
        }
        v
    };
    for path in leaflets {
        let Some(name) = output_name(path) else {
            summary.failed += 1;
            summary.diagnostics.push(
                Diagnostic::error(path, "this file name cannot name a PDF")
                    .hint("use letters, digits, '-' and '_' in leaflet file names"),
            );
            continue;
        };
        let mut wanted = vec![name.clone()];
        wanted.extend(extras(&name));
        if let Some((clash, first)) = wanted
            .iter()
            .find_map(|n| taken.get(n).map(|first| (n, first)))
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
        for n in wanted {
            taken.insert(n, path.clone());
        }
        let parent = path.parent().unwrap_or(Path::new("."));
        let data_dir = data_dirs
            .entry(parent.to_path_buf())
            .or_insert_with(|| find_data_dir(parent))
            .clone();
        jobs.push(Job {
            path: path.clone(),
            name,
            data_dir,
        });
    }
    jobs
}

enum Outcome {
    UpToDate(Entry, Option<Quality>),
    Built(Entry, Quality, Vec<Diagnostic>, Vec<PathBuf>),
    Failed(Vec<Diagnostic>),
    Skipped,
}

fn read_leaflet(path: &Path) -> Result<String, Diagnostic> {
    let bytes =
        fs::read(path).map_err(|e| Diagnostic::error(path, format!("cannot read it: {e}")))?;
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Diagnostic::error(
            path,
            format!(
                "the file is {} KB; a leaflet may be at most {} KB",
                bytes.len() / 1024,
                MAX_FILE_BYTES / 1024
            ),
        )
        .hint("check that nothing was pasted into the file by accident"));
    }
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

/// The booklet and 2-up files asked for are still there (someone may have deleted one).
fn sheets_present(opts: &Options, name: &str) -> bool {
    let stem = name.trim_end_matches(".pdf");
    (!opts.booklet || opts.out.join(format!("{stem}-booklet.pdf")).is_file())
        && (!opts.two_up || opts.out.join(format!("{stem}-2up.pdf")).is_file())
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
    let out_path = opts.out.join(name);
    // Up to date: same tool, same source file, same inputs, and the PDF still the one we
    // wrote. Checked before parsing, with the shared entries the last build recorded: if the
    // source is unchanged it still uses exactly those.
    if !opts.force
        && old.tool == tool
        && let Some(entry) = old.leaflets.get(name)
        && !entry.inputs.is_empty()
        && entry.source == path.display().to_string()
        && fs::metadata(&out_path).is_ok_and(|m| m.is_file() && m.len() == entry.bytes)
        && sheets_present(opts, name)
        && entry.inputs == lib.input_hash(&source, &entry.uses)
    {
        let quality = opts.report.then(|| {
            let leaflet = model::parse(path, &source, &lib.shared).ok()?;
            pipeline::typeset(lib.engine(), &lib.shared, path, &source, &leaflet)
                .ok()
                .map(|(_, layout)| report::quality(&layout))
        });
        return Outcome::UpToDate(entry.clone(), quality.flatten());
    }
    let engine = lib.engine();
    let built = match pipeline::build(engine, &lib.shared, path, &source, opts.target) {
        Ok(b) => b,
        Err(e) => return Outcome::Failed(e),
    };
    let contact_key = built.leaflet.contact.as_ref().and_then(|(_, k)| k.as_ref());
    let uses: Vec<String> = built
        .leaflet
        .route
        .shared_key
        .iter()
        .map(|k| format!("route:{k}"))
        .chain(contact_key.map(|k| format!("contact:{k}")))
        .collect();
    let inputs = lib.input_hash(&source, &uses);
    let stem = name.trim_end_matches(".pdf");
    let sheets = [
        (opts.booklet, Imposition::Booklet, "booklet"),
        (opts.two_up, Imposition::TwoUp, "2up"),
    ];
    // Sheets first, the leaflet's own PDF last: a failure halfway leaves the old PDF and the
    // old manifest line, so the next run redoes the lot.
    let mut extras = Vec::new();
    for (wanted, kind, suffix) in sheets {
        if !wanted {
            continue;
        }
        let sheets = impose(&built.layout.pages, kind);
        let bytes = crate::pdf::write(&sheets, &built_meta(&built), Target::Office, &engine.fonts);
        let p = opts.out.join(format!("{stem}-{suffix}.pdf"));
        if let Err(e) = write_atomic(&p, &bytes) {
            return Outcome::Failed(vec![Diagnostic::error(&p, e)]);
        }
        extras.push(p);
    }
    if let Err(e) = write_atomic(&out_path, &built.pdf) {
        return Outcome::Failed(vec![
            Diagnostic::error(&out_path, e)
                .hint("check that the output folder is writable and the disk is not full"),
        ]);
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
        uses,
        bytes: built.pdf.len() as u64,
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
///
/// No fsync: the rename alone makes the write atomic for every reader and for an interrupted
/// or killed run, which is the safety asked for; an fsync costs about 11 ms per file on
/// the build machine, twice the budget of a whole one-leaflet run. After a power cut, a PDF
/// whose size differs from its manifest line is rebuilt by the next run.
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
    // tempfile creates 0600; set the mode explicitly so the umask cannot hide it either.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(OUTPUT_MODE))?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// Leftovers of a killed run: temporary files are never valid output.
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

pub const INDEX_JSON: &str = "index.json";
pub const INDEX_CSV: &str = "index.csv";

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
    let json_path = out.join(INDEX_JSON);
    write_atomic(&json_path, &json).map_err(|e| Diagnostic::error(&json_path, e))?;
    let mut csv = csv::Writer::from_writer(Vec::new());
    for r in &rows {
        csv.serialize(r)
            .map_err(|e| Diagnostic::error(out, e.to_string()))?;
    }
    let bytes = csv
        .into_inner()
        .map_err(|e| Diagnostic::error(out, e.to_string()))?;
    let csv_path = out.join(INDEX_CSV);
    write_atomic(&csv_path, &bytes).map_err(|e| Diagnostic::error(&csv_path, e))
}

/// Progress on stderr: a bar on a terminal; in a log (CI, cron) one plain line per leaflet
/// built or failed, since a redrawn bar there is noise. Up-to-date leaflets stay quiet.
struct Progress {
    bar: Option<indicatif::ProgressBar>,
    lines: bool,
}

impl Progress {
    fn new(enabled: bool, len: usize) -> Progress {
        use std::io::IsTerminal;
        let terminal = std::io::stderr().is_terminal();
        let bar = (enabled && terminal && len > 1).then(|| {
            let bar = indicatif::ProgressBar::new(len as u64);
            if let Ok(style) = indicatif::ProgressStyle::with_template(
                "{bar:40.cyan/blue} {pos}/{len} leaflets ({eta} left)",
            ) {
                bar.set_style(style);
            }
            bar
        });
        Progress {
            bar,
            lines: enabled && !terminal,
        }
    }

    fn done(&self, name: &str, outcome: &Outcome) {
        if let Some(bar) = &self.bar {
            bar.inc(1);
        } else if self.lines {
            match outcome {
                Outcome::Built(..) => eprintln!("built {name}"),
                Outcome::Failed(..) => eprintln!("failed {name}"),
                Outcome::UpToDate(..) | Outcome::Skipped => {}
            }
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_names_come_only_from_safe_file_stems() {
        assert_eq!(
            output_name(Path::new("a/b/immunotherapie.yaml")).as_deref(),
            Some("immunotherapie.pdf")
        );
        assert_eq!(
            output_name(Path::new("x/../../etc/passwd.yaml")).as_deref(),
            Some("passwd.pdf")
        );
        assert_eq!(output_name(Path::new(".hidden.yaml")), None);
        assert_eq!(output_name(Path::new("a;rm -rf.yaml")), None);
        assert_eq!(output_name(Path::new("back\\slash.yaml")), None);
    }

    #[test]
    fn input_hash_depends_only_on_the_route_used() {
        let mut shared = SharedData::default();
        shared.routes.insert("105".into(), "oncologie".into());
        shared.routes.insert("200".into(), "radiologie".into());
        let opts = Options {
            inputs: vec![],
            out: PathBuf::new(),
            jobs: None,
            force: false,
            target: Target::Office,
            booklet: false,
            two_up: false,
            report: false,
            progress: false,
        };
        let uses = vec!["route:105".to_string()];
        let before = Library::new(shared.clone(), "tool", &opts).input_hash("x", &uses);
        shared.routes.insert("200".into(), "spoed".into());
        let other = Library::new(shared.clone(), "tool", &opts).input_hash("x", &uses);
        assert_eq!(before, other);
        shared.routes.insert("105".into(), "dagziekenhuis".into());
        let changed = Library::new(shared.clone(), "tool", &opts).input_hash("x", &uses);
        assert_ne!(before, changed);
        let new_tool = Library::new(shared.clone(), "tool2", &opts).input_hash("x", &uses);
        assert_ne!(changed, new_tool);

        // A shared contact works the same way: only the leaflets that use it see a change.
        let contact = |phone: &str| crate::model::Contact {
            name: "Dagziekenhuis".into(),
            phone: phone.into(),
            hours: None,
        };
        shared
            .contacts
            .insert("dzh".into(), contact("03 821 30 00"));
        let with = vec!["route:105".to_string(), "contact:dzh".to_string()];
        let library = |s: &SharedData| Library::new(s.clone(), "tool", &opts);
        let (a1, b1) = (
            library(&shared).input_hash("x", &with),
            library(&shared).input_hash("x", &uses),
        );
        shared
            .contacts
            .insert("dzh".into(), contact("03 821 30 01"));
        let (a2, b2) = (
            library(&shared).input_hash("x", &with),
            library(&shared).input_hash("x", &uses),
        );
        assert_ne!(a1, a2, "the leaflet using the contact is rebuilt");
        assert_eq!(b1, b2, "a leaflet not using it is not");
    }
}
