//! In-process benchmarks of one leaflet, so a change in any stage shows up as a number
//! before it shows up as a slow nightly build.
//!
//! The whole-process and whole-library figures (start-up, disk, the manifest) are measured by
//! `scripts/bench.sh`; here the run-wide resources are loaded once, as in a batch run, and
//! the per-leaflet work is split into its stages.

use criterion::{Criterion, criterion_group, criterion_main};
use leaflet_printer::model;
use leaflet_printer::pdf::{self, Meta, Target};
use leaflet_printer::pipeline::{self, Engine};
use leaflet_printer::shared::SharedData;
use std::hint::black_box;
use std::path::{Path, PathBuf};

fn leaflets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/leaflets")
}

fn bench(c: &mut Criterion) {
    let shared = SharedData::load(Some(&leaflets().join("_data"))).expect("shared data loads");
    let path = leaflets().join("immunotherapie.yaml");
    let source = std::fs::read_to_string(&path).expect("leaflet readable");

    c.bench_function("engine_load (fonts + Dutch patterns, once per run)", |b| {
        b.iter(|| Engine::new(black_box(&shared.hyphenation)))
    });

    let engine = Engine::new(&shared.hyphenation);
    c.bench_function("one_leaflet_end_to_end (YAML to PDF bytes)", |b| {
        b.iter(|| {
            pipeline::build(&engine, &shared, &path, black_box(&source), Target::Office)
                .expect("leaflet builds")
                .pdf
        })
    });

    let leaflet = model::parse(&path, &source, &shared).expect("leaflet parses");
    c.bench_function("parse (YAML to checked leaflet)", |b| {
        b.iter(|| model::parse(&path, black_box(&source), &shared).expect("leaflet parses"))
    });
    c.bench_function(
        "layout_only (document, shaping, hyphenation, line and page breaking)",
        |b| {
            b.iter(|| {
                pipeline::typeset(&engine, &shared, &path, &source, black_box(&leaflet))
                    .expect("leaflet typesets")
            })
        },
    );

    let (_, layout) =
        pipeline::typeset(&engine, &shared, &path, &source, &leaflet).expect("leaflet typesets");
    let meta = Meta {
        title: leaflet.title.clone(),
        authors: leaflet.authors.clone(),
        revised: leaflet.revised,
        lang: "nl-BE".into(),
        code: None,
        version: None,
        online: None,
    };
    c.bench_function("pdf_only (font subsetting and serialisation)", |b| {
        b.iter(|| {
            pdf::write(
                black_box(&layout.pages),
                &meta,
                Target::Office,
                &engine.fonts,
            )
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
