//! The one module that calls serde_yaml. It is archived, but it is the parser the format
//! was defined against; keeping every call here means replacing it (by a parser that keeps
//! spans) touches one file.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// A YAML parse or type error, with serde_yaml's location.
pub type Error = serde_yaml::Error;

/// Parses a whole document into `T`.
pub fn parse<T: DeserializeOwned>(source: &str) -> Result<T, Error> {
    serde_yaml::from_str(source)
}

/// Parses one top-level key's value into `T`, when the document parses at all and has that
/// key as a mapping: `Some(Err)` says why the value is not a `T`.
pub fn parse_key_mapping<T: DeserializeOwned>(source: &str, key: &str) -> Option<Result<T, Error>> {
    let doc: serde_yaml::Value = serde_yaml::from_str(source).ok()?;
    let value = doc.get(key)?.clone();
    value.is_mapping().then(|| serde_yaml::from_value(value))
}

/// A value written as YAML: plain when it reads back as the same value, quoted otherwise
/// (`yes`, `105` or `a: b` as strings are quoted).
pub fn to_yaml<T: Serialize + ?Sized>(value: &T) -> String {
    serde_yaml::to_string(value)
        .expect("a string serialises")
        .trim_end_matches('\n')
        .to_string()
}

/// Where the parser stopped, as (line, column), both from 1.
pub fn location(e: &Error) -> Option<(usize, usize)> {
    e.location().map(|l| (l.line(), l.column()))
}

/// The parser's message without its " at line X column Y" tail (the location is printed
/// separately, from [`location`]).
pub fn message(e: &Error) -> String {
    let msg = e.to_string();
    msg.split(" at line ").next().unwrap_or(&msg).to_string()
}

/// A top-level key written as text, whatever its YAML type (`105:` is a number to YAML).
fn key_text(v: &serde_yaml::Value) -> String {
    match v {
        serde_yaml::Value::Number(n) => n.to_string(),
        serde_yaml::Value::String(s) => s.trim().to_string(),
        serde_yaml::Value::Bool(b) => b.to_string(),
        other => format!("{other:?}"),
    }
}

/// A flat `key: text` file (routes): each top-level key with its value when the value is a
/// string, `None` when it is anything else (so the caller can say which key is wrong).
pub fn text_entries(source: &str) -> Result<Vec<(String, Option<String>)>, Error> {
    let map: Option<serde_yaml::Mapping> = serde_yaml::from_str(source)?;
    Ok(map
        .unwrap_or_default()
        .into_iter()
        .map(|(k, v)| {
            let text = match v {
                serde_yaml::Value::String(s) => Some(s.trim().to_string()),
                _ => None,
            };
            (key_text(&k), text)
        })
        .collect())
}

/// Top-level mappings laid over each other, key by key: the `_data/` cascade of the house
/// style, where a sub-folder's `style.yaml` overrides only the settings it names.
#[derive(Debug, Default)]
pub struct Layers {
    merged: serde_yaml::Mapping,
}

impl Layers {
    /// Lays `source` over what is there; returns the top-level keys it set.
    pub fn overlay(&mut self, source: &str) -> Result<Vec<String>, Error> {
        let map: Option<serde_yaml::Mapping> = serde_yaml::from_str(source)?;
        let mut keys = Vec::new();
        for (k, v) in map.unwrap_or_default() {
            keys.push(key_text(&k));
            self.merged.insert(k, v);
        }
        Ok(keys)
    }

    /// The merged mapping read as `T`.
    pub fn parse<T: DeserializeOwned>(self) -> Result<T, Error> {
        serde_yaml::from_value(serde_yaml::Value::Mapping(self.merged))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn later_layers_override_only_the_keys_they_name() {
        let mut layers = Layers::default();
        assert_eq!(layers.overlay("a: 1\nb: 2\n").unwrap(), ["a", "b"]);
        assert_eq!(layers.overlay("b: 3\n").unwrap(), ["b"]);
        let merged: BTreeMap<String, i32> = layers.parse().unwrap();
        assert_eq!(merged, BTreeMap::from([("a".into(), 1), ("b".into(), 3)]));
    }

    #[test]
    fn numeric_keys_read_as_text_and_non_text_values_are_named() {
        let entries = text_entries("105: dagziekenhuis\n106: [x]\n").unwrap();
        assert_eq!(
            entries,
            [
                ("105".to_string(), Some("dagziekenhuis".to_string())),
                ("106".to_string(), None)
            ]
        );
    }

    #[test]
    fn a_location_is_given_and_kept_out_of_the_message() {
        let e = parse::<BTreeMap<String, String>>("a: b\n  c: d\n").unwrap_err();
        assert!(location(&e).is_some());
        assert!(!message(&e).contains(" at line "), "{}", message(&e));
    }
}
