//! Whole-library builds through the real binary: incremental rebuilds, failure isolation,
//! determinism, the index, output-name safety, concurrency and interruption.
//!
//! These run the program as the secretariat and the nightly job do, so they check exit
//! codes, the summary line and the files on disk rather than internal state.

mod common;
use common::{counts, stderr, stdout};

use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const ROUTES: &str = "105: oncologisch dagziekenhuis en consultaties\n200: radiologie\n";

fn leaflet(title: &str, route: &str, body: &str) -> String {
    format!(
        "title: {title}\nrevised: 2020-01-02\nauthors: Team hematologie\nroute: {route}\n\
         sections:\n  - heading: Wat is het?\n    body: |\n      {body}\n"
    )
}

/// A library of three leaflets: `a` and `b` use route 105, `c` uses route 200.
fn library() -> (tempfile::TempDir, PathBuf, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("leaflets");
    fs::create_dir_all(lib.join("_data")).unwrap();
    fs::create_dir_all(lib.join("sub")).unwrap();
    fs::write(lib.join("_data/routes.yaml"), ROUTES).unwrap();
    fs::write(
        lib.join("a.yaml"),
        leaflet(
            "Immunotherapie",
            "105",
            "Immunotherapie versterkt het afweersysteem.",
        ),
    )
    .unwrap();
    fs::write(
        lib.join("b.yaml"),
        leaflet("Chemotherapie", "105", "Chemotherapie remt de celdeling."),
    )
    .unwrap();
    // In a sub-folder: it finds `_data` by walking up.
    fs::write(
        lib.join("sub/c.yaml"),
        leaflet(
            "CT-scan",
            "200",
            "Een CT-scan maakt dwarsdoorsneden van het lichaam.",
        ),
    )
    .unwrap();
    let out = dir.path().join("out");
    (dir, lib, out)
}

fn build(lib: &Path, out: &Path, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "C")
        .arg("build")
        .arg(lib)
        .arg("-o")
        .arg(out)
        .args(extra)
        .output()
        .unwrap()
}

fn sha(path: &Path) -> String {
    leaflet_printer::batch::hex(&Sha256::digest(fs::read(path).unwrap()))
}

/// Content hash and modification time of every file in the output folder.
fn snapshot(out: &Path) -> BTreeMap<String, (String, std::time::SystemTime)> {
    fs::read_dir(out)
        .unwrap()
        .flatten()
        .filter(|e| e.file_type().unwrap().is_file())
        .map(|e| {
            let p = e.path();
            let name = e.file_name().to_string_lossy().into_owned();
            (
                name,
                (sha(&p), fs::metadata(&p).unwrap().modified().unwrap()),
            )
        })
        .collect()
}

fn changed(before: &BTreeMap<String, (String, std::time::SystemTime)>, out: &Path) -> Vec<String> {
    let after = snapshot(out);
    let mut names: Vec<String> = after
        .iter()
        .filter(|(n, v)| before.get(*n) != Some(v))
        .map(|(n, _)| n.clone())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    names.sort();
    names
}

/// Modification times on some filesystems tick coarsely; make sure a rewrite would show.
fn let_clock_tick() {
    std::thread::sleep(std::time::Duration::from_millis(20));
}

fn assert_valid_pdf(path: &Path) {
    let bytes = fs::read(path).unwrap();
    assert!(
        bytes.starts_with(b"%PDF-"),
        "{} has no PDF header",
        path.display()
    );
    let tail = String::from_utf8_lossy(&bytes[bytes.len().saturating_sub(32)..]).into_owned();
    assert!(tail.contains("%%EOF"), "{} is cut short", path.display());
}

fn manifest(out: &Path) -> serde_json::Value {
    serde_json::from_slice(&fs::read(out.join(".leaflet-manifest.json")).unwrap()).unwrap()
}

/// Every PDF the manifest lists exists and has the hash the manifest says.
fn assert_manifest_matches(out: &Path) {
    let m = manifest(out);
    let leaflets = m["leaflets"].as_object().unwrap();
    assert!(!leaflets.is_empty());
    for (name, entry) in leaflets {
        let p = out.join(name);
        assert_valid_pdf(&p);
        assert_eq!(entry["sha256"].as_str().unwrap(), sha(&p), "{name}");
    }
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

#[test]
fn only_changed_leaflets_are_rebuilt() {
    let (_dir, lib, out) = library();
    let first = build(&lib, &out, &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert_eq!(counts(&first), (3, 0, 0));
    let before = snapshot(&out);
    let_clock_tick();

    let noop = build(&lib, &out, &[]);
    assert_eq!(counts(&noop), (0, 3, 0));
    // Nothing written at all: not the PDFs, not the manifest, not the index.
    assert_eq!(snapshot(&out), before);

    fs::write(
        lib.join("a.yaml"),
        leaflet(
            "Immunotherapie",
            "105",
            "Immunotherapie versterkt de afweer.",
        ),
    )
    .unwrap();
    let edited = build(&lib, &out, &[]);
    assert_eq!(counts(&edited), (1, 2, 0));
    assert_eq!(changed(&before, &out), ["a.pdf"]);

    let_clock_tick();
    let before = snapshot(&out);
    let forced = build(&lib, &out, &["--force"]);
    assert_eq!(counts(&forced), (3, 0, 0));
    // Rewritten, but to the same bytes.
    let after = snapshot(&out);
    for name in ["a.pdf", "b.pdf", "c.pdf"] {
        assert_eq!(before[name].0, after[name].0);
        assert_ne!(before[name].1, after[name].1, "{name} was not rewritten");
    }
}

#[test]
fn a_changed_route_rebuilds_exactly_its_users() {
    let (_dir, lib, out) = library();
    assert_eq!(counts(&build(&lib, &out, &[])), (3, 0, 0));
    let before = snapshot(&out);
    let_clock_tick();

    fs::write(
        lib.join("_data/routes.yaml"),
        ROUTES.replace("oncologisch dagziekenhuis", "dagziekenhuis oncologie"),
    )
    .unwrap();
    let run = build(&lib, &out, &[]);
    assert_eq!(counts(&run), (2, 1, 0));
    assert_eq!(changed(&before, &out), ["a.pdf", "b.pdf"]);

    let_clock_tick();
    let before = snapshot(&out);
    fs::write(
        lib.join("_data/routes.yaml"),
        ROUTES
            .replace("oncologisch dagziekenhuis", "dagziekenhuis oncologie")
            .replace("radiologie", "medische beeldvorming"),
    )
    .unwrap();
    let run = build(&lib, &out, &[]);
    assert_eq!(counts(&run), (1, 2, 0));
    assert_eq!(changed(&before, &out), ["c.pdf"]);
    let index = fs::read_to_string(out.join("index.csv")).unwrap();
    assert!(index.contains("200 (medische beeldvorming)"), "{index}");

    // A route nobody uses changes nothing.
    let before = snapshot(&out);
    let mut routes = fs::read_to_string(lib.join("_data/routes.yaml")).unwrap();
    routes.push_str("300: cafetaria\n");
    fs::write(lib.join("_data/routes.yaml"), routes).unwrap();
    assert_eq!(counts(&build(&lib, &out, &[])), (0, 3, 0));
    assert_eq!(snapshot(&out), before);
}

#[test]
fn a_failed_leaflet_keeps_its_old_pdf_and_does_not_stop_the_others() {
    let (_dir, lib, out) = library();
    assert_eq!(counts(&build(&lib, &out, &[])), (3, 0, 0));
    let old_a = fs::read(out.join("a.pdf")).unwrap();

    // An unknown route key in `a`, and an edit in `b` that must still be built.
    fs::write(
        lib.join("a.yaml"),
        leaflet(
            "Immunotherapie",
            "999",
            "Immunotherapie versterkt het afweersysteem.",
        ),
    )
    .unwrap();
    fs::write(
        lib.join("b.yaml"),
        leaflet(
            "Chemotherapie",
            "105",
            "Chemotherapie remt de deling van cellen.",
        ),
    )
    .unwrap();
    let run = build(&lib, &out, &["--jobs", "1"]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(counts(&run), (1, 1, 1));
    // The error names the leaflet, the line of `route:` and the key.
    let err = stderr(&run);
    assert!(err.contains("a.yaml:4:"), "{err}");
    assert!(err.contains("`999`"), "{err}");
    assert_eq!(fs::read(out.join("a.pdf")).unwrap(), old_a);

    // Still broken: tried again, not taken for up to date.
    let again = build(&lib, &out, &[]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(counts(&again), (0, 2, 1));
    assert_eq!(fs::read(out.join("a.pdf")).unwrap(), old_a);
    // The manifest still describes the old PDF, with the hash of the bytes on disk; the
    // index leaves it out, since it is not what the leaflet says now.
    assert_manifest_matches(&out);
    let index: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("index.json")).unwrap()).unwrap();
    let listed: Vec<&str> = index
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["pdf"].as_str().unwrap())
        .collect();
    assert_eq!(listed, ["b.pdf", "c.pdf"]);
    assert!(stdout(&again).contains("1 old PDF(s) kept, out of date"));

    fs::write(
        lib.join("a.yaml"),
        leaflet(
            "Immunotherapie",
            "105",
            "Immunotherapie versterkt het afweersysteem.",
        ),
    )
    .unwrap();
    let fixed = build(&lib, &out, &[]);
    assert!(fixed.status.success());
    assert_eq!(counts(&fixed), (1, 2, 0));
}

#[test]
fn broken_shared_data_fails_its_leaflets_once_and_keeps_their_pdfs() {
    let (_dir, lib, out) = library();
    assert_eq!(counts(&build(&lib, &out, &[])), (3, 0, 0));
    let before = snapshot(&out);
    fs::write(lib.join("_data/routes.yaml"), "105: [niet, goed\n").unwrap();
    let run = build(&lib, &out, &[]);
    assert_eq!(run.status.code(), Some(1));
    assert_eq!(counts(&run), (0, 0, 3));
    let err = stderr(&run);
    assert_eq!(err.matches("routes.yaml:").count(), 1, "{err}");
    for name in ["a.pdf", "b.pdf", "c.pdf"] {
        assert_eq!(snapshot(&out)[name].0, before[name].0);
    }
}

#[test]
fn output_is_identical_with_one_or_two_workers() {
    let (dir, lib, _) = library();
    let one = dir.path().join("one");
    let two = dir.path().join("two");
    assert!(build(&lib, &one, &["--jobs", "1"]).status.success());
    assert!(build(&lib, &two, &["--jobs", "2"]).status.success());
    for name in ["a.pdf", "b.pdf", "c.pdf", "index.json", "index.csv"] {
        assert_eq!(
            fs::read(one.join(name)).unwrap(),
            fs::read(two.join(name)).unwrap(),
            "{name} differs"
        );
    }
}

#[test]
fn the_index_describes_every_pdf() {
    let (_dir, lib, out) = library();
    assert!(build(&lib, &out, &[]).status.success());
    let index: serde_json::Value =
        serde_json::from_slice(&fs::read(out.join("index.json")).unwrap()).unwrap();
    let rows = index.as_array().unwrap();
    assert_eq!(rows.len(), 3);
    let a = &rows[0];
    assert_eq!(a["pdf"], "a.pdf");
    assert!(a["source"].as_str().unwrap().ends_with("a.yaml"));
    assert_eq!(a["title"], "Immunotherapie");
    assert_eq!(a["revised"], "2020-01-02");
    assert_eq!(a["revised_nl"], "2 januari 2020");
    assert_eq!(a["authors"], "Team hematologie");
    assert_eq!(
        a["route"],
        "105 (oncologisch dagziekenhuis en consultaties)"
    );
    assert_eq!(a["pages"], 1);
    assert_eq!(a["sha256"].as_str().unwrap(), sha(&out.join("a.pdf")));
    assert_eq!(rows[2]["pdf"], "c.pdf");
    assert!(rows[2]["source"].as_str().unwrap().ends_with("sub/c.yaml"));

    assert_eq!(a["target"], "office");

    // For Flemish Excel: a byte-order mark, and `;` between cells (`,` is the decimal comma).
    let csv = fs::read_to_string(out.join("index.csv")).unwrap();
    let csv = csv
        .strip_prefix('\u{feff}')
        .expect("a UTF-8 byte-order mark");
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "pdf;source;target;title;revised;revised_nl;authors;route;pages;sha256;code;version;lang"
    );
    assert_eq!(lines.len(), 4);
    assert!(lines[3].starts_with("c.pdf;"));
    // Code, version and language come after the hash: columns a sheet already reads keep
    // their places.
    let tail = format!("{};;;nl-BE", sha(&out.join("c.pdf")));
    assert!(lines[3].ends_with(&tail), "{}", lines[3]);
}

#[test]
fn output_names_come_from_file_names_and_stay_in_the_output_folder() {
    let (dir, lib, out) = library();
    // Same stem twice, a name with shell characters, and a title that looks like a path.
    fs::create_dir_all(lib.join("other")).unwrap();
    fs::write(
        lib.join("other/a.yaml"),
        leaflet("Dubbel", "105", "Zelfde bestandsnaam."),
    )
    .unwrap();
    fs::write(
        lib.join("bad;name.yaml"),
        leaflet("Slecht", "105", "Onveilige naam."),
    )
    .unwrap();
    fs::write(
        lib.join("d.yaml"),
        leaflet("../../ontsnapping", "105", "Titel als pad."),
    )
    .unwrap();
    let run = build(&lib, &out, &[]);
    assert_eq!(run.status.code(), Some(1));
    // Both a.yaml files are refused: which one sorts first must not decide what a.pdf is.
    assert_eq!(counts(&run), (3, 0, 3));
    let err = stderr(&run);
    assert!(err.contains("also makes a.pdf; neither was built"), "{err}");
    assert!(err.contains("bad;name.yaml"), "{err}");
    let mut pdfs: Vec<String> = fs::read_dir(&out)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    pdfs.sort();
    assert_eq!(pdfs, ["b.pdf", "c.pdf", "d.pdf"]);
    // Nothing appeared beside the output folder.
    let mut top: Vec<String> = fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    top.sort();
    assert_eq!(top, ["leaflets", "out"]);
}

#[cfg(unix)]
#[test]
fn output_files_are_readable_by_everyone() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, lib, out) = library();
    assert!(build(&lib, &out, &[]).status.success());
    for name in ["a.pdf", "index.json", "index.csv", ".leaflet-manifest.json"] {
        let mode = fs::metadata(out.join(name)).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644, "{name}");
    }
}

#[test]
fn a_damaged_pdf_is_rebuilt() {
    let (_dir, lib, out) = library();
    assert!(build(&lib, &out, &[]).status.success());
    let good = fs::read(out.join("b.pdf")).unwrap();
    fs::write(out.join("b.pdf"), &good[..good.len() / 2]).unwrap();
    let run = build(&lib, &out, &[]);
    assert_eq!(counts(&run), (1, 2, 0));
    assert_eq!(fs::read(out.join("b.pdf")).unwrap(), good);
}

#[test]
fn two_runs_at_once_end_with_valid_pdfs_and_a_consistent_manifest() {
    let (_dir, lib, out) = library();
    for i in 0..6 {
        fs::write(
            lib.join(format!("extra-{i}.yaml")),
            leaflet(
                &format!("Folder {i}"),
                "200",
                "Tekst voor een gelijktijdige run.",
            ),
        )
        .unwrap();
    }
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_leaflet"))
            .env("LC_ALL", "C")
            .arg("build")
            .arg(&lib)
            .arg("-o")
            .arg(&out)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    let first = spawn();
    let second = spawn();
    let first = first.wait_with_output().unwrap();
    let second = second.wait_with_output().unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(second.status.success(), "{}", stderr(&second));
    // The lock serialises them: together they built each leaflet once.
    let (b1, u1, _) = counts(&first);
    let (b2, u2, _) = counts(&second);
    assert_eq!(b1 + b2, 9);
    assert_eq!(u1 + u2, 9);
    assert_manifest_matches(&out);
    assert_eq!(manifest(&out)["leaflets"].as_object().unwrap().len(), 9);
    no_temp_files(&out);
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_leaves_only_complete_files() {
    use std::io::{BufRead, BufReader};
    let (_dir, lib, out) = library();
    let body = "Immunotherapie versterkt het afweersysteem van het lichaam. ".repeat(40);
    for i in 0..40 {
        fs::write(
            lib.join(format!("lang-{i:02}.yaml")),
            leaflet(&format!("Folder {i}"), "105", &body),
        )
        .unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "C")
        .arg("build")
        .arg(&lib)
        .arg("-o")
        .arg(&out)
        .args(["--jobs", "1"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Wait for the first finished leaflet (a plain progress line, stderr is a pipe), then
    // press Ctrl-C.
    let mut lines = BufReader::new(child.stderr.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    assert!(first.starts_with("built "), "{first}");
    let killed = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    for _ in lines {}
    let output = child.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130), "{}", stdout(&output));
    assert!(stdout(&output).contains("interrupted"));
    let (built, _, failed) = counts(&output);
    assert_eq!(failed, 0);
    assert!(built < 43, "the interrupt came after the whole run");
    no_temp_files(&out);
    assert_manifest_matches(&out);

    // The next run finishes exactly the rest.
    let rest = build(&lib, &out, &[]);
    assert!(rest.status.success());
    assert_eq!(counts(&rest), (43 - built, built, 0));
}

#[test]
fn the_house_style_and_hyphenation_exceptions_rebuild_everything() {
    let (_dir, lib, out) = library();
    assert_eq!(counts(&build(&lib, &out, &[])), (3, 0, 0));
    fs::write(lib.join("_data/style.yaml"), "body_size: 10.5\n").unwrap();
    let restyled = build(&lib, &out, &[]);
    assert_eq!(counts(&restyled), (3, 0, 0));
    assert_eq!(counts(&build(&lib, &out, &[])), (0, 3, 0));
    fs::write(lib.join("_data/hyphenation.txt"), "im-mu-no-the-ra-pie\n").unwrap();
    assert_eq!(counts(&build(&lib, &out, &[])), (3, 0, 0));
    // Options that change what is written count as inputs too.
    let booklets = build(&lib, &out, &["--booklet"]);
    assert_eq!(counts(&booklets), (3, 0, 0));
    assert!(out.join("a-booklet.pdf").is_file());
    assert_eq!(counts(&build(&lib, &out, &["--booklet"])), (0, 3, 0));
}
