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
}
