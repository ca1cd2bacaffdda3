//! Reading content streams: a page's streams in order, each decoded strictly and parsed
//! in full, so that what could not be read is an error and never a shorter page.

use super::Walker;
use crate::preflight::streams;
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId};

/// A page's resources, inherited from the page tree when the page has none of its own.
pub(super) fn page_resources(doc: &Document, page: ObjectId) -> Option<&Dictionary> {
    let mut node = doc.get_dictionary(page).ok()?;
    for _ in 0..=crate::preflight::tree::MAX_DEPTH {
        if let Ok(r) = node.get(b"Resources")
            && let Ok((_, Object::Dictionary(d))) = doc.dereference(r)
        {
            return Some(d);
        }
        let parent = node.get(b"Parent").and_then(Object::as_reference).ok()?;
        node = doc.get_dictionary(parent).ok()?;
    }
    None
}

/// lopdf reads a Type 3 glyph's opening `d0` or `d1` as the dash operator `d` and a
/// number it hands to the next operator (`1000 0 d0 1 1 1 1 k` became a `k` of five
/// operands, whose ink is then unknown), or leaves dangling (`250 0 d0`, a space, is then
/// no content at all). The spec puts them first in a glyph, after their numbers only, so
/// there the digit is swapped for a letter before parsing and the name restored after.
pub(super) fn glyph_operator(bytes: &[u8]) -> Option<(usize, &'static str)> {
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                    i += 1;
                }
            }
            b'0'..=b'9' | b'.' | b'-' | b'+' | b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | 0 => i += 1,
            _ => break,
        }
    }
    let name = match bytes.get(i..i + 2)? {
        b"d0" => "d0",
        b"d1" => "d1",
        _ => return None,
    };
    let ends = bytes
        .get(i + 2)
        .is_none_or(|c| c.is_ascii_whitespace() || b"/[<(%".contains(c));
    ends.then_some((i + 1, name))
}

impl Walker<'_> {
    /// Decodes one content stream in full or says why not: lopdf's lenient decoder stops
    /// at the first byte it cannot read and returns what came before as if that were all.
    pub(super) fn decode(&mut self, stream: &lopdf::Stream, what: &str) -> Option<Vec<Operation>> {
        let bytes = match streams::decode(stream, self.limits.stream_bytes) {
            Ok(b) => b,
            Err(e) => {
                self.error(format!("{what} {e}"));
                return None;
            }
        };
        let glyph = glyph_operator(&bytes);
        let bytes = match glyph {
            Some((at, _)) => {
                let mut b = bytes;
                b[at] = b'Z';
                b
            }
            None => bytes,
        };
        match Content::decode_strict(&bytes) {
            Ok(mut c) => {
                if let (Some((_, name)), Some(first)) = (glyph, c.operations.first_mut()) {
                    first.operator = name.to_string();
                }
                Some(c.operations)
            }
            Err(e) => {
                self.error(format!("{what} cannot be read as PDF operators ({e})"));
                None
            }
        }
    }

    /// The page's content streams, in order, as one list of operators.
    pub(super) fn page_content(&mut self, page: ObjectId) -> Option<Vec<Operation>> {
        let doc = self.doc;
        let contents = doc.get_dictionary(page).ok()?.get(b"Contents").ok()?;
        // Each stream with its object, by which its operators are decoded once.
        let streams: Vec<&Object> = match doc.dereference(contents) {
            Ok((_, Object::Array(a))) => a.iter().collect(),
            Ok((_, Object::Stream(_))) => vec![contents],
            Ok((_, Object::Null)) => Vec::new(),
            _ => {
                self.error("its /Contents is neither a stream nor an array of streams".into());
                return None;
            }
        };
        let mut ops = Vec::new();
        for s in streams {
            match doc.dereference(s) {
                Ok((id, Object::Stream(stream))) => {
                    ops.extend(self.stream_ops(id, stream, "content")?.iter().cloned())
                }
                _ => {
                    self.error("a /Contents entry is not a stream (missing or damaged)".into());
                    return None;
                }
            }
        }
        Some(ops)
    }
}
