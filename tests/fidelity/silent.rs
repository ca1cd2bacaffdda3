//! Third pass over issue 10: the silent changes a reviewer's harness found in constructs a
//! body may hold (a list item of two paragraphs, a link's title, Markdown's backslash
//! escapes, an accent that composes into no letter, the narrow and figure no-break spaces,
//! straight quotes, an entity in a link's address). Each test reads the text back from the
//! PDF (and the HTML twin where it differs) or asserts the exact located diagnostic.

use super::{FILE, HEAD, assert_lines, check, engine, pdf_lines, shared, with_body};
use leaflet_printer::document::tree::Tree;
use leaflet_printer::pdf::Target;
use leaflet_printer::pipeline;
use leaflet_printer::shared::SharedData;
use lopdf::{Document, Object};
use std::path::Path;

const W: &str = "warning: section 1, field `body`";
const E: &str = "error: section 1, field `body`";

fn built(source: &str, shared: &SharedData, target: Target) -> pipeline::Built {
    pipeline::build(engine(), shared, Path::new(FILE), source, target)
        .unwrap_or_else(|e| panic!("build failed: {e:#?}"))
}

/// The PDF's text lines, trimmed, blank lines left out, no-break spaces as spaces.
fn lines_of(pdf: &[u8]) -> Vec<String> {
    pdf_extract::extract_text_from_mem(pdf)
        .unwrap()
        .lines()
        .map(|l| l.trim().replace(['\u{a0}', '\u{202f}', '\u{2007}'], " "))
        .filter(|l| !l.is_empty())
        .collect()
}

#[track_caller]
fn assert_consecutive(lines: &[String], expected: &[&str]) {
    let found = lines
        .windows(expected.len())
        .any(|w| w.iter().zip(expected).all(|(a, b)| a == b));
    assert!(found, "expected {expected:#?} in {lines:#?}");
}

/// The HTML twin as a browser parses it.
fn html(b: &pipeline::Built) -> scraper::Html {
    let style = &shared().style;
    let tree = Tree::build(&b.document, style);
    let page = leaflet_printer::html::Page {
        doc: &b.document,
        tree: &tree,
        style,
        lang: "nl-BE",
    };
    scraper::Html::parse_document(&leaflet_printer::html::render(&page))
}

fn texts(html: &scraper::Html, css: &str) -> Vec<String> {
    let sel = scraper::Selector::parse(css).unwrap();
    html.select(&sel)
        .map(|e| {
            let t: String = e.text().collect();
            t.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// The tagged PDF's structure elements of the first list, as an indented outline of their
/// types.
fn list_outline(pdf: &[u8]) -> Vec<String> {
    /// Structure elements below `obj`: (depth, type) in reading order.
    fn go(doc: &Document, obj: &Object, depth: usize, out: &mut Vec<(usize, String)>) {
        let dict = match obj {
            Object::Reference(r) => match doc.get_dictionary(*r) {
                Ok(d) => d,
                Err(_) => return,
            },
            Object::Dictionary(d) => d,
            Object::Array(items) => {
                for item in items {
                    go(doc, item, depth, out);
                }
                return;
            }
            _ => return,
        };
        // The root has no type: its kids are the document element.
        let kind = dict.get(b"S").and_then(Object::as_name).ok();
        if let Some(kind) = kind {
            out.push((depth, String::from_utf8_lossy(kind).to_string()));
        }
        if let Ok(kids) = dict.get(b"K") {
            go(doc, kids, depth + usize::from(kind.is_some()), out);
        }
    }
    let doc = Document::load_mem(pdf).unwrap();
    let root = doc
        .catalog()
        .unwrap()
        .get(b"StructTreeRoot")
        .and_then(Object::as_reference)
        .unwrap();
    let mut all = Vec::new();
    go(&doc, &Object::Reference(root), 0, &mut all);
    let first = all.iter().position(|(_, k)| k == "L").expect("a list");
    let depth = all[first].0;
    let end = all[first + 1..]
        .iter()
        .position(|(d, _)| *d <= depth)
        .map_or(all.len(), |k| first + 1 + k);
    all[first..end]
        .iter()
        .map(|(d, k)| format!("{}{k}", "  ".repeat(d - depth)))
        .collect()
}

// ---- A list item of two paragraphs --------------------------------------------------------

const TWO_PARAGRAPHS: &str = "1. Neem 's ochtends 500 mg\n\n   2 uur voor het onderzoek niets meer eten.\n2. Kom naar route 42.\n";

#[test]
fn a_second_paragraph_in_a_list_item_starts_its_own_line_in_every_edition() {
    let src = with_body(TWO_PARAGRAPHS);
    assert_eq!(check(&src), Vec::<String>::new());
    let expected = [
        "1. Neem ’s ochtends 500 mg",
        "2 uur voor het onderzoek niets meer eten.",
        "2. Kom naar route 42.",
    ];
    assert_lines(&src, &expected);
    let print = built(&src, shared(), Target::Print { marks: false });
    assert_consecutive(&lines_of(&print.pdf), &expected);
    let mut large = shared().clone();
    large.style = leaflet_printer::style::large_print(&large.style);
    let big = built(&src, &large, Target::Office);
    assert_consecutive(&lines_of(&big.pdf), &expected);
}

#[test]
fn a_second_paragraph_in_a_bullet_item_is_not_run_on() {
    let src = with_body("- Eerste alinea.\n\n  Tweede.\n- Volgend punt.\n");
    assert_lines(&src, &["• Eerste alinea.", "Tweede.", "• Volgend punt."]);
}

#[test]
fn an_item_of_two_paragraphs_is_one_item_body_of_two_paragraphs() {
    let src = with_body(TWO_PARAGRAPHS);
    let b = built(&src, shared(), Target::Office);
    assert_eq!(
        list_outline(&b.pdf),
        [
            "L",
            "  LI",
            "    Lbl",
            "    LBody",
            "      P",
            "      P",
            "  LI",
            "    Lbl",
            "    LBody",
        ]
    );
    let page = html(&b);
    assert_eq!(
        texts(&page, "ol > li:first-child > p"),
        [
            "Neem ’s ochtends 500 mg",
            "2 uur voor het onderzoek niets meer eten."
        ]
    );
    assert_eq!(texts(&page, "ol > li")[1], "Kom naar route 42.");
}

// ---- Link titles --------------------------------------------------------------------------

#[test]
fn a_link_title_is_flagged_where_typed_and_the_link_still_prints() {
    let src = with_body(
        "Lees de [brochure](https://x.be/x \"Brochure over voeding\") thuis.\n\nLees ook [de gids][g].\n\n[g]: https://x.be/gids \"Gids voor ouders\"\n",
    );
    assert_eq!(
        check(&src),
        [
            format!(
                "f.yaml:7:41: {W}: the link title “Brochure over voeding” is not printed: paper has no place for the text a web page shows when pointing at a link"
            ),
            format!(
                "f.yaml:11:30: {W}: the link title “Gids voor ouders” is not printed: paper has no place for the text a web page shows when pointing at a link"
            ),
        ]
    );
    let text = pdf_lines(&src).join(" ");
    assert!(
        text.contains("brochure (https://x.be/x) thuis.")
            && text.contains("de gids (https://x.be/gids)."),
        "{text}"
    );
}

// ---- Backslash escapes --------------------------------------------------------------------

#[test]
fn a_backslash_markdown_swallows_is_said_per_word() {
    let src = with_body("Het staat op \\\\fileserver\\folders\\_nieuw en kost 5\\* euro.\n");
    assert_eq!(
        check(&src),
        [
            format!(
                "f.yaml:7:20: {W}: “\\\\fileserver\\folders\\_nieuw” prints as “\\fileserver\\folders_nieuw”: Markdown does not print a backslash before a punctuation mark"
            ),
            format!(
                "f.yaml:7:56: {W}: “5\\*” prints as “5*”: Markdown does not print a backslash before a punctuation mark"
            ),
        ]
    );
    assert_lines(
        &src,
        &["Het staat op \\fileserver\\folders_nieuw en kost 5* euro."],
    );
}

#[test]
fn a_path_between_backticks_prints_as_typed_without_a_warning() {
    let src = with_body("Het staat op `\\\\fileserver\\folders\\_nieuw`.\n");
    assert_eq!(check(&src), Vec::<String>::new());
    assert_lines(&src, &["Het staat op \\\\fileserver\\folders\\_nieuw."]);
}

#[test]
fn the_hard_break_backslash_and_a_table_pipe_are_not_flagged() {
    let src = with_body("Ons adres:\\\nLindendreef 1\n\n| a | b |\n|---|---|\n| x \\| y | z |\n");
    assert_eq!(check(&src), Vec::<String>::new());
}

#[test]
fn a_backslash_in_a_link_address_is_flagged() {
    let src = with_body("Zie [de map](https://x.be/a\\_b).\n");
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:7:20: {W}: “https://x.be/a\\_b” prints as “https://x.be/a_b”: Markdown does not print a backslash before a punctuation mark"
        )]
    );
}

// ---- Accents that compose into no letter --------------------------------------------------

fn floating(text: &str, code: &str, base: char) -> String {
    format!(
        "“{text}” cannot be printed: accents typed as separate characters ({code}) only print on a letter they make together, and the font has no “{base}” with this one"
    )
}

#[test]
fn an_accent_on_a_letter_the_font_lacks_it_on_is_refused_where_typed() {
    let src = with_body("Xx\u{301}y Zq\u{308}z en x\u{304} maar cafe\u{301}.\n");
    assert_eq!(
        check(&src),
        [
            format!("f.yaml:7:8: {E}: {}", floating("x\u{301}", "U+0301", 'x')),
            format!("f.yaml:7:13: {E}: {}", floating("q\u{308}", "U+0308", 'q')),
            format!("f.yaml:7:20: {E}: {}", floating("x\u{304}", "U+0304", 'x')),
        ]
    );
    let errors = match pipeline::build(engine(), shared(), Path::new(FILE), &src, Target::Office) {
        Ok(_) => panic!("a floating accent was built"),
        Err(e) => e,
    };
    assert_eq!(errors.len(), 3, "{errors:#?}");
    assert_eq!(
        errors[0].to_string(),
        format!("f.yaml:7:8: {E}: {}", floating("x\u{301}", "U+0301", 'x'))
    );
}

#[test]
fn an_accent_on_no_letter_is_refused_where_typed() {
    let src = with_body("Tekst \u{301}begin.\n");
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:7:13: {E}: “\u{25cc}\u{301}” cannot be printed: an accent typed as a separate character (U+0301) stands on no letter"
        )]
    );
}

#[test]
fn a_floating_accent_is_refused_in_the_title_and_a_heading() {
    let src = "title: Zq\u{308}z\nrevised: 2026-01-10\nauthors: Team wondzorg\nroute: 105\nsections:\n  - heading: Over x\u{304}\n    body: |\n      Tekst.\n";
    assert_eq!(
        check(src),
        [
            format!(
                "f.yaml:1:9: error: field `title`: {}",
                floating("q\u{308}", "U+0308", 'q')
            ),
            format!(
                "f.yaml:6:19: error: section 1, field `heading`: {}",
                floating("x\u{304}", "U+0304", 'x')
            ),
        ]
    );
}

// ---- Narrow and figure no-break spaces ----------------------------------------------------

#[test]
fn narrow_and_figure_spaces_never_break_and_keep_their_width() {
    let unit = "bij 15\u{202f}% van de 1\u{2007}000 patiënten";
    let body = vec![unit; 40].join(" en ");
    let src = with_body(&format!("{body}.\n"));
    let leaflet = leaflet_printer::model::parse(Path::new(FILE), &src, shared()).unwrap();
    let (doc, layout) =
        pipeline::typeset(engine(), shared(), Path::new(FILE), &src, &leaflet).unwrap();
    let printed: String = doc
        .blocks
        .iter()
        .flat_map(|b| b.runs.iter().map(|r| r.text.as_str()))
        .collect();
    assert_eq!(printed.matches("15\u{202f}%").count(), 40);
    assert_eq!(printed.matches("1\u{2007}000").count(), 40);
    let body_lines: Vec<&String> = layout
        .lines
        .iter()
        .filter(|l| l.kind == leaflet_printer::document::BlockKind::Paragraph)
        .map(|l| &l.text)
        .collect();
    assert!(body_lines.len() > 10, "{body_lines:#?}");
    for line in &body_lines {
        let line = line.trim();
        assert!(
            !line.ends_with("15") && !line.ends_with(" 1") && !line.starts_with('%'),
            "broken at a no-break space: {body_lines:#?}"
        );
    }
    // The narrow one is drawn half as wide as a word space, the figure space as a digit
    // (the font has neither: the shaper draws the space glyph at that width), each scaled
    // as its line's glyphs are.
    let regular = leaflet_printer::text::fonts::FaceId::Regular;
    let face = engine().fonts.face(regular);
    let size = shared().style.body_size;
    let space = face.space_advance * face.scale(size);
    let digit = engine().fonts.shape(regular, "0")[0].advance * face.scale(size);
    let widths = |text: &str| -> Vec<(f32, f32)> {
        layout
            .pages
            .iter()
            .flat_map(|p| &p.items)
            .filter_map(|i| match i {
                leaflet_printer::layout::PageItem::Text(run) => Some(run),
                _ => None,
            })
            .flat_map(|r| r.glyphs.iter().map(move |g| (g, r.scale)))
            .filter(|(g, _)| g.text == text)
            .map(|(g, scale)| (g.advance, scale))
            .collect()
    };
    let narrow = widths("\u{202f}");
    let figure = widths("\u{2007}");
    assert_eq!((narrow.len(), figure.len()), (40, 40));
    for (width, scale) in narrow {
        assert!(
            (width - space / 2.0 * scale).abs() < 0.01,
            "{width} against {space}"
        );
    }
    for (width, scale) in figure {
        assert!(
            (width - digit * scale).abs() < 0.01,
            "{width} against {digit}"
        );
    }
}

// ---- Straight quotes ----------------------------------------------------------------------

#[test]
fn straight_quotes_curl_the_way_they_are_meant() {
    let src = with_body(
        "In de jaren '90.\n\nZeg \" los \" hier.\n\n\"test\".\"Tweede\"\n\n\"eerste\",\"tweede\"\n",
    );
    assert_lines(
        &src,
        &[
            "In de jaren ’90.",
            "Zeg “ los ” hier.",
            "“test”.“Tweede”",
            "“eerste”,“tweede”",
        ],
    );
}

// ---- Entities in a link's address, one-letter words ---------------------------------------

#[test]
fn an_entity_in_a_link_address_is_printed_as_typed_and_flagged() {
    let src = with_body("Zie de [website](https://x.be?a=1&amp;b=2).\n");
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:7:40: {W}: “&amp;” is printed as typed: a leaflet is not a web page"
        )]
    );
    assert_lines(&src, &["Zie de website (https://x.be?a=1&amp;b=2)."]);
}

#[test]
fn an_entity_in_a_reference_definition_is_flagged_there() {
    let src = with_body("Zie de [website][1].\n\n[1]: https://x.be?a=1&amp;b=2\n");
    assert_eq!(
        check(&src),
        [format!(
            "f.yaml:9:28: {W}: “&amp;” is printed as typed: a leaflet is not a web page"
        )]
    );
    assert_lines(&src, &["Zie de website (https://x.be?a=1&amp;b=2)."]);
}

#[test]
fn one_letter_is_not_a_repeated_word() {
    let src = format!("{HEAD}sections:\n  - body: |\n      De letters æ Æ en ø Ø.\n");
    assert_eq!(check(&src), Vec::<String>::new());
}
