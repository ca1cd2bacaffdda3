//! Why a leaflet was rebuilt, in words: "ct-scan.pdf — route 42 changed". A secretary who
//! edited one route wants to see exactly the leaflets that print it come back, and why.

use super::manifest::Entry;
use crate::t;
use std::collections::BTreeMap;

/// What made a leaflet's PDF out of date. Several can hold at once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// `--force`.
    Forced,
    /// A new version of the tool: every PDF is made again.
    Tool,
    /// Never built into this folder (or built from a leaflet file elsewhere).
    New,
    /// The last attempt failed.
    Failed,
    /// Other extra outputs asked for (`--booklet`, `--two-up`, `--large-print`).
    Outputs,
    /// One of its PDFs is missing or was changed behind the tool's back.
    FileChanged(String),
    /// The leaflet's own text.
    Text,
    /// The house style or the hyphenation exceptions.
    Style,
    /// A shared entry it prints, as `route:42`, `contact:radiologie` or
    /// `figure:figuren/arm.svg`.
    Shared(String),
    /// The inputs differ, but a manifest from an older version cannot say which.
    Inputs,
}

impl Reason {
    /// The reason for people, in the current language.
    pub fn describe(&self) -> String {
        match self {
            Reason::Forced => t!("reason-forced"),
            Reason::Tool => t!("reason-tool"),
            Reason::New => t!("reason-new"),
            Reason::Failed => t!("reason-failed"),
            Reason::Outputs => t!("reason-outputs"),
            Reason::FileChanged(name) => t!("reason-file", name = name.as_str()),
            Reason::Text => t!("reason-text"),
            Reason::Style => t!("reason-style"),
            Reason::Shared(key) => match key.split_once(':') {
                Some(("route", k)) => t!("reason-route", key = k),
                Some(("figure", k)) => t!("reason-figure", file = k),
                Some((_, k)) => t!("reason-contact", key = k),
                None => t!("reason-inputs"),
            },
            Reason::Inputs => t!("reason-inputs"),
        }
    }
}

/// All reasons, joined: "tekst gewijzigd, route 42 gewijzigd".
pub fn describe_all(reasons: &[Reason]) -> String {
    reasons
        .iter()
        .map(Reason::describe)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which recorded part of the inputs changed, comparing the hashes of each part (the
/// style, the text, every shared entry used) kept in the old entry with today's.
pub fn changed_parts(old: &Entry, now: &BTreeMap<String, String>) -> Vec<Reason> {
    if old.parts.is_empty() {
        return vec![Reason::Inputs];
    }
    let mut out = Vec::new();
    for (part, hash) in &old.parts {
        if now.get(part) == Some(hash) {
            continue;
        }
        out.push(match part.as_str() {
            STYLE => Reason::Style,
            TEXT => Reason::Text,
            key => Reason::Shared(key.to_string()),
        });
    }
    // Text first: when the author edited the leaflet, that is the news.
    out.sort_by_key(|r| !matches!(r, Reason::Text));
    if out.is_empty() {
        out.push(Reason::Inputs);
    }
    out
}

/// The part names for the house style and the leaflet's own text; shared entries use their
/// `route:42` key.
pub const STYLE: &str = "style";
pub const TEXT: &str = "text";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, scoped};

    fn entry(parts: &[(&str, &str)]) -> Entry {
        let mut e: Entry = serde_json::from_str(
            r#"{"source":"a.yaml","inputs":"x","title":"","revised":"","authors":"",
                "route":"","pages":1,"sha256":""}"#,
        )
        .unwrap();
        e.parts = parts
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        e
    }

    #[test]
    fn the_changed_shared_entry_is_named() {
        let old = entry(&[("style", "s"), ("text", "t"), ("route:42", "r1")]);
        let now: BTreeMap<String, String> = [("style", "s"), ("text", "t"), ("route:42", "r2")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let reasons = changed_parts(&old, &now);
        assert_eq!(reasons, [Reason::Shared("route:42".into())]);
        assert_eq!(
            scoped(Lang::Nl, || describe_all(&reasons)),
            "route 42 gewijzigd"
        );
        assert_eq!(
            scoped(Lang::En, || describe_all(&reasons)),
            "route 42 changed"
        );
    }

    #[test]
    fn an_old_manifest_without_parts_says_inputs() {
        assert_eq!(
            changed_parts(&entry(&[]), &BTreeMap::new()),
            [Reason::Inputs]
        );
    }
}
