//! Web and e-mail addresses in the text, found on the laid-out pages, so the office PDF can
//! make them clickable: a `/Link` annotation over each line's part of the address, and a
//! `Link` structure element holding the address's marked content and the annotations (as
//! PDF/UA asks: a screen reader announces the link, a keyboard reaches it).

use crate::document::links::address_uri;
use crate::document::tree::Content;
use crate::layout::{Page, PageItem};
use crate::model::control::short_address;
use std::collections::HashMap;

/// Above the baseline a link's box reaches this share of the type size (cap height and
/// accents); below it, `DESCENT`. A click target the size of the line's letters.
const ASCENT: f32 = 0.85;
const DESCENT: f32 = 0.25;

/// One address: the URI a click opens, the text items (page, item index) that print it, and
/// the box of each line's part of it in PDF points `[left, bottom, right, top]`.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    pub uri: String,
    pub parts: Vec<(usize, usize)>,
    pub rects: Vec<(usize, [f32; 4])>,
}

/// Every address on the pages, in reading order. A word is the run of tagged text items of
/// one content with no word space between them, so an address broken over two lines (or
/// pages) is one link. `to_pdf` turns layout's top-left coordinates into the media box's.
/// `online`: the leaflet's online address, which its short printed form (beside the QR
/// code, without `https://www.`) opens as written rather than as printed.
pub fn find(
    pages: &[Page],
    to_pdf: impl Fn(f32, f32) -> (f32, f32),
    online: Option<&str>,
) -> Vec<Link> {
    let online = online.and_then(|full| Some((short_address(full), address_uri(full)?.1)));
    let mut links = Vec::new();
    let mut word: Vec<(usize, usize)> = Vec::new();
    let mut text = String::new();
    let mut content: Option<Content> = None;
    let mut flush = |word: &mut Vec<(usize, usize)>, text: &mut String| {
        if let Some((range, uri)) = address_uri(text) {
            let uri = match &online {
                Some((short, full)) if *short == &text[range] => full.clone(),
                _ => uri,
            };
            let rects = rects(pages, word, &to_pdf);
            links.push(Link {
                uri,
                parts: std::mem::take(word),
                rects,
            });
        }
        word.clear();
        text.clear();
    };
    for (p, page) in pages.iter().enumerate() {
        for tag in &page.tags {
            let Some(PageItem::Text(run)) = page.items.get(tag.item) else {
                continue;
            };
            if content != Some(tag.content) {
                flush(&mut word, &mut text);
                content = Some(tag.content);
            }
            word.push((p, tag.item));
            text.push_str(&run.text());
            if tag.space_after {
                flush(&mut word, &mut text);
            }
        }
    }
    flush(&mut word, &mut text);
    links
}

/// One box per line: the parts of a word on one page and baseline joined.
fn rects(
    pages: &[Page],
    parts: &[(usize, usize)],
    to_pdf: &impl Fn(f32, f32) -> (f32, f32),
) -> Vec<(usize, [f32; 4])> {
    let mut lines: Vec<(usize, f32, f32, f32, f32)> = Vec::new();
    for &(p, item) in parts {
        let Some(PageItem::Text(run)) = pages[p].items.get(item) else {
            continue;
        };
        match lines.last_mut() {
            Some(l) if l.0 == p && l.2 == run.y => {
                l.1 = l.1.min(run.x);
                l.3 = l.3.max(run.right());
                l.4 = l.4.max(run.size);
            }
            _ => lines.push((p, run.x, run.y, run.right(), run.size)),
        }
    }
    lines
        .into_iter()
        .map(|(p, left, baseline, right, size)| {
            let (l, b) = to_pdf(left, baseline + DESCENT * size);
            let (r, t) = to_pdf(right, baseline - ASCENT * size);
            (p, [l, b, r, t])
        })
        .collect()
}

/// For each page, which link each of its text items belongs to.
pub fn by_item(links: &[Link], pages: usize) -> Vec<HashMap<usize, usize>> {
    let mut maps = vec![HashMap::new(); pages];
    for (n, link) in links.iter().enumerate() {
        for &(p, item) in &link.parts {
            maps[p].insert(item, n);
        }
    }
    maps
}
