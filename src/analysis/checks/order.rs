//! `said-name-order`: `"…," said Putin.` where `"…," Putin said.` reads better.
//!
//! Subject before verb is the natural English order. The inversion is right when a long title
//! or an appositive follows the name (`said Jane Smith, who led the study`, `said Lamar
//! Smith, a Republican from Texas`), since the verb would otherwise wait at the end of a long
//! phrase; so only a short name (at most three words, a title included) that ends the
//! sentence, or is followed only by a short time or place phrase, is flagged.

use super::{finding, Ctx};
use crate::analysis::cues::CueForm;
use crate::analysis::model::{Finding, Fix, Span};
use crate::analysis::phrases::NpKind;
use crate::analysis::rules::Rule;
use crate::analysis::tokens::Tok;

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

pub fn check(ctx: &Ctx) -> Vec<Finding> {
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
                out.push(flag(c.verb, np.span, verb, name));
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
                out.push(flag(c.verb, np.span, verb, name));
            }
        }
    }
    out
}

fn flag(verb: Span, name_span: Span, verb_text: &str, name: &str) -> Finding {
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
