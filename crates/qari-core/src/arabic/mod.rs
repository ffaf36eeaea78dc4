//! Facts about Arabic script shared by the model modules: the one letter-folding table.

pub mod fold;

pub use fold::{FoldOptions, fold_char, is_ignorable};
