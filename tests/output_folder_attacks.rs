//! The output folder attacked from outside: two leaflets claiming one PDF name (also when
//! the names differ only in case), index files and a manifest damaged or edited by hand,
//! and formula signs in every index.csv cell.
//!
//! All through the real binary, as the secretariat runs it.

mod common;
use common::{stderr, stdout};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

const ROUTES: &str = "105: oncologisch dagziekenhuis en consultaties\n";
const CONTACTS: &str = "dzh:\n  name: Dagziekenhuis\n  phone: 03 821 30 00\n";

fn leaflet(title: &str, body: &str) -> String {
    format!(
        "title: '{title}'\nrevised: 2020-01-02\nauthors: Team hematologie\nroute: 105\n\
         contact: dzh\nsections:\n  - heading: Wat is het?\n    body: |\n      {body}\n"
    )
}

fn library() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("leaflets");
    fs::create_dir_all(lib.join("_data")).unwrap();
    fs::write(lib.join("_data/routes.yaml"), ROUTES).unwrap();
    fs::write(lib.join("_data/contacts.yaml"), CONTACTS).unwrap();
    let out = dir.path().join("out");
    (dir, lib, out)
}

fn build(lib: &Path, out: &Path) -> Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "C")
        .arg("build")
        .arg(lib)
        .arg("-o")
        .arg(out)
        .output()
        .unwrap()
}

/// The summary line, `N built, N up to date, N failed`.
fn summary(o: &Output) -> String {
    let text = stdout(o);
    let line = text.lines().find(|l| l.contains(" built, "));
    let line = line.unwrap_or_else(|| panic!("no summary in {text:?}, stderr {}", stderr(o)));
    line.split(" (").next().unwrap().to_string()
}

fn sha(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    leaflet_printer::batch::hex(&Sha256::digest(bytes))
}

/// `(pdf, sha256)` of every index.json row.
fn index(out: &Path) -> Vec<(String, String)> {
    let rows: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("index.json")).unwrap()).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap().to_string();
            (s("pdf"), s("sha256"))
        })
        .collect()
}

/// Every row of index.json names a PDF on disk with exactly that hash.
fn assert_index_matches_files(out: &Path, names: &[&str]) {
    let rows = index(out);
    let listed: Vec<&str> = rows.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(listed, names);
    for (name, hash) in rows {
        assert_eq!(hash, sha(&fs::read(out.join(&name)).unwrap()), "{name}");
    }
}

#[test]
fn two_leaflets_claiming_one_pdf_are_both_refused_and_the_pdf_there_is_kept() {
    let (_dir, lib, out) = library();
    fs::write(
        lib.join("ct-scan.yaml"),
        leaflet("CT-scan", "Eerste tekst."),
    )
    .unwrap();
    fs::write(lib.join("b.yaml"), leaflet("B", "Tekst.")).unwrap();
    assert_eq!(
        summary(&build(&lib, &out)),
        "2 built, 0 up to date, 0 failed"
    );
    let first = fs::read(out.join("ct-scan.pdf")).unwrap();

    // A second ct-scan.yaml in a sub-folder sorts before the first one: it must not take
    // over ct-scan.pdf, and neither may the first one overwrite what is there.
    fs::create_dir_all(lib.join("a")).unwrap();
    fs::write(
        lib.join("a/ct-scan.yaml"),
        leaflet("Ander", "Andere tekst."),
    )
    .unwrap();
    let run = build(&lib, &out);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(summary(&run), "0 built, 1 up to date, 2 failed");
    let err = stderr(&run);
    let top = lib.join("ct-scan.yaml").display().to_string();
    let sub = lib.join("a/ct-scan.yaml").display().to_string();
    assert!(
        err.contains(&format!(
            "{sub}: error: another leaflet, {top}, also makes ct-scan.pdf; neither was built"
        )),
        "{err}"
    );
    assert!(
        err.contains(&format!(
            "{top}: error: another leaflet, {sub}, also makes ct-scan.pdf; neither was built"
        )),
        "{err}"
    );
    assert_eq!(fs::read(out.join("ct-scan.pdf")).unwrap(), first);
    // Kept, but not listed as current: which leaflet it should be is not settled, and the
    // summary says the old PDF is out of date.
    assert_index_matches_files(&out, &["b.pdf"]);
    assert!(
        stdout(&run).contains("1 old PDF(s) kept, out of date"),
        "{}",
        stdout(&run)
    );

    // Names that differ only in case are one file on a Windows share or a USB stick.
    fs::remove_dir_all(lib.join("a")).unwrap();
    fs::create_dir_all(lib.join("b")).unwrap();
    fs::write(
        lib.join("b/CT-Scan.yaml"),
        leaflet("Ander", "Andere tekst."),
    )
    .unwrap();
    let run = build(&lib, &out);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(summary(&run), "0 built, 1 up to date, 2 failed");
    assert!(
        stderr(&run).contains("also makes ct-scan.pdf, the same name on a Windows share"),
        "{}",
        stderr(&run)
    );
    assert!(!out.join("CT-Scan.pdf").exists());
    assert_eq!(fs::read(out.join("ct-scan.pdf")).unwrap(), first);

    // Resolved: the remaining leaflet is built again (its PDF was not proven meanwhile),
    // and it is the first one's text.
    fs::remove_dir_all(lib.join("b")).unwrap();
    assert_eq!(
        summary(&build(&lib, &out)),
        "1 built, 1 up to date, 0 failed"
    );
    assert_eq!(fs::read(out.join("ct-scan.pdf")).unwrap(), first);
    assert_index_matches_files(&out, &["b.pdf", "ct-scan.pdf"]);
}

#[test]
fn damaged_or_hand_edited_index_and_manifest_are_repaired_by_a_run_that_builds_nothing() {
    let (_dir, lib, out) = library();
    for n in ["a", "b"] {
        fs::write(lib.join(format!("{n}.yaml")), leaflet(n, "Tekst.")).unwrap();
    }
    build(&lib, &out);
    let (json, csv) = (
        fs::read(out.join("index.json")).unwrap(),
        fs::read(out.join("index.csv")).unwrap(),
    );

    fs::write(out.join("index.json"), "garbage").unwrap();
    let mut appended = csv.clone();
    appended.extend_from_slice(b"x.pdf;nep\n");
    fs::write(out.join("index.csv"), appended).unwrap();
    assert_eq!(
        summary(&build(&lib, &out)),
        "0 built, 2 up to date, 0 failed"
    );
    assert_eq!(fs::read(out.join("index.json")).unwrap(), json);
    assert_eq!(fs::read(out.join("index.csv")).unwrap(), csv);

    // A hash changed by hand in the manifest, file stamps untouched: the index must not
    // repeat it. The edited manifest is not trusted, so the leaflets are built again.
    let path = out.join(".leaflet-manifest.json");
    let mut manifest: serde_json::Value =
        serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    let real = manifest["leaflets"]["a.pdf"]["sha256"].clone();
    let fake = "0".repeat(64);
    manifest["leaflets"]["a.pdf"]["sha256"] = fake.clone().into();
    for f in manifest["leaflets"]["a.pdf"]["files"]
        .as_array_mut()
        .unwrap()
    {
        if f["sha256"] == real {
            f["sha256"] = fake.clone().into();
        }
    }
    fs::write(&path, serde_json::to_vec_pretty(&manifest).unwrap()).unwrap();
    assert_eq!(
        summary(&build(&lib, &out)),
        "2 built, 0 up to date, 0 failed"
    );
    assert_index_matches_files(&out, &["a.pdf", "b.pdf"]);
    assert_eq!(fs::read(out.join("index.json")).unwrap(), json);
    assert_eq!(
        summary(&build(&lib, &out)),
        "0 built, 2 up to date, 0 failed"
    );
}

#[test]
fn formula_signs_are_defused_in_every_csv_cell() {
    let (_dir, lib, out) = library();
    // A file name starting with `-` reaches the `pdf` cell. Titles are trimmed when read, so
    // white space before a sign is covered by the unit test of `csv_cell`.
    fs::write(lib.join("-min.yaml"), leaflet(" =1+1", "Tekst.")).unwrap();
    fs::write(lib.join("plus.yaml"), leaflet("  +32 3 821", "Tekst.")).unwrap();
    let run = build(&lib, &out);
    assert!(run.status.success(), "{}", stderr(&run));
    let bytes = fs::read(out.join("index.csv")).unwrap();
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][0], "'-min.pdf");
    assert_eq!(&rows[0][3], "'=1+1");
    assert_eq!(&rows[1][0], "plus.pdf");
    assert_eq!(&rows[1][3], "'+32 3 821");
    // index.json keeps the names and titles as they are.
    assert_eq!(index(&out)[0].0, "-min.pdf");
}
