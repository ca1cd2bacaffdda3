//! `leaflet serve` over plain HTTP: the list, the preview, saving in place, refusals, and
//! the safety rules (own Host and Origin only, no way out of the library).

mod common;
mod serving;

use serving::{Served, source_version};
use std::fs;

#[test]
fn the_library_lists_each_leaflet_with_dates_findings_and_build_time() {
    let s = Served::start();
    let r = s.get("/");
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("text/html; charset=utf-8"));
    let page = r.text();
    let row = |name: &str| {
        let at = page.find(&format!("<tr data-name=\"{name}\">")).unwrap();
        page[at..at + page[at..].find("</tr>").unwrap()].to_string()
    };
    let wondzorg = row("wondzorg");
    assert!(
        wondzorg.contains("<a href=\"/leaflet/wondzorg\">Wondzorg thuis</a>"),
        "{wondzorg}"
    );
    assert!(
        wondzorg.contains("<td>2025-05-05</td><td>2028-05-05</td>"),
        "{wondzorg}"
    );
    assert!(wondzorg.contains("<td>nog niet</td>"), "{wondzorg}");
    assert!(
        row("nazorg").contains("<td class=\"ok\">geen</td>"),
        "{}",
        row("nazorg")
    );
    // A save builds the PDF; the list then says when.
    let page = s.get("/leaflet/nazorg").text();
    let v = source_version(&page);
    assert_eq!(
        s.post(
            "/leaflet/nazorg",
            &[("_source", &v), ("authors", "Team nazorg")]
        )
        .status,
        303
    );
    let today = chrono::Local::now().format("%Y-%m-%d").to_string();
    let list = s.get("/").text();
    let at = list.find("<tr data-name=\"nazorg\">").unwrap();
    assert!(
        list[at..]
            .split("</tr>")
            .next()
            .unwrap()
            .contains(&format!("<td>{today} "))
    );
}

#[test]
fn the_preview_is_one_svg_image_per_laid_out_page() {
    let s = Served::start();
    let page = s.get("/leaflet/wondzorg").text();
    let version = page
        .split("data-version=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .unwrap()
        .to_string();
    let img = format!(
        "<img class=\"page\" alt=\"Pagina 1\" src=\"/leaflet/wondzorg/page/1.svg?v={version}\">"
    );
    assert!(page.contains(&img), "{page}");
    assert!(!page.contains("Pagina 2"), "a short leaflet is one page");
    let svg = s.get(&format!("/leaflet/wondzorg/page/1.svg?v={version}"));
    assert_eq!(svg.status, 200);
    assert_eq!(svg.header("content-type"), Some("image/svg+xml"));
    let svg = svg.text();
    // A5 in points, white paper, glyph outlines placed with <use>.
    assert!(
        svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 419.53 595.28\""),
        "{}",
        &svg[..200]
    );
    let letters =
        "Wondzorg thuis Chirurgie Na de operatie verzorgt u de wonde thuis. Deze folder zegt hoe."
            .chars()
            .filter(|c| !c.is_whitespace())
            .count();
    assert!(
        svg.matches("<use ").count() > letters,
        "every letter of the text is drawn"
    );
    assert_eq!(s.get("/leaflet/wondzorg/page/2.svg").status, 404);
    assert_eq!(s.get("/leaflet/wondzorg/page/0.svg").status, 404);
}

#[test]
fn a_new_version_is_announced_when_the_file_changes_on_disk() {
    let s = Served::start();
    let state = |s: &Served| -> serde_json::Value {
        serde_json::from_str(&s.get("/leaflet/wondzorg/state").text()).unwrap()
    };
    let before = state(&s);
    assert_eq!(before["pages"], 1);
    let path = s.lib().join("wondzorg.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("revised: 2025-05-05", "revised: 2025-13-05"),
    )
    .unwrap();
    let after = state(&s);
    assert_ne!(after["version"], before["version"]);
    assert_eq!(
        after["pages"], 0,
        "a leaflet that cannot be read shows no pages"
    );
    let d = &after["diagnostics"][0];
    assert_eq!(d["slot"], "revised", "{after}");
    assert_eq!(d["class"], "error");
    assert!(
        d["text"]
            .as_str()
            .unwrap()
            .starts_with("regel 4, kolom 10: "),
        "{d}"
    );
    // Shared data counts too: a changed route description is a new version.
    fs::write(&path, text).unwrap();
    let fixed = state(&s);
    let routes = s.lib().join("_data/routes.yaml");
    let r = fs::read_to_string(&routes).unwrap();
    fs::write(&routes, r.replace("consultaties", "raadplegingen")).unwrap();
    assert_ne!(state(&s)["version"], fixed["version"]);
}

#[test]
fn saving_rewrites_only_the_changed_values_and_keeps_comments() {
    let s = Served::start();
    let path = s.lib().join("wondzorg.yaml");
    let original = fs::read_to_string(&path).unwrap();
    let v = source_version(&s.get("/leaflet/wondzorg").text());
    // The browser sends every field; only two differ.
    let r = s.post(
        "/leaflet/wondzorg",
        &[
            ("_source", &v),
            ("title", "Wondzorg thuis: zo doet u het"),
            ("subtitle", ""),
            ("department", "Chirurgie"),
            ("authors", "Team chirurgie"),
            ("revised", "2025-06-30"),
            ("route", "105"),
            ("contact", ""),
            ("sections[0].heading", ""),
            ("sections[0].body", "Na de operatie verzorgt u de wonde thuis. Deze folder zegt hoe.\r\n"),
            ("sections[1].heading", "Hoe verzorgt u de wonde?"),
            ("sections[1].body", "Was uw handen voor u de wonde aanraakt.\r\n\r\n- Houd de wonde droog.\r\n- Vervang het verband elke dag.\r\n"),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    assert_eq!(r.header("location"), Some("/leaflet/wondzorg?bewaard=1"));
    let expected = original
        .replace(
            "title: Wondzorg thuis # de titel",
            "title: 'Wondzorg thuis: zo doet u het' # de titel",
        )
        .replace("revised: 2025-05-05", "revised: 2025-06-30");
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    // And the office PDF was rebuilt from it.
    let pdf = fs::read(s.out().join("wondzorg.pdf")).unwrap();
    let text = common::pdf_text(&pdf);
    assert!(text.contains("Wondzorg thuis: zo doet u het"), "{text}");
    assert!(text.contains("30 juni 2025"), "{text}");
    assert!(
        s.get("/leaflet/wondzorg?bewaard=1")
            .text()
            .contains("Bewaard en opnieuw opgemaakt.")
    );
}

/// The form's empty last section, filled in, adds a section after the last: in the file
/// (comments and other values untouched) and in the rebuilt PDF.
#[test]
fn a_filled_in_new_section_is_added_to_the_file_and_the_pdf() {
    let s = Served::start();
    let path = s.lib().join("wondzorg.yaml");
    let original = fs::read_to_string(&path).unwrap();
    let page = s.get("/leaflet/wondzorg").text();
    assert!(page.contains("name=\"sections[2].body\""), "{page}");
    let v = source_version(&page);
    let r = s.post(
        "/leaflet/wondzorg",
        &[
            ("_source", &v),
            ("sections[2].heading", "Wanneer belt u ons?"),
            (
                "sections[2].body",
                "Bij koorts of als de wonde rood wordt.\r\n",
            ),
        ],
    );
    assert_eq!(r.status, 303, "{}", r.text());
    let new = fs::read_to_string(&path).unwrap();
    assert!(new.starts_with(original.trim_end()), "{new}");
    assert!(
        new.ends_with(
            "  - heading: Wanneer belt u ons?\n    body: |\n      Bij koorts of als de wonde rood wordt.\n"
        ),
        "{new}"
    );
    let text = common::pdf_text(&fs::read(s.out().join("wondzorg.pdf")).unwrap());
    assert!(text.contains("Wanneer belt u ons?"), "{text}");
    assert!(
        text.contains("Bij koorts of als de wonde rood wordt."),
        "{text}"
    );
}

#[test]
fn a_save_that_would_not_build_is_refused_at_its_field_and_changes_nothing() {
    let s = Served::start();
    let path = s.lib().join("wondzorg.yaml");
    let original = fs::read_to_string(&path).unwrap();
    let v = source_version(&s.get("/leaflet/wondzorg").text());
    let r = s.post(
        "/leaflet/wondzorg",
        &[
            ("_source", &v),
            ("sections[1].body", "## Een kop in de tekst\n\nTekst."),
        ],
    );
    assert_eq!(r.status, 422);
    let page = r.text();
    assert!(page.contains("Niet bewaard: zo kan de folder niet gemaakt worden."));
    let slot = page
        .split("<div class=\"diag\" data-field=\"sections[1].body\">")
        .nth(1)
        .unwrap()
        .split("</div>")
        .next()
        .unwrap();
    assert!(
        slot.starts_with("<p class=\"error\">regel 14, kolom 7: "),
        "{slot}"
    );
    // The refused text stays in the form, so nothing typed is lost.
    assert!(page.contains("## Een kop in de tekst"));
    assert_eq!(fs::read_to_string(&path).unwrap(), original);

    // A date that is no date, and an empty title.
    let r = s.post(
        "/leaflet/wondzorg",
        &[("_source", &v), ("revised", "05/05/2025")],
    );
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("<div class=\"diag\" data-field=\"revised\"><p class=\"error\">")
    );
    let r = s.post("/leaflet/wondzorg", &[("_source", &v), ("title", " ")]);
    assert_eq!(r.status, 422);
    assert!(r.text().contains("<div class=\"diag\" data-field=\"title\"><p class=\"error\">dit veld mag niet leeg zijn</p>"));
    // A file changed elsewhere since the form was made is not overwritten.
    fs::write(&path, original.replace("Chirurgie", "Heelkunde")).unwrap();
    let r = s.post(
        "/leaflet/wondzorg",
        &[("_source", &v), ("authors", "Iemand")],
    );
    assert_eq!(r.status, 422);
    assert!(
        r.text()
            .contains("het bestand is intussen elders gewijzigd")
    );
    assert!(
        fs::read_to_string(&path)
            .unwrap()
            .contains("authors: Team chirurgie")
    );
}

#[test]
fn paths_out_of_the_library_are_unreachable() {
    let s = Served::start();
    // A leaflet outside the library, reachable only through a symlink inside it.
    let outside = s.dir.path().join("geheim.yaml");
    fs::copy(s.lib().join("nazorg.yaml"), &outside).unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(&outside, s.lib().join("geheim.yaml")).unwrap();
    for path in [
        "/leaflet/../../etc/passwd",
        "/leaflet/%2e%2e/%2e%2e/etc/passwd",
        "/leaflet/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/leaflet/..%2F_data%2Froutes",
        "/leaflet/%2Fetc%2Fpasswd",
        "/pdf/..%2Fwondzorg/office",
        "/pdf/wondzorg/..%2F..%2Fetc%2Fpasswd",
        "/leaflet/geheim",
        "/leaflet/geheim/page/1.svg",
        "/lib/wondzorg.yaml",
    ] {
        let r = s.get(path);
        assert_eq!(r.status, 404, "{path}: {}", r.text());
        assert!(!r.text().contains("root:"), "{path}");
    }
    assert!(!s.get("/").text().contains("geheim"));
    let r = s.post("/leaflet/%2e%2e%2fwondzorg", &[("title", "x")]);
    assert_eq!(r.status, 404);
}

#[test]
fn requests_from_other_origins_and_hosts_are_refused() {
    let s = Served::start();
    let path = s.lib().join("wondzorg.yaml");
    let original = fs::read_to_string(&path).unwrap();
    let v = source_version(&s.get("/leaflet/wondzorg").text());
    let body = serving::encode_form(&[("_source", &v), ("authors", "Aanvaller")]);
    let form = ("Content-Type", "application/x-www-form-urlencoded");
    let own = s.origin();
    for headers in [
        vec![form, ("Origin", "http://evil.example")],
        vec![form, ("Origin", "null")],
        vec![form],
        vec![
            form,
            ("Origin", own.as_str()),
            ("Sec-Fetch-Site", "cross-site"),
        ],
    ] {
        let r = s.request("POST", "/leaflet/wondzorg", &headers, &body);
        assert_eq!(r.status, 403, "{headers:?}");
        let r = s.request("POST", "/leaflet/wondzorg/build", &headers, "kind=booklet");
        assert_eq!(r.status, 403, "{headers:?}");
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), original);
    assert!(!s.out().join("wondzorg-booklet.pdf").exists());
    // DNS rebinding: our port under another name is refused, even for reading.
    let host = format!("evil.example:{}", s.port);
    assert_eq!(s.request("GET", "/", &[("Host", &host)], "").status, 403);
    assert_eq!(
        s.request("GET", "/", &[("Host", "127.0.0.1")], "").status,
        403
    );
    let local = format!("localhost:{}", s.port);
    assert_eq!(s.request("GET", "/", &[("Host", &local)], "").status, 200);
    // Bodies are capped.
    let big = "a".repeat(2 * 1024 * 1024);
    let r = s.request(
        "POST",
        "/leaflet/wondzorg",
        &[form, ("Origin", own.as_str())],
        &big,
    );
    assert_eq!(r.status, 413);
    // Every answer forbids framing and foreign scripts.
    let csp = s
        .get("/")
        .header("content-security-policy")
        .unwrap()
        .to_string();
    assert!(csp.contains("frame-ancestors 'none'") && csp.contains("script-src 'self'"));
}

#[test]
fn booklets_and_two_up_sheets_come_with_dutch_printing_advice() {
    let s = Served::start();
    let page = s.get("/leaflet/wondzorg").text();
    assert!(page.contains(
        "Druk af op A4, liggend, dubbelzijdig, omslaan langs de KORTE zijde, op 100\u{a0}%"
    ));
    let r = s.post("/leaflet/wondzorg/build", &[("kind", "booklet")]);
    assert_eq!(r.status, 200, "{}", r.text());
    let text = r.text();
    assert!(text.contains("Het boekje is gemaakt."));
    assert!(text.contains("<a id=\"pdf\" href=\"/pdf/wondzorg/booklet\">"));
    assert!(text.contains("<p class=\"advice\" id=\"advice\">Druk af op A4, liggend, dubbelzijdig, omslaan langs de KORTE zijde, op 100\u{a0}% (niet &quot;aanpassen aan pagina&quot;). Vouw de stapel daarna in het midden.</p>"));
    let pdf = s.get("/pdf/wondzorg/booklet");
    assert_eq!(pdf.header("content-type"), Some("application/pdf"));
    assert_eq!(
        pdf.body,
        fs::read(s.out().join("wondzorg-booklet.pdf")).unwrap()
    );
    let r = s.post("/leaflet/wondzorg/build", &[("kind", "two-up")]);
    assert!(
        r.text()
            .contains("Snijd elk blad daarna in het midden door.")
    );
    assert!(s.out().join("wondzorg-2up.pdf").is_file());
    assert_eq!(
        s.post("/leaflet/wondzorg/build", &[("kind", "../x")])
            .status,
        400
    );
}

#[test]
fn a_file_that_does_not_read_as_a_leaflet_gets_no_form_but_its_errors() {
    let s = Served::start();
    let path = s.lib().join("wondzorg.yaml");
    let text = fs::read_to_string(&path).unwrap();
    fs::write(
        &path,
        text.replace("revised: 2025-05-05", "revised: 5 mei 2025"),
    )
    .unwrap();
    let page = s.get("/leaflet/wondzorg").text();
    assert!(!page.contains("<form method=\"post\" action=\"/leaflet/wondzorg\""));
    assert!(page.contains("<p class=\"error\" id=\"not-editable\">"));
    let slot = page
        .split("<div class=\"diag\" data-field=\"revised\">")
        .nth(1)
        .unwrap();
    assert!(
        slot.starts_with("<p class=\"error\">regel 4, kolom 10: "),
        "{slot}"
    );
    assert!(page.contains("data-editable=\"false\""));
    let state: serde_json::Value =
        serde_json::from_str(&s.get("/leaflet/wondzorg/state").text()).unwrap();
    assert_eq!(state["editable"], false);
    fs::write(&path, &text).unwrap();
    let state: serde_json::Value =
        serde_json::from_str(&s.get("/leaflet/wondzorg/state").text()).unwrap();
    assert_eq!(state["editable"], true);
    assert!(s.get("/leaflet/wondzorg").text().contains("id=\"save\""));
}

/// The page speaks the locale's language, as every other message does: an English locale
/// gets English labels and `lang="en"`.
#[test]
fn the_page_follows_the_locale() {
    let en = Served::start_in("C");
    let list = en.get("/").text();
    assert!(list.contains("<html lang=\"en\">"), "{list}");
    assert!(list.contains("<title>Leaflets</title>"), "{list}");
    assert!(list.contains("<td>not yet</td>"), "{list}");
    let edit = en.get("/leaflet/wondzorg").text();
    assert!(edit.contains(">Save<"), "{edit}");
    let nl = Served::start();
    let list = nl.get("/").text();
    assert!(list.contains("<html lang=\"nl-BE\">"), "{list}");
    assert!(list.contains("<title>Folders</title>"), "{list}");
    assert!(nl.get("/leaflet/wondzorg").text().contains(">Bewaren<"));
}

/// A library that fixes its language (`_data/messages.txt`) gets its page in that language
/// whatever the computer's locale, as `build` and `check` do.
#[test]
fn the_librarys_language_setting_wins_over_the_locale() {
    let served = Served::start_in_with("C", |lib| {
        std::fs::write(lib.join("_data/messages.txt"), "# taal van leaflet\nnl\n").unwrap();
    });
    let list = served.get("/").text();
    assert!(list.contains("<title>Folders</title>"), "{list}");
}
