//! Document control and the online version: the leaflet's `code`, `version` and `online`
//! fields, checked before anything is printed from them.
//!
//! A code ends up in a file name (`--archive-names`), a footer and an index, so it is kept
//! to what survives all three; an address ends up in a QR code a patient scans at home, so
//! only a secure web address is taken.

use crate::diagnostic::{Diagnostic, locate_key};
use std::path::Path;

/// Longer codes crowd the footer; hospital codes seen in practice ("0520 1307", "HEM-012",
/// "PAT-INF-2016-014") are far shorter.
pub const MAX_CODE_CHARS: usize = 24;
/// A version above this is a typo (a date typed as a version), not a revision count.
pub const MAX_VERSION: u32 = 999;
/// Longer addresses make a QR code too dense to print at ≥ 0.5 mm modules beside its text,
/// and are not typed by a patient from the paper either: give the leaflet a short address.
pub const MAX_ADDRESS_CHARS: usize = 120;

/// The checked code, version and address, or located errors.
pub struct Control {
    pub code: Option<String>,
    pub version: Option<u32>,
    pub online: Option<String>,
}

/// Checks the three fields; `path` and `source` place the errors at their keys.
pub fn check(
    path: &Path,
    source: &str,
    code: Option<String>,
    version: Option<u32>,
    online: Option<String>,
) -> Result<Control, Vec<Diagnostic>> {
    let mut errors = Vec::new();
    let located = |field: &str, message: String| {
        let d = Diagnostic::error(path, message).field(field);
        match locate_key(source, field) {
            Some((l, c)) => d.at(l, c),
            None => d,
        }
    };
    let code = code.map(|c| c.trim().to_string());
    if let Some(c) = &code
        && let Err(why) = check_code(c)
    {
        errors.push(
            located(
                "code",
                crate::t!("code-wrong", code = c.as_str(), why = why),
            )
            .hint(crate::t!("code-wrong-hint")),
        );
    }
    if let Some(v) = version
        && !(1..=MAX_VERSION).contains(&v)
    {
        errors.push(
            located("version", crate::t!("version-wrong", version = v))
                .hint(crate::t!("version-wrong-hint")),
        );
    }
    let online = online.map(|o| o.trim().to_string());
    if let Some(o) = &online
        && let Err(why) = check_address(o)
    {
        errors.push(
            located(
                "online",
                crate::t!("online-wrong", address = o.as_str(), why = why),
            )
            .hint(crate::t!("online-wrong-hint")),
        );
    }
    if errors.is_empty() {
        Ok(Control {
            code,
            version,
            online,
        })
    } else {
        Err(errors)
    }
}

/// Letters, digits, `-`, `.`, `_` and inner spaces: what a file name, a CSV cell and a
/// footer all take as they are.
fn check_code(code: &str) -> Result<(), String> {
    if code.is_empty() {
        return Err(crate::t!("code-empty"));
    }
    if code.chars().count() > MAX_CODE_CHARS {
        return Err(crate::t!("code-too-long", max = MAX_CODE_CHARS));
    }
    match code
        .chars()
        .find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '.' | '_' | ' ')))
    {
        Some(c) => Err(crate::t!("code-bad-char", char = c.to_string())),
        None => Ok(()),
    }
}

/// `https://host.tld/path`: https only, because a QR code sends a phone to the address
/// without showing it first, and an http address can be redirected on the way.
fn check_address(address: &str) -> Result<(), String> {
    let Some(rest) = address.strip_prefix("https://") else {
        return Err(if address.starts_with("http://") {
            crate::t!("online-http")
        } else {
            crate::t!("online-not-https")
        });
    };
    if address.chars().count() > MAX_ADDRESS_CHARS {
        return Err(crate::t!("online-too-long", max = MAX_ADDRESS_CHARS));
    }
    if let Some(c) = address
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || !c.is_ascii())
    {
        return Err(if c.is_whitespace() {
            crate::t!("online-space")
        } else {
            crate::t!("online-bad-char", char = c.to_string())
        });
    }
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_ok = host.contains('.')
        && !host.starts_with('.')
        && !host.ends_with('.')
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | ':'));
    if !host_ok {
        return Err(crate::t!("online-bad-host", host = host));
    }
    Ok(())
}

/// The fields an archive name is made of, read without the shared data (planning a run
/// comes before loading `_data`).
#[derive(serde::Deserialize)]
struct ArchiveFields {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    version: Option<u32>,
    #[serde(deserialize_with = "super::iso_date")]
    revised: chrono::NaiveDate,
}

/// `HEM-012_v3_2016-03-23.pdf` for `build --archive-names`: the code (or, without one, the
/// file's own stem), the version when there is one, and the revision date, so every
/// published version keeps a file of its own. `None` when the leaflet cannot be read: it
/// then keeps its plain name and the build reports what is wrong with it.
pub fn archive_name(source: &str, stem: &str) -> Option<String> {
    let source = source.strip_prefix('\u{feff}').unwrap_or(source);
    let fields: ArchiveFields = crate::source::yaml::parse(source).ok()?;
    let code = fields
        .code
        .map(|c| c.trim().to_string())
        .filter(|c| check_code(c).is_ok())
        .unwrap_or_else(|| stem.to_string());
    // A space is fine in a footer but not in a file name sent around by e-mail.
    let code = code.replace(' ', "-");
    Some(match fields.version {
        Some(v) => format!("{code}_v{v}_{}.pdf", fields.revised),
        None => format!("{code}_{}.pdf", fields.revised),
    })
}

/// A hash of everything the leaflet prints except its version and date: what `check`
/// compares with the last build to see whether the text changed without a new version.
pub fn text_hash(leaflet: &super::Leaflet) -> String {
    use sha2::{Digest, Sha256};
    let printed = format!(
        "{:?}",
        (
            &leaflet.title,
            &leaflet.subtitle,
            &leaflet.department,
            &leaflet.authors,
            (&leaflet.route.number, &leaflet.route.description),
            &leaflet.contact.as_ref().map(|(c, _)| c),
            leaflet
                .sections
                .iter()
                .map(|s| (&s.heading, &s.body))
                .collect::<Vec<_>>(),
            leaflet.lang,
            &leaflet.code,
            &leaflet.online,
        )
    );
    Sha256::digest(printed.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The address as printed beside the QR code: without `https://`, `www.` and a final `/`.
pub fn short_address(address: &str) -> &str {
    let rest = address.strip_prefix("https://").unwrap_or(address);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    rest.strip_suffix('/').unwrap_or(rest)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(
        source: &str,
        code: Option<&str>,
        version: Option<u32>,
        online: Option<&str>,
    ) -> Vec<String> {
        match check(
            Path::new("a.yaml"),
            source,
            code.map(String::from),
            version,
            online.map(String::from),
        ) {
            Ok(_) => Vec::new(),
            Err(e) => e
                .iter()
                .map(|d| {
                    format!(
                        "{}:{} {}",
                        d.line.unwrap_or(0),
                        d.column.unwrap_or(0),
                        d.message
                    )
                })
                .collect(),
        }
    }

    #[test]
    fn accepts_codes_versions_and_secure_addresses() {
        let src = "code: HEM-012\nversion: 3\nonline: https://www.azdelta.be/hem-012\n";
        assert!(
            errors(
                src,
                Some("HEM-012"),
                Some(3),
                Some("https://www.azdelta.be/hem-012")
            )
            .is_empty()
        );
        assert_eq!(
            short_address("https://www.azdelta.be/hem-012/"),
            "azdelta.be/hem-012"
        );
    }

    #[test]
    fn archive_names_carry_code_version_and_date() {
        let src = "title: x\ncode: HEM 012\nversion: 3\nrevised: 2016-03-23\nauthors: a\n";
        assert_eq!(
            archive_name(src, "immuno").as_deref(),
            Some("HEM-012_v3_2016-03-23.pdf")
        );
        let plain = "title: x\nrevised: 2016-03-23\n";
        assert_eq!(
            archive_name(plain, "immuno").as_deref(),
            Some("immuno_2016-03-23.pdf")
        );
        assert_eq!(archive_name("title: [", "immuno"), None);
    }

    #[test]
    fn refuses_at_the_key() {
        let src = "title: x\ncode: HEM/012\nversion: 0\nonline: http://azdelta.be/x\n";
        assert_eq!(
            errors(src, Some("HEM/012"), Some(0), Some("http://azdelta.be/x")),
            [
                "2:1 the code `HEM/012` holds “/”; a code may hold letters, digits, `-`, `.` and `_`",
                "3:1 the version 0 cannot be right",
                "4:1 the address `http://azdelta.be/x` is not secure (http); the QR code takes only https:// addresses",
            ]
        );
        assert_eq!(
            errors("online: x\n", None, None, Some("https://localhost/a b")),
            ["1:1 the address `https://localhost/a b` holds a space"]
        );
        assert_eq!(
            errors("online: x\n", None, None, Some("https://localhost/ab")),
            ["1:1 the address `https://localhost/ab` has no valid host name (`localhost`)"]
        );
    }
}
