//! `claimcheck figures`: what the figure reader finds, as people and peer suites read it.

use assert_cmd::Command;

fn figures(args: &[&str], stdin: &str) -> (i32, String, String) {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .arg("figures")
        .args(args)
        .write_stdin(stdin)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// The JSON Lines of `figures --format json`, one value a line.
fn json_rows(out: &str) -> Vec<serde_json::Value> {
    out.lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn human_listing_gives_position_value_unit_and_frame() {
    let (code, out, _) = figures(
        &["-"],
        "Attacks rose 42% in 2021.\nThe dam holds 22.5 million cubic metres.\n",
    );
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "1:14\t42%\t= 42 percent (change up, noun attacks, year 2021)\n\
         2:15\t22.5 million cubic metres\t= 22500000 m³\n"
    );
}

#[test]
fn json_lines_slice_back_to_the_input() {
    let text = "Police said «more than 1,200» were held; $4.37bn was pledged.\n";
    let (code, out, _) = figures(&["--format", "json", "-"], text);
    assert_eq!(code, 0);
    let rows = json_rows(&out);
    assert_eq!(rows.len(), 2, "{out}");
    for r in &rows {
        let (s, e) = (
            r["start"].as_u64().unwrap() as usize,
            r["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], r["text"].as_str().unwrap());
    }
    assert_eq!(rows[0]["qualifier"], "over");
    assert!(rows[0]["high"].is_null());
    assert_eq!(rows[1]["currency"], "USD");
}

#[test]
fn a_rate_names_the_unit_or_time_it_is_counted_per() {
    let (code, out, _) = figures(
        &["--format", "json", "-"],
        "Pay rose to $15.4/hour, and fees to £500 a week, a year ago.\n",
    );
    assert_eq!(code, 0);
    let rows = json_rows(&out);
    assert_eq!(rows.len(), 2, "{out}");
    assert_eq!(rows[0]["per_unit"], "hour");
    assert_eq!(rows[1]["per_unit"], "week");
    let (_, out, _) = figures(
        &["--format", "json", "-"],
        "Prices were 5% higher a year ago.\n",
    );
    assert!(json_rows(&out)[0]["per_unit"].is_null(), "{out}");
    let (_, human, _) = figures(&["-"], "It cost $350 per kg.\n");
    assert!(human.contains("per kg"), "{human}");
}

#[test]
fn a_rate_is_one_figure_with_its_denominator() {
    let (code, out, _) = figures(
        &["--format", "json", "-"],
        "The rate was 11.4 deaths per 100,000 people.\n",
    );
    assert_eq!(code, 0);
    let rows = json_rows(&out);
    assert_eq!(rows.len(), 1, "{out}");
    assert_eq!(rows[0]["text"], "11.4");
    assert_eq!(rows[0]["per"], 100_000.0);
    let (_, human, _) = figures(&["-"], "The rate was 11.4 per 100,000.\n");
    assert!(human.contains("per 100000"), "{human}");
}

#[test]
fn an_unreadable_file_is_exit_2_naming_it() {
    let (code, out, err) = figures(&["no-such-file.txt"], "");
    assert_eq!(code, 2);
    assert!(out.is_empty());
    assert!(err.contains("no-such-file.txt"), "{err}");
}

#[test]
fn text_that_is_not_utf8_is_exit_2() {
    let out = Command::cargo_bin("claimcheck")
        .unwrap()
        .args(["figures", "-"])
        .write_stdin(vec![0x31u8, 0x32, 0xff, 0x20])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("UTF-8"));
}
