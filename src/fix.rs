//! `leaflet check --fix`: rewrites the typing habits that have exactly one right form, so a
//! secretary does not have to: doubled spaces, tabs between words, a date written the
//! Flemish way in `revised:`, and Word's "•" bullets at the start of a body line. Nothing
//! else is touched (comments, field order and indentation stay as typed), the file is
//! replaced atomically, and every change is listed with its line.

use crate::model::LeafletFile;
use crate::source::bullets::word_bullet;
use crate::t;
use std::path::Path;

/// One rewritten line: its 1-based number and what was done, in words.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub line: usize,
    pub what: String,
}

/// What [`fix`] made of a file.
#[derive(Debug, PartialEq)]
pub enum Fixed {
    /// Nothing to fix.
    Clean,
    /// The new text and each changed line.
    Changed(String, Vec<Change>),
    /// The fix would turn a readable leaflet into an unreadable one. A line-level rewrite
    /// should never do that, but a secretary's file is worth the check.
    Refused,
}

/// The file with its safe habits rewritten.
pub fn fix(source: &str) -> Fixed {
    let mut out = String::with_capacity(source.len());
    let mut changes = Vec::new();
    // The indentation of the `body:` key whose `|` block we are in, if any.
    let mut block: Option<usize> = None;
    for (n, line) in source.split_inclusive('\n').enumerate() {
        // A Windows file keeps its CRLF on every line, rewritten or not.
        let (text, end) = if let Some(t) = line.strip_suffix("\r\n") {
            (t, "\r\n")
        } else if let Some(t) = line.strip_suffix('\n') {
            (t, "\n")
        } else {
            (line, "")
        };
        let indent = text.len() - text.trim_start_matches(' ').len();
        let content = &text[indent..];
        if let Some(key_indent) = block
            && !content.trim().is_empty()
            && indent <= key_indent
        {
            block = None;
        }
        let mut fixed = content.to_string();
        let mut what = Vec::new();
        if content.starts_with('#') {
            out.push_str(line);
            continue;
        }
        if block.is_some()
            && let Some(bullet) = word_bullet(content)
        {
            let rest = content[bullet.len_utf8()..].trim_start_matches([' ', '\t', '\u{a0}']);
            fixed = format!("- {rest}");
            what.push(t!("fix-bullet", bullet = bullet.to_string()));
        }
        // Outside a `|` block a ` #` starts a YAML comment: it is the author's own note
        // and stays exactly as typed.
        let comment = match block {
            None => comment_start(&fixed).map(|at| fixed.split_off(at)),
            Some(_) => None,
        }
        .unwrap_or_default();
        if indent == 0
            && let Some(value) = fixed.strip_prefix("revised:")
        {
            let value = value.trim();
            let unquoted = value
                .strip_prefix('"')
                .and_then(|v| v.strip_suffix('"'))
                .or_else(|| value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')))
                .unwrap_or(value);
            if let Some(date) = crate::model::dutch_date::read(unquoted)
                && chrono::NaiveDate::parse_from_str(unquoted, "%Y-%m-%d").is_err()
            {
                // The spaces that set the comment off from the value stay as they were.
                let gap = &fixed[fixed.trim_end().len()..];
                what.push(t!("fix-date", from = unquoted, to = date.to_string()));
                fixed = format!("revised: {date}{gap}");
            }
        }
        // Tables line their columns up with spaces on purpose.
        if !fixed.trim_start().starts_with('|') {
            let (spaced, tabs, doubles) = single_spaces(&fixed);
            if tabs > 0 {
                what.push(t!("fix-tabs", count = tabs));
            }
            if doubles > 0 {
                what.push(t!("fix-spaces", count = doubles));
            }
            fixed = spaced;
        }
        if content.trim_start().starts_with("body:") || content.starts_with("- body:") {
            let value = content.split_once(':').map_or("", |(_, v)| v.trim());
            if value.starts_with('|') || value.starts_with('>') {
                block = Some(indent + usize::from(content.starts_with("- ")) * 2);
            }
        }
        fixed.push_str(&comment);
        if what.is_empty() {
            out.push_str(line);
        } else {
            out.push_str(&text[..indent]);
            out.push_str(&fixed);
            out.push_str(end);
            changes.push(Change {
                line: n + 1,
                what: what.join(", "),
            });
        }
    }
    if changes.is_empty() {
        return Fixed::Clean;
    }
    let readable = |s: &str| crate::source::yaml::parse::<LeafletFile>(s).is_ok();
    if readable(source) && !readable(&out) {
        return Fixed::Refused;
    }
    Fixed::Changed(out, changes)
}

/// Where a YAML comment starts on a line outside a block, with the blanks before its `#`
/// (they stay with the comment). `fix` never sees a line that is a comment as a whole.
fn comment_start(content: &str) -> Option<usize> {
    crate::source::traps::comment_start(content)
        .map(|at| content[..at].trim_end_matches([' ', '\t']).len())
}

/// `content` with tabs between words made spaces and runs of spaces made one, except at
/// the end of the line; with how many tabs and runs there were.
fn single_spaces(content: &str) -> (String, usize, usize) {
    let body = content.trim_end_matches([' ', '\t']);
    let trailing = &content[body.len()..];
    let mut out = String::with_capacity(content.len());
    let (mut tabs, mut doubles, mut run) = (0, 0, 0);
    for c in body.chars() {
        if c == ' ' || c == '\t' {
            tabs += usize::from(c == '\t');
            run += 1;
            continue;
        }
        if run > 0 {
            doubles += usize::from(run > 1);
            out.push(' ');
            run = 0;
        }
        out.push(c);
    }
    out.push_str(trailing);
    (out, tabs, doubles)
}

/// Fixes every leaflet under `inputs` (see [`fix_file`]); false when one could not be.
pub fn fix_all(inputs: &[std::path::PathBuf]) -> bool {
    match crate::batch::discover(inputs, Path::new("")) {
        // `check` reports what cannot be found, right after.
        Err(_) => true,
        Ok(paths) => paths.iter().map(|p| fix_file(p)).fold(true, |a, b| a & b),
    }
}

/// Fixes one file in place, atomically, and prints what changed. Returns whether the file
/// could be fixed (or needed nothing).
pub fn fix_file(path: &Path) -> bool {
    let Ok(source) = std::fs::read_to_string(path) else {
        // `check` reports the unreadable file itself.
        return true;
    };
    match fix(&source) {
        Fixed::Clean => true,
        Fixed::Changed(fixed, changes) => {
            if let Err(e) = crate::batch::write_atomic(path, fixed.as_bytes()) {
                eprintln!("{}: {}", path.display(), t!("fix-write-failed", error = e));
                return false;
            }
            for c in &changes {
                println!("{}:{}: {}", path.display(), c.line, c.what);
            }
            true
        }
        Fixed::Refused => {
            eprintln!("{}: {}", path.display(), t!("fix-refused"));
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::{Lang, scoped};

    const SRC: &str = "# Wondzorg\ntitle: Wondzorg  thuis\nrevised: 5 mei 2024\nauthors: Team\nroute: 105\nsections:\n  - heading: Wat?\n    body: |\n      Neem mee:\n      • uw kaart\n      •\tuw\tmedicatie\n\n      | a  | b |\n      |----|---|\n      Zeg  het ons.  \n";

    #[test]
    fn the_safe_habits_are_rewritten_and_listed() {
        let Fixed::Changed(fixed, changes) = scoped(Lang::Nl, || fix(SRC)) else {
            panic!("nothing fixed");
        };
        assert_eq!(
            fixed,
            "# Wondzorg\ntitle: Wondzorg thuis\nrevised: 2024-05-05\nauthors: Team\nroute: 105\nsections:\n  - heading: Wat?\n    body: |\n      Neem mee:\n      - uw kaart\n      - uw medicatie\n\n      | a  | b |\n      |----|---|\n      Zeg het ons.  \n"
        );
        let lines: Vec<(usize, &str)> = changes.iter().map(|c| (c.line, c.what.as_str())).collect();
        assert_eq!(
            lines,
            [
                (2, "1 dubbele spatie enkel gemaakt"),
                (3, "datum 5 mei 2024 → 2024-05-05"),
                (10, "opsommingsteken • → -"),
                (11, "opsommingsteken • → -, 1 tab → spatie"),
                (15, "1 dubbele spatie enkel gemaakt"),
            ]
        );
    }

    #[test]
    fn crlf_comments_and_quoted_dates() {
        let src = "title: Wondzorg  thuis\r\nrevised: 5 mei 2024   # herzien door dr.  Peeters\r\nauthors: Team  A # wie?  wij\r\n";
        let Fixed::Changed(fixed, _) = scoped(Lang::Nl, || fix(src)) else {
            panic!("nothing fixed");
        };
        assert_eq!(
            fixed,
            "title: Wondzorg thuis\r\nrevised: 2024-05-05   # herzien door dr.  Peeters\r\nauthors: Team A # wie?  wij\r\n"
        );
        let Fixed::Changed(fixed, _) = fix("revised: \"5 mei 2024\"\n") else {
            panic!("nothing fixed");
        };
        assert_eq!(fixed, "revised: 2024-05-05\n");
    }

    #[test]
    fn bullets_are_rewritten_in_a_body_only() {
        let body = "title: A\nsections:\n  - body: |\n      • in een body\n";
        assert_eq!(fix("title: A\n"), Fixed::Clean);
        assert!(matches!(fix(body), Fixed::Changed(..)));
        assert_eq!(fix("title: • A\n"), Fixed::Clean);
    }
}
