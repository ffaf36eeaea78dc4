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
    /// The base weight: how much the position alone says about who speaks.
    pub fn weight(self) -> f32 {
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
}

impl Feature {
    /// The weight the feature adds to the candidate's score.
    pub fn weight(self) -> f32 {
        match self {
            Feature::From(s) => s.weight(),
            Feature::GenderAgrees => 0.1,
            Feature::GenderClashes => -1.5,
            Feature::Person => 0.1,
            Feature::Organization => 0.0,
            Feature::Place => -0.6,
            Feature::Role => -0.1,
            Feature::ParagraphsBack(n) => -0.25 * n.saturating_sub(1) as f32,
            Feature::NewerSubjectBetween => -0.5,
            Feature::ChainedContinuation => -0.05,
            Feature::Agreement(n) => 0.2 * n.min(2) as f32,
            Feature::Addressee => -1.5,
            Feature::Anaphor => 0.1,
        }
    }
}

impl fmt::Display for Feature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Feature::From(s) => write!(f, "{s:?}"),
            Feature::ParagraphsBack(n) => write!(f, "ParagraphsBack({n})"),
            Feature::Agreement(n) => write!(f, "Agreement({n})"),
            other => write!(f, "{other:?}"),
        }
    }
}

/// Below this score the best candidate is not trusted and the quote gets no speaker.
pub const THRESHOLD: f32 = 0.6;

/// When the two best candidates name different speakers and their scores are closer than
/// this, the choice is a coin toss: abstain.
pub const MARGIN: f32 = 0.15;

/// A possible speaker of a quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// The speaker it names.
    pub speaker: Speaker,
    /// Where it comes from.
    pub source: Source,
    /// Its features; the score is the sum of their weights.
    pub features: Vec<Feature>,
}

impl Candidate {
    /// A candidate with its source feature only.
    pub fn new(speaker: Speaker, source: Source) -> Self {
        Self {
            speaker,
            source,
            features: vec![Feature::From(source)],
        }
    }

    /// The candidate's score.
    pub fn score(&self) -> f32 {
        self.features.iter().map(|f| f.weight()).sum()
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
}

/// The outcome of speaker attribution for one quote: every candidate, best first, and the
/// decision.
#[derive(Debug, Clone, PartialEq)]
pub struct Attribution {
    /// Candidates, highest score first.
    pub candidates: Vec<Candidate>,
    /// What was decided.
    pub decision: Decision,
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
                "chose «{}» ({:?}, score {:.2} ≥ {THRESHOLD})",
                c.speaker.name,
                c.source,
                c.score()
            ),
            (Decision::BelowThreshold, Some(c)) => format!(
                "abstained: best «{}» scores {:.2} < {THRESHOLD}",
                c.speaker.name,
                c.score()
            ),
            (Decision::Tie, _) => format!(
                "abstained: the two best name different speakers within {MARGIN} of each other"
            ),
            (Decision::Nested, _) => "nested in another quote: no speaker of its own".into(),
            _ => "abstained: no speech cue or citation formula near the quote".into(),
        }
    }
}
