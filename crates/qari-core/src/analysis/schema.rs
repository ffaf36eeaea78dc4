//! The analysis result: entities, mentions and quotes, serialised exactly as the JSON schema
//! of `shared/eval/README.md` (rich fields for the sidebar are Rust-only).

use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};

/// What kind of thing an entity is. Serialised in lower case (`"person"`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person.
    Person,
    /// A place.
    Place,
    /// An organisation.
    Organization,
    /// A hashtag (`#…`).
    Hashtag,
    /// A date or time expression.
    Date,
    /// Other named things; kept for the sidebar, never written to the JSON.
    Misc,
}

/// One occurrence of an entity in a paragraph. Offsets are chars, end exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Index into the document's body paragraphs.
    pub paragraph: usize,
    /// First char of the mention.
    pub start: usize,
    /// One past its last char.
    pub end: usize,
    /// `paragraphs[paragraph][start..end]`.
    pub text: String,
}

/// A distinct entity with all its mentions.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Entity {
    /// Display name: the fullest form the document uses, clitics removed.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Mentions in reading order.
    pub mentions: Vec<Mention>,
    /// Other names the document uses for it (e.g. the surname alone), normalised.
    #[serde(skip)]
    pub aliases: Vec<String>,
    /// Mentions in the title (`paragraph` is 0, offsets within the title). An entity named
    /// only in the title is listed with no body mentions.
    #[serde(skip)]
    pub title_mentions: Vec<Mention>,
}

impl Entity {
    /// How often the entity is mentioned.
    pub fn mention_count(&self) -> usize {
        self.mentions.len()
    }
}

/// How a quote was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// Between quotation marks.
    Marked,
    /// Unquoted direct speech after a speech verb and a colon.
    Colon,
}

/// A direct quote.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// The quoted words, without the marks.
    pub text: String,
    /// Who said it, as written in the document, if found.
    pub speaker: Option<String>,
    /// Paragraph index.
    pub paragraph: usize,
    /// First char of the quoted words.
    pub start: usize,
    /// One past their last char.
    pub end: usize,
    /// One or two words without a speech verb (scare quotes such as الصواريخ "الذكية"), or
    /// quoted inside another quote: kept for the reader, not listed in the JSON.
    #[serde(skip)]
    pub short: bool,
    /// Marked or colon-introduced.
    #[serde(skip)]
    pub kind: QuoteKind,
    /// Where the speaker is named (the mention the speaker was read from), if anywhere.
    #[serde(skip)]
    pub speaker_mention: Option<Mention>,
    /// The quote ran to the end of its paragraph without a closing mark.
    #[serde(skip)]
    pub unclosed: bool,
}

/// The analysis of one document.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Analysis {
    /// The document title.
    pub title: String,
    /// The body paragraphs the offsets refer to.
    pub paragraphs: Vec<String>,
    /// Entities (people, places, organisations, misc, dates, hashtags) in order of first mention.
    pub entities: Vec<Entity>,
    /// Quotes in reading order, short ones included (see [`Quote::short`]).
    pub quotes: Vec<Quote>,
}

impl Analysis {
    /// Entities listed in the JSON (all but misc).
    pub fn listed_entities(&self) -> impl Iterator<Item = &Entity> {
        self.entities.iter().filter(|e| e.kind != EntityKind::Misc)
    }

    /// Quotes listed in the JSON (all but short and nested ones).
    pub fn listed_quotes(&self) -> impl Iterator<Item = &Quote> {
        self.quotes.iter().filter(|q| !q.short)
    }

    /// Writes the schema JSON, pretty-printed (the same text as [`Analysis::to_json_string`]),
    /// without building it in memory first.
    pub fn write_json(&self, out: &mut dyn std::io::Write) -> serde_json::Result<()> {
        serde_json::to_writer_pretty(out, self)
    }

    /// The schema JSON, pretty-printed.
    pub fn to_json_string(&self) -> String {
        // Serialising these plain structs cannot fail; fall back to an empty object anyway.
        serde_json::to_string_pretty(self).unwrap_or_else(|_| "{}".to_string())
    }
}

struct Listed<I>(std::cell::RefCell<Option<I>>);

impl<I, T> Serialize for Listed<I>
where
    I: Iterator<Item = T>,
    T: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(None)?;
        if let Some(it) = self.0.borrow_mut().take() {
            for item in it {
                seq.serialize_element(&item)?;
            }
        }
        seq.end()
    }
}

impl Serialize for Analysis {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Analysis", 4)?;
        st.serialize_field("title", &self.title)?;
        st.serialize_field("paragraphs", &self.paragraphs)?;
        st.serialize_field(
            "entities",
            &Listed(std::cell::RefCell::new(Some(self.listed_entities()))),
        )?;
        st.serialize_field(
            "quotes",
            &Listed(std::cell::RefCell::new(Some(self.listed_quotes()))),
        )?;
        st.end()
    }
}
