//! What paper cannot carry: scripts and actions, embedded files, form fields, layers,
//! transfer functions and images a RIP swaps for others. A RIP ignores them at best; at
//! worst a layer switched off on screen prints, a form field's appearance is dropped, a
//! transfer curve reshapes every tint, or an OPI server's picture prints instead of the
//! one proofed. PDF/X-4 forbids all but layers outright.

use super::content::Findings;
use super::scan::dictionaries;
use super::tree::Pages;
use super::{Check, by_pages, catalog, deref, first_few};
use lopdf::{Dictionary, Document, Object};

/// Action types that run something or reach outside the file.
const LIVE_ACTIONS: &[&[u8]] = &[
    b"JavaScript",
    b"Launch",
    b"SubmitForm",
    b"ResetForm",
    b"ImportData",
    b"Rendition",
    b"Sound",
    b"Movie",
    b"GoToE",
    b"RichMediaExecute",
];

/// Where in the file a dictionary sits, for messages: "page 2" or "object 14 0".
fn place(id: lopdf::ObjectId, pages: &[(lopdf::ObjectId, u32)]) -> String {
    match pages.iter().find(|(p, _)| *p == id) {
        Some((_, n)) => format!("page {n}"),
        None => format!("object {} {}", id.0, id.1),
    }
}

/// Scripts and actions, embedded files, form fields, transfer functions and replaced
/// images: each object of the file read once, everything nested in it visited.
pub fn checks(doc: &Document, pages: &Pages) -> [Check; 5] {
    let pages: Vec<(lopdf::ObjectId, u32)> = pages.iter().map(|(&n, &id)| (id, n)).collect();
    let mut actions = Vec::new();
    let mut files = Vec::new();
    let mut transfer = Vec::new();
    let mut replaced = Vec::new();
    for (&id, object) in &doc.objects {
        dictionaries(object, &mut |d: &Dictionary| {
            let here = || place(id, &pages);
            if d.has(b"JS") {
                actions.push(format!("JavaScript in {}", here()));
            } else if let Ok(s) = d.get(b"S").and_then(Object::as_name)
                && LIVE_ACTIONS.contains(&s)
            {
                actions.push(format!(
                    "a /{} action in {}",
                    String::from_utf8_lossy(s),
                    here()
                ));
            }
            if d.has(b"AA") {
                actions.push(format!("automatic actions (/AA) in {}", here()));
            }
            if d.has(b"EmbeddedFiles") {
                files.push(format!("an embedded-files name tree in {}", here()));
            }
            if d.has(b"EF") {
                let name = d
                    .get(b"UF")
                    .or_else(|_| d.get(b"F"))
                    .ok()
                    .and_then(super::string_of)
                    .unwrap_or_else(|| "a file".into());
                files.push(format!("“{name}” embedded in {}", here()));
            }
            for key in [&b"TR"[..], b"TR2"] {
                if let Ok(v) = d.get(key)
                    && deref(doc, v).as_name().ok() != Some(b"Default")
                {
                    transfer.push(format!(
                        "a transfer function (/{}) in {}",
                        String::from_utf8_lossy(key),
                        here()
                    ));
                }
            }
            if d.has(b"OPI") {
                replaced.push(format!(
                    "an OPI link (/OPI) in {}: the RIP would print another image in its place",
                    here()
                ));
            }
            if d.has(b"Alternates") {
                replaced.push(format!(
                    "alternate images (/Alternates) in {}: a RIP may print one of those instead",
                    here()
                ));
            }
        });
    }
    if let Some(c) = catalog(doc) {
        if let Ok(names) = c.get(b"Names").map(|n| deref(doc, n))
            && let Ok(names) = names.as_dict()
            && names.has(b"JavaScript")
        {
            actions.push("document-level JavaScript (/Names /JavaScript)".into());
        }
        if let Ok(open) = c.get(b"OpenAction").map(|o| deref(doc, o))
            && open.as_dict().is_ok()
        {
            actions.push("an /OpenAction run when the file is opened".into());
        }
    }
    for list in [&mut actions, &mut files, &mut transfer, &mut replaced] {
        list.dedup();
    }
    [
        Check::new("actions", first_few(actions, 4), "no JavaScript or actions"),
        Check::new("embedded files", first_few(files, 4), "no embedded files"),
        form_fields(doc),
        Check::new(
            "transfer functions",
            first_few(transfer, 4),
            "no transfer functions (/TR, /TR2)",
        ),
        Check::new(
            "image replacement",
            first_few(replaced, 4),
            "no OPI links or alternate images",
        ),
    ]
}

/// Form fields print as whatever a RIP makes of them; an XFA form or one that asks the
/// reader to draw its own appearances (`/NeedAppearances true`) has no fixed look at all.
fn form_fields(doc: &Document) -> Check {
    let form = catalog(doc)
        .and_then(|c| c.get(b"AcroForm").ok())
        .and_then(|f| deref(doc, f).as_dict().ok());
    let mut problems = Vec::new();
    let fields = form
        .and_then(|f| f.get(b"Fields").ok())
        .and_then(|f| deref(doc, f).as_array().ok())
        .map_or(0, Vec::len);
    if fields > 0 {
        problems.push(format!(
            "{fields} form field{} (/AcroForm); a press prints what a RIP makes of them",
            if fields == 1 { "" } else { "s" }
        ));
    }
    if form.is_some_and(|f| f.has(b"XFA")) {
        problems.push("an XFA form (/AcroForm /XFA), which PDF/X forbids".into());
    }
    if form
        .and_then(|f| f.get(b"NeedAppearances").ok())
        .is_some_and(|n| deref(doc, n).as_bool().unwrap_or(true))
    {
        problems.push(
            "/NeedAppearances asks the reader to draw the fields itself, so each RIP prints them its own way".into(),
        );
    }
    Check::new("form fields", problems, "no form fields")
}

/// Layers: what prints is what the RIP's defaults make visible, not what was on screen.
pub fn optional_content(doc: &Document, found: &Findings) -> Check {
    let mut problems = Vec::new();
    if catalog(doc).is_some_and(|c| c.has(b"OCProperties")) {
        problems.push("the file has layers (/OCProperties)".to_string());
    }
    let pages: Vec<(usize, String)> = found
        .optional_content
        .iter()
        .map(|&p| (p, "content on a layer".to_string()))
        .collect();
    problems.extend(by_pages(pages));
    Check::new("optional content", problems, "no layers")
}
