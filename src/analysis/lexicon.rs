//! Word lists the engine reasons with: speech verbs and their inflections, titles, role nouns,
//! pronouns, first names with their usual gender, and the capitalised words that start
//! sentences without naming anyone.
//!
//! These are general English and newsroom vocabulary, not lists fitted to any document. Lookups
//! take a lower-cased word; the sets are built once and shared.

use super::model::Gender;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// Speech and attribution verbs as base forms. Irregular inflections are listed in
/// [`IRREGULAR`]; the rest are derived by the usual English rules.
const SPEECH_VERBS: &str =
    "say tell add admit insist warn tweet write ask answer reply respond explain note claim argue \
state declare announce assert acknowledge agree allege comment complain concede confess confirm \
continue contend counter deny describe emphasize emphasise estimate exclaim grumble joke lament \
maintain mention mutter observe predict promise protest quip recall remark repeat report retort \
reveal scoff shout speak stress suggest swear testify threaten vow whisper wonder yell boast \
brag caution charge chime concur conclude demand disclose dismiss elaborate howl hint inform \
instruct marvel muse plead pledge point posit pronounce propose question rail reason recount \
reiterate reject relate remind reckon scold scream sigh snap specify stammer urge venture \
volunteer post blog email e-mail text cry laugh smile proclaim insinuate guarantee assure \
advise chide criticize criticise slam blast accuse praise thunder sneer affirm aver opine quote \
reassure underscore underline highlight pray beg snarl gush call fume boom interject belittle \
cite tout decry denounce lambaste mock ridicule taunt chant recite intone label dub brand term \
characterize characterise summarize counsel hail refute dispute rebut condemn applaud welcome \
recommend lecture preach rant echo remember find show gripe snipe vent rage cheer gloat bemoan";

/// Irregular past forms: base, past, past participle.
const IRREGULAR: &[(&str, &str, &str)] = &[
    ("say", "said", "said"),
    ("tell", "told", "told"),
    ("write", "wrote", "written"),
    ("speak", "spoke", "spoken"),
    ("swear", "swore", "sworn"),
    ("think", "thought", "thought"),
    ("read", "read", "read"),
];

/// Words that may sit between a speaker and the speech verb: `Putin also said`,
/// `Trump has repeatedly said`.
const BETWEEN_SUBJECT_AND_VERB: &str = "also later then previously once recently repeatedly often again further has have had would will \
was were is are did does do reportedly publicly privately simply only first frequently \
separately earlier subsequently quickly immediately flatly bluntly angrily quietly loudly told \
still even last finally initially originally directly explicitly openly falsely correctly \
wrongly just already never always elsewhere ultimately specifically not could may might should \
can been being haven't hasn't hadn't didn't doesn't don't won't wouldn't haven’t hasn’t hadn’t \
didn’t doesn’t don’t won’t wouldn’t personally herself himself themselves itself";

/// Titles and honorifics that precede a name and are not part of it.
const TITLES: &str =
    "mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sen sen. senator rep rep. \
representative gov gov. governor lt lt. gen gen. general col col. colonel capt capt. captain \
sgt sgt. adm adm. admiral president president-elect vice secretary minister chancellor mayor \
judge justice rev rev. reverend pope king queen prince princess sir dame lord lady sheikh \
speaker chairman chairwoman chair commissioner ambassador attorney congressman congresswoman \
councilman councilwoman councillor councilor premier leader director chief spokesman \
spokeswoman spokesperson candidate nominee officer former acting deputy prime sheriff coach \
detective sergeant lieutenant corporal trooper dean rabbi imam father sister brother bishop \
cardinal archbishop emir ayatollah lawmaker delegate assemblyman assemblywoman superintendent \
treasurer comptroller solicitor inspector auditor";

/// Nouns that describe a source by role when no name is given: `a White House official`.
const ROLE_NOUNS: &str = "official officials spokesman spokeswoman spokesperson spokespeople spokesmen spokeswomen source \
sources aide aides adviser advisers advisor advisors analyst analysts expert experts lawyer \
lawyers attorney attorneys campaign statement report reports study poll survey agency ministry \
department administration government office committee commission police prosecutors prosecutor \
investigators investigator authorities people person residents resident witness witnesses \
voters voter supporters critics critic observers member members lawmakers lawmaker diplomat \
diplomats officer officers executive executives strategist strategists operative operatives \
insider insiders organizers organizer economist economists researchers researcher scientists \
scientist doctor doctors leader leaders president secretary minister senator governor chairman \
chairwoman director chief candidate nominee representative congressman congresswoman mayor \
judge ambassador manager managers staffer staffers democrats republicans democrat republican \
group groups organization company firm newspaper network website paper magazine court council \
party union board panel team family friend friends colleague colleagues activist activists \
protesters protester editorial memo letter document documents filing lawsuit complaint \
indictment ruling release announcement post tweet video ad article writer reporter reporters \
columnist author host anchor pollster pollsters consultant consultants donor donors student \
students teacher woman man women men worker workers owner commander soldiers veteran veterans \
clerk lobbyist lobbyists allies ally opponent opponents rival rivals staff correspondent editor \
editors fbi cia white house kremlin pentagon co-host founder co-founder cofounder ceo head \
contributor commentator pundit historian professor sheriff surrogate surrogates advocate \
advocates president-elect ad clip narrator moderator crowd heckler audience marchers \
spectators caller questioner interviewer panelist guest someone somebody";

/// Role nouns that name an unnamed *person* or group of people (used for nominal sources).
const PERSON_ROLE_NOUNS: &str =
    "official officials spokesman spokeswoman spokesperson source sources aide aides adviser \
advisers advisor analyst analysts expert experts lawyer lawyers attorney person people diplomat \
diplomats insider insiders strategist operative member members lawmakers lawmaker executive \
staffer staffers investigators prosecutors witness witnesses resident residents critics \
supporters observers officer officers";

pub const PRONOUNS_MALE: &[&str] = &["he", "him", "his", "himself"];
pub const PRONOUNS_FEMALE: &[&str] = &["she", "her", "hers", "herself"];
pub const PRONOUNS_PLURAL: &[&str] = &["they", "them", "their", "themselves", "it", "its", "we"];

/// Common first names with the gender they are usually given to. A name's evidence is weak
/// and is overridden by titles and by pronouns the text itself uses.
const MALE_NAMES: &str = "aaron adam adrian al alan albert alex alexander alexei alfred andrew andy \
angus anthony antonio arnold arthur barack ben benjamin bernie bernard bill billy bob bobby boris \
brad bradley brandon brendan brian bruce bryan carl carlos chad charles charlie chris christopher \
chuck clarence claude cliff clint cory craig curt dale dan daniel danny darrell dave david dean \
dennis dick dmitry don donald doug douglas duncan dwight earl ed eddie edward elijah elliot emmanuel \
eric erik ernest eugene evan francis frank franklin fred frederick gary gavin gene geoffrey george \
gerald glenn gordon graham greg gregory gus hank harold harry hector henry herbert howard hugh ian \
isaac jack jackson jacob jake james jared jason jay jeb jeff jeffrey jeremy jerome jerry jesse jim \
jimmy joe joel john johnny jon jonathan jordan jorge jose joseph josh joshua juan julian justin \
keith ken kenneth kevin kim kirk kurt lamar lance larry lawrence lee leon leonard lindsey lloyd \
louis lucas luis luke malcolm marco marcus mario mark marshall martin matt matthew max michael \
mike miles mitch mitchell mitt mohammed muhammad nathan ned neil nicholas nick nigel noah norman \
oliver omar orrin oscar owen patrick paul pete peter phil philip ralph ramon randy ray raymond \
reince rex ricardo richard rick rob robert roberto rod rodney roger ron ronald ross roy rudy rush \
russell ryan sam samuel scott sean sergei sergey seth shane sherrod simon stanley stephen steve \
steven stuart ted terry thad thomas tim timothy todd tom tommy tony travis trent trey troy tyler \
vernon victor vince vincent vladimir wade walter warren wayne wesley will william willie xavier \
yuri zach zachary";

const FEMALE_NAMES: &str = "abby abigail ada adele alice alicia alison allison amanda amber amy \
andrea angela angelina ann anna anne annie april barbara becky betsy betty beverly brenda \
bridget brittany camila carla carly carol caroline carolyn catherine cathy charlotte chelsea \
cheryl christina christine claire clara claudia colleen connie cynthia daisy dana dawn debbie \
deborah debra denise diana diane dianne donna doris dorothy edith eileen elaine eleanor elena elizabeth \
ellen emily emma erin eva evelyn fiona frances gabrielle gail gina ginny gloria grace hannah \
harriet heather heidi helen hillary holly hope huma irene isabel jackie jacqueline jan jane janet \
janice jean jeanne jennifer jenny jessica jill joan joanna jodi josephine joy joyce judith judy \
julia julie karen kate katherine kathleen kathryn kathy katie kay kayleigh kellyanne kelli kelly \
kimberly kirsten kristen laura lauren leah linda lisa liz lois loretta lori lorraine louise lucy \
lynn madeleine maggie mandy marcia margaret maria marie marilyn marion marsha martha mary maxine \
megan megyn melania melissa meredith michele michelle mika mildred millie molly monica nancy \
naomi natalie nicole nikki nina nora olivia pam pamela patricia patty paula pauline peggy penny \
priscilla rachel rebecca regina renee rita roberta robin rosa rose ruth sally samantha sandra \
sara sarah sharon sheila shirley sonia sophie stacey stephanie sue susan suzanne sylvia tammy \
tara teresa theresa tiffany tina tracy tulsi valerie vanessa vera veronica victoria virginia \
wanda wendy whitney yvonne zoe";

/// Capitalised words that open sentences or clauses without being names.
const NOT_NAMES: &str = "a an the this that these those it its i we you they he she his her their \
our my your but and or so yet then also still however meanwhile instead now later earlier today \
yesterday tomorrow tonight monday tuesday wednesday thursday friday saturday sunday january \
february march april may june july august september october november december in on at for with \
after before when while if as since because although though asked speaking last next here there \
what who whom whose which where why how all some many most more few several both each every \
another other no not one two three four five six seven eight nine ten first second third \
according during despite under over into from by about against between through without within \
like unlike than even just only once thus hence therefore indeed perhaps maybe still until unless \
whether mr mrs ms dr sen rep gov president vice is was are were be been has have had do does did \
will would can could should must might shall let please thank thanks yes oh well why okay ok \
said says say told tells asked added adding saying noting writing wrote according sources source \
officials official spokesman spokeswoman meanwhile however nevertheless overall further also \
democrats republicans democrat republican gop americans american senate house congress follow \
read watch click photo video image getty ap reuters afp update updated editor note via \
sign breaking exclusive related see back early late soon shortly outside inside across around \
behind beyond near throughout toward towards upon amid amongst among i'm i’m hastily finally \
meanwhile additionally";

/// Organisation-like words: a capitalised phrase ending in one of these is not a person.
const ORG_HEADS: &str = "house senate congress committee campaign party department ministry \
agency office administration government court council commission union association institute \
university college school foundation center centre council bureau service company corp corporation \
inc group network times post journal news tribune herald press magazine gazette review daily \
coalition caucus fund bank board police army navy force forces command kremlin pentagon \
parliament assembly cabinet embassy council organization organisation federation league club \
hospital church republic kingdom states nations union fbi cia nsa nato eu un epa";

/// Countries, cities and regions that appear as capitalised subjects (`Russia said`).
const PLACES: &str = "russia ukraine syria china iran iraq israel america europe germany france \
britain england japan india pakistan afghanistan mexico canada cuba korea turkey egypt \
saudi washington moscow beijing kyiv kiev london paris berlin tehran jerusalem brussels \
texas california florida ohio iowa york virginia carolina michigan pennsylvania wisconsin \
arizona nevada georgia colorado kentucky tennessee alabama louisiana missouri minnesota \
massachusetts maryland jersey oregon utah kansas indiana illinois oklahoma arkansas \
mississippi nebraska idaho montana wyoming dakota alaska hawaii maine vermont connecticut \
delaware rhode hampshire chicago boston philadelphia cleveland houston dallas miami denver \
atlanta detroit seattle vegas angeles francisco orleans baghdad damascus aleppo kursk crimea \
donbas gaza africa asia venezuela brazil argentina australia nigeria";

struct Sets {
    speech: HashMap<String, &'static str>,
    titles: HashSet<&'static str>,
    roles: HashSet<&'static str>,
    person_roles: HashSet<&'static str>,
    between: HashSet<&'static str>,
    not_names: HashSet<&'static str>,
    org_heads: HashSet<&'static str>,
    places: HashSet<&'static str>,
    names: HashMap<&'static str, Gender>,
    not_agents: HashSet<&'static str>,
}

fn sets() -> &'static Sets {
    static SETS: OnceLock<Sets> = OnceLock::new();
    SETS.get_or_init(|| {
        let mut speech = HashMap::default();
        for verb in SPEECH_VERBS.split_whitespace() {
            for form in inflections(verb) {
                speech.entry(form).or_insert(verb);
            }
        }
        let mut names = HashMap::default();
        for n in MALE_NAMES.split_whitespace() {
            names.insert(n, Gender::Male);
        }
        for n in FEMALE_NAMES.split_whitespace() {
            names.insert(n, Gender::Female);
        }
        Sets {
            speech,
            titles: TITLES.split_whitespace().collect(),
            roles: ROLE_NOUNS.split_whitespace().collect(),
            person_roles: PERSON_ROLE_NOUNS.split_whitespace().collect(),
            between: BETWEEN_SUBJECT_AND_VERB.split_whitespace().collect(),
            not_names: NOT_NAMES.split_whitespace().collect(),
            org_heads: ORG_HEADS.split_whitespace().collect(),
            places: PLACES.split_whitespace().collect(),
            names,
            not_agents: NOT_AGENTS.split_whitespace().collect(),
        }
    })
}

/// Every form of a speech verb: base, -s, -ed, -ing (and the irregular past).
fn inflections(verb: &'static str) -> Vec<String> {
    let mut out = vec![verb.to_string()];
    if let Some(&(_, past, part)) = IRREGULAR.iter().find(|(b, _, _)| *b == verb) {
        out.push(past.to_string());
        out.push(part.to_string());
    } else {
        out.push(past_tense(verb));
    }
    out.push(third_person(verb));
    out.push(present_participle(verb));
    out
}

fn is_vowel(c: u8) -> bool {
    matches!(c, b'a' | b'e' | b'i' | b'o' | b'u')
}

/// Verbs that double their final consonant before -ed and -ing (`quipped`, `admitted`):
/// final-syllable stress cannot be derived from spelling, so they are listed.
fn doubled(verb: &str) -> bool {
    matches!(
        verb,
        "quip"
            | "snap"
            | "admit"
            | "commit"
            | "omit"
            | "regret"
            | "rebut"
            | "chat"
            | "plan"
            | "stop"
            | "blog"
            | "beg"
            | "prod"
            | "nag"
            | "jab"
            | "stab"
            | "submit"
            | "permit"
    )
}

fn past_tense(verb: &str) -> String {
    let b = verb.as_bytes();
    let n = b.len();
    if verb.ends_with('e') {
        format!("{verb}d")
    } else if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ied", &verb[..n - 1])
    } else if doubled(verb) {
        format!("{verb}{}ed", &verb[n - 1..])
    } else {
        format!("{verb}ed")
    }
}

fn third_person(verb: &str) -> String {
    let b = verb.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b'y' && !is_vowel(b[n - 2]) {
        format!("{}ies", &verb[..n - 1])
    } else if ["s", "sh", "ch", "x", "z", "o"]
        .iter()
        .any(|s| verb.ends_with(s))
    {
        format!("{verb}es")
    } else {
        format!("{verb}s")
    }
}

fn present_participle(verb: &str) -> String {
    if verb.ends_with("ee") || verb.ends_with("ye") {
        format!("{verb}ing")
    } else if let Some(stem) = verb.strip_suffix("ie") {
        format!("{stem}ying")
    } else if let Some(stem) = verb.strip_suffix('e') {
        format!("{stem}ing")
    } else if doubled(verb) {
        format!("{verb}{}ing", &verb[verb.len() - 1..])
    } else {
        format!("{verb}ing")
    }
}

/// The base form of a speech verb, given any of its forms (lower-case).
pub fn speech_verb(word: &str) -> Option<&'static str> {
    sets().speech.get(word).copied()
}

/// How many distinct speech verbs the lexicon knows (before inflection).
#[cfg(test)]
pub fn speech_verb_count() -> usize {
    SPEECH_VERBS
        .split_whitespace()
        .collect::<HashSet<_>>()
        .len()
}

pub fn is_title(word: &str) -> bool {
    sets().titles.contains(word)
}
pub fn is_role_noun(word: &str) -> bool {
    sets().roles.contains(word) || is_agent_noun(word)
}

/// Words that end like a noun for a person by what they do (`businessman`, `bartender`,
/// `activist`, `politician`), outside a list of common words that only look like one.
fn is_agent_noun(word: &str) -> bool {
    let w = word.trim_end_matches('s');
    if w.len() < 6 || sets().not_agents.contains(w) {
        return false;
    }
    AGENT_SUFFIXES.iter().any(|suffix| w.ends_with(suffix))
        && !w.ends_with("ever")
        && !w.ends_with("ther")
}

const AGENT_SUFFIXES: &[&str] = &[
    "man", "woman", "person", "ist", "ian", "eer", "ster", "er", "or",
];

/// Common words that end like agent nouns but are not.
const NOT_AGENTS: &str = "other another under after never ever later whether either rather \
matter order number power letter border former further over water paper corner minor major \
prior error better center summer winter october november december september together however \
neither sooner earlier longer higher lower larger smaller greater bigger older younger newer \
closer stronger weaker harder easier faster slower cheaper member chapter quarter character \
register computer answer offer cancer finger hour door floor mirror factor sector color honor \
labor favor tremor rumor humor behavior interior exterior superior inferior senior junior \
christian asian russian italian canadian indian human german woman man chairman";

pub fn is_person_role(word: &str) -> bool {
    sets().person_roles.contains(word)
}
pub fn is_between_word(word: &str) -> bool {
    sets().between.contains(word)
}
pub fn is_not_name(word: &str) -> bool {
    sets().not_names.contains(word)
}
pub fn is_org_head(word: &str) -> bool {
    sets().org_heads.contains(word)
}
pub fn is_place(word: &str) -> bool {
    sets().places.contains(word)
}
pub fn first_name_gender(word: &str) -> Option<Gender> {
    sets().names.get(word).copied()
}

/// The gender a title or role word implies, if any.
pub fn title_gender(word: &str) -> Option<Gender> {
    match word {
        "mr" | "mr." | "sir" | "lord" | "king" | "prince" | "spokesman" | "chairman"
        | "congressman" | "councilman" | "assemblyman" | "father" | "brother" | "businessman"
        | "husband" | "son" => Some(Gender::Male),
        "mrs" | "mrs." | "ms" | "ms." | "miss" | "dame" | "lady" | "queen" | "princess"
        | "spokeswoman" | "chairwoman" | "congresswoman" | "councilwoman" | "assemblywoman"
        | "sister" | "businesswoman" | "wife" | "daughter" => Some(Gender::Female),
        _ => None,
    }
}

/// The gender a pronoun refers to.
pub fn pronoun_gender(word: &str) -> Option<Gender> {
    if PRONOUNS_MALE.contains(&word) {
        Some(Gender::Male)
    } else if PRONOUNS_FEMALE.contains(&word) {
        Some(Gender::Female)
    } else if PRONOUNS_PLURAL.contains(&word) {
        Some(Gender::Plural)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon_has_over_a_hundred_speech_verbs_with_inflections() {
        assert!(speech_verb_count() >= 100, "{}", speech_verb_count());
        for (form, base) in [
            ("said", "say"),
            ("says", "say"),
            ("saying", "say"),
            ("told", "tell"),
            ("added", "add"),
            ("admitted", "admit"),
            ("insists", "insist"),
            ("tweeted", "tweet"),
            ("wrote", "write"),
            ("writing", "write"),
            ("replied", "reply"),
            ("quipped", "quip"),
            ("testifies", "testify"),
            ("argued", "argue"),
            ("noted", "note"),
        ] {
            assert_eq!(speech_verb(form), Some(base), "{form}");
        }
        assert_eq!(speech_verb("table"), None);
    }

    #[test]
    fn genders_from_names_titles_and_pronouns() {
        assert_eq!(first_name_gender("vladimir"), Some(Gender::Male));
        assert_eq!(first_name_gender("hillary"), Some(Gender::Female));
        assert_eq!(title_gender("mrs."), Some(Gender::Female));
        assert_eq!(pronoun_gender("she"), Some(Gender::Female));
        assert_eq!(pronoun_gender("they"), Some(Gender::Plural));
    }
}
