//! The output folder never holds a stale file that is taken for current: a leaflet built
//! from a sub-folder or through a relative path reads the same `_data` cascade.
//!
//! All through the real binary, as the secretariat and the nightly job run it.

mod common;
use common::{counts, stderr, stdout};

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const ROUTES: &str = "105: oncologisch dagziekenhuis en consultaties\n";

fn leaflet(title: &str, body: &str) -> String {
    format!(
        "title: {title}\nrevised: 2020-01-02\nauthors: Team hematologie\nroute: 105\n\
         sections:\n  - heading: Wat is het?\n    body: |\n      {body}\n"
    )
}

/// `leaflet ARGS` run in `dir`.
fn run_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap()
}

#[test]
fn a_sub_folder_leaflet_reads_the_same_data_however_its_path_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("T3");
    let sub = lib.join("afdeling");
    fs::create_dir_all(lib.join("_data")).unwrap();
    fs::create_dir_all(sub.join("_data")).unwrap();
    fs::write(lib.join("_data/routes.yaml"), ROUTES).unwrap();
    fs::write(lib.join("_data/hospital.yaml"), "name: AZ Proefzorg\n").unwrap();
    fs::write(
        sub.join("_data/routes.yaml"),
        "105: oncologisch dagziekenhuis (afdeling)\n",
    )
    .unwrap();
    fs::write(sub.join("immuno.yaml"), leaflet("Immuno", "Tekst.")).unwrap();
    let out = dir.path().join("T3o");
    let out_arg = out.to_str().unwrap();

    let first = run_in(dir.path(), &["build", "T3", "-o", out_arg]);
    assert_eq!(counts(&first), (1, 0, 0), "{}", stderr(&first));
    let pdf = fs::read(out.join("immuno.pdf")).unwrap();
    let text = common::pdf_text(&pdf);
    assert!(text.contains("AZ Proefzorg"), "no colophon: {text}");
    assert!(
        text.contains("(afdeling)"),
        "not the sub-folder's route: {text}"
    );

    // The same leaflet named from its own folder, as a file and as `.`: the same cascade,
    // so up to date, and a clean build from there gives the very same PDF.
    for input in ["immuno.yaml", ".", "./immuno.yaml", "../afdeling"] {
        let again = run_in(&sub, &["build", input, "-o", out_arg]);
        assert_eq!(counts(&again), (0, 1, 0), "{input}: {}", stdout(&again));
    }
    let clean = dir.path().join("clean");
    let built = run_in(
        &sub,
        &["build", "immuno.yaml", "-o", clean.to_str().unwrap()],
    );
    assert!(built.status.success(), "{}", stderr(&built));
    assert!(
        fs::read(clean.join("immuno.pdf")).unwrap() == pdf,
        "not the PDF of a clean build"
    );

    // A sub-folder with only a style finds every route of the library above it.
    fs::remove_file(sub.join("_data/routes.yaml")).unwrap();
    fs::write(sub.join("_data/style.yaml"), "body_size: 12\n").unwrap();
    let only_style = run_in(&sub, &["build", "immuno.yaml", "-o", out_arg]);
    assert!(only_style.status.success(), "{}", stderr(&only_style));
    assert_eq!(counts(&only_style), (1, 0, 0));
    let again = run_in(dir.path(), &["build", "T3", "-o", out_arg]);
    assert_eq!(counts(&again), (0, 1, 0), "{}", stdout(&again));
}
