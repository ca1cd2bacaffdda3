//! Unit tests of the items a paragraph becomes: break costs, compound parts, headings.

use super::*;

/// The cost of each hyphenation point of `word`, in order, with the exception list
/// `exceptions`.
fn costs(word: &str, exceptions: &str) -> Vec<(usize, bool, bool)> {
    let hyphenator = Hyphenator::dutch(exceptions);
    cuts::cuts(&hyphenator, word)
        .into_iter()
        .filter_map(|(at, cut)| match cut {
            Cut::Hyphen {
                compound,
                inside_part,
                ..
            } => Some((at, compound, inside_part)),
            _ => None,
        })
        .collect()
}

#[test]
fn a_syllable_break_inside_a_compound_part_is_marked() {
    // Kan-ker=im-mu-no-the-ra-pie: only the boundary is a plain compound break.
    let cuts = costs("Kankerimmunotherapie", "kan-ker=im-mu-no-the-ra-pie");
    assert_eq!(cuts.iter().filter(|c| c.1).count(), 1, "{cuts:?}");
    assert_eq!(cuts.iter().find(|c| c.1).unwrap().0, "Kanker".len());
    assert!(cuts.iter().filter(|c| !c.1).all(|c| c.2), "{cuts:?}");
}

#[test]
fn an_author_hyphen_makes_syllable_breaks_inside_a_part() {
    let cuts = costs("B-lymfocyten", "");
    assert!(!cuts.is_empty());
    assert!(cuts.iter().all(|c| !c.1 && c.2), "{cuts:?}");
}

#[test]
fn a_simple_word_has_plain_syllable_breaks() {
    let cuts = costs("gewone", "");
    assert_eq!(cuts, vec![("ge".len(), false, false)]);
}

/// A title block: never hyphenated, one run of bold text.
fn title(text: &str, size: f32) -> Block {
    Block {
        kind: crate::document::BlockKind::Title,
        runs: vec![Run {
            text: text.to_string(),
            face: FaceId::Bold,
        }],
        marker: None,
        size,
        color: crate::style::HouseStyle::default().text_color,
        leading: size * 1.2,
        indent: 0.0,
        align: crate::style::Align::Left,
        hyphenate: false,
        space_before: 0.0,
        keep_with_next: true,
        unbreakable: true,
        background: None,
        table: None,
        figure: None,
        origin: None,
    }
}

/// The breaks a title's items offer: (text before the break, cost, hyphen drawn).
fn title_breaks(text: &str, width: f32) -> Vec<(String, f32, bool)> {
    let fonts = Fonts::embedded();
    let hyphenator = Hyphenator::dutch("");
    let builder = ItemBuilder {
        fonts: &fonts,
        hyphenator: &hyphenator,
        protrusion: false,
    };
    let items = builder.paragraph(&title(text, 24.0), width).items;
    let mut before = String::new();
    let mut out = Vec::new();
    for item in &items {
        match item {
            Item::Box { fragment, .. } => before.push_str(&fragment.text()),
            Item::Glue { .. } => before.push(' '),
            Item::Penalty {
                cost,
                hyphen,
                flagged,
                ..
            } if *cost < INFINITE_PENALTY && *cost > -INFINITE_PENALTY => {
                out.push((before.clone(), *cost, hyphen.is_some() || *flagged))
            }
            _ => {}
        }
    }
    out
}

#[test]
fn a_heading_word_that_fits_is_never_broken() {
    assert_eq!(
        title_breaks("Thuis na een chemotherapiebehandeling", 400.0),
        vec![]
    );
}

#[test]
fn a_heading_word_wider_than_the_line_breaks_at_its_compound_boundary() {
    // 24 pt bold: "chemotherapiebehandeling" is some 300 pt wide.
    let breaks = title_breaks("Thuis na een chemotherapiebehandeling", 200.0);
    assert_eq!(
        breaks,
        vec![(
            "Thuis na een chemotherapie".to_string(),
            COMPOUND_HYPHEN_PENALTY + UNHYPHENATED_BLOCK_CUT_PENALTY,
            true
        )]
    );
}

#[test]
fn a_heading_word_without_a_boundary_breaks_at_a_syllable_not_blindly() {
    let breaks = title_breaks("Onregelmatigheden", 120.0);
    assert!(!breaks.is_empty());
    assert!(
        breaks
            .iter()
            .all(|b| b.1 < FORCED_SPLIT_PENALTY && b.1 >= UNHYPHENATED_BLOCK_CUT_PENALTY && b.2),
        "{breaks:?}"
    );
}
