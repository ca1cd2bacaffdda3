//! Contact details stay single-sourced: a phone number typed into a body does not follow a
//! change in `_data/contacts.yaml`, and the page then prints two different numbers.

use super::Contact;
use crate::diagnostic::Diagnostic;
use crate::shared::SharedData;
use crate::sourcemap::TextField;
use crate::t;
use std::path::Path;

/// Belgian numbers have 9 (landline) or 10 (mobile) digits after the 0: shorter digit runs
/// are amounts, dates and times, not phone numbers.
const MIN_PHONE_DIGITS: usize = 9;

/// A phone number's digits as dialled in Belgium: `+32 3 821 30 00` and `03 821 30 00`
/// compare equal.
fn dialled(text: &str) -> String {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let international = text.trim_start().starts_with('+') || text.trim_start().starts_with("00");
    match digits.strip_prefix("0032").or(digits.strip_prefix("32")) {
        Some(rest) if international => format!("0{rest}"),
        _ => digits,
    }
}

/// Phone-number-like runs in a line: digits with spaces, dots, slashes or dashes between
/// them, starting with a digit or `+`. Each with its character column and text.
fn numbers(line: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut k = 0;
    while k < chars.len() {
        let starts = chars[k].is_ascii_digit()
            || (chars[k] == '+' && chars.get(k + 1).is_some_and(char::is_ascii_digit));
        let after_word = k > 0 && chars[k - 1].is_alphanumeric();
        if !starts || after_word {
            k += 1;
            continue;
        }
        let mut end = k + 1;
        let mut last_digit = k;
        while end < chars.len() {
            let c = chars[end];
            let sep = matches!(c, ' ' | '\u{a0}' | '.' | '/' | '-');
            if c.is_ascii_digit() {
                last_digit = end;
            } else if !(sep && chars.get(end + 1).is_some_and(char::is_ascii_digit)) {
                break;
            }
            end += 1;
        }
        let text: String = chars[k..=last_digit].iter().collect();
        if text.chars().filter(char::is_ascii_digit).count() >= MIN_PHONE_DIGITS {
            out.push((k, text));
        }
        k = last_digit + 1;
    }
    out
}

/// Warnings for phone numbers in the texts that belong to a shared contact, or that differ
/// from the leaflet's own contact for the same service.
pub fn check(
    path: &Path,
    source: &str,
    fields: &[TextField],
    shared: &SharedData,
    own: Option<&(Contact, Option<String>)>,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for f in fields.iter().filter(|f| !f.field.starts_with("contact.")) {
        for (l, line) in f.value.split('\n').enumerate() {
            for (col, number) in numbers(line) {
                let digits = dialled(&number);
                let own_key = own.and_then(|(_, k)| k.as_deref());
                // The leaflet's own entry first: two services may share a switchboard number.
                let shared_key = own_key
                    .filter(|k| {
                        shared
                            .contacts
                            .get(*k)
                            .is_some_and(|c| dialled(&c.phone) == digits)
                    })
                    .or_else(|| {
                        shared
                            .contacts
                            .iter()
                            .find(|(_, c)| dialled(&c.phone) == digits)
                            .map(|(k, _)| k.as_str())
                    });
                let message = match (shared_key, own) {
                    (Some(key), _) if own_key == Some(key) => Some((
                        t!("phone-also-contact", number = number.as_str(), key = key),
                        t!("phone-also-contact-hint"),
                    )),
                    (Some(key), _) => Some((
                        {
                            // A switchboard number may serve several entries: name them all.
                            let keys: Vec<String> = shared
                                .contacts
                                .iter()
                                .filter(|(_, c)| dialled(&c.phone) == digits)
                                .map(|(k, _)| format!("`{k}`"))
                                .collect();
                            t!(
                                "phone-is-shared",
                                number = number.as_str(),
                                keys = keys.join(&t!("list-and"))
                            )
                        },
                        t!("phone-is-shared-hint", key = key),
                    )),
                    (None, Some((c, _)))
                        if line.to_lowercase().contains(&c.name.trim().to_lowercase())
                            && dialled(&c.phone) != digits =>
                    {
                        Some((
                            t!(
                                "phone-two-numbers-contact",
                                name = c.name.trim(),
                                number = number.as_str(),
                                other = c.phone.trim()
                            ),
                            t!("phone-two-numbers-contact-hint"),
                        ))
                    }
                    (None, _) => {
                        // A shared service named on this line with another number.
                        let lower = line.to_lowercase();
                        shared
                            .contacts
                            .iter()
                            .find(|(_, c)| {
                                lower.contains(&c.name.trim().to_lowercase())
                                    && dialled(&c.phone) != digits
                            })
                            .map(|(key, c)| {
                                (
                                    t!(
                                        "phone-two-numbers-shared",
                                        name = c.name.trim(),
                                        number = number.as_str(),
                                        other = c.phone.trim()
                                    ),
                                    t!("phone-two-numbers-shared-hint", key = key.as_str()),
                                )
                            })
                    }
                };
                if let Some((message, hint)) = message {
                    out.push(placed(path, source, f, l, col, &number, message, hint));
                }
            }
            for (col, address) in emails(line) {
                let lower = address.to_lowercase();
                let owner = |c: &Contact| {
                    c.email
                        .as_deref()
                        .is_some_and(|e| e.trim().to_lowercase() == lower)
                };
                let own_key = own.and_then(|(c, k)| owner(c).then_some(k.as_deref()));
                let message = match own_key {
                    Some(key) => Some((
                        match key {
                            Some(key) => {
                                t!("email-also-contact", address = address.as_str(), key = key)
                            }
                            None => t!("email-also-inline", address = address.as_str()),
                        },
                        t!("email-also-contact-hint"),
                    )),
                    None => shared
                        .contacts
                        .iter()
                        .find(|(_, c)| owner(c))
                        .map(|(key, _)| {
                            (
                                t!(
                                    "email-is-shared",
                                    address = address.as_str(),
                                    key = key.as_str()
                                ),
                                t!("email-is-shared-hint", key = key.as_str()),
                            )
                        }),
                };
                if let Some((message, hint)) = message {
                    out.push(placed(path, source, f, l, col, &address, message, hint));
                }
            }
        }
    }
    out
}

/// A warning about `text`, found at line `l`, column `col` of field `f`'s value, placed in
/// the source (underlined when the value is there verbatim).
#[allow(clippy::too_many_arguments)]
fn placed(
    path: &Path,
    source: &str,
    f: &TextField,
    l: usize,
    col: usize,
    text: &str,
    message: String,
    hint: String,
) -> Diagnostic {
    let d = Diagnostic::warning(path, message)
        .field(&f.field)
        .hint(hint);
    match f.place(source, l, col) {
        Some((line, column, true)) => d.at(line, column).spanning(text.chars().count()),
        Some((line, column, false)) => d.at(line, column),
        None => d,
    }
}

/// E-mail addresses in a line, each with its character column: a word with one `@` and a
/// dot after it, without the brackets and punctuation that surround it in a sentence.
fn emails(line: &str) -> Vec<(usize, String)> {
    const OPENING: &[char] = &['(', '<', '[', '"', '\'', '“', '‘'];
    const CLOSING: &[char] = &[
        '.', ',', ';', ':', ')', '>', ']', '!', '?', '"', '\'', '”', '’',
    ];
    let mut out = Vec::new();
    let mut col = 0;
    for word in line.split(char::is_whitespace) {
        let opened = word.trim_start_matches(OPENING);
        let mut skipped = word.chars().count() - opened.chars().count();
        let bare = match opened.strip_prefix("mailto:") {
            Some(rest) => {
                skipped += "mailto:".len();
                rest
            }
            None => opened,
        };
        let core = bare.trim_end_matches(CLOSING);
        if let Some((user, domain)) = core.split_once('@')
            && !user.is_empty()
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
        {
            out.push((col + skipped, core.to_string()));
        }
        // Each whitespace character that split the line is one column.
        col += word.chars().count() + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_are_found_and_compared_as_dialled() {
        assert_eq!(
            numbers("Bel 03 821 30 00 of +32 3 821 30 01, niet 500 mg op 12/03."),
            [
                (4, "03 821 30 00".to_string()),
                (20, "+32 3 821 30 01".to_string())
            ]
        );
        assert_eq!(dialled("+32 3 821 30 00"), dialled("03/821.30.00"));
        assert_ne!(dialled("03 821 30 00"), dialled("03 821 30 01"));
    }

    #[test]
    fn e_mail_addresses_are_found_without_their_punctuation() {
        assert_eq!(
            emails("Mail (radiologie@uza.be) of info@uza.be. Niet: @uza, a@b, x@y@z.be"),
            [
                (6, "radiologie@uza.be".to_string()),
                (28, "info@uza.be".to_string())
            ]
        );
        assert_eq!(
            emails("mailto:Info@UZA.be,"),
            [(7, "Info@UZA.be".to_string())]
        );
    }
}
