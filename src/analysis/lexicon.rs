//! Word lists the engine reasons with: speech verbs and their inflections, titles, role nouns,
//! pronouns, first names with their usual gender, and the capitalised words that start
//! sentences without naming anyone.
//!
//! These are general English and newsroom vocabulary, not lists fitted to any document. Lookups
//! take a lower-cased word; the sets are built once and shared.

use super::model::Gender;
use super::tokens::Lower;
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
characterize characterise summarize counsel hail refute dispute rebut condemn welcome \
recommend lecture preach rant read bark growl hiss roar bellow press echo remember find show gripe snipe vent rage gloat bemoan";

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
const ROLE_NOUNS: &str =
    "activist activists ad administration adviser advisers advisor advisors advocate advocates \
agency aide aides allies ally ambassador analyst analysts anchor announcement article attorney \
attorneys audience author authorities billionaire board businessman businesswoman caller \
campaign candidate ceo chairman chairwoman chief cia clerk clip co-founder co-host cofounder \
colleague colleagues columnist commander commentator commission committee company complaint \
congressman congresswoman constituent constituents consultant consultants contributor correspondent council court critic \
critics crowd democrat democrats department developer diplomat diplomats director doctor \
doctors document documents donor donors economist economists editor editorial editors \
entrepreneur executive executives expert experts family fbi filing firm founder friend friends \
government governor group groups guest head heckler historian host house indictment insider \
insiders interviewer investigator investigators judge kremlin lawmaker lawmakers lawsuit lawyer \
lawyers leader leaders letter lobbyist lobbyists magazine magnate man manager managers marchers \
mayor member members memo men millionaire minister ministry moderator mogul narrator network \
newspaper nominee observers office officer officers official officials operative operatives \
opponent opponents organization organizer organizers owner panel panelist paper party pentagon \
people person police poll pollster pollsters post president president-elect professor \
prosecutor prosecutors protester protesters pundit questioner release report reporter reporters \
reports representative republican republicans researcher researchers resident residents rival \
rivals ruling scientist scientists secretary senator sheriff soldiers somebody someone source \
sources spectators spokesman spokesmen spokespeople spokesperson spokeswoman spokeswomen staff \
staffer staffers statement strategist strategists student students study supporters surrogate \
surrogates survey teacher team tweet tycoon union veteran veterans video voter voters website \
white witness witnesses woman women worker workers writer user users";

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
const MALE_NAMES: &str = "aaron abraham adam adolfo adrian ahmed al alan albert alberto alejandro alex alexander alexei \
alfred ali allen alvin amir andre andres andrew andy angel angus anthony antoine anton antonio \
archie armando arnold arthur arturo austin barack barry ben benjamin benny bernard bernie bert \
bill billy blake bo bob bobby boris boyd brad bradley brandon brendan brent brett brian brock \
bruce bruno bryan bryce buck burt byron caleb calvin cameron carl carlos carlton carter cecil \
cedric cesar chad charles charlie chester chip chris christian christopher chuck clarence \
claude clay clayton cliff clifford clint clyde colin connor conor cornel cornelius cory craig \
curt curtis cyrus dale damon dan daniel danny dante darius darrell darren darryl dave david \
dean dennis derek desmond devin dexter dick diego dmitry dominic don donald donnie doug douglas \
drew duane duncan dustin dwight dylan earl ed eddie edgar edmund eduardo edward edwin eli elias \
elijah elliot elliott elmer elton emil emmanuel enrique eric erik ernest ernie ethan eugene \
evan everett ezra felix fernando floyd forrest francis francisco frank franklin franz fred \
frederick gabriel garrett gary gavin gene geoffrey george gerald gil gilbert glen glenn gordon \
graham grant greg gregory grover gus guy hal hank hans harold harry harvey heath hector henry \
herbert herman homer horace howard hugh hunter ian ira irving isaac ivan jack jackson jacob \
jake jamal james jared jarrod jason javier jay jeb jeff jeffery jeffrey jeremiah jeremy jerome \
jerry jesse jesus jim jimmy joe joel joey johan john johnny jon jonah jonas jonathan jordan \
jorge jose joseph josh joshua juan julian julio justin kareem karl keenan keith ken kenneth \
kent kevin khalid kim kirk kurt kyle lamar lance larry lars lawrence lee leo leon leonard leroy \
les lester lewis lincoln lindsey lionel lloyd lonnie lorenzo lou louis lowell lucas luis luke \
luther lyndon mack malcolm manuel marc marcel marco marcus mario mark marlon marshall martin \
marty marvin matt matthew maurice max mel melvin merrick micah michael miguel mike miles milton \
mitch mitchell mitt mohamed mohammed morris moses muhammad murray nate nathan nathaniel neal \
ned neil nelson newt nicholas nick nicolas nigel niles noah noel nolan norm norman oliver omar \
orrin oscar otis owen pablo patrick paul pedro percy perry pete peter phil philip preston \
quentin rafael ralph ramon rand randall randolph randy raul ray raymond reggie reginald reid \
reince rene reuben rex rhett ricardo richard rick ricky rob robbie robert roberto rocco rod \
rodney rodrigo roger roland rolando roman ron ronald ronnie rory ross roy ruben rudolph rudy \
rupert rush russell ryan salvador sam sammy samuel santiago saul scott sean sebastian sergei \
sergey sergio seth seymour shane sheldon sherman sherrod sid sidney silas simon sonny spencer \
stan stanley stephen sterling steve steven stewart stuart sylvester tanner ted terrence terry \
thad theodore thomas tim timothy tobias toby todd tom tommy tony travis trent trevor trey troy \
tucker ty tyler tyrone ulysses vern vernon vic victor vince vincent virgil vladimir wade \
wallace walt walter ward warren wayne wendell wesley wilbur wiley will willard william willie \
wilson winston woodrow wyatt xavier yuri zach zachary zane";

const FEMALE_NAMES: &str = "abby abigail ada adele adrienne agnes aileen aimee alexandra alexis alice alicia alison allison \
alma amanda amber amelia amy ana anastasia andrea angela angelina angie anita ann anna anne \
annette annie antoinette april ariana arlene audrey ava barbara becca becky belinda bernadette \
bernice beth bethany betsy betty beverly bianca bonnie brenda brianna bridget brittany brooke \
caitlin callie camila candace candice cara carla carly carmen carol caroline carolyn carrie \
cassandra catherine cathy cecilia celeste charlotte chelsea cheryl chloe christa christina \
christine cindy claire clara clare claudia colleen condoleezza connie constance corinne \
courtney crystal cynthia daisy dana danielle darlene dawn deanna deb debbie deborah debra delia \
della denise desiree diana diane dianne dolores dominique donna dora doris dorothy edith eileen \
elaine eleanor elena elisa elise elizabeth ella ellen eloise elsa emilia emily emma erica erika \
erin esther eva evelyn faith felicia fiona florence frances francine gabriela gabrielle gail \
genevieve geraldine gillian gina ginny gloria grace gretchen gwen gwendolyn hailey hannah \
harriet hazel heather heidi helen hilary hillary holly hope huma ida ilana imogen ines ingrid \
irene iris isabel isabella ivanka jackie jacqueline jade jan jana jane janelle janet janice \
janine jasmine jean jeanette jeanne jeannie jenna jennifer jenny jessica jessie jill jo joan \
joann joanna jocelyn jodi johanna jolene josephine joy joyce juanita judith judy julia julianne \
julie june justine kamala kara karen karla kate katelyn katharine katherine kathleen kathryn \
kathy katie katrina kay kayla kayleigh keisha kelli kelly kellyanne kendra kimberly kirsten \
kristen kristin kristina krystal lacey lana latoya laura lauren laurie leah leigh lena leslie \
lila lillian lily linda lindsay lisa liz lois lorena loretta lori lorna lorraine louise lucia \
lucille lucy luisa lydia lynn mabel madeleine mae maggie mandy marcia marcy margaret margarita \
margo maria mariah marianne maribel marie marilyn marion marisa marlene marsha martha mary \
maureen maxine maya megan meghan megyn melania melinda melissa mercedes meredith mia michaela \
michele michelle mika mildred millie mindy miranda miriam misty molly mona monica muriel myra \
nadia nadine nancy naomi natalie nell nellie nia nichole nicole nikki nina nora norma olga \
olivia opal paige pam pamela patricia patsy patty paula pauline pearl peggy penelope penny \
phoebe phyllis polly priscilla rachael rachel ramona raquel rebecca rebekah regina renee rhonda \
rita roberta robin rochelle rosa rosalind rosalyn rose rosemary roxanne ruby ruth sabrina sadie \
sally samantha sandra sara sarah selena serena shannon sharon shauna sheila sheryl shirley \
sierra silvia simone sofia sonia sonya sophie stacey stella stephanie sue susan susanne suzanne \
suzy sybil sylvia tamara tammy tania tanya tara tasha teresa tessa thelma theresa tiffany tina \
tracy trisha tulsi ursula valeria valerie vanessa velma vera veronica vicki vickie victoria \
viola violet virginia vivian wanda wendy whitney wilma yolanda yvette yvonne zelda zoe zoey";

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
meanwhile additionally people experts analysts critics residents aides \
supporters voters witnesses";

/// Organisation-like words: a capitalised phrase ending in one of these is not a person.
const ORG_HEADS: &str =
    "administration agency army assembly association bank beacon board bulletin bureau cabinet \
campaign caucus center centre channel chronicle church cia club coalition college command \
commission committee company congress corp corporation council courier court daily department \
dispatch economist embassy enquirer epa eu examiner express fbi federation force forces \
foundation fund gazette globe government group guardian herald hospital house inc informer \
inquirer institute journal kingdom kremlin league magazine ministry monitor nations nato navy \
network news nsa observer office organisation organization parliament party pentagon police \
post press radio register reporter republic review school senate sentinel service standard \
states telegraph times today tribune tv un union university week weekly";

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

/// Speech verbs a newsroom adds to the built-in lexicon (`[style] speech-verbs`), with their
/// inflections. They count as forms of `say`: neutral speech, like the verb they stand for.
#[derive(Debug, Clone, Default)]
pub struct ExtraVerbs {
    forms: HashSet<String>,
}

impl ExtraVerbs {
    pub fn new(verbs: &[String]) -> ExtraVerbs {
        let mut forms = HashSet::default();
        for verb in verbs {
            let base = verb.trim().to_lowercase();
            if !base.is_empty() {
                forms.extend(inflections(&base));
            }
        }
        ExtraVerbs { forms }
    }

    /// The lemma of a speech verb, built-in or added by the house.
    pub fn speech_verb(&self, word: &Lower) -> Option<&'static str> {
        speech_verb(word).or_else(|| {
            (!self.forms.is_empty() && self.forms.contains(word.as_str())).then_some("say")
        })
    }
}

/// Every form of a speech verb: base, -s, -ed, -ing (and the irregular past).
fn inflections(verb: &str) -> Vec<String> {
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

/// A word to look up: a plain `&str`, or a token's [`Lower`], which remembers each answer.
///
/// The same token is asked the same question many times (every phrase read forwards or
/// backwards over it asks whether it is a title, a role noun, a name…): hashing the word each
/// time was a tenth of the engine's time. A token answers from its memo after the first
/// lookup, and call sites keep passing `&t.lower` as before.
pub trait Word {
    fn memo(&self, question: Question, look_up: fn(&str) -> bool) -> bool;
    fn memo_verb(
        &self,
        look_up: fn(&str) -> Option<&'static &'static str>,
    ) -> Option<&'static &'static str>;
}

/// The yes/no questions a token remembers (one memo slot each).
#[derive(Clone, Copy)]
pub enum Question {
    Title,
    RoleNoun,
    NotName,
    PersonRole,
    Between,
    OrgHead,
    Place,
}

/// Plain strings (`&str`, `&String`, `&&str`) have nowhere to keep an answer: they ask.
impl<T: AsRef<str> + ?Sized> Word for &T {
    fn memo(&self, _: Question, look_up: fn(&str) -> bool) -> bool {
        look_up((*self).as_ref())
    }
    fn memo_verb(
        &self,
        look_up: fn(&str) -> Option<&'static &'static str>,
    ) -> Option<&'static &'static str> {
        look_up((*self).as_ref())
    }
}

impl Word for &Lower {
    fn memo(&self, question: Question, look_up: fn(&str) -> bool) -> bool {
        self.remember(question as u32, look_up)
    }
    fn memo_verb(
        &self,
        look_up: fn(&str) -> Option<&'static &'static str>,
    ) -> Option<&'static &'static str> {
        self.remember_verb(look_up)
    }
}

/// The base form of a speech verb, given any of its forms (lower-case).
pub fn speech_verb(word: impl Word) -> Option<&'static str> {
    word.memo_verb(|w| sets().speech.get(w)).copied()
}

/// How many distinct speech verbs the lexicon knows (before inflection).
#[cfg(test)]
pub fn speech_verb_count() -> usize {
    SPEECH_VERBS
        .split_whitespace()
        .collect::<HashSet<_>>()
        .len()
}

pub fn is_title(word: impl Word) -> bool {
    word.memo(Question::Title, |w| sets().titles.contains(w))
}
pub fn is_role_noun(word: impl Word) -> bool {
    word.memo(Question::RoleNoun, |w| {
        sets().roles.contains(w) || is_agent_noun(w) || w.ends_with("-year-old")
    })
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

pub fn is_person_role(word: impl Word) -> bool {
    word.memo(Question::PersonRole, |w| sets().person_roles.contains(w))
}
pub fn is_between_word(word: impl Word) -> bool {
    word.memo(Question::Between, |w| sets().between.contains(w))
}
pub fn is_not_name(word: impl Word) -> bool {
    word.memo(Question::NotName, |w| sets().not_names.contains(w))
}
pub fn is_org_head(word: impl Word) -> bool {
    word.memo(Question::OrgHead, |w| sets().org_heads.contains(w))
}
pub fn is_place(word: impl Word) -> bool {
    word.memo(Question::Place, |w| sets().places.contains(w))
}
pub fn first_name_gender(word: &str) -> Option<Gender> {
    sets().names.get(word).copied()
}

/// A title word used as a surname: right after a first name, at the end of a name (`Charlie
/// King`, `Howard Dean`, `Erik Prince`). Before a name a title stays a title (`King Abdullah`).
pub fn is_surname_title(prev: &str, word: &str) -> bool {
    is_title(word) && first_name_gender(prev).is_some()
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
