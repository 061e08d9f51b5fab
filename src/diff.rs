//! `lint --diff BASE`: the lines of a draft changed since a git revision, so that a
//! pull request is told only about the lines it touches.
//!
//! This runs `git diff --unified=0` (std::process) rather than reading the repository
//! with a crate such as gix: every CI runner that checks out a pull request has git,
//! git reads the work tree exactly as the user's own git does (index, worktrees, sparse
//! checkouts, attributes), and its hunk headers are a small documented format; gix
//! would add a large dependency tree to learn what one command prints.

use miette::Diagnostic;
use std::ops::RangeInclusive;
use std::path::Path;
use std::process::Command;
use thiserror::Error;

/// The lines of one draft changed since the base revision (1-based, inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangedLines {
    /// The whole file is new (untracked, or git sees it as binary).
    All,
    Ranges(Vec<RangeInclusive<usize>>),
}

impl ChangedLines {
    /// Whether a span over lines `first..=last` touches a changed line.
    pub fn touches(&self, first: usize, last: usize) -> bool {
        match self {
            ChangedLines::All => true,
            ChangedLines::Ranges(r) => r
                .iter()
                .any(|c| *c.start() <= last.max(first) && first <= *c.end()),
        }
    }
}

/// Why `--diff` could not be used: bad input, exit 2.
#[derive(Debug, Error, Diagnostic)]
pub enum DiffError {
    #[error("cannot run git for --diff: {reason}")]
    #[diagnostic(
        code(claimcheck::diff::no_git),
        help("install git, or lint without --diff")
    )]
    NoGit { reason: String },

    #[error("`{path}` is not in a git work tree: --diff needs one")]
    #[diagnostic(
        code(claimcheck::diff::not_a_repository),
        help("run in a clone of the repository, or lint without --diff")
    )]
    NotARepository { path: String },

    #[error("`{base}` is not a revision of this repository")]
    #[diagnostic(
        code(claimcheck::diff::bad_revision),
        help("name a commit, branch or tag that is fetched (in GitHub Actions, check out with `fetch-depth: 0` and use `origin/${{{{ github.base_ref }}}}`)")
    )]
    BadRevision { base: String },

    #[error("git diff failed for `{path}`: {reason}")]
    #[diagnostic(code(claimcheck::diff::failed))]
    Failed { path: String, reason: String },
}

/// git with options that make its output the same for everyone: no pager, no colour,
/// no external diff or text conversion, path names taken literally (a draft named
/// `*.md` is that file) and printed unquoted.
fn git(dir: &Path) -> Command {
    let mut c = Command::new("git");
    c.arg("--literal-pathspecs")
        .args(["-c", "core.quotePath=false"])
        .arg("-C")
        .arg(dir)
        .env("GIT_PAGER", "cat")
        .env_remove("GIT_EXTERNAL_DIFF");
    c
}

fn run(mut c: Command) -> Result<std::process::Output, DiffError> {
    c.stdin(std::process::Stdio::null())
        .output()
        .map_err(|e| DiffError::NoGit {
            reason: e.to_string(),
        })
}

/// The commit `base` names, read in the repository that holds `dir`.
pub fn resolve_base(base: &str, dir: &Path) -> Result<String, DiffError> {
    // a revision never starts with "-": refuse it rather than let git read an option
    if base.is_empty() || base.starts_with('-') {
        return Err(DiffError::BadRevision {
            base: base.to_string(),
        });
    }
    let mut c = git(dir);
    c.args(["rev-parse", "--is-inside-work-tree"]);
    let inside = run(c)?;
    if !inside.status.success() || String::from_utf8_lossy(&inside.stdout).trim() != "true" {
        return Err(DiffError::NotARepository {
            path: dir.display().to_string(),
        });
    }
    let mut c = git(dir);
    c.args(["rev-parse", "--verify", "--quiet"])
        .arg(format!("{base}^{{commit}}"));
    let out = run(c)?;
    let hash = String::from_utf8_lossy(&out.stdout).trim().to_string();
    if !out.status.success() || hash.is_empty() {
        return Err(DiffError::BadRevision {
            base: base.to_string(),
        });
    }
    Ok(hash)
}

/// The folder git runs in for `file` and the name it is known by there.
fn split(file: &Path) -> (&Path, &std::ffi::OsStr) {
    let dir = match file.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    (dir, file.file_name().unwrap_or(file.as_os_str()))
}

/// The lines of `file` changed between `commit` and the work tree; a file git does not
/// track is new, all of it.
pub fn changed_lines(commit: &str, file: &Path) -> Result<ChangedLines, DiffError> {
    let (dir, name) = split(file);
    let mut c = git(dir);
    c.args(["ls-files", "--error-unmatch", "--"]).arg(name);
    if !run(c)?.status.success() {
        return Ok(ChangedLines::All);
    }
    let mut c = git(dir);
    c.args([
        "diff",
        "--unified=0",
        "--no-color",
        "--no-ext-diff",
        "--no-textconv",
        "--no-renames",
        commit,
        "--",
    ])
    .arg(name);
    let out = run(c)?;
    if !out.status.success() {
        return Err(DiffError::Failed {
            path: file.display().to_string(),
            reason: String::from_utf8_lossy(&out.stderr).trim().to_string(),
        });
    }
    Ok(parse_hunks(&String::from_utf8_lossy(&out.stdout)))
}

/// The new-side line ranges of `git diff --unified=0` output: `@@ -a,b +c,d @@`
/// covers lines c..c+d-1 (d defaults to 1; 0 is a pure deletion, no line of the new
/// file). "Binary files … differ" makes the whole file changed.
pub fn parse_hunks(diff: &str) -> ChangedLines {
    let mut ranges = Vec::new();
    for line in diff.lines() {
        if line.starts_with("Binary files ") {
            return ChangedLines::All;
        }
        let Some(rest) = line.strip_prefix("@@ ") else {
            continue;
        };
        let Some(new) = rest.split(' ').find_map(|t| t.strip_prefix('+')) else {
            continue;
        };
        let mut it = new.splitn(2, ',');
        let start: usize = match it.next().and_then(|s| s.parse().ok()) {
            Some(s) => s,
            None => continue,
        };
        let count: usize = match it.next() {
            Some(n) => match n.parse() {
                Ok(n) => n,
                Err(_) => continue,
            },
            None => 1,
        };
        if count > 0 && start > 0 {
            ranges.push(start..=start + count - 1);
        }
    }
    ChangedLines::Ranges(ranges)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hunk_headers() {
        let d = "diff --git a/x.md b/x.md\n--- a/x.md\n+++ b/x.md\n@@ -3 +3 @@\n-a\n+b\n@@ -10,0 +11,2 @@ ctx\n+c\n+d\n@@ -20,2 +22,0 @@\n-e\n";
        let c = parse_hunks(d);
        assert_eq!(c, ChangedLines::Ranges(vec![3..=3, 11..=12]));
        assert!(c.touches(3, 3) && c.touches(12, 14) && c.touches(10, 11));
        assert!(!c.touches(4, 10) && !c.touches(22, 22));
        assert_eq!(
            parse_hunks("Binary files a/x and b/x differ\n"),
            ChangedLines::All
        );
    }
}
