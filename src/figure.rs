//! Figures: quantities in prose, read as intervals so qualifiers can be compared honestly.
//!
//! The parser is hand-written over a small tokenizer. We looked at the crates of the
//! field (text2num for number words, and general "quantity" extractors): none reads
//! qualifiers as intervals, keeps the counted noun, or tells a year from a count, which
//! is most of the work here; number words are a few dozen lines on top of the tokenizer.

use serde::Serialize;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

/// What kind of quantity a figure is; figures of different kinds never agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Count,
    Percent,
    Money,
    Duration,
    /// A physical measure: power, length, mass… (see [`Figure::measure`]).
    Measure,
}

impl Unit {
    pub fn as_str(&self) -> &'static str {
        match self {
            Unit::Count => "count",
            Unit::Percent => "percent",
            Unit::Money => "money",
            Unit::Duration => "duration",
            Unit::Measure => "measure",
        }
    }
}

/// How the text bounds the number: "over 100" is not "100".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    /// over, more than, above: (x, ∞)
    Over,
    /// at least, no fewer than: [x, ∞)
    AtLeast,
    /// up to, at most, as many as: [0, x]
    UpTo,
    /// fewer than, less than, under: [0, x)
    Under,
    /// almost, nearly, close to: [0.9x, x)
    Almost,
    /// about, around, approximately, some: x ± tolerance
    About,
    /// between a and b, a–b
    Range,
    /// several thousand, hundreds, dozens
    Vague,
}

impl Qualifier {
    pub fn as_str(&self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Over => "over",
            Qualifier::AtLeast => "at_least",
            Qualifier::UpTo => "up_to",
            Qualifier::Under => "under",
            Qualifier::Almost => "almost",
            Qualifier::About => "about",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }

    /// Lower bounds (over, at least): the figure may be larger.
    pub fn is_lower_bound(&self) -> bool {
        matches!(self, Qualifier::Over | Qualifier::AtLeast)
    }

    /// Upper bounds (up to, under, almost): the figure may be smaller.
    pub fn is_upper_bound(&self) -> bool {
        matches!(self, Qualifier::UpTo | Qualifier::Under | Qualifier::Almost)
    }
}

/// What kind of number a figure is: a plain level or count, a share written as a
/// fraction ("two-thirds", "one in five": a percent), or a multiplier ("doubled",
/// "threefold", "2.5 times"). A multiplier compares only with a multiplier.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Form {
    #[default]
    Plain,
    Share,
    Multiplier,
}

impl Form {
    pub fn is_plain(&self) -> bool {
        *self == Form::Plain
    }
}

/// A quantity found in text.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Byte range in the text the figure was read from.
    #[serde(skip)]
    pub span: Range<usize>,
    #[serde(skip)]
    pub text: String,
    /// The number as stated ("over 100" is 100).
    pub value: f64,
    #[serde(serialize_with = "finite_or_null")]
    pub low: f64,
    #[serde(serialize_with = "finite_or_null")]
    pub high: f64,
    pub unit: Unit,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub currency: Option<&'static str>,
    pub qualifier: Qualifier,
    pub noun: Option<String>,
    /// What happened to what is counted: "killed", "injured", "released"…
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<&'static str>,
    pub year: Option<i32>,
    /// Whether `year` is written in the figure's own clause ("12,616 in 2022"), not
    /// borrowed from earlier in the sentence: only an own year can be misquoted.
    #[serde(skip)]
    pub own_year: bool,
    /// The physical unit of a [`Unit::Measure`]: "6 GW" is power in GW.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub measure: Option<Measure>,
    /// Where a measure's unit words begin ("tonnes" in "112 million tonnes"): they say
    /// what is measured, so matching keeps them as words.
    #[serde(skip)]
    pub unit_start: Option<usize>,
    /// A share or a multiplier rather than a plain number (absent from JSON when plain).
    #[serde(skip_serializing_if = "Form::is_plain")]
    pub form: Form,
    /// What a rate counts per: 100,000 in "17.4 deaths per 100,000 people" (absent from
    /// JSON when the figure is no rate of a written denominator).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<f64>,
    /// Whether `year` was read from the source's date ("last year" in a report of 2023
    /// is 2022): it depends on claims.toml, so the persisted index leaves it out.
    #[serde(skip)]
    pub dated: bool,
    /// What a rate is counted per, by the unit's or the time's name: "hour" in
    /// "$15.4/hour" and "£11.44 an hour", "kg" in "$350 per kg", "day" in "1.2 million
    /// barrels per day" (absent from JSON when the figure is counted per nothing named).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_unit: Option<&'static str>,
}

/// A physical unit a figure is written in, from `lexicon/units.toml`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Measure {
    pub dimension: &'static str,
    pub unit: &'static str,
    /// Times the unit is its dimension's base unit (km: 1,000 m).
    #[serde(skip)]
    pub factor: f64,
}

impl Measure {
    fn of(u: &'static crate::lexicon::UnitDef) -> Measure {
        Measure {
            dimension: &u.dimension,
            unit: &u.unit,
            factor: u.factor,
        }
    }
}

fn finite_or_null<S: serde::Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    if v.is_finite() {
        s.serialize_f64(*v)
    } else {
        s.serialize_none()
    }
}

impl Figure {
    /// How a person would say the figure back: "over 100 prisoners", "$50 million", "42%".
    pub fn describe(&self) -> String {
        let mut out = String::new();
        let q = match self.qualifier {
            Qualifier::Over => "over ",
            Qualifier::AtLeast => "at least ",
            Qualifier::UpTo => "up to ",
            Qualifier::Under => "fewer than ",
            Qualifier::Almost => "almost ",
            Qualifier::About => "about ",
            _ => "",
        };
        out.push_str(q);
        let num = match self.qualifier {
            Qualifier::Range => format!("{}–{}", fmt_num(self.low), fmt_num(self.high)),
            Qualifier::Vague => self.text.trim().to_string(),
            _ => fmt_num(self.value),
        };
        match (self.unit, self.currency) {
            (Unit::Money, Some(c)) => {
                let sym = match c {
                    "USD" => "$",
                    "EUR" => "€",
                    "GBP" => "£",
                    "PKR" | "INR" | RUPEE => "Rs ",
                    other => other,
                };
                if self.qualifier == Qualifier::Vague {
                    out.push_str(&num);
                } else {
                    out.push_str(sym);
                    // a code is a word: "NOK 402 billion", not "NOK402 billion"
                    if sym.ends_with(|c: char| c.is_ascii_alphabetic()) {
                        out.push(' ');
                    }
                    out.push_str(&num);
                }
            }
            (Unit::Percent, _) => {
                out.push_str(&num);
                out.push('%');
            }
            _ => out.push_str(&num),
        }
        if self.unit != Unit::Percent {
            if let Some(n) = &self.noun {
                out.push(' ');
                out.push_str(n);
            }
        }
        out
    }
}

impl fmt::Display for Figure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe())
    }
}

/// 7000000000 -> "7 billion", 1016 -> "1,016", 42.5 -> "42.5".
pub fn fmt_num(v: f64) -> String {
    if !v.is_finite() {
        return "∞".into();
    }
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if v >= scale && (v / scale * 100.0).fract().abs() < 1e-9 {
            return format!("{} {}", trim_float(v / scale), word);
        }
    }
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v as i64);
        let mut out = String::new();
        let n = digits.len();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (n - i) % 3 == 0 && c.is_ascii_digit() && digits.as_bytes()[0] != b'-' {
                out.push(',');
            }
            out.push(c);
        }
        return out;
    }
    trim_float(v)
}

fn trim_float(v: f64) -> String {
    let s = format!("{:.2}", v);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

// ---------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Number,
    Symbol,
}

#[derive(Debug, Clone)]
struct Tok<'a> {
    kind: Kind,
    text: &'a str,
    lower: String,
    start: usize,
    end: usize,
    /// whitespace directly before the token
    space_before: bool,
}

fn tokenize(text: &str) -> Vec<Tok<'_>> {
    let mut toks = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut space = true;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let kind = if c.is_ascii_digit() {
            // digits with inner separators: 1,016  7.5  1.202.457.1700
            let mut group = 1; // digits of the current group (c is the first)
            let mut first_group = true;
            let mut plain = true; // no comma or point yet
            while j < chars.len() {
                let d = chars[j].1;
                let separator = (d == ',' || d == '.')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit());
                // "543 786", "13 967": a space (or a no-break space) before exactly three
                // digits groups thousands, when the groups before are of thousands too
                let digit_at = |k: usize| chars.get(k).is_some_and(|n| n.1.is_ascii_digit());
                let space_group = matches!(d, ' ' | '\u{a0}' | '\u{202f}')
                    && plain
                    && (if first_group {
                        (1..=3).contains(&group)
                    } else {
                        group == 3
                    })
                    && (1..=3).all(|k| digit_at(j + k))
                    && !digit_at(j + 4);
                if space_group {
                    group = 0;
                    first_group = false;
                    j += 1;
                    continue;
                }
                if !(d.is_ascii_digit() || separator) {
                    break;
                }
                if separator {
                    plain = false;
                    group = 0;
                    first_group = false;
                } else {
                    group += 1;
                }
                j += 1;
            }
            Kind::Number
        } else if c.is_alphabetic() {
            while j < chars.len() {
                let d = chars[j].1;
                let apostrophe = (d == '\'' || d == '’' || crate::segment::is_joiner(d))
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphabetic());
                if !(d.is_alphabetic() || apostrophe) {
                    break;
                }
                j += 1;
            }
            Kind::Word
        } else {
            Kind::Symbol
        };
        let end = if j < chars.len() {
            chars[j].0
        } else {
            text.len()
        };
        let t = &text[start..end];
        toks.push(Tok {
            kind,
            text: t,
            // a word broken across lines ("bil\u{AD}lion") reads whole
            lower: t.replace(crate::segment::is_joiner, "").to_lowercase(),
            start,
            end,
            space_before: space,
        });
        space = false;
        i = j;
    }
    toks
}

// ---------------------------------------------------------------------------
// Vocabulary

fn small_number(w: &str) -> Option<f64> {
    Some(match w {
        "zero" | "nought" | "naught" => 0.0,
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "eleven" => 11.0,
        "twelve" => 12.0,
        "thirteen" => 13.0,
        "fourteen" => 14.0,
        "fifteen" => 15.0,
        "sixteen" => 16.0,
        "seventeen" => 17.0,
        "eighteen" => 18.0,
        "nineteen" => 19.0,
        _ => return None,
    })
}

fn tens_number(w: &str) -> Option<f64> {
    Some(match w {
        "twenty" => 20.0,
        "thirty" => 30.0,
        "forty" | "fourty" => 40.0,
        "fifty" => 50.0,
        "sixty" => 60.0,
        "seventy" => 70.0,
        "eighty" => 80.0,
        "ninety" => 90.0,
        _ => return None,
    })
}

/// Scale words after a number: "23 million", "7bn", "10 crore".
fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" | "k" => 1e3,
        "million" | "millions" | "m" | "mn" | "mln" | "mil" | "mio" => 1e6,
        "billion" | "billions" | "bn" | "b" | "bln" => 1e9,
        "trillion" | "trillions" | "tn" | "trn" | "tln" | "trln" => 1e12,
        "quadrillion" => 1e15,
        "quintillion" => 1e18,
        "sextillion" => 1e21,
        "lakh" | "lakhs" | "lac" | "lacs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => return None,
    })
}

/// Multi-word qualifiers before a number, longest first.
const QUALIFIERS: &[(&str, Qualifier)] = &[
    ("at least or equal to", Qualifier::AtLeast),
    ("at most or equal to", Qualifier::UpTo),
    ("less than or equal to", Qualifier::UpTo),
    ("fewer than or equal to", Qualifier::UpTo),
    ("equal to or less than", Qualifier::UpTo),
    ("equal to or fewer than", Qualifier::UpTo),
    ("greater than or equal to", Qualifier::AtLeast),
    ("more than or equal to", Qualifier::AtLeast),
    ("equal to or greater than", Qualifier::AtLeast),
    ("equal to or more than", Qualifier::AtLeast),
    ("> =", Qualifier::AtLeast),
    ("< =", Qualifier::UpTo),
    ("≥", Qualifier::AtLeast),
    ("≤", Qualifier::UpTo),
    (">", Qualifier::Over),
    ("<", Qualifier::Under),
    // verbs of passing a mark: "topped 5,000", "crossed 1.68 lakh"
    ("exceeded", Qualifier::Over),
    ("exceeds", Qualifier::Over),
    ("exceed", Qualifier::Over),
    ("topped", Qualifier::Over),
    ("surpassed", Qualifier::Over),
    ("surpassing", Qualifier::Over),
    ("crossed", Qualifier::Over),
    ("crossing", Qualifier::Over),
    ("no fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("no more than", Qualifier::UpTo),
    ("not more than", Qualifier::UpTo),
    ("a maximum of", Qualifier::UpTo),
    ("as many as", Qualifier::UpTo),
    ("as much as", Qualifier::UpTo),
    ("in excess of", Qualifier::Over),
    ("upwards of", Qualifier::Over),
    ("well over", Qualifier::Over),
    ("just over", Qualifier::Over),
    ("more than", Qualifier::Over),
    ("greater than", Qualifier::Over),
    ("higher than", Qualifier::Over),
    ("at least", Qualifier::AtLeast),
    ("up to", Qualifier::UpTo),
    ("at most", Qualifier::UpTo),
    ("fewer than", Qualifier::Under),
    ("less than", Qualifier::Under),
    ("just under", Qualifier::Almost),
    ("close to", Qualifier::Almost),
    ("an estimated", Qualifier::About),
    ("some", Qualifier::About),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("approximately", Qualifier::About),
    ("approx", Qualifier::About),
    ("roughly", Qualifier::About),
    ("circa", Qualifier::About),
    ("estimated", Qualifier::About),
    ("nearly", Qualifier::Almost),
    ("almost", Qualifier::Almost),
    ("over", Qualifier::Over),
    ("above", Qualifier::Over),
    ("exceeding", Qualifier::Over),
    ("under", Qualifier::Under),
    ("below", Qualifier::Under),
];

/// Month names, full then abbreviated (the full name is at `index % 12`).
#[rustfmt::skip]
pub const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The full month name a word stands for ("Jan", "January" -> "january").
pub fn month_name(w: &str) -> Option<&'static str> {
    let w = w.to_lowercase();
    let w = if w == "sept" { "sep".to_string() } else { w };
    MONTHS.iter().position(|m| *m == w).map(|i| MONTHS[i % 12])
}

fn is_month(w: &str) -> bool {
    month_name(w).is_some()
}

const DURATION_WORDS: &[(&str, &str)] = &[
    ("day", "days"),
    ("days", "days"),
    ("week", "weeks"),
    ("weeks", "weeks"),
    ("month", "months"),
    ("months", "months"),
    ("year", "years"),
    ("years", "years"),
    ("hour", "hours"),
    ("hours", "hours"),
    ("minute", "minutes"),
    ("minutes", "minutes"),
    ("min", "minutes"),
    ("mins", "minutes"),
    ("hr", "hours"),
    ("hrs", "hours"),
    ("second", "seconds"),
    ("seconds", "seconds"),
    ("sec", "seconds"),
    ("secs", "seconds"),
    ("decade", "decades"),
    ("decades", "decades"),
];

/// Days in each time unit a duration's noun names: "9.3 weeks" and "9.3 months" are one
/// measure in two units, and "two weeks" is "14 days".
const DAYS_IN: &[(&str, f64)] = &[
    ("seconds", 1.0 / 86_400.0),
    ("minutes", 1.0 / 1_440.0),
    ("hours", 1.0 / 24.0),
    ("days", 1.0),
    ("weeks", 7.0),
    ("months", 365.25 / 12.0),
    ("years", 365.25),
    ("decades", 3_652.5),
];

/// A duration in days, when its noun names its time unit.
pub fn duration_days(f: &Figure) -> Option<f64> {
    if f.unit != Unit::Duration {
        return None;
    }
    let noun = f.noun.as_deref()?;
    DAYS_IN
        .iter()
        .find(|(u, _)| *u == noun)
        .map(|(_, d)| f.value * d)
}

const STOP_AFTER: &[&str] = &[
    "in", "on", "at", "by", "for", "from", "with", "to", "during", "since", "after", "before",
    "across", "into", "per", "than", "and", "or", "but", "which", "that", "who", "whom", "were",
    "was", "are", "is", "have", "has", "had", "will", "would", "a", "an", "the", "as", "while",
    "when", "where", "this", "these", "those", "its", "their", "his", "her", "our", "of", "versus",
    "vs",
];

// ---------------------------------------------------------------------------
// Parser

struct Parser<'a> {
    toks: Vec<Tok<'a>>,
    /// How deep one figure's reading has gone into reading another (a number that
    /// continues a number, a bound that closes a range): kept shallow so that a run of
    /// such phrases is read in linear time.
    nest: std::cell::Cell<u8>,
}

/// A number read at a token position: value, the token after it, and how it was read.
#[derive(Debug, Clone, Copy)]
struct Num {
    value: f64,
    next: usize,
    /// written in words ("six thousand")
    words: bool,
    /// a plain 4-digit integer that might be a year
    year_like: bool,
    /// digits carried a scale word or suffix ("23 million", "7bn")
    scaled: bool,
    /// a fraction: "3/4", "½", "2 1/4", "one and a half"
    frac: bool,
}

impl Num {
    /// A plain number read from digits, ending before `next`.
    fn digits(value: f64, next: usize) -> Num {
        Num {
            value,
            next,
            words: false,
            year_like: false,
            scaled: false,
            frac: false,
        }
    }
}

/// The value of a vulgar fraction sign: "½" is 0.5.
fn vulgar(s: &str) -> Option<f64> {
    Some(match s {
        "½" => 0.5,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "⅕" => 0.2,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅐" => 1.0 / 7.0,
        "⅛" => 0.125,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        "⅑" => 1.0 / 9.0,
        "⅒" => 0.1,
        _ => return None,
    })
}

/// Denominators a digit fraction is read with ("3/4", "1/5"): small ones, so that
/// labels and dates ("9/11", "5/17/2018", "24/7") stay what they are.
const SLASH_DENOMINATORS: &[u32] = &[2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 16, 20, 25, 32, 50, 64, 100];

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            toks: tokenize(text),
            nest: std::cell::Cell::new(0),
        }
    }

    fn lower(&self, i: usize) -> &str {
        self.toks.get(i).map(|t| t.lower.as_str()).unwrap_or("")
    }

    fn is_sym(&self, i: usize, s: &str) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| t.kind == Kind::Symbol && t.text == s)
    }

    fn attached(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }

    /// Whether token `i` is punctuation that may follow a word ("40.3C." "40C,"):
    /// not a dash or a slash, which join words into names ("C-130").
    fn closes_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| {
            t.kind == Kind::Symbol
                && matches!(t.text, "." | "," | ";" | ":" | ")" | "]" | "!" | "?")
        })
    }

    /// Match a multi-word phrase at i; returns the index after it.
    fn phrase(&self, i: usize, phrase: &str) -> Option<usize> {
        let mut k = i;
        for w in phrase.split(' ') {
            if self.lower(k) != w {
                return None;
            }
            k += 1;
            // "approx." may carry a dot
            if self.is_sym(k, ".") && (w == "approx" || w == "est") {
                k += 1;
            }
        }
        Some(k)
    }

    /// Currency before a number: "$", "US$", "A$", "USD", "€", "£", "Rs", "Rs." (the
    /// spellings are data: `lexicon/currencies.toml`).
    fn currency_prefix(&self, i: usize) -> Option<(&'static str, usize)> {
        let t = self.toks.get(i)?;
        // "Rs" is the rupee of Pakistan, India, Sri Lanka, Nepal…: which one the text
        // does not say; "RS" in capitals is an abbreviation of something else
        if t.kind == Kind::Word && t.lower == "rs" && t.text != "RS" {
            let dot = self.is_sym(i + 1, ".") && self.attached(i + 1);
            return Some((RUPEE, i + 1 + usize::from(dot)));
        }
        // "N3.2 trillion", "R2.5bn", "Sh50 billion": a currency's letters glued to an
        // amount with a scale word or thousands groups; "N95" and "R2" stay names
        if let Some((_, code)) = currencies().letters.iter().find(|(l, _)| *l == t.text) {
            let amount = self.toks.get(i + 1).is_some_and(|n| {
                n.kind == Kind::Number && !n.space_before && !self.attached_word_before(i)
            }) && self
                .number(i + 1)
                .is_some_and(|n| n.scaled || self.toks[i + 1].text.contains(','));
            return amount.then_some((*code, i + 1));
        }
        self.spelling_at(i, &currencies().before)
    }

    /// Whether the token at i is glued to a word or number before it ("PN3" is a name).
    fn attached_word_before(&self, i: usize) -> bool {
        i > 0 && self.attached(i) && self.toks[i - 1].kind != Kind::Symbol
    }

    /// The first of `list`'s spellings at i, longest first, with the index after it.
    fn spelling_at(
        &self,
        i: usize,
        list: &[(Spelling, &'static str)],
    ) -> Option<(&'static str, usize)> {
        list.iter().find_map(|(sp, code)| {
            Some((
                *code,
                self.words_at(i, sp.iter().map(|(w, s)| (w.as_str(), *s)))?,
            ))
        })
    }

    /// Whether the tokens at i spell `words` (lowercase, each with whether a space may
    /// come before it); the index after them.
    fn words_at<'w>(
        &self,
        i: usize,
        words: impl ExactSizeIterator<Item = (&'w str, bool)>,
    ) -> Option<usize> {
        let n = words.len();
        let mut words = words.enumerate();
        words
            .all(|(j, (w, spaced))| {
                self.lower(i + j) == w && (j == 0 || spaced || self.attached(i + j))
            })
            .then_some(i + n)
    }

    /// Digits at i, with an optional scale word or suffix ("7bn", "23 million"), an
    /// exponent ("1.3e6", "2.4x10^6", "1.1^23"), a fraction ("3/4", "2 1/4", "12½") or a
    /// leading point (".08").
    fn digits(&self, i: usize) -> Option<Num> {
        // ".08": a point that opens a number (nothing glued before it)
        if self.is_sym(i, ".") && (i == 0 || !self.attached(i)) {
            let t = self.toks.get(i + 1).filter(|t| {
                t.kind == Kind::Number
                    && !t.space_before
                    && t.text.bytes().all(|b| b.is_ascii_digit())
            })?;
            let value: f64 = format!("0.{}", t.text).parse().ok()?;
            return Some(Num::digits(value, i + 2));
        }
        // "⅔", "½" standing alone
        if let Some(v) = self.toks.get(i).and_then(|t| vulgar(t.text)) {
            return Some(Num {
                frac: true,
                ..Num::digits(v, i + 1)
            });
        }
        let t = self.toks.get(i)?;
        if t.kind != Kind::Number || t.text.len() > MAX_FIGURE_TOKEN {
            return None;
        }
        // "1.111,11": points group thousands and the comma is the decimal point
        let european = t.text.rfind(',') > t.text.rfind('.')
            && t.text.contains('.')
            && t.text.rsplit_once(',').is_some_and(|(int, _)| {
                let groups: Vec<&str> = int.split('.').collect();
                (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3)
            })
            && t.text.matches(',').count() == 1;
        // "1.234.567": points that group thousands, with no decimal part
        let dotted = t.text.matches('.').count() > 1 && !t.text.contains(',') && {
            let groups: Vec<&str> = t.text.split('.').collect();
            (1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3)
        };
        // 1.202.457.1700 and other dotted strings are identifiers, not quantities
        if t.text.matches('.').count() > 1 && !european && !dotted {
            return None;
        }
        let clean: String = t
            .text
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '\u{a0}' | '\u{202f}'))
            .collect();
        // commas must group in threes: "1,016" yes, "4,5" no, unless a percent, a scale
        // word, a unit or a currency makes it a quantity: "84,6%" is a decimal comma
        let mut clean = clean;
        if european {
            clean = t.text.replace('.', "").replace(',', ".");
        } else if dotted {
            clean = t.text.replace('.', "");
        } else if t.text.contains(',') {
            let int_part = t.text.split('.').next().unwrap_or("");
            let groups: Vec<&str> = int_part.split(',').collect();
            // Indian grouping: "1,68,491", "7,19,558", "1,00,000" (the last group of
            // three, pairs before it)
            let indian = groups.len() >= 3
                && (1..=2).contains(&groups[0].len())
                && groups[1..groups.len() - 1].iter().all(|g| g.len() == 2)
                && groups[groups.len() - 1].len() == 3;
            if !indian && (groups[1..].iter().any(|g| g.len() != 3) || groups[0].len() > 3) {
                let percent_after = self.toks.get(i + 1).is_some_and(|n| {
                    n.text == "%" || matches!(n.lower.as_str(), "percent" | "pc" | "pct")
                }) || (self.lower(i + 1) == "per"
                    && self.lower(i + 2) == "cent");
                let decimal = groups.len() == 2
                    && !t.text.contains('.')
                    && (1..=2).contains(&groups[1].len());
                // "US$36,6 billion", "12,5 million", "3,8 GW": a decimal comma, as much of
                // the world writes it, when the number is plainly a quantity
                let quantity = percent_after
                    || scale_word(self.lower(i + 1)).is_some()
                    || self.unit_at(i + 1).is_some()
                    || (i >= 1 && self.currency_prefix(i - 1).is_some_and(|c| c.1 == i))
                    || (i >= 2 && self.currency_prefix(i - 2).is_some_and(|c| c.1 == i));
                if !(decimal && quantity) {
                    return None;
                }
                clean = t.text.replace(',', ".");
            }
        }
        let mut value: f64 = clean.parse().ok()?;
        let mut next = i + 1;
        let mut frac = false;
        let plain_int = t.text.bytes().all(|b| b.is_ascii_digit());
        // a vulgar fraction glued on: "12½"
        if let Some(part) = self
            .toks
            .get(next)
            .filter(|n| !n.space_before)
            .and_then(|n| vulgar(n.text))
        {
            value += part;
            next += 1;
            frac = true;
        } else if plain_int {
            // "3/4", "2 1/4": a fraction with a small denominator
            if let Some((f, after)) = self.slash_fraction(i) {
                value = f;
                next = after;
                frac = true;
            } else if let Some((f, after)) = self
                .slash_fraction(i + 1)
                .filter(|_| self.toks.get(i + 1).is_some_and(|t| t.space_before))
            {
                value += f;
                next = after;
                frac = true;
            }
        }
        let mut exponent = false;
        if let Some((e, after)) = self.power_of_ten_at(next) {
            value *= 10f64.powi(e);
            next = after;
            exponent = true;
        }
        // "1.1^23", "2.5^-1": a power
        if !exponent && self.is_sym(next, "^") && self.attached(next) {
            if let Some((e, after)) = self.signed_int_at(next + 1) {
                value = value.powi(e);
                next = after;
                exponent = true;
            }
        }
        let year_like = !t.text.contains(',')
            && !t.text.contains('.')
            && t.text.len() == 4
            && !frac
            && !exponent
            && (1800.0..=2100.0).contains(&value);
        let mut scaled = false;
        // the largest scale word read, for what may continue it ("3 million and a half")
        let mut scale = 1.0;
        // "a 3m high wall": metres, not millions
        let metres = self.lower(next) == "m" && self.extent_at(next + 1);
        // attached suffix: 7bn, 50m, 10k, 1MM
        if let Some(n) = self.toks.get(next).filter(|_| !metres) {
            if n.kind == Kind::Word && !n.space_before && !exponent {
                if let Some(s) = scale_word(&n.lower).or((n.text == "MM").then_some(1e6)) {
                    value *= s;
                    next += 1;
                    scaled = true;
                    scale = s;
                } else {
                    // "21st", "9th", "G20"-like tails: not a quantity
                    // "21st", "1990s", "20037Tel": ordinals, decades and glued ids
                    let l = n.lower.as_str();
                    // "1,045t": tonnes glued to digits (not "5t-shirts")
                    let tonnes = l == "t" && !self.is_sym(next + 1, "-");
                    if !matches!(l, "percent" | "pc" | "pct")
                        && !tonnes
                        && self.unit_at(next).is_none()
                        && self.currency_postfix(next).is_none()
                        && self.million_code(next).is_none()
                        && self.subunit_at(next).is_none()
                    {
                        return None;
                    }
                }
            }
        }
        // "$2.002-billion", "a 10-million-strong army": a scale word joined by a hyphen
        // (spelled out, so "5-m" stays five metres)
        if !scaled && !exponent && self.is_sym(next, "-") && self.attached(next) {
            if let Some(s) = self
                .toks
                .get(next + 1)
                .filter(|t| t.kind == Kind::Word && !t.space_before && t.lower.len() > 2)
                .and_then(|t| scale_word(&t.lower))
            {
                value *= s;
                next += 2;
                scaled = true;
                scale = s;
            }
        }
        // "€531.6 ($580) billion": a conversion in brackets between a number and its
        // scale word; the scale is both numbers' (each read where it is written)
        if !scaled && !exponent && !year_like {
            if let Some(s) = self.bracketed_scale(i, next) {
                value *= s;
                scaled = true;
                scale = s;
            }
        }
        if !scaled && !exponent {
            if let Some(n) = self.toks.get(next) {
                if n.kind == Kind::Word && n.space_before {
                    let lex = crate::lexicon::figure_words();
                    // "2.33 k", "1,674,200.5 M": a spaced letter only where nothing follows
                    let letter = matches!(n.text, "k" | "K" | "M")
                        && self.toks.get(next + 1).is_none_or(|t| t.kind != Kind::Word);
                    if let Some(s) = scale_word(&n.lower) {
                        // single letters only attach when glued: "5 m" is not five million
                        if n.lower.len() > 2
                            || matches!(n.lower.as_str(), "bn" | "mn" | "tn")
                            || letter
                        {
                            value *= s;
                            next += 1;
                            scaled = true;
                            scale = s;
                        }
                    } else if n.lower == "hundred" {
                        value *= 100.0;
                        next += 1;
                        scaled = true;
                        scale = 100.0;
                        if let Some(s) = self.toks.get(next).and_then(|t| scale_word(&t.lower)) {
                            value *= s;
                            next += 1;
                            scale = s;
                        }
                    } else if crate::lexicon::FigureWords::has(&lex.dozens, &n.lower) {
                        // "3 dozen", "3 dzs"
                        value *= 12.0;
                        next += 1;
                        scaled = true;
                    }
                }
            }
        }
        // "5 lakh crore": further scale words multiply; none is dropped
        if scaled {
            while let Some(s) = self
                .toks
                .get(next)
                .filter(|t| t.kind == Kind::Word && t.space_before && t.lower.len() > 2)
                .and_then(|t| scale_word(&t.lower))
            {
                value *= s;
                next += 1;
                scale = scale.max(s);
            }
        }
        if !frac && !exponent && self.lower(next) == "and" {
            if let Some((f, after)) = self.proper_fraction(next + 1) {
                // "3 million and a half", "5 and a half million", "5 and a half"
                if let Some(s) = self.big_scale_at(after) {
                    if !scaled {
                        value = (value + f) * s;
                        next = after + 1;
                        scaled = true;
                    }
                } else if scale >= 1e6 {
                    value += f * scale;
                    next = after;
                } else if !scaled {
                    value += f;
                    next = after;
                    frac = true;
                }
            }
        }
        // "3 hundred and 21", "4 thousand 3 hundred", "6 crore and two hundred": a
        // smaller number continues one with a scale word
        if scaled && scale >= 100.0 && self.nest.get() < 2 {
            let and = self.lower(next) == "and";
            let j = next + usize::from(and);
            if let Some(n2) = self.nested(|| self.number(j)).filter(|n2| {
                n2.value > 0.0
                    && n2.value < scale
                    && n2.value.fract() == 0.0
                    && !n2.year_like
                    // (after a thousand or more, what "and" adds has a scale word of
                    // its own: "6 crore and two hundred", not "$10 billion and nine
                    // rate increases")
                    && if and {
                        scale == 100.0 || (n2.words && n2.scaled)
                    } else {
                        n2.scaled && !n2.words
                    }
            }) {
                value += n2.value;
                next = n2.next;
            }
        }
        if !value.is_finite() {
            return None;
        }
        Some(Num {
            value,
            next,
            words: false,
            year_like: year_like && !scaled,
            scaled,
            frac,
        })
    }

    /// Number words at i: "six thousand", "one hundred and forty-nine", "a dozen", "five
    /// point two", "three and a half", "twenty fifths".
    fn words(&self, i: usize) -> Option<Num> {
        let lex = crate::lexicon::figure_words();
        let is_dozen = |w: &str| crate::lexicon::FigureWords::has(&lex.dozens, w);
        let mut k = i;
        let mut total = 0.0;
        let mut current = 0.0;
        let mut any = false;
        let mut last_scale = false;
        let mut leading_a = false;
        let mut scaled = false;
        let mut last_tens = false;
        let mut frac = false;
        // the largest scale word so far ("one million and a half" is of a million)
        let mut big = 1.0;
        // where the last tens word stood, and whether "and" came before it: "one hundred
        // thirty fifths" is 100/35, "one hundred and thirty fifths" 130/5
        let mut tens_at: Option<(usize, f64, bool)> = None;
        let mut after_and = false;
        if matches!(self.lower(k), "a" | "an") {
            let nx = self.lower(k + 1);
            if matches!(
                nx,
                "hundred" | "thousand" | "million" | "billion" | "lakh" | "crore"
            ) || is_dozen(nx)
            {
                current = 1.0;
                leading_a = true;
                k += 1;
            } else {
                return None;
            }
        }
        loop {
            let w = self.lower(k).to_string();
            if let Some(v) = small_number(&w) {
                // "forty two" (tens then a unit) goes on; "two three" and "ten one" do not
                let after_tens = last_tens && v < 10.0;
                if any && !last_scale && !after_tens {
                    break;
                }
                current += v;
                any = true;
                last_scale = false;
                last_tens = false;
                after_and = false;
                k += 1;
            } else if let Some(v) = tens_number(&w) {
                if any && !last_scale && current % 100.0 != 0.0 {
                    break;
                }
                tens_at = Some((k, v, after_and));
                after_and = false;
                current += v;
                any = true;
                last_scale = false;
                last_tens = true;
                k += 1;
                // forty-nine, "fifty - two"
                if self.is_sym(k, "-") {
                    if let Some(u) = small_number(self.lower(k + 1)) {
                        if u < 10.0 && u > 0.0 {
                            current += u;
                            last_tens = false;
                            tens_at = None;
                            k += 2;
                        }
                    }
                }
            } else if (w == "hundred" || (w == "hundreds" && any && !last_scale))
                && (any || leading_a)
            {
                current = if current == 0.0 {
                    100.0
                } else {
                    current * 100.0
                };
                any = true;
                last_scale = true;
                last_tens = false;
                scaled = true;
                k += 1;
            } else if is_dozen(&w) && (any || leading_a) {
                // "three hundred and two dozens": the dozen multiplies its own group
                let group = current % 100.0;
                current = if group == 0.0 {
                    current.max(1.0) * 12.0
                } else {
                    current - group + group * 12.0
                };
                any = true;
                last_scale = true;
                last_tens = false;
                k += 1;
            } else if let Some(s) = scale_word(&w)
                .or_else(|| (w == "thousands" && any && !last_scale).then_some(1e3))
                .filter(|_| w.len() > 2 && (any || leading_a))
            {
                // "two thousand million": a scale on a scale multiplies
                if current == 0.0 && total > 0.0 && last_scale && s > 1e3 {
                    total *= s;
                } else {
                    total += if current == 0.0 { s } else { current * s };
                }
                big = f64::max(big, s);
                current = 0.0;
                any = true;
                last_scale = true;
                last_tens = false;
                scaled = true;
                k += 1;
            } else if w == "and" && any {
                // "one and a half", "one hundred and three quarters", "one billion and a
                // half million": a proper fraction after "and" ends the number
                if let Some((f, after)) = self.proper_fraction(k + 1) {
                    if let Some(s) = self.big_scale_at(after) {
                        total += (current + f) * s;
                        current = 0.0;
                        k = after + 1;
                        scaled = true;
                    } else if current == 0.0 && big >= 1e6 {
                        total += f * big;
                        k = after;
                    } else {
                        current += f;
                        k = after;
                        frac = true;
                    }
                    any = true;
                    break;
                }
                // "one hundred and forty-nine": only when a number word follows
                let nx = self.lower(k + 1);
                if last_scale && (small_number(nx).is_some() || tens_number(nx).is_some()) {
                    // the next number word continues this number
                    after_and = true;
                    k += 1;
                    continue;
                }
                break;
            } else {
                break;
            }
        }
        if !any || !(total + current).is_finite() {
            return None;
        }
        let mut value = total + current;
        // "two hundred point zero three", "nine point nought four", "five point five"
        if self.lower(k) == "point" && !frac {
            if let Some((decimals, after)) = self.spoken_decimals(k + 1) {
                if let Ok(d) = format!("0.{decimals}").parse::<f64>() {
                    value += d;
                    k = after;
                    frac = true;
                }
            }
        }
        // "twenty fifths" (4), "one hundred thirty fifths" (100/35): an improper fraction
        // is a number; a proper one ("two thirds") is a share, read elsewhere
        if !frac {
            let hyphen = usize::from(self.is_sym(k, "-"));
            let split = tens_at.filter(|(at, _, and)| *at + 1 == k && !and);
            let compound = split.and_then(|(at, tens, _)| {
                let unit = self.unit_ordinal(k + hyphen)?;
                let rest = value - tens;
                (rest > 0.0 && at > i).then_some((rest, tens + unit.0, unit.1))
            });
            let ordinal_after_tens = split.is_some_and(|(at, _, _)| at == i)
                && self.unit_ordinal(k + hyphen).is_some()
                && !self.lower(k + hyphen).ends_with('s');
            if ordinal_after_tens {
                // "twenty-first", "twenty fifth": an ordinal
                return None;
            }
            if let Some((n, d, after)) = compound {
                if n >= d {
                    value = n / d;
                    k = after;
                    frac = true;
                }
            } else if let Some((d, after)) = self.ordinal_den(k + hyphen) {
                let plural = self.lower(after - 1).ends_with('s');
                // "four quarters", "two halves" are periods and parts, not 4/4
                let period = matches!(self.lower(after - 1), "quarters" | "halves");
                if value >= d && value.fract() == 0.0 && plural && !period {
                    value /= d;
                    k = after;
                    frac = true;
                } else if !plural && value > 1.0 {
                    // "one hundred fifth": an ordinal
                    return None;
                }
            }
        }
        Some(Num {
            value,
            next: k,
            words: true,
            year_like: false,
            scaled,
            frac,
        })
    }

    /// Digit words after "point": "zero three" is "03", "seventy-one" "71".
    fn spoken_decimals(&self, mut k: usize) -> Option<(String, usize)> {
        let lex = crate::lexicon::figure_words();
        let mut out = String::new();
        loop {
            let w = self.lower(k);
            if crate::lexicon::FigureWords::has(&lex.zero_words, w) {
                out.push('0');
                k += 1;
            } else if let Some(v) = small_number(w) {
                out.push_str(&format!("{}", v as u32));
                k += 1;
            } else if let Some(t) = tens_number(w) {
                let mut v = t;
                k += 1;
                if self.is_sym(k, "-") {
                    if let Some(u) = small_number(self.lower(k + 1)).filter(|u| *u < 10.0) {
                        v += u;
                        k += 2;
                    }
                } else if let Some(u) =
                    small_number(self.lower(k)).filter(|u| *u < 10.0 && *u > 0.0)
                {
                    v += u;
                    k += 1;
                }
                out.push_str(&format!("{}", v as u32));
            } else {
                break;
            }
        }
        (!out.is_empty()).then_some((out, k))
    }

    /// An ordinal that can end a compound denominator ("fifth" in "twenty-fifth",
    /// "first" in "twenty-first"): its value and the index after it.
    fn unit_ordinal(&self, k: usize) -> Option<(f64, usize)> {
        let lex = crate::lexicon::figure_words();
        let w = self.lower(k);
        lex.fractions
            .get(w)
            .filter(|d| **d < 10.0)
            .or_else(|| lex.compound_ordinals.get(w))
            .map(|d| (*d, k + 1))
    }

    /// A denominator at k: "fifths", "quarter", "hundredths", "twenty-first", "thirty
    /// fifths"; its value and the index after it.
    fn ordinal_den(&self, k: usize) -> Option<(f64, usize)> {
        let lex = crate::lexicon::figure_words();
        if let Some(t) = tens_number(self.lower(k)) {
            let hyphen = usize::from(self.is_sym(k + 1, "-"));
            let (u, after) = self.unit_ordinal(k + 1 + hyphen)?;
            return Some((t + u, after));
        }
        lex.fractions.get(self.lower(k)).map(|d| (*d, k + 1))
    }

    /// A proper fraction at k ("a half", "three quarters", "fifty-four hundredths", "one
    /// fourth"): its value and the index after it.
    fn proper_fraction(&self, k: usize) -> Option<(f64, usize)> {
        let (n, j) = if matches!(self.lower(k), "a" | "an") {
            (1.0, k + 1)
        } else {
            let lex_n = self.numerator(k)?;
            (lex_n.0, lex_n.1)
        };
        let hyphen = usize::from(self.is_sym(j, "-") && n > 0.0);
        let (d, after) = self.ordinal_den(j + hyphen)?;
        (n >= 1.0 && n < d).then_some((n / d, after))
    }

    /// The whole number words at k that a fraction's numerator is ("fifty-four"), without
    /// reading on into the fraction itself.
    fn numerator(&self, k: usize) -> Option<(f64, usize)> {
        let w = self.lower(k);
        let mut v = small_number(w).or_else(|| tens_number(w))?;
        let mut j = k + 1;
        if tens_number(w).is_some() {
            let hyphen = usize::from(self.is_sym(j, "-"));
            if let Some(u) = small_number(self.lower(j + hyphen)).filter(|u| *u > 0.0 && *u < 10.0)
            {
                v += u;
                j += 1 + hyphen;
            }
        }
        Some((v, j))
    }

    /// A scale word of a million or more at k ("million" in "five and a half million").
    fn big_scale_at(&self, k: usize) -> Option<f64> {
        let w = self.lower(k);
        scale_word(w).filter(|s| *s >= 1e6 && w.len() > 2)
    }

    /// "3/4", "1 / 5": a proper fraction of digits with a small denominator, not part of a
    /// date or a label ("5/17/2018", "9/11"); its value and the index after it.
    fn slash_fraction(&self, i: usize) -> Option<(f64, usize)> {
        let int = |k: usize| {
            self.toks
                .get(k)
                .filter(|t| t.kind == Kind::Number && t.text.bytes().all(|b| b.is_ascii_digit()))
                .and_then(|t| t.text.parse::<u32>().ok())
        };
        let n = int(i)?;
        if !self.is_sym(i + 1, "/") {
            return None;
        }
        // "7/8" glued, or "3 / 4" spaced on both sides as tokenized text writes it
        let glued = self.attached(i + 1) && self.attached(i + 2);
        let spaced = !self.attached(i + 1) && !self.attached(i + 2);
        let d = int(i + 2)?;
        let chained = self.is_sym(i + 3, "/") || (i > 0 && self.is_sym(i - 1, "/"));
        ((glued || spaced) && n >= 1 && n < d && SLASH_DENOMINATORS.contains(&d) && !chained)
            .then(|| (f64::from(n) / f64::from(d), i + 3))
    }

    /// A power of ten written after a number at `next`: its exponent and the index after.
    /// "1.3e6", "-12e-1" (scientific notation); "1.3x10^6", "6.23 × 10^-4"; "2.48×10−5",
    /// "5.5x10-3" (the superscript lost: a signed exponent glued to the 10 says it is
    /// one); "1.3×10⁶" (the superscript kept).
    fn power_of_ten_at(&self, next: usize) -> Option<(i32, usize)> {
        let t = self.toks.get(next)?;
        if t.kind == Kind::Word && !t.space_before && t.lower == "e" {
            return self.signed_int_at(next + 1);
        }
        let times_ten = (self.lower(next) == "x" || self.is_sym(next, "×"))
            && self.toks.get(next + 1).is_some_and(|t| t.text == "10");
        if !times_ten {
            return None;
        }
        if self.is_sym(next + 2, "^") && self.attached(next + 2) {
            return self.signed_int_at(next + 3);
        }
        let glued_sign =
            (self.is_sym(next + 2, "-") || self.is_sym(next + 2, "−")) && self.attached(next + 2);
        glued_sign
            .then(|| self.signed_int_at(next + 2))
            .flatten()
            .or_else(|| self.superscript_int_at(next + 2))
    }

    /// A whole number with an optional sign glued on, as an exponent writes it ("+14",
    /// "-1", "--23"): its value and the index after it.
    fn signed_int_at(&self, mut k: usize) -> Option<(i32, usize)> {
        let mut negative = false;
        while (self.is_sym(k, "-") || self.is_sym(k, "+") || self.is_sym(k, "−"))
            && self.attached(k)
        {
            negative ^= !self.is_sym(k, "+");
            k += 1;
        }
        let t = self.toks.get(k).filter(|t| {
            t.kind == Kind::Number
                && !t.space_before
                && t.text.len() <= 3
                && t.text.bytes().all(|b| b.is_ascii_digit())
        })?;
        let e: i32 = t.text.parse().ok()?;
        Some((if negative { -e } else { e }, k + 1))
    }

    /// Whether `next` is an inch mark glued to the number at `k`: a double prime, or a
    /// straight double quote that closes no quotation (the quotes before it are paired:
    /// in `"English 101"` it closes one).
    fn inch_mark_at(&self, k: usize, next: usize) -> bool {
        if !self.attached(next) {
            return false;
        }
        if self.is_sym(next, "″") {
            return true;
        }
        self.is_sym(next, "\"") && self.toks[..k].iter().filter(|t| t.text == "\"").count() % 2 == 0
    }

    /// A whole number in superscript glued on ("⁶", "⁻¹²"): its value and the index after.
    fn superscript_int_at(&self, mut k: usize) -> Option<(i32, usize)> {
        const DIGITS: &str = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        let mut negative = false;
        if self.is_sym(k, "⁻") && self.attached(k) {
            negative = true;
            k += 1;
        }
        let mut e: i32 = 0;
        let start = k;
        while let Some(d) = self
            .toks
            .get(k)
            .filter(|t| t.kind == Kind::Symbol && !t.space_before && k - start < 3)
            .and_then(|t| DIGITS.chars().position(|c| t.text.starts_with(c)))
        {
            e = e * 10 + d as i32;
            k += 1;
        }
        (k > start).then_some((if negative { -e } else { e }, k))
    }

    /// "MUSD", "MEUR": a currency code with M for million, as finance writes it.
    fn million_code(&self, i: usize) -> Option<&'static str> {
        let t = self.toks.get(i).filter(|t| t.kind == Kind::Word)?;
        let code = t.text.strip_prefix('M')?;
        if code.len() != 3 || !code.bytes().all(|b| b.is_ascii_uppercase()) {
            return None;
        }
        let code = code.to_lowercase();
        currencies()
            .after
            .iter()
            .find(|(sp, _)| sp.len() == 1 && sp[0].0 == code)
            .map(|(_, c)| *c)
    }

    fn number(&self, i: usize) -> Option<Num> {
        let n = self
            .digits(i)
            .or_else(|| self.fraction_of_scale(i))
            .or_else(|| self.words(i))?;
        Some(self.over_division(n).unwrap_or(n))
    }

    /// "1 over 3", "one over twenty", "2000 over 3": a quotient, spoken as maths speaks
    /// it, where nothing counted follows ("5 over 3 years" is a bound on a duration).
    fn over_division(&self, n: Num) -> Option<Num> {
        if self.lower(n.next) != "over" || n.scaled || n.frac || n.value.fract() != 0.0 {
            return None;
        }
        let d = self
            .digits(n.next + 1)
            .or_else(|| self.words(n.next + 1))
            .filter(|d| d.value >= 2.0 && d.value.fract() == 0.0 && !d.frac && !d.year_like)?;
        let counted = self
            .toks
            .get(d.next)
            .is_some_and(|t| t.kind == Kind::Word || t.text == "%");
        (!counted).then_some(Num {
            value: n.value / d.value,
            next: d.next,
            year_like: false,
            frac: true,
            ..n
        })
    }

    /// A fraction of a scale word: "half a million", "half a billion", "a quarter of a
    /// million", "three quarters of a million".
    fn fraction_of_scale(&self, i: usize) -> Option<Num> {
        let (part, mut k) = match (self.lower(i), self.lower(i + 1)) {
            ("half", _) => (0.5, i + 1),
            ("quarter", _) => (0.25, i + 1),
            ("a" | "one", "half") => (0.5, i + 2),
            ("a" | "one", "quarter") => (0.25, i + 2),
            ("three", "quarters") => (0.75, i + 2),
            ("a" | "one", "third") => (1.0 / 3.0, i + 2),
            ("two", "thirds") => (2.0 / 3.0, i + 2),
            _ => return None,
        };
        if self.lower(k) == "of" {
            k += 1;
        }
        if matches!(self.lower(k), "a" | "an") {
            k += 1;
        }
        // "half a dozen"
        let dozens = &crate::lexicon::figure_words().dozens;
        let scale = scale_word(self.lower(k))
            .filter(|_| self.lower(k).len() > 2)
            .or_else(|| crate::lexicon::FigureWords::has(dozens, self.lower(k)).then_some(12.0))?;
        Some(Num {
            value: part * scale,
            next: k + 1,
            words: true,
            year_like: false,
            scaled: true,
            frac: false,
        })
    }

    /// Vague quantities: "several thousand", "hundreds", "dozens", "tens of thousands".
    fn vague(&self, i: usize) -> Option<(f64, f64, f64, usize)> {
        let w = self.lower(i);
        let base = |s: &str| -> Option<f64> {
            match s {
                "dozen" => Some(12.0),
                "hundred" => Some(100.0),
                "thousand" => Some(1e3),
                "million" => Some(1e6),
                "billion" => Some(1e9),
                "lakh" => Some(1e5),
                "crore" => Some(1e7),
                _ => None,
            }
        };
        let plural = |s: &str| -> Option<f64> {
            match s {
                "dozens" => Some(12.0),
                "hundreds" => Some(100.0),
                "thousands" => Some(1e3),
                "millions" => Some(1e6),
                "billions" => Some(1e9),
                "lakhs" => Some(1e5),
                "crores" => Some(1e7),
                _ => None,
            }
        };
        match w {
            "several" | "a few" => {
                let b = base(self.lower(i + 1))?;
                Some((3.0 * b, 2.0 * b, 10.0 * b - 1.0, i + 2))
            }
            "a" if self.lower(i + 1) == "few" => {
                let b = base(self.lower(i + 2))?;
                Some((3.0 * b, 2.0 * b, 5.0 * b, i + 3))
            }
            "tens" if self.lower(i + 1) == "of" => {
                let b = plural(self.lower(i + 2))?;
                Some((20.0 * b, 20.0 * b, 100.0 * b - 1.0, i + 3))
            }
            _ => {
                let b = plural(w)?;
                // "hundreds of thousands"
                if self.lower(i + 1) == "of" {
                    if let Some(b2) = plural(self.lower(i + 2)) {
                        if b2 > b {
                            let v = b * b2;
                            return Some((2.0 * v, 2.0 * v, 10.0 * v - 1.0, i + 3));
                        }
                    }
                }
                // "dozens" alone, "hundreds of leaders": [2x, 10x)
                Some((2.0 * b, 2.0 * b, 10.0 * b - 1.0, i + 1))
            }
        }
    }

    fn is_date_context(&self, i: usize, num_next: usize) -> bool {
        // only a day or a year is part of a date: "$ 37,305.97 february expenses" is money
        let day_or_year = self.toks.get(i).is_some_and(|t| {
            t.text.bytes().all(|b| b.is_ascii_digit())
                && (t.text.len() == 4 || t.text.parse::<u32>().is_ok_and(|d| d <= 31))
        });
        if !day_or_year {
            return false;
        }
        // "August 8", "January 31, 2022"
        if i > 0 && is_month(self.lower(i - 1)) {
            return true;
        }
        // "8 August", "19 January 2022"
        if is_month(self.lower(num_next)) {
            return true;
        }
        // "Mar. 8"
        if i > 1 && self.is_sym(i - 1, ".") && is_month(self.lower(i - 2)) {
            return true;
        }
        false
    }

    fn is_label_context(&self, i: usize) -> bool {
        if i == 0 {
            return false;
        }
        let prev = &self.toks[i - 1];
        // "No. 5", "p. 336"
        let (word_idx, _) = if prev.kind == Kind::Symbol && (prev.text == "." || prev.text == ":") {
            if i < 2 {
                return false;
            }
            (i - 2, true)
        } else {
            (i - 1, false)
        };
        let w = &self.toks[word_idx];
        let labels = &crate::lexicon::figure_words().label_words;
        if w.kind == Kind::Word && crate::lexicon::FigureWords::has(labels, &w.lower) {
            // "number" only as a label when capitalised or followed by a dot
            if w.lower == "number" || w.lower == "no" {
                return w.text.starts_with(|c: char| c.is_uppercase());
            }
            return true;
        }
        false
    }

    /// Digits glued to letters or other ids: "G20", "COVID-19", "F-16", "9/11", "(1)".
    fn is_identifier_context(&self, i: usize, next: usize) -> bool {
        let t = &self.toks[i];
        if i > 0 {
            let p = &self.toks[i - 1];
            // "Rs12.97 trillion", "USD5m": a currency glued to its amount is no label
            let currency = self.currency_prefix(i - 1).is_some_and(|(_, n)| n == i);
            if !t.space_before && p.kind == Kind::Word && !currency {
                return true;
            }
            if !t.space_before && (p.text == "-" || p.text == "/") && i > 1 {
                let pp = &self.toks[i - 2];
                // ("49 percent-42 percent": a dash after a percent joins two figures)
                let percent_word = matches!(pp.lower.as_str(), "percent" | "cent");
                if !p.space_before
                    && (pp.kind == Kind::Word || pp.kind == Kind::Number)
                    && !percent_word
                {
                    // "COVID-19", "2013/2014"; a valid "7,000-10,000" was read as a range
                    // before we got here, so a number after "-" is the tail of a label
                    return true;
                }
            }
            if !t.space_before && matches!(p.text, "#" | "+" | "." | ":") {
                return true;
            }
        }
        if let Some(n) = self.toks.get(next) {
            if !n.space_before && (n.text == "/" || n.text == ":") {
                return self
                    .toks
                    .get(next + 1)
                    .is_some_and(|m| m.kind == Kind::Number);
            }
            // "4(1)" volume/issue
            if !n.space_before && n.text == "(" {
                return true;
            }
        }
        // "(1) making it": a lone small number in parentheses is an enumerator; a
        // grouped or long one is a figure set in brackets ("waits of a year (234,885)")
        let small = t.text.len() <= 2 && t.text.bytes().all(|b| b.is_ascii_digit());
        // (after a number or a name it glosses, it is that thing's figure: "Queensland
        // 281 (276)", "clubs (14)"; an enumerator opens a clause or follows "and", "or")
        let glosses = i >= 2 && self.toks[i - 1].space_before && {
            let before = &self.toks[i - 2];
            (before.kind == Kind::Number || before.kind == Kind::Word)
                && !matches!(before.lower.as_str(), "and" | "or")
        };
        // (… unless the text counts on: "by (1) making it … and (2) reintegrating")
        let counted_on = || {
            let n: u32 = t.text.parse().unwrap_or(0);
            self.toks.windows(3).any(|w| {
                w[0].text == "("
                    && w[2].text == ")"
                    && w[1].kind == Kind::Number
                    && w[1]
                        .text
                        .parse::<u32>()
                        .is_ok_and(|m| m + 1 == n || m == n + 1)
            })
        };
        if small
            && (!glosses || counted_on())
            && i > 0
            && self.is_sym(i - 1, "(")
            && self.is_sym(next, ")")
            && self.attached(i)
        {
            return true;
        }
        false
    }

    /// A figure starting at token i, if any; returns it and the index after it.
    fn figure_at(&self, i: usize) -> Option<(RawFigure, usize)> {
        let start_tok = i;
        let mut k = i;
        let mut qualifier = Qualifier::Exact;
        let mut qualified = false;
        // "<>30", "=>30": a comparison sign glued to another is no bound, and its number
        // no figure
        let glued_sign = |j: usize| {
            j > 0
                && self.attached(j)
                && self.toks[j - 1].kind == Kind::Symbol
                && matches!(self.toks[j - 1].text, "<" | ">" | "=")
        };
        if self.toks.get(k).is_some_and(|t| t.kind == Kind::Number) && glued_sign(k) {
            return None;
        }
        // "percent of 10", "per cent of twenty-two": a percent named before its number
        if let Some(after) = self.percent_prefix(k) {
            if let Some(num) = self.number(after) {
                return Some((
                    RawFigure {
                        start_tok,
                        end_tok: num.next,
                        value: num.value,
                        low: num.value,
                        high: num.value,
                        unit: Unit::Percent,
                        currency: None,
                        qualifier,
                        noun_from: num.next,
                        measure: None,
                        unit_tok: num.next,
                        form: Form::Plain,
                    },
                    num.next,
                ));
            }
        }
        // "more than", "no fewer than", "less or equal than", "equal to or greater than"
        if let Some((q, after)) = self.comparator(k) {
            if self.numeric_at(after) {
                qualifier = q;
                qualified = true;
                k = after;
            }
        }
        // "passed 5,000": a bound unless what follows is counted ("passed 3 laws")
        let lex = crate::lexicon::figure_words();
        let has = crate::lexicon::FigureWords::has;
        let passing = has(&lex.passing_verbs, self.lower(k))
            || (k > 0
                && has(&lex.passing_verbs_after_modal, self.lower(k))
                && has(&lex.modals, self.lower(k - 1)));
        if !qualified && passing {
            // (an amount too: "could top $1,000")
            let at = self.currency_prefix(k + 1).map_or(k + 1, |c| c.1);
            if let Some(n) = self.number(at).filter(|n| !n.year_like) {
                let counted = self.toks.get(n.next).is_some_and(|t| {
                    t.kind == Kind::Word && !STOP_AFTER.contains(&t.lower.as_str())
                });
                if !counted {
                    qualifier = Qualifier::Over;
                    qualified = true;
                    k += 1;
                }
            }
        }
        // qualifier phrase
        for (p, q) in QUALIFIERS {
            if qualified {
                break;
            }
            // "<>30": a sign glued to another sign
            if !p.starts_with(char::is_alphabetic) && glued_sign(k) {
                continue;
            }
            // "shot up to 8.3%", "went up to 40": a verb of change before "up to" makes it
            // "to", a level reached, not a bound
            if *p == "up to"
                && k > 0
                && crate::lexicon::figure_words()
                    .up_to_verbs
                    .iter()
                    .any(|v| v == self.lower(k - 1))
            {
                continue;
            }
            if let Some(after) = self.phrase(k, p) {
                // "with a maximum of 179.4 l/m2": the extreme reached, a level
                let extreme = matches!(*p, "a maximum of" | "a minimum of")
                    && k > 0
                    && crate::lexicon::FigureWords::has(
                        &crate::lexicon::figure_words().extreme_leads,
                        self.lower(k - 1),
                    );
                if extreme && self.numeric_at(after) {
                    qualified = true;
                    k = after;
                    break;
                }
                // the qualifier must be followed by something numeric
                if self.numeric_at(after) {
                    // "some" must be followed by digits or a scale-bearing number word
                    qualifier = *q;
                    qualified = true;
                    k = after;
                    break;
                }
            }
        }
        // a range: "between 7,000 and 10,000"
        let mut between = false;
        if !qualified && self.lower(k) == "between" && self.numeric_at(k + 1) {
            between = true;
            k += 1;
        }
        // "half an hour", "a quarter of an hour", "three quarters of a day"
        if !between {
            if let Some((value, dur)) = self.fraction_of_duration(k) {
                return Some((
                    RawFigure {
                        start_tok,
                        end_tok: dur + 1,
                        value,
                        low: value,
                        high: value,
                        unit: Unit::Duration,
                        currency: None,
                        qualifier,
                        noun_from: dur,
                        measure: None,
                        unit_tok: dur + 1,
                        form: Form::Plain,
                    },
                    dur + 1,
                ));
            }
        }
        if !between {
            if let Some((mut value, mut next, mut form)) = self.share_or_multiplier(k) {
                let mut unit = if form == Form::Share {
                    Unit::Percent
                } else {
                    Unit::Count
                };
                // "one-half miles", "a quarter mile": a fraction of a unit is a measure
                let mut measure = None;
                let unit_tok = next;
                if form == Form::Share {
                    if let Some((u, after)) = self.unit_at(next) {
                        value /= 100.0;
                        unit = Unit::Measure;
                        measure = Some(u);
                        form = Form::Plain;
                        next = after;
                    }
                }
                return Some((
                    RawFigure {
                        start_tok,
                        end_tok: next,
                        value,
                        low: value,
                        high: value,
                        unit,
                        currency: None,
                        qualifier,
                        noun_from: next,
                        measure,
                        unit_tok,
                        form,
                    },
                    next,
                ));
            }
        }
        let mut currency = None;
        // "-£40m", "−$3bn": a sign glued before the currency, not to a word before it
        let mut signed_currency = false;
        if self
            .toks
            .get(k)
            .is_some_and(|t| matches!(t.text, "-" | "−"))
            && self.attached(k + 1)
            && !self.attached_word_before(k)
            && self
                .currency_prefix(k + 1)
                .is_some_and(|(_, after)| self.number(after).is_some())
        {
            signed_currency = true;
            k += 1;
        }
        // "MAUD 60": millions of a currency
        let mut money_factor = 1.0;
        if let Some((c, after)) = self.currency_prefix(k) {
            // "$-99.99": a sign after the currency
            let signed = || {
                self.sign_at(after)
                    .is_some_and(|a| self.number(a).is_some())
            };
            if self.number(after).is_some() || signed() {
                currency = Some(c);
                k = after;
            }
        } else if let Some(c) = self.million_code(k) {
            if self.number(k + 1).is_some() {
                currency = Some(c);
                money_factor = 1e6;
                k += 1;
            }
        }
        // vague quantities
        if currency.is_none() && !between {
            if let Some((v, lo, hi, next)) = self.vague(k) {
                let mut next = next;
                let mut unit = Unit::Count;
                if let Some((c, after)) = self.currency_postfix(next) {
                    currency = Some(c);
                    unit = Unit::Money;
                    next = after;
                }
                return Some((
                    RawFigure {
                        start_tok,
                        end_tok: next,
                        value: v,
                        low: lo,
                        high: hi,
                        unit,
                        currency,
                        qualifier: Qualifier::Vague,
                        noun_from: next,
                        measure: None,
                        unit_tok: next,
                        form: Form::Plain,
                    },
                    next,
                ));
            }
        }
        // a sign: "minus five percent", "-504", "−2 °C" (a dash glued to the number and
        // not to a word before it)
        let mut negative = signed_currency;
        if let Some(after) = self.sign_at(k) {
            negative = true;
            k = after;
        }
        // "(+8.2%)", "+56%": a plus sign glued to a percent is a rise, not a label's
        // "+" ("+1.202.457.1700")
        let plus = self.is_sym(k, "+")
            && self.attached(k + 1)
            && (k == 0 || !self.attached(k) || self.toks[k - 1].kind == Kind::Symbol)
            && self
                .number(k + 1)
                .is_some_and(|n| !n.words && self.percent_suffix(n.next, false).is_some());
        if plus {
            k += 1;
        }
        let num = self.number(k)?;
        // a bare "one", "a dozen" etc. handled below; years and dates are never figures
        if !num.words {
            if self.is_date_context(k, num.next) {
                return None;
            }
            // a label numbers a thing ("Issue 5", "level 3"); a grouped number or a
            // percent after the word is a quantity ("issue 437,000 permits", "left
            // the volume 5.4% lower")
            let quantity =
                self.toks[k].text.contains(',') || self.percent_suffix(num.next, false).is_some();
            if (self.is_label_context(k) && !quantity)
                || (!plus && self.is_identifier_context(k, num.next))
            {
                return None;
            }
        }
        let mut value = (if negative { -num.value } else { num.value }) * money_factor;
        let mut low;
        let mut high;
        let mut next = num.next;
        let mut unit = Unit::Count;
        if let Some(after) = self.percent_suffix(next, num.words) {
            unit = Unit::Percent;
            next = after;
        }
        // the currency was written after the number ("15 dollars"), not before it
        let mut postfix_money = false;
        if let Some(c) = currency {
            unit = Unit::Money;
            // "$2.174T": a capital T glued to an amount of money is trillions (a lone
            // "t" after a count is tonnes)
            if !num.scaled
                && self.toks.get(next).is_some_and(|t| {
                    t.text == "T"
                        && !t.space_before
                        && (!self.attached(next + 1) || self.closes_word(next + 1))
                })
            {
                value *= 1e12;
                next += 1;
            }
            // "$10 dollars": the currency said twice
            if let Some((_, after)) = self
                .currency_postfix(next)
                .filter(|(c2, after)| same_currency(c, c2) && self.number(*after).is_none())
            {
                next = after;
            }
        } else if unit == Unit::Count {
            // "a one-yen bid", "a 12-cent dividend"
            let at = if self.is_sym(next, "-") && self.attached(next) && self.attached(next + 1) {
                next + 1
            } else {
                next
            };
            if let Some((c, after)) = self.currency_postfix(at) {
                currency = Some(c);
                unit = Unit::Money;
                next = after;
                postfix_money = true;
                // "75 USD million"
                if let Some(s) = scale_word(self.lower(next)).filter(|_| self.lower(next).len() > 2)
                {
                    value *= s;
                    next += 1;
                }
            } else if let Some(c) = self.million_code(at) {
                // "30 MUSD"
                currency = Some(c);
                unit = Unit::Money;
                value *= 1e6;
                next = at + 1;
            } else if let Some((c, factor, after)) = self.subunit_at(at) {
                currency = c;
                unit = Unit::Money;
                value *= factor;
                next = after;
            }
        }
        // "3 dollars 50 cents", "thirteen dollars and forty-five cents", "15 dollars 50",
        // "10 $ 30 cent": an amount in the main unit and its hundredths
        if let Some(c) = currency.filter(|_| unit == Unit::Money && !num.scaled && !num.frac) {
            let and = self.lower(next) == "and";
            let j = next + usize::from(and);
            if let Some(n2) = self.number(j).filter(|n| {
                n.value >= 1.0 && n.value < 100.0 && n.value.fract() == 0.0 && !n.scaled && !n.frac
            }) {
                let sign = if value < 0.0 { -1.0 } else { 1.0 };
                if let Some((_, f, after)) = self
                    .subunit_at(n2.next)
                    .filter(|(c2, _, _)| c2.is_none_or(|c2| same_currency(c, c2)))
                {
                    value += sign * n2.value * f;
                    next = after;
                } else if (postfix_money || (and && n2.words))
                    && self.currency_postfix(n2.next).is_none()
                    && self.toks.get(n2.next).is_none_or(|t| {
                        // "15 USD 50 more": a comparative, not a counted noun, follows
                        t.kind != Kind::Word
                            || t.lower == "and"
                            || crate::lexicon::FigureWords::has(&lex.comparative_up, &t.lower)
                            || crate::lexicon::FigureWords::has(&lex.comparative_down, &t.lower)
                    })
                {
                    value += sign * n2.value / 100.0;
                    next = n2.next;
                }
            }
        }
        let mut measure = None;
        let mut unit_tok = next;
        if unit == Unit::Count {
            // "a 27-kilometer ring": a unit hyphenated to the number
            let hyphened =
                (self.is_sym(next, "-") && self.attached(next) && self.attached(next + 1))
                    .then(|| self.unit_at(next + 1))
                    .flatten();
            if let Some((u, after)) = self.unit_at(next) {
                unit = Unit::Measure;
                measure = Some(u);
                unit_tok = next;
                next = after;
            } else if let Some((u, after)) = hyphened {
                unit = Unit::Measure;
                measure = Some(u);
                unit_tok = next + 1;
                next = after;
            } else if self.inch_mark_at(k, next) && !num.words {
                // "a 9\" plate", "Wrench 8″": an inch mark glued to the number
                measure = crate::lexicon::unit_by_symbol("in");
                unit = Unit::Measure;
                unit_tok = next;
                next += 1;
            } else if self.lower(next) == "m" && self.extent_at(next + 1) {
                // "3m high", "5 m tall"
                measure = crate::lexicon::unit_by_symbol("m");
                unit = Unit::Measure;
                unit_tok = next;
                next += 1;
            } else if self.lower(next) == "t"
                && next > 0
                && (self.ends_with_scale(next - 1)
                    || (!num.words && self.attached(next) && !self.is_sym(next + 1, "-")))
            {
                // "410mn t", "37.4bn t": a lone "t" after a scale word is tonnes, and so
                // is one glued to digits ("1,045t")
                measure = crate::lexicon::unit_by_symbol("t");
                unit = Unit::Measure;
                unit_tok = next;
                next += 1;
            }
        }
        // "5 degrees below zero", "3 °C below zero": below zero is negative
        if matches!(unit, Unit::Count | Unit::Measure) {
            let degrees =
                usize::from(measure.is_none() && matches!(self.lower(next), "degrees" | "degree"));
            let side = self.lower(next + degrees);
            if matches!(side, "below" | "above") && self.lower(next + degrees + 1) == "zero" {
                if side == "below" {
                    value = -value;
                }
                if measure.is_none() {
                    measure = crate::lexicon::unit_by_symbol("°");
                    unit = Unit::Measure;
                    unit_tok = next;
                }
                next += degrees + 2;
            }
        }
        // "at 2 pm", "10 a.m.": a time of day
        if unit == Unit::Count && self.clock_at(next) {
            return None;
        }
        // a year is time, not a figure, unless something makes it a quantity
        // ("more than 2000 people"); "over 2020" and "since 2014" stay years
        let strong_qualifier = qualified && k >= start_tok + 2;
        // "in 2021 dollars", "constant 2015 euros", "the 2024 TB report": a year that
        // names a price base or a thing, before a currency or unit word, is no amount
        let named_year = start_tok.checked_sub(1).is_some_and(|p| {
            matches!(
                self.lower(p),
                "in" | "constant" | "real" | "the" | "its" | "their" | "this" | "that"
            )
        });
        if num.year_like
            && !strong_qualifier
            && named_year
            && (postfix_money || unit == Unit::Measure)
        {
            return None;
        }
        // "higher than 2018's record": a year that owns something is the year, however
        // it is compared
        if num.year_like
            && unit == Unit::Count
            && currency.is_none()
            && self.possessive_at(num.next)
        {
            return None;
        }
        // "2000 deaths were recorded": a year does not count people, unless it is the
        // time ("in 2000 deaths fell")
        let counts_people = self.year_counts_people(k);
        if num.year_like
            && !strong_qualifier
            && !counts_people
            && !between
            && currency.is_none()
            && unit == Unit::Count
        {
            return None;
        }
        // "under one umbrella", "over one year": one-word prepositions before a small
        // number word are not bounds
        let counted_next = {
            let nx = self.lower(num.next);
            DURATION_WORDS.iter().any(|(d, _)| *d == nx) || (nx.ends_with('s') && nx.len() > 3)
        };
        if qualified
            && num.words
            && !num.scaled
            && num.value < 10.0
            && k == start_tok + 1
            && !counted_next
        {
            let w = self.lower(start_tok);
            if matches!(
                w,
                "over" | "under" | "above" | "below" | "around" | "about" | "some"
            ) {
                return None;
            }
        }
        // (decades such as "the 1990s" were refused by the digits parser)
        low = value;
        high = value;
        // ranges: "7,000–10,000", "7,000 to 10,000", "between 7,000 and 10,000"
        let connector = if between {
            if self.lower(next) == "and" {
                Some(next + 1)
            } else {
                None
            }
        } else if self.is_sym(next, "-")
            && self.attached(next)
            && matches!(self.lower(next + 1), "to" | "or" | "and")
        {
            // "an 8- to 16-meter telescope", "5- to 10-year sentences": the first
            // number's unit is left to the second ("suspended hyphen")
            Some(next + 2)
        } else if self.is_sym(next, "–")
            || self.is_sym(next, "—")
            || self.is_sym(next, "-")
            || self.is_sym(next, "~")
            || crate::lexicon::FigureWords::has(&lex.range_connectors, self.lower(next))
        {
            Some(next + 1)
        } else if self.lower(next) == "to"
            && !num.year_like
            && !self.changes_from(start_tok)
            && !self.change_then_level(unit, start_tok)
            && !self.change_to_far_level(start_tok, next, value)
        {
            // "fell 0.4 percentage points to 4.1%": a change, then the level it reached
            // "7,000 to 10,000" but not "up to" (already consumed) or "from 2012 to 2015"
            Some(next + 1)
        } else {
            None
        };
        let mut is_range = false;
        // "55 ± 35 Gt", "2,000.45±0.01 pounds", "9.83e-3 +/- 1e-5": a value and its margin
        // of error, one figure whose interval the margin gives
        let margin_at = if self.is_sym(next, "±") {
            Some(next + 1)
        } else if self.is_sym(next, "+") && self.is_sym(next + 1, "/") && self.is_sym(next + 2, "-")
        {
            Some(next + 3)
        } else {
            None
        };
        let mut margin = false;
        if let Some(m) = margin_at
            .and_then(|m| self.number(m))
            .filter(|m| !m.year_like)
        {
            margin = true;
            low = value - m.value.abs();
            high = value + m.value.abs();
            is_range = true;
            next = m.next;
            if let Some(after) = self.percent_suffix(next, m.words) {
                unit = Unit::Percent;
                next = after;
            }
        }
        // "rose 15% to $415.9 million": a change and a level, not a range of percents
        let connector = connector.filter(|&c| {
            let money_after = self.currency_prefix(c).is_some();
            !(money_after && currency.is_none())
        });
        if let Some(c) = connector.filter(|_| !is_range) {
            let c2 = self.currency_prefix(c).map(|x| x.1).unwrap_or(c);
            // "between negative ten and fifteen", "from -5 to -2"
            let (negative2, c2) = match self.sign_at(c2) {
                Some(after) => (true, after),
                None => (false, c2),
            };
            let percent_first = unit == Unit::Percent;
            if let Some(n2) = self
                .number(c2)
                .filter(|n2| !percent_first || self.percent_suffix(n2.next, n2.words).is_some())
            {
                if !(n2.year_like && num.year_like) {
                    let mut v2 = if negative2 { -n2.value } else { n2.value };
                    // "7-10 million": the scale of the second applies to both (only
                    // when they make a range: "lowered by 60,000 tons to 1.74 million")
                    let mut v1 = value;
                    if n2.scaled && !num.scaled && !num.words {
                        let scale = self.scale_of(c2, n2);
                        v1 *= scale;
                    }
                    if !n2.scaled && num.scaled && !n2.words {
                        let scale = self.scale_of(k, num);
                        v2 *= scale;
                    }
                    // "ranged from -18 °C to -34 °C": after a range word, a range
                    // written downwards is still one
                    let led = start_tok > 0
                        && self.lower(start_tok - 1) == "from"
                        && !self.changes_from(start_tok);
                    if v2 > v1 || (led && v2 < v1) {
                        value = v1;
                        low = value.min(v2);
                        high = value.max(v2);
                        is_range = true;
                        next = n2.next;
                        if let Some(after) = self.percent_suffix(next, n2.words) {
                            unit = Unit::Percent;
                            next = after;
                        }
                    }
                }
            }
        }
        if between && !is_range {
            return None;
        }
        // "7–10 GW": the unit after the range (joined by a hyphen: "8- to 16-meter")
        if is_range && unit == Unit::Count {
            let unit_from = if self.is_sym(next, "-") && self.attached(next) {
                next + 1
            } else {
                next
            };
            if let Some((u, after)) = self.unit_at(unit_from).or_else(|| self.unit_at(next)) {
                unit = Unit::Measure;
                measure = Some(u);
                unit_tok = next;
                next = after;
            }
        }
        // "from 12 to 15 million people", "from $1.2 to $1.1 billion": no range, but the
        // second number's scale (and money) is the first's too
        // (after "to" only in "from … to …": "fell 3 to 1.2 million" is a change)
        let mut scale_carried = false;
        if !is_range
            && !num.scaled
            && !num.words
            && (self.lower(next) != "to" || self.changes_from(start_tok))
        {
            if let Some((scale, n2)) = self.scale_of_next_number(next, num) {
                scale_carried = true;
                value *= scale;
                low = value;
                high = value;
                if currency.is_none() && unit == Unit::Count {
                    let money = self
                        .currency_prefix(next + 1)
                        .or_else(|| self.currency_postfix(n2.next));
                    if let Some((c, _)) = money {
                        currency = Some(c);
                        unit = Unit::Money;
                    }
                }
            }
        }
        // "45 and 50 mg", "from 50 to 80%": no range, but the unit after the second
        // number is the first's too (it is only given, not read here)
        if !is_range && unit == Unit::Count && measure.is_none() {
            match self.unit_of_next_number(next, num.words, scale_carried) {
                Some(Ok(u)) => {
                    unit = Unit::Measure;
                    measure = Some(u);
                }
                Some(Err(())) => unit = Unit::Percent,
                None => {}
            }
        }
        if margin {
            // a central estimate with its margin: "about" the value, the interval the
            // margin's (a source's "about" is a hedge on its precision)
            qualifier = Qualifier::About;
        } else if is_range {
            qualifier = Qualifier::Range;
        } else {
            let has = crate::lexicon::FigureWords::has;
            let postfix = |w: &str| {
                if has(&lex.comparative_up, w) || has(&lex.postfix_up, w) {
                    Some(true)
                } else if has(&lex.comparative_down, w) || has(&lex.postfix_down, w) {
                    Some(false)
                } else {
                    None
                }
            };
            let conj = self.lower(next);
            let after_conj = postfix(self.lower(next + 1)).filter(|_| matches!(conj, "or" | "and"));
            // postfix qualifiers: "100 or more", "200 or greater than", "65 and over",
            // "less than 5000 or equal", "100-plus", "100+"
            if matches!(qualifier, Qualifier::Over | Qualifier::Under)
                && conj == "or"
                && self.lower(next + 1) == "equal"
                && !self.numeric_at(next + 2 + usize::from(self.lower(next + 2) == "to"))
            {
                qualifier = if qualifier == Qualifier::Over {
                    Qualifier::AtLeast
                } else {
                    Qualifier::UpTo
                };
                next += 2;
                if self.lower(next) == "to" {
                    next += 1;
                    if self.lower(next) == "it" {
                        next += 1;
                    }
                }
            } else if let Some(up) = after_conj {
                let mut e = next + 2;
                let than = self.lower(e) == "than";
                if than {
                    e += 1;
                }
                // "5000 or less than 6000", "30 and less or equal than 40" are two figures;
                // "500 and more importantly" none
                let separate = (than && self.numeric_at(e))
                    || self
                        .comparator(next + 1)
                        .is_some_and(|(_, after)| self.numeric_at(after));
                let adverb = conj == "and"
                    && !than
                    && self
                        .toks
                        .get(e)
                        .is_some_and(|t| t.kind == Kind::Word && t.lower.ends_with("ly"));
                let number_after_and = conj == "and" && self.numeric_at(e);
                if !(separate || adverb || number_after_and) {
                    qualifier = if up {
                        Qualifier::AtLeast
                    } else {
                        Qualifier::UpTo
                    };
                    next = e;
                }
            } else if self.lower(next) == "or" && self.lower(next + 1) == "so" {
                qualifier = Qualifier::About;
                next += 2;
            } else if self.is_sym(next, "+") && self.attached(next) {
                qualifier = Qualifier::AtLeast;
                next += 1;
            } else if self.is_sym(next, "-") && self.lower(next + 1) == "plus" {
                qualifier = Qualifier::AtLeast;
                next += 2;
            } else if self.lower(next) == "plus"
                && unit == Unit::Count
                && !self.numeric_at(next + 1)
            {
                qualifier = Qualifier::AtLeast;
                next += 1;
            }
        }
        // "more than 10 and less than 20", "at most 100 and at least 20": two bounds of
        // one number make a range
        if !is_range && qualifier != Qualifier::Exact {
            if let Some((lo, hi, after)) = self.second_bound(qualifier, value, unit, currency, next)
            {
                low = lo;
                high = hi;
                value = lo;
                qualifier = Qualifier::Range;
                next = after;
            }
        }
        // durations: "50 days", "a 50-day ceasefire"
        let mut noun_from = next;
        if unit == Unit::Count {
            let dur_at = if self.is_sym(next, "-") && self.attached(next) {
                next + 1
            } else {
                next
            };
            if DURATION_WORDS.iter().any(|(w, _)| *w == self.lower(dur_at)) {
                unit = Unit::Duration;
                next = dur_at + 1;
                noun_from = dur_at;
            }
        }
        // a bare small number word with nothing counted is not a figure: "one of", "two"
        // ... unless what it counts is said to have been killed, injured…: "one soldier
        // was killed"
        let role_follows = self.toks.get(next).is_some_and(|t| t.kind == Kind::Word)
            && self.lower(next) != "of"
            && (next + 1..next + 4).any(|j| role_of(self.lower(j)).is_some());
        if num.words
            && !qualified
            && currency.is_none()
            && unit == Unit::Count
            && !num.scaled
            && num.value == 1.0
            && self.lower(k) != "a"
            && !role_follows
            && !negative
        {
            return None;
        }
        Some((
            RawFigure {
                start_tok,
                end_tok: next,
                value,
                low,
                high,
                unit,
                currency,
                qualifier,
                noun_from,
                measure,
                unit_tok,
                form: Form::Plain,
            },
            next,
        ))
    }

    /// A fraction of one unit of time at k ("half an hour", "a quarter of an hour"): the
    /// fraction and the index of the unit's word.
    fn fraction_of_duration(&self, k: usize) -> Option<(f64, usize)> {
        let (part, j) = match (self.lower(k), self.lower(k + 1)) {
            ("half", _) => (0.5, k + 1),
            ("quarter", _) => (0.25, k + 1),
            ("a" | "one", "quarter") => (0.25, k + 2),
            ("three", "quarters") => (0.75, k + 2),
            _ => return None,
        };
        let j = j + usize::from(self.lower(j) == "of");
        if !matches!(self.lower(j), "a" | "an") {
            return None;
        }
        let w = self.lower(j + 1);
        DURATION_WORDS
            .iter()
            .any(|(d, _)| *d == w && !w.ends_with('s'))
            .then_some((part, j + 1))
    }

    /// Whether an adjective of extent ("high", "tall", "long") is at k.
    fn extent_at(&self, k: usize) -> bool {
        crate::lexicon::FigureWords::has(&crate::lexicon::figure_words().extent, self.lower(k))
    }

    /// Whether a time of day's marker ("pm", "a.m.", "o'clock") is at k.
    fn clock_at(&self, k: usize) -> bool {
        crate::lexicon::figure_words().clock.iter().any(|c| {
            let mut j = k;
            c.split('.').enumerate().all(|(n, part)| {
                if n > 0 {
                    if !self.is_sym(j, ".") {
                        return false;
                    }
                    j += 1;
                }
                let ok = self.lower(j) == part;
                j += 1;
                ok
            })
        })
    }

    /// Runs `read` one level deeper (see [`Parser::nest`]).
    fn nested<T>(&self, read: impl FnOnce() -> T) -> T {
        self.nest.set(self.nest.get() + 1);
        let out = read();
        self.nest.set(self.nest.get() - 1);
        out
    }

    /// A comparative bound at i: "more than", "no fewer than", "less than or equal to",
    /// "bigger or equal than", "equal to or greater than"; its qualifier and the index
    /// after it (the words are `[figures] comparative_up/down`).
    fn comparator(&self, i: usize) -> Option<(Qualifier, usize)> {
        let lex = crate::lexicon::figure_words();
        let has = crate::lexicon::FigureWords::has;
        let mut k = i;
        let mut negated = false;
        let mut equal = false;
        if matches!(self.lower(k), "no" | "not") {
            negated = true;
            k += 1;
        } else if self.lower(k) == "equal" && self.lower(k + 1) == "to" && self.lower(k + 2) == "or"
        {
            equal = true;
            k += 3;
        }
        let w = self.lower(k);
        let up = if has(&lex.comparative_up, w) {
            true
        } else if has(&lex.comparative_down, w) {
            false
        } else {
            return None;
        };
        k += 1;
        let than = self.lower(k) == "than";
        if than {
            k += 1;
        }
        // "less or equal than", "less than or equal to"
        if !equal && self.lower(k) == "or" && self.lower(k + 1) == "equal" {
            equal = true;
            k += 2;
            if matches!(self.lower(k), "to" | "than") {
                k += 1;
            }
        }
        if !(than || equal) || (negated && equal) {
            return None;
        }
        let q = match (up, negated, equal) {
            (true, false, false) => Qualifier::Over,
            (true, false, true) | (false, true, _) => Qualifier::AtLeast,
            (false, false, false) => Qualifier::Under,
            (false, false, true) | (true, true, _) => Qualifier::UpTo,
        };
        Some((q, k))
    }

    /// Whether a number (with its currency or sign) or a vague quantity starts at k.
    fn numeric_at(&self, k: usize) -> bool {
        let look = self.currency_prefix(k).map(|c| c.1).unwrap_or(k);
        let look = self.sign_at(look).unwrap_or(look);
        // "more than half of", "nearly two-thirds", "more than doubled"
        self.number(look).is_some()
            || self.vague(look).is_some()
            || self.share_or_multiplier(look).is_some()
    }

    /// A sign before a number at k: "-504", "−2 °C" (a dash glued to the number and not
    /// to a word before it), "- 1 4/5" where nothing before could be subtracted from,
    /// "minus five", "negative ten"; the index after it.
    fn sign_at(&self, k: usize) -> Option<usize> {
        let t = self.toks.get(k)?;
        if t.kind == Kind::Symbol && matches!(t.text, "-" | "−") {
            // (or a number word glued to it: "-six percent", never "twenty-six")
            let number_after = self.toks.get(k + 1).is_some_and(|n| n.kind == Kind::Number)
                || self.is_sym(k + 1, ".")
                || (self.toks.get(k + 1).is_some_and(|n| n.kind == Kind::Word)
                    && self.attached(k + 1)
                    && self.number(k + 1).is_some());
            if !number_after {
                return None;
            }
            let prev = k.checked_sub(1).map(|p| &self.toks[p]);
            let glued = self.attached(k + 1)
                && prev.is_none_or(|p| !self.attached(k) || p.kind == Kind::Symbol);
            // a spaced dash opens the text, or follows a sign or a bracket
            let opening = prev.is_none_or(|p| {
                p.kind == Kind::Symbol && !matches!(p.text, ")" | "%" | "]" | "." | ",")
            });
            return (glued || opening).then_some(k + 1);
        }
        let lex = crate::lexicon::figure_words();
        (crate::lexicon::FigureWords::has(&lex.negative_signs, &t.lower)
            && self.number(k + 1).is_some())
        .then_some(k + 1)
    }

    /// "percent of", "per cent of" before a number, not after one: the index after it.
    fn percent_prefix(&self, k: usize) -> Option<usize> {
        let after = match self.lower(k) {
            "percent" | "percents" => k + 1,
            "per" if self.lower(k + 1) == "cent" => k + 2,
            _ => return None,
        };
        // only where it opens a clause and nothing counted follows the number: "what
        // percent of 1,000 voters" asks, "the percent of 10-year-olds" names a group
        let opens = k == 0 || self.toks[k - 1].kind == Kind::Symbol;
        let n = self.number(after + 1)?;
        let counted = self.toks.get(n.next).is_some_and(|t| t.kind == Kind::Word);
        (self.lower(after) == "of" && opens && !counted).then_some(after + 1)
    }

    /// A bound of the other side after a bound ("more than 10 and less than 20", "at most
    /// 100, at least 20"), of the same unit: the range's ends and the index after it.
    fn second_bound(
        &self,
        first: Qualifier,
        value: f64,
        unit: Unit,
        currency: Option<&'static str>,
        next: usize,
    ) -> Option<(f64, f64, usize)> {
        let mut c = next;
        if self.is_sym(c, ",") {
            c += 1;
        }
        if matches!(self.lower(c), "and" | "but") {
            c += 1;
        }
        if c == next || self.nest.get() > 0 {
            return None;
        }
        let first_lower = first.is_lower_bound();
        if !first_lower && !matches!(first, Qualifier::UpTo | Qualifier::Under) {
            return None;
        }
        // only a bound opens the second figure
        if self.comparator(c).is_none()
            && !QUALIFIERS
                .iter()
                .any(|(p, q)| q.is_lower_bound() != first_lower && self.phrase(c, p).is_some())
        {
            return None;
        }
        let (second, after) = self.nested(|| self.figure_at(c))?;
        let second_lower = second.qualifier.is_lower_bound();
        let second_upper = matches!(second.qualifier, Qualifier::UpTo | Qualifier::Under);
        if second.unit != unit || second.currency != currency || !(second_lower || second_upper) {
            return None;
        }
        let (lo, hi) = match (first_lower, second_upper) {
            (true, true) => (value, second.value),
            (false, false) => (second.value, value),
            _ => return None,
        };
        (lo < hi).then_some((lo, hi, after))
    }

    /// A share written as a fraction or a ratio ("two-thirds", "a quarter of", "one in
    /// five", "3 out of 4", "half of"), as a percent, or a multiplier ("doubled",
    /// "threefold", "three times higher", "2.5-fold", "1.5x"): value, next token, form.
    fn share_or_multiplier(&self, k: usize) -> Option<(f64, usize, Form)> {
        let lex = crate::lexicon::figure_words();
        let w = self.lower(k);
        if let Some(m) = lex.multipliers.get(w) {
            return Some((*m, k + 1, Form::Multiplier));
        }
        // "a quarter of a million" is an amount, read by `number`
        if self.fraction_of_scale(k).is_some() {
            return None;
        }
        // "half of", "half the population", "more than half their income", "fell by half"
        if w == "half"
            && (self.lower(k + 1) == "of"
                || crate::lexicon::FigureWords::has(&lex.half_determiners, self.lower(k + 1))
                || (k > 0 && self.lower(k - 1) == "by"))
        {
            return Some((50.0, k + 1, Form::Share));
        }
        // "a hundred trillionths" counts a hundred; "a third" one
        let counted = self.number(k);
        let (n, j, scaled) = match counted {
            None if w == "a" => (1.0, k + 1, false),
            None => return None,
            Some(num) => {
                if num.year_like || self.percent_suffix(num.next, num.words).is_some() {
                    return None;
                }
                // "3/4 of the land", "½ of them"
                if num.frac && num.value < 1.0 && self.lower(num.next) == "of" {
                    return Some((100.0 * num.value, num.next, Form::Share));
                }
                if num.frac {
                    return None;
                }
                (num.value, num.next, num.scaled)
            }
        };
        // "one-third", "five - eighths"
        let (f, hyphen) =
            if self.is_sym(j, "-") && (self.attached(j) || self.ordinal_den(j + 1).is_some()) {
                (j + 1, true)
            } else {
                (j, false)
            };
        if let Some((d, after)) = self.ordinal_den(f) {
            let plural = self.lower(after - 1).ends_with('s');
            let of_next = self.lower(after) == "of";
            // "a third of", "one-third", "one third of", "two thirds"; not "a third time"
            let ok = n >= 1.0
                && n.fract() == 0.0
                && n < d
                && if n == 1.0 {
                    !plural && (of_next || (hyphen && w != "a"))
                } else {
                    plural
                };
            return ok.then(|| (100.0 * n / d, after, Form::Share));
        }
        if w == "a" || scaled {
            return None;
        }
        // "three times higher", "2.5-fold", "1.5x"
        let after = if hyphen { f } else { j };
        let suffix = self.lower(after);
        if lex.multiplier_suffixes.iter().any(|x| x == suffix) {
            let attached = hyphen || self.attached(after);
            let next = self.lower(after + 1);
            let compares = lex.multiplier_comparisons.iter().any(|w| w == next);
            let ok = match suffix {
                "times" => compares,
                "x" => attached,
                _ => true,
            };
            if ok && n > 0.0 {
                return Some((n, after + 1, Form::Multiplier));
            }
            return None;
        }
        // "one in five", "3 out of 4", "one in every ten"
        let mut m = j;
        if self.lower(m) == "in" {
            m += 1;
        } else if self.lower(m) == "out" && self.lower(m + 1) == "of" {
            m += 2;
        } else {
            return None;
        }
        if self.lower(m) == "every" {
            m += 1;
        }
        // "one in five", "two out of five hundred"
        let den = self.number(m)?;
        let plain = !den.year_like && !den.frac;
        if plain
            && n.fract() == 0.0
            && den.value > 1.0
            && den.value <= 1e6
            && n <= den.value
            && self.percent_suffix(den.next, den.words).is_none()
        {
            return Some((100.0 * n / den.value, den.next, Form::Share));
        }
        None
    }

    /// Whether a change word stands right before the figure at `start` ("rose 15%",
    /// "fell by 0.4 points"; `[change]` of the lexicon).
    fn changed_by(&self, start: usize) -> bool {
        let mut k = start;
        if k > 0 && self.lower(k - 1) == "by" {
            k -= 1;
        }
        k > 0
            && crate::lexicon::change_words()
                .iter()
                .any(|w| w == self.lower(k - 1))
    }

    /// "fell 0.4 percentage points to 4.1%": a percent after a change word, then "to", is
    /// a change and the level it reached.
    /// Of any unit, so after "by": "fell by 16,200 to 43,300 units".
    fn change_then_level(&self, unit: Unit, start: usize) -> bool {
        (unit == Unit::Percent
            || unit == Unit::Measure
            || (start > 0 && self.lower(start - 1) == "by"))
            && self.changed_by(start)
    }

    /// "balances decreased $8 billion to $1.48 trillion": after a change word, "to" a
    /// number many times the first is the level the change reached, not the top of a
    /// range (a range's ends are of one size: "rose 10 to 15 percent").
    fn change_to_far_level(&self, start: usize, to: usize, first: f64) -> bool {
        /// How many times the first number a range's top end may be.
        const RANGE_SPREAD: f64 = 10.0;
        let at = self.currency_prefix(to + 1).map_or(to + 1, |c| c.1);
        self.changed_by(start)
            && first > 0.0
            && self
                .number(at)
                .is_some_and(|n| !n.year_like && n.value >= RANGE_SPREAD * first)
    }

    /// "rose from 1,000 to 1,739": "from" before the figure states a change between two
    /// levels, read as two figures, unless a range word leads it ("ranging from 5 to 10").
    fn changes_from(&self, start: usize) -> bool {
        let leads = &crate::lexicon::figure_words().range_leads;
        let lead = |k: usize| crate::lexicon::FigureWords::has(leads, self.lower(k));
        // "ranging from", "the range is from"
        start > 0
            && self.lower(start - 1) == "from"
            && !(start >= 2 && lead(start - 2))
            && !(start >= 3
                && matches!(self.lower(start - 2), "is" | "was" | "are" | "were")
                && lead(start - 3))
    }

    /// Whether the year-like number at i counts people ("2000 deaths were recorded"):
    /// a people or role word follows and no time word comes before ("in 2000 deaths…").
    fn year_counts_people(&self, i: usize) -> bool {
        let nx = self.lower(i + 1);
        let m = crate::lexicon::measures();
        let before = if i > 0 { self.lower(i - 1) } else { "" };
        let role_verb =
            role_of(nx).is_some() && self.toks.get(i + 2).is_none_or(|t| t.kind != Kind::Number);
        (m.people.iter().any(|w| w == nx) || role_verb)
            && !is_month(before)
            && !matches!(
                before,
                "in" | "since"
                    | "by"
                    | "from"
                    | "until"
                    | "of"
                    | "to"
                    | "before"
                    | "after"
                    | "during"
                    | "between"
                    | "and"
                    | "or"
                    | "the"
                    | "year"
                    | "through"
            )
    }

    /// Whether the figure at token `i` is labelled by a name and a dash before it: "the
    /// counties of Mures - 748, Brasov - 657" are the figures of a list, and what they
    /// count is said elsewhere, not by the nouns before the list.
    fn name_dash_label(&self, i: usize) -> bool {
        i >= 2
            && self.is_sym(i - 1, "-")
            && self.toks[i - 2].kind == Kind::Word
            && self.toks[i - 2].text.starts_with(char::is_uppercase)
    }

    /// Whether token `i` starts a possessive "'s" written onto the word before.
    fn possessive_at(&self, i: usize) -> bool {
        self.toks
            .get(i)
            .is_some_and(|t| !t.space_before && matches!(t.text, "'" | "’"))
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| !t.space_before && t.lower == "s")
    }

    /// "compared with 2020", "than in 2021", "from 2020", "over 2020": a baseline year.
    fn is_baseline_year(&self, i: usize) -> bool {
        // (k ≤ i: the word at the text's start counts, "Between 2023 and 2024 …")
        let w = |k: usize| if k <= i { self.lower(i - k) } else { "" };
        let next = if i + 1 < self.toks.len() {
            self.lower(i + 1)
        } else {
            ""
        };
        // "65% of 2019 levels", "above 2019 levels": the level compared with
        // ("a reduction from the 2024 target", "since December 2020": a determiner or
        // a month may stand between; "from October 2023 to September 2024" is a span)
        // "between 2022 and 2023" is a span from its first year, as "from 2022 to 2023"
        matches!(next, "level" | "levels")
            // the end of a span whose start is compared with: "relative to the 1981 to
            // 2010 average" (not "from 2022 to 2023", a span of the figure's own)
            || (i >= 2
                && matches!(w(1), "to" | "-" | "–")
                && self.toks[i - 2].kind == Kind::Number
                && self.compared_before(i - 2))
            || (w(1) == "between" && next == "and")
            || baseline_lead(w(1), w(2), w(3))
            || (matches!(w(1), "the" | "its" | "their") && baseline_lead(w(2), w(3), w(4)))
            || (month_name(w(1)).is_some() && w(2) != "from" && baseline_lead(w(2), w(3), w(4)))
            || self.compared_before(i)
    }

    /// A comparison word a few words before token `i`, in its clause: "a jump over the
    /// initial budget for fiscal 2023", "higher than the same month of 2022".
    fn compared_before(&self, i: usize) -> bool {
        let mut k = i;
        let mut steps = 0;
        while k > 0 && steps < 6 {
            k -= 1;
            steps += 1;
            let t = &self.toks[k];
            if t.kind == Kind::Number || (t.kind != Kind::Word && t.text != "-") {
                return false;
            }
            if matches!(
                t.lower.as_str(),
                "than" | "compared" | "versus" | "vs" | "relative" | "over"
            ) {
                return true;
            }
        }
        false
    }

    /// "(Sayed & Hamming, 2021)", "Afzal (2022)": the year of a cited work, not of a figure.
    fn is_citation_year(&self, i: usize) -> bool {
        let capital = |k: usize| {
            self.toks
                .get(k)
                .is_some_and(|t| t.kind == Kind::Word && t.text.starts_with(char::is_uppercase))
        };
        // Name (2022)
        if i >= 2 && self.is_sym(i - 1, "(") && capital(i - 2) {
            return true;
        }
        // (Name, 2022) / (Name & Name, 2021) / (Name et al., 2022) / (Name, 2016, p. 3)
        if i >= 2 && self.is_sym(i - 1, ",") {
            let mut k = i - 1;
            let mut steps = 0;
            while k > 0 && steps < 12 {
                k -= 1;
                steps += 1;
                let t = &self.toks[k];
                if t.text == "(" {
                    return capital(k + 1);
                }
                if t.text == ")"
                    || (t.kind == Kind::Symbol && t.text == ".")
                        && !self.lower(k.saturating_sub(1)).eq("al")
                {
                    return false;
                }
            }
        }
        false
    }

    /// "%", "percent", "per cent", "pc", "percentage points" at i: the index after it.
    /// A physical unit at i ("GW", "km", "million tonnes" after its scale word, "°C"),
    /// with the index after it.
    fn unit_at(&self, i: usize) -> Option<(&'static crate::lexicon::UnitDef, usize)> {
        let first = self.toks.get(i)?;
        if first.kind == Kind::Number {
            return None;
        }
        crate::lexicon::units()
            .iter()
            .find_map(|((toks, cased), u)| {
                let after = if *cased {
                    let n = toks.len();
                    let end = toks
                        .iter()
                        .enumerate()
                        .all(|(j, (w, spaced))| {
                            self.toks.get(i + j).is_some_and(|t| t.text == w)
                                && (j == 0 || *spaced || self.attached(i + j))
                        })
                        .then_some(i + n)?;
                    // a lone capital ("40.3C") ends the word: "C-130" and "5Cs" are names
                    let lone = n == 1 && toks[0].0.chars().count() == 1;
                    if lone && self.attached(end) && !self.closes_word(end) {
                        return None;
                    }
                    end
                } else {
                    self.words_at(i, toks.iter().map(|(w, s)| (w.as_str(), *s)))?
                };
                Some((*u, after))
            })
            .or_else(|| {
                // "120 g/km": a one-letter symbol glued to a "/" and what follows
                let slash = self.is_sym(i + 1, "/") && self.attached(i + 1) && self.attached(i + 2);
                let u = crate::lexicon::unit_before_slash(first.text).filter(|_| slash)?;
                Some((u, i + 1))
            })
    }

    /// Whether token `i` is a scale word ("million", "bn") or a number written with one
    /// glued to it ("410mn").
    fn ends_with_scale(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return false;
        };
        let tail: String = t
            .lower
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        !tail.is_empty() && scale_word(&tail).is_some()
    }

    fn percent_suffix(&self, i: usize, words: bool) -> Option<usize> {
        // "a 16.5-percent jump", "a 7.2-per-cent rise": hyphened to its number
        let glued = |k: usize| self.toks.get(k).is_some_and(|t| !t.space_before);
        if self.is_sym(i, "-") && glued(i) && glued(i + 1) && self.lower(i + 1) != "%" {
            return self.percent_suffix(i + 1, words);
        }
        if self.lower(i) == "per" && self.is_sym(i + 1, "-") && self.lower(i + 2) == "cent" {
            return Some(i + 3);
        }
        match self.lower(i) {
            "%" if self.is_sym(i, "%") => Some(i + 1),
            "percent" | "percents" | "pct" => Some(i + 1),
            // "pc" after number words is too ambiguous ("two pc", a computer)
            "pc" if !words => Some(i + 1),
            "per" if self.lower(i + 1) == "cent" => Some(i + 2),
            // "percentage points" are a unit of their own (lexicon/units.toml): a rise of
            // 3 points is not a rise of 3%
            "percentage" if matches!(self.lower(i + 1), "points" | "point") => None,
            // "100 percentage", as some write it
            "percentage" => Some(i + 1),
            _ => None,
        }
    }

    /// "45 and 50 mg", "from 50 to 80%": after a bare number at `next`, a connector and
    /// a second number written the same way (digits or words) with a unit of its own:
    /// that unit (`Err` for percent). Only the unit is given, not the second number.
    fn unit_of_next_number(
        &self,
        next: usize,
        words: bool,
        scaled: bool,
    ) -> Option<Result<&'static crate::lexicon::UnitDef, ()>> {
        if !matches!(self.lower(next), "and" | "or" | "to") {
            return None;
        }
        // (a scaled number's unit only when its scale was carried back too)
        let n2 = self
            .number(next + 1)
            .filter(|n| n.words == words && !n.year_like && n.scaled == scaled)?;
        if self.percent_suffix(n2.next, n2.words).is_some() {
            return Some(Err(()));
        }
        self.unit_at(n2.next).map(|(u, _)| Ok(u))
    }

    /// The scale of a number after "to", "and" or "or" that the number before leaves
    /// unsaid ("from 12 to 15 million", "from $1.2 to $1.1 billion"), with that number:
    /// only when the two are of one size ("from 500 to 3 million" is 500).
    fn scale_of_next_number(&self, next: usize, first: Num) -> Option<(f64, Num)> {
        /// How many times larger one number may be than the other and share its scale.
        const SAME_SIZE: f64 = 10.0;
        if !matches!(self.lower(next), "and" | "or" | "to") || first.year_like || first.frac {
            return None;
        }
        let at = self.currency_prefix(next + 1).map_or(next + 1, |c| c.1);
        let n2 = self
            .number(at)
            .filter(|n| n.scaled && !n.words && !n.year_like && !n.frac)?;
        // (scales are powers of ten: "1.1 billion" / 1.1 is 999,999,999.99…)
        let scale = 10f64.powi(self.scale_of(at, n2).log10().round() as i32);
        let base = n2.value / scale;
        let (a, b) = (first.value.abs(), base.abs());
        (scale >= 1000.0 && a > 0.0 && b > 0.0 && a.max(b) / a.min(b) <= SAME_SIZE)
            .then_some((scale, n2))
    }

    /// The scale word after a bracketed conversion that the number at `i` (ending at
    /// `next`) shares: the outer number of "€531.6 ($580) billion", followed by the
    /// bracket, or the inner one, closed by it.
    fn bracketed_scale(&self, i: usize, next: usize) -> Option<f64> {
        /// How many tokens a conversion in brackets may hold ("US$ 580", "about $580").
        const MAX_INNER: usize = 4;
        let spelled = |k: usize| {
            self.toks
                .get(k)
                .filter(|t| t.kind == Kind::Word)
                .filter(|t| t.lower.len() > 2 || matches!(t.lower.as_str(), "bn" | "mn" | "tn"))
                .and_then(|t| scale_word(&t.lower))
        };
        let number = |k: usize| self.toks.get(k).is_some_and(|t| t.kind == Kind::Number);
        if self.is_sym(next, "(") {
            // the outer number: a short bracket holding a number, then the scale word
            let close = (next + 2..=next + 1 + MAX_INNER).find(|&k| self.is_sym(k, ")"))?;
            return ((next + 1..close).any(number)).then(|| spelled(close + 1))?;
        }
        if self.is_sym(next, ")") {
            // the inner number: an opening bracket just before it, after a number
            let open = (i.saturating_sub(MAX_INNER)..i)
                .rev()
                .find(|&k| self.is_sym(k, "("))?;
            return (open > 0 && number(open - 1)).then(|| spelled(next + 1))?;
        }
        None
    }

    /// The multiplier a scale word gave a number ("23 million" -> 1e6).
    fn scale_of(&self, i: usize, n: Num) -> f64 {
        let base = self.digits_plain(i).unwrap_or(1.0);
        if base == 0.0 {
            1.0
        } else {
            n.value / base
        }
    }

    fn digits_plain(&self, i: usize) -> Option<f64> {
        let t = self.toks.get(i)?;
        if t.kind != Kind::Number {
            return None;
        }
        t.text.replace(',', "").parse().ok()
    }

    /// Currency after a number: "40 billion USD", "10 €", "5 yen", "20 million pounds".
    fn currency_postfix(&self, i: usize) -> Option<(&'static str, usize)> {
        // "pounds" is money only after a scale word ("20 million pounds"), not weight
        if self.lower(i) == "pounds" && i > 0 && scale_word(self.lower(i - 1)).is_some() {
            return Some(("GBP", i + 1));
        }
        // "1 $10 bill": a sign glued to the number after it is that number's
        self.spelling_at(i, &currencies().after)
            .filter(|(_, after)| {
                !self
                    .toks
                    .get(*after)
                    .is_some_and(|t| t.kind == Kind::Number && !t.space_before)
            })
    }

    /// A subunit after a number: "50 cents", "20 pence": its currency (none for
    /// "cents", of many currencies), the factor to the main unit, the index after it.
    fn subunit_at(&self, i: usize) -> Option<(Option<&'static str>, f64, usize)> {
        // "50p": glued to the digits and ending the word ("5pm" is a time, "3pc" a percent)
        if let Some(t) = self
            .toks
            .get(i)
            .filter(|t| t.kind == Kind::Word && !t.space_before)
        {
            let before_digits = i > 0 && self.toks[i - 1].kind == Kind::Number;
            let ends = !self.attached(i + 1) || self.closes_word(i + 1);
            if let Some((_, code, factor)) = currencies()
                .glued_subunits
                .iter()
                .find(|(l, _, _)| *l == t.text)
                .filter(|_| before_digits && ends)
            {
                return Some((Some(*code), *factor, i + 1));
            }
        }
        currencies().subunits.iter().find_map(|(sp, code, factor)| {
            let next = self.words_at(i, sp.iter().map(|(w, s)| (w.as_str(), *s)))?;
            Some(((!code.is_empty()).then_some(*code), *factor, next))
        })
    }

    /// "seven more than", "27 fewer", "up by seven", "an increase of seven": the figure
    /// counts a difference.
    fn comparative_after(&self, raw: &RawFigure) -> bool {
        let before = |k: usize| {
            raw.start_tok
                .checked_sub(k)
                .map(|i| self.lower(i))
                .unwrap_or("")
        };
        matches!(
            self.lower(raw.end_tok),
            "more" | "fewer" | "less" | "higher" | "lower"
        ) || (before(1) == "by"
            && matches!(
                before(2),
                "up" | "down"
                    | "rose"
                    | "risen"
                    | "increased"
                    | "fell"
                    | "decreased"
                    | "grew"
                    | "dropped"
                    | "jumped"
            ))
            || (before(1) == "of"
                && matches!(
                    before(2),
                    "increase" | "rise" | "decrease" | "drop" | "fall" | "jump"
                ))
    }

    /// The role of a figure: a verb just before it ("killed 34 people") or just after
    /// it ("149 victims killed", "46 were injured").
    fn role(&self, raw: &RawFigure) -> Option<&'static str> {
        if raw.start_tok > 0 {
            if let Some(r) = role_of(self.lower(raw.start_tok - 1)) {
                return Some(r);
            }
        }
        let mut k = raw.end_tok;
        let mut steps = 0;
        while k < self.toks.len() && steps < 4 {
            let t = &self.toks[k];
            if t.kind == Kind::Number
                || matches!(t.text, "," | ";" | "." | ")")
                || matches!(
                    t.lower.as_str(),
                    "which" | "that" | "who" | "and" | "or" | "in" | "on"
                )
            {
                break;
            }
            if let Some(r) = role_of(&t.lower) {
                return Some(r);
            }
            k += 1;
            steps += 1;
        }
        None
    }

    /// The noun a figure counts: the first noun-like word after it ("780 TTP prisoners"),
    /// else one just before it ("troops numbering several thousand").
    /// The index after a bracket opening at `k` that holds only an interval: numbers,
    /// dashes, scale words and the words that name an interval ("95% UI", "CI").
    fn interval_bracket(&self, k: usize) -> Option<usize> {
        let close = match self.toks.get(k)?.text {
            "[" => "]",
            "(" => ")",
            _ => return None,
        };
        let mut numbers = 0;
        for j in k + 1..(k + 14).min(self.toks.len()) {
            let t = &self.toks[j];
            match t.kind {
                Kind::Symbol if t.text == close => return (numbers >= 2).then_some(j + 1),
                Kind::Symbol if matches!(t.text, "-" | "–" | "—" | "%" | "," | "." | ":") => {}
                Kind::Number => numbers += 1,
                Kind::Word
                    if matches!(
                        t.lower.as_str(),
                        "ui" | "ci"
                            | "uncertainty"
                            | "confidence"
                            | "interval"
                            | "range"
                            | "to"
                            | "million"
                            | "billion"
                            | "thousand"
                            | "m"
                            | "bn"
                            | "k"
                            | "lakh"
                            | "crore"
                    ) => {}
                _ => return None,
            }
        }
        None
    }

    /// The unit a figure ending before token `end` is counted per: "/" or "per" and a
    /// unit or a word of `[figures] per_units`, or "a", "an" or "each" and one of those,
    /// right after the figure or after its counted noun (two words at most: "four times
    /// per week", "1.2 million barrels a day").
    fn per_unit(&self, end: usize) -> Option<&'static str> {
        let lex = crate::lexicon::figure_words();
        for k in end..end + 3 {
            let slash = self.is_sym(k, "/") && self.attached(k + 1);
            let marker = slash || matches!(self.lower(k), "per" | "a" | "an" | "each");
            if marker {
                let d = k + 1;
                let (name, after) = match self.unit_at(d) {
                    Some((u, after)) => (u.unit.as_str(), after),
                    None => {
                        let w = self.lower(d);
                        let w = if w.len() > 3 {
                            w.strip_suffix('s').unwrap_or(w)
                        } else {
                            w
                        };
                        (lex.per_units.get(w)?.as_str(), d + 1)
                    }
                };
                if crate::lexicon::FigureWords::has(&lex.not_per, self.lower(after)) {
                    return None;
                }
                // after an article the unit must end its phrase: "a second wave", "a
                // day-care place", "a quarter century" name things
                let article = !slash && self.lower(k) != "per";
                let phrase_goes_on = self.toks.get(after).is_some_and(|t| {
                    (t.kind == Kind::Word && !STOP_AFTER.contains(&t.lower.as_str()))
                        || (t.text == "-" && !t.space_before)
                });
                if article && phrase_goes_on {
                    return None;
                }
                return Some(name);
            }
            // only the counted noun may stand between: words, no number, no clause break
            let t = self.toks.get(k)?;
            if t.kind != Kind::Word || STOP_AFTER.contains(&t.lower.as_str()) {
                return None;
            }
        }
        None
    }

    fn noun(&self, raw: &RawFigure) -> Option<String> {
        if raw.unit == Unit::Duration {
            let w = self.lower(raw.noun_from);
            return DURATION_WORDS
                .iter()
                .find(|(x, _)| *x == w)
                .map(|(_, d)| d.to_string());
        }
        let mut k = raw.noun_from;
        let mut steps = 0;
        // "the 39 million [33.1 million–45.7 million] people", "1.27 million (95% UI
        // 0.911–1.71) deaths": an uncertainty interval stands between a figure and what
        // it counts
        if let Some(after) = self.interval_bracket(k) {
            k = after;
        }
        // a table cell read as "61: TTP attacks in Khyber Pakhtunkhwa"
        if self.is_sym(k, ":") {
            k += 1;
        }
        // "23 million of its people", "hundreds of Pashtun tribal leaders"
        if self.lower(k) == "of" {
            k += 1;
            if matches!(
                self.lower(k),
                "its" | "their" | "the" | "his" | "her" | "our"
            ) {
                k += 1;
            }
        }
        while steps < 5 && k < self.toks.len() {
            let t = &self.toks[k];
            if t.kind != Kind::Word {
                if t.text == "-" && !t.space_before {
                    k += 1;
                    steps += 1;
                    continue;
                }
                break;
            }
            let l = t.lower.as_str();
            if STOP_AFTER.contains(&l) {
                break;
            }
            let all_caps = t.text.len() > 1 && t.text.chars().all(|c| c.is_uppercase());
            let capital = t.text.starts_with(|c: char| c.is_uppercase());
            // possessives are determiners: "Afghanistan's reserves", "the group's members"
            let possessive = l.ends_with("'s") || l.ends_with("’s");
            if all_caps
                || possessive
                || crate::lexicon::figure_words()
                    .noun_skip
                    .iter()
                    .any(|w| w == l)
            {
                k += 1;
                steps += 1;
                continue;
            }
            // plurals, irregular plurals ("policemen", "tribesmen") and count nouns
            if counted_noun(l) {
                // a count noun before a plural is its modifier: "45.2 million death
                // counts" counts counts, as "5 million vaccine doses" counts doses
                if let Some(n) = self.toks.get(k + 1).filter(|n| {
                    n.kind == Kind::Word
                        && n.space_before
                        && !plural_form(l)
                        && plural_form(&n.lower)
                        && !STOP_AFTER.contains(&n.lower.as_str())
                        && !n.text.starts_with(char::is_uppercase)
                }) {
                    return Some(n.lower.clone());
                }
                return Some(l.to_string());
            }
            if capital {
                // proper adjectives and names: "Pakistani Taliban factions"
                k += 1;
                steps += 1;
                continue;
            }
            // a lowercase singular word: keep looking one more ("foreign currency reserves")
            k += 1;
            steps += 1;
        }
        // "the death toll from Monday's bombing … rose to at least 100": a toll counts
        // the dead, whatever nouns sit in between
        let totals = &crate::lexicon::figure_words().total_nouns;
        if let Some(t) = self.toks[..raw.start_tok]
            .iter()
            .rev()
            .take(20)
            .take_while(|t| t.text != ".")
            .find(|t| totals.contains(&t.lower))
        {
            return Some(t.lower.to_string());
        }
        // look back: "troops numbering approximately several thousand", "attacks rose 42%"
        let mut b = raw.start_tok;
        let mut back = 0;
        while b > 0 && back < 6 {
            b -= 1;
            back += 1;
            let t = &self.toks[b];
            if t.kind != Kind::Word {
                if t.kind == Kind::Number
                    || self.name_dash_label(b + 1)
                    || matches!(t.text, "," | ";" | ":" | "(" | ")" | "." | "—" | "–")
                {
                    break;
                }
                continue;
            }
            let l = t.lower.as_str();
            if matches!(l, "and" | "but" | "while" | "whereas" | "or") {
                break;
            }
            // a possessive is a determiner: "Japan's cabinet approved 7.95 trillion yen"
            if l.ends_with("'s") || l.ends_with("’s") {
                continue;
            }
            // a name is not what is counted: "overdose deaths in the United States at
            // 107,543" counts deaths (a capital that only starts the sentence is no name)
            let starts_sentence = b == 0 || matches!(self.toks[b - 1].text, "." | "!" | "?");
            if t.text.starts_with(char::is_uppercase) && !starts_sentence {
                continue;
            }
            if plural_s(l)
                && !matches!(
                    l,
                    "was"
                        | "has"
                        | "its"
                        | "this"
                        | "thus"
                        | "makes"
                        | "sees"
                        | "versus"
                        | "vs"
                        | "across"
                )
            {
                // "people of all ages", "families of all sizes": what is counted stands
                // before the "of all"
                if b >= 3
                    && matches!(self.lower(b - 1), "all" | "both" | "every" | "any")
                    && self.lower(b - 2) == "of"
                    && self.toks[b - 3].kind == Kind::Word
                    && counted_noun(self.lower(b - 3))
                {
                    return Some(self.lower(b - 3).to_string());
                }
                return Some(l.to_string());
            }
            if crate::lexicon::FigureWords::has(&crate::lexicon::figure_words().singular_nouns, l)
                && l != "increase"
            {
                return Some(l.to_string());
            }
        }
        self.subject_noun(raw)
    }

    /// A bare count ("rose 15% in 2019, from 127 to 146", "149 last year compared with
    /// 133") counts what its sentence is about: the first plural noun of the sentence,
    /// when no other figure stands between it and this one.
    fn subject_noun(&self, raw: &RawFigure) -> Option<String> {
        if raw.unit != Unit::Count || self.name_dash_label(raw.start_tok) {
            return None;
        }
        // the sentence's start, within a bounded reach
        let mut start = raw.start_tok;
        let mut back = 0;
        while start > 0 && back < SUBJECT_REACH {
            if matches!(self.toks[start - 1].text, "." | "!" | "?" | ";" | ":" | "|") {
                break;
            }
            start -= 1;
            back += 1;
        }
        if back == SUBJECT_REACH {
            return None;
        }
        let not_plural = &crate::lexicon::figure_words().not_plurals;
        // another count between them is what the noun counts ("380,000 doses, far short
        // of the three million"); a year or a percent is not
        let count_between = (start..raw.start_tok).any(|k| {
            let t = &self.toks[k];
            t.kind == Kind::Number
                && year_number(t.text).is_none()
                && !matches!(
                    self.toks.get(k + 1).map(|n| n.lower.as_str()),
                    Some("%" | "percent" | "per" | "pc")
                )
        });
        if count_between {
            return None;
        }
        for k in start..raw.start_tok {
            let t = &self.toks[k];
            if t.kind != Kind::Word {
                continue;
            }
            let l = t.lower.as_str();
            let name = t.text.starts_with(char::is_uppercase) && k != start;
            // (a possessive is a determiner: "the state's answer")
            let possessive = l.ends_with("'s") || l.ends_with("’s");
            if name || possessive || STOP_AFTER.contains(&l) || not_plural.iter().any(|w| w == l) {
                continue;
            }
            if plural_form(l) {
                return Some(l.to_string());
            }
        }
        None
    }
}

/// A word that looks like a plural noun by its ending ("attacks"; not "class").
fn plural_s(l: &str) -> bool {
    l.ends_with('s') && !l.ends_with("ss") && l.len() > 3
}

/// [`plural_s`], or an irregular plural in "-men" ("policemen", "tribesmen").
fn plural_form(l: &str) -> bool {
    plural_s(l) || (l.ends_with("men") && l.len() > 4)
}

/// A word that names what a figure counts: a plural, or a count noun of the lexicon
/// ("people", "toll").
fn counted_noun(l: &str) -> bool {
    plural_form(l)
        || crate::lexicon::FigureWords::has(&crate::lexicon::figure_words().singular_nouns, l)
}

/// The year a four-digit number names, 1800 to 2100 ("2023"; not "2,023" or "12.5").
fn year_number(text: &str) -> Option<i32> {
    if text.len() != 4 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|y| (1800..=2100).contains(y))
}

/// How many tokens back a bare count's sentence may start for its subject to be read.
const SUBJECT_REACH: usize = 40;

/// Verbs that say what happened to the counted thing, by the role they give it
/// (`[roles]` in `lexicon/default.toml`).
fn role_of(word: &str) -> Option<&'static str> {
    crate::lexicon::roles()
        .iter()
        .find(|(_, words)| words.iter().any(|w| w == word))
        .map(|(role, _)| role.as_str())
}

#[derive(Debug, Clone)]
struct RawFigure {
    start_tok: usize,
    end_tok: usize,
    value: f64,
    low: f64,
    high: f64,
    unit: Unit,
    currency: Option<&'static str>,
    qualifier: Qualifier,
    noun_from: usize,
    measure: Option<&'static crate::lexicon::UnitDef>,
    /// The token the measure's unit starts at.
    unit_tok: usize,
    form: Form,
}

/// Years a text speaks of, with their byte offsets, leaving out the baselines it
/// compares with ("an 82.9% pass rate, up on 2022" speaks of its own year, not 2022).
pub fn own_years(text: &str) -> Vec<(usize, i32)> {
    years_of(&Parser::new(text))
        .into_iter()
        .filter(|(_, _, baseline)| !baseline)
        .map(|(p, y, _)| (p, y))
        .collect()
}

/// Years mentioned in a text, with their byte offsets: the figures' time.
pub fn years(text: &str) -> Vec<(usize, i32)> {
    years_of(&Parser::new(text))
        .into_iter()
        .map(|(p, y, _)| (p, y))
        .collect()
}

/// Years with their offsets and whether each is a comparison baseline ("compared with
/// 2020", "than in 2021"): a baseline is not the figure's time.
fn years_of(p: &Parser) -> Vec<(usize, i32, bool)> {
    let mut out = Vec::new();
    for (i, t) in p.toks.iter().enumerate() {
        if t.kind != Kind::Number {
            continue;
        }
        let Some(y) = year_number(t.text) else {
            continue;
        };
        // "1990s" is a decade; "2013/2014" counts as both years
        if p.toks
            .get(i + 1)
            .is_some_and(|n| !n.space_before && n.kind == Kind::Word)
        {
            continue;
        }
        // "$2000", "2000 people" read as quantities are not years
        if i > 0 && matches!(p.toks[i - 1].text, "$" | "£" | "€") {
            continue;
        }
        // "2000 MW" is a measure, "2000 deaths were recorded" a count
        if p.unit_at(i + 1).is_some() || p.year_counts_people(i) {
            continue;
        }
        if p.is_citation_year(i) {
            continue;
        }
        out.push((t.start, y, p.is_baseline_year(i)));
    }
    out
}

/// The year a figure refers to, and whether it is its own (in its clause): one in the
/// same clause, else one earlier in the sentence.
fn year_for(
    text: &str,
    years: &[(usize, i32, bool)],
    span: &Range<usize>,
    owned: &[usize],
    spans: &[Range<usize>],
) -> Option<(i32, bool)> {
    if let Some(y) = year_before_bracket(text, years, span) {
        return Some((y, true));
    }
    year_of_clause(text, years, span)
        // "96.4 µg/m³ from 84 µg/m³ in 2020": a year after a nearer figure is that
        // figure's
        .filter(|(p, _)| {
            !(*p >= span.end
                && owned.contains(p)
                && spans.iter().any(|g| g.start >= span.end && g.end <= *p))
        })
        // a name's year before the figure yields to its gloss's ("The 2025 tally is
        // above the record of 988,524 hectares, set in 2017")
        .map(|(p, y)| {
            let named = p < span.start && attributive_year(text, p);
            let gloss = named
                .then(|| year_in_gloss(text, years, span, spans))
                .flatten();
            (gloss.unwrap_or(y), true)
        })
        .or_else(|| year_in_gloss(text, years, span, spans).map(|y| (y, true)))
        .or_else(|| year_before(years, span, owned).map(|y| (y, false)))
}

/// The year right before the bracket a figure glosses alone: in "the floods of August
/// 2002 (4.75 billion euros) and of June 2013" the euros are 2002's, and the year after
/// the bracket belongs to the sentence that goes on.
fn year_before_bracket(
    text: &str,
    years: &[(usize, i32, bool)],
    span: &Range<usize>,
) -> Option<i32> {
    /// Words the bracket may hold besides the figure ("(about $5bn)", "(€46bn in all)").
    const BRACKET_WORDS: usize = 3;
    let open = text[..span.start].rfind(['(', ')'])?;
    if &text[open..open + 1] != "(" {
        return None;
    }
    let inside_before = &text[open + 1..span.start];
    let close = text[span.end..].find([')', '('])? + span.end;
    // (a bracket may go on after a comma: "in 2014 (149 victims killed, mostly
    // children)" glosses the event of 2014 with its figure first)
    let part_end = text[span.end..close]
        .find(',')
        .map_or(close, |c| c + span.end);
    if &text[close..close + 1] != ")"
        || inside_before.split_whitespace().count()
            + text[span.end..part_end].split_whitespace().count()
            > BRACKET_WORDS
    {
        return None;
    }
    // the bracket's figure is the only one in it and a year ends the words before it
    // (a baseline's too: "up 78 percent compared to 2022 (1,801)" gives 2022's figure)
    let before = text[..open].trim_end();
    years
        .iter()
        .find(|y| y.0 < open && before.len() == y.0 + 4)
        .map(|y| y.1)
}

/// The year of a short clause right after the figure's that glosses it and holds no
/// figure of its own: "a record of 988,524 hectares, set in 2017".
fn year_in_gloss(
    text: &str,
    years: &[(usize, i32, bool)],
    span: &Range<usize>,
    spans: &[Range<usize>],
) -> Option<i32> {
    /// At most this many words before the year in the gloss: "set in 2017", "recorded
    /// in May 2019".
    const GLOSS_WORDS: usize = 3;
    /// How far after the figure its gloss may end, in bytes.
    const GLOSS_REACH: usize = 120;
    let marks = [',', ';', '(', ')'];
    // (within a short reach of the figure: a gloss follows it closely)
    let hi = crate::text::ceil_boundary(text, span.end.saturating_add(GLOSS_REACH));
    let text = &text[..hi];
    let open = crate::text::mark_after(text, span.end, &marks)?;
    // (a figure in brackets: what follows them goes on with the sentence)
    if text[open..].starts_with(')') {
        return None;
    }
    if !text[span.end..open].trim().is_empty()
        && text[span.end..open].split_whitespace().count() > 3
    {
        return None;
    }
    let from = open + 1;
    let end = crate::text::mark_after(text, from, &[',', ';', '(', ')', '.']).unwrap_or(text.len());
    if spans.iter().any(|g| g.start >= from && g.start < end) {
        return None;
    }
    years
        .iter()
        .filter(|y| !y.2 && y.0 >= from && y.0 < end)
        .find(|y| text[from..y.0].split_whitespace().count() <= GLOSS_WORDS)
        .map(|y| y.1)
}

/// The year in a figure's own clause, with its offset: the nearest after the figure
/// ("12,616 in 2022"), else one before it in the clause.
fn year_of_clause(
    text: &str,
    years: &[(usize, i32, bool)],
    span: &Range<usize>,
) -> Option<(usize, i32)> {
    // a baseline ("an increase from 2022", "than in 2021") is the time compared with,
    // not the figure's own: the figure is of a later time the text leaves unsaid
    let years: Vec<(usize, i32)> = years.iter().filter(|y| !y.2).map(|y| (y.0, y.1)).collect();
    if years.is_empty() {
        return None;
    }
    let clause_start = text[..span.start]
        .rfind([',', ';', '(', ')'])
        .map(|p| p + 1)
        .unwrap_or(0);
    let mut clause_end = text[span.end..]
        .find([',', ';', '(', ')'])
        .map(|p| p + span.end)
        .unwrap_or(text.len());
    // "from Nov. 1 to Dec. 31, 2024": the comma of a date leaves its year in the clause
    if text[..clause_end].ends_with(|c: char| c.is_ascii_digit())
        && years.iter().any(|(p, _)| {
            *p > clause_end && text[clause_end + 1..*p].trim().is_empty() && {
                let head = text[..clause_end].trim_end_matches(|c: char| c.is_ascii_digit());
                let word = head
                    .trim_end()
                    .trim_end_matches('.')
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .unwrap_or("");
                is_month(word)
            }
        })
    {
        let end = text[clause_end + 1..]
            .find([',', ';', '(', ')'])
            .map_or(text.len(), |p| p + clause_end + 1);
        // (not a span's first date: "from October 1, 2022, to September 30, 2023")
        let next = text[end..].trim_start_matches([',', ' ']).to_lowercase();
        if !next.starts_with("to ") && !next.starts_with("through ") && !next.starts_with("until ")
        {
            clause_end = end;
        }
    }
    let after = years.iter().any(|(p, _)| *p >= span.end && *p < clause_end);
    let in_clause = years
        .iter()
        .filter(|(p, _)| *p >= clause_start && *p < clause_end)
        .min_by_key(|(p, _)| {
            if *p >= span.end {
                p - span.end
            } else if after && attributive_year(text, *p) {
                // "The 2024 Global Report counted 281.6 million … in 2023": a year
                // that names an edition or event yields to a period after the figure
                usize::MAX
            } else {
                // a year before the figure in the same clause is a little further
                span.start.saturating_sub(*p) + 8
            }
        });
    in_clause.copied()
}

/// Whether the year at byte `at` is a name's attribute: after a determiner ("the 2024
/// report", "its 2023 budget") and before a word.
fn attributive_year(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end();
    let word = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
        .to_lowercase();
    let after = text[at..].trim_start_matches(|c: char| c.is_ascii_digit());
    let followed_by_word =
        after.starts_with(' ') && after.trim_start().starts_with(|c: char| c.is_alphabetic());
    followed_by_word && crate::lexicon::attributive_year_words().contains(&word)
}

/// A year earlier in the sentence still frames a figure whose clause has none (a later
/// one rarely does), unless that year is another figure's own: in "to Rs 12,616 in 2022
/// from Rs 13,616 in 2012, … slipped to Rs 8,623" neither year is that of 8,623.
fn year_before(years: &[(usize, i32, bool)], span: &Range<usize>, owned: &[usize]) -> Option<i32> {
    years
        .iter()
        .filter(|y| !y.2 && !owned.contains(&y.0))
        .rev()
        .find(|(p, _, _)| *p < span.start)
        .map(|(_, y, _)| *y)
}

/// All figures in `text`, in order. Spans are byte ranges into `text`.
/// A rupee of a country the text does not name ("Rs", "rupees"): it agrees with any
/// rupee (PKR, INR, LKR, NPR) and with no other currency.
pub const RUPEE: &str = "RUPEE";

/// Whether two currencies can be the same money: equal, or an unnamed rupee and a named
/// one.
pub fn same_currency(a: &str, b: &str) -> bool {
    let member = |family: &str, code: &str| {
        currencies()
            .families
            .iter()
            .any(|(f, members)| f == family && members.iter().any(|m| m == code))
    };
    a == b || member(a, b) || member(b, a)
}

/// A spelling as the figure reader's tokens: each lowercase, with whether a space may
/// come before it ("a$" needs the "$" attached; "us $" allows a space).
type Spelling = Vec<(String, bool)>;

/// `lexicon/currencies.toml`, tokenized once.
struct Currencies {
    /// Case-sensitive letters glued before an amount ("N", "R", "Sh") and their code.
    letters: Vec<(&'static str, &'static str)>,
    before: Vec<(Spelling, &'static str)>,
    after: Vec<(Spelling, &'static str)>,
    subunits: Vec<(Spelling, &'static str, f64)>,
    /// Case-sensitive letters glued after an amount ("50p") and their code and factor.
    glued_subunits: Vec<(&'static str, &'static str, f64)>,
    families: Vec<(String, Vec<String>)>,
}

/// Whether `word` (letters only, any case) is a currency written before a number ("Rs",
/// "USD", "Tk"): a stop after it ("Rs. 500") does not end a sentence.
pub fn is_currency_word(word: &str) -> bool {
    let w = word.to_lowercase();
    w == "rs"
        || currencies()
            .before
            .iter()
            .any(|(sp, _)| sp.len() == 1 && sp[0].0 == w && w.chars().all(char::is_alphabetic))
}

fn currencies() -> &'static Currencies {
    #[derive(serde::Deserialize)]
    struct Currency {
        code: String,
        before: Vec<String>,
        after: Vec<String>,
        /// Letters written glued before an amount, case as written ("N3.2 trillion").
        #[serde(default)]
        letters: Vec<String>,
    }
    #[derive(serde::Deserialize)]
    struct Subunit {
        code: String,
        factor: f64,
        after: Vec<String>,
        /// Letters glued after the amount, case as written ("50p").
        #[serde(default)]
        glued: Vec<String>,
    }
    #[derive(serde::Deserialize)]
    struct Family {
        code: String,
        members: Vec<String>,
    }
    #[derive(serde::Deserialize)]
    struct File {
        currency: Vec<Currency>,
        subunit: Vec<Subunit>,
        family: Vec<Family>,
    }
    static FILE: OnceLock<File> = OnceLock::new();
    static TABLE: OnceLock<Currencies> = OnceLock::new();
    TABLE.get_or_init(|| {
        let file = FILE.get_or_init(|| {
            toml::from_str(crate::lexicon::CURRENCIES)
                .expect("lexicon/currencies.toml is valid (tested)")
        });
        let spelling = |s: &str| -> Spelling {
            tokenize(s)
                .into_iter()
                .map(|t| (t.lower, t.space_before))
                .collect()
        };
        let table = |pick: fn(&'static Currency) -> &'static Vec<String>| {
            let mut out: Vec<(Spelling, &'static str)> = file
                .currency
                .iter()
                .flat_map(|c| pick(c).iter().map(move |s| (spelling(s), c.code.as_str())))
                .collect();
            out.sort_by_key(|(sp, _)| std::cmp::Reverse(sp.len()));
            out
        };
        Currencies {
            letters: file
                .currency
                .iter()
                .flat_map(|c| c.letters.iter().map(move |l| (l.as_str(), c.code.as_str())))
                .collect(),
            before: table(|c| &c.before),
            after: table(|c| &c.after),
            glued_subunits: file
                .subunit
                .iter()
                .flat_map(|u| {
                    u.glued
                        .iter()
                        .map(move |l| (l.as_str(), u.code.as_str(), u.factor))
                })
                .collect(),
            subunits: file
                .subunit
                .iter()
                .flat_map(|u| {
                    u.after
                        .iter()
                        .map(move |s| (spelling(s), u.code.as_str(), u.factor))
                })
                .collect(),
            families: file
                .family
                .iter()
                .map(|f| (f.code.clone(), f.members.clone()))
                .collect(),
        }
    })
}

/// Text longer than this is read in windows (see [`extract_figures`]).
const WINDOW_BYTES: usize = 2048;
/// Context kept on each side of a window: a figure's qualifier, noun, role and year are
/// read from its clause, never from further away.
const WINDOW_CONTEXT: usize = 512;
/// Tokens longer than this are never figures (a 400-digit "number" is noise).
pub const MAX_FIGURE_TOKEN: usize = 40;

/// The figures of a text, in order. A long text (a paragraph per line, a source with no
/// sentence breaks) is read in windows of [`WINDOW_BYTES`] with [`WINDOW_CONTEXT`] on
/// each side, keeping the figures that start inside each window, so the cost is linear
/// in the text however many figures it holds.
pub fn extract_figures(text: &str) -> Vec<Figure> {
    if text.len() <= WINDOW_BYTES + 2 * WINDOW_CONTEXT {
        return extract_window(text);
    }
    let mut out: Vec<Figure> = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = crate::text::floor_boundary(text, start + WINDOW_BYTES);
        // cut at a space, so no figure starts across the cut
        if end < text.len() {
            if let Some(sp) = text[start..end].rfind(char::is_whitespace) {
                if sp > 0 {
                    end = start + sp;
                }
            }
        } else {
            end = text.len();
        }
        if end <= start {
            end = crate::text::ceil_boundary(text, start + WINDOW_BYTES);
        }
        let from = crate::text::floor_boundary(text, start.saturating_sub(WINDOW_CONTEXT));
        let to = crate::text::ceil_boundary(text, end + WINDOW_CONTEXT);
        for mut f in extract_window(&text[from..to]) {
            let s = f.span.start + from;
            if s >= start && s < end && out.last().is_none_or(|l| l.span.end <= s) {
                f.span = s..f.span.end + from;
                f.unit_start = f.unit_start.map(|u| u + from);
                out.push(f);
            }
        }
        start = end;
    }
    out
}

/// Whether `digits` is one to three digits, a dot and three more ("6.416").
fn dot_thousands(digits: &str) -> bool {
    digits.split_once('.').is_some_and(|(a, b)| {
        (1..=3).contains(&a.len())
            && b.len() == 3
            && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
    })
}

fn extract_window(text: &str) -> Vec<Figure> {
    let p = Parser::new(text);
    let yrs = years_of(&p);
    let links = link_spans(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < p.toks.len() {
        // a link is no prose: "…?q=30%25%2020%" holds no percent
        if links.iter().any(|l| l.contains(&p.toks[i].start)) {
            i += 1;
            continue;
        }
        match p.figure_at(i) {
            Some((raw, next)) if next > i => {
                let start = p.toks[raw.start_tok].start;
                let end = p.toks[raw.end_tok - 1].end;
                // for durations the span includes the unit word; the noun is the unit
                // a measure's unit says what it is; the words after it ("6GW within
                // minutes") are no counted noun
                let mut noun = if raw.unit == Unit::Measure {
                    None
                } else {
                    p.noun(&raw)
                };
                let role = p.role(&raw);
                // "6.416 deaths", "368.000 marchers": a dot grouping thousands, as much
                // of Europe and Latin America writes them (things counted whole are not
                // counted in thousandths; "2.125 children per woman" is a rate)
                let mut raw = raw;
                let numbers: Vec<&str> = p.toks[raw.start_tok..raw.end_tok]
                    .iter()
                    .filter(|t| t.kind == Kind::Number)
                    .map(|t| t.text)
                    .collect();
                if noun.is_some()
                    && raw.unit == Unit::Count
                    && raw.form == Form::Plain
                    // (unscaled: "9.495 million" is no grouping)
                    && !numbers.is_empty()
                    && numbers
                        .iter()
                        .all(|t| dot_thousands(t) && t.parse::<f64>().ok() == Some(raw.value))
                    && !crate::frame::rate_follows(text.get(end..).unwrap_or(""))
                {
                    raw.value *= 1000.0;
                    raw.low *= 1000.0;
                    raw.high *= 1000.0;
                }
                // "33 attacks in July, seven more than in June": a comparative counts
                // what the figure before it counts
                if noun.is_none() && p.comparative_after(&raw) {
                    noun = out
                        .iter()
                        .rev()
                        .find(|f: &&Figure| f.unit == raw.unit && f.noun.is_some())
                        .and_then(|f| f.noun.clone());
                }
                let span = start..end;
                let (low, high) = interval(raw.qualifier, raw.value, raw.low, raw.high);
                // a negative "about -5" reaches from -5.5 to -4.5
                let (low, high) = if low <= high {
                    (low, high)
                } else {
                    (high, low)
                };
                let fig = Figure {
                    text: text[span.clone()].to_string(),
                    year: None,
                    own_year: false,
                    span,
                    value: raw.value,
                    low,
                    high,
                    unit: raw.unit,
                    currency: raw.currency,
                    qualifier: raw.qualifier,
                    noun,
                    role,
                    measure: raw.measure.map(Measure::of),
                    unit_start: raw.measure.map(|_| p.toks[raw.unit_tok].start),
                    form: raw.form,
                    per: None,
                    dated: false,
                    per_unit: p.per_unit(raw.end_tok),
                };
                let fig = carry_unit_of_change(&p, raw.start_tok, &out, fig);
                out.push(fig);
                i = next;
            }
            _ => i += 1,
        }
    }
    // "17.4 per 100,000": the number a rate counts per is part of the rate, not a
    // figure of its own (a figure checked alone, it would be flagged wherever the source
    // words the rate otherwise)
    let mut kept: Vec<Figure> = Vec::with_capacity(out.len());
    // what each kept figure reaches to, its denominator included: the year after "5.4
    // per 100,000 in 2022" is the rate's
    let mut extents: Vec<Range<usize>> = Vec::with_capacity(out.len());
    for f in out {
        // ("1 life for every 200 children": after a one, the denominator is the figure)
        let denominator = kept.last().is_some_and(|prev: &Figure| {
            prev.value != 1.0
                && prev.span.end <= f.span.start
                && crate::frame::introduces_denominator(&text[prev.span.end..f.span.start])
        });
        match extents.last_mut() {
            Some(e) if denominator => {
                e.end = f.span.end;
                if let Some(rate) = kept.last_mut() {
                    rate.per = Some(f.value);
                }
            }
            _ => {
                extents.push(f.span.clone());
                kept.push(f);
            }
        }
    }
    let mut out = kept;
    // years that stand right after a figure in its clause belong to that figure
    // (and the year after a baseline figure is that figure's however far: "4.12% higher
    // than the 107.74 million tonnes recorded during 2021-22")
    let owned: Vec<usize> = extents
        .iter()
        .filter_map(|e| year_of_clause(text, &yrs, e))
        .filter(|(p, _)| {
            extents
                .iter()
                .any(|e| *p >= e.end && (*p < e.end + 12 || baseline_figure(text, e)))
        })
        .map(|(p, _)| p)
        .collect();
    let spans = &extents;
    // a sentence that names one year only is of that year throughout ("signed in May
    // 2006, brought a ceasefire that lasted only 50 days")
    // (a span "from 2025-26 to 2028-29" names two, though its start is read as a
    // baseline; "17.2% below 2005 levels in 2023" names one)
    let mut distinct: Vec<i32> = yrs
        .iter()
        .filter(|y| !y.2 || starts_a_span(text, y.0))
        .map(|y| y.1)
        .collect();
    distinct.sort_unstable();
    distinct.dedup();
    let one_year = distinct.len() == 1;
    for (f, extent) in out.iter_mut().zip(&extents) {
        let year = year_for(text, &yrs, extent, &owned, spans);
        f.year = year.map(|y| y.0);
        f.own_year = year.is_some_and(|y| y.1 || one_year);
        // "…, down from the 110,035 deaths recorded the year before": the sentence's year
        // less one, and the figure's own
        if year.is_some_and(|y| !y.1) && said_of_year_before(text, extent, spans) {
            f.year = f.year.map(|y| y - 1);
            f.own_year = true;
        }
        // "From April 2025 the pension rose from £221.20 to £230.25": the figure a
        // change starts from is of an earlier time than the sentence's year
        // (over a span of years, the first: "between 2023 and 2024 … from 33.7% to
        // 34.1%" gives 33.7% to 2023)
        if year.is_some() && starts_a_change(text, &f.span, spans) {
            let span_start = yrs
                .iter()
                .find(|y| y.2 && starts_a_span(text, y.0) && y.0 < f.span.start)
                .map(|y| y.1);
            if span_start.is_some() {
                f.year = span_start;
                f.own_year = true;
            } else if year.is_some_and(|y| !y.1) {
                f.year = None;
            }
        }
    }
    out.retain(|f| !age_band(text, f) && !day_range(text, f) && !time_expression(text, f));
    out
}

/// The few words either side of a figure, lowercased: what the group, date and time
/// tests after reading look at (a bounded slice, never the rest of the text).
struct Around {
    before: String,
    after: String,
    /// `before` reaches the start of the text.
    at_start: bool,
}

fn around(text: &str, f: &Figure) -> Around {
    const REACH: usize = 32;
    let from = crate::text::floor_boundary(text, f.span.start.saturating_sub(REACH));
    let to = crate::text::ceil_boundary(text, (f.span.end + REACH).min(text.len()));
    Around {
        before: text.get(from..f.span.start).unwrap_or("").to_lowercase(),
        after: text.get(f.span.end..to).unwrap_or("").to_lowercase(),
        at_start: from == 0,
    }
}

/// The first word of `text` after any spaces and marks.
fn first_word(text: &str) -> &str {
    text.trim_start()
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("")
}

/// An age that names a group, not a figure: "adults aged 40 to 59", "18 to 24-year-olds",
/// "aged 18 and over", "adults 65 and older", "a 15-year-old boy".
fn age_band(text: &str, f: &Figure) -> bool {
    let ageish = matches!(f.unit, Unit::Count | Unit::Duration)
        && f.currency.is_none()
        && f.value >= 0.0
        && f.value <= 130.0
        && (f.high <= 130.0 || f.high.is_infinite());
    if !ageish {
        return false;
    }
    let Around {
        before,
        after,
        at_start,
    } = around(text, f);
    let before = before.trim_end();
    let aged = [
        "aged",
        "ages",
        "age",
        "aged between",
        "ages of",
        "age of",
        "aged from",
        "aged over",
        "aged under",
    ]
    .iter()
    .any(|w| {
        before
            .strip_suffix(w)
            .is_some_and(|h| h.ends_with(' ') || (h.is_empty() && at_start))
    });
    let years_old = [
        "-year-old",
        "-year old",
        " year-old",
        " year old",
        " years old",
        "-years-old",
        "-old",
    ]
    .iter()
    .any(|w| after.starts_with(w));
    let older = [" and older", " or older", " and younger", " or younger"]
        .iter()
        .any(|w| after.starts_with(w));
    aged || years_old || older
}

/// A duration that says when, not how long: "Two years earlier", "six months later", "a
/// six-year low" ("in the first three days" may be a figure: it stays).
fn time_expression(text: &str, f: &Figure) -> bool {
    if f.unit != Unit::Duration || f.qualifier != Qualifier::Exact {
        return false;
    }
    let after = around(text, f).after;
    let next = first_word(&after);
    matches!(next, "later" | "earlier" | "ago")
        || (f.text.contains('-') && matches!(next, "low" | "lows" | "high" | "highs"))
}

/// A range of days before a month, a date and no figure: "the week of 19 to 25 August".
fn day_range(text: &str, f: &Figure) -> bool {
    let after = around(text, f).after;
    let next = first_word(&after);
    f.qualifier == Qualifier::Range
        && f.unit == Unit::Count
        && f.low >= 1.0
        && f.high <= 31.0
        && f.low.fract() == 0.0
        && f.high.fract() == 0.0
        && month_name(next).is_some()
}

/// "lowered by 60,000 tons to 1.74 million", "from 2.1 GW to 3.4": the level a change
/// reaches is in the unit of the change when it names none of its own.
fn carry_unit_of_change(
    p: &Parser,
    start_tok: usize,
    before: &[Figure],
    mut fig: Figure,
) -> Figure {
    let after_to = start_tok >= 2 && p.lower(start_tok - 1) == "to";
    let change = before
        .last()
        .filter(|f| f.unit == Unit::Measure && after_to && f.span.end == p.toks[start_tok - 2].end);
    // "at 3.8 minutes per flight (3.7 in June-August 2022)": a bare number opening a
    // bracket right after a figure glosses it in its unit
    let glossed = start_tok >= 1
        && p.is_sym(start_tok - 1, "(")
        && before.last().is_some_and(|f| {
            // (only lowercase words between: "Belgium (+148%), Denmark (62,759" glosses
            // Denmark, a name, not the figure)
            let between = p.toks[..start_tok - 1]
                .iter()
                .rev()
                .take_while(|t| t.start >= f.span.end);
            // (nor a number: "78 percent compared to 2022 (1,801)" glosses the year)
            let plain = !between.clone().any(|t| {
                (t.kind == Kind::Symbol && matches!(t.text, ")" | "," | ";" | "("))
                    || t.text.starts_with(char::is_uppercase)
                    || t.kind == Kind::Number
            });
            f.unit != Unit::Count
                && (fig.noun.is_none() || fig.noun == f.noun)
                && f.form == fig.form
                && plain
                && p.toks[start_tok - 1].start >= f.span.end
                && p.toks[start_tok - 1].start - f.span.end <= 24
        });
    if let (Unit::Count, true, Some(gloss)) = (fig.unit, glossed, before.last()) {
        fig.unit = gloss.unit;
        fig.measure = gloss.measure;
        fig.currency = gloss.currency;
        if gloss.unit == Unit::Duration {
            fig.noun = gloss.noun.clone();
        }
        return fig;
    }
    // "pledged $4.6 billion, down from 6 billion", "€40 million from 35 million": the
    // level compared with, a bare number of the same size, is in the figure's unit
    let compared = before.last().filter(|f| {
        let between: Vec<&Tok> = p.toks[..start_tok]
            .iter()
            .rev()
            .take_while(|t| t.start >= f.span.end)
            .collect();
        matches!(f.unit, Unit::Money | Unit::Measure)
            && fig.noun.is_none()
            && fig.form == f.form
            && (0.1..=10.0).contains(&(fig.value / f.value))
            && between.len() <= 4
            && between
                .first()
                .is_some_and(|t| matches!(t.lower.as_str(), "from" | "with" | "against" | "versus"))
            && between.iter().all(|t| {
                (t.kind == Kind::Word && t.text.starts_with(char::is_lowercase)) || t.text == ","
            })
    });
    if let (Unit::Count, Some(level)) = (fig.unit, compared) {
        fig.unit = level.unit;
        fig.measure = level.measure;
        fig.currency = level.currency;
        return fig;
    }
    if let (Unit::Count, Some(change)) = (fig.unit, change) {
        fig.unit = Unit::Measure;
        fig.measure = change.measure;
        // (the unit word read back as its noun is no noun)
        let unit_word = |n: &str| {
            change
                .text
                .to_lowercase()
                .split_whitespace()
                .any(|w| w == n)
        };
        if fig.noun.as_deref().is_some_and(unit_word) {
            fig.noun = None;
        }
    }
    fig
}

/// Whether the figure at `span` is a change's baseline, referred to with an article:
/// "higher than the 107.74 million tonnes", "up from the 221". ("more than 500", a bound,
/// has none.)
fn baseline_figure(text: &str, span: &Range<usize>) -> bool {
    let before = text[..span.start].trim_end();
    let mut words = before
        .rsplit(|c: char| c.is_whitespace())
        .map(|w| w.to_lowercase());
    let (article, lead) = (words.next(), words.next());
    matches!(article.as_deref(), Some("the" | "its" | "their"))
        && matches!(
            lead.as_deref(),
            Some("than" | "from" | "versus" | "vs" | "over" | "with")
        )
}

/// Whether the figure at `span` is the start of a change written "from X to Y": "from"
/// right before it, "to" and another figure right after.
fn starts_a_change(text: &str, span: &Range<usize>, figures: &[Range<usize>]) -> bool {
    let before = text[..span.start].trim_end();
    let cut = before.len().saturating_sub(4);
    let from = before
        .get(cut..)
        .is_some_and(|w| w.eq_ignore_ascii_case("from"))
        && !before[..cut].ends_with(char::is_alphanumeric);
    let after = text[span.end..].trim_start();
    let to = after
        .get(..3)
        .is_some_and(|w| w.eq_ignore_ascii_case("to "));
    let next = span.end + (text[span.end..].len() - after.len()) + 3;
    from && to
        && figures
            .iter()
            .any(|g| g.start >= next && g.start <= next + 2)
}

/// Whether the year at byte `at` opens a span of years: "2025-26 to 2028-29", "2020 and
/// 2024" (after "between"), "2019 through 2021".
fn starts_a_span(text: &str, at: usize) -> bool {
    let rest = text.get(at + 4..).unwrap_or("");
    // a season's second year: "2025-26", "2025/26"
    let rest = rest
        .strip_prefix(['-', '/', '–'])
        .map(|r| r.trim_start_matches(|c: char| c.is_ascii_digit()))
        .unwrap_or(rest);
    let rest = rest.trim_start().to_lowercase();
    ["to ", "and ", "through ", "until "].iter().any(|w| {
        rest.strip_prefix(w)
            .is_some_and(|r| r.trim_start().starts_with(|c: char| c.is_ascii_digit()))
    })
}

/// Whether a `[period] previous_year` phrase follows the figure at `span` in its clause,
/// with no other figure between, and not as a baseline ("up 5% on the year before").
fn said_of_year_before(text: &str, span: &Range<usize>, figures: &[Range<usize>]) -> bool {
    phrase_after(text, span, figures, crate::lexicon::previous_year_phrases())
}

/// Whether a `[period] last_year` phrase ("last year") dates the figure at `span`: after
/// it in its clause, as above, or opening its sentence ("Last year, 151 tonnes …"). The
/// year is then the one before its source was written.
pub fn said_of_last_year(text: &str, span: &Range<usize>, figures: &[Range<usize>]) -> bool {
    let phrases = crate::lexicon::last_year_phrases();
    let head = text[..span.start].trim_start();
    let opens = phrases.iter().any(|p| {
        head.get(..p.len())
            .is_some_and(|h| h.eq_ignore_ascii_case(p))
            && head[p.len()..].starts_with([',', ' '])
    }) && !figures.iter().any(|g| g.end <= span.start);
    // ("over the last year" is the twelve months to the time of writing, not a year)
    let upto = text[..clause_end_after(text, span)].to_lowercase();
    let twelve_months = phrases.iter().any(|p| {
        upto.match_indices(p.as_str())
            .any(|(at, _)| upto[..at].ends_with("the "))
    });
    !twelve_months && (opens || phrase_after(text, span, figures, phrases))
}

/// Where the clause after the figure at `span` ends: the next comma, semicolon, bracket
/// or full stop.
fn clause_end_after(text: &str, span: &Range<usize>) -> usize {
    text[span.end..]
        .find([',', ';', '(', ')', '.'])
        .map_or(text.len(), |p| p + span.end)
}

/// Whether one of `phrases` follows the figure at `span` in its clause, with no other
/// figure between, and not as a baseline ("up 5% on the year before", "than last year").
fn phrase_after(
    text: &str,
    span: &Range<usize>,
    figures: &[Range<usize>],
    phrases: &[String],
) -> bool {
    let after = text[span.end..clause_end_after(text, span)].to_lowercase();
    phrases.iter().any(|phrase| {
        after.match_indices(phrase.as_str()).any(|(at, _)| {
            let word_start = at == 0 || !after[..at].ends_with(char::is_alphanumeric);
            let word_end = !after[at + phrase.len()..].starts_with(char::is_alphanumeric);
            let mut words = after[..at]
                .split_whitespace()
                .rev()
                .chain(std::iter::repeat(""));
            let (w1, w2, w3) = (words.next(), words.next(), words.next());
            let baseline = baseline_lead(w1.unwrap_or(""), w2.unwrap_or(""), w3.unwrap_or(""));
            let between = figures
                .iter()
                .any(|g| g.start >= span.end && g.start < span.end + at);
            word_start && word_end && !baseline && !between
        })
    })
}

/// Whether the words right before a year or a time phrase (`w1` the nearest, lowercase)
/// make it the baseline compared with, not the figure's own time: "than 2021", "from
/// 2022", "on the year before", "than in 2021", "compared with 2020", "in comparison
/// to", "compared to in 2019".
fn baseline_lead(w1: &str, w2: &str, w3: &str) -> bool {
    matches!(
        w1,
        "than" | "from" | "over" | "since" | "on" | "versus" | "vs" | "against"
    ) || (w1 == "in" && w2 == "than")
        // "53 per cent, the same as 2019", "similar to 2022"
        || (w1 == "as" && w2 == "same")
        || (w1 == "to" && w2 == "similar")
        || (matches!(w1, "with" | "to") && matches!(w2, "compared" | "comparison" | "relative"))
        || (w1 == "in" && matches!(w2, "with" | "to") && w3 == "compared")
}

/// Byte spans of the links in a text ("https://…", "www.…"), up to the next space.
fn link_spans(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for pat in ["http://", "https://", "www."] {
        for (start, _) in text.match_indices(pat) {
            if out.iter().any(|r: &Range<usize>| r.contains(&start)) {
                continue;
            }
            let end = text[start..]
                .find(char::is_whitespace)
                .map_or(text.len(), |e| start + e);
            out.push(start..end);
        }
    }
    out
}

/// The interval a qualifier makes of a stated number (DESIGN "Figures").
fn interval(q: Qualifier, value: f64, low: f64, high: f64) -> (f64, f64) {
    match q {
        Qualifier::Exact => (value, value),
        Qualifier::Over | Qualifier::AtLeast => (value, f64::INFINITY),
        // "up to 6,000" is floored at 0, as counts are; "below -30" is not
        Qualifier::UpTo | Qualifier::Under if value < 0.0 => (f64::NEG_INFINITY, value),
        Qualifier::UpTo | Qualifier::Under => (0.0, value),
        Qualifier::Almost => (0.9 * value, value),
        // (a stated margin of error gives its own interval: "55 ± 35")
        Qualifier::About if low < value && value < high => (low, high),
        Qualifier::About => (0.9 * value, 1.1 * value),
        Qualifier::Range | Qualifier::Vague => (low, high),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts of the figures read in `t`, in order.
    fn texts(t: &str) -> Vec<String> {
        extract_figures(t).into_iter().map(|f| f.text).collect()
    }

    fn one(text: &str) -> Figure {
        let f = extract_figures(text);
        assert_eq!(f.len(), 1, "{text:?} gave {f:#?}");
        f.into_iter().next().unwrap()
    }

    /// The one figure of `text`, which must be money: its value and currency.
    fn money(text: &str) -> (f64, Option<&'static str>) {
        let f = one(text);
        assert_eq!(f.unit, Unit::Money, "{text}: {f:?}");
        (f.value, f.currency)
    }

    fn none(text: &str) {
        let f = extract_figures(text);
        assert!(f.is_empty(), "{text:?} gave {f:#?}");
    }

    #[test]
    fn digits_with_separators_and_decimals() {
        assert_eq!(one("freed 780 TTP prisoners").value, 780.0);
        assert_eq!(one("claimed 1,016 lives").value, 1016.0);
        assert_eq!(one("a 7.5 magnitude").value, 7.5);
        assert_eq!(one("released 2,300 TTP prisoners").value, 2300.0);
    }

    #[test]
    fn number_words() {
        assert_eq!(one("up to six thousand fighters").value, 6000.0);
        assert_eq!(one("one hundred and forty-nine victims").value, 149.0);
        assert_eq!(one("more than a dozen factions").value, 12.0);
        assert_eq!(one("a dozen factions").value, 12.0);
        assert_eq!(one("twenty-three people").value, 23.0);
        assert_eq!(one("two million people").value, 2e6);
        assert_eq!(one("seven attacks").value, 7.0);
        assert_eq!(one("displaced up to one million people").value, 1e6);
        assert_eq!(one("forty two attacks").value, 42.0);
        assert_eq!(one("a hundred and two of those").value, 102.0);
        assert_eq!(one("two thousand and nineteen people").value, 2019.0);
        assert_eq!(one("thirty-five thousands").value, 35000.0);
        assert_eq!(extract_figures("TEN ONE")[0].value, 10.0);
        assert_eq!(one("zero attacks").value, 0.0);
        assert_eq!(one("one hundred and forty two victims").value, 142.0);
        assert_eq!(one("two thousand million dollars").value, 2e9);
        assert_eq!(one("20 million pounds").unit, Unit::Money);
    }

    #[test]
    fn scale_words_and_abbreviations() {
        assert_eq!(one("almost 23 million of its people").value, 23e6);
        assert_eq!(one("$7bn in reserves").value, 7e9);
        assert_eq!(one("US$7bn in reserves").value, 7e9);
        assert_eq!(one("a $50m fund").value, 50e6);
        assert_eq!(one("10k fighters").value, 10e3);
        assert_eq!(one("Rs 10 crore").value, 1e8);
        assert_eq!(one("set aside Rs 3 bil\u{AD}lion for relief").value, 3e9);
        assert_eq!(one("2 lakh people").value, 2e5);
        assert_eq!(one("1.5 billion dollars").value, 1.5e9);
        // joined by a hyphen, as South African and some wire copy writes it
        assert_eq!(one("a pre-tax profit of $2.885-billion").value, 2.885e9);
        assert_eq!(one("about 6.2-million were on treatment").value, 6.2e6);
        // a unit letter after a hyphen is no scale: five metres
        assert_eq!(one("a 5-m wall").value, 5.0);
    }

    #[test]
    fn percent_forms() {
        for t in ["a 42% increase", "42 percent", "42 per cent", "42 pc"] {
            let f = one(t);
            assert_eq!((f.value, f.unit), (42.0, Unit::Percent), "{t}");
        }
        // percentage points are not percent: a rise of 3 points is not a rise of 3%
        for t in [
            "42 percentage points",
            "a 42 percentage point rise",
            "up 42pp",
            "42 ppts",
        ] {
            let f = one(t);
            assert_eq!(
                (f.value, f.measure.map(|m| m.dimension)),
                (42.0, Some("percentage points")),
                "{t}"
            );
        }
    }

    #[test]
    fn indian_digit_grouping() {
        assert_eq!(one("claimed 1,68,491 lives").value, 168491.0);
        assert_eq!(one("7,19,558 votes").value, 719558.0);
        assert_eq!(one("1,00,000 houses").value, 100000.0);
        // not a grouping of either kind
        none("a code 12,34 here");
    }

    #[test]
    fn a_bare_number_opening_a_bracket_glosses_the_figure_before_it() {
        let f = extract_figures("delays were 3.8 minutes per flight (3.7 in June-August 2022).");
        assert_eq!(
            (f[1].value, f[1].unit, f[1].noun.as_deref()),
            (3.7, Unit::Duration, Some("minutes"))
        );
        let f = extract_figures("a cost of £3.2bn (2.9 in 2022)");
        assert_eq!((f[1].unit, f[1].currency), (Unit::Money, Some("GBP")));
        // a count's gloss stays a count, and a number far after is no gloss
        assert_eq!(extract_figures("Queensland 281 (276)")[1].unit, Unit::Count);
        let f = extract_figures(
            "It cost £3.2bn, the report on the city's northern bypass says (12 in all).",
        );
        assert_eq!(f[1].unit, Unit::Count);
    }

    #[test]
    fn a_rate_names_what_it_is_counted_per() {
        let per = |t: &str| one(t).per_unit;
        assert_eq!(per("only for $15.4/hour"), Some("hour"));
        assert_eq!(per("he earns £11.44 an hour"), Some("hour"));
        assert_eq!(per("it is used four times per week"), Some("week"));
        assert_eq!(per("rose to $350 per kg"), Some("kg"));
        assert_eq!(per("$4,000 per capita"), Some("person"));
        assert_eq!(per("a density of 5.5 kg/cm³"), Some("cm³"));
        assert_eq!(per("It grew 12 per cent a year."), Some("year"));
        // a time after an article that goes on, or that dates, is no denominator
        assert_eq!(per("prices were 20% higher a year ago"), None);
        assert_eq!(per("5 people died a second time"), None);
        assert_eq!(per("5 people died, a week-long search"), None);
        assert_eq!(per("5 people died in a day"), None);
        assert_eq!(per("12 per cent"), None);
    }

    #[test]
    fn a_lone_t_or_capital_l_after_a_number_is_tonnes_or_litres() {
        let unit = |t: &str| one(t).measure.map(|m| m.unit);
        assert_eq!(unit("278,000 t of wheat"), Some("t"));
        assert_eq!(unit("3 to 4 L of wine"), Some("l"));
        // million metric tons, as the USDA writes them
        assert_eq!(unit("Conab's estimate of 146.858 MMT"), Some("Mt"));
        // glued to more letters, or another case, it is no unit
        assert_eq!(unit("5 t-shirts"), None);
        assert_eq!(unit("5 T"), None);
    }

    #[test]
    fn physical_measures_carry_their_unit() {
        let f = one("Solar output plunged to 6GW within minutes");
        assert_eq!((f.value, f.unit), (6.0, Unit::Measure));
        assert_eq!(
            f.measure.map(|m| (m.dimension, m.unit)),
            Some(("power", "GW"))
        );
        assert_eq!(f.noun, None);
        let f = one("output of 112.74 million tonnes");
        assert_eq!(
            (f.value, f.measure.map(|m| m.unit)),
            (112_740_000.0, Some("t"))
        );
        assert_eq!(one("45°C in the shade").measure.map(|m| m.unit), Some("°C"));
        for (t, unit) in [
            ("a 100 watt bulb", "W"),
            ("200 mg of ibuprofen", "mg"),
            ("30 knots", "kn"),
            ("1,200 square feet", "ft²"),
            ("10 mg/l", "mg/l"),
        ] {
            assert_eq!(one(t).measure.map(|m| m.unit), Some(unit), "{t}");
        }
        let f = one("7-10 GW of demand");
        assert_eq!((f.low, f.high, f.unit), (7.0, 10.0, Unit::Measure));
        // a number before a unit is no year
        let f = one("RTE restored 2000 MW");
        assert_eq!((f.value, f.year), (2000.0, None));
        // "3m" stays 3 million
        assert_eq!(one("it cost 3m").value, 3_000_000.0);
    }

    #[test]
    fn trade_and_dose_units_and_one_letter_symbols_before_a_slash() {
        let unit = |t: &str| one(t).measure.map(|m| (m.dimension, m.unit));
        assert_eq!(unit("output of 9.5 mb/d"), Some(("volume per day", "mb/d")));
        assert_eq!(unit("the file is 9.5 mb"), Some(("data size", "MB")));
        assert_eq!(unit("50 bcm of gas"), Some(("volume", "bcm")));
        assert_eq!(unit("doses of 20 mSv"), Some(("equivalent dose", "mSv")));
        assert_eq!(
            unit("a CT scan gives 14 mGy"),
            Some(("absorbed dose", "mGy"))
        );
        assert_eq!(unit("cooled to 300 kelvin"), Some(("temperature K", "K")));
        // a lone letter is a unit only glued to a "/" and another unit
        let f = one("new cars emit 120 g/km");
        assert_eq!(
            (f.measure.map(|m| m.unit), f.per_unit),
            (Some("g"), Some("km"))
        );
        let f = one("this car uses 10 l/km");
        assert_eq!(
            (f.measure.map(|m| m.unit), f.per_unit),
            (Some("l"), Some("km"))
        );
        assert_eq!(one("a grade of 5 g and more").measure, None);
        assert_eq!(one("14 gray whales").measure, None);
        assert_eq!(one("it cost 3m").value, 3_000_000.0);
    }

    #[test]
    fn units_glued_to_powers_and_kept_in_case() {
        let unit = |t: &str| one(t).measure.map(|m| (m.dimension, m.unit));
        // a power glued to a unit is part of it ("km2", "km^3"), a spaced digit is not
        assert_eq!(unit("an area of 301,338 km2"), Some(("area", "km²")));
        assert_eq!(unit("4km^2 of forest"), Some(("area", "km²")));
        assert_eq!(unit("4 km squared"), Some(("area", "km²")));
        assert_eq!(unit("4km^3 of ice"), Some(("volume", "km³")));
        assert_eq!(unit("4 cubic kilometers of ice"), Some(("volume", "km³")));
        let f = extract_figures("ran 5 km 2 days ago");
        assert_eq!(f[0].measure.map(|m| m.unit), Some("km"), "{f:#?}");
        // "eV" only as written: "EV" is an electric vehicle
        assert_eq!(unit("a bandgap of 1.7 eV"), Some(("energy", "eV")));
        assert_eq!(one("300 EV chargers").unit, Unit::Count);
        for (t, u) in [
            ("930,000 mi from Earth", "mi"),
            ("16.25 nanometers", "nm"),
            ("the large 100 cl bottle", "cl"),
            ("We produced solid 50 Wh today", "Wh"),
            ("10-15 exabytes of data", "EB"),
            ("one thousand bytes", "B"),
            ("½ tbsp of salt", "tbsp"),
            ("⅓ cup of sauce", "cup"),
        ] {
            assert_eq!(one(t).measure.map(|m| m.unit), Some(u), "{t}");
        }
        let f = one("smashed them at 3.5–4.0 TeV");
        assert_eq!(
            (f.low, f.high, f.measure.map(|m| m.unit)),
            (3.5, 4.0, Some("TeV"))
        );
        // dimes and nickels are US coins
        let f = one("That one costs 3 dimes");
        assert_eq!((f.unit, f.currency), (Unit::Money, Some("USD")));
        assert!((f.value - 0.3).abs() < 1e-12);
    }

    #[test]
    fn units_hyphened_shared_fractional_and_marked() {
        let unit = |f: &Figure| f.measure.map(|m| m.unit);
        // hyphened to the number
        let f = one("the 27-kilometer ring");
        assert_eq!((f.value, unit(&f)), (27.0, Some("km")));
        // the unit after the second number is the first's too
        let f = extract_figures("They were given 45 and 50 mg ethanol.");
        assert_eq!(f.iter().map(unit).collect::<Vec<_>>(), [Some("mg"); 2]);
        let f = extract_figures("enough to enable from 50 to 80% to flow");
        assert_eq!(
            f.iter().map(|f| (f.value, f.unit)).collect::<Vec<_>>(),
            [(50.0, Unit::Percent), (80.0, Unit::Percent)]
        );
        // ... with its scale: "5" is not 5 tonnes but 5 million
        let f = extract_figures("5 and 10 million tonnes");
        assert_eq!((f[0].value, unit(&f[0])), (5e6, Some("t")), "{f:#?}");
        // a fraction of a unit is a measure, not a share
        let f = one("approximately one-half miles east");
        assert_eq!((f.value, unit(&f), f.form), (0.5, Some("mi"), Form::Plain));
        // an inch mark, unless the quote closes a quotation
        assert_eq!(unit(&one("Adjustable Wrench 8\"")), Some("in"));
        assert_eq!(unit(&one("a 9″ plate")), Some("in"));
        assert_eq!(one("The class is \"English 101\".").unit, Unit::Count);
        // a sign after the currency
        let f = one("The annual revenue was $-99.99.");
        assert_eq!((f.value, f.currency), (-99.99, Some("USD")));
    }

    #[test]
    fn a_margin_of_error_is_one_figure_about_its_central_value() {
        let f = one("Greenland lost 55 ± 35 Gt of ice.");
        assert_eq!((f.value, f.low, f.high), (55.0, 20.0, 90.0));
        assert_eq!(
            (f.qualifier, f.measure.map(|m| m.unit)),
            (Qualifier::About, Some("Gt"))
        );
        let f = one("a rise of 5 +/- 2%");
        assert_eq!(
            (f.value, f.low, f.high, f.unit),
            (5.0, 3.0, 7.0, Unit::Percent)
        );
        // the central value, stated without its margin, is what the source says
        let s = crate::config::Settings::default();
        let exact = one("Greenland lost 55 Gt of ice.");
        assert_eq!(
            crate::matching::compare(&exact, &one("Greenland lost 55 ± 35 Gt of ice."), &s),
            crate::matching::Agreement::Agree
        );
    }

    #[test]
    fn a_suspended_hyphen_makes_a_range_in_the_second_numbers_unit() {
        let f = one("an 8- to 16-meter optical telescope");
        assert_eq!((f.low, f.high, f.qualifier), (8.0, 16.0, Qualifier::Range));
        assert_eq!(f.measure.map(|m| m.unit), Some("m"));
        let f = one("5- to 10-year prison sentences");
        assert_eq!((f.low, f.high, f.unit), (5.0, 10.0, Unit::Duration));
        // a score is no range
        assert_eq!(extract_figures("a 3-2 win")[0].qualifier, Qualifier::Exact);
    }

    #[test]
    fn a_range_word_makes_a_downward_from_to_a_range() {
        let f = one("temperatures ranged from -18 °C to -34 °C");
        assert_eq!(
            (f.qualifier, f.low, f.high),
            (Qualifier::Range, -34.0, -18.0)
        );
        // without one, from one level to a lower one is a change: two figures
        assert_eq!(extract_figures("fell from 1,739 to 1,000").len(), 2);
    }

    #[test]
    fn exponents_with_the_superscript_lost_or_kept() {
        assert!((one("a factor of 2.48×10−5, with").value - 2.48e-5).abs() < 1e-15);
        assert!((one("a density of 5.5x10-3 kg").value - 5.5e-3).abs() < 1e-15);
        assert_eq!(one("1.3×10⁶ people").value, 1.3e6);
        // a plain "x 10" is no exponent: "2x10 grid" keeps its numbers
        assert_eq!(extract_figures("a 2 x 10 grid").len(), 2);
    }

    #[test]
    fn fractions_of_a_scale_word() {
        assert_eq!(one("half a million people").value, 500_000.0);
        assert_eq!(one("a quarter of a million people").value, 250_000.0);
        assert_eq!(one("three quarters of a million").value, 750_000.0);
        assert_eq!(one("12½ percent").value, 12.5);
    }

    #[test]
    fn signs_are_kept() {
        assert_eq!(one("minus five percent").value, -5.0);
        assert_eq!(one("a fall of -504 points").value, -504.0);
        let f = one("(−2 °C)");
        assert_eq!((f.value, f.low, f.high), (-2.0, -2.0, -2.0));
        // a dash between numbers is a range, not a sign
        assert_eq!(one("7,000-10,000 fighters").low, 7000.0);
        // a dash glued to a number word is a sign; inside a number word it is not
        assert_eq!(one("just -six percent behind").value, -6.0);
        assert_eq!(one("twenty-six percent").value, 26.0);
    }

    #[test]
    fn and_adds_to_a_scaled_number_only_what_has_a_scale_of_its_own() {
        let fs = extract_figures("after expenditure of some US$10 billion and nine rate increases");
        assert_eq!(fs[0].value, 10e9);
        assert_eq!(fs[1].value, 9.0);
        assert_eq!(one("6 crore and two hundred").value, 60_000_200.0);
        assert_eq!(one("$10 billion and five hundred million").value, 10.5e9);
        assert_eq!(one("3 hundred and 21").value, 321.0);
    }

    #[test]
    fn a_figure_counts_what_follows_its_uncertainty_interval() {
        let fs = extract_figures("the 39 million [33.1 million–45.7 million] people");
        assert_eq!(fs[0].noun.as_deref(), Some("people"));
        let fs = extract_figures("1.27 million (95% UI 0.911–1.71) deaths");
        assert_eq!(fs[0].noun.as_deref(), Some("deaths"));
        // a bracket that says more is no interval
        let fs = extract_figures("39 million (in Africa 25.6 million) people");
        assert_eq!(fs[0].noun, None);
    }

    #[test]
    fn a_change_and_a_level_are_two_figures() {
        let fs = extract_figures("Unemployment fell 0.4 percentage points to 4.1%.");
        let got: Vec<_> = fs.iter().map(|f| (f.value, f.qualifier)).collect();
        assert_eq!(got, [(0.4, Qualifier::Exact), (4.1, Qualifier::Exact)]);
        // a bare number before "to" is a range of changes
        assert_eq!(
            one("prices increased 5 to 10 percent").qualifier,
            Qualifier::Range
        );
        // a range's scale is the range's only: "by 60,000 tons to 1.74 million" is a
        // change in tons and the level it reached, in tons too
        let fs = extract_figures("The estimate was lowered by 60,000 tons to 1.74 million.");
        let got: Vec<_> = fs.iter().map(|f| (f.value, f.unit)).collect();
        assert_eq!(
            got,
            [(60000.0, Unit::Measure), (1_740_000.0, Unit::Measure)]
        );
        assert_eq!(fs[1].measure, fs[0].measure);
        assert_eq!(one("exports reached 716,004 MT").unit, Unit::Measure);
        // "mt" is a metric ton, "Mt" a million of them
        let unit = |t: &str| one(t).measure.map(|m| (m.unit, m.factor));
        assert_eq!(unit("output of 222 million mt"), Some(("t", 1e3)));
        assert_eq!(unit("output of 1,018.0 Mt in 2022"), Some(("Mt", 1e9)));
        assert_eq!(one("supply rose to 959,000 bpd").unit, Unit::Measure);
        assert_eq!(one("reserves of 9 billion U.S. dollars").unit, Unit::Money);
        let fs = extract_figures("Starts fell by 16,200 to 43,300 units.");
        let got: Vec<_> = fs.iter().map(|f| (f.value, f.qualifier)).collect();
        assert_eq!(
            got,
            [(16200.0, Qualifier::Exact), (43300.0, Qualifier::Exact)]
        );
        let fs = extract_figures("Revenue rose 15% to $415.9 million.");
        assert_eq!(fs.len(), 2, "{fs:?}");
        assert_eq!((fs[0].value, fs[0].unit), (15.0, Unit::Percent));
        assert_eq!((fs[1].value, fs[1].unit), (415_900_000.0, Unit::Money));
        // a gap that widens or narrows changes too: the change, then the level
        let fs = extract_figures("The deficit widened by £2.8 billion to £5.6 billion.");
        let got: Vec<_> = fs.iter().map(|f| (f.value, f.qualifier)).collect();
        assert_eq!(got, [(2.8e9, Qualifier::Exact), (5.6e9, Qualifier::Exact)]);
        // "versus" is no counted noun
        let fs = extract_figures("The rate was higher (14.3 versus 14.1 per 100,000).");
        assert!(fs.iter().all(|f| f.noun.is_none()), "{fs:?}");
    }

    #[test]
    fn more_bounds_and_durations() {
        assert_eq!(one("exceeded 5,000 cases").qualifier, Qualifier::Over);
        assert_eq!(one("topped 5,000 cases").qualifier, Qualifier::Over);
        assert_eq!(
            one("less than or equal to 30 people").qualifier,
            Qualifier::UpTo
        );
        assert_eq!(one("100 or fewer").qualifier, Qualifier::UpTo);
        assert_eq!(one("3 mins").unit, Unit::Duration);
        assert_eq!(one("2.5 hrs").unit, Unit::Duration);
    }

    #[test]
    fn a_name_and_a_dash_label_a_figure_and_count_nothing() {
        let figs = extract_figures("the counties of Mures - 748, Brasov - 657");
        assert_ne!(figs[0].noun.as_deref(), Some("counties"));
        // a dash between words is no label
        assert_eq!(
            one("of the low-income families 748").noun.as_deref(),
            Some("families")
        );
    }

    #[test]
    fn a_bare_level_compared_with_is_in_the_figures_unit() {
        let figs = extract_figures("The US pledged $4.6 billion, down from 6 billion in 2022.");
        assert_eq!((figs[1].unit, figs[1].currency), (Unit::Money, Some("USD")));
        let figs = extract_figures("Exports reached 5 million tonnes, up from 4.2 million.");
        assert_eq!(figs[1].unit, Unit::Measure);
        // a number of other things, or of another size, keeps its own unit
        let figs = extract_figures("Revenue was $30 million from 40 customers.");
        assert_eq!(figs[1].unit, Unit::Count);
        let figs = extract_figures("It cost $5 million, up from 12 last year.");
        assert_eq!(figs[1].unit, Unit::Count);
    }

    #[test]
    fn counts_that_look_like_years_or_stand_alone() {
        assert_eq!(one("2000 deaths were recorded").value, 2000.0);
        // a year that owns something is the year, compared or not
        none("higher than 2018's previous record");
        none("above 2019’s level");
        none("In 2000 deaths fell");
        assert_eq!(one("one soldier was killed").value, 1.0);
        none("one of the");
    }

    #[test]
    fn currencies_before_and_after_the_number() {
        assert_eq!(money("40 billion USD"), (40e9, Some("USD")));
        assert_eq!(money("a 10 € fee"), (10.0, Some("EUR")));
        assert_eq!(money("20€ each"), (20.0, Some("EUR")));
        assert_eq!(money("¥500 billion"), (500e9, Some("JPY")));
        assert_eq!(money("5 yen"), (5.0, Some("JPY")));
        assert_eq!(money("200 dinars"), (200.0, Some("DINAR")));
        assert_eq!(money("C$300 million"), (300e6, Some("CAD")));
        assert_eq!(money("50 cents"), (0.5, None));
        assert_eq!(money("20 pence"), (0.2, Some("GBP")));
        // "a $5 fee": the article is no Australian dollar
        assert_eq!(money("a $5 fee"), (5.0, Some("USD")));
        assert!(same_currency("DINAR", "KWD") && !same_currency("DINAR", "USD"));
    }

    #[test]
    fn money_forms() {
        let f = one("Pakistan pledged $50 million in humanitarian aid");
        assert_eq!(
            (f.value, f.unit, f.currency),
            (50e6, Unit::Money, Some("USD"))
        );
        let f = one("more than $7 billion of Afghan foreign currency reserves");
        assert_eq!((f.value, f.qualifier), (7e9, Qualifier::Over));
        assert_eq!(f.noun.as_deref(), Some("reserves"));
        let f = one("Rs. 500 million");
        assert_eq!((f.value, f.currency), (500e6, Some(RUPEE)));
        let f = one("PKR 500 million");
        assert_eq!(f.currency, Some("PKR"));
        let f = one("A$7 billion");
        assert_eq!((f.value, f.currency), (7e9, Some("AUD")));
        let f = one("US$7bn");
        assert_eq!(f.currency, Some("USD"));
        let f = one("10 million rupees");
        assert_eq!((f.value, f.unit), (10e6, Unit::Money));
    }

    #[test]
    fn durations() {
        let f = one("a ceasefire that only lasted 50 days");
        assert_eq!(
            (f.value, f.unit, f.noun.as_deref()),
            (50.0, Unit::Duration, Some("days"))
        );
        let f = one("a 50-day ceasefire");
        assert_eq!((f.value, f.unit), (50.0, Unit::Duration));
    }

    #[test]
    fn qualifiers_are_intervals() {
        let f = one("over 100 TTP prisoners");
        assert_eq!(
            (f.qualifier, f.low, f.high),
            (Qualifier::Over, 100.0, f64::INFINITY)
        );
        let f = one("at least 100 people");
        assert_eq!(f.qualifier, Qualifier::AtLeast);
        let f = one("up to 6,000 fighters");
        assert_eq!((f.qualifier, f.low, f.high), (Qualifier::UpTo, 0.0, 6000.0));
        let f = one("as many as 6,000 fighters");
        assert_eq!(f.qualifier, Qualifier::UpTo);
        let f = one("fewer than 50 people");
        assert_eq!(f.qualifier, Qualifier::Under);
        let f = one("almost 500 people");
        assert_eq!((f.low, f.high), (450.0, 500.0));
        for q in [
            "about",
            "around",
            "approximately",
            "some",
            "roughly",
            "an estimated",
        ] {
            let f = one(&format!("{q} 400 militants"));
            assert_eq!(f.qualifier, Qualifier::About, "{q}");
        }
        let f = one("between 7,000 and 10,000 fighters");
        assert_eq!(
            (f.qualifier, f.low, f.high),
            (Qualifier::Range, 7000.0, 10000.0)
        );
        let f = one("7,000–10,000 fighters");
        assert_eq!((f.low, f.high), (7000.0, 10000.0));
        let f = one("7,000-10,000 fighters");
        assert_eq!((f.low, f.high), (7000.0, 10000.0));
        let f = one("more than 100 attacks");
        assert_eq!(f.qualifier, Qualifier::Over);
    }

    #[test]
    fn vague_quantities() {
        let f = one("troops numbering approximately several thousand");
        assert_eq!(
            (f.qualifier, f.low, f.high),
            (Qualifier::Vague, 2000.0, 9999.0)
        );
        assert_eq!(f.noun.as_deref(), Some("troops"));
        let f = one("up to six thousand fighters");
        assert_eq!(f.qualifier, Qualifier::UpTo);
        assert_eq!(
            one("hundreds of Pashtun tribal leaders").noun.as_deref(),
            Some("leaders")
        );
        assert_eq!(one("dozens of attacks").qualifier, Qualifier::Vague);
        assert_eq!(one("thousands of people").low, 2000.0);
        assert_eq!(one("tens of thousands of people").low, 20000.0);
    }

    #[test]
    fn a_figure_in_brackets_is_read_and_an_enumerator_is_not() {
        none("(12) the second clause");
        none("The reasons: (1) cost and (2) time.");
        let f = extract_figures(
            "It grew by (1) making it palatable and (2) reintegrating 12 factions.",
        );
        assert_eq!(
            f.iter().map(|f| f.value).collect::<Vec<_>>(),
            [12.0],
            "{f:?}"
        );
        let f = extract_figures("Queensland 281 (276); Tasmania 48 (44).");
        let values: Vec<f64> = f.iter().map(|f| f.value).collect();
        assert_eq!(values, [281.0, 276.0, 48.0, 44.0], "{f:?}");
        let f = extract_figures("Waits of longer than a year (234,885) were the lowest.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].value, 234885.0, "{f:?}");
        let f = extract_figures("Admissions (1450) fell.");
        assert_eq!(f.first().map(|f| f.value), Some(1450.0), "{f:?}");
    }

    #[test]
    fn a_label_word_before_a_quantity_is_no_label() {
        none("see Issue 5 of the journal");
        none("Volume 12");
        let f = extract_figures("It plans to issue 437,000 study permits in 2025.");
        assert_eq!(f.first().map(|f| f.value), Some(437000.0), "{f:?}");
        let f = extract_figures("That left the volume 5.4% lower than a year before.");
        assert_eq!(f.first().map(|f| f.value), Some(5.4), "{f:?}");
        let f = extract_figures("Visas at bachelors level 100,996 were granted.");
        assert_eq!(f.first().map(|f| f.value), Some(100996.0), "{f:?}");
    }

    #[test]
    fn two_percents_joined_by_a_dash_are_both_read() {
        let f = extract_figures("the gap was seven percent in Sindh (49 percent-42 percent).");
        let values: Vec<f64> = f.iter().map(|f| f.value).collect();
        assert_eq!(values, [7.0, 49.0, 42.0], "{f:?}");
        none("COVID-19");
    }

    #[test]
    fn a_plus_sign_before_a_percent_is_read() {
        let f = extract_figures(
            "Italy (+18.9%) and France (+16.1 per cent) rose; Hungary (-3.4%) fell.",
        );
        let values: Vec<f64> = f.iter().map(|f| f.value).collect();
        assert_eq!(values, [18.9, 16.1, -3.4], "{f:?}");
        assert!(f.iter().all(|f| f.unit == Unit::Percent), "{f:?}");
        // a "+" before other numbers is a label's: a telephone, a grade
        none("Tel: +1.202.457.1700");
        none("call +44");
    }

    #[test]
    fn a_lone_t_after_a_scale_word_is_tonnes() {
        let f = extract_figures("Emissions rose by 410mn t year on year.");
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].unit, Unit::Measure, "{f:?}");
        assert!((f[0].value - 410e6).abs() < 1.0, "{f:?}");
        let f = extract_figures("a new all-time high of 37.4bn t");
        assert_eq!(f[0].unit, Unit::Measure, "{f:?}");
        let f = extract_figures("central banks bought 1,045t, with 333t in the quarter");
        assert_eq!(f[0].measure.map(|m| m.unit), Some("t"), "{f:?}");
        assert_eq!(f[1].measure.map(|m| m.unit), Some("t"), "{f:?}");
        // a "t" after a plain number is no unit
        let f = extract_figures("Group 5 t-shirts were sold.");
        assert!(f.iter().all(|x| x.unit != Unit::Measure), "{f:?}");
        let f = extract_figures("Group 5t-shirts were sold.");
        assert!(f.iter().all(|x| x.unit != Unit::Measure), "{f:?}");
    }

    #[test]
    fn a_year_compared_with_is_not_the_time_spoken_of() {
        let own = |t: &str| own_years(t).into_iter().map(|(_, y)| y).collect::<Vec<_>>();
        assert_eq!(own("Asia reached 65% of 2019 levels."), Vec::<i32>::new());
        assert_eq!(
            own("The class achieved 82.9%, up 2.8% compared to 2022."),
            Vec::<i32>::new()
        );
        assert_eq!(
            own("In 2023 turnover was 4% above 2019 levels."),
            vec![2023]
        );
        assert_eq!(years("Asia reached 65% of 2019 levels.").len(), 1);
    }

    #[test]
    fn years_and_dates_are_not_figures() {
        none("In 2021, the TTP insurgency escalated");
        none("On August 8, a roadside bomb exploded");
        none("Wednesday, January 19, 2022");
        none("On May 8, 2019, Taliban insurgents detonated");
        none("signed in May 2004");
        none("from 2012 to 2015");
        none("the late 1970s onwards");
        none("the 9/11 attacks");
        none("(Haqqani, 2016, p. 336)");
        none("EFSAS STUDY PAPER No. 5 | June 2022");
        none("Tel: +1.202.457.1700");
        none("the 21st century");
        none("(1) making it more politically palatable");
        none("from 2013/2014 onwards");
        none("One possibility is that");
        none("Journal 4(1), pp. 74-100");
        none("unites factions under one umbrella");
        assert_eq!(
            one("talks went on for about two weeks").qualifier,
            Qualifier::About
        );
        assert_eq!(one("a 42% rise, measured over 2020").year, None);
        assert_eq!(one("more than 2000 people").value, 2000.0);
        assert_eq!(one("at least one person").value, 1.0);
    }

    #[test]
    fn a_decimal_comma_is_read_where_the_number_is_plainly_a_quantity() {
        let v = |t: &str| {
            extract_figures(t)
                .first()
                .map(|f| (f.value * 100.0).round() / 100.0)
        };
        assert_eq!(v("net income of US$36,6 billion"), Some(36.6e9));
        assert_eq!(v("some 12,5 million visitors"), Some(12.5e6));
        assert_eq!(v("a margin of 3,3 percent"), Some(3.3));
        assert_eq!(v("output fell to 3,8 GW"), Some(3.8));
        assert_eq!(v("1,234 people"), Some(1234.0));
        // no quantity marker: not a number at all
        assert_eq!(v("see pages 4,5"), None);
    }

    #[test]
    fn up_to_after_a_verb_of_change_is_a_level() {
        let f = extract_figures("The rate shot up to 8.3% in December.");
        assert_eq!(
            (f[0].text.as_str(), f[0].qualifier),
            ("8.3%", Qualifier::Exact)
        );
        let f = extract_figures("The deficit was later revised up to Rs8,838 billion.");
        assert_eq!(f[0].qualifier, Qualifier::Exact);
        assert_eq!(
            extract_figures("Up to 40 people died.")[0].qualifier,
            Qualifier::UpTo
        );
    }

    #[test]
    fn fractions_and_ratios_are_shares_in_percent() {
        let share = |t: &str| {
            let f = extract_figures(t);
            let f = f.first().unwrap_or_else(|| panic!("no figure in {t:?}"));
            assert_eq!(f.form, Form::Share, "{t:?}: {f:?}");
            assert_eq!(f.unit, Unit::Percent, "{t:?}");
            (f.text.clone(), (f.value * 10.0).round() / 10.0)
        };
        assert_eq!(
            share("Two-thirds of voters backed it."),
            ("Two-thirds".into(), 66.7)
        );
        assert_eq!(
            share("A third of schools closed."),
            ("A third".into(), 33.3)
        );
        assert_eq!(
            share("three quarters of the land"),
            ("three quarters".into(), 75.0)
        );
        assert_eq!(
            share("One in five children is stunted."),
            ("One in five".into(), 20.0)
        );
        assert_eq!(
            share("3 out of 4 doctors agree."),
            ("3 out of 4".into(), 75.0)
        );
        assert_eq!(
            share("one in every ten homes"),
            ("one in every ten".into(), 10.0)
        );
        assert_eq!(share("Half of the schools shut."), ("Half".into(), 50.0));
        let f = extract_figures("nearly two thirds of seats");
        assert_eq!(f[0].qualifier, Qualifier::Almost);
        // "a maximum of" after a verb of reaching is the extreme reached, not a bound
        let f = &extract_figures("with a maximum of 179.4 mm in one hour")[0];
        assert_eq!((f.value, f.qualifier), (179.4, Qualifier::Exact));
        let f = one("a maximum of 50 people may attend");
        assert_eq!((f.value, f.qualifier), (50.0, Qualifier::UpTo));
        // "half" before a determiner, or after "by", is a share as "half of" is
        assert_eq!(share("half the population voted"), ("half".into(), 50.0));
        assert_eq!(share("Rates fell by half."), ("half".into(), 50.0));
        // a comparator or a hedge before a share bounds it
        let f = extract_figures("More than half their income goes on rent.");
        assert_eq!(
            (f[0].text.as_str(), f[0].qualifier),
            ("More than half", Qualifier::Over)
        );
        let f = extract_figures("Nearly half of the 300 schools");
        assert_eq!(
            (f[0].text.as_str(), f[0].qualifier),
            ("Nearly half", Qualifier::Almost)
        );
        // not shares: an ordinal, a year, a scale
        assert!(extract_figures("for a third time").is_empty());
        assert!(extract_figures("the third largest city").is_empty());
        assert_eq!(extract_figures("half a million people")[0].value, 500_000.0);
        assert!(extract_figures("2 in 2020")
            .iter()
            .all(|f| f.form == Form::Plain));
    }

    #[test]
    fn multipliers_are_read_as_multipliers() {
        let m = |t: &str| {
            let f = extract_figures(t);
            let f = f
                .iter()
                .find(|f| f.form == Form::Multiplier)
                .unwrap_or_else(|| panic!("{t:?}: {f:?}"));
            (f.text.clone(), f.value)
        };
        assert_eq!(m("Sales doubled to 400 units."), ("doubled".into(), 2.0));
        assert_eq!(m("Exports rose threefold."), ("threefold".into(), 3.0));
        assert_eq!(
            m("The toll was three times higher."),
            ("three times".into(), 3.0)
        );
        assert_eq!(m("a 2.5-fold rise"), ("2.5-fold".into(), 2.5));
        assert_eq!(m("Costs halved."), ("halved".into(), 0.5));
        // "three times" without a comparison counts occurrences
        assert!(extract_figures("He was arrested three times.")
            .iter()
            .all(|f| f.form == Form::Plain));
    }

    #[test]
    fn from_one_level_to_another_is_two_figures_not_a_range() {
        let f = extract_figures("Cases went from 1,000 to 1,739.");
        let texts: Vec<&str> = f.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["1,000", "1,739"]);
        assert!(f.iter().all(|f| f.qualifier == Qualifier::Exact));
        // a range word keeps the range
        let f = extract_figures("Estimates ranging from 5 to 10 people.");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].qualifier, Qualifier::Range);
        assert_eq!((f[0].low, f[0].high), (5.0, 10.0));
        assert_eq!(
            extract_figures("7,000 to 10,000 fighters")[0].qualifier,
            Qualifier::Range
        );
    }

    #[test]
    fn a_change_to_a_level_many_times_larger_is_two_figures_not_a_range() {
        let f = extract_figures("balances decreased $8 billion to $1.48 trillion in 2019");
        let texts: Vec<&str> = f.iter().map(|f| f.text.as_str()).collect();
        assert_eq!(texts, ["$8 billion", "$1.48 trillion"]);
        assert!(f.iter().all(|f| f.qualifier == Qualifier::Exact));
        // ends of one size after a change word are still a range
        let f = extract_figures("The fund grew 12 to 15 percent last year.");
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].low, f[0].high), (12.0, 15.0));
    }

    #[test]
    fn a_dot_groups_thousands_in_a_count_of_whole_things() {
        assert_eq!(one("Brazil has recorded 2.409 deaths").value, 2409.0);
        assert_eq!(one("more than 20.000 people came").value, 20000.0);
        assert_eq!(one("It had 1.234.567 residents.").value, 1234567.0);
        none("call 555.123.4567 now");
        // a scale word, a measure or a rate keeps the decimal point
        assert_eq!(one("sales were 9.495 million units").value, 9.495e6);
        assert_eq!(one("on 928.108 hectares").value, 928.108);
        assert_eq!(one("women had 2.125 children per woman").value, 2.125);
    }

    #[test]
    fn a_bracketed_conversion_shares_the_scale_word_after_it() {
        let f = extract_figures("the EU exported €531.6 ($580) billion to America");
        let read: Vec<(f64, Option<&str>)> = f.iter().map(|f| (f.value, f.currency)).collect();
        assert_eq!(read, [(531.6e9, Some("EUR")), (580e9, Some("USD"))]);
        // a year in the bracket is no conversion
        assert_eq!(one("It cost 40 (2019) million.").value, 40e6);
    }

    #[test]
    fn a_figure_does_not_borrow_the_year_of_another_figure() {
        let f = extract_figures(
            "Wages fell to Rs 12,616 in 2022 from Rs 13,616 in 2012, and in rural areas they slipped to Rs 8,623.",
        );
        let year = |t: &str| f.iter().find(|x| x.text == t).and_then(|x| x.year);
        assert_eq!(year("Rs 12,616"), Some(2022));
        assert_eq!(year("Rs 13,616"), Some(2012));
        assert_eq!(year("Rs 8,623"), None);
        // a year after a nearer figure is that figure's
        let f = extract_figures(
            "Delhi saw an increase in 2021, with levels rising to 96.4 µg/m3 from 84 µg/m3 in 2020.",
        );
        let year = |t: &str| f.iter().find(|x| x.text == t).and_then(|x| x.year);
        assert_eq!(year("96.4 µg/m3"), Some(2021));
        assert_eq!(year("84 µg/m3"), Some(2020));
        // a year that opens the sentence frames every figure in it
        let f = extract_figures(
            "In 2022, wages rose to Rs 500 in towns, and fell to Rs 300 in villages.",
        );
        assert!(f.iter().all(|x| x.year == Some(2022)), "{f:?}");
    }

    #[test]
    fn a_year_that_names_an_edition_yields_to_the_period_after_the_figure() {
        let f = extract_figures(
            "The 2024 Global Report counted 281.6 million people in acute hunger in 2023.",
        );
        assert_eq!(f[0].year, Some(2023), "{f:?}");
        // with no period after the figure, the year before still frames it
        let f = extract_figures("The 2024 budget sets aside Rs 9,787 billion for interest.");
        assert_eq!(f[0].year, Some(2024), "{f:?}");
        // with none after it, the nearest year before frames it, attribute or not
        let f = extract_figures(
            "In its August 2017 report it gave a 2016 death rate of 8 per 100,000.",
        );
        assert_eq!(f[0].year, Some(2016), "{f:?}");
        // a year that is no attribute stays nearer than a far one
        let f = extract_figures("In 2022 the agency counted 5,100 arrests, up from 4,000 in 2021.");
        assert_eq!(f[0].year, Some(2022), "{f:?}");
    }

    #[test]
    fn a_rates_denominator_is_no_figure_of_its_own() {
        assert_eq!(texts("The male rate rose to 17.4 per 100,000."), ["17.4"]);
        assert_eq!(texts("a rate of 11.4 deaths per 100,000 people"), ["11.4"]);
        assert_eq!(
            texts("1.43 deaths per 100 million miles traveled"),
            ["1.43"]
        );
        // after a one the denominator is the figure: "one in 200"
        assert_eq!(
            texts("it saves 1 life for every 200 children vaccinated"),
            ["1", "200"]
        );
        // a number after "per" with no figure before it stays
        assert_eq!(texts("one launch every 34 hours"), ["34 hours"]);
        // the year after the denominator is the rate's
        let f = extract_figures(
            "The rate in 2023 was 6.8 people per 100,000, up from 5.4 per 100,000 in 2022.",
        );
        assert_eq!(
            (f[1].text.as_str(), f[1].year),
            ("5.4", Some(2022)),
            "{f:?}"
        );
        let f =
            extract_figures("The rate of rough sleeping rose to 5.4 people per 100,000 in 2023.");
        assert_eq!(f[0].year, Some(2023), "{f:?}");
    }

    #[test]
    fn last_year_dates_a_figure_by_its_sources_date() {
        let at = |t: &str, fig: &str| {
            let f = extract_figures(t);
            let spans: Vec<Range<usize>> = f.iter().map(|f| f.span.clone()).collect();
            let k = f.iter().position(|f| f.text == fig).unwrap();
            said_of_last_year(t, &f[k].span, &spans)
        };
        assert!(at(
            "Close to 151 tonnes of methamphetamine were seized last year.",
            "Close to 151 tonnes"
        ));
        assert!(at("Last year, 151 tonnes were seized.", "151 tonnes"));
        // a baseline, the twelve months to now, or another figure's clause: no
        assert!(!at("Seizures rose 5% on last year.", "5%"));
        assert!(!at(
            "75,000 children became eligible over the last year.",
            "75,000"
        ));
        assert!(!at(
            "Last year 151 tonnes were seized, and 190 tonnes in 2023.",
            "190 tonnes"
        ));
    }

    #[test]
    fn a_span_between_two_years_is_of_its_end() {
        // "between 2022 and 2023" is read as "from 2022 to 2023": a change over the span
        // is of its last year, as the claim "up 12% on 2022" of 2023 is
        let f = extract_figures("Homelessness rose by 12 percent between 2022 and 2023.");
        assert_eq!(f[0].year, Some(2023), "{f:?}");
        let f = extract_figures("Homelessness rose by 12 percent from 2022 to 2023.");
        assert_eq!(f[0].year, Some(2023), "{f:?}");
        // a year between two others with no span is left alone
        let f = extract_figures("In 2022, between elections, 5,100 people were arrested.");
        assert_eq!(f[0].year, Some(2022), "{f:?}");
        // a change over a span starts in its first year and ends in its last, also when
        // the span opens the sentence
        let f = extract_figures("Between 2023 and 2024 the ratio increased from 33.7% to 34.1%.");
        let years: Vec<_> = f.iter().map(|f| f.year).collect();
        assert_eq!(years, [Some(2023), Some(2024)], "{f:?}");
        let f = extract_figures("From 2022 to 2023 sales rose from 5 million to 6 million.");
        assert_eq!(f[0].year, Some(2022), "{f:?}");
        // a sentence with a span names two years: a figure outside the span's clause
        // only borrows its end, it is not of it for certain
        let f = extract_figures(
            "The deal runs from 2025-26 to 2028-29, with up to 270 games a season.",
        );
        assert_eq!((f[0].year, f[0].own_year), (Some(2028), false), "{f:?}");
        // a baseline that opens no span leaves a sentence of one year
        let f = extract_figures("In 2023 emissions were 17.2% below 2005 levels.");
        assert!(f[0].own_year, "{f:?}");
    }

    #[test]
    fn the_start_of_a_change_is_not_of_the_sentences_year() {
        let f = extract_figures("From April 2025 the full pension rose by 4.1 per cent, from £221.20 to £230.25 a week.");
        let of = |t: &str| f.iter().find(|f| f.text == t).map(|f| f.year);
        assert_eq!(of("£221.20"), Some(None), "{f:?}");
        assert_eq!(of("£230.25"), Some(Some(2025)), "{f:?}");
        // its own year stays: "from 1,430,200 in 2019 to 1,215,800 in 2020"
        let f = extract_figures("The count fell from 1,430,200 in 2019 to 1,215,800 in 2020.");
        assert_eq!(f[0].year, Some(2019), "{f:?}");
        // no panic where a wide character follows
        let _ = extract_figures("It went from 5 to€6 and from €5 tö 7.");
    }

    #[test]
    fn a_short_gloss_after_the_figure_gives_its_year() {
        let f = extract_figures(
            "The 2025 tally is above the previous record of 988,524 hectares, set in 2017.",
        );
        assert_eq!((f[0].year, f[0].own_year), (Some(2017), true), "{f:?}");
        // a clause with a figure of its own is not the figure's gloss
        let f = extract_figures("It sold 5,000 units, and 4,000 in 2019.");
        assert_eq!(f[0].year, None, "{f:?}");
    }

    #[test]
    fn the_start_of_a_change_shares_the_scale_of_its_end() {
        let of = |t: &str| {
            let f = extract_figures(t);
            (
                f[0].value,
                f[0].unit,
                f[0].currency,
                f[0].measure.map(|m| m.unit),
            )
        };
        assert_eq!(of("It rose from 12 to 15 million people.").0, 12e6);
        assert_eq!(of("It fell from $1.2 to $1.1 billion.").0, 1.2e9);
        let f = of("Spending rose from 7 to 9.5 billion euros.");
        assert_eq!((f.0, f.1, f.2), (7e9, Unit::Money, Some("EUR")));
        let f = of("Output rose from 2.5 to 3 million tonnes.");
        assert_eq!((f.0, f.3), (2.5e6, Some("t")));
        // numbers of other sizes keep their own: "from 500 to 3 million"
        assert_eq!(of("It rose from 500 to 3 million people.").0, 500.0);
        // a change then the level it reached
        assert_eq!(of("Sales fell 3 to 1.2 million.").0, 3.0);
    }

    #[test]
    fn a_duration_that_says_when_is_no_figure() {
        assert_eq!(
            texts("Two years earlier, the race had cost $5.7 billion."),
            ["$5.7 billion"]
        );
        assert_eq!(
            texts("Six months later the bank lowered it to $656 billion."),
            ["$656 billion"]
        );
        assert_eq!(
            texts("Unemployment fell to 3.2%, a six-year low."),
            ["3.2%"]
        );
        // how long something took stays a figure
        assert_eq!(
            texts("$11.9 billion was borrowed in 3 days."),
            ["$11.9 billion", "3 days"]
        );
        assert_eq!(texts("Patients waited 18 weeks."), ["18 weeks"]);
    }

    #[test]
    fn a_year_naming_a_price_base_or_a_thing_is_no_amount() {
        assert_eq!(
            texts("losses of $5 billion in 2021 dollars"),
            ["$5 billion"]
        );
        assert_eq!(
            texts("The 2024 TB report found 8.2 million cases."),
            ["8.2 million"]
        );
        // an amount of that size stays
        assert_eq!(texts("They paid 2000 dollars."), ["2000 dollars"]);
        assert_eq!(texts("the plant has 2000 MW of capacity"), ["2000 MW"]);
    }

    #[test]
    fn an_age_band_or_a_range_of_days_is_no_figure() {
        assert_eq!(
            texts("Among adults aged 40 to 59, the rate was 46.5%."),
            ["46.5%"]
        );
        assert_eq!(
            texts("Smoking among 18 to 24-year-olds fell to 8.1%."),
            ["8.1%"]
        );
        assert_eq!(texts("12.9% of adults aged 18 and over smoked."), ["12.9%"]);
        assert_eq!(
            texts("Among adults 65 and older, 9% had taken one."),
            ["9%"]
        );
        assert_eq!(
            texts("in the week of 19 to 25 August, 14 percent more"),
            ["14 percent"]
        );
        // counts and spans of their own stay
        assert_eq!(texts("It lasted 10 to 12 days."), ["10 to 12 days"]);
        assert_eq!(
            texts("Prices rose 19 to 25 percent in August."),
            ["19 to 25 percent"]
        );
        assert_eq!(
            texts("The toll rose to 65 and over 100 were hurt."),
            ["65", "over 100"]
        );
    }

    #[test]
    fn a_year_compared_with_is_not_the_figures_year() {
        let year = |t: &str| extract_figures(t)[0].year;
        assert_eq!(
            year("The 2020 diversion rate was 53 per cent, the same as 2019."),
            Some(2020)
        );
        assert_eq!(
            year("Ice has been falling by 12.4 percent per decade relative to the 1981 to 2010 average."),
            None
        );
        assert_eq!(
            year("In 2023 exports rose 4%, similar to 2022."),
            Some(2023)
        );
        // a span of the figure's own keeps its end
        assert_eq!(year("Sales rose 5% from 2022 to 2023."), Some(2023));
        // the baseline named as the figure's own year is its year
        assert_eq!(
            year("The scorecard puts the 2019 baseline at 12,926,000 children."),
            Some(2019)
        );
    }

    #[test]
    fn a_bracketed_figure_is_of_the_year_before_its_bracket() {
        let f = extract_figures(
            "It is ahead of the floods of August 2002 (4.75 billion euros) and of June 2013 (2.25 billion euros).",
        );
        let of = |t: &str| {
            f.iter()
                .find(|f| f.text.starts_with(t))
                .map(|f| (f.year, f.own_year))
        };
        assert_eq!(of("4.75"), Some((Some(2002), true)), "{f:?}");
        assert_eq!(of("2.25"), Some((Some(2013), true)), "{f:?}");
        let f = extract_figures("Funding fell short of 2023 ($67.5 billion) this year.");
        assert_eq!(f[0].year, Some(2023), "{f:?}");
        // a bracket that says more than the figure is a clause of its own
        let f = extract_figures(
            "Unlike 2022, sales in 2023 (a total of 5,000 units sold in all) fell.",
        );
        assert!(!f[0].own_year, "{f:?}");
        // a bracket after a baseline year glosses that year's figure, in its own unit
        let f = extract_figures(
            "Compromises in 2023 (3,205) increased by 78 percent compared to 2022 (1,801).",
        );
        let last = f.last().unwrap();
        assert_eq!(
            (last.value, last.unit, last.year),
            (1801.0, Unit::Count, Some(2022)),
            "{f:?}"
        );
        // a bracket that opens with its figure and goes on after a comma still glosses
        // the event its year dates
        let f = extract_figures(
            "Attacks include the school massacre in Peshawar in 2014 (149 victims killed, mostly children).",
        );
        assert_eq!((f[0].year, f[0].own_year), (Some(2014), true), "{f:?}");
    }

    #[test]
    fn a_figure_of_the_year_before_is_of_the_year_before() {
        let f = extract_figures(
            "In 2024 an estimated 80,391 people died, down from the 110,035 deaths recorded the year before.",
        );
        assert_eq!(f[0].year, Some(2024));
        assert_eq!(f[1].year, Some(2023));
        // a baseline: the change is of 2024
        let f = extract_figures("In 2024 sales rose 5% on the year before.");
        assert_eq!(f[0].year, Some(2024));
        let f = extract_figures(
            "Police recorded 40,829 offences in 2018, 6% more than in the year before.",
        );
        assert_eq!(f[1].year, Some(2018));
        // a year of its own in the clause wins
        let f = extract_figures("In 2024 it fell, from 400 in 2022 the year before.");
        assert_eq!(f[0].year, Some(2022));
    }

    #[test]
    fn a_year_compared_with_is_a_baseline() {
        let f = one("a 16.5-percent jump over the initial budget for fiscal 2023");
        assert_eq!(f.year, None);
        let f = one("prices were 4% higher than the same month of 2022");
        assert_eq!(f.year, None);
        // a comparison word across a number is another clause's
        let f = one("the budget for fiscal 2023 was 7.95 trillion yen");
        assert_eq!(f.year, Some(2023));
        let f = one("Japan's cabinet approved a record 7.95 trillion yen");
        assert_eq!(f.noun, None);
        // a month between the comparison word and the year; a span is no baseline
        let f = extract_figures("The count was the lowest since December 2020 and down 46%.");
        assert_eq!(f[0].year, None, "{f:?}");
        let f = extract_figures("About 87,000 died from October 2023 to September 2024.");
        assert_eq!(f[0].year, Some(2023), "{f:?}");
        // a determiner between the comparison word and the year
        let f = extract_figures(
            "The cap is a cut from the 2024 target of 485,000, bringing permits down to 437,000.",
        );
        assert_eq!(f[1].year, None, "{f:?}");
    }

    #[test]
    fn a_percent_hyphened_to_its_number_is_a_percent() {
        for text in [
            "a 16.5-percent jump",
            "a 7.2-per-cent rise",
            "a 3-per cent fall",
        ] {
            let f = one(text);
            assert_eq!(f.unit, Unit::Percent, "{text}");
        }
        assert_eq!(one("a 16.5-percent jump").value, 16.5);
    }

    #[test]
    fn a_name_before_a_figure_is_not_its_noun() {
        let f = one("put overdose deaths in the United States at 107,543 in 2023");
        assert_eq!(f.noun.as_deref(), Some("deaths"));
        let f = one("Deaths rose to 107,543");
        assert_eq!(f.noun.as_deref(), Some("deaths"));
    }

    #[test]
    fn the_year_after_a_baseline_figure_is_that_figures() {
        let f = extract_figures(
            "That is 4.12 per cent higher than the 107.74 million tonnes recorded during 2021-22.",
        );
        assert_eq!((f[0].year, f[1].year), (None, Some(2021)), "{f:?}");
        let f = extract_figures(
            "It counted 259 launches in 2024, up from the 221 it recorded for 2023.",
        );
        assert_eq!((f[0].year, f[1].year), (Some(2024), Some(2023)), "{f:?}");
        // a date's comma keeps its year in the clause; a span's first date is no year
        let f = extract_figures(
            "Consumers spent $241.4 billion online from Nov. 1 to Dec. 31, 2024, up 8.7%.",
        );
        assert_eq!(f[0].year, Some(2024), "{f:?}");
        let f = extract_figures("It received $3.3 billion in total revenue in the period from October 1, 2022, to September 30, 2023.");
        assert_ne!(f[0].year, Some(2022), "{f:?}");
        // a bound is no baseline: the year is the figure's
        let f = extract_figures("Sales grew 4% as more than 500 stores opened during 2021.");
        assert_eq!(f[1].year, Some(2021), "{f:?}");
    }

    #[test]
    fn a_bare_count_counts_what_its_sentence_is_about() {
        let f =
            extract_figures("Homicides recorded by the police rose 15% in 2019, from 127 to 146.");
        let nouns: Vec<_> = f.iter().map(|f| f.noun.as_deref()).collect();
        assert_eq!(nouns[1], Some("homicides"), "{f:?}");
        // another count stands between: the noun is that one's
        let f = extract_figures(
            "Partners had promised 380,000 doses, far short of the three million needed.",
        );
        assert_eq!(f[1].noun, None, "{f:?}");
        // words ending in "s" that are no noun are passed over
        let f = extract_figures("It also said that last year 149 were recorded.");
        assert_eq!(f[0].noun, None, "{f:?}");
        let f = extract_figures("The state's answer, a 20-point plan, came later.");
        assert_eq!(f[0].noun, None, "{f:?}");
    }

    #[test]
    fn figure_keeps_its_noun_and_year() {
        let f = extract_figures(
            "It was responsible for 33 attacks in July, up by seven on the June total.",
        );
        assert_eq!(f[1].noun.as_deref(), Some("attacks"));
        let f = one("the Taliban released 780 TTP prisoners");
        assert_eq!(f.noun.as_deref(), Some("prisoners"));
        // a count noun before a plural modifies it
        let f = one("the model drew on 45.2 million death counts");
        assert_eq!(f.noun.as_deref(), Some("counts"));
        assert_eq!(one("a 2,000 death toll").noun.as_deref(), Some("death"));
        // "of all ages" says which people, not what is counted
        let f = one("The number of people of all ages in low income was 14.53 million.");
        assert_eq!(f.noun.as_deref(), Some("people"));
        let f = one("The count of families of all sizes reached 12,000.");
        assert_eq!(f.noun.as_deref(), Some("families"));
        let figs = extract_figures(
            "TTP militants reportedly carried out 33 attacks which killed 34 people and injured 46 others in July",
        );
        let nouns: Vec<_> = figs
            .iter()
            .map(|f| f.noun.clone().unwrap_or_default())
            .collect();
        assert_eq!(nouns, ["attacks", "people", "others"]);
        let roles: Vec<_> = figs.iter().map(|f| f.role.unwrap_or("")).collect();
        assert_eq!(roles, ["", "killed", "injured"]);
        let figs = extract_figures("34 people died and 46 were injured");
        assert_eq!(figs[1].noun, None);
        assert_eq!(figs[1].role, Some("injured"));
        let f = one("more than 100 attacks by the TTP in 2022");
        assert_eq!(f.year, Some(2022));
        assert_eq!(
            one("up to six thousand fighters (Sayed & Hamming, 2021)").year,
            None
        );
        assert_eq!(one("Afzal (2022) outlines a 42% increase").year, None);
        assert_eq!(one("a 42% increase in 2021 (Afzal, 2022)").year, Some(2021));
        let figs = extract_figures("registering a 42% increase in 2021 when compared to 2020");
        assert_eq!(figs[0].year, Some(2021));
        let figs = extract_figures("In 2021, attacks rose 42 per cent compared with 2020, and the group claimed 282 attacks that year");
        assert_eq!(figs[1].year, Some(2021));
        let figs = extract_figures(
            "the school massacre in Peshawar in 2014 (149 victims killed, mostly children), a 2009 car bombing in Peshawar (125 victims killed)",
        );
        assert_eq!(figs.len(), 2);
        assert_eq!(figs[0].year, Some(2014));
        assert_eq!(figs[1].year, Some(2009));
        let f = one("signed in May 2004 necessitated a ceasefire that only lasted 50 days, and others in 2006");
        assert_eq!(f.year, Some(2004));
        assert_eq!(
            one("the group's 2,300 members").noun.as_deref(),
            Some("members")
        );
        assert_eq!(one("killing 43 people").noun.as_deref(), Some("people"));
        assert_eq!(
            one("61: TTP attacks in Khyber Pakhtunkhwa").noun.as_deref(),
            Some("attacks")
        );
        let f = extract_figures(
            "The TTP carried out 33 attacks in July 2022, seven more than in June.",
        );
        assert_eq!(f[1].noun.as_deref(), Some("attacks"));
        assert_eq!(
            one("The death toll from Monday's bombing at the police lines rose to at least 100.")
                .noun
                .as_deref(),
            Some("toll")
        );
        assert_eq!(
            one("researchers confirmed that 11 policemen died")
                .noun
                .as_deref(),
            Some("policemen")
        );
        assert_eq!(
            one("more than $7 billion of Afghanistan's foreign currency reserves")
                .noun
                .as_deref(),
            Some("reserves")
        );
        assert_eq!(one("up to 40 Islamists").noun.as_deref(), Some("islamists"));
        assert_eq!(
            one("more than a dozen distinct Pakistani Taliban factions")
                .noun
                .as_deref(),
            Some("factions")
        );
    }

    /// (value, qualifier, low, high) of the only figure of `t`.
    fn read(t: &str) -> (f64, Qualifier, f64, f64) {
        let f = one(t);
        (f.value, f.qualifier, f.low, f.high)
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn comparatives_with_or_equal_and_after_the_number() {
        let q = |t: &str| one(t).qualifier;
        assert_eq!(q("smaller or equal than 100"), Qualifier::UpTo);
        assert_eq!(q("bigger or equal than 3965"), Qualifier::AtLeast);
        assert_eq!(q("equal to or greater than 20"), Qualifier::AtLeast);
        assert_eq!(q("at least or equal to 30"), Qualifier::AtLeast);
        assert_eq!(q("no more than 50"), Qualifier::UpTo);
        assert_eq!(q("not less than 50"), Qualifier::AtLeast);
        assert_eq!(q("his score is 200 or greater"), Qualifier::AtLeast);
        assert_eq!(q("his score is 200 or greater than"), Qualifier::AtLeast);
        assert_eq!(q("a score of 65 and over"), Qualifier::AtLeast);
        assert_eq!(q("about five hundred and more"), Qualifier::AtLeast);
        assert_eq!(q("less than 5000 or equal"), Qualifier::UpTo);
        assert_eq!(q("more than 5000 or equal to it"), Qualifier::AtLeast);
        assert_eq!(q("deaths surpass 3000"), Qualifier::Over);
        // a bare verb of passing after a modal, and before an amount
        assert_eq!(q("prices can top $1,000 a month"), Qualifier::Over);
        assert_eq!(
            q("spending is expected to top $1 trillion"),
            Qualifier::Over
        );
        assert_eq!(q("the top 10 countries"), Qualifier::Exact);
        assert_eq!(q("the toll passed 5,000."), Qualifier::Over);
        // "passed 3 laws" counts laws
        assert_eq!(q("parliament passed 3 laws"), Qualifier::Exact);
        // "or less than 6000" is a figure of its own
        let f = extract_figures("equal to 5000 or less than 6000");
        let got: Vec<_> = f.iter().map(|f| (f.value, f.qualifier)).collect();
        assert_eq!(
            got,
            [(5000.0, Qualifier::Exact), (6000.0, Qualifier::Under)]
        );
        // "500 and more importantly" bounds nothing
        assert_eq!(
            extract_figures("it cost 500 and more importantly it worked")[0].qualifier,
            Qualifier::Exact
        );
        // "<>30", "=>30" are no comparisons
        none("<>30");
        none("=>30");
        // below a negative number, nothing floors the interval at 0
        assert_eq!(
            read("<=  -30"),
            (-30.0, Qualifier::UpTo, f64::NEG_INFINITY, -30.0)
        );
        assert_eq!(one("when <-30").qualifier, Qualifier::Under);
    }

    #[test]
    fn two_bounds_of_one_number_are_a_range() {
        let r = |t: &str| {
            let f = one(t);
            assert_eq!(f.qualifier, Qualifier::Range, "{t}: {f:?}");
            (f.low, f.high)
        };
        assert_eq!(r("greater than 100 and smaller than 300"), (100.0, 300.0));
        assert_eq!(
            r("larger than twenty and less or equal than thirty five"),
            (20.0, 35.0)
        );
        assert_eq!(r("at most 100 and at least 20 apples"), (20.0, 100.0));
        assert_eq!(
            r("higher or equal than one hundred, lower or equal than three hundred"),
            (100.0, 300.0)
        );
        assert_eq!(r("above 1000 and below 1500"), (1000.0, 1500.0));
        assert_eq!(r("20 through 100"), (20.0, 100.0));
        assert_eq!(r("about 20~100"), (20.0, 100.0));
        assert_eq!(r("The number range is 1000 - 5000"), (1000.0, 5000.0));
        assert_eq!(r("between negative ten and fifteen"), (-10.0, 15.0));
        assert_eq!(
            r("The range is from one thousand to one thousand and five hundred."),
            (1000.0, 1500.0)
        );
        // bounds that make no interval stay two figures
        let f = extract_figures("More than 40 and less than 10 are two ranges");
        let got: Vec<_> = f.iter().map(|f| f.qualifier).collect();
        assert_eq!(got[..2], [Qualifier::Over, Qualifier::Under]);
        // the third bound after a range is its own
        let f = extract_figures(
            "greater than 30 and less than or equal to 40 and greater than or equal to 50",
        );
        let got: Vec<_> = f.iter().map(|f| (f.qualifier, f.low)).collect();
        assert_eq!(got, [(Qualifier::Range, 30.0), (Qualifier::AtLeast, 50.0)]);
        // a bound on other things is not joined: "more than 10 killed and fewer than 20 hurt"
        assert_eq!(
            extract_figures("more than 10 killed and fewer than 20 hurt").len(),
            2
        );
    }

    #[test]
    fn spoken_decimals_and_zero_words() {
        let v = |t: &str| one(t).value;
        assert!(close(v("two hundred point zero three"), 200.03));
        assert!(close(v("two hundred point seventy-one"), 200.71));
        assert!(close(v("nine point nought four"), 9.04));
        assert!(close(v("naught point five"), 0.5));
        assert_eq!(v("nought"), 0.0);
        assert_eq!(v("fifty - two"), 52.0);
        // "one point of" is no decimal
        assert!(extract_figures("one point of your credit").is_empty());
        // arithmetic "plus" is no bound
        let f = extract_figures("nought point nought three plus zero point zero eight");
        assert_eq!(f.len(), 2);
        assert!(f.iter().all(|f| f.qualifier == Qualifier::Exact));
    }

    #[test]
    fn mixed_and_improper_fractions_are_numbers() {
        let v = |t: &str| one(t).value;
        assert!(close(v("one and a half"), 1.5));
        assert!(close(v("five and a quarter"), 5.25));
        assert!(close(v("one hundred and three quarters"), 100.75));
        assert!(close(
            v("one hundred and three and two thirds"),
            103.0 + 2.0 / 3.0
        ));
        assert!(close(v("two hundred and fifty-four hundredths"), 200.54));
        assert!(close(v("forty two and a third"), 42.0 + 1.0 / 3.0));
        assert!(close(v("three million and a half"), 3.5e6));
        assert!(close(v("3 million and a half"), 3.5e6));
        assert!(close(v("five and a half million fishes"), 5.5e6));
        assert!(close(v("one billion and a half million"), 1.0005e9));
        assert!(close(v("five billion and three quarters"), 5.75e9));
        assert!(close(v("two and a half years"), 2.5));
        assert_eq!(one("two and a half years").unit, Unit::Duration);
        // improper fractions: "twenty fifths" is 4
        assert!(close(v("twenty fifths"), 4.0));
        assert!(close(v("twenty-three fifths"), 4.6));
        assert!(close(v("one hundred and thirty fifths"), 26.0));
        assert!(close(v("one hundred thirty fifths"), 100.0 / 35.0));
        assert!(close(v("ninety - five hundred fifths"), 1900.0));
        assert!(close(v("quarter million"), 250_000.0));
        // quarters and halves after a whole number are periods and parts
        assert_eq!(v("after four quarters of strong rises"), 4.0);
        assert!(close(v("half a dozen"), 6.0));
        assert!(close(v("1 over 3"), 1.0 / 3.0));
        assert!(close(v("2000 over 3"), 2000.0 / 3.0));
        // ordinals are no figures; "over 3 years" is a bound
        none("the twenty-first century");
        none("the one hundred fifth anniversary");
        assert_eq!(one("over 3 years").qualifier, Qualifier::Over);
    }

    #[test]
    fn digit_fractions_exponents_and_powers() {
        let v = |t: &str| one(t).value;
        assert!(close(v("3/4"), 0.75));
        assert!(close(v("-4/5"), -0.8));
        assert!(close(v("2  1/4"), 2.25));
        assert!(close(v("- 1 4/5"), -1.8));
        assert!(close(v("the result is ⅔"), 2.0 / 3.0));
        assert!(close(v("7 3 / 4 %"), 7.75));
        assert_eq!(one("3/4 of the land").form, Form::Share);
        assert!(close(v(".08"), 0.08));
        assert!(close(v("1e10"), 1e10));
        assert!(close(v("-127.32e13"), -1.2732e15));
        assert!(close(v("12.32e+14"), 1.232e15));
        assert!(close(v("-12e-1"), -1.2));
        assert!(close(v("1.3x10^6"), 1.3e6));
        assert!(close(v("6.23x10^-4"), 6.23e-4));
        assert!(close(v("1.1^23"), 1.1f64.powi(23)));
        assert!(close(v("2.5^-1"), 0.4));
        assert!(close(v("-2500^-1"), -0.0004));
        // dates and labels stay what they are
        none("on 5/17/2018");
        none("the 9/11 attacks");
        none("open 24/7");
    }

    #[test]
    fn digits_with_scale_words_dozens_and_grouping() {
        let v = |t: &str| one(t).value;
        assert_eq!(v("3 hundred and 21"), 321.0);
        assert_eq!(v("4 thousand 3 hundred and 21"), 4321.0);
        assert_eq!(v("I count 6 crore and two hundred"), 60_000_200.0);
        assert_eq!(v("3 dozens"), 36.0);
        assert_eq!(v("three hundred and two dozens"), 324.0);
        assert_eq!(v("five dozs"), 60.0);
        assert!(close(v("2.33 k"), 2330.0));
        assert!(close(v("1,674,200.5 M"), 1_674_200.5e6));
        assert_eq!(v("either 10 bln"), 1e10);
        assert_eq!(v("2mil SEK"), 2e6);
        assert_eq!(v("a target of 1MM"), 1e6);
        assert!(close(v("1.111,11"), 1111.11));
        // "5 million and 20 people" is two figures
        assert_eq!(extract_figures("5 million and 20 people").len(), 2);
        // a decimal is no day: "$ 37,305.97 february expenses"
        assert_eq!(
            extract_figures("$ 20,000.00 $ 37,305.97 february expenses").len(),
            2
        );
    }

    #[test]
    fn signs_in_words_and_after_signs() {
        let v = |t: &str| one(t).value;
        assert_eq!(v("The answer is minus one"), -1.0);
        assert_eq!(v("The answer is negative one"), -1.0);
        assert!(close(v("minus five point five"), -5.5));
        assert_eq!(v("- 10  k"), -10_000.0);
        // a dash between numbers is no sign
        assert_eq!(extract_figures("10 - 5")[0].value, 10.0);
    }

    #[test]
    fn percent_written_other_ways() {
        for t in [
            "100 percentage",
            "one hundred percents",
            "percent of 100",
            "per cent of one hundred",
        ] {
            let f = one(t);
            assert_eq!((f.value, f.unit), (100.0, Unit::Percent), "{t}");
        }
        assert_eq!(one("what percent of 1,000 voters").unit, Unit::Count);
        // "5 percent of 10 million people": the percent is of the number before it
        let f = extract_figures("5 percent of 10 million people");
        assert_eq!((f[0].value, f[0].unit), (5.0, Unit::Percent));
        assert_eq!((f[1].value, f[1].unit), (10e6, Unit::Count));
        // a link is no prose
        none("see https://www.test.com/search?q=30%25%2020%");
    }

    #[test]
    fn money_in_more_forms() {
        let m = |t: &str, v: f64, c: &str| {
            let (value, code) = money(t);
            assert!(close(value, v) && code == Some(c), "{t}: {value} {code:?}");
        };
        m("115USD", 115.0, "USD");
        // a currency's letters glued to an amount with a scale or thousands groups
        m("Nigeria's N3.2 trillion budget", 3.2e12, "NGN");
        m("a R2.5bn bailout", 2.5e9, "ZAR");
        m("a N5,000 fine", 5000.0, "NGN");
        m("the Sh50 billion plan", 50e9, "SHILLING");
        m("casinos took MOP183.06 billion", 183.06e9, "MOP");
        m("Its GDP is $2.174T.", 2.174e12, "USD");
        m("UGX 2.5 trillion", 2.5e12, "UGX");
        none("N95 masks");
        // pence glued to the digits; a sign before the currency
        m("Stamps rose to 50p.", 0.5, "GBP");
        none("at 5pm");
        m("the balance was -£40m", -40e6, "GBP");
        m("an outflow of −$3bn", -3e9, "USD");
        assert_eq!(one("pre-£40m").value, 40e6);
        m("100元", 100.0, "CNY");
        m("100₾", 100.0, "GEL");
        m("₿21,000,000", 21e6, "BTC");
        m("75 USD million", 75e6, "USD");
        m("in excess of 30 MUSD", 30e6, "USD");
        m("revenues of about MAUD 60", 60e6, "AUD");
        m("c $ 16.4 million", 16.4e6, "CAD");
        m("hk $ 10.05 billion", 10.05e9, "HKD");
        m("mxn$ 15", 15.0, "MXN");
        m("10 us dollar", 10.0, "USD");
        m("100 chinese yuan", 100.0, "CNY");
        m("10 turkish lira", 10.0, "TRY");
        m("420 million finnish markka", 420e6, "FIM");
        m("6.65 billion pesetas", 6.65e9, "ESP");
        m("a one-yen bid", 1.0, "JPY");
        m("one penny", 0.01, "GBP");
        m("2 satoshis", 2e-8, "BTC");
        m("528 million francs", 528e6, "FRANC");
        assert!(same_currency("FRANC", "CHF") && !same_currency("FRANC", "EUR"));
        // compound amounts
        m("it only cost 3 dollars 50 cents.", 3.5, "USD");
        m("thirteen dollars and forty-five cents", 13.45, "USD");
        m("thirteen dollars forty five", 13.45, "USD");
        m("it costs only 15 dollars and 15.", 15.15, "USD");
        m("The subscription will increase to 17 USD 25.", 17.25, "USD");
        m("10 $ 30 cent", 10.3, "USD");
        m("me c $ 100 and fifty.", 100.5, "CAD");
        m("if they had just 15 USD 50 more", 15.5, "USD");
        // "$100 and 50 people" is two figures
        assert_eq!(extract_figures("$100 and 50 people").len(), 2);
        // two amounts, a currency said twice, a number after a currency sign
        assert_eq!(extract_figures("10 $ 30 $").len(), 2);
        let f = extract_figures("1 $10 dollars bill");
        let got: Vec<_> = f
            .iter()
            .map(|f| (f.text.as_str(), f.value, f.currency))
            .collect();
        assert_eq!(got, [("1", 1.0, None), ("$10 dollars", 10.0, Some("USD"))]);
        // "15 dollars and 15 people" is two figures
        assert_eq!(extract_figures("15 dollars and 15 people came").len(), 2);
    }

    #[test]
    fn times_of_day_temperatures_below_zero_metres_and_parts_of_an_hour() {
        none("The meeting is at 2 pm.");
        none("It starts at 10 a.m. sharp");
        let f = one("The temperature fell to 5 degrees below zero.");
        assert_eq!(
            (f.value, f.measure.map(|m| m.dimension)),
            (-5.0, Some("temperature"))
        );
        let f = one("it was 3 °C below zero");
        assert_eq!((f.value, f.measure.map(|m| m.unit)), (-3.0, Some("°C")));
        // the capital letter alone, as weather reports write it; not in a name
        let temp = |t: &str| {
            let f = one(t);
            (f.text.clone(), f.value, f.measure.map(|m| m.unit))
        };
        assert_eq!(
            temp("Temperatures hit 40.3C on Tuesday."),
            ("40.3C".into(), 40.3, Some("°C"))
        );
        assert_eq!(temp("Now it is -10C."), ("-10C".into(), -10.0, Some("°C")));
        assert_eq!(temp("highs of 104F"), ("104F".into(), 104.0, Some("°F")));
        assert_eq!(one("10 C-130 aircraft").unit, Unit::Count);
        let f = one("The wall is 3m high.");
        assert_eq!((f.value, f.measure.map(|m| m.unit)), (3.0, Some("m")));
        assert_eq!(one("it cost 3m in a year").value, 3e6);
        let f = one("It took half an hour.");
        assert_eq!(
            (f.value, f.unit, f.noun.as_deref()),
            (0.5, Unit::Duration, Some("hours"))
        );
        assert_eq!(one("a quarter of an hour").value, 0.25);
        assert_eq!(one("half of the schools").form, Form::Share);
    }

    #[test]
    fn spans_slice_back_to_text() {
        let t = "Pakistan pledged $50 million and over 500 fatalities";
        for f in extract_figures(t) {
            assert_eq!(&t[f.span.clone()], f.text);
        }
    }

    #[test]
    fn describe_reads_back() {
        assert_eq!(
            one("over 100 TTP prisoners").describe(),
            "over 100 prisoners"
        );
        assert_eq!(one("$50 million").describe(), "$50 million");
        assert_eq!(one("42%").describe(), "42%");
        assert_eq!(one("NOK 402 billion").describe(), "NOK 402 billion");
        assert_eq!(one("402 billion crowns").describe(), "CROWN 402 billion");
        assert_eq!(fmt_num(1016.0), "1,016");
    }
}
