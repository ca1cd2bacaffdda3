//! The JSON Schema of the leaflet format, generated from the serde types in [`crate::model`]
//! so it can never drift from what `build` accepts. Editors (VS Code with the YAML extension)
//! read it to complete field names and flag mistakes while the secretary types.

use crate::model::LeafletFile;
use std::path::{Path, PathBuf};

/// The file name the schema is committed under, next to the leaflets.
pub const SCHEMA_FILE: &str = "leaflet.schema.json";

/// The schema as pretty JSON, with a final newline so the committed file diffs cleanly.
pub fn json() -> String {
    // Draft-07: the draft every YAML editor plugin understands, older ones included.
    let schema = schemars::generate::SchemaSettings::draft07()
        .into_generator()
        .into_root_schema_for::<LeafletFile>();
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serialises");
    text.push('\n');
    text
}

/// The `# yaml-language-server` line for a leaflet written into `dir`: it points at the
/// nearest `leaflet.schema.json` at or above `dir`, relative, so the library can be moved.
pub fn modeline(dir: &Path) -> String {
    format!(
        "# yaml-language-server: $schema={}",
        relative_schema_path(dir).display()
    )
}

fn relative_schema_path(dir: &Path) -> PathBuf {
    let mut up = PathBuf::new();
    let mut at = Some(dir);
    while let Some(d) = at {
        if d.join(SCHEMA_FILE).is_file() {
            return up.join(SCHEMA_FILE);
        }
        up.push("..");
        // An empty relative path has no parent; stop at the current folder.
        at = d.parent().filter(|p| !p.as_os_str().is_empty());
    }
    // No schema in the library yet: the convention is one beside the leaflets.
    PathBuf::from(SCHEMA_FILE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modeline_climbs_to_the_nearest_schema() {
        let tmp = tempfile::tempdir().unwrap();
        std::fs::write(tmp.path().join(SCHEMA_FILE), "{}").unwrap();
        let sub = tmp.path().join("hematologie");
        std::fs::create_dir(&sub).unwrap();
        assert_eq!(
            modeline(&sub),
            "# yaml-language-server: $schema=../leaflet.schema.json"
        );
        assert_eq!(
            modeline(tmp.path()),
            "# yaml-language-server: $schema=leaflet.schema.json"
        );
    }

    #[test]
    fn schema_names_every_field() {
        let text = json();
        for field in [
            "title", "revised", "authors", "route", "sections", "heading",
        ] {
            assert!(text.contains(&format!("\"{field}\"")), "{field} missing");
        }
    }
}
