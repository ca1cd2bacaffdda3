//! Decoding a content stream strictly. lopdf's decoder is forgiving — a deflate stream of
//! random bytes, or one cut short, comes back as the bytes it managed (often none) with a
//! log line — which suits a viewer and fails a preflight: half a page read is a page the
//! checker cannot vouch for. Deflate, the filter of nearly every content stream, is
//! decoded here to its end marker; other filters go through lopdf's bounded decoder.

use flate2::{Decompress, FlushDecompress, Status};
use lopdf::{Object, Stream};

/// Output grows in steps of this much, so a small stream never reserves the whole limit.
const STEP: usize = 64 << 10;

/// The stream's decoded bytes, or why they cannot be trusted.
pub fn decode(stream: &Stream, limit: usize) -> Result<Vec<u8>, String> {
    let filters: Vec<&[u8]> = match stream.dict.get(b"Filter") {
        Err(_) => Vec::new(),
        Ok(Object::Name(n)) => vec![n.as_slice()],
        Ok(Object::Array(a)) => a
            .iter()
            .map(|o| {
                o.as_name()
                    .map_err(|_| "its /Filter names no filter".to_string())
            })
            .collect::<Result<_, _>>()?,
        Ok(_) => return Err("its /Filter is neither a name nor an array".into()),
    };
    let predictor = stream.dict.get(b"DecodeParms").is_ok();
    let all_flate = filters.iter().all(|f| *f == b"FlateDecode" || *f == b"Fl");
    if !all_flate || predictor {
        return stream
            .decompressed_content_with_limit(limit)
            .or_else(|e| {
                if filters.is_empty() {
                    Ok(stream.content.clone())
                } else {
                    Err(e)
                }
            })
            .map_err(|e| format!("cannot be decoded ({e})"));
    }
    let mut data = stream.content.clone();
    for _ in &filters {
        data = inflate(&data, limit)?;
    }
    if data.len() > limit {
        return Err(format!("is larger than {} MB decoded", limit >> 20));
    }
    Ok(data)
}

/// The first `n` bytes of a stream's decoded data (fewer if it is shorter): enough to read
/// a header without inflating a whole profile. Deflate is inflated only that far; other
/// filters go through the bounded decoder.
pub fn head(stream: &Stream, n: usize, limit: usize) -> Result<Vec<u8>, String> {
    let filter = stream.dict.get(b"Filter").ok();
    let mut data = match filter {
        None => stream.content.clone(),
        Some(Object::Name(f))
            if (f == b"FlateDecode" || f == b"Fl") && !stream.dict.has(b"DecodeParms") =>
        {
            let mut z = Decompress::new(true);
            let mut out = Vec::with_capacity(n);
            while out.len() < n {
                let before = (z.total_in(), z.total_out());
                let input = &stream.content[(z.total_in() as usize).min(stream.content.len())..];
                let status = z
                    .decompress_vec(input, &mut out, FlushDecompress::None)
                    .map_err(|e| format!("holds damaged compressed data ({e})"))?;
                if status == Status::StreamEnd || (z.total_in(), z.total_out()) == before {
                    break;
                }
            }
            out
        }
        Some(_) => stream
            .decompressed_content_with_limit(limit)
            .map_err(|e| format!("cannot be decoded ({e})"))?,
    };
    data.truncate(n);
    Ok(data)
}

/// zlib-inflates `input` to its end marker; an early end or a damaged block is an error.
pub(super) fn inflate(input: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    let mut z = Decompress::new(true);
    let mut out: Vec<u8> = Vec::with_capacity(STEP.min(limit + 1));
    loop {
        let consumed = z.total_in() as usize;
        // Checked on every round, not only when the buffer is full: `reserve` may double
        // the capacity, and a stream just past the limit would then fit unnoticed.
        if out.len() > limit {
            return Err(format!("is larger than {} MB decoded", limit >> 20));
        }
        if out.len() == out.capacity() {
            out.reserve_exact(STEP.min(limit + 1 - out.len()).max(1));
        }
        let before = (z.total_in(), z.total_out());
        let status = z
            .decompress_vec(&input[consumed..], &mut out, FlushDecompress::None)
            .map_err(|e| format!("holds damaged compressed data ({e})"))?;
        match status {
            Status::StreamEnd => return Ok(out),
            _ if (z.total_in(), z.total_out()) == before && out.len() < out.capacity() => {
                return Err("ends before its compressed data does".into());
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn deflated(data: &[u8]) -> Vec<u8> {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        z.write_all(data).unwrap();
        z.finish().unwrap()
    }

    fn flate(content: Vec<u8>) -> Stream {
        Stream::new(lopdf::dictionary! { "Filter" => "FlateDecode" }, content)
    }

    #[test]
    fn whole_streams_decode_and_damaged_ones_say_so() {
        let ops = b"0 0 0 1 k 10 10 50 50 re f".repeat(100);
        let z = deflated(&ops);
        assert_eq!(decode(&flate(z.clone()), 1 << 20).unwrap(), ops);
        let cut = decode(&flate(z[..z.len() / 2].to_vec()), 1 << 20).unwrap_err();
        assert_eq!(cut, "ends before its compressed data does");
        let noise = decode(&flate(vec![0x78, 0x9c, 0xff, 0xff, 0xff, 0x00]), 1 << 20).unwrap_err();
        assert!(
            noise.starts_with("holds damaged compressed data"),
            "{noise}"
        );
        let bomb = decode(&flate(deflated(&vec![b' '; 3 << 20])), 1 << 20).unwrap_err();
        assert_eq!(bomb, "is larger than 1 MB decoded");
    }

    #[test]
    fn a_header_is_read_without_inflating_the_rest() {
        let data: Vec<u8> = (0..=255u8).cycle().take(1 << 20).collect();
        let h = head(&flate(deflated(&data)), 20, 1 << 10).unwrap();
        assert_eq!(h, data[..20]);
        let plain = Stream::new(lopdf::Dictionary::new(), b"short".to_vec());
        assert_eq!(head(&plain, 20, 1 << 10).unwrap(), b"short");
    }
}
