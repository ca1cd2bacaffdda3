//! `leaflet watch`: the batch build again after every save, so the PDF beside the editor is
//! never older than the text.
//!
//! Each round is an ordinary [`batch::run`]: the planner decides what a change touches (a
//! leaflet, or every leaflet that reads a changed `_data/` file), and the manifest and the
//! output folder keep their guarantees. A round that fails prints its located diagnostics
//! and the loop waits for the next save; only Ctrl-C (or SIGTERM, SIGHUP) ends it.

use crate::batch::{self, Manifest, Options};
use crate::diagnostic::Reporter;
use crate::serve::nl;
use notify::RecursiveMode;
use notify_debouncer_mini::{DebounceEventResult, new_debouncer};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc;
use std::time::Duration;

/// Editors save in bursts (write a temporary file, rename it, touch its mode): events closer
/// together than this are one save. Short enough that a rebuild starts well within the
/// second the issue allows; long enough to swallow vim's and VS Code's bursts (< 50 ms).
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// How often the loop looks up from waiting to see whether a signal asked it to stop.
const SIGNAL_POLL: Duration = Duration::from_millis(200);

/// Runs the watch loop until a signal; returns the exit code (128 + the signal).
pub fn run(opts: &Options) -> i32 {
    batch::handle_interrupts();
    let (tx, rx) = mpsc::channel::<DebounceEventResult>();
    let mut debouncer = match new_debouncer(DEBOUNCE, tx) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{}", nl::watch_cannot_start(&e.to_string()));
            return 1;
        }
    };
    let out_abs = std::fs::create_dir_all(&opts.out)
        .ok()
        .and_then(|_| std::fs::canonicalize(&opts.out).ok());
    for dir in watched_dirs(&opts.inputs) {
        if let Err(e) = debouncer.watcher().watch(&dir, RecursiveMode::Recursive) {
            eprintln!("{}", nl::watch_cannot_watch(&dir, &e.to_string()));
            return 1;
        }
    }
    println!("{}", nl::watch_started(&opts.inputs, &opts.out));
    let inputs: Vec<PathBuf> = opts
        .inputs
        .iter()
        .filter_map(|p| std::fs::canonicalize(p).ok())
        .collect();
    let mut seen = Contents::default();
    for dir in watched_dirs(&opts.inputs) {
        seen.record_tree(&dir, out_abs.as_deref());
    }
    round(opts, &BTreeSet::new());
    loop {
        if batch::interrupted() {
            println!("{}", nl::watch_stopped());
            return batch::stop_signal().map_or(130, |s| 128 + s);
        }
        let events = match rx.recv_timeout(SIGNAL_POLL) {
            Ok(Ok(events)) => events,
            Ok(Err(e)) => {
                eprintln!("{}", nl::watch_event_error(&e.to_string()));
                continue;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => continue,
            Err(mpsc::RecvTimeoutError::Disconnected) => return 1,
        };
        let changed: BTreeSet<PathBuf> = events
            .into_iter()
            .map(|e| e.path)
            .filter(|p| relevant(p, out_abs.as_deref()) && asked_for(p, &inputs) && seen.changed(p))
            .collect();
        if !changed.is_empty() {
            round(opts, &changed);
        }
    }
}

/// The content hash of every leaflet and shared file, as last seen.
///
/// inotify reports reads too (the build opening a file is an event), and an editor may
/// rewrite a file unchanged; only a real change of content may start a round, or the
/// watcher would rebuild forever from its own reads.
#[derive(Default)]
struct Contents(BTreeMap<PathBuf, Option<[u8; 32]>>);

impl Contents {
    fn hash(path: &Path) -> Option<[u8; 32]> {
        if !path.is_file() {
            return None;
        }
        std::fs::read(path).ok().map(|b| Sha256::digest(&b).into())
    }

    /// Whether `path`'s content differs from when it was last seen (then remembers it).
    fn changed(&mut self, path: &Path) -> bool {
        let now = Self::hash(path);
        // A folder's own events (listing it, adding a file) say nothing by themselves: the
        // file that was added reports its own.
        if now.is_none() && path.is_dir() {
            return false;
        }
        self.0.insert(path.to_path_buf(), now) != Some(now)
    }

    fn record_tree(&mut self, dir: &Path, out: Option<&Path>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if entry.file_type().is_ok_and(|t| t.is_dir()) {
                if out.is_none_or(|o| path != o) {
                    self.record_tree(&path, out);
                }
            } else if relevant(&path, out) {
                self.0.insert(path.clone(), Self::hash(&path));
            }
        }
    }
}

/// One build over the whole library, reporting the leaflets it rebuilt by name.
fn round(opts: &Options, changed: &BTreeSet<PathBuf>) {
    let out = opts.target_dir();
    let before = Manifest::load(&out);
    if !changed.is_empty() {
        let names: Vec<String> = changed.iter().map(|p| short(p)).collect();
        println!("{}", nl::watch_changed(&clock(), &names));
    }
    match batch::run(opts) {
        Ok(summary) => {
            let after = Manifest::load(&out);
            let rebuilt = rebuilt(&before, &after);
            if !rebuilt.is_empty() {
                println!("{}", nl::watch_rebuilt(&clock(), &rebuilt, &out));
            }
            Reporter::default().print_all(&summary.diagnostics);
            println!("{}", summary.line());
        }
        Err(d) => Reporter::default().print_all(&[d]),
    }
}

/// The PDFs whose manifest entry the round wrote anew: built from new inputs, or rewritten.
pub fn rebuilt(before: &Manifest, after: &Manifest) -> Vec<String> {
    after
        .leaflets
        .iter()
        .filter(|(name, entry)| {
            !entry.inputs.is_empty()
                && before.leaflets.get(*name).is_none_or(|old| {
                    old.inputs != entry.inputs
                        || old
                            .files
                            .iter()
                            .map(|f| &f.sha256)
                            .ne(entry.files.iter().map(|f| &f.sha256))
                })
        })
        .map(|(name, _)| name.clone())
        .collect()
}

/// The folders to watch: each folder given, a file's own folder, and every `_data/` folder
/// above them (a library's shared data may sit above the folder that was named).
fn watched_dirs(inputs: &[PathBuf]) -> BTreeSet<PathBuf> {
    let mut dirs = BTreeSet::new();
    for input in inputs {
        let dir = if input.is_dir() {
            input.clone()
        } else {
            match input.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            }
        };
        let Ok(dir) = std::fs::canonicalize(&dir) else {
            continue;
        };
        dirs.extend(crate::shared::data_dirs(&dir));
        dirs.insert(dir);
    }
    // A folder inside another watched one is already covered (watched recursively).
    let all = dirs.clone();
    dirs.retain(|d| !all.iter().any(|o| o != d && d.starts_with(o)));
    dirs
}

/// Whether a changed path can change a PDF: a leaflet or a shared data file, not our own
/// output (the output folder may sit inside the library) nor an editor's swap file.
fn relevant(path: &Path, out: Option<&Path>) -> bool {
    if out.is_some_and(|o| path.starts_with(o)) {
        return false;
    }
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    if name.starts_with('.') || name.ends_with('~') || name.starts_with(batch::TEMP_PREFIX) {
        return false;
    }
    // Shared data is YAML or a word list; a tool's temporary file there (sed's `sedXYZ`)
    // is neither.
    let shared = path
        .components()
        .any(|c| c.as_os_str() == crate::shared::DATA_DIR)
        && path.extension().is_some_and(|e| e == "txt");
    batch::is_leaflet_name(path) || shared
}

/// Whether a change concerns what was asked for: a leaflet named or under a folder named,
/// or shared data (which may sit above them). `watch a.yaml` ignores its neighbours.
fn asked_for(path: &Path, inputs: &[PathBuf]) -> bool {
    inputs.iter().any(|i| path.starts_with(i))
        || path
            .components()
            .any(|c| c.as_os_str() == crate::shared::DATA_DIR)
}

fn short(path: &Path) -> String {
    let cwd = std::env::current_dir().ok();
    let shown = cwd
        .and_then(|c| path.strip_prefix(c).ok().map(Path::to_path_buf))
        .unwrap_or_else(|| path.to_path_buf());
    shown.display().to_string()
}

/// The time of day, so a secretary sees at a glance whether the last line is from her save.
fn clock() -> String {
    chrono::Local::now().format("%H:%M:%S").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_editor_temps_and_other_files_are_not_changes() {
        let out = Path::new("/lib/out");
        assert!(relevant(Path::new("/lib/ct-scan.yaml"), Some(out)));
        assert!(relevant(Path::new("/lib/_data/hyphenation.txt"), Some(out)));
        assert!(!relevant(Path::new("/lib/out/ct-scan.yaml"), Some(out)));
        assert!(!relevant(Path::new("/lib/.ct-scan.yaml.swp"), Some(out)));
        assert!(!relevant(Path::new("/lib/ct-scan.yaml~"), Some(out)));
        assert!(!relevant(Path::new("/lib/notes.txt"), Some(out)));
        assert!(relevant(Path::new("/lib/_data/routes.yaml"), Some(out)));
        assert!(!relevant(Path::new("/lib/_data/sedXtnLG0"), Some(out)));
    }

    #[test]
    fn a_named_file_ignores_its_neighbours_but_not_shared_data() {
        let inputs = [PathBuf::from("/lib/a.yaml"), PathBuf::from("/lib/sub")];
        assert!(asked_for(Path::new("/lib/a.yaml"), &inputs));
        assert!(!asked_for(Path::new("/lib/b.yaml"), &inputs));
        assert!(asked_for(Path::new("/lib/sub/c.yaml"), &inputs));
        assert!(asked_for(Path::new("/lib/_data/routes.yaml"), &inputs));
    }

    #[test]
    fn only_a_change_of_content_counts() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "title: a\n").unwrap();
        let mut seen = Contents::default();
        seen.record_tree(dir.path(), None);
        assert!(!seen.changed(&file), "read, not changed");
        assert!(!seen.changed(dir.path()), "a folder's own event");
        std::fs::write(&file, "title: b\n").unwrap();
        assert!(seen.changed(&file));
        assert!(!seen.changed(&file), "the change is counted once");
        std::fs::remove_file(&file).unwrap();
        assert!(seen.changed(&file), "a deleted leaflet is a change");
        let new = dir.path().join("b.yaml");
        std::fs::write(&new, "x").unwrap();
        assert!(seen.changed(&new), "a new leaflet is a change");
    }

    #[test]
    fn rebuilt_names_new_and_changed_pdfs_but_not_failures() {
        use crate::batch::Entry;
        let entry = |inputs: &str| -> Entry {
            serde_json::from_value(serde_json::json!({
                "source": "a.yaml", "inputs": inputs, "files": [], "title": "", "revised": "",
                "authors": "", "route": "", "pages": 1, "sha256": ""
            }))
            .unwrap()
        };
        let mut before = Manifest::default();
        before.leaflets.insert("same.pdf".into(), entry("1"));
        before.leaflets.insert("changed.pdf".into(), entry("1"));
        let mut after = Manifest::default();
        after.leaflets.insert("same.pdf".into(), entry("1"));
        after.leaflets.insert("changed.pdf".into(), entry("2"));
        after.leaflets.insert("new.pdf".into(), entry("3"));
        after.leaflets.insert("failed.pdf".into(), entry(""));
        assert_eq!(rebuilt(&before, &after), ["changed.pdf", "new.pdf"]);
    }

    #[test]
    fn nested_folders_are_watched_once() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("sub");
        std::fs::create_dir_all(sub.join("_data")).unwrap();
        let dirs = watched_dirs(&[dir.path().to_path_buf(), sub.clone()]);
        assert_eq!(dirs.len(), 1);
        let dirs = watched_dirs(&[sub.join("a.yaml")]);
        assert_eq!(
            dirs.into_iter().collect::<Vec<_>>(),
            [std::fs::canonicalize(&sub).unwrap()]
        );
    }
}
