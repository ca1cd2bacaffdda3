//! Bullets the way Word and e-mail type them ("•", "◦", "–" at the start of a line).
//! Markdown knows only `-`, `*`, `+` and numbers, so these lines would run together into
//! one paragraph. The document stage, the YAML traps and `import` all recognise them with
//! this one function.

/// The characters Word, Outlook and pasted web text put in front of a list item. U+F0B7
/// and U+F0A7 are Word's Symbol/Wingdings bullets as they arrive when pasted without font.
pub const WORD_BULLETS: &[char] = &[
    '•', '◦', '–', '▪', '·', '●', '○', '■', '□', '‣', '⁃', '\u{f0b7}', '\u{f0a7}',
];

/// What may follow a typed bullet: a space, a tab, or the no-break space Word puts there.
const AFTER_BULLET: &[char] = &[' ', '\t', '\u{a0}'];

/// If `line` (without its indentation) starts with a typed bullet followed by a space or
/// tab, the bullet character.
pub fn word_bullet(line: &str) -> Option<char> {
    let mut chars = line.chars();
    let c = chars.next()?;
    let next = chars.next()?;
    (WORD_BULLETS.contains(&c) && AFTER_BULLET.contains(&next)).then_some(c)
}

/// Lower-case Roman numerals an outline numbers its points with ("i.", "iv)").
const ROMAN: &[&str] = &["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];

/// If `line` (without its indentation) starts the way a typed list item does but Markdown
/// does not read it as one ("-geen bad", "a) thuis", "(2) ’s avonds", "iv. stop", "3. dag"
/// in the middle of a paragraph, "—" or "•" glued to the word), the marker as typed.
/// Such a line is joined to the line before it, so the caller flags it.
pub fn list_like(line: &str) -> Option<&str> {
    let mut chars = line.chars();
    let first = chars.next()?;
    let second = chars.next()?;
    // A bullet glued to its word, or a dash Markdown has no list for.
    if (WORD_BULLETS.contains(&first) || first == '—') && (second.is_alphabetic() || second == ' ')
    {
        return Some(&line[..first.len_utf8()]);
    }
    // `#1 prioriteit`: numbering typed with a hash.
    if first == '#' && second.is_ascii_digit() {
        let digits = line[1..].bytes().take_while(u8::is_ascii_digit).count();
        return Some(&line[..1 + digits]);
    }
    // `-geen`, `*geen`, `+geen`: a Markdown marker without its space (`+32 …` is a number).
    if matches!(first, '-' | '*' | '+') && second.is_alphabetic() {
        // `*schuin*` at a line's start is emphasis, not a bullet.
        if first == '*' && line[1..].contains('*') {
            return None;
        }
        return Some(&line[..1]);
    }
    let (label, rest) = match line.strip_prefix('(') {
        Some(inner) => {
            let close = inner.find(')')?;
            (&inner[..close], &inner[close + 1..])
        }
        None => {
            let end = line.find(['.', ')'])?;
            (&line[..end], &line[end..])
        }
    };
    let numbered =
        !label.is_empty() && label.len() <= 2 && label.bytes().all(|b| b.is_ascii_digit());
    let lettered = label.len() == 1 && label.bytes().all(|b| b.is_ascii_alphabetic());
    let roman = ROMAN.contains(&label);
    let bracketed = line.starts_with('(');
    let marker_end = if bracketed {
        label.len() + 2
    } else {
        label.len() + 1
    };
    let closer = if bracketed { ')' } else { rest.chars().next()? };
    let after = line[marker_end..].chars().next();
    // "a." is also how an abbreviation starts ("a.u.b."), so a lettered item needs a space
    // after the dot; a capital with a dot is an initial ("J. Peeters").
    let spaced = after.is_some_and(|c| c == ' ' || c == '\t');
    let ok = match closer {
        ')' => {
            (numbered || lettered || roman)
                && (spaced || (numbered && after.is_some_and(char::is_alphabetic)))
        }
        '.' => {
            (numbered && (spaced || after.is_some_and(char::is_alphabetic)))
                || (lettered_or_roman(label) && spaced)
        }
        _ => false,
    };
    ok.then(|| &line[..marker_end])
}

/// A one-letter label or a Roman numeral, in lower case.
fn lettered_or_roman(label: &str) -> bool {
    ROMAN.contains(&label) || (label.len() == 1 && label.bytes().all(|b| b.is_ascii_lowercase()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_list_markers_that_markdown_does_not_see() {
        for (line, marker) in [
            ("-geen bad", "-"),
            ("•geen bad", "•"),
            ("— geen bad", "—"),
            ("a) thuis", "a)"),
            ("B) thuis", "B)"),
            ("(2) ’s avonds", "(2)"),
            ("(b) ’s avonds", "(b)"),
            ("iv. stop", "iv."),
            ("b. in het ziekenhuis", "b."),
            ("3. dag: stop", "3."),
            ("1.Was uw handen", "1."),
            ("2)Ontsmet", "2)"),
            ("#2 daarna", "#2"),
        ] {
            assert_eq!(list_like(line), Some(marker), "{line}");
        }
        for line in [
            "+32 3 821 30 00",
            "*schuin* gezet",
            "a.u.b. bellen",
            "J. Peeters",
            "2026 was het jaar",
            "100. keer",
            "(zie hieronder)",
            "-5 graden",
            "Edegem",
        ] {
            assert_eq!(list_like(line), None, "{line}");
        }
    }

    #[test]
    fn a_no_break_space_after_a_bullet_counts() {
        assert_eq!(word_bullet("•\u{a0}uw kaart"), Some('•'));
        assert_eq!(word_bullet("●\tuw kaart"), Some('●'));
        assert_eq!(word_bullet("•uw kaart"), None);
    }
}
