//! Which countries and world regions a piece of text names (`lexicon/places.toml`): "UK
//! emissions" and "Britain's emissions" are of one place, "US emissions" of another,
//! whatever the subject. Prepositional places ("in Kinshasa") are read by the frame
//! itself; this gazetteer adds the places a sentence names as modifiers and adjectives
//! ("US greenhouse gas emissions", "Indian exports", "Britain's").
//!
//! Hand-written: a longest-match over at most a few words of a fixed table, with two case
//! rules ("US" is not "us"); no crate of the field reads news adjectives and demonyms.

use serde::Deserialize;
use std::collections::HashMap;
use std::sync::OnceLock;

const PLACES: &str = include_str!("../lexicon/places.toml");

#[derive(Deserialize)]
struct RawPlace {
    id: String,
    names: Vec<String>,
    #[serde(default)]
    adjectives: Vec<String>,
}

#[derive(Deserialize)]
struct RawGazetteer {
    #[serde(default)]
    ambiguous: Vec<String>,
    #[serde(default)]
    not_places: Vec<String>,
    #[serde(default)]
    case_sensitive: Vec<String>,
    #[serde(default)]
    capitalized: Vec<String>,
    place: Vec<RawPlace>,
}

/// How a name must be written in the text to count.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Case {
    Any,
    /// All in capitals ("US", "CAR").
    Upper,
    /// With a capital first letter ("China", "Turkey").
    Capital,
}

struct Gazetteer {
    /// Normalised phrase → (place id, or `None` for a phrase that names no place, how it
    /// must be written).
    names: HashMap<String, (Option<&'static str>, Case)>,
    /// The most words any phrase has.
    longest: usize,
    /// The first words of all phrases: most words of a text start none.
    firsts: std::collections::HashSet<String>,
}

/// A name's words as matched: lowercase, dots and hyphens as word breaks ("u.s." is
/// "u s", "asia-pacific" is "asia pacific").
fn normalise(name: &str) -> String {
    words(name)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The words of a text as names are matched: letters, digits and apostrophes.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .filter(|w| !w.is_empty())
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let raw: RawGazetteer =
            toml::from_str(PLACES).expect("lexicon/places.toml is valid (tested)");
        let case_of = |n: &str| {
            if raw.case_sensitive.iter().any(|x| x == n) {
                Case::Upper
            } else if raw.capitalized.iter().any(|x| x == n) {
                Case::Capital
            } else {
                Case::Any
            }
        };
        let mut names = HashMap::new();
        for p in &raw.place {
            let id: &'static str = Box::leak(p.id.clone().into_boxed_str());
            for n in p.names.iter().chain(&p.adjectives) {
                names.insert(normalise(n), (Some(id), case_of(n)));
            }
        }
        // read and consumed, naming nothing: "New South Wales" is not Wales
        for n in raw.not_places.iter().chain(&raw.ambiguous) {
            names.insert(normalise(n), (None, Case::Any));
        }
        let longest = names
            .keys()
            .map(|k| k.split(' ').count())
            .max()
            .unwrap_or(1);
        let firsts = names
            .keys()
            .filter_map(|k| k.split(' ').next())
            .map(str::to_string)
            .collect();
        Gazetteer {
            names,
            longest,
            firsts,
        }
    })
}

/// The ids of the places `text` names, sorted, each once. The longest name wins
/// ("South Sudan" is not Sudan); a possessive is its name ("Britain's").
pub fn named(text: &str) -> Vec<&'static str> {
    named_in(text, true)
}

/// The place ids of a name already known to be a place (lowercased after "in"): the case
/// rules that keep "us" from being the US do not apply.
pub fn ids_of_place(name: &str) -> Vec<&'static str> {
    named_in(name, false)
}

fn named_in(text: &str, case_rules: bool) -> Vec<&'static str> {
    let g = gazetteer();
    let words: Vec<&str> = words(text)
        .map(|w| {
            w.strip_suffix("'s")
                .or_else(|| w.strip_suffix("’s"))
                .unwrap_or(w)
        })
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    let mut key = String::new();
    while i < words.len() {
        let mut step = 1;
        if !g.firsts.contains(&lower[i]) {
            i += 1;
            continue;
        }
        for n in (1..=g.longest.min(words.len() - i)).rev() {
            let phrase = &words[i..i + n];
            key.clear();
            for (k, w) in lower[i..i + n].iter().enumerate() {
                if k > 0 {
                    key.push(' ');
                }
                key.push_str(w);
            }
            let Some((id, case)) = g.names.get(&key) else {
                continue;
            };
            let written = match case {
                _ if !case_rules => true,
                Case::Any => true,
                Case::Upper => phrase.iter().all(|w| !w.chars().any(char::is_lowercase)),
                Case::Capital => phrase.iter().all(|w| w.starts_with(char::is_uppercase)),
            };
            if !written {
                continue;
            }
            if let Some(id) = id {
                out.push(*id);
            }
            step = n;
            break;
        }
        i += step;
    }
    out.sort_unstable();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gazetteer_parses_and_no_name_names_two_places() {
        let raw: RawGazetteer = toml::from_str(PLACES).unwrap();
        let mut seen = std::collections::HashMap::new();
        for p in &raw.place {
            for n in p.names.iter().chain(&p.adjectives) {
                if let Some(other) = seen.insert(normalise(n), &p.id) {
                    assert_eq!(other, &p.id, "{n:?} names two places");
                }
            }
        }
        assert!(gazetteer().names.len() > 500);
    }

    #[test]
    fn names_adjectives_and_possessives_name_one_place() {
        assert_eq!(named("UK greenhouse gas emissions fell"), vec!["gb"]);
        assert_eq!(named("Britain's emissions fell"), vec!["gb"]);
        assert_eq!(named("British households"), vec!["gb"]);
        assert_eq!(named("US emissions fell"), vec!["us"]);
        assert_eq!(named("the U.S. economy"), vec!["us"]);
    }

    #[test]
    fn the_longest_name_wins_and_case_rules_hold() {
        assert_eq!(named("South Sudan's refugees"), vec!["ss"]);
        assert!(named("let us see").is_empty());
        assert!(named("floods in New South Wales").is_empty());
        assert!(named("a turkey dinner").is_empty());
        assert_eq!(named("Turkey's exports"), vec!["tr"]);
        assert_eq!(named("France and Germany"), vec!["de", "fr"]);
        assert_eq!(ids_of_place("turkey"), ids_of_place("türkiye"));
    }
}
