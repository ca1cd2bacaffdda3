//! Dates as Flemish people write them ("5 mei 2024", "05/05/2024", "5.5.2024"), read only
//! to suggest the year-month-day form a leaflet needs: the field itself stays strict, so a
//! day and month are never swapped silently.

use super::DUTCH_MONTHS;
use chrono::NaiveDate;

/// The date `text` means, when it is written day-first in words or digits.
pub fn read(text: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '.' | ','))
        .filter(|w| !w.is_empty())
        .collect();
    let [day, month, year] = words[..] else {
        return None;
    };
    let day: u32 = day.parse().ok()?;
    let year: i32 = year.parse().ok()?;
    if year < 1000 {
        // "5/5/24" could be 1924 or 2024; better no suggestion than a wrong one.
        return None;
    }
    let month = match month.parse::<u32>() {
        Ok(m) => m,
        Err(_) => month_number(month)?,
    };
    NaiveDate::from_ymd_opt(year, month, day)
}

/// A date that names a day its month does not have (`2024-02-31`, `31 februari 2024`):
/// the year, the month and how many days it has, so the hint can say which part is wrong
/// rather than repeat the format the author already used.
pub fn impossible_day(text: &str) -> Option<(i32, u32, u32)> {
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || matches!(c, '/' | '-' | '.' | ','))
        .filter(|w| !w.is_empty())
        .collect();
    let [a, b, c] = words[..] else {
        return None;
    };
    // Year first (the leaflet's own form) or day first (the Flemish habit).
    let (year, month, day) = if a.len() == 4 { (a, b, c) } else { (c, b, a) };
    let year: i32 = year.parse().ok().filter(|y| *y >= 1000)?;
    let month = month.parse::<u32>().ok().or_else(|| month_number(month))?;
    let day: u32 = day.parse().ok()?;
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let days = first
        .checked_add_months(chrono::Months::new(1))?
        .signed_duration_since(first)
        .num_days() as u32;
    (day > days && day <= 31).then_some((year, month, days))
}

/// "mei" → 5; "sept" and "mrt" as well, since people abbreviate.
fn month_number(word: &str) -> Option<u32> {
    let word = word.to_lowercase();
    let abbreviations = [("mrt", 3), ("sep", 9), ("sept", 9), ("okt", 10)];
    if let Some((_, m)) = abbreviations.iter().find(|(a, _)| *a == word) {
        return Some(*m);
    }
    DUTCH_MONTHS
        .iter()
        .position(|m| *m == word || (word.len() >= 3 && m.starts_with(word.as_str())))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn words_and_digits_day_first() {
        assert_eq!(read("5 mei 2024"), ymd(2024, 5, 5));
        assert_eq!(read("23 Maart 2016"), ymd(2016, 3, 23));
        assert_eq!(read("1 sept. 2023"), ymd(2023, 9, 1));
        assert_eq!(read("05/05/2024"), ymd(2024, 5, 5));
        assert_eq!(read("31-12-2025"), ymd(2025, 12, 31));
    }

    #[test]
    fn a_day_its_month_does_not_have_is_named() {
        assert_eq!(impossible_day("2024-02-31"), Some((2024, 2, 29)));
        assert_eq!(impossible_day("31 februari 2023"), Some((2023, 2, 28)));
        assert_eq!(impossible_day("31-04-2025"), Some((2025, 4, 30)));
        assert_eq!(impossible_day("2024-02-29"), None);
        assert_eq!(impossible_day("2024-13-01"), None);
    }

    #[test]
    fn no_guess_when_unsure_or_impossible() {
        assert_eq!(read("5/5/24"), None);
        assert_eq!(read("31 februari 2024"), None);
        assert_eq!(read("mei 2024"), None);
        assert_eq!(read("5 mai 2024"), None);
    }
}
