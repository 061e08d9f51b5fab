//! Small helpers for slicing untrusted text safely: searches that return offsets into the
//! original string (never into a lowercased copy, whose lengths differ for "İ" or "ẞ"),
//! and display escaping of control characters.

/// The byte offset of the first case-insensitive occurrence of the ASCII `needle` in
/// `hay` at or after `from`. Offsets are into `hay` itself and always on a char boundary
/// (an ASCII byte never sits inside a multi-byte character).
pub fn find_ascii_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    debug_assert!(needle.is_ascii());
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() || from > h.len() || h.len() - from < n.len() {
        return None;
    }
    (from..=h.len() - n.len()).find(|&i| h[i..i + n.len()].eq_ignore_ascii_case(n))
}

/// `offset` moved back to the nearest char boundary of `s` (clamped to its length).
/// Whether the byte at `i` is a comma that groups digits ("8,000"): no clause mark.
fn grouping_comma(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    b.get(i) == Some(&b',')
        && i > 0
        && b[i - 1].is_ascii_digit()
        && b.get(i + 1).is_some_and(u8::is_ascii_digit)
}

/// The last of `marks` in `text[..at]` that is a clause mark (a comma grouping digits,
/// "8,000", is none): its offset and length.
pub fn mark_before(text: &str, at: usize, marks: &[char]) -> Option<(usize, usize)> {
    text[..at]
        .char_indices()
        .rev()
        .find(|&(i, c)| marks.contains(&c) && !grouping_comma(text, i))
        .map(|(i, c)| (i, c.len_utf8()))
}

/// The first of `marks` in `text[from..]` that is a clause mark, as an offset in `text`.
pub fn mark_after(text: &str, from: usize, marks: &[char]) -> Option<usize> {
    text[from..]
        .char_indices()
        .find(|&(i, c)| marks.contains(&c) && !grouping_comma(text, from + i))
        .map(|(i, _)| from + i)
}

pub fn floor_boundary(s: &str, offset: usize) -> usize {
    let mut o = offset.min(s.len());
    while !s.is_char_boundary(o) {
        o -= 1;
    }
    o
}

/// `offset` moved forward to the nearest char boundary of `s` (clamped to its length).
pub fn ceil_boundary(s: &str, offset: usize) -> usize {
    let mut o = offset.min(s.len());
    while !s.is_char_boundary(o) {
        o += 1;
    }
    o
}

/// Text for a terminal or a CI log: control characters (newlines included, ESC, NUL,
/// DEL, C1 and bidi overrides) are shown as escapes, so a file name or a quoted passage
/// can never start a line a runner executes or move the cursor.
pub fn escape_control(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(needs_escape) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if needs_escape(c) => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Like [`escape_control`] but keeps tabs and newlines: for multi-line text shown
/// as it is (a source passage), where only escapes and invisible controls must go.
pub fn strip_terminal_controls(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(|c| c != '\n' && c != '\t' && needs_escape(c)) {
        return std::borrow::Cow::Borrowed(s);
    }
    std::borrow::Cow::Owned(
        s.chars()
            .map(|c| {
                if c != '\n' && c != '\t' && needs_escape(c) {
                    '\u{fffd}'
                } else {
                    c
                }
            })
            .collect(),
    )
}

/// `s` with every control character (but newline and tab) replaced by a printable
/// stand-in of the same UTF-8 length, so byte spans into `s` stay valid: "?" for one
/// byte, "·" for two, "\u{fffd}" for three.
pub fn same_length_printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c == '\n' || c == '\t' || !needs_escape(c) {
                c
            } else {
                match c.len_utf8() {
                    1 => '?',
                    2 => '·',
                    _ => '\u{fffd}',
                }
            }
        })
        .collect()
}

/// Output for a CI log, as a last line of defence: no line may start (after spaces)
/// with "::" or "##[", which a GitHub runner would execute as a workflow command; a
/// zero-width space is put between the two characters. With `strip_escapes`, every
/// control character but newline and tab is shown as "?" (no colour was asked for, so
/// no escape sequence is ours).
pub fn neutralize_commands(s: &str, strip_escapes: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for line in s.split_inclusive('\n') {
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        let (lead, rest) = line.split_at(indent);
        out.push_str(lead);
        if rest.starts_with("::") || rest.starts_with("##[") {
            let (first, tail) = rest.split_at(1);
            out.push_str(first);
            out.push('\u{200b}');
            push_clean(&mut out, tail, strip_escapes);
        } else {
            push_clean(&mut out, rest, strip_escapes);
        }
    }
    out
}

fn push_clean(out: &mut String, s: &str, strip_escapes: bool) {
    if !strip_escapes {
        out.push_str(s);
        return;
    }
    out.extend(s.chars().map(|c| {
        if c != '\n' && c != '\t' && needs_escape(c) {
            '?'
        } else {
            c
        }
    }));
}

fn needs_escape(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_insensitive_search_gives_offsets_into_the_original() {
        let s = "İstanbul, according to İstanbul police";
        let p = find_ascii_ci(s, "according to ", 0).unwrap();
        assert_eq!(&s[p..p + 12], "according to");
        assert_eq!(find_ascii_ci("ẞ AcCoRdInG", "according", 0), Some(4));
        assert_eq!(find_ascii_ci("abc", "abcd", 0), None);
        assert_eq!(find_ascii_ci("abc", "b", 5), None);
    }

    #[test]
    fn boundaries_never_split_a_character() {
        let s = "a€b";
        assert_eq!(floor_boundary(s, 2), 1);
        assert_eq!(ceil_boundary(s, 2), 4);
        assert_eq!(floor_boundary(s, 99), s.len());
    }

    #[test]
    fn workflow_commands_cannot_start_a_line() {
        let s = neutralize_commands("ok\n::error file=x::boom\n  ##[warning]x\na::b\n", false);
        assert!(!s.lines().any(|l| l.trim_start().starts_with("::")));
        assert!(!s.lines().any(|l| l.trim_start().starts_with("##[")));
        assert!(s.contains("a::b"));
        assert_eq!(neutralize_commands("a\u{1b}[2Jb", true), "a?[2Jb");
        assert_eq!(neutralize_commands("a\u{1b}[1mb", false), "a\u{1b}[1mb");
    }

    #[test]
    fn control_characters_are_escaped() {
        assert_eq!(escape_control("a\n::error::x"), "a\\n::error::x");
        assert_eq!(escape_control("\u{1b}[31mred"), "\\u{1b}[31mred");
        assert_eq!(escape_control("plain"), "plain");
        assert_eq!(strip_terminal_controls("a\nb\u{1b}"), "a\nb\u{fffd}");
    }
}
