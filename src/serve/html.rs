//! The pages, as plain HTML strings: a list, a form and a preview need no template engine.

use super::http::{encode, esc};
use super::library::{Entry, Rendered};
use super::nl;
use crate::diagnostic::Diagnostic;
use crate::shared::SharedData;
use std::collections::BTreeMap;

fn page(title: &str, body: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>\
         <link rel=\"stylesheet\" href=\"/app.css\"><script src=\"/app.js\" defer></script></head>\
         <body>{body}</body></html>\n",
        esc(&nl::page_lang()),
        esc(title)
    )
}

/// One row of the library list.
pub struct Row<'a> {
    pub entry: &'a Entry,
    pub rendered: &'a Rendered,
    pub last_built: Option<String>,
}

pub fn library(rows: &[Row], today: chrono::NaiveDate) -> String {
    let mut body = format!(
        "<h1>{}</h1><table id=\"library\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
        nl::title_library(),
        nl::col_title(),
        nl::col_revised(),
        nl::col_review(),
        nl::col_findings(),
        nl::col_built()
    );
    for row in rows {
        let r = row.rendered;
        let errors = r.diagnostics.iter().filter(|d| d.is_error()).count();
        let warnings = r.diagnostics.len() - errors;
        let due = match r.review_due {
            Some(d) if d < today => {
                format!("{d} <strong class=\"late\">({})</strong>", nl::overdue())
            }
            Some(d) => d.to_string(),
            None => String::new(),
        };
        body.push_str(&format!(
            "<tr data-name=\"{name}\"><td><a href=\"/leaflet/{url}\">{title}</a><br><small>{file}</small></td><td>{revised}</td><td>{due}</td><td class=\"{class}\">{counts}</td><td>{built}</td></tr>",
            name = esc(&row.entry.name),
            url = encode(&row.entry.name),
            title = esc(r.title.as_deref().unwrap_or(&row.entry.name)),
            file = esc(&format!("{}.yaml", row.entry.name)),
            revised = r.revised.map(|d| d.to_string()).unwrap_or_default(),
            class = if errors > 0 { "error" } else if warnings > 0 { "warning" } else { "ok" },
            counts = nl::counts(errors, warnings),
            built = esc(row.last_built.as_deref().unwrap_or(&nl::never_built())),
        ));
    }
    body.push_str("</tbody></table>");
    page(&nl::title_library(), &body)
}

/// A diagnostic as one line for people: where, what, what to do.
pub fn diagnostic_text(d: &Diagnostic) -> String {
    let mut text = String::new();
    if let (Some(l), Some(c)) = (d.line, d.column) {
        text.push_str(&format!("regel {l}, kolom {c}: "));
    }
    text.push_str(&d.message);
    if let Some(h) = &d.hint {
        text.push_str(&format!(" — {h}"));
    }
    text
}

/// The form field a diagnostic belongs beside: its own, or the field it is part of
/// (`route.description` → `route`), else the general box (`""`).
pub fn slot_for(field: Option<&str>, slots: &BTreeMap<String, String>) -> String {
    let Some(f) = field else {
        return String::new();
    };
    if slots.contains_key(f) {
        return f.to_string();
    }
    let head = f.split('.').next().unwrap_or(f);
    if slots.contains_key(head) {
        return head.to_string();
    }
    String::new()
}

/// A message for one slot: a diagnostic of the current text, or a refused save.
pub struct Note {
    pub field: Option<String>,
    pub class: &'static str,
    pub text: String,
}

pub fn notes_of(diagnostics: &[Diagnostic]) -> Vec<Note> {
    diagnostics
        .iter()
        .map(|d| Note {
            field: d.field.clone(),
            class: if d.is_error() { "error" } else { "warning" },
            text: diagnostic_text(d),
        })
        .collect()
}

pub struct LeafletView<'a> {
    pub entry: &'a Entry,
    pub rendered: &'a Rendered,
    /// The form's values: the file's, or a refused submission's.
    pub values: BTreeMap<String, String>,
    pub source_version: String,
    pub shared: Option<&'a SharedData>,
    pub notes: Vec<Note>,
    /// A line at the top: saved, refused, built.
    pub banner: Option<(&'static str, String)>,
    /// Whether the file reads as a leaflet at all; if not, there is no form to fill in
    /// (its values are unknown) and the errors say what to fix in an editor.
    pub editable: bool,
}

pub fn leaflet(v: &LeafletView) -> String {
    let name = &v.entry.name;
    let url = encode(name);
    let mut slots: BTreeMap<String, String> = BTreeMap::new();
    for (field, text) in &v
        .notes
        .iter()
        .fold(BTreeMap::<String, String>::new(), |mut m, n| {
            let slot = slot_for(n.field.as_deref(), &v.values);
            m.entry(slot).or_default().push_str(&format!(
                "<p class=\"{}\">{}</p>",
                n.class,
                esc(&n.text)
            ));
            m
        })
    {
        slots.insert(field.clone(), text.clone());
    }
    let slot = |field: &str| {
        format!(
            "<div class=\"diag\" data-field=\"{}\">{}</div>",
            esc(field),
            slots.get(field).map_or("", String::as_str)
        )
    };
    let mut body = format!(
        "<p><a href=\"/\">{}</a></p><h1>{}</h1>",
        nl::back(),
        esc(v.rendered.title.as_deref().unwrap_or(name))
    );
    if let Some((class, text)) = &v.banner {
        body.push_str(&format!(
            "<p id=\"banner\" class=\"{class}\">{}</p>",
            esc(text)
        ));
    }
    body.push_str(&format!("<div class=\"general\">{}</div>", slot("")));
    body.push_str(&format!(
        "<div class=\"columns\"><section class=\"editor\"><h2>{}</h2>",
        nl::edit()
    ));
    if !v.editable {
        body.push_str(&format!(
            "<p class=\"error\" id=\"not-editable\">{}</p>",
            nl::not_editable()
        ));
        for field in v.values.keys() {
            body.push_str(&format!(
                "<p class=\"fieldname\">{}</p>{}",
                esc(field),
                slot(field)
            ));
        }
    } else {
        body.push_str(&form(v, &url, &slot));
    }
    body.push_str("</section><section class=\"preview\">");
    // The print buttons sit by the pages they print, not under a long form.
    body.push_str(&print_buttons(&url));
    body.push_str(&format!(
        "<h2>{}</h2><div id=\"preview\" data-name=\"{}\" data-version=\"{}\" data-editable=\"{}\">{}</div>",
        nl::preview(),
        esc(name),
        esc(&v.rendered.version),
        v.editable,
        preview_images(&url, v.rendered)
    ));
    body.push_str("</section></div>");
    page(v.rendered.title.as_deref().unwrap_or(name), &body)
}

/// The edit form: metadata as inputs and choices, each section as a heading and a text.
fn form(v: &LeafletView, url: &str, slot: &dyn Fn(&str) -> String) -> String {
    let mut body = format!(
        "<form method=\"post\" action=\"/leaflet/{url}\" id=\"edit\"><input type=\"hidden\" name=\"_source\" value=\"{}\">",
        esc(&v.source_version)
    );
    let value = |f: &str| v.values.get(f).cloned().unwrap_or_default();
    for field in ["title", "subtitle", "department", "authors"] {
        body.push_str(&format!(
            "<label>{}<input type=\"text\" name=\"{field}\" value=\"{}\"></label>{}",
            nl::field_label(field),
            esc(&value(field)),
            slot(field)
        ));
    }
    body.push_str(&format!(
        "<label>{}<input type=\"date\" name=\"revised\" value=\"{}\"></label>{}",
        nl::field_label("revised"),
        esc(&value("revised")),
        slot("revised")
    ));
    let routes: Vec<(String, String)> = v
        .shared
        .map(|s| {
            s.routes
                .iter()
                .map(|(k, d)| (k.clone(), format!("{k} — {d}")))
                .collect()
        })
        .unwrap_or_default();
    let contacts: Vec<(String, String)> = v
        .shared
        .map(|s| {
            s.contacts
                .iter()
                .map(|(k, c)| (k.clone(), format!("{k} — {}", c.name)))
                .collect()
        })
        .unwrap_or_default();
    for (field, choices, empty) in [("route", routes, false), ("contact", contacts, true)] {
        body.push_str(&format!("<label>{}", nl::field_label(field)));
        match v.values.get(field) {
            Some(current) => body.push_str(&select(field, current, &choices, empty)),
            None => body.push_str(&format!(
                "<span class=\"fixed\">{}</span>",
                nl::inline_keep()
            )),
        }
        body.push_str(&format!("</label>{}", slot(field)));
    }
    let mut i = 0;
    while v.values.contains_key(&format!("sections[{i}].body")) {
        let heading = format!("sections[{i}].heading");
        let text = format!("sections[{i}].body");
        body.push_str(&format!(
            "<fieldset><legend>{} {}</legend><label>{}<input type=\"text\" name=\"{h}\" value=\"{}\"></label>{}<label>{}<textarea name=\"{t}\" rows=\"10\">{}</textarea></label><p class=\"help\">{}</p>{}</fieldset>",
            nl::section(),
            i + 1,
            nl::field_label("heading"),
            esc(&value(&heading)),
            slot(&heading),
            nl::field_label("body"),
            esc(&value(&text)),
            nl::markdown_help(),
            slot(&text),
            h = esc(&heading),
            t = esc(&text),
        ));
        i += 1;
    }
    // An empty section at the end: filled in, a save adds it after the last.
    let heading = format!("sections[{i}].heading");
    let text = format!("sections[{i}].body");
    body.push_str(&format!(
        "<fieldset class=\"new\"><legend>{}</legend><label>{}<input type=\"text\" name=\"{h}\" value=\"\"></label>{}<label>{}<textarea name=\"{t}\" rows=\"4\"></textarea></label>{}</fieldset>",
        nl::new_section(),
        nl::field_label("heading"),
        slot(&heading),
        nl::field_label("body"),
        slot(&text),
        h = esc(&heading),
        t = esc(&text),
    ));
    body.push_str(&format!(
        "<button type=\"submit\" id=\"save\">{}</button></form>",
        nl::save()
    ));
    body
}

fn select(field: &str, current: &str, choices: &[(String, String)], empty: bool) -> String {
    let mut s = format!("<select name=\"{field}\">");
    if empty {
        s.push_str(&format!(
            "<option value=\"\"{}>{}</option>",
            if current.is_empty() { " selected" } else { "" },
            nl::no_contact()
        ));
    }
    // A key the shared data lacks stays selectable: the form must not change it silently.
    if !current.is_empty() && !choices.iter().any(|(k, _)| k == current) {
        s.push_str(&format!(
            "<option value=\"{0}\" selected>{0}</option>",
            esc(current)
        ));
    }
    for (key, label) in choices {
        s.push_str(&format!(
            "<option value=\"{}\"{}>{}</option>",
            esc(key),
            if key == current { " selected" } else { "" },
            esc(label)
        ));
    }
    s.push_str("</select>");
    s
}

pub fn preview_images(url: &str, r: &Rendered) -> String {
    if r.pages.is_empty() {
        return format!("<p class=\"error\">{}</p>", nl::cannot_build());
    }
    (1..=r.pages.len())
        .map(|n| {
            format!(
                "<img class=\"page\" alt=\"Pagina {n}\" src=\"/leaflet/{url}/page/{n}.svg?v={}\">",
                esc(&r.version)
            )
        })
        .collect()
}

fn print_buttons(url: &str) -> String {
    let mut s = String::from("<div class=\"print\">");
    for (kind, label, advice) in [
        ("booklet", nl::build_booklet(), nl::print_booklet()),
        ("two-up", nl::build_two_up(), nl::print_two_up()),
    ] {
        s.push_str(&format!(
            "<form method=\"post\" action=\"/leaflet/{url}/build\"><input type=\"hidden\" name=\"kind\" value=\"{kind}\"><button type=\"submit\" id=\"build-{kind}\">{label}</button><p class=\"advice\">{advice}</p></form>",
            advice = esc(&advice)
        ));
    }
    s.push_str("</div>");
    s
}

/// After building a booklet or 2-up sheets: where the file is and how to print it.
pub fn built(entry: &Entry, kind: &str, ok: bool, notes: &[Note]) -> String {
    let url = encode(&entry.name);
    let (label, advice) = match kind {
        "booklet" => (nl::the_booklet(), nl::print_booklet()),
        _ => (nl::the_two_up(), nl::print_two_up()),
    };
    let mut body = format!(
        "<p><a href=\"/leaflet/{url}\">← {}</a></p>",
        esc(&entry.name)
    );
    if ok {
        body.push_str(&format!(
            "<p id=\"banner\" class=\"ok\">{}</p><p><a id=\"pdf\" href=\"/pdf/{url}/{kind}\">{}</a></p><h2>Afdrukken</h2><p class=\"advice\" id=\"advice\">{}</p>",
            esc(&nl::built_extra(&label)),
            nl::download(),
            esc(&advice)
        ));
    } else {
        body.push_str(&format!(
            "<p id=\"banner\" class=\"error\">{}</p>",
            nl::cannot_build()
        ));
    }
    for n in notes {
        body.push_str(&format!("<p class=\"{}\">{}</p>", n.class, esc(&n.text)));
    }
    page(&entry.name, &body)
}

/// The leaflet's state for the page's script: polled, it tells when to refresh.
pub fn state_json(
    url: &str,
    r: &Rendered,
    slots: &BTreeMap<String, String>,
    editable: bool,
) -> String {
    let diagnostics: Vec<serde_json::Value> = r
        .diagnostics
        .iter()
        .map(|d| {
            serde_json::json!({
                "slot": slot_for(d.field.as_deref(), slots),
                "class": if d.is_error() { "error" } else { "warning" },
                "text": diagnostic_text(d),
            })
        })
        .collect();
    serde_json::json!({
        "version": r.version,
        "pages": r.pages.len(),
        "editable": editable,
        "images": preview_images(url, r),
        "diagnostics": diagnostics,
    })
    .to_string()
}
