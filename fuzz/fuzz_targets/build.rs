//! Arbitrary bytes through the whole pipeline: YAML parse, model checks, layout and PDF.
//!
//! Whatever a secretary (or a broken editor) puts in a leaflet file, `pipeline::build` must
//! return a PDF or diagnostics: never panic, never hang. Bytes that are not UTF-8 are turned
//! away exactly as `batch::read_leaflet` does, so the target sees what the CLI would pass on.
#![no_main]

use leaflet_printer::model::MAX_FILE_BYTES;
use leaflet_printer::pdf::Target;
use leaflet_printer::pipeline::{Engine, build};
use leaflet_printer::shared::SharedData;
use libfuzzer_sys::fuzz_target;
use std::path::Path;
use std::sync::OnceLock;

static ENGINE: OnceLock<Engine> = OnceLock::new();
static SHARED: OnceLock<SharedData> = OnceLock::new();

fn shared() -> SharedData {
    let mut shared = SharedData::default();
    // The shipped library's route, so `route: 105` resolves as in real leaflets.
    shared.routes.insert(
        "105".into(),
        "oncologisch dagziekenhuis en consultaties".into(),
    );
    shared
}

fuzz_target!(|data: &[u8]| {
    if data.len() > MAX_FILE_BYTES + 16 {
        return;
    }
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let engine = ENGINE.get_or_init(|| Engine::new(""));
    let shared = SHARED.get_or_init(shared);
    let path = Path::new("fuzz.yaml");
    match build(engine, shared, path, source, Target::Office) {
        Ok(built) => {
            assert!(!built.layout.pages.is_empty(), "a built leaflet has pages");
            assert!(built.pdf.starts_with(b"%PDF-"), "a built leaflet is a PDF");
        }
        Err(errors) => {
            assert!(!errors.is_empty(), "a failed build says why");
            for e in &errors {
                assert!(!e.message.trim().is_empty(), "an error has a message");
            }
        }
    }
});
