//! Word knowledge as data: `lexicon/default.toml` (general English: statement-frame cues
//! and entities everyone knows) and named profiles (`lexicon/<name>.toml`) that a
//! claims.toml selects with `[lexicon] profiles = [...]`. All ship inside the binary.

use crate::config::Entity;
use serde::Deserialize;
use std::sync::OnceLock;

/// The profiles that can be selected, with their data.
pub const PROFILES: &[(&str, &str)] = &[("conflict", include_str!("../lexicon/conflict.toml"))];

const DEFAULT: &str = include_str!("../lexicon/default.toml");

#[derive(Debug, Deserialize)]
struct RawEntity {
    name: String,
    aliases: Vec<String>,
}

#[derive(Debug, Deserialize)]
struct EntitiesOnly {
    #[serde(default)]
    entity: Vec<RawEntity>,
}

fn entities_of(text: &str) -> Vec<Entity> {
    let raw: EntitiesOnly = toml::from_str(text).expect("lexicon files are valid (tested)");
    raw.entity
        .into_iter()
        .map(|e| Entity {
            name: e.name,
            aliases: e.aliases,
        })
        .collect()
}

/// Word knowledge about what figures count (`[measure]` of the default lexicon).
#[derive(Debug, Deserialize)]
pub struct Measures {
    /// Nouns of people: any two may count the same crowd.
    pub people: Vec<String>,
    /// Nouns that count the same thing.
    pub groups: Vec<Vec<String>>,
    /// Nouns that count the dead and hurt.
    pub casualties: Vec<String>,
    /// Roles that make a count a casualty count.
    pub casualty_roles: Vec<String>,
    /// Nouns of people in general, counted in any role.
    pub generic_people: Vec<String>,
}

/// The `[measure]` lists, parsed once.
pub fn measures() -> &'static Measures {
    #[derive(Deserialize)]
    struct Only {
        measure: Measures,
    }
    static MEASURES: OnceLock<Measures> = OnceLock::new();
    MEASURES.get_or_init(|| {
        toml::from_str::<Only>(DEFAULT)
            .expect("lexicon/default.toml is valid (tested)")
            .measure
    })
}

/// A physical unit of `lexicon/units.toml`.
#[derive(Debug, Deserialize)]
pub struct UnitDef {
    /// "power", "length", "mass"…: figures compare only within one.
    pub dimension: String,
    /// The unit's usual symbol ("GW"), for messages.
    pub unit: String,
    /// Times this unit is the dimension's base unit.
    pub factor: f64,
    /// Spellings, lowercase, as token sequences ("° c", "km / h").
    pub names: Vec<String>,
    /// Spellings matched only as written, case and all: symbols whose lowercase is a
    /// word or another abbreviation ("eV" is no "EV", an electric vehicle).
    #[serde(default)]
    pub cased: Vec<String>,
    /// Symbols of one letter, matched as written only right before a "/" ("120 g/km",
    /// "10 l/km", "W/min"): alone they are words, scales or initials ("3 m", "a g").
    #[serde(default)]
    pub before_slash: Vec<String>,
}

/// The unit whose one-letter symbol `sym` is, read before a "/" (see
/// [`UnitDef::before_slash`]).
pub fn unit_before_slash(sym: &str) -> Option<&'static UnitDef> {
    unit_defs()
        .iter()
        .find(|u| u.before_slash.iter().any(|s| s == sym))
}

/// The physical unit whose symbol is `unit` ("m", "°").
pub fn unit_by_symbol(unit: &str) -> Option<&'static UnitDef> {
    unit_defs().iter().find(|u| u.unit == unit)
}

fn unit_defs() -> &'static [UnitDef] {
    #[derive(Deserialize)]
    struct Units {
        unit: Vec<UnitDef>,
    }
    static DEFS: OnceLock<Vec<UnitDef>> = OnceLock::new();
    DEFS.get_or_init(|| {
        toml::from_str::<Units>(UNITS)
            .expect("lexicon/units.toml is valid (tested)")
            .unit
    })
}

/// A unit's spelling as tokens, each with whether a space may come before it, and
/// whether it must match case and all.
pub type UnitName = (Vec<(String, bool)>, bool);

/// A spelling as the figure reader's tokens: words, digit runs and single symbols;
/// the parts of one space-separated word must be glued ("km2" is "km" then "2" with no
/// space, so "5 km 2 days" is no area).
fn unit_tokens(name: &str) -> Vec<(String, bool)> {
    let mut out = Vec::new();
    for word in name.split_whitespace() {
        let mut first = true;
        let mut cur = String::new();
        let mut class = 0u8;
        for c in word.chars() {
            let k = if c.is_alphabetic() {
                1
            } else if c.is_ascii_digit() {
                2
            } else {
                3
            };
            if !cur.is_empty() && (k != class || k == 3) {
                out.push((std::mem::take(&mut cur), first));
                first = false;
            }
            cur.push(c);
            class = k;
        }
        if !cur.is_empty() {
            out.push((cur, first));
        }
    }
    out
}

/// The physical units, parsed once; each unit's names with their tokens, longest first.
pub fn units() -> &'static [(UnitName, &'static UnitDef)] {
    static NAMES: OnceLock<Vec<(UnitName, &'static UnitDef)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let defs = unit_defs();
        let mut names: Vec<(UnitName, &'static UnitDef)> = defs
            .iter()
            .flat_map(|d| {
                let plain = d
                    .names
                    .iter()
                    .map(move |n| ((unit_tokens(&n.to_lowercase()), false), d));
                let cased = d.cased.iter().map(move |n| ((unit_tokens(n), true), d));
                plain.chain(cased)
            })
            .collect();
        names.sort_by_key(|((t, _), _)| std::cmp::Reverse(t.len()));
        names
    })
}

const UNITS: &str = include_str!("../lexicon/units.toml");

/// `lexicon/currencies.toml`, read by the figure reader (which tokenizes its spellings).
pub const CURRENCIES: &str = include_str!("../lexicon/currencies.toml");

/// The role words of `[roles]`: each role ("killed") with the words that give it.
pub fn roles() -> &'static [(String, Vec<String>)] {
    #[derive(Deserialize)]
    struct Only {
        roles: std::collections::BTreeMap<String, Vec<String>>,
    }
    static ROLES: OnceLock<Vec<(String, Vec<String>)>> = OnceLock::new();
    ROLES.get_or_init(|| {
        toml::from_str::<Only>(DEFAULT)
            .expect("lexicon/default.toml is valid (tested)")
            .roles
            .into_iter()
            .collect()
    })
}

/// The figure reader's words of `[figures]` (see lexicon/default.toml).
#[derive(Debug, Deserialize)]
pub struct FigureWords {
    pub range_leads: Vec<String>,
    pub fractions: std::collections::BTreeMap<String, f64>,
    pub compound_ordinals: std::collections::BTreeMap<String, f64>,
    pub multipliers: std::collections::BTreeMap<String, f64>,
    pub multiplier_suffixes: Vec<String>,
    pub multiplier_comparisons: Vec<String>,
    pub noun_skip: Vec<String>,
    pub not_plurals: Vec<String>,
    pub total_nouns: Vec<String>,
    pub singular_nouns: Vec<String>,
    pub label_words: Vec<String>,
    pub up_to_verbs: Vec<String>,
    pub extreme_leads: Vec<String>,
    pub comparative_up: Vec<String>,
    pub comparative_down: Vec<String>,
    pub postfix_up: Vec<String>,
    pub postfix_down: Vec<String>,
    pub passing_verbs: Vec<String>,
    pub passing_verbs_after_modal: Vec<String>,
    pub modals: Vec<String>,
    pub half_determiners: Vec<String>,
    pub range_connectors: Vec<String>,
    pub negative_signs: Vec<String>,
    pub zero_words: Vec<String>,
    pub dozens: Vec<String>,
    pub clock: Vec<String>,
    pub extent: Vec<String>,
    pub per_units: std::collections::BTreeMap<String, String>,
    pub not_per: Vec<String>,
}

impl FigureWords {
    /// Whether `w` is a comparative of `list`.
    pub fn has(list: &[String], w: &str) -> bool {
        list.iter().any(|x| x == w)
    }
}

/// `[figures]` of the default lexicon, read once.
pub fn figure_words() -> &'static FigureWords {
    #[derive(Deserialize)]
    struct Only {
        figures: FigureWords,
    }
    static WORDS: OnceLock<FigureWords> = OnceLock::new();
    WORDS.get_or_init(|| {
        toml::from_str::<Only>(DEFAULT)
            .expect("lexicon/default.toml is valid (tested)")
            .figures
    })
}

/// The words of `[reporting] organisations`: what makes a reporting subject an
/// organisation ("Ministry", "Office", "Institute"…).
pub fn organisation_words() -> &'static [String] {
    #[derive(Deserialize)]
    struct Reporting {
        organisations: Vec<String>,
    }
    #[derive(Deserialize)]
    struct Only {
        reporting: Reporting,
    }
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        toml::from_str::<Only>(DEFAULT)
            .expect("lexicon/default.toml is valid (tested)")
            .reporting
            .organisations
    })
}

/// Whether `w` is a change word of `[change]`, in any case ("Rose", "fell"): a set read
/// once, for the per-term tests of matching.
pub fn is_change_word(w: &str) -> bool {
    static SET: OnceLock<std::collections::HashSet<String>> = OnceLock::new();
    SET.get_or_init(|| change_words().iter().map(|c| c.to_lowercase()).collect())
        .contains(&w.to_lowercase())
}

/// The change words of `[change]` (`up` and `down`, together): "rose", "fell"…
pub fn change_words() -> &'static [String] {
    #[derive(Deserialize)]
    struct Change {
        up: Vec<String>,
        down: Vec<String>,
    }
    #[derive(Deserialize)]
    struct Only {
        change: Change,
    }
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let c = toml::from_str::<Only>(DEFAULT)
            .expect("lexicon/default.toml is valid (tested)")
            .change;
        c.up.into_iter().chain(c.down).collect()
    })
}

/// A list of words of the default lexicon, `[section] key`.
fn default_list(section: &str, key: &str) -> Vec<String> {
    let table: toml::Table =
        toml::from_str(DEFAULT).expect("lexicon/default.toml is valid (tested)");
    let list = table
        .get(section)
        .and_then(|s| s.get(key))
        .and_then(|l| l.as_array())
        .unwrap_or_else(|| panic!("lexicon/default.toml has [{section}] {key} (tested)"));
    list.iter()
        .filter_map(|w| w.as_str().map(str::to_string))
        .collect()
}

/// `[period] previous_year`: phrases that put a figure in the year before its sentence's.
pub fn previous_year_phrases() -> &'static [String] {
    static PHRASES: OnceLock<Vec<String>> = OnceLock::new();
    PHRASES.get_or_init(|| default_list("period", "previous_year"))
}

/// `[period] last_year`: phrases that date a figure to the year before its source's.
pub fn last_year_phrases() -> &'static [String] {
    static PHRASES: OnceLock<Vec<String>> = OnceLock::new();
    PHRASES.get_or_init(|| default_list("period", "last_year"))
}

/// `[period] attributive_year`: words before a year that make it a name's attribute.
pub fn attributive_year_words() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| default_list("period", "attributive_year"))
}

/// `[reference] back`: phrases by which a sentence points back at an actor named before.
pub fn refers_back_phrases() -> &'static [String] {
    static BACK: OnceLock<Vec<String>> = OnceLock::new();
    BACK.get_or_init(|| default_list("reference", "back"))
}

/// `[reporting] name_joiners`: small words inside a name after "according to".
pub fn name_joiners() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| default_list("reporting", "name_joiners"))
}

/// `[reporting] name_tails`: words that may close a name after "according to".
pub fn name_tails() -> &'static [String] {
    static WORDS: OnceLock<Vec<String>> = OnceLock::new();
    WORDS.get_or_init(|| default_list("reporting", "name_tails"))
}

/// `[reference] opening`: words that open a sentence whose subject the one before named.
pub fn opening_reference_phrases() -> &'static [String] {
    static OPENING: OnceLock<Vec<String>> = OnceLock::new();
    OPENING.get_or_init(|| default_list("reference", "opening"))
}

/// The synonym groups of the default lexicon and of `profiles` (`[synonyms] groups`).
pub fn synonyms(profiles: &[String]) -> Vec<Vec<String>> {
    #[derive(Deserialize, Default)]
    struct Groups {
        #[serde(default)]
        groups: Vec<Vec<String>>,
    }
    #[derive(Deserialize)]
    struct Only {
        #[serde(default)]
        synonyms: Groups,
    }
    let groups_of = |text: &str| {
        toml::from_str::<Only>(text)
            .expect("lexicon files are valid (tested)")
            .synonyms
            .groups
    };
    static BASE: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    let mut out = BASE.get_or_init(|| groups_of(DEFAULT)).clone();
    for p in profiles {
        if let Some((_, text)) = PROFILES.iter().find(|(n, _)| n == p) {
            out.extend(groups_of(text));
        }
    }
    out
}

/// The default lexicon's text (statement-frame cues are read from it by `frame`).
pub fn default_text() -> &'static str {
    DEFAULT
}

/// Entities of the default lexicon and of the selected `profiles` (unknown names are
/// rejected when claims.toml is read).
pub fn entities(profiles: &[String]) -> Vec<Entity> {
    static BASE: OnceLock<Vec<Entity>> = OnceLock::new();
    let mut out = BASE.get_or_init(|| entities_of(DEFAULT)).clone();
    for p in profiles {
        if let Some((_, text)) = PROFILES.iter().find(|(n, _)| n == p) {
            out.extend(entities_of(text));
        }
    }
    out
}

/// Whether `name` is a known profile.
pub fn is_profile(name: &str) -> bool {
    PROFILES.iter().any(|(n, _)| *n == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_lexicon_file_parses() {
        assert!(!entities(&[]).is_empty());
        assert!(!measures().people.is_empty());
        assert!(!previous_year_phrases().is_empty());
        assert!(!attributive_year_words().is_empty());
        assert!(!figure_words().label_words.is_empty());
        assert!(!refers_back_phrases().is_empty());
        for (name, _) in PROFILES {
            assert!(entities(&[name.to_string()]).len() > entities(&[]).len());
        }
    }

    #[test]
    fn the_default_names_no_one_subjects_groups() {
        let names: Vec<String> = entities(&[]).into_iter().map(|e| e.name).collect();
        assert!(!names.iter().any(|n| n == "TTP"), "{names:?}");
    }
}
