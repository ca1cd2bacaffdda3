//! Finding the leaflets of a library: every regular `*.yaml`/`*.yml` file (any case) under
//! the inputs. What is not read is said: a named pipe, a device, a symlinked folder or an
//! unreadable folder is reported, never skipped in silence.

use crate::diagnostic::Diagnostic;
use crate::source::file::kind_of;
use crate::t;
use std::fs;
use std::path::{Path, PathBuf};

/// The leaflet files found, and what was passed over on the way.
#[derive(Debug, Default)]
pub struct Found {
    pub leaflets: Vec<PathBuf>,
    /// Warnings for files passed over; errors for folders that could not be read.
    pub diagnostics: Vec<Diagnostic>,
}

/// Every leaflet file under the inputs, sorted so runs are reproducible (see
/// [`discover_all`]; this drops its diagnostics).
pub fn discover(inputs: &[PathBuf], out: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    discover_all(inputs, out).map(|f| f.leaflets)
}

/// Every leaflet file under the inputs, recursively, skipping `_data` folders, hidden
/// folders and the output folder.
pub fn discover_all(inputs: &[PathBuf], out: &Path) -> Result<Found, Diagnostic> {
    let out_abs = fs::canonicalize(out).ok();
    let mut found = Found::default();
    for input in inputs {
        let meta = fs::metadata(input).map_err(|e| {
            Diagnostic::error(input, t!("input-cannot-open", error = e.to_string()))
                .hint(t!("input-cannot-open-hint"))
        })?;
        if meta.is_file() {
            found.leaflets.push(input.clone());
        } else if meta.is_dir() {
            walk(input, out_abs.as_deref(), &mut found);
        } else {
            return Err(
                Diagnostic::error(input, t!("input-not-leaflet", kind = kind_of(&meta)))
                    .hint(t!("input-not-leaflet-hint")),
            );
        }
    }
    found.leaflets.sort();
    found.leaflets.dedup();
    Ok(found)
}

/// Whether a file name is a leaflet's: `.yaml` or `.yml` in any case (`Wondzorg.YAML` from
/// a Windows share is a leaflet too).
pub fn is_leaflet_name(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

fn walk(dir: &Path, out: Option<&Path>, found: &mut Found) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            found.diagnostics.push(
                Diagnostic::error(dir, t!("folder-unreadable", error = e.to_string()))
                    .hint(t!("folder-unreadable-hint")),
            );
            return;
        }
    };
    let mut entries: Vec<_> = entries
        .flatten()
        .filter_map(|e| Some((e.path(), e.file_type().ok()?)))
        .collect();
    entries.sort_by(|a, b| a.0.cmp(&b.0));
    for (path, kind) in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name == crate::shared::DATA_DIR {
            continue;
        }
        if name.starts_with('.') {
            // Hidden folders (`.git`) hold no leaflets; a hidden leaflet file is said, since
            // a leaflet that disappears from the output without a word looks like a bug.
            if !kind.is_dir() && is_leaflet_name(&path) {
                found.diagnostics.push(
                    Diagnostic::warning(&path, t!("hidden-file")).hint(t!("hidden-file-hint")),
                );
            }
            continue;
        }
        if kind.is_dir() {
            if out.is_some_and(|o| fs::canonicalize(&path).is_ok_and(|p| p == o)) {
                continue;
            }
            walk(&path, out, found);
            continue;
        }
        // `file_type` does not follow symlinks; a symlink is judged by what it points to.
        let meta = if kind.is_symlink() {
            fs::metadata(&path).ok()
        } else {
            None
        };
        if meta.as_ref().is_some_and(|m| m.is_dir()) {
            // Symlinked folders could loop; leaflets live in real folders.
            found
                .diagnostics
                .push(Diagnostic::warning(&path, t!("folder-link")).hint(t!("folder-link-hint")));
            continue;
        }
        if !is_leaflet_name(&path) {
            // Notepad saves "ct-scan.yaml" as "ct-scan.yaml.txt" unless told otherwise: a
            // leaflet that silently drops out of the library looks like a bug.
            let lower = name.to_lowercase();
            if [".yaml.txt", ".yml.txt"].iter().any(|e| lower.ends_with(e)) {
                found.diagnostics.push(
                    Diagnostic::warning(&path, t!("txt-leaflet-skipped"))
                        .hint(t!("txt-leaflet-skipped-hint")),
                );
            }
            continue;
        }
        let regular = if kind.is_symlink() {
            meta.as_ref().is_some_and(|m| m.is_file())
        } else {
            kind.is_file()
        };
        if regular {
            found.leaflets.push(path);
        } else {
            let what = match meta.or_else(|| fs::symlink_metadata(&path).ok()) {
                Some(m) => kind_of(&m),
                None => crate::t!("kind-dangling-link"),
            };
            found.diagnostics.push(
                Diagnostic::warning(&path, t!("not-a-file-skipped", kind = what))
                    .hint(t!("not-a-file-skipped-hint")),
            );
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
    fn leaflet_extensions_in_any_case() {
        for name in ["a.yaml", "a.yml", "Wondzorg.YAML", "b.Yml"] {
            assert!(is_leaflet_name(Path::new(name)), "{name}");
        }
        for name in ["a.txt", "yaml", "a.yaml.bak"] {
            assert!(!is_leaflet_name(Path::new(name)), "{name}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn pipes_links_and_unreadable_folders_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let lib = dir.path();
        fs::write(lib.join("a.yaml"), "x").unwrap();
        fs::write(lib.join("Wondzorg.YAML"), "x").unwrap();
        fs::write(lib.join(".verborgen.yml"), "x").unwrap();
        fs::write(lib.join("kladblok.yaml.txt"), "x").unwrap();
        fs::create_dir(lib.join(".git")).unwrap();
        fs::write(lib.join(".git/x.yaml"), "x").unwrap();
        fs::write(lib.join(".notities"), "x").unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(lib.join("pipe.yaml"))
            .status();
        assert!(made.unwrap().success());
        fs::create_dir(lib.join("elders")).unwrap();
        std::os::unix::fs::symlink(lib.join("elders"), lib.join("link")).unwrap();
        let found = discover_all(&[lib.to_path_buf()], Path::new("/nonexistent")).unwrap();
        let names: Vec<_> = found
            .leaflets
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["Wondzorg.YAML", "a.yaml"]);
        let said: Vec<_> = found
            .diagnostics
            .iter()
            .map(|d| {
                let file = d.file.file_name().unwrap().to_string_lossy().into_owned();
                (file, d.message.clone())
            })
            .collect();
        assert_eq!(
            said,
            [
                (
                    ".verborgen.yml".to_string(),
                    "a hidden file (its name starts with a dot); skipped".to_string()
                ),
                (
                    "kladblok.yaml.txt".to_string(),
                    "a leaflet saved as a text file (.yaml.txt); skipped".to_string()
                ),
                (
                    "link".to_string(),
                    "a link to a folder; its leaflets were not built".to_string()
                ),
                (
                    "pipe.yaml".to_string(),
                    "this is a named pipe (FIFO), not a file; skipped".to_string()
                ),
            ]
        );
    }
}
