//! Dutch hyphenation: TeX patterns (the hyphenation crate) corrected by the rules a Dutch
//! proof-reader applies, and overridden by the library's own exception list.
//!
//! The patterns alone split compounds in the wrong place ("kan-ke-rim-mu-no-…"), so a
//! compound is first split into its words with the OpenTaal lexicon (`compounds`), and its
//! boundaries become compound breaks (`=`) that the line breaker prefers to syllable breaks.
//! The exception list comes before both and overrides them.

use super::compounds;
use crate::lang::Lang;
use hyphenation::{Hyphenator as _, Language, Load, Standard};
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

/// The Dutch patterns only: the crate's `embed_all` would compile in every language.
const DUTCH_PATTERNS: &[u8] = include_bytes!("patterns/nl.standard.bincode");
/// French and British English for `lang: fr | en` (7 KB and 48 KB of binary).
const FRENCH_PATTERNS: &[u8] = include_bytes!("patterns/fr.standard.bincode");
const ENGLISH_PATTERNS: &[u8] = include_bytes!("patterns/en-gb.standard.bincode");

/// Letters that must stand before a break: "ge-" is fine, "a-" is not.
pub const MIN_BEFORE: usize = 2;
/// Letters that must follow a break: a line starting with "-de" reads badly.
pub const MIN_AFTER: usize = 3;

/// A place where a letter run may be broken with a hyphen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Break {
    /// Byte offset into the word.
    pub at: usize,
    /// A break between the parts of a compound ("kanker=immunotherapie"): the best kind.
    pub compound: bool,
    /// The letter after the break carries a trema that the new line drops
    /// (zee-ën → zee-en, be-ïnvloeden → be-invloeden).
    pub drops_trema: bool,
}

pub struct Hyphenator {
    lang: Lang,
    patterns: Standard,
    /// Lower-case word → its breaks, from the exception list.
    exceptions: HashMap<String, Vec<Break>>,
}

impl Hyphenator {
    /// Loads the Dutch patterns and the exception list (`word-with-breaks` per line, `=` for a
    /// compound boundary, `#` comments).
    pub fn dutch(exceptions: &str) -> Hyphenator {
        Hyphenator::for_lang(Lang::Nl, exceptions)
    }

    /// The patterns of `lang`, with an exception list in that language. Only Dutch has the
    /// compound lexicon and the Dutch letter rules (ij, trema).
    pub fn for_lang(lang: Lang, exceptions: &str) -> Hyphenator {
        let (language, bytes) = match lang {
            Lang::Nl => (Language::Dutch, DUTCH_PATTERNS),
            Lang::Fr => (Language::French, FRENCH_PATTERNS),
            Lang::En => (Language::EnglishGB, ENGLISH_PATTERNS),
        };
        let patterns =
            Standard::from_reader(language, &mut &bytes[..]).expect("the embedded patterns load");
        let mut h = Hyphenator {
            lang,
            patterns,
            exceptions: HashMap::new(),
        };
        h.add_exceptions(exceptions);
        h
    }

    pub fn add_exceptions(&mut self, list: &str) {
        for line in list.lines() {
            let entry = line.split('#').next().unwrap_or("").trim();
            if entry.is_empty() || entry.contains(char::is_whitespace) {
                continue;
            }
            let entry: String = entry.nfc().collect::<String>().to_lowercase();
            let mut word = String::new();
            let mut breaks = Vec::new();
            for c in entry.chars() {
                match c {
                    '-' | '=' => breaks.push(Break {
                        at: word.len(),
                        compound: c == '=',
                        drops_trema: false,
                    }),
                    _ => word.push(c),
                }
            }
            self.exceptions.insert(word, breaks);
        }
    }

    /// The breaks of one run of letters (no spaces, hyphens or punctuation), best first by
    /// position. Words that must not be hyphenated get none.
    pub fn breaks(&self, word: &str) -> Vec<Break> {
        if !should_hyphenate(word) {
            return Vec::new();
        }
        let lower = word.to_lowercase();
        // to_lowercase can change byte lengths (rarely, e.g. 'İ'); fall back to no breaks.
        if lower.len() != word.len() {
            return Vec::new();
        }
        let raw: Vec<Break> = match self.exceptions.get(&lower) {
            Some(b) => b.clone(),
            None => self.compound_or_pattern_breaks(&lower),
        };
        let dutch = self.lang == Lang::Nl;
        let mut breaks: Vec<Break> = raw
            .into_iter()
            .filter(|b| allowed(&lower, b.at, dutch))
            .collect();
        if !dutch {
            breaks.sort_by_key(|b| b.at);
            return breaks;
        }
        // Dutch drops the trema of a new line's first letter (pati-enten, co-ordinatie), so a
        // break there changes the word's spelling: the tagged PDF's text and a screen reader
        // would get "coordinatie". Nothing the author wrote may change, so such a word
        // breaks elsewhere (pa-tiënten, patiën-ten) or not at all.
        breaks.retain(|b| !lower[b.at..].chars().next().is_some_and(has_trema));
        breaks.sort_by_key(|b| b.at);
        breaks
    }
}

impl Hyphenator {
    /// A compound's parts hyphenated one by one, with its boundaries as compound breaks;
    /// any other word by the patterns. The patterns alone cross boundaries
    /// ("kan-ke-rim-mu-no-…", "afweer-sys-teem" at best by luck).
    fn compound_or_pattern_breaks(&self, lower: &str) -> Vec<Break> {
        let syllables = |part: &str, offset: usize| {
            self.patterns
                .hyphenate(part)
                .breaks
                .into_iter()
                .map(move |at| Break {
                    at: offset + at,
                    compound: false,
                    drops_trema: false,
                })
        };
        // The lexicon is Dutch: a French or English word is never split by it.
        let bounds = if self.lang == Lang::Nl {
            compounds::boundaries(lower)
        } else {
            Vec::new()
        };
        if bounds.is_empty() {
            return syllables(lower, 0).collect();
        }
        let mut out = Vec::new();
        let mut start = 0;
        for &end in bounds.iter().chain(std::iter::once(&lower.len())) {
            out.extend(syllables(&lower[start..end], start));
            if end < lower.len() {
                out.push(Break {
                    at: end,
                    compound: true,
                    drops_trema: false,
                });
            }
            start = end;
        }
        out
    }

    /// What `leaflet hyphenate` prints for a word: its breaks, and its compound analysis
    /// when the lexicon splits it — or says the exception list decided.
    pub fn explain(&self, word: &str) -> String {
        let marked = self.marked(word);
        let lower = word.to_lowercase();
        if self.exceptions.contains_key(&lower) {
            return format!("{marked}  (exception list)");
        }
        match compounds::describe(&lower) {
            Some(parts) if should_hyphenate(word) && self.lang == Lang::Nl => {
                format!("{marked}  (compound: {parts})")
            }
            _ => marked,
        }
    }

    /// The word with its breaks written in: `kan-ker=im-mu-no-the-ra-pie`.
    pub fn marked(&self, word: &str) -> String {
        let mut out = String::new();
        let mut last = 0;
        for b in self.breaks(word) {
            out.push_str(&word[last..b.at]);
            out.push(if b.compound { '=' } else { '-' });
            last = b.at;
        }
        out.push_str(&word[last..]);
        out
    }
}

/// The rules a break must satisfy whatever its source; `dutch` adds the Dutch letter
/// rules.
fn allowed(word: &str, at: usize, dutch: bool) -> bool {
    if at == 0 || at >= word.len() || !word.is_char_boundary(at) {
        return false;
    }
    let before = word[..at].chars().count();
    let after = word[at..].chars().count();
    if before < MIN_BEFORE || after < MIN_AFTER {
        return false;
    }
    // "ij" is one letter in Dutch: never "i-j".
    !(dutch && word[..at].ends_with('i') && word[at..].starts_with('j'))
}

pub fn has_trema(c: char) -> bool {
    matches!(c, 'ë' | 'ï' | 'ö' | 'ü' | 'ä' | 'Ë' | 'Ï' | 'Ö' | 'Ü' | 'Ä')
}

/// The letter without its trema, for the start of the line after a break.
pub fn drop_trema(c: char) -> char {
    match c {
        'ë' => 'e',
        'ï' => 'i',
        'ö' => 'o',
        'ü' => 'u',
        'ä' => 'a',
        'Ë' => 'E',
        'Ï' => 'I',
        'Ö' => 'O',
        'Ü' => 'U',
        'Ä' => 'A',
        other => other,
    }
}

/// Abbreviations (CT, MRI), numbers, and anything that is not all letters stay whole.
pub fn should_hyphenate(word: &str) -> bool {
    let letters = word.chars().count();
    if letters < MIN_BEFORE + MIN_AFTER || !word.chars().all(char::is_alphabetic) {
        return false;
    }
    let upper = word.chars().filter(|c| c.is_uppercase()).count();
    upper < 2
}

/// Tokens that are never hyphenated at all, even in their letter runs: URLs, e-mail
/// addresses, phone numbers and anything with a digit.
pub fn is_unbreakable_token(token: &str) -> bool {
    token.contains('@')
        || token.contains("://")
        || token.starts_with("www.")
        || token.contains('/')
        || token.chars().any(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compounds_break_at_their_boundaries_and_parts_at_their_syllables() {
        let h = Hyphenator::dutch("");
        // The bare patterns give "kan-ke-rim-…": the lexicon puts the boundary after kanker.
        assert_eq!(h.marked("kankercellen"), "kan-ker=cel-len");
        assert_eq!(h.marked("kwaliteitszorg"), "kwa-li-teits=zorg");
        assert_eq!(h.marked("afweersysteem"), "af-weer=sys-teem");
        // Not a compound: patterns only.
        assert_eq!(h.marked("behandeling"), "be-han-de-ling");
    }

    #[test]
    fn french_and_english_words_break_by_their_own_patterns() {
        let fr = Hyphenator::for_lang(Lang::Fr, "");
        let nl = Hyphenator::dutch("");
        let en = Hyphenator::for_lang(Lang::En, "");
        // French keeps "ph", "-tions" and "-cytes" whole; the Dutch patterns do not.
        assert_eq!(fr.marked("lymphocytes"), "lym-pho-cytes");
        assert_eq!(nl.marked("lymphocytes"), "lymp-ho-cy-tes");
        assert_eq!(fr.marked("recommandations"), "re-com-man-da-tions");
        assert_eq!(nl.marked("recommandations"), "re-com-man-da-ti-ons");
        assert_eq!(fr.marked("chimiothérapie"), "chi-mio-thé-ra-pie");
        assert_eq!(en.marked("vaccination"), "vac-cin-a-tion");
        // The Dutch lexicon reads "traitement" as "traite=ment"; French has no compounds.
        assert_eq!(nl.marked("traitement"), "trai-te=ment");
        assert_eq!(fr.marked("traitement"), "trai-te-ment");
        assert_eq!(fr.explain("traitement"), "trai-te-ment");
    }

    #[test]
    fn the_exception_list_overrides_the_lexicon() {
        let h = Hyphenator::dutch("kan-ker-cel-len\n");
        assert_eq!(h.marked("kankercellen"), "kan-ker-cel-len");
        assert_eq!(
            h.explain("kankercellen"),
            "kan-ker-cel-len  (exception list)"
        );
        let plain = Hyphenator::dutch("");
        assert_eq!(
            plain.explain("kankercellen"),
            "kan-ker=cel-len  (compound: kanker + cellen)"
        );
    }
}
