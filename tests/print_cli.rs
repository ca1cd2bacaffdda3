//! The print workflow as a user runs it: `leaflet build --target print` with imposed
//! sheets, then `leaflet preflight` on what came out.

use std::path::Path;
use std::process::{Command, Output};

fn leaflet(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "C")
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
    // Booklet and 2-up sheets are for the office printer: refused for the print shop.
    let refused = leaflet(&[
        "build",
        "tests/fixtures/leaflets/immunotherapie.yaml",
        "-o",
        path(&print_out),
        "--target",
        "print",
        "--booklet",
    ]);
    assert_eq!(refused.status.code(), Some(2), "{refused:?}");
    assert!(
        String::from_utf8_lossy(&refused.stderr)
            .contains("error: --booklet and --two-up make A4 sheets for the office printer"),
        "{refused:?}"
    );
    assert!(!print_out.exists(), "a refused build wrote files");
    let built = leaflet(&[
        "build",
        "tests/fixtures/leaflets/immunotherapie.yaml",
        "-o",
        path(&print_out),
        "--target",
        "print",
        "--marks",
    ]);
    assert!(built.status.success(), "{built:?}");
    assert!(print.join("immunotherapie.pdf").is_file());
    let built = leaflet(&[
        "build",
        "tests/fixtures/leaflets/immunotherapie.yaml",
        "-o",
        path(&office),
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
        assert!(office.join(name).is_file(), "{name} missing");
    }

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

    // The verdict lines in the secretariat's language (the checks stay the shop's).
    let dutch = Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "nl_BE.UTF-8")
        .args([
            "preflight",
            path(&print.join("immunotherapie.pdf")),
            path(&office.join("immunotherapie.pdf")),
        ])
        .output()
        .unwrap();
    let report = stdout(&dutch);
    for line in [
        "  NIET klaar voor de drukker: ",
        "1 van 2 bestanden klaar voor de drukker",
        "maak drukbestanden met `leaflet build --target print`",
    ] {
        assert!(report.contains(line), "no “{line}” in\n{report}");
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
        "tests/fixtures/leaflets/immunotherapie.yaml",
        "-o",
        path(dir.path()),
        "--target",
        "print",
    ]);
    assert!(built.status.success(), "{built:?}");
    // Print output has its own folder.
    let file = dir.path().join("print/immunotherapie.pdf");
    assert!(file.is_file());
    let files: Vec<&str> = std::iter::repeat_n(path(&file), 200).collect();
    let mut child = Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "C")
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

/// `pad_pages: 4` in the house style: a 2-page leaflet goes to the shop as 4 pages, the
/// added ones lined "Notities" pages, and the build says so; the office PDF keeps 2 pages.
#[test]
fn the_house_style_pads_print_files_to_whole_sheets_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir_all(lib.join("_data")).unwrap();
    for f in ["routes.yaml", "contacts.yaml", "hyphenation.txt"] {
        std::fs::copy(
            Path::new("tests/fixtures/leaflets/_data").join(f),
            lib.join("_data").join(f),
        )
        .unwrap();
    }
    std::fs::write(lib.join("_data/style.yaml"), "pad_pages: 4\n").unwrap();
    std::fs::copy(
        "tests/fixtures/leaflets/immunotherapie.yaml",
        lib.join("immunotherapie.yaml"),
    )
    .unwrap();
    let out = dir.path().join("out");
    let built = leaflet(&["build", path(&lib), "-o", path(&out), "--target", "print"]);
    assert!(built.status.success(), "{built:?}");
    let said = format!(
        "{}{}",
        stdout(&built),
        String::from_utf8_lossy(&built.stderr)
    );
    assert!(said.contains("2 pages padded to 4"), "{said}");
    let pdf = std::fs::read(out.join("print/immunotherapie.pdf")).unwrap();
    let doc = lopdf::Document::load_mem(&pdf).unwrap();
    assert_eq!(doc.get_pages().len(), 4);
    let last = doc.extract_text(&[4]).unwrap();
    assert!(last.contains("Notities"), "{last}");
    let ok = leaflet(&["preflight", path(&out.join("print/immunotherapie.pdf"))]);
    assert_eq!(ok.status.code(), Some(0), "{}", stdout(&ok));

    let office = leaflet(&["build", path(&lib), "-o", path(&out)]);
    assert!(office.status.success(), "{office:?}");
    let pdf = std::fs::read(out.join("immunotherapie.pdf")).unwrap();
    assert_eq!(
        lopdf::Document::load_mem(&pdf).unwrap().get_pages().len(),
        2
    );
}
