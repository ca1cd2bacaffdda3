//! One-line values that YAML reads otherwise than typed, though the file parses: a value
//! that starts with one of YAML's own signs (`!Belangrijk` is a tag, `&team` an anchor:
//! the text vanishes), and a one-line field whose text runs on over deeper lines (a
//! section's text typed under `heading:` without `body: |` prints as one long heading).
//! Found in the source lines, like the other traps.

use super::{KeyLine, TEXT_KEYS, col, comment_start};
use crate::diagnostic::Diagnostic;
use crate::t;
use std::path::Path;

/// The YAML sign a plain value starts with, as typed, when it makes the value something
/// other than its text; None for text YAML keeps as typed. `|`/`>` with only a block
/// header after them, a closed quote and a closed flow collection are YAML's own forms.
pub fn yaml_sign(value: &str) -> Option<&str> {
    let value = value.trim_end();
    let first = value.chars().next()?;
    match first {
        // Tags and anchors swallow the word they start; `!!!` or `! ` leave the rest.
        '!' | '&' => Some(value.split(' ').next().unwrap_or(value)),
        // An alias, and characters YAML reserves: the file does not parse.
        '*' | '@' | '`' | '%' => Some(&value[..1]),
        '|' | '>' => {
            let header =
                value[1..].trim_start_matches(|c: char| c == '-' || c == '+' || c.is_ascii_digit());
            let rest = header.trim_start();
            (!(rest.is_empty() || rest.starts_with('#'))).then_some(&value[..1])
        }
        '-' | '?' if value.len() == 1 || value[1..].starts_with(' ') => Some(&value[..1]),
        '"' | '\'' | '[' | '{' => {
            let close = match first {
                '[' => ']',
                '{' => '}',
                q => q,
            };
            let end = closing(value, first, close)?;
            let after = value[end + 1..].trim_start();
            (!(after.is_empty() || after.starts_with('#') || after.starts_with(',')))
                .then_some(&value[..end + 1])
        }
        _ => None,
    }
}

/// Where the quote or bracket that opens `value` closes on this line (byte offset).
fn closing(value: &str, open: char, close: char) -> Option<usize> {
    let mut depth = 0;
    let mut chars = value.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if open == close {
            if i == 0 {
                continue;
            }
            if open == '"' && c == '\\' {
                chars.next();
                continue;
            }
            if c == close {
                // `''` is a quote inside single quotes.
                if open == '\'' && chars.peek().is_some_and(|&(_, n)| n == '\'') {
                    chars.next();
                    continue;
                }
                return Some(i);
            }
        } else if c == open {
            depth += 1;
        } else if c == close {
            depth -= 1;
            if depth == 0 {
                return Some(i);
            }
        }
    }
    None
}

/// `heading: !Belangrijk`, `authors: &team`: YAML takes the first word as a tag or an
/// anchor, so the field prints without it or not at all.
pub(super) fn sign(path: &Path, lines: &[&str], k: &KeyLine, out: &mut Vec<Diagnostic>) {
    let Some(sign) = yaml_sign(k.value).filter(|s| s.starts_with(['!', '&'])) else {
        return;
    };
    out.push(
        sign_error(
            path,
            lines[k.line],
            k.line,
            k.value_at,
            k.key,
            k.value,
            sign,
        )
        .field(&k.field),
    );
}

/// The error for a value that starts with a sign YAML uses itself, with the quoted value
/// to write instead.
fn sign_error(
    path: &Path,
    line: &str,
    line_index: usize,
    value_at: usize,
    key: &str,
    value: &str,
    sign: &str,
) -> Diagnostic {
    let text = match comment_start(value) {
        Some(at) if !value.starts_with(['"', '\'']) => value[..at].trim_end(),
        _ => value.trim_end(),
    };
    let quoted = text.replace('\\', "\\\\").replace('"', "\\\"");
    Diagnostic::error(path, t!("value-yaml-sign", sign = sign))
        .at(line_index + 1, col(line, value_at))
        .spanning(sign.chars().count())
        .hint(t!(
            "value-yaml-sign-hint",
            example = format!("{key}: \"{quoted}\"")
        ))
}

/// `title: 's Nachts: wat doet u?'`: the file parses, but YAML takes the apostrophe of
/// ’s, ’t, ’n or ’k for the opening quote, and "s Nachts" is printed.
pub(super) fn elision(path: &Path, lines: &[&str], k: &KeyLine, out: &mut Vec<Diagnostic>) {
    let Some(rest) = k.value.strip_prefix('\'') else {
        return;
    };
    let closed =
        closing(k.value, '\'', '\'').is_some_and(|end| yaml_sign(k.value).is_none() && end > 1);
    if !closed || !["s ", "t ", "n ", "k "].iter().any(|p| rest.starts_with(p)) {
        return;
    }
    let end = closing(k.value, '\'', '\'').unwrap_or(k.value.len() - 1);
    let inner = rest[..end - 1].replace("''", "'").replace('"', "\\\"");
    let hint = t!(
        "apostrophe-start-hint",
        curly = format!("{}: \"’{inner}\"", k.key),
        quoted = format!("{}: \"'{inner}\"", k.key)
    );
    out.push(
        Diagnostic::error(path, t!("apostrophe-start"))
            .field(&k.field)
            .at(k.line + 1, col(lines[k.line], k.value_at))
            .hint(hint),
    );
}

/// A one-line field whose plain text goes on over lines indented deeper than its key: YAML
/// joins them into the field. Under `heading:` that is a section's text typed without
/// `body: |`, printed as one long heading, so it is an error there; a title or a contact
/// line wrapped over two lines prints as one line, which is worth a warning.
pub(super) fn runs_on(path: &Path, lines: &[&str], k: &KeyLine, out: &mut Vec<Diagnostic>) {
    if !TEXT_KEYS.contains(&k.key) || k.value.starts_with(['"', '\'', '|', '>', '{', '[', '#']) {
        return;
    }
    let mut continued = Vec::new();
    for (n, raw) in lines.iter().enumerate().skip(k.line + 1) {
        let text = raw.trim();
        if text.is_empty() {
            continue;
        }
        let indent = raw.len() - raw.trim_start_matches(' ').len();
        if indent <= k.key_at || text.starts_with('#') {
            break;
        }
        continued.push((n, indent));
    }
    // `heading:` with its text on the one line below is YAML's way of writing it there.
    let joined = if k.value.is_empty() {
        continued.len() >= 2
    } else {
        !continued.is_empty()
    };
    let Some(&(first, indent)) = continued.get(usize::from(k.value.is_empty())) else {
        return;
    };
    if !joined {
        return;
    }
    let d = if k.key == "heading" {
        Diagnostic::error(path, t!("heading-runs-on")).hint(t!("heading-runs-on-hint"))
    } else {
        Diagnostic::warning(path, t!("line-field-runs-on", key = k.key))
            .hint(t!("line-field-runs-on-hint", key = k.key))
    };
    out.push(d.field(&k.field).at(first + 1, indent + 1));
}

/// For a file YAML could not read: the first one-line value, up to the line where the
/// parser gave up (1-based), that starts in a way YAML reads otherwise than typed — an
/// apostrophe (`'s Avonds`), a quote that is never closed on its line, a quoted word with
/// more text after it, one of YAML's own signs, text after `|`. The parser reports such a
/// slip where it finally gets lost, often many lines later inside a body that has a quote
/// of its own; the slip itself is here. Message, hint and (line, column).
pub fn first_slip(source: &str, up_to: usize) -> Option<(String, String, (usize, usize))> {
    let lines: Vec<&str> = source.lines().collect();
    super::key_lines(&lines)
        .into_iter()
        .take_while(|k| k.line < up_to)
        .find_map(|k| {
            let at = (k.line + 1, col(lines[k.line], k.value_at));
            let value = k.value;
            let quoted = |text: &str| {
                let text = text.replace('\\', "\\\\").replace('"', "\\\"");
                format!("{}: \"{text}\"", k.key)
            };
            if let Some(rest) = value.strip_prefix('\'')
                && ["s ", "t ", "n ", "k "].iter().any(|p| rest.starts_with(p))
                && (closing(value, '\'', '\'').is_none() || yaml_sign(value).is_some())
            {
                let hint = t!(
                    "apostrophe-start-hint",
                    curly = format!("{}: ’{rest}", k.key),
                    quoted = quoted(value)
                );
                return Some((t!("apostrophe-start"), hint, at));
            }
            let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''));
            if let Some(q) = quote
                && closing(value, q, q).is_none()
            {
                return Some((t!("unclosed"), t!("unclosed-hint"), at));
            }
            let sign = yaml_sign(value)?;
            if sign == "|" || sign == ">" {
                let hint = t!("block-text-on-key-line-hint", key = k.key, sign = sign);
                return Some((t!("block-text-on-key-line", sign = sign), hint, at));
            }
            let text = match comment_start(value) {
                Some(c) if !value.starts_with(['"', '\'']) => value[..c].trim_end(),
                _ => value,
            };
            let hint = t!("value-yaml-sign-hint", example = quoted(text));
            let message = if sign.chars().count() > 1 && sign.starts_with(['"', '\'', '[', '{']) {
                t!("value-starts-quoted", start = sign)
            } else {
                t!("value-yaml-sign", sign = sign)
            };
            Some((message, hint, at))
        })
}

#[cfg(test)]
mod tests {
    use super::{first_slip, yaml_sign};

    #[test]
    fn an_apostrophe_is_not_a_quote() {
        use crate::i18n::{Lang, scoped};
        let src = "title: 's Avonds thuis\n";
        let (_, hint, at) = scoped(Lang::En, || first_slip(src, usize::MAX)).unwrap();
        assert_eq!(at, (1, 8));
        assert!(hint.contains("title: ’s Avonds thuis"), "{hint}");
        assert!(hint.contains("title: \"'s Avonds thuis\""), "{hint}");
        assert!(first_slip("title: 'Let op'\n", usize::MAX).is_none());
    }

    #[test]
    fn signs_that_change_a_value_are_found_and_yaml_forms_are_not() {
        for (value, sign) in [
            ("!Belangrijk", Some("!Belangrijk")),
            ("!!! Let op", Some("!!!")),
            ("&team", Some("&team")),
            ("*Belangrijk*", Some("*")),
            ("@home", Some("@")),
            ("`code`", Some("`")),
            ("%50", Some("%")),
            ("| Bel bij koorts.", Some("|")),
            ("> Wondzorg", Some(">")),
            ("- Nieuw", Some("-")),
            ("\"Wondzorg\" thuis", Some("\"Wondzorg\"")),
            ("'Nuchter' betekent", Some("'Nuchter'")),
            ("[Nieuw] Wondzorg", Some("[Nieuw]")),
            ("{Nieuw} Wondzorg", Some("{Nieuw}")),
            ("|", None),
            ("|-", None),
            (">2 # comment", None),
            ("\"Wondzorg thuis\"", None),
            ("'zo''n dag'", None),
            ("\"a \\\" b\" # x", None),
            ("{number: 105, description: x}", None),
            ("[a, b]", None),
            ("-5 graden", None),
            ("Wondzorg!", None),
            ("", None),
        ] {
            assert_eq!(yaml_sign(value), sign, "{value}");
        }
    }
}
