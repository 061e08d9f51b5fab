//! Statement frames: the slots that say which statement a figure belongs to, beyond the
//! noun it counts (see DESIGN "Matching"). Each slot is filled or unknown; a slot that
//! both sides fill differently makes another statement, which is no evidence either way.
//!
//! Slots are read with syntax-light patterns over the figure's clause and sentence; the
//! cue words come from the lexicon data (`lexicon/default.toml`), never from one
//! subject's names.

use serde::Deserialize;
use std::ops::Range;
use std::sync::OnceLock;

/// How a text presents its figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stance {
    /// Stated as a fact (the default).
    Asserted,
    /// Reported in order to deny it ("the ministry denied reports of 9,000 arrests").
    Denied,
    /// A projection, forecast, target or possibility ("could reach 50,000").
    Projected,
    /// An early or partial figure ("unofficial results", "preliminary count").
    Provisional,
}

/// The span of time a count covers, when the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Window {
    Day,
    Week,
    Month,
    /// A running total ("so far", "since the outbreak", "as of").
    Cumulative,
    /// Part of a year ("the first nine months of 2022", "the six months to June"): not
    /// the year's total.
    PartYear,
    /// Twelve months to a date ("the year to March 2024"): neither part of a year nor
    /// the calendar year; as of its date, like a running total.
    RollingYear,
}

/// An end of a change: see [`Frame::point`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Point {
    Start,
    End,
}

/// Which way a change goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// The slots of one figure's statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Frame {
    pub stance: Stance,
    pub window: Option<Window>,
    /// Names of the places the figure is counted in ("in Kinshasa"), lowercased.
    pub places: Vec<String>,
    /// Countries and regions the figure's clause names, however ("US emissions",
    /// "Britain's", "in Germany"), as gazetteer ids (`lexicon/places.toml`).
    pub named_places: Vec<&'static str>,
    /// Those named anywhere near the figure: a place the other side names here is shared.
    pub near_places: Vec<&'static str>,
    /// The figure is a rate: it counts per something ("per 100,000 people").
    pub rate: bool,
    /// A bare number a rate word comes just before ("the highest rate, at 26.8"): a
    /// rate whose denominator goes unsaid, so it neither is nor is not one for sure.
    pub rate_named: bool,
    /// The figure reads a running count at the time of writing ("has recorded", "so
    /// far", "latest figures"): a later reading supersedes it.
    pub current: bool,
    /// Words of the lexicon's contrast groups right next to the figure ("women",
    /// "rural", "suspected"), with their group: the part of a measure it counts.
    pub parts: Vec<(usize, String)>,
    /// The figure states a change ("rose 12%", "an increase of 2.8%"), with its
    /// direction, rather than a level ("at 12%", "rose to 701"). A change and a level
    /// are two statements.
    pub change: Option<Direction>,
    /// Which end of a change the figure is: where it went from ("up from 5.4", "rose
    /// from 5.4 to 5.7") or where it reached ("rose to 5.7"). The start of one change and
    /// the end of another are two times, whatever their numbers.
    pub point: Option<Point>,
    /// The year a change is measured from, written after it in its clause ("rose 36%
    /// from 2021"): a change from another year is another statement.
    pub baseline: Option<i32>,
    /// The figure is plainly a level: a level word right before it ("rose to 701", "at
    /// 12%"), or no change word anywhere near. (A change word elsewhere in the sentence,
    /// "Contraction of the economy | 20.7%", leaves the kind unknown.)
    pub level: bool,
}

/// Cue phrases, split into lowercase words once when the lexicon is read (matching is
/// per figure and per candidate passage: a hot path).
#[derive(Debug, Deserialize)]
#[serde(from = "Vec<String>")]
struct Phrases(Vec<Vec<String>>);

impl From<Vec<String>> for Phrases {
    fn from(list: Vec<String>) -> Self {
        Phrases(
            list.iter()
                .map(|p| {
                    p.split_whitespace()
                        .map(str::to_lowercase)
                        .collect::<Vec<_>>()
                })
                .filter(|p| !p.is_empty())
                .collect(),
        )
    }
}

impl Phrases {
    /// Whether any phrase occurs in `ws` (words in a row).
    fn any_in(&self, ws: &[(usize, String)]) -> bool {
        self.0.iter().any(|p| has_phrase(ws, p))
    }
}

/// The lexicon's cue lists (see `lexicon/default.toml`).
#[derive(Debug, Deserialize)]
pub struct Lexicon {
    stance: StanceCues,
    period: PeriodCues,
    rate: RateCues,
    reporting: ReportingCues,
    place: PlaceCues,
    contrast: ContrastCues,
    change: ChangeCues,
}

#[derive(Debug, Deserialize)]
struct ChangeCues {
    up: Vec<String>,
    down: Vec<String>,
    levels: Phrases,
    links: Vec<String>,
    units: Vec<String>,
    /// Nouns that name a rate of change: their level is a change of something else.
    rate_nouns: Vec<String>,
    /// Words after a percentage that make it a difference, up or down.
    up_after_percent: Vec<String>,
    down_after_percent: Vec<String>,
    /// Stems of `up` and `down`, made on first use: "soaring" is "soared" told otherwise.
    #[serde(skip)]
    stems: std::sync::OnceLock<(
        std::collections::HashSet<String>,
        std::collections::HashSet<String>,
    )>,
}

impl ChangeCues {
    fn direction(&self, w: &str) -> Option<Direction> {
        if self.up.iter().any(|x| x == w) {
            return Some(Direction::Up);
        }
        if self.down.iter().any(|x| x == w) {
            return Some(Direction::Down);
        }
        let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
        let (up, down) = self.stems.get_or_init(|| {
            let stem_all =
                |ws: &[String]| ws.iter().map(|x| stemmer.stem(x).into_owned()).collect();
            (stem_all(&self.up), stem_all(&self.down))
        });
        let stem = stemmer.stem(w);
        if up.contains(stem.as_ref()) {
            Some(Direction::Up)
        } else if down.contains(stem.as_ref()) {
            Some(Direction::Down)
        } else {
            None
        }
    }
}

#[derive(Debug, Deserialize)]
struct ContrastCues {
    boundaries: Vec<String>,
    groups: Vec<Vec<String>>,
}

#[derive(Debug, Deserialize)]
struct ReportingCues {
    verbs: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct StanceCues {
    denied: Phrases,
    projected: Phrases,
    provisional: Phrases,
    revision: Phrases,
}

#[derive(Debug, Deserialize)]
struct RateCues {
    markers: Phrases,
    /// Words after "per" that make a window, not a rate ("per day", "per cent").
    not_rates: Vec<String>,
    /// Nouns that name a rate ("the suicide rate, at 26.8"), its denominator unsaid.
    nouns: Vec<String>,
    /// Units "a"/"an" makes a rate of ("$10,030 a tonne" is "per tonne").
    per_article: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct PeriodCues {
    day: Phrases,
    week: Phrases,
    month: Phrases,
    cumulative: Phrases,
    part_year: Phrases,
    rolling_year: Phrases,
    current: Phrases,
    /// Words after a change that lead the year it is measured from ("rose 36% from
    /// 2021", "93% from a low in 2013", "12% higher than in 2019").
    baseline_leads: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct PlaceCues {
    prepositions: Vec<String>,
    comparisons: Vec<String>,
}

/// Whether `between`, the text from one figure to the next, says the next one is the
/// first's denominator: "17.4 per 100,000", "179 offences per 100,000 people", "1.43
/// deaths per 100 million miles". At most two words (the counted noun) stand before the
/// rate marker, and nothing else after it.
pub fn introduces_denominator(between: &str) -> bool {
    if between.contains(|c: char| !(c.is_alphabetic() || c.is_whitespace() || c == '-')) {
        return false;
    }
    rate_marker(lexicon(), &words(between), true)
}

/// Whether a rate marker (lexicon `[rate] markers`) comes right after a figure or after
/// its counted noun: "2.125 children per woman".
pub fn rate_follows(after: &str) -> bool {
    let ws: Vec<(usize, String)> = words(after).into_iter().take(5).collect();
    rate_marker(lexicon(), &ws, false)
}

/// Whether a rate marker ("per", "for every") opens `ws`, or follows at most two words
/// (the counted noun: "179 offences per"); with `whole`, the marker must end `ws`.
fn rate_marker(lex: &Lexicon, ws: &[(usize, String)], whole: bool) -> bool {
    lex.rate.markers.0.iter().any(|cue| {
        let n = cue.len();
        (0..=2).any(|skip| {
            let fits = if whole {
                ws.len() == skip + n
            } else {
                ws.len() >= skip + n
            };
            fits && has_phrase(&ws[skip..skip + n], cue)
        })
    })
}

/// The words of `text`'s sentence before `span`, back to the last full stop (at most
/// [`LOOKBACK_BYTES`] away; a clause after a semicolon still shares its change word).
fn sentence_before<'a>(text: &'a str, span: &Range<usize>) -> &'a str {
    let from = crate::text::floor_boundary(text, span.start.saturating_sub(LOOKBACK_BYTES));
    let head = &text[from..crate::text::floor_boundary(text, span.start).max(from)];
    head.rfind(". ").map_or(head, |p| &head[p + 2..])
}

/// The built-in lexicon, parsed once.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        toml::from_str(crate::lexicon::default_text())
            .expect("lexicon/default.toml is valid (tested)")
    })
}

/// Words of `s`, lowercased, with their byte offsets in `s`.
fn words(s: &str) -> Vec<(usize, String)> {
    spans(s).map(|(a, b)| (a, s[a..b].to_lowercase())).collect()
}

/// Byte ranges of the words of `s` (letters, digits, inner apostrophes).
fn spans(s: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = s.char_indices().peekable();
    std::iter::from_fn(move || {
        let (start, _) = chars.by_ref().find(|(_, c)| is_word_char(*c))?;
        let mut end = s.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || c == '’'
}

/// Words of `s` as cue matching sees them: a capitalised word is a name ("May" the
/// month, "Will" the person), so it is kept as a blank that matches no cue.
fn cue_words(s: &str) -> Vec<(usize, String)> {
    words(s)
        .into_iter()
        .map(|(at, w)| {
            if s[at..].starts_with(char::is_uppercase) {
                (at, String::new())
            } else {
                (at, w)
            }
        })
        .collect()
}

/// Whether the word sequence `ws` holds the phrase `cue` (lowercase words in a row).
fn has_phrase(ws: &[(usize, String)], cue: &[String]) -> bool {
    !cue.is_empty()
        && ws
            .windows(cue.len())
            .any(|w| w.iter().zip(cue).all(|(a, b)| a.1 == *b))
}

/// The clause around `span`: between the nearest clause marks of the sentence.
/// (Never further than [`LOOKBACK_BYTES`] on either side: a sentence of thousands of
/// figures without a comma must not be scanned whole for each.)
pub(crate) fn clause(text: &str, span: &Range<usize>) -> Range<usize> {
    const MARKS: [char; 5] = [',', ';', ':', '—', '–'];
    let lo = crate::text::floor_boundary(text, span.start.saturating_sub(LOOKBACK_BYTES));
    let hi = crate::text::ceil_boundary(text, span.end.saturating_add(LOOKBACK_BYTES));
    let head = &text[lo..crate::text::floor_boundary(text, span.start).max(lo)];
    let start = crate::text::mark_before(head, head.len(), &MARKS).map_or(lo, |(p, n)| lo + p + n);
    let from = crate::text::ceil_boundary(text, span.end).min(hi);
    let end = crate::text::mark_after(&text[..hi], from, &MARKS).unwrap_or(hi);
    start..end
}

/// The words of the figure's clause that speak of it: a coordinated clause after it
/// ("lost 200,000 subscribers and forecast the loss of another 2 million") has its own
/// verb, and its stance is not the figure's; the words after the next number speak of
/// that number ("a 10 per cent reduction from the 2024 target of 485,000": the target
/// is the 485,000, the reduction no forecast), and so does a year before it.
fn own_clause_words(
    text: &str,
    clause: &Range<usize>,
    span: &Range<usize>,
) -> Vec<(usize, String)> {
    let head = &text[clause.start..crate::text::floor_boundary(text, span.start).max(clause.start)];
    let tail_from = crate::text::ceil_boundary(text, span.end).min(clause.end);
    let tail = &text[tail_from..clause.end];
    let mut out = cue_words(head);
    let tail = cue_words(tail);
    out.extend(
        tail.iter()
            .enumerate()
            .take_while(|(_, (_, w))| !COORDINATORS.contains(&w.as_str()) && !is_other_number(w))
            // a cue word after "of" or an article names a thing, not a stance: "4 per
            // cent of planned trains", "3% above the forecast"
            .map(|(i, (at, w))| {
                let modifier = i > 0 && MODIFIER_LEADS.contains(&tail[i - 1].1.as_str());
                (*at, if modifier { String::new() } else { w.clone() })
            }),
    );
    out
}

/// Words after which a participle or noun modifies what follows ("of planned trains",
/// "the forecast").
const MODIFIER_LEADS: [&str; 4] = ["of", "the", "a", "an"];

/// A word of digits: another figure's number, or a year that leads to one ("from the
/// 2024 target of 485,000").
fn is_other_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
}

/// Words that join two clauses, each with its own verb and stance.
const COORDINATORS: [&str; 5] = ["and", "but", "while", "whereas", "although"];

/// Whether a text speaks of part of a year ("the first nine months of 2022", "the year
/// to March"), by the `part_year` cues of the lexicon.
pub fn speaks_of_part_year(text: &str) -> bool {
    let words = cue_words(text);
    let period = &lexicon().period;
    period.part_year.any_in(&words) || period.rolling_year.any_in(&words)
}

/// The frame of the figure at `span` of `text` (a sentence or passage).
pub fn frame_of(text: &str, span: &Range<usize>) -> Frame {
    let lex = lexicon();
    // the figure's clause (bounded: see `clause`)
    let c = clause(text, span);
    let clause_words = cue_words(&text[c.clone()]);
    // the stance is set by what comes before the figure in its sentence: "denied
    // reports that 9,000 were arrested", "the toll could reach 50,000"
    // only the words just before the figure: a long sentence costs no more per figure
    let from = crate::text::floor_boundary(text, span.start.saturating_sub(LOOKBACK_BYTES));
    let before = cue_words(&text[from..crate::text::floor_boundary(text, span.start)]);
    let lead: Vec<(usize, String)> = before.iter().rev().take(12).rev().cloned().collect();
    let stance = if lex.stance.denied.any_in(&lead) {
        Stance::Denied
    } else if lex
        .stance
        .projected
        .any_in(&own_clause_words(text, &c, span))
        || lex.stance.projected.any_in(&lead)
    {
        Stance::Projected
    } else if provisional(lex, near(text, span)) {
        Stance::Provisional
    } else {
        Stance::Asserted
    };
    // "179 per 100,000", "12 for every 1,000": the words right after the figure (the
    // counted noun may come between: "179 offences per 100,000")
    let after = cue_words(text.get(span.end..).unwrap_or(""));
    let next: Vec<(usize, String)> = after.iter().take(4).cloned().collect();
    let rate = rate_marker(lex, &next, false)
        && !next.iter().any(|(_, w)| lex.rate.not_rates.contains(w))
        || per_article(lex, text.get(span.end..).unwrap_or(""));
    let period = &lex.period;
    let window = [
        (&period.day, Window::Day),
        (&period.week, Window::Week),
        (&period.part_year, Window::PartYear),
        (&period.rolling_year, Window::RollingYear),
        (&period.month, Window::Month),
        (&period.cumulative, Window::Cumulative),
    ]
    .into_iter()
    .find(|(cues, _)| cues.any_in(&clause_words))
    .map(|(_, w)| w);
    let before_figure = &text[c.start..crate::text::floor_boundary(text, span.start).max(c.start)];
    let in_clause = cue_words(text.get(span.end.min(c.end)..c.end).unwrap_or(""));
    let (change, level) = match change_of(lex, before_figure, &in_clause)
        .or(signed(text, span))
        .or(percent_difference(lex, text, span, &in_clause))
    {
        Kind::Change(d) => (Some(d), false),
        Kind::Level => (None, true),
        Kind::Unknown => (
            None,
            !words(near(text, span))
                .iter()
                .any(|(_, w)| lex.change.direction(w).is_some()),
        ),
    };
    Frame {
        stance,
        window,
        places: figure_places(text, &c),
        named_places: named_places(text, &c, span),
        near_places: crate::places::named(near(text, span)),
        rate,
        rate_named: !rate && rate_named(lex, text, span),
        point: point_of(lex, before_figure, text, span),
        baseline: (change.is_some() || !level)
            .then(|| baseline_of(lex, text, &c, span))
            .flatten(),
        parts: parts(text, span),
        change,
        level,
        current: window == Some(Window::Cumulative)
            || period.current.any_in(&clause_words)
            || period.current.any_in(&lead),
    }
}

/// The gazetteer places of a figure: those of its clause up to the figure and after it
/// up to a comparison or a boundary word ("5.4% in Britain", not "double the value of
/// rights in Germany").
fn named_places(text: &str, clause: &Range<usize>, span: &Range<usize>) -> Vec<&'static str> {
    let end = span.end.min(clause.end).max(clause.start);
    let after = &text[end..clause.end.max(end)];
    let lex = lexicon();
    // (nor past a boundary: "killed 66 people in 2008 and an attack on a base in Afghanistan")
    let upto = spans(after)
        .find(|(a, b)| {
            let w = after[*a..*b].to_lowercase();
            lex.place.comparisons.contains(&w) || lex.contrast.boundaries.contains(&w)
        })
        .map_or(after.len(), |(a, _)| a);
    let mut out = crate::places::named(&text[clause.start..end]);
    out.extend(crate::places::named(&after[..upto]));
    out.sort_unstable();
    out.dedup();
    out
}

/// How many words before a figure a change word may stand when a link joins them
/// ("increasing the pass rate by 3%").
const CHANGE_WORDS: usize = 5;

/// Whether the figure between `before` (its clause up to the figure) and `after` (the
/// words after it) states a change, and which way: a change word right before it, or
/// a few words before with "by"/"of" right before it, or right after its unit ("a 7%
/// rise", "38% higher"); never when a level word stands right before it ("rose to").
fn change_of(lex: &Lexicon, before: &str, after: &[(usize, String)]) -> Kind {
    let cues = &lex.change;
    let before = words(before);
    let tail_len = before.len().min(CHANGE_WORDS);
    let tail = &before[before.len() - tail_len..];
    let ends_with = |p: &Vec<String>| {
        p.len() <= tail.len()
            && tail[tail.len() - p.len()..]
                .iter()
                .zip(p)
                .all(|(a, b)| a.1 == *b)
    };
    if cues.levels.0.iter().any(ends_with) {
        // "inflation climbed to 16.2%" is the level of a change: prices rose 16.2%
        if before.iter().any(|(_, w)| cues.rate_nouns.contains(w)) {
            return Kind::Unknown;
        }
        // "put the national rise at 18.1%": a change named by a noun, its size given
        // with "at", is the change
        if tail.last().is_some_and(|(_, w)| w == "at") {
            let from = before.len() - tail_len;
            let named = (from..before.len()).rev().find_map(|k| {
                // (a word may stand between: "the national rise")
                let determiner = (k.saturating_sub(2)..k).any(|j| {
                    let w = &before[j].1;
                    matches!(w.as_str(), "the" | "a" | "an" | "its" | "their" | "this")
                        || w.ends_with("'s")
                        || w.ends_with("’s")
                });
                determiner.then(|| cues.direction(&before[k].1)).flatten()
            });
            if let Some(d) = named {
                return Kind::Change(d);
            }
        }
        return Kind::Level;
    }
    if let Some((_, last)) = tail.last() {
        if let Some(d) = cues.direction(last) {
            return Kind::Change(d);
        }
        if cues.links.contains(last) {
            if let Some(d) = tail
                .iter()
                .rev()
                .skip(1)
                .find_map(|(_, w)| cues.direction(w))
            {
                return Kind::Change(d);
            }
        }
    }
    after
        .iter()
        .map(|(_, w)| w)
        .find(|w| !cues.units.contains(w))
        .and_then(|w| cues.direction(w))
        .map_or(Kind::Unknown, Kind::Change)
}

/// The direction of a percentage told as a difference by the word after it ("10 per
/// cent below the target"); none for a count, which such a word places ("700 million
/// below the poverty line").
fn percent_difference(
    lex: &Lexicon,
    text: &str,
    span: &Range<usize>,
    after: &[(usize, String)],
) -> Option<Direction> {
    let cues = &lex.change;
    let figure = text.get(span.clone())?;
    let mut rest = after.iter().map(|(_, w)| w.as_str());
    let percent = figure.ends_with('%')
        || ["per cent", "percent", "percentage point", "pc"]
            .iter()
            .any(|u| figure.to_lowercase().ends_with(u));
    let next = rest.find(|w| !cues.units.iter().any(|u| u == w))?;
    if !percent {
        return None;
    }
    if cues.up_after_percent.iter().any(|w| w == next) {
        Some(Direction::Up)
    } else if cues.down_after_percent.iter().any(|w| w == next) {
        Some(Direction::Down)
    } else {
        None
    }
}

/// What [`change_of`] reads of a figure.
enum Kind {
    Change(Direction),
    Level,
    Unknown,
}

impl Kind {
    /// This reading, or `other` where this one found no change word.
    fn or(self, other: Option<Direction>) -> Kind {
        match (self, other) {
            (Kind::Change(d), _) => Kind::Change(d),
            (_, Some(d)) => Kind::Change(d),
            (k, None) => k,
        }
    }
}

/// The direction a sign gives a percent: "(+8.2%)" is a rise, "-3.4%" a fall (a signed
/// count or temperature is a level).
fn signed(text: &str, span: &Range<usize>) -> Option<Direction> {
    let figure = text.get(span.clone())?;
    let lower = figure.to_lowercase();
    let percent = lower.ends_with('%') || lower.contains("per cent") || lower.contains("percent");
    if !percent {
        return None;
    }
    if text[..span.start].ends_with('+') || figure.starts_with('+') {
        Some(Direction::Up)
    } else if figure.starts_with(['-', '−']) {
        Some(Direction::Down)
    } else {
        None
    }
}

/// How far around a figure its frame is read: a sentence of thousands of figures (a
/// table cell) must not be read whole for each of them.
const LOOKBACK_BYTES: usize = 400;

/// The text within [`LOOKBACK_BYTES`] of `span` on either side.
fn near<'a>(text: &'a str, span: &Range<usize>) -> &'a str {
    let a = crate::text::floor_boundary(text, span.start.saturating_sub(LOOKBACK_BYTES));
    let b = crate::text::ceil_boundary(text, span.end + LOOKBACK_BYTES);
    &text[a..b]
}

/// Whether two figures are the start of one change and the end of another ("rose to
/// 5.7, from 5.4" against "the rate rose to 5.4"): two times, unless both are dated to
/// the same year ("down from 1.37 in 2021" and "fell to 1.33 in 2021" are one).
pub fn other_point(a: &Frame, b: &Frame, same_year: bool) -> bool {
    !same_year && a.point.zip(b.point).is_some_and(|(x, y)| x != y)
}

/// The year a change is measured from: a baseline lead after the figure in its clause,
/// then a year within a few words ("from a low in 2013"), before any other number.
fn baseline_of(lex: &Lexicon, text: &str, c: &Range<usize>, span: &Range<usize>) -> Option<i32> {
    /// How many words a baseline lead may stand before its year.
    const LEAD_WORDS: usize = 4;
    let from = crate::text::ceil_boundary(text, span.end).min(c.end);
    let tail = words(&text[from..c.end]);
    let year = |w: &str| {
        (w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            .then(|| w.parse::<i32>().ok())
            .flatten()
            .filter(|y| (1900..=2100).contains(y))
    };
    let number = |w: &str| w.bytes().next().is_some_and(|b| b.is_ascii_digit());
    for (i, (_, w)) in tail.iter().enumerate() {
        if number(w) {
            // another number first: what follows is another figure's
            return None;
        }
        if lex.period.baseline_leads.iter().any(|l| l == w) {
            for (_, v) in tail.iter().skip(i + 1).take(LEAD_WORDS) {
                if number(v) {
                    return year(v);
                }
            }
        }
    }
    None
}

/// The end of a change a figure is, from the words before it in its clause: "from" after
/// a change word ("up from", "rose … from") starts one, "to" right after one ("rose to",
/// "increased to") ends it.
fn point_of(lex: &Lexicon, before_figure: &str, text: &str, span: &Range<usize>) -> Option<Point> {
    let ws = words(before_figure);
    let (last, rest) = ws.split_last()?;
    let changed = |w: &(usize, String)| lex.change.direction(&w.1).is_some();
    // (a change word may stand clauses before its "from": "rose to 5.7 in 2023, from 5.4")
    match last.1.as_str() {
        "from" if words(sentence_before(text, span)).iter().any(changed) => Some(Point::Start),
        "to" if rest.iter().rev().take(2).any(changed) => Some(Point::End),
        _ => None,
    }
}

/// "$10,030 a tonne", "£11.44 an hour"… : right after the figure (no comma between), "a"
/// or "an" and a unit of the lexicon's `[rate] per_article`, the same rate as "per tonne".
fn per_article(lex: &Lexicon, after: &str) -> bool {
    let rest = after.trim_start();
    let Some(rest) = rest.strip_prefix("a ").or_else(|| rest.strip_prefix("an ")) else {
        return false;
    };
    let unit: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    lex.rate.per_article.contains(&unit)
}

/// Whether the figure at `span` is a bare number ("26.8", no unit or sign) with a rate
/// noun of the lexicon among the few words before it in its sentence.
fn rate_named(lex: &Lexicon, text: &str, span: &Range<usize>) -> bool {
    let figure = text.get(span.clone()).unwrap_or("");
    if figure.is_empty()
        || !figure
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return false;
    }
    words(sentence_before(text, span))
        .iter()
        .rev()
        .take(RATE_NOUN_WORDS)
        .any(|(_, w)| lex.rate.nouns.contains(w))
}

/// How many words before a bare number a rate noun may stand ("the highest rate, at").
const RATE_NOUN_WORDS: usize = 4;

/// A count's provisional status is said anywhere in its sentence ("…, according to
/// unofficial results").
/// Whether `text` tells a revision of a figure ("has revised down its estimate").
pub fn tells_revision(text: &str) -> bool {
    lexicon().stance.revision.any_in(&cue_words(text))
}

fn provisional(lex: &Lexicon, text: &str) -> bool {
    lex.stance.provisional.any_in(&cue_words(text))
}

/// How many words on each side of a figure say which part of a measure it counts.
const PART_WORDS: usize = 3;

/// The contrast-group parts named within [`PART_WORDS`] of the figure, in its clause and
/// not across a boundary word, as (group, part) with the part's first spelling.
fn parts(text: &str, span: &Range<usize>) -> Vec<(usize, String)> {
    let lex = lexicon();
    let c = clause(text, span);
    let before = words(&text[c.start..crate::text::floor_boundary(text, span.start).max(c.start)]);
    let after = words(text.get(span.end.min(c.end)..c.end).unwrap_or(""));
    let stop = |w: &&(usize, String)| !lex.contrast.boundaries.contains(&w.1);
    let near = before
        .iter()
        .rev()
        .take(PART_WORDS)
        .take_while(stop)
        .chain(after.iter().take(PART_WORDS).take_while(stop));
    let mut out = Vec::new();
    for (_, w) in near {
        for (g, group) in lex.contrast.groups.iter().enumerate() {
            if let Some(part) = group.iter().find(|p| p.split('|').any(|x| x == w)) {
                out.push((g, part.split('|').next().unwrap_or(part).to_string()));
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The places of a figure: those of its clause, and those of an opening "In Kinshasa,"
/// that sets the scene for the whole sentence.
fn figure_places(text: &str, clause: &Range<usize>) -> Vec<String> {
    let mut out = places(&text[clause.clone()]);
    let first_end = text.find(',').unwrap_or(0);
    let opening = text[..first_end].trim_start();
    let lex = lexicon();
    let opens_with_place = opening
        .split_whitespace()
        .next()
        .is_some_and(|w| lex.place.prepositions.contains(&w.to_lowercase()));
    if clause.start > first_end && opens_with_place {
        out.extend(places(opening));
        out.sort();
        out.dedup();
    }
    out
}

/// Capitalised names right after a place preposition ("in North Waziristan", "across
/// Kinshasa"), skipping an article; months and weekdays are times, not places, and a
/// name followed by a reporting verb is where the reporter is. Read from the figure's
/// own clause.
pub fn places(text: &str) -> Vec<String> {
    let lex = lexicon();
    // the original words (lowercasing may change a word's length: "ẞ", "İ")
    let raw: Vec<(usize, &str)> = spans(text).map(|(a, b)| (a, &text[a..b])).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let w = raw[i].1.to_lowercase();
        if lex.place.prepositions.contains(&w) {
            let mut k = i + 1;
            if raw
                .get(k)
                .is_some_and(|(_, x)| x.eq_ignore_ascii_case("the"))
            {
                k += 1;
            }
            let mut name = Vec::new();
            while let Some((_, x)) = raw.get(k) {
                let capital = x.starts_with(char::is_uppercase);
                let lower = x.to_lowercase();
                if !capital
                    || crate::index::is_time_name(&lower)
                    || x.chars().all(|c| c.is_ascii_digit())
                {
                    break;
                }
                let bare = lower
                    .strip_suffix("'s")
                    .or_else(|| lower.strip_suffix("’s"))
                    .unwrap_or(&lower);
                name.push(bare.to_string());
                k += 1;
                if name.len() == 4 {
                    break;
                }
            }
            // "officials in Kabul confirmed…": the reporter's place, not the figure's
            let reporter = raw.get(k..(k + 2).min(raw.len())).is_some_and(|next| {
                next.iter()
                    .any(|(_, x)| lex.reporting.verbs.iter().any(|v| v == &x.to_lowercase()))
            });
            if !name.is_empty() && !reporter {
                out.push(name.join(" "));
            }
            i = k.max(i + 1);
        } else {
            i += 1;
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Why two frames are of different statements, or `None` when nothing filled on both
/// sides disagrees. `claim_text` and `passage_text` let a place named anywhere on the
/// other side count as shared ("Kinshasa" in the claim, "the capital Kinshasa" in the
/// passage).
pub fn clash(
    claim: &Frame,
    passage: &Frame,
    claim_text: &str,
    passage_text: &str,
) -> Option<&'static str> {
    // an early count and the final one are the same statement told at two times: they
    // agree, disagree or supersede, but they are about the same thing
    let early_and_final = matches!(
        (claim.stance, passage.stance),
        (Stance::Provisional, Stance::Asserted) | (Stance::Asserted, Stance::Provisional)
    );
    if claim.stance != passage.stance && !early_and_final {
        return Some("stance");
    }
    // (a rate left unsaid on one side is no clash: "the highest rate, at 26.8" is
    // "26.8 per 100,000")
    if claim.rate != passage.rate && !claim.rate_named && !passage.rate_named {
        return Some("rate");
    }
    // a change from another year: "rose 36% from 2021" is not "93% from a low in 2013"
    if claim
        .baseline
        .zip(passage.baseline)
        .is_some_and(|(a, b)| a != b)
    {
        return Some("baseline");
    }
    if (claim.change.is_some() && passage.level) || (passage.change.is_some() && claim.level) {
        return Some("change");
    }
    // a part of the same group on both sides, and none in common: another part
    for (g, w) in &claim.parts {
        let theirs: Vec<&String> = passage
            .parts
            .iter()
            .filter(|(h, _)| h == g)
            .map(|(_, x)| x)
            .collect();
        if !theirs.is_empty() && !theirs.contains(&w) {
            return Some("part");
        }
    }
    if let (Some(a), Some(b)) = (claim.window, passage.window) {
        // (twelve months to a date and a count "as of" it are read at the same date)
        let as_of = |x: Window, y: Window| x == Window::RollingYear && y == Window::Cumulative;
        if a != b && !as_of(a, b) && !as_of(b, a) {
            return Some("period");
        }
    }

    // "UK emissions" and "US emissions": both name a country or region, neither names the
    // other's anywhere near the figure
    if !claim.named_places.is_empty()
        && !passage.named_places.is_empty()
        && claim
            .named_places
            .iter()
            .all(|x| !passage.near_places.contains(x))
        && passage
            .named_places
            .iter()
            .all(|x| !claim.near_places.contains(x))
    {
        return Some("place");
    }
    if !claim.places.is_empty() && !passage.places.is_empty() {
        let (ct, pt) = (claim_text.to_lowercase(), passage_text.to_lowercase());
        // (or two names of one country: "in Turkey", "in Türkiye")
        let ids = |places: &[String]| -> Vec<&'static str> {
            places
                .iter()
                .flat_map(|p| crate::places::ids_of_place(p))
                .collect()
        };
        let shared = claim.places.iter().any(|p| pt.contains(p.as_str()))
            || passage.places.iter().any(|p| ct.contains(p.as_str()))
            || {
                let theirs = ids(&passage.places);
                ids(&claim.places).iter().any(|x| theirs.contains(x))
            };
        if !shared {
            return Some("place");
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frame(text: &str, fig: &str) -> Frame {
        let at = text.find(fig).unwrap();
        frame_of(text, &(at..at + fig.len()))
    }

    #[test]
    fn past_participles_and_future_verbs_are_read() {
        let f = frame(
            "Its market capitalisation had grown by 135 per cent.",
            "135 per cent",
        );
        assert_eq!(f.change, Some(Direction::Up));
        let f = frame("Output has plummeted by 12%.", "12%");
        assert_eq!(f.change, Some(Direction::Down));
        let f = frame(
            "The project will increase the average bill by $8.95.",
            "$8.95",
        );
        assert_eq!(f.stance, Stance::Projected);
    }

    #[test]
    fn a_change_names_the_year_it_is_measured_from() {
        assert_eq!(
            frame("Prices rose 36% from 2021.", "36%").baseline,
            Some(2021)
        );
        assert_eq!(
            frame("It rose 93% from a low in 2013.", "93%").baseline,
            Some(2013)
        );
        assert_eq!(
            frame("Sales were 12% higher than in 2019.", "12%").baseline,
            Some(2019)
        );
        // during a year, or a year after another number, is no baseline
        assert_eq!(
            frame("Traffic grew by 29% over 2023.", "29%").baseline,
            None
        );
        assert_eq!(
            frame("Output rose 5% to 40 tonnes since 2020.", "5%").baseline,
            None
        );
    }

    #[test]
    fn countries_named_as_modifiers_are_places() {
        let claim = "UK greenhouse gas emissions fell 5.4% in 2023.";
        let c = frame(claim, "5.4%");
        let us = "US greenhouse gas emissions fell by nearly 2% in 2023.";
        assert_eq!(clash(&c, &frame(us, "2%"), claim, us), Some("place"));
        let gb = "Britain's greenhouse gas emissions fell by 5.2% in 2023.";
        assert_eq!(clash(&c, &frame(gb, "5.2%"), claim, gb), None);
        // two names of one country after "in" are one place
        let a = "Damage in Turkey came to $34.2bn.";
        let b = "The quakes caused about $34.2 billion in damages in Türkiye.";
        assert_eq!(
            clash(&frame(a, "$34.2bn"), &frame(b, "about $34.2 billion"), a, b),
            None
        );
        // a country it is compared with is not where the figure is counted
        let cmp = "Emissions fell 5.2% last year at around double the fall in Germany.";
        assert_eq!(clash(&c, &frame(cmp, "5.2%"), claim, cmp), None);
    }

    #[test]
    fn the_lexicon_parses() {
        assert!(!lexicon().stance.denied.0.is_empty());
    }

    #[test]
    fn a_change_is_read_with_its_direction() {
        let up = Some(Direction::Up);
        let down = Some(Direction::Down);
        assert_eq!(frame("Attacks rose 12% in 2021.", "12%").change, up);
        assert_eq!(
            frame("Offences fell by 9% over the year.", "9%").change,
            down
        );
        assert_eq!(
            frame("That is an increase of 2.8% on 2022.", "2.8%").change,
            up
        );
        assert_eq!(frame("There was a 7% rise year on year.", "7%").change, up);
        assert_eq!(
            frame("an eight per cent fall in admissions", "eight per cent").change,
            down
        );
        assert_eq!(
            frame("Crime was 38% higher than in 2011.", "38%").change,
            up
        );
        assert_eq!(
            frame("increasing the pass rate by 3% on the year", "3%").change,
            up
        );
    }

    #[test]
    fn a_signed_percent_is_a_change() {
        let up = Some(Direction::Up);
        let down = Some(Direction::Down);
        assert_eq!(frame("Italy (+18.9%) led.", "18.9%").change, up);
        assert_eq!(frame("Hungary (-3.4%) fell behind.", "-3.4%").change, down);
        // a signed temperature is a level
        assert_eq!(frame("It was -3 °C at dawn.", "-3 °C").change, None);
    }

    #[test]
    fn a_change_word_is_read_in_any_of_its_forms() {
        let up = Some(Direction::Up);
        assert_eq!(
            frame("Cocoa was soaring nearly 138% this year.", "nearly 138%").change,
            up
        );
        assert_eq!(
            frame("Shares were plunging 12% by noon.", "12%").change,
            Some(Direction::Down)
        );
    }

    #[test]
    fn a_level_after_a_change_word_is_a_level() {
        let f = frame("Homicides rose slightly to 701 offences.", "701");
        assert_eq!((f.change, f.level), (None, true));
        let f = frame("The pass rate was 82.9%, up from 80.1% in 2022.", "80.1%");
        assert_eq!((f.change, f.level), (None, true));
        // a comma ends the clause: "82.9%, up from" is not a rise of 82.9%
        assert_eq!(
            frame("The pass rate was 82.9%, up from 80.1%.", "82.9%").change,
            None
        );
        let f = frame("The services sector made up 57.7% of GDP.", "57.7%");
        assert_eq!((f.change, f.level), (None, true));
        // "up of" is no rise "of" a share: the debt is made up of its parts
        let f = frame(
            "Government debt was made up of 84.0 percent debt securities and 13.5 percent loans.",
            "84.0 percent",
        );
        assert_eq!((f.change, f.level), (None, true));
    }

    #[test]
    fn a_change_word_elsewhere_leaves_the_kind_unknown() {
        let f = frame("Contraction of the economy, 2021 20.7%", "20.7%");
        assert_eq!((f.change, f.level), (None, false));
        assert_eq!(
            clash(
                &f,
                &frame("The economy contracted by 20.7%.", "20.7%"),
                "",
                ""
            ),
            None
        );
    }

    #[test]
    fn the_level_of_a_rate_of_change_is_a_change() {
        let f = frame(
            "Food price inflation climbed to 16.2% in the year.",
            "16.2%",
        );
        assert_eq!((f.change, f.level), (None, false));
        let rose = frame("Food prices rose 16.4% in the year.", "16.4%");
        assert_eq!(clash(&rose, &f, "", ""), None);
        // a level of anything else is still a level
        let f = frame("Unemployment climbed to 5.2% in the year.", "5.2%");
        assert_eq!((f.change, f.level), (None, true));
    }

    #[test]
    fn a_change_and_a_level_are_two_statements() {
        let level = frame("The class of 2022 passed at 80.1%.", "80.1%");
        let change = frame(
            "The rate showed an increase of 2.8% compared to 2022.",
            "2.8%",
        );
        assert_eq!(clash(&level, &change, "", ""), Some("change"));
    }

    #[test]
    fn a_denied_figure_is_not_asserted() {
        let f = frame("The ministry denied reports of 9,000 arrests.", "9,000");
        assert_eq!(f.stance, Stance::Denied);
        assert_eq!(
            frame("Police made 9,000 arrests.", "9,000").stance,
            Stance::Asserted
        );
    }

    #[test]
    fn a_projection_is_not_a_count() {
        let f = frame("Officials said the toll could reach 50,000.", "50,000");
        assert_eq!(f.stance, Stance::Projected);
        let f = frame("The economy is expected to grow 3.5% next year.", "3.5%");
        assert_eq!(f.stance, Stance::Projected);
        // a forecast after the figure speaks of it, unless another clause says it
        let f = frame("Sales of 5,000 homes are forecast to double.", "5,000");
        assert_eq!(f.stance, Stance::Projected);
        let t = "Netflix lost 200,000 subscribers and forecast the loss of another 2 million.";
        assert_eq!(frame(t, "200,000").stance, Stance::Asserted);
        assert_eq!(frame(t, "2 million").stance, Stance::Projected);
        let f = frame(
            "It was projecting a loss of 2 million subscribers.",
            "2 million",
        );
        assert_eq!(f.stance, Stance::Projected);
    }

    #[test]
    fn a_forecast_cue_after_another_number_is_that_numbers() {
        let t = "The level is based on a 10 per cent reduction from the 2024 target of 485,000 permits.";
        assert_eq!(frame(t, "10 per cent").stance, Stance::Asserted);
        assert_eq!(frame(t, "485,000").stance, Stance::Projected);
    }

    #[test]
    fn a_cue_word_that_names_a_thing_after_the_figure_is_no_stance() {
        let t = "Some 4 per cent of planned trains were cancelled.";
        assert_eq!(frame(t, "4 per cent").stance, Stance::Asserted);
        let t = "Output was 3% above the forecast.";
        assert_eq!(frame(t, "3%").stance, Stance::Asserted);
        // a verb still is
        let t = "Sales of 5,000 homes are forecast to double.";
        assert_eq!(frame(t, "5,000").stance, Stance::Projected);
    }

    #[test]
    fn a_percentage_above_or_below_something_is_a_difference() {
        let f = frame(
            "The cap is 10 per cent below the 2024 target.",
            "10 per cent",
        );
        assert_eq!((f.change, f.level), (Some(Direction::Down), false));
        let f = frame("Prices were 5% above their average.", "5%");
        assert_eq!((f.change, f.level), (Some(Direction::Up), false));
        // a count it places, and a level it leads to
        let f = frame(
            "Some 700 million people live below the poverty line.",
            "700 million",
        );
        assert_eq!(f.change, None);
        let f = frame("Some 700 million below the poverty line.", "700 million");
        assert_eq!(f.change, None);
        let f = frame("Unemployment fell below 5% in May.", "5%");
        assert_eq!((f.change, f.level), (None, true));
    }

    #[test]
    fn clause_marks_of_several_bytes_are_no_problem() {
        let f = frame(
            "The group—formed in 2007—could reach 9,000 members.",
            "9,000",
        );
        assert_eq!(f.stance, Stance::Projected);
    }

    #[test]
    fn a_reading_of_a_running_count_is_current() {
        assert!(frame("Africa CDC has recorded 455 deaths.", "455").current);
        assert!(
            !frame(
                "Pakistan had committed to free over 100 prisoners.",
                "over 100"
            )
            .current
        );
        assert!(frame("The latest figures show 17,541 cases.", "17,541").current);
        assert!(!frame("The Taliban released 780 prisoners in 2021.", "780").current);
    }

    #[test]
    fn another_part_of_a_measure_is_another_statement() {
        let w = frame(
            "Unemployment among urban women was 9.6% in the quarter.",
            "9.6%",
        );
        let m = frame(
            "Unemployment among urban men was 9.6% in the quarter.",
            "9.6%",
        );
        assert_eq!(clash(&m, &w, "", ""), Some("part"));
        let k = frame("The floods killed 104 people.", "104");
        let r = frame("Rescuers said 104 people survived.", "104");
        assert_eq!(clash(&k, &r, "", ""), Some("part"));
        // the part of the figure's own conjunct, under any of its names
        let i = frame(
            "At least seven people were killed and 24 were injured.",
            "24",
        );
        let w = frame("24 people were wounded in the attack.", "24");
        assert_eq!(clash(&w, &i, "", ""), None);
        // an unnamed part does not gate
        let u = frame("Unemployment was 9.6% in the quarter.", "9.6%");
        assert_eq!(clash(&m, &u, "", ""), None);
    }

    #[test]
    fn a_rate_is_not_a_count() {
        let r = frame("London had 179 offences per 100,000 population.", "179");
        assert!(r.rate);
        assert!(!frame("Police recorded 179 offences in 2019.", "179").rate);
        assert!(!frame("It grew 12 per cent.", "12").rate);
        let c = frame("Police recorded 179 offences in 2019.", "179");
        assert_eq!(clash(&r, &c, "", ""), Some("rate"));
    }

    #[test]
    fn an_unofficial_count_is_provisional() {
        let f = frame(
            "Independents won 95 seats, according to unofficial results.",
            "95",
        );
        assert_eq!(f.stance, Stance::Provisional);
    }

    #[test]
    fn an_early_count_and_the_final_one_are_one_statement() {
        let early = frame(
            "The provisional data indicate 107,543 overdose deaths in 2023.",
            "107,543",
        );
        let last = frame("In 2023, 105,007 overdose deaths occurred.", "105,007");
        assert_eq!(early.stance, Stance::Provisional);
        assert_eq!(clash(&early, &last, "", ""), None);
        let forecast = frame("Deaths could reach 120,000 in 2023.", "120,000");
        assert_eq!(clash(&early, &forecast, "", ""), Some("stance"));
    }

    #[test]
    fn a_change_named_by_a_noun_and_sized_with_at_is_a_change() {
        let f = frame("The agency put the national rise at 18.1%.", "18.1%");
        assert_eq!(f.change, Some(Direction::Up));
        let f = frame(
            "It put the year's rise in prices at nearly 12 per cent.",
            "nearly 12 per cent",
        );
        assert_eq!(f.change, Some(Direction::Up));
        // a verb of change with a level word is a level
        let f = frame("Prices rose to 18.1% in May.", "18.1%");
        assert!(f.level);
        assert_eq!(f.change, None);
        let f = frame("The index stood at 18.1%.", "18.1%");
        assert!(f.level);
    }

    #[test]
    fn a_month_name_is_no_modal_verb() {
        let f = frame("In May 2023, inflation hit a record 38%.", "38%");
        assert_eq!(f.stance, Stance::Asserted);
    }

    #[test]
    fn the_start_of_one_change_is_not_the_end_of_another() {
        let start = frame(
            "The female rate increased to 5.7 per 100,000 in 2023, from 5.4 per 100,000 in 2022.",
            "5.4",
        );
        let end = frame("The female rate rose to 5.4 per 100,000.", "5.4");
        assert_eq!(
            (start.point, end.point),
            (Some(Point::Start), Some(Point::End))
        );
        assert!(other_point(&start, &end, false));
        // dated to the same year they are one time
        assert!(!other_point(&start, &end, true));
        // a level with no change word is neither
        assert_eq!(frame("The rate was 5.4 in 2022.", "5.4").point, None);
        assert_eq!(
            frame("Sales rose to 5.4 million.", "5.4 million").point,
            Some(Point::End)
        );
    }

    #[test]
    fn a_rate_and_a_count_are_two_statements_unless_the_rate_is_left_unsaid() {
        let rate = frame("Yamanashi had a rate of 26.8 per 100,000 people.", "26.8");
        let count = frame("Yamanashi recorded 26.8 deaths.", "26.8");
        assert!(rate.rate && !count.rate);
        assert_eq!(clash(&rate, &count, "", ""), Some("rate"));
        // "the highest rate, at 26.8": a rate whose denominator goes unsaid
        let unsaid = frame(
            "Yamanashi had the highest rate, at 26.8, followed by Wakayama.",
            "26.8",
        );
        assert!(unsaid.rate_named && !unsaid.rate);
        assert_eq!(clash(&rate, &unsaid, "", ""), None);
        // "a tonne" after a price is "per tonne"; "a record" after a count is no rate
        assert!(frame("Futures rose to $10,030 a tonne.", "$10,030").rate);
        assert!(frame("Futures rose to $10,030 per metric ton.", "$10,030").rate);
        assert!(!frame("Exports reached 801, a record.", "801").rate);
        // a window word is no rate after "a" as after "per": "£11.44 an hour" is "£11.44
        // per hour" (the two lists never share a word)
        let (an, per) = (
            frame("The wage is £11.44 an hour.", "£11.44"),
            frame("The wage is £11.44 per hour.", "£11.44"),
        );
        assert_eq!(an.rate, per.rate);
        let lex = lexicon();
        assert!(lex
            .rate
            .per_article
            .iter()
            .all(|w| !lex.rate.not_rates.contains(w)));
        // a percent is no per-capita rate, whatever noun comes before it
        assert!(!frame("The unemployment rate was 4.2%.", "4.2%").rate_named);
    }

    #[test]
    fn the_number_after_per_is_a_denominator() {
        assert!(introduces_denominator(" per "));
        assert!(introduces_denominator(" deaths per "));
        assert!(introduces_denominator(" sentenced prisoners per "));
        assert!(introduces_denominator(" for every "));
        // not after a clause break, nor with other words after the marker
        assert!(!introduces_denominator(", per "));
        assert!(!introduces_denominator(" per cent of the "));
        assert!(!introduces_denominator(" people were counted, and "));
    }

    #[test]
    fn a_daily_count_is_not_a_running_total() {
        let d = frame("It recorded 312 new cases in the past 24 hours.", "312");
        let t = frame("It has recorded 15,664 cases so far.", "15,664");
        assert_eq!(d.window, Some(Window::Day));
        assert_eq!(t.window, Some(Window::Cumulative));
        assert_eq!(clash(&d, &t, "", ""), Some("period"));
        assert_eq!(frame("It recorded 312 cases.", "312").window, None);
    }

    #[test]
    fn twelve_months_to_a_date_is_a_rolling_year_read_as_of_that_date() {
        let r = frame(
            "Thefts fell 4% to 1,200 in the year to March 2024.",
            "1,200",
        );
        let p = frame("Thefts reached 800 in the six months to June.", "800");
        let d = frame("Sales were up 3% in the year to date.", "3%");
        let a = frame("Thefts have reached 1,200 so far.", "1,200");
        assert_eq!(r.window, Some(Window::RollingYear));
        assert_eq!(p.window, Some(Window::PartYear));
        assert_eq!(d.window, Some(Window::PartYear));
        assert_eq!(a.window, Some(Window::Cumulative));
        assert_eq!(clash(&r, &p, "", ""), Some("period"));
        assert_eq!(clash(&r, &a, "", ""), None);
    }

    #[test]
    fn places_come_after_place_prepositions() {
        assert_eq!(
            places("Floods in North Sindh killed 12 in July."),
            vec!["north sindh"]
        );
        assert_eq!(places("Turnout across the Punjab was 52%."), vec!["punjab"]);
        assert!(places("It rose in January to 12.").is_empty());
        assert!(places("It rose in most districts.").is_empty());
    }

    #[test]
    fn names_that_change_length_when_lowercased_are_read_whole() {
        assert!(places("ẞ").is_empty());
        assert_eq!(places("in İstanbul"), vec!["İstanbul".to_lowercase()]);
        assert_eq!(places("in ẞtadt"), vec!["ẞtadt".to_lowercase()]);
    }

    #[test]
    fn the_reporters_place_is_not_the_figures() {
        let f = frame(
            "Officials in Kabul confirmed that the Taliban released 2,300 prisoners.",
            "2,300",
        );
        assert!(f.places.is_empty(), "{f:?}");
        let f = frame(
            "Upon returning to power in Afghanistan, the Taliban released 780 prisoners.",
            "780",
        );
        assert!(f.places.is_empty(), "{f:?}");
    }

    #[test]
    fn another_place_is_another_statement_unless_named_on_both_sides() {
        let a = frame("In Kinshasa, 110,000 doses are needed.", "110,000");
        let b = frame("In Goma, 110,000 doses are needed.", "110,000");
        assert_eq!(clash(&a, &b, "In Kinshasa", "In Goma"), Some("place"));
        let c = frame(
            "In the capital, Kinshasa, 110,000 doses are needed.",
            "110,000",
        );
        assert_eq!(
            clash(&a, &c, "In Kinshasa", "In the capital, Kinshasa"),
            None
        );
        // an unknown slot does not gate
        let d = frame("110,000 doses are needed.", "110,000");
        assert_eq!(
            clash(&a, &d, "In Kinshasa", "110,000 doses are needed."),
            None
        );
    }
}
