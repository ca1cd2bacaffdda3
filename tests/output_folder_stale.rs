//! The output folder never holds a stale file that is taken for current: a leaflet built
//! from a sub-folder or through a relative path reads the same `_data` cascade, a figure
//! behind a retargeted link is read again, extras and orphans are found again after the
//! manifest is lost, a failed or clashing leaflet's old PDF leaves the index, two libraries
//! sharing an output folder do not take turns replacing each other's PDF, a switch of
//! naming leaves orphans, `index.html` goes with its last twin, a French text rebuilds only
//! French leaflets, and a folder that takes no files says why for every leaflet.
//!
//! All through the real binary, as the secretariat and the nightly job run it.

mod common;
use common::leaflet as run_in;
use common::{counts, stderr, stdout};

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Output;

const ROUTES: &str = "105: oncologisch dagziekenhuis en consultaties\n";

fn leaflet(title: &str, body: &str) -> String {
    format!(
        "title: {title}\nrevised: 2020-01-02\nauthors: Team hematologie\nroute: 105\n\
         sections:\n  - heading: Wat is het?\n    body: |\n      {body}\n"
    )
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

/// The `pdf` column of index.json.
fn listed(out: &Path) -> Vec<String> {
    let rows: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("index.json")).unwrap()).unwrap();
    rows.as_array()
        .unwrap()
        .iter()
        .map(|r| r["pdf"].as_str().unwrap().to_string())
        .collect()
}

/// The first cell of every index.csv row after the header.
fn csv_listed(out: &Path) -> Vec<String> {
    let text = fs::read_to_string(out.join("index.csv")).unwrap();
    text.trim_start_matches('\u{feff}')
        .lines()
        .skip(1)
        .map(|l| l.split(';').next().unwrap().to_string())
        .collect()
}

fn files(out: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.'))
        .collect();
    names.sort();
    names
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

#[cfg(unix)]
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
    assert!(listed(&out).is_empty(), "{:?}", listed(&out));
}

#[test]
fn extras_and_orphans_are_found_again_without_a_manifest() {
    let (dir, lib, out) = library(&[("a", "A"), ("b", "B"), ("c", "C")]);
    let all = ["--booklet", "--two-up", "--large-print", "--html"];
    assert_eq!(counts(&build(&lib, &out, &all)), (3, 0, 0));
    // A PDF someone else made, and a file of a leaflet named like an extra.
    fs::write(out.join("rooster.pdf"), b"%PDF-1.4 made in Word").unwrap();

    // Lost: the manifest. Meanwhile `a` was edited and `c` deleted.
    fs::remove_file(out.join(".leaflet-manifest.json")).unwrap();
    fs::write(lib.join("a.yaml"), leaflet("A", "Een nieuwe tekst.")).unwrap();
    fs::remove_file(lib.join("c.yaml")).unwrap();
    let run = build(&lib, &out, &[]);
    assert!(run.status.success(), "{}", stderr(&run));
    // Every extra of `a` and `b` follows its PDF, byte for byte as a clean build.
    let reference = dir.path().join("reference");
    assert!(build(&lib, &reference, &all).status.success());
    for stem in ["a", "b"] {
        for name in [
            format!("{stem}.pdf"),
            format!("{stem}-booklet.pdf"),
            format!("{stem}-2up.pdf"),
            format!("{stem}-groot.pdf"),
            format!("{stem}.html"),
        ] {
            assert!(
                fs::read(out.join(&name)).unwrap() == fs::read(reference.join(&name)).unwrap(),
                "{name} is out of step with its PDF"
            );
        }
    }
    assert!(
        fs::read(out.join("index.html")).unwrap()
            == fs::read(reference.join("index.html")).unwrap(),
        "index.html is out of step"
    );
    // `c`'s files are orphans: reported, out of the index; the Word PDF is not ours.
    let err = stderr(&run);
    assert!(err.contains("c.pdf") && err.contains("--prune"), "{err}");
    assert!(!err.contains("rooster.pdf"), "{err}");
    assert!(
        stdout(&run).contains("1 PDF(s) of deleted leaflets left"),
        "{}",
        stdout(&run)
    );
    assert_eq!(listed(&out), ["a.pdf", "b.pdf"]);
    // Still reported by the next run, which has a manifest again; removed with --prune.
    let again = build(&lib, &out, &[]);
    assert_eq!(counts(&again), (0, 2, 0));
    assert!(stderr(&again).contains("c.pdf"), "{}", stderr(&again));
    let pruned = build(&lib, &out, &["--prune"]);
    assert!(stdout(&pruned).contains("1 PDF(s) of deleted leaflets removed"));
    let left: Vec<String> = files(&out)
        .into_iter()
        .filter(|n| n.starts_with("c"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(out.join("rooster.pdf").is_file());

    // A manifest edited by hand is as good as lost: the same again.
    fs::write(lib.join("c.yaml"), leaflet("C", "Terug.")).unwrap();
    assert_eq!(counts(&build(&lib, &out, &all)), (1, 2, 0));
    let manifest = out.join(".leaflet-manifest.json");
    let text = fs::read_to_string(&manifest).unwrap();
    fs::write(
        &manifest,
        text.replace("\"title\": \"B\"", "\"title\": \"b\""),
    )
    .unwrap();
    fs::write(lib.join("b.yaml"), leaflet("B", "Ook nieuw.")).unwrap();
    fs::remove_file(lib.join("c.yaml")).unwrap();
    let distrusted = build(&lib, &out, &[]);
    assert_eq!(counts(&distrusted), (2, 0, 0), "{}", stderr(&distrusted));
    let reference = dir.path().join("reference2");
    assert!(build(&lib, &reference, &all).status.success());
    for name in ["b-booklet.pdf", "b-2up.pdf", "b-groot.pdf", "b.html"] {
        assert!(
            fs::read(out.join(name)).unwrap() == fs::read(reference.join(name)).unwrap(),
            "{name} is out of step with its PDF"
        );
    }
    assert!(
        stderr(&distrusted).contains("c.pdf"),
        "{}",
        stderr(&distrusted)
    );
    // --force without the extras removes them, also when they were only found on disk.
    fs::remove_file(&manifest).unwrap();
    assert_eq!(counts(&build(&lib, &out, &["--force"])), (2, 0, 0));
    let after: Vec<String> = files(&out)
        .into_iter()
        .filter(|n| n.starts_with("a") || n.starts_with("b"))
        .collect();
    assert_eq!(after, ["a.pdf", "b.pdf"]);
}

#[test]
fn a_failed_leaflet_is_left_out_of_the_index_and_the_summary_says_its_pdf_is_old() {
    let (_dir, lib, out) = library(&[("a", "A"), ("b", "B")]);
    assert_eq!(counts(&build(&lib, &out, &["--html"])), (2, 0, 0));
    let old = fs::read(out.join("a.pdf")).unwrap();
    fs::write(
        lib.join("a.yaml"),
        leaflet("A", "Nieuw.").replace("route: 105", "route: 999"),
    )
    .unwrap();
    for _ in 0..2 {
        let run = build(&lib, &out, &[]);
        assert_eq!(run.status.code(), Some(1));
        assert_eq!(counts(&run), (0, 1, 1));
        assert!(fs::read(out.join("a.pdf")).unwrap() == old, "not kept");
        assert_eq!(listed(&out), ["b.pdf"]);
        assert_eq!(csv_listed(&out), ["b.pdf"]);
        let index = fs::read_to_string(out.join("index.html")).unwrap();
        assert!(!index.contains("a.pdf"), "{index}");
        assert!(
            stdout(&run).contains("1 old PDF(s) kept, out of date"),
            "{}",
            stdout(&run)
        );
        let err = stderr(&run);
        assert!(
            err.contains("a.pdf") && err.contains("kept, but it is out of date"),
            "{err}"
        );
    }
    fs::write(lib.join("a.yaml"), leaflet("A", "Nieuw.")).unwrap();
    let fixed = build(&lib, &out, &[]);
    assert_eq!(counts(&fixed), (1, 1, 0));
    assert!(
        !stdout(&fixed).contains("out of date"),
        "{}",
        stdout(&fixed)
    );
    assert_eq!(listed(&out), ["a.pdf", "b.pdf"]);
}

#[test]
fn two_libraries_in_one_output_folder_do_not_replace_each_others_pdfs() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("out");
    let mut libs = Vec::new();
    for (name, body) in [("A", "Tekst van A."), ("B", "Tekst van B.")] {
        let lib = dir.path().join(name);
        fs::create_dir_all(lib.join("_data")).unwrap();
        fs::write(lib.join("_data/routes.yaml"), ROUTES).unwrap();
        fs::write(lib.join("ct-scan.yaml"), leaflet("CT-scan", body)).unwrap();
        libs.push(lib);
    }
    assert_eq!(counts(&build(&libs[0], &out, &[])), (1, 0, 0));
    let pdf = fs::read(out.join("ct-scan.pdf")).unwrap();
    let run = build(&libs[1], &out, &[]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(counts(&run), (0, 0, 1));
    let a = fs::canonicalize(libs[0].join("ct-scan.yaml")).unwrap();
    let b = libs[1].join("ct-scan.yaml");
    let want = format!(
        "{}: error: another leaflet, {}, made ct-scan.pdf in this output folder; this one was \
         not built",
        b.display(),
        a.display()
    );
    assert!(stderr(&run).contains(&want), "{}", stderr(&run));
    assert!(
        fs::read(out.join("ct-scan.pdf")).unwrap() == pdf,
        "the first library's PDF was replaced"
    );
    // No ping-pong: the first library's PDF is still proven its own, and listed.
    assert_eq!(counts(&build(&libs[0], &out, &[])), (0, 1, 0));
    assert_eq!(listed(&out), ["ct-scan.pdf"]);
    // Once the first leaflet is gone, the name is free.
    fs::remove_file(libs[0].join("ct-scan.yaml")).unwrap();
    assert_eq!(counts(&build(&libs[1], &out, &[])), (1, 0, 0));
}

#[test]
fn switching_to_archive_names_leaves_the_plain_named_pdfs_as_orphans() {
    let (_dir, lib, out) = library(&[]);
    let text = |version: u32| {
        leaflet("CT-scan", "Tekst.").replace(
            "route: 105",
            &format!("route: 105\ncode: RAD-001\nversion: {version}"),
        )
    };
    fs::write(lib.join("ct-scan.yaml"), text(1)).unwrap();
    assert_eq!(counts(&build(&lib, &out, &["--booklet"])), (1, 0, 0));
    let archived = build(&lib, &out, &["--archive-names", "--booklet"]);
    assert!(archived.status.success(), "{}", stderr(&archived));
    assert_eq!(counts(&archived), (1, 0, 0));
    let err = stderr(&archived);
    assert!(
        err.contains("ct-scan.pdf") && err.contains("no longer makes this file"),
        "{err}"
    );
    assert!(stdout(&archived).contains("1 PDF(s) of deleted leaflets left"));
    assert_eq!(listed(&out), ["RAD-001_v1_2020-01-02.pdf"]);

    // A new version: the archive keeps the old one, and it is no orphan.
    fs::write(lib.join("ct-scan.yaml"), text(2)).unwrap();
    let pruned = build(&lib, &out, &["--archive-names", "--booklet", "--prune"]);
    assert!(pruned.status.success(), "{}", stderr(&pruned));
    assert!(stdout(&pruned).contains("1 PDF(s) of deleted leaflets removed"));
    assert_eq!(
        files(&out)
            .into_iter()
            .filter(|n| n.ends_with(".pdf"))
            .collect::<Vec<_>>(),
        [
            "RAD-001_v1_2020-01-02-booklet.pdf",
            "RAD-001_v1_2020-01-02.pdf",
            "RAD-001_v2_2020-01-02-booklet.pdf",
            "RAD-001_v2_2020-01-02.pdf"
        ]
    );
    assert_eq!(
        listed(&out),
        ["RAD-001_v1_2020-01-02.pdf", "RAD-001_v2_2020-01-02.pdf"]
    );
}

#[test]
fn index_html_goes_with_the_last_web_twin_but_a_page_of_our_own_stays() {
    let (dir, lib, out) = library(&[("a", "A")]);
    assert_eq!(counts(&build(&lib, &out, &["--html"])), (1, 0, 0));
    assert!(out.join("index.html").is_file());
    assert_eq!(counts(&build(&lib, &out, &["--force"])), (1, 0, 0));
    assert_eq!(files(&out), ["a.pdf", "index.csv", "index.json"]);

    // An index.html the tool did not write is left alone.
    let other = dir.path().join("other");
    fs::create_dir_all(&other).unwrap();
    fs::write(other.join("index.html"), "<p>Intranet</p>").unwrap();
    assert!(build(&lib, &other, &[]).status.success());
    assert_eq!(
        fs::read_to_string(other.join("index.html")).unwrap(),
        "<p>Intranet</p>"
    );
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

#[test]
fn an_output_folder_that_takes_no_files_says_why_for_each_and_ends_with_the_summary() {
    let (_dir, lib, out) = library(&[("a", "A"), ("b", "B")]);
    assert_eq!(counts(&build(&lib, &out, &[])), (2, 0, 0));
    // As root a read-only folder still takes files; things in the way fail for everyone:
    // a folder where `a.pdf` and where `index.json` must go.
    fs::remove_file(out.join("a.pdf")).unwrap();
    fs::create_dir_all(out.join("a.pdf/x")).unwrap();
    fs::remove_file(out.join("index.json")).unwrap();
    fs::create_dir_all(out.join("index.json/x")).unwrap();
    fs::write(lib.join("b.yaml"), leaflet("B", "Nieuw.")).unwrap();
    let run = build(&lib, &out, &[]);
    assert_eq!(run.status.code(), Some(1));
    let err = stderr(&run);
    assert!(
        err.contains("a.pdf: error: a folder has this output's name"),
        "{err}"
    );
    assert!(err.contains("index.json"), "{err}");
    let last = stdout(&run).lines().last().unwrap_or_default().to_string();
    assert!(
        last.starts_with("1 built, 0 up to date, 1 failed"),
        "{}",
        stdout(&run)
    );
}
