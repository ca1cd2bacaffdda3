//! The safety rules every request passes, and the small parsing the pages need.
//!
//! The server answers only on 127.0.0.1, but a web page in the same browser can still send
//! requests there (cross-site form posts) or reach it under another name (DNS rebinding).
//! So: the `Host` must be our own address for every request, and a request that changes
//! anything must come from our own pages (`Origin`, and `Sec-Fetch-Site` where the browser
//! sends it). Files are never named by the URL: a leaflet is looked up by name among the
//! leaflets found in the library (see `library`).

use tiny_http::{Header, Method, Request, Response};

/// A form post is a leaflet's text: a leaflet file is capped at this size anyway
/// (`source::file::MAX_FILE_BYTES`), and a bigger body is refused before it is read.
pub const MAX_BODY: usize = crate::source::file::MAX_FILE_BYTES as usize;

pub type Reply = Response<std::io::Cursor<Vec<u8>>>;

/// The addresses our own pages are served from.
pub fn own_hosts(port: u16) -> [String; 2] {
    [format!("127.0.0.1:{port}"), format!("localhost:{port}")]
}

fn header<'a>(req: &'a Request, name: &'static str) -> Option<&'a str> {
    req.headers()
        .iter()
        .find(|h| h.field.equiv(name))
        .map(|h| h.value.as_str())
}

/// `None` when the request may be served; else the refusal (403), with the reason.
pub fn guard(req: &Request, port: u16) -> Option<String> {
    let hosts = own_hosts(port);
    match header(req, "Host") {
        Some(h) if hosts.iter().any(|o| o.eq_ignore_ascii_case(h)) => {}
        _ => return Some(crate::t!("serve-http-unknown-host")),
    }
    if matches!(req.method(), Method::Get | Method::Head) {
        return None;
    }
    let same_origin = header(req, "Origin").is_some_and(|o| {
        hosts
            .iter()
            .any(|h| o.eq_ignore_ascii_case(&format!("http://{h}")))
    });
    let fetch_site_ok = header(req, "Sec-Fetch-Site").is_none_or(|s| s == "same-origin");
    if !(same_origin && fetch_site_ok) {
        return Some(crate::t!("serve-http-cross-site"));
    }
    None
}

/// The request's body, when it is no bigger than [`MAX_BODY`].
pub fn body(req: &mut Request) -> Option<String> {
    use std::io::Read;
    if req.body_length().is_some_and(|n| n > MAX_BODY) {
        return None;
    }
    let mut bytes = Vec::new();
    req.as_reader()
        .take(MAX_BODY as u64 + 1)
        .read_to_end(&mut bytes)
        .ok()?;
    if bytes.len() > MAX_BODY {
        return None;
    }
    String::from_utf8(bytes).ok()
}

/// `a=1&b=x+y` → pairs, percent-decoded (`+` a space, as forms send it). Malformed escapes
/// are kept literally; a value that is not UTF-8 is dropped.
pub fn form(body: &str) -> Vec<(String, String)> {
    body.split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            Some((decode(&k.replace('+', " "))?, decode(&v.replace('+', " "))?))
        })
        .collect()
}

/// Percent-decoding; `None` when the result is not UTF-8.
pub fn decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// Percent-encoding for a path segment or query value: everything but unreserved bytes.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// HTML text and attribute escaping.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn h(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).expect("ASCII header")
}

/// A response with the headers every answer carries: no framing by other sites, no
/// scripts or styles from elsewhere, no caching of pages that change with every save.
pub fn reply(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
    Response::from_data(body)
        .with_status_code(status)
        .with_header(h("Content-Type", content_type))
        .with_header(h(
            "Content-Security-Policy",
            "default-src 'self'; img-src 'self'; style-src 'self'; script-src 'self'; frame-ancestors 'none'; form-action 'self'",
        ))
        .with_header(h("X-Content-Type-Options", "nosniff"))
        // Not `no-referrer`: under it Chromium sends `Origin: null` with our own form
        // posts, which the origin check must then refuse.
        .with_header(h("Referrer-Policy", "same-origin"))
        .with_header(h("Cache-Control", "no-store"))
}

pub fn html(status: u16, body: String) -> Reply {
    reply(status, "text/html; charset=utf-8", body.into_bytes())
}

pub fn text(status: u16, body: &str) -> Reply {
    reply(
        status,
        "text/plain; charset=utf-8",
        body.as_bytes().to_vec(),
    )
}

pub fn redirect(to: &str) -> Reply {
    reply(303, "text/plain; charset=utf-8", Vec::new()).with_header(h("Location", to))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forms_decode_plus_and_percent_and_keep_utf8() {
        assert_eq!(
            form("title=Caf%C3%A9+%26+co&sections%5B0%5D.body=a%0D%0Ab&x"),
            [
                ("title".to_string(), "Café & co".to_string()),
                ("sections[0].body".to_string(), "a\r\nb".to_string()),
                ("x".to_string(), String::new()),
            ]
        );
        assert_eq!(decode("%2e%2e%2F"), Some("../".into()));
        assert_eq!(decode("%zz"), Some("%zz".into()));
        assert_eq!(decode("%ff"), None);
    }

    #[test]
    fn encoding_round_trips_and_escaping_covers_attributes() {
        assert_eq!(encode("wond zorg/é"), "wond%20zorg%2F%C3%A9");
        assert_eq!(decode(&encode("wond zorg/é")).unwrap(), "wond zorg/é");
        assert_eq!(
            esc(r#"<a href="x">'&'"#),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;"
        );
    }
}
