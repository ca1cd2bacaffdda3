use leaflet_printer::text::hyphenate::Hyphenator;
fn main() {
    let h = Hyphenator::dutch(
        &std::fs::read_to_string("leaflets/_data/hyphenation.txt").unwrap_or_default(),
    );
    let mut words = std::collections::BTreeSet::new();
    for f in std::env::args().skip(1) {
        let s = std::fs::read_to_string(f).unwrap();
        for w in s.split(|c: char| !c.is_alphabetic()) {
            if w.chars().count() >= 11 {
                words.insert(w.to_lowercase());
            }
        }
    }
    for w in words {
        let b = h.breaks(&w);
        let mut s = String::new();
        let mut last = 0;
        for x in &b {
            s.push_str(&w[last..x.at]);
            s.push(if x.compound { '=' } else { '-' });
            last = x.at;
        }
        s.push_str(&w[last..]);
        print!("{s}  ");
    }
    println!();
}
