//! Who said each quotation, and how that was decided.
//!
//! The document is read once, in order, the way a reader does: each sentence's names are
//! noted, its cues resolved to speakers (pronouns to the person the reader has in mind), and
//! its quotations attributed, most specific evidence first:
//! 1. a cue in the same sentence (`"…," Putin said`, `according to X`, `he said`);
//! 2. a cue in another sentence of the same paragraph;
//! 3. an earlier part of the same running quote;
//! 4. a paragraph before that ends `X said:` (colon introduction);
//! 5. a quotation paragraph with no cue of its own continues the previous paragraph's speaker;
//! 6. a `Name:` lead on a headline.

use super::checks::Sentence;
use super::cues::{Cue, CueForm};
use super::entities::{Registry, Seen};
use super::kinds;
use super::lexicon;
use super::memo::Memo;
use super::model::{
    Attribution, Claim, ClaimKind, Gender, Method, Paragraph, Quote, QuoteKind, Span,
};
use super::phrases::{Np, NpKind};
use super::quotes::Found;
use super::subjects;
use super::tokens::{first_from, Token};
use rustc_hash::FxHashMap;

/// A pronoun cue that could mean more than one person.
pub struct Ambiguity {
    pub pronoun: Span,
    /// Most likely first.
    pub candidates: Vec<usize>,
}

pub struct Attributed {
    pub quotes: Vec<Quote>,
    pub registry: Registry,
    pub claims: Vec<Claim>,
    pub ambiguities: Vec<Ambiguity>,
    /// Every sentence's tokens and cues, in document order, handed on to the style checks
    /// (tokenising and finding cues a second time there was a quarter of the engine's time).
    pub sentences: Vec<Sentence>,
}

/// A resolved cue of one sentence.
struct Resolved {
    cue: Cue,
    speaker: Option<usize>,
    method: Method,
    confidence: f32,
}

/// The reader's state while going through the document.
struct Reader<'a> {
    view: &'a str,
    reg: Registry,
    sentence: usize,
    paragraph: usize,
    /// The speaker of the latest quotation or cue: who `he said` most likely means.
    current: Option<usize>,
    ambiguities: Vec<Ambiguity>,
    claims: Vec<Claim>,
}

pub fn attribute(
    view: &str,
    paragraphs: &[Paragraph],
    found: &[Found],
    extra: &lexicon::ExtraVerbs,
    memo: &mut Memo,
) -> Attributed {
    let mut quotes: Vec<Quote> = found
        .iter()
        .map(|f| Quote {
            span: f.span,
            inner: f.inner,
            kind: QuoteKind::Direct,
            paragraph: f.paragraph,
            group: f.group,
            closed: f.closed,
            nested: f.nested,
            attribution: None,
        })
        .collect();
    let mut r = Reader {
        view,
        reg: Registry::default(),
        sentence: 0,
        paragraph: 0,
        current: None,
        ambiguities: Vec::new(),
        claims: Vec::new(),
    };
    // The last speaker of each paragraph, and its final cue (for colon introductions).
    let mut sentences: Vec<Sentence> =
        Vec::with_capacity(paragraphs.iter().map(|p| p.sentences.len()).sum());
    let mut prev_last: Option<(usize, Span)> = None;
    let mut prev_colon: Option<(usize, Span)> = None;
    let mut next_quote = 0usize;
    // The last attributed quote of each running-quote group so far: quotes are visited in
    // order, so this is the nearest earlier part with a speaker, found without scanning back
    // over every quote (which was quadratic on a document of unattributed quotes).
    let mut last_in_group: FxHashMap<usize, usize> = FxHashMap::default();
    for (pi, para) in paragraphs.iter().enumerate() {
        let first_q = next_quote;
        while next_quote < quotes.len() && quotes[next_quote].paragraph == pi {
            next_quote += 1;
        }
        let in_para = first_q..next_quote;
        r.paragraph = pi;
        let mut para_cues: Vec<(usize, Resolved)> = Vec::new(); // (sentence index in para, cue)
        let mut lead: Option<(usize, Span)> = None;
        // Quotes are sorted by start and sentences come in order, so each sentence looks only
        // from the first quote that has not ended before it to the last that starts in it:
        // scanning the whole paragraph per sentence was quadratic on a one-line document.
        let mut from = first_q;
        for (si, &sentence) in para.sentences.iter().enumerate() {
            while from < next_quote && quotes[from].span.end <= sentence.start {
                from += 1;
            }
            let qs: Vec<(usize, Span)> = (from..next_quote)
                .take_while(|&q| quotes[q].span.start <= sentence.end)
                .filter(|&q| sentence.covers(quotes[q].span) || sentence.overlaps(quotes[q].span))
                .map(|q| (q, quotes[q].span))
                .collect();
            let read = memo.sentence(view, sentence, &qs, extra);
            let (toks, found) = (read.toks, read.cues);
            let seen = Seen {
                sentence: r.sentence,
                paragraph: pi,
                as_speaker: false,
                as_subject: false,
            };
            let resolved = r.read_sentence(&toks, found.clone(), read.subject, seen);
            if si == 0 {
                if let Some(name) = kinds::name_colon_lead(&toks) {
                    lead = r.headline_speaker(&toks, name, seen);
                }
            }
            r.attribute_sentence(&mut quotes, &toks, &resolved, lead, seen);
            for c in resolved {
                para_cues.push((si, c));
            }
            sentences.push(Sentence {
                paragraph: pi,
                toks,
                cues: found,
            });
            r.sentence += 1;
        }
        // Quotations with no cue in their sentence: another sentence of the paragraph.
        for q in in_para.clone() {
            if quotes[q].attribution.is_some() || !quotes[q].kind.is_speech() {
                continue;
            }
            let si = para
                .sentences
                .iter()
                .position(|s| s.overlaps(quotes[q].span))
                .unwrap_or(0);
            let best = para_cues
                .iter()
                .filter(|(_, c)| c.speaker.is_some() && !quotes[q].span.covers(c.cue.verb))
                .min_by_key(|(s, c)| {
                    (
                        if *s <= si { si - s } else { 2 * (s - si) },
                        c.cue.verb.start,
                    )
                });
            if let Some((_, c)) = best {
                quotes[q].attribution = Some(Attribution {
                    speaker: c.speaker.unwrap_or(0),
                    method: Method::SameParagraph,
                    cue: Some(c.cue.verb),
                    mention: c.cue.subject.as_ref().map(|n| n.span),
                    confidence: (c.confidence - 0.15).max(0.3),
                    source: Some(c.cue.verb),
                });
            }
        }
        // Running quotes, colon introductions and continuation paragraphs.
        let opens_with_quote = in_para
            .clone()
            .next()
            .is_some_and(|q| quotes[q].span.start == para.span.start);
        for q in in_para.clone() {
            if quotes[q].attribution.is_some() || !quotes[q].kind.is_speech() {
                if quotes[q].attribution.is_some() {
                    last_in_group.insert(quotes[q].group, q);
                }
                continue;
            }
            let group_prior = last_in_group.get(&quotes[q].group).copied();
            let inherited = if let Some(p) = group_prior {
                quotes[p].attribution.clone().map(|a| Attribution {
                    method: Method::Continuation,
                    confidence: (a.confidence - 0.05).max(0.3),
                    source: Some(quotes[p].span),
                    ..a
                })
            } else if let (true, Some((who, cue))) = (opens_with_quote, prev_colon) {
                Some(Attribution {
                    speaker: who,
                    method: Method::ColonIntro,
                    cue: Some(cue),
                    mention: None,
                    confidence: 0.85,
                    source: Some(cue),
                })
            } else if let (true, Some((who, from))) = (opens_with_quote, prev_last) {
                Some(Attribution {
                    speaker: who,
                    method: Method::Continuation,
                    cue: None,
                    mention: None,
                    confidence: 0.7,
                    source: Some(from),
                })
            } else {
                None
            };
            if let Some(a) = inherited {
                r.current = Some(a.speaker);
                quotes[q].attribution = Some(a);
                last_in_group.insert(quotes[q].group, q);
            }
        }
        // What this paragraph leaves the next one.
        let last_quote = in_para.clone().rev().find_map(|q| {
            quotes[q]
                .attribution
                .as_ref()
                .map(|a| (a.speaker, quotes[q].span, quotes[q].span.end))
        });
        let last_cue = para_cues
            .iter()
            .rev()
            .find_map(|(_, c)| c.speaker.map(|s| (s, c.cue.verb, c.cue.verb.end)));
        prev_last = match (last_quote, last_cue) {
            (Some(q), Some(c)) => Some(if c.2 > q.2 { (c.0, c.1) } else { (q.0, q.1) }),
            (Some(q), None) => Some((q.0, q.1)),
            (None, Some(c)) => Some((c.0, c.1)),
            (None, None) => None,
        };
        prev_colon = None;
        if para.span.text(view).trim_end().ends_with(':') {
            prev_colon = para_cues
                .iter()
                .rev()
                .find_map(|(_, c)| c.speaker.map(|s| (s, c.cue.verb)));
        }
    }
    // A running quote attributed in a later part lends its speaker to the earlier parts.
    // Walking backwards, `next_in_group` holds the nearest later attributed part of each group.
    let mut next_in_group: FxHashMap<usize, usize> = FxHashMap::default();
    for q in (0..quotes.len()).rev() {
        if quotes[q].attribution.is_none() && quotes[q].kind.is_speech() {
            if let Some(&p) = next_in_group.get(&quotes[q].group) {
                quotes[q].attribution = quotes[p].attribution.clone().map(|a| Attribution {
                    method: Method::Continuation,
                    source: Some(quotes[p].span),
                    ..a
                });
            }
        }
        if quotes[q].attribution.is_some() {
            next_in_group.insert(quotes[q].group, q);
        }
    }
    Attributed {
        quotes,
        registry: r.reg,
        claims: r.claims,
        ambiguities: r.ambiguities,
        sentences,
    }
}

impl Reader<'_> {
    /// Notes the names of a sentence and resolves its cues.
    /// `subject` is the sentence's grammatical subject (`subjects::sentence_subject`).
    fn read_sentence(
        &mut self,
        toks: &[Token],
        found: Vec<Cue>,
        subject: Option<Np>,
        seen: Seen,
    ) -> Vec<Resolved> {
        // Names before the first pronoun cue are known to it; those after are not yet.
        let split = found
            .iter()
            .filter_map(|c| match c.subject.as_ref().map(|s| &s.kind) {
                Some(NpKind::Pronoun(_)) => c.subject.as_ref().map(|s| s.span.start),
                _ => None,
            })
            .min()
            .map_or(toks.len(), |at| first_from(toks, at).unwrap_or(toks.len()));
        self.reg.note_names(self.view, &toks[..split], seen);
        let mut out = Vec::new();
        for cue in found {
            let Some(np) = cue.subject.clone() else {
                continue;
            };
            let (speaker, method, confidence) = match &np.kind {
                NpKind::Pronoun(p) => {
                    let who = self.resolve_pronoun(p, np.span);
                    (who, Method::Pronoun, if who.is_some() { 0.8 } else { 0.0 })
                }
                _ => {
                    let who = self.reg.resolve(
                        self.view,
                        &np,
                        Seen {
                            as_speaker: true,
                            ..seen
                        },
                    );
                    let method = if cue.form == CueForm::According {
                        Method::According
                    } else {
                        Method::Explicit
                    };
                    (who, method, 0.95)
                }
            };
            if let Some(s) = speaker {
                self.reg.mention(
                    s,
                    np.span,
                    Seen {
                        as_speaker: true,
                        ..seen
                    },
                );
                self.current = Some(s);
                if let Some(span) = cue.reported {
                    self.claims.push(Claim {
                        speaker: s,
                        kind: ClaimKind::Reported,
                        span,
                        cue: Some(cue.verb),
                    });
                }
                if cue.form == CueForm::According {
                    if let Some(span) = according_claim(toks, &cue) {
                        self.claims.push(Claim {
                            speaker: s,
                            kind: ClaimKind::Reported,
                            span,
                            cue: Some(cue.verb),
                        });
                    }
                }
            }
            out.push(Resolved {
                cue,
                speaker,
                method,
                confidence,
            });
        }
        self.reg.note_names(self.view, &toks[split..], seen);
        // The sentence's subject is salient for the pronouns that follow.
        // `Mark Adler and John Reed met`: both are.
        if let Some(np) = subject {
            let start = toks.first().map_or(0, |t| t.span.start);
            let seen = Seen {
                as_subject: true,
                ..seen
            };
            for np in subjects::coordinated(toks, np) {
                if np.kind == NpKind::Name {
                    self.reg.resolve_subject(self.view, &np, seen, start);
                }
            }
        }
        out
    }

    /// The person a pronoun most likely means: the current speaker, else the most recent,
    /// most prominent compatible person. Records an ambiguity when two are equally likely.
    fn resolve_pronoun(&mut self, pronoun: &str, at: Span) -> Option<usize> {
        let g = lexicon::pronoun_gender(pronoun)?;
        let now = self.sentence;
        let mut scored: Vec<(f32, usize)> = self
            .reg
            .compatible(g)
            .map(|id| {
                let seen = self.reg.seen[id];
                let dist = now.saturating_sub(seen.sentence) as f32;
                let mut score = -dist.min(30.0);
                if Some(id) == self.current {
                    score += 2.0;
                }
                if seen.as_speaker {
                    score += 1.0;
                }
                // The subject of the sentence just read is who a reader takes `he` to be, even
                // over the speaker of an earlier quote.
                if seen.as_subject {
                    score += if dist <= 1.0 { 2.5 } else { 1.0 };
                }
                if seen.paragraph == self.paragraph {
                    score += 0.5;
                }
                if g != Gender::Plural && !self.reg.gender_known(id) {
                    score -= 2.0;
                }
                (score, id)
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let (best_score, best) = *scored.first()?;
        if let Some(&(second_score, second)) = scored.get(1) {
            // Two people of the pronoun's gender named in this sentence or the one before, the
            // second as prominently as the first (`Brooks and Gomez met. "…," he said.`).
            let close = best_score - second_score < 1.0;
            let both_known = self.reg.gender_known(best) && self.reg.gender_known(second);
            let recent = |id: usize| now.saturating_sub(self.reg.seen[id].sentence) <= 1;
            let prominent = self.reg.seen[second].as_subject || self.reg.seen[second].as_speaker;
            // `Brooks and Gomez met afterwards.`: two subjects of the same sentence.
            let (sb, ss) = (self.reg.seen[best], self.reg.seen[second]);
            let joint_subjects = sb.as_subject && ss.as_subject && sb.sentence == ss.sentence;
            if (close && prominent || joint_subjects)
                && both_known
                && recent(best)
                && recent(second)
                && g != Gender::Plural
            {
                self.ambiguities.push(Ambiguity {
                    pronoun: at,
                    candidates: vec![best, second],
                });
            }
        }
        self.reg.pronoun_evidence(best, g);
        Some(best)
    }

    fn headline_speaker(
        &mut self,
        toks: &[Token],
        name: Span,
        seen: Seen,
    ) -> Option<(usize, Span)> {
        let end = toks.iter().position(|t| t.span.end >= name.end)?;
        let start = first_from(toks, name.start)?;
        let np = Np {
            span: name,
            kind: NpKind::Name,
            name: Some(name),
            role: None,
            role_words: Vec::new(),
            definite: false,
        };
        let _ = (start, end);
        let id = self.reg.resolve(self.view, &np, seen)?;
        Some((id, name))
    }

    /// Gives each quotation of the sentence its kind and, when the sentence names a speaker
    /// (a cue, or failing that its subject), its attribution.
    fn attribute_sentence(
        &mut self,
        quotes: &mut [Quote],
        toks: &[Token],
        cues: &[Resolved],
        lead: Option<(usize, Span)>,
        seen: Seen,
    ) {
        let has_cue = cues.iter().any(|c| c.speaker.is_some());
        let mut subject: Option<Option<(usize, Span)>> = None;
        for (ti, t) in toks.iter().enumerate() {
            let Some(q) = t.quote() else { continue };
            if quotes.get(q).is_none() {
                continue;
            }
            let best = cues
                .iter()
                .filter(|c| c.speaker.is_some())
                .min_by_key(|c| distance(ti, c.cue.at, toks));
            let denial = cues
                .iter()
                .filter(|c| c.cue.at < ti)
                .max_by_key(|c| c.cue.at)
                .is_some_and(|c| DENIAL_VERBS.contains(&c.cue.lemma));
            if !has_cue && subject.is_none() {
                subject = Some(self.sentence_subject(toks, ti, seen));
            }
            let ctx = kinds::Context {
                cue: has_cue,
                denial,
                subject: subject.flatten().is_some(),
            };
            let quote = &mut quotes[q];
            quote.kind = kinds::classify(quote.inner.text(self.view), toks, ti, quote.closed, ctx);
            if let Some((who, name)) = lead {
                if quote.kind == QuoteKind::Scare {
                    quote.kind = QuoteKind::Partial;
                }
                if !has_cue {
                    quote.attribution = Some(Attribution {
                        speaker: who,
                        method: Method::Headline,
                        cue: None,
                        mention: Some(name),
                        confidence: 0.6,
                        source: Some(name),
                    });
                    continue;
                }
            }
            if !quote.kind.is_speech() {
                continue;
            }
            if let Some(c) = best {
                let speaker = c.speaker.unwrap_or(0);
                self.current = Some(speaker);
                quote.attribution = Some(Attribution {
                    speaker,
                    method: c.method,
                    cue: Some(c.cue.verb),
                    mention: c.cue.subject.as_ref().map(|s| s.span),
                    confidence: c.confidence,
                    source: None,
                });
            } else if let Some(Some((speaker, mention))) = subject {
                self.current = Some(speaker);
                quote.attribution = Some(Attribution {
                    speaker,
                    method: Method::Subject,
                    cue: None,
                    mention: Some(mention),
                    confidence: 0.55,
                    source: None,
                });
            }
        }
    }

    /// The speaker a sentence's subject names, for a quotation whose verb is not a speech verb.
    fn sentence_subject(
        &mut self,
        toks: &[Token],
        before: usize,
        seen: Seen,
    ) -> Option<(usize, Span)> {
        let np = subjects::sentence_subject(toks, before)
            .filter(|np| self.reg.could_speak(self.view, np))
            .or_else(|| {
                subjects::clause_subjects(toks, before)
                    .into_iter()
                    .find(|np| self.reg.could_speak(self.view, np))
            })?;
        let who = match &np.kind {
            NpKind::Pronoun(p) => self.resolve_pronoun(p, np.span),
            _ => self.reg.resolve(self.view, &np, seen),
        }?;
        Some((who, np.span))
    }
}

/// Verbs that deny what follows them: a quoted word in their complement is the
/// characterisation denied, not the speaker's own (`rejected claims it was a "defeat"`).
const DENIAL_VERBS: &[&str] = &["reject", "deny", "dismiss", "refute", "dispute", "rebut"];

/// Token distance from a quotation to a cue verb, counting a quotation in between as far.
fn distance(quote: usize, verb: usize, toks: &[Token]) -> usize {
    let (a, b) = if quote < verb {
        (quote, verb)
    } else {
        (verb, quote)
    };
    let between_quotes = toks[a + 1..b]
        .iter()
        .filter(|t| t.quote().is_some())
        .count();
    (b - a) + 20 * between_quotes
}

/// What `according to X` reports: the rest of the sentence around the cue.
fn according_claim(toks: &[Token], cue: &Cue) -> Option<Span> {
    let np = cue.subject.as_ref()?;
    let words = |r: &[Token]| r.iter().filter(|t| t.is_word()).count();
    let before = &toks[..cue.at];
    if words(before) >= 3 {
        let end = before
            .iter()
            .rposition(|t| t.is_word() || t.quote().is_some())?;
        return Some(Span::new(before.first()?.span.start, before[end].span.end));
    }
    let after_np = first_from(toks, np.span.end)?;
    let rest = &toks[after_np..];
    let first = rest
        .iter()
        .position(|t| t.is_word() || t.quote().is_some())?;
    let last = rest
        .iter()
        .rposition(|t| t.is_word() || t.quote().is_some())?;
    (words(rest) >= 3 && first <= last)
        .then(|| Span::new(rest[first].span.start, rest[last].span.end))
}
