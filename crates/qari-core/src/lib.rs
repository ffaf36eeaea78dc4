//! qari's model: documents and their formats, Arabic folding, search, annotations and the
//! analysis. Pure code with no GUI or layout crate in its dependency tree — the compiler keeps
//! it so, since this crate does not depend on one.

pub mod analysis;
pub mod annotations;
pub mod arabic;
pub mod document;
pub mod invariants;
pub mod search;
