//! Where a library's files are: its `_data` folders from the top down, the library root a
//! figure or logo must stay inside, and a setting's line in a flat `_data` YAML file. Kept
//! with the reading of inputs so that the shared data, the model and the identity can all
//! ask without asking each other.

use std::path::{Component, Path, PathBuf};

/// The folder of shared data beside (or above) the leaflets.
pub const DATA_DIR: &str = "_data";

/// Every `_data` folder at or above `dir`, the outermost first, each once, as absolute
/// paths.
///
/// The folder is resolved first (made absolute, `.` and `..` and links resolved): walking
/// up a path as it was written stops where the writing stops (`afdeling` has no parent to
/// look in) and can meet one folder under two names (`.` and the empty path), so the
/// cascade, and with it the route table, the house style and the hospital's colophon,
/// would depend on the folder the tool was started from.
pub fn data_dirs(dir: &Path) -> Vec<PathBuf> {
    let dir = resolved(dir);
    let mut found: Vec<PathBuf> = dir
        .ancestors()
        .map(|d| d.join(DATA_DIR))
        .filter(|c| c.is_dir())
        .collect();
    found.reverse();
    found
}

/// `dir` as one absolute name: the real path when it exists, else the path made absolute
/// with `.` and `..` taken away as written (there is no link left to follow).
fn resolved(dir: &Path) -> PathBuf {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    if let Ok(real) = std::fs::canonicalize(dir) {
        return real;
    }
    let absolute = std::path::absolute(dir).unwrap_or_else(|_| dir.to_path_buf());
    let mut out = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The library a leaflet belongs to: the folder above its outermost `_data`, or the
/// leaflet's own folder when it has none. Figures must lie inside it.
pub fn library_root(leaflet: &Path) -> PathBuf {
    let dir = leaflet
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let dir = std::fs::canonicalize(dir).unwrap_or_else(|_| dir.to_path_buf());
    data_dirs(&dir)
        .first()
        .and_then(|d| d.parent())
        .map(Path::to_path_buf)
        .unwrap_or(dir)
}

/// `file` resolved against the leaflet's folder, refused when it leaves the library (by
/// `..`, an absolute path or a symbolic link) or is not there.
pub fn inside_library(leaflet: &Path, file: &str) -> Result<PathBuf, (String, String)> {
    let hint_inside = || crate::t!("figure-inside-hint");
    let written = Path::new(file);
    if file.is_empty() {
        return Err((crate::t!("figure-file-empty"), hint_inside()));
    }
    if written.is_absolute()
        || written
            .components()
            .any(|c| matches!(c, Component::Prefix(_) | Component::RootDir))
    {
        return Err((crate::t!("figure-absolute", file = file), hint_inside()));
    }
    let dir = leaflet
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let joined = dir.join(written);
    let Ok(real) = std::fs::canonicalize(&joined) else {
        return Err((
            crate::t!("figure-missing", file = file),
            crate::t!("figure-missing-hint"),
        ));
    };
    let root = library_root(leaflet);
    if !real.starts_with(&root) {
        return Err((
            crate::t!(
                "figure-outside",
                file = file,
                root = root.display().to_string()
            ),
            hint_inside(),
        ));
    }
    Ok(real)
}

/// The line and column of a setting (`body_size`, or `text_color.k`) in a style file: a
/// top-level key at the start of a line, a channel inside its flow map or indented below.
/// The parser keeps no positions for values, and style files are flat, so this finds them.
pub fn locate_setting(text: &str, setting: &str) -> Option<(usize, usize)> {
    let (top, channel) = match setting.split_once('.') {
        Some((t, c)) => (t, Some(c)),
        None => (setting, None),
    };
    let lines: Vec<&str> = text.lines().collect();
    let start = lines.iter().position(|l| key_at(l, top) == Some(0))?;
    let Some(channel) = channel else {
        return Some((start + 1, 1));
    };
    let on_line = |l: &str| -> Option<usize> {
        let bytes = l.as_bytes();
        (0..l.len()).find(|&i| {
            l[i..].starts_with(channel)
                && (i == 0 || matches!(bytes[i - 1], b'{' | b',' | b' '))
                && l[i + channel.len()..].trim_start().starts_with(':')
        })
    };
    if let Some(i) = on_line(&lines[start][top.len()..]) {
        return Some((start + 1, top.len() + i + 1));
    }
    for (n, l) in lines.iter().enumerate().skip(start + 1) {
        let indent = l.len() - l.trim_start().len();
        if indent == 0 && !l.trim().is_empty() {
            break;
        }
        if key_at(l, channel).is_some() {
            return Some((n + 1, indent + 1));
        }
    }
    Some((start + 1, 1))
}

/// The indentation of `key:` when the line is that key.
fn key_at(line: &str, key: &str) -> Option<usize> {
    let trimmed = line.trim_start();
    let rest = trimmed.strip_prefix(key)?;
    rest.trim_start()
        .starts_with(':')
        .then_some(line.len() - trimmed.len())
}
