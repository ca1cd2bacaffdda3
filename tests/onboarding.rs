//! A hospital adds its own leaflets to `leaflets/`; the tests must not notice. They read
//! the copies under tests/fixtures/ instead, and this file keeps it that way.

mod common;

use std::fs;
use std::path::Path;

/// Every string literal in the tests and benches that names a file of the shipped library
/// (`"leaflets/ct-scan.yaml"`, `Path::new("leaflets/_data")`): there should be none, apart
/// from the JSON schema, which is part of the tool rather than of the library.
#[test]
fn no_test_reads_the_shipped_library() {
    let repo = common::repo();
    let shipped: Vec<String> = fs::read_dir(repo.join("leaflets"))
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n != "leaflet.schema.json")
        .collect();
    let mut found = Vec::new();
    for dir in ["tests", "tests/common", "benches"] {
        for entry in fs::read_dir(repo.join(dir)).unwrap().flatten() {
            let path = entry.path();
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("onboarding.rs") {
                continue;
            }
            let code = fs::read_to_string(&path).unwrap();
            for name in &shipped {
                // A bare `"leaflets/_data"` is usually a folder made in a temporary library.
                let bare = name
                    .ends_with(".yaml")
                    .then(|| format!("\"leaflets/{name}\""));
                for pattern in [
                    format!("Path::new(\"leaflets/{name}"),
                    format!("repo().join(\"leaflets/{name}"),
                ]
                .into_iter()
                .chain(bare)
                {
                    if code.contains(&pattern) {
                        found.push(format!("{}: {pattern}", path.display()));
                    }
                }
            }
            for pattern in ["repo().join(\"leaflets\")", "read_dir(\"leaflets\")"] {
                if code.contains(pattern) {
                    found.push(format!("{}: {pattern}", path.display()));
                }
            }
        }
    }
    assert!(found.is_empty(), "tests reading leaflets/: {found:#?}");
}

/// A copy of the library with a short leaflet of the hospital's own added: it builds and
/// checks clean like the rest.
#[test]
fn a_short_leaflet_of_ones_own_joins_the_library() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("leaflets");
    copy_dir(&common::repo().join("tests/fixtures/leaflets"), &lib);
    fs::write(
        lib.join("kort.yaml"),
        "title: Even bellen\nrevised: 2026-01-10\nauthors: Team onthaal\nroute: 105\n\
         sections:\n  - body: |\n      Bel ons als u vragen hebt.\n",
    )
    .unwrap();
    let out = common::leaflet(tmp.path(), &["build", "leaflets", "-o", "out"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    assert!(tmp.path().join("out/kort.pdf").is_file());
    let (built, _, failed) = common::counts(&out);
    assert_eq!((built, failed), (6, 0));
    let check = common::leaflet(tmp.path(), &["check", "leaflets/kort.yaml"]);
    assert!(check.status.success(), "{}", common::stdout(&check));
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), target).unwrap();
        }
    }
}
