//! Speaker attribution, a stage of its own: for each quote, candidates are gathered
//! (`gather`), scored by a learned ranker over the explicit features of `candidate` (weights
//! in `assets/models/speakers.json`), and the best is taken unless it scores under the
//! model's threshold or ties with another speaker — then the
//! quote is left without one (a wrong name is worse than none).

pub mod candidate;
mod context;
mod document;
mod formulas;
mod gather;

pub use candidate::{Attribution, Candidate, Decision, Feature, MARGIN, Source};
pub use context::{Context, MentionIndex, Speaker};
pub use document::{DocumentQuotes, RatedSpan, document_quotes};
pub use formulas::{GOD, PROPHET, STATEMENT_NOUNS};
pub use gather::{Said, attribute};
