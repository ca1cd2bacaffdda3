//! The output folder on disk: atomic writes, a leaflet's outputs replaced as one unit, the
//! lock, leftovers of killed runs, and proof that a file is still the one we wrote.

use crate::diagnostic::Diagnostic;
use crate::t;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Write;
use std::path::Path;
use tempfile::NamedTempFile;

/// One output file of a leaflet as it was written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileRecord {
    pub name: String,
    pub sha256: String,
    pub stamp: Stamp,
}

/// Lower-case hexadecimal, as `sha256sum` prints a hash.
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

pub const LOCK: &str = ".leaflet.lock";
pub const TEMP_PREFIX: &str = ".leaflet-tmp-";

/// Output files are for people and print shops, not just their owner.
#[cfg(unix)]
const OUTPUT_MODE: u32 = 0o644;

/// What the file system says about a file without reading it. If all of it is as recorded
/// when we wrote the file, the file is the one we wrote: an atomic replace gives a new
/// inode, an in-place rewrite (a zero-filled PDF) a new mtime and ctime, and `touch -r`
/// cannot set the ctime back. When any field differs, the content is hashed again.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub bytes: u64,
    pub mtime_ns: i64,
    pub ctime_ns: i64,
    pub inode: u64,
    pub device: u64,
}

/// The stamp of the file at `path` itself (a symlink is not followed: we never write one,
/// so a symlink there is not our file).
pub fn stamp(path: &Path) -> Option<Stamp> {
    let meta = fs::symlink_metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    Some(stamp_of(&meta))
}

#[cfg(unix)]
fn stamp_of(meta: &fs::Metadata) -> Stamp {
    use std::os::unix::fs::MetadataExt;
    Stamp {
        bytes: meta.len(),
        mtime_ns: meta.mtime() * 1_000_000_000 + meta.mtime_nsec(),
        ctime_ns: meta.ctime() * 1_000_000_000 + meta.ctime_nsec(),
        inode: meta.ino(),
        device: meta.dev(),
    }
}

#[cfg(not(unix))]
fn stamp_of(meta: &fs::Metadata) -> Stamp {
    let mtime_ns = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as i64);
    Stamp {
        bytes: meta.len(),
        mtime_ns,
        ..Stamp::default()
    }
}

/// Whether the file at `path` is the one `record` describes. The cheap stamp check first;
/// when any field differs, the full content hash decides, and a matching file gets its new
/// stamp back so the next run is cheap again.
pub fn verify(path: &Path, record: &FileRecord) -> Verified {
    let Some(now) = stamp(path) else {
        return Verified::No;
    };
    if now == record.stamp {
        return Verified::Same;
    }
    if now.bytes != record.stamp.bytes {
        return Verified::No;
    }
    match fs::read(path) {
        Ok(bytes) if hex(&Sha256::digest(&bytes)) == record.sha256 => Verified::Rehashed(now),
        _ => Verified::No,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verified {
    Same,
    /// Same content, touched or copied: the new stamp to record.
    Rehashed(Stamp),
    No,
}

/// Writes `bytes` to a temporary file beside `path` and renames it into place: readers see
/// the old file or the new one, never half of either. A symlink at `path` is replaced, not
/// followed.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_atomic_with(path, |f| f.write_all(bytes)).map_err(|e| describe(path, &e))
}

fn describe(path: &Path, e: &std::io::Error) -> String {
    let dir = parent(path);
    format!(
        "cannot write {} in {}: {e}",
        path.file_name()
            .and_then(|n| n.to_str())
            .unwrap_or("the file"),
        dir.display()
    )
}

fn parent(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// The atomic write with the writing step given, so tests can make it fail halfway.
///
/// No fsync: the rename alone makes the write atomic for every reader and for an interrupted
/// or killed run, which is the safety asked for; an fsync costs about 11 ms per file on
/// the build machine, twice the budget of a whole one-leaflet run. After a power cut, a PDF
/// whose content differs from its manifest line is rebuilt by the next run.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let tmp = stage_with(path, write)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

fn stage_with(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> std::io::Result<()>,
) -> std::io::Result<NamedTempFile> {
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(parent(path))?;
    write(tmp.as_file_mut())?;
    // tempfile creates 0600; set the mode explicitly so the umask cannot hide it either.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(fs::Permissions::from_mode(OUTPUT_MODE))?;
    }
    Ok(tmp)
}

/// Writes every output of one leaflet as a unit: all are written to temporary files first
/// (a full disk fails here, replacing nothing), every destination is checked to be
/// replaceable, and only then renamed into place, the leaflet's own PDF last. Returns the
/// record of each file as written, in the order given.
pub fn write_unit(files: &[(&Path, &[u8])]) -> Result<Vec<FileRecord>, Diagnostic> {
    let mut staged = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let tmp = stage_with(path, |f| f.write_all(bytes)).map_err(|e| {
            Diagnostic::error(path, describe(path, &e)).hint(t!("write-failed-hint"))
        })?;
        staged.push(tmp);
    }
    // A folder (or anything else that is not a file) in the way would make one rename fail
    // after others succeeded; refuse before replacing anything.
    for (path, _) in files {
        if let Ok(meta) = fs::symlink_metadata(path)
            && meta.is_dir()
        {
            return Err(
                Diagnostic::error(path, t!("output-is-folder")).hint(t!("output-is-folder-hint"))
            );
        }
    }
    let mut records = Vec::with_capacity(files.len());
    for ((path, bytes), tmp) in files.iter().zip(staged) {
        tmp.persist(path)
            .map_err(|e| Diagnostic::error(path, describe(path, &e.error)))?;
        records.push(FileRecord {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            sha256: hex(&Sha256::digest(bytes)),
            stamp: stamp(path).unwrap_or_default(),
        });
    }
    Ok(records)
}

/// Leftovers of a killed run: temporary files are never valid output.
pub fn remove_stale_temps(out: &Path) {
    if let Ok(entries) = fs::read_dir(out) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with(TEMP_PREFIX) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// One run at a time per output folder; a second run waits for the first.
pub fn lock_output(out: &Path) -> Result<fs::File, Diagnostic> {
    let path = out.join(LOCK);
    let file = fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| {
            Diagnostic::error(out, t!("out-not-writable", error = e.to_string()))
                .hint(t!("out-not-writable-hint"))
        })?;
    file.lock()
        .map_err(|e| Diagnostic::error(&path, t!("out-cannot-lock", error = e.to_string())))?;
    Ok(file)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(path: &Path, bytes: &[u8]) -> FileRecord {
        write_unit(&[(path, bytes)]).unwrap().remove(0)
    }

    #[test]
    fn a_file_rewritten_in_place_with_the_same_size_is_not_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.pdf");
        let rec = record(&p, b"%PDF-1.7 phone 03 821 30 00");
        assert_eq!(verify(&p, &rec), Verified::Same);
        // Same size, other content, written in place (same inode).
        let mut f = fs::OpenOptions::new().write(true).open(&p).unwrap();
        f.write_all(b"%PDF-1.7 phone 03 821 30 01").unwrap();
        drop(f);
        assert_eq!(verify(&p, &rec), Verified::No);
        // Zero-filled, same size.
        fs::write(&p, vec![0u8; rec.stamp.bytes as usize]).unwrap();
        assert_eq!(verify(&p, &rec), Verified::No);
    }

    #[test]
    fn a_copy_with_the_same_content_is_trusted_with_a_new_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("x.pdf");
        let rec = record(&p, b"%PDF-1.7 the one");
        let copy = dir.path().join("copy");
        fs::copy(&p, &copy).unwrap();
        fs::rename(&copy, &p).unwrap();
        match verify(&p, &rec) {
            Verified::Rehashed(s) => assert_ne!(s, rec.stamp),
            other => panic!("{other:?}"),
        }
        fs::remove_file(&p).unwrap();
        assert_eq!(verify(&p, &rec), Verified::No);
    }

    #[test]
    fn a_unit_with_a_folder_in_the_way_replaces_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.pdf");
        let sheet = dir.path().join("a-2up.pdf");
        fs::write(&a, b"old").unwrap();
        fs::create_dir(&sheet).unwrap();
        let err = write_unit(&[(&sheet, b"new sheet"), (&a, b"new")]).unwrap_err();
        assert!(err.message.contains("folder"), "{}", err.message);
        assert_eq!(fs::read(&a).unwrap(), b"old");
        let left: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().starts_with(TEMP_PREFIX))
            .collect();
        assert!(left.is_empty());
    }
}
