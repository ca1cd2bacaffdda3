//! The `new` and `import` commands: where a leaflet file is written, and the refusals that
//! keep a secretary from overwriting a leaflet by accident.

use crate::diagnostic::{Diagnostic, Reporter};
use crate::import;
use crate::scaffold::{self, Draft};
use crate::shared::{SharedData, find_data_dir};
use crate::source::file::{MAX_FILE_BYTES, decode, read_regular};
use crate::t;
use std::path::{Path, PathBuf};

/// `leaflet new SLUG --dir DIR`.
pub fn new(slug: &str, dir: &Path) -> i32 {
    let path = dir.join(format!("{slug}.yaml"));
    let valid = !slug.is_empty()
        && !slug.starts_with(['.', '-'])
        && slug
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
    if !valid {
        return fail(
            Diagnostic::error(&path, t!("new-bad-name", slug = slug)).hint(t!("new-bad-name-hint")),
        );
    }
    let shared = match shared_for(dir) {
        Ok(s) => s,
        Err(errors) => return fail_all(&errors),
    };
    let today = chrono::Local::now().date_naive();
    let draft = scaffold::new_draft(slug, today, &shared);
    let intro = "Nieuwe folder. Vul elk veld in; `leaflet check` zegt wat er nog schort.";
    match write_new(&path, dir, &draft, intro) {
        Ok(()) => {
            println!("{}", t!("new-wrote", path = path.display().to_string()));
            println!("{}", t!("new-next", path = path.display().to_string()));
            0
        }
        Err(d) => fail(d),
    }
}

/// `leaflet import FILE.txt [-o FILE.yaml]`.
pub fn import(file: &Path, output: Option<&Path>) -> i32 {
    let text = match read_text(file) {
        Ok(t) => t,
        Err(d) => return fail(d),
    };
    let path: PathBuf = match output {
        Some(p) => p.to_path_buf(),
        None => {
            let stem = file
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("folder");
            Path::new("leaflets").join(format!("{stem}.yaml"))
        }
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf();
    let shared = match shared_for(&dir) {
        Ok(s) => s,
        Err(errors) => return fail_all(&errors),
    };
    let imported = match import::import(file, &text, &shared) {
        Ok(i) => i,
        Err(d) => return fail(d),
    };
    let intro = format!(
        "Ingelezen uit {} met `leaflet import`; lees na en vul aan.",
        file.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("een tekstbestand")
    );
    let mut reporter = Reporter::default();
    reporter.print_all(&imported.notes);
    if let Err(d) = write_new(&path, &dir, &imported.draft, &intro) {
        return fail(d);
    }
    println!(
        "{}",
        t!(
            "import-wrote",
            path = path.display().to_string(),
            sections = imported.draft.sections.len()
        )
    );
    println!("{}", t!("import-next", path = path.display().to_string()));
    i32::from(imported.notes.iter().any(Diagnostic::is_error))
}

fn shared_for(dir: &Path) -> Result<SharedData, Vec<Diagnostic>> {
    SharedData::load(find_data_dir(dir).as_deref())
}

/// Writes a draft to a file that must not exist yet.
fn write_new(path: &Path, dir: &Path, draft: &Draft, intro: &str) -> Result<(), Diagnostic> {
    if path.exists() {
        return Err(Diagnostic::error(path, t!("file-exists")).hint(t!("file-exists-hint")));
    }
    let yaml = scaffold::render(draft, dir, intro);
    // A draft without a date (a text with no "Laatst aangepast" line) is still written, its
    // `revised` left empty for `check` to point at; the wording is verified on the same
    // draft with a stand-in date, since an empty date cannot be read back.
    let checked = match draft.revised {
        Some(_) => scaffold::verify_round_trip(draft, &yaml),
        None => {
            let mut dated = draft.clone();
            dated.revised = chrono::NaiveDate::from_ymd_opt(2000, 1, 1);
            scaffold::verify_round_trip(&dated, &scaffold::render(&dated, dir, intro))
        }
    };
    checked.map_err(|e| {
        Diagnostic::error(path, t!("nothing-written", error = e.to_string()))
            .hint(t!("nothing-written-hint"))
    })?;
    std::fs::create_dir_all(dir).map_err(|e| {
        Diagnostic::error(dir, t!("mkdir-failed", error = e.to_string()))
            .hint(t!("mkdir-failed-hint"))
    })?;
    write_new_atomic(path, dir, yaml.as_bytes()).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            Diagnostic::error(path, t!("file-exists")).hint(t!("file-exists-hint"))
        } else {
            Diagnostic::error(path, t!("write-nothing", error = e.to_string()))
                .hint(t!("write-nothing-hint"))
        }
    })
}

/// Writes a new file all at once: to a temporary file beside it, then linked into place
/// only if no file of that name appeared meanwhile. A full disk leaves no 0-byte leaflet
/// that would make the retry fail with "already exists".
fn write_new_atomic(path: &Path, dir: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = tempfile::Builder::new()
        .prefix(crate::batch::TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)?;
    std::io::Write::write_all(tmp.as_file_mut(), bytes)?;
    // tempfile creates 0600; a leaflet is shared with the whole secretariat.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist_noclobber(path).map_err(|e| e.error)?;
    Ok(())
}

/// The text of a file to import, in whatever encoding Word or Notepad saved it. Says which
/// encoding was assumed when it had to be guessed.
fn read_text(file: &Path) -> Result<String, Diagnostic> {
    let bytes = read_regular(file, MAX_FILE_BYTES).map_err(|d| d.hint(t!("import-path-hint")))?;
    let decoded = decode(file, &bytes)?;
    if decoded.guessed {
        Reporter::default().print_all(&[Diagnostic::warning(
            file,
            t!("import-guessed", encoding = decoded.encoding.to_string()),
        )
        .hint(t!("import-guessed-hint"))]);
    }
    Ok(decoded.text)
}

fn fail(d: Diagnostic) -> i32 {
    fail_all(&[d])
}

fn fail_all(errors: &[Diagnostic]) -> i32 {
    Reporter::default().print_all(errors);
    1
}
