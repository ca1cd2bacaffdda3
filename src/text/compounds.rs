//! Dutch compounds split with a lexicon, so the hyphenator knows "kanker=immunotherapie"
//! and "afweer=systeem" without a hand-kept exception list.
//!
//! The lexicon is the OpenTaal word list (BSD / CC-BY 3.0; Debian's `wdutch`), lower-case
//! words only, compiled by `examples/build_lexicon.rs` into an FST (the `fst` crate: a
//! minimal automaton, about a tenth of the list's size, searched in place). It is embedded
//! and read zero-copy, so starting a process costs nothing until a word is first split.

use fst::raw::Fst;
use std::sync::OnceLock;

static LEXICON_BYTES: &[u8] = include_bytes!("lexicon.fst");

/// Parts shorter than this are not trusted as words of a compound: "bij", "ver", "aan"
/// would split "bijwerking" or "verband" into prefixes the patterns handle better.
const MIN_PART: usize = 4;
/// Linking letters between the parts of a compound (kwaliteit-s-zorg, pann-e-koek,
/// zieken-huis is "ziek" + "en" + "huis"): they belong to the first part at a break.
const LINKS: [&str; 3] = ["s", "en", "e"];
/// Derivational suffixes that the word list also holds as words ("lijk" corpse, "baar"
/// bier, "heid" heath): after a stem they make one derived word, not a compound, so
/// "makkelijk" is not "makke + lijk" and its break is an ordinary syllable break. Without
/// this the breaker preferred "makke-|lijk" as if it were a boundary (issue 13, second pass).
const SUFFIXES: [&str; 14] = [
    "lijk", "lijke", "lijks", "heid", "heden", "baar", "bare", "loos", "loze", "schap", "schappen",
    "zaam", "zame", "achtig",
];

fn lexicon() -> &'static Fst<&'static [u8]> {
    static LEXICON: OnceLock<Fst<&'static [u8]>> = OnceLock::new();
    LEXICON.get_or_init(|| Fst::new(LEXICON_BYTES).expect("the embedded lexicon is an FST"))
}

/// Whether the lower-case `word` is in the lexicon.
pub fn is_word(word: &str) -> bool {
    lexicon().contains_key(word)
}

/// The byte lengths of every lexicon word that is a prefix of `text`, shortest first.
fn prefixes(fst: &Fst<&[u8]>, text: &[u8]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut node = fst.root();
    for (k, &b) in text.iter().enumerate() {
        let Some(t) = node.find_input(b) else {
            break;
        };
        node = fst.node(node.transition(t).addr);
        if node.is_final() {
            out.push(k + 1);
        }
    }
    out
}

/// One part of a compound as analysed: the word and the linking letters after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Part {
    pub word: String,
    pub link: String,
}

/// The parts of a lower-case compound, or `None` when it is not one (a single word, or
/// letters the lexicon cannot cover). Fewest parts win (a long known word beats two short
/// ones); ties go to the split whose shortest part is longest.
pub fn split(word: &str) -> Option<Vec<Part>> {
    let fst = lexicon();
    let bytes = word.as_bytes();
    let n = bytes.len();
    // best[i]: (parts, shortest part, previous i, part end, link) for word[..i].
    let mut best: Vec<Option<(usize, usize, usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, usize::MAX, 0, 0));
    for i in 0..n {
        let Some((parts, shortest, _, _)) = best[i] else {
            continue;
        };
        if !word.is_char_boundary(i) {
            continue;
        }
        for len in prefixes(fst, &bytes[i..]) {
            let end = i + len;
            let chars = word[i..end].chars().count();
            // The whole word must not count as its own single part: that is no split.
            if chars < MIN_PART || (i == 0 && end == n) {
                continue;
            }
            if i > 0 && SUFFIXES.contains(&&word[i..end]) {
                continue;
            }
            // A link joins two parts: it never ends the word ("afnam" + "e" is "afname").
            let mut ends = vec![end];
            ends.extend(
                LINKS
                    .iter()
                    .filter(|l| word[end..].starts_with(*l) && end + l.len() < n)
                    .map(|l| end + l.len()),
            );
            for e in ends {
                if e > n || (e < n && !word.is_char_boundary(e)) {
                    continue;
                }
                let candidate = (parts + 1, shortest.min(chars), i, end);
                let better = match best[e] {
                    None => true,
                    Some((p, s, ..)) => {
                        (candidate.0, usize::MAX - candidate.1) < (p, usize::MAX - s)
                    }
                };
                if better {
                    best[e] = Some(candidate);
                }
            }
        }
    }
    let (parts, ..) = best[n]?;
    if parts < 2 {
        return None;
    }
    let mut out = Vec::new();
    let mut at = n;
    while at > 0 {
        let (_, _, start, end) = best[at].expect("the chain was built backwards from here");
        out.push(Part {
            word: word[start..end].to_string(),
            link: word[end..at].to_string(),
        });
        at = start;
    }
    out.reverse();
    Some(out)
}

/// Byte offsets of the boundaries between the parts of a compound (after linking letters).
pub fn boundaries(word: &str) -> Vec<usize> {
    let Some(parts) = split(word) else {
        return Vec::new();
    };
    let mut at = 0;
    let mut out = Vec::new();
    for p in &parts[..parts.len() - 1] {
        at += p.word.len() + p.link.len();
        out.push(at);
    }
    out
}

/// The analysis as `leaflet hyphenate` shows it: "kanker + immunotherapie",
/// "kwaliteit +s+ zorg"; `None` for a word that is not a compound.
pub fn describe(word: &str) -> Option<String> {
    let parts = split(&word.to_lowercase())?;
    let mut out = String::new();
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            out.push_str(" + ");
        }
        out.push_str(&p.word);
        if !p.link.is_empty() {
            out.push_str(&format!(" +{}", p.link));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_knows_common_words() {
        for w in ["kanker", "systeem", "afweer", "ziekenhuis", "behandeling"] {
            assert!(is_word(w), "{w}");
        }
        assert!(!is_word("kankerimmunotherapiex"));
    }

    #[test]
    fn a_derivational_suffix_is_no_compound_part() {
        assert_eq!(split("makkelijk"), None);
        assert_eq!(split("gezondheid"), None);
        assert_eq!(boundaries("afweersysteem"), vec!["afweer".len()]);
    }

    #[test]
    fn compounds_split_at_their_parts() {
        assert_eq!(boundaries("afweersysteem"), vec!["afweer".len()]);
        assert_eq!(boundaries("kankerimmunotherapie"), vec!["kanker".len()]);
        // A linking letter at the word's end is the word's own: bloed + afname.
        assert_eq!(describe("bloedafname").as_deref(), Some("bloed + afname"));
        assert_eq!(
            describe("kwaliteitszorg").as_deref(),
            Some("kwaliteit +s + zorg")
        );
    }

    #[test]
    fn plain_words_and_short_prefixes_do_not_split() {
        for w in [
            "kanker",
            "behandeling",
            "bijwerkingen",
            "verband",
            "therapie",
            "afname",
        ] {
            assert_eq!(split(w), None, "{w}");
        }
    }
}
