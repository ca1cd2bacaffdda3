//! The `--report` rows of the typography fixtures in both alignments (`-l`: at 16 pt), and
//! for ragged text the count that bounds the rag p95 from below: non-final lines more than
//! 8 % short whose next word cannot come up (even with spaces at 0.9×) and may not be
//! hyphenated because the line is its paragraph's last full line (issue 13, docs/notes/issue-13.md).
//! `-v` prints every line; `-b` every hyphenation break with `leaflet hyphenate`'s analysis of
//! its word; `--dir PATH` reads another library (default: the fixtures).
//! Run: `cargo run --release --example typography_figures -- [-v] [-l] [-b] [--dir leaflets]`.

use leaflet_printer::model;
use leaflet_printer::pipeline::{self, Engine};
use leaflet_printer::report;
use leaflet_printer::shared::SharedData;
use leaflet_printer::style::Align;
use std::path::Path;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let verbose = args.iter().any(|a| a == "-v");
    let large = args.iter().any(|a| a == "-l");
    let breaks = args.iter().any(|a| a == "-b");
    let dir = args
        .iter()
        .position(|a| a == "--dir")
        .and_then(|k| args.get(k + 1))
        .map_or("tests/typography/leaflets", String::as_str);
    let dir = Path::new(dir);
    let base = SharedData::load(Some(&dir.join("_data"))).unwrap();
    let engine = Engine::new(&base.hyphenation);
    // Large print is ragged only (its house style); justified is shown for comparison.
    for align in [Align::Left, Align::Justify] {
        let mut s = base.clone();
        if large {
            s.style = leaflet_printer::style::large_print(&s.style);
        }
        s.style.align = align;
        println!("{}", report::header());
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
            .collect();
        names.sort();
        for p in names {
            let src = std::fs::read_to_string(&p).unwrap();
            let lf = model::parse(&p, &src, &s).unwrap();
            let layout = pipeline::typeset(&engine, &s, &p, &src, &lf).unwrap().1;
            let q = report::quality(&layout);
            println!(
                "{}",
                report::row(p.file_stem().unwrap().to_str().unwrap(), &q)
            );
            if q.ragged {
                // Word spaces of the lines that make the rag (median/p95/max, set ÷ natural).
                let mut spaces: Vec<f32> = layout
                    .lines
                    .iter()
                    .filter(|l| !l.last_of_paragraph && !l.justified)
                    .filter(|l| {
                        matches!(
                            l.kind,
                            leaflet_printer::document::BlockKind::Paragraph
                                | leaflet_printer::document::BlockKind::ListItem
                        )
                    })
                    .filter_map(|l| l.space_ratio)
                    .collect();
                spaces.sort_by(f32::total_cmp);
                let at = |p: f32| {
                    let rank = ((p / 100.0) * spaces.len() as f32).ceil() as usize;
                    spaces[rank.clamp(1, spaces.len()) - 1]
                };
                let opened = spaces.iter().filter(|&&r| r > 1.0001).count();
                println!(
                    "   ragged word spaces: median {:.2}, p95 {:.2}, max {:.2}; {opened} of {} lines opened",
                    at(50.0),
                    at(95.0),
                    at(100.0),
                    spaces.len()
                );
            }
            if breaks {
                for pair in layout.lines.windows(2).filter(|p| p[0].hyphenated) {
                    let end = pair[0].text.rsplit(' ').next().unwrap_or("");
                    let start = pair[1].text.split(' ').next().unwrap_or("");
                    let word: String = format!("{}{}", end.trim_end_matches('-'), start)
                        .chars()
                        .filter(|c| c.is_alphanumeric() || *c == '-')
                        .collect();
                    println!(
                        "   | {align:?} | {} | {end}/{start} | {} |",
                        p.file_stem().unwrap().to_str().unwrap(),
                        engine.hyphenator.explain(&word)
                    );
                }
            }
            if verbose {
                for l in &layout.lines {
                    println!(
                        "   {:?} {} {:5.1}% {:?} {} {}",
                        l.kind,
                        if l.last_of_paragraph { "L" } else { " " },
                        l.shortfall * 100.0,
                        l.space_ratio.map(|r| (r * 100.0).round() / 100.0),
                        if l.hyphenated { "H" } else { " " },
                        l.text
                    );
                }
            }
            if !matches!(align, Align::Left) {
                continue;
            }
            let fonts = leaflet_printer::text::fonts::Fonts::embedded();
            let size = s.style.body_size;
            let measure = s.style.measure();
            let sc = fonts
                .face(leaflet_printer::text::fonts::FaceId::Regular)
                .scale(size);
            let wid = |t: &str| {
                fonts
                    .shape(leaflet_printer::text::fonts::FaceId::Regular, t)
                    .iter()
                    .map(|g| g.advance)
                    .sum::<f32>()
                    * sc
            };
            let space = wid(" ");
            let mut nonfinal = 0;
            let mut forced = 0;
            let mut strict = 0;
            for (k, l) in layout.lines.iter().enumerate() {
                if !matches!(
                    l.kind,
                    leaflet_printer::document::BlockKind::Paragraph
                        | leaflet_printer::document::BlockKind::ListItem
                ) || l.last_of_paragraph
                {
                    continue;
                }
                nonfinal += 1;
                let next = &layout.lines[k + 1];
                if !next.last_of_paragraph || l.hyphenated {
                    continue;
                }
                let first = next.text.split(' ').next().unwrap();
                let spaces = l.text.matches(' ').count() as f32;
                let room = l.shortfall * measure + spaces * space * 0.1;
                // the next word cannot come up whole, and may not be hyphenated here
                if l.shortfall > 0.08 && wid(first) + space * 0.9 > room {
                    forced += 1;
                    let first_line = k == 0 || layout.lines[k - 1].block != l.block;
                    if first_line {
                        strict += 1;
                    }
                    if verbose {
                        println!(
                            "   FORCED{} {:.1}% {} / {}",
                            if first_line {
                                " (two-line paragraph)"
                            } else {
                                ""
                            },
                            l.shortfall * 100.0,
                            l.text,
                            first
                        );
                    }
                }
            }
            let allowed = nonfinal - (0.95 * nonfinal as f32).ceil() as usize;
            println!(
                "   non-final {nonfinal}, allowed above 8% by p95: {allowed}, locally forced above 8% by the final-hyphen rule: {forced}, of which in two-line paragraphs (no other breaks at all): {strict}"
            );
        }
    }
}
