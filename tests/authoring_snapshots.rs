//! Snapshots of whole error reports as a secretary sees them: a change to wording, caret
//! placement or hints shows up as a reviewed diff of tests/snapshots/.

use chrono::NaiveDate;
use leaflet_printer::check::check_source;
use leaflet_printer::pipeline::Engine;
use leaflet_printer::scaffold;
use leaflet_printer::shared::SharedData;
use std::path::Path;

fn report(name: &str, source: &str) -> String {
    let shared = SharedData::load(Some(Path::new("tests/fixtures/leaflets/_data"))).unwrap();
    let engine = Engine::new(&shared.hyphenation);
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let path = Path::new("leaflets").join(name);
    check_source(&engine, &shared, &path, source, today)
        .iter()
        .map(|d| d.render(Some(source)))
        .collect::<Vec<_>>()
        .join("\n")
}

const GOOD: &str = "title: Wondzorg thuis\nrevised: 2026-01-10\nauthors: Team wondzorg\nroute: 105\nsections:\n  - heading: Wat doet u thuis?\n    body: |\n      Verzorg de wonde elke dag.\n";

#[test]
fn a_good_leaflet_reports_nothing() {
    assert_eq!(report("goed.yaml", GOOD), "");
}

#[test]
fn misspelt_field() {
    let src = GOOD.replace("authors:", "autors:");
    insta::assert_snapshot!(report("autors.yaml", &src));
}

#[test]
fn emoji_in_a_heading() {
    let src = GOOD.replace("Wat doet u thuis?", "Wat doet u thuis? 🏠");
    insta::assert_snapshot!(report("emoji.yaml", &src));
}

#[test]
fn unknown_route_and_typing_slips_in_one_report() {
    let src = GOOD.replace("route: 105", "route: 501").replace(
        "Verzorg de wonde elke dag.",
        "Verzorg de  wonde elke elke dag, \"ook\" in het weekend.",
    );
    insta::assert_snapshot!(report("slips.yaml", &src));
}

#[test]
fn word_wider_than_the_page() {
    let src = GOOD.replace(
        "Verzorg de wonde elke dag.",
        "Uw code: QX7Z-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.",
    );
    insta::assert_snapshot!(report("code.yaml", &src));
}

#[test]
fn date_in_words() {
    let src = GOOD.replace("2026-01-10", "10 januari 2026");
    insta::assert_snapshot!(report("datum.yaml", &src));
}

#[test]
fn new_leaflet_template() {
    let date = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let shared = SharedData::load(Some(Path::new("tests/fixtures/leaflets/_data"))).unwrap();
    let draft = scaffold::new_draft("wondzorg-thuis", date, &shared);
    let yaml = scaffold::render(&draft, Path::new("leaflets"), "Nieuwe folder.");
    insta::assert_snapshot!(yaml.clone());
    // Issue 10: every placeholder fails check until replaced, one error each.
    let report = report("wondzorg-thuis.yaml", &yaml);
    assert_eq!(
        report
            .matches("from `leaflet new` is still to be filled in")
            .count(),
        6,
        "{report}"
    );
    assert_eq!(report.matches(": error: ").count(), 6, "{report}");
}

/// The same reports as the snapshots above, as the secretariat reads them (Dutch locale).
#[test]
fn the_same_reports_in_dutch() {
    use leaflet_printer::i18n::{Lang, scoped};
    let cases = [
        ("autors.yaml", GOOD.replace("authors:", "autors:")),
        (
            "emoji.yaml",
            GOOD.replace("Wat doet u thuis?", "Wat doet u thuis? 🏠"),
        ),
        (
            "slips.yaml",
            GOOD.replace("route: 105", "route: 501").replace(
                "Verzorg de wonde elke dag.",
                "Verzorg de  wonde elke elke dag, \"ook\" in het weekend.",
            ),
        ),
        (
            "code.yaml",
            GOOD.replace(
                "Verzorg de wonde elke dag.",
                "Uw code: QX7Z-ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ.",
            ),
        ),
        ("datum.yaml", GOOD.replace("2026-01-10", "10 januari 2026")),
    ];
    let all: Vec<String> = cases
        .iter()
        .map(|(name, src)| scoped(Lang::Nl, || report(name, src)))
        .collect();
    insta::assert_snapshot!(all.join("\n"));
}
