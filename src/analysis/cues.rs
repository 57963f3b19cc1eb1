//! Speech cues in a sentence: a speech verb and the phrase that names who spoke.
//!
//! The patterns are the newsroom's own: `Putin said`, `"…," said Putin`, `according to X`,
//! `X told reporters`, `Haley Morris, a campaign spokeswoman, said`, `"…," he said, adding …`,
//! `X said:` before a quotation. A verb with no speaker phrase is no cue (`declined to comment`,
//! `Asked about the war, …`), and neither is a passive (`was told`).

use super::lexicon;
use super::model::Span;
use super::tokens::{Tok, Token};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueForm {
    /// `Putin said`, `he told reporters`.
    SubjectVerb,
    /// `"…," said Putin`.
    VerbSubject,
    /// `according to X`.
    According,
    /// `…, saying` / `…, adding`: the speaker is the sentence's subject.
    Participle,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// The verb (or `according to`).
    pub verb: Span,
    /// Token index of the verb in the sentence's tokens.
    pub at: usize,
    pub lemma: &'static str,
    pub form: CueForm,
    pub subject: Option<Np>,
    /// The verb is followed by a colon: `Smith said:`.
    pub colon: bool,
    /// Reported speech after the verb, when it is not a quotation: `said he could not …`.
    pub reported: Option<Span>,
}

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "another", "one", "some", "many", "several", "two", "three", "most",
];
/// Determiners that make a phrase a description even around a name: `another New Hampshire
/// Democrat`, `a Trump aide`.
const INDEFINITE: &[&str] = &[
    "a", "an", "another", "one", "some", "many", "several", "two", "three", "most",
];
const POSSESSIVE_DETERMINERS: &[&str] = &[
    "his", "her", "their", "its", "our", "my", "your", "this", "that", "these", "those", "whose",
];
const NP_MODIFIERS: &[&str] = &[
    "senior",
    "former",
    "top",
    "high-ranking",
    "longtime",
    "chief",
    "deputy",
    "other",
    "two",
    "three",
    "four",
    "several",
    "many",
    "some",
    "one",
    "anonymous",
    "unnamed",
    "administration",
    "campaign",
    "security",
    "state",
    "party",
    "government",
    "military",
    "intelligence",
    "congressional",
    "presidential",
    "federal",
    "local",
    "foreign",
    "press",
    "communications",
    "policy",
    "election",
    "defense",
    "justice",
    "police",
    "national",
    "senior-level",
    "regional",
    "international",
    "legal",
    "political",
    "economic",
    "independent",
    "outside",
    "veteran",
    "republican",
    "democratic",
    "conservative",
    "liberal",
    "progressive",
    "u.s.",
    "american",
    "white",
    "house",
    "senate",
    "executive",
    "general",
    "public",
    "health",
    "cyber",
    "research",
    "communications",
    "polling",
    "media",
    "news",
    "staff",
    "team",
    "law",
    "enforcement",
    "counterterrorism",
    "pentagon",
    "department",
    "transition",
    "current",
    "retired",
];
const PARTICLES: &[&str] = &[
    "de", "van", "von", "der", "den", "bin", "al", "el", "la", "le", "du", "da", "di", "del",
    "dos", "jr.", "sr.", "ii", "iii", "iv",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we"];
const BE_FORMS: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "am", "get", "got",
];

fn word(toks: &[Token], i: usize) -> Option<&str> {
    toks.get(i)
        .filter(|t| t.is_word())
        .map(|t| t.lower.as_str())
}

/// Finds the cues among a sentence's tokens.
pub fn find(toks: &[Token]) -> Vec<Cue> {
    let mut cues = Vec::new();
    // In a Title Case headline every verb is capitalised (`Clinton Said Reform Was Needed`).
    let words = toks.iter().filter(|t| t.is_word()).count();
    let caps = toks.iter().filter(|t| t.is_word() && t.cap).count();
    let title_case = words >= 4 && caps * 10 >= words * 8;
    for (i, t) in toks.iter().enumerate() {
        if t.quote().is_some() {
            if let Some(cue) = dash_signature(toks, i) {
                cues.push(cue);
            }
            continue;
        }
        if !t.is_word() {
            continue;
        }
        if t.lower == "according" && word(toks, i + 1) == Some("to") {
            let subject = np_forward(toks, i + 2);
            if let Some(np) = subject {
                let verb = Span::new(t.span.start, toks[i + 1].span.end);
                cues.push(Cue {
                    verb,
                    at: i,
                    lemma: "according to",
                    form: CueForm::According,
                    subject: Some(np),
                    colon: false,
                    reported: None,
                });
            }
            continue;
        }
        let Some(lemma) = lexicon::speech_verb(&t.lower) else {
            continue;
        };
        if let Some(cue) = verb_cue(toks, i, lemma, title_case) {
            cues.push(cue);
        }
    }
    // A participle (`, adding`) speaks for the subject of the cue before it, or the sentence's.
    for k in 0..cues.len() {
        if cues[k].form == CueForm::Participle && cues[k].subject.is_none() {
            let earlier = cues[..k].iter().rev().find_map(|c| c.subject.clone());
            cues[k].subject = earlier.or_else(|| sentence_subject(toks, cues[k].at));
        }
    }
    cues.retain(|c| c.subject.is_some());
    cues
}

/// An epigraph's signature: `"…" — Carlos Raúl`.
fn dash_signature(toks: &[Token], q: usize) -> Option<Cue> {
    let dash = toks.get(q + 1)?;
    if !matches!(dash.kind, Tok::Punct('—' | '―' | '–')) {
        return None;
    }
    let np = np_forward(toks, q + 2).filter(|np| np.kind == NpKind::Name)?;
    Some(Cue {
        verb: dash.span,
        at: q + 1,
        lemma: "—",
        form: CueForm::VerbSubject,
        subject: Some(np),
        colon: false,
        reported: None,
    })
}

fn verb_cue(toks: &[Token], i: usize, lemma: &'static str, title_case: bool) -> Option<Cue> {
    let t = &toks[i];
    let prev = i.checked_sub(1).and_then(|p| toks.get(p));
    let prev_word = i.checked_sub(1).and_then(|p| word(toks, p));
    // A capitalised form is a name or a heading word (`United States`, `The Washington
    // Post`), and a form after a possessive is a noun (`Rubio's claim`).
    if prev.is_some_and(|p| p.possessive) {
        return None;
    }
    if t.cap && !title_case {
        // `Said Trump: "…"` opens a sentence with an inverted cue.
        let inverted = i == 0 && !t.lower.ends_with("ing");
        return inverted
            .then(|| np_forward(toks, 1).filter(|np| np.kind == NpKind::Name))
            .flatten()
            .filter(|np| {
                toks.iter()
                    .position(|x| x.span.start >= np.span.end)
                    .and_then(|k| toks.get(k))
                    .is_some_and(|x| x.is_punct(':') || x.is_punct(','))
            })
            .map(|np| Cue {
                verb: t.span,
                at: i,
                lemma,
                form: CueForm::VerbSubject,
                subject: Some(np),
                colon: true,
                reported: None,
            });
    }
    // Nouns and infinitives: `a statement`, `declined to comment`, `in charge`.
    if prev_word.is_some_and(|w| {
        DETERMINERS.contains(&w)
            || POSSESSIVE_DETERMINERS.contains(&w)
            || matches!(w, "to" | "in" | "of" | "for" | "no" | "any")
    }) && !(prev_word == Some("to") && lemma == "say" && t.lower == "says")
    {
        return None;
    }
    // Passives: `was told`, `were asked`; but `was quoted as saying` names its subject.
    if prev_word.is_some_and(|w| BE_FORMS.contains(&w)) && t.lower.ends_with("ed")
        || prev_word.is_some_and(|w| BE_FORMS.contains(&w)) && t.lower == "told"
    {
        return None;
    }
    let ing = t.lower.ends_with("ing");
    let colon = toks.get(i + 1).is_some_and(|n| n.is_punct(':'));
    let reported = reported_clause(toks, i);
    // `X was quoted as saying`: the subject is before `was quoted`.
    if ing && prev_word == Some("as") && i >= 3 && word(toks, i - 2) == Some("quoted") {
        let mut j = i - 3;
        while j > 0 && word(toks, j).is_some_and(lexicon::is_between_word) {
            j -= 1;
        }
        return Some(Cue {
            verb: t.span,
            at: i,
            lemma,
            form: CueForm::SubjectVerb,
            subject: np_backward(toks, j),
            colon,
            reported,
        });
    }
    // `Boreing said the members will meet, but said, "…"`: a second verb of the same subject.
    if matches!(prev_word, Some("and" | "but")) {
        return Some(Cue {
            verb: t.span,
            at: i,
            lemma,
            form: CueForm::Participle,
            subject: None,
            colon,
            reported,
        });
    }
    if ing {
        // `Hillary Clinton asking, "…"`: a participle right after its speaker.
        if prev.is_some_and(|p| p.is_word() && p.cap) {
            if let Some(np) = np_backward(toks, i - 1).filter(|np| np.kind == NpKind::Name) {
                return Some(Cue {
                    verb: t.span,
                    at: i,
                    lemma,
                    form: CueForm::SubjectVerb,
                    subject: Some(np),
                    colon,
                    reported,
                });
            }
        }
        // `Huckabee is labeling …`: a progressive form has its subject before it.
        if prev_word.is_some_and(|w| BE_FORMS.contains(&w)) {
            return Some(Cue {
                verb: t.span,
                at: i,
                lemma,
                form: CueForm::SubjectVerb,
                subject: subject_before(toks, i),
                colon,
                reported,
            });
        }
        // `…, saying` / `…, adding that`: a participle after a comma, or after the quotation.
        let after_comma = prev.is_some_and(|p| p.is_punct(',') || p.quote().is_some());
        if !after_comma {
            return None;
        }
        return Some(Cue {
            verb: t.span,
            at: i,
            lemma,
            form: CueForm::Participle,
            subject: None,
            colon,
            reported,
        });
    }
    // `"…," said Putin` / `"…" says a spokesman`: verb right after the quotation.
    // `"…" about fixing it, said Marla Kilfoyle`: after a comma, with the quotation earlier.
    let after_quote = prev.is_some_and(|p| p.quote().is_some())
        || (prev.is_some_and(|p| p.is_punct(',')) && toks[..i].iter().any(|p| p.quote().is_some()));
    let before = subject_before(toks, i)
        .filter(|np| !(t.lower == lemma && singular_without_auxiliary(toks, i, np)));
    if let Some(np) = before {
        return Some(Cue {
            verb: t.span,
            at: i,
            lemma,
            form: CueForm::SubjectVerb,
            subject: Some(np),
            colon,
            reported,
        });
    }
    if after_quote {
        if let Some(np) = np_forward(toks, i + 1) {
            return Some(Cue {
                verb: t.span,
                at: i,
                lemma,
                form: CueForm::VerbSubject,
                subject: Some(np),
                colon,
                reported: None,
            });
        }
    }
    None
}

/// `A Government Accountability Office report`: a base form after a singular subject, with no
/// auxiliary between (`will say`, `did say`), is a noun, not a verb.
fn singular_without_auxiliary(toks: &[Token], v: usize, np: &Np) -> bool {
    let aux = v
        .checked_sub(1)
        .and_then(|p| word(toks, p))
        .is_some_and(|w| lexicon::is_between_word(w) && !matches!(w, "also" | "then" | "later"));
    let plural = match &np.kind {
        NpKind::Pronoun(p) => matches!(p.as_str(), "they" | "we"),
        _ => {
            np.span.end > 0
                && toks
                    .iter()
                    .rfind(|t| t.span.end == np.span.end)
                    .is_some_and(|t| t.lower.ends_with('s') && !t.possessive)
        }
    };
    !aux && !plural
}

/// The subject before a verb at `v`, over adverbs, auxiliaries, an appositive or a
/// parenthesis: `Putin has repeatedly said`, `Hill, a doctor, said`, `Graham (R-SC) said`.
fn subject_before(toks: &[Token], v: usize) -> Option<Np> {
    let mut j = v.checked_sub(1)?;
    while word(toks, j).is_some_and(lexicon::is_between_word) {
        j = j.checked_sub(1)?;
    }
    if toks[j].is_punct(')') {
        let open = (0..j).rev().take(12).find(|&k| toks[k].is_punct('('))?;
        j = open.checked_sub(1)?;
    }
    // `Sen. Dianne Feinstein of California, the ranking Democrat …, who said`: a relative
    // pronoun speaks for the name it follows.
    if word(toks, j) == Some("who") {
        return antecedent(toks, j);
    }
    if !toks[j].is_punct(',') {
        return np_backward(toks, j).map(|np| with_head_before(toks, np));
    }
    // An appositive or a clause between commas: `NAME, a campaign spokeswoman, said`. A
    // quotation may sit inside a participle or relative clause (`X, noting that the party's
    // "races are close," added:`), not inside a plain appositive.
    let comma = (0..j).rev().take(40).find(|&k| toks[k].is_punct(','))?;
    let first = toks.get(comma + 1)?;
    let w = first.lower.as_str();
    let clause = first.is_word() && (w.ends_with("ing") || matches!(w, "who" | "which" | "whose"));
    if !clause && toks[comma..j].iter().any(|t| t.quote().is_some()) {
        return None;
    }
    let plausible = first.is_word()
        && (clause
            || DETERMINERS.contains(&w)
            || matches!(
                w,
                "in" | "at" | "of" | "from" | "for" | "with" | "on" | "during" | "like"
            )
            || first.cap
            || w.chars().all(|c| c.is_ascii_digit())
            || lexicon::is_title(w)
            || lexicon::is_role_noun(w));
    if !plausible {
        return None;
    }
    // `Rep. Zoe Lofgren (D-Calif.), who …, said`: over a parenthesis before the appositive.
    let mut before_comma = comma.checked_sub(1)?;
    if toks[before_comma].is_punct(')') {
        let open = (0..before_comma)
            .rev()
            .take(12)
            .find(|&k| toks[k].is_punct('('))?;
        before_comma = open.checked_sub(1)?;
    }
    let np = np_backward(toks, before_comma)?;
    let appositive = Span::new(toks[comma + 1].span.start, toks[j - 1].span.end);
    let role_words = toks[comma + 1..j]
        .iter()
        .filter(|t| t.is_word() && (lexicon::is_title(&t.lower) || lexicon::is_role_noun(&t.lower)))
        .map(|t| t.lower.clone());
    match np.kind {
        NpKind::Name if np.role.is_none() => {
            let mut np = np;
            np.role = Some(appositive);
            np.role_words.extend(role_words);
            Some(np)
        }
        // `the Vatican spokesman, the Rev. Federico Lombardi, told`: the name is in the
        // appositive and the description is the role.
        NpKind::Nominal => match np_backward(toks, j - 1) {
            Some(mut named)
                if named.kind == NpKind::Name
                    && named.span.start >= first.span.start
                    && (first.cap || DETERMINERS.contains(&w) || lexicon::is_title(w)) =>
            {
                named.role = Some(np.span);
                named.role_words.extend(np.role_words);
                Some(named)
            }
            _ => Some(np),
        },
        _ => Some(np),
    }
}

/// The person a `who` at token `who` refers to: the phrase before its comma, or, when that
/// phrase is itself an appositive (`X, the ranking Democrat, who`), the name before it.
fn antecedent(toks: &[Token], who: usize) -> Option<Np> {
    let comma = who.checked_sub(1).filter(|&c| toks[c].is_punct(','))?;
    let near = np_backward(toks, comma.checked_sub(1)?);
    let earlier_comma = (0..comma).rev().take(25).find(|&k| toks[k].is_punct(','));
    if let Some(ec) = earlier_comma {
        let appositive = toks
            .get(ec + 1)
            .is_some_and(|t| DETERMINERS.contains(&t.lower.as_str()));
        if appositive {
            if let Some(named) =
                np_backward(toks, ec.checked_sub(1)?).filter(|n| n.kind == NpKind::Name)
            {
                return Some(named);
            }
        }
    }
    near.filter(|n| {
        n.kind != NpKind::Nominal
            || lexicon::is_person_role(n.role_words.last().map_or("", String::as_str))
    })
}

fn is_name_token(t: &Token) -> bool {
    t.is_word() && t.cap && !t.lower.chars().any(|c| c.is_ascii_digit())
}

/// A noun phrase ending at token `end`, read backwards.
fn np_backward(toks: &[Token], end: usize) -> Option<Np> {
    let last = toks.get(end)?;
    if !last.is_word() {
        return None;
    }
    if PRONOUNS.contains(&last.lower.as_str()) {
        return Some(Np {
            span: last.span,
            kind: NpKind::Pronoun(last.lower.clone()),
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
                || NP_MODIFIERS.contains(&w)
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
fn with_head_before(toks: &[Token], np: Np) -> Np {
    let Some(first) = toks.iter().position(|t| t.span.start >= np.span.start) else {
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
fn np_forward(toks: &[Token], start: usize) -> Option<Np> {
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
            && ahead().any(|n| is_name_token(n) && !lexicon::is_not_name(&n.lower));
        // `one former GOP leadership aide`, `A 2014 House Intelligence Committee report`:
        // words and numbers before the role noun that heads the phrase.
        let before_role = !seen_name(toks, start, k)
            && !lexicon::is_not_name(w)
            && lexicon::speech_verb(w).is_none()
            && ahead()
                .take(2)
                .any(|n| lexicon::is_role_noun(&n.lower) && !n.cap);
        let ok = (k == start && DETERMINERS.contains(&w))
            || before_name
            || before_role
            || is_name_token(t) && (!lexicon::is_not_name(w) || lexicon::is_title(w))
            || lexicon::is_title(w)
            || lexicon::is_role_noun(w)
            || NP_MODIFIERS.contains(&w)
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
            let after = toks.iter().position(|t| t.span.start >= named.span.end);
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
                        np.role_words.push(t.lower.clone());
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
const ADJECTIVES: &[&str] = &[
    "democratic",
    "republican",
    "american",
    "russian",
    "ukrainian",
    "syrian",
    "chinese",
    "british",
    "french",
    "german",
    "iranian",
    "israeli",
    "palestinian",
    "mexican",
    "european",
    "african",
    "asian",
    "muslim",
    "jewish",
    "catholic",
    "christian",
    "evangelical",
    "arab",
    "korean",
    "japanese",
    "indian",
    "canadian",
    "turkish",
    "iraqi",
    "afghan",
    "saudi",
    "egyptian",
    "soviet",
    "conservative",
    "liberal",
    "progressive",
    "libertarian",
    "federal",
    "national",
    "presidential",
    "congressional",
    "gop",
    "republicans",
    "democrats",
    "western",
    "eastern",
    "northern",
    "southern",
    "latino",
    "hispanic",
    "black",
    "white",
    "u.s.",
];

/// Classifies tokens `start..=end` as a speaker phrase, or None when they name nobody.
fn build_np(toks: &[Token], mut start: usize, end: usize) -> Option<Np> {
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
    let head_end = (start + 1..=end)
        .find(|&k| {
            matches!(
                toks[k].lower.as_str(),
                "for" | "of" | "at" | "with" | "from"
            ) && toks[k].is_word()
        })
        .map_or(end, |p| p - 1);
    // The name: the trailing run of capitalised words that are not titles or role words.
    let mut name_start = head_end + 1;
    for k in (start..=head_end).rev() {
        let t = &toks[k];
        let w = t.lower.as_str();
        // `Officials said`: a capitalised role word opening the sentence is no name.
        let opener_role = lexicon::is_role_noun(w) && lexicon::is_not_name(w);
        let name_like = !opener_role
            && (is_name_token(t) || PARTICLES.contains(&w) && k != end)
            && !lexicon::is_title(w)
            && (!lexicon::is_role_noun(w) || t.cap);
        if name_like && !(t.possessive && k != head_end) {
            name_start = k;
        } else {
            break;
        }
    }
    let role_words: Vec<String> = phrase
        .iter()
        .filter(|t| t.is_word() && (lexicon::is_title(&t.lower) || lexicon::is_role_noun(&t.lower)))
        .map(|t| t.lower.clone())
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
        if modifier
            || name_toks.len() == 1 && lexicon::is_not_name(lone)
            || name_toks.len() == 1 && name_start == 0 && lone.ends_with("ly")
            || name_toks.len() == 1
                && name_start == 0
                && lone.len() > 5
                && (lone.ends_with("ed") || lone.ends_with("ing"))
            || name_toks
                .iter()
                .all(|t| ADJECTIVES.contains(&t.lower.as_str()))
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
    if lexicon::is_role_noun(&head.lower)
        || indefinite && head.cap && !ADJECTIVES.contains(&head.lower.as_str())
    {
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

/// The subject at the start of the sentence (after an introductory phrase and comma), for
/// a participle cue or a quotation whose verb is not a speech verb.
pub fn sentence_subject(toks: &[Token], before: usize) -> Option<Np> {
    let before = before.min(toks.len());
    // The subject opens the sentence (`Senate Majority Leader Mitch McConnell, R-Ky.,
    // delivered …`) or follows an introductory phrase (`On Friday, Trump …`).
    let intro = toks[..before]
        .iter()
        .position(|t| t.is_punct(','))
        .filter(|&c| c < 12);
    subject_at(toks, 0, before).or_else(|| subject_at(toks, intro? + 1, before))
}

/// A phrase and the names coordinated with it: `Mark Adler and John Reed`.
pub fn coordinated(toks: &[Token], np: Np) -> Vec<Np> {
    let after = toks.iter().position(|t| t.span.start >= np.span.end);
    let mut out = vec![np];
    if let Some(k) = after.filter(|&k| word(toks, k) == Some("and")) {
        if let Some(other) = np_forward(toks, k + 1).filter(|n| n.kind == NpKind::Name) {
            out.push(other);
        }
    }
    out
}

fn subject_at(toks: &[Token], s: usize, before: usize) -> Option<Np> {
    let first = toks.get(s)?;
    if first.quote().is_some() || s >= before {
        return None;
    }
    let np = np_forward(toks, s)?;
    let mut after = toks.iter().position(|t| t.span.start >= np.span.end)?;
    // Over appositives and parentheses: `McConnell, R-Ky., delivered`, `Harry Reid (D-Nev.),
    // in particular, has been`.
    for _ in 0..3 {
        if !toks
            .get(after)
            .is_some_and(|t| t.is_punct(',') || t.is_punct('('))
        {
            break;
        }
        let close = if toks[after].is_punct('(') { ')' } else { ',' };
        let end = (after + 1..before.min(after + 25)).find(|&k| toks[k].is_punct(close))?;
        after = end + 1;
    }
    // `Trump's misinformation may be …`: a possessive is not the subject.
    if toks
        .iter()
        .rfind(|t| t.span.end == np.span.end)
        .is_some_and(|t| t.possessive)
    {
        return None;
    }
    // The phrase must be followed by its verb: a lower-case word.
    let next = toks.get(after)?;
    (next.is_word() && !next.cap && after < before).then_some(np)
}

/// The clause a speech verb reports, when it is not a quotation: the rest of the sentence after
/// the verb (and `that`), up to a quotation that is the direct speech instead.
fn reported_clause(toks: &[Token], v: usize) -> Option<Span> {
    let mut k = v + 1;
    // Skip the addressee and `that`: `told reporters that …`, `said on Monday that`.
    let limit = (v + 6).min(toks.len());
    if let Some(p) = (k..limit).find(|&p| word(toks, p) == Some("that")) {
        k = p + 1;
    }
    let first = toks.get(k)?;
    if !first.is_word() && first.quote().is_none() {
        return None;
    }
    if first.quote().is_some() {
        return None;
    }
    // A clause has a verb-like word soon; otherwise it is an adverbial (`said on Monday.`).
    let mut end = k;
    while let Some(t) = toks.get(end + 1) {
        if t.is_punct('.') || t.is_punct(';') || t.quote().is_some() && end + 1 == toks.len() - 1 {
            break;
        }
        end += 1;
    }
    let words = toks[k..=end].iter().filter(|t| t.is_word()).count();
    let starts_clause = matches!(
        first.lower.as_str(),
        "he" | "she"
            | "they"
            | "it"
            | "we"
            | "i"
            | "there"
            | "the"
            | "his"
            | "her"
            | "their"
            | "a"
            | "an"
            | "this"
            | "that"
            | "russia"
            | "no"
    ) || first.cap
        || toks[v + 1..k].iter().any(|t| t.lower == "that");
    (words >= 3 && starts_clause && !matches!(toks[k].kind, Tok::Punct(_)))
        .then(|| Span::new(toks[k].span.start, toks[end].span.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::tokenize;

    /// (speaker phrase, verb) of each cue; quotes are written as Q in the input.
    fn cues(text: &str) -> Vec<(String, String)> {
        let mut quotes = Vec::new();
        for (i, (at, _)) in text.match_indices('Q').enumerate() {
            quotes.push((i, Span::new(at, at + 1)));
        }
        let toks = tokenize(text, Span::new(0, text.len()), &quotes);
        find(&toks)
            .into_iter()
            .map(|c| {
                let s = c
                    .subject
                    .map(|s| s.span.text(text).to_string())
                    .unwrap_or_default();
                (s, c.verb.text(text).to_string())
            })
            .collect()
    }

    fn one(s: &str, v: &str) -> Vec<(String, String)> {
        vec![(s.to_string(), v.to_string())]
    }

    #[test]
    fn subject_verb_and_inverted() {
        assert_eq!(cues("Q, Putin said."), one("Putin", "said"));
        assert_eq!(
            cues("Q, said Lamar Smith, a Republican from Texas."),
            one("Lamar Smith", "said")
        );
        assert_eq!(
            cues("Kremlin spokesman Dmitry Peskov told reporters Q"),
            one("Kremlin spokesman Dmitry Peskov", "told")
        );
        assert_eq!(cues("Q, he said."), one("he", "said"));
        assert_eq!(cues("Putin has repeatedly said Q"), one("Putin", "said"));
    }

    #[test]
    fn appositives_and_descriptions() {
        assert_eq!(
            cues("Hugh Hill, a doctor, said: Q"),
            one("Hugh Hill", "said")
        );
        assert_eq!(
            cues("Q, a White House official said."),
            one("a White House official", "said")
        );
        assert_eq!(
            cues("Q, according to the congressional report."),
            one("the congressional report", "according to")
        );
        assert_eq!(
            cues("Sen. Lindsey Graham (R-SC) said Q"),
            one("Sen. Lindsey Graham", "said")
        );
    }

    #[test]
    fn non_cues() {
        assert!(cues("The FDIC declined to comment.").is_empty());
        assert!(cues("He was told to leave.").is_empty());
        assert!(cues("In a statement, the mayor said Q").len() == 1);
        assert!(cues("His statement was long.").is_empty());
    }

    #[test]
    fn participle_takes_the_earlier_subject() {
        let c = cues("Q, he said, adding that Russia was ready.");
        assert_eq!(c[1], ("he".to_string(), "adding".to_string()));
    }
}
