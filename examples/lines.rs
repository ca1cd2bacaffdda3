use leaflet_printer::{model, pipeline, shared::SharedData};
use std::path::Path;
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let src = std::fs::read_to_string(&p).unwrap();
    let shared = SharedData::load(Some(Path::new("leaflets/_data"))).unwrap();
    let engine = pipeline::Engine::new(&shared.hyphenation);
    let l = model::parse(Path::new(&p), &src, &shared).unwrap();
    let (_, layout) = pipeline::typeset(&engine, &shared, Path::new(&p), &src, &l).unwrap();
    for s in &layout.lines {
        println!(
            "{:>5} {} {} {}",
            s.space_ratio
                .map(|r| format!("{r:.2}"))
                .unwrap_or("-".into()),
            if s.hyphenated { "H" } else { " " },
            if s.last_of_paragraph { "L" } else { " " },
            s.text
        );
    }
}
