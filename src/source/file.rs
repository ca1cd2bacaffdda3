//! Reading input files safely: only regular files, never more than a size limit, and text
//! whose encoding is known. Every read of a leaflet, a `_data` file or a text to import goes
//! through here, so a named pipe called `x.yaml` cannot hang a build while it holds the
//! output lock, and a gigabyte pasted by accident is refused before it is read.

use crate::diagnostic::Diagnostic;
use crate::t;
use std::fs;
use std::io::Read;
use std::path::Path;

/// A leaflet or `_data` file is a few kilobytes; a megabyte is something pasted by accident.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

/// Deeper bracket nesting than any leaflet or `_data` file needs. serde_yaml's scanner does
/// work quadratic in the depth before it refuses a deep file (200,000 `[` in a `_data` file
/// took five minutes), so depth is counted first, in one linear pass.
pub const MAX_NESTING: usize = 128;

/// What a path is when it is not a regular file, in the words of the warning.
pub fn kind_of(meta: &fs::Metadata) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return t!("kind-fifo");
        }
        if t.is_socket() {
            return t!("kind-socket");
        }
        if t.is_block_device() || t.is_char_device() {
            return t!("kind-device");
        }
    }
    if meta.is_dir() {
        t!("kind-folder")
    } else if meta.is_file() {
        t!("kind-file")
    } else {
        t!("kind-other")
    }
}

/// Reads at most `limit` bytes of a regular file. The file is opened without blocking and
/// its type checked on the open handle, so a FIFO swapped in after a directory listing is
/// refused too instead of waiting forever for a writer.
pub fn read_regular(path: &Path, limit: u64) -> Result<Vec<u8>, Diagnostic> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(nix_nonblock());
    }
    let file = options
        .open(path)
        .map_err(|e| Diagnostic::error(path, t!("check-cannot-read", error = e.to_string())))?;
    let meta = file
        .metadata()
        .map_err(|e| Diagnostic::error(path, t!("check-cannot-read", error = e.to_string())))?;
    if !meta.is_file() {
        return Err(
            Diagnostic::error(path, t!("not-a-file", kind = kind_of(&meta)))
                .hint(t!("not-a-file-hint")),
        );
    }
    if meta.len() > limit {
        return Err(too_large(path, meta.len(), limit));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    // The size may grow between the check and the read; never read past the limit.
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Diagnostic::error(path, t!("check-cannot-read", error = e.to_string())))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(path, bytes.len() as u64, limit));
    }
    Ok(bytes)
}

/// `O_NONBLOCK`: opening a FIFO for reading otherwise waits for a writer. On a regular file
/// the flag changes nothing.
#[cfg(unix)]
fn nix_nonblock() -> i32 {
    #[cfg(any(target_os = "linux", target_os = "android"))]
    {
        0o4000
    }
    #[cfg(not(any(target_os = "linux", target_os = "android")))]
    {
        0x0004
    }
}

fn too_large(path: &Path, bytes: u64, limit: u64) -> Diagnostic {
    Diagnostic::error(
        path,
        t!(
            "file-too-large-any",
            size = bytes.div_ceil(1024),
            max = limit / 1024
        ),
    )
    .hint(t!("file-too-large-hint"))
}

/// Reads a regular file as UTF-8 text, locating the first byte that is not UTF-8.
pub fn read_utf8(path: &Path, limit: u64) -> Result<String, Diagnostic> {
    let bytes = read_regular(path, limit)?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..at]).into_owned();
        let line = text.matches('\n').count() + 1;
        let col = text.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Diagnostic::error(path, t!("check-not-utf8"))
            .at(line, col)
            .hint(t!("check-not-utf8-hint"))
    })
}

/// The line on which bracket nesting first goes deeper than [`MAX_NESTING`]. Quotes are not
/// parsed, so this over-counts at worst: a real file never comes near the limit.
pub fn too_deep(source: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut line = 1;
    for c in source.chars() {
        match c {
            '[' | '{' => depth += 1,
            ']' | '}' => depth = depth.saturating_sub(1),
            '\n' => line += 1,
            _ => {}
        }
        if depth > MAX_NESTING {
            return Some(line);
        }
    }
    None
}

/// Refuses a YAML text nested too deep, at the line where it goes too deep.
pub fn nesting_guard(path: &Path, source: &str) -> Result<(), Diagnostic> {
    match too_deep(source) {
        None => Ok(()),
        Some(line) => Err(Diagnostic::error(path, t!("nesting", max = MAX_NESTING))
            .at(line, 1)
            .hint(t!("nesting-hint"))),
    }
}

/// Text decoded from bytes of an encoding that had to be found out.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded {
    pub text: String,
    /// The encoding's name as people know it (`UTF-8`, `UTF-16LE`, `windows-1252`).
    pub encoding: &'static str,
    /// Whether the encoding was guessed rather than declared (a byte-order mark) or proven
    /// (valid UTF-8): then the user is told which one was assumed.
    pub guessed: bool,
}

/// Decodes text from Word, Notepad or a mail client: a byte-order mark decides; otherwise
/// valid UTF-8 is UTF-8; otherwise chardetng guesses (in practice Windows-1252 for Dutch
/// text saved on Windows). chardetng is Firefox's detector, trained on exactly this
/// problem; a hand-written guess would mistake Windows-1252 for Latin-1 or worse.
/// Bytes the encoding cannot map are an error, never a silent U+FFFD.
pub fn decode(path: &Path, bytes: &[u8]) -> Result<Decoded, Diagnostic> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        return finish(path, encoding, &bytes[bom..], false);
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded {
            text: text.to_string(),
            encoding: "UTF-8",
            guessed: false,
        });
    }
    // Not UTF-8 (proven above), and never ISO-2022-JP: a Flemish text is neither.
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(Some(b"be"), chardetng::Utf8Detection::Deny);
    finish(path, encoding, bytes, true)
}

fn finish(
    path: &Path,
    encoding: &'static encoding_rs::Encoding,
    bytes: &[u8],
    guessed: bool,
) -> Result<Decoded, Diagnostic> {
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    if had_errors {
        let line = text
            .lines()
            .position(|l| l.contains('\u{FFFD}'))
            .map_or(1, |i| i + 1);
        return Err(
            Diagnostic::error(path, t!("bad-encoding", encoding = encoding.name()))
                .at(line, 1)
                .hint(t!("bad-encoding-hint")),
        );
    }
    Ok(Decoded {
        text: text.into_owned(),
        encoding: encoding.name(),
        guessed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_1252_is_recognised_and_decoded() {
        // "Één arts, 37° koorts: à la carte." in Windows-1252.
        let bytes = b"\xc9\xe9n arts, 37\xb0 koorts: \xe0 la carte. Ge\xefnformeerd.";
        let d = decode(Path::new("x.txt"), bytes).unwrap();
        assert_eq!(d.text, "Één arts, 37° koorts: à la carte. Geïnformeerd.");
        assert_eq!(d.encoding, "windows-1252");
        assert!(d.guessed);
    }

    #[test]
    fn byte_order_marks_and_utf8_are_not_guessed() {
        let d = decode(Path::new("x.txt"), "één".as_bytes()).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.guessed),
            ("één", "UTF-8", false)
        );
        let mut utf16 = vec![0xff, 0xfe];
        for u in "één".encode_utf16() {
            utf16.extend(u.to_le_bytes());
        }
        let d = decode(Path::new("x.txt"), &utf16).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.guessed),
            ("één", "UTF-16LE", false)
        );
    }

    #[test]
    fn nesting_is_refused_at_its_line() {
        assert_eq!(too_deep("a: 1\nb: [[]]\n"), None);
        let deep = format!("a: 1\nb: {}", "[".repeat(MAX_NESTING + 1));
        assert_eq!(too_deep(&deep), Some(2));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_refused_without_waiting_for_a_writer() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        let err = read_regular(&fifo, MAX_FILE_BYTES).unwrap_err();
        assert!(err.message.contains("named pipe"), "{}", err.message);
    }

    #[test]
    fn files_over_the_limit_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.yaml");
        fs::write(&p, vec![b'a'; 2048]).unwrap();
        assert!(read_regular(&p, 4096).is_ok());
        let err = read_regular(&p, 1024).unwrap_err();
        assert!(err.message.contains("2 KB"), "{}", err.message);
    }
}
