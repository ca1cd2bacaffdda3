//! Issue 10: what the author wrote is what the patient reads. One case per family of silent
//! change: each asserts the exact text read back from the PDF, or the exact located
//! diagnostic (file:line:col, field, message) that refuses or flags the construct.

mod common;

use chrono::NaiveDate;
use leaflet_printer::check::check_source;
use leaflet_printer::pdf::Target;
use leaflet_printer::pipeline::{self, Engine};
use leaflet_printer::scaffold;
use leaflet_printer::shared::SharedData;
use std::path::Path;
use std::sync::OnceLock;

fn shared() -> &'static SharedData {
    static S: OnceLock<SharedData> = OnceLock::new();
    S.get_or_init(|| SharedData::load(Some(Path::new("tests/fidelity/_data"))).unwrap())
}

fn engine() -> &'static Engine {
    static E: OnceLock<Engine> = OnceLock::new();
    E.get_or_init(|| Engine::new(&shared().hyphenation))
}

const FILE: &str = "f.yaml";

/// A leaflet whose only section has `body` as a `|` block: its first line is line 7 of
/// the file, and its first character is in column 7.
fn with_body(body: &str) -> String {
    let mut s = String::from(
        "title: Wondzorg thuis\nrevised: 2026-01-10\nauthors: Team wondzorg\nroute: 105\nsections:\n  - body: |\n",
    );
    for line in body.split('\n') {
        if !line.is_empty() {
            s.push_str("      ");
            s.push_str(line);
        }
        s.push('\n');
    }
    s
}

/// Every diagnostic `check` reports, in its one-line form.
fn check(source: &str) -> Vec<String> {
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    check_source(engine(), shared(), Path::new(FILE), source, today)
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Only the diagnostics whose one-line form contains `part`.
fn check_about(source: &str, part: &str) -> Vec<String> {
    check(source)
        .into_iter()
        .filter(|d| d.contains(part))
        .collect()
}

/// The PDF's text lines as extracted, trimmed, blank lines left out.
fn pdf_lines(source: &str) -> Vec<String> {
    let built = pipeline::build(engine(), shared(), Path::new(FILE), source, Target::Office)
        .unwrap_or_else(|e| panic!("build failed: {e:#?}"));
    let text = pdf_extract::extract_text_from_mem(&built.pdf).unwrap();
    text.lines()
        .map(|l| l.trim().replace('\u{a0}', " "))
        .filter(|l| !l.is_empty())
        .collect()
}

/// Asserts that `expected` appear as consecutive lines of the PDF.
#[track_caller]
fn assert_lines(source: &str, expected: &[&str]) {
    let lines = pdf_lines(source);
    let found = lines
        .windows(expected.len())
        .any(|w| w.iter().zip(expected).all(|(a, b)| a == b));
    assert!(
        found,
        "expected consecutive lines {expected:#?} in {lines:#?}"
    );
}

// ---- Faithful Markdown: lists, paragraphs, emphasis -------------------------------------

#[test]
fn a_three_step_list_prints_three_items() {
    let src = with_body("Doe dit:\n\n- eerst wassen\n- dan drogen\n- dan verbinden\n");
    assert_lines(
        &src,
        &[
            "Doe dit:",
            "• eerst wassen",
            "• dan drogen",
            "• dan verbinden",
        ],
    );
}

#[test]
fn two_paragraphs_stay_two() {
    let src = with_body("Eerste alinea.\n\nTweede alinea.\n");
    assert_lines(&src, &["Eerste alinea.", "Tweede alinea."]);
}

#[test]
fn numbered_lists_with_a_parenthesis_are_lists() {
    let src = with_body("Stappen:\n\n1) bel ons\n2) kom langs\n");
    assert_lines(&src, &["Stappen:", "1. bel ons", "2. kom langs"]);
}

#[test]
fn asterisk_lists_are_lists() {
    let src = with_body("* uw kaart\n* uw brief\n");
    assert_lines(&src, &["• uw kaart", "• uw brief"]);
}

#[test]
fn inline_code_prints_its_text() {
    let src = with_body("Typ `1234` in.\n");
    assert_lines(&src, &["Typ 1234 in."]);
}

#[test]
fn bold_and_italic_keep_their_words() {
    let src = with_body("Neem **geen** aspirine *voor* de ingreep.\n");
    assert_lines(&src, &["Neem geen aspirine voor de ingreep."]);
}

// ---- Typed bullets (Word, e-mail) --------------------------------------------------------

#[test]
fn word_bullets_become_list_items() {
    let src = with_body("Neem mee:\n• uw identiteitskaart\n• uw verwijsbrief\n");
    assert_lines(
        &src,
        &["Neem mee:", "• uw identiteitskaart", "• uw verwijsbrief"],
    );
}

#[test]
fn word_bullets_are_reported_where_typed() {
    let src = with_body("Neem mee:\n•\tuw identiteitskaart\n◦ uw verwijsbrief\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:8:7: warning: section 1, field `body`: “•” at the start of a line is read as a list item",
            "f.yaml:9:7: warning: section 1, field `body`: “◦” at the start of a line is read as a list item",
        ]
    );
}

#[test]
fn en_dash_bullets_become_list_items() {
    let src = with_body("– nuchter blijven\n– niet roken\n");
    assert_lines(&src, &["• nuchter blijven", "• niet roken"]);
}

// ---- Links --------------------------------------------------------------------------------

#[test]
fn a_link_prints_its_address() {
    let src = with_body("Lees de [website](https://www.zna.be/wondzorg).\n");
    assert_lines(&src, &["Lees de website (https://www.zna.be/wondzorg)."]);
}

#[test]
fn an_autolink_prints_its_address_once() {
    let src = with_body("Zie <https://www.zna.be>.\n");
    assert_lines(&src, &["Zie https://www.zna.be."]);
}

#[test]
fn a_mail_link_prints_the_address_without_mailto() {
    let src = with_body("[Mail ons](mailto:wondzorg@zna.be).\n");
    assert_lines(&src, &["Mail ons (wondzorg@zna.be)."]);
}

#[test]
fn click_here_is_flagged() {
    let src = with_body("Lees meer: [klik hier](https://www.zna.be).\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:7:18: warning: section 1, field `body`: the link text “klik hier” means nothing on paper"
        ]
    );
}

#[test]
fn a_reference_link_prints_its_address() {
    let src = with_body("Zie de [website][zna].\n\n[zna]: https://www.zna.be\n");
    assert_lines(&src, &["Zie de website (https://www.zna.be)."]);
}

#[test]
fn an_unused_link_address_is_flagged() {
    let src = with_body("Tekst.\n\n[zna]: https://www.zna.be\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:9:7: warning: section 1, field `body`: no link uses the address “[zna]: https://www.zna.be”, so it is not printed"
        ]
    );
}

#[test]
fn a_link_without_address_is_refused() {
    let src = with_body("Zie [de website]().\n");
    assert_eq!(
        check(&src),
        ["f.yaml:7:11: error: section 1, field `body`: this link has no address"]
    );
}

#[test]
fn a_long_address_breaks_only_at_slashes_and_dots_without_a_hyphen() {
    let url =
        "https://www.ziekenhuisnetwerkantwerpen.be/patienten/folders/wondzorg/verzorging-thuis";
    let src = with_body(&format!(
        "Alles over de verzorging van uw wonde thuis leest u op {url} of in deze folder.\n"
    ));
    let lines = pdf_lines(&src);
    let joined = lines.join("\n");
    let at = joined.find("https://").expect("the address is printed");
    let end = joined[at..].find(" of").unwrap() + at;
    let printed = &joined[at..end];
    assert_eq!(printed.replace('\n', ""), url, "{lines:#?}");
    assert!(
        printed.contains('\n'),
        "the address was not broken: {lines:#?}"
    );
    for (k, _) in printed.match_indices('\n') {
        let before = printed[..k].chars().last().unwrap();
        let after = printed[k + 1..].chars().next().unwrap();
        // At a slash, a dot or a hyphen of the address itself; never a hyphen added.
        assert!(
            matches!(before, '/' | '-' | '.') || matches!(after, '.' | '-'),
            "broken between {before:?} and {after:?}"
        );
    }
}

// ---- Hard line breaks ---------------------------------------------------------------------

#[test]
fn a_backslash_keeps_the_line_break() {
    let src = with_body("Ons adres:\\\nLindendreef 1\\\n2020 Antwerpen\n");
    assert_lines(&src, &["Ons adres:", "Lindendreef 1", "2020 Antwerpen"]);
}

#[test]
fn two_trailing_spaces_keep_the_line_break() {
    let src = with_body("maandag: 8 tot 17 uur  \ndinsdag: 8 tot 12 uur\n");
    assert_lines(&src, &["maandag: 8 tot 17 uur", "dinsdag: 8 tot 12 uur"]);
}

#[test]
fn short_lines_without_breaks_are_flagged() {
    let src = with_body("Lindendreef 1\n2020 Antwerpen\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:7:20: warning: section 1, field `body`: these 2 short lines are printed as one run-on line"
        ]
    );
}

// ---- Refused Markdown ---------------------------------------------------------------------

#[test]
fn inline_html_is_refused() {
    let src = with_body("Dit is <b>belangrijk</b>.\n");
    assert_eq!(
        check(&src)[0],
        "f.yaml:7:14: error: section 1, field `body`: HTML (`<b>`) cannot be printed: it would show as tags"
    );
}

#[test]
fn an_html_block_is_refused() {
    let src = with_body("Tekst.\n\n<div>kader</div>\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:9:7: error: section 1, field `body`: HTML (`<div>kader</div>`) cannot be printed: it would show as tags"
        ]
    );
}

#[test]
fn an_image_is_refused() {
    let src = with_body("Zo ziet het eruit: ![verband](verband.png)\n");
    assert_eq!(
        check(&src),
        ["f.yaml:7:26: error: section 1, field `body`: an image inside the text cannot be printed"]
    );
}

#[test]
fn a_fenced_code_block_is_refused() {
    let src = with_body("Tekst.\n\n```\ncode\n```\n");
    assert_eq!(
        check(&src),
        ["f.yaml:9:7: error: section 1, field `body`: a code block (```) cannot be printed"]
    );
}

#[test]
fn an_indented_block_is_refused_as_code() {
    let src = with_body("Tekst.\n\n    ingesprongen tekst\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:9:11: error: section 1, field `body`: this text is indented four spaces or more, so Markdown reads it as code"
        ]
    );
}

#[test]
fn a_heading_inside_a_body_is_refused() {
    let src = with_body("Tekst.\n\n## Tussentitel\n");
    assert_eq!(
        check(&src),
        ["f.yaml:9:7: error: section 1, field `body`: a Markdown heading (`#`) inside a body"]
    );
}

#[test]
fn a_rule_under_text_is_refused_as_a_heading() {
    let src = with_body("Tekst\n---\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:7:7: error: section 1, field `body`: a line of `---` or `===` under this text makes it a Markdown heading"
        ]
    );
}

#[test]
fn a_rule_is_refused() {
    let src = with_body("Tekst.\n\n---\n\nMeer tekst.\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:9:7: error: section 1, field `body`: a line of `---` (a horizontal rule) cannot be printed"
        ]
    );
}

#[test]
fn a_block_quote_is_refused() {
    let src = with_body("> Let op: nuchter blijven.\n");
    assert_eq!(
        check(&src),
        ["f.yaml:7:7: error: section 1, field `body`: a block quote (`>`) cannot be printed"]
    );
}

#[test]
fn footnotes_are_refused() {
    let src = with_body("Tekst[^1].\n\n[^1]: Uitleg.\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:7:12: error: section 1, field `body`: a footnote (`[^…]`) cannot be printed",
            "f.yaml:9:7: error: section 1, field `body`: a footnote (`[^…]:`) cannot be printed",
        ]
    );
}

#[test]
fn strikethrough_is_refused() {
    let src = with_body("Neem ~~twee~~ drie tabletten.\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:7:12: error: section 1, field `body`: struck-through text (`~~`) cannot be printed"
        ]
    );
}

#[test]
fn checkboxes_are_refused() {
    let src = with_body("- [ ] kaart mee\n");
    assert_eq!(
        check(&src),
        ["f.yaml:7:9: error: section 1, field `body`: a checkbox (`[ ]`) cannot be printed"]
    );
}

#[test]
fn a_refused_construct_comes_with_the_warnings_of_its_text() {
    let src = with_body("• kaart\n\n> citaat\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:7:7: warning: section 1, field `body`: “•” at the start of a line is read as a list item",
            "f.yaml:9:7: error: section 1, field `body`: a block quote (`>`) cannot be printed",
        ]
    );
}

#[test]
fn a_refused_construct_stops_build_with_its_place() {
    let src = with_body("Tekst.\n\n> citaat\n");
    let errors = match pipeline::build(engine(), shared(), Path::new(FILE), &src, Target::Office) {
        Ok(_) => panic!("a block quote was built"),
        Err(e) => e,
    };
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        ["f.yaml:9:7: error: section 1, field `body`: a block quote (`>`) cannot be printed"]
    );
}

// ---- YAML traps ---------------------------------------------------------------------------

const HEAD: &str =
    "title: Wondzorg thuis\nrevised: 2026-01-10\nauthors: Team wondzorg\nroute: 105\n";

#[test]
fn a_plain_body_with_a_list_is_refused() {
    let src = format!("{HEAD}sections:\n  - body: Neem mee\n      - uw kaart\n      - uw brief\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:7:7: error: section 1, field `body`: the list item on this line is joined to the text before it: the body is not a `|` block, so YAML folds its lines"
        ]
    );
}

#[test]
fn a_folded_body_with_paragraphs_is_refused() {
    let src =
        format!("{HEAD}sections:\n  - body: >\n      Eerste alinea.\n\n      Tweede alinea.\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:9:7: error: section 1, field `body`: this paragraph is joined to the one before it: the body is not a `|` block, so YAML folds its lines"
        ]
    );
}

#[test]
fn a_folded_body_with_a_list_is_refused() {
    let src = format!("{HEAD}sections:\n  - body: >\n      Doe dit:\n      - wassen\n");
    assert_eq!(
        check_about(&src, "error"),
        [
            "f.yaml:8:7: error: section 1, field `body`: the list item on this line is joined to the text before it: the body is not a `|` block, so YAML folds its lines"
        ]
    );
}

#[test]
fn a_comment_after_the_title_is_flagged_with_the_quoted_fix() {
    let src =
        "title: Wondzorg #2 (nieuw)\nrevised: 2026-01-10\nauthors: Team wondzorg\nroute: 105\n";
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let found = check_source(engine(), shared(), Path::new(FILE), src, today);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].to_string(),
        "f.yaml:1:17: warning: field `title`: the text after `#` is read as a comment and is not printed: “#2 (nieuw)”"
    );
    assert_eq!(
        found[0].hint.as_deref(),
        Some("put the text in double quotes to print all of it: title: \"Wondzorg #2 (nieuw)\"")
    );
}

#[test]
fn a_comment_after_a_heading_is_flagged() {
    let src = format!("{HEAD}sections:\n  - heading: Stap #1 thuis\n    body: |\n      Tekst.\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:6:19: warning: section 1, field `heading`: the text after `#` is read as a comment and is not printed: “#1 thuis”"
        ]
    );
}

#[test]
fn a_tilde_title_is_refused() {
    let src = "title: ~\nrevised: 2026-01-10\nauthors: Team wondzorg\nroute: 105\n";
    assert_eq!(
        check_about(src, "no value"),
        ["f.yaml:1:8: error: field `title`: `~` is YAML for “no value”, not a text"]
    );
}

#[test]
fn null_authors_are_refused() {
    let src = "title: Wondzorg\nrevised: 2026-01-10\nauthors: null\nroute: 105\n";
    assert_eq!(
        check_about(src, "no value"),
        ["f.yaml:3:10: error: field `authors`: `null` is YAML for “no value”, not a text"]
    );
}

#[test]
fn a_null_body_is_refused() {
    let src = format!("{HEAD}sections:\n  - heading: Thuis\n    body: null\n");
    assert_eq!(
        check_about(&src, "no value"),
        ["f.yaml:7:11: error: section 1, field `body`: `null` is YAML for “no value”, not a text"]
    );
}

#[test]
fn a_tilde_heading_is_refused() {
    let src = format!("{HEAD}sections:\n  - heading: ~\n    body: |\n      Tekst.\n");
    assert_eq!(
        check(&src),
        ["f.yaml:6:14: error: section 1, field `heading`: `~` is YAML for “no value”, not a text"]
    );
}

#[test]
fn a_tilde_phone_in_a_contact_is_refused() {
    let src = format!("{HEAD}contact: {{name: Wondzorg, phone: ~}}\n");
    assert_eq!(
        check_about(&src, "no value"),
        ["f.yaml:5:34: error: field `contact.phone`: `~` is YAML for “no value”, not a text"]
    );
}

#[test]
fn a_title_of_soft_hyphens_is_refused() {
    let src =
        "title: \"\\u00AD\\u200B\"\nrevised: 2026-01-10\nauthors: Team wondzorg\nroute: 105\n";
    assert_eq!(
        check(src),
        [
            "f.yaml:1:1: error: field `title`: the title prints as nothing: it holds only invisible characters (soft hyphens, zero-width spaces)"
        ]
    );
}

#[test]
fn an_invisible_heading_is_refused() {
    let src = format!("{HEAD}sections:\n  - heading: \"\\u200B\"\n    body: |\n      Tekst.\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:6:5: error: section 1, field `heading`: the heading prints as nothing: it holds only invisible characters (soft hyphens, zero-width spaces)"
        ]
    );
}

// ---- Contacts single-sourced --------------------------------------------------------------

#[test]
fn a_shared_number_typed_in_a_body_is_flagged() {
    let src = with_body("Bel bij vragen 03 821 30 00.\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:7:22: warning: section 1, field `body`: 03 821 30 00 is the phone number of `dagziekenhuis` in _data/contacts.yaml"
        ]
    );
}

#[test]
fn the_own_contact_number_repeated_is_flagged() {
    let src = format!(
        "{HEAD}contact: dagziekenhuis\nsections:\n  - body: |\n      Bel +32 3 821 30 00.\n"
    );
    assert_eq!(
        check(&src),
        [
            "f.yaml:8:11: warning: section 1, field `body`: +32 3 821 30 00 is also printed with `contact: dagziekenhuis`"
        ]
    );
}

#[test]
fn two_numbers_for_one_service_are_flagged() {
    let src = format!(
        "{HEAD}contact: {{name: Wondzorgteam, phone: 03 821 99 00}}\nsections:\n  - body: |\n      Het wondzorgteam: 03 821 99 01.\n"
    );
    assert_eq!(
        check(&src),
        [
            "f.yaml:8:25: warning: section 1, field `body`: two numbers for Wondzorgteam: 03 821 99 01 here, 03 821 99 00 under `contact:`"
        ]
    );
}

#[test]
fn a_shared_service_with_another_number_is_flagged() {
    let src = with_body("Het oncologisch dagziekenhuis: 03 821 30 99.\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:7:38: warning: section 1, field `body`: two numbers for Oncologisch dagziekenhuis: 03 821 30 99 here, 03 821 30 00 in _data/contacts.yaml"
        ]
    );
}

#[test]
fn a_shared_e_mail_address_typed_in_a_body_is_flagged() {
    let src = with_body("Vragen? Mail naar (Radiologie@uza.be).\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:7:26: warning: section 1, field `body`: Radiologie@uza.be is the e-mail address of `radiologie` in _data/contacts.yaml"
        ]
    );
}

#[test]
fn the_own_contact_e_mail_repeated_is_flagged_and_printed_with_the_contact() {
    let src = format!(
        "{HEAD}contact: radiologie\nsections:\n  - body: |\n      Mail radiologie@uza.be.\n"
    );
    assert_eq!(
        check(&src),
        [
            "f.yaml:8:12: warning: section 1, field `body`: radiologie@uza.be is also printed with `contact: radiologie`"
        ]
    );
    assert_lines(
        &src,
        &[
            "Contact: Dienst medische beeldvorming, tel. 03 821 35 00,",
            "radiologie@uza.be",
        ],
    );
}

// ---- `leaflet new` ------------------------------------------------------------------------

#[test]
fn a_new_leaflet_fails_check_once_per_placeholder() {
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let draft = scaffold::new_draft("wondzorg-thuis", today, shared());
    let yaml = scaffold::render(&draft, Path::new("leaflets"), "Nieuwe folder.");
    let errors: Vec<String> = check(&yaml)
        .into_iter()
        .map(|d| d.split(": error: ").nth(1).unwrap_or(&d).to_string())
        .collect();
    assert_eq!(
        errors,
        [
            "field `authors`: “«VUL IN: naam van het team»” from `leaflet new` is still to be filled in",
            "field `route`: “«VUL IN: routenummer uit routes.yaml»” from `leaflet new` is still to be filled in",
            "section 1, field `body`: “«VUL IN: de inleiding: wat de patiënt in deze folder leest»” from `leaflet new` is still to be filled in",
            "section 2, field `heading`: “«VUL IN: tussentitel»” from `leaflet new` is still to be filled in",
            "section 2, field `body`: “«VUL IN: korte zinnen; een lege regel begint een nieuwe alinea»” from `leaflet new` is still to be filled in",
            "section 2, field `body`: “«VUL IN: een opsomming begint met een streepje»” from `leaflet new` is still to be filled in",
        ]
    );
}

#[test]
fn a_new_leaflet_suggests_only_existing_keys() {
    let today = NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    let draft = scaffold::new_draft("wondzorg-thuis", today, shared());
    let yaml = scaffold::render(&draft, Path::new("leaflets"), "Nieuwe folder.");
    assert!(yaml.contains("# Routes daar: 105.\n"), "{yaml}");
    assert!(
        yaml.contains("# (dagziekenhuis, radiologie), of voluit"),
        "{yaml}"
    );
    assert!(yaml.contains("# contact: dagziekenhuis\n"), "{yaml}");
    assert!(!yaml.contains("oncologie\n"), "{yaml}");
    assert!(!yaml.contains("route: 105"), "a route was chosen: {yaml}");
}

// ---- Spans --------------------------------------------------------------------------------

#[test]
fn build_warnings_carry_their_place() {
    let src = with_body("Zie [hier](https://www.zna.be).\n");
    let built = pipeline::build(engine(), shared(), Path::new(FILE), &src, Target::Office).unwrap();
    let shown: Vec<String> = built.warnings.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "f.yaml:7:11: warning: section 1, field `body`: the link text “hier” means nothing on paper"
        ]
    );
}

#[test]
fn build_places_an_unprintable_character_where_it_was_typed() {
    // The same character earlier in a comment must not attract the position.
    let src = format!(
        "# ☎ in een commentaar\n{}",
        with_body("Eerst.\n\nBel ☎ ons.\n")
    );
    let errors = match pipeline::build(engine(), shared(), Path::new(FILE), &src, Target::Office) {
        Ok(_) => panic!("an unprintable character was built"),
        Err(e) => e,
    };
    let shown: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "f.yaml:10:11: error: section 1, field `body`: “☎” (U+260E) cannot be printed: the font has no glyph for it"
        ]
    );
}

#[test]
fn a_second_section_is_located_in_its_own_lines() {
    let src = format!(
        "{HEAD}sections:\n  - body: |\n      Eerst.\n  - heading: Daarna\n    body: |\n      Tekst met <i>html</i>.\n"
    );
    assert_eq!(
        check(&src),
        [
            "f.yaml:10:17: error: section 2, field `body`: HTML (`<i>`) cannot be printed: it would show as tags"
        ]
    );
}

// ---- Tables -------------------------------------------------------------------------------

const FASTING: &str = "Nuchter blijven:\n\n| Onderzoek | Niet meer eten | Water |\n|---|---|---|\n| CT van de buik | vanaf 4 uur vooraf | tot 1 uur vooraf |\n| CT van het hoofd | geen beperking | mag |\n";

#[test]
fn a_table_prints_its_cells_in_row_order() {
    let src = with_body(FASTING);
    let text = pdf_lines(&src).join(" ");
    let cells = [
        "Onderzoek",
        "Niet meer eten",
        "Water",
        "CT van de buik",
        "vanaf 4 uur vooraf",
        "tot 1 uur vooraf",
        "CT van het hoofd",
        "geen beperking",
        "mag",
    ];
    let mut from = 0;
    for cell in cells {
        let at = text[from..]
            .find(cell)
            .unwrap_or_else(|| panic!("“{cell}” missing or out of order in {text}"));
        from += at + cell.len();
    }
    assert!(!text.contains('|'), "pipes printed: {text}");
}

#[test]
fn a_table_has_a_bold_header_and_rules() {
    let src = with_body(FASTING);
    let leaflet = leaflet_printer::model::parse(Path::new(FILE), &src, shared()).unwrap();
    let (doc, layout) =
        pipeline::typeset(engine(), shared(), Path::new(FILE), &src, &leaflet).unwrap();
    let table = doc
        .blocks
        .iter()
        .find_map(|b| b.table.as_ref())
        .expect("a table block");
    assert_eq!(table.rows.len(), 3);
    assert!(
        table.rows[0]
            .iter()
            .flatten()
            .all(|r| r.face == leaflet_printer::text::fonts::FaceId::Bold)
    );
    // The table's rules, told from the footer's by their weight.
    let table_rules: Vec<(f32, f32)> = layout.pages[0]
        .items
        .iter()
        .filter_map(|i| match i {
            leaflet_printer::layout::PageItem::Rule(r) if r.y1 == r.y2 => Some((r.y1, r.thickness)),
            _ => None,
        })
        .collect();
    let heavy = table_rules.iter().filter(|(_, t)| *t == 0.8).count();
    let light = table_rules.iter().filter(|(_, t)| *t == 0.3).count();
    // Heavy: above the header, below it, below the last row; light: between the two rows.
    assert_eq!((heavy, light), (3, 1), "{table_rules:?}");
}

/// A table of `n` rows whose every word carries its row number, so each set line shows
/// which row it belongs to.
fn long_table(n: usize) -> String {
    let mut body = String::from("| Tijdstip | Wat u doet |\n|---|---|\n");
    for r in 0..n {
        body.push_str(&format!(
            "| r{r:02} uur | r{r:02}a r{r:02}b r{r:02}c r{r:02}d r{r:02}e r{r:02}f r{r:02}g r{r:02}h r{r:02}i r{r:02}j r{r:02}k r{r:02}l r{r:02}m |\n"
        ));
    }
    with_body(&body)
}

#[test]
fn a_table_row_is_never_split_and_the_header_is_repeated() {
    let src = long_table(40);
    let leaflet = leaflet_printer::model::parse(Path::new(FILE), &src, shared()).unwrap();
    let (_, layout) =
        pipeline::typeset(engine(), shared(), Path::new(FILE), &src, &leaflet).unwrap();
    assert!(layout.pages.len() >= 2, "the table fits one page");
    let mut page_of_row = std::collections::BTreeMap::new();
    let mut headers_per_page = vec![0; layout.pages.len()];
    for line in layout
        .lines
        .iter()
        .filter(|l| l.kind == leaflet_printer::document::BlockKind::Table)
    {
        if line.text.contains("Tijdstip") {
            headers_per_page[line.page] += 1;
        }
        for word in line.text.split_whitespace() {
            if let Some(row) = word
                .strip_prefix('r')
                .and_then(|w| w.get(..2))
                .and_then(|d| d.parse::<usize>().ok())
            {
                let page = *page_of_row.entry(row).or_insert(line.page);
                assert_eq!(page, line.page, "row {row} split across pages");
            }
        }
    }
    assert_eq!(page_of_row.len(), 40);
    let pages_with_rows: std::collections::BTreeSet<usize> =
        page_of_row.values().copied().collect();
    assert!(pages_with_rows.len() >= 2, "{pages_with_rows:?}");
    for p in pages_with_rows {
        assert_eq!(
            headers_per_page[p], 1,
            "header per page: {headers_per_page:?}"
        );
    }
}

#[test]
fn a_table_too_wide_for_the_page_is_refused() {
    let src = with_body(
        "| a | b | c | d | e | f |\n|---|---|---|---|---|---|\n| 1 | 2 | 3 | 4 | 5 | 6 |\n",
    );
    assert_eq!(
        check(&src),
        [
            "f.yaml:7:7: error: section 1, field `body`: a table of 6 columns does not fit the page; at most 5 do"
        ]
    );
}

// ---- Import -------------------------------------------------------------------------------

#[test]
fn import_turns_typed_bullets_into_list_items_and_says_so() {
    let text = "Wondzorg thuis\n\nNeem mee:\n•\tuw identiteitskaart\n– uw verwijsbrief\n\nLaatst aangepast: 10 januari 2026\nAuteur(s): Team wondzorg\nVolg route 105 (oncologisch dagziekenhuis en consultaties)\n";
    let imported = leaflet_printer::import::import(Path::new("w.txt"), text, shared()).unwrap();
    assert_eq!(
        imported.draft.sections[0].1,
        "Neem mee:\n- uw identiteitskaart\n- uw verwijsbrief\n"
    );
    let notes: Vec<String> = imported.notes.iter().map(ToString::to_string).collect();
    assert_eq!(
        notes,
        [
            "w.txt:4:1: warning: “•” at the start of a line was read as a list item and written as `- `",
            "w.txt:5:1: warning: “–” at the start of a line was read as a list item and written as `- `",
        ]
    );
}

#[path = "fidelity/slips.rs"]
mod slips;

#[path = "fidelity/silent.rs"]
mod silent;
