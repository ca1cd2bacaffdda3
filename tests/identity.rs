//! The hospital's identity: the colophon with its logo, the logo in the brand's CMYK, and
//! the manifest rebuilding exactly the leaflets a picture or the logo reaches.

mod common;

use common::figures::*;
use common::{counts, leaflet, stderr};
use leaflet_printer::pdf::Target;
use leaflet_printer::shared::{SharedData, find_data_dir};
use lopdf::{Document, content::Content};

#[test]
fn the_colophon_prints_the_hospital_under_its_logo_on_the_last_page() {
    let built = build(&fixtures().join("tekst.yaml"), Target::Office).unwrap();
    let last = built.layout.pages.last().unwrap();
    let text: Vec<String> = lines(last).into_iter().map(|(_, t)| t).collect();
    let at = text
        .iter()
        .position(|t| t == "AZ Voorbeeld")
        .expect("the name is printed");
    assert_eq!(
        text[at..at + 3],
        [
            "AZ Voorbeeld",
            "Voorbeeldstraat 1, 2000 Antwerpen",
            "tel. 03 000 00 00 · www.azvoorbeeld.be"
        ],
        "{text:?}"
    );
    let logo = last
        .items
        .iter()
        .find_map(|i| match i {
            leaflet_printer::layout::PageItem::Image(p) => Some(p.clone()),
            _ => None,
        })
        .expect("the logo is on the last page");
    assert_eq!(logo.alt, "Logo van AZ Voorbeeld");
    // 32 mm wide, above the name.
    assert!(
        (logo.width - 32.0 * 72.0 / 25.4).abs() < 0.01,
        "{}",
        logo.width
    );
    let (name_y, _) = lines(last)
        .into_iter()
        .find(|(_, t)| t == "AZ Voorbeeld")
        .unwrap();
    assert!(logo.y + logo.height < name_y);
}

#[test]
fn editing_the_logo_rebuilds_every_leaflet_and_a_figure_only_its_own() {
    let dir = scratch();
    let out = dir.path().join("uit");
    let lib = dir.path().to_str().unwrap().to_string();
    let args = ["build", lib.as_str(), "-o", out.to_str().unwrap()];
    let run = || leaflet(dir.path(), &args);
    let first = run();
    assert_eq!(counts(&first), (2, 0, 0), "{}", stderr(&first));
    assert_eq!(counts(&run()), (0, 2, 0));
    let uses = manifest_uses(&out);
    let foto = std::fs::canonicalize(dir.path().join("figuren/foto.jpg")).unwrap();
    // Keyed as written in the leaflet, found again on every run (a retargeted link counts).
    assert!(
        uses["figuren.pdf"].contains(&"figure:figuren/foto.jpg".to_string()),
        "{uses:?}"
    );
    assert!(!uses["tekst.pdf"].iter().any(|u| u.starts_with("figure:")));

    // A figure: only the leaflet that places it.
    let mut bytes = std::fs::read(&foto).unwrap();
    bytes.extend_from_slice(b"\xFF\xFE\x00\x04hi");
    std::fs::write(&foto, &bytes).unwrap();
    let after_figure = run();
    assert_eq!(
        counts(&after_figure),
        (1, 1, 0),
        "{}",
        common::stdout(&after_figure)
    );
    assert!(
        stderr(&after_figure).contains("built figuren.pdf"),
        "{}",
        stderr(&after_figure)
    );

    // The logo: every leaflet.
    let logo = dir.path().join("_data/logo.svg");
    let svg = std::fs::read_to_string(&logo)
        .unwrap()
        .replace("#e07b00", "#d06a00");
    std::fs::write(&logo, svg).unwrap();
    assert_eq!(counts(&run()), (2, 0, 0));
    assert_eq!(counts(&run()), (0, 2, 0));
}

#[test]
fn the_logo_prints_in_the_brand_cmyk_of_the_style() {
    let built = build(
        &fixtures().join("tekst.yaml"),
        Target::Print { marks: false },
    )
    .unwrap();
    let doc = Document::load_mem(&built.pdf).unwrap();
    let mut fills: Vec<Vec<f32>> = Vec::new();
    let mut rgb_fills = 0;
    for o in doc.objects.values() {
        let Ok(s) = o.as_stream() else { continue };
        if s.dict.get(b"Subtype").ok().map(name_of).as_deref() != Some("Form") {
            continue;
        }
        let content = s.decompressed_content().unwrap_or(s.content.clone());
        for op in Content::decode(&content).unwrap().operations {
            match op.operator.as_str() {
                "k" => fills.push(op.operands.iter().map(|v| v.as_float().unwrap()).collect()),
                "sc" | "scn" if op.operands.len() == 3 => rgb_fills += 1,
                _ => {}
            }
        }
    }
    fills.sort_by(|a, b| a.partial_cmp(b).unwrap());
    fills.dedup();
    assert_eq!(
        fills,
        vec![vec![0.0, 0.6, 1.0, 0.0], vec![1.0, 0.45, 0.0, 0.1]]
    );
    // The white cross is not a brand colour: it stays as drawn.
    assert_eq!(rgb_fills, 1);
    let checks = leaflet_printer::preflight::check_bytes(&built.pdf);
    assert!(checks.iter().all(|c| c.passed), "{checks:#?}");
}

#[test]
fn a_brand_colour_out_of_range_is_refused_in_the_style_file() {
    let dir = scratch();
    let style = dir.path().join("_data/style.yaml");
    std::fs::write(
        &style,
        "# huisstijl\nlogo_colors:\n  \"#0a5ca8\": {c: 1, m: 1, y: 1, k: 1}\n  blauw: {c: 1, m: 0, y: 0, k: 0}\n",
    )
    .unwrap();
    let errors = SharedData::load(find_data_dir(dir.path()).as_deref()).unwrap_err();
    let got: Vec<_> = errors
        .iter()
        .map(|d| (d.message.as_str(), d.line, d.field.as_deref()))
        .collect();
    assert_eq!(
        got,
        vec![
            (
                "the brand colour for #0a5ca8 has 400 % ink in total; the print shop allows at most 300 %",
                Some(2),
                Some("logo_colors.#0a5ca8")
            ),
            (
                "`blauw` is not a colour of the logo",
                Some(2),
                Some("logo_colors")
            ),
        ]
    );
    assert!(errors.iter().all(|d| d.file == style));
}
