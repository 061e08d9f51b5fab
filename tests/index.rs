//! The persisted index (`claimcheck index`) changes nothing a run prints: output is
//! byte-identical without the index, with a cold one (being written) and a warm one,
//! after a file changes or is added, and when entries are damaged.

mod common;

use common::run;
use std::path::Path;

/// A project: claims.toml, seeds/ (with a latin-1 file, for its warning) and a draft.
fn project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::copy(root.join("claims.toml"), dir.path().join("claims.toml")).unwrap();
    std::fs::copy(root.join("example.md"), dir.path().join("draft.md")).unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    for e in std::fs::read_dir(root.join("seeds")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), dir.path().join("seeds").join(e.file_name())).unwrap();
    }
    std::fs::write(
        dir.path().join("seeds/latin.txt"),
        b"Caf\xe9 owners in Peshawar said 40 shops closed after the TTP attack in 2022.\n",
    )
    .unwrap();
    dir
}

const JOBS: &[&[&str]] = &[
    &["check", "--format", "json"],
    &["check", "--verbose"],
    &["lint", "--format", "json", "draft.md"],
    &["lint", "--format", "sarif", "draft.md"],
    &[
        "trace",
        "pakistan-pledged-over-100-prisoners",
        "--format",
        "json",
    ],
    &[
        "trace",
        "the Taliban released 780 TTP prisoners",
        "--verbose",
    ],
    &["sources", "--format", "json"],
];

/// Every job's exit code, stdout and stderr, with `extra` arguments.
fn outputs(dir: &Path, extra: &[&str]) -> Vec<(i32, String, String)> {
    JOBS.iter()
        .map(|job| {
            let args: Vec<&str> = job.iter().chain(extra).copied().collect();
            run(dir, &args)
        })
        .collect()
}

/// `check --timings` reports these index counts on stderr.
fn index_counts_are(dir: &Path, want: &str) {
    let (_, _, err) = run(dir, &["check", "--timings"]);
    assert!(err.contains(want), "{err}");
}

fn assert_same(want: &[(i32, String, String)], got: &[(i32, String, String)], what: &str) {
    for (job, (w, g)) in JOBS.iter().zip(want.iter().zip(got)) {
        assert_eq!(w, g, "{what}: `{}` differs", job.join(" "));
    }
}

fn entries(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for shard in std::fs::read_dir(dir.join(".claimcheck/entries-v1")).unwrap() {
        for e in std::fs::read_dir(shard.unwrap().path()).unwrap() {
            out.push(e.unwrap().path());
        }
    }
    out
}

#[test]
fn output_is_the_same_with_and_without_the_index() {
    let p = project();
    let dir = p.path();
    let plain = outputs(dir, &["--no-index"]);
    assert!(plain[0].1.contains("\"results\""), "{}", plain[0].2);
    assert!(plain[0].2.contains("latin.txt"), "the warning is kept");
    // without `claimcheck index` a run neither reads nor writes an index
    assert_same(&plain, &outputs(dir, &[]), "no index");
    assert!(!dir.join(".claimcheck").exists());

    // --index DIR: the first run writes it (cold), the next reads it (warm)
    assert_same(&plain, &outputs(dir, &["--index", "other"]), "cold");
    assert!(dir.join("other/entries-v1").is_dir());
    assert_same(&plain, &outputs(dir, &["--index", "other"]), "warm");

    let (code, out, err) = run(dir, &["index"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("indexed 6 files"), "{out}");
    assert!(out.contains("0 reused, 6 new"), "{out}");
    assert_same(&plain, &outputs(dir, &[]), "warm, default folder");
    let (_, out, _) = run(dir, &["index"]);
    assert!(out.contains("6 reused, 0 new"), "{out}");

    // a changed file and a new one: re-read, the rest reused
    let seed = dir.join("seeds/003_b7b76e3640a2fd12.txt");
    let mut text = std::fs::read_to_string(&seed).unwrap();
    text.push_str("\nThe TTP claimed 52 attacks in Khyber Pakhtunkhwa in March 2023.\n");
    std::fs::write(&seed, text).unwrap();
    std::fs::write(
        dir.join("seeds/new.md"),
        "# Note\n\nThe Taliban released 870 TTP prisoners in 2021, a local paper said.\n",
    )
    .unwrap();
    let plain = outputs(dir, &["--no-index"]);
    index_counts_are(dir, "index_hits=5 index_misses=2 index_refused=0");
    assert_same(&plain, &outputs(dir, &[]), "after a change");
    // the run above wrote the two new entries; the changed file's old one is stale
    let (_, out, _) = run(dir, &["index"]);
    assert!(
        out.contains("7 files")
            && out.contains("7 reused, 0 new")
            && out.contains("1 stale removed"),
        "{out}"
    );

    // damaged entries: refused and rebuilt, never trusted, never a panic
    let all = entries(dir);
    assert_eq!(all.len(), 7);
    std::fs::write(&all[0], b"not an index entry").unwrap();
    let bytes = std::fs::read(&all[1]).unwrap();
    std::fs::write(&all[1], &bytes[..bytes.len() / 2]).unwrap();
    let mut bytes = std::fs::read(&all[2]).unwrap();
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x55;
    std::fs::write(&all[2], &bytes).unwrap();
    std::fs::write(&all[3], b"").unwrap();
    index_counts_are(dir, "index_hits=3 index_misses=0 index_refused=4");
    assert_same(&plain, &outputs(dir, &[]), "damaged entries");
    let (code, out, err) = run(dir, &["index"]);
    assert_eq!(code, 0, "{err}");
    // the run above rewrote them already
    assert!(out.contains("7 reused"), "{out}");
    assert_same(&plain, &outputs(dir, &[]), "rebuilt");
}

#[test]
fn an_index_folder_that_cannot_be_made_is_a_clear_error() {
    let p = project();
    let dir = p.path();
    std::fs::write(dir.join("blocker"), "a file").unwrap();
    let (code, _, err) = run(dir, &["index", "--index", "blocker/idx"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot make the index folder"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}
