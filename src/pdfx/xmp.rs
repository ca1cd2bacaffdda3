//! Reading an XMP packet without an XML library: PDF/X metadata is a small, flat RDF
//! description, and preflight needs only to know that it is well formed (a title with an
//! unescaped `&` or `<` makes the whole packet unreadable to the shop's RIP) and what a
//! handful of properties say.

/// Checks tag nesting and entity references; the first problem found, if any.
pub fn well_formed(xml: &str) -> Result<(), String> {
    let mut stack: Vec<&str> = Vec::new();
    let mut rest = xml;
    while let Some(lt) = rest.find('<') {
        check_text(&rest[..lt])?;
        let tail = &rest[lt..];
        if let Some(body) = tail.strip_prefix("<?") {
            let end = body
                .find("?>")
                .ok_or("an unterminated <? … ?> instruction")?;
            rest = &body[end + 2..];
            continue;
        }
        if let Some(body) = tail.strip_prefix("<!--") {
            let end = body.find("-->").ok_or("an unterminated comment")?;
            rest = &body[end + 3..];
            continue;
        }
        let end = tag_end(tail).ok_or("a tag that never closes")?;
        let tag = &tail[1..end];
        rest = &tail[end + 1..];
        if let Some(name) = tag.strip_prefix('/') {
            let name = name.trim();
            match stack.pop() {
                Some(open) if open == name => {}
                Some(open) => return Err(format!("</{name}> closes <{open}>")),
                None => return Err(format!("</{name}> closes nothing")),
            }
            continue;
        }
        let self_closing = tag.ends_with('/');
        let tag = tag.trim_end_matches('/');
        let name_end = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
        let name = &tag[..name_end];
        if name.is_empty() || name.contains(['<', '&', '"', '\'']) {
            return Err(format!("a malformed tag <{tag}>"));
        }
        check_attributes(&tag[name_end..])?;
        if !self_closing {
            stack.push(name);
        }
    }
    check_text(rest)?;
    match stack.last() {
        Some(open) => Err(format!("<{open}> is never closed")),
        None => Ok(()),
    }
}

/// The index of the `>` ending the tag that starts `s`, skipping quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in s.char_indices().skip(1) {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '<') => return None,
            (None, '>') => return Some(i),
            _ => {}
        }
    }
    None
}

fn check_attributes(s: &str) -> Result<(), String> {
    let mut rest = s.trim();
    while !rest.is_empty() {
        let eq = rest
            .find('=')
            .ok_or_else(|| format!("an attribute without a value in “{s}”"))?;
        let after = rest[eq + 1..].trim_start();
        let q = after.chars().next().filter(|c| *c == '"' || *c == '\'');
        let q = q.ok_or_else(|| format!("an unquoted attribute in “{s}”"))?;
        let close = after[1..]
            .find(q)
            .ok_or_else(|| format!("an unterminated attribute in “{s}”"))?;
        let value = &after[1..1 + close];
        if value.contains('<') {
            return Err(format!("a raw “<” in the attribute value “{value}”"));
        }
        check_text(value)?;
        rest = after[close + 2..].trim_start();
    }
    Ok(())
}

fn check_text(s: &str) -> Result<(), String> {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        let after = &rest[amp + 1..];
        let semi = after.find(';').filter(|&i| i <= 10);
        let valid = semi.is_some_and(|i| {
            let name = &after[..i];
            matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
                || name
                    .strip_prefix("#x")
                    .is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_hexdigit()))
                || name
                    .strip_prefix('#')
                    .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()))
        });
        if !valid {
            let context: String = after.chars().take(12).collect();
            return Err(format!("an unescaped “&” before “{context}”"));
        }
        rest = after;
    }
    Ok(())
}

pub fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let Some(semi) = after.find(';') else {
            out.push_str(&rest[amp..]);
            return out;
        };
        let name = &after[..semi];
        let c = match name {
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => out.push(c),
            None => out.push_str(&rest[amp..amp + semi + 2]),
        }
        rest = &after[semi + 1..];
    }
    out.push_str(rest);
    out
}

/// A simple property (`<ns:Name>value</ns:Name>` or `ns:Name="value"`), or the first
/// `rdf:li` of a container property such as `dc:title`. Unescaped, trimmed.
pub fn property(xml: &str, qname: &str) -> Option<String> {
    let open = format!("<{qname}");
    let mut search = xml;
    while let Some(at) = search.find(&open) {
        let tail = &search[at + open.len()..];
        // `<dc:title>` but not `<dc:titleExtra>`.
        if tail.starts_with(['>', ' ', '\t', '\r', '\n', '/']) {
            let gt = tail.find('>')?;
            if tail[..gt].ends_with('/') {
                return Some(String::new());
            }
            let body = &tail[gt + 1..];
            let close = body.find(&format!("</{qname}>"))?;
            let inner = &body[..close];
            let inner = match inner.find("<rdf:li") {
                Some(li) => {
                    let li = &inner[li..];
                    let start = li.find('>')? + 1;
                    let end = li.find("</rdf:li>")?;
                    &li[start..end]
                }
                None => inner,
            };
            return Some(unescape(inner.trim()));
        }
        search = tail;
    }
    let attr = format!("{qname}=\"");
    let at = xml.find(&attr)?;
    let value = &xml[at + attr.len()..];
    Some(unescape(&value[..value.find('"')?]))
}

/// An XMP date (ISO 8601 as the XMP specification profiles it): `YYYY`, `YYYY-MM`,
/// `YYYY-MM-DD`, or a date with `Thh:mm`, optional seconds and fraction, and a time zone.
pub fn parse_date(s: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    use chrono::{DateTime, NaiveDate, NaiveDateTime, TimeZone, Utc};
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d);
    }
    for fmt in ["%Y-%m-%dT%H:%M%:z", "%Y-%m-%dT%H:%MZ"] {
        if let Ok(d) = DateTime::parse_from_str(s, fmt) {
            return Some(d);
        }
        if fmt.ends_with('Z')
            && let Ok(d) = NaiveDateTime::parse_from_str(s, fmt)
        {
            return Some(Utc.from_utc_datetime(&d).fixed_offset());
        }
    }
    let padded = match s.len() {
        4 => format!("{s}-01-01"),
        7 => format!("{s}-01"),
        _ => s.to_string(),
    };
    let d = NaiveDate::parse_from_str(&padded, "%Y-%m-%d").ok()?;
    Some(
        Utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?)
            .fixed_offset(),
    )
}

/// A PDF date string, `D:YYYYMMDDHHmmSSOHH'mm'` with everything after the year optional.
pub fn parse_pdf_date(s: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    use chrono::{FixedOffset, NaiveDate, TimeZone};
    let s = s.strip_prefix("D:")?;
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.len() < 4 || !digits.len().is_multiple_of(2) || digits.len() > 14 {
        return None;
    }
    let part = |from: usize, default: u32| -> Option<u32> {
        digits
            .get(from..from + 2)
            .map_or(Some(default), |p| p.parse().ok())
    };
    let year: i32 = digits[..4].parse().ok()?;
    let date = NaiveDate::from_ymd_opt(year, part(4, 1)?, part(6, 1)?)?;
    let time = date.and_hms_opt(part(8, 0)?, part(10, 0)?, part(12, 0)?)?;
    let zone = &s[digits.len()..];
    let offset = match zone.chars().next() {
        None | Some('Z') => FixedOffset::east_opt(0)?,
        Some(sign @ ('+' | '-')) => {
            let z: String = zone[1..].chars().filter(char::is_ascii_digit).collect();
            let h: i32 = z.get(..2)?.parse().ok()?;
            let m: i32 = z.get(2..4).map_or(Some(0), |m| m.parse().ok())?;
            let secs = (h * 60 + m) * 60;
            FixedOffset::east_opt(if sign == '-' { -secs } else { secs })?
        }
        Some(_) => return None,
    };
    offset.from_local_datetime(&time).single()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_title_is_well_formed_and_reads_back() {
        let xml = r#"<a xmlns:dc="x"><dc:title><rdf:Alt><rdf:li xml:lang="x-default">A &amp; B &lt;C&gt; &quot;D&quot;</rdf:li></rdf:Alt></dc:title></a>"#;
        assert_eq!(well_formed(xml), Ok(()));
        assert_eq!(
            property(xml, "dc:title").as_deref(),
            Some(r#"A & B <C> "D""#)
        );
    }

    #[test]
    fn raw_ampersand_and_angle_bracket_are_caught() {
        assert!(well_formed("<a><b>A & B</b></a>").is_err());
        assert!(well_formed("<a><b>A <C> B</b></a>").is_err());
        assert!(well_formed("<a><b>x</a></b>").is_err());
    }

    #[test]
    fn dates() {
        assert!(parse_date("2016-03-23T00:00:00Z").is_some());
        assert!(parse_date("2016-03-23T10:20+01:00").is_some());
        assert!(parse_date("2016-03-23").is_some());
        // printpdf once wrote PDF-style offsets into XMP.
        assert!(parse_date("2016-03-23T00:00:00+00'00'").is_none());
        assert!(parse_date("23/03/2016").is_none());
        assert_eq!(
            parse_pdf_date("D:20160323000000Z"),
            parse_date("2016-03-23T00:00:00Z")
        );
        assert_eq!(
            parse_pdf_date("D:20160323120000+02'00'"),
            parse_date("2016-03-23T10:00:00Z")
        );
        assert!(parse_pdf_date("20160323").is_none());
    }
}
