//! A source read as turns: who speaks, and where their words are.
//!
//! Transcripts label their turns at the start of a line, in a handful of house styles:
//!
//! ```text
//! PUTIN: We have achieved our goals.
//! Q: When will you meet him?      A: I don't know.
//! Maria Lopez (Mayor): We will not raise taxes.
//! Rep. Cole: I yield back.
//! [00:12:31] KESSLER: Thank you.          **Kessler:** Thank you.
//! Speaker 1 (00:01:02): Hello.
//! ```
//!
//! A line without a label goes on with the turn before it (wrapped lines, paragraphs). Text
//! before the first label, and a whole source without labels (a reporter's notes), is one turn
//! with no speaker. Labels count only when a source has at least two labelled lines, so a lone
//! `Note:` in a notebook does not make "Note" a speaker.

use super::normalize::timestamp_len;
use crate::analysis::{name_words, Span};

/// Who a turn belongs to, as far as the source says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Who {
    /// A person named by the label (`PUTIN`, `Maria Lopez`, `Rep. Cole`).
    Named(String),
    /// A label that is a role, not a name (`THE PRESIDENT`, `MODERATOR`).
    Role(String),
    /// `Q:`, `REPORTER:`, `MODERATOR:` — the one asking the questions.
    Interviewer,
    /// `A:` — the interviewee, whom the transcript does not name.
    Interviewee,
    /// No label (notes, a preamble) or a generic one (`Speaker 1`, `UNIDENTIFIED MALE`): the
    /// words are somebody's, but the source does not say whose.
    Unnamed,
}

/// One turn: its speaker and the byte range of what they said (labels and line-start
/// timestamps excluded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Turn {
    pub who: Who,
    /// The label as written (`PUTIN`, `Q`), empty when there is none.
    pub label: String,
    /// A role in parentheses after the name (`Maria Lopez (Mayor)`).
    pub role: Option<String>,
    pub body: Span,
}

impl Turn {
    /// The speaker as a message would name them: the label, or "no speaker named".
    pub fn speaker_label(&self) -> &str {
        if self.label.is_empty() {
            "no speaker named"
        } else {
            &self.label
        }
    }
}

/// Labels that are the headings of notes, not speakers.
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "notes",
    "update",
    "background",
    "date",
    "time",
    "location",
    "place",
    "subject",
    "re",
    "transcript",
    "summary",
    "correction",
    "source",
    "sources",
    "attendees",
    "present",
    "from",
    "to",
    "cc",
    "tags",
    "title",
    "headline",
    "http",
    "https",
    "warning",
    "disclaimer",
    "editor's note",
    "context",
    "topic",
    "venue",
    "event",
    "contact",
    "phone",
    "email",
    "quote",
    "quotes",
    "link",
    "url",
    "ps",
    "p.s",
    "nb",
    "todo",
    "follow up",
    "follow-up",
];

/// Labels that are a speaker whose name the source does not give.
const GENERIC: &[&str] = &[
    "unidentified",
    "unknown",
    "speaker",
    "voice",
    "participant",
    "audience",
];

/// Words allowed lower-case inside a name (`Charles de Gaulle`, `Ursula von der Leyen`).
const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "bin", "al",
    "el", "ibn", "y", "dos", "das", "and", "of", "the",
];

/// A label found at the start of a line: who, the label text, the role, and where the words
/// after it start (a byte offset into the line).
struct Label {
    who: Who,
    text: String,
    role: Option<String>,
    body_start: usize,
}

/// Reads `text` into turns. Never fails: text it cannot read as labelled turns is one turn
/// with no speaker.
pub fn turns(text: &str) -> Vec<Turn> {
    let mut lines = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        lines.push((start, content, label(content)));
        start += line.len();
    }
    let labelled = lines.iter().filter(|(_, _, l)| l.is_some()).count();
    if labelled < 2 {
        return vec![Turn {
            who: Who::Unnamed,
            label: String::new(),
            role: None,
            body: Span::new(0, text.len()),
        }];
    }
    let mut out: Vec<Turn> = Vec::new();
    for (line_start, content, found) in lines {
        let line_end = line_start + content.len();
        match found {
            Some(l) => {
                if let Some(last) = out.last_mut() {
                    last.body.end = last.body.end.min(line_start);
                }
                out.push(Turn {
                    who: l.who,
                    label: l.text,
                    role: l.role,
                    body: Span::new(line_start + l.body_start, line_end),
                });
            }
            None => match out.last_mut() {
                Some(last) => last.body.end = line_end,
                None => out.push(Turn {
                    who: Who::Unnamed,
                    label: String::new(),
                    role: None,
                    body: Span::new(line_start, line_end),
                }),
            },
        }
    }
    out
}

/// The label at the start of `line`, if it has one.
fn label(line: &str) -> Option<Label> {
    let mut at = line.len() - line.trim_start().len();
    at += leading_timestamp(&line[at..]);
    let rest = &line[at..];
    // `**Kessler:**` or `**Kessler**:` — Markdown emphasis around the label.
    let emphasis = ["**", "__", "*", "_"]
        .into_iter()
        .find(|e| rest.starts_with(e))
        .unwrap_or("");
    let rest = &rest[emphasis.len()..];
    at += emphasis.len();
    // The first colon outside parentheses (`Speaker 1 (00:01:02):`).
    let mut depth = 0i32;
    let colon = rest
        .char_indices()
        .take_while(|&(i, _)| i <= 80)
        .find(|&(_, c)| {
            match c {
                '(' | '[' => depth += 1,
                ')' | ']' => depth -= 1,
                _ => {}
            }
            c == ':' && depth <= 0
        })?
        .0;
    let after = &rest[colon + 1..];
    let after = after.strip_prefix(emphasis).unwrap_or(after);
    // `http://…`, `10:30`: a colon that does not end a label.
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    let body_start = at + (rest.len() - after.len()) + (after.len() - after.trim_start().len());
    let mut name = rest[..colon].trim().trim_end_matches(emphasis).trim();
    let mut role = None;
    // `Name (Role)`, `Speaker 1 (00:01:02)`, `PUTIN [00:12:31]`.
    while let Some(open) = name.rfind(['(', '[']) {
        let close = if name[open..].starts_with('(') {
            ')'
        } else {
            ']'
        };
        let Some(inner) = name[open + 1..].strip_suffix(close) else {
            break;
        };
        let inner = inner.trim();
        if timestamp_len(inner) != inner.len() && role.is_none() && !inner.is_empty() {
            role = Some(inner.to_owned());
        }
        name = name[..open].trim_end();
    }
    let who = classify(name)?;
    Some(Label {
        who,
        text: name.to_owned(),
        role,
        body_start,
    })
}

/// Skips a timestamp that opens a line: `[00:12:31]`, `(12:31)`, `00:12:31 -`.
fn leading_timestamp(s: &str) -> usize {
    let (open, close) = match s.chars().next() {
        Some('[') => (1, ']'),
        Some('(') => (1, ')'),
        _ => (0, ' '),
    };
    let len = timestamp_len(&s[open..]);
    if len == 0 {
        return 0;
    }
    let mut end = open + len;
    if open == 1 {
        if !s[end..].starts_with(close) {
            return 0;
        }
        end += 1;
    }
    let rest = &s[end..];
    let rest = rest.trim_start_matches([' ', '\t']);
    let rest = rest.strip_prefix(['-', '–', '—', '|']).unwrap_or(rest);
    s.len() - rest.trim_start_matches([' ', '\t']).len()
}

/// Who a label names, or `None` when the words before the colon are not a speaker label.
fn classify(name: &str) -> Option<Who> {
    if name.is_empty() || name.chars().count() > 60 {
        return None;
    }
    let lower = name.to_lowercase();
    match lower.as_str() {
        "q" | "question" | "interviewer" => return Some(Who::Interviewer),
        "a" | "answer" | "interviewee" => return Some(Who::Interviewee),
        _ => {}
    }
    if NOT_SPEAKERS.contains(&lower.as_str()) {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.len() > 5 {
        return None;
    }
    // Every word a capitalised name word, a title abbreviation, a number (`Speaker 2`) or a
    // particle: `Maria Lopez`, `Rep. Cole`, `THE PRESIDENT`, `Charles de Gaulle`.
    let name_like = words.iter().enumerate().all(|(i, w)| {
        let first = w.chars().next().unwrap_or(' ');
        first.is_uppercase()
            || w.chars().all(|c| c.is_ascii_digit())
            || (i > 0 && PARTICLES.contains(&w.to_lowercase().as_str()))
    });
    if !name_like || !name.chars().any(char::is_alphabetic) {
        return None;
    }
    if GENERIC.contains(&words[0].to_lowercase().as_str()) {
        return Some(Who::Unnamed);
    }
    let real: Vec<String> = name_words(name)
        .into_iter()
        .filter(|w| !matches!(w.as_str(), "the" | "a" | "an") && w.chars().any(char::is_alphabetic))
        .collect();
    if real.is_empty() {
        Some(Who::Role(name.to_owned()))
    } else if real.len() == 1 && ASKERS.contains(&real[0].as_str()) {
        Some(Who::Interviewer)
    } else if real.len() == 1 && ROLE_WORDS.contains(&real[0].as_str()) {
        Some(Who::Role(name.to_owned()))
    } else {
        Some(Who::Named(name.to_owned()))
    }
}

/// One-word labels of those who ask the questions: their words are never the answer's.
const ASKERS: &[&str] = &[
    "moderator",
    "host",
    "reporter",
    "journalist",
    "anchor",
    "correspondent",
    "interviewer",
    "caller",
    "audience",
];

/// One-word labels that name a part in the conversation rather than a person.
const ROLE_WORDS: &[&str] = &[
    "narrator",
    "operator",
    "clerk",
    "chairman",
    "chairwoman",
    "chair",
    "witness",
    "interpreter",
    "translator",
    "announcer",
    "panelist",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// Each turn as `who|label|role|body`.
    fn read(text: &str) -> Vec<String> {
        turns(text)
            .iter()
            .map(|t| {
                format!(
                    "{:?}|{}|{}|{}",
                    t.who,
                    t.label,
                    t.role.as_deref().unwrap_or("-"),
                    t.body.text(text).trim_end()
                )
            })
            .collect()
    }

    #[test]
    fn labelled_turns_in_house_styles() {
        let text = "Press conference, Dec. 19\n\
                    [00:12:31] PUTIN: We have achieved\n\
                    our goals.\n\
                    \n\
                    Maria Lopez (Mayor): No.\n\
                    **Rep. Cole:** I yield.\n\
                    THE PRESIDENT: Thank you.\n\
                    Speaker 1 (00:01:02): Hello.\n\
                    MODERATOR: Next.\n\
                    Charles de Gaulle: Vive.\n";
        assert_eq!(
            read(text),
            [
                "Unnamed||-|Press conference, Dec. 19",
                "Named(\"PUTIN\")|PUTIN|-|We have achieved\nour goals.",
                "Named(\"Maria Lopez\")|Maria Lopez|Mayor|No.",
                "Named(\"Rep. Cole\")|Rep. Cole|-|I yield.",
                "Role(\"THE PRESIDENT\")|THE PRESIDENT|-|Thank you.",
                "Unnamed|Speaker 1|-|Hello.",
                "Interviewer|MODERATOR|-|Next.",
                "Named(\"Charles de Gaulle\")|Charles de Gaulle|-|Vive.",
            ]
        );
    }

    #[test]
    fn questions_and_answers() {
        let text = "Q: When?\r\nA: Soon.\r\nI think.\r\n";
        assert_eq!(
            read(text),
            ["Interviewer|Q|-|When?", "Interviewee|A|-|Soon.\r\nI think."]
        );
        // A body ends with its last line's words, before the line end.
        let t = turns(text);
        assert_eq!(t[0].body.text(text), "When?");
    }

    #[test]
    fn notes_without_labels_are_one_unnamed_turn() {
        for text in [
            "Met Lopez at 10:30. She said taxes stay.\nNote: check the budget.\n",
            "",
            "http://example.com/a\nTime: 10:30\n",
            "she said: we will see\nhe said: no way\n",
        ] {
            let t = turns(text);
            assert_eq!(t.len(), 1, "{text:?}: {t:?}");
            assert_eq!(t[0].who, Who::Unnamed);
            assert_eq!(t[0].body, Span::new(0, text.len()));
        }
    }
}
