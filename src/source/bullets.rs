//! Bullets the way Word and e-mail type them ("•", "◦", "–" at the start of a line).
//! Markdown knows only `-`, `*`, `+` and numbers, so these lines would run together into
//! one paragraph. The document stage, the YAML traps and `import` all recognise them with
//! this one function.

/// The characters Word, Outlook and pasted web text put in front of a list item.
pub const WORD_BULLETS: &[char] = &['•', '◦', '–', '▪', '·'];

/// If `line` (without its indentation) starts with a typed bullet followed by a space or
/// tab, the bullet character.
pub fn word_bullet(line: &str) -> Option<char> {
    let mut chars = line.chars();
    let c = chars.next()?;
    let next = chars.next()?;
    (WORD_BULLETS.contains(&c) && (next == ' ' || next == '\t')).then_some(c)
}
