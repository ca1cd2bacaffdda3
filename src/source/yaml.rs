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
