//! Generates a synthetic leaflet library for benchmarks and load tests.
//!
//! The real library is a few hundred leaflets that cannot leave the hospital; the benchmarks
//! need one of that size and shape that anyone can rebuild bit for bit. So: seeded, no
//! randomness from the system, Flemish-Dutch text in the register of the real leaflets,
//! 1 to 4 A5 pages each, headings, bullet and numbered lists, bold and italic, spread over
//! department folders that share one `_data/` with routes and hyphenation exceptions.
//!
//! ```text
//! cargo run --release --example generate -- OUT_DIR [COUNT] [SEED]
//! ```

use std::fmt::Write as _;
use std::path::Path;

/// splitmix64: tiny, seedable, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const DEPARTMENTS: &[(&str, &str)] = &[
    ("hematologie", "Hematologie"),
    ("oncologie", "Oncologie"),
    ("cardiologie", "Cardiologie"),
    ("pneumologie", "Pneumologie"),
    ("gastro-enterologie", "Gastro-enterologie"),
    ("orthopedie", "Orthopedie"),
    ("kindergeneeskunde", "Kindergeneeskunde"),
    ("radiologie", "Radiologie"),
    ("dagziekenhuis", "Dagziekenhuis"),
    ("urologie", "Urologie"),
];

const ROUTES: &[(u32, &str)] = &[
    (105, "oncologisch dagziekenhuis en consultaties"),
    (110, "consultaties hematologie"),
    (120, "radiotherapie"),
    (201, "cardiologie en hartcatheterisatie"),
    (215, "longfunctieonderzoek"),
    (230, "endoscopie"),
    (305, "orthopedie en gipskamer"),
    (320, "kinderafdeling en kinderdagziekenhuis"),
    (401, "medische beeldvorming (RX, CT en MRI)"),
    (415, "nucleaire geneeskunde"),
    (502, "chirurgisch dagziekenhuis"),
    (510, "urologie en lithotripsie"),
    (601, "centrale inschrijvingen en onthaal"),
    (620, "bloedafname en labo"),
    (701, "pijnkliniek"),
];

const TOPICS: &[&str] = &[
    "Chemotherapie",
    "Immunotherapie",
    "Bloedtransfusie",
    "Beenmergpunctie",
    "Coloscopie",
    "Gastroscopie",
    "Hartcatheterisatie",
    "Longfunctieonderzoek",
    "Knieprothese",
    "Heupprothese",
    "Gipsverband",
    "CT-scan met contrast",
    "MRI-onderzoek",
    "Botscan",
    "Dagopname",
    "Pijnbestrijding na een operatie",
    "Voeding tijdens de behandeling",
    "Vermoeidheid bij kanker",
    "Wondzorg thuis",
    "Stollingsremmers",
];

const HEADINGS: &[&str] = &[
    "Wat is het?",
    "Waarom dit onderzoek?",
    "Hoe bereidt u zich voor?",
    "Hoe verloopt de behandeling?",
    "Na de behandeling",
    "Mogelijke nevenwerkingen",
    "Wanneer neemt u contact op?",
    "Praktische afspraken",
    "Wat brengt u mee?",
    "Thuis",
    "Voeding en beweging",
    "Medicatie",
];

const SENTENCES: &[&str] = &[
    "Uw behandelend arts bespreekt met u welke behandeling voor u de beste is.",
    "Het onderzoek duurt ongeveer een half uur, maar reken op een verblijf van twee uur in het ziekenhuis.",
    "Breng een lijst mee van alle geneesmiddelen die u op dit moment inneemt.",
    "U mag vanaf middernacht niet meer eten, drinken of roken.",
    "Een verpleegkundige plaatst een infuus in een ader van uw arm.",
    "Tijdens de behandeling controleren we regelmatig uw bloeddruk en uw hartslag.",
    "De meeste patiënten ervaren weinig of geen pijn tijdens het onderzoek.",
    "Na de ingreep blijft u nog enkele uren ter observatie op de afdeling.",
    "Het is belangrijk dat iemand u na de behandeling naar huis brengt.",
    "U mag de eerste vierentwintig uur niet zelf met de auto rijden.",
    "Neem contact op met uw huisarts als de koorts hoger is dan 38,5 °C.",
    "Vermoeidheid is een veelvoorkomende nevenwerking die meestal na enkele weken verdwijnt.",
    "Drink voldoende water, minstens anderhalve liter per dag, tenzij uw arts iets anders zegt.",
    "De resultaten van het onderzoek worden besproken tijdens uw volgende consultatie.",
    "Zwangere vrouwen mogen dit onderzoek niet ondergaan; meld het ons als u zwanger bent of denkt te zijn.",
    "Uw afweer is tijdelijk verminderd, waardoor u gevoeliger bent voor infecties.",
    "Was regelmatig uw handen en vermijd contact met mensen die verkouden zijn.",
    "Het verpleegkundig team staat altijd klaar om uw vragen te beantwoorden.",
    "Sommige geneesmiddelen, zoals bloedverdunners, moet u enkele dagen vooraf stoppen in overleg met uw arts.",
    "De ziekenhuisapotheek levert de geneesmiddelen die u thuis verder moet innemen.",
    "Bij de inschrijving vragen we uw identiteitskaart en de kaart van uw ziekenfonds.",
    "Het contrastmiddel kan een warm gevoel geven, dat na enkele minuten vanzelf verdwijnt.",
    "Lichte misselijkheid is normaal; uw arts kan hiervoor geneesmiddelen voorschrijven.",
    "Vraag gerust uitleg als iets in deze brochure niet duidelijk is.",
    "Tijdens de opname mag één begeleider bij u blijven.",
    "Kinderen mogen een knuffel of een vertrouwd speeltje meebrengen.",
    "De wonde blijft de eerste week droog; douchen mag met een waterdicht verband.",
    "Het hechtingsmateriaal wordt na tien tot veertien dagen verwijderd door uw huisarts.",
    "Beweeg voldoende, maar vermijd zware inspanningen gedurende zes weken.",
    "Een kinesitherapeut helpt u om de gewrichten opnieuw soepel te maken.",
    "De stollingsremmer verkleint de kans op een bloedklonter in de aders van uw benen.",
    "Immunotherapie versterkt het natuurlijke afweersysteem van het lichaam tegen kankercellen.",
    "De beenmergpunctie gebeurt onder plaatselijke verdoving ter hoogte van het bekken.",
    "Na de coloscopie kan u nog enkele uren last hebben van een opgeblazen gevoel.",
    "De hartcatheterisatie gebeurt via een bloedvat in de pols of in de lies.",
    "Het longfunctieonderzoek meet hoeveel lucht u kan in- en uitademen en hoe snel.",
    "Meld het vooraf als u allergisch bent voor jodium, latex of bepaalde geneesmiddelen.",
    "De arts verdooft de huid met een kleine prik, daarna voelt u enkel nog wat druk.",
    "Vergeet niet uw afspraak tijdig te annuleren als u verhinderd bent.",
    "In het ziekenhuis geldt een algemeen rookverbod, ook in de tuin.",
];

const LIST_ITEMS: &[&str] = &[
    "koorts hoger dan 38,5 °C",
    "hevige pijn die niet verbetert met pijnstillers",
    "bloedverlies uit de wonde",
    "kortademigheid of pijn in de borst",
    "aanhoudende diarree of braken",
    "roodheid, zwelling of warmte rond de insteekplaats",
    "uw identiteitskaart en de kaart van het ziekenfonds",
    "een lijst van uw geneesmiddelen",
    "makkelijke kleding en pantoffels",
    "uw bril, hoorapparaat of gebitsprothese",
    "de verwijsbrief van uw huisarts",
    "resultaten van eerdere onderzoeken",
    "drink in kleine slokjes",
    "eet meerdere kleine maaltijden per dag",
    "rust voldoende, maar blijf in beweging",
    "vermijd alcohol gedurende de behandeling",
];

const TEAMS: &[&str] = &[
    "Team hematologie en hemostase",
    "Dienst oncologie",
    "Verpleegkundig team dagziekenhuis",
    "Dienst medische beeldvorming",
    "Team pijnkliniek",
    "Dienst cardiologie",
    "Kinderafdeling",
];

/// Sentences until about `words` words, with now and then a word in bold or italic.
fn paragraph(rng: &mut Rng, words: usize) -> String {
    let mut p = String::new();
    let mut count = 0;
    while count < words {
        let s = *rng.pick(SENTENCES);
        if !p.is_empty() {
            p.push(' ');
        }
        if rng.chance(8) {
            // Emphasise the sentence's first word, as the secretariat does for warnings.
            let (first, rest) = s.split_once(' ').unwrap_or((s, ""));
            let mark = if rng.chance(50) { "**" } else { "*" };
            let _ = write!(p, "{mark}{first}{mark} {rest}");
        } else {
            p.push_str(s);
        }
        count += s.split_whitespace().count();
    }
    p
}

fn list(rng: &mut Rng, numbered: bool) -> String {
    let n = 3 + rng.below(4);
    let mut out = String::new();
    for i in 0..n {
        let item = rng.pick(LIST_ITEMS);
        if numbered {
            let _ = writeln!(out, "{}. {item}", i + 1);
        } else {
            let _ = writeln!(out, "- {item}");
        }
    }
    out
}

/// YAML block scalar body, indented for `body: |`.
fn indent_block(text: &str) -> String {
    text.lines()
        .map(|l| {
            if l.is_empty() {
                String::new()
            } else {
                format!("      {l}")
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn leaflet(rng: &mut Rng, number: usize, department: &str) -> String {
    let topic = rng.pick(TOPICS);
    // About 190 words fill an A5 page of 11 pt text with headings and lists.
    let pages = 1 + rng.below(4);
    let budget = pages * 190 - 100;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# Synthetische folder {number}, gegenereerd voor benchmarks."
    );
    let _ = writeln!(out, "title: {topic} ({number})");
    if rng.chance(40) {
        let _ = writeln!(out, "subtitle: Informatie voor patiënten en hun familie");
    }
    let _ = writeln!(out, "department: {department}");
    let _ = writeln!(
        out,
        "revised: {}-{:02}-{:02}",
        2014 + rng.below(12),
        1 + rng.below(12),
        1 + rng.below(28)
    );
    let _ = writeln!(out, "authors: {}", rng.pick(TEAMS));
    if rng.chance(90) {
        let _ = writeln!(out, "route: {}", rng.pick(ROUTES).0);
    } else {
        let _ = writeln!(
            out,
            "route:\n  number: {}\n  description: tijdelijke locatie, volg de gele pijlen",
            900 + rng.below(99)
        );
    }
    let _ = writeln!(out, "sections:");
    let mut words = 0;
    let mut first = true;
    while words < budget {
        let mut body = String::new();
        let para_words = 40 + rng.below(80);
        body.push_str(&paragraph(rng, para_words));
        body.push('\n');
        words += para_words;
        if rng.chance(35) {
            body.push('\n');
            let numbered = rng.chance(30);
            body.push_str(&list(rng, numbered));
            words += 30;
        }
        if rng.chance(40) {
            let extra = 30 + rng.below(60);
            body.push('\n');
            body.push_str(&paragraph(rng, extra));
            body.push('\n');
            words += extra;
        }
        if first {
            out.push_str("  - body: |\n");
            first = false;
        } else {
            let _ = writeln!(out, "  - heading: {}", rng.pick(HEADINGS));
            out.push_str("    body: |\n");
        }
        out.push_str(&indent_block(&body));
        out.push_str("\n\n");
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let Some(dir) = args.get(1) else {
        eprintln!("usage: generate OUT_DIR [COUNT] [SEED]");
        std::process::exit(2);
    };
    let count: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1000);
    let seed: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(2016);
    let root = Path::new(dir);
    let data = root.join("_data");
    std::fs::create_dir_all(&data).expect("create _data");
    let mut routes = String::from("# Gegenereerde routes.\n");
    for (n, d) in ROUTES {
        let _ = writeln!(routes, "{n}: {d}");
    }
    std::fs::write(data.join("routes.yaml"), routes).expect("write routes");
    std::fs::write(
        data.join("hyphenation.txt"),
        include_str!("../leaflets/_data/hyphenation.txt"),
    )
    .expect("write hyphenation exceptions");

    let mut rng = Rng(seed);
    for i in 1..=count {
        let (folder, name) = DEPARTMENTS[i % DEPARTMENTS.len()];
        let dir = root.join(folder);
        std::fs::create_dir_all(&dir).expect("create department folder");
        let text = leaflet(&mut rng, i, name);
        std::fs::write(dir.join(format!("folder-{i:04}.yaml")), text).expect("write leaflet");
    }
    eprintln!("{count} leaflets in {}", root.display());
}
