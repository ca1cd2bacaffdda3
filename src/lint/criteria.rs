//! The easy-to-read criteria applied to the house style itself (issue 13): a library whose
//! `style.yaml` sets the body type or the line spacing below what the criteria ask gets a
//! warning from `check`, at the line of that setting, once per library. The style is still
//! valid (its hard ranges are `style::HouseStyle::problems`): a hospital may choose a
//! denser style, but `check --strict` then says so.

use crate::diagnostic::Diagnostic;
use crate::shared::{STYLE_FILE, SharedData, data_dirs, locate_setting};
use crate::source::file::{MAX_FILE_BYTES, read_utf8};
use crate::style::HouseStyle;
use std::path::{Path, PathBuf};

/// Line spacing, baseline to baseline in body sizes: Keurmerk Makkelijk Lezen asks for 1.5
/// line spacing and WCAG 1.4.12 for a line height of at least 1.5 times the font size.
pub const MIN_LEADING: f32 = 1.5;

/// Body type, points. RNIB Clear Print asks for 12 pt and prefers 14 pt; the house face
/// (Atkinson Hyperlegible, drawn for readers with low vision) is set at 11 pt on the A5
/// leaflets, and the large-print edition (`--large-print`) serves readers who need more.
/// So the criterion is 11 pt: below it no reader is served, whatever the face.
pub const MIN_BODY_PT: f32 = 11.0;

/// The criteria findings for one library's house style, each at the `style.yaml` line
/// that set the value (the deepest file that names it, as the cascade applies them).
pub fn style_criteria(shared: &SharedData) -> Vec<Diagnostic> {
    let style = &shared.style;
    let mut out = Vec::new();
    if style.body_size < MIN_BODY_PT {
        out.push(finding(
            shared,
            "body_size",
            crate::t!(
                "criteria-body-size",
                size = style.body_size.to_string(),
                min = MIN_BODY_PT.to_string()
            ),
            &crate::t!("criteria-body-size-hint"),
        ));
    }
    if style.leading < MIN_LEADING {
        out.push(finding(
            shared,
            "leading",
            crate::t!(
                "criteria-leading",
                leading = style.leading.to_string(),
                min = MIN_LEADING.to_string()
            ),
            &crate::t!("criteria-leading-hint"),
        ));
    }
    out
}

/// A warning for `setting`, placed on its value in the style file that set it last.
fn finding(shared: &SharedData, setting: &str, message: String, hint: &str) -> Diagnostic {
    let files = style_files(shared);
    let origin = files.iter().rev().find_map(|path| {
        let text = read_utf8(path, MAX_FILE_BYTES).ok()?;
        let (line, _) = locate_setting(&text, setting)?;
        Some((path.clone(), value_span(&text, line)))
    });
    let d = match origin {
        Some((path, (line, col, width))) => Diagnostic::warning(&path, message)
            .at(line, col)
            .spanning(width),
        // Not written anywhere: a default below the criteria (a library cannot get here
        // with the shipped defaults, but a changed default must still be said).
        None => Diagnostic::warning(
            &files
                .last()
                .cloned()
                .unwrap_or_else(|| PathBuf::from(STYLE_FILE)),
            message,
        ),
    };
    d.field(setting).hint(hint)
}

/// The style files of the cascade that exist, outermost first: the same chain
/// `SharedData::load` reads.
fn style_files(shared: &SharedData) -> Vec<PathBuf> {
    let Some(dir) = shared.dir.as_deref() else {
        return Vec::new();
    };
    let mut chain = dir
        .parent()
        .and_then(Path::parent)
        .map(data_dirs)
        .unwrap_or_default();
    if chain.last().map(PathBuf::as_path) != Some(dir) {
        chain.push(dir.to_path_buf());
    }
    chain
        .into_iter()
        .map(|d| d.join(STYLE_FILE))
        .filter(|p| p.is_file())
        .collect()
}

/// Line, column and width (characters) of the value on `line` (1-based) after its `key:`.
fn value_span(text: &str, line: usize) -> (usize, usize, usize) {
    let l = text.lines().nth(line - 1).unwrap_or("");
    let Some(colon) = l.find(':') else {
        return (line, 1, 1);
    };
    let after = &l[colon + 1..];
    let value = after.trim_start();
    let value = value.split('#').next().unwrap_or("").trim_end();
    let start = colon + 1 + (after.len() - after.trim_start().len());
    (
        line,
        l[..start].chars().count() + 1,
        value.chars().count().max(1),
    )
}

/// Whether `style` meets every criterion (the shipped defaults must).
pub fn meets_criteria(style: &HouseStyle) -> bool {
    style.body_size >= MIN_BODY_PT && style.leading >= MIN_LEADING
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_house_style_and_its_large_print_meet_the_criteria() {
        let style = HouseStyle::default();
        assert!(meets_criteria(&style));
        assert!(meets_criteria(&crate::style::large_print(&style)));
    }

    #[test]
    fn a_value_is_located_after_its_key() {
        let text = "body_size: 11\nleading:   1.25  # dense\n";
        assert_eq!(value_span(text, 2), (2, 12, 4));
        assert_eq!(value_span(text, 1), (1, 12, 2));
    }

    #[test]
    fn a_dense_style_is_flagged_at_the_file_and_line_that_set_it() {
        let root = std::env::temp_dir().join(format!("leaflet-criteria-{}", std::process::id()));
        let data = root.join("lib").join("_data");
        std::fs::create_dir_all(&data).unwrap();
        std::fs::write(
            data.join(STYLE_FILE),
            "# house style\nbody_size: 10\nleading: 1.3\n",
        )
        .unwrap();
        let shared = SharedData::load(Some(&data)).unwrap();
        let found = style_criteria(&shared);
        std::fs::remove_dir_all(&root).unwrap();
        let at: Vec<_> = found
            .iter()
            .map(|d| {
                (
                    d.field.clone().unwrap(),
                    d.line,
                    d.column,
                    d.width,
                    d.is_error(),
                )
            })
            .collect();
        assert_eq!(
            at,
            vec![
                ("body_size".into(), Some(2), Some(12), 2, false),
                ("leading".into(), Some(3), Some(10), 3, false),
            ]
        );
        assert_eq!(found[0].file, data.join(STYLE_FILE));
        assert_eq!(
            found[1].message,
            "a line spacing of 1.3 is below the 1.5 easy-to-read text asks for"
        );
    }
}
