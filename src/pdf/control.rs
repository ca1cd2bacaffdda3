//! Document control and language in the PDF's metadata: the hospital's code and the text's
//! version for an archive's search, and the subject in the leaflet's language.

use super::Meta;
use super::finish::xml_escape;
use lopdf::{Dictionary, Object};

/// The document code and version as custom Info keys (PDF allows any; PDF/X-4 asks only
/// that the standard ones agree with the XMP).
pub(super) fn info(d: &mut Dictionary, meta: &Meta, text: impl Fn(&str) -> Object) {
    if let Some(code) = &meta.code {
        d.set("DocumentCode", text(code));
    }
    if let Some(version) = meta.version {
        d.set("DocumentVersion", Object::Integer(version.into()));
    }
}

/// The document code as `dc:identifier` and the version in the tool's own namespace
/// (XMP has no standard property for a text's revision number), as lines of the packet.
pub(super) fn xmp(meta: &Meta) -> String {
    let mut out = String::new();
    if let Some(code) = &meta.code {
        out.push_str(&format!(
            "\n   <dc:identifier>{}</dc:identifier>",
            xml_escape(code)
        ));
    }
    if let Some(version) = meta.version {
        out.push_str(&format!(
            "\n   <leaflet:version>{version}</leaflet:version>"
        ));
    }
    out
}

/// The Info /Subject and XMP dc:description in the leaflet's language (by its `/Lang`
/// tag); `dutch` for Dutch and anything else.
pub(super) fn subject(meta: &Meta, dutch: &'static str) -> &'static str {
    match meta.lang.split('-').next() {
        Some("fr") => "Brochure d'information pour le patient",
        Some("en") => "Patient information leaflet",
        _ => dutch,
    }
}
