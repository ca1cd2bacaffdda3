//! `index.html`: the library's web twins listed for a website, one link per leaflet, with
//! its revision date and authors, in the same style as the pages.

use super::{css, escape};
use crate::style::HouseStyle;

/// The language of the index page itself: the secretariat's (the pages carry their own).
pub const INDEX_LANG: &str = "nl-BE";
pub const INDEX_HTML: &str = "index.html";

/// One leaflet in the index.
pub struct Listed {
    pub title: String,
    /// The HTML twin's file name, relative to the index.
    pub href: String,
    /// The PDF's file name, offered beside it for printing.
    pub pdf: String,
    /// "23 maart 2016".
    pub revised: String,
    pub authors: String,
}

pub fn render(style: &HouseStyle, leaflets: &[Listed]) -> String {
    let mut out = String::with_capacity(2048 + 256 * leaflets.len());
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{INDEX_LANG}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Patiëntenfolders</title>\n<style>\n{}</style>\n</head>\n<body>\n\
         <header>\n<h1>Patiëntenfolders</h1>\n</header>\n<main>\n<ul class=\"library\">\n",
        css::leaflet(style)
    ));
    for l in leaflets {
        out.push_str(&format!(
            "<li><a href=\"{}\">{}</a> <span class=\"meta\">({}, {}; <a href=\"{}\">PDF</a>)</span></li>\n",
            escape(&href(&l.href)),
            escape(&l.title),
            escape(&l.revised),
            escape(&l.authors),
            escape(&href(&l.pdf)),
        ));
    }
    out.push_str("</ul>\n</main>\n</body>\n</html>\n");
    out
}

/// A file name as a relative URL: percent-encoded where a name's character would end or
/// change the URL (a space, `#`, `?`, `%`), so any leaflet file name links to its file.
fn href(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_links_whatever_they_contain() {
        assert_eq!(href("ct scan#2.html"), "ct%20scan%232.html");
        assert_eq!(
            href("bloedafname-kinderen.html"),
            "bloedafname-kinderen.html"
        );
        assert_eq!(href("één.html"), "%C3%A9%C3%A9n.html");
    }
}
