//! Which shared route or contact an unknown key most likely means. A secretary types the
//! contact's printed name ("Dienst medische beeldvorming"), a capital ("Radiologie"), a
//! missing accent, a typo, or a route number with a leading zero or a letter O; the hint
//! then names the key to write instead of suggesting a new, duplicate shared entry.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Lowercase, without accents, spaces, dots or hyphens: "Radiologíe" and "radio-logie"
/// are the same word to a reader.
fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// A route number as a person may type it: `0105`, `1O5` (letter O), `l05`.
fn as_number(s: &str) -> Option<String> {
    let digits: String = s
        .trim()
        .chars()
        .map(|c| match c {
            'O' | 'o' => '0',
            'l' | 'I' => '1',
            c => c,
        })
        .collect();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let trimmed = digits.trim_start_matches('0');
    Some(if trimmed.is_empty() { "0" } else { trimmed }.to_string())
}

/// The one known key `typed` most likely means: the same key or one of its other names
/// (a contact's printed name or phone) once folded, the same route number, or the only
/// key within a small edit distance. None when nothing, or more than one key, fits.
pub fn closest_key<'a>(typed: &str, known: &[(&'a str, Vec<&str>)]) -> Option<&'a str> {
    let folded = fold(typed);
    let unique = |found: Vec<&'a str>| match found[..] {
        [one] => Some(one),
        _ => None,
    };
    let same: Vec<&str> = known
        .iter()
        .filter(|(key, aliases)| {
            fold(key) == folded || aliases.iter().any(|a| !a.is_empty() && fold(a) == folded)
        })
        .map(|(key, _)| *key)
        .collect();
    if !same.is_empty() {
        return unique(same);
    }
    if let Some(number) = as_number(typed) {
        let numbered: Vec<&str> = known
            .iter()
            .filter(|(key, _)| as_number(key).as_deref() == Some(number.as_str()))
            .map(|(key, _)| *key)
            .collect();
        if !numbered.is_empty() {
            return unique(numbered);
        }
    }
    if folded.chars().count() < 4 {
        return None;
    }
    let limit = (folded.chars().count() / 4).clamp(1, 3);
    let near: Vec<&str> = known
        .iter()
        .filter(|(key, _)| strsim::levenshtein(&fold(key), &folded) <= limit)
        .map(|(key, _)| *key)
        .collect();
    unique(near)
}

#[cfg(test)]
mod tests {
    use super::closest_key;

    #[test]
    fn capitals_accents_names_typos_and_route_numbers_find_their_key() {
        let contacts = [
            (
                "radiologie",
                vec!["Dienst medische beeldvorming", "03 821 30 00"],
            ),
            (
                "dagziekenhuis",
                vec!["Oncologisch dagziekenhuis", "03 821 30 00"],
            ),
        ];
        for typed in [
            "Radiologie",
            "radiologíe",
            "radiolgie",
            "dienst Medische beeldvorming",
        ] {
            assert_eq!(closest_key(typed, &contacts), Some("radiologie"), "{typed}");
        }
        // A phone both contacts share names neither.
        assert_eq!(closest_key("03 821 30 00", &contacts), None);
        assert_eq!(closest_key("keuken", &contacts), None);
        let routes = [
            ("105", vec!["oncologisch dagziekenhuis"]),
            ("42", vec!["radiologie"]),
        ];
        for (typed, key) in [
            ("0105", "105"),
            ("1O5", "105"),
            ("042", "42"),
            ("radiologie", "42"),
        ] {
            assert_eq!(closest_key(typed, &routes), Some(key), "{typed}");
        }
        assert_eq!(closest_key("42, 105", &routes), None);
    }
}
