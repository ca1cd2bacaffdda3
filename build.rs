//! Computes the tool's fingerprint at build time, for incremental builds.
//!
//! A leaflet must be rebuilt when the program that typesets it changed, even if the version
//! number did not. Hashing the running executable says that exactly, but reading and
//! hashing 12 MB at every start cost more than a whole no-op run of a library. The
//! executable is a function of its sources, fonts, locked dependencies, compiler and target,
//! so hashing those here gives the same answer for free at run time.

use std::collections::hash_map::DefaultHasher;
use std::hash::Hasher;
use std::path::{Path, PathBuf};

fn main() {
    for input in ["src", "fonts", "Cargo.lock", "Cargo.toml", "build.rs"] {
        println!("cargo:rerun-if-changed={input}");
    }
    println!("cargo:rerun-if-env-changed=RUSTFLAGS");

    let mut files = Vec::new();
    for input in ["src", "fonts", "Cargo.lock", "Cargo.toml"] {
        collect(Path::new(input), &mut files);
    }
    files.sort();

    // Two independently keyed 64-bit hashes: collisions are irrelevant at this scale, but a
    // 128-bit value reads as a hash in the manifest and cannot be mistaken for a counter.
    let mut a = DefaultHasher::new();
    let mut b = DefaultHasher::new();
    b.write(b"leaflet second key");
    let mut feed = |bytes: &[u8]| {
        a.write(bytes);
        b.write(bytes);
    };
    for f in &files {
        feed(f.to_string_lossy().as_bytes());
        feed(&std::fs::read(f).expect("build input is readable"));
    }
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let version = std::process::Command::new(rustc)
        .arg("-vV")
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default();
    feed(&version);
    for var in [
        "TARGET",
        "RUSTFLAGS",
        "CARGO_ENCODED_RUSTFLAGS",
        "OPT_LEVEL",
    ] {
        feed(std::env::var(var).unwrap_or_default().as_bytes());
    }
    println!(
        "cargo:rustc-env=LEAFLET_BUILD_HASH={:016x}{:016x}",
        a.finish(),
        b.finish()
    );
}

fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    if path.is_dir() {
        if let Ok(entries) = std::fs::read_dir(path) {
            for e in entries.flatten() {
                collect(&e.path(), files);
            }
        }
    } else if path.is_file() {
        files.push(path.to_path_buf());
    }
}
