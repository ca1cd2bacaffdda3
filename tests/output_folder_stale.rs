//! The output folder never holds a stale file that is taken for current: a leaflet built
//! from a sub-folder or through a relative path reads the same `_data` cascade, a figure
//! behind a retargeted link is read again, and a French text rebuilds only French leaflets.
//!
//! All through the real binary, as the secretariat and the nightly job run it.

mod common;
use common::{counts, stderr, stdout};

use std::fs;
use std::path::{Path, PathBuf};
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

fn build(lib: &Path, out: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["build", lib.to_str().unwrap(), "-o", out.to_str().unwrap()];
    args.extend_from_slice(extra);
    run_in(lib.parent().unwrap(), &args)
}

/// A library `leaflets/` with routes and the given leaflets, and an output folder `out`.
fn library(leaflets: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("leaflets");
    fs::create_dir_all(lib.join("_data")).unwrap();
    fs::write(lib.join("_data/routes.yaml"), ROUTES).unwrap();
    for (name, title) in leaflets {
        fs::write(
            lib.join(format!("{name}.yaml")),
            leaflet(title, "Immunotherapie versterkt het afweersysteem."),
        )
        .unwrap();
    }
    let out = dir.path().join("out");
    (dir, lib, out)
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

#[test]
fn a_retargeted_figure_link_rebuilds_or_is_refused() {
    use std::os::unix::fs::symlink;
    let (dir, lib, out) = library(&[]);
    let svg = |fill: &str| {
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\">\
             <rect width=\"200\" height=\"100\" fill=\"{fill}\"/></svg>"
        )
    };
    for (folder, fill) in [("v1", "#000000"), ("v2", "#808080")] {
        fs::create_dir_all(lib.join(folder)).unwrap();
        fs::write(lib.join(folder).join("arm.svg"), svg(fill)).unwrap();
    }
    fs::write(lib.join("v2/ander.svg"), svg("#404040")).unwrap();
    // A folder link and a file link.
    symlink("v1", lib.join("figuren")).unwrap();
    symlink("v1/arm.svg", lib.join("plaatje.svg")).unwrap();
    let figures = "    figures:\n      - file: figuren/arm.svg\n        alt: Een arm.\n\
                   \x20     - file: plaatje.svg\n        alt: Een plaatje.\n";
    fs::write(lib.join("fig.yaml"), leaflet("Figuren", "Tekst.") + figures).unwrap();
    let first = build(&lib, &out, &[]);
    assert_eq!(counts(&first), (1, 0, 0), "{}", stderr(&first));
    assert_eq!(counts(&build(&lib, &out, &[])), (0, 1, 0));

    let clean_build = |name: &str| {
        let clean = dir.path().join(name);
        let run = build(&lib, &clean, &[]);
        assert!(run.status.success(), "{}", stderr(&run));
        fs::read(clean.join("fig.pdf")).unwrap()
    };
    // The folder link pointed elsewhere: the new picture is printed.
    fs::remove_file(lib.join("figuren")).unwrap();
    symlink("v2", lib.join("figuren")).unwrap();
    let moved = build(&lib, &out, &[]);
    assert_eq!(counts(&moved), (1, 0, 0), "{}", stderr(&moved));
    assert!(
        stderr(&moved).contains("picture figuren/arm.svg changed"),
        "{}",
        stderr(&moved)
    );
    assert!(
        fs::read(out.join("fig.pdf")).unwrap() == clean_build("clean1"),
        "not the PDF of a clean build"
    );

    // The file link pointed elsewhere.
    fs::remove_file(lib.join("plaatje.svg")).unwrap();
    symlink("v2/ander.svg", lib.join("plaatje.svg")).unwrap();
    assert_eq!(counts(&build(&lib, &out, &[])), (1, 0, 0));
    assert!(
        fs::read(out.join("fig.pdf")).unwrap() == clean_build("clean2"),
        "not the PDF of a clean build"
    );
    assert_eq!(counts(&build(&lib, &out, &[])), (0, 1, 0));

    // Pointed out of the library: refused, as a clean build refuses it, and not kept as
    // current.
    let outside = dir.path().join("buiten.svg");
    fs::write(&outside, svg("#ff0000")).unwrap();
    fs::remove_file(lib.join("plaatje.svg")).unwrap();
    symlink(&outside, lib.join("plaatje.svg")).unwrap();
    let refused = build(&lib, &out, &[]);
    assert_eq!(refused.status.code(), Some(1), "{}", stdout(&refused));
    assert_eq!(counts(&refused), (0, 0, 1));
    assert!(stderr(&refused).contains("outside"), "{}", stderr(&refused));
    let clean = build(&lib, &dir.path().join("clean3"), &[]);
    assert_eq!(clean.status.code(), Some(1));
}

#[test]
fn a_french_route_text_rebuilds_only_the_french_leaflets() {
    let (_dir, lib, out) = library(&[("nl", "Immunotherapie")]);
    fs::write(
        lib.join("_data/routes.fr.yaml"),
        "105: hôpital de jour oncologique\n",
    )
    .unwrap();
    fs::write(
        lib.join("fr.yaml"),
        "title: Immunothérapie\nlang: fr\nrevised: 2020-01-02\nauthors: Équipe\nroute: 105\n\
         sections:\n  - heading: Qu'est-ce que c'est ?\n    body: |\n      Un traitement.\n",
    )
    .unwrap();
    assert_eq!(counts(&build(&lib, &out, &[])), (2, 0, 0));
    fs::write(
        lib.join("_data/routes.fr.yaml"),
        "# Les routes en français.\n105: hôpital de jour oncologique\n",
    )
    .unwrap();
    assert_eq!(counts(&build(&lib, &out, &[])), (0, 2, 0));
    fs::write(
        lib.join("_data/routes.fr.yaml"),
        "105: hôpital de jour oncologique et consultations\n",
    )
    .unwrap();
    let french = build(&lib, &out, &[]);
    assert_eq!(counts(&french), (1, 1, 0), "{}", stderr(&french));
    assert!(
        stderr(&french).contains("built fr.pdf — route 105 changed"),
        "{}",
        stderr(&french)
    );
    // The Dutch text reaches the Dutch leaflet only: the French one has its own.
    fs::write(lib.join("_data/routes.yaml"), "105: dagziekenhuis\n").unwrap();
    let dutch = build(&lib, &out, &[]);
    assert_eq!(counts(&dutch), (1, 1, 0));
    assert!(
        stderr(&dutch).contains("built nl.pdf"),
        "{}",
        stderr(&dutch)
    );
}
