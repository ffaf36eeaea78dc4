//! Speaker attribution, a stage of its own: for each quote, candidates are gathered
//! (`gather`), scored with explicit features whose weights live in `candidate`, and the best
//! is taken unless it scores under the threshold or ties with another speaker — then the
//! quote is left without one (a wrong name is worse than none).

mod candidate;
mod context;
mod formulas;
mod gather;

pub use candidate::{Attribution, Candidate, Decision, Feature, MARGIN, Source, THRESHOLD};
pub use context::{Context, MentionIndex, Speaker};
pub use formulas::{GOD, PROPHET, STATEMENT_NOUNS};
pub use gather::{Said, attribute};
