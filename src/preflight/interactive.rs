//! What paper cannot carry: scripts and actions, embedded files, form fields, layers.
//! A RIP ignores them at best; at worst a layer switched off on screen prints, or a form
//! field's appearance is dropped. PDF/X-4 forbids the first three outright.

use super::content::Findings;
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

/// Deepest nesting of direct dictionaries and arrays visited inside one object; the
/// parser has its own limit, this one keeps the visit cheap.
const MAX_NESTING: u32 = 32;

/// Calls `visit` on every dictionary held by an object (its own, or a stream's) and on
/// the dictionaries nested in it.
fn dictionaries(o: &Object, depth: u32, visit: &mut dyn FnMut(&Dictionary)) {
    if depth > MAX_NESTING {
        return;
    }
    let d = match o {
        Object::Dictionary(d) => d,
        Object::Stream(s) => &s.dict,
        Object::Array(a) => {
            for v in a {
                dictionaries(v, depth + 1, visit);
            }
            return;
        }
        _ => return,
    };
    visit(d);
    for (_, v) in d.iter() {
        dictionaries(v, depth + 1, visit);
    }
}

/// Scripts and actions, embedded files, and form fields: each object of the file read once.
pub fn checks(doc: &Document) -> [Check; 3] {
    let pages: Vec<(lopdf::ObjectId, u32)> =
        doc.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let mut actions = Vec::new();
    let mut files = Vec::new();
    for (&id, object) in &doc.objects {
        dictionaries(object, 0, &mut |d: &Dictionary| {
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
    actions.dedup();
    files.dedup();
    let fields = catalog(doc)
        .and_then(|c| c.get(b"AcroForm").ok())
        .and_then(|f| deref(doc, f).as_dict().ok())
        .and_then(|f| f.get(b"Fields").ok())
        .and_then(|f| deref(doc, f).as_array().ok())
        .map_or(0, Vec::len);
    let form = if fields > 0 {
        vec![format!(
            "{fields} form field{} (/AcroForm); a press prints what a RIP makes of them",
            if fields == 1 { "" } else { "s" }
        )]
    } else {
        Vec::new()
    };
    [
        Check::new("actions", first_few(actions, 4), "no JavaScript or actions"),
        Check::new("embedded files", first_few(files, 4), "no embedded files"),
        Check::new("form fields", form, "no form fields"),
    ]
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
