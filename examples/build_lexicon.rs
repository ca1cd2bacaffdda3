//! Builds `src/text/lexicon.fst`, the compound splitter's lexicon, from the OpenTaal word
//! list (`/usr/share/dict/dutch` from Debian's `wdutch`; BSD or CC-BY 3.0, see
//! /usr/share/doc/wdutch/copyright). The built file is committed, so neither CI nor a user
//! needs the word list.
//!
//! Run: `cargo run --example build_lexicon [WORDLIST] [OUT]`.

use std::collections::BTreeSet;

fn main() {
    let mut args = std::env::args().skip(1);
    let input = args
        .next()
        .unwrap_or_else(|| "/usr/share/dict/dutch".into());
    let output = args.next().unwrap_or_else(|| "src/text/lexicon.fst".into());
    let text = std::fs::read_to_string(&input).expect("the word list reads as UTF-8");
    // Lower-case words of letters only: names and abbreviations are no compound parts.
    let words: BTreeSet<&str> = text
        .lines()
        .map(str::trim)
        .filter(|w| w.chars().count() >= 3)
        .filter(|w| w.chars().all(|c| c.is_alphabetic() && !c.is_uppercase()))
        .collect();
    let set = fst::Set::from_iter(words.iter()).expect("sorted, unique words");
    let bytes = set.as_fst().as_bytes();
    std::fs::write(&output, bytes).expect("the lexicon is written");
    eprintln!("{} words, {} bytes → {output}", words.len(), bytes.len());
}
