//! Issue 16: `build --html` writes an accessible web twin of each leaflet and an index,
//! read back with an HTML5 parser (scraper, html5ever): what a browser builds is what is
//! asserted, never a pattern in the markup.

mod common;

use common::{leaflet, repo};
use scraper::{ElementRef, Html, Selector};
use std::path::Path;

fn build(file: &str, out: &Path) -> Html {
    let o = leaflet(
        &repo().join("tests/accessibility"),
        &[
            "build",
            file,
            "--html",
            "--force",
            "-o",
            out.to_str().unwrap(),
        ],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let name = file.replace(".yaml", ".html");
    Html::parse_document(&std::fs::read_to_string(out.join(name)).unwrap())
}

fn select<'a>(html: &'a Html, css: &str) -> Vec<ElementRef<'a>> {
    html.select(&Selector::parse(css).unwrap()).collect()
}

fn text(e: &ElementRef) -> String {
    e.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn the_twin_has_the_leaflets_structure() {
    let dir = tempfile::tempdir().unwrap();
    let html = build("folder.yaml", dir.path());
    let root = select(&html, "html");
    assert_eq!(root[0].value().attr("lang"), Some("nl-BE"));
    assert_eq!(
        text(&select(&html, "title")[0]),
        "Kankerimmunotherapie thuis"
    );
    // Headings in order, one h1.
    let headings: Vec<(String, String)> = select(&html, "h1, h2, h3, h4, h5, h6")
        .iter()
        .map(|h| (h.value().name().to_string(), text(h)))
        .collect();
    assert_eq!(
        headings,
        [
            ("h1".into(), "Kankerimmunotherapie thuis".into()),
            ("h2".into(), "Wat neemt u mee?".into()),
            ("h2".into(), "Wanneer stopt u met welk geneesmiddel?".into()),
        ]
    );
    // The nested list sits inside its item; the numbered list is an ol.
    let nested = select(&html, "main > ul > li > ul > li");
    assert_eq!(
        nested.iter().map(text).collect::<Vec<_>>(),
        ["ook vrij verkrijgbare middelen"]
    );
    let numbered = select(&html, "main > ol > li");
    assert_eq!(
        numbered
            .iter()
            .map(|li| li.value().attr("value"))
            .collect::<Vec<_>>(),
        [Some("1"), Some("2")]
    );
    // Header cells label their columns.
    let th = select(&html, "table thead th");
    assert_eq!(
        th.iter()
            .map(|t| (text(t), t.value().attr("scope")))
            .collect::<Vec<_>>(),
        [
            ("Geneesmiddel".into(), Some("col")),
            ("Stoppen".into(), Some("col"))
        ]
    );
    let cells: Vec<String> = select(&html, "table tbody td").iter().map(text).collect();
    assert_eq!(
        cells,
        [
            "Bloedverdunners",
            "5 dagen vooraf",
            "Ontstekingsremmers",
            "2 dagen vooraf"
        ]
    );
    // Contact and route as a labelled aside; the revision date and authors in the footer.
    let aside = select(&html, "aside");
    assert_eq!(
        aside[0].value().attr("aria-label"),
        Some("Contact en route")
    );
    assert!(text(&aside[0]).contains("Volg route 105"));
    assert!(text(&aside[0]).contains("tel. 03 821 30 00"));
    let footer: Vec<String> = select(&html, "footer p").iter().map(text).collect();
    assert_eq!(
        footer,
        [
            "Laatst aangepast: 2 mei 2024",
            "Auteur(s): Team hematologie"
        ]
    );
    // Self-contained: no script, no external resource.
    assert!(select(&html, "script, link, img[src^=http], iframe").is_empty());
    // Every printed word of the first paragraph, whole (no hyphen from the PDF's lines).
    let first = select(&html, "main > p")[0];
    assert!(
        text(&first).contains("Uw behandelend arts bespreekt"),
        "{}",
        text(&first)
    );
}

#[test]
fn hostile_text_comes_out_as_text() {
    let dir = tempfile::tempdir().unwrap();
    let html = build("hostile.yaml", dir.path());
    // Only the page's own elements: nothing the leaflet typed became markup.
    assert!(select(&html, "script, img, b").is_empty());
    assert_eq!(
        text(&select(&html, "title")[0]),
        "Tom & Jerry <script>alert(\"x\")</script>"
    );
    assert_eq!(
        text(&select(&html, "h1")[0]),
        "Tom & Jerry <script>alert(“x”)</script>"
    );
    assert_eq!(
        text(&select(&html, "h2")[0]),
        "Wat is <img src=x onerror=alert(1)>?"
    );
    assert!(text(&select(&html, "footer")[0]).contains("Team <b>vet</b> & co"));
    assert!(text(&select(&html, "main p")[0]).contains("5 < 6 &"));
    // An address is a link whose quotes stay inside its href; a script URL is no link.
    let links: Vec<_> = select(&html, "main a")
        .iter()
        .map(|a| {
            let attrs: Vec<_> = a.value().attrs().map(|(k, _)| k.to_string()).collect();
            (a.value().attr("href").unwrap().to_string(), attrs)
        })
        .collect();
    assert_eq!(
        links,
        vec![(
            // The typesetter made the author's straight quotes curly; in the address
            // they are percent-encoded, never an attribute's end.
            "https://www.voorbeeld.be/%E2%80%9Conmouseover=%E2%80%9Dalert(1)".to_string(),
            vec!["href".to_string()]
        )]
    );
}

#[test]
fn the_index_links_every_twin() {
    let dir = tempfile::tempdir().unwrap();
    build("folder.yaml", dir.path());
    build("hostile.yaml", dir.path());
    let index = std::fs::read_to_string(dir.path().join("index.html")).unwrap();
    let index = Html::parse_document(&index);
    assert_eq!(
        select(&index, "html")[0].value().attr("lang"),
        Some("nl-BE")
    );
    let links: Vec<(String, String)> = select(&index, "main li > a")
        .iter()
        .map(|a| (text(a), a.value().attr("href").unwrap().to_string()))
        .collect();
    assert_eq!(
        links,
        [
            ("Kankerimmunotherapie thuis".into(), "folder.html".into()),
            (
                "Tom & Jerry <script>alert(\"x\")</script>".into(),
                "hostile.html".into()
            ),
        ]
    );
    assert!(select(&index, "script").is_empty());
    // A plain rebuild keeps the twin in step, like a booklet.
    let o = leaflet(
        &repo().join("tests/accessibility"),
        &["build", "folder.yaml", "-o", dir.path().to_str().unwrap()],
    );
    assert!(o.status.success());
    assert!(dir.path().join("folder.html").exists());
}

#[test]
fn a_leaflet_named_index_cannot_take_the_index_pages_name() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib");
    std::fs::create_dir_all(lib.join("_data")).unwrap();
    for f in ["routes.yaml", "contacts.yaml"] {
        std::fs::copy(
            repo().join("tests/accessibility/_data").join(f),
            lib.join("_data").join(f),
        )
        .unwrap();
    }
    std::fs::copy(
        repo().join("tests/accessibility/folder.yaml"),
        lib.join("index.yaml"),
    )
    .unwrap();
    std::fs::copy(
        repo().join("tests/accessibility/folder.yaml"),
        lib.join("ander.yaml"),
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = leaflet(&lib, &["build", ".", "--html", "-o", out.to_str().unwrap()]);
    assert!(!o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("index.yaml") && err.contains("the name of the library's index page"),
        "{err}"
    );
    assert!(!out.join("index.pdf").exists());
    // The other leaflet was built, and the index lists it alone.
    let index = Html::parse_document(&std::fs::read_to_string(out.join("index.html")).unwrap());
    let links: Vec<String> = select(&index, "main li > a:first-child")
        .iter()
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect();
    assert_eq!(links, ["ander.html"]);
}

/// The links (address, text) that `selector` finds in the web twin of `lib/NAME.yaml`.
fn twin_links(lib: &str, name: &str, selector: &str) -> Vec<(String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let file = format!("{name}.yaml");
    let out = dir.path().to_str().unwrap();
    let o = leaflet(
        &repo().join(lib),
        &["build", &file, "--html", "--force", "-o", out],
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let page = std::fs::read_to_string(dir.path().join(format!("{name}.html"))).unwrap();
    select(&Html::parse_document(&page), selector)
        .iter()
        .map(|a| (a.value().attr("href").unwrap().to_string(), text(a)))
        .collect()
}

/// Every web and e-mail address in the text is a link on the web page, its sentence's
/// punctuation left outside the link.
#[test]
fn addresses_in_the_text_are_links() {
    let links = twin_links("tests/fixtures/leaflets", "ct-scan", "main a");
    assert_eq!(
        links,
        [
            (
                "https://www.uza.be/afspraken".to_string(),
                "www.uza.be/afspraken".to_string()
            ),
            (
                "mailto:radiologie@uza.be".to_string(),
                "radiologie@uza.be".to_string()
            ),
            (
                "https://www.uza.be/medische-beeldvorming/ct-scan".to_string(),
                "https://www.uza.be/medische-beeldvorming/ct-scan".to_string()
            ),
        ]
    );
}

/// The short online address beside the QR code links to the address as written.
#[test]
fn the_online_address_links_to_the_address_as_written() {
    let links = twin_links("tests/languages", "controlled", "a");
    assert!(
        links.contains(&(
            "https://www.azdelta.be/folders/ger-007".to_string(),
            "azdelta.be/folders/ger-007".to_string()
        )),
        "{links:?}"
    );
}
