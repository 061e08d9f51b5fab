//! Matching: which passages a claim's figure is about, and what each says of it.
//!
//! The index hands over a few candidates; each is scored with the figures masked
//! (weighted word recall, strsim for near spellings and a Sørensen–Dice of the masked
//! strings), then the claim's figure is aligned with the passage figure that counts the
//! same noun at the same time. The comparison of the two figures decides the relation.

use crate::config::Settings;
use crate::corpus::Corpus;
use crate::figure::{Figure, Qualifier, Unit};
use crate::index::{is_evidence, HasKey, Index, Term};
use std::collections::{BTreeSet, HashSet};

/// Whether a passage's figure agrees with the claim's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    Agree,
    /// Different number.
    Value,
    /// Same number, different bound ("over 100" vs "100").
    Qualifier,
    /// Percent vs count, dollars vs rupees.
    Unit,
    /// Same figure, another year.
    Year,
    /// Same size of change, the other way ("an 8% rise" for "an eight per cent fall").
    Direction,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Supports,
    Contradicts,
}

/// A passage matched to one figure of a claim.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub passage: usize,
    /// Index into the passage's figures.
    pub figure: usize,
    /// Similarity of the passage to the claim around this figure, 0..1.
    pub score: f64,
    pub relation: Relation,
    pub agreement: Agreement,
    /// Both figures name the same counted thing.
    pub noun: NounRelation,
    /// The passage names an actor next to its figure that the claim never mentions
    /// ("Pakistan had committed to freeing…" against "the Taliban freed…").
    pub other_actor: bool,
    /// The passage's figure is of a place the claim does not name (a province, not the
    /// country): a part, not the same thing.
    pub narrower_place: bool,
    /// Share of the claim's own topic words (beyond the counted noun and its main
    /// entity) found in the passage and its context; 1 when the claim has none.
    pub topic: f64,
    /// Share of the words of the claim figure's own part of its sentence (what it
    /// measures: "bachelor passes", "in Libya") found in the passage figure's own part.
    pub measure: f64,
    /// The year the passage figure was compared at: its own, or its context's.
    pub year: Option<i32>,
    /// The passage's figure is close to the claim's but not equal, in the same unit, and
    /// its own words measure what the claim's do: the same statement, told otherwise.
    pub near: bool,
}

/// How the nouns two figures count relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NounRelation {
    Same,
    Related,
    Unknown,
    Different,
}

/// Words of time ("the previous year"): the figure's time is compared on its own, so
/// these barely count as topic words.
/// Words of attribution ("believed", "reported"): who says it, not what is said.
const HEDGES: &[&str] = &[
    "believ", "report", "accord", "appear", "seem", "suggest", "offici", "analyst", "expert",
    "observ", "put", "estim", "quot", "confirm", "claim",
];

const TIME_WORDS: &[&str] = &[
    "now",
    "immedi",
    "soon",
    "current",
    "currently",
    "year",
    "previous",
    "last",
    "month",
    "week",
    "day",
    "ago",
    "earlier",
    "later",
    "befor",
    "recent",
    "recently",
    "current",
    "today",
    "yesterday",
    "annual",
    "period",
    "time",
    "first",
    "second",
    "next",
    "past",
    "decad",
    "novemb",
    "decemb",
    "januari",
    "februari",
    "march",
    "april",
    "may",
    "june",
    "juli",
    "august",
    "septemb",
    "octob",
];

fn singular(n: &str) -> String {
    let n = n.to_lowercase();
    if let Some(x) = n.strip_suffix("ies") {
        return format!("{x}y");
    }
    if n.ends_with("ss") {
        return n;
    }
    n.strip_suffix('s').map(str::to_string).unwrap_or(n)
}

fn in_list(list: &[String], n: &str) -> bool {
    let s = singular(n);
    list.iter().any(|x| x == n || singular(x) == s)
}

/// A casualty count against a count of a group of people (prisoners, fighters) that is
/// not said to have been killed or hurt.
fn casualty_mismatch(a: &Figure, b: &Figure) -> bool {
    let kind = |f: &Figure| {
        let n = f.noun.as_deref().unwrap_or("");
        if in_list(&crate::lexicon::measures().casualties, n)
            || f.role
                .is_some_and(|r| in_list(&crate::lexicon::measures().casualty_roles, r))
        {
            1 // a casualty count
        } else if in_list(&crate::lexicon::measures().generic_people, n) {
            0 // anyone
        } else {
            2 // a group of people in some other role
        }
    };
    matches!((kind(a), kind(b)), (1, 2) | (2, 1))
}

/// How two counted nouns relate; demonyms ("Afghans") count people.
pub fn noun_relation(a: Option<&str>, b: Option<&str>) -> NounRelation {
    let (Some(a), Some(b)) = (a, b) else {
        return NounRelation::Unknown;
    };
    if singular(a) == singular(b) {
        return NounRelation::Same;
    }
    if crate::lexicon::measures()
        .groups
        .iter()
        .any(|g| in_list(g, a) && in_list(g, b))
    {
        return NounRelation::Same;
    }
    let human =
        |n: &str, orig_cap: bool| in_list(&crate::lexicon::measures().people, n) || orig_cap;
    // nouns were lowercased; a demonym is a plural proper noun we cannot see any more, so
    // treat unknown plurals ending in "ans"/"is"/"ists" as people
    let demonym = |n: &str| n.ends_with("ans") || n.ends_with("ists") || n.ends_with("is");
    let (ha, hb) = (human(a, demonym(a)), human(b, demonym(b)));
    if ha && hb {
        return NounRelation::Related;
    }
    NounRelation::Different
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[derive(Clone, Copy, PartialEq)]
enum Class {
    Exact,
    Lower,
    Upper,
    About,
    Almost,
    Span,
}

fn class(q: Qualifier) -> Class {
    match q {
        Qualifier::Exact => Class::Exact,
        Qualifier::Over | Qualifier::AtLeast => Class::Lower,
        Qualifier::UpTo | Qualifier::Under => Class::Upper,
        Qualifier::About => Class::About,
        Qualifier::Almost => Class::Almost,
        Qualifier::Range | Qualifier::Vague => Class::Span,
    }
}

fn in_interval(v: f64, f: &Figure) -> bool {
    let lo_ok = match f.qualifier {
        Qualifier::Over => v > f.low && !close(v, f.low),
        _ => v >= f.low || close(v, f.low),
    };
    let hi_ok = match f.qualifier {
        Qualifier::Under | Qualifier::Almost => v < f.high && !close(v, f.high),
        _ => v <= f.high || close(v, f.high),
    };
    lo_ok && hi_ok
}

/// The unit of a number's last significant digit: 24,400,000 -> 100,000; 780 -> 10.
fn precision_unit(v: f64) -> f64 {
    let v = v.abs();
    if v == 0.0 || !v.is_finite() {
        return 1.0;
    }
    if v.fract() != 0.0 {
        // (the distance to the nearest whole number: 4.3 / 0.1 is 42.99999999999999 in
        // binary floating point, whose fraction is 0.99999…, not 0)
        let mut unit = 1.0;
        while unit > 1e-6 && {
            let x = v / unit;
            (x - x.round()).abs() > 1e-9 * x.abs().max(1.0)
        } {
            unit /= 10.0;
        }
        return unit;
    }
    let mut unit = 1.0;
    while (v / (unit * 10.0)).fract() == 0.0 && unit < 1e15 {
        unit *= 10.0;
    }
    unit
}

/// Whether `written` is `exact` told to `written`'s own precision ("2.12 trillion" for
/// 2,122 billion, "6.4 million" for 6,394,000): the same figure, rounded, or cut short
/// ("Rs 6.21 lakh crore" and "Rs 6,21,940 crore" for Rs 6,21,940.85 crore).
pub fn rounds_to(exact: &Figure, written: &Figure) -> bool {
    written.qualifier == exact.qualifier && rounds_to_digits(exact, written)
}

/// [`rounds_to`], whatever either side's qualifier.
fn rounds_to_digits(exact: &Figure, written: &Figure) -> bool {
    let step = precision_unit(written.value);
    let diff = exact.value - written.value;
    let truncated = exact.value.signum() == written.value.signum()
        && diff * written.value.signum() >= 0.0
        && diff.abs() < step * 1.000_001;
    exact.unit == written.unit
        && step > precision_unit(exact.value)
        && (diff.abs() <= 0.5 * step * 1.000_001 || truncated)
}

/// How far "about x" reaches: the tolerance (±10%), but no further than the precision
/// the writer chose ("some 24.4 million" is not 23 million; "about 800" may be 780).
fn about_tol(f: &Figure, tol: f64) -> f64 {
    if f.form == crate::figure::Form::Share {
        // "about two-thirds": a fraction carries no written precision of its own
        return tol * f.value.abs();
    }
    (tol * f.value.abs()).min(precision_unit(f.value))
}

/// A figure's interval, with "about" read as `about_tol`.
fn bounds(f: &Figure, tol: f64) -> (f64, f64) {
    if f.qualifier == Qualifier::About {
        let t = about_tol(f, tol);
        (f.value - t, f.value + t)
    } else {
        (f.low, f.high)
    }
}

/// Does the source figure `s` support the claim figure `c`? (DESIGN "Figures".)
pub fn compare(c: &Figure, s: &Figure, settings: &Settings) -> Agreement {
    let unit_ok = (c.unit == s.unit || unit_unsaid(c, s) || unit_unsaid(s, c))
        && (c.unit != Unit::Money
            || c.currency.is_none()
            || s.currency.is_none()
            || c.currency
                .zip(s.currency)
                .is_some_and(|(a, b)| crate::figure::same_currency(a, b)));
    // "doubled" is no level of 2, and a level is no multiplier
    let multiplier = |f: &Figure| f.form == crate::figure::Form::Multiplier;
    // a rate per 100,000 is not one per 1,000, whatever its number
    // nor $15 an hour $15 a day ("per kg" against "per tonne" is another price too:
    // a denominator is compared by name, not converted)
    let other_denominator = c.per.zip(s.per).is_some_and(|(a, b)| a != b)
        || c.per_unit.zip(s.per_unit).is_some_and(|(a, b)| a != b);
    if !unit_ok || multiplier(c) != multiplier(s) || other_denominator {
        return Agreement::Unit;
    }
    // physical measures compare within a dimension, in the claim's unit: "just over
    // eight miles" agrees with "13 km"; "four feet" is not "four metres"
    let values = match (c.measure, s.measure) {
        (Some(a), Some(b)) if a.dimension != b.dimension => return Agreement::Unit,
        (Some(a), Some(b)) if a.unit != b.unit => {
            let k = b.factor / a.factor;
            let mut t = s.clone();
            t.value *= k;
            t.low *= k;
            t.high *= k;
            if t.qualifier == Qualifier::Exact && c.qualifier == Qualifier::Exact {
                // converted, an exact source figure agrees with an exact claim written
                // to the claim's own last digit ("13 km" for "eight miles", 12.87 km)
                let close = (c.value - t.value).abs() <= 0.5 * precision_unit(c.value) * 1.000_001;
                if close {
                    Agreement::Agree
                } else {
                    Agreement::Value
                }
            } else {
                compare_values(c, &t, settings)
            }
        }
        _ => compare_values(c, s, settings),
    };
    if values != Agreement::Agree {
        return values;
    }
    // a year is misquoted only where both write it in the figure's own clause: one borrowed
    // from earlier in the sentence, or from the sentence before, is a guess
    if let (Some(a), Some(b)) = (c.year, s.year) {
        if a != b && c.own_year && s.own_year {
            return Agreement::Year;
        }
    }
    Agreement::Agree
}

/// Whether `bare` is a number with no unit or counted noun of its own ("the record 39.5
/// million of December 2015" after "37.86 million tonnes"; "Germany 2.12, Italy 1.29"
/// under "as a percentage of GDP"), set against a percent or a measure: its unit is
/// unsaid, not another one, so only the numbers are compared.
fn unit_unsaid(bare: &Figure, other: &Figure) -> bool {
    bare.unit == Unit::Count
        && bare.noun.is_none()
        && bare.measure.is_none()
        && bare.per.is_none()
        && bare.form == crate::figure::Form::Plain
        && matches!(other.unit, Unit::Percent | Unit::Measure)
}

/// The step a figure was written to when it carries a scale word: "1.6 million" is
/// written to 0.1 million, "23 million" to 1 million; `None` for plain digits ("780"
/// is exact as written: a bare 800 for 780 is a misquote).
fn scaled_step(f: &Figure) -> Option<f64> {
    let lower = f.text.to_lowercase();
    let numeral: String = lower
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .filter(|c| *c != ',')
        .collect();
    let written: f64 = numeral.parse().ok()?;
    if written <= 0.0 || f.value <= written * 999.0 {
        return None; // no scale word multiplied it
    }
    let decimals = numeral.split('.').nth(1).map_or(0, str::len) as i32;
    Some(f.value / written * 10f64.powi(-decimals))
}

/// "as many as" / "as much as" before a figure counted to the unit (not a round number):
/// emphasis, not a bound.
fn emphatic(f: &Figure) -> bool {
    let t = f.text.to_lowercase();
    (t.starts_with("as many as") || t.starts_with("as much as"))
        && f.value >= 1000.0
        && precision_unit(f.value) * 1000.0 <= f.value
        && (f.value % 100.0) != 0.0
}

/// The same number as written: equal, or the source's figure rounds to the claim's
/// when the claim is written with a scale word ("more than 1.6 million" for "more than
/// 1,608,500"), a rounding the notation itself signals.
fn same_as_written(c: &Figure, s: &Figure) -> bool {
    use crate::figure::Form::Share;
    // a fraction is exact and a percentage rounds it: "two-thirds" is 67% and 66.7%,
    // not 66%
    if (c.form == Share) != (s.form == Share) {
        let written = if c.form == Share { s } else { c };
        return (c.value - s.value).abs() <= 0.5 * precision_unit(written.value) * 1.000_001;
    }
    close(c.value, s.value)
        || scaled_step(c).is_some_and(|step| {
            scaled_step(s).is_none_or(|own| own < step) && (s.value - c.value).abs() < step / 2.0
        })
}

fn compare_values(c: &Figure, s: &Figure, settings: &Settings) -> Agreement {
    let tol = settings.about_tolerance;
    let cap = settings.open_end_cap;
    let (cc, sc) = (class(c.qualifier), class(s.qualifier));
    let same_number = same_as_written(c, s);
    let differ = |same: bool| {
        if same {
            Agreement::Qualifier
        } else {
            Agreement::Value
        }
    };
    let ok = |b: bool| {
        if b {
            Agreement::Agree
        } else {
            differ(same_number)
        }
    };
    match (cc, sc) {
        // same kind of qualifier: compare the numbers
        (Class::Exact, Class::Exact)
        | (Class::Lower, Class::Lower)
        | (Class::Upper, Class::Upper)
        | (Class::Almost, Class::Almost) => {
            if same_number {
                Agreement::Agree
            } else {
                Agreement::Value
            }
        }
        (Class::About, Class::About) => {
            ok((c.value - s.value).abs() <= about_tol(c, tol).max(about_tol(s, tol)))
        }
        (Class::Span, Class::Span) => ok(close(c.low, s.low) && close(c.high, s.high)),
        // a lower bound against an upper bound is a changed qualifier
        (Class::Lower, Class::Upper | Class::Almost)
        | (Class::Upper | Class::Almost, Class::Lower) => differ(same_number),
        // rounding the draft signals: "about 780", "nearly 800" for 780
        (Class::About, Class::Exact) => ok((c.value - s.value).abs() <= about_tol(c, tol)),
        (Class::Almost, Class::Exact) => ok(s.value <= c.value && s.value >= 0.9 * c.value),
        // a bound in the draft around an exact source figure, within the cap
        (Class::Lower, Class::Exact) => {
            ok(in_interval(s.value, c) && s.value <= open_reach(c.value, cap))
        }
        (Class::Upper, Class::Exact) => ok(in_interval(s.value, c) && s.value * cap >= c.value),
        // an exact draft figure against a bounded source: the source's interval must hold it
        // an exact draft figure against a bound or a vague range: the source does not
        // state it (DESIGN: a bound never supports a precise figure); the same number
        // with the bound dropped is a changed qualifier
        // "as many as 61,282,920 voters": an emphatic bound on a figure counted to the
        // unit is the count itself
        (Class::Exact, Class::Upper) if same_number && emphatic(s) => Agreement::Agree,
        (Class::Exact, Class::Lower | Class::Upper | Class::Almost) => differ(same_number),
        (Class::Exact, Class::Span) => differ(false),
        // a source's "about" is a hedge on its precision: "around $14.9 billion" states
        // $14.9 billion
        (Class::Exact, Class::About) => ok(same_number),
        (Class::Span, Class::Exact) => ok(in_interval(s.value, c)),
        // "several thousand" does not vouch for "no fewer than six thousand": a vague
        // range supports no open-ended claim beyond it
        (Class::Lower, Class::Span) if s.qualifier == Qualifier::Vague => differ(same_number),
        // everything else: the intervals must overlap and open ends stay within the cap
        _ => {
            let (cl, ch) = bounds(c, tol);
            let (sl, sh) = bounds(s, tol);
            let lo = cl.max(sl);
            let hi = ch.min(sh);
            let capped = |f: &Figure, other: &Figure| {
                // an open upper end read as people write it
                !f.high.is_finite() && other.low > open_reach(f.low, cap)
            };
            // and a figure far below an upper bound ("hundreds" for "up to 6,000") is
            // not what the bound was about
            let far_below = |f: &Figure, other: &Figure| {
                f.qualifier.is_upper_bound() && other.high.is_finite() && other.high * cap < f.value
            };
            ok(lo <= hi && !capped(c, s) && !capped(s, c) && !far_below(c, s) && !far_below(s, c))
        }
    }
}

/// How far above x "more than x" reaches as people write it: two steps of the
/// precision x is written to ("more than 112 million" for 112.74 million, "over 500"
/// for 560, not for 870), and never past `cap`·x.
fn open_reach(x: f64, cap: f64) -> f64 {
    (x + 2.0 * precision_unit(x)).min(cap * x)
}

/// The claim as the matcher sees it.
pub struct Query<'a> {
    pub text: &'a str,
    pub figures: &'a [Figure],
    pub terms: Vec<Term>,
    /// [`time_clash`] of the query with each candidate passage, filled once per query:
    /// it depends on no figure, and a sentence of thousands of figures (a table cell)
    /// would otherwise re-read itself for each of them.
    pub time_clashes: std::collections::HashMap<usize, bool>,
    /// The sources the claim cites: where its number is looked for first.
    pub cited: &'a [usize],
}

impl Query<'_> {
    /// Whether the query and passage `pi` are about different times (cached).
    pub fn time_clash_with(&self, corpus: &Corpus, pi: usize) -> bool {
        self.time_clashes
            .get(&pi)
            .copied()
            .unwrap_or_else(|| time_clash(self.text, &corpus.passages[pi].text))
    }

    /// Fill the time-clash cache for `passages`.
    pub fn cache_time_clashes(&mut self, corpus: &Corpus, passages: impl Iterator<Item = usize>) {
        for pi in passages {
            let c = time_clash(self.text, &corpus.passages[pi].text);
            self.time_clashes.insert(pi, c);
        }
    }
}

impl<'a> Query<'a> {
    /// `masks`: byte ranges of `text` that name sources rather than say anything
    /// (a citation link's text).
    pub fn new(
        index: &Index,
        text: &'a str,
        figures: &'a [Figure],
        masks: &[std::ops::Range<usize>],
    ) -> Query<'a> {
        let mut terms = index.analyzer.terms_masking(text, figures);
        terms.retain(|t| !masks.iter().any(|m| t.start < m.end && t.end > m.start));
        for t in &mut terms {
            t.near = index.near_keys(&t.key);
        }
        Query {
            text,
            figures,
            terms,
            time_clashes: Default::default(),
            cited: &[],
        }
    }
}

/// Weighted share of `keys` found in `target` (exact, near spelling, or context).
fn recall(
    index: &Index,
    keys: &[&Term],
    target: &impl crate::index::HasKey,
    context: &Context,
) -> (f64, f64) {
    let mut total = 0.0;
    let mut got = 0.0;
    let mut seen = HashSet::new();
    for t in keys {
        if !seen.insert(t.key.as_str()) {
            continue;
        }
        let w = index.idf(&t.key)
            * if t.entity {
                1.4
            } else if TIME_WORDS.contains(&t.key.as_str()) || HEDGES.contains(&t.key.as_str()) {
                0.3
            } else {
                1.0
            };
        total += w;
        let m = if target.has_key(&t.key) {
            1.0
        } else if t.near.iter().any(|k| target.has_key(k)) {
            0.8
        } else {
            context.weight_of(&t.key)
        };
        got += w * m;
    }
    (got, total)
}

/// The words a sentence leans on from around it: the sentence before ("the group now
/// commands…" after "the TTP…"), and its document's opening sentence, which names the
/// place and subject that a report's later sentences leave unsaid ("Malawi has put off…
/// cholera deaths" before "the total numbers of cases and deaths have accelerated to…").
struct Context<'a> {
    before: Option<crate::index::KeySet<'a>>,
    /// the sentence before is pointed back at ("the group", "it"): its words are the
    /// passage's own
    points_back: bool,
    opening: Option<crate::index::KeySet<'a>>,
}

/// Credit for a claim word found only in the sentence before a passage.
const BEFORE_WEIGHT: f64 = 0.5;
/// … in the sentence before, which the passage points back at.
const POINTED_WEIGHT: f64 = 0.8;
/// … in the document's opening sentence.
const OPENING_WEIGHT: f64 = 0.4;

impl<'a> Context<'a> {
    fn of(index: &'a Index, corpus: &Corpus, pi: usize, points_back: bool) -> Context<'a> {
        let before = previous_passage(corpus, pi);
        let opening = opening_passage(corpus, pi).filter(|&o| o != pi && Some(o) != before);
        Context {
            before: before.map(|p| index.keyset(p)),
            points_back,
            opening: opening.map(|p| index.keyset(p)),
        }
    }

    const NONE: Context<'static> = Context {
        before: None,
        points_back: false,
        opening: None,
    };

    fn weight_of(&self, key: &str) -> f64 {
        if self.before.is_some_and(|b| b.has_key(key)) {
            if self.points_back {
                POINTED_WEIGHT
            } else {
                BEFORE_WEIGHT
            }
        } else if self.opening.is_some_and(|o| o.has_key(key)) {
            OPENING_WEIGHT
        } else {
            0.0
        }
    }

    fn contains(&self, key: &str) -> bool {
        self.weight_of(key) > 0.0
    }
}

/// The first evidence passage of a passage's document (passages are stored source by
/// source, in order).
pub fn opening_passage(corpus: &Corpus, pi: usize) -> Option<usize> {
    let source = corpus.passages.get(pi)?.source;
    let first = corpus.passages.partition_point(|p| p.source < source);
    (first..=pi).find(|&k| is_evidence(&corpus.passages[k]))
}

/// Similarity of a passage to the claim as a whole, 0..1.
pub fn passage_score(index: &Index, corpus: &Corpus, q: &Query, pi: usize) -> f64 {
    let keys = index.keyset(pi);
    let refers_back = refers_back(&corpus.passages[pi].text);
    let context = Context::of(index, corpus, pi, refers_back);
    let all: Vec<&Term> = q.terms.iter().collect();
    let (got, total) = recall(index, &all, &keys, &context);
    if total == 0.0 {
        return 0.0;
    }
    let rec = got / total;
    // precision: how much of the passage is about the claim
    let qkeys: HashSet<&str> = q.terms.iter().map(|t| t.key.as_str()).collect();
    let mut ptotal = 0.0;
    let mut pgot = 0.0;
    for k in keys.iter() {
        let w = index.idf(k);
        ptotal += w;
        if qkeys.contains(k) {
            pgot += w;
        }
    }
    let prec = if ptotal > 0.0 { pgot / ptotal } else { 0.0 };
    // strsim over the masked words, in order
    let qs: Vec<&str> = q.terms.iter().map(|t| t.key.as_str()).collect();
    let ps: Vec<&str> = index.terms[pi].iter().map(|t| t.key.as_str()).collect();
    let dice = strsim::sorensen_dice(&qs.join(" "), &ps.join(" "));
    let mut score = 0.78 * rec + 0.12 * prec.sqrt() + 0.10 * dice;
    // a named actor of the claim missing from the passage and its context: another event
    let mut missing = HashSet::new();
    // (the corpus's own subject, "Pakistan" in a corpus on Pakistan, tells nothing)
    for t in q
        .terms
        .iter()
        .filter(|t| t.entity && !index.is_common(&t.key))
    {
        let present = keys.has_key(&t.key)
            || context.contains(&t.key)
            || t.near.iter().any(|k| keys.has_key(k));
        if !present && missing.insert(t.key.as_str()) {
            score *= 0.85;
        }
    }
    score.clamp(0.0, 1.0)
}

/// Whether a passage points back at an actor named before ("the group", "it").
fn refers_back(text: &str) -> bool {
    let l = text.to_lowercase();
    crate::lexicon::refers_back_phrases()
        .iter()
        .any(|p| l.contains(p.as_str()))
        || l.starts_with("it ")
}

/// Month names in a text: the time of a monthly figure. Capitalised only, and not
/// "May" alone ("may" is a verb at a sentence's start as often as a month).
fn months(text: &str) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = text
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.starts_with(char::is_uppercase) && *w != "May")
        .filter_map(crate::figure::month_name)
        .collect();
    out.sort();
    out.dedup();
    out
}

/// The month a figure is given for: the nearest month name after it before the next
/// figure ("36.78 Mbps in April to 39.94 Mbps in May"), else the nearest before it
/// after the previous one, within its clause.
fn month_of(text: &str, figures: &[Figure], k: usize) -> Option<&'static str> {
    let span = &figures[k].span;
    let next = figures.get(k + 1).map_or(text.len(), |f| f.span.start);
    let prev = if k > 0 { figures[k - 1].span.end } else { 0 };
    let (cs, ce) = clause_of(text, span);
    let month_in = |from: usize, to: usize, last: bool| {
        let (from, to) = (
            crate::text::floor_boundary(text, from),
            crate::text::floor_boundary(text, to.max(from)),
        );
        let mut found = text[from..to]
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.starts_with(char::is_uppercase))
            .filter_map(crate::figure::month_name);
        if last {
            found.next_back()
        } else {
            found.next()
        }
    };
    month_in(span.end, next.min(ce), false).or_else(|| month_in(prev.max(cs), span.start, true))
}

/// The year of a passage figure dated by a month alone ("in October", "in January this
/// year"): the year its source was written, or the year before when that month had not
/// come yet (a report of 20 December 2021 on "November" speaks of 2021; one of 10
/// January 2024 on "December" of 2023). For a passage that names no year.
pub(crate) fn month_dated_year(corpus: &Corpus, pi: usize, k: usize) -> Option<i32> {
    let p = &corpus.passages[pi];
    let month = month_of(&p.text, &p.figures, k)?;
    let number = crate::figure::MONTHS.iter().position(|m| *m == month)? + 1;
    let (year, written) = source_date(corpus, pi)?;
    Some(if number > written? { year - 1 } else { year })
}

/// "In July" against "in the first year": figures of different periods.
pub fn period_mismatch(claim: &str, passage: &str) -> bool {
    let (cm, pm) = (months(claim), months(passage));
    if !cm.is_empty() && !pm.is_empty() {
        return !cm.iter().any(|m| pm.contains(m));
    }
    let yearly = |t: &str| {
        let l = t.to_lowercase();
        l.contains(" year") || l.contains("annual")
    };
    (pm.is_empty() != cm.is_empty())
        && if cm.is_empty() {
            yearly(claim) && !yearly(passage)
        } else {
            yearly(passage) && !yearly(claim)
        }
}

/// Whether a passage speaks of the time it was written ("now", "currently"): the year
/// of the sentence before it is not its time.
pub fn speaks_of_present(text: &str) -> bool {
    let lower = text.to_lowercase();
    [" now ", " currently ", " at present", " today"]
        .iter()
        .any(|w| lower.contains(w))
}

/// The year the sentence before a passage gives, for a passage that gives none, names
/// no month and does not speak of the present.
fn context_year(corpus: &Corpus, pi: usize) -> Option<i32> {
    let p = &corpus.passages[pi];
    if speaks_of_present(&p.text) {
        return None;
    }
    // "in September": a month with no year is of the time the source was written
    if !months(&p.text).is_empty() {
        return None;
    }
    // a sentence that names years of its own is framed by them, not by the one before;
    // a figure none of them belongs to is of a time it leaves unsaid
    if !crate::figure::years(&p.text).is_empty() {
        return None;
    }
    let prev = previous_passage(corpus, pi)?;
    crate::figure::years(&corpus.passages[prev].text)
        .last()
        .map(|y| y.1)
}

/// The year a passage's source was published, from its metadata.
pub fn source_year_of(corpus: &Corpus, pi: usize) -> Option<i32> {
    source_date(corpus, pi).map(|(year, _)| year)
}

/// The year and, when given, the month a passage's source was published ("2024-06-26").
fn source_date(corpus: &Corpus, pi: usize) -> Option<(i32, Option<usize>)> {
    let s = &corpus.sources[corpus.passages[pi].source];
    let meta = s.meta.as_ref()?;
    let (year, date) = (meta.year()?, meta.date.as_deref()?);
    Some((year, date.get(5..7).and_then(|m| m.parse().ok())))
}

/// The passage before `pi` in the same source (its context: "the group" is the TTP).
pub fn previous_passage(corpus: &Corpus, pi: usize) -> Option<usize> {
    let p = corpus.passages.get(pi)?;
    let mut k = pi;
    while k > 0 {
        k -= 1;
        let q = &corpus.passages[k];
        if q.source != p.source {
            return None;
        }
        if is_evidence(q) {
            return Some(k);
        }
    }
    None
}

/// The word just before a term, lowercased ("in" for "in Khyber").
fn word_before(text: &str, t: &Term) -> String {
    text[..t.start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase()
}

/// "a weapons factory in Pakistan": a name after a preposition of place is where, not who.
fn is_place(text: &str, t: &Term) -> bool {
    matches!(
        word_before(text, t).as_str(),
        "in" | "at" | "from" | "across" | "inside" | "into" | "near" | "throughout" | "of"
    )
}

/// "in Khyber Pakhtunkhwa", "across Punjab": where a count was made (unlike "from
/// Afghan jails", which says where from).
fn is_scope(text: &str, t: &Term) -> bool {
    matches!(
        word_before(text, t).as_str(),
        "in" | "across" | "inside" | "throughout"
    )
}

/// A place right after a passage figure that the claim never names ("61 attacks by the
/// TTP in Khyber Pakhtunkhwa" against attacks nationwide): the passage counts a part.
fn narrower_place(index: &Index, text: &str, q: &Query, pi: usize, fp: &Figure) -> bool {
    let claim: HashSet<&str> = q.terms.iter().map(|t| t.key.as_str()).collect();
    index.terms[pi]
        .iter()
        .filter(|t| t.start >= fp.span.end)
        .take(4)
        .filter(|t| t.entity && is_scope(text, t))
        .any(|t| !claim.contains(t.key.as_str()))
}

/// Entity names right around a passage figure (three words before, two after) that the
/// claim does not contain: another actor's figure.
fn other_actor(index: &Index, text: &str, q: &Query, pi: usize, fp: &Figure) -> bool {
    let terms = &index.terms[pi];
    let place = |t: &Term| is_place(text, t);
    let pos = terms
        .iter()
        .position(|t| t.start >= fp.span.end)
        .unwrap_or(terms.len());
    let before = terms[..pos]
        .iter()
        .rev()
        .filter(|t| t.end <= fp.span.start)
        .take(3);
    let after = terms[pos..].iter().take(2);
    let claim: HashSet<&str> = q.terms.iter().map(|t| t.key.as_str()).collect();
    before
        .chain(after)
        // any name counts: there is no list of one subject's actors
        .filter(|t| index.is_name(t) && !place(t))
        .any(|t| {
            !claim.contains(t.key.as_str())
                && !index
                    .near_keys(&t.key)
                    .iter()
                    .any(|k| claim.contains(k.as_str()))
        })
}

/// Stricter than `period_mismatch`, for conflicts: a month-level figure ("in July")
/// and a year-level one ("in 2008", no month) are not about the same time either.
pub fn time_clash(a: &str, b: &str) -> bool {
    if period_mismatch(a, b) {
        return true;
    }
    // part of a year against a whole year: "31,785 in the first nine months of 2022" does
    // not dispute 2022's "42,795"
    let ya: Vec<i32> = crate::figure::years(a).into_iter().map(|y| y.1).collect();
    let yb: Vec<i32> = crate::figure::years(b).into_iter().map(|y| y.1).collect();
    let (pa, pb) = (
        crate::frame::speaks_of_part_year(a),
        crate::frame::speaks_of_part_year(b),
    );
    if (pa && !pb && !yb.is_empty()) || (pb && !pa && !ya.is_empty()) {
        return true;
    }
    let (am, bm) = (months(a), months(b));
    // a span of dates across years ("from August 15, 2021, to August 14, 2022") is its
    // own window, not the calendar year it ends in ("in 2022")
    let dated_span = |m: &[&str], y: &[i32]| !m.is_empty() && y.iter().any(|x| *x != y[0]);
    let one_year =
        |m: &[&str], y: &[i32]| m.is_empty() && !y.is_empty() && y.iter().all(|x| *x == y[0]);
    if (dated_span(&am, &ya) && one_year(&bm, &yb)) || (dated_span(&bm, &yb) && one_year(&am, &ya))
    {
        return true;
    }
    // "October 2009" and "in 2009" are the same time
    if ya.iter().any(|y| yb.contains(y)) {
        return false;
    }
    (!am.is_empty() && bm.is_empty() && !yb.is_empty() && ya.is_empty())
        || (!bm.is_empty() && am.is_empty() && !ya.is_empty() && yb.is_empty())
}

/// The clause around a span: from the last ",", ";", ":" or dash before it to the next
/// one after it.
fn clause_of(text: &str, span: &std::ops::Range<usize>) -> (usize, usize) {
    // the frame's clause: the same marks, within the same bounded reach
    let c = crate::frame::clause(text, span);
    (c.start, c.end)
}

/// Recall of the claim's topic words: all but the counted noun, hedges, time words and
/// words so common they name the corpus's subject.
fn topic_recall(
    index: &Index,
    corpus: &Corpus,
    q: &Query,
    noun_key: Option<&str>,
    pi: usize,
) -> f64 {
    let topic: Vec<&Term> = q
        .terms
        .iter()
        .filter(|t| {
            Some(t.key.as_str()) != noun_key
                && !HEDGES.contains(&t.key.as_str())
                && !TIME_WORDS.contains(&t.key.as_str())
                && !index.is_common(&t.key)
        })
        .collect();
    // one word is too little to tell topics apart
    if topic.len() < 2 {
        return 1.0;
    }
    let context = Context::of(index, corpus, pi, true);
    let (got, total) = recall(index, &topic, &index.keyset(pi), &context);
    if total > 0.0 {
        got / total
    } else {
        1.0
    }
}

/// Terms near byte range `span` (±`window` terms).
fn terms_near<'t>(
    terms: &'t [Term],
    span: &std::ops::Range<usize>,
    window: usize,
) -> Vec<&'t Term> {
    let pos = terms
        .iter()
        .position(|t| t.start >= span.end)
        .unwrap_or(terms.len());
    let lo = pos.saturating_sub(window);
    let hi = (pos + window).min(terms.len());
    terms[lo..hi].iter().collect()
}

/// Whether `b` is `a`'s uncertainty interval: a range of its unit holding its value, in
/// a bracket that opens right after it ("39 million [33.1 million–45.7 million]", "1.27
/// million (95% UI 0.911–1.71 million)").
pub fn interval_of(text: &str, a: &Figure, b: &Figure) -> bool {
    let Some(gap) = text.get(a.span.end..b.span.start) else {
        return false;
    };
    let gap = gap.trim();
    b.qualifier == crate::figure::Qualifier::Range
        && a.unit == b.unit
        && a.qualifier != crate::figure::Qualifier::Range
        && b.low <= a.value
        && a.value <= b.high
        && gap.len() <= 12
        && gap.starts_with(['[', '('])
        && gap[1..]
            .chars()
            .all(|c| c.is_alphanumeric() || c.is_whitespace() || matches!(c, '%' | ':'))
}

/// The terms of figure `k`'s own part of `text`: its clause, not past the figures on
/// either side. What a figure measures is said there ("50.9% of bachelor passes and
/// 59.0% of passes with distinction"); a part of fewer than two terms (a figure in a
/// list) borrows the sentence's shared subject before its first figure. A figure
/// alone in its sentence owns all of it.
pub fn own_terms<'t>(terms: &'t [Term], text: &str, figures: &[Figure], k: usize) -> Vec<&'t Term> {
    // a figure alone in its sentence: the whole sentence says what it measures
    if figures.len() == 1 {
        return terms.iter().collect();
    }
    let span = &figures[k].span;
    // an uncertainty interval ("39 million [33.1 million–45.7 million] people") parts no
    // words: what follows it is the figure's
    let brackets = text.contains(['[', '(']);
    let parts = |f: &&Figure| !brackets || !figures.iter().any(|g| interval_of(text, g, f));
    let from = figures
        .iter()
        .filter(parts)
        .filter(|f| f.span.end <= span.start)
        .map(|f| f.span.end)
        .max()
        .unwrap_or(0);
    let to = figures
        .iter()
        .filter(parts)
        .filter(|f| f.span.start >= span.end)
        .map(|f| f.span.start)
        .min()
        .unwrap_or(text.len());
    let (cs, ce) = clause_of(text, span);
    let (lo, hi) = (from.max(cs), to.min(ce));
    let mut own: Vec<&Term> = terms
        .iter()
        .filter(|t| t.start >= lo && t.end <= hi)
        .collect();
    // "Belgium (93,285, +148%), Denmark (62,759, +104%)": a figure in brackets is of
    // the words just before the bracket
    if let Some((head_start, open)) = bracket_head(text, span, figures) {
        own.extend(
            terms
                .iter()
                .filter(|t| t.start >= head_start && t.end <= open),
        );
        own.sort_by_key(|t| t.start);
        own.dedup_by_key(|t| t.start);
    }
    if own.len() >= 2 {
        return own;
    }
    // a partitive: "Four of Spain's seven nuclear reactors" measures what the figure
    // after it measures
    let partitive = text
        .get(span.end..)
        .is_some_and(|rest| rest.trim_start().to_ascii_lowercase().starts_with("of "));
    if partitive {
        // ... when only a short noun phrase stands between them: "of Spain's", not
        // "of them by the TTP, which killed"
        let next = (0..figures.len())
            .filter(|&j| figures[j].span.start >= span.end)
            .min_by_key(|&j| figures[j].span.start)
            .filter(|&j| {
                let gap = text.get(span.end..figures[j].span.start).unwrap_or(",");
                gap.split_whitespace().count() <= 3 && !gap.contains([',', ';', ':'])
            });
        if let Some(next) = next {
            let mut both = own;
            both.extend(own_terms(terms, text, figures, next));
            return both;
        }
    }
    let first = figures.iter().map(|f| f.span.start).min().unwrap_or(0);
    terms
        .iter()
        .filter(|t| t.end <= first || (t.start >= lo && t.end <= hi))
        .collect()
}

/// The words a bracketed figure is said of: from the clause start before the opening
/// bracket up to it ("such as Belgium (93,285, +148%)"), as (start, bracket) offsets;
/// `None` when the figure stands in no short bracket, or the words before it hold a
/// figure of their own, which the bracket restates ("80 million hectares (198 million
/// acres)") or details ("8,000 deaths (3,005 in 2016 …)").
fn bracket_head(
    text: &str,
    span: &std::ops::Range<usize>,
    figures: &[Figure],
) -> Option<(usize, usize)> {
    /// A bracket longer than this is prose, not a figure's gloss.
    const MAX_BRACKET: usize = 120;
    let lo = crate::text::floor_boundary(text, span.start.saturating_sub(MAX_BRACKET));
    let open = lo + text[lo..span.start].rfind('(')?;
    if text[open..span.start].contains(')') {
        return None;
    }
    let hi = crate::text::ceil_boundary(text, span.end.saturating_add(MAX_BRACKET));
    let close = text[span.end..hi].find([')', '('])?;
    if !text[span.end + close..].starts_with(')') {
        return None;
    }
    // (the head is looked for within the same reach before the bracket)
    let reach = crate::text::floor_boundary(text, open.saturating_sub(MAX_BRACKET));
    let head_start = crate::text::mark_before(
        &text[reach..],
        open - reach,
        &[',', ';', ':', '(', ')', '—', '–'],
    )
    .map_or(reach, |(i, n)| reach + i + n);
    let figure_in_head = figures
        .iter()
        .any(|f| f.span.end > head_start && f.span.start < open);
    (open > head_start && !figure_in_head).then_some((head_start, open))
}

/// Whether two figures give the same number, whatever their bounds.
pub fn same_number(a: &Figure, b: &Figure) -> bool {
    (a.value - b.value).abs() <= 1e-9 * a.value.abs().max(1.0)
}

/// A number written with three or more significant digits ("8,623", "7.28 lakh",
/// "112.18 million", "11.8%"): two passages on one topic rarely give it by chance, so
/// the same one found is the claim's own statement (a fact-checker searches for it first).
pub fn rare_number(f: &Figure) -> bool {
    written_with(f, 3)
}

/// Whether a figure's number is written with at least `digits` significant digits.
fn written_with(f: &Figure, digits: i32) -> bool {
    let v = f.value.abs();
    v.is_finite() && v > 0.0 && v / precision_unit(v) >= 10f64.powi(digits - 1) - 1e-9
}

/// A number written with five or more significant digits ("1,684,781", "353,027,892"):
/// two reports give it by chance almost never.
pub fn very_rare_number(f: &Figure) -> bool {
    written_with(f, 5)
}

/// A number written with two or more significant digits ("12", "3.3%", "86.3 million"):
/// close values of it are looked up in the corpus.
pub fn two_digit_number(f: &Figure) -> bool {
    written_with(f, 2)
}

/// How far apart (relative) two figures of one statement may be and still be looked up
/// as a disagreement: reports that disagree mostly differ by a revision or a slip
/// (86.3 against 86.4 million, 16.4% against 16.2%, 1,136 against 1,082 tonnes).
pub const NEAR_VALUE: f64 = 0.1;

/// How many passages with the closest values are looked up for each figure.
const NEAR_VALUE_PASSAGES: usize = 12;

/// How much a very close number of the claim's unit (a revision or a slip: see
/// [`very_near`]) counts,
/// within a passage, towards being the figure of the claim's statement: a passage that
/// gives "$26,494" where the claim has "$26,294" disputes it, whatever else it counts
/// (unless it also gives the claim's figure). Numbers 10% apart are too often two
/// readings of a running count to be preferred so.
const NEAR_RANK: f64 = 0.4;

/// The share of the claim figure's own words a near value's own words must have.
const NEAR_MIN_MEASURE: f64 = 0.5;

/// Whether a source figure gives a number close to the claim's, not equal, in the same
/// unit and bound, or the claim's digits with two neighbours swapped.
pub fn near_number(claim: &Figure, source: &Figure) -> bool {
    two_digit_number(claim)
        && claim.unit == source.unit
        && claim.qualifier == source.qualifier
        && !same_number(claim, source)
        && ((claim.value - source.value).abs() <= NEAR_VALUE * claim.value.abs()
            || is_digit_swap(claim.value, source.value))
}

/// Whether `written` is `v` with two neighbouring significant digits swapped.
fn is_digit_swap(v: f64, written: f64) -> bool {
    digit_swaps(v)
        .iter()
        .any(|s| (s - written).abs() <= 1e-9 * s.abs().max(1.0))
}

/// How far apart (relative) two precise numbers may be and still be one statement told
/// twice, whatever words surround them (86.3 against 86.4 million, 314,687 against
/// 314,684, 59.5% against 59.4%). Chosen on the labelled sets (1% and 2% tried).
const VERY_NEAR_VALUE: f64 = 0.02;

/// Whether two numbers of three or more significant digits are within
/// [`VERY_NEAR_VALUE`] of each other: a revision or a slip of one figure, rarely two
/// figures of a topic by chance.
pub fn very_near(claim: &Figure, source: &Figure) -> bool {
    rare_number(claim)
        && rare_number(source)
        && (claim.value - source.value).abs() <= VERY_NEAR_VALUE * claim.value.abs()
}

/// Whether the source's number is the claim's rare number (three or more significant
/// digits) with two neighbouring digits swapped: 704,000 for 740,000, $33.941 billion for
/// $33.491 billion. A slip in copying, telling whatever words surround it.
pub fn swapped_rare(claim: &Figure, source: &Figure) -> bool {
    rare_number(claim) && claim.unit == source.unit && is_digit_swap(claim.value, source.value)
}

/// The numbers a writer makes of `v` by swapping two neighbouring significant digits
/// (375,000 → 357,000; 138 → 183; 0.12 → 0.21), the commonest slip in copying a figure.
pub fn digit_swaps(v: f64) -> Vec<f64> {
    if !v.is_finite() || v == 0.0 {
        return Vec::new();
    }
    let unit = precision_unit(v);
    let mantissa = (v.abs() / unit).round();
    // beyond 15 digits an f64 mantissa is not exact
    if mantissa >= 1e15 {
        return Vec::new();
    }
    let digits: Vec<u8> = (mantissa as u64).to_string().into_bytes();
    let mut out = Vec::new();
    for i in 0..digits.len().saturating_sub(1) {
        if digits[i] == digits[i + 1] || (i == 0 && digits[1] == b'0') {
            continue;
        }
        let mut d = digits.clone();
        d.swap(i, i + 1);
        let m: f64 = String::from_utf8_lossy(&d).parse().unwrap_or(0.0);
        out.push(v.signum() * m * unit);
    }
    out
}

/// The claim's rare number, said again with the same bound: the same statement.
/// The claim's number of two or more significant digits said again, with the same unit
/// and bound ("2.6%", "21%", "£6,900 million" for "£6.9 billion").
fn same_written_figure(claim: &Figure, source: &Figure) -> bool {
    two_digit_number(claim)
        && same_number(claim, source)
        && claim.qualifier == source.qualifier
        && claim.unit == source.unit
}

/// The same round number with the same hedge and unit ("around €200 million" on both
/// sides): a hedge written twice is the figure told again, however few its digits.
fn same_hedged_figure(claim: &Figure, source: &Figure) -> bool {
    claim.qualifier != crate::figure::Qualifier::Exact
        && claim.qualifier == source.qualifier
        && claim.unit == source.unit
        && claim.currency == source.currency
        && same_number(claim, source)
}

pub fn same_rare_number(claim: &Figure, source: &Figure) -> bool {
    rare_number(claim) && same_number(claim, source) && claim.qualifier == source.qualifier
}

/// The claim's rare number is the source's precise one told to the claim's own digits,
/// hedged or not ("about 45.2 million" for 45,184,044): as telling as the number itself.
pub fn rounded_rare_number(claim: &Figure, source: &Figure) -> bool {
    rare_number(claim)
        && matches!(claim.qualifier, Qualifier::Exact | Qualifier::About)
        && source.qualifier == Qualifier::Exact
        && rounds_to_digits(source, claim)
}

/// Evidence for figure `fi` of the query: the best-aligned figure of each candidate
/// passage, best first.
/// A fall written as a signed percent ("-3.4%") as the size of the fall ("fell 3.4%"),
/// so that the two compare; the frame keeps the direction.
fn change_magnitude(f: &Figure, frame: &crate::frame::Frame) -> Option<Figure> {
    (f.unit == Unit::Percent
        && f.value < 0.0
        && frame.change == Some(crate::frame::Direction::Down))
    .then(|| {
        let mut m = f.clone();
        m.value = -f.value;
        (m.low, m.high) = (-f.high, -f.low);
        m
    })
}

/// The candidates, and after each that states another figure of the claim's sentence
/// the passage that follows it in its source, scored as it is: "… a total of 8,049
/// opioid-related deaths in Canada." "The number of deaths is seven per cent higher
/// than in 2022." speaks of the same deaths without naming them.
fn with_next_sentences(
    corpus: &Corpus,
    q: &Query,
    fi: usize,
    candidates: &[(usize, f64)],
    settings: &Settings,
) -> Vec<(usize, f64)> {
    let mut out = candidates.to_vec();
    for &(pi, whole) in candidates {
        if whole < settings.match_threshold {
            continue;
        }
        let p = &corpus.passages[pi];
        let states_sibling = q.figures.iter().enumerate().any(|(j, fc)| {
            j != fi
                && p.figures
                    .iter()
                    .any(|f| same_number(fc, f) && compare(fc, f, settings) == Agreement::Agree)
        });
        let next = pi + 1;
        if states_sibling
            && corpus
                .passages
                .get(next)
                .is_some_and(|n| n.source == p.source)
        {
            match out.iter_mut().find(|(c, _)| *c == next) {
                Some((_, score)) => *score = score.max(whole),
                None => out.push((next, whole)),
            }
        }
    }
    out
}

pub fn evidence_for(
    index: &Index,
    corpus: &Corpus,
    q: &Query,
    candidates: &[(usize, f64)],
    fi: usize,
    settings: &Settings,
) -> Vec<Evidence> {
    let fc = &q.figures[fi];
    let local_q = terms_near(&q.terms, &fc.span, 5);
    // a sentence with several figures says several things: score each figure also on
    // its own part (the shared subject before the first figure, and the words between
    // its neighbours), so "33 attacks" is matched on attacks, not on the dead and wounded
    let focused = (q.figures.len() > 1).then(|| {
        let first = q.figures.iter().map(|f| f.span.start).min().unwrap_or(0);
        let from = q.figures[..fi]
            .iter()
            .map(|f| f.span.end)
            .max()
            .unwrap_or(0);
        let to = q
            .figures
            .get(fi + 1)
            .map(|f| f.span.start)
            .unwrap_or(q.text.len());
        // the figure's own clause, between commas, semicolons or dashes
        let (cs, ce) = clause_of(q.text, &fc.span);
        let clause: Vec<Term> = q
            .terms
            .iter()
            .filter(|t| t.start >= cs.max(from) && t.end <= ce.min(to))
            .cloned()
            .collect();
        let terms = if clause.len() >= 3 {
            clause
        } else {
            q.terms
                .iter()
                .filter(|t| t.end <= first || (t.start >= from && t.end <= to))
                .cloned()
                .collect()
        };
        Query {
            text: q.text,
            figures: q.figures,
            terms,
            time_clashes: Default::default(),
            cited: q.cited,
        }
    });
    let noun_key = fc
        .noun
        .as_deref()
        .map(|n| index.analyzer.key(&n.to_lowercase()));
    let claim_frame = crate::frame::frame_of(q.text, &fc.span);
    let fc_magnitude = change_magnitude(fc, &claim_frame);
    let fc = fc_magnitude.as_ref().unwrap_or(fc);
    let claim_own = own_terms(&q.terms, q.text, q.figures, fi);
    let claim_month = month_of(q.text, q.figures, fi);
    let claim_rare = rare_number(fc);
    let claim_names: HashSet<&str> = claim_own
        .iter()
        .filter(|t| index.is_name(t))
        .map(|t| t.key.as_str())
        .collect();
    let claim_keys: HashSet<&str> = q.terms.iter().map(|t| t.key.as_str()).collect();
    let candidates = with_next_sentences(corpus, q, fi, candidates, settings);
    let mut out = Vec::new();
    for &(pi, whole) in &candidates {
        let pscore = match &focused {
            Some(fq) if fq.terms.len() >= 3 => whole.max(passage_score(index, corpus, fq, pi)),
            _ => whole,
        };
        let p = &corpus.passages[pi];
        // a passage that states the claim's rare number is read however few words
        // it shares: the number itself says it is on topic
        let states_rare = claim_rare && p.figures.iter().any(|f| same_rare_number(fc, f));
        let states_near = p.figures.iter().any(|f| near_number(fc, f));
        // the claim's own number (two digits or more) said again: read, and left to the
        // judge, who takes a weak match only from the source the claim cites
        let states_same = two_digit_number(fc)
            && p.figures
                .iter()
                .any(|f| same_number(fc, f) && f.unit == fc.unit);
        // a precise number told to the claim's own digits, hedged or not ("about 45.2
        // million" for 45,184,044): as telling as the rare number itself
        let states_rounded = p.figures.iter().any(|f| rounded_rare_number(fc, f));
        // (a passage that gives the claim's figure, in any wording)
        let states_agree = p
            .figures
            .iter()
            .any(|f| compare(fc, f, settings) == Agreement::Agree);
        // the sentence's other figures said again in the passage ("980 … up from 850"
        // against "rose from 850 … to 980"): two numbers of a sentence together are
        // seldom a coincidence
        // (a one-digit number counts beside a rare one when told with the same hedge:
        // "nearly 1% … 341 million")
        let states_others = q.figures.iter().enumerate().any(|(j, g)| {
            let telling = two_digit_number(g)
                || (claim_rare && g.qualifier != crate::figure::Qualifier::Exact);
            j != fi
                && telling
                && !same_number(g, fc)
                && p.figures.iter().any(|f| {
                    same_number(g, f)
                        && f.unit == g.unit
                        && (two_digit_number(g) || f.qualifier == g.qualifier)
                })
        });
        // (the claim's number in the source it cites is read however few words they
        // share: the decision weighs how often that source states it)
        let in_cited = states_same && corpus.carried_by(pi, q.cited);
        if pscore < settings.match_threshold * 0.6
            && !in_cited
            && !((states_rare || states_near || states_same || states_rounded)
                && pscore >= RARE_MIN_WORDS)
            // (the claim's number and another of its sentence's, together: read however
            // few words the passage shares)
            && !((states_rare || states_same) && states_others)
        {
            continue;
        }
        // a claim of a place the passage's source never names, when it names others, is
        // not that source's statement ("France recorded 678,000 births" against a report
        // on Japan's); a source that names no place may be of any
        if !claim_frame.named_places.is_empty() {
            let named = corpus.sources[p.source].places();
            if !named.is_empty() && !claim_frame.named_places.iter().any(|x| named.contains(x)) {
                continue;
            }
        }
        // topic words of this figure's own part of the sentence count too
        let topic = match &focused {
            Some(fq) if fq.terms.len() >= 3 => topic_recall(
                index,
                corpus,
                fq,
                noun_key.as_deref(),
                pi,
            )
            .max(topic_recall(index, corpus, q, noun_key.as_deref(), pi)),
            _ => topic_recall(index, corpus, q, noun_key.as_deref(), pi),
        };
        let mut best: Option<(f64, Evidence)> = None;
        // what depends on the passage only, once per passage
        let passage_year = context_year(corpus, pi);
        // (whether the passage names a year, read once: a claim of a year only asks)
        let names_no_year = fc.year.is_some() && crate::figure::years(&p.text).is_empty();
        let period = if q.time_clash_with(corpus, pi) {
            0.1
        } else {
            0.0
        };
        // each figure's own words, once per passage: what it measures, and the names
        // it gives ("Vivek Vihar 464 … and Anand Vihar 451"), for a passage that names
        // a part per figure says whose figure is whose
        let owns: Vec<Vec<&Term>> = (0..p.figures.len())
            .map(|k| own_terms(&index.terms[pi], &p.text, &p.figures, k))
            .collect();
        let own_names: Vec<BTreeSet<&str>> = owns
            .iter()
            .map(|own| {
                own.iter()
                    .filter(|t| index.is_name(t))
                    .map(|t| t.key.as_str())
                    .collect()
            })
            .collect();
        // figure k's own words name a part the claim names, and another figure's name
        // other parts
        let names_claims_part = |k: usize| {
            own_names[k].iter().any(|n| claim_names.contains(n))
                && own_names.iter().enumerate().any(|(j, names)| {
                    j != k && !names.is_empty() && !names.iter().any(|n| claim_names.contains(n))
                })
        };
        // figures whose label in the claim's words is a sibling's: another part's
        let swapped = label_swaps(&index.terms[pi], p, q, fi, &claim_own);
        for (k, fp) in p.figures.iter().enumerate() {
            // a figure's uncertainty interval is its figure's, not a statement of its own,
            // unless the claim gives a range too
            if fc.qualifier != crate::figure::Qualifier::Range
                && p.text.contains(['[', '('])
                && p.figures.iter().any(|h| interval_of(&p.text, h, fp))
            {
                continue;
            }
            // another stance, period window or place: another statement, no evidence
            let frame = p.frame(k);
            let fp_magnitude = change_magnitude(fp, frame);
            let fp = fp_magnitude.as_ref().unwrap_or(fp);
            if let Some(why) = crate::frame::clash(&claim_frame, frame, q.text, &p.text) {
                // a forecast's number told as a fact ("set to touch a record 112.74
                // million tonnes" → "a record 112.74 million tonnes"), a forecast the
                // stance cues missed on one side ("the WTO expected trade to grow 2.6%"),
                // or a change read as a level on one side ("food prices: 9.2%" for "food
                // prices rose 9.2%") is the same statement when it gives the same
                // figure; a denial never is
                use crate::frame::Stance::Denied;
                // (so is the figure of a list that names the claim's part, when the
                // others name other parts: "North America (3.6%) … and Asia (3.4%)" is
                // the figure "Asia's exports up 3.6%" misquotes)
                let restated = matches!(why, "stance" | "change")
                    && claim_frame.stance != Denied
                    && frame.stance != Denied
                    && (same_written_figure(fc, fp)
                        || same_hedged_figure(fc, fp)
                        || names_claims_part(k));
                // (a price with its "a litre" unsaid is the same price: "Diesel reached
                // 146.50p" for "146.50p a litre")
                let unit_price_unsaid = why == "rate"
                    && fc.unit == Unit::Money
                    && same_number(fc, fp)
                    && (if claim_frame.rate { fp } else { fc }).noun.is_none();
                if !restated && !unit_price_unsaid {
                    continue;
                }
            }
            // the start of one change is no statement of where another ended
            let same_year = fc.year.is_some() && fc.year == fp.year;
            if crate::frame::other_point(&claim_frame, frame, same_year) {
                continue;
            }
            // a passage that gives each place its own figure ("31,000 in Tunisia, and
            // 10,600 in Libya"): a figure of another place is not the claim's place's
            if !claim_frame.places.is_empty()
                && !frame.places.is_empty()
                && !frame.places.iter().any(|x| claim_frame.places.contains(x))
                && (0..p.figures.len()).any(|j| {
                    j != k
                        && p.frame(j)
                            .places
                            .iter()
                            .any(|x| claim_frame.places.contains(x))
                })
            {
                continue;
            }
            let mut noun = noun_relation(fc.noun.as_deref(), fp.noun.as_deref());
            // durations measure time, whatever unit their nouns name ("9.3 weeks" and
            // "9.3 months"): compared in days below
            let days = crate::figure::duration_days(fc).zip(crate::figure::duration_days(fp));
            if days.is_some() {
                noun = NounRelation::Same;
            }
            // "killed 34" and "injured 46" count different people
            if let (Some(a), Some(b)) = (fc.role, fp.role) {
                noun = if a != b {
                    NounRelation::Different
                } else if noun == NounRelation::Unknown {
                    // the same role with no noun on one side: "46 were injured"
                    NounRelation::Same
                } else {
                    noun
                };
            }
            // the dead are not the prisoners: a toll and a group of people are the same
            // crowd only when that group is said to have been killed or injured
            if noun == NounRelation::Related && casualty_mismatch(fc, fp) {
                noun = NounRelation::Different;
            }
            // percentages name what changed ("attacks rose 42%", "a 42% increase")
            if noun == NounRelation::Different
                && (fc.unit == Unit::Percent || fp.unit == Unit::Percent)
            {
                noun = NounRelation::Unknown;
            }
            let cross_unit = fc.unit != fp.unit;
            // a unit slip keeps the digits: "42 attacks" for "42%", "23 per cent" for
            // "23 million"
            let same_digits = {
                let r = (fc.value / fp.value).abs().log10();
                fp.value != 0.0 && (r - r.round()).abs() < 1e-9
            };
            if cross_unit && !(same_digits && fc.unit != Unit::Money && fp.unit != Unit::Money) {
                continue;
            }
            // the same figure of the same thing is itself evidence the passage is on topic
            // and the more distinctive the number (780, not 100), the less a coincidence
            let distinctive = fc.value >= 20.0 && precision_unit(fc.value) * 5.0 < fc.value;
            // nouns are read from a word or two and paraphrased ("candidates",
            // "learners"): the same distinctive number is the same count all the same
            if noun == NounRelation::Different
                && fc.unit != Unit::Percent
                && fp.unit != Unit::Percent
                && !(distinctive && same_number(fc, fp))
            {
                continue;
            }
            // ("33 times on average" is the passage's "number of spills … was 33"),
            // unless their roles say otherwise (killed against injured)
            let roles_differ = fc.role.zip(fp.role).is_some_and(|(a, b)| a != b);
            if noun == NounRelation::Different
                && distinctive
                && same_number(fc, fp)
                && fc.unit == fp.unit
                && !roles_differ
            {
                noun = NounRelation::Unknown;
            }
            let local_p: BTreeSet<&str> = terms_near(&index.terms[pi], &fp.span, 6)
                .into_iter()
                .map(|t| t.key.as_str())
                .collect();
            let (g, t) = recall(index, &local_q, &local_p, &Context::NONE);
            let local = if t > 0.0 { g / t } else { 0.0 };
            let own_p: BTreeSet<&str> = owns[k].iter().map(|t| t.key.as_str()).collect();
            let (g, t) = recall(index, &claim_own, &own_p, &Context::NONE);
            let measure = if t > 0.0 { g / t } else { 0.5 };
            // a claim that names its year is compared with the year the passage's
            // sentence before gives, when the passage itself gives none ("…launched
            // Operation Zarb-e-Azb in June 2014. The response displaced up to one million")
            // a running count read "so far" with no year is of the year it was written
            // a source written two years or more before the claim's year cannot have
            // counted that year (unless it projects): its undated figure is of its own
            // time, for certain; one written the year before may announce it (a budget,
            // a fare or a pension rise set in December for the next year)
            let written = source_year_of(corpus, pi);
            let predates = fp.year.is_none()
                && frame.stance != crate::frame::Stance::Projected
                && written.zip(fc.year).is_some_and(|(w, a)| w + 1 < a);
            // "in October", "in January this year": a month with no year is of the year
            // its source was written, for certain
            let month_dated = if names_no_year
                && fp.year.is_none()
                && frame.stance != crate::frame::Stance::Projected
            {
                month_dated_year(corpus, pi, k)
            } else {
                None
            };
            let passage_year = passage_year
                .or_else(|| {
                    (fc.year.is_some() && fp.year.is_none() && p.frame(k).current)
                        .then(|| source_year_of(corpus, pi))
                        .flatten()
                })
                .or_else(|| written.filter(|_| predates));
            // a year read from the context (the sentence before, the date of writing) is
            // a guess: a report written early in a year is often of the year before
            // ("191,040 breath tests during the campaign", published January 2014)
            // (the claim's number in a sentence that names the claim's year is of that
            // year, whatever a guess says: "will more than double by 2030, to around
            // 945 TWh")
            let passage_years = crate::figure::years(&p.text);
            let names_year =
                |y: i32| same_number(fc, fp) && passage_years.iter().any(|&(_, x)| x == y);
            let compared_year = match (fc.year, fp.year, passage_year) {
                (Some(a), None, Some(y)) if a == y || a + 1 == y || names_year(a) => Some(a),
                (Some(_), None, Some(y)) => Some(y),
                // both sentences name both years ("£15.6 billion in April 2023 to March
                // 2024", "for April 2023 to March 2024 … £15.6 billion"): the same number
                // of one span, its year read from either end
                (Some(a), Some(b), _)
                    if a != b
                        && names_year(a)
                        && crate::figure::years(q.text).iter().any(|&(_, x)| x == b) =>
                {
                    Some(a)
                }
                _ => fp.year,
            };
            // another year's different figure is another statement, not a misquote of
            // this one (the same number said of another year still is)
            let other_year = |y: Option<i32>| fc.year.zip(y).is_some_and(|(a, b)| a != b);
            if (other_year(compared_year) || other_year(month_dated)) && !same_number(fc, fp) {
                continue;
            }
            // so is another month's, in the same or an unsaid year ("12.94 lakh in October
            // 2022" is no misquote of "14.5 lakh in November 2022")
            let passage_month = month_of(&p.text, &p.figures, k);
            let other_month = claim_month.zip(passage_month).is_some_and(|(a, b)| a != b);
            if other_month && !same_number(fc, fp) {
                continue;
            }
            let mut agreement = match (fc.year, fp.year, compared_year) {
                (Some(_), _, Some(y)) if fp.year != Some(y) => {
                    // a year the passage's context gives (the sentence before, the
                    // date of writing) is a guess, unless the source predates the claim
                    let mut dated = fp.clone();
                    dated.year = Some(y);
                    dated.own_year = predates;
                    compare(fc, &dated, settings)
                }
                _ => compare(fc, fp, settings),
            };
            // a duration in another time unit: the same time ("two weeks", "14 days"), or
            // the unit changed ("9.3 months" for "9.3 weeks")
            if let Some((a, b)) = days.filter(|_| fc.noun != fp.noun) {
                if agreement == Agreement::Agree || agreement == Agreement::Value {
                    agreement = if (a - b).abs() <= 1e-6 * a.abs().max(b.abs()) {
                        Agreement::Agree
                    } else if same_number(fc, fp) {
                        Agreement::Unit
                    } else {
                        Agreement::Value
                    };
                }
            }
            // "an 8% rise" is not "an eight per cent fall"
            if agreement == Agreement::Agree
                && claim_frame
                    .change
                    .zip(frame.change)
                    .is_some_and(|(a, b)| a != b)
            {
                agreement = Agreement::Direction;
            }
            let year_bonus = match (fc.year, fp.year) {
                (Some(a), Some(b)) if a == b => 0.04,
                (Some(_), Some(_)) => -0.04,
                _ => 0.0,
            };
            let noun_bonus = match noun {
                NounRelation::Same => 0.08,
                NounRelation::Related => 0.03,
                NounRelation::Unknown => 0.0,
                NounRelation::Different => -0.1,
            };
            let agree_bonus = match (
                agreement == Agreement::Agree,
                noun != NounRelation::Unknown || fc.unit != Unit::Count,
            ) {
                (true, true) if distinctive => 0.12,
                (true, true) => 0.06,
                _ => 0.0,
            };
            let score = (pscore + 0.12 * (local - 0.5) + noun_bonus + year_bonus + agree_bonus
                - period
                - if cross_unit { 0.05 } else { 0.0 })
            .clamp(0.0, 1.0);
            // the claim's rare number, same unit and year, in a passage on the topic: the
            // statement is found, however it is worded
            // (the figure's own words must share some: the same number of another
            // examiner, role or part is no find)
            // (a number of five or more significant digits said again to the digit is
            // that statement however it is worded: "1,684,781 probable dengue cases"
            // for "1,684,781 possible infections")
            let score = if agreement == Agreement::Agree
                && (same_rare_number(fc, fp) || rounded_rare_number(fc, fp))
                && (measure >= RARE_MIN_MEASURE
                    || (very_rare_number(fc) && same_rare_number(fc, fp)))
            {
                score.max(settings.match_threshold + 0.05)
            } else {
                score
            };
            // a close number of the same unit whose own words measure the claim's: the
            // same statement, disagreeing, however the sentence is worded
            let near = agreement == Agreement::Value
                && near_number(fc, fp)
                && (measure >= NEAR_MIN_MEASURE || very_near(fc, fp) || swapped_rare(fc, fp))
                && noun != NounRelation::Different;
            let score = if near {
                score.max(settings.match_threshold + 0.05)
            } else {
                score
            };
            // the claim's own number together with another of its sentence's: found
            let score = if agreement == Agreement::Agree && states_others && two_digit_number(fc) {
                score.max(settings.match_threshold + 0.05)
            } else {
                score
            };
            // within a passage prefer the figure that agrees, then a same-number unit slip
            // dollars against rupees only when nothing in the same currency is there
            let other_currency = fc.unit == Unit::Money
                && fp.unit == Unit::Money
                && fc.currency.is_some()
                && fp.currency.is_some()
                && !fc
                    .currency
                    .zip(fp.currency)
                    .is_some_and(|(a, b)| crate::figure::same_currency(a, b));
            // within a passage, the figure of the claim's statement: what its own words
            // measure first, then the same number, year and counted noun
            // the claim's name belongs to another figure of the passage, and this one
            // has a name of its own the claim does not give: another part's figure
            let other_part = p.figures.len() > 1
                && own_names[k].iter().any(|n| !claim_keys.contains(n))
                && own_names.iter().enumerate().any(|(j, names)| {
                    j != k
                        && names
                            .iter()
                            .any(|n| claim_names.contains(n) && !own_names[k].contains(n))
                });
            let rank = measure
                + if near && !states_agree && (very_near(fc, fp) || swapped_rare(fc, fp)) {
                    NEAR_RANK
                } else {
                    0.0
                }
                - if other_part { 0.8 } else { 0.0 }
                // (a label in the claim's words outweighs the number and noun agreeing)
                - if swapped[k] { SWAP_PENALTY } else { 0.0 }
                + match agreement {
                    Agreement::Agree => 0.5,
                    // the same number said of another year is still the figure the
                    // claim quotes, more than another number is
                    Agreement::Year if same_number(fc, fp) => 0.4,
                    _ if cross_unit => 0.3,
                    _ => 0.0,
                }
                + match (fc.year, compared_year) {
                    (Some(a), Some(b)) if a == b => 0.3,
                    (Some(_), Some(_)) => -0.5,
                    _ => 0.0,
                }
                // "36.35 Mbps in April" is April's figure of the passage, not May's
                + match (claim_month, passage_month) {
                    (Some(a), Some(b)) if a == b => 0.3,
                    (Some(_), Some(_)) => -0.3,
                    _ => 0.0,
                }
                + match noun {
                    NounRelation::Same => 0.3,
                    NounRelation::Related => 0.1,
                    NounRelation::Unknown => 0.0,
                    NounRelation::Different => -0.5,
                }
                - if other_currency { 0.5 } else { 0.0 };
            let ev = Evidence {
                passage: pi,
                figure: k,
                score,
                relation: if agreement == Agreement::Agree {
                    Relation::Supports
                } else {
                    Relation::Contradicts
                },
                agreement,
                noun,
                other_actor: other_actor(index, &p.text, q, pi, fp),
                narrower_place: narrower_place(index, &p.text, q, pi, fp),
                topic,
                measure,
                year: compared_year,
                near,
            };
            if best.as_ref().is_none_or(|(r, _)| rank > *r) {
                best = Some((rank, ev));
            }
        }
        if let Some((_, ev)) = best {
            out.push(ev);
        }
    }
    out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.passage.cmp(&b.passage)));
    out
}

/// A run of figures and the conjuncts (byte ranges) that label them, in order.
type Respectively = (Vec<usize>, Vec<(usize, usize)>);

/// The "respectively" lists of a passage: each run of figures of one unit that
/// "respectively" follows ("to $6.3 billion and $2 billion respectively"), with the
/// byte spans of the conjuncts of the list before the run ("in the Nordics region and
/// France"), when there are as many conjuncts as figures.
fn respectively(text: &str, figures: &[Figure]) -> Vec<Respectively> {
    if crate::text::find_ascii_ci(text, "respectively", 0).is_none() {
        return Vec::new();
    }
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for (r, _) in lower.match_indices("respectively") {
        // the run: the last figure before the word, and those joined to it by "and" or
        // a comma
        let mut order: Vec<usize> = (0..figures.len())
            .filter(|&k| figures[k].span.end <= r)
            .collect();
        order.sort_by_key(|&k| figures[k].span.start);
        let Some(&last) = order.last() else { continue };
        let mut run = vec![last];
        for &k in order.iter().rev().skip(1) {
            let next = &figures[*run.last().unwrap_or(&last)];
            let gap = lower
                .get(figures[k].span.end..next.span.start)
                .unwrap_or("");
            if figures[k].unit != figures[last].unit || !matches!(gap.trim(), "and" | "," | ", and")
            {
                break;
            }
            run.push(k);
        }
        if run.len() < 2 {
            continue;
        }
        run.reverse();
        let first = figures[run[0]].span.start;
        // the list: its last " and " before the run, back to the preposition (or the
        // sentence's start) that opens it, on to the first word after "and"
        let Some(and) = lower.get(..first).and_then(|h| h.rfind(" and ")) else {
            continue;
        };
        let open = [
            " in ",
            " of ",
            " for ",
            " from ",
            " between ",
            " among ",
            ": ",
        ]
        .iter()
        .filter_map(|w| lower[..and].rfind(w).map(|at| at + w.len()))
        .max()
        .unwrap_or(0);
        let tail = &lower[and + 5..first];
        let mut end = and + 5;
        for w in tail.split_inclusive(' ') {
            let word = w.trim_end_matches(' ');
            end += w.len();
            if !matches!(word, "the" | "a" | "an") {
                end -= w.len() - word.trim_end_matches([',', ';', ':']).len();
                break;
            }
        }
        let mut conjuncts = Vec::new();
        let mut at = open;
        let list = &lower[open..end];
        let mut rest = list;
        while !rest.is_empty() {
            let cut = [", and ", ", ", " and "]
                .iter()
                .filter_map(|b| rest.find(b).map(|i| (i, b.len())))
                .min();
            match cut {
                Some((i, len)) => {
                    conjuncts.push((at, at + i));
                    at += i + len;
                    rest = &rest[i + len..];
                }
                None => {
                    conjuncts.push((at, at + rest.len()));
                    rest = "";
                }
            }
        }
        if conjuncts.len() == run.len() {
            out.push((run, conjuncts));
        }
    }
    out
}

/// The breaks of the gap `from..to` of `text` between two figures: the ends of its
/// commas, semicolons and conjunctions, in order. The first figure's words end at the
/// first break ("18 were stabbed, | five were shot"); the second's begin after the last
/// break that leaves it a word of its own ("Aomori, down 1.72 pct, and | Kochi, down
/// 1.71 pct").
fn label_breaks(text: &str, from: usize, to: usize) -> Vec<(usize, usize)> {
    let Some(gap) = text.get(from..to) else {
        return Vec::new();
    };
    let gap = gap.to_ascii_lowercase();
    let mut found: Vec<(usize, usize)> = [",", ";", " and ", " while ", " but ", " whereas "]
        .iter()
        .flat_map(|b| {
            gap.match_indices(b)
                .map(|(at, m)| (from + at, from + at + m.len()))
                .collect::<Vec<_>>()
        })
        .collect();
    found.sort_unstable();
    found
}

/// How far a figure carrying a sibling's label falls behind in the choice of the
/// passage's figure: past the agreement and noun bonuses.
const SWAP_PENALTY: f64 = 1.6;

/// Which figures of a passage carry a sibling's label in the claim's words: the words
/// that set figure k apart from a sibling of its unit (its own part, less the sentence's
/// shared subject before the first figure) are none of the claim's, while the words
/// that set the sibling apart include some ("a 39 per cent drop in incidence and a 49
/// per cent reduction in deaths" for "deaths fell by 39%"; "18 were stabbed, five were
/// shot" for "18 were shot").
fn label_swaps(
    terms: &[Term],
    p: &crate::corpus::Passage,
    q: &Query,
    fi: usize,
    claim_own: &[&Term],
) -> Vec<bool> {
    let (text, figures) = (p.text.as_str(), p.figures.as_slice());
    let n = figures.len();
    // (no sibling of one unit, no label to swap: most passages, on a hot path)
    if !(1..n).any(|k| (0..k).any(|j| figures[j].unit == figures[k].unit)) {
        return vec![false; n];
    }
    let (claim_text, claim) = (q.text, &q.figures[fi]);
    let claim_others: Vec<&Figure> = (0..q.figures.len())
        .filter(|&j| j != fi)
        .map(|j| &q.figures[j])
        .collect();
    let points: Vec<Option<crate::frame::Point>> = (0..n).map(|k| p.frame(k).point).collect();
    // the shared subject's words, said before the first figure of a unit, are every
    // figure of that unit's, wherever they are said again ("Cyber Week, the five-day
    // stretch from Thanksgiving Day…, brought in $41.1 billion…, with Thanksgiving
    // generating $6.1 billion": the duration does not end the money's subject)
    // (read once per unit the passage's figures have, not once per figure)
    let mut subjects: Vec<(Unit, usize, HashSet<&str>)> = Vec::new();
    for f in figures {
        if !subjects.iter().any(|s| s.0 == f.unit) {
            let first = first_of_unit(figures, f.unit);
            let words = terms
                .iter()
                .filter(|t| t.end <= first)
                .map(|t| t.key.as_str())
                .collect();
            subjects.push((f.unit, first, words));
        }
    }
    // a change word says which way, not what: "a 39 per cent drop in incidence"
    let change = |text: &str, t: &Term| {
        text.get(t.start..t.end)
            .is_some_and(crate::lexicon::is_change_word)
    };
    // a figure's label among the figures of its unit ("$2.5 billion went to 61,000
    // borrowers with a disability" is the money's, across the count): the words from
    // the break before it to the break after it, where a break is the first comma or
    // conjunction between two figures ("a 39 per cent drop in incidence | and a 49 per
    // cent reduction in deaths"); a gap with no break is both figures'
    let mut labels: Vec<BTreeSet<&str>> = (0..n)
        .map(|k| {
            let fk = &figures[k];
            let Some((_, first, shared)) = subjects.iter().find(|s| s.0 == fk.unit) else {
                return BTreeSet::new();
            };
            let first = *first;
            let weak =
                |k: &str| HEDGES.contains(&k) || TIME_WORDS.contains(&k) || shared.contains(k);
            let same = |f: &&Figure| f.unit == fk.unit;
            let prev = figures
                .iter()
                .filter(same)
                .filter(|f| f.span.end <= fk.span.start)
                .max_by_key(|f| f.span.end);
            let next = figures
                .iter()
                .filter(same)
                .filter(|f| f.span.start >= fk.span.end)
                .min_by_key(|f| f.span.start);
            let (cs, ce) = clause_of(text, &fk.span);
            let hi = next.map_or(ce.max(fk.span.end), |f| {
                label_breaks(text, fk.span.end, f.span.start)
                    .first()
                    .map_or(f.span.start, |b| b.0)
            });
            let words = |lo: usize| -> BTreeSet<&str> {
                terms
                    .iter()
                    .filter(|t| t.start >= lo.max(first) && t.end <= hi)
                    .filter(|t| !weak(&t.key) && !change(text, t))
                    .map(|t| t.key.as_str())
                    .collect()
            };
            match prev {
                None => words(cs),
                Some(f) => {
                    let breaks = label_breaks(text, f.span.end, fk.span.start);
                    let after = words(fk.span.start).len();
                    match breaks.last() {
                        // no break: the gap is both figures'
                        None => words(f.span.end),
                        Some(last) => breaks
                            .iter()
                            .rev()
                            .map(|b| words(b.1))
                            .find(|w| w.len() > after)
                            .unwrap_or_else(|| words(last.1)),
                    }
                }
            }
        })
        .collect();
    // "the counties of Mures - 748, Brasov - 657": a list whose labels stand before
    // their figures labels its first figure by as many words before it as the second
    // has (words the shared subject would otherwise take)
    for (unit, first, _) in &subjects {
        let of_unit: Vec<usize> = (0..n).filter(|&k| figures[k].unit == *unit).collect();
        let [a, b, ..] = of_unit[..] else { continue };
        let before_b = terms
            .iter()
            .filter(|t| t.end <= figures[b].span.start && t.start >= figures[a].span.end)
            .filter(|t| labels[b].contains(t.key.as_str()))
            .count();
        let after_a = terms
            .iter()
            .any(|t| t.start >= figures[a].span.end && labels[a].contains(t.key.as_str()));
        // (a first figure labelled by words after it has its label already)
        if before_b == 0 || after_a {
            continue;
        }
        let lead: Vec<&Term> = terms.iter().filter(|t| t.end <= *first).collect();
        let own: BTreeSet<&str> = lead
            .iter()
            .rev()
            .take(before_b)
            .map(|t| t.key.as_str())
            .collect();
        // (only when a dash, colon or bracket, and nothing else, stands between: "Mures -
        // 748", "Rondônia (62.5%)")
        let marked = lead.last().is_some_and(|t| {
            text.get(t.end..*first).is_some_and(|g| {
                let g = g.trim();
                !g.is_empty() && g.chars().all(|c| matches!(c, '-' | '–' | ':' | '('))
            })
        });
        if marked {
            labels[a] = own;
        }
    }
    // "Uptake of the MMR vaccine fell to 92.5%, while uptake of the DTaP shot fell to
    // 92.1%": parallel clauses, the second repeating words of the first's subject after a
    // break; the words the second does not repeat are the first figure's own label
    for (unit, first, shared) in &subjects {
        let of_unit: Vec<usize> = (0..n).filter(|&k| figures[k].unit == *unit).collect();
        let [a, b, ..] = of_unit[..] else { continue };
        if !labels[a].is_empty() {
            continue;
        }
        let (fa, fb) = (&figures[a], &figures[b]);
        let Some(brk) = label_breaks(text, fa.span.end, fb.span.start)
            .first()
            .copied()
        else {
            continue;
        };
        let repeated: HashSet<&str> = terms
            .iter()
            .filter(|t| t.start >= brk.1 && t.end <= fb.span.start)
            .map(|t| t.key.as_str())
            .filter(|k| shared.contains(k) && !HEDGES.contains(k) && !TIME_WORDS.contains(k))
            .collect();
        // (the same word leading both figures: "fell to 92.5%" … "fell to 92.1%")
        let lead = |f: &Figure| {
            terms
                .iter()
                .rev()
                .find(|t| t.end <= f.span.start)
                .map(|t| t.key.as_str())
        };
        if repeated.is_empty() || lead(fa).is_none() || lead(fa) != lead(fb) {
            continue;
        }
        let (cs, _) = clause_of(text, &fa.span);
        labels[a] = terms
            .iter()
            .filter(|t| t.start >= cs && t.end <= *first)
            .filter(|t| !repeated.contains(t.key.as_str()))
            .filter(|t| {
                !HEDGES.contains(&t.key.as_str())
                    && !TIME_WORDS.contains(&t.key.as_str())
                    && !change(text, t)
            })
            .map(|t| t.key.as_str())
            .collect();
    }
    // "in the Nordics region and France, to $6.3 billion and $2 billion respectively":
    // each figure of the run is labelled by its conjunct of the list before it
    for (run, conjuncts) in respectively(text, figures) {
        for (k, (lo, hi)) in run.into_iter().zip(conjuncts) {
            labels[k] = terms
                .iter()
                .filter(|t| t.start >= lo && t.end <= hi)
                // (the list may be in the shared subject: its words are labels here)
                .filter(|t| !HEDGES.contains(&t.key.as_str()) && !change(text, t))
                .map(|t| t.key.as_str())
                .collect();
        }
    }
    let claim_keys: HashSet<&str> = claim_own
        .iter()
        .filter(|t| !change(claim_text, t))
        .map(|t| t.key.as_str())
        .collect();
    // two ends of one span or change: "from 42 to 65", "between 1 and 3 per cent"
    let joined = |a: &Figure, b: &Figure| {
        let (x, y) = if a.span.end <= b.span.start {
            (a, b)
        } else {
            (b, a)
        };
        let between = text
            .get(..x.span.start)
            .is_some_and(|h| h.to_ascii_lowercase().trim_end().ends_with("between"));
        text.get(x.span.end..y.span.start)
            .is_some_and(|gap| match gap.trim() {
                "to" | "-" | "–" => true,
                "and" => between,
                _ => false,
            })
    };
    (0..n)
        .map(|k| {
            // the claim's year is the label this figure gives
            if claim.year.is_some() && figures[k].year == claim.year {
                return false;
            }
            (0..n).any(|j| {
                // a sibling of the same unit, not the other end of this figure's change,
                // nor the figure of another of the claim's numbers
                if j == k
                    || figures[j].unit != figures[k].unit
                    || points[j].is_some() && points[k].is_some() && points[j] != points[k]
                    || joined(&figures[j], &figures[k])
                    || claim_others.iter().any(|g| same_number(g, &figures[j]))
                {
                    return false;
                }
                let mine: Vec<&str> = labels[k].difference(&labels[j]).copied().collect();
                let theirs = labels[j].difference(&labels[k]);
                !mine.is_empty()
                    && !mine.iter().any(|w| claim_keys.contains(w))
                    && theirs.clone().any(|w| claim_keys.contains(w))
            })
        })
        .collect()
}

/// Where the first figure of `unit` starts in a passage (0 when it has none).
fn first_of_unit(figures: &[Figure], unit: Unit) -> usize {
    figures
        .iter()
        .filter(|f| f.unit == unit)
        .map(|f| f.span.start)
        .min()
        .unwrap_or(0)
}

/// The passage score below which even a passage that states the claim's rare number
/// is taken for a coincidence (no word in common but stop words).
const RARE_MIN_WORDS: f64 = 0.1;

/// The share of the claim figure's own words a rare-number find must have.
const RARE_MIN_MEASURE: f64 = 0.1;

/// A rare number stated by more passages than this is a common one in this corpus.
const RARE_VALUE_PASSAGES: usize = 20;

/// Candidate passages for a query with their passage scores, best first. Passages of
/// the `cited` sources are always among them: with many reprints of one story, the top
/// candidates can fill with copies and leave the cited one unscored.
pub fn candidates(
    retriever: &dyn crate::retrieve::Retriever,
    index: &Index,
    corpus: &Corpus,
    q: &Query,
    settings: &Settings,
    cited: &[usize],
) -> Vec<(usize, f64)> {
    let in_cited = |pi: usize| corpus.carried_by(pi, cited);
    let mut found = retriever.candidates(&q.terms, settings.candidates, &in_cited);
    let mut seen: std::collections::HashSet<usize> = found.iter().copied().collect();
    let mut add = |pi: u32| {
        if seen.insert(pi as usize) {
            found.push(pi as usize);
        }
    };
    // passages that state the claim's rare number, however few words they share, or
    // its number with two neighbouring digits swapped
    let exact = q
        .figures
        .iter()
        .filter(|f| rare_number(f))
        .map(|f| f.value)
        .chain(
            q.figures
                .iter()
                .filter(|f| two_digit_number(f))
                .flat_map(|f| digit_swaps(f.value)),
        );
    for v in exact {
        let with = retriever.passages_with_value(v);
        // a number a great many passages give tells nothing apart
        if with.len() <= RARE_VALUE_PASSAGES {
            with.iter().for_each(|&pi| add(pi));
        }
    }
    // passages that state a number close to the claim's: where a disagreement is
    for f in q.figures.iter().filter(|f| two_digit_number(f)) {
        retriever
            .passages_near_value(f.value, NEAR_VALUE, NEAR_VALUE_PASSAGES)
            .into_iter()
            .for_each(&mut add);
    }
    let mut out: Vec<(usize, f64)> = found
        .into_iter()
        .map(|pi| (pi, passage_score(index, corpus, q, pi)))
        .collect();
    out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::extract_figures;

    fn fig(t: &str) -> Figure {
        extract_figures(t).remove(0)
    }

    fn cmp(c: &str, s: &str) -> Agreement {
        compare(&fig(c), &fig(s), &Settings::default())
    }

    /// Passage scores of `claim` against each passage of one document.
    fn scores_in(doc: &str, claim: &str) -> Vec<f64> {
        let mut corpus = Corpus::default();
        corpus.add_source(crate::corpus::Source::new(
            "a".into(),
            "a.txt".into(),
            "a.txt".into(),
            doc.to_string(),
            None,
        ));
        let index = Index::build(&corpus, crate::index::Analyzer::new(&[]));
        let figures = extract_figures(claim);
        let q = Query::new(&index, claim, &figures, &[]);
        (0..corpus.passages.len())
            .map(|pi| passage_score(&index, &corpus, &q, pi))
            .collect()
    }

    #[test]
    fn a_reports_opening_sentence_names_what_its_later_sentences_leave_unsaid() {
        let claim = "Cholera deaths in Malawi reached 595.";
        let later = "Officials said the heavy rains continued. \
                     The total number of deaths has reached 595, the ministry said.";
        let opened = format!("Malawi is fighting its worst cholera outbreak. {later}");
        let plain = format!("The region is fighting its worst outbreak. {later}");
        let (with, without) = (scores_in(&opened, claim), scores_in(&plain, claim));
        assert!(with[2] > without[2] + 0.05, "{with:?} {without:?}");
        // the opening counts for less than the words of the passage itself
        let said = scores_in(
            "Malawi is fighting its worst cholera outbreak. Officials said the heavy rains \
             continued. Cholera deaths in Malawi have reached 595, the ministry said.",
            claim,
        );
        assert!(said[2] > with[2] + 0.1, "{said:?} {with:?}");
    }

    #[test]
    fn a_bare_number_has_no_unit_to_disagree_with() {
        // a list under "as a percentage of GDP", an elliptical "the record 39.5 million"
        assert_eq!(cmp("2.12%", "2.12"), Agreement::Agree);
        assert_eq!(cmp("39.5 million", "39.5 million tons"), Agreement::Agree);
        assert_eq!(cmp("2.12%", "2.15"), Agreement::Value);
        // a counted noun is a unit of its own; money keeps its currency
        assert_eq!(cmp("2.12%", "2.12 people"), Agreement::Unit);
        assert_eq!(cmp("$39.5 million", "39.5 million tons"), Agreement::Unit);
    }

    #[test]
    fn a_span_of_dates_across_years_is_not_the_calendar_year() {
        let span = "From August 15, 2021, to August 14, 2022, there were 250 attacks.";
        assert!(time_clash(
            span,
            "Pakistan saw at least 376 attacks in 2022."
        ));
        assert!(time_clash("There were 376 attacks in 2022.", span));
        // the same span, or a month of one year, is not that
        assert!(!time_clash(
            span,
            "Between August 15, 2021 and August 14, 2022, 250 attacks."
        ));
        assert!(!time_clash(
            "In October 2022, 40 attacks.",
            "There were 376 attacks in 2022."
        ));
    }

    #[test]
    fn a_rare_number_with_two_digits_swapped_is_the_same_figure_miscopied() {
        assert!(swapped_rare(&fig("704,000"), &fig("740,000")));
        assert!(swapped_rare(
            &fig("$33.941 billion"),
            &fig("$33.491 billion")
        ));
        // two significant digits are too common to tell a slip from another number
        assert!(!swapped_rare(&fig("31"), &fig("13")));
        // nor across units
        assert!(!swapped_rare(&fig("135 per cent"), &fig("153 people")));
    }

    #[test]
    fn swapped_neighbouring_digits_are_the_commonest_slip() {
        let mut swaps = digit_swaps(375_000.0);
        swaps.sort_by(f64::total_cmp);
        assert_eq!(swaps, vec![357_000.0, 735_000.0]);
        assert!(digit_swaps(0.12).iter().any(|v| (v - 0.21).abs() < 1e-12));
        // no leading zero is made, and equal neighbours make nothing
        assert!(digit_swaps(105.0).iter().all(|v| *v >= 100.0));
        assert!(digit_swaps(11.0).is_empty());
        // rounded or cut short to fewer digits, never beyond a step or upwards past it
        assert!(rounds_to(&fig("6.394 million"), &fig("6.4 million")));
        assert!(rounds_to(&fig("6.2194 million"), &fig("6.21 million")));
        assert!(!rounds_to(&fig("6.2194 million"), &fig("6.1 million")));
        assert!(!rounds_to(&fig("6.2194 million"), &fig("6.23 million")));
        assert!(very_near(&fig("86.3 million"), &fig("86.4 million")));
        assert!(very_near(&fig("59.5%"), &fig("59.4%")));
        assert!(!very_near(&fig("86 million"), &fig("87 million")));
        assert!(!very_near(&fig("86.3 million"), &fig("88.4 million")));
        assert!(near_number(&fig("nearly 183%"), &fig("nearly 138%")));
        assert!(!near_number(&fig("nearly 183%"), &fig("nearly 318%")));
    }

    #[test]
    fn qualifiers_compare_as_people_write_them() {
        assert_eq!(cmp("780 prisoners", "780 prisoners"), Agreement::Agree);
        assert_eq!(cmp("870 prisoners", "780 prisoners"), Agreement::Value);
        assert_eq!(
            cmp("100 prisoners", "over 100 prisoners"),
            Agreement::Qualifier
        );
        assert_eq!(
            cmp("more than 100 prisoners", "over 100 prisoners"),
            Agreement::Agree
        );
        assert_eq!(
            cmp("up to 2 million people", "up to 1 million people"),
            Agreement::Value
        );
        assert_eq!(
            cmp("at least 40 people", "up to 40 people"),
            Agreement::Qualifier
        );
        assert_eq!(
            cmp("more than $70 billion", "more than $7 billion"),
            Agreement::Value
        );
        assert_eq!(cmp("$70 billion", "more than $7 billion"), Agreement::Value);
        // a bound never vouches for a precise figure (DESIGN "Figures")
        assert_eq!(cmp("$8 billion", "more than $7 billion"), Agreement::Value);
        assert_eq!(
            cmp("$7 billion", "more than $7 billion"),
            Agreement::Qualifier
        );
        assert_eq!(
            cmp("$14.9 billion", "around $14.9 billion"),
            Agreement::Agree
        );
        assert_eq!(cmp("almost 500 people", "433 people"), Agreement::Value);
        assert_eq!(
            cmp("more than 23 million people", "almost 23 million people"),
            Agreement::Qualifier
        );
        assert_eq!(
            cmp("about 780 prisoners", "780 prisoners"),
            Agreement::Agree
        );
        assert_eq!(
            cmp("nearly 800 prisoners", "780 prisoners"),
            Agreement::Agree
        );
        assert_eq!(cmp("800 prisoners", "780 prisoners"), Agreement::Value);
        assert_eq!(
            cmp(
                "several thousand troops",
                "approximately several thousand troops"
            ),
            Agreement::Agree
        );
        assert_eq!(
            cmp("several hundred troops", "several thousand troops"),
            Agreement::Value
        );
        assert_eq!(
            cmp(
                "up to six thousand fighters",
                "between 7,000 and 10,000 fighters"
            ),
            Agreement::Value
        );
        assert_eq!(
            cmp("8,000 fighters", "between 7,000 and 10,000 fighters"),
            Agreement::Value
        );
        assert_eq!(cmp("42 attacks", "42% increase"), Agreement::Unit);
        assert_eq!(cmp("Rs 50 million", "$50 million"), Agreement::Unit);
    }

    #[test]
    fn only_a_year_written_in_the_figures_own_clause_can_be_misquoted() {
        assert_eq!(
            cmp("rents climbed 7% in 2022", "rents climbed 7% in 2021"),
            Agreement::Year
        );
        // the claim's year is borrowed from another clause of a sentence of two years: a
        // guess, not a misquote
        assert_eq!(
            cmp(
                "Prices rose in 2022 after a fall in 2021, and rents climbed 7% over the year",
                "rents climbed 7% in 2020"
            ),
            Agreement::Agree
        );
        // a sentence of one year is of that year throughout
        assert_eq!(
            cmp(
                "In 2022 prices rose, and rents climbed 7% over the year",
                "rents climbed 7% in 2021"
            ),
            Agreement::Year
        );
    }

    #[test]
    fn a_decimal_is_written_to_its_last_digit() {
        // 4.3 / 0.1 is 42.99999999999999 in floating point: still one decimal
        for (v, unit) in [
            (4.3, 0.1),
            (2.3, 0.1),
            (16.2, 0.1),
            (0.7, 0.1),
            (4.32, 0.01),
        ] {
            assert!(
                (precision_unit(v) - unit).abs() < 1e-12,
                "{v}: {}",
                precision_unit(v)
            );
        }
        assert_eq!(precision_unit(780.0), 10.0);
        // so "about €4.3" reaches €4.32
        assert_eq!(cmp("about €4.3", "€4.32"), Agreement::Agree);
    }

    #[test]
    fn a_fraction_agrees_with_the_percentages_that_round_it() {
        assert_eq!(
            cmp("67% of voters", "two-thirds of voters"),
            Agreement::Agree
        );
        assert_eq!(
            cmp("66.7% of voters", "two-thirds of voters"),
            Agreement::Agree
        );
        assert_eq!(
            cmp("two-thirds of voters", "67% of voters"),
            Agreement::Agree
        );
        assert_eq!(
            cmp("66% of voters", "two-thirds of voters"),
            Agreement::Value
        );
        assert_eq!(
            cmp("20% of children", "one in five children"),
            Agreement::Agree
        );
        assert_eq!(
            cmp("one in four children", "one in five children"),
            Agreement::Value
        );
        assert_eq!(
            cmp("about two-thirds of voters", "64% of voters"),
            Agreement::Agree
        );
    }

    #[test]
    fn a_multiplier_compares_only_with_a_multiplier() {
        assert_eq!(cmp("exports doubled", "exports doubled"), Agreement::Agree);
        assert_eq!(
            cmp("exports doubled", "exports rose threefold"),
            Agreement::Value
        );
        assert_eq!(cmp("exports doubled", "2 exports"), Agreement::Unit);
    }

    #[test]
    fn a_changed_year_is_a_misquote() {
        assert_eq!(
            cmp(
                "more than 100 attacks in 2020",
                "more than 100 attacks in 2022"
            ),
            Agreement::Year
        );
        assert_eq!(
            cmp("more than 100 attacks", "more than 100 attacks in 2022"),
            Agreement::Agree
        );
    }

    #[test]
    fn nouns_relate() {
        assert_eq!(
            noun_relation(Some("troops"), Some("fighters")),
            NounRelation::Same
        );
        assert_eq!(
            noun_relation(Some("islamists"), Some("militants")),
            NounRelation::Related
        );
        assert_eq!(
            noun_relation(Some("attacks"), Some("people")),
            NounRelation::Different
        );
        assert_eq!(noun_relation(None, Some("people")), NounRelation::Unknown);
        assert_eq!(
            noun_relation(Some("afghans"), Some("people")),
            NounRelation::Related
        );
    }
}
#[cfg(test)]
mod time_tests {
    use super::*;
    #[test]
    fn same_year_is_same_time() {
        let s = "Other major attacks include the school massacre in Peshawar in 2014 (149 victims killed, mostly children and teenagers), a 2009 car bombing in Peshawar (125 victims killed), and multiple attacks on Shia mosques throughout Pakistan.";
        let c = "A car bombing at Peshawar's Meena Bazaar in October 2009 killed 137 people, and the attack on the Army Public School in Peshawar in December 2014 killed 149.";
        assert!(!time_clash(s, c));
        // a monthly figure and a yearly one are not the same thing
        assert!(time_clash(
            "33 attacks which killed 34 people in July",
            "an attack that killed 66 people in 2008"
        ));
    }
}

#[cfg(test)]
mod noun_tests {
    use super::*;
    use crate::figure::extract_figures;

    #[test]
    fn the_dead_are_not_the_prisoners() {
        let a = extract_figures("Eight hundred TTP prisoners were freed").remove(0);
        let b = extract_figures("resulting in the deaths of hundreds").remove(0);
        assert!(casualty_mismatch(&a, &b));
        let c = extract_figures("it killed up to 40 Islamists").remove(0);
        let d = extract_figures("the raid left 400 dead").remove(0);
        assert!(
            !casualty_mismatch(&c, &d),
            "Islamists who were killed are casualties"
        );
        let e = extract_figures("34 people were killed").remove(0);
        assert!(
            casualty_mismatch(&a, &e),
            "people who were killed are a casualty count"
        );
        let f = extract_figures("some 780 people were freed").remove(0);
        assert!(
            !casualty_mismatch(&a, &f),
            "people in general may be the prisoners"
        );
    }
}

#[cfg(test)]
mod measure_tests {
    use super::*;
    use crate::figure::extract_figures;

    fn agreement(claim: &str, source: &str) -> Agreement {
        let c = extract_figures(claim).remove(0);
        let s = extract_figures(source).remove(0);
        compare(&c, &s, &Settings::default())
    }

    #[test]
    fn measures_compare_after_converting_units() {
        assert_eq!(
            agreement("a road of 13 km", "a road of eight miles"),
            Agreement::Agree
        );
        assert_eq!(
            agreement("a wall four feet high", "a wall four metres high"),
            Agreement::Value
        );
        assert_eq!(
            agreement(
                "22.5 million cubic feet of water",
                "22.5 million cubic metres of water"
            ),
            Agreement::Value
        );
        assert_eq!(
            agreement("6 GW of solar", "6,000 MW of solar"),
            Agreement::Agree
        );
        // the trade's abbreviations are the units they abbreviate
        for (a, b) in [
            (
                "output of 9.5 mb/d",
                "output of 9.5 million barrels per day",
            ),
            ("exports of 300 kb/d", "exports of 300,000 bpd"),
            ("imports of 50 bcm", "imports of 50 billion cubic metres"),
            ("a dose of 20 mSv", "a dose of 20 millisieverts"),
            ("emissions of 120 g/km", "emissions of 120 grams per km"),
        ] {
            assert_eq!(agreement(a, b), Agreement::Agree, "{a} / {b}");
        }
        // an equivalent dose is not an absorbed one, whatever the number
        assert_ne!(
            agreement("a dose of 14 mSv", "a dose of 14 mGy"),
            Agreement::Agree
        );
    }

    #[test]
    fn rates_per_other_denominators_never_agree() {
        let a = crate::figure::extract_figures("a rate of 6.39 per 1,000 people").remove(0);
        let b = crate::figure::extract_figures("a rate of 6.39 per 100,000 people").remove(0);
        let c = crate::figure::extract_figures("a rate of 6.39").remove(0);
        let s = Settings::default();
        assert_eq!((a.per, b.per), (Some(1000.0), Some(100_000.0)));
        assert_eq!(compare(&a, &b, &s), Agreement::Unit);
        assert_eq!(compare(&a, &a, &s), Agreement::Agree);
        // a denominator left unsaid on one side is for the frames to weigh
        assert_eq!(compare(&a, &c, &s), Agreement::Agree);
    }

    #[test]
    fn rates_per_other_units_or_times_never_agree() {
        assert_eq!(agreement("$15 an hour", "$15 a day"), Agreement::Unit);
        assert_eq!(agreement("$350 per kg", "$350 per tonne"), Agreement::Unit);
        assert_eq!(agreement("$15/hour", "$15 per hour"), Agreement::Agree);
        // a denominator left unsaid on one side is for the frames to weigh
        assert_eq!(agreement("$15 an hour", "$15"), Agreement::Agree);
    }

    #[test]
    fn measures_of_other_dimensions_never_agree() {
        assert_eq!(agreement("6 GW", "6 GWh"), Agreement::Unit);
        assert_eq!(agreement("40 km", "40 kg"), Agreement::Unit);
    }

    #[test]
    fn an_open_end_reaches_two_steps_of_its_precision() {
        assert_eq!(
            agreement("more than 112 million tonnes", "112.74 million tonnes"),
            Agreement::Agree
        );
        assert_ne!(agreement("at least 500 dead", "870 dead"), Agreement::Agree);
        assert_eq!(agreement("over 500 dead", "560 dead"), Agreement::Agree);
    }
}
