use leaflet_printer::{model, pipeline, shared::SharedData};
use std::path::Path;
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let needle = std::env::args().nth(2).unwrap();
    let src = std::fs::read_to_string(&p).unwrap();
    let shared = SharedData::load(Some(Path::new("leaflets/_data"))).unwrap();
    let engine = pipeline::Engine::new(&shared.hyphenation);
    let l = model::parse(Path::new(&p), &src, &shared).unwrap();
    let (_, layout) = pipeline::typeset(&engine, &shared, Path::new(&p), &src, &l).unwrap();
    for page in &layout.pages {
        for r in page.runs() {
            if r.text().contains(&needle) {
                println!("x={} right={} glyphs:", r.x, r.right());
                for g in &r.glyphs {
                    print!("[{} x={:.2} adv={:.2}]", g.text, g.x, g.advance);
                }
                println!();
            }
        }
    }
}
