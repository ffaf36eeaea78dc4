//! Named-entity mentions and entities, a stage of its own: paragraphs are tagged
//! (`tagged`), mentions found from the tagger's spans and the rules for organisations
//! (`orgs`), persons (`persons`) and places (`places`), resolved and propagated (`find`),
//! their kinds corrected in match reports (`clubs`), grouped into distinct entities (`group`),
//! and finished: title mentions apart, hashtags and dates added, reading order (`finish`).

mod clubs;
mod find;
mod finish;
mod group;
mod mention;
mod orgs;
mod persons;
mod places;
mod tagged;

pub use find::{find_mentions, find_mentions_with_progress};
pub use finish::{add_hashtags_and_dates, reading_order, split_title_mentions};
pub use group::{ResolvedMention, group};
pub use mention::{RawMention, clitic_len, make_mention};
pub use tagged::{
    TaggedParagraph, tag_paragraph, tag_paragraphs, tag_paragraphs_with_progress, tagger_sentences,
};
