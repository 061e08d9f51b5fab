//! Hostile input (issue 7): every trigger the audit found, run through the binary in a
//! fresh folder. A panic is exit 101; none may happen, nothing outside the project may
//! be read, no line of human output may be a workflow command, and the big inputs finish
//! in bounded time. Each case backs a row of the README's "Bad input" table.

use assert_cmd::Command;
use std::path::Path;
use std::time::{Duration, Instant};

/// A project folder with a corpus of one source and a draft.
fn project(source: &str, draft: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("seeds")).unwrap();
    std::fs::write(dir.path().join("seeds/a.txt"), source).unwrap();
    std::fs::write(dir.path().join("draft.md"), draft).unwrap();
    dir
}

fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .args(args)
        .timeout(Duration::from_secs(60))
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

const SOURCE: &str = "The interior ministry said 3,400 houses were damaged in 2021.\n";

/// Lint `draft` against `source` in every format: never a panic.
fn no_panic(source: &str, draft: &str) {
    let dir = project(source, draft);
    for format in ["human", "json", "sarif", "github"] {
        let (code, out, err) = run(dir.path(), &["lint", "--format", format, "draft.md"]);
        assert!(
            matches!(code, 0..=2),
            "exit {code} for {draft:?} ({format})\n{err}"
        );
        if format != "github" {
            for line in out.lines().chain(err.lines()) {
                let t = line.trim_start();
                assert!(
                    !t.starts_with("::") && !t.starts_with("##["),
                    "{format}: {line}"
                );
                assert!(!line.contains('\u{1b}'), "{format}: escape in {line:?}");
            }
        }
    }
}

#[test]
fn prose_that_used_to_panic() {
    for text in [
        "The TTP (TTP’s members) killed 34 people in 2021.",
        "They said (ab€) 34 people died.",
        "Temperatures fell (−2 °C) and 34 people died.",
        "As “Afzal (2022)” notes, attacks rose 42% in 2021.",
        "In İstanbul, according to İstanbul police, 34 people died.",
        "According to ẞtraße officials, 34 people died, the İnstitute said.",
        "<!-->\n\n34 people died.",
        "<!--->\n\n34 people died.",
        "A 400-digit figure: 1234567890123456789012345678901234567890123456789012345678901234567890 people.",
        "5 lakh crore crore crore and 999 trillion trillion rupees.",
    ] {
        // in a draft and in a corpus source
        no_panic(SOURCE, &format!("{text}\n"));
        no_panic(&format!("{text}\n{SOURCE}"), "The ministry said 3,400 houses were damaged in 2021.\n");
    }
}

#[test]
fn control_characters_and_commands_in_drafts_and_sources_are_neutralized() {
    no_panic(
        "The ministry said 3,400 houses were damaged in 2021. \u{1b}[31mred\u{1b}]0;t\u{7}\n::error::x\n",
        "The ministry said 3,500 houses were damaged in 2021. \u{1b}[2J\n\n::add-mask::x 12 people\n\n##[error] 13 people\n",
    );
}

#[test]
fn a_file_name_cannot_inject_a_workflow_command() {
    let dir = project(
        SOURCE,
        "The ministry said 3,500 houses were damaged in 2021.\n",
    );
    std::fs::write(
        dir.path().join("seeds/b\n::error file=x::pwned.txt"),
        SOURCE,
    )
    .unwrap();
    for format in ["human", "github"] {
        let (code, out, err) = run(dir.path(), &["lint", "-v", "--format", format, "draft.md"]);
        assert_eq!(code, 1, "{err}");
        for line in out.lines().chain(err.lines()) {
            let t = line.trim_start();
            let ours = format == "github" && t.starts_with("::error file=draft.md,");
            assert!(ours || !t.starts_with("::"), "{format}: {line}");
        }
    }
}

#[test]
fn sarif_uris_are_percent_encoded_and_relative_to_the_root() {
    let dir = project(SOURCE, "x\n");
    std::fs::write(
        dir.path().join("my draft #1, 100%.md"),
        "The ministry said 3,500 houses were damaged in 2021.\n",
    )
    .unwrap();
    let (_, out, err) = run(
        dir.path(),
        &["lint", "--format", "sarif", "my draft #1, 100%.md"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {err}"));
    let loc = &v["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    assert_eq!(loc["uri"], "my%20draft%20%231%2C%20100%25.md", "{out}");
    assert_eq!(loc["uriBaseId"], "%SRCROOT%");
}

#[test]
fn github_messages_break_legacy_commands() {
    let dir = project(
        "The ministry said 3,400 houses were damaged in 2021. ##[error]x\n",
        "The ministry said 3,500 houses were damaged in 2021.\n",
    );
    let (_, out, _) = run(
        dir.path(),
        &["lint", "-v", "--format", "github", "draft.md"],
    );
    assert!(!out.contains("##["), "{out}");
}

#[test]
fn explain_to_a_full_device_is_an_error_not_a_panic() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let bin = assert_cmd::cargo::cargo_bin("claimcheck");
    let status = std::process::Command::new(bin)
        .args(["explain", "misquoted-figure"])
        .stdout(std::fs::File::create("/dev/full").unwrap())
        .stderr(std::process::Stdio::null())
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(2));
}

// ------------------------------------------------------------------ containment

fn with_claims(toml: &str) -> tempfile::TempDir {
    let dir = project(
        SOURCE,
        "The ministry said 3,400 houses were damaged in 2021.\n",
    );
    std::fs::write(dir.path().join("claims.toml"), toml).unwrap();
    dir
}

#[test]
fn a_source_file_outside_the_project_is_refused_with_its_line() {
    for file in ["/etc/passwd", "../../etc/passwd"] {
        let dir = with_claims(&format!("[[source]]\nid = \"x\"\nfile = \"{file}\"\n"));
        let (code, _, err) = run(dir.path(), &["lint", "draft.md"]);
        assert_eq!(code, 2, "{err}");
        assert!(err.contains("outside the project folder"), "{err}");
        assert!(err.contains("claims.toml:3"), "{err}");
        assert!(!err.contains("root:x"), "{err}");
    }
}

#[test]
fn corpus_paths_outside_the_project_are_refused() {
    for path in ["..", "/"] {
        let dir = with_claims(&format!("[corpus]\npaths = [\"{path}\"]\n"));
        let (code, _, err) = run(dir.path(), &["lint", "draft.md"]);
        assert_eq!(code, 2, "{path}: {err}");
        assert!(err.contains("outside the project folder"), "{err}");
    }
    let dir = project(SOURCE, "x 12 people.\n");
    let (code, _, err) = run(dir.path(), &["lint", "--corpus", "/etc", "draft.md"]);
    assert_eq!(code, 2, "{err}");
}

#[test]
fn a_named_file_that_is_not_text_or_is_a_folder_is_refused() {
    let dir =
        with_claims("[corpus]\npaths = [\"seeds\"]\n[[source]]\nid = \"x\"\nfile = \"seeds\"\n");
    let (code, _, err) = run(dir.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("is a folder"), "{err}");
    let dir = project(
        SOURCE,
        "The ministry said 3,400 houses were damaged in 2021.\n",
    );
    std::fs::create_dir(dir.path().join(".git")).unwrap();
    std::fs::write(dir.path().join(".git/config"), "token = 3,400 houses\n").unwrap();
    std::fs::write(
        dir.path().join("claims.toml"),
        "[corpus]\npaths = [\".git/config\"]\n",
    )
    .unwrap();
    let (code, out, err) = run(dir.path(), &["lint", "-v", "draft.md"]);
    assert!(!out.contains("token"), "{out}");
    assert_ne!(code, 0, "{err}");
}

#[cfg(unix)]
#[test]
fn a_symlink_out_of_the_project_is_refused_and_allow_outside_lets_it_in() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("secret.txt"),
        "The ministry said SECRET 3,400 houses were damaged in 2021.\n",
    )
    .unwrap();
    let dir = project(
        SOURCE,
        "The ministry said 3,400 houses were damaged in 2021.\n",
    );
    std::os::unix::fs::symlink(
        outside.path().join("secret.txt"),
        dir.path().join("seeds/link.txt"),
    )
    .unwrap();
    let (code, out, err) = run(dir.path(), &["lint", "-v", "draft.md"]);
    assert_eq!(code, 2, "{err}");
    assert!(!out.contains("SECRET") && err.contains("outside the project folder"));
    let (code, _, err) = run(dir.path(), &["lint", "-v", "--allow-outside", "draft.md"]);
    assert_eq!(code, 0, "{err}");
}

// ------------------------------------------------------------------ configuration

#[test]
fn a_missing_corpus_path_on_the_command_line_is_exit_2() {
    let dir = project(SOURCE, "x 12 people.\n");
    let (code, _, err) = run(dir.path(), &["lint", "--corpus", "nope", "draft.md"]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("nope"), "{err}");
}

#[test]
fn nan_settings_are_refused() {
    let dir = with_claims("[settings]\nopen_end_cap = nan\n");
    let (code, _, err) = run(dir.path(), &["lint", "draft.md"]);
    assert_eq!(code, 2);
    assert!(err.contains("open_end_cap"), "{err}");
}

#[test]
fn a_type_error_does_not_hide_the_other_problems() {
    let dir = with_claims(
        "[settings]\nmin_sources = \"two\"\n[[claim]]\nid = \"a\"\ntext = \"3,400 houses\"\nsources = [\"nope\"]\n",
    );
    let (code, _, err) = run(dir.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("min_sources"), "{err}");
    assert!(err.contains("nope"), "{err}");
}

#[test]
fn invalid_utf8_in_claims_toml_names_its_position() {
    let dir = project(SOURCE, "x\n");
    std::fs::write(
        dir.path().join("claims.toml"),
        b"[corpus]\npaths = [\"se\xffeds\"]\n",
    )
    .unwrap();
    let (code, _, err) = run(dir.path(), &["check"]);
    assert_eq!(code, 2);
    assert!(err.contains("line 2, column 13"), "{err}");
}

#[cfg(unix)]
#[test]
fn an_unreadable_subfolder_is_a_warning_and_the_run_goes_on() {
    use std::os::unix::fs::PermissionsExt;
    let dir = project(
        SOURCE,
        "The ministry said 3,400 houses were damaged in 2021.\n",
    );
    let sub = dir.path().join("seeds/locked");
    std::fs::create_dir(&sub).unwrap();
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o000)).unwrap();
    let readable = std::fs::read_dir(&sub).is_ok(); // root reads anything
    let (code, _, err) = run(dir.path(), &["lint", "draft.md"]);
    std::fs::set_permissions(&sub, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(code, 0, "{err}");
    if !readable {
        assert!(err.contains("locked"), "{err}");
    }
}

#[test]
fn the_same_draft_twice_is_checked_once() {
    let dir = project(
        SOURCE,
        "The ministry said 3,400 houses were damaged in 2021.\n",
    );
    let (_, out, _) = run(
        dir.path(),
        &["lint", "--format", "json", "draft.md", "./draft.md"],
    );
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["figures"], 1);
}

#[test]
fn warnings_have_no_empty_cause_line() {
    let dir = project(
        SOURCE,
        "The ministry said 3,400 houses were damaged in 2021.\n",
    );
    std::fs::write(dir.path().join("seeds/bin.txt"), b"\x00\x01\x02binary").unwrap();
    let (_, _, err) = run(dir.path(), &["lint", "draft.md"]);
    assert!(err.contains("looks binary"), "{err}");
    assert!(!err.lines().any(|l| l.trim() == "╰─▶"), "{err}");
}

// ------------------------------------------------------------------ encodings

fn utf16le(s: &str) -> Vec<u8> {
    let mut b = vec![0xFF, 0xFE];
    for u in s.encode_utf16() {
        b.extend(u.to_le_bytes());
    }
    b
}

#[test]
fn utf16_sources_and_drafts_are_read() {
    let dir = project("x\n", "x\n");
    std::fs::write(dir.path().join("seeds/a.txt"), utf16le(SOURCE)).unwrap();
    std::fs::write(
        dir.path().join("draft.md"),
        utf16le("The ministry said 3,400 houses were damaged in 2021.\n"),
    )
    .unwrap();
    let (code, out, err) = run(dir.path(), &["lint", "--format", "json", "draft.md"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["summary"]["supported"], 1, "{out}");
}

#[test]
fn a_bom_is_no_column_and_latin1_drafts_warn() {
    let dir = project(
        SOURCE,
        "\u{feff}3,400 houses were damaged in 2021, the ministry said.\n",
    );
    let (_, out, _) = run(dir.path(), &["lint", "--format", "json", "draft.md"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["results"][0]["column"], 1, "{out}");
    std::fs::write(
        dir.path().join("draft.md"),
        b"Caf\xe9: 3,400 houses were damaged in 2021.\n",
    )
    .unwrap();
    let (_, _, err) = run(dir.path(), &["lint", "draft.md"]);
    assert!(err.contains("not valid UTF-8"), "{err}");
}

#[test]
fn cr_only_line_breaks_count_as_lines() {
    let dir = project(
        SOURCE,
        "Title\r\rThe ministry said 3,500 houses were damaged in 2021.\r",
    );
    let (_, out, _) = run(dir.path(), &["lint", "--format", "json", "draft.md"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["results"][0]["line"], 3, "{out}");
}

// ------------------------------------------------------------------ bounded time

/// Runs `lint` and asserts it finishes within `limit` (release builds are far faster;
/// the bound is for a debug build on a slow runner).
fn bounded(source: &str, draft: &str, limit: Duration) {
    let dir = project(source, draft);
    let t = Instant::now();
    let (code, _, err) = run(dir.path(), &["lint", "--format", "json", "draft.md"]);
    assert!(matches!(code, 0 | 1), "{err}");
    assert!(t.elapsed() < limit, "took {:?}", t.elapsed());
}

#[test]
fn a_long_passage_full_of_figures_is_linear() {
    let mut s = String::new();
    while s.len() < 400_000 {
        s.push_str("the ministry said 12 people and 3,400 houses with about 7% ");
    }
    // (a debug build on this 2-core machine takes about 30 s under load; a quadratic
    // reading of the 20,000 figures would take many minutes)
    bounded(
        &s,
        "The ministry said 3,400 houses were damaged.\n",
        Duration::from_secs(45),
    );
}

#[test]
fn a_long_word_is_no_figure_and_costs_little() {
    let word = "a".repeat(200_000);
    bounded(
        &format!("The ministry said {word} 3,400 houses were damaged.\n"),
        &format!("The ministry said {word} 3,400 houses were damaged.\n"),
        Duration::from_secs(30),
    );
}

#[test]
fn a_wide_table_row_is_linear() {
    let n = 3000;
    let head: Vec<String> = (0..n).map(|i| format!("h{i}")).collect();
    let cells: Vec<String> = (0..n).map(|i| format!("{}", 1000 + i)).collect();
    let table = format!(
        "| {} |\n|{}\n| {} |\n",
        head.join(" | "),
        "---|".repeat(n),
        cells.join(" | ")
    );
    bounded(SOURCE, &table, Duration::from_secs(30));
}
