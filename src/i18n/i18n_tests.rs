use super::*;
use fluent_bundle::FluentResource;
use std::collections::BTreeSet;

fn ids(ftl: &str) -> BTreeSet<String> {
    if let Err((_, errors)) = FluentResource::try_new(ftl.to_string()) {
        panic!("a .ftl file does not parse: {errors:?}");
    }
    // A message starts at the left margin with its id; continuation lines are indented.
    ftl.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" =").map(|(id, _)| id.trim().to_string()))
        .collect()
}

/// No message is in both files of a language: the common one would always win, and the
/// rare copy would be dead text that a translator might edit in vain.
#[test]
fn the_rare_messages_are_not_also_common() {
    for (common, rare) in [(NL_FTL, NL_RARE_FTL), (EN_FTL, EN_RARE_FTL)] {
        let both: Vec<String> = ids(common).intersection(&ids(rare)).cloned().collect();
        assert!(both.is_empty(), "in both files: {both:?}");
    }
}

#[test]
fn both_languages_have_every_message() {
    let nl: BTreeSet<String> = ids(NL_FTL).into_iter().chain(ids(NL_RARE_FTL)).collect();
    let en: BTreeSet<String> = ids(EN_FTL).into_iter().chain(ids(EN_RARE_FTL)).collect();
    let only_en: Vec<_> = en.difference(&nl).collect();
    let only_nl: Vec<_> = nl.difference(&en).collect();
    assert!(only_en.is_empty(), "not in Dutch: {only_en:?}");
    assert!(only_nl.is_empty(), "not in English: {only_nl:?}");
}

/// Every `t!("id"` in the sources names a message that exists, so no user ever sees an id.
#[test]
fn every_message_the_code_asks_for_exists() {
    let en: BTreeSet<String> = ids(EN_FTL).into_iter().chain(ids(EN_RARE_FTL)).collect();
    let mut missing = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let code = std::fs::read_to_string(&path).unwrap();
                for (i, _) in code.match_indices("t!(\"") {
                    // `format!("` ends the same way.
                    if code[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
                        continue;
                    }
                    let id = code[i + 4..].split('"').next().unwrap();
                    if !en.contains(id) && id != "id" {
                        missing.push(format!("{}: {id}", path.display()));
                    }
                }
            }
        }
    }
    assert!(
        missing.is_empty(),
        "messages not in locales/en: {missing:?}"
    );
}

#[test]
fn the_locale_picks_dutch_for_any_nl_variant() {
    let env = |vars: &'static [(&'static str, &'static str)]| {
        from_vars(move |n| {
            vars.iter()
                .find(|(k, _)| *k == n)
                .map(|(_, v)| v.to_string())
        })
    };
    assert_eq!(env(&[("LANG", "nl_BE.UTF-8")]), Lang::Nl);
    assert_eq!(env(&[("LANG", "nl_NL")]), Lang::Nl);
    assert_eq!(env(&[("LANG", "fr_BE.UTF-8")]), Lang::En);
    assert_eq!(env(&[]), Lang::En);
    // LC_ALL outranks LANG; an empty variable counts as unset.
    assert_eq!(env(&[("LC_ALL", "C"), ("LANG", "nl_BE")]), Lang::En);
    assert_eq!(
        env(&[("LC_ALL", ""), ("LC_MESSAGES", "nl_BE"), ("LANG", "C")]),
        Lang::Nl
    );
}

#[test]
fn a_library_file_fixes_the_language() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(from_library(dir.path()), None);
    std::fs::write(
        dir.path().join(LIBRARY_FILE),
        "# taal van de berichten\nnl\n",
    )
    .unwrap();
    assert_eq!(from_library(dir.path()), Some(Lang::Nl));
}

#[test]
fn plurals_and_arguments_come_from_the_files() {
    let one = text_in(
        Lang::Nl,
        "check-tally",
        &[
            ("leaflets", 1.into()),
            ("errors", 0.into()),
            ("warnings", 2.into()),
        ],
    );
    assert_eq!(one, "1 folder nagekeken: 0 fouten, 2 waarschuwingen");
    let en = text_in(
        Lang::En,
        "check-tally",
        &[
            ("leaflets", 3.into()),
            ("errors", 1.into()),
            ("warnings", 1.into()),
        ],
    );
    assert_eq!(en, "checked 3 leaflets: 1 error, 1 warning");
}

#[test]
fn a_thread_can_pin_its_language() {
    let inner = scoped(Lang::Nl, || {
        (current(), scoped(Lang::En, current), current())
    });
    assert_eq!(inner, (Lang::Nl, Lang::En, Lang::Nl));
}

/// Every text in the Dutch help belongs to a command or option that exists, so a renamed
/// option cannot leave its Dutch help behind unnoticed.
#[test]
fn the_dutch_help_names_real_places() {
    let mut places = Vec::new();
    help::places(
        &<crate::cli::Cli as clap::CommandFactory>::command(),
        "leaflet",
        &mut places,
    );
    let stray: Vec<String> = help::ids()
        .into_iter()
        .filter(|id| !places.contains(id))
        .collect();
    assert!(stray.is_empty(), "help.ftl names no such place: {stray:?}");
    let nl = scoped(Lang::Nl, || {
        help::localise(<crate::cli::Cli as clap::CommandFactory>::command())
    });
    let build = nl.find_subcommand("build").unwrap();
    assert!(
        build
            .get_about()
            .unwrap()
            .to_string()
            .starts_with("Bouw pdf's")
    );
    assert!(
        build
            .get_after_help()
            .unwrap()
            .to_string()
            .contains("langs de KORTE zijde")
    );
    let mut check = nl.find_subcommand("check").unwrap().clone();
    let shown = check.render_help().to_string();
    for words in [
        "Gebruik: check",
        "Argumenten:\n  [PATHS]",
        "Opties:\n",
        "Toon deze hulp",
    ] {
        assert!(shown.contains(words), "{words:?} not in {shown}");
    }
}

/// A layout refusal names the kind of text in words, in either language (never the Rust
/// variant name it is computed from).
#[test]
fn a_block_kind_is_said_in_words() {
    let args = |kind: &'static str| {
        let kind = text_in(Lang::Nl, "block-kind", &[("kind", kind.into())]);
        [
            ("shown", FluentValue::from("het teken “☎”")),
            ("code", FluentValue::from("260E")),
            ("kind", FluentValue::from(kind)),
            ("context", FluentValue::from("Bel")),
        ]
    };
    assert_eq!(
        text_in(Lang::Nl, "glyph-missing", &args("listitem")),
        "het teken “☎” (U+260E) in een punt van een opsomming kan niet gedrukt worden: het lettertype heeft er geen glyph voor (het volgt op “Bel”)"
    );
    let heading = text_in(Lang::En, "block-kind", &[("kind", "heading".into())]);
    let en = text_in(
        Lang::En,
        "stacked-accents",
        &[("kind", heading.into()), ("max", 8.into())],
    );
    assert_eq!(
        en,
        "a letter in a heading carries more than 8 accents (combining marks) and cannot be printed"
    );
}

/// The house style's range checks and a refused picture read in Dutch with a Dutch locale,
/// and as before in English.
#[test]
fn style_and_picture_refusals_are_dutch_too() {
    let style = crate::style::HouseStyle {
        leading: 4.0,
        review_years: 20,
        ..Default::default()
    };
    let said = |lang| {
        scoped(lang, || {
            style
                .problems()
                .into_iter()
                .map(|p| format!("{}: {} — {}", p.setting, p.message, p.hint))
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(
        said(Lang::Nl),
        [
            "leading: een regelafstand van 4; geef 1–2.5 keer de lettergrootte van de broodtekst — 1.35 is de huisstijl, 1.5 grote letters",
            "review_years: een herziening om de 20 jaar; geef 1–10 — folders worden om de 3 jaar herzien",
        ]
    );
    assert_eq!(
        said(Lang::En)[1],
        "review_years: a review every 20 years; give 1–10 — leaflets are reviewed every 3 years"
    );
    let path = std::path::Path::new("figuren/foto.png");
    let refused = |lang| {
        scoped(lang, || {
            let r = crate::images::decode(path, b"\xFF\xD8\xFF\xE0".to_vec())
                .err()
                .unwrap();
            format!("{} — {}", r.message, r.hint)
        })
    };
    assert_eq!(
        refused(Lang::Nl),
        "het bestand bevat een JPEG-afbeelding, maar de naam eindigt op `.png` — geef het een naam die eindigt op `.jpeg`, zodat iedereen ziet wat het is"
    );
}

/// A French leaflet printing a Dutch shared route says so in the reader's language, with
/// the file to add it to.
#[test]
fn an_untranslated_shared_entry_is_named_with_its_language() {
    let args = |field: &'static str, lang: &'static str| {
        [
            ("field", FluentValue::from(field)),
            ("key", FluentValue::from("42")),
            ("lang", FluentValue::from(lang)),
            ("file", FluentValue::from("routes")),
        ]
    };
    assert_eq!(
        text_in(Lang::Nl, "shared-untranslated", &args("route", "fr")),
        "de gedeelde route `42` heeft geen Franse tekst, dus de Nederlandse wordt gedrukt"
    );
    assert_eq!(
        text_in(Lang::Nl, "shared-untranslated-hint", &args("route", "fr")),
        "voeg `42` toe aan _data/routes.fr.yaml, of schrijf de route hier volledig uit"
    );
    assert_eq!(
        text_in(Lang::En, "shared-untranslated", &args("contact", "en")),
        "the shared contact `42` has no English text, so the Dutch one is printed"
    );
}
