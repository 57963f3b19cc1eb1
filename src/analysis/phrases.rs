//! Noun phrases that name a speaker: `Kremlin spokesman Dmitry Peskov`, `a White House
//! official`, `a source close to the campaign`, `he`.
//!
//! Phrases are read backwards from a verb (`… Peskov told`) or forwards from one (`said Lamar
//! Smith, a Republican`), then classified: a proper name (with the titles and role words around
//! it), a description of an unnamed source, or a pronoun.

use super::lexicon;
use super::model::Span;
use super::tokens::{first_from, Token};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// The phrase that names a speaker.
#[derive(Debug, Clone, PartialEq)]
pub struct Np {
    /// The whole phrase: `Kremlin spokesman Dmitry Peskov`, `a White House official`, `he`.
    pub span: Span,
    pub kind: NpKind,
    /// The proper-name part (`Dmitry Peskov`), for names and organisations.
    pub name: Option<Span>,
    /// Title or role words before the name, or an appositive after it.
    pub role: Option<Span>,
    /// Lower-cased title and role words of the phrase, for gender and role matching.
    pub role_words: Vec<String>,
    /// The phrase opens with `the` (a definite description can refer back: `the president`).
    pub definite: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NpKind {
    /// A proper name (person or organisation: `entities` decides).
    Name,
    /// `he`, `she`, `they`, `it`, `we`.
    Pronoun(String),
    /// A description: `a White House official`, `officials`, `the campaign`.
    Nominal,
}

pub const DETERMINERS: &[&str] = &[
    "a", "an", "the", "another", "one", "some", "many", "several", "two", "three", "most",
];

/// Determiners that make a phrase a description even around a name: `another New Hampshire
/// Democrat`, `a Trump aide`.
const INDEFINITE: &[&str] = &[
    "a", "an", "another", "one", "some", "many", "several", "two", "three", "most",
];

pub const POSSESSIVE_DETERMINERS: &[&str] = &[
    "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "whose",
];

const NP_MODIFIERS: &str =
    "senior former top high-ranking longtime chief deputy other two three four several many some \
one anonymous unnamed administration campaign security state party government military \
intelligence congressional presidential federal local foreign press communications policy \
election defense justice police national senior-level regional international legal political \
economic independent outside veteran republican democratic conservative liberal progressive \
u.s. american white house senate executive general public health cyber research \
communications polling media news staff team law enforcement counterterrorism pentagon \
department transition current retired gop democrat";

/// Whether `w` is one of [`NP_MODIFIERS`] (a set: this is asked of every word of a phrase).
fn is_np_modifier(w: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| NP_MODIFIERS.split_whitespace().collect())
        .contains(w)
}

const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "du", "da", "di", "del",
    "dos", "jr.", "sr.", "ii", "iii", "iv",
];

pub const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];

pub fn word(toks: &[Token], i: usize) -> Option<&str> {
    toks.get(i)
        .filter(|t| t.is_word())
        .map(|t| t.lower.as_str())
}

pub fn is_name_token(t: &Token) -> bool {
    t.is_word() && t.cap && !t.lower.chars().any(|c| c.is_ascii_digit())
}

/// A noun phrase ending at token `end`, read backwards.
pub fn np_backward(toks: &[Token], end: usize) -> Option<Np> {
    let last = toks.get(end)?;
    if !last.is_word() {
        return None;
    }
    if PRONOUNS.contains(&last.lower.as_str()) {
        return Some(Np {
            span: last.span,
            kind: NpKind::Pronoun(last.lower.to_string()),
            name: None,
            role: None,
            role_words: Vec::new(),
            definite: false,
        });
    }
    let mut start = end;
    let mut k = end;
    loop {
        let t = &toks[k];
        let ok = if t.is_word() {
            let w = t.lower.as_str();
            if DETERMINERS.contains(&w) {
                start = k;
                // `Jeffrey Lewis of the James Martin Center`: a determiner after a
                // preposition inside the phrase does not end it.
                let inner = k >= 2
                    && matches!(
                        word(toks, k - 1),
                        Some("of" | "for" | "at" | "with" | "from")
                    )
                    && toks[k - 2].is_word()
                    && (toks[k - 2].cap || lexicon::is_role_noun(&toks[k - 2].lower));
                if !inner {
                    break;
                }
                k -= 1;
                continue;
            }
            (is_name_token(t) && (k != 0 || !lexicon::is_not_name(w) || lexicon::is_title(w)))
                || lexicon::is_title(w)
                || lexicon::is_role_noun(w)
                || is_np_modifier(w)
                || PARTICLES.contains(&w)
                || t.possessive && k < end
                || (matches!(w, "for" | "of" | "at" | "with" | "from")
                    && k < end
                    && k > 0
                    && (toks[k - 1].is_word() && toks[k - 1].cap
                        || word(toks, k - 1)
                            .is_some_and(|p| lexicon::is_role_noun(p) || lexicon::is_title(p))))
        } else {
            // `Sen. Lindsey Graham (R-SC)`: a trailing parenthesis is skipped by the caller;
            // hyphens join `Clinton-Kaine campaign`.
            false
        };
        if !ok {
            // `the conservative-leaning newspaper`, `her liberal friends`: descriptive words
            // back to a determiner belong to the phrase.
            if let Some(d) = determiner_behind(
                toks,
                k,
                start < end || lexicon::is_role_noun(&toks[end].lower),
            ) {
                start = d;
            }
            break;
        }
        start = k;
        if k == 0 {
            break;
        }
        k -= 1;
    }
    build_np(toks, start, end)
}

/// The index of a determiner up to three plain words back from `k` (inclusive), when the
/// phrase found so far has a head worth describing.
fn determiner_behind(toks: &[Token], k: usize, has_head: bool) -> Option<usize> {
    if !has_head {
        return None;
    }
    let mut i = k;
    for _ in 0..3 {
        let t = toks.get(i)?;
        let w = t.lower.as_str();
        if !t.is_word() {
            return None;
        }
        if DETERMINERS.contains(&w) || POSSESSIVE_DETERMINERS[..4].contains(&w) {
            return Some(i);
        }
        if t.cap
            || lexicon::is_not_name(w)
            || lexicon::speech_verb(w).is_some()
            || w.ends_with("ly")
        {
            return None;
        }
        i = i.checked_sub(1)?;
    }
    None
}

/// Words that tie a description to what follows it: `a source close to the campaign`, `a
/// person familiar with the talks`, `an official with knowledge of the plan`.
const POST_MODIFIERS: &[&str] = &[
    "close",
    "familiar",
    "knowledge",
    "knowledgeable",
    "involved",
    "briefed",
    "with",
    "to",
    "of",
    "in",
    "on",
    "about",
    "inside",
    "within",
    "near",
    "who",
];

/// `a source close to the campaign said`: reading back from the verb finds `the campaign`;
/// the speaker is the description that phrase modifies.
pub fn with_head_before(toks: &[Token], np: Np) -> Np {
    let Some(first) = first_from(toks, np.span.start) else {
        return np;
    };
    let mut k = first;
    let mut steps = 0;
    while k > 0 && steps < 4 && word(toks, k - 1).is_some_and(|w| POST_MODIFIERS.contains(&w)) {
        k -= 1;
        steps += 1;
    }
    if steps == 0
        || k == 0
        || !matches!(
            word(toks, k),
            Some("close" | "familiar" | "with" | "involved" | "briefed" | "knowledgeable")
        )
    {
        return np;
    }
    match np_backward(toks, k - 1) {
        Some(head) if head.kind == NpKind::Nominal => Np {
            span: Span::new(head.span.start, np.span.end),
            ..head
        },
        _ => np,
    }
}

/// Extends a description forwards over what modifies it, to the end of the clause:
/// `said a source close to the campaign`, `said an official who spoke on condition of anonymity`.
fn with_modifier_after(toks: &[Token], mut np: Np, end: usize) -> Np {
    let starts = word(toks, end + 1).is_some_and(|w| {
        matches!(
            w,
            "close" | "familiar" | "with" | "involved" | "briefed" | "who" | "knowledgeable"
        )
    });
    if np.kind != NpKind::Nominal || !starts {
        return np;
    }
    let last = toks[end + 1..]
        .iter()
        .take(16)
        .take_while(|t| t.is_word())
        .last()
        .map(|t| t.span.end);
    if let Some(e) = last {
        np.span = Span::new(np.span.start, e);
    }
    np
}

/// A noun phrase starting at token `start`, read forwards (`said Lamar Smith, a Republican`).
pub fn np_forward(toks: &[Token], start: usize) -> Option<Np> {
    let first = toks.get(start)?;
    if !first.is_word() {
        return None;
    }
    if PRONOUNS.contains(&first.lower.as_str()) {
        return np_backward(toks, start);
    }
    let mut end = start;
    let mut k = start;
    let mut seen_head = false;
    while let Some(t) = toks.get(k) {
        if !t.is_word() {
            break;
        }
        let w = t.lower.as_str();
        // `said former tech executive Carly Fiorina`: descriptive words before a name.
        let ahead = || {
            toks[k + 1..(k + 4).min(toks.len())]
                .iter()
                .take_while(|n| n.is_word())
        };
        let before_name = !t.cap
            && !seen_name(toks, start, k)
            && lexicon::speech_verb(w).is_none()
            && ahead().any(|n| is_name_token(n) && !lexicon::is_not_name(&n.lower));
        // `one former GOP leadership aide`, `A 2014 House Intelligence Committee report`:
        // words and numbers before the role noun that heads the phrase.
        // (Over modifiers that are not names themselves: `one district GOP leader`.)
        let before_role = !lexicon::is_not_name(w)
            && lexicon::speech_verb(w).is_none()
            && !w.ends_with("ed")
            && toks[k + 1..(k + 5).min(toks.len())]
                .iter()
                .take_while(|n| {
                    n.is_word() && (!lexicon::is_not_name(&n.lower) || is_np_modifier(&n.lower))
                })
                .any(|n| lexicon::is_role_noun(&n.lower) && !n.cap);
        let ok = (k == start && DETERMINERS.contains(&w))
            || before_name
            || before_role
            || is_name_token(t) && (!lexicon::is_not_name(w) || lexicon::is_title(w))
            || lexicon::is_title(w)
            || lexicon::is_role_noun(w)
            || is_np_modifier(w)
            || PARTICLES.contains(&w) && seen_head
            || (matches!(w, "for" | "of" | "at" | "with" | "from")
                && seen_head
                && toks.get(k + 1).is_some_and(|n| n.is_word()));
        if !ok {
            break;
        }
        if !DETERMINERS.contains(&w) {
            seen_head = true;
        }
        end = k;
        k += 1;
    }
    // A phrase may not end on a preposition or determiner.
    while end > start
        && word(toks, end).is_some_and(|w| {
            matches!(w, "for" | "of" | "at" | "with" | "from") || DETERMINERS.contains(&w)
        })
    {
        end -= 1;
    }
    let mut np = with_modifier_after(toks, build_np(toks, start, end)?, end);
    // `said another Twitter user, Johanna Bayer`: the name follows the description.
    if np.kind == NpKind::Nominal && toks.get(end + 1).is_some_and(|t| t.is_punct(',')) {
        if let Some(mut named) = np_forward(toks, end + 2).filter(|n| n.kind == NpKind::Name) {
            let after = first_from(toks, named.span.end);
            let closes = after.is_none_or(|k| toks.get(k).is_some_and(|t| !t.is_word()));
            if closes && named.role.is_none() {
                named.role = Some(np.span);
                named.role_words.extend(np.role_words);
                return Some(named);
            }
        }
    }
    // An appositive after a comma gives the role: `said Lamar Smith, a Republican …`.
    if matches!(np.kind, NpKind::Name)
        && np.role.is_none()
        && toks.get(end + 1).is_some_and(|t| t.is_punct(','))
    {
        if let Some(a) = toks
            .get(end + 2)
            .filter(|t| DETERMINERS.contains(&t.lower.as_str()))
        {
            let stop = toks[end + 2..]
                .iter()
                .position(|t| !t.is_word())
                .map_or(toks.len(), |p| end + 2 + p);
            if stop > end + 2 {
                np.role = Some(Span::new(a.span.start, toks[stop - 1].span.end));
                for t in &toks[end + 2..stop] {
                    if lexicon::is_title(&t.lower) || lexicon::is_role_noun(&t.lower) {
                        np.role_words.push(t.lower.to_string());
                    }
                }
            }
        }
    }
    Some(np)
}

fn seen_name(toks: &[Token], start: usize, k: usize) -> bool {
    toks[start..k]
        .iter()
        .any(|t| is_name_token(t) && !lexicon::is_title(&t.lower))
}

/// Nationality and party adjectives: capitalised, but a phrase of them alone names nobody
/// (`the Democratic leadership`).
const ADJECTIVES: &str =
    "democratic republican american russian ukrainian syrian chinese british french german \
iranian israeli palestinian mexican european african asian muslim jewish catholic christian \
evangelical arab korean japanese indian canadian turkish iraqi afghan saudi egyptian soviet \
conservative liberal progressive libertarian federal national presidential congressional gop \
republicans democrats western eastern northern southern latino hispanic black white u.s.";

/// Classifies tokens `start..=end` as a speaker phrase, or None when they name nobody.
pub fn build_np(toks: &[Token], mut start: usize, end: usize) -> Option<Np> {
    // Drop leading words that are not part of a name (`But`, `Meanwhile`).
    while start < end {
        let t = &toks[start];
        if t.cap
            && lexicon::is_not_name(&t.lower)
            && !lexicon::is_title(&t.lower)
            && !DETERMINERS.contains(&t.lower.as_str())
        {
            start += 1;
        } else {
            break;
        }
    }
    let phrase = &toks[start..=end];
    let definite = phrase.first().is_some_and(|t| t.lower == "the");
    let indefinite = phrase
        .first()
        .is_some_and(|t| INDEFINITE.contains(&t.lower.as_str()) && start < end);
    // `a spokeswoman for Trump`, `Meenakshi Ganguly of Human Rights Watch`: the head is
    // before the preposition.
    // But `Ohio Secretary of State Jon Husted`: a full name at the end, after a title with a
    // preposition in it, is the head.
    let ends_in_full_name = end > start
        && toks[end].cap
        && toks[end - 1].cap
        && lexicon::first_name_gender(&toks[end - 1].lower).is_some();
    // And `the Office for Budget Responsibility`, `the Bank of England`: a proper name that
    // goes on after the preposition is one organisation's name, unless a person or a role
    // comes before it (`Meenakshi Ganguly of Human Rights Watch`, `a spokesman for Trump`).
    let split_at = (start + 1..=end).find(|&k| {
        matches!(
            toks[k].lower.as_str(),
            "for" | "of" | "at" | "with" | "from"
        ) && toks[k].is_word()
    });
    let organisation = split_at.is_some_and(|p| {
        let before = &toks[start..p];
        let after = &toks[p + 1..=end];
        after
            .iter()
            .all(|t| t.cap || matches!(t.lower.as_str(), "the" | "of" | "and" | "for"))
            && before
                .last()
                .is_some_and(|t| t.cap && lexicon::is_org_head(&t.lower))
            && before
                .iter()
                .filter(|t| t.is_word() && !DETERMINERS.contains(&t.lower.as_str()))
                .all(|t| {
                    t.cap
                        && !lexicon::is_title(&t.lower)
                        && lexicon::first_name_gender(&t.lower).is_none()
                })
    });
    let head_end = split_at
        .filter(|_| !ends_in_full_name && !organisation)
        .map_or(end, |p| p - 1);
    // The name: the trailing run of capitalised words that are not titles or role words.
    let mut name_start = head_end + 1;
    for k in (start..=head_end).rev() {
        let t = &toks[k];
        let w = t.lower.as_str();
        // `Officials said`: a capitalised role word opening the sentence is no name.
        let opener_role = lexicon::is_role_noun(w) && lexicon::is_not_name(w);
        let connector = organisation
            && k != head_end
            && k > start
            && matches!(w, "of" | "for" | "and" | "the")
            && toks[k - 1].cap;
        // Over middle initials: `Peter T. King`.
        let before = (start..k)
            .rev()
            .find(|&p| !is_initial(&toks[p].lower))
            .map(|p| &toks[p]);
        let surname = k == head_end
            && t.cap
            && before.is_some_and(|b| b.cap && lexicon::is_surname_title(&b.lower, w));
        let name_like = !opener_role
            && (is_name_token(t) || PARTICLES.contains(&w) && k != end || connector)
            && (!lexicon::is_title(w) || organisation && t.cap || surname)
            && (!lexicon::is_role_noun(w) || t.cap);
        if name_like && !(t.possessive && k != head_end) {
            name_start = k;
            // `Secretary of State Jon Husted`: the name starts at the first name, unless
            // another first name comes before it (`Mary Jo White`, `Jo Ann Emerson`).
            let double_first = k > start
                && toks[k - 1].cap
                && lexicon::first_name_gender(&toks[k - 1].lower).is_some();
            if ends_in_full_name && k == end - 1 && !double_first {
                break;
            }
        } else {
            break;
        }
    }
    let role_words: Vec<String> = phrase
        .iter()
        .filter(|t| t.is_word() && (lexicon::is_title(&t.lower) || lexicon::is_role_noun(&t.lower)))
        .map(|t| t.lower.to_string())
        .collect();
    let span = Span::new(toks[start].span.start, toks[end].span.end);
    if name_start <= head_end && !indefinite {
        let name_toks = &toks[name_start..=head_end];
        // A lone sentence-opening word or function word is not a name.
        let lone = &name_toks[0].lower;
        // `the Hillary Clinton emails`: a person's name after `the` modifies a noun.
        let modifier = definite
            && name_start == start + 1
            && lexicon::first_name_gender(&toks[name_start].lower).is_some();
        // `Chastened by the analyses, Trump …`, `Speaking at the rally, …`: a capitalised
        // participle or adverb opening the sentence, followed by its phrase, is not a name.
        let opener = name_toks.len() == 1
            && name_start == 0
            && toks.get(head_end + 1).is_some_and(|n| {
                n.is_punct(',')
                    || n.is_word()
                        && matches!(
                            n.lower.as_str(),
                            "by" | "at"
                                | "about"
                                | "in"
                                | "on"
                                | "with"
                                | "for"
                                | "from"
                                | "to"
                                | "after"
                                | "before"
                                | "over"
                        )
            })
            && (lone.ends_with("ly")
                || lone.len() > 5 && (lone.ends_with("ed") || lone.ends_with("ing")));
        if modifier
            || opener
            || name_toks.len() == 1 && lexicon::is_not_name(lone)
            || name_toks.iter().all(|t| is_adjective(&t.lower)) && !surname_adjective(name_toks)
        {
            return None;
        }
        let name = Span::new(name_toks[0].span.start, toks[head_end].span.end);
        let role = (name_start > start)
            .then(|| Span::new(toks[start].span.start, toks[name_start - 1].span.end))
            .filter(|_| !definite || name_start > start + 1);
        return Some(Np {
            span,
            kind: NpKind::Name,
            name: Some(name),
            role,
            role_words,
            definite,
        });
    }
    // No name: a description headed by a role noun (or by a name, after an indefinite
    // determiner: `another New Hampshire Democrat`).
    let head = &toks[head_end];
    if lexicon::is_role_noun(&head.lower) || indefinite && head.cap && !is_adjective(&head.lower) {
        return Some(Np {
            span,
            kind: NpKind::Nominal,
            name: None,
            role: None,
            role_words,
            definite,
        });
    }
    None
}

/// Whether `w` is a nationality or party adjective.
/// A middle initial: `t.` of `Peter T. King`.
fn is_initial(w: &str) -> bool {
    let mut chars = w.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_alphabetic())
}

/// `White`, `Black`: adjectives in the list above that are also common surnames, which alone
/// and capitalised (`White said:`) name a person; no other word of the list does.
fn surname_adjective(name_toks: &[Token]) -> bool {
    matches!(name_toks, [t] if t.cap && matches!(t.lower.as_str(), "white" | "black"))
}

fn is_adjective(w: &str) -> bool {
    static SET: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    SET.get_or_init(|| ADJECTIVES.split_whitespace().collect())
        .contains(w)
}
