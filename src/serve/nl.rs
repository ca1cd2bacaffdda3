//! The words of `watch` and `serve`. What they print on the terminal comes from the message
//! catalogue (`locales/`, Dutch or English by the locale); the serve page's own labels stay
//! Dutch constants here, since the page is made for the Dutch-speaking secretariat (the
//! diagnostics shown on it come through the catalogue). "map" is a directory; "folder" is
//! a leaflet.

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

/// How to print an A4 booklet on the office printer.
pub const PRINT_BOOKLET: &str = "Druk af op A4, liggend, dubbelzijdig, omslaan langs de KORTE zijde, op 100 % (niet \"aanpassen aan pagina\"). Vouw de stapel daarna in het midden.";

/// How to print 2-up sheets on the office printer.
pub const PRINT_TWO_UP: &str = "Druk af op A4, liggend, op 100 % (niet \"aanpassen aan pagina\"). Snijd elk blad daarna in het midden door.";

pub const TITLE_LIBRARY: &str = "Folders";
pub const COL_TITLE: &str = "Titel";
pub const COL_REVISED: &str = "Herzien op";
pub const COL_REVIEW: &str = "Nakijken tegen";
pub const COL_FINDINGS: &str = "Fouten / waarschuwingen";
pub const COL_BUILT: &str = "Laatst gemaakt";
pub const NEVER_BUILT: &str = "nog niet";
pub const OVERDUE: &str = "te laat";
pub const PREVIEW: &str = "Voorbeeld";
pub const EDIT: &str = "Bewerken";
pub const SAVE: &str = "Bewaren";
pub const SAVED: &str = "Bewaard en opnieuw opgemaakt.";
pub const SAVED_NOT_BUILT: &str = "Bewaard, maar de PDF is niet opnieuw gemaakt (draait er een andere opdracht op de uitvoermap?). Maak hem met `leaflet build`.";
pub const REFUSED: &str =
    "Niet bewaard: zo kan de folder niet gemaakt worden. Het bestand is niet veranderd.";
pub const BUILD_BOOKLET: &str = "Boekje maken (A4, vouwen)";
pub const BUILD_TWO_UP: &str = "2 per blad maken (A4, snijden)";
pub const DOWNLOAD: &str = "PDF openen";
pub const BACK: &str = "← alle folders";
pub const NO_CONTACT: &str = "(geen)";
pub const INLINE_KEEP: &str = "zoals in het bestand uitgeschreven (hier niet te wijzigen)";
pub const NOT_EDITABLE: &str = "Dit bestand kan niet als folder gelezen worden, dus ook niet hier bewerkt. Verbeter de fout hieronder in een teksteditor; deze pagina toont het formulier weer zodra het bestand in orde is.";
pub const MARKDOWN_HELP: &str = "Een lege regel tussen alinea's; \"- \" aan het begin van een regel voor een lijst; **vet**; [tekst](https://…) voor een link; een \\ op het einde van een regel houdt de regelovergang.";
pub const SECTION: &str = "Sectie";
pub const NO_FINDINGS: &str = "geen";
pub const CANNOT_BUILD: &str = "Kan niet gemaakt worden:";

pub fn field_label(field: &str) -> &'static str {
    match field {
        "title" => "Titel",
        "subtitle" => "Ondertitel",
        "department" => "Dienst",
        "revised" => "Herzien op",
        "authors" => "Auteur(s)",
        "route" => "Route",
        "contact" => "Contact",
        "heading" => "Kop",
        "body" => "Tekst",
        _ => "Veld",
    }
}

pub fn counts(errors: usize, warnings: usize) -> String {
    match (errors, warnings) {
        (0, 0) => NO_FINDINGS.into(),
        (e, w) => format!("{e} fout(en), {w} waarschuwing(en)"),
    }
}

pub fn built_extra(kind: &str) -> String {
    format!("{kind} is gemaakt.")
}
