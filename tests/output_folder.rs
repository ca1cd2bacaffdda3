//! The output folder always tells the truth, whatever happens: runs killed with SIGKILL or
//! stopped with SIGTERM midway through a 300-leaflet batch, same-size edits, zero-filled
//! PDFs, sheets that must follow their PDF, deleted leaflets, print and office output,
//! FIFOs, and an index.csv Excel can open safely.
//!
//! All through the real binary, as the secretariat and the nightly job run it.

mod common;
use common::{counts, output_within, stderr, stdout};

use std::collections::BTreeMap;
use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::Duration;

const ROUTES: &str = "105: oncologisch dagziekenhuis en consultaties\n";
const CONTACTS: &str = "dzh:\n  name: Dagziekenhuis\n  phone: 03 821 30 00\n";

fn leaflet(title: &str, body: &str) -> String {
    format!(
        "title: {title}\nrevised: 2020-01-02\nauthors: Team hematologie\nroute: 105\n\
         contact: dzh\nsections:\n  - heading: Wat is het?\n    body: |\n      {body}\n"
    )
}

/// A library of `n` one-page leaflets sharing one contact.
fn library(n: usize) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("leaflets");
    fs::create_dir_all(lib.join("_data")).unwrap();
    fs::write(lib.join("_data/routes.yaml"), ROUTES).unwrap();
    fs::write(lib.join("_data/contacts.yaml"), CONTACTS).unwrap();
    for i in 0..n {
        fs::write(
            lib.join(format!("folder-{i:03}.yaml")),
            leaflet(
                &format!("Folder {i}"),
                "Immunotherapie versterkt het afweersysteem van het lichaam.",
            ),
        )
        .unwrap();
    }
    (dir, lib)
}

fn leaflet_cmd(lib: &Path, out: &Path, extra: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_leaflet"));
    cmd.env("LC_ALL", "C")
        .arg("build")
        .arg(lib)
        .arg("-o")
        .arg(out)
        .args(extra);
    cmd
}

fn build(lib: &Path, out: &Path, extra: &[&str]) -> Output {
    leaflet_cmd(lib, out, extra).output().unwrap()
}

/// Every PDF in a folder, by name.
fn pdfs(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".pdf"))
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                fs::read(e.path()).unwrap(),
            )
        })
        .collect()
}

fn assert_same_pdfs(reference: &Path, out: &Path) {
    let (want, got) = (pdfs(reference), pdfs(out));
    assert_eq!(
        want.keys().collect::<Vec<_>>(),
        got.keys().collect::<Vec<_>>()
    );
    let differ: Vec<&String> = want
        .iter()
        .filter(|(name, bytes)| got[*name] != **bytes)
        .map(|(name, _)| name)
        .collect();
    assert!(differ.is_empty(), "differ from a clean build: {differ:?}");
}

fn no_temp_files(out: &Path) {
    let temps: Vec<_> = fs::read_dir(out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("tmp"))
        .collect();
    assert!(temps.is_empty(), "left behind: {temps:?}");
}

fn index_rows(out: &Path) -> Vec<serde_json::Value> {
    let index: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("index.json")).unwrap()).unwrap();
    index.as_array().unwrap().clone()
}

fn sha(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    leaflet_printer::batch::hex(&Sha256::digest(bytes))
}

/// Every leaflet the manifest and index list has exactly the PDF they describe.
fn assert_index_tells_the_truth(out: &Path, n: usize) {
    let rows = index_rows(out);
    assert_eq!(rows.len(), n);
    for row in rows {
        let name = row["pdf"].as_str().unwrap();
        let bytes = fs::read(out.join(name)).unwrap();
        assert_eq!(row["sha256"].as_str().unwrap(), sha(&bytes), "{name}");
    }
}

fn set_phone(lib: &Path, phone: &str) {
    fs::write(
        lib.join("_data/contacts.yaml"),
        CONTACTS.replace("03 821 30 00", phone),
    )
    .unwrap();
}

/// Starts a build, waits until `after` leaflets were built (the progress lines on stderr),
/// sends `signal`, and returns the finished process's output.
fn interrupt(lib: &Path, out: &Path, jobs: &str, after: usize, signal: &str) -> Output {
    let mut child = leaflet_cmd(lib, out, &["--jobs", jobs])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let mut built = 0;
    while built < after {
        let line = lines
            .next()
            .expect("the run ended before the signal")
            .unwrap();
        if line.starts_with("built ") {
            built += 1;
        }
    }
    let sent = Command::new("kill")
        .args([signal, &child.id().to_string()])
        .status()
        .unwrap();
    assert!(sent.success());
    let rest: Vec<String> = lines.map_while(Result::ok).collect();
    let mut output = child.wait_with_output().unwrap();
    output.stderr = rest.join("\n").into_bytes();
    output
}

#[cfg(unix)]
#[test]
fn killed_and_stopped_runs_are_repaired_byte_for_byte() {
    const N: usize = 300;
    let (dir, lib) = library(N);
    let reference = dir.path().join("reference");
    let clean = build(&lib, &reference, &["--force"]);
    assert_eq!(counts(&clean), (N, 0, 0), "{}", stderr(&clean));

    let out = dir.path().join("out");
    assert_eq!(counts(&build(&lib, &out, &[])), (N, 0, 0));

    // The case: a same-size edit of a shared phone number, a kill midway, the number
    // put back. The PDFs built with the wrong number must not be kept as up to date.
    // "…30 30" gives PDFs of the very same size as "…30 00" (checked below), so a size
    // check alone would take them for up to date.
    set_phone(&lib, "03 821 30 30");
    let killed = interrupt(&lib, &out, "1", 10, "-KILL");
    assert_eq!(killed.status.code(), None, "SIGKILL ends it without a code");
    // One worker, so the first ten leaflets are the ones rewritten with the wrong number.
    let (want, got) = (pdfs(&reference), pdfs(&out));
    let same_size_but_wrong = (0..10)
        .map(|i| format!("folder-{i:03}.pdf"))
        .filter(|name| want[name] != got[name] && want[name].len() == got[name].len())
        .count();
    assert!(
        same_size_but_wrong >= 1,
        "only {same_size_but_wrong} same-size wrong PDFs"
    );
    set_phone(&lib, "03 821 30 00");
    let repaired = build(&lib, &out, &[]);
    assert!(repaired.status.success(), "{}", stderr(&repaired));
    let (rebuilt, _, _) = counts(&repaired);
    assert!(rebuilt >= 10, "only {rebuilt} rebuilt after a kill");
    no_temp_files(&out);
    assert_same_pdfs(&reference, &out);
    assert_index_tells_the_truth(&out, N);

    // SIGTERM: a clean stop with summary, exit 143, no temporary file, and an index and
    // manifest that describe the files on disk.
    set_phone(&lib, "03 821 30 01");
    let stopped = interrupt(&lib, &out, "2", 10, "-TERM");
    assert_eq!(stopped.status.code(), Some(143), "{}", stdout(&stopped));
    assert!(
        stdout(&stopped).contains("interrupted"),
        "{}",
        stdout(&stopped)
    );
    let (built, up, failed) = counts(&stopped);
    assert!((10..N).contains(&built), "{built}");
    assert_eq!((up, failed), (0, 0));
    no_temp_files(&out);
    assert_index_tells_the_truth(&out, N);
    set_phone(&lib, "03 821 30 00");
    let repaired = build(&lib, &out, &[]);
    assert!(repaired.status.success(), "{}", stderr(&repaired));
    assert_eq!(
        counts(&repaired).0,
        built,
        "exactly the stopped run's PDFs are redone"
    );
    assert_same_pdfs(&reference, &out);
    assert_index_tells_the_truth(&out, N);
    assert_eq!(counts(&build(&lib, &out, &[])), (0, N, 0));
}

#[cfg(unix)]
#[test]
fn sigint_and_sighup_stop_cleanly_with_their_codes() {
    // Enough leaflets that the signal always comes before the end.
    const N: usize = 200;
    let (_dir, lib) = library(N);
    let out = lib.parent().unwrap().join("out");
    for (signal, code) in [("-INT", 130), ("-HUP", 129)] {
        let _ = fs::remove_dir_all(&out);
        let stopped = interrupt(&lib, &out, "2", 2, signal);
        assert_eq!(stopped.status.code(), Some(code), "{signal}");
        assert!(stdout(&stopped).contains("interrupted"), "{signal}");
        no_temp_files(&out);
        let built = counts(&stopped).0;
        assert_index_tells_the_truth(&out, built);
        let rest = build(&lib, &out, &[]);
        assert_eq!(counts(&rest), (N - built, built, 0), "{signal}");
    }
}

#[test]
fn zero_filled_and_rewritten_pdfs_of_the_same_size_are_rebuilt() {
    let (_dir, lib) = library(3);
    let out = lib.parent().unwrap().join("out");
    assert_eq!(counts(&build(&lib, &out, &[])), (3, 0, 0));
    let a = out.join("folder-000.pdf");
    let b = out.join("folder-001.pdf");
    let good_a = fs::read(&a).unwrap();
    let good_b = fs::read(&b).unwrap();
    let mtime = fs::metadata(&a).unwrap().modified().unwrap();

    // Zero-filled in place, its modification time put back: only the content tells.
    let mut f = fs::OpenOptions::new().write(true).open(&a).unwrap();
    f.write_all(&vec![0u8; good_a.len()]).unwrap();
    f.set_modified(mtime).unwrap();
    drop(f);
    // Another PDF's bytes flipped, size kept.
    let mut flipped = good_b.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x20;
    fs::write(&b, &flipped).unwrap();

    let run = build(&lib, &out, &[]);
    assert_eq!(counts(&run), (2, 1, 0), "{}", stderr(&run));
    assert_eq!(fs::read(&a).unwrap(), good_a);
    assert_eq!(fs::read(&b).unwrap(), good_b);

    // A PDF copied back with the right content is trusted again without a rebuild.
    let copy = out.join("copy");
    fs::copy(&a, &copy).unwrap();
    fs::rename(&copy, &a).unwrap();
    assert_eq!(counts(&build(&lib, &out, &[])), (0, 3, 0));
}

#[test]
fn a_same_size_edit_of_a_leaflet_is_rebuilt() {
    let (_dir, lib) = library(2);
    let out = lib.parent().unwrap().join("out");
    assert_eq!(counts(&build(&lib, &out, &[])), (2, 0, 0));
    let src = lib.join("folder-000.yaml");
    let text = fs::read_to_string(&src).unwrap();
    fs::write(&src, text.replace("Folder 0", "Folder 9")).unwrap();
    assert_eq!(counts(&build(&lib, &out, &[])), (1, 1, 0));
    assert_eq!(index_rows(&out)[0]["title"], "Folder 9");
}

#[test]
fn booklet_two_up_and_large_print_follow_their_pdf() {
    let (dir, lib) = library(2);
    let out = dir.path().join("out");
    let all = ["--booklet", "--two-up", "--large-print"];
    assert_eq!(counts(&build(&lib, &out, &all)), (2, 0, 0));
    let unit = [
        "folder-000.pdf",
        "folder-000-booklet.pdf",
        "folder-000-2up.pdf",
        "folder-000-groot.pdf",
    ];
    for name in unit {
        assert!(out.join(name).is_file(), "{name}");
    }
    // An edit, then a plain build: the whole unit follows, not only the PDF.
    let src = lib.join("folder-000.yaml");
    let text = fs::read_to_string(&src).unwrap();
    fs::write(&src, text.replace("Wat is het?", "Wat is immunotherapie?")).unwrap();
    let plain = build(&lib, &out, &[]);
    assert_eq!(counts(&plain), (1, 1, 0), "{}", stderr(&plain));
    let reference = dir.path().join("reference");
    assert!(build(&lib, &reference, &all).status.success());
    for name in unit {
        assert_eq!(
            fs::read(out.join(name)).unwrap(),
            fs::read(reference.join(name)).unwrap(),
            "{name} is out of step with its PDF"
        );
    }
    // A sheet deleted by hand brings back the unit on the next run.
    fs::remove_file(out.join("folder-001-2up.pdf")).unwrap();
    assert_eq!(counts(&build(&lib, &out, &[])), (1, 1, 0));
    assert!(out.join("folder-001-2up.pdf").is_file());

    // The large-print edition carries the same words, footer and route, in larger type:
    // the body text runs over more lines, so its page holds fewer words per line.
    let large = fs::read(out.join("folder-000-groot.pdf")).unwrap();
    let normal = fs::read(out.join("folder-000.pdf")).unwrap();
    assert_eq!(
        common::words(&common::pdf_text(&large)),
        common::words(&common::pdf_text(&normal))
    );
    let lines = |pdf: &[u8]| {
        common::pdf_text(pdf)
            .lines()
            .filter(|l| !l.trim().is_empty())
            .count()
    };
    assert!(
        lines(&large) > lines(&normal),
        "large print is not set larger"
    );

    // --force makes exactly what is asked: sheets not asked for are removed.
    assert_eq!(counts(&build(&lib, &out, &["--force"])), (2, 0, 0));
    assert_eq!(
        pdfs(&out).keys().cloned().collect::<Vec<_>>(),
        ["folder-000.pdf", "folder-001.pdf"]
    );
}

#[test]
fn pdfs_of_deleted_leaflets_are_reported_left_out_of_the_index_and_pruned_on_request() {
    let (dir, lib) = library(3);
    let out = dir.path().join("out");
    assert_eq!(counts(&build(&lib, &out, &[])), (3, 0, 0));
    fs::rename(lib.join("folder-001.yaml"), lib.join("folder-one.yaml")).unwrap();
    let run = build(&lib, &out, &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    assert_eq!(counts(&run), (1, 2, 0));
    assert!(stdout(&run).contains("1 PDF(s) of deleted leaflets left"));
    assert!(
        stderr(&run).contains("folder-001.pdf") && stderr(&run).contains("--prune"),
        "{}",
        stderr(&run)
    );
    let listed: Vec<_> = index_rows(&out)
        .iter()
        .map(|r| r["pdf"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        listed,
        ["folder-000.pdf", "folder-002.pdf", "folder-one.pdf"]
    );
    assert!(out.join("folder-001.pdf").is_file(), "kept without --prune");
    // Reported on every run, not only the first.
    let again = build(&lib, &out, &[]);
    assert!(
        stderr(&again).contains("folder-001.pdf"),
        "{}",
        stderr(&again)
    );

    let pruned = build(&lib, &out, &["--prune"]);
    assert!(stdout(&pruned).contains("1 PDF(s) of deleted leaflets removed"));
    assert!(!out.join("folder-001.pdf").exists());
    let quiet = build(&lib, &out, &[]);
    assert!(!stderr(&quiet).contains("folder-001"), "{}", stderr(&quiet));
    assert_eq!(index_rows(&out).len(), 3);
}

#[test]
fn print_output_has_its_own_folder_and_the_index_says_the_target() {
    let (dir, lib) = library(1);
    let out = dir.path().join("out");
    assert!(build(&lib, &out, &[]).status.success());
    let office = fs::read(out.join("folder-000.pdf")).unwrap();
    let print = build(&lib, &out, &["--target", "print"]);
    assert!(print.status.success(), "{}", stderr(&print));
    assert_eq!(fs::read(out.join("folder-000.pdf")).unwrap(), office);
    let print_pdf = fs::read(out.join("print/folder-000.pdf")).unwrap();
    assert_ne!(print_pdf, office);
    assert_eq!(index_rows(&out)[0]["target"], "office");
    assert_eq!(index_rows(&out.join("print"))[0]["target"], "print");
    // The office run does not take the print folder for leaflets or orphans.
    let again = build(&lib, &out, &[]);
    assert_eq!(counts(&again), (0, 1, 0));
    assert!(out.join("print/folder-000.pdf").is_file());
}

#[cfg(unix)]
#[test]
fn a_fifo_is_skipped_with_a_warning_and_yaml_in_capitals_is_built() {
    let (dir, lib) = library(1);
    let made = Command::new("mkfifo")
        .arg(lib.join("pijp.yaml"))
        .status()
        .unwrap();
    assert!(made.success());
    fs::write(
        lib.join("Wondzorg.YAML"),
        leaflet("Wondzorg", "Verzorg de wonde elke dag."),
    )
    .unwrap();
    let out = dir.path().join("out");
    let output = output_within(leaflet_cmd(&lib, &out, &[]), Duration::from_secs(60))
        .expect("the build hangs on a FIFO");
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(counts(&output), (2, 0, 0));
    assert!(
        stderr(&output).contains("pijp.yaml")
            && stderr(&output).contains("named pipe (FIFO), not a file; skipped"),
        "{}",
        stderr(&output)
    );
    assert!(out.join("Wondzorg.pdf").is_file());
}

#[test]
fn too_many_jobs_are_refused_at_once() {
    let (dir, lib) = library(1);
    let out = build(&lib, &dir.path().join("out"), &["--jobs", "100000"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("give at most 64"), "{}", stderr(&out));
}

#[test]
fn index_csv_opens_in_flemish_excel_and_runs_no_formulas() {
    let (dir, lib) = library(0);
    fs::write(
        lib.join("formule.yaml"),
        leaflet("=HYPERLINK(\"http://x\";\"klik\")", "Tekst.")
            .replace(
                "title: =HYPERLINK(\"http://x\";\"klik\")",
                "title: '=HYPERLINK(\"http://x\";\"klik\")'",
            )
            .replace("Team hematologie", "\"@Team, één\""),
    )
    .unwrap();
    let out = dir.path().join("out");
    let run = build(&lib, &out, &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    let bytes = fs::read(out.join("index.csv")).unwrap();
    assert!(bytes.starts_with(b"\xef\xbb\xbf"), "no UTF-8 BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "pdf;source;target;title;revised;revised_nl;authors;route;pages;sha256;code;version;lang"
    );
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let row = reader.records().next().unwrap().unwrap();
    assert_eq!(&row[3], "'=HYPERLINK(\"http://x\";\"klik\")");
    assert_eq!(&row[6], "'@Team, één");
    assert_eq!(&row[5], "2 januari 2020");
    // The JSON index keeps the title as written.
    assert_eq!(
        index_rows(&out)[0]["title"],
        "=HYPERLINK(\"http://x\";\"klik\")"
    );
}
