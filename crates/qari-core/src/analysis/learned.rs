//! The learned parts of the analysis: the quote-or-term model and the speaker ranker, shipped
//! as JSON in `assets/models/` (fitted by `qari-train`'s `train_learned`), or read from files
//! (cross-validation trains one pair per fold). [`Learned::rules`] is the hand-set weights they
//! replaced, kept as the fallback and as the baseline the evaluation compares against.

use std::path::Path;
use std::sync::OnceLock;

use crate::analysis::logistic::{BoundModel, LogisticError, LogisticModel};
use crate::analysis::quotes::features as quote_features;
use crate::analysis::speakers::candidate as speaker_features;

/// The shipped quote-or-term model.
static QUOTES_JSON: &str = include_str!("../../../../assets/models/quotes.json");
/// The shipped speaker ranker.
static SPEAKERS_JSON: &str = include_str!("../../../../assets/models/speakers.json");

static SHIPPED: OnceLock<Learned> = OnceLock::new();

/// Why a model file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LearnedError {
    /// The file could not be read.
    #[error("cannot read the model: {source} ({path})")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not a model.
    #[error("{source} ({path})")]
    Model {
        /// The file.
        path: std::path::PathBuf,
        /// Why.
        source: LogisticError,
    },
}

/// The two learned models, bound to their stages' feature orders.
#[derive(Debug, Clone, PartialEq)]
pub struct Learned {
    /// Quote or quoted term: a marked span scoring at or above the threshold is speech.
    pub quotes: BoundModel,
    /// The speaker model: a quote's best-ranked candidate is named when the model's confidence
    /// in it reaches the threshold.
    pub speakers: BoundModel,
}

impl Learned {
    /// The shipped models, read once; the hand-set rules if they cannot be read (never
    /// expected: a test reads them).
    pub fn shipped() -> &'static Learned {
        SHIPPED.get_or_init(|| {
            Self::from_json(QUOTES_JSON, SPEAKERS_JSON).unwrap_or_else(|_| Self::rules())
        })
    }

    /// Both models from their JSON texts.
    pub fn from_json(quotes: &str, speakers: &str) -> Result<Self, LogisticError> {
        Ok(Self {
            quotes: BoundModel::new(LogisticModel::from_json(quotes)?, &quote_features::NAMES),
            speakers: BoundModel::new(
                LogisticModel::from_json(speakers)?,
                &speaker_features::DECISION_NAMES,
            ),
        })
    }

    /// Both models from their values.
    pub fn from_parts(quotes: LogisticModel, speakers: LogisticModel) -> Self {
        Self {
            quotes: BoundModel::new(quotes, &quote_features::NAMES),
            speakers: BoundModel::new(speakers, &speaker_features::DECISION_NAMES),
        }
    }

    /// The shipped models with either replaced by the model in a file.
    pub fn with_files(
        quotes: Option<&Path>,
        speakers: Option<&Path>,
    ) -> Result<Self, LearnedError> {
        let mut learned = Self::shipped().clone();
        if let Some(path) = quotes {
            learned.quotes = BoundModel::new(read(path)?, &quote_features::NAMES);
        }
        if let Some(path) = speakers {
            learned.speakers = BoundModel::new(read(path)?, &speaker_features::DECISION_NAMES);
        }
        Ok(learned)
    }

    /// The hand-set weights of the rules the models replaced: a quote of one or two words is a
    /// term unless a speech verb introduces it; speaker weights and the 0.6 threshold as they
    /// were tuned on the project's own articles.
    pub fn rules() -> Self {
        let quotes = LogisticModel {
            about: "quote or quoted term (hand-set rule)".into(),
            trained_on: "nothing: one or two words without a speech verb are a term".into(),
            features: vec![
                "words_1".into(),
                "words_2".into(),
                "cue_directly_before".into(),
            ],
            weights: vec![-10.0, -10.0, 20.0],
            bias: 1.0,
            threshold: 0.0,
        };
        let speakers = LogisticModel {
            about: "speaker: the hand-set score of the best candidate".into(),
            trained_on: "nothing: weights set by hand on the project's own articles".into(),
            features: vec!["hand_score".into()],
            weights: vec![1.0],
            bias: 0.0,
            threshold: 0.6,
        };
        Self {
            quotes: BoundModel::new(quotes, &quote_features::NAMES),
            speakers: BoundModel::new(speakers, &speaker_features::DECISION_NAMES),
        }
    }
}

fn read(path: &Path) -> Result<LogisticModel, LearnedError> {
    let text = std::fs::read_to_string(path).map_err(|source| LearnedError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    LogisticModel::from_json(&text).map_err(|source| LearnedError::Model {
        path: path.to_path_buf(),
        source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_models_load_and_know_their_features() {
        let learned = Learned::from_json(QUOTES_JSON, SPEAKERS_JSON);
        assert!(learned.is_ok(), "{learned:?}");
        let learned = learned.unwrap_or_else(|_| Learned::rules());
        for (model, names) in [
            (&learned.quotes.model, &quote_features::NAMES[..]),
            (
                &learned.speakers.model,
                &speaker_features::DECISION_NAMES[..],
            ),
        ] {
            for f in &model.features {
                assert!(names.contains(&f.as_str()), "unknown feature {f}");
            }
            assert!(model.weights.iter().all(|w| w.is_finite()));
            assert!(model.threshold.is_finite());
        }
    }

    #[test]
    fn the_rules_decide_as_the_hand_set_rules_did() {
        let rules = Learned::rules();
        let mut two_words = [0.0; quote_features::NAMES.len()];
        two_words[1] = 1.0;
        assert!(!rules.quotes.says_yes(rules.quotes.score(&two_words)));
        two_words[7] = 1.0; // a speech verb right before
        assert!(rules.quotes.says_yes(rules.quotes.score(&two_words)));
        let mut five_words = [0.0; quote_features::NAMES.len()];
        five_words[3] = 1.0;
        assert!(rules.quotes.says_yes(rules.quotes.score(&five_words)));
    }

    #[test]
    fn a_model_file_with_unknown_features_weighs_them_nothing() {
        let json = r#"{"about":"t","trained_on":"t","features":["words_1","no_such"],
            "weights":[2.0,5.0],"bias":0.5,"threshold":0.0}"#;
        let model =
            LogisticModel::from_json(json).map(|m| BoundModel::new(m, &quote_features::NAMES));
        let Ok(model) = model else {
            panic!("the model reads");
        };
        let mut x = [1.0; quote_features::NAMES.len()];
        x[0] = 1.0;
        assert!((model.score(&x) - 2.5).abs() < 1e-6);
        let bad = r#"{"about":"t","trained_on":"t","features":["a"],"weights":[],"bias":0,"threshold":0}"#;
        assert!(LogisticModel::from_json(bad).is_err());
    }
}
