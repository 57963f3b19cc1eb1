//! Speech cues in a sentence: a speech verb and the phrase that names who spoke.
//!
//! The patterns are the newsroom's own: `Putin said`, `"…," said Putin`, `according to X`,
//! `X told reporters`, `Haley Morris, a campaign spokeswoman, said`, `"…," he said, adding …`,
//! `X said:` before a quotation. A verb with no speaker phrase is no cue (`declined to comment`,
//! `Asked about the war, …`), and neither is a passive (`was told`). The phrases themselves are
//! read in `phrases.rs`; sentence subjects in `subjects.rs`.

use super::lexicon;
use super::model::Span;
use super::phrases::{
    np_backward, np_forward, with_head_before, word, Np, NpKind, DETERMINERS,
    POSSESSIVE_DETERMINERS,
};
use super::subjects::sentence_subject;
use super::tokens::{ending_at, first_from, Tok, Token};

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

const BE_FORMS: &[&str] = &[
    "was", "were", "is", "are", "be", "been", "being", "am", "get", "got",
];

/// Finds the cues among a sentence's tokens.
pub fn find(toks: &[Token], extra: &lexicon::ExtraVerbs) -> Vec<Cue> {
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
        let Some(lemma) = extra.speech_verb(&t.lower) else {
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
                first_from(toks, np.span.end)
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
    let cue = |form: CueForm, subject: Option<Np>| {
        Some(Cue {
            verb: t.span,
            at: i,
            lemma,
            form,
            subject,
            colon,
            reported,
        })
    };
    // `X was quoted as saying`: the subject is before `was quoted`.
    if ing && prev_word == Some("as") && i >= 3 && word(toks, i - 2) == Some("quoted") {
        let mut j = i - 3;
        while j > 0 && word(toks, j).is_some_and(lexicon::is_between_word) {
            j -= 1;
        }
        return cue(CueForm::SubjectVerb, np_backward(toks, j));
    }
    // `Boreing said the members will meet, but said, "…"`: a second verb of the same subject.
    if matches!(prev_word, Some("and" | "but")) {
        return cue(CueForm::Participle, None);
    }
    if ing {
        // `Hillary Clinton asking, "…"`: a participle right after its speaker.
        if prev.is_some_and(|p| p.is_word() && p.cap) {
            if let Some(np) = np_backward(toks, i - 1).filter(|np| np.kind == NpKind::Name) {
                return cue(CueForm::SubjectVerb, Some(np));
            }
        }
        // `Huckabee is labeling …`: a progressive form has its subject before it.
        if prev_word.is_some_and(|w| BE_FORMS.contains(&w)) {
            return cue(CueForm::SubjectVerb, subject_before(toks, i));
        }
        // `…, saying` / `…, adding that`: a participle after a comma, or after the quotation.
        let after_comma = prev.is_some_and(|p| p.is_punct(',') || p.quote().is_some());
        if !after_comma {
            return None;
        }
        return cue(CueForm::Participle, None);
    }
    // `"…," said Putin` / `"…" says a spokesman`: verb right after the quotation.
    // `"…" about fixing it, said Marla Kilfoyle`: after a comma, with the quotation earlier.
    let after_quote = prev.is_some_and(|p| p.quote().is_some())
        || (prev.is_some_and(|p| p.is_punct(',')) && toks[..i].iter().any(|p| p.quote().is_some()));
    let before = subject_before(toks, i)
        .filter(|np| !(t.lower == lemma && singular_without_auxiliary(toks, i, np)));
    if let Some(np) = before {
        return cue(CueForm::SubjectVerb, Some(np));
    }
    // `…, adds psychologist Mary Alvord.`: an inverted cue closing reported speech.
    let closing_comma = prev.is_some_and(|p| p.is_punct(','))
        && np_forward(toks, i + 1).is_some_and(|np| {
            np.kind == NpKind::Name
                && toks
                    .iter()
                    .find(|x| x.span.start >= np.span.end)
                    .is_none_or(|x| x.is_punct('.') || x.is_punct(','))
        });
    if after_quote || closing_comma {
        if let Some(np) = np_forward(toks, i + 1) {
            return Some(Cue {
                verb: t.span,
                at: i,
                lemma,
                form: CueForm::VerbSubject,
                subject: Some(named_after(toks, np)),
                colon,
                reported: None,
            });
        }
    }
    None
}

/// `said a spokeswoman for Trump Hotels, Jennifer Rodstrom.`: a description followed by the
/// name it describes, set off by a comma and closing the clause, is that named person (the
/// description becomes their role). Anything else is left as it was.
fn named_after(toks: &[Token], np: Np) -> Np {
    if np.kind != NpKind::Nominal {
        return np;
    }
    let Some(comma) = first_from(toks, np.span.end).filter(|&k| toks[k].is_punct(',')) else {
        return np;
    };
    let Some(mut named) = np_forward(toks, comma + 1).filter(|n| n.kind == NpKind::Name) else {
        return np;
    };
    let closes = first_from(toks, named.span.end)
        .and_then(|k| toks.get(k))
        .is_none_or(|x| x.is_punct('.') || x.is_punct(',') || x.quote().is_some());
    if !closes || named.role.is_some() {
        return np;
    }
    named.role = Some(np.span);
    named.role_words.extend(np.role_words);
    named.span = Span::new(np.span.start, named.span.end);
    named
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
                && ending_at(toks, np.span.end)
                    .is_some_and(|t| t.lower.ends_with('s') && !t.possessive)
        }
    };
    !aux && !plural
}

/// An appositive without an article that names a role after words describing it: `refugee
/// rights program director at Human Rights Watch`, `campaign finance lawyer`. Up to four
/// lower-case words, then the role noun or title, before any preposition.
fn bare_role(appositive: &[Token]) -> bool {
    appositive
        .iter()
        .take_while(|t| t.is_word() && !t.cap)
        .take(5)
        .any(|t| lexicon::is_role_noun(&t.lower) || lexicon::is_title(&t.lower))
}

/// The subject before a verb at `v`, over adverbs, auxiliaries, an appositive or a
/// parenthesis: `Putin has repeatedly said`, `Hill, a doctor, said`, `Graham (R-SC) said`.
fn subject_before(toks: &[Token], v: usize) -> Option<Np> {
    let mut j = v.checked_sub(1)?;
    // Auxiliaries and adverbs: `has repeatedly said`, `mockingly responded`.
    while toks[j].is_word()
        && (lexicon::is_between_word(&toks[j].lower)
            || !toks[j].cap
                && toks[j].lower.ends_with("ly")
                && toks[j].lower.len() > 4
                && !lexicon::is_role_noun(&toks[j].lower)
                && !matches!(
                    toks[j].lower.as_str(),
                    "assembly" | "rally" | "supply" | "italy"
                ))
    {
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
        return np_backward(toks, j)
            .map(|np| with_head_before(toks, np))
            .or_else(|| relative_clause_subject(toks, j));
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
    // `Smith, however, said`: a sentence adverb set off by commas; the subject is before it.
    if j == comma + 2
        && !first.cap
        && matches!(
            w,
            "however"
                | "meanwhile"
                | "though"
                | "too"
                | "also"
                | "instead"
                | "nonetheless"
                | "nevertheless"
                | "moreover"
                | "meantime"
                | "likewise"
                | "separately"
        )
    {
        return np_backward(toks, comma.checked_sub(1)?).map(|np| with_head_before(toks, np));
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
            || lexicon::is_role_noun(w)
            || bare_role(&toks[comma + 1..j]));
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
        .map(|t| t.lower.to_string());
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

/// `a White House official who spoke anonymously to discuss strategy said`: a relative
/// clause without commas between the speaker and the verb.
fn relative_clause_subject(toks: &[Token], j: usize) -> Option<Np> {
    let who = (j.saturating_sub(14)..=j)
        .rev()
        .take_while(|&k| toks[k].is_word())
        .find(|&k| toks[k].lower == "who");
    match who {
        Some(who) => np_backward(toks, who.checked_sub(1)?),
        None => post_modified_subject(toks, j),
    }
}

/// `A person familiar with the talks said`, `people close to the campaign say`: a description
/// whose modifier runs up to the verb; the phrase is the whole description.
fn post_modified_subject(toks: &[Token], j: usize) -> Option<Np> {
    let link = (j.saturating_sub(10)..=j)
        .rev()
        .take_while(|&k| toks[k].is_word())
        .find(|&k| {
            matches!(
                toks[k].lower.as_str(),
                "familiar" | "close" | "briefed" | "involved" | "knowledgeable"
            )
        })?;
    let head = np_backward(toks, link.checked_sub(1)?).filter(|n| n.kind == NpKind::Nominal)?;
    Some(Np {
        span: Span::new(head.span.start, toks[j].span.end),
        ..head
    })
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

/// Words that open a reported clause after a speech verb without `that`: a subject pronoun or
/// determiner (`said he could not`, `said the deal was`), or the noun a denial takes (`rejected
/// claims his toppling was a defeat`).
const CLAUSE_OPENERS: &[&str] = &[
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "you",
    "there",
    "the",
    "his",
    "her",
    "their",
    "its",
    "a",
    "an",
    "this",
    "these",
    "those",
    "no",
    "claims",
    "allegations",
    "accusations",
    "reports",
    "suggestions",
    "criticism",
    "charges",
    "assertions",
    "rumors",
    "speculation",
    "fears",
];

/// The clause a speech verb reports, when it is not a quotation: the rest of the sentence after
/// the verb (and `that`), up to a quotation that is the direct speech instead.
fn reported_clause(toks: &[Token], v: usize) -> Option<Span> {
    let mut k = v + 1;
    // Skip the addressee and `that`: `told reporters that …`, `said on Monday that` — but not
    // into another cue's clause (`he said, adding that …`).
    let limit = (v + 6).min(toks.len());
    if let Some(p) = (k..limit)
        .take_while(|&p| toks[p].is_word() && lexicon::speech_verb(&toks[p].lower).is_none())
        .find(|&p| word(toks, p) == Some("that"))
    {
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
    let starts_clause = CLAUSE_OPENERS.contains(&first.lower.as_str())
        || first.cap
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
        find(&toks, &lexicon::ExtraVerbs::default())
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
