//! Links on paper: the reader cannot click, so the address is printed after the link text,
//! and a text that only makes sense as something to click ("klik hier") is flagged.

/// Link texts that say nothing once printed: the reader cannot click "hier".
const MEANINGLESS: &[&str] = &[
    "klik hier",
    "hier",
    "klik",
    "deze link",
    "link",
    "via deze link",
    "lees meer",
    "lees hier meer",
    "meer info",
    "meer informatie",
    "click here",
    "here",
];

/// The hint for a link text that means nothing on paper.
pub fn hint() -> String {
    crate::t!("md-link-meaningless-hint")
}

/// What to print after a link's text, and a warning when the text means nothing on paper.
/// `mailto:` and `tel:` are dropped from the address; an address that is also the link's
/// text (`<https://…>`, a bare URL) is printed once.
pub fn printed(text: &str, url: &str) -> (Option<String>, Option<String>) {
    let url = url.trim();
    let shown = url
        .strip_prefix("mailto:")
        .or_else(|| url.strip_prefix("tel:"))
        .unwrap_or(url);
    let text = text.trim();
    let same =
        text == url || text == shown || text.trim_end_matches('/') == shown.trim_end_matches('/');
    let lowered = text
        .to_lowercase()
        .trim_end_matches(['.', '!', ':'])
        .to_string();
    let note = MEANINGLESS
        .contains(&lowered.as_str())
        .then(|| crate::t!("md-link-meaningless", text = text));
    ((!same).then(|| shown.to_string()), note)
}

/// Top-level domains a bare host name ("azdelta.be") is taken as an address for without a
/// path or `www.`: Belgian hospitals' and their neighbours', and the generic ones. Any other
/// needs a path, `www.` or a scheme, so "o.a." or "Zo.dra" never becomes a link.
const KNOWN_TLDS: &[&str] = &[
    "be",
    "nl",
    "eu",
    "fr",
    "lu",
    "de",
    "uk",
    "com",
    "org",
    "net",
    "info",
    "gov",
    "int",
    "edu",
    "brussels",
    "vlaanderen",
    "gent",
    "health",
];

/// The web or e-mail address a printed word is, if it is one: the byte range of the address
/// inside the word (quotes, brackets and sentence punctuation around it left out) and the URI
/// a click should open. The digital twins (tagged PDF, HTML) make these clickable; paper
/// prints them as written.
pub fn address_uri(word: &str) -> Option<(std::ops::Range<usize>, String)> {
    // Every address has a dot or an @ inside it: most words are turned away here, cheaply
    // (the PDF writer asks this of every word).
    if !word.bytes().any(|b| b == b'.' || b == b'@') {
        return None;
    }
    // Opening quotes and brackets before it, and the no-break spaces French sets inside
    // guillemets ("«\u{202f}www.x.be\u{202f}»" is one word to the line breaker).
    let start = word.len()
        - word
            .trim_start_matches([
                '(', '[', '“', '‘', '«', '"', '\'', '<', '\u{a0}', '\u{202f}', '\u{2009}',
            ])
            .len();
    // Sentence punctuation after the address is not part of it; a closing bracket only
    // when it closes nothing inside the address ("(zie www.x.be)" against "…/Foo_(bar)").
    let mut core = &word[start..];
    while let Some(last) = core.chars().last() {
        let trailing = match last {
            ')' => core.matches('(').count() < core.matches(')').count(),
            ']' => core.matches('[').count() < core.matches(']').count(),
            c => ".,;:!?”’»\"'>\u{202f}\u{a0}\u{2009}".contains(c),
        };
        if !trailing {
            break;
        }
        core = &core[..core.len() - last.len_utf8()];
    }
    if !core.contains(['.', '@']) || core.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return None;
    }
    let range = start..start + core.len();
    let lower = core.to_ascii_lowercase();
    if let Some(rest) = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
    {
        return is_host(rest.split(['/', '?', '#']).next()?, false).then(|| (range, encode(core)));
    }
    if let Some((local, host)) = core.split_once('@') {
        let local_ok = !local.is_empty()
            && local
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "._%+-".contains(c));
        return (local_ok && is_host(host, false)).then(|| (range, format!("mailto:{core}")));
    }
    let (host, path) = match core.split_once('/') {
        Some((h, p)) => (h, Some(p)),
        None => (core, None),
    };
    let www = lower.starts_with("www.");
    (is_host(host, !(www || path.is_some())) && !host.contains(':'))
        .then(|| (range, encode(&format!("https://{core}"))))
}

/// A host name of two or more dot-separated labels, ending in a top-level domain of letters
/// (a known one when `known_tld` is asked).
fn is_host(host: &str, known_tld: bool) -> bool {
    let host = host.split(':').next().unwrap_or(host);
    let labels: Vec<&str> = host.split('.').collect();
    let Some(tld) = labels.last() else {
        return false;
    };
    let tld = tld.to_ascii_lowercase();
    labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && l.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
        && (2..=24).contains(&tld.len())
        && tld.chars().all(|c| c.is_ascii_alphabetic())
        && (!known_tld || KNOWN_TLDS.contains(&tld.as_str()))
}

/// A URI as a PDF action and an `href` need it: 7-bit ASCII, anything else
/// percent-encoded as UTF-8.
fn encode(uri: &str) -> String {
    let mut out = String::with_capacity(uri.len());
    for c in uri.chars() {
        if c.is_ascii() && !c.is_ascii_control() && c != ' ' {
            out.push(c);
        } else {
            let mut buf = [0u8; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_printed_once_and_click_here_is_flagged() {
        assert_eq!(
            printed("de website", "https://www.zna.be"),
            (Some("https://www.zna.be".into()), None)
        );
        assert_eq!(
            printed("https://www.zna.be", "https://www.zna.be"),
            (None, None)
        );
        assert_eq!(
            printed("mail ons", "mailto:info@zna.be"),
            (Some("info@zna.be".into()), None)
        );
        assert_eq!(
            printed("Klik hier", "https://x.be"),
            (
                Some("https://x.be".into()),
                Some("the link text “Klik hier” means nothing on paper".into())
            )
        );
    }

    #[test]
    fn printed_addresses_are_recognised_with_their_uri() {
        let uri = |w: &str| address_uri(w).map(|(r, u)| (w[r].to_string(), u));
        assert_eq!(
            uri("www.uza.be/afspraken."),
            Some((
                "www.uza.be/afspraken".into(),
                "https://www.uza.be/afspraken".into()
            ))
        );
        assert_eq!(
            uri("(https://www.zna.be/)"),
            Some(("https://www.zna.be/".into(), "https://www.zna.be/".into()))
        );
        assert_eq!(
            uri("azdelta.be/fr/hem-012"),
            Some((
                "azdelta.be/fr/hem-012".into(),
                "https://azdelta.be/fr/hem-012".into()
            ))
        );
        assert_eq!(
            uri("(zie www.zna.be/Foo_(bar))."),
            None,
            "two words: a space is never inside an address"
        );
        assert_eq!(
            uri("www.zna.be/Foo_(bar))."),
            Some((
                "www.zna.be/Foo_(bar)".into(),
                "https://www.zna.be/Foo_(bar)".into()
            ))
        );
        assert_eq!(
            uri("«\u{202f}www.azdelta.be/fr\u{202f}»"),
            Some((
                "www.azdelta.be/fr".into(),
                "https://www.azdelta.be/fr".into()
            ))
        );
        assert_eq!(
            uri("azdelta.be,"),
            Some(("azdelta.be".into(), "https://azdelta.be".into()))
        );
        assert_eq!(
            uri("info@zna.be."),
            Some(("info@zna.be".into(), "mailto:info@zna.be".into()))
        );
        assert_eq!(
            uri("www.ziekenhuis-één.be"),
            Some((
                "www.ziekenhuis-één.be".into(),
                "https://www.ziekenhuis-%C3%A9%C3%A9n.be".into()
            ))
        );
    }

    #[test]
    fn abbreviations_numbers_and_times_are_not_addresses() {
        for word in [
            "o.a.",
            "i.p.v.",
            "Zo.dra",
            "m.b.t.",
            "1.5",
            "03.821.30.00",
            "8.30u",
            "dr.",
            "bijv.",
            "v.u.",
            "e-mail",
            "@",
            "a@b",
            "info@",
            "14:00",
            "t.e.m.",
            "http://",
            "www.",
            "1/2",
            "24/7",
            "en/of",
            "km/u",
        ] {
            assert_eq!(address_uri(word), None, "{word}");
        }
    }
}
