//! Figures refused or adjusted where they are written: no alt text, hostile and broken
//! files, too few pixels for their size, too tall for the page.

mod common;

use common::figures::*;
use leaflet_printer::pdf::Target;

#[test]
fn a_figure_without_alt_text_is_refused_at_its_entry() {
    let dir = scratch();
    let path = one_figure(dir.path(), "figuren/arm.svg", "        width: 50 %\n");
    assert_eq!(
        errors_of(&path, Target::Office),
        vec![(
            "the figure `figuren/arm.svg` has no alt text".to_string(),
            Some(9),
            Some(9),
            Some("sections[0].figures[0].alt".to_string())
        )]
    );
    // An empty alt is no alt either, placed at its own key.
    let path = one_figure(dir.path(), "figuren/arm.svg", "        alt: \"  \"\n");
    assert_eq!(
        errors_of(&path, Target::Office),
        vec![(
            "the figure `figuren/arm.svg` has no alt text".to_string(),
            Some(10),
            Some(9),
            Some("sections[0].figures[0].alt".to_string())
        )]
    );
}

#[test]
fn hostile_and_broken_picture_files_end_in_a_located_refusal() {
    let dir = scratch();
    let figs = dir.path().join("figuren");
    let jpeg = std::fs::read(figs.join("foto.jpg")).unwrap();
    let png = std::fs::read(figs.join("stip.png")).unwrap();
    std::fs::write(figs.join("leeg.png"), b"").unwrap();
    std::fs::write(figs.join("kort.jpg"), &jpeg[..300]).unwrap();
    std::fs::write(figs.join("kort.png"), &png[..png.len() / 2]).unwrap();
    std::fs::write(figs.join("foto.png"), &jpeg).unwrap();
    std::fs::write(figs.join("tekst.png"), b"dit is geen afbeelding\n").unwrap();
    // A PNG header claiming 100,000 x 100,000 pixels (a decompression bomb's shape).
    let mut bomb = png.clone();
    bomb[16..20].copy_from_slice(&100_000u32.to_be_bytes());
    bomb[20..24].copy_from_slice(&100_000u32.to_be_bytes());
    let crc = crc32(&bomb[12..29]);
    bomb[29..33].copy_from_slice(&crc.to_be_bytes());
    std::fs::write(figs.join("bom.png"), &bomb).unwrap();
    // A JPEG frame header claiming 65,535 x 65,535 pixels.
    let mut huge = jpeg.clone();
    let sof = huge.windows(2).position(|w| w == [0xFF, 0xC0]).unwrap();
    huge[sof + 5..sof + 9].copy_from_slice(&[0xFF, 0xFF, 0xFF, 0xFF]);
    std::fs::write(figs.join("groot.jpg"), &huge).unwrap();
    // SVG: entity expansion, a canvas of a kilometre, no drawing, broken XML.
    std::fs::write(
        figs.join("lach.svg"),
        "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><text>&g;</text></svg>",
    )
    .unwrap();
    std::fs::write(
        figs.join("reus.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000000\" height=\"10\"><rect width=\"5\" height=\"5\"/></svg>",
    )
    .unwrap();
    std::fs::write(
        figs.join("niets.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>",
    )
    .unwrap();
    std::fs::write(
        figs.join("stuk.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\"><rect",
    )
    .unwrap();
    // A picture outside the library, by `..` and by a symbolic link.
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("buiten.jpg"), &jpeg).unwrap();
    let up = format!(
        "../{}/buiten.jpg",
        outside.path().file_name().unwrap().to_str().unwrap()
    );
    std::fs::copy(
        figs.join("foto.jpg"),
        dir.path().parent().unwrap().join("naast.jpg"),
    )
    .ok();
    #[cfg(unix)]
    std::os::unix::fs::symlink(outside.path().join("buiten.jpg"), figs.join("link.jpg")).unwrap();

    let cases: Vec<(&str, &str)> = vec![
        (
            "figuren/leeg.png",
            "the figure `figuren/leeg.png`: the picture file is empty (0 bytes)",
        ),
        (
            "figuren/kort.jpg",
            "the figure `figuren/kort.jpg`: the JPEG file is cut short or damaged",
        ),
        (
            "figuren/kort.png",
            "the figure `figuren/kort.png`: the PNG file cannot be read: it is cut short",
        ),
        (
            "figuren/foto.png",
            "the figure `figuren/foto.png`: the file holds a JPEG picture but its name ends in `.png`",
        ),
        (
            "figuren/tekst.png",
            "the figure `figuren/tekst.png`: this file is not a PNG, JPEG or SVG picture",
        ),
        (
            "figuren/bom.png",
            "the figure `figuren/bom.png`: the picture is 100000 × 100000 pixels; at most 40 million pixels are placed",
        ),
        (
            "figuren/groot.jpg",
            "the figure `figuren/groot.jpg`: the picture is 65535 × 65535 pixels; at most 40 million pixels are placed",
        ),
        (
            "figuren/reus.svg",
            "the figure `figuren/reus.svg`: the SVG's canvas is 1000000 × 10 pixels; at most 100000 across",
        ),
        (
            "figuren/niets.svg",
            "the figure `figuren/niets.svg`: the SVG file draws nothing",
        ),
        (
            "figuren/weg.png",
            "there is no picture `figuren/weg.png` next to the leaflet",
        ),
        (
            "/etc/hosts",
            "`/etc/hosts` is an absolute path; a figure is named relative to the leaflet",
        ),
    ];
    for (file, message) in cases {
        let path = one_figure(dir.path(), file, "        alt: Iets.\n");
        let found = errors_of(&path, Target::Office);
        assert_eq!(found.len(), 1, "{file}: {found:?}");
        assert_eq!(found[0].0, message, "{file}");
        assert_eq!((found[0].1, found[0].2), (Some(9), Some(9)), "{file}");
        assert_eq!(
            found[0].3.as_deref(),
            Some("sections[0].figures[0].file"),
            "{file}"
        );
    }
    let started = std::time::Instant::now();
    for file in ["figuren/lach.svg", "figuren/stuk.svg"] {
        let path = one_figure(dir.path(), file, "        alt: Iets.\n");
        let found = errors_of(&path, Target::Office);
        assert_eq!(found.len(), 1, "{file}: {found:?}");
        assert!(
            found[0]
                .0
                .starts_with(&format!("the figure `{file}`: the SVG file cannot be read")),
            "{found:?}"
        );
        assert_eq!(found[0].1, Some(9));
    }
    assert!(
        started.elapsed().as_secs() < 5,
        "an SVG bomb took {:?}",
        started.elapsed()
    );
    let library = std::fs::canonicalize(dir.path()).unwrap();
    for file in [up.as_str(), "figuren/link.jpg"] {
        let path = one_figure(dir.path(), file, "        alt: Iets.\n");
        let found = errors_of(&path, Target::Office);
        assert_eq!(
            found[0].0,
            format!(
                "`{file}` lies outside the leaflet library ({})",
                library.display()
            ),
        );
        assert_eq!(found[0].1, Some(9));
    }
}

#[test]
fn resolution_is_judged_at_the_placed_size() {
    let dir = scratch();
    // 100 pixels over 50 % of 116 mm: 44 ppi.
    let path = one_figure(
        dir.path(),
        "figuren/klein.jpg",
        "        alt: Iets.\n        width: 50 %\n",
    );
    assert_eq!(
        errors_of(&path, Target::Print { marks: false }),
        vec![(
            "the figure prints at 44 ppi at its size (58 mm wide); print needs 300".to_string(),
            Some(9),
            Some(9),
            Some("sections[0].figures[0].width".to_string())
        )]
    );
    // The office printer gets it, with a warning at the same place.
    let built = build(&path, Target::Office).unwrap();
    let w = built
        .warnings
        .iter()
        .find(|d| d.message.contains("ppi"))
        .unwrap();
    assert_eq!((w.line, w.column), (Some(9), Some(9)));
    // 600 pixels over 70 %: 188 ppi, a warning for print.
    let path = one_figure(
        dir.path(),
        "figuren/foto.jpg",
        "        alt: Iets.\n        width: 70 %\n",
    );
    let built = build(&path, Target::Print { marks: false }).unwrap();
    let w: Vec<&str> = built
        .warnings
        .iter()
        .map(|d| d.message.as_str())
        .filter(|m| m.contains("ppi"))
        .collect();
    assert_eq!(
        w,
        vec!["the figure prints at 188 ppi at its size (81 mm wide); print needs 300"]
    );
}

#[test]
fn a_figure_too_tall_for_the_page_is_scaled_down_with_a_warning() {
    let dir = scratch();
    std::fs::write(
        dir.path().join("figuren/hoog.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"400\"><rect width=\"100\" height=\"400\" fill=\"#0a5ca8\"/></svg>",
    )
    .unwrap();
    let path = one_figure(
        dir.path(),
        "figuren/hoog.svg",
        "        alt: Een hoge balk.\n        caption: Een hoge balk.\n",
    );
    let built = build(&path, Target::Office).unwrap();
    let w: Vec<_> = built
        .warnings
        .iter()
        .filter(|d| d.message.starts_with("the figure is too tall"))
        .map(|d| (d.line, d.field.clone()))
        .collect();
    assert_eq!(
        w,
        vec![(Some(9), Some("sections[0].figures[0].width".to_string()))]
    );
    // On its page, with its caption, inside the text area.
    let (p, image) = built
        .layout
        .pages
        .iter()
        .enumerate()
        .find_map(|(n, page)| {
            page.items.iter().find_map(|i| match i {
                leaflet_printer::layout::PageItem::Image(im)
                    if im.block > 0 && im.alt == "Een hoge balk." =>
                {
                    Some((n, im.clone()))
                }
                _ => None,
            })
        })
        .unwrap();
    assert!(
        (image.height / image.width - 4.0).abs() < 0.01,
        "the shape is kept"
    );
    let page = lines(&built.layout.pages[p]);
    let (caption, _) = page
        .iter()
        .find(|(_, t)| t == "Een hoge balk.")
        .expect("the caption shares the figure's page");
    let (footer, _) = page.iter().find(|(_, t)| t.starts_with("Laatst")).unwrap();
    assert!(image.y + image.height < *caption && caption < footer);
}
