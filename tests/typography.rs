//! Issues 3 and 13's targets, held on every shipped leaflet in both alignments, measured on
//! the layout stage (the same figures `leaflet build --report` prints), plus the Dutch
//! hyphenation rules. The leaflets are copies under tests/typography/ (as shipped when the
//! targets were set), so a hospital adding leaflets does not change what is tested.

mod common;
#[path = "typography/hyphenation.rs"]
mod hyphenation;
#[path = "typography/shortfalls.rs"]
mod shortfalls;

use leaflet_printer::document::BlockKind;
use leaflet_printer::layout::Layout;
use leaflet_printer::model;
use leaflet_printer::pipeline::{self, Engine};
use leaflet_printer::report;
use leaflet_printer::shared::SharedData;
use leaflet_printer::style::Align;
use leaflet_printer::text::hyphenate::Hyphenator;
use leaflet_printer::text::items::TextWarningKind;
use shortfalls::{Figure, KNOWN_SHORTFALLS, bound, figure, target};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

fn fixtures() -> PathBuf {
    common::repo().join("tests/typography/leaflets")
}

fn fixture_leaflets() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(fixtures())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    assert!(v.len() >= 5, "the typography is tested on several texts");
    v
}

fn shared() -> &'static SharedData {
    static SHARED: OnceLock<SharedData> = OnceLock::new();
    SHARED.get_or_init(|| SharedData::load(Some(&fixtures().join("_data"))).expect("_data loads"))
}

/// The same library with its house style set to `align`.
fn shared_with(align: Align) -> &'static SharedData {
    static LEFT: OnceLock<SharedData> = OnceLock::new();
    static JUSTIFY: OnceLock<SharedData> = OnceLock::new();
    let cell = match align {
        Align::Left => &LEFT,
        Align::Justify => &JUSTIFY,
    };
    cell.get_or_init(|| {
        let mut s = shared().clone();
        s.style.align = align;
        s
    })
}

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::new(&shared().hyphenation))
}

fn layout_in(path: &Path, align: Align) -> Layout {
    let shared = shared_with(align);
    let source = std::fs::read_to_string(path).unwrap();
    let leaflet = model::parse(path, &source, shared).unwrap();
    pipeline::typeset(engine(), shared, path, &source, &leaflet)
        .unwrap()
        .1
}

fn both_alignments() -> Vec<(PathBuf, Align)> {
    fixture_leaflets()
        .into_iter()
        .flat_map(|p| [(p.clone(), Align::Left), (p, Align::Justify)])
        .collect()
}

/// The house style's default alignment.
fn layout_of(path: &Path) -> Layout {
    layout_in(path, shared().style.align)
}

/// Room for float rounding in the reported ratios.
const EPS: f32 = 1e-3;

#[test]
fn ragged_right_is_the_default() {
    assert_eq!(shared().style.align, Align::Left);
    let q = report::quality(&layout_of(&fixture_leaflets()[0]));
    assert!(q.ragged && q.justified == 0, "{q:?}");
}

#[test]
fn every_shipped_leaflet_meets_the_ragged_targets() {
    for path in fixture_leaflets() {
        let q = report::quality(&layout_in(&path, Align::Left));
        let name = path.display();
        assert!(q.ragged && q.ragged_lines >= 10, "{name}: {q:?}");
        // No non-final line shorter than 80 % of the measure; p95 within 8 %.
        assert!(q.rag_max <= 0.20 + EPS, "{name}: rag max {}", q.rag_max);
        let p95 = bound(&path, Figure::RagP95);
        assert!(q.rag_p95 <= p95 + 1e-4, "{name}: rag p95 {}", q.rag_p95);
        let hyphens = bound(&path, Figure::RaggedHyphens);
        assert!(
            q.hyphenated_share() <= hyphens + 1e-4,
            "{name}: {} of {} lines hyphenated",
            q.hyphenated,
            q.lines
        );
        assert_eq!(q.hyphen_runs, 0, "{name}: two hyphenated lines in a row");
        assert_eq!(q.final_hyphens, 0, "{name}: hyphen on a last full line");
        // Ragged text is set at natural glyph width: no letter-spacing, no glyph scaling;
        // word spaces close to 0.9× to take a word and open to 1.3× only on a line far short.
        assert_eq!(q.letter_max, 0.0, "{name}");
        assert_eq!((q.expansion_min, q.expansion_max), (1.0, 1.0), "{name}");
        assert!(q.rag_space_min >= 0.9 - EPS, "{name}: {}", q.rag_space_min);
        assert!(q.rag_space_max <= 1.3 + EPS, "{name}: {}", q.rag_space_max);
        assert_eq!(q.overfull, 0, "{name}: overfull lines");
    }
}

#[test]
fn ragged_spaces_open_only_on_lines_far_short_and_close_the_gap_past_seven_per_cent() {
    for path in fixture_leaflets() {
        let layout = layout_in(&path, Align::Left);
        let mut opened = 0;
        for l in &layout.lines {
            let Some(ratio) = l.space_ratio else { continue };
            if l.last_of_paragraph || l.justified || ratio <= 1.0 + 1e-4 {
                continue;
            }
            opened += 1;
            // An opened line is left at 7 % short (less its end's protrusion into the
            // margin, under 1.2 % of the measure), or its spaces are at their 1.3× limit.
            let at_target = l.shortfall <= 0.07 + 2e-3 && l.shortfall >= 0.07 - 0.012;
            assert!(
                at_target || (ratio - 1.3).abs() < 2e-3,
                "{}: “{}” {} short at {ratio}",
                path.display(),
                l.text,
                l.shortfall
            );
        }
        assert!(opened > 0, "{}: no line needed it?", path.display());
    }
}

#[test]
fn no_stale_shortfalls() {
    for &(name, f, recorded) in KNOWN_SHORTFALLS {
        let path = fixtures().join(format!("{name}.yaml"));
        let align = match f {
            Figure::RagP95 | Figure::RaggedHyphens => Align::Left,
            Figure::SpaceMax | Figure::JustifiedHyphens => Align::Justify,
        };
        let reached = figure(&report::quality(&layout_in(&path, align)), f);
        assert!(
            reached > target(f) + 1e-4,
            "{name}: {f:?} now meets the target ({reached}): drop its KNOWN_SHORTFALLS entry"
        );
        assert!(reached <= recorded + 1e-4, "{name}: {f:?} {reached}");
    }
}

#[test]
fn every_shipped_leaflet_meets_the_justified_targets() {
    for path in fixture_leaflets() {
        let q = report::quality(&layout_in(&path, Align::Justify));
        let name = path.display();
        assert!(
            !q.ragged && q.justified >= 10,
            "{name}: too few justified lines to judge"
        );
        assert!(
            q.space_median <= 1.10 + EPS,
            "{name}: median {}",
            q.space_median
        );
        assert!(q.space_p95 <= 1.35 + EPS, "{name}: p95 {}", q.space_p95);
        let max = bound(&path, Figure::SpaceMax);
        assert!(q.space_max <= max + 1e-4, "{name}: max {}", q.space_max);
        assert!(q.space_min >= 0.80 - EPS, "{name}: min {}", q.space_min);
        // Letters: within ±0.005 em per gap, no jump over 0.004 em between lines.
        assert!(q.letter_max <= 0.005 + 1e-5, "{name}: {}", q.letter_max);
        assert!(q.letter_jump <= 0.004 + 1e-5, "{name}: {}", q.letter_jump);
        // Glyph scaling within ±2 %.
        assert!(
            q.expansion_min >= 0.98 - 1e-5,
            "{name}: {}",
            q.expansion_min
        );
        assert!(
            q.expansion_max <= 1.02 + 1e-5,
            "{name}: {}",
            q.expansion_max
        );
        // Justified text may hyphenate two lines in a row and a last full line (at a
        // price): the spaces would otherwise open past the targets.
        assert!(q.longest_hyphen_run <= 2, "{name}: hyphen ladder");
        let hyphens = bound(&path, Figure::JustifiedHyphens);
        assert!(
            q.hyphenated_share() <= hyphens + 1e-4,
            "{name}: {} of {} lines hyphenated",
            q.hyphenated,
            q.lines
        );
        assert_eq!(q.overfull, 0, "{name}: overfull lines");
    }
}

#[test]
fn every_shipped_leaflet_meets_the_page_targets_in_both_alignments() {
    for path in fixture_leaflets() {
        for align in [Align::Left, Align::Justify] {
            let q = report::quality(&layout_in(&path, align));
            let name = format!("{} ({align:?})", path.display());
            assert_eq!(q.widows, 0, "{name}: widow");
            assert_eq!(q.orphans, 0, "{name}: orphan");
            assert_eq!(q.headings_at_foot, 0, "{name}: heading at a page foot");
        }
    }
}

#[test]
fn no_glyph_past_the_measure_and_no_heading_or_route_hyphenated() {
    let style = &shared().style;
    let right = style.page_width() - style.margin_right();
    for (path, align) in both_alignments() {
        let layout = layout_in(&path, align);
        for page in &layout.pages {
            for run in page.runs() {
                if run.y > style.page_height() - style.margin_bottom() - 20.0 {
                    continue; // the footer's own right edge is the page number
                }
                let last = run.glyphs.last().unwrap();
                let protrudes = ".,-:;”’!?)–".contains(last.text.as_str());
                // Protrusion is a share of the glyph's natural width (before expansion).
                let limit = if protrudes {
                    right + 0.7 * last.advance / run.scale
                } else {
                    right
                };
                // Expansion steps may leave a line a few hundredths of a point long.
                assert!(
                    run.right() <= limit + 0.05,
                    "{}: “{}” ends at {} past {right}",
                    path.display(),
                    run.text(),
                    run.right()
                );
                assert!(run.x >= style.margin_left() - 20.0, "left of the margin");
            }
        }
        for line in &layout.lines {
            use BlockKind::*;
            if matches!(line.kind, Title | Heading | Route | Department | Subtitle) {
                assert!(!line.hyphenated, "{}: “{}”", path.display(), line.text);
                assert!(!line.text.ends_with('-'), "{}", line.text);
            }
        }
    }
}

#[test]
fn no_runt_last_lines() {
    for path in fixture_leaflets() {
        let layout = layout_in(&path, Align::Justify);
        for (i, line) in layout.lines.iter().enumerate() {
            let previous_in_paragraph = i > 0 && !layout.lines[i - 1].last_of_paragraph;
            // Ragged text may end a paragraph in a short word: moving a word down would
            // leave the line above far shorter, which shows more.
            // A word's tail after a hyphen ("verber-|gen.") is priced, not forbidden: the
            // one such line (chemotherapie-thuis) is listed in `issue_13_targets_not_yet_met`.
            let after_hyphen = i > 0 && layout.lines[i - 1].hyphenated;
            if line.last_of_paragraph && line.justified && previous_in_paragraph && !after_hyphen {
                assert!(
                    line.text.chars().count() >= 5,
                    "{}: runt “{}”",
                    path.display(),
                    line.text
                );
            }
        }
    }
}

/// A leaflet whose body repeats `sentence` after lead-ins of every length, as paragraphs
/// and as list items, so that each phrase in it falls at a line end somewhere.
fn keep_together_leaflet(sentence: &str) -> String {
    let filler = "Wij vragen u om dit goed te lezen en het ook door te geven aan wie bij u woont";
    let words: Vec<&str> = filler.split(' ').collect();
    let mut body = String::new();
    for k in 0..words.len() {
        let text = format!("{} {sentence}", words[..k].join(" "));
        body.push_str(&format!("      {}\n\n", text.trim()));
    }
    for k in 0..words.len() {
        let text = format!("{} {sentence}", words[..k].join(" "));
        body.push_str(&format!("      - {}\n", text.trim()));
    }
    format!("title: T\nrevised: 2025-01-01\nauthors: A\nroute: 105\nsections:\n  - body: |\n{body}")
}

#[test]
fn phone_numbers_amounts_dates_and_routes_never_break_in_either_alignment() {
    let sentence = "Bel 03 821 30 00 of +32 3 821 30 00 of 0470 12 34 56, of uit het buitenland \
                    +44 20 7946 0958; neem 500 mg op 23 maart 2016 en volg route 105.";
    let phrases = [
        "03 821 30 00",
        "+32 3 821 30 00",
        "0470 12 34 56",
        "+44 20 7946 0958",
        "500 mg",
        "23 maart 2016",
        "route 105",
    ];
    let src = keep_together_leaflet(sentence);
    let path = Path::new("t.yaml");
    for align in [Align::Left, Align::Justify] {
        let shared = shared_with(align);
        let leaflet = model::parse(path, &src, shared).unwrap();
        let (_, layout) = pipeline::typeset(engine(), shared, path, &src, &leaflet).unwrap();
        let lines: Vec<String> = layout
            .lines
            .iter()
            .filter(|l| matches!(l.kind, BlockKind::Paragraph | BlockKind::ListItem))
            .map(|l| l.text.replace('\u{a0}', " "))
            .collect();
        let all = lines.join("\n");
        let paragraphs = src.matches(sentence).count();
        assert!(paragraphs >= 30);
        for phrase in phrases {
            // "03 821 30 00" also ends "+32 3 821 30 00"; both are counted whole.
            let expected = paragraphs * sentence.matches(phrase).count();
            assert_eq!(
                all.matches(phrase).count(),
                expected,
                "{align:?}: “{phrase}” split in\n{all}"
            );
        }
        assert_eq!(report::quality(&layout).overfull, 0, "{align:?}");
    }
}

#[test]
fn a_tied_chain_wider_than_a_line_breaks_with_a_warning() {
    let chain = ["0470"; 40].join("\u{a0}");
    let src = format!(
        "title: T\nrevised: 2025-01-01\nauthors: A\nroute: 105\nsections:\n  - body: |\n      Bel {chain} nu.\n"
    );
    let path = Path::new("t.yaml");
    let shared = shared_with(Align::Left);
    let leaflet = model::parse(path, &src, shared).unwrap();
    let (_, layout) = pipeline::typeset(engine(), shared, path, &src, &leaflet).unwrap();
    assert_eq!(report::quality(&layout).overfull, 0);
    assert!(
        layout
            .warnings
            .iter()
            .any(|w| w.kind == TextWarningKind::TieSplit
                && w.message.contains("are kept together")
                && w.words.contains("0470")),
        "{:?}",
        layout.warnings
    );
}

/// Every `Tz` operand on the PDF's pages, in per cent.
fn horizontal_scalings(pdf: &[u8]) -> Vec<f32> {
    use lopdf::content::Content;
    let doc = lopdf::Document::load_mem(pdf).unwrap();
    let mut out = Vec::new();
    for (_, page) in doc.get_pages() {
        let content = doc.get_page_content(page);
        for op in Content::decode(&content).unwrap().operations {
            if op.operator == "Tz" {
                out.push(op.operands[0].as_float().unwrap());
            }
        }
    }
    out
}

#[test]
fn justified_pdfs_draw_expanded_glyphs_pass_preflight_and_read_back_unchanged() {
    use leaflet_printer::pdf::Target;
    let path = fixtures().join("immunotherapie.yaml");
    let source = std::fs::read_to_string(&path).unwrap();
    let build = |align: Align| {
        pipeline::build(
            engine(),
            shared_with(align),
            &path,
            &source,
            Target::Print { marks: false },
        )
        .unwrap()
        .pdf
    };
    let (justified, ragged) = (build(Align::Justify), build(Align::Left));
    let scalings = horizontal_scalings(&justified);
    assert!(
        scalings.iter().any(|&s| s != 100.0),
        "no expanded line: {scalings:?}"
    );
    assert!(
        scalings.iter().all(|&s| (98.0..=102.0).contains(&s)),
        "{scalings:?}"
    );
    assert!(horizontal_scalings(&ragged).iter().all(|&s| s == 100.0));
    let failed: Vec<String> = leaflet_printer::preflight::check_bytes(&justified)
        .iter()
        .filter(|c| !c.passed)
        .map(|c| c.line())
        .collect();
    assert!(failed.is_empty(), "{failed:#?}");
    // Expansion changes widths, never text: both alignments read back letter for letter
    // (pages break at other places, so footers and page-end hyphens are left out).
    let body = |pdf: &[u8]| -> String {
        let mut out = String::new();
        let mut in_footer = false;
        let words = common::words(&common::pdf_text(pdf));
        for (k, w) in words.iter().enumerate() {
            if w == "laatst" && words.get(k + 1).is_some_and(|n| n == "aangepast") {
                in_footer = true;
            }
            if !in_footer {
                out.push_str(w);
            }
            if in_footer && w.contains('/') && w.chars().all(|c| c.is_ascii_digit() || c == '/') {
                in_footer = false;
            }
        }
        out
    };
    let text = body(&justified);
    assert!(
        text.contains("kankerimmunotherapieismetnamewerkzaam"),
        "{text}"
    );
    assert_eq!(text, body(&ragged));
}

#[test]
fn no_word_is_hyphenated_across_a_page_turn() {
    for (path, align) in both_alignments() {
        let layout = layout_in(&path, align);
        for pair in layout.lines.windows(2) {
            assert!(
                !(pair[0].hyphenated && pair[0].page != pair[1].page),
                "{} ({align:?}): “{}” ends page {}",
                path.display(),
                pair[0].text,
                pair[0].page + 1
            );
        }
    }
}

#[test]
fn paragraphs_longer_than_fifteen_lines_are_found_as_laid_out() {
    // Keurmerk Makkelijk Lezen: fewer than 15 lines per paragraph. One long paragraph and
    // one short one: only the long one is reported, with its block and line count.
    let long = ["Neem de tabletten elke ochtend met een glas water in."; 30].join(" ");
    let src = format!(
        "title: T\nrevised: 2025-01-01\nauthors: A\nroute: 105\nsections:\n  - body: |\n      \
         Een korte alinea.\n\n      {long}\n"
    );
    let path = Path::new("t.yaml");
    let shared = shared_with(Align::Left);
    let leaflet = model::parse(path, &src, shared).unwrap();
    let (document, layout) = pipeline::typeset(engine(), shared, path, &src, &leaflet).unwrap();
    let found = report::long_paragraphs(&layout, 15);
    assert_eq!(found.len(), 1, "{found:?}");
    let (block, lines) = found[0];
    let counted = layout.lines.iter().filter(|l| l.block == block).count();
    assert_eq!(lines, counted);
    assert!(lines > 15);
    let text: String = document.blocks[block]
        .runs
        .iter()
        .map(|r| r.text.as_str())
        .collect();
    assert!(text.starts_with("Neem de tabletten"), "{text}");
}

/// "Kan-|kerimmunotherapie" breaks inside a part of a compound whose boundary
/// ("Kanker-|immunotherapie") a Dutch reader expects: in neither alignment.
#[test]
fn no_syllable_break_inside_kanker_when_the_boundary_exists() {
    let path = fixtures().join("immunotherapie.yaml");
    for align in [Align::Left, Align::Justify] {
        let layout = layout_in(&path, align);
        for (i, l) in layout.lines.iter().enumerate() {
            if l.hyphenated && l.text.ends_with("Kan-") {
                panic!("{align:?}: “{}” / “{}”", l.text, layout.lines[i + 1].text);
            }
        }
        if align == Align::Justify {
            assert!(
                layout.lines.iter().any(|l| l.text.ends_with("Kanker-")),
                "the boundary break is the one taken"
            );
        }
    }
}
