//! The hostile corpus: files a secretary, a broken editor or an attacker could hand the tool.
//!
//! Why this exists: a leaflet build runs unattended over a whole library. One file that
//! panics, hangs, writes half a PDF or fails with a message nobody can act on stops the print
//! run for every other leaflet. Each file in `tests/hostile/` is listed in [`CASES`] with the
//! outcome it must have, so a change in behaviour (a new panic, an error turning into a
//! silent success, a success turning into an error) fails here. For every case we check:
//!
//! - it builds a PDF that lopdf loads and that has pages, with no glyph outside the trim, or
//!   it fails with an error that names the file, says what is wrong and what to do;
//! - it never panics (`catch_unwind` around `pipeline::build` and around a batch run);
//! - it never hangs (each case runs in a thread that must answer within [`TIMEOUT`]);
//! - it never leaves a partial or temporary file in the output folder.
//!
//! The inputs that crashed the fuzzer (`tests/fuzz_regressions/`) run through the same
//! checks, and the `leaflet` binary runs once over the whole folder.

mod common;
use common::{glyph_outside, output_within};

use leaflet_printer::diagnostic::Diagnostic;
use leaflet_printer::model::MAX_FILE_BYTES;
use leaflet_printer::pdf::Target;
use leaflet_printer::pipeline::{Engine, build};
use leaflet_printer::shared::SharedData;
use std::collections::BTreeSet;
use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock, mpsc};
use std::time::{Duration, Instant};

/// Generous: the slowest case takes about a second in a release build, but the suite runs
/// unoptimised on two shared cores. A hang never answers at all.
const TIMEOUT: Duration = Duration::from_secs(60);

#[derive(Debug, Clone, Copy, PartialEq)]
enum Expect {
    /// Builds a PDF (warnings allowed).
    Builds,
    /// Builds, and warns with a message containing this text.
    Warns(&'static str),
    /// Fails with an error whose message contains this text.
    Fails(&'static str),
}
use Expect::*;

/// Every file in `tests/hostile/`, and what it must do.
const CASES: &[(&str, Expect)] = &[
    // Nothing to build.
    ("empty.yaml", Fails("holds no leaflet")),
    ("only-comment.yaml", Fails("holds no leaflet")),
    ("only-whitespace.yaml", Fails("holds no leaflet")),
    (
        "document-end-marker-only.yaml",
        Fails("the field `title` is missing"),
    ),
    // The wrong shape at the top.
    ("top-level-list.yaml", Fails("")),
    ("top-level-scalar.yaml", Fails("")),
    ("top-level-number.yaml", Fails("")),
    ("top-level-null.yaml", Fails("")),
    ("two-documents.yaml", Fails("")),
    // YAML bombs and deep nesting: serde_yaml's guards must answer, fast.
    ("billion-laughs.yaml", Fails("unknown field `a`")),
    (
        "billion-laughs-in-body.yaml",
        Fails("this section is not `field: value` lines"),
    ),
    ("deep-nesting-flow.yaml", Fails("nested more than 128")),
    (
        "deep-nesting-flow-mappings.yaml",
        Fails("nested more than 128"),
    ),
    ("deep-nesting-block.yaml", Fails("unknown field `k0`")),
    // Encodings and control characters.
    ("invalid-utf8-latin1.yaml", Fails("not UTF-8")),
    ("invalid-utf8-truncated-sequence.yaml", Fails("not UTF-8")),
    ("utf16-with-bom.yaml", Fails("not UTF-8")),
    ("utf8-bom.yaml", Builds),
    ("crlf-line-endings.yaml", Builds),
    ("nul-byte.yaml", Fails("")),
    // Removing them would join the words around them: refused, as `check` does.
    ("escaped-nul-in-body.yaml", Fails("control character")),
    (
        "escaped-control-chars-in-title.yaml",
        Fails("control character"),
    ),
    (
        "escaped-control-chars-in-authors.yaml",
        Fails("control character"),
    ),
    (
        "escaped-escape-sequence-in-authors.yaml",
        Fails("control character"),
    ),
    ("raw-control-char.yaml", Fails("")),
    // Characters no font has.
    ("emoji-in-body.yaml", Fails("cannot be printed")),
    ("emoji-in-heading.yaml", Fails("cannot be printed")),
    ("emoji-in-authors.yaml", Fails("cannot be printed")),
    ("cjk-in-title.yaml", Fails("cannot be printed")),
    ("arabic-in-body.yaml", Fails("cannot be printed")),
    ("private-use-char.yaml", Fails("cannot be printed")),
    // Unusual but printable text.
    ("zalgo-combining-marks.yaml", Fails("accents")),
    ("zalgo-50000-marks.yaml", Fails("accents")),
    ("combining-diaeresis.yaml", Builds),
    ("digit-dash-chain.yaml", Warns("wider than a line")),
    ("many-quotes.yaml", Builds),
    (
        "soft-hyphens-and-zero-width.yaml",
        Fails("cannot be printed"),
    ),
    ("bidi-controls.yaml", Fails("cannot be printed")),
    ("nbsp-everywhere.yaml", Builds),
    ("only-nbsp-body.yaml", Builds),
    ("dutch-letters.yaml", Builds),
    // Words longer than the measure: forced apart with a warning.
    ("long-word-300-letters.yaml", Builds),
    ("long-word-in-heading.yaml", Warns("wider than a line")),
    ("long-word-in-title.yaml", Warns("wider than a line")),
    ("long-word-in-list-item.yaml", Warns("wider than a line")),
    ("long-url.yaml", Builds),
    ("long-number.yaml", Warns("wider than a line")),
    ("long-single-line-no-spaces.yaml", Fails("at most 64")),
    ("authors-one-huge-word.yaml", Fails("footer line")),
    ("authors-very-long.yaml", Fails("footer line")),
    // Empty and odd structure.
    ("empty-section.yaml", Builds),
    ("empty-sections-list.yaml", Builds),
    ("sections-null.yaml", Builds),
    ("section-heading-only.yaml", Builds),
    ("section-body-whitespace.yaml", Builds),
    ("deep-markdown-lists.yaml", Builds),
    // Issue 10: a block quote would lose its meaning on paper; it is refused, located.
    (
        "deep-blockquotes.yaml",
        Fails("a block quote (`>`) cannot be printed"),
    ),
    (
        "markdown-everything.yaml",
        Fails("a Markdown heading (`#`) inside a body"),
    ),
    ("markdown-unbalanced-emphasis.yaml", Builds),
    ("many-sections.yaml", Fails("at most 64")),
    ("many-short-paragraphs.yaml", Builds),
    ("huge-whitespace-run.yaml", Builds),
    // Size limits.
    ("list-3000-items.yaml", Fails("at most 64")),
    ("too-many-pages.yaml", Fails("at most 64")),
    ("title-5000-chars.yaml", Fails("does not fit on one page")),
    (
        "department-very-long.yaml",
        Fails("does not fit on one page"),
    ),
    (
        "route-description-very-long.yaml",
        Fails("does not fit on one page"),
    ),
    // Fields: missing, wrong type, misspelt, duplicated.
    ("missing-title.yaml", Fails("the field `title` is missing")),
    ("empty-title.yaml", Fails("`title` is empty")),
    ("title-is-list.yaml", Fails("")),
    ("title-is-mapping.yaml", Fails("")),
    ("misspelt-field.yaml", Fails("unknown field `titel`")),
    ("unknown-section-field.yaml", Fails("unknown field `bodyy`")),
    ("duplicate-key.yaml", Fails("is written twice")),
    ("bad-date.yaml", Fails("not a date")),
    ("date-is-number.yaml", Fails("not a date")),
    ("year-out-of-range.yaml", Fails("cannot be right")),
    ("unknown-route.yaml", Fails("no route `999`")),
    ("route-huge-number.yaml", Fails("")),
    ("route-negative.yaml", Fails("")),
    ("route-inline.yaml", Builds),
    ("route-inline-missing-description.yaml", Fails("")),
    // Broken YAML syntax and YAML features a leaflet has no use for.
    ("tab-indentation.yaml", Fails("")),
    ("unclosed-quote.yaml", Fails("")),
    ("unclosed-flow.yaml", Fails("")),
    ("binary-tag.yaml", Fails("a sign YAML uses itself")),
    ("custom-tag.yaml", Fails("a sign YAML uses itself")),
    ("complex-key.yaml", Fails("invalid type")),
    ("merge-key.yaml", Fails("")),
];

fn hostile_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/hostile")
}

fn engine_and_shared() -> &'static (Engine, SharedData) {
    static ONCE: OnceLock<(Engine, SharedData)> = OnceLock::new();
    ONCE.get_or_init(|| {
        let shared =
            SharedData::load(Some(&hostile_dir().join("_data"))).expect("test _data loads");
        (Engine::new(&shared.hyphenation), shared)
    })
}

/// Runs `f` in its own thread; `Err` if it panicked or took longer than [`TIMEOUT`].
fn guarded<T: Send + 'static>(
    what: &str,
    f: impl FnOnce() -> T + Send + 'static,
) -> Result<T, String> {
    let (tx, rx) = mpsc::channel();
    std::thread::Builder::new()
        .stack_size(16 * 1024 * 1024)
        .spawn(move || {
            let _ = tx.send(catch_unwind(AssertUnwindSafe(f)));
        })
        .expect("thread starts");
    match rx.recv_timeout(TIMEOUT) {
        Ok(Ok(v)) => Ok(v),
        Ok(Err(p)) => Err(format!(
            "{what}: panicked: {}",
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_default()
        )),
        Err(_) => Err(format!("{what}: still running after {TIMEOUT:?}: a hang")),
    }
}

/// What happened to one input, for the failure report.
#[derive(Debug)]
enum Outcome {
    Built(Vec<String>),
    Failed(Vec<Diagnostic>),
}

/// Checks one input through `pipeline::build`; returns the problems found.
///
/// Bytes that are not UTF-8 never reach the pipeline (the batch refuses them while
/// reading); the binary run below checks those.
fn check_case(path: &Path, expect: Expect) -> Vec<String> {
    let mut problems = Vec::new();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let Ok(source) = String::from_utf8(fs::read(path).unwrap()) else {
        if expect != Fails("not UTF-8") {
            problems.push(format!("{name}: not UTF-8, yet expected {expect:?}"));
        }
        return problems;
    };
    let p = path.to_path_buf();
    let result = guarded(&name, move || {
        let (engine, shared) = engine_and_shared();
        build(engine, shared, &p, &source, Target::Office).map(|b| {
            let outside = glyph_outside(&b.layout.pages, shared);
            (b.pdf, b.layout.pages.len(), b.layout.warnings, outside)
        })
    });
    let outcome = match result {
        Err(e) => {
            problems.push(e);
            return problems;
        }
        Ok(Ok((pdf, pages, warnings, outside))) => {
            if let Some(o) = outside {
                problems.push(format!("{name}: glyph outside the text area: {o}"));
            }
            match lopdf::Document::load_mem(&pdf) {
                Ok(doc) if doc.get_pages().len() == pages && pages > 0 => {}
                Ok(doc) => problems.push(format!(
                    "{name}: the PDF has {} pages, the layout {pages}",
                    doc.get_pages().len()
                )),
                Err(e) => problems.push(format!("{name}: the PDF does not load: {e}")),
            }
            Outcome::Built(warnings.iter().map(|w| w.message.clone()).collect())
        }
        Ok(Err(errors)) => Outcome::Failed(errors),
    };
    match (expect, &outcome) {
        (Builds, Outcome::Built(_)) => {}
        (Warns(w), Outcome::Built(warnings)) => {
            if !warnings.iter().any(|m| m.contains(w)) {
                problems.push(format!(
                    "{name}: expected a warning with {w:?}: {warnings:?}"
                ));
            }
        }
        (Fails(text), Outcome::Failed(errors)) => {
            if errors.is_empty() {
                problems.push(format!("{name}: failed without an error message"));
            }
            for e in errors {
                if !e.is_error() || e.message.trim().is_empty() {
                    problems.push(format!("{name}: not a proper error: {e:?}"));
                }
                if e.file != path {
                    problems.push(format!("{name}: the error does not name the file: {e}"));
                }
                if e.hint.as_deref().is_none_or(|h| h.trim().is_empty()) {
                    problems.push(format!("{name}: the error does not say what to do: {e}"));
                }
            }
            if !errors.iter().any(|e| e.message.contains(text)) {
                problems.push(format!(
                    "{name}: expected an error with {text:?}: {errors:#?}"
                ));
            }
        }
        _ => problems.push(format!("{name}: expected {expect:?}, got {outcome:?}")),
    }
    problems
}

fn run_cases(cases: Vec<(PathBuf, Expect)>) {
    // Two at a time: the machine has two cores and the timeouts are per case.
    let cases = Arc::new(std::sync::Mutex::new(cases));
    let problems = Arc::new(std::sync::Mutex::new(Vec::new()));
    let workers: Vec<_> = (0..2)
        .map(|_| {
            let cases = cases.clone();
            let problems = problems.clone();
            std::thread::spawn(move || {
                loop {
                    let Some((path, expect)) = cases.lock().unwrap().pop() else {
                        break;
                    };
                    let p = check_case(&path, expect);
                    problems.lock().unwrap().extend(p);
                }
            })
        })
        .collect();
    for w in workers {
        w.join().unwrap();
    }
    let problems = problems.lock().unwrap();
    assert!(
        problems.is_empty(),
        "{} problem(s):\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn every_hostile_file_is_listed_and_the_corpus_is_big_enough() {
    let on_disk: BTreeSet<String> = fs::read_dir(hostile_dir())
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    let listed: BTreeSet<String> = CASES.iter().map(|(n, _)| n.to_string()).collect();
    assert_eq!(listed.len(), CASES.len(), "a case is listed twice");
    let unlisted: Vec<_> = on_disk.difference(&listed).collect();
    let missing: Vec<_> = listed.difference(&on_disk).collect();
    assert!(
        unlisted.is_empty(),
        "files with no expectation: {unlisted:?}"
    );
    assert!(missing.is_empty(), "listed but not on disk: {missing:?}");
    assert!(CASES.len() >= 40);
}

#[test]
fn hostile_inputs_build_or_fail_clearly_never_panic_hang_or_leave_debris() {
    let dir = hostile_dir();
    run_cases(CASES.iter().map(|(n, e)| (dir.join(n), *e)).collect());
}

/// Made at test time rather than shipped: a file just over the size limit.
#[test]
fn a_file_over_the_size_limit_is_refused_before_parsing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("oversize.yaml");
    let mut text = String::from(
        "title: Te groot\nrevised: 2016-03-23\nauthors: Team\nroute: 105\nsections:\n  - body: |\n",
    );
    while text.len() <= MAX_FILE_BYTES {
        text.push_str("      Een regel tekst die herhaald werd door een plakfout.\n");
    }
    fs::write(&path, &text).unwrap();
    let started = Instant::now();
    run_cases(vec![(path.clone(), Fails("at most 1024 KB"))]);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

/// serde_yaml's guards, proven on the YAML itself (our schema rejects most bombs by type
/// before expanding them, and deep brackets before serde_yaml sees them): alias expansion
/// and nesting depth are both cut off, fast.
#[test]
fn yaml_bombs_and_deep_nesting_are_cut_off_fast() {
    let dir = hostile_dir();
    let deep = format!("title: {}{}\n", "[".repeat(1000), "]".repeat(1000));
    for (file, text) in [
        ("billion-laughs.yaml", "repetition limit"),
        ("billion-laughs-in-body.yaml", "repetition limit"),
        ("(1,000 nested brackets)", "recursion limit"),
    ] {
        let source = fs::read_to_string(dir.join(file)).unwrap_or_else(|_| deep.clone());
        let started = Instant::now();
        let err = serde_yaml::from_str::<serde_yaml::Value>(&source)
            .expect_err(file)
            .to_string();
        assert!(err.contains(text), "{file}: {err}");
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{file} took {:?}",
            started.elapsed()
        );
    }
    // 20,000 levels would keep libyaml's scanner busy for many seconds; the model refuses
    // them first.
    for file in ["deep-nesting-flow.yaml", "deep-nesting-flow-mappings.yaml"] {
        let source = fs::read_to_string(dir.join(file)).unwrap();
        let started = Instant::now();
        let err = leaflet_printer::model::parse(&dir.join(file), &source, &SharedData::default())
            .expect_err(file);
        assert!(err[0].message.contains("nested more than 128"), "{err:?}");
        assert!(started.elapsed() < Duration::from_secs(5), "{file}");
    }
}

/// Every input that once crashed or hung the fuzzer must now build or fail cleanly.
#[test]
fn fuzz_regressions_build_or_fail_cleanly() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut cases = Vec::new();
    for entry in fs::read_dir(&dir).unwrap().flatten() {
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().into_owned();
        // The expectation is in the name: `ok-*` builds, `err-*` fails.
        let expect = if name.starts_with("ok-") {
            Builds
        } else if name.starts_with("err-") {
            Fails("")
        } else {
            continue;
        };
        cases.push((path, expect));
    }
    assert!(
        !cases.is_empty(),
        "no regression inputs in {}",
        dir.display()
    );
    run_cases(cases);
}

/// The real binary over the whole folder at once: exit code 1 (some leaflets fail), every
/// failure reported, no panic, no debris, one PDF for each case that builds.
#[test]
fn the_binary_survives_the_whole_corpus_at_once() {
    let out = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_leaflet"));
    cmd.env("LC_ALL", "C")
        .arg("build")
        .arg(hostile_dir())
        .arg("-o")
        .arg(out.path())
        .args(["--jobs", "2"]);
    let output = output_within(cmd, Duration::from_secs(180))
        .expect("`leaflet build` over the hostile corpus hangs");
    let status = output.status;
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(status.code(), Some(1), "stdout: {stdout}\nstderr: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    // Nothing from a hostile file reaches the terminal as a control sequence.
    assert!(
        !stderr.chars().any(|c| c.is_control() && c != '\n'),
        "a control character was echoed: {stderr:?}"
    );
    let builds: BTreeSet<String> = CASES
        .iter()
        .filter(|(_, e)| !matches!(e, Fails(_)))
        .map(|(n, _)| n.replace(".yaml", ".pdf"))
        .collect();
    let fails = CASES.len() - builds.len();
    assert!(
        stdout.contains(&format!(
            "{} built, 0 up to date, {fails} failed",
            builds.len()
        )),
        "{stdout}"
    );
    // Each failing file is named on an error line, with the expected text.
    for (name, expect) in CASES {
        if let Fails(text) = expect {
            let reported = stderr.lines().any(|l| {
                l.contains(&format!("{name}:")) && l.contains(": error: ") && l.contains(text)
            });
            assert!(
                reported,
                "no error with {text:?} reported for {name}:\n{stderr}"
            );
        }
    }
    let written: BTreeSet<String> = fs::read_dir(out.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".pdf"))
        .collect();
    assert_eq!(written, builds);
    for entry in fs::read_dir(out.path()).unwrap().flatten() {
        let n = entry.file_name().to_string_lossy().into_owned();
        assert!(!n.starts_with(".leaflet-tmp-"), "temporary file left: {n}");
    }
}
