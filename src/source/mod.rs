//! Reading a leaflet's source: files from disk, safely (regular files only, size limits,
//! encodings); the YAML parser (the one module that calls serde_yaml); and what the parser
//! cannot tell us about the text as typed (traps, typed bullets).

pub mod bullets;
pub mod file;
pub mod library;
pub mod traps;
pub mod yaml;
