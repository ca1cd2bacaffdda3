//! Dutch hyphenation as it reaches the page: the rules, words with hyphens, numbers and
//! addresses, no break that respells a trema, compound breaks, and the `hyphenate` command.

use super::*;

#[test]
fn hyphenated_lines_break_at_correct_dutch_places() {
    // Breaks the bare patterns get wrong must never appear; every break keeps 2 letters
    // before and 3 after and never splits "ij".
    // (end of the line, start of the next) of breaks the bare patterns produce.
    let wrong = [
        ("kanke", "rim"),
        ("stofal", "ler"),
        ("taals", "maak"),
        ("korta", "de"),
    ];
    for (path, align) in both_alignments() {
        let layout = layout_in(&path, align);
        for (i, line) in layout.lines.iter().enumerate() {
            if !line.hyphenated || !line.text.ends_with('-') {
                continue;
            }
            let before: String = line
                .text
                .trim_end_matches('-')
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap()
                .to_string();
            let next = &layout.lines[i + 1].text;
            let after: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
            if before.is_empty() {
                continue; // an author's own hyphen (CT-|scan)
            }
            let joined = format!("{before}-{after}").to_lowercase();
            assert!(before.chars().count() >= 2, "{joined}");
            assert!(after.chars().count() >= 3, "{joined}");
            assert!(
                !(before.ends_with('i') && after.starts_with('j')),
                "{joined}"
            );
            for (end, start) in wrong {
                let bad = before.to_lowercase().ends_with(end) && after.starts_with(start);
                assert!(!bad, "{}: wrong break {joined}", path.display());
            }
        }
    }
}

fn marked(h: &Hyphenator, word: &str) -> String {
    h.marked(word)
}

#[test]
fn dutch_hyphenation_rules() {
    let h = Hyphenator::dutch(&shared().hyphenation);
    // The exception list overrides the patterns' "kan-ke-rim-mu-no-…".
    assert_eq!(
        marked(&h, "kankerimmunotherapie"),
        "kan-ker=im-mu-no-the-ra-pie"
    );
    assert_eq!(
        marked(&h, "Kankerimmunotherapie"),
        "Kan-ker=im-mu-no-the-ra-pie"
    );
    // Never "i-j"; at least 2 before and 3 after.
    for w in ["bijwerkingen", "vrijdag", "blijven", "tijdens"] {
        assert!(!marked(&h, w).contains("i-j"), "{}", marked(&h, w));
    }
    for w in [
        "immunotherapie",
        "afweersysteem",
        "behandeling",
        "ziekenhuis",
    ] {
        let m = marked(&h, w);
        let parts: Vec<&str> = m.split(['-', '=']).collect();
        assert!(parts.first().unwrap().chars().count() >= 2, "{m}");
        assert!(parts.last().unwrap().chars().count() >= 3, "{m}");
    }
    // Abbreviations and all-caps words stay whole.
    assert!(h.breaks("MRI").is_empty());
    assert!(h.breaks("RIZIV").is_empty());
    // A break before a trema would respell the word (pati-enten, be-invloeden): the text a
    // screen reader gets would change, so the word breaks elsewhere or not at all.
    let patienten = h.breaks("patiënten");
    assert!(
        !patienten.is_empty()
            && patienten
                .iter()
                .all(|b| b.at != "pati".len() && !b.drops_trema),
        "{patienten:?}"
    );
    assert!(h.breaks("zeeën").is_empty());
    let beinv = h.breaks("beïnvloeden");
    assert!(
        beinv.iter().all(|b| b.at != "be".len() && !b.drops_trema),
        "{beinv:?}"
    );
}

#[test]
fn words_with_hyphens_numbers_and_addresses_break_only_where_allowed() {
    let h = Hyphenator::dutch("");
    // "CT-scan": the letter runs are hyphenated separately, and "scan" is too short.
    assert!(h.breaks("CT").is_empty());
    assert!(h.breaks("scan").is_empty());
    use leaflet_printer::text::hyphenate::is_unbreakable_token;
    for t in [
        "03",
        "www.uza.be",
        "info@uza.be",
        "https://www.zna.be/x",
        "2016",
    ] {
        assert!(is_unbreakable_token(t), "{t}");
    }
}

#[test]
fn a_word_with_a_trema_is_never_respelled_on_the_page() {
    // A paragraph that would break "be-|invloeden" if it could: the word stays whole or
    // breaks where its spelling survives.
    let src = "title: T\nrevised: 2025-01-01\nauthors: A\nroute: 105\nsections:\n  - body: |\n      \
               Deze geneesmiddelen kunnen de werking van andere middelen sterk beïnvloeden, \
               zodat uw arts de dosis van elk middel nauwkeurig moet beïnvloeden en opvolgen.\n";
    let path = Path::new("t.yaml");
    let leaflet = model::parse(path, src, shared()).unwrap();
    let (_, layout) = pipeline::typeset(engine(), shared(), path, src, &leaflet).unwrap();
    let texts: Vec<&str> = layout.lines.iter().map(|l| l.text.as_str()).collect();
    assert!(texts.iter().all(|t| !t.ends_with("be-")), "{texts:?}");
    let all: String = texts.join(" ");
    assert_eq!(all.matches("beïnvloeden").count(), 2, "{all}");
}

#[test]
fn the_hyphenate_command_shows_the_exception_list_and_the_compound_analysis() {
    let out = common::leaflet(
        &common::repo(),
        &[
            "hyphenate",
            "kankerimmunotherapie",
            "nierpatiënt",
            "kwaliteitszorg",
            "behandeling",
            "MRI",
        ],
    );
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        text,
        "kan-ker=im-mu-no-the-ra-pie  (exception list)\n\
         nier=pa-tiënt  (compound: nier + patiënt)\n\
         kwa-li-teits=zorg  (compound: kwaliteit +s + zorg)\n\
         be-han-de-ling\n\
         MRI\n"
    );
}
