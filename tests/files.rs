//! File safety: what the tool does to the output folder when things go wrong.
//!
//! Why this exists: the output folder is what the print shop and the intranet pick files
//! from. A half-written PDF, a symlink followed to overwrite a file elsewhere, a failed
//! rebuild that destroys the last good PDF, or two builds racing each other into a corrupt
//! manifest would each put a wrong leaflet in a patient's hands, or none at all. Each test
//! here sets up one of those situations and checks the folder afterwards.

use leaflet_printer::batch::{self, MANIFEST, Manifest, Options, write_atomic, write_atomic_with};
use leaflet_printer::pdf::Target;
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

const LEAFLET: &str = "title: Immunotherapie\nrevised: 2016-03-23\nauthors: Team hematologie\n\
route: {number: 105, description: oncologisch dagziekenhuis}\nsections:\n  - heading: Waarom?\n    \
body: |\n      Immunotherapie is een behandeling waarbij het afweersysteem versterkt wordt.\n";

fn options(inputs: Vec<PathBuf>, out: &Path) -> Options {
    Options {
        inputs,
        out: out.to_path_buf(),
        jobs: Some(2),
        force: false,
        target: Target::Office,
        booklet: false,
        two_up: false,
        large_print: false,
        html: false,
        prune: false,
        report: false,
        progress: false,
        archive_names: false,
    }
}

/// A library folder with `n` leaflets, `leaflet-0.yaml` …
fn library(n: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..n {
        fs::write(
            dir.path().join(format!("leaflet-{i}.yaml")),
            LEAFLET.replace("Immunotherapie\n", &format!("Immunotherapie {i}\n")),
        )
        .unwrap();
    }
    dir
}

fn temp_files(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".leaflet-tmp-"))
        .collect()
}

fn is_pdf(path: &Path) -> bool {
    fs::read(path)
        .ok()
        .and_then(|b| lopdf::Document::load_mem(&b).ok())
        .is_some_and(|d| !d.get_pages().is_empty())
}

#[test]
fn a_reader_sees_the_old_file_or_the_new_one_never_half() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("leaflet.pdf");
    let size = 512 * 1024;
    write_atomic(&path, &vec![b'a'; size]).unwrap();
    let done = Arc::new(AtomicBool::new(false));
    let reader = {
        let (path, done) = (path.clone(), done.clone());
        std::thread::spawn(move || {
            let mut reads = 0;
            while !done.load(Ordering::Relaxed) {
                let bytes = fs::read(&path).expect("the file is always there");
                assert_eq!(bytes.len(), size, "a reader saw a partial file");
                assert!(
                    bytes.iter().all(|&b| b == bytes[0]),
                    "a reader saw a mix of two versions"
                );
                reads += 1;
            }
            reads
        })
    };
    for i in 0..60 {
        let fill = if i % 2 == 0 { b'b' } else { b'a' };
        write_atomic(&path, &vec![fill; size]).unwrap();
    }
    done.store(true, Ordering::Relaxed);
    assert!(reader.join().unwrap() > 0);
    assert!(temp_files(dir.path()).is_empty());
}

#[test]
fn a_writer_failing_midway_leaves_the_previous_pdf_intact() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("leaflet.pdf");
    write_atomic(&path, b"%PDF-1.7 the good one").unwrap();
    let err = write_atomic_with(&path, |f| {
        f.write_all(b"%PDF-1.7 half of the new")?;
        Err(std::io::Error::other("disk full"))
    })
    .unwrap_err();
    assert!(err.to_string().contains("disk full"));
    assert_eq!(fs::read(&path).unwrap(), b"%PDF-1.7 the good one");
    assert!(
        temp_files(dir.path()).is_empty(),
        "the half-written temporary file must be removed"
    );
}

#[test]
fn a_leaflet_that_stops_building_keeps_its_last_good_pdf() {
    let lib = library(1);
    let out = tempfile::tempdir().unwrap();
    let opts = options(vec![lib.path().to_path_buf()], out.path());
    assert_eq!(batch::run(&opts).unwrap().built, 1);
    let pdf = out.path().join("leaflet-0.pdf");
    let good = fs::read(&pdf).unwrap();

    fs::write(lib.path().join("leaflet-0.yaml"), "title: [kapot\n").unwrap();
    let summary = batch::run(&opts).unwrap();
    assert_eq!(summary.failed, 1);
    assert_eq!(
        fs::read(&pdf).unwrap(),
        good,
        "the last good PDF was touched"
    );
    let manifest: Manifest =
        serde_json::from_slice(&fs::read(out.path().join(MANIFEST)).unwrap()).unwrap();
    let entry = &manifest.leaflets["leaflet-0.pdf"];
    assert!(
        entry.inputs.is_empty(),
        "a failed leaflet is retried next run"
    );
    assert_eq!(entry.sha256, batch::hex(&Sha256::digest(&good)));
}

#[cfg(unix)]
#[test]
fn a_symlink_at_an_output_path_is_replaced_not_followed() {
    use std::os::unix::fs::symlink;
    let lib = library(1);
    let out = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let victims = ["victim.pdf", "victim.json", "victim.csv", "victim-manifest"];
    for v in victims {
        fs::write(elsewhere.path().join(v), "precious").unwrap();
    }
    symlink(
        elsewhere.path().join("victim.pdf"),
        out.path().join("leaflet-0.pdf"),
    )
    .unwrap();
    symlink(
        elsewhere.path().join("victim.json"),
        out.path().join("index.json"),
    )
    .unwrap();
    symlink(
        elsewhere.path().join("victim.csv"),
        out.path().join("index.csv"),
    )
    .unwrap();
    symlink(
        elsewhere.path().join("victim-manifest"),
        out.path().join(MANIFEST),
    )
    .unwrap();
    let summary = batch::run(&options(vec![lib.path().to_path_buf()], out.path())).unwrap();
    assert_eq!(summary.built, 1, "{:?}", summary.diagnostics);
    for v in victims {
        assert_eq!(
            fs::read_to_string(elsewhere.path().join(v)).unwrap(),
            "precious",
            "{v} was overwritten through a symlink"
        );
    }
    let pdf = out.path().join("leaflet-0.pdf");
    assert!(!fs::symlink_metadata(&pdf).unwrap().is_symlink());
    assert!(is_pdf(&pdf));
}

#[test]
fn an_output_folder_inside_the_input_folder_works() {
    let lib = library(2);
    let out = lib.path().join("out");
    // Something that looks like a leaflet inside the output folder is not one.
    fs::create_dir(&out).unwrap();
    fs::write(out.join("stray.yaml"), LEAFLET).unwrap();
    let opts = options(vec![lib.path().to_path_buf()], &out);
    let first = batch::run(&opts).unwrap();
    assert_eq!(
        (first.built, first.failed),
        (2, 0),
        "{:?}",
        first.diagnostics
    );
    assert!(!out.join("stray.pdf").exists());
    let second = batch::run(&opts).unwrap();
    assert_eq!((second.built, second.up_to_date, second.failed), (0, 2, 0));
    for i in 0..2 {
        assert!(is_pdf(&out.join(format!("leaflet-{i}.pdf"))));
    }
}

/// As root, permission bits do not stop a write, so that check only runs for other users;
/// an output path below a regular file fails for everyone, root included.
#[cfg(unix)]
#[test]
fn an_output_folder_that_cannot_be_written_gives_a_clear_error() {
    use std::os::unix::fs::PermissionsExt;
    let lib = library(1);
    let base = tempfile::tempdir().unwrap();

    let file = base.path().join("a-file");
    fs::write(&file, "not a folder").unwrap();
    let err = batch::run(&options(vec![lib.path().to_path_buf()], &file.join("out")))
        .expect_err("an output folder below a file cannot be created");
    assert!(
        err.message.contains("cannot create the output folder"),
        "{err}"
    );
    assert!(err.file.starts_with(&file), "{err}");
    assert!(err.hint.is_some(), "{err}");

    let read_only = base.path().join("read-only");
    fs::create_dir(&read_only).unwrap();
    fs::set_permissions(&read_only, fs::Permissions::from_mode(0o555)).unwrap();
    let privileged = fs::write(read_only.join("probe"), "").is_ok();
    if privileged {
        eprintln!("running with privileges that ignore permission bits: read-only check skipped");
        return;
    }
    let err = batch::run(&options(vec![lib.path().to_path_buf()], &read_only))
        .expect_err("a read-only output folder");
    assert!(err.message.contains("cannot write"), "{err}");
    assert!(err.hint.is_some(), "{err}");
    assert!(fs::read_dir(&read_only).unwrap().next().is_none());
}

fn run_build(lib: &Path, out: &Path) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "C")
        .arg("build")
        .arg(lib)
        .arg("-o")
        .arg(out)
        .arg("--force")
        .args(["--jobs", "1"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn two_builds_of_one_folder_at_once_both_finish_with_a_consistent_manifest() {
    let lib = library(4);
    let out = lib.path().join("out");
    let a = run_build(lib.path(), &out);
    let b = run_build(lib.path(), &out);
    let started = Instant::now();
    for child in [a, b] {
        let output = child.wait_with_output().unwrap();
        assert!(
            output.status.success(),
            "{}\n{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        );
        assert!(String::from_utf8_lossy(&output.stdout).contains("4 built"));
    }
    assert!(started.elapsed() < Duration::from_secs(120));
    let manifest: Manifest =
        serde_json::from_slice(&fs::read(out.join(MANIFEST)).unwrap()).unwrap();
    assert_eq!(manifest.leaflets.len(), 4);
    for (name, entry) in &manifest.leaflets {
        let bytes = fs::read(out.join(name)).unwrap();
        assert_eq!(
            entry.sha256,
            batch::hex(&Sha256::digest(&bytes)),
            "{name} is not the file the manifest describes"
        );
        assert!(is_pdf(&out.join(name)));
    }
    let index: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("index.json")).unwrap()).unwrap();
    assert_eq!(index.as_array().map(Vec::len), Some(4));
    assert!(temp_files(&out).is_empty());
}

fn leaflet_in(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

#[test]
fn import_reads_windows_1252_and_utf16_and_says_which_it_assumed() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("leaflets")).unwrap();
    // Notepad's "ANSI": é, ° and à as single bytes; and no date, authors or route line.
    fs::write(
        dir.path().join("wondzorg.txt"),
        b"Wondzorg thuis\n\nVerzorg de w\xe9nde elke dag. Bij koorts boven 38\xb0 belt u \xe0 la minute.\n",
    )
    .unwrap();
    let out = leaflet_in(dir.path(), &["import", "wondzorg.txt"]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(
        err.contains("wondzorg.txt: warning: the text is not UTF-8; it was read as windows-1252"),
        "{err}"
    );
    // Missing fields are reported, and the draft is written all the same.
    assert!(err.contains("field `revised`"), "{err}");
    let yaml = fs::read_to_string(dir.path().join("leaflets/wondzorg.yaml")).unwrap();
    assert!(
        yaml.contains("Verzorg de wénde elke dag. Bij koorts boven 38° belt u à la minute."),
        "{yaml}"
    );
    assert!(!yaml.contains('\u{FFFD}'));
    assert!(yaml.contains("revised: ''"), "{yaml}");

    // UTF-16 with a byte-order mark (Word's "Unicode"): read as such, no warning.
    let mut utf16 = vec![0xff, 0xfe];
    for u in "Valpreventie\n\nStaan en gaan, één voor één.\n".encode_utf16() {
        utf16.extend(u.to_le_bytes());
    }
    fs::write(dir.path().join("val.txt"), utf16).unwrap();
    let out = leaflet_in(dir.path(), &["import", "val.txt"]);
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!err.contains("not UTF-8"), "{err}");
    let yaml = fs::read_to_string(dir.path().join("leaflets/val.yaml")).unwrap();
    assert!(yaml.contains("Staan en gaan, één voor één."), "{yaml}");
}

/// A full disk, made with a file-size limit: the write fails halfway. No 0-byte or partial
/// leaflet may stay behind, or the retry would be refused with "already exists".
#[cfg(unix)]
#[test]
fn new_on_a_full_disk_leaves_nothing_and_the_retry_works() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("leaflets")).unwrap();
    let limited = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 1; exec \"$0\" new wondzorg-thuis")
        .arg(env!("CARGO_BIN_EXE_leaflet"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&limited.stderr).into_owned();
    assert_eq!(limited.status.code(), Some(1), "{err}");
    assert!(err.contains("nothing was written"), "{err}");
    assert!(
        leftovers(&dir.path().join("leaflets")).is_empty(),
        "left behind: {:?}",
        leftovers(&dir.path().join("leaflets"))
    );
    let retry = leaflet_in(dir.path(), &["new", "wondzorg-thuis"]);
    assert!(
        retry.status.success(),
        "{}",
        String::from_utf8_lossy(&retry.stderr)
    );
    // The retry wrote the whole template: `check` reads it and finds only the places still
    // to be filled in, nothing broken or cut off.
    let check = leaflet_in(dir.path(), &["check", "leaflets/wondzorg-thuis.yaml"]);
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&check.stdout),
        String::from_utf8_lossy(&check.stderr)
    );
    let errors: Vec<&str> = said.lines().filter(|l| l.contains(": error: ")).collect();
    assert!(!errors.is_empty(), "{said}");
    assert!(
        errors
            .iter()
            .all(|l| l.contains("is still to be filled in")),
        "{said}"
    );
}
