//! The page boxes and what sits on them: trim, bleed, crop and art boxes, rotation,
//! annotations, text clear of the trim and tints running into the bleed.

use super::content::Findings;
use super::tree::Pages;
use super::{
    BLEED_MM, Check, SAFE_MM, TOLERANCE, TRIM_MM, at, by_pages, checked_box, contains, deref,
    first_few, mm, overlaps, page_attr, page_box, rect_of,
};
use crate::style::PT_PER_MM;
use lopdf::{Document, Object};
use std::collections::BTreeMap;

/// Trim and bleed of each page (trim falls back to the media box, bleed to the trim).
pub struct PageTrim {
    trim: [f32; 4],
    bleed: [f32; 4],
}

/// By page number.
pub type Trims = BTreeMap<usize, PageTrim>;

pub fn page_trims(doc: &Document, pages: &Pages) -> Trims {
    pages
        .iter()
        .map(|(&n, &p)| {
            let media = page_box(doc, p, b"MediaBox").unwrap_or([0.0; 4]);
            let trim = page_box(doc, p, b"TrimBox").unwrap_or(media);
            let bleed = page_box(doc, p, b"BleedBox").unwrap_or(trim);
            (n as usize, PageTrim { trim, bleed })
        })
        .collect()
}

pub fn boxes(doc: &Document, pages: &Pages) -> Check {
    let mut problems: Vec<(usize, String)> = Vec::new();
    let bleed_pt = BLEED_MM * PT_PER_MM;
    for (n, &page) in pages.iter() {
        let n = *n as usize;
        let mut p = Vec::new();
        let keys: [&[u8]; 5] = [b"MediaBox", b"TrimBox", b"BleedBox", b"ArtBox", b"CropBox"];
        let read = keys.map(|k| checked_box(doc, page, k));
        let malformed: Vec<String> = keys
            .iter()
            .zip(&read)
            .filter(|(_, r)| r.is_err())
            .map(|(k, _)| {
                format!(
                    "the {} is not an array of four numbers",
                    String::from_utf8_lossy(k)
                )
            })
            .collect();
        if !malformed.is_empty() {
            problems.push((n, malformed.join(", ")));
            continue;
        }
        let [media, trim, bleed, art, crop] = read.map(|r| r.ok().flatten());
        // Everything on the page, boxes included, is drawn UserUnit times as large as
        // it reads: a trim that reads A5 is A4 at 1.414.
        match page_attr(doc, page, b"UserUnit", false).map(Object::as_float) {
            None | Some(Ok(1.0)) => {}
            Some(Ok(u)) => p.push(format!(
                "the page has a /UserUnit of {u}, so it prints {u} times the size its boxes read"
            )),
            Some(Err(_)) => p.push("its /UserUnit is not a number".into()),
        }
        let Some(media) = media else {
            problems.push((n, "no MediaBox".into()));
            continue;
        };
        let Some(trim) = trim else {
            problems.push((n, "no TrimBox, the line the shop cuts along".into()));
            continue;
        };
        let (w, h) = (trim[2] - trim[0], trim[3] - trim[1]);
        let want = (TRIM_MM.0 * PT_PER_MM, TRIM_MM.1 * PT_PER_MM);
        if (w - want.0).abs() > 0.5 || (h - want.1).abs() > 0.5 {
            p.push(format!(
                "the trim is {:.1} × {:.1} mm, not {} × {} mm",
                mm(w),
                mm(h),
                TRIM_MM.0,
                TRIM_MM.1
            ));
        }
        match bleed {
            None => p.push("no BleedBox, and the shop needs 3 mm bleed".into()),
            Some(bleed) => {
                let margin = [
                    trim[0] - bleed[0],
                    trim[1] - bleed[1],
                    bleed[2] - trim[2],
                    bleed[3] - trim[3],
                ];
                let least = margin.iter().copied().fold(f32::MAX, f32::min);
                if least < bleed_pt - TOLERANCE {
                    p.push(format!(
                        "the bleed is {:.1} mm at its narrowest; it must be {BLEED_MM} mm on every side",
                        mm(least.max(0.0))
                    ));
                }
                if !contains(&media, &bleed) {
                    p.push("the BleedBox reaches outside the MediaBox".into());
                }
            }
        }
        if !contains(&media, &trim) {
            p.push("the TrimBox reaches outside the MediaBox".into());
        }
        // PDF/X: one finished-size box. With both, RIPs disagree about which is the page.
        if art.is_some() {
            p.push("an ArtBox as well as the TrimBox; PDF/X allows only one of them".into());
        }
        // What lies outside the CropBox is not shown, nor printed: the bleed would go.
        if let Some(crop) = crop
            && !contains(&crop, &bleed.unwrap_or(trim))
        {
            p.push(format!(
                "the CropBox ({:.1} × {:.1} mm) hides part of the {}",
                mm(crop[2] - crop[0]),
                mm(crop[3] - crop[1]),
                if bleed.is_some() { "bleed" } else { "trim" }
            ));
        }
        if !p.is_empty() {
            problems.push((n, p.join(", ")));
        }
    }
    Check::new(
        "page boxes",
        by_pages(problems),
        format!(
            "trim {} × {} mm, {BLEED_MM} mm bleed, MediaBox ⊇ BleedBox ⊇ TrimBox on every page",
            TRIM_MM.0, TRIM_MM.1
        ),
    )
}

/// Rotation as the shop's imposition sees it: a `/Rotate` turns the page on their sheet,
/// and an A5 portrait page printed landscape is a reprint.
pub fn rotation(doc: &Document, pages: &Pages) -> Check {
    let mut problems = Vec::new();
    for (n, &page) in pages.iter() {
        // A real (`90.0`) turns the page as an integer does.
        match page_attr(doc, page, b"Rotate", true).map(Object::as_float) {
            None => {}
            Some(Ok(r)) if r.is_finite() && r.rem_euclid(360.0) == 0.0 => {}
            Some(Ok(r)) => problems.push((*n as usize, format!("the page is rotated by {r}°"))),
            Some(Err(_)) => problems.push((*n as usize, "its /Rotate is not a number".to_string())),
        }
    }
    Check::new("page rotation", by_pages(problems), "no page is rotated")
}

/// Annotations and form fields show on screen and print on some RIPs but not others: in
/// PDF/X only printer's marks and trap networks may lie inside the bleed box.
pub fn annotations(doc: &Document, pages: &Pages) -> Check {
    let mut problems = Vec::new();
    for (n, &page) in pages.iter() {
        let Some(Object::Array(annots)) = page_attr(doc, page, b"Annots", false) else {
            continue;
        };
        let area = page_box(doc, page, b"BleedBox")
            .or_else(|| page_box(doc, page, b"TrimBox"))
            .or_else(|| page_box(doc, page, b"MediaBox"));
        for a in annots {
            let Ok(d) = deref(doc, a).as_dict() else {
                continue;
            };
            let subtype = d
                .get(b"Subtype")
                .and_then(Object::as_name)
                .map(|s| String::from_utf8_lossy(s).into_owned())
                .unwrap_or_else(|_| "(no subtype)".into());
            if subtype == "PrinterMark" || subtype == "TrapNet" {
                continue;
            }
            let rect = d.get(b"Rect").ok().and_then(|r| rect_of(r, doc));
            let inside = match (rect, area) {
                (Some(r), Some(area)) => overlaps(&r, &area),
                // An annotation without a place is somewhere on the page.
                _ => true,
            };
            if inside {
                let place = rect.map_or(String::new(), |r| format!(" {}", at(r[0], r[1])));
                let what = if subtype == "Widget" {
                    "a form field".to_string()
                } else {
                    format!("a /{subtype} annotation")
                };
                problems.push(format!("page {n}: {what}{place} inside the bleed box"));
            }
        }
    }
    Check::new(
        "annotations",
        first_few(problems, 4),
        "no annotations or form fields inside the bleed box",
    )
}

pub fn safe_area(found: &Findings, trims: &Trims) -> Check {
    let inset = SAFE_MM * PT_PER_MM;
    let mut problems = Vec::new();
    for t in found.text.iter().filter(|t| !t.tiled) {
        let Some(page) = trims.get(&t.page) else {
            continue;
        };
        let safe = [
            page.trim[0] + inset,
            page.trim[1] + inset,
            page.trim[2] - inset,
            page.trim[3] - inset,
        ];
        if !contains(&safe, &t.bbox) {
            let distance = [
                t.bbox[0] - page.trim[0],
                t.bbox[1] - page.trim[1],
                page.trim[2] - t.bbox[2],
                page.trim[3] - t.bbox[3],
            ]
            .into_iter()
            .fold(f32::MAX, f32::min);
            problems.push(format!(
                "page {}: text at ({:.0}, {:.0}) pt is {:.1} mm from the trim",
                t.page,
                t.origin.0,
                t.origin.1,
                mm(distance)
            ));
        }
    }
    Check::new(
        "safe area",
        first_few(problems, 3),
        format!("all text at least {SAFE_MM} mm inside the trim"),
    )
}

/// A tint that reaches (or nearly reaches) the trim must run on to the bleed edge, or the
/// cut leaves a white sliver where the knife wanders.
pub fn bleed(found: &Findings, trims: &Trims) -> Check {
    let near = PT_PER_MM; // within 1 mm of the trim counts as "meant to touch it"
    let mut problems = Vec::new();
    for f in &found.fills {
        let Some(page) = trims.get(&f.page) else {
            continue;
        };
        let (t, b, r) = (&page.trim, &page.bleed, &f.bbox);
        // Which sides touch: the rectangle reaches within `near` of a trim edge and lies
        // across the page there.
        let across_x = r[2] > t[0] && r[0] < t[2];
        let across_y = r[3] > t[1] && r[1] < t[3];
        let sides = [
            (
                "left",
                across_y && r[0] <= t[0] + near,
                r[0] <= b[0] + TOLERANCE,
            ),
            (
                "bottom",
                across_x && r[1] <= t[1] + near,
                r[1] <= b[1] + TOLERANCE,
            ),
            (
                "right",
                across_y && r[2] >= t[2] - near,
                r[2] >= b[2] - TOLERANCE,
            ),
            (
                "top",
                across_x && r[3] >= t[3] - near,
                r[3] >= b[3] - TOLERANCE,
            ),
        ];
        for (side, touches, bleeds) in sides {
            if touches && !bleeds {
                problems.push(format!(
                    "page {}: a tint stops at the {side} trim instead of running {BLEED_MM} mm into the bleed",
                    f.page
                ));
            }
        }
    }
    problems.dedup();
    Check::new(
        "bleed",
        problems,
        "tints touching the trim run into the bleed",
    )
}
