//! The attribution verb itself: `loaded-verb` (a verb that takes sides, or one that is not
//! speech at all), `attribution-tense` (`said` and `says` mixed in one story) and
//! `said-name-order` (`said Putin` where `Putin said` reads better).
//!
//! Both read only the writer's frame: quotations are single tokens, so a loaded word the
//! speaker used inside the marks is never flagged. A loaded verb counts only where it
//! attributes words — next to a quote, or introducing what was said (`claimed that …`,
//! `insisted, …`) — because the same verbs have other, neutral senses (`claimed
//! responsibility`, `charged with fraud`, `admitted to the hospital`).

use super::{finding, same_case, Ctx, Sentence};
use crate::analysis::cues::{Cue, CueForm};
use crate::analysis::lexicon;
use crate::analysis::model::{Finding, Fix, Span};
use crate::analysis::options::{HouseTense, Options};
use crate::analysis::phrases::NpKind;
use crate::analysis::rules::Rule;
use crate::analysis::tokens::{Tok, Token};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Verbs that editorialise (`claim`: doubt, `admit`/`concede`/`confess`: wrongdoing, `insist`:
/// dispute, `charge`: legal charges) and verbs that are not speech (people do not smile words).
const LOADED: &[&str] = &[
    "claim", "admit", "concede", "insist", "confess", "charge", "smile", "laugh", "sigh", "grin",
    "chuckle",
];

/// Nouns after which `claim`/`charge`/`admit` are not speech: `claimed responsibility`.
const NEUTRAL_OBJECTS: &[&str] = &[
    "responsibility",
    "credit",
    "victory",
    "lives",
    "life",
    "title",
    "seat",
    "seats",
    "ownership",
    "asylum",
    "benefits",
    "damages",
    "fees",
    "fee",
    "interest",
    "patients",
    "students",
    "hospital",
];

/// Every inflection of a base form a writer may use (`grin` → `grinned`, `grinning`); too many
/// forms are harmless, since only words in attribution position are looked up.
fn inflect(base: &str) -> Vec<String> {
    let mut out = vec![base.to_string()];
    let stem = base.strip_suffix('e').unwrap_or(base);
    let last = base.chars().last().unwrap_or(' ');
    out.push(if base.ends_with(['s', 'x', 'z', 'h']) {
        format!("{base}es")
    } else {
        format!("{base}s")
    });
    out.push(format!("{stem}ed"));
    out.push(format!("{stem}ing"));
    if !"aeiouwy".contains(last) && base.len() <= 5 {
        out.push(format!("{base}{last}ed"));
        out.push(format!("{base}{last}ing"));
    }
    out
}

/// Lower-cased forms to look for, each with the base form it came from.
fn loaded_forms(configured: Option<&[String]>) -> Forms {
    let mut map = FxHashMap::default();
    let bases: Vec<String> = match configured {
        Some(list) => list.iter().map(|w| w.trim().to_lowercase()).collect(),
        None => LOADED.iter().map(|w| w.to_string()).collect(),
    };
    for base in bases.into_iter().filter(|b| !b.is_empty()) {
        for form in inflect(&base) {
            map.entry(form).or_insert_with(|| base.clone());
        }
        // A configured inflected form (`claimed`) is matched as written too.
        map.entry(base.clone()).or_insert(base);
    }
    Forms::new(map)
}

/// The loaded verbs of a house style (`[style] loaded-verbs`, or the built-in list), for
/// callers outside the checks: the sourcing report sorts attribution verbs into neutral and
/// loaded with the very list `loaded-verb` flags.
pub struct LoadedVerbs(Forms);

impl LoadedVerbs {
    pub fn new(options: &Options) -> LoadedVerbs {
        LoadedVerbs(loaded_forms(options.loaded_verbs.as_deref()))
    }

    /// The base form of `word` (any case) when it is a loaded verb: `Claimed` → `claim`.
    pub fn base(&self, word: &str) -> Option<&str> {
        self.0.get(&word.trim().to_lowercase())
    }
}

/// The loaded forms, with a first test on a word's first byte and length that turns away
/// nearly every word of a story before any hashing: this check looks up every word, and the
/// lookups were most of its time.
struct Forms {
    map: FxHashMap<String, String>,
    /// The first bytes of the forms, one bit each.
    first: [u64; 4],
    /// The byte lengths of the forms below 64, one bit each.
    lengths: u64,
    /// Whether some form is 64 bytes or longer.
    long: bool,
}

impl Forms {
    fn new(map: FxHashMap<String, String>) -> Forms {
        let mut forms = Forms {
            first: [0; 4],
            lengths: 0,
            long: false,
            map,
        };
        for form in forms.map.keys() {
            if let Some(&b) = form.as_bytes().first() {
                forms.first[usize::from(b / 64)] |= 1 << (b % 64);
            }
            match form.len() {
                n if n < 64 => forms.lengths |= 1 << n,
                _ => forms.long = true,
            }
        }
        forms
    }

    fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The base form of `word`, if it is one of the forms.
    fn get(&self, word: &str) -> Option<&str> {
        let b = *word.as_bytes().first()?;
        let first = self.first[usize::from(b / 64)] & (1 << (b % 64)) != 0;
        let length = match word.len() {
            n if n < 64 => self.lengths & (1 << n) != 0,
            _ => self.long,
        };
        if !(first && length) {
            return None;
        }
        self.map.get(word).map(String::as_str)
    }
}

/// The built-in forms, built once rather than for every document.
fn default_forms() -> &'static Forms {
    static FORMS: OnceLock<Forms> = OnceLock::new();
    FORMS.get_or_init(|| loaded_forms(None))
}

/// `said` in the tense and person of `form`: `claimed` → `said`, `insists` → `says`.
fn said_like(form: &str) -> &'static str {
    if form.ends_with("ing") {
        "saying"
    } else if form.ends_with("ed") || matches!(form, "said" | "told" | "spoke" | "wrote") {
        "said"
    } else if form.ends_with('s') {
        "says"
    } else {
        "say"
    }
}

fn word(toks: &[Token], i: usize) -> Option<&str> {
    toks.get(i)
        .filter(|t| t.is_word())
        .map(|t| t.lower.as_str())
}

/// Whether the verb at `i` introduces speech: followed by `that` (within a few words), by a
/// quotation, by punctuation, by the end of the sentence, or by a subject pronoun.
fn introduces_speech(toks: &[Token], i: usize) -> bool {
    let is_quote = |k: usize| toks.get(k).is_some_and(|t| t.quote().is_some());
    match toks.get(i + 1) {
        // `Sanders conceded.` (the race) or `the newspaper admitted.` with no quotation: the
        // sense is not settled, so only a quotation attached to the verb counts (checked by
        // the caller).
        None => false,
        Some(t) if t.quote().is_some() || t.is_punct(':') => true,
        Some(t) if t.is_punct(',') => is_quote(i + 2),
        Some(t) if !t.is_word() => false,
        Some(_) => {
            let ahead = (i + 1..(i + 5).min(toks.len()))
                .take_while(|&k| toks[k].is_word())
                .any(|k| toks[k].lower == "that");
            ahead
                || matches!(
                    word(toks, i + 1),
                    Some("he" | "she" | "they" | "we" | "i" | "it")
                )
        }
    }
}

/// Whether the legal or neutral sense of a verb is meant: `charged with`, `claimed victory`.
fn neutral_sense(toks: &[Token], i: usize, base: &str) -> bool {
    let next = word(toks, i + 1);
    // The object's head after determiners: `claimed the lives of`, `claimed a seat`.
    let object = (i + 1..(i + 4).min(toks.len()))
        .filter_map(|k| word(toks, k))
        .find(|w| {
            !matches!(
                *w,
                "the" | "a" | "an" | "his" | "her" | "their" | "its" | "two" | "three"
            )
        });
    if object.is_some_and(|w| NEUTRAL_OBJECTS.contains(&w)) {
        return true;
    }
    // `Republican claims of "breakthroughs"`, `charges of fraud`: a noun.
    if next == Some("of") {
        return true;
    }
    // A passive (`was not charged`, `were admitted`): the subject did not speak.
    let passive = (i.saturating_sub(3)..i).any(|k| {
        matches!(
            word(toks, k),
            Some("was" | "were" | "is" | "are" | "be" | "been" | "being" | "get" | "got")
        )
    });
    if passive {
        return true;
    }
    if next.is_some_and(|w| NEUTRAL_OBJECTS.contains(&w)) {
        return true;
    }
    if base == "charge" {
        let with = (i + 1..(i + 6).min(toks.len())).any(|k| word(toks, k) == Some("with"));
        let money = toks
            .get(i + 1)
            .is_some_and(|t| t.is_punct('$') || t.lower.starts_with(|c: char| c.is_ascii_digit()));
        return with || money;
    }
    if base == "admit" {
        return next == Some("to") && matches!(word(toks, i + 2), Some("the" | "a" | "an"));
    }
    false
}

/// Whether token `i` is next to a quotation as its tag: `"…," she laughed.` or
/// `"…," laughed Smith.` — for verbs the cue finder does not know as speech.
fn tags_quote(toks: &[Token], i: usize) -> bool {
    let after_tag = |k: usize| {
        toks.get(k)
            .is_none_or(|t| matches!(t.kind, Tok::Punct('.' | ',' | '!' | '?' | ';')))
    };
    let quote_before = |k: usize| {
        let mut k = k;
        if toks.get(k).is_some_and(|t| t.is_punct(',')) {
            k = match k.checked_sub(1) {
                Some(p) => p,
                None => return false,
            };
        }
        toks.get(k).is_some_and(|t| t.quote().is_some())
    };
    // `"…," laughed Smith.`
    if i > 0 && quote_before(i - 1) {
        let mut k = i + 1;
        while toks.get(k).is_some_and(|t| t.is_word() && t.cap) {
            k += 1;
        }
        let pronoun = matches!(word(toks, i + 1), Some("he" | "she" | "they"));
        return (k > i + 1 && k <= i + 4 && after_tag(k)) || (pronoun && after_tag(i + 2));
    }
    // `"…," she laughed.` / `"…," Smith chuckled.`
    let mut s = i;
    while s > 0 && i - s < 3 && toks[s - 1].is_word() && toks[s - 1].cap {
        s -= 1;
    }
    if s == i && i > 0 && matches!(word(toks, i - 1), Some("he" | "she" | "they")) {
        s = i - 1;
    }
    s < i && s > 0 && quote_before(s - 1) && after_tag(i + 1)
}

pub fn loaded(ctx: &Ctx) -> Vec<Finding> {
    let configured;
    let forms = match ctx.options.loaded_verbs.as_deref() {
        None => default_forms(),
        Some(list) => {
            configured = loaded_forms(Some(list));
            &configured
        }
    };
    let mut out = Vec::new();
    if forms.is_empty() {
        return out;
    }
    for s in &ctx.sentences {
        for (i, t) in s.toks.iter().enumerate() {
            if !t.is_word() {
                continue;
            }
            let Some(base) = forms.get(t.lower.as_str()) else {
                continue;
            };
            // `Pagliano's Fifth Amendment claims`: a noun in a possessive phrase.
            let possessed = s.toks[i.saturating_sub(3)..i].iter().any(|p| p.possessive);
            if possessed {
                continue;
            }
            let cue = s.cues.iter().find(|c| c.verb == t.span);
            // People smile, laugh and sigh without speaking: those verbs count only as the tag
            // of a quotation.
            let gesture = matches!(base, "smile" | "laugh" | "sigh" | "grin" | "chuckle");
            let attributes = match cue {
                Some(c) => {
                    attached_to_quote(ctx, s, c)
                        || (!gesture
                            && (introduces_speech(&s.toks, i) || c.reported.is_some())
                            && !neutral_sense(&s.toks, i, base))
                }
                // Not a speech verb to the engine: only as a quotation's tag.
                None => lexicon::speech_verb(&t.lower).is_none() && tags_quote(&s.toks, i),
            };
            if !attributes {
                continue;
            }
            let written = t.span.text(ctx.view);
            let replacement = same_case(written, said_like(&t.lower));
            let mut f = finding(
                Rule::LoadedVerb,
                t.span,
                format!(
                    "\"{written}\" {}; \"{replacement}\" is neutral.",
                    meaning(base)
                ),
            );
            f.fix = Some(Fix::replace(
                format!("Replace \"{written}\" with \"{replacement}\""),
                t.span,
                replacement,
            ));
            out.push(f);
        }
    }
    out
}

/// Why a verb is loaded, for the message.
fn meaning(base: &str) -> &'static str {
    match base {
        "claim" => "casts doubt on the speaker",
        "admit" | "concede" | "confess" => "implies the speaker owned up to something",
        "insist" => "implies a dispute",
        "charge" => "belongs to legal charges",
        "smile" | "laugh" | "sigh" | "grin" | "chuckle" => "is not a way of saying words",
        _ => "takes sides (house style lists it as loaded)",
    }
}

/// Whether a quotation of the cue's own sentence is attributed through it (a quote elsewhere
/// in the paragraph that leans on it does not make the verb a quotation's tag).
fn attached_to_quote(ctx: &Ctx, s: &Sentence, cue: &Cue) -> bool {
    s.toks.iter().filter_map(|t| t.quote()).any(|q| {
        ctx.quotes
            .get(q)
            .and_then(|q| q.attribution.as_ref())
            .is_some_and(|a| a.cue == Some(cue.verb))
    })
}

/// Subjects whose `says` is a lasting state, not a tense slip: documents and publications.
const DOCUMENTS: &[&str] = &[
    "report",
    "study",
    "poll",
    "survey",
    "statement",
    "memo",
    "letter",
    "document",
    "filing",
    "lawsuit",
    "complaint",
    "indictment",
    "ruling",
    "release",
    "post",
    "website",
    "article",
    "law",
    "bill",
    "book",
    "ad",
    "video",
    "sign",
    "label",
    "policy",
    "website",
    "page",
    "site",
];

/// `said`/`says` cues of the story, outside headlines.
fn say_cues<'a>(ctx: &'a Ctx) -> impl Iterator<Item = (&'a Sentence, &'a Cue, &'a str)> + 'a {
    ctx.sentences
        .iter()
        .filter(|s| !ctx.is_headline(s.paragraph))
        .flat_map(|s| s.cues.iter().map(move |c| (s, c)))
        .filter(|(_, c)| c.lemma == "say" && c.form != CueForm::Participle)
        .filter_map(|(s, c)| {
            let lower = c.verb.text(ctx.view).to_lowercase();
            let form = match lower.as_str() {
                "said" => "said",
                "says" => "says",
                _ => return None,
            };
            // `has said`, `had said`: a perfect, not a choice of tense.
            let at = s.toks.iter().position(|t| t.span == c.verb).unwrap_or(0);
            // `whatever he says it`, `as he said so`: an object, not an attribution.
            let object = matches!(word(&s.toks, at + 1), Some("it" | "so" | "this"))
                && s.toks.get(at + 2).is_none_or(|t| !t.is_word());
            if object {
                return None;
            }
            let perfect = at > 0 && matches!(word(&s.toks, at - 1), Some("has" | "have" | "had"));
            let document = c.subject.as_ref().is_some_and(|np| {
                np.kind == NpKind::Nominal
                    && np
                        .role_words
                        .iter()
                        .any(|w| DOCUMENTS.contains(&w.as_str()))
            });
            (!perfect && !document).then_some((s, c, form))
        })
}

pub fn tense(ctx: &Ctx) -> Vec<Finding> {
    let cues: Vec<_> = say_cues(ctx).collect();
    let said = cues.iter().filter(|c| c.2 == "said").count();
    let says = cues.len() - said;
    if said == 0 || says == 0 {
        return Vec::new();
    }
    let house = ctx.options.tense.as_str();
    let other = match ctx.options.tense {
        HouseTense::Said => "says",
        HouseTense::Says => "said",
    };
    cues.iter()
        .filter(|c| c.2 == other)
        .map(|(_, c, _)| {
            let written = c.verb.text(ctx.view);
            let replacement = same_case(written, house);
            let mut f = finding(
                Rule::AttributionTense,
                c.verb,
                format!(
                    "This story mixes \"said\" ({said}) and \"says\" ({says}); the house style is \
                     \"{house}\". Keep one tense for attribution."
                ),
            );
            f.fix = Some(Fix::replace(
                format!("Replace \"{written}\" with \"{replacement}\""),
                Span::new(c.verb.start, c.verb.end),
                replacement,
            ));
            f
        })
        .collect()
}

// ---- said-name-order ----
//
// `"…," said Putin.` where `"…," Putin said.` reads better. Subject before verb is the natural
// English order. The inversion is right when a long title or an appositive follows the name
// (`said Jane Smith, who led the study`, `said Lamar Smith, a Republican from Texas`), since
// the verb would otherwise wait at the end of a long phrase; so only a short name (at most
// three words, a title included) that ends the sentence, or is followed only by a short time or
// place phrase, is flagged.

/// The longest name phrase (title included) still short enough to go before the verb.
const MAX_NAME_WORDS: usize = 3;

/// Words that open a short adverbial the verb may keep: `said Putin on Monday.`
const ADVERBIAL: &[&str] = &[
    "on",
    "in",
    "at",
    "during",
    "after",
    "before",
    "last",
    "this",
    "yesterday",
    "today",
    "tonight",
    "earlier",
    "later",
];

pub fn order(ctx: &Ctx) -> Vec<Finding> {
    let mut out = Vec::new();
    for s in &ctx.sentences {
        for c in &s.cues {
            if c.form != CueForm::VerbSubject || c.lemma != "say" {
                continue;
            }
            let verb = c.verb.text(ctx.view);
            if !matches!(verb, "said" | "says") {
                continue;
            }
            let Some(np) = &c.subject else { continue };
            if np.kind != NpKind::Name {
                continue;
            }
            let name = np.span.text(ctx.view);
            let words = name.split_whitespace().count();
            // The name must follow the verb directly (nothing the fix would drop).
            let between = Span::new(c.verb.end, np.span.start).text(ctx.view);
            if words == 0 || words > MAX_NAME_WORDS || !between.trim().is_empty() {
                continue;
            }
            // What follows the name: the end of the sentence, or a short adverbial then the end.
            let Some(after) = s.toks.iter().position(|t| t.span.start >= np.span.end) else {
                out.push(inverted(c.verb, np.span, verb, name));
                continue;
            };
            let ends = |k: usize| {
                s.toks
                    .get(k)
                    .is_none_or(|t| matches!(t.kind, Tok::Punct('.' | '!' | '?')))
            };
            let short_adverbial = s.toks.get(after).is_some_and(|t| {
                t.is_word() && ADVERBIAL.contains(&t.lower.as_str()) && {
                    let rest = s.toks[after..].iter().take_while(|t| t.is_word()).count();
                    rest <= 4 && ends(after + rest)
                }
            });
            if ends(after) || short_adverbial {
                out.push(inverted(c.verb, np.span, verb, name));
            }
        }
    }
    out
}

fn inverted(verb: Span, name_span: Span, verb_text: &str, name: &str) -> Finding {
    let name_end = name_span.end;
    let swapped = format!("{name} {verb_text}");
    let mut f = finding(
        Rule::SaidNameOrder,
        Span::new(verb.start, name_end),
        format!(
            "\"{swapped}\" reads more naturally than \"{verb_text} {name}\"; keep the verb first \
             only when a long title or description follows the name."
        ),
    );
    f.fix = Some(Fix::replace(
        format!("Change to \"{swapped}\""),
        Span::new(verb.start, name_end),
        swapped,
    ));
    f
}
