//! The authoring commands end to end: the committed schema, `new`, `import` of the
//! hospital's sample text, completions and the manual page.

use chrono::NaiveDate;
use leaflet_printer::check::check_source;
use leaflet_printer::import::import;
use leaflet_printer::model;
use leaflet_printer::pdf::Target;
use leaflet_printer::pipeline::{self, Engine};
use leaflet_printer::scaffold;
use leaflet_printer::shared::SharedData;
use std::path::Path;
use std::process::Command;

fn leaflet(args: &[&str], dir: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "C")
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn library() -> SharedData {
    SharedData::load(Some(Path::new("tests/fixtures/leaflets/_data"))).unwrap()
}

#[test]
fn committed_schema_is_the_generated_one() {
    let (code, schema, _) = leaflet(&["schema"], Path::new("."));
    assert_eq!(code, 0);
    let committed = std::fs::read_to_string("leaflets/leaflet.schema.json").unwrap();
    assert_eq!(
        committed, schema,
        "run `cargo run -- schema > leaflets/leaflet.schema.json`"
    );
    let first = std::fs::read_to_string("tests/fixtures/leaflets/immunotherapie.yaml").unwrap();
    assert!(
        first
            .starts_with("# yaml-language-server: $schema=../../../leaflets/leaflet.schema.json\n")
    );
}

/// The words of every set line except the department (the text file does not name it).
fn set_words(source: &str, path: &str) -> Vec<String> {
    let shared = library();
    let engine = Engine::new(&shared.hyphenation);
    let built = pipeline::build(&engine, &shared, Path::new(path), source, Target::Office)
        .unwrap_or_else(|e| panic!("{path} does not build: {e:#?}"));
    built
        .layout
        .lines
        .iter()
        .filter(|l| l.kind != leaflet_printer::document::BlockKind::Department)
        .flat_map(|l| {
            l.text
                .split_whitespace()
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn importing_the_sample_gives_the_hand_made_leaflet_word_for_word() {
    let text = std::fs::read_to_string("tests/authoring/immunotherapie.txt").unwrap();
    let shared = library();
    let imported = import(Path::new("immunotherapie.txt"), &text, &shared).unwrap();
    assert!(imported.notes.is_empty(), "{:#?}", imported.notes);
    let yaml = scaffold::render(&imported.draft, Path::new("leaflets"), "test");
    scaffold::verify_round_trip(&imported.draft, &yaml).unwrap();

    let hand = std::fs::read_to_string("tests/fixtures/leaflets/immunotherapie.yaml").unwrap();
    let a = model::parse(Path::new("imported.yaml"), &yaml, &shared).unwrap();
    let b = model::parse(
        Path::new("tests/fixtures/leaflets/immunotherapie.yaml"),
        &hand,
        &shared,
    )
    .unwrap();
    assert_eq!(
        (&a.title, a.revised, &a.authors, &a.route),
        (&b.title, b.revised, &b.authors, &b.route)
    );
    assert_eq!(a.sections.len(), b.sections.len());
    for (x, y) in a.sections.iter().zip(&b.sections) {
        assert_eq!(x.heading, y.heading);
        // Exactly the same characters, no-break spaces included, up to line-end spaces.
        let lines = |s: &str| -> Vec<String> {
            s.trim_end()
                .lines()
                .map(|l| l.trim_end_matches(' ').to_string())
                .collect()
        };
        assert_eq!(lines(&x.body), lines(&y.body));
    }
    assert_eq!(a.department, None);
    assert_eq!(b.department.as_deref(), Some("Hematologie"));

    let words_a = set_words(&yaml, "imported.yaml");
    let words_b = set_words(&hand, "tests/fixtures/leaflets/immunotherapie.yaml");
    assert!(words_a.len() > 250, "only {} words", words_a.len());
    assert_eq!(words_a, words_b);
}

#[test]
fn a_new_leaflet_fails_check_until_filled_in_and_is_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("leaflets/_data")).unwrap();
    std::fs::copy(
        "tests/fixtures/leaflets/_data/routes.yaml",
        dir.join("leaflets/_data/routes.yaml"),
    )
    .unwrap();
    std::fs::write(dir.join("leaflets/leaflet.schema.json"), "{}").unwrap();

    let (code, out, err) = leaflet(&["new", "wondzorg-thuis"], dir);
    assert_eq!(code, 0, "{out}{err}");
    let path = dir.join("leaflets/wondzorg-thuis.yaml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("# yaml-language-server: $schema=leaflet.schema.json\n"));
    let today = chrono::Local::now().date_naive();
    assert!(text.contains(&format!("revised: {today}\n")), "{text}");
    for field in [
        "title:",
        "subtitle:",
        "department:",
        "authors:",
        "route:",
        "sections:",
        "heading:",
        "body:",
    ] {
        assert!(text.contains(field), "{field} missing from\n{text}");
    }

    // Every placeholder is an error naming its field; no route is chosen for the author.
    let (code, out, err) = leaflet(&["check", "leaflets"], dir);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("checked 1 leaflet: 6 errors, 0 warnings"),
        "{out}"
    );
    assert!(
        err.contains("error: field `route`: “«VUL IN: routenummer uit routes.yaml»” from `leaflet new` is still to be filled in"),
        "{err}"
    );
    let filled = text
        .replace("'«VUL IN: naam van het team»'", "Team wondzorg")
        .replace("'«VUL IN: routenummer uit routes.yaml»'", "105")
        .replace(
            "«VUL IN: de inleiding: wat de patiënt in deze folder leest»",
            "U gaat naar huis met een wonde.",
        )
        .replace("'«VUL IN: tussentitel»'", "Wat doet u thuis?")
        .replace(
            "«VUL IN: korte zinnen; een lege regel begint een nieuwe alinea»",
            "Verzorg de wonde elke dag.",
        )
        .replace(
            "«VUL IN: een opsomming begint met een streepje»",
            "was eerst uw handen",
        );
    std::fs::write(&path, &filled).unwrap();
    let (code, out, err) = leaflet(&["check", "--strict", "leaflets"], dir);
    assert_eq!(code, 0, "{out}{err}\n{filled}");
    assert!(
        out.contains("checked 1 leaflet: 0 errors, 0 warnings"),
        "{out}"
    );

    std::fs::write(&path, "title: mine\n").unwrap();
    let (code, _, err) = leaflet(&["new", "wondzorg-thuis"], dir);
    assert_eq!(code, 1);
    assert!(err.contains("this file already exists"), "{err}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "title: mine\n");

    let (code, _, err) = leaflet(&["new", "../weg"], dir);
    assert_eq!(code, 1);
    assert!(err.contains("cannot be a leaflet's file name"), "{err}");
}

#[test]
fn import_writes_a_leaflet_that_builds_and_refuses_to_overwrite() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("leaflets/_data")).unwrap();
    std::fs::copy(
        "tests/fixtures/leaflets/_data/routes.yaml",
        dir.join("leaflets/_data/routes.yaml"),
    )
    .unwrap();
    let sample = std::fs::canonicalize("tests/authoring/immunotherapie.txt").unwrap();
    let sample = sample.to_str().unwrap();
    let (code, out, err) = leaflet(&["import", sample], dir);
    assert_eq!(code, 0, "{out}{err}");
    let (code, out, err) = leaflet(&["build", "leaflets", "-o", "out"], dir);
    assert_eq!(code, 0, "{out}{err}");
    assert!(dir.join("out/immunotherapie.pdf").is_file());
    let (code, _, err) = leaflet(&["import", sample], dir);
    assert_eq!(code, 1);
    assert!(err.contains("already exists"), "{err}");
}

#[test]
fn import_reports_what_it_could_not_place_and_keeps_it() {
    let text = "Wondzorg\n\nLaatst aangepast: vorige week\n\nPraktisch\n\nBel ons.\nVolg route X\n";
    let got = import(Path::new("wond.txt"), text, &SharedData::default()).unwrap();
    let notes: String = got.notes.iter().map(|d| d.render(Some(text))).collect();
    insta::assert_snapshot!("import_notes", notes);
    let yaml = scaffold::render(&got.draft, Path::new("."), "test");
    for line in text.lines().skip(1).filter(|l| !l.is_empty()) {
        assert!(yaml.contains(line), "{line} was dropped:\n{yaml}");
    }
}

#[test]
fn completions_and_manual_name_the_commands() {
    let (code, bash, _) = leaflet(&["completions", "bash"], Path::new("."));
    assert_eq!(code, 0);
    for cmd in ["check", "new", "import", "schema", "build"] {
        assert!(bash.contains(cmd), "{cmd} missing from completions");
    }
    let (code, man, _) = leaflet(&["man"], Path::new("."));
    assert_eq!(code, 0);
    assert!(
        man.starts_with(".ie") || man.contains(".TH leaflet"),
        "{man}"
    );
}

#[test]
fn the_library_checks_clean_of_errors() {
    let shared = library();
    let engine = Engine::new(&shared.hyphenation);
    let path = Path::new("tests/fixtures/leaflets/immunotherapie.yaml");
    let source = std::fs::read_to_string(path).unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let found = check_source(&engine, &shared, path, &source, today);
    let report: Vec<String> = found.iter().map(|d| d.render(Some(&source))).collect();
    insta::assert_snapshot!("library_check", report.join("\n"));
}

#[test]
fn build_reports_like_check() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("leaflets")).unwrap();
    std::fs::copy(
        "tests/broken/unknown-field-titel.yaml",
        dir.join("leaflets/titel.yaml"),
    )
    .unwrap();
    let (code, _, err) = leaflet(&["build", "leaflets", "-o", "out"], dir);
    assert_eq!(code, 1);
    let expected = "leaflets/titel.yaml:2:1: error: unknown field `titel`";
    // Progress lines ("failed titel.pdf") may come first when stderr is not a terminal.
    assert!(err.lines().any(|l| l.starts_with(expected)), "{err}");
    assert!(err.contains("2 | titel: Wondzorg thuis\n  | ^\n"), "{err}");
    assert!(
        err.contains("hint: write `title`: field names are English"),
        "{err}"
    );
}

/// The same slip with a Dutch locale: Dutch words around the same place and caret.
#[test]
fn build_reports_in_dutch_with_a_dutch_locale() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("leaflets")).unwrap();
    std::fs::copy(
        "tests/broken/unknown-field-titel.yaml",
        dir.join("leaflets/titel.yaml"),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "")
        .env("LC_MESSAGES", "")
        .env("LANG", "nl_BE.UTF-8")
        .args(["build", "leaflets", "-o", "out"])
        .current_dir(dir)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1));
    assert!(err.contains("mislukt titel.pdf\n"), "{err}");
    assert!(
        err.contains("leaflets/titel.yaml:2:1: fout: onbekend veld `titel`\n  |\n2 | titel: Wondzorg thuis\n  | ^\n  = tip: schrijf `title`: de veldnamen zijn Engels"),
        "{err}"
    );
    assert_eq!(
        stdout.lines().last().unwrap().split(" (").next().unwrap(),
        "0 gebouwd, 0 ongewijzigd, 1 mislukt"
    );
    assert!(
        stdout.trim_end().ends_with("; de pdf's staan in out"),
        "{stdout}"
    );

    // A library may fix the language for everyone using it, whatever the locale.
    std::fs::create_dir_all(dir.join("leaflets/_data")).unwrap();
    std::fs::write(dir.join("leaflets/_data/messages.txt"), "en\n").unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .env("LC_ALL", "nl_BE.UTF-8")
        .args(["check", "leaflets"])
        .current_dir(dir)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(stdout.trim_end(), "checked 1 leaflet: 1 error, 0 warnings");
}

#[test]
fn check_exit_codes() {
    let here = Path::new(".");
    let (code, out, _) = leaflet(&["check", "tests/broken/date-overdue.yaml"], here);
    assert_eq!(code, 0, "a warning alone passes");
    assert!(
        out.contains("checked 1 leaflet: 0 errors, 1 warning"),
        "{out}"
    );
    let (code, _, _) = leaflet(
        &["check", "--strict", "tests/broken/date-overdue.yaml"],
        here,
    );
    assert_eq!(code, 1, "--strict fails on warnings");
    let (code, _, err) = leaflet(&["check", "tests/broken/route-unknown.yaml"], here);
    assert_eq!(code, 1);
    assert!(err.contains("there is no route `999`"), "{err}");
    let (code, _, err) = leaflet(&["check", "tests/broken/geen-bestand.yaml"], here);
    assert_eq!(code, 1);
    assert!(err.contains("cannot open it"), "{err}");
}

/// `check --fix` rewrites the safe habits in place, lists them by line, then checks.
#[test]
fn check_fix_rewrites_and_lists_the_safe_habits() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("fixme.yaml");
    let before = "# Opmerking blijft staan\ntitle: Wondzorg  thuis\nrevised: 5 mei 2026\nauthors: Team wondzorg\nroute:\n  number: 105\n  description: dagziekenhuis\nsections:\n  - heading: Wat doet u thuis?\n    body: |\n      Neem mee:\n      • uw kaart\n";
    std::fs::write(&file, before).unwrap();
    let (code, out, err) = leaflet(&["check", "--fix", "fixme.yaml"], tmp.path());
    assert_eq!(code, 0, "{out}{err}");
    // (The closing line may count a review warning, depending on today's date.)
    assert!(
        out.starts_with(
            "fixme.yaml:2: 1 double space made single\nfixme.yaml:3: date 5 mei 2026 → 2026-05-05\nfixme.yaml:12: bullet • → -\nchecked 1 leaflet: 0 errors, "
        ),
        "{out}"
    );
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        before
            .replace("Wondzorg  thuis", "Wondzorg thuis")
            .replace("5 mei 2026", "2026-05-05")
            .replace("• uw", "- uw")
    );
    // Nothing left to fix: the file is not touched again.
    let (_, out, _) = leaflet(&["check", "--fix", "fixme.yaml"], tmp.path());
    assert!(out.starts_with("checked 1 leaflet: 0 errors, "), "{out}");
}

/// One flag name for where output goes, `-o/--out`, as for `build`; the old spellings of
/// `new` and `import` keep working for scripts.
#[test]
fn new_and_import_take_out_and_their_old_spellings() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    std::fs::create_dir_all(dir.join("lib/_data")).unwrap();
    std::fs::copy(
        "tests/fixtures/leaflets/_data/routes.yaml",
        dir.join("lib/_data/routes.yaml"),
    )
    .unwrap();
    for (i, flag) in ["-o", "--out", "--dir"].iter().enumerate() {
        let name = format!("proef{i}");
        let (code, _, err) = leaflet(&["new", &name, flag, "lib"], dir);
        assert_eq!(code, 0, "{flag}: {err}");
        assert!(dir.join(format!("lib/{name}.yaml")).is_file(), "{flag}");
    }
    let text = std::fs::read("tests/authoring/immunotherapie.txt").unwrap();
    std::fs::write(dir.join("tekst.txt"), text).unwrap();
    for (i, flag) in ["-o", "--out", "--output"].iter().enumerate() {
        let target = format!("lib/import{i}.yaml");
        let (code, _, err) = leaflet(&["import", "tekst.txt", flag, &target], dir);
        assert_eq!(code, 0, "{flag}: {err}");
        assert!(dir.join(&target).is_file(), "{flag}");
    }
}
