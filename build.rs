//! Fingerprints the engine for the persisted index: a hash of the sources, the lexicon,
//! Cargo.lock and the compiler, so an index built by another build is never trusted.

use std::hash::{Hash, Hasher};
use std::path::Path;

fn add_dir(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            add_dir(&p, files);
        } else {
            files.push(p);
        }
    }
}

fn main() {
    let mut files = Vec::new();
    for d in ["src", "lexicon"] {
        println!("cargo:rerun-if-changed={d}");
        add_dir(Path::new(d), &mut files);
    }
    println!("cargo:rerun-if-changed=Cargo.lock");
    println!("cargo:rerun-if-changed=build.rs");
    files.push("Cargo.lock".into());
    files.sort();
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for f in &files {
        f.to_string_lossy().hash(&mut h);
        std::fs::read(f).unwrap_or_default().hash(&mut h);
    }
    std::env::var("RUSTC").unwrap_or_default().hash(&mut h);
    let version = std::process::Command::new(std::env::var("RUSTC").unwrap_or("rustc".into()))
        .arg("--version")
        .output()
        .map(|o| o.stdout)
        .unwrap_or_default();
    version.hash(&mut h);
    std::env::var("PROFILE").unwrap_or_default().hash(&mut h);
    println!("cargo:rustc-env=CLAIMCHECK_ENGINE={:016x}", h.finish());
}
