//! Golden CLI tests for the editor's and the newcomer's side: `--format html`, `init`,
//! `completions`, `man`, colour, the example draft and the README's first look at it.
//! (The real-browser test of the HTML report is `tests/html_browser.rs`, ignored.)

mod common;
use common::{claimcheck, run};
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

const EXAMPLE: [&str; 6] = [
    "lint",
    "example.md",
    "--corpus",
    "seeds",
    "--corpus",
    "examples/corpus",
];

fn example(extra: &[&str]) -> (i32, String, String) {
    let args: Vec<&str> = EXAMPLE.iter().chain(extra).copied().collect();
    run(root(), &args)
}

// --------------------------------------------------------------------------- example

/// example.md has one figure of each verdict, in this order.
#[test]
fn the_example_draft_has_one_figure_of_each_verdict() {
    let (code, out, err) = example(&["--format", "json"]);
    assert_eq!(code, 1, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let got: Vec<(&str, &str)> = v["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| (r["text"].as_str().unwrap(), r["verdict"].as_str().unwrap()))
        .collect();
    assert_eq!(
        got,
        [
            ("780", "supported"),
            ("24%", "misquoted"),
            ("1,200", "unattributed"),
            ("$50 million", "miscited"),
            ("34", "conflict"),
        ]
    );
}

/// The README's first look shows the example's real output: every stretch of the block
/// between `…` lines is in what `lint` prints today.
#[test]
fn the_readme_shows_the_example_output_as_it_is() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("<!-- first-look -->")
        .expect("README has a first-look block");
    let end = readme.find("<!-- /first-look -->").unwrap();
    let block = &readme[start..end];
    let body = block
        .split_once("```text\n")
        .and_then(|(_, b)| b.split_once("```"))
        .map(|(b, _)| b)
        .unwrap();
    let (command, shown) = body.split_once('\n').unwrap();
    assert_eq!(
        command,
        "$ claimcheck lint example.md --corpus seeds --corpus examples/corpus"
    );
    let (code, out, _) = example(&[]);
    assert_eq!(code, 1);
    let mut pieces = 0;
    for piece in shown.split("\n…\n") {
        assert!(
            out.contains(piece),
            "README shows output lint no longer prints:\n{piece}\n--- lint prints:\n{out}"
        );
        pieces += 1;
    }
    assert!(pieces >= 2);
    assert!(shown.ends_with(&format!("{}\n", out.lines().last().unwrap())));
}

#[test]
fn human_output_ends_saying_how_to_see_more() {
    let (_, out, _) = example(&[]);
    let last: Vec<&str> = out.lines().rev().take(2).collect();
    assert_eq!(
        last[1],
        "5 figures checked: 1 supported, 1 misquoted, 1 unattributed, 1 miscited, 1 conflict"
    );
    assert!(last[0].contains("--verbose") && last[0].contains("--format html"));
    let (_, verbose, _) = example(&["--verbose"]);
    let more = verbose.lines().last().unwrap();
    assert!(!more.contains("--verbose") && more.contains("--format html"));
}

// --------------------------------------------------------------------------- html

#[test]
fn html_report_of_the_example_is_one_self_contained_page() {
    let (code, html, err) = example(&["--format", "html"]);
    assert_eq!(code, 1, "{err}");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(html.matches("<article class=\"finding").count(), 5);
    for v in [
        "supported",
        "misquoted",
        "unattributed",
        "miscited",
        "conflict",
    ] {
        assert_eq!(
            html.matches(&format!("<article class=\"finding v-{v}\""))
                .count(),
            1,
            "{v}"
        );
        assert!(html.contains(&format!(
            "<span class=\"count\" data-verdict=\"{v}\">1</span>"
        )));
    }
    // both figures highlighted: the draft's in each row, the source's in each passage
    assert_eq!(html.matches("<mark class=\"draft-fig\">").count(), 5);
    assert!(html.contains("<mark class=\"source-fig\">42%</mark>"));
    // nothing to fetch: no external script, style, font, image or frame
    for needle in [
        "src=", "<link", "@import", "url(", "http://", "https://", "<iframe",
    ] {
        assert!(!html.contains(needle), "the page holds `{needle}`");
    }
    assert_eq!(html.matches("<script>").count(), 1);
    assert!(html.contains("@media print"));
    assert!(html.contains("<section id=\"conflicts\">"));
    assert!(html.contains("<span class=\"contradicts\">43 people</span>"));
    insta::assert_snapshot!("html_example", html);
    // byte-identical run to run
    assert_eq!(html, example(&["--format", "html"]).1);
}

#[test]
fn html_escapes_every_quoted_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("corpus")).unwrap();
    std::fs::write(
        dir.path().join("corpus/a&b<i>.txt"),
        "The <b>ministry</b> & its office said militant violence claimed 1,016 lives in 2021 <script>alert('source')</script>.\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("draft.md"),
        "Militant violence claimed 1,061 lives in 2021 <script>alert('draft')</script> & \"more\" &amp; <img src=x onerror=alert(1)>.\n\n\u{1b}[31mAttacks\u{202e} killed\n::error::34 people in 2021.\n",
    )
    .unwrap();
    let (code, html, err) = run(
        dir.path(),
        &["lint", "draft.md", "--corpus", "corpus", "--format", "html"],
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(html.matches("<script").count(), 1, "only the page's own");
    assert!(!html.contains("<img") && !html.contains("<b>ministry"));
    assert!(html.contains(
        "&lt;script&gt;alert(&#39;draft&#39;)&lt;/script&gt; &amp; &quot;more&quot; &amp;amp;"
    ));
    assert!(html.contains("The &lt;b&gt;ministry&lt;/b&gt; &amp; its office"));
    assert!(html.contains("corpus/a&amp;b&lt;i&gt;.txt"));
    assert!(html.contains("<mark class=\"draft-fig\">1,061</mark>"));
    // no escape sequence, bidi override or workflow command reaches the page
    assert!(!html.contains('\u{1b}') && !html.contains('\u{202e}'));
    assert!(html.lines().all(|l| !l.trim_start().starts_with("::")));
}

#[test]
fn html_from_check_and_trace_and_not_from_sources() {
    let fixtures = root().join("tests/fixtures/cli");
    let (code, html, _) = run(
        &fixtures,
        &["check", "--claims", "misquoted.toml", "--format", "html"],
    );
    assert_eq!(code, 1);
    assert!(html.contains("data-verdict=\"misquoted\""));
    assert!(html.contains("claim <b>violence-deaths-2021</b> says"));
    let (code, html, _) = run(
        &fixtures,
        &[
            "trace",
            "--claims",
            "misquoted.toml",
            "--format",
            "html",
            "--",
            "Militant violence claimed 1,061 lives in 2021",
        ],
    );
    assert_eq!(code, 0);
    assert_eq!(html.matches("<article class=\"finding").count(), 1);
    let (code, _, err) = run(
        &fixtures,
        &["sources", "--claims", "misquoted.toml", "--format", "html"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("`--format html` has nothing to show"), "{err}");
}

// --------------------------------------------------------------------------- init

fn copy_seeds(to: &Path) -> PathBuf {
    let seeds = to.join("seeds");
    std::fs::create_dir(&seeds).unwrap();
    for e in std::fs::read_dir(root().join("seeds")).unwrap() {
        let p = e.unwrap().path();
        std::fs::copy(&p, seeds.join(p.file_name().unwrap())).unwrap();
    }
    seeds
}

/// Uncomment every candidate claim of a scaffold.
fn uncommented(toml: &str) -> String {
    toml.lines()
        .map(|l| {
            for key in ["[[claim]]", "id = ", "text = ", "sources = "] {
                if let Some(rest) = l.strip_prefix("# ") {
                    if rest.starts_with(key) {
                        return rest.to_string();
                    }
                }
            }
            l.to_string()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn init_on_seeds_writes_a_claims_toml_that_check_accepts() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    let (code, out, err) = run(dir.path(), &["init", "seeds"]);
    assert_eq!(code, 0, "{err}");
    insta::assert_snapshot!("init_seeds_stdout", out);
    let toml = std::fs::read_to_string(dir.path().join("claims.toml")).unwrap();
    insta::assert_snapshot!("init_seeds_claims_toml", toml);
    // title, date and publisher where the first lines have them
    assert!(toml.contains("date = \"2022-01-19\""));
    assert!(toml.contains(
        "title = \"What Does the Afghan Taliban Gain from Mediating the TTP-Islamabad Peace Talks?\""
    ));
    // no temporary file left behind
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    // check accepts it as written ...
    let (code, out, err) = run(dir.path(), &["check"]);
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("0 figures checked"), "{out}");
    // ... and with every candidate claim uncommented: each is a figure sentence of the
    // source it cites, so each is supported
    std::fs::write(dir.path().join("all.toml"), uncommented(&toml)).unwrap();
    let (code, out, err) = run(
        dir.path(),
        &["check", "--claims", "all.toml", "--format", "json"],
    );
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let n = v["summary"]["figures"].as_u64().unwrap();
    assert!(n >= 20, "{n}");
    assert_eq!(v["summary"]["supported"].as_u64().unwrap(), n);
}

#[test]
fn init_never_overwrites_without_force() {
    let dir = tempfile::tempdir().unwrap();
    copy_seeds(dir.path());
    std::fs::write(dir.path().join("claims.toml"), "# mine\n").unwrap();
    let (code, out, err) = run(dir.path(), &["init"]);
    assert_eq!(code, 2);
    assert!(out.is_empty());
    insta::assert_snapshot!("init_exists", err);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("claims.toml")).unwrap(),
        "# mine\n"
    );
    let (code, _, err) = run(dir.path(), &["init", "--force"]);
    assert_eq!(code, 0, "{err}");
    let toml = std::fs::read_to_string(dir.path().join("claims.toml")).unwrap();
    assert!(toml.contains("[[source]]"));
    // another name, elsewhere in the folder
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let (code, _, err) = run(
        dir.path(),
        &["init", "seeds", "--claims", "sub/../other.toml"],
    );
    assert_eq!(code, 0, "{err}");
    assert!(dir.path().join("other.toml").is_file());
}

#[test]
fn init_errors_are_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let (code, _, err) = run(dir.path(), &["init", "nope"]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("init_no_corpus", err);
    std::fs::create_dir(dir.path().join("empty")).unwrap();
    let (code, _, err) = run(dir.path(), &["init", "empty"]);
    assert_eq!(code, 2);
    assert!(err.contains("holds no .txt or .md files"), "{err}");
    // the corpus must be under the folder of claims.toml: its paths are relative to it
    copy_seeds(dir.path());
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    let (code, _, err) = run(
        dir.path(),
        &["init", "seeds", "--claims", "sub/claims.toml"],
    );
    assert_eq!(code, 2);
    assert!(err.contains("is outside the folder of"), "{err}");
    assert!(!dir.path().join("sub/claims.toml").exists());
}

// --------------------------------------------------------------------------- ecosystem

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let (code, out, err) = run(root(), &["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.contains("claimcheck"), "{shell}");
        assert!(out.contains("init") && out.contains("format"), "{shell}");
    }
    let (code, _, _) = run(root(), &["completions", "tcsh"]);
    assert_eq!(code, 2);
    let (code, man, _) = run(root(), &["man"]);
    assert_eq!(code, 0);
    assert!(
        man.starts_with(".ie") || man.starts_with(".TH"),
        "{}",
        &man[..80]
    );
    assert!(man.contains(".TH claimcheck 1"));
    assert!(man.contains("lint") && man.contains("init"));
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let fixtures = root().join("tests/fixtures/cli");
    let has_escape = |s: &str| s.contains('\u{1b}');
    let args = ["check", "--claims", "misquoted.toml"];
    let out = |extra: &[&str], no_color: bool| {
        let mut c = claimcheck(&fixtures);
        if !no_color {
            c.env_remove("NO_COLOR");
        }
        let o = c.args(args).args(extra).output().unwrap();
        String::from_utf8(o.stdout).unwrap()
    };
    assert!(has_escape(&out(&["--color", "always"], true)));
    assert!(has_escape(&out(&["--color", "always"], false)));
    assert!(!has_escape(&out(&["--color", "never"], false)));
    // auto: stdout is a pipe here, and NO_COLOR is set
    assert!(!has_escape(&out(&[], true)));
    assert!(!has_escape(&out(&[], false)));
    // errors on stderr follow the same flag
    let err = |color: &str| {
        let o = claimcheck(&fixtures)
            .args(["check", "--claims", "nope.toml", "--color", color])
            .output()
            .unwrap();
        assert_eq!(o.status.code(), Some(2));
        String::from_utf8(o.stderr).unwrap()
    };
    assert!(has_escape(&err("always")));
    assert!(!has_escape(&err("never")));
}

#[test]
fn pre_commit_hooks_run_claimcheck() {
    let hooks = std::fs::read_to_string(root().join(".pre-commit-hooks.yaml")).unwrap();
    for needle in [
        "id: claimcheck-lint",
        "entry: claimcheck lint",
        "id: claimcheck-check",
        "language: rust",
        "types: [markdown]",
    ] {
        assert!(hooks.contains(needle), "{needle}");
    }
}

/// Thousands of figures on one line: the page is written in time linear in them.
#[test]
fn html_of_a_wide_table_row_is_bounded() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("corpus")).unwrap();
    std::fs::write(
        dir.path().join("corpus/a.txt"),
        "The interior ministry said 3,400 houses were damaged in 2021.\n",
    )
    .unwrap();
    let n = 2000;
    let head: Vec<String> = (0..n).map(|i| format!("h{i}")).collect();
    let cells: Vec<String> = (0..n).map(|i| format!("{}", 1000 + i)).collect();
    let table = format!(
        "| {} |\n|{}\n| {} |\n",
        head.join(" | "),
        "---|".repeat(n),
        cells.join(" | ")
    );
    std::fs::write(dir.path().join("draft.md"), table).unwrap();
    let t = std::time::Instant::now();
    let (code, html, err) = run(
        dir.path(),
        &["lint", "draft.md", "--corpus", "corpus", "--format", "html"],
    );
    assert!(matches!(code, 0 | 1), "{err}");
    assert!(
        t.elapsed() < std::time::Duration::from_secs(60),
        "{:?}",
        t.elapsed()
    );
    let rows = html.matches("<article class=\"finding").count();
    assert!(rows >= n / 2, "{rows}");
    // each row shows its own cell, not the whole 20 KB line
    assert!(html.len() < rows * 4000, "{} bytes", html.len());
}
