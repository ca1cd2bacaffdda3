//! Issue 13.4: `check` lints from the readability criteria that need the laid-out page — a
//! paragraph longer than 15 lines as printed is flagged where it was typed.

use chrono::NaiveDate;
use leaflet_printer::check::{MAX_PARAGRAPH_LINES, check_source};
use leaflet_printer::pipeline::Engine;
use leaflet_printer::shared::SharedData;
use std::path::Path;

fn check(source: &str) -> Vec<String> {
    let shared = SharedData::load(Some(Path::new("tests/fidelity/_data"))).unwrap();
    let engine = Engine::new(&shared.hyphenation);
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    check_source(&engine, &shared, Path::new("f.yaml"), source, today)
        .iter()
        .map(ToString::to_string)
        .filter(|d| d.contains("lines long as printed"))
        .collect()
}

/// Short sentences (so no other lint fires), `n` of them in one paragraph.
fn paragraph(n: usize) -> String {
    (0..n)
        .map(|i| format!("Zin {i} is kort en duidelijk voor de lezer."))
        .collect::<Vec<_>>()
        .join(" ")
}

fn leaflet(body: &str) -> String {
    format!(
        "title: Wondzorg thuis\nrevised: 2026-01-10\nauthors: Team wondzorg\nroute: 105\nsections:\n  - body: |\n      Een korte eerste alinea.\n\n      {body}\n"
    )
}

#[test]
fn a_paragraph_longer_than_fifteen_printed_lines_is_flagged_where_it_starts() {
    let found = check(&leaflet(&paragraph(40)));
    assert_eq!(found.len(), 1, "{found:?}");
    let d = &found[0];
    assert!(d.starts_with("f.yaml:9:7: warning:"), "{d}");
    assert!(d.contains("section 1, field `body`"), "{d}");
    let lines: usize = d
        .split("this paragraph is ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("the line count is named");
    assert!(lines > MAX_PARAGRAPH_LINES, "{d}");
}

#[test]
fn a_paragraph_of_a_few_lines_is_not_flagged() {
    assert_eq!(check(&leaflet(&paragraph(6))), Vec::<String>::new());
}
