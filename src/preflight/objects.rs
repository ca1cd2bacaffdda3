//! Objects the file lists but the reader dropped. lopdf loads what it can and leaves out,
//! with only a log line, an object it cannot parse and every object inside an object
//! stream it will not decode (one that inflates past the 64 MB limit, say). What was left
//! out was never checked — a page, a font or a graphics state among them may print
//! anything — so each is named here, and the file is not ready.

use super::MAX_STREAM_BYTES;
use super::streams;
use lopdf::Document;
use lopdf::xref::XrefEntry;
use std::collections::BTreeMap;

/// Object numbers listed in one message before "and n more".
const LISTED: usize = 5;

/// What the cross-reference table lists and the loaded document lacks, said per object
/// stream and for loose objects.
pub fn unread(doc: &Document, bytes: &[u8]) -> Vec<String> {
    // An encrypted file is loaded another way, and fails "encryption" whatever it holds.
    if doc.was_encrypted() || doc.is_encrypted() {
        return Vec::new();
    }
    let loaded = |n: u32| doc.objects.range((n, 0)..=(n, u16::MAX)).next().is_some();
    let mut in_streams: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    let mut loose: Vec<(u32, u32)> = Vec::new();
    for (&n, entry) in &doc.reference_table.entries {
        if n == 0 || loaded(n) {
            continue;
        }
        match *entry {
            XrefEntry::Normal { offset, .. } => loose.push((n, offset)),
            XrefEntry::Compressed { container, .. } => {
                in_streams.entry(container).or_default().push(n)
            }
            XrefEntry::Free | XrefEntry::UnusableFree => {}
        }
    }
    let mut problems = Vec::new();
    // Object streams that could not be read are named with what they held, not again
    // among the loose objects.
    let numbers: Vec<u32> = loose
        .iter()
        .filter(|(n, _)| !in_streams.contains_key(n))
        .map(|&(n, _)| n)
        .collect();
    for (container, objects) in in_streams {
        let why = if loaded(container) {
            "does not hold them".to_string()
        } else {
            match doc.reference_table.entries.get(&container) {
                Some(XrefEntry::Normal { offset, .. }) => {
                    format!(
                        "cannot be read ({})",
                        stream_trouble(bytes, *offset as usize)
                    )
                }
                _ => "is not in the file".to_string(),
            }
        };
        problems.push(format!(
            "object stream {container} {why}, so {} object{} in it ({}) {} not checked",
            objects.len(),
            if objects.len() == 1 { "" } else { "s" },
            list(&objects),
            if objects.len() == 1 { "was" } else { "were" },
        ));
    }
    if !numbers.is_empty() {
        problems.push(format!(
            "{} object{} listed in the cross-reference table cannot be parsed ({}), so {} not checked",
            numbers.len(),
            if numbers.len() == 1 { "" } else { "s" },
            list(&numbers),
            if numbers.len() == 1 { "it was" } else { "they were" },
        ));
    }
    problems
}

fn list(numbers: &[u32]) -> String {
    let mut s: Vec<String> = numbers.iter().take(LISTED).map(u32::to_string).collect();
    if numbers.len() > LISTED {
        s.push(format!("and {} more", numbers.len() - LISTED));
    }
    s.join(", ")
}

/// Why the stream object at `offset` could not be loaded, as far as the bytes tell: a
/// deflate stream is inflated (to the limit) to see whether it is too large or damaged.
fn stream_trouble(bytes: &[u8], offset: usize) -> String {
    let damaged = "damaged or not a stream".to_string();
    let Some(head) = bytes.get(offset..) else {
        return damaged;
    };
    let window = &head[..head.len().min(64 << 10)];
    let Some(at) = window.windows(6).position(|w| w == b"stream") else {
        return damaged;
    };
    if !window[..at].windows(11).any(|w| w == b"FlateDecode") {
        return damaged;
    }
    let mut start = at + 6;
    if head.get(start) == Some(&b'\r') {
        start += 1;
    }
    if head.get(start) == Some(&b'\n') {
        start += 1;
    }
    match streams::inflate(&head[start..], MAX_STREAM_BYTES) {
        Err(e) if e.starts_with("is larger") => {
            format!("it decodes to more than {} MB", MAX_STREAM_BYTES >> 20)
        }
        Err(e) => format!("it {e}"),
        Ok(_) => damaged,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A file of `objects` (bodies, numbered from 1) with a classic cross-reference table.
    fn file(objects: &[Vec<u8>]) -> Vec<u8> {
        let mut out = b"%PDF-1.6\n".to_vec();
        let mut offsets = Vec::new();
        for (i, body) in objects.iter().enumerate() {
            offsets.push(out.len());
            out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
            out.extend_from_slice(body);
            out.extend_from_slice(b"\nendobj\n");
        }
        let xref = out.len();
        out.extend_from_slice(
            format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
        );
        for o in offsets {
            out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend_from_slice(
            format!(
                "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
                objects.len() + 1
            )
            .as_bytes(),
        );
        out
    }

    #[test]
    fn an_object_stream_too_large_to_decode_is_named_with_what_it_held() {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(b"9 0 ").unwrap();
        z.write_all(&vec![b' '; 65 << 20]).unwrap();
        z.write_all(b"<< >>").unwrap();
        let data = z.finish().unwrap();
        let mut objstm = format!(
            "<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length {} >>\nstream\n",
            data.len()
        )
        .into_bytes();
        objstm.extend_from_slice(&data);
        objstm.extend_from_slice(b"\nendstream");
        let bytes = file(&[
            b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
            b"<< /Type /Pages /Kids [] /Count 0 >>".to_vec(),
            objstm,
            b"(garbage".to_vec(),
        ]);
        let options = lopdf::LoadOptions::with_max_decompressed_size(MAX_STREAM_BYTES);
        let mut doc = Document::load_mem_with_options(&bytes, options).unwrap();
        assert!(!doc.objects.contains_key(&(3, 0)));
        // The object it holds, as a cross-reference stream would list it.
        doc.reference_table.entries.insert(
            9,
            XrefEntry::Compressed {
                container: 3,
                index: 0,
            },
        );
        assert_eq!(
            unread(&doc, &bytes),
            [
                "object stream 3 cannot be read (it decodes to more than 64 MB), so 1 object in it (9) was not checked",
                "1 object listed in the cross-reference table cannot be parsed (4), so it was not checked",
            ]
        );
    }
}
