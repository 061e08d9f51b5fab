//! `claimcheck figures`: every figure the reader finds in a text, for users who want to
//! see what was read and as the harness of the peer suites (one JSON object a line).

use crate::figure::{extract_figures, Figure, Form, Unit};
use crate::frame::{frame_of, Direction};
use crate::segment::{passage_text, segment};
use serde::Serialize;

/// One figure as `figures --format json` prints it. Offsets are bytes into the input,
/// `end` exclusive; `line` and `column` are 1-based, the column in characters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Listed {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub value: f64,
    /// `null` for an unbounded end ("more than 100" has no high end).
    pub low: Option<f64>,
    pub high: Option<f64>,
    /// The unit: `count`, `percent`, `money`, `duration`, or a physical unit (`km`, `t`).
    pub unit: &'static str,
    /// What the unit measures: `count`, `percent`, `money`, `time`, `length`, `mass`…
    pub dimension: &'static str,
    pub currency: Option<&'static str>,
    pub qualifier: &'static str,
    /// `level`, `change` ("rose 12%", with `direction` `up` or `down` when said), `share`
    /// ("two-thirds", "one in five": a percent) or `multiplier` ("doubled", "threefold").
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub direction: Option<&'static str>,
    pub noun: Option<String>,
    pub role: Option<&'static str>,
    pub year: Option<i32>,
    /// What a rate counts per ("17.4 per 100,000": 100000), `null` for no rate.
    pub per: Option<f64>,
    /// The unit or time a rate is counted per ("$15.4/hour": `hour`; "$350 per kg":
    /// `kg`), `null` when none is named.
    pub per_unit: Option<&'static str>,
}

/// Every figure of `text`, read sentence by sentence as the corpus is.
pub fn list_figures(text: &str) -> Vec<Listed> {
    let starts = crate::corpus::line_starts(text);
    let mut out = Vec::new();
    for seg in segment(text) {
        let passage = passage_text(text, seg.span.clone());
        for f in extract_figures(&passage) {
            let frame = frame_of(&passage, &f.span);
            let start = seg.span.start + f.span.start;
            let (line, column) = crate::corpus::line_col_with(text, &starts, start);
            out.push(listed(&f, start, line, column, frame.change));
        }
    }
    out
}

fn listed(
    f: &Figure,
    start: usize,
    line: usize,
    column: usize,
    change: Option<Direction>,
) -> Listed {
    let finite = |v: f64| v.is_finite().then_some(v);
    let (unit, dimension) = match (f.unit, &f.measure) {
        (Unit::Measure, Some(m)) => (m.unit, m.dimension),
        (Unit::Duration, _) => ("duration", "time"),
        (u, _) => (u.as_str(), u.as_str()),
    };
    Listed {
        text: f.text.clone(),
        start,
        end: start + f.span.len(),
        line,
        column,
        value: f.value,
        low: finite(f.low),
        high: finite(f.high),
        unit,
        dimension,
        currency: f.currency,
        qualifier: f.qualifier.as_str(),
        kind: match f.form {
            Form::Share => "share",
            Form::Multiplier => "multiplier",
            Form::Plain if change.is_some() => "change",
            Form::Plain => "level",
        },
        direction: change.map(|d| match d {
            Direction::Up => "up",
            Direction::Down => "down",
        }),
        noun: f.noun.clone(),
        role: f.role,
        year: f.year,
        per: f.per,
        per_unit: f.per_unit,
    }
}

/// The human listing: one figure a line, `line:column  text  = value unit …`.
pub fn human(rows: &[Listed]) -> String {
    let mut out = String::new();
    for r in rows {
        let bounds = match (r.low, r.high) {
            (Some(l), Some(h)) if l == h => String::new(),
            (l, h) => format!(
                " [{}, {}]",
                l.map_or("-∞".to_string(), |v| v.to_string()),
                h.map_or("∞".to_string(), |v| v.to_string())
            ),
        };
        let mut extra = Vec::new();
        if let Some(c) = r.currency {
            extra.push(c.to_string());
        }
        if r.qualifier != "exact" {
            extra.push(r.qualifier.to_string());
        }
        if r.kind != "level" {
            extra.push(match r.direction {
                Some(d) => format!("{} {d}", r.kind),
                None => r.kind.to_string(),
            });
        }
        if let Some(n) = &r.noun {
            extra.push(format!("noun {n}"));
        }
        if let Some(role) = r.role {
            extra.push(format!("role {role}"));
        }
        if let Some(y) = r.year {
            extra.push(format!("year {y}"));
        }
        if let Some(d) = r.per {
            extra.push(format!("per {d}"));
        }
        if let Some(u) = r.per_unit {
            extra.push(format!("per {u}"));
        }
        out.push_str(&format!(
            "{}:{}\t{}\t= {} {}{}{}\n",
            r.line,
            r.column,
            crate::text::escape_control(&r.text),
            r.value,
            r.unit,
            bounds,
            if extra.is_empty() {
                String::new()
            } else {
                format!(" ({})", extra.join(", "))
            }
        ));
    }
    out
}

/// JSON Lines: one object a figure.
pub fn json_lines(rows: &[Listed]) -> String {
    rows.iter()
        .map(|r| serde_json::to_string(r).expect("a listed figure serializes") + "\n")
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_lines_and_kinds_are_those_of_the_input() {
        let text =
            "Intro line.\nAttacks rose 42% in 2021. Police arrested more than 1,200 people.\n";
        let rows = list_figures(text);
        assert_eq!(rows.len(), 2, "{rows:?}");
        for r in &rows {
            assert_eq!(&text[r.start..r.end], r.text);
        }
        assert_eq!((rows[0].line, rows[0].column), (2, 14));
        assert_eq!(rows[0].kind, "change");
        assert_eq!(rows[0].direction, Some("up"));
        assert_eq!(rows[0].year, Some(2021));
        assert_eq!(rows[1].qualifier, "over");
        assert_eq!(rows[1].high, None);
        assert_eq!(rows[1].kind, "level");
    }

    #[test]
    fn json_lines_hold_one_object_a_figure_with_every_field() {
        let rows = list_figures("The dam holds 22.5 million cubic metres. It cost $4.37bn.");
        let out = json_lines(&rows);
        let objs: Vec<serde_json::Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(objs.len(), 2);
        for key in [
            "text",
            "start",
            "end",
            "line",
            "column",
            "value",
            "low",
            "high",
            "unit",
            "dimension",
            "currency",
            "qualifier",
            "kind",
            "noun",
            "role",
            "year",
        ] {
            assert!(objs[0].get(key).is_some(), "{key} missing in {}", objs[0]);
        }
        assert_eq!(objs[0]["dimension"], "volume");
        assert_eq!(objs[1]["currency"], "USD");
    }
}
