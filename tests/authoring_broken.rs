//! Every leaflet in tests/broken/ is wrong in one way (a few in several), and its
//! `.expected` file is the exact report `leaflet check` must print for it. Run with
//! `LEAFLET_BLESS=1` to rewrite the expected files after a deliberate wording change, then
//! read the diff.

use chrono::NaiveDate;
use leaflet_printer::check::check_source;
use leaflet_printer::diagnostic::Diagnostic;
use leaflet_printer::i18n::{self, Lang};
use leaflet_printer::pipeline::Engine;
use leaflet_printer::shared::SharedData;
use std::path::{Path, PathBuf};

/// The broken leaflets are judged as on this day, so date warnings never drift.
fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 15).unwrap()
}

fn cases() -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir("tests/broken")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    found.sort();
    found
}

/// Cases that must only warn: the leaflet prints, but a proofreader would object.
const WARNING_ONLY: &[&str] = &[
    "date-overdue",
    "date-future",
    "spaces-",
    "word-repeated",
    "markdown-",
    "sentence-too-long",
    "slip-hash-in-alt",
];

fn report(diagnostics: &[Diagnostic], source: &str) -> String {
    diagnostics
        .iter()
        .map(|d| d.render(Some(source)))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn every_broken_leaflet_gives_its_expected_report() {
    let shared = SharedData::load(Some(Path::new("tests/broken/_data"))).unwrap();
    let engine = Engine::new(&shared.hyphenation);
    let cases = cases();
    assert!(cases.len() >= 30, "only {} broken leaflets", cases.len());
    let bless = std::env::var_os("LEAFLET_BLESS").is_some();
    let mut mismatches = Vec::new();
    for path in &cases {
        let name = path.file_stem().unwrap().to_str().unwrap();
        let source = std::fs::read_to_string(path).unwrap();
        let diagnostics = check_source(&engine, &shared, path, &source, today());
        assert!(!diagnostics.is_empty(), "{name}: nothing reported");
        let warning_only = WARNING_ONLY.iter().any(|w| name.starts_with(w));
        assert_eq!(
            diagnostics.iter().any(Diagnostic::is_error),
            !warning_only,
            "{name}: wrong severity: {diagnostics:#?}"
        );
        for d in &diagnostics {
            assert!(d.hint.is_some(), "{name}: no hint in {d}");
            let whole_file = name == "empty-file" || name == "only-comments";
            assert!(whole_file || d.line.is_some(), "{name}: no line in {d}");
        }
        // Both languages put every problem at the same place, with or without a field.
        let places = |lang| {
            i18n::scoped(lang, || {
                check_source(&engine, &shared, path, &source, today())
                    .iter()
                    .map(|d| (d.line, d.column, d.width, d.field.clone(), d.hint.is_some()))
                    .collect::<Vec<_>>()
            })
        };
        assert_eq!(places(Lang::En), places(Lang::Nl), "{name}");
        // The same report in both languages: English in NAME.expected, Dutch (what the
        // secretariat reads) in NAME.nl.expected.
        for (lang, extension) in [(Lang::En, "expected"), (Lang::Nl, "nl.expected")] {
            let got = i18n::scoped(lang, || {
                report(
                    &check_source(&engine, &shared, path, &source, today()),
                    &source,
                )
            });
            // Never a Rust type name, in either language.
            for rust in [
                "struct ",
                "enum ",
                "SectionFile",
                "LeafletFile",
                "RouteField",
            ] {
                assert!(!got.contains(rust), "{name}: `{rust}` in {got}");
            }
            let expected_path = path.with_extension(extension);
            if bless {
                std::fs::write(&expected_path, &got).unwrap();
                continue;
            }
            let expected = std::fs::read_to_string(&expected_path)
                .unwrap_or_else(|_| panic!("{} is missing", expected_path.display()));
            if got != expected {
                mismatches.push(format!(
                    "--- {name} ({extension}): expected\n{expected}\n--- got\n{got}"
                ));
            }
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn every_expected_file_has_its_leaflet() {
    for entry in std::fs::read_dir("tests/broken").unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "expected") {
            assert!(
                path.with_extension("")
                    .with_extension("")
                    .with_extension("yaml")
                    .is_file(),
                "{} has no leaflet",
                path.display()
            );
        }
    }
}
