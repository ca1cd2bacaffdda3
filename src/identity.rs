//! The hospital's identity, from `_data/hospital.yaml`: its name, address, phone, website
//! and logo, printed in the colophon that closes every leaflet.
//!
//! The logo is read and checked once per library, with the other `_data` files, so a bad
//! logo is one error at `hospital.yaml:line` rather than one per leaflet; its bytes go into
//! the library's build hash, so replacing the logo rebuilds every leaflet.

use crate::diagnostic::Diagnostic;
use crate::images::{self, Image};
use crate::source::yaml;
use schemars::JsonSchema;
use serde::Deserialize;
use std::path::Path;
use std::sync::Arc;

pub const HOSPITAL_FILE: &str = "hospital.yaml";

/// `_data/hospital.yaml` as written.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HospitalFile {
    /// The hospital's name, e.g. "AZ Voorbeeld".
    pub name: String,
    /// The address on one line, e.g. "Voorbeeldstraat 1, 2000 Antwerpen".
    #[serde(default)]
    pub address: Option<String>,
    /// The switchboard's number, e.g. "03 000 00 00".
    #[serde(default)]
    pub phone: Option<String>,
    /// The website, e.g. "www.azvoorbeeld.be".
    #[serde(default)]
    pub website: Option<String>,
    /// The logo: an SVG (best) or a PNG or JPEG of at least 300 ppi at 32 mm wide, named
    /// relative to the `_data` folder, e.g. `logo.svg`.
    #[serde(default)]
    pub logo: Option<String>,
}

/// The identity as printed.
#[derive(Debug, Clone, PartialEq)]
pub struct Hospital {
    pub name: String,
    pub address: Option<String>,
    pub phone: Option<String>,
    pub website: Option<String>,
}

/// A loaded identity: what is printed, the logo, and the text to hash for the manifest.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub hospital: Hospital,
    pub logo: Option<Arc<Image>>,
    /// `hospital.yaml`'s text and the logo's hash: every leaflet's input.
    pub fingerprint: String,
}

/// Reads `dir/hospital.yaml` when there is one; errors name the file and line.
pub fn load(dir: &Path, text: &str) -> Result<Loaded, Vec<Diagnostic>> {
    let path = dir.join(HOSPITAL_FILE);
    let file: HospitalFile = yaml::parse(text).map_err(|e| {
        let d = Diagnostic::error(&path, yaml::message(&e)).hint(crate::t!("hospital-file-hint"));
        vec![match yaml::location(&e) {
            Some((l, c)) => d.at(l, c),
            None => d,
        }]
    })?;
    let at = |key: &str, d: Diagnostic| match crate::source::library::locate_setting(text, key) {
        Some((l, c)) => d.at(l, c).field(key),
        None => d.field(key),
    };
    let clean = |s: Option<String>| s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty());
    if file.name.trim().is_empty() {
        return Err(vec![at(
            "name",
            Diagnostic::error(&path, crate::t!("hospital-name-empty"))
                .hint(crate::t!("hospital-name-empty-hint")),
        )]);
    }
    let mut fingerprint = text.to_string();
    let logo = match clean(file.logo) {
        None => None,
        Some(logo) => {
            let refused = |message: String, hint: String| {
                vec![at("logo", Diagnostic::error(&path, message).hint(hint))]
            };
            // The logo sits in `_data` or below it: the library's own files.
            let resolved = crate::source::library::inside_library(&path, &logo)
                .map_err(|(m, h)| refused(m, h))?;
            let image = images::load(&resolved).map_err(|r| {
                refused(
                    crate::t!("logo-refused", file = logo.as_str(), why = r.message),
                    r.hint,
                )
            })?;
            fingerprint.push('\u{0}');
            fingerprint.extend(image.id.iter().map(|b| format!("{b:02x}")));
            Some(image)
        }
    };
    Ok(Loaded {
        hospital: Hospital {
            name: file.name.trim().to_string(),
            address: clean(file.address),
            phone: clean(file.phone),
            website: clean(file.website),
        },
        logo,
        fingerprint,
    })
}
