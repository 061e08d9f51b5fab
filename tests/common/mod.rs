//! What the CLI test files share: the binary run in a folder with a fixed width, no
//! colour and no GitHub job summary, so output is the same on any machine.
#![allow(dead_code)] // each test file uses its own part

use assert_cmd::Command;
use std::path::Path;

/// `claimcheck` in `dir`, at 100 columns, without colour or a job summary.
pub fn claimcheck(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("claimcheck").unwrap();
    c.current_dir(dir)
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        .env_remove("GITHUB_STEP_SUMMARY")
        .env_remove("CLICOLOR_FORCE");
    c
}

/// (exit code, stdout, stderr) of `claimcheck ARGS` in `dir`.
pub fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = claimcheck(dir).args(args).output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}
