//! What `leaflet build` tells: each rebuilt leaflet with why, a leaflet due for review
//! named on every build, errors before the closing line, which names the output folder;
//! `-q`, and the same in Dutch. Runs on a small library written here, never on leaflets/.

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

const ROUTES: &str = "42: radiologie\n105: oncologisch dagziekenhuis\n";

fn leaflet(route: &str, revised: &str) -> String {
    format!(
        "title: Folder\nrevised: {revised}\nauthors: Team\nroute: {route}\nsections:\n  - heading: Wat doet u thuis?\n    body: |\n      Verzorg de wonde elke dag.\n"
    )
}

fn library(dir: &Path) {
    fs::create_dir_all(dir.join("lib/_data")).unwrap();
    fs::write(dir.join("lib/_data/routes.yaml"), ROUTES).unwrap();
    fs::write(dir.join("lib/ct-scan.yaml"), leaflet("42", "2026-01-10")).unwrap();
    fs::write(dir.join("lib/oud.yaml"), leaflet("105", "2019-06-30")).unwrap();
}

/// `leaflet build lib -o out` in `dir`, with `LANG` as given (stderr is a pipe: a log).
fn build(dir: &Path, lang: &str, extra: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", lang)
        .env_remove("NO_COLOR")
        .args(["build", "lib", "-o", "out"])
        .args(extra)
        .current_dir(dir)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn last_line(o: &Output) -> String {
    let out = text(&o.stdout);
    let line = out.lines().last().unwrap_or("");
    // The seconds vary; everything else is fixed.
    let (head, tail) = line.split_once(" (").unwrap();
    format!("{head} (…{}", tail.split_once(')').unwrap().1)
}

#[test]
fn each_rebuilt_leaflet_is_named_with_why() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    library(dir);
    let first = build(dir, "C", &[]);
    assert!(first.status.success(), "{}", text(&first.stderr));
    let err = text(&first.stderr);
    assert!(err.contains("built ct-scan.pdf — new\n"), "{err}");
    assert!(err.contains("built oud.pdf — new\n"), "{err}");
    assert_eq!(
        last_line(&first),
        "2 built, 0 up to date, 0 failed (…; PDFs in out"
    );

    // One route changes: only the leaflet that prints it comes back, saying so.
    fs::write(
        dir.join("lib/_data/routes.yaml"),
        ROUTES.replace("radiologie", "medische beeldvorming"),
    )
    .unwrap();
    let second = build(dir, "C", &[]);
    let err = text(&second.stderr);
    assert!(
        err.contains("built ct-scan.pdf — route 42 changed\n"),
        "{err}"
    );
    assert!(!err.contains("built oud.pdf"), "{err}");
    assert_eq!(
        last_line(&second),
        "1 built, 1 up to date, 0 failed (…; PDFs in out"
    );

    // The same in Dutch, for an edit of the text itself.
    let edited = leaflet("105", "2019-06-30").replace("elke dag", "elke ochtend");
    fs::write(dir.join("lib/oud.yaml"), edited).unwrap();
    let third = build(dir, "nl_BE.UTF-8", &[]);
    let err = text(&third.stderr);
    assert!(err.contains("gebouwd oud.pdf — tekst gewijzigd\n"), "{err}");
    assert_eq!(
        last_line(&third),
        "1 gebouwd, 1 ongewijzigd, 0 mislukt (…; de pdf's staan in out"
    );
}

#[test]
fn a_leaflet_due_for_review_is_named_even_when_up_to_date() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    library(dir);
    build(dir, "C", &[]);
    let again = build(dir, "nl_BE.UTF-8", &[]);
    let err = text(&again.stderr);
    assert_eq!(
        err,
        "lib/oud.yaml: waarschuwing: veld `revised`: laatst herzien op 2019-06-30: meer dan 3 \
         jaar geleden, dus de folder moet herzien worden\n  = tip: laat de auteurs de tekst \
         nakijken en zet `revised` dan op de datum van die herziening\n"
    );
    assert!(text(&again.stdout).starts_with("0 gebouwd, 2 ongewijzigd, 0 mislukt"));
    // -q keeps only what went wrong: nothing here.
    let quiet = build(dir, "C", &["-q"]);
    assert_eq!(
        (text(&quiet.stdout), text(&quiet.stderr)),
        (String::new(), String::new())
    );
}

#[test]
fn errors_come_before_the_closing_line_and_colour_only_when_asked() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    library(dir);
    fs::write(
        dir.join("lib/kapot.yaml"),
        leaflet("route 42", "2026-01-10"),
    )
    .unwrap();
    let run = build(dir, "C", &["--color", "always"]);
    assert_eq!(run.status.code(), Some(1));
    let err = text(&run.stderr);
    assert!(
        err.contains(
            "lib/kapot.yaml:4:8: \x1b[1;31merror\x1b[0m: field `route`: there is no route `route 42` in the shared routes\n"
        ),
        "{err}"
    );
    assert!(
        err.contains("\x1b[1;36mhint\x1b[0m: write the route number only: `route: 42`"),
        "{err}"
    );
    assert_eq!(
        last_line(&run),
        "2 built, 0 up to date, 1 failed (…; PDFs in out"
    );
    // -q still reports the failure, and the closing line says it failed.
    let quiet = build(dir, "C", &["-q", "--color", "never"]);
    assert!(text(&quiet.stderr).contains("lib/kapot.yaml:4:8: error:"));
    assert!(!text(&quiet.stderr).contains('\x1b'));
    assert!(text(&quiet.stdout).starts_with("0 built, 2 up to date, 1 failed"));
}

/// What `check` would say about a rebuilt leaflet's text is shown on build too, compactly.
#[test]
fn a_rebuilt_leaflet_shows_checks_warnings() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    library(dir);
    let doubled = leaflet("42", "2026-01-10").replace("de wonde", "de  wonde");
    fs::write(dir.join("lib/ct-scan.yaml"), doubled).unwrap();
    let run = build(dir, "nl_BE.UTF-8", &[]);
    let err = text(&run.stderr);
    assert!(
        err.contains(
            "lib/ct-scan.yaml:8:17: waarschuwing: sectie 1 (‘Wat doet u thuis?’), veld `body`: \
             2 spaties na elkaar\n  = tip: laat één spatie tussen de woorden\n"
        ),
        "{err}"
    );
}

/// Five overdue reviews are shown one by one; past that the rest are summed up in a line,
/// so a library where many are due does not bury the other warnings. `-v` shows them all.
#[test]
fn many_overdue_reviews_are_summed_up_after_five() {
    let dir = tempfile::tempdir().unwrap();
    library(dir.path());
    for k in 0..7 {
        fs::write(
            dir.path().join(format!("lib/oud-{k}.yaml")),
            leaflet("105", "2018-03-01"),
        )
        .unwrap();
    }
    let due = |o: &Output| {
        text(&o.stderr)
            .lines()
            .filter(|l| l.contains("due for review"))
            .count()
    };
    let o = build(dir.path(), "C", &[]);
    // Eight are overdue (oud.yaml and the seven): five lines, then the sum.
    assert_eq!(due(&o), 6, "{}", text(&o.stderr));
    assert!(
        text(&o.stderr).contains(
            "… and 3 more leaflets are due for review; `leaflet check` or `-v` shows them all"
        ),
        "{}",
        text(&o.stderr)
    );
    let all = build(dir.path(), "C", &["-v"]);
    assert_eq!(due(&all), 8, "{}", text(&all.stderr));
    let nl = build(dir.path(), "nl_BE.UTF-8", &[]);
    assert!(
        text(&nl.stderr).contains("… en nog 3 folders moeten herzien worden"),
        "{}",
        text(&nl.stderr)
    );
}
