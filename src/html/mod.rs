//! The HTML twin: one leaflet as a self-contained, semantic, responsive web page, for the
//! hospital's website or CMS. Written from the document stage's blocks through the same
//! logical tree the tagged PDF uses ([`crate::document::tree`]), never from the PDF, so
//! headings, lists, tables and the reading order are the leaflet's own.
//!
//! No JavaScript, no external files: inline CSS in the house colours (darkened where the
//! print colour is too light for text on a screen, WCAG 1.4.3). Every text is escaped; a
//! leaflet's `<script>` is shown as text.

mod css;
pub mod index;

use crate::document::tree::{Content, Kind, Tree};
use crate::document::{BlockKind, Document, FaceId, Run};
use crate::style::HouseStyle;

/// What the page says about itself besides the blocks.
pub struct Page<'a> {
    pub doc: &'a Document,
    pub tree: &'a Tree,
    pub style: &'a HouseStyle,
    /// BCP 47, as the PDF's `/Lang` (one source: [`crate::pdf::Meta::lang`]).
    pub lang: &'a str,
}

/// Escapes text for HTML element content and attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Control characters are refused before layout; none may reach a page.
            c if c.is_control() && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// The whole page.
pub fn render(page: &Page) -> String {
    let doc = page.doc;
    let mut out = String::with_capacity(8 * 1024);
    out.push_str("<!DOCTYPE html>\n");
    out.push_str(&format!("<html lang=\"{}\">\n<head>\n", escape(page.lang)));
    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str(&format!("<title>{}</title>\n", escape(&doc.title)));
    out.push_str(&format!(
        "<meta name=\"author\" content=\"{}\">\n",
        escape(&doc.authors)
    ));
    out.push_str(&format!("<style>\n{}</style>\n", css::leaflet(page.style)));
    out.push_str("</head>\n<body>\n");
    let root = &page.tree.nodes[0];
    let is_head = |n: usize| match page.tree.nodes[n].content {
        Some(Content::Text(b)) => matches!(
            doc.blocks[b].kind,
            BlockKind::Department | BlockKind::Title | BlockKind::Subtitle
        ),
        _ => false,
    };
    let head: Vec<usize> = root
        .children
        .iter()
        .copied()
        .take_while(|&n| is_head(n))
        .collect();
    let rest = &root.children[head.len()..];
    out.push_str("<header>\n");
    for &n in &head {
        node(page, n, &mut out);
    }
    out.push_str("</header>\n<main>\n");
    let (asides, main): (Vec<usize>, Vec<usize>) = rest
        .iter()
        .partition(|&&n| page.tree.nodes[n].kind == Kind::Aside);
    for &n in &main {
        node(page, n, &mut out);
    }
    out.push_str("</main>\n");
    for &n in &asides {
        node(page, n, &mut out);
    }
    out.push_str("<footer>\n");
    for line in &doc.footer {
        out.push_str(&format!("<p>{}</p>\n", escape(line)));
    }
    out.push_str("</footer>\n</body>\n</html>\n");
    out
}

/// One node and its children as HTML.
fn node(page: &Page, n: usize, out: &mut String) {
    let tree = page.tree;
    let doc = page.doc;
    let node = &tree.nodes[n];
    let block = match node.content {
        Some(Content::Text(b)) | Some(Content::Marker(b)) | Some(Content::Figure(b)) => {
            Some(&doc.blocks[b])
        }
        Some(Content::Cell { block, .. }) => Some(&doc.blocks[block]),
        None => None,
    };
    // Headings, header cells and the department are bold by their look alone: their
    // runs' bold is the element's style, not emphasis.
    let plain = matches!(node.kind, Kind::H1 | Kind::H2 | Kind::TH)
        || block.is_some_and(|b| b.kind == BlockKind::Department);
    let inline = |r: &[Run]| {
        let online = doc.online.as_deref();
        if plain {
            linked(
                &r.iter().map(|r| r.text.as_str()).collect::<String>(),
                online,
            )
        } else {
            runs(r, online)
        }
    };
    let text = || match node.content {
        Some(Content::Text(b)) => inline(&doc.blocks[b].runs),
        Some(Content::Cell { block, row, col }) => doc.blocks[block]
            .table
            .as_ref()
            .and_then(|t| t.rows.get(row)?.get(col))
            .map(|cell| inline(cell))
            .unwrap_or_default(),
        _ => String::new(),
    };
    let children = |out: &mut String| {
        for &c in &node.children {
            self::node(page, c, out);
        }
    };
    match node.kind {
        Kind::Document => children(out),
        Kind::H1 => out.push_str(&format!("<h1>{}</h1>\n", text())),
        Kind::H2 => out.push_str(&format!("<h2>{}</h2>\n", text())),
        Kind::P => {
            let class = match block.map(|b| b.kind) {
                Some(BlockKind::Department) => " class=\"department\"",
                Some(BlockKind::Subtitle) => " class=\"subtitle\"",
                Some(BlockKind::Route) => " class=\"route\"",
                Some(BlockKind::Contact) => " class=\"contact\"",
                _ => "",
            };
            out.push_str(&format!("<p{class}>{}</p>\n", text()));
        }
        Kind::L { ordered } => {
            let tag = if ordered { "ol" } else { "ul" };
            out.push_str(&format!("<{tag}>\n"));
            children(out);
            out.push_str(&format!("</{tag}>\n"));
        }
        Kind::LI => {
            // The printed number, so a list that the author numbered from 3 reads from 3.
            let value = node
                .children
                .iter()
                .find_map(|&c| match tree.nodes[c].content {
                    Some(Content::Marker(b)) => doc.blocks[b].marker.as_ref(),
                    _ => None,
                })
                .and_then(|m| m.text.trim_end_matches(['.', ')']).parse::<u32>().ok());
            match value {
                Some(v) => out.push_str(&format!("<li value=\"{v}\">")),
                None => out.push_str("<li>"),
            }
            children(out);
            out.push_str("</li>\n");
        }
        // The browser draws the bullet or number itself.
        Kind::Lbl => {}
        Kind::LBody => {
            out.push_str(&text());
            if !node.children.is_empty() {
                out.push('\n');
            }
            children(out);
        }
        Kind::Table => {
            out.push_str("<div class=\"table\"><table>\n");
            let mut rows = node.children.iter();
            if let Some(&head) = rows.next() {
                out.push_str("<thead>\n");
                self::node(page, head, out);
                out.push_str("</thead>\n<tbody>\n");
            }
            for &r in rows {
                self::node(page, r, out);
            }
            out.push_str("</tbody>\n</table></div>\n");
        }
        Kind::TR => {
            out.push_str("<tr>");
            children(out);
            out.push_str("</tr>\n");
        }
        Kind::TH => out.push_str(&format!("<th scope=\"col\">{}</th>", text())),
        Kind::TD => out.push_str(&format!("<td>{}</td>", text())),
        Kind::Aside => {
            out.push_str(&format!(
                "<aside aria-label=\"{}\">\n",
                escape(tree.aside_label)
            ));
            children(out);
            out.push_str("</aside>\n");
        }
        Kind::Figure => {
            let Some(figure) = block.and_then(|b| b.figure.as_ref()) else {
                return;
            };
            // The picture travels inside the page (a data: URI): the twin stays one file
            // that a hospital drops into its website as it is.
            let src = crate::preview::data_uri(&figure.image).unwrap_or_default();
            out.push_str(&format!(
                "<figure style=\"max-width:{:.0}%\"><img src=\"{}\" alt=\"{}\">",
                figure.width * 100.0,
                escape(&src),
                escape(&figure.alt)
            ));
            children(out);
            out.push_str("</figure>\n");
        }
        Kind::Caption => out.push_str(&format!("<figcaption>{}</figcaption>", text())),
    }
}

/// Text as HTML with every web or e-mail address in it a link (paper prints them; a page
/// on screen should open them). The short form of the leaflet's `online` address (as
/// printed beside the QR code) links to that address as written.
fn linked(text: &str, online: Option<&str>) -> String {
    let online = online.and_then(|full| {
        Some((
            crate::model::control::short_address(full),
            crate::document::links::address_uri(full)?.1,
        ))
    });
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let word_start = rest
            .find(|c: char| !c.is_whitespace())
            .unwrap_or(rest.len());
        out.push_str(&escape(&rest[..word_start]));
        rest = &rest[word_start..];
        let word_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
        let word = &rest[..word_end];
        match crate::document::links::address_uri(word) {
            Some((range, uri)) => out.push_str(&format!(
                "{}<a href=\"{}\">{}</a>{}",
                escape(&word[..range.start]),
                escape(match &online {
                    Some((short, full)) if *short == &word[range.clone()] => full,
                    _ => &uri,
                }),
                escape(&word[range.clone()]),
                escape(&word[range.end..])
            )),
            None => out.push_str(&escape(word)),
        }
        rest = &rest[word_end..];
    }
    out
}

/// Runs as inline HTML: bold as `strong`, italic as `em`.
fn runs(runs: &[Run], online: Option<&str>) -> String {
    let mut out = String::new();
    for r in runs {
        let text = linked(&r.text, online);
        match r.face {
            FaceId::Regular => out.push_str(&text),
            FaceId::Bold => out.push_str(&format!("<strong>{text}</strong>")),
            FaceId::Italic => out.push_str(&format!("<em>{text}</em>")),
            FaceId::BoldItalic => out.push_str(&format!("<strong><em>{text}</em></strong>")),
        }
    }
    out
}
