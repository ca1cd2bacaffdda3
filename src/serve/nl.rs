//! The words of `watch` and `serve`, all from the message catalogue (`locales/`, Dutch or
//! English by the locale or the library's setting): what they print on the terminal and the
//! serve page's own labels alike. "map" is a directory; "folder" is a leaflet.

use std::path::{Path, PathBuf};

fn list(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn watch_started(inputs: &[PathBuf], out: &Path) -> String {
    crate::t!(
        "watch-started",
        paths = list(inputs),
        out = out.display().to_string()
    )
}

pub fn watch_changed(clock: &str, names: &[String]) -> String {
    crate::t!("watch-changed", clock = clock, names = names.join(", "))
}

pub fn watch_rebuilt(clock: &str, pdfs: &[String], out: &Path) -> String {
    crate::t!(
        "watch-rebuilt",
        clock = clock,
        pdfs = pdfs.join(", "),
        out = out.display().to_string()
    )
}

pub fn watch_stopped() -> String {
    crate::t!("watch-stopped")
}

pub fn watch_cannot_start(why: &str) -> String {
    crate::t!("watch-cannot-start", why = why)
}

pub fn watch_cannot_watch(dir: &Path, why: &str) -> String {
    crate::t!(
        "watch-cannot-watch",
        dir = dir.display().to_string(),
        why = why
    )
}

pub fn watch_event_error(why: &str) -> String {
    crate::t!("watch-event-error", why = why)
}

pub fn serve_started(address: &str) -> String {
    crate::t!("serve-started", address = address)
}

pub fn serve_cannot_bind(port: u16, why: &str) -> String {
    crate::t!("serve-cannot-bind", port = port.to_string(), why = why)
}

/// The serve page's labels, one function each, from the message catalogue in the
/// language of the process (the locale or the library's setting).
macro_rules! labels {
    ($($name:ident => $id:literal),+ $(,)?) => {
        $(pub fn $name() -> String {
            crate::t!($id)
        })+
    };
}

labels! {
    print_booklet => "serve-print-booklet",
    print_two_up => "serve-print-two-up",
    title_library => "serve-title-library",
    col_title => "serve-col-title",
    col_revised => "serve-col-revised",
    col_review => "serve-col-review",
    col_findings => "serve-col-findings",
    col_built => "serve-col-built",
    never_built => "serve-never-built",
    overdue => "serve-overdue",
    preview => "serve-preview",
    edit => "serve-edit",
    save => "serve-save",
    saved => "serve-saved",
    saved_not_built => "serve-saved-not-built",
    refused => "serve-refused",
    build_booklet => "serve-build-booklet",
    build_two_up => "serve-build-two-up",
    download => "serve-download",
    back => "serve-back",
    no_contact => "serve-no-contact",
    inline_keep => "serve-inline-keep",
    not_editable => "serve-not-editable",
    markdown_help => "serve-markdown-help",
    section => "serve-section",
    no_findings => "serve-no-findings",
    cannot_build => "serve-cannot-build",
    the_booklet => "serve-the-booklet",
    the_two_up => "serve-the-two-up",
    page_lang => "serve-page-lang",
    new_section => "serve-new-section",
}

pub fn field_label(field: &str) -> String {
    match field {
        "title" => crate::t!("serve-field-title"),
        "subtitle" => crate::t!("serve-field-subtitle"),
        "department" => crate::t!("serve-field-department"),
        "revised" => crate::t!("serve-field-revised"),
        "authors" => crate::t!("serve-field-authors"),
        "route" => crate::t!("serve-field-route"),
        "contact" => crate::t!("serve-field-contact"),
        "heading" => crate::t!("serve-field-heading"),
        "body" => crate::t!("serve-field-body"),
        _ => crate::t!("serve-field-other"),
    }
}

pub fn counts(errors: usize, warnings: usize) -> String {
    match (errors, warnings) {
        (0, 0) => no_findings(),
        (e, w) => crate::t!("serve-counts", errors = e, warnings = w),
    }
}

pub fn built_extra(kind: &str) -> String {
    crate::t!("serve-built-extra", kind = kind)
}
