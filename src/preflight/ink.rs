//! What lands on the plates: type sizes and line widths as printed, colour spaces, total
//! ink, overprint, how black text is built, and the images' resolution.

use super::content::{Findings, PaintKind, Space, TextShow};
use super::images::Unmeasured;
use super::spaces;
use super::tree::PageTree;
use super::{Check, MIN_LINE_PT, MIN_TEXT_PT, Profile, at, by_pages, first_few};
use lopdf::Document;

/// Black text up to this size should overprint: at 12 pt a hairline of misregistration
/// shows as a white halo against a tint (the usual rule in shops' profiles, e.g.
/// Acrobat's "Set black text to overprint" fixup, which uses 12 pt).
const OVERPRINT_TEXT_PT: f32 = 12.0;
/// Text under this size must be on one plate: four-colour type smaller than 12 pt blurs
/// on the slightest misregistration (Ghent PDF Output Suite / PDFX-ready profiles).
const ONE_INK_TEXT_PT: f32 = 12.0;
/// K at or above this, with nothing else, reads as black but is screened: a 95 % K text
/// is a rasterised grey that frays at the edges. Pure black is 100 %.
const NEAR_BLACK_K: f32 = 0.85;
/// K this close to 100 % is solid black (rounding in writers).
const SOLID_K: f32 = 0.995;

/// Whatever the walker could not read is a failure: a page of random bytes has no small
/// text and no RGB in it only because nobody could look.
/// Objects the reader dropped and pages the tree lists but nobody read come first: they
/// are where whole pages go missing.
pub fn readable_content(doc: &Document, bytes: &[u8], tree: &PageTree, found: &Findings) -> Check {
    let mut problems = super::objects::unread(doc, bytes);
    problems.extend(tree.problems.iter().cloned());
    problems.extend(found.errors.iter().cloned());
    if tree.pages.is_empty() && tree.problems.is_empty() {
        problems.push("the file has no pages".into());
    }
    let problems = first_few(problems, 4);
    Check::new(
        "content streams",
        problems,
        format!(
            "every page's content read ({} operators, {} form runs)",
            found.operators, found.form_runs
        ),
    )
}

pub fn text_size(found: &Findings) -> Check {
    let small: Vec<&TextShow> = found
        .text
        .iter()
        .filter(|t| t.size < MIN_TEXT_PT - 0.01)
        .collect();
    let smallest = found.text.iter().map(|t| t.size).fold(f32::MAX, f32::min);
    let problems = match small.iter().min_by(|a, b| a.size.total_cmp(&b.size)) {
        Some(t) => vec![format!(
            "{} text runs are under {MIN_TEXT_PT} pt, the smallest {:.2} pt on page {}",
            small.len(),
            t.size,
            t.page
        )],
        None => Vec::new(),
    };
    let ok = if found.text.is_empty() {
        "no text".to_string()
    } else {
        format!("smallest text {smallest:.2} pt (at least {MIN_TEXT_PT} pt)")
    };
    Check::new("text size", problems, ok)
}

pub fn line_width(found: &Findings) -> Check {
    let thin: Vec<_> = found
        .strokes
        .iter()
        .filter(|s| s.width < MIN_LINE_PT - 0.001)
        .collect();
    let problems = match thin.iter().min_by(|a, b| a.width.total_cmp(&b.width)) {
        Some(s) => vec![format!(
            "{} strokes are thinner than {MIN_LINE_PT} pt, the thinnest {:.3} pt on page {}",
            thin.len(),
            s.width,
            s.page
        )],
        None => Vec::new(),
    };
    let thinnest = found
        .strokes
        .iter()
        .map(|s| s.width)
        .fold(f32::MAX, f32::min);
    let ok = if found.strokes.is_empty() {
        "no strokes".to_string()
    } else {
        format!("thinnest line {thinnest:.2} pt (at least {MIN_LINE_PT} pt)")
    };
    Check::new("line width", problems, ok)
}

/// RGB anywhere: in content operators, or as a colour space object in the file (an RGB
/// image, shading or transparency group is RGB on press even if no operator names it);
/// ICC-based spaces whose profile is not what they declare. RGB with a defined meaning
/// (ICC-based, CalRGB) is allowed by PDF/X-4 and converted by the RIP; images in it are
/// pointed out under "images".
pub fn colour(doc: &Document, found: &Findings) -> Check {
    let mut uses: Vec<(usize, String)> = Vec::new();
    for u in &found.rgb {
        if !uses.contains(&(u.page, u.what.clone())) {
            uses.push((u.page, u.what.clone()));
        }
    }
    let mut problems = by_pages(uses);
    let objects = spaces::scan(doc);
    let mut named = Vec::new();
    for (id, what) in objects.rgb {
        if !named.contains(&id) {
            named.push(id);
            problems.push(format!("object {} {}: {what}", id.0, id.1));
        }
    }
    problems.extend(objects.icc);
    problems.truncate(8);
    Check::new("colour", problems, "no RGB; process colours are DeviceCMYK")
}

/// Black text must be 100 % K: rich black text misregisters into coloured fringes.
pub fn black_text(found: &Findings) -> Check {
    let rich: Vec<&TextShow> = found
        .text
        .iter()
        .filter(|t| {
            t.fill.space == Space::Cmyk
                && t.fill.components.len() == 4
                && t.fill.components[3] >= 0.9
                && t.fill.components[..3].iter().any(|&c| c > 0.0)
        })
        .collect();
    let problems = match rich.first() {
        Some(t) => vec![format!(
            "{} black text runs are set in four-colour black (e.g. page {}: C{:.0} M{:.0} Y{:.0} K{:.0})",
            rich.len(),
            t.page,
            t.fill.components[0] * 100.0,
            t.fill.components[1] * 100.0,
            t.fill.components[2] * 100.0,
            t.fill.components[3] * 100.0
        )],
        None => Vec::new(),
    };
    Check::new("black text", problems, "black text is 100 % K only")
}

/// Total area coverage: ink beyond the press's limit does not dry, sets off on the next
/// sheet and shifts colour. Fills, strokes, text and images are all measured.
pub fn coverage(found: &Findings, profile: &Profile) -> Check {
    let limit = profile.max_ink;
    let mut problems: Vec<String> = Vec::new();
    let mut most = 0.0f32;
    let mut over =
        |page: usize, what: &str, ink: f32, x: f32, y: f32, problems: &mut Vec<String>| {
            most = most.max(ink);
            if ink > limit + 0.5 {
                problems.push(format!(
                    "page {page}: {what} with {ink:.0} % ink {}",
                    at(x, y)
                ));
            }
        };
    for p in &found.paints {
        if let Some(ink) = p.colour.ink() {
            let what = match p.kind {
                PaintKind::Fill => "a fill",
                PaintKind::Stroke => "a line",
            };
            over(p.page, what, ink, p.bbox[0], p.bbox[1], &mut problems);
        }
    }
    for t in &found.text {
        if let Some(ink) = t.fill.ink() {
            over(t.page, "text", ink, t.origin.0, t.origin.1, &mut problems);
        }
    }
    let mut warnings = Vec::new();
    for i in &found.images {
        match (i.ink, i.unmeasured) {
            (Some(ink), _) => {
                let what = format!("image /{}", i.name);
                over(i.page, &what, ink, i.bbox[0], i.bbox[1], &mut problems);
            }
            (None, Some(Unmeasured::Unsupported(why))) => warnings.push(format!(
                "page {}: the ink of CMYK image /{} was not measured: {why}",
                i.page, i.name
            )),
            (None, Some(Unmeasured::Unreadable(why))) => problems.push(format!(
                "page {}: CMYK image /{} at ({:.0}, {:.0}) pt cannot be measured ({why}); what it prints is unknown",
                i.page, i.name, i.bbox[0], i.bbox[1]
            )),
            (None, None) => {}
        }
    }
    problems.dedup();
    Check::new(
        "total ink",
        first_few(problems, 4),
        format!("at most {most:.0} % (limit {limit:.0} %)"),
    )
    .with_warnings(first_few(warnings, 3))
}

/// Overprint makes an object print on top of the inks below instead of knocking them out.
/// White set to overprint prints nothing at all; small black text that knocks out shows
/// a white edge wherever the plates are a hair out of register.
pub fn overprint(found: &Findings) -> Check {
    let mut problems = Vec::new();
    for p in found
        .paints
        .iter()
        .filter(|p| p.overprint && p.colour.is_white())
    {
        let what = match p.kind {
            PaintKind::Fill => "a white fill",
            PaintKind::Stroke => "a white line",
        };
        problems.push(format!(
            "page {}: {what} {} is set to overprint and will vanish",
            p.page,
            at(p.bbox[0], p.bbox[1])
        ));
    }
    for t in found
        .text
        .iter()
        .filter(|t| t.overprint && t.fill.is_white())
    {
        problems.push(format!(
            "page {}: white text {} is set to overprint and will vanish",
            t.page,
            at(t.origin.0, t.origin.1)
        ));
    }
    let knockout: Vec<(usize, String)> = found
        .text
        .iter()
        .filter(|t| t.size <= OVERPRINT_TEXT_PT + 0.01 && t.fill.is_pure_black() && !t.overprint)
        .map(|t| {
            (
                t.page,
                format!("black text of {OVERPRINT_TEXT_PT} pt or less knocks out instead of overprinting"),
            )
        })
        .collect();
    Check::new(
        "overprint",
        first_few(problems, 4),
        "no white overprints; black text up to 12 pt overprints",
    )
    .with_warnings(by_pages(knockout))
}

/// Type under 12 pt on more than one plate, and near-black text: both print fuzzy. Small
/// type in a tint of several inks is a warning (a shop may accept a house colour), a
/// screened near-black a failure (nobody means it).
pub fn text_inks(found: &Findings) -> Check {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    for t in &found.text {
        let Some([c, m, y, k]) = t.fill.cmyk() else {
            continue;
        };
        let where_ = format!(
            "page {}: {:.1} pt text {}",
            t.page,
            t.size,
            at(t.origin.0, t.origin.1)
        );
        if t.size < ONE_INK_TEXT_PT - 0.01 && t.fill.plates() > 1 && k < NEAR_BLACK_K {
            warnings.push((
                t.page,
                format!(
                    "text under {ONE_INK_TEXT_PT} pt on {} plates ({}); misregistration blurs it",
                    t.fill.plates(),
                    t.fill.describe()
                ),
            ));
        }
        if c.max(m).max(y) < 0.001 && (NEAR_BLACK_K..SOLID_K).contains(&k) {
            problems.push(format!(
                "{where_} is {:.0} % black, a screened grey that looks black; use 100 % K",
                k * 100.0
            ));
        }
    }
    problems.dedup();
    Check::new(
        "text inks",
        first_few(problems, 4),
        "text under 12 pt is on one plate; black text is 100 % K",
    )
    .with_warnings(by_pages(warnings))
}

/// Images: colour space for the press, and enough pixels for the screen.
pub fn images(found: &Findings, profile: &Profile) -> Check {
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    for i in &found.images {
        let place = format!(
            "page {}: image /{} {}",
            i.page,
            i.name,
            at(i.bbox[0], i.bbox[1])
        );
        if i.space == Space::Rgb {
            problems.push(format!("{place} is RGB; the shop prints CMYK"));
        }
        if i.space == Space::CalibratedRgb {
            warnings.push(format!(
                "{place} is RGB with an ICC profile; the RIP converts it to CMYK"
            ));
        }
        if !i.ppi.is_finite() {
            continue;
        }
        let (fail, warn, kind) = if i.line_art {
            (
                profile.line_art_fail_ppi,
                profile.line_art_warn_ppi,
                "1-bit ",
            )
        } else {
            (profile.fail_ppi, profile.warn_ppi, "")
        };
        if i.ppi < fail {
            problems.push(format!(
                "{place} prints {kind}at {:.0} ppi (at least {fail:.0}, better {warn:.0})",
                i.ppi
            ));
        } else if i.ppi < warn - 0.5 {
            warnings.push(format!(
                "{place} prints {kind}at {:.0} ppi (below {warn:.0})",
                i.ppi
            ));
        }
    }
    let ok = if found.images.is_empty() {
        "no images".to_string()
    } else {
        format!(
            "{} images, CMYK, grey or ICC-based RGB, at least {:.0} ppi (1-bit: {:.0})",
            found.images.len(),
            profile.warn_ppi,
            profile.line_art_warn_ppi
        )
    };
    Check::new("images", first_few(problems, 4), ok).with_warnings(first_few(warnings, 3))
}
