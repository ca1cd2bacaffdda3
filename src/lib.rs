//! leaflet: hospital patient leaflets from YAML to print-ready A5 PDF.
//!
//! The pipeline, one module a stage, plain data between them:
//! YAML ([`source`]: the one serde_yaml caller, and the traps YAML sets for authors) →
//! [`model`] (checked `Leaflet`, its fields mapped onto the source) → [`document`] (styled
//! blocks; every Markdown construct typeset or refused at its place) → [`layout`] (pages of
//! positioned glyphs) → [`pdf`] (bytes). [`batch`] runs it over a library; [`cli`] is the
//! command line.
//!
//! Authoring, for the secretariat: [`check`] (with [`lint`] and [`sourcemap`]) finds
//! mistakes without building; [`authoring`] writes new leaflets ([`scaffold`]) and imports
//! plain-text ones ([`import`]); [`schema`] describes the format to editors;
//! `model::yaml_errors` words the parser's complaints for people.
//!
//! Diagnostics are returned by value on purpose (hence the `result_large_err` allowance):
//! errors are rare, and carry everything a secretary needs to act on.

#![allow(clippy::result_large_err)]

pub mod authoring;
pub mod batch;
pub mod build_report;
pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod document;
pub mod fix;
pub mod i18n;
pub mod identity;
pub mod images;
pub mod import;
pub mod impose;
pub mod lang;
pub mod layout;
pub mod lint;
pub mod model;
pub mod pdf;
pub mod pdfx;
pub mod pipeline;
pub mod placement;
pub mod preflight;
pub mod preview;
pub mod qr;
pub mod report;
pub mod scaffold;
pub mod schema;
pub mod serve;
pub mod shared;
pub mod source;
pub mod sourcemap;
pub mod style;
pub mod text;
pub mod watch;
