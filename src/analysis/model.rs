//! The values the engine hands out: quotes, speakers, claims and findings.
//!
//! Everything here is plain data over byte ranges of the analysed text. Nothing knows about
//! LSP, files or output formats; those layers convert these values. Ranges always fall on
//! `char` boundaries of the input (a property test holds the engine to that).

use serde::Serialize;
use std::fmt;

/// A half-open byte range `[start, end)` into the analysed text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }
    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    /// Whether `other` lies entirely inside `self`.
    pub const fn covers(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text of this span, or "" when it does not fit `text` (never panics).
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

/// What kind of text the engine reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum DocKind {
    #[default]
    Text,
    Markdown,
}

/// What a pair of quotation marks holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuoteKind {
    /// Whole sentences of someone's speech: `"We have achieved our goals," Putin said.`
    Direct,
    /// A fragment of speech inside the writer's sentence: `ready for talks "anytime"`.
    Partial,
    /// A word or short phrase quoted as a label, not as speech: `a "defeat" for Russia`.
    Scare,
}

impl QuoteKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Partial => "partial",
            QuoteKind::Scare => "scare",
        }
    }
    /// Whether this quote is speech that needs a speaker.
    pub const fn is_speech(self) -> bool {
        !matches!(self, QuoteKind::Scare)
    }
}

/// One quotation: a pair of marks, or one paragraph's part of a running quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// From the opening mark to the closing mark inclusive (for an open running-quote part,
    /// to the end of its paragraph).
    pub span: Span,
    /// The words inside the marks.
    pub inner: Span,
    pub kind: QuoteKind,
    /// Index into [`Analysis::paragraphs`].
    pub paragraph: usize,
    /// Quotes that form one running quote across paragraphs share a group number; a
    /// single-paragraph quote has a group of its own.
    pub group: usize,
    /// Whether a closing mark ends this part (false for all but the last part of a running quote,
    /// and for a genuinely unclosed quote).
    pub closed: bool,
    /// Quotes nested inside this one (single marks inside double marks) are not listed as
    /// quotes of their own; this counts them for the hover.
    pub nested: usize,
    pub attribution: Option<Attribution>,
}

/// How the engine decided who said a quote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// A speech cue naming the speaker in the same sentence: `"…," Putin said`, `said Putin`.
    Explicit,
    /// `according to X`.
    According,
    /// A pronoun cue (`he said`) resolved to a person named earlier.
    Pronoun,
    /// The paragraph before ends with `X said:`.
    ColonIntro,
    /// The sentence's subject, with a verb that is not a speech verb:
    /// `Cruz belittled the issue as a "paperwork error"`.
    Subject,
    /// Another sentence of the same paragraph names the speaker.
    SameParagraph,
    /// A quote paragraph with no cue of its own that goes on with the previous speaker.
    Continuation,
    /// A headline or line that opens with `Name:` before the quote.
    Headline,
}

impl Method {
    pub const fn as_str(self) -> &'static str {
        match self {
            Method::Explicit => "explicit",
            Method::According => "according",
            Method::Pronoun => "pronoun",
            Method::ColonIntro => "colon-intro",
            Method::Subject => "subject",
            Method::SameParagraph => "same-paragraph",
            Method::Continuation => "continuation",
            Method::Headline => "headline",
        }
    }
}

/// Who said a quote or a claim, with the evidence.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Attribution {
    /// Index into [`Analysis::speakers`].
    pub speaker: usize,
    pub method: Method,
    /// The speech verb of the cue (`said`, `told`, `according to`), when there is one.
    pub cue: Option<Span>,
    /// The words that name the speaker at the cue: a name, a description or a pronoun.
    pub mention: Option<Span>,
    /// How sure the engine is, from 0 to 1.
    pub confidence: f32,
    /// For a continuation or same-paragraph attribution: the quote or cue it leans on.
    pub source: Option<Span>,
}

/// Whether a speaker is a named person, a named organisation or an unnamed source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SpeakerKind {
    Person,
    Organization,
    /// A description instead of a name: `a White House official`, `officials`.
    Nominal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Male,
    Female,
    /// Plural or organisational (`they`, `it`).
    Plural,
}

/// Where the text's evidence of a speaker's gender comes from, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum GenderSource {
    /// A gendered title, honorific or role word the text gives the speaker: `Mrs.`,
    /// `Councilman`, `a spokeswoman`.
    Title,
    /// A pronoun cue the text uses for the speaker: `"…," she said`.
    Pronoun,
    /// Nothing but a first name's usual gender (`Vladimir`): a guess, not the text's word.
    FirstName,
}

impl GenderSource {
    pub const fn as_str(self) -> &'static str {
        match self {
            GenderSource::Title => "title",
            GenderSource::Pronoun => "pronoun",
            GenderSource::FirstName => "first-name",
        }
    }
}

/// What the text itself says of a speaker's gender, and how, for reporting (the sourcing
/// report's count of women and men quoted). [`Speaker::gender`] is the engine's working guess
/// for resolving pronouns, which also gives groups and organisations `Plural`; this holds only
/// `Male` or `Female`, and only with evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct GenderEvidence {
    pub gender: Gender,
    pub source: GenderSource,
}

/// A source as the document presents it, all its references merged.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Speaker {
    /// The fullest name (`Vladimir Putin`) or the description (`a White House official`).
    pub name: String,
    pub kind: SpeakerKind,
    /// A title or role the text gives (`Russian President`, `a campaign spokeswoman`).
    pub role: Option<String>,
    pub gender: Option<Gender>,
    /// The text's own evidence of this speaker's gender; `None` when it gives none.
    pub gender_evidence: Option<GenderEvidence>,
    /// The first mention with the fullest name.
    pub first: Span,
    /// Every reference the engine tied to this speaker, in text order (names, roles, pronouns
    /// used as cues).
    pub mentions: Vec<Span>,
}

/// What a claim is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimKind {
    Direct,
    Partial,
    /// Reported speech: `Putin said he could not name a date`.
    Reported,
}

/// Something a speaker said, directly or as reported by the writer.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    pub speaker: usize,
    pub kind: ClaimKind,
    /// The claim's words: the quote's inner words, or the reported clause.
    pub span: Span,
    /// The cue verb, when there is one.
    pub cue: Option<Span>,
}

/// How much a finding matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Hint,
    Info,
    Warning,
    Error,
}

impl Severity {
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Hint => "hint",
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

/// Another place a finding points at (a candidate speaker, the opening of a quote).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

/// A problem in the draft. Rules live in `rules.rs`; this is what they produce.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule: super::rules::Rule,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    pub related: Vec<Related>,
    /// For `ambiguous-speaker` and `unattributed-quote`: speakers the writer may have meant,
    /// most likely first (indices into [`Analysis::speakers`]).
    pub candidates: Vec<usize>,
    /// A mechanical correction, when the rule knows one (`claimed` → `said`). The CLI's JSON
    /// carries it and the language server offers it as a quick fix.
    pub fix: Option<Fix>,
}

impl Finding {
    /// A finding with the rule's default severity and nothing related yet.
    pub fn new(rule: super::rules::Rule, span: Span, message: String) -> Finding {
        Finding {
            rule,
            severity: rule.info().default_severity,
            span,
            message,
            related: Vec::new(),
            candidates: Vec::new(),
            fix: None,
        }
    }
}

/// One replacement of a byte range of the analysed text (an insertion when the span is empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A correction: a title for the editor's menu and the edits that make it, which never overlap.
/// The engine's fixes never touch the words inside quotation marks (the speaker's words are
/// never "corrected"); the one fix that does is `quote-altered`'s (`crate::verify`), which only
/// puts back the speaker's own words from the source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fix {
    /// What the fix does, in the writer's words: `Replace "claimed" with "said"`.
    pub title: String,
    /// In text order.
    pub edits: Vec<Edit>,
}

impl Fix {
    /// A fix made of one edit.
    pub fn replace(title: impl Into<String>, span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            title: title.into(),
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
        }
    }

    /// `text` with this fix's edits made. Edits that do not fit `text` (stale offsets, a span
    /// off a `char` boundary, overlaps) are skipped rather than allowed to panic.
    pub fn apply(&self, text: &str) -> String {
        apply_edits(text, self.edits.iter())
    }
}

/// `text` with `edits` made, in any order given; an edit that overlaps an earlier one or does
/// not fit the text is skipped. Used to apply several findings' fixes at once.
pub fn apply_edits<'a>(text: &str, edits: impl IntoIterator<Item = &'a Edit>) -> String {
    let mut sorted: Vec<&Edit> = edits.into_iter().collect();
    sorted.sort_by_key(|e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0usize;
    for e in sorted {
        let fits = e.span.start >= pos
            && e.span.start <= e.span.end
            && text.get(e.span.start..e.span.end).is_some();
        if !fits {
            continue;
        }
        out.push_str(text.get(pos..e.span.start).unwrap_or(""));
        out.push_str(&e.replacement);
        pos = e.span.end;
    }
    out.push_str(text.get(pos..).unwrap_or(""));
    out
}

/// A paragraph of prose and the sentences the writer built it from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Paragraph {
    pub span: Span,
    /// The writer's sentences; a quotation is never split, so a quoted passage of several
    /// sentences sits inside one of these.
    pub sentences: Vec<Span>,
}

/// Everything the engine found in one text.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Analysis {
    pub kind: DocKind,
    pub paragraphs: Vec<Paragraph>,
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
    pub claims: Vec<Claim>,
    pub findings: Vec<Finding>,
}

impl Analysis {
    /// The quote whose span holds `offset`.
    pub fn quote_at(&self, offset: usize) -> Option<(usize, &Quote)> {
        self.quotes
            .iter()
            .enumerate()
            .find(|(_, q)| q.span.contains(offset))
    }

    /// The speaker one of whose mentions holds `offset`.
    pub fn speaker_at(&self, offset: usize) -> Option<(usize, &Speaker)> {
        self.speakers
            .iter()
            .enumerate()
            .find(|(_, s)| s.mentions.iter().any(|m| m.contains(offset)))
    }

    /// The name of the speaker of a quote, if it has one.
    pub fn speaker_name(&self, quote: &Quote) -> Option<&str> {
        let a = quote.attribution.as_ref()?;
        self.speakers.get(a.speaker).map(|s| s.name.as_str())
    }

    /// The quotes attributed to `speaker`, in text order.
    pub fn quotes_by(&self, speaker: usize) -> impl Iterator<Item = &Quote> {
        self.quotes
            .iter()
            .filter(move |q| q.attribution.as_ref().is_some_and(|a| a.speaker == speaker))
    }
}
