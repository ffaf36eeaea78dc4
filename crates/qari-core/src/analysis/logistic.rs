//! A logistic model over named features, as the learned stages ship it: weights fitted by
//! `qari-train` (`train_learned`), stored as JSON in `assets/models/`, read by name so that a
//! feature the model does not know weighs nothing.

use serde::{Deserialize, Serialize};

/// Why a model file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum LogisticError {
    /// Not the JSON of a model.
    #[error("not a model: {0}")]
    Json(#[from] serde_json::Error),
    /// Weights and feature names differ in number.
    #[error("{features} features but {weights} weights")]
    Shape {
        /// Feature names given.
        features: usize,
        /// Weights given.
        weights: usize,
    },
}

/// Weights over named features, a bias, and the score at or above which the answer is yes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LogisticModel {
    /// What the model decides, in words.
    pub about: String,
    /// What it was fitted on and how its threshold was chosen.
    pub trained_on: String,
    /// Feature names, in the order of `weights`.
    pub features: Vec<String>,
    /// One weight per feature.
    pub weights: Vec<f32>,
    /// Added to every score.
    pub bias: f32,
    /// Scores (log-odds) at or above this mean yes.
    pub threshold: f32,
}

impl LogisticModel {
    /// Reads a model from its JSON.
    pub fn from_json(text: &str) -> Result<Self, LogisticError> {
        let model: Self = serde_json::from_str(text)?;
        if model.features.len() != model.weights.len() {
            return Err(LogisticError::Shape {
                features: model.features.len(),
                weights: model.weights.len(),
            });
        }
        Ok(model)
    }

    /// The model as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The weights laid out for `names` (a stage's own feature order): 0 for a name the model
    /// does not know.
    pub fn weights_for(&self, names: &[&str]) -> Vec<f32> {
        names
            .iter()
            .map(|name| {
                self.features
                    .iter()
                    .position(|f| f == name)
                    .and_then(|i| self.weights.get(i).copied())
                    .unwrap_or(0.0)
            })
            .collect()
    }
}

/// A model bound to a stage's feature order, ready to score.
#[derive(Debug, Clone, PartialEq)]
pub struct BoundModel {
    /// The model.
    pub model: LogisticModel,
    weights: Vec<f32>,
}

impl BoundModel {
    /// Binds `model` to the feature order `names`.
    pub fn new(model: LogisticModel, names: &[&str]) -> Self {
        let weights = model.weights_for(names);
        Self { model, weights }
    }

    /// The log-odds for feature values `x` (in the bound order).
    pub fn score(&self, x: &[f32]) -> f32 {
        self.model.bias + self.weights.iter().zip(x).map(|(w, v)| w * v).sum::<f32>()
    }

    /// Whether a score clears the threshold.
    pub fn says_yes(&self, score: f32) -> bool {
        score >= self.model.threshold
    }
}

/// The logistic function: log-odds to probability.
pub fn sigmoid(score: f32) -> f32 {
    1.0 / (1.0 + (-score).exp())
}
