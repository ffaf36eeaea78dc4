//! A speaker candidate and the explicit features it is scored with; the weights and the
//! abstention threshold live here, in one place.

use std::fmt;

use super::context::Speaker;

/// Where a candidate comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A religious citation formula: قال تعالى → الله, قال رسول الله ﷺ → النبي.
    Formula,
    /// The source after عن with a reporting verb: نقلت الوكالة عن X قوله.
    Reported,
    /// The name before قوله / تصريحه.
    Saying,
    /// The subject right after a speech verb before the quote (a name or a role phrase).
    Subject,
    /// The source after بحسب / وفق.
    According,
    /// A person named between the verb and the quote, close to the verb.
    NearVerb,
    /// The subject of an earlier speech verb of the sentence, for a participle (قائلاً).
    EarlierVerb,
    /// The first person or organisation of the sentence, for a verb without a subject.
    SentenceSubject,
    /// The subject of a speech verb right after the quote: «"…"، قال فلان».
    AfterQuote,
    /// A statement, report or study as the subject: وأضاف البيان، وقالت الدراسة.
    Statement,
    /// The previous speaker, for a verb without a subject (وأضاف، وتابعت).
    Continuation,
}

impl Source {
    /// Every source, in the order of their features in [`NAMES`].
    pub const ALL: [Source; 11] = [
        Source::Formula,
        Source::Reported,
        Source::Saying,
        Source::Subject,
        Source::According,
        Source::NearVerb,
        Source::EarlierVerb,
        Source::SentenceSubject,
        Source::AfterQuote,
        Source::Statement,
        Source::Continuation,
    ];

    /// The hand-set weight: how much the position alone says about who speaks.
    fn hand_weight(self) -> f32 {
        match self {
            Source::Formula => 3.0,
            Source::Reported => 2.2,
            Source::Saying => 2.0,
            Source::Subject => 2.0,
            Source::According => 1.8,
            Source::AfterQuote => 1.8,
            Source::NearVerb => 1.6,
            Source::EarlierVerb => 1.5,
            Source::SentenceSubject => 1.3,
            Source::Statement => 1.2,
            Source::Continuation => 1.0,
        }
    }
}

/// The names of the speaker features, in the order of [`Candidate::values`]: one per source,
/// then one per other kind of [`Feature`], the hand-set score of those, then the features the
/// hand-set rules never weighed.
pub const NAMES: [&str; 27] = [
    "from_formula",
    "from_reported",
    "from_saying",
    "from_subject",
    "from_according",
    "from_near_verb",
    "from_earlier_verb",
    "from_sentence_subject",
    "from_after_quote",
    "from_statement",
    "from_continuation",
    "gender_agrees",
    "gender_clashes",
    "person",
    "organization",
    "place",
    "role",
    "paragraphs_back",
    "newer_subject_between",
    "chained_continuation",
    "agreement",
    "addressee",
    "anaphor",
    "hand_score",
    "salience",
    "said_before",
    "distance",
];

/// What the speaker model weighs for each candidate of a quote — it ranks the candidates by
/// this score and names the best one when the score reaches its threshold: the candidate's
/// features ([`NAMES`]), how far its hand-set score is ahead of the best other candidate's
/// (negative when behind), and how many different speakers were proposed.
pub const DECISION_NAMES: [&str; 29] = [
    "from_formula",
    "from_reported",
    "from_saying",
    "from_subject",
    "from_according",
    "from_near_verb",
    "from_earlier_verb",
    "from_sentence_subject",
    "from_after_quote",
    "from_statement",
    "from_continuation",
    "gender_agrees",
    "gender_clashes",
    "person",
    "organization",
    "place",
    "role",
    "paragraphs_back",
    "newer_subject_between",
    "chained_continuation",
    "agreement",
    "addressee",
    "anaphor",
    "hand_score",
    "salience",
    "said_before",
    "distance",
    "lead_over_others",
    "speakers_proposed",
];

/// [`DECISION_NAMES`]' values for candidate `i` of a quote's candidates (one per speaker);
/// `None` when there is no such candidate.
pub fn decision_values(cands: &[Candidate], i: usize) -> Option<[f32; DECISION_NAMES.len()]> {
    let this = cands.get(i)?;
    let mut v = [0.0; DECISION_NAMES.len()];
    v[..NAMES.len()].copy_from_slice(&this.values());
    let best_other = cands
        .iter()
        .enumerate()
        .filter(|&(k, _)| k != i)
        .map(|(_, c)| c.score)
        .max_by(f32::total_cmp);
    // A lone candidate is as far ahead as the model can tell.
    v[NAMES.len()] = best_other.map_or(3.0, |other| (this.score - other).clamp(-3.0, 3.0));
    v[NAMES.len() + 1] = cands.len() as f32;
    Some(v)
}

/// The slot of the hand-set score among the features: the learned ranker starts from the
/// rules it replaced and corrects them.
pub const HAND_SCORE: usize = 23;

/// The hand-set weight of each feature slot before [`HAND_SCORE`].
fn hand_weight_of(slot: usize) -> f32 {
    const OTHERS: [f32; 12] = [
        0.1, -1.5, 0.1, 0.0, -0.6, -0.1, -0.25, -0.5, -0.05, 0.2, -1.5, 0.1,
    ];
    match Source::ALL.get(slot) {
        Some(source) => source.hand_weight(),
        None => OTHERS.get(slot - Source::ALL.len()).copied().unwrap_or(0.0),
    }
}

/// One explicit feature of a candidate, with its weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Feature {
    /// The position the candidate was read from.
    From(Source),
    /// The verb's gender and the candidate's agree.
    GenderAgrees,
    /// The verb's gender and the candidate's clash.
    GenderClashes,
    /// The candidate is a person entity.
    Person,
    /// The candidate is an organisation entity.
    Organization,
    /// The candidate is a place entity (a country speaks only through its officials).
    Place,
    /// A role phrase without a name (المسؤول العراقي, متحدث باسم الجيش).
    Role,
    /// For continuation: paragraphs since the previous speaker was named or quoted.
    ParagraphsBack(usize),
    /// For continuation: another person or organisation is the subject of a speech verb
    /// between the previous speaker's quote and this one.
    NewerSubjectBetween,
    /// For continuation: the previous quote was attributed by continuation too.
    ChainedContinuation,
    /// Other candidates name the same speaker.
    Agreement(usize),
    /// Named after ل (told to: لفرانس برس، للصحفيين) — the addressee, not the speaker.
    Addressee,
    /// A definite role (الوزير، اللاعب الألماني) read as the person the text introduced
    /// earlier with the same role noun.
    Anaphor,
    /// How often the article mentions the candidate's entity (speakers are its main people).
    Salience(usize),
    /// The candidate already spoke earlier in the article.
    SaidBefore,
    /// Words between the candidate's mention and the quote (other paragraphs count as far).
    Distance(usize),
}

impl Feature {
    /// The feature's slot in [`NAMES`] and its value there (a count for the counted ones).
    pub fn slot(self) -> (usize, f32) {
        match self {
            Feature::From(s) => (Source::ALL.iter().position(|x| *x == s).unwrap_or(0), 1.0),
            Feature::GenderAgrees => (11, 1.0),
            Feature::GenderClashes => (12, 1.0),
            Feature::Person => (13, 1.0),
            Feature::Organization => (14, 1.0),
            Feature::Place => (15, 1.0),
            Feature::Role => (16, 1.0),
            Feature::ParagraphsBack(n) => (17, n.saturating_sub(1) as f32),
            Feature::NewerSubjectBetween => (18, 1.0),
            Feature::ChainedContinuation => (19, 1.0),
            Feature::Agreement(n) => (20, n.min(2) as f32),
            Feature::Addressee => (21, 1.0),
            Feature::Anaphor => (22, 1.0),
            // Slots after the hand-set score: the hand-set rules give them no weight.
            Feature::Salience(n) => (24, (1.0 + n as f32).log2().min(4.0)),
            Feature::SaidBefore => (25, 1.0),
            Feature::Distance(n) => (26, n.min(FAR) as f32 / 20.0),
        }
    }

    /// What the feature adds to a candidate's hand-set score (the ranking).
    pub fn weight(self) -> f32 {
        let (slot, value) = self.slot();
        hand_weight_of(slot) * value
    }
}

impl fmt::Display for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Feature::From(s) => write!(f, "{s:?}"),
            Feature::ParagraphsBack(n) => write!(f, "ParagraphsBack({n})"),
            Feature::Agreement(n) => write!(f, "Agreement({n})"),
            Feature::Salience(n) => write!(f, "Salience({n})"),
            Feature::Distance(n) => write!(f, "Distance({n})"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// The distance (in words) from which a candidate counts as far from its quote.
pub const FAR: usize = 60;

/// When the two best candidates name different speakers and their model scores are closer
/// than this, the choice is a coin toss: abstain. (Below the model's threshold the best candidate
/// is not trusted either.)
pub const MARGIN: f32 = 0.15;

/// A possible speaker of a quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The speaker it names.
    pub speaker: Speaker,
    /// Where it comes from.
    pub source: Source,
    /// Its features.
    pub features: Vec<Feature>,
    /// Its hand-set score, once decided.
    pub score: f32,
    /// The speaker model's score for it (log-odds that it is the speaker), which ranks the
    /// candidates, once decided.
    pub confidence: f32,
}

impl Candidate {
    /// A candidate with its source feature only.
    pub fn new(speaker: Speaker, source: Source) -> Self {
        Self {
            speaker,
            source,
            features: vec![Feature::From(source)],
            score: 0.0,
            confidence: 0.0,
        }
    }

    /// The feature values, in the order of [`NAMES`].
    pub fn values(&self) -> [f32; NAMES.len()] {
        let mut v = [0.0; NAMES.len()];
        for f in &self.features {
            let (slot, value) = f.slot();
            v[slot] += value;
            v[HAND_SCORE] += hand_weight_of(slot) * value;
        }
        v
    }

    /// A role noun alone (one word, no entity behind it): المتحدث، المسؤول، البيان. The
    /// religious formulas name their speaker (الله، النبي) and are not roles.
    pub fn is_bare_role(&self) -> bool {
        self.source != Source::Formula
            && self.speaker.entity.is_none()
            && self.speaker.name.split_whitespace().count() == 1
    }

    /// Scores the candidate with the hand-set weights (one of the speaker model's features).
    pub fn rate(&mut self) {
        self.score = self.values()[HAND_SCORE];
    }
}

/// Why a quote got its speaker, or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decision {
    /// The best candidate scored above the threshold and clear of the runner-up.
    Chosen,
    /// No speech cue and no formula near the quote: nothing to choose from.
    NoCandidate,
    /// The best candidate scored under the threshold.
    BelowThreshold,
    /// Two different speakers scored too close to each other.
    Tie,
    /// The quote is nested in another quote: its speaker is the outer quote's business.
    Nested,
    /// The best candidate is a role noun alone (المتحدث، المسؤول، مصدر): it names nobody.
    RoleOnly,
}

/// The outcome of speaker attribution for one quote: every candidate, best first, and the
/// decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// Candidates, highest model score first.
    pub candidates: Vec<Candidate>,
    /// What was decided.
    pub decision: Decision,
    /// The speaker model's confidence that the best candidate is right (log-odds).
    pub confidence: Option<f32>,
    /// The confidence the best candidate had to reach.
    pub threshold: f32,
}

impl Attribution {
    /// The chosen speaker, if any.
    pub fn speaker(&self) -> Option<&Speaker> {
        (self.decision == Decision::Chosen)
            .then(|| self.candidates.first().map(|c| &c.speaker))
            .flatten()
    }

    /// A one-line reason for the decision.
    pub fn reason(&self) -> String {
        let best = self.candidates.first();
        match (self.decision, best) {
            (Decision::Chosen, Some(c)) => format!(
                "chose «{}» ({:?}, score {:.2}, confidence {:.2} ≥ {:.2})",
                c.speaker.name,
                c.source,
                c.score,
                self.confidence.unwrap_or_default(),
                self.threshold
            ),
            (Decision::BelowThreshold, Some(c)) => format!(
                "abstained: best «{}» (score {:.2}) has confidence {:.2} < {:.2}",
                c.speaker.name,
                c.score,
                self.confidence.unwrap_or_default(),
                self.threshold
            ),
            (Decision::Tie, _) => format!(
                "abstained: the two best name different speakers within {MARGIN} of each other"
            ),
            (Decision::Nested, _) => "nested in another quote: no speaker of its own".into(),
            (Decision::RoleOnly, Some(c)) => format!(
                "abstained: best «{}» is a role noun alone, not a name",
                c.speaker.name
            ),
            _ => "abstained: no speech cue or citation formula near the quote".into(),
        }
    }
}
