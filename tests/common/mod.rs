//! Helpers shared by the integration tests: building leaflets and reading PDFs back.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs the `leaflet` binary with `args` in `dir`.
pub fn leaflet(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_leaflet"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("the leaflet binary runs")
}

/// Every shipped leaflet file.
pub fn shipped_leaflets() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(repo().join("leaflets"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    v.sort();
    v
}

/// The PDF's text, with words broken by a hyphen at a line end joined again.
pub fn pdf_text(pdf: &[u8]) -> String {
    let text = pdf_extract::extract_text_from_mem(pdf).expect("the PDF's text can be read");
    text.replace("-\n", "").replace("\u{a0}", " ")
}

/// The words of a text, lower-cased, without punctuation, for word-for-word comparison.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}')
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}
