//! The print workflow as a user runs it: `leaflet build --target print` with imposed
//! sheets, then `leaflet preflight` on what came out.

use std::path::Path;
use std::process::{Command, Output};

fn leaflet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn build_for_print_then_preflight() {
    let dir = tempfile::tempdir().unwrap();
    // Print output goes to the print/ sub-folder of the output folder.
    let print_out = dir.path().join("out");
    let print = print_out.join("print");
    let office = dir.path().join("office");
    let built = leaflet(&[
        "build",
        "leaflets/immunotherapie.yaml",
        "-o",
        path(&print_out),
        "--target",
        "print",
        "--marks",
        "--booklet",
        "--two-up",
    ]);
    assert!(built.status.success(), "{built:?}");
    let out = stdout(&built);
    // The person at the printer is told how to set it up.
    assert!(out.contains("flip on the SHORT edge"), "{out}");
    assert!(out.contains("then cut each sheet in half"), "{out}");
    for name in [
        "immunotherapie.pdf",
        "immunotherapie-booklet.pdf",
        "immunotherapie-2up.pdf",
    ] {
        assert!(print.join(name).is_file(), "{name} missing");
    }
    let built = leaflet(&["build", "leaflets/immunotherapie.yaml", "-o", path(&office)]);
    assert!(built.status.success(), "{built:?}");

    let ok = leaflet(&["preflight", path(&print.join("immunotherapie.pdf"))]);
    let report = stdout(&ok);
    assert_eq!(ok.status.code(), Some(0), "{report}");
    assert!(!report.contains("FAIL"), "{report}");
    assert!(report.contains("PASS  output intent"), "{report}");
    assert!(
        report.contains("1 of 1 file ready for the print shop"),
        "{report}"
    );

    let rejected = leaflet(&[
        "preflight",
        path(&print.join("immunotherapie.pdf")),
        path(&office.join("immunotherapie.pdf")),
    ]);
    let report = stdout(&rejected);
    assert_eq!(rejected.status.code(), Some(1), "{report}");
    for reason in [
        "FAIL  version: the header is “%PDF-1.7”",
        "FAIL  output intent: no /OutputIntents",
        "FAIL  page boxes: no BleedBox, and the shop needs 3 mm bleed (pages 1–2)",
        "1 of 2 files ready for the print shop",
        "leaflet build --target print",
    ] {
        assert!(report.contains(reason), "no “{reason}” in\n{report}");
    }

    let missing = leaflet(&["preflight", path(&dir.path().join("nope.pdf"))]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stdout(&missing).contains("FAIL  readable: cannot open it"));
}

#[test]
fn preflight_refuses_what_is_not_a_pdf_file_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pipe.pdf");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let start = std::time::Instant::now();
    let out = leaflet(&["preflight", path(&fifo), "/dev/zero", path(dir.path())]);
    let report = stdout(&out);
    assert!(start.elapsed().as_secs() < 10, "took {:?}", start.elapsed());
    assert_eq!(out.status.code(), Some(1), "{report}");
    assert_eq!(
        report
            .matches("FAIL  readable: it is not a regular file (a pipe, socket or device); preflight reads PDF files only")
            .count(),
        2,
        "{report}"
    );
    assert!(
        report.contains("FAIL  readable: it is a folder; preflight reads PDF files only"),
        "{report}"
    );
    assert!(
        report.contains("0 of 3 files ready for the print shop"),
        "{report}"
    );
}

#[test]
fn a_reader_that_stops_early_is_not_an_error() {
    // `leaflet preflight … | head -1`: the pipe closes while the report is still coming.
    let dir = tempfile::tempdir().unwrap();
    let built = leaflet(&[
        "build",
        "leaflets/immunotherapie.yaml",
        "-o",
        path(dir.path()),
        "--target",
        "print",
    ]);
    assert!(built.status.success(), "{built:?}");
    let file = dir.path().join("immunotherapie.pdf");
    let files: Vec<&str> = std::iter::repeat_n(path(&file), 200).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .arg("preflight")
        .args(&files)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 16];
    use std::io::Read;
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    // Dropping the read end closes the pipe.
    let out = child.wait_with_output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
