//! Second pass over issue 10, from a corpus of editing slips the way a secretary makes them
//! (Word and e-mail lists, HTML pasted from a web page, tables typed by hand, YAML quoting,
//! invisible characters): each case printed silently changed text with 0 errors before.
//! Every test asserts the exact PDF text read back or the exact located diagnostic.

use super::{HEAD, assert_lines, check, pdf_lines, with_body};

const W: &str = "warning: section 1, field `body`";
const E: &str = "error: section 1, field `body`";

fn joined(line: usize, col: usize, marker: &str) -> String {
    format!(
        "f.yaml:{line}:{col}: {W}: this line starts like a list item (“{marker}”) but is printed joined to the line before it"
    )
}

// ---- List items Markdown does not see -----------------------------------------------------

#[test]
fn a_dash_glued_to_its_word_is_flagged_where_typed() {
    let src = with_body("Let op:\n\n-niet douchen\n-niet zwemmen\n");
    assert_eq!(check(&src), [joined(10, 7, "-")]);
    assert_lines(&src, &["Let op:", "-niet douchen -niet zwemmen"]);
}

#[test]
fn lettered_items_are_flagged() {
    let src = with_body("Kies:\n\na) thuis\nb) in het ziekenhuis\n");
    assert_eq!(check(&src), [joined(10, 7, "b)")]);
}

#[test]
fn bracketed_numbers_are_flagged() {
    let src = with_body("Kies:\n\n(1) thuis\n(2) in het ziekenhuis\n");
    assert_eq!(check(&src), [joined(10, 7, "(2)")]);
}

#[test]
fn roman_numerals_are_flagged() {
    let src = with_body("Stappen:\n\ni. wassen\nii. drogen\n");
    assert_eq!(check(&src), [joined(10, 7, "ii.")]);
}

#[test]
fn an_em_dash_list_is_flagged() {
    let src = with_body("Let op:\n\n— niet douchen\n— niet zwemmen\n");
    assert_eq!(check(&src), [joined(10, 7, "—")]);
}

#[test]
fn lettered_sub_items_inside_a_list_item_are_flagged() {
    let src = with_body("1. Stap een\n   a) deel een\n   b) deel twee\n2. Stap twee\n");
    assert_eq!(check(&src), [joined(8, 10, "a)"), joined(9, 10, "b)")]);
}

#[test]
fn a_line_that_merely_starts_with_an_initial_or_a_number_is_not_a_list() {
    let src = with_body(
        "Na het onderzoek belt uw behandelende arts, dokter\nJ. Peeters, u op. Met vragen belt u ons gerust op\n+32 3 821 30 01 of komt u tijdens de kantooruren\na.u.b. even langs aan het onthaal van de dienst.\n",
    );
    assert_eq!(check(&src), Vec::<String>::new());
}

#[test]
fn a_bullet_with_words_no_break_space_is_a_list_item() {
    let src = with_body("Let op:\n\n•\u{a0}niet douchen\n•\u{a0}niet zwemmen\n");
    assert_lines(&src, &["Let op:", "• niet douchen", "• niet zwemmen"]);
}

#[test]
fn a_round_bullet_is_a_list_item_with_a_warning() {
    let src = with_body("Neem mee:\n● uw kaart\n● uw brief\n");
    assert_lines(&src, &["Neem mee:", "• uw kaart", "• uw brief"]);
    assert_eq!(
        check(&src)[0],
        format!("f.yaml:8:7: {W}: “●” at the start of a line is read as a list item")
    );
}

// ---- HTML entities, tables typed by hand ------------------------------------------------

#[test]
fn an_html_entity_prints_as_typed_and_is_flagged() {
    let src = with_body("Tom &amp; Jerry.\n");
    assert_lines(&src, &["Tom &amp; Jerry."]);
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:7:11: {W}: “&amp;” is printed as typed: a leaflet is not a web page"
        )]
    );
}

#[test]
fn a_table_row_with_more_cells_than_its_header_is_refused() {
    let src = with_body("| a | b |\n|---|---|\n| 1 | 2 | 3 |\n");
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:9:7: {E}: this row has 3 cells but the header has 2: the last 1 would not be printed"
        )]
    );
}

#[test]
fn a_short_table_row_keeps_its_cells_in_place() {
    let src = with_body("| Onderzoek | Eten | Drinken |\n|---|---|---|\n| CT | 4 uur |\n");
    let lines = pdf_lines(&src);
    let row = lines.iter().find(|l| l.starts_with("CT")).unwrap();
    assert_eq!(
        row.split_whitespace().collect::<Vec<_>>(),
        ["CT", "4", "uur"]
    );
}

#[test]
fn a_table_without_its_rule_line_is_refused() {
    let src = with_body("Schema:\n\n| Onderzoek | Tijd |\n| CT | 4 uur |\n");
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:9:7: {E}: these lines look like a table, but the line of `|---|` under the header row is missing, so the pipes would be printed"
        )]
    );
}

// ---- YAML: quoted bodies, empty values, pasted separators -----------------------------

#[test]
fn a_double_quoted_body_with_a_list_is_refused() {
    let src = format!(
        "{HEAD}sections:\n  - body: \"Let op:\n      - niet douchen\n      - niet zwemmen\"\n"
    );
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:7:7: {E}: the list item on this line is joined to the text before it: the body is not a `|` block, so YAML folds its lines"
        )]
    );
}

#[test]
fn a_single_quoted_body_with_paragraphs_is_refused() {
    let src = format!("{HEAD}sections:\n  - body: 'Eerste alinea.\n\n      Tweede alinea.'\n");
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:8:7: {E}: this paragraph is joined to the one before it: the body is not a `|` block, so YAML folds its lines"
        )]
    );
}

#[test]
fn a_one_line_quoted_body_is_fine() {
    let src = format!("{HEAD}sections:\n  - body: \"Eén zin, met een dubbele punt: ja.\"\n");
    assert_eq!(check(&src), Vec::<String>::new());
}

#[test]
fn a_heading_with_no_value_is_refused() {
    let src = format!("{HEAD}sections:\n  - heading:\n    body: |\n      Tekst.\n");
    assert_eq!(
        check(&src),
        ["f.yaml:6:5: error: section 1, field `heading`: `heading` is empty"]
    );
}

#[test]
fn a_body_with_no_value_is_refused() {
    let src = format!("{HEAD}sections:\n  - heading: Kop\n    body:\n  - body: |\n      Tekst.\n");
    assert_eq!(
        check(&src),
        ["f.yaml:7:5: error: section 1, field `body`: `body` is empty"]
    );
}

#[test]
fn an_empty_contact_phone_is_refused() {
    let src = format!(
        "{HEAD}contact:\n  name: Wondzorg\n  phone: ''\nsections:\n  - body: |\n      Tekst.\n"
    );
    assert_eq!(
        check(&src),
        ["f.yaml:7:10: error: field `contact.phone`: `phone` is empty"]
    );
}

#[test]
fn a_bare_dash_section_is_refused() {
    let src = format!("{HEAD}sections:\n  -\n  - body: |\n      Tekst.\n");
    assert_eq!(
        check(&src),
        ["f.yaml:6:3: error: section 1: this section is empty: it has no heading and no text"]
    );
}

#[test]
fn an_optional_field_left_out_with_quotes_is_fine() {
    let src =
        format!("{HEAD}subtitle: ''\ndepartment: \"\"\nsections:\n  - body: |\n      Tekst.\n");
    assert_eq!(check(&src), Vec::<String>::new());
}

#[test]
fn a_pasted_line_separator_is_refused_where_an_editor_shows_it() {
    let src = with_body("Eerste regel\u{2028}tweede regel.\n");
    assert_eq!(
        check(&src),
        [
            "f.yaml:7:19: error: an invisible line separator (U+2028) is in the text: YAML reads it as a line break"
        ]
    );
}

#[test]
fn a_zero_width_space_inside_a_word_does_not_split_it() {
    let src = with_body("Wond\u{200b}zorg is be\u{200b}langrijk.\n");
    assert_lines(&src, &["Wondzorg is belangrijk."]);
}

// ---- Emphasis and lists read where the author meant none --------------------------------

#[test]
fn stars_glued_to_numbers_are_flagged_not_silently_dropped() {
    let src = with_body("Meng 2*3*4 ml.\n");
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:7:13: {W}: the `*` around “3” make it italic or bold and are not printed"
        )]
    );
}

#[test]
fn stars_between_spaces_are_printed() {
    let src = with_body("Dosis: 2 * 5 mg.\n");
    assert_lines(&src, &["Dosis: 2 * 5 mg."]);
    assert_eq!(check(&src), Vec::<String>::new());
}

#[test]
fn a_footnote_star_that_becomes_a_bullet_is_flagged() {
    let src = with_body("Gratis parkeren*.\n\n* Alleen op weekdagen.\n");
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:9:7: {W}: this `*` starts a list item, so it prints as a bullet, not as the footnote mark the text above uses"
        )]
    );
}

#[test]
fn hash_numbering_is_flagged() {
    let src = with_body("#1 eerst bellen\n#2 dan langskomen\n");
    assert_eq!(check(&src), [joined(8, 7, "#2")]);
}

#[test]
fn a_paragraph_typed_right_under_a_list_is_flagged() {
    let src = with_body("- punt een\n- punt twee\nDit hoort niet bij de lijst.\n");
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:9:7: {W}: this line is printed as part of the list item above it: a line right under a list continues its last item"
        )]
    );
}

#[test]
fn a_wrapped_list_item_is_not_flagged() {
    let src = with_body(
        "- neem uw identiteitskaart en de verwijsbrief van\nuw huisarts mee\n- kom op tijd\n",
    );
    assert_eq!(check(&src), Vec::<String>::new());
}

#[test]
fn a_table_with_text_before_its_header_is_refused() {
    let src = with_body("Schema: | a | b |\n|---|---|\n| 1 | 2 |\n");
    assert_eq!(
        check(&src)[0],
        format!(
            "f.yaml:7:7: {E}: these lines look like a table, but the row above the `|---|` line does not have one cell per `---` (or text is typed before it), so the pipes would be printed"
        )
    );
}

#[test]
fn markdown_in_a_heading_is_flagged_as_printed_as_typed() {
    let src =
        format!("{HEAD}sections:\n  - heading: '**Belangrijk**'\n    body: |\n      Tekst.\n");
    assert_lines(&src, &["**Belangrijk**", "Tekst."]);
    assert_eq!(
        check(&src),
        [
            "f.yaml:6:15: warning: section 1, field `heading`: `**` is printed as typed: only a body is read as Markdown"
        ]
    );
}

#[test]
fn a_markdown_heading_mark_in_a_title_is_flagged() {
    let src = "title: '## Wondzorg'\nrevised: 2026-01-10\nauthors: Team wondzorg\nroute: 105\nsections:\n  - body: |\n      Tekst.\n";
    assert_eq!(
        check(src),
        [
            "f.yaml:1:9: warning: field `title`: `##` is printed as typed: only a body is read as Markdown"
        ]
    );
}

#[test]
fn a_second_document_is_refused_at_its_dashes() {
    let src = format!("{HEAD}sections:\n  - body: |\n      Tekst.\n---\ntitle: Tweede\n");
    assert_eq!(
        check(&src),
        ["f.yaml:8:1: error: a line of `---` starts a second leaflet in this file"]
    );
}

#[test]
fn an_empty_contact_is_named() {
    let src = format!("{HEAD}contact: {{}}\nsections:\n  - body: |\n      Tekst.\n");
    assert_eq!(
        check(&src),
        ["f.yaml:5:1: error: `contact` is neither a contact key nor a contact written in full"]
    );
}

#[test]
fn a_skipped_number_in_a_list_is_flagged() {
    let src = with_body("1. bellen\n2. langskomen\n4. betalen\n");
    assert_lines(&src, &["1. bellen", "2. langskomen", "3. betalen"]);
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:9:7: {W}: this item is typed as number 4 but is printed as 3: Markdown numbers a list's items in order"
        )]
    );
}

#[test]
fn a_list_numbered_all_ones_is_not_flagged() {
    let src = with_body("1. bellen\n1. langskomen\n1. betalen\n");
    assert_lines(&src, &["1. bellen", "2. langskomen", "3. betalen"]);
    assert_eq!(check(&src), Vec::<String>::new());
}

#[test]
fn padding_inside_a_table_row_is_not_a_typing_slip() {
    let src = with_body("| Onderzoek | Tijd  |\n|-----------|-------|\n|           | 4 uur |\n");
    assert_eq!(check(&src), Vec::<String>::new());
}

#[test]
fn a_plain_body_starting_under_its_key_is_refused_too() {
    let src = format!(
        "{HEAD}sections:\n  - body:\n      Let op\n      - niet douchen\n      - niet zwemmen\n"
    );
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:8:7: {E}: the list item on this line is joined to the text before it: the body is not a `|` block, so YAML folds its lines"
        )]
    );
}

#[test]
fn a_hash_in_a_plain_body_is_named_as_dropped() {
    let src = format!("{HEAD}sections:\n  - body: Ga naar kamer #12 op de eerste verdieping.\n");
    assert_lines(&src, &["Ga naar kamer"]);
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:6:25: {W}: the text after `#` is read as a comment and is not printed: “#12 op de eerste verdieping.”"
        )]
    );
}

#[test]
fn a_hash_in_a_folded_body_is_text() {
    let src = format!("{HEAD}sections:\n  - body: >\n      Ga naar kamer #14 links.\n");
    assert_lines(&src, &["Ga naar kamer #14 links."]);
    assert_eq!(check(&src), Vec::<String>::new());
}

#[test]
fn a_contact_with_no_value_is_refused() {
    let src = format!("{HEAD}contact:\nsections:\n  - body: |\n      Tekst.\n");
    assert_eq!(
        check(&src),
        ["f.yaml:5:1: error: field `contact`: `contact` is empty"]
    );
}

#[test]
fn a_null_section_is_named_plainly() {
    let src = format!("{HEAD}sections:\n  - ~\n  - body: |\n      Tekst.\n");
    assert_eq!(
        check(&src),
        ["f.yaml:6:3: error: section 1: this section is empty: it has no heading and no text"]
    );
}

#[test]
fn an_unclosed_bold_mark_is_flagged() {
    let src = with_body("Dit is **belangrijk voor u.\n");
    assert_lines(&src, &["Dit is **belangrijk voor u."]);
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:7:14: {W}: this `**` has no closing partner, so it is printed"
        )]
    );
}

/// A soft hyphen pasted from a word processor prints nothing and copies as nothing: the
/// word reads whole and the footer's spaces stay spaces (it once shared their glyph).
#[test]
fn a_soft_hyphen_neither_prints_nor_spoils_copied_text() {
    let lines = pdf_lines(&with_body("De wond\u{ad}zorg thuis is belangrijk.\n"));
    assert!(
        lines
            .iter()
            .any(|l| l == "De wondzorg thuis is belangrijk."),
        "{lines:#?}"
    );
    assert!(
        lines.iter().all(|l| !l.contains('\u{ad}')),
        "a soft hyphen in the text: {lines:#?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("Laatst aangepast: 10 januari 2026")),
        "{lines:#?}"
    );
}

/// A body typed as a YAML list (no `|`): refused at the first item, in leaflet words, with
/// the fix — not serde's "invalid type: sequence".
#[test]
fn a_body_typed_as_a_yaml_list_is_refused_with_the_pipe_fix() {
    let src = "title: Wondzorg thuis\nrevised: 2026-01-10\nauthors: Team wondzorg\nroute: 105\nsections:\n  - body:\n      - verband wissen\n      - wonde spoelen\n";
    assert_eq!(
        check(src),
        [
            "f.yaml:7:7: error: section 1, field `body`: this text is written as a YAML list, so it is not one text"
        ]
    );
}
