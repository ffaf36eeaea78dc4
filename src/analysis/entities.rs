//! Named-entity mentions (tagger output, quoted organisation names, gazetteer places,
//! document-wide propagation) and their grouping into distinct entities.

use std::collections::HashMap;
use std::ops::Range;

use super::gazetteer::{Gazetteer, Trigger, Triggers, class};
use super::hashtags::{HashtagSpan, find_hashtags};
use super::normalize::{clitic_candidates, normalize, split_clitics};
use super::schema::{Entity, EntityKind, Mention};
use super::tagger::{EntityType, Tag, Tagger, spans};
use super::tokens::{Token, TokenKind, is_sentence_end, tokenize};

/// A paragraph with its tokens and predicted IOB tags.
#[derive(Debug, Clone)]
pub struct TaggedParagraph<'a> {
    /// The paragraph text.
    pub text: &'a str,
    /// Its tokens.
    pub tokens: Vec<Token>,
    /// One tag per token (hashtag `#` and `_` tokens are always O).
    pub tags: Vec<Tag>,
    /// Hashtags in the paragraph.
    pub hashtags: Vec<HashtagSpan>,
}

impl<'a> TaggedParagraph<'a> {
    /// Normalised text of token `i` ("" out of range).
    pub fn norm(&self, i: usize) -> String {
        self.tokens
            .get(i)
            .map(|t| normalize(t.text(self.text)))
            .unwrap_or_default()
    }

    /// Raw text of token `i` ("" out of range).
    pub fn raw(&self, i: usize) -> &'a str {
        self.tokens.get(i).map(|t| t.text(self.text)).unwrap_or("")
    }

    /// Text between two char offsets. The walk starts at the nearest token, so a slice costs
    /// its own length (plus a token), not the paragraph's: one-line documents stay linear.
    pub fn slice(&self, start: usize, end: usize) -> String {
        let from = self.byte_of(start);
        let to = self.byte_of(end.max(start));
        self.text.get(from..to).unwrap_or_default().to_string()
    }

    /// Byte offset of a char offset (the text's length past its end).
    pub fn byte_of(&self, pos: usize) -> usize {
        let t = self.tokens.partition_point(|t| t.start <= pos);
        let (char_base, byte_base) = match t.checked_sub(1).and_then(|i| self.tokens.get(i)) {
            Some(tok) => (tok.start, tok.byte_start),
            None => (0, 0),
        };
        self.text
            .get(byte_base..)
            .and_then(|rest| rest.char_indices().nth(pos - char_base))
            .map_or(self.text.len(), |(b, _)| byte_base + b)
    }
}

fn is_hashtag_glue(t: &str) -> bool {
    matches!(t, "#" | "＃" | "_")
}

/// Tokenizes and tags a paragraph sentence by sentence. The `#` and `_` of hashtags are
/// hidden from the tagger so `#الولايات_المتحدة` reads as the two words of the name.
pub fn tag_paragraph<'a>(text: &'a str, tagger: &Tagger) -> TaggedParagraph<'a> {
    tag_paragraphs(&[text], tagger)
        .pop()
        .unwrap_or_else(|| TaggedParagraph {
            text,
            tokens: Vec::new(),
            tags: Vec::new(),
            hashtags: Vec::new(),
        })
}

/// بن، ابن، بنت، أبو/أبي/أبا (normalised): what follows names another person (a father, a
/// son) inside this person's name.
fn is_nasab(word: &str) -> bool {
    matches!(word, "بن" | "ابن" | "بنت" | "ابنه" | "ابو" | "ابي" | "ابا")
}

/// Longest run of tokens the tagger sees as one sentence.
const MAX_SENTENCE_TOKENS: usize = 400;

/// Token indices of each sentence the tagger sees in a paragraph (hashtag glue hidden).
fn tagger_sentences(tokens: &[Token], text: &str) -> Vec<Vec<usize>> {
    let visible: Vec<usize> = (0..tokens.len())
        .filter(|&i| !(tokens[i].kind == TokenKind::Punct && is_hashtag_glue(tokens[i].text(text))))
        .collect();
    let mut out = Vec::new();
    let mut start = 0;
    for k in 0..=visible.len() {
        // A run without sentence ends (a wall of hashtags) is cut into pieces the tagger
        // handles like sentences, so no single "sentence" holds the whole paragraph.
        let end_here = k == visible.len()
            || is_sentence_end(tokens[visible[k]].text(text))
            || k + 1 - start >= MAX_SENTENCE_TOKENS;
        if end_here {
            let stop = (k + 1).min(visible.len());
            if start < stop {
                out.push(visible[start..stop].to_vec());
            }
            start = stop;
        }
    }
    out
}

/// Tokenizes and tags the paragraphs of one document together, so the tagger's document
/// pass sees every sentence (a name tagged confidently in one paragraph helps elsewhere).
pub fn tag_paragraphs<'a>(texts: &[&'a str], tagger: &Tagger) -> Vec<TaggedParagraph<'a>> {
    tag_paragraphs_with_progress(texts, tagger, &mut |_| {})
}

/// [`tag_paragraphs`], telling `progress` the share of the tagging done (0 to 1).
pub fn tag_paragraphs_with_progress<'a>(
    texts: &[&'a str],
    tagger: &Tagger,
    progress: &mut dyn FnMut(f32),
) -> Vec<TaggedParagraph<'a>> {
    let tokens: Vec<Vec<Token>> = texts.iter().map(|t| tokenize(t)).collect();
    let groups: Vec<Vec<Vec<usize>>> = texts
        .iter()
        .zip(&tokens)
        .map(|(text, toks)| tagger_sentences(toks, text))
        .collect();
    let mut doc: Vec<Vec<&str>> = Vec::new();
    for ((text, toks), sents) in texts.iter().zip(&tokens).zip(&groups) {
        for idx in sents {
            doc.push(idx.iter().map(|&i| toks[i].text(text)).collect());
        }
    }
    let mut doc_tags = tagger
        .tag_document_with_progress(&doc, progress)
        .into_iter();
    texts
        .iter()
        .zip(tokens)
        .zip(&groups)
        .map(|((&text, tokens), sents)| {
            let mut tags = vec![Tag::O; tokens.len()];
            for idx in sents {
                let sent_tags = doc_tags.next().unwrap_or_default();
                for (&i, t) in idx.iter().zip(sent_tags) {
                    tags[i] = t;
                }
            }
            // Re-link I- tags across the hidden hashtag glue (the tagger never saw it).
            for i in 1..tokens.len() {
                if tags[i].is_inside()
                    && tags[i - 1] == Tag::O
                    && is_hashtag_glue(tokens[i - 1].text(text))
                {
                    tags[i - 1] = tags[i];
                }
            }
            TaggedParagraph {
                text,
                tokens,
                tags,
                hashtags: find_hashtags(text),
            }
        })
        .collect()
}

/// A mention before grouping.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawMention {
    /// Paragraph index.
    pub paragraph: usize,
    /// Tokens covered (the first may carry a clitic outside the span).
    pub tokens: Range<usize>,
    /// First char (after any clitic).
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Kind.
    pub kind: EntityKind,
    /// Display form of the name (clitics removed, underscores as spaces).
    pub name: String,
    /// Normalised name used to group mentions.
    pub key: String,
    /// Higher wins when mentions overlap.
    pub priority: u8,
}

fn kind_of(t: EntityType) -> EntityKind {
    match t {
        EntityType::Pers => EntityKind::Person,
        EntityType::Loc => EntityKind::Place,
        EntityType::Org => EntityKind::Organization,
        EntityType::Misc => EntityKind::Misc,
    }
}

/// Function words that are never names on their own even if the tagger says so.
const NOT_NAMES: &[&str] = &[
    "في",
    "من",
    "علي",
    "الي",
    "عن",
    "ان",
    "او",
    "ثم",
    "هذا",
    "هذه",
    "ذلك",
    "التي",
    "الذي",
    "قد",
    "كما",
    "مع",
    "بين",
    "عبر",
    "حول",
    "لدي",
    "وقال",
    "قال",
    "قالت",
    "هو",
    "هي",
    "عام",
    "العام",
    "اليوم",
    "امس",
    "الان",
    "ايضا",
    "بعد",
    "قبل",
    "كل",
    "غير",
    "منذ",
    "حتي",
    "لا",
    "لم",
    "لن",
];

/// How many leading chars of `word` are clitics (و, ف, ب, ل, ك, or conj+prep) in front of
/// a name. A letter counts as a clitic when what follows is a known name while the whole word
/// is not, when it precedes the article (والكرملين, بالعراق, للأمم), or — for و/ف — when at
/// least four letters follow (وموسكو) and the whole word is not a listed name (واشنطن).
pub fn clitic_len(word: &str, gaz: &Gazetteer) -> usize {
    // The person-name-unit list is large and noisy (جنة, زيرة are in it), so only places,
    // countries and names seen in the training data vouch for a stripped form.
    const STRONG: u16 = class::COUNTRY
        | class::CITY
        | class::GIVEN_FREQ
        | class::TRAIN_LOC
        | class::TRAIN_ORG
        | class::TRAIN_PERS;
    const PUBLIC: u16 = class::COUNTRY | class::CITY | class::GIVEN | class::SURNAME;
    let full = normalize(word);
    let full_flags = gaz.word(&full);
    // ل + ال is written لل: at the start of a name the ل is always the preposition
    // (للنظام السوري → النظام السوري), even when the contracted word is frequent.
    if full.starts_with("لل") && full.chars().count() >= 5 {
        return 1;
    }
    if full_flags & (PUBLIC | class::COMMON) != 0 || Triggers::default_ref().get(&full).is_some() {
        return 0;
    }
    for (k, rest) in clitic_candidates(word) {
        if k > 0
            && rest.chars().count() >= 3
            && (gaz.word(&rest) & STRONG != 0 || gaz.phrase(&rest) != 0)
            && gaz.word(&rest) & class::COMMON == 0
        {
            return k;
        }
    }
    let s = split_clitics(word);
    if s.definite && s.clitic_chars > 0 {
        return s.clitic_chars;
    }
    // A word known whole (from training: وزارة, وكالة) keeps its و.
    if full_flags != 0 {
        return 0;
    }
    let mut chars = full.chars();
    if matches!(chars.next(), Some('و' | 'ف')) && chars.count() >= 4 {
        return 1;
    }
    0
}

fn byte_at(text: &str, from_byte: usize, skip_chars: usize) -> usize {
    text.get(from_byte..)
        .and_then(|rest| {
            rest.char_indices()
                .nth(skip_chars)
                .map(|(b, _)| from_byte + b)
        })
        .unwrap_or(text.len())
}

/// Builds a mention over tokens `a..b`, trimming punctuation and the first token's clitic.
pub fn make_mention(
    para: &TaggedParagraph,
    p: usize,
    range: Range<usize>,
    kind: EntityKind,
    gaz: &Gazetteer,
    priority: u8,
) -> Option<RawMention> {
    let (mut a, mut b) = (range.start, range.end.min(para.tokens.len()));
    while a < b && para.tokens[a].kind == TokenKind::Punct {
        a += 1;
    }
    while b > a && para.tokens[b - 1].kind == TokenKind::Punct {
        b -= 1;
    }
    if a >= b {
        return None;
    }
    if para.tokens[a..b]
        .iter()
        .all(|t| t.kind == TokenKind::Number)
    {
        return None;
    }
    // A person's name stops at the name: "فلان لمحطة", "فلان للإذاعة" — a last word that is
    // ل + a common word (or لل + anything) is the preposition phrase after it.
    if kind == EntityKind::Person {
        while b > a + 1 && is_prepositional_tail(para.raw(b - 1), gaz) {
            b -= 1;
        }
    }
    let first = para.tokens[a];
    let mut k = clitic_len(first.text(para.text), gaz);
    if k >= first.len() {
        k = 0;
    }
    let bs = byte_at(para.text, first.byte_start, k);
    let be = para.tokens[b - 1].byte_end;
    let text = para.text.get(bs..be)?;
    let mut name: String = text.replace('_', " ");
    // ل + ال is written لل: restore the article the contraction swallowed (للأمم → الأمم).
    let split = split_clitics(first.text(para.text));
    let n = normalize(&name);
    if k > 0 && split.definite && n.starts_with('ل') && !n.starts_with("ال") {
        name.insert(0, 'ا');
    }
    let key = normalize(&name);
    if key.chars().filter(|c| c.is_alphabetic()).count() < 2 || NOT_NAMES.contains(&key.as_str()) {
        return None;
    }
    // A head noun or title alone ("مدينة", "الرئيس") names nothing.
    if b == a + 1 && Triggers::default_ref().get(&key).is_some() {
        return None;
    }
    Some(RawMention {
        paragraph: p,
        tokens: a..b,
        start: first.start + k,
        end: para.tokens[b - 1].end,
        kind,
        name,
        key,
        priority,
    })
}

/// "لمحطة", "للإذاعة", "للصحفيين": ل + a common word, or the contraction لل; or a
/// conjunction (بأن، لأن).
fn is_prepositional_tail(raw: &str, gaz: &Gazetteer) -> bool {
    let n = normalize(raw);
    // "فلان بأن", "فلان لأن": a conjunction after the name; "فلان رضي الله عنه": a formula.
    if matches!(
        n.as_str(),
        "بان"
            | "بانه"
            | "بانها"
            | "لان"
            | "وان"
            | "فان"
            | "ان"
            | "انه"
            | "انها"
            | "رضي"
            | "رحمه"
    ) {
        return true;
    }
    let Some(rest) = n.strip_prefix('ل') else {
        return false;
    };
    rest.starts_with('ل') || (rest.chars().count() >= 3 && gaz.word(rest) & class::COMMON != 0)
}

/// Undoes a clitic split when the whole word is itself a name part in this document: a
/// foreign surname starting with ب/ل/ك/و/ف keeps its first letter once the full name (where
/// it is a later word, never split) was read — "بيرنز" after "روبرت بيرنز", also before ال.
fn restore_document_names(paras: &[TaggedParagraph], mentions: &mut [RawMention]) {
    let mut parts: std::collections::HashSet<String> = std::collections::HashSet::new();
    for m in mentions.iter() {
        if m.kind != EntityKind::Person || m.tokens.len() < 2 {
            continue;
        }
        if let Some(para) = paras.get(m.paragraph) {
            for t in m.tokens.start + 1..m.tokens.end {
                parts.insert(normalize(para.raw(t)));
            }
        }
    }
    if parts.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        let Some(para) = paras.get(m.paragraph) else {
            continue;
        };
        let Some(first) = para.tokens.get(m.tokens.start) else {
            continue;
        };
        let raw = para.raw(m.tokens.start);
        if m.start == first.start || !parts.contains(&normalize(raw)) {
            continue;
        }
        let Some(last) = para.tokens.get(m.tokens.end - 1) else {
            continue;
        };
        if let Some(text) = para.text.get(first.byte_start..last.byte_end) {
            m.start = first.start;
            m.name = text.replace('_', " ");
            m.key = normalize(&m.name);
        }
    }
}

const QUOTE_MARKS: &[&str] = &["\"", "«", "»", "“", "”", "„"];

/// Organisation heads before a quoted name (وكالة "تاس", صحيفة «الشرق الأوسط»).
pub(crate) const NAMING_HEADS_ORG: &[&str] = &[
    "وكاله",
    "صحيفه",
    "قناه",
    "موقع",
    "مجله",
    "شبكه",
    "اذاعه",
    "شركه",
    "حركه",
    "جماعه",
    "منظمه",
    "تنظيم",
    "حزب",
    "جمعيه",
    "مؤسسه",
    "مجموعه",
    "تحالف",
    "جبهه",
    "فريق",
    "نادي",
    "منصه",
    "تطبيق",
    "مركز",
    "معهد",
    "بنك",
    "مصرف",
    "جريده",
    "مجلس",
    "هيئه",
    "اتحاد",
    "كتائب",
    "لواء",
    "فيلق",
];

/// Finds quoted names introduced by an organisation head noun. Returns the mention (from the
/// head to the closing mark) and the token range of the quoted part.
fn quoted_org_names(para: &TaggedParagraph, p: usize, gaz: &Gazetteer) -> Vec<RawMention> {
    let mut out = Vec::new();
    let toks = &para.tokens;
    for i in 0..toks.len() {
        if !head_forms(para.raw(i)).iter().any(|h| {
            let h = h.strip_prefix("ال").unwrap_or(h);
            NAMING_HEADS_ORG.contains(&h)
        }) {
            continue;
        }
        if !QUOTE_MARKS.contains(&para.raw(i + 1)) {
            continue;
        }
        let mut j = i + 2;
        while j < toks.len() && j < i + 8 && !QUOTE_MARKS.contains(&para.raw(j)) {
            j += 1;
        }
        if j >= toks.len() || !QUOTE_MARKS.contains(&para.raw(j)) || j == i + 2 {
            continue;
        }
        if let Some(mut m) = make_mention(para, p, i..j + 1, EntityKind::Organization, gaz, 3) {
            // Keep the closing mark inside the span so the highlighted text stays balanced.
            m.end = toks[j].end;
            let bs = byte_at(para.text, toks[i].byte_start, m.start - toks[i].start);
            if let Some(t) = para.text.get(bs..toks[j].byte_end) {
                m.name = normalize_display(t);
            }
            m.key = normalize(&m.name);
            m.tokens = i..j + 1;
            out.push(m);
        }
    }
    out
}

/// The forms a head noun may have: the whole word (وكالة, وزارة start with و themselves)
/// and the word without its clitics (ووكالة → وكالة, والجيش → الجيش).
fn head_forms(raw: &str) -> [String; 2] {
    [normalize(raw), split_clitics(raw).with_article]
}

fn normalize_display(t: &str) -> String {
    t.chars()
        .filter(|c| !matches!(c, '"' | '«' | '»' | '“' | '”' | '„'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Countries (and cities the training data also knew as places) from the gazetteer that
/// the tagger left untagged.
fn gazetteer_places(para: &TaggedParagraph, p: usize, gaz: &Gazetteer) -> Vec<RawMention> {
    let mut out = Vec::new();
    for i in 0..para.tokens.len() {
        if para.tokens[i].kind != TokenKind::Word || para.tags[i] != Tag::O {
            continue;
        }
        let raw = para.raw(i);
        let k = clitic_len(raw, gaz);
        let rest = normalize(&raw.chars().skip(k).collect::<String>());
        let f = gaz.word(&rest);
        let is_country = f & class::COUNTRY != 0;
        let is_known_city =
            f & class::CITY != 0 && (f & class::TRAIN_LOC != 0 || f & class::BIG_CITY != 0);
        if (is_country || is_known_city)
            && f & (class::TRAIN_PERS | class::TRAIN_ORG | class::COMMON) == 0
            && let Some(m) = make_mention(para, p, i..i + 1, EntityKind::Place, gaz, 1)
        {
            out.push(m);
        }
    }
    out
}

/// All mentions of the document after overlap resolution, in reading order.
pub fn find_mentions(paras: &[TaggedParagraph], gaz: &Gazetteer) -> Vec<RawMention> {
    let mut cands: Vec<RawMention> = Vec::new();
    for (p, para) in paras.iter().enumerate() {
        for (a, b, t) in spans(&para.tags) {
            // A name never runs out of a hashtag into the text after it.
            let mut b = b;
            for h in &para.hashtags {
                let ta = para.tokens[a].start;
                if ta >= h.start && ta < h.end {
                    while b > a + 1 && para.tokens[b - 1].end > h.end {
                        b -= 1;
                    }
                }
            }
            if let Some(m) = make_mention(para, p, a..b, kind_of(t), gaz, 2) {
                cands.push(m);
            }
        }
        cands.extend(quoted_org_names(para, p, gaz));
        let orgs = head_noun_orgs(para, p, gaz);
        cands.extend(titled_persons(para, p, gaz, &orgs));
        cands.extend(orgs);
        cands.extend(headed_places(para, p, gaz));
        cands.extend(gazetteer_places(para, p, gaz));
    }
    let mut kept = resolve_overlaps(cands, paras.len());
    restore_document_names(paras, &mut kept);
    let extra = propagate(paras, &kept, gaz);
    kept.extend(extra);
    let mut out = resolve_overlaps(kept, paras.len());
    restore_document_names(paras, &mut out);
    out
}

fn resolve_overlaps(mut cands: Vec<RawMention>, n_paras: usize) -> Vec<RawMention> {
    cands.sort_by(|x, y| {
        y.priority
            .cmp(&x.priority)
            .then((y.end - y.start).cmp(&(x.end - x.start)))
            .then(x.paragraph.cmp(&y.paragraph))
            .then(x.start.cmp(&y.start))
    });
    // Kept spans per paragraph, disjoint, by start → end: an overlap check is one lookup
    // (linear-logarithmic, not quadratic, in a paragraph's mentions).
    let mut by_para: Vec<std::collections::BTreeMap<usize, usize>> =
        vec![std::collections::BTreeMap::new(); n_paras];
    let mut out: Vec<RawMention> = Vec::new();
    for m in cands {
        let Some(spans) = by_para.get_mut(m.paragraph) else {
            continue;
        };
        let clash = spans
            .range(..m.end)
            .next_back()
            .is_some_and(|(_, &end)| end > m.start);
        if !clash {
            spans.insert(m.start, m.end);
            out.push(m);
        }
    }
    out.sort_by_key(|m| (m.paragraph, m.start));
    out
}

/// Finds further occurrences of names already recognised somewhere in the document
/// (also a person's surname alone once the full name was seen).
fn propagate(paras: &[TaggedParagraph], found: &[RawMention], gaz: &Gazetteer) -> Vec<RawMention> {
    let mut names: HashMap<String, Vec<(Vec<String>, EntityKind)>> = HashMap::new();
    let mut add = |words: Vec<String>, kind: EntityKind| {
        if let Some(first) = words.first().cloned() {
            let e = names.entry(first).or_default();
            if !e.iter().any(|(w, _)| *w == words) {
                e.push((words, kind));
            }
        }
    };
    for m in found {
        if m.kind == EntityKind::Misc || m.key.chars().count() < 3 {
            continue;
        }
        let words: Vec<String> = m.key.split(' ').map(str::to_string).collect();
        if m.kind == EntityKind::Person
            && words.len() >= 2
            && !words.get(words.len() - 2).is_some_and(|w| is_nasab(w))
        {
            // The surname alone refers back to the person; a frequent given name does not,
            // nor the father's name after بن/أبو.
            if let Some(last) = words.last()
                && last.chars().count() >= 3
                && gaz.word(last) & class::GIVEN_FREQ == 0
                && !NOT_NAMES.contains(&last.as_str())
            {
                add(vec![last.clone()], EntityKind::Person);
            }
        }
        add(words, m.kind);
    }
    let mut out = Vec::new();
    // Tokens already inside a mention, per paragraph: one pass over the mentions, so the
    // cost stays linear in paragraphs and mentions.
    let mut covered: Vec<Vec<bool>> = paras.iter().map(|p| vec![false; p.tokens.len()]).collect();
    for m in found {
        if let Some(row) = covered.get_mut(m.paragraph) {
            for t in m.tokens.clone() {
                if let Some(c) = row.get_mut(t) {
                    *c = true;
                }
            }
        }
    }
    for (p, para) in paras.iter().enumerate() {
        let covered = &covered[p];
        let mut i = 0;
        while i < para.tokens.len() {
            if para.tokens[i].kind != TokenKind::Word || covered[i] {
                i += 1;
                continue;
            }
            let raw = para.raw(i);
            let mut firsts: Vec<String> =
                clitic_candidates(raw).into_iter().map(|(_, s)| s).collect();
            let s = split_clitics(raw);
            firsts.push(s.with_article);
            let mut matched: Option<(usize, EntityKind)> = None;
            'outer: for f in &firsts {
                if let Some(list) = names.get(f) {
                    for (words, kind) in list {
                        // Compare the following words, skipping hashtag underscores.
                        let mut j = i + 1;
                        let mut ok = true;
                        for w in &words[1..] {
                            while j < para.tokens.len() && para.raw(j) == "_" {
                                j += 1;
                            }
                            if para.norm(j) != *w {
                                ok = false;
                                break;
                            }
                            j += 1;
                        }
                        if ok && matched.is_none_or(|(e, _)| j > e) {
                            matched = Some((j, *kind));
                            if words.len() > 1 {
                                break 'outer;
                            }
                        }
                    }
                }
            }
            if let Some((j, kind)) = matched
                && !covered[i..j.min(covered.len())].iter().any(|&c| c)
                && let Some(m) = make_mention(para, p, i..j, kind, gaz, 1)
            {
                out.push(m);
                i = j;
                continue;
            }
            i += 1;
        }
    }
    out
}

/// A mention after grouping: which entity it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResolvedMention {
    /// Paragraph index.
    pub paragraph: usize,
    /// Tokens covered.
    pub tokens: Range<usize>,
    /// First char.
    pub start: usize,
    /// One past the last char.
    pub end: usize,
    /// Index into the entity list.
    pub entity: usize,
}

fn kind_rank(k: EntityKind) -> u8 {
    match k {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
        _ => 3,
    }
}

fn is_org_head(w: &str) -> bool {
    let w = w.strip_prefix("ال").unwrap_or(w);
    super::gazetteer::ORG_HEADS
        .iter()
        .any(|h| normalize(h) == w)
}

/// Groups mentions into distinct entities: equal names are one entity (kind by majority);
/// a person named by part of a longer person name ("زاخاروفا" after "ماريا زاخاروفا") joins
/// it; an organisation named without its head noun ("الخوذ البيضاء" after "جماعة الخوذ
/// البيضاء") or by the first words of a longer name ("مجلس الأمن") joins the longer one.
pub fn group(
    mentions: &[RawMention],
    paras: &[TaggedParagraph],
) -> (Vec<Entity>, Vec<ResolvedMention>) {
    // 1. by key
    let mut keys: Vec<String> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut members: Vec<Vec<usize>> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let g = *index.entry(m.key.clone()).or_insert_with(|| {
            keys.push(m.key.clone());
            members.push(Vec::new());
            keys.len() - 1
        });
        members[g].push(i);
    }
    let kinds: Vec<EntityKind> = members
        .iter()
        .map(|ms| {
            let mut votes: Vec<(EntityKind, usize)> = Vec::new();
            for &i in ms {
                let k = mentions[i].kind;
                match votes.iter_mut().find(|(vk, _)| *vk == k) {
                    Some(v) => v.1 += 1,
                    None => votes.push((k, 1)),
                }
            }
            votes.sort_by(|a, b| b.1.cmp(&a.1).then(kind_rank(a.0).cmp(&kind_rank(b.0))));
            votes.first().map_or(EntityKind::Misc, |v| v.0)
        })
        .collect();
    // 2. merge sub-names into longer names of the same kind
    let words: Vec<Vec<&str>> = keys.iter().map(|k| k.split(' ').collect()).collect();
    // Keys by each word they contain: a longer name that can hold a shorter one contains its
    // last word, so only those keys are compared (not every pair of keys).
    let mut by_word: HashMap<&str, Vec<usize>> = HashMap::new();
    for (h, ws) in words.iter().enumerate() {
        if ws.len() < 2 {
            continue;
        }
        let mut seen: Vec<&str> = Vec::new();
        for &w in ws {
            if !seen.contains(&w) {
                seen.push(w);
                by_word.entry(w).or_default().push(h);
            }
        }
    }
    let mut parent: Vec<usize> = (0..keys.len()).collect();
    for g in 0..keys.len() {
        let mut best: Option<usize> = None;
        let Some(last) = words[g].last() else {
            continue;
        };
        for &h in by_word.get(last).map_or(&[][..], Vec::as_slice) {
            if h == g || kinds[h] != kinds[g] || words[h].len() <= words[g].len() {
                continue;
            }
            let (short, long) = (&words[g], &words[h]);
            let fits = match kinds[g] {
                // Not the name after بن/ابن/أبو: "خالد" in "عبد الله بن خالد" is the
                // father, another person.
                EntityKind::Person => long
                    .windows(short.len())
                    .enumerate()
                    .any(|(i, w)| w == short.as_slice() && !(i > 0 && is_nasab(long[i - 1]))),
                EntityKind::Organization => {
                    (long.len() == short.len() + 1
                        && is_org_head(long[0])
                        && long[1..] == short[..])
                        || long.starts_with(short)
                }
                _ => false,
            };
            if fits && best.is_none_or(|b| members[h].len() > members[b].len()) {
                best = Some(h);
            }
        }
        if let Some(h) = best {
            parent[g] = h;
        }
    }
    let root = |mut g: usize| {
        let mut steps = 0;
        while parent[g] != g && steps < 16 {
            g = parent[g];
            steps += 1;
        }
        g
    };
    let mut ent_of_root: HashMap<usize, usize> = HashMap::new();
    let mut entities: Vec<Entity> = Vec::new();
    let mut resolved: Vec<ResolvedMention> = Vec::new();
    // (in the body, words, mention index): the longest body mention names the entity; a
    // headline's span is only used when the body never names it (headlines run names into
    // their verbs: "جامعة قطر تطلق").
    let mut best_name: Vec<(bool, usize, usize)> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        let g = root(index.get(&m.key).copied().unwrap_or(0));
        let e = *ent_of_root.entry(g).or_insert_with(|| {
            entities.push(Entity {
                name: String::new(),
                kind: kinds[g],
                mentions: Vec::new(),
                aliases: Vec::new(),
                title_mentions: Vec::new(),
            });
            best_name.push((false, 0, i));
            entities.len() - 1
        });
        let text = paras
            .get(m.paragraph)
            .map(|p| p.slice(m.start, m.end))
            .unwrap_or_default();
        entities[e].mentions.push(Mention {
            paragraph: m.paragraph,
            start: m.start,
            end: m.end,
            text,
        });
        if !entities[e].aliases.contains(&m.key) {
            entities[e].aliases.push(m.key.clone());
        }
        let candidate = (m.paragraph > 0, m.key.split(' ').count(), i);
        if (candidate.0, candidate.1) > (best_name[e].0, best_name[e].1) {
            best_name[e] = candidate;
        }
        resolved.push(ResolvedMention {
            paragraph: m.paragraph,
            tokens: m.tokens.clone(),
            start: m.start,
            end: m.end,
            entity: e,
        });
    }
    for (e, (_, _, i)) in best_name.iter().enumerate() {
        if let Some(m) = mentions.get(*i) {
            entities[e].name = m.name.clone();
        }
    }
    (entities, resolved)
}

/// Organisation heads that open a name in the construct state (منظمة حظر الأسلحة الكيمياوية).
const CONSTRUCT_ORG_HEADS: &[&str] = &[
    "وزاره",
    "وكاله",
    "منظمه",
    "مجلس",
    "هيئه",
    "جماعه",
    "حركه",
    "شركه",
    "جامعه",
    "حزب",
    "اتحاد",
    "جمعيه",
    "مؤسسه",
    "لجنه",
    "محكمه",
    "صندوق",
    "بنك",
    "مصرف",
    "معهد",
    "مركز",
    "رابطه",
    "نقابه",
    "قوات",
    "جيش",
    "شرطه",
    "مفوضيه",
    "ديوان",
    "تحالف",
    "جبهه",
    "غرفه",
    "نادي",
    "بلديه",
    "اكاديميه",
    "كليه",
    "مستشفي",
    "محطه",
    "دار",
];

/// Definite institutions that become a name with a nisba adjective (الجيش الروسي,
/// الخارجية الروسية, الشرطة العسكرية الروسية).
const DEFINITE_ORG_HEADS: &[&str] = &[
    "الجيش",
    "القوات",
    "الشرطه",
    "الحكومه",
    "الخارجيه",
    "الداخليه",
    "البحريه",
    "الاستخبارات",
    "المخابرات",
    "البرلمان",
    "النظام",
    "الرئاسه",
    "الدفاع",
    "الاتحاد",
    "النادي",
    "المنتخب",
    "البنك",
    "المجلس",
    "الحزب",
    "المصرف",
    "التلفزيون",
    "الاذاعه",
    "النيابه",
    "المحكمه",
    "الهيئه",
    "المفوضيه",
];

/// Adjectives other than nisbas that continue a definite institution's name (النيابة العامة،
/// المحكمة العليا).
const ORG_ADJECTIVES: &[&str] = &["العامه", "العام", "العليا", "الاعلي", "المتحده", "المستقله"];

/// Definite words that end an organisation name rather than extend it.
const ORG_STOP: &[&str] = &[
    "التابعه",
    "التابع",
    "المعنيه",
    "المعني",
    "المختصه",
    "الذي",
    "التي",
    "الذين",
    "المذكوره",
    "نفسه",
    "نفسها",
    "الان",
    "اليوم",
    "الماضي",
    "الماضيه",
    "الحالي",
    "الحاليه",
    "الجديد",
    "الجديده",
    "السابق",
    "السابقه",
    "المقبل",
    "المقبله",
];

fn is_nisba(n: &str) -> bool {
    n.starts_with("ال") && n.chars().count() >= 5 && (n.ends_with('ي') || n.ends_with("يه"))
}

/// Organisation names opened by a head noun: a construct head followed by definite words
/// (with at most one indefinite noun before them), or a definite institution followed by
/// nisba adjectives.
fn head_noun_orgs(para: &TaggedParagraph, p: usize, gaz: &Gazetteer) -> Vec<RawMention> {
    let mut out = Vec::new();
    let n = para.tokens.len();
    let mut i = 0;
    while i < n {
        if para.tokens[i].kind != TokenKind::Word {
            i += 1;
            continue;
        }
        let forms = head_forms(para.raw(i));
        // "برنامج" heads a name only before a tagged organisation (برنامج الأمم المتحدة …).
        let weak = forms.iter().any(|f| f == "برنامج")
            && para.tags.get(i + 1) == Some(&Tag::begin(EntityType::Org));
        let construct = weak
            || forms
                .iter()
                .any(|f| !f.starts_with("ال") && CONSTRUCT_ORG_HEADS.contains(&f.as_str()));
        let definite = forms
            .iter()
            .any(|f| DEFINITE_ORG_HEADS.contains(&f.as_str()));
        if !construct && !definite {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut definites = 0;
        let mut indefinite_used = false;
        let mut saw_article = false;
        let mut after_name = false;
        while j < n && j < i + 6 && para.tokens[j].kind == TokenKind::Word {
            let raw = para.raw(j);
            let w = normalize(raw);
            if ORG_STOP.contains(&w.as_str()) || NOT_NAMES.contains(&w.as_str()) {
                break;
            }
            // A known place closes a construct chain (نقابة أطباء حلب).
            let tagged = para.tags[j] != Tag::O
                || (indefinite_used && gaz.word(&w) & (class::COUNTRY | class::CITY) != 0);
            // A title or a person's given name after the institution ends it
            // (لجنة التحكيم | المنتجة …, نادي الزمالك | مرتضى منصور).
            if Triggers::default_ref().get(&split_clitics(raw).with_article) == Some(Trigger::Title)
                || (saw_article && starts_person_name(para, j, gaz))
            {
                break;
            }
            if w.starts_with("ال") || w.starts_with("لل") {
                saw_article = true;
            }
            if definite {
                if is_nisba(&w) || ORG_ADJECTIVES.contains(&w.as_str()) {
                    definites += 1;
                    j += 1;
                    continue;
                }
                // الهيئة العامة للمنافسة: a لل-complement after the adjectives ends it.
                if definites > 0 && w.starts_with("لل") && w.chars().count() >= 5 {
                    j += 1;
                }
                break;
            }
            // After a proper name without the article (غرفة تجارة عمان) only adjectives,
            // لل-complements and the name's own continuation follow.
            if after_name && !(is_nisba(&w) || w.starts_with("لل") || para.tags[j].is_inside()) {
                break;
            }
            after_name = tagged && !w.starts_with("ال") && !w.starts_with("لل");
            if w.starts_with("ال") || w.starts_with("لل") || tagged {
                definites += 1;
                j += 1;
                continue;
            }
            // A single foreign-looking name after the head (وكالة ناسا, شركة أرامكو).
            let f = gaz.word(&w);
            let next_is_word = para
                .tokens
                .get(j + 1)
                .is_some_and(|t| t.kind == TokenKind::Word);
            if definites == 0
                && !indefinite_used
                && construct
                && f & (class::COMMON | class::GIVEN | class::SURNAME) == 0
                && w.chars().count() >= 3
                && !next_is_word
                && speech_cue_free(raw)
            {
                definites += 1;
                j += 1;
                break;
            }
            // One indefinite noun in the chain (حظر in منظمة حظر الأسلحة), only when a
            // definite word follows it.
            let next_definite =
                para.tokens.get(j + 1).is_some_and(|t| {
                    t.kind == TokenKind::Word && normalize(t.text(para.text)).starts_with("ال")
                }) || (para.tags.get(j + 1).is_some_and(|t| {
                    matches!(t.entity_type(), Some(EntityType::Loc | EntityType::Org))
                }) || gaz.word(&para.norm(j + 1)) & (class::COUNTRY | class::CITY) != 0)
                    && para.tags[j] == Tag::O;
            if definites == 0 && !indefinite_used && next_definite && speech_cue_free(raw) {
                indefinite_used = true;
                j += 1;
                continue;
            }
            break;
        }
        if definites > 0
            && let Some(m) = make_mention(para, p, i..j, EntityKind::Organization, gaz, 3)
        {
            out.push(m);
            i = j;
            continue;
        }
        i += 1;
    }
    out
}

fn speech_cue_free(raw: &str) -> bool {
    super::speech::speech_cue(raw).is_none()
}

const NAMEISH: u16 = class::GIVEN | class::SURNAME | class::TRAIN_PERS;

/// Whether token `j` can open a person name: a known name part without the article that is
/// not a common word — or a common word that is also a given name (حياة، أمل) when a
/// name-like word follows it.
fn starts_person_name(para: &TaggedParagraph, j: usize, gaz: &Gazetteer) -> bool {
    if para.tokens.get(j).is_none_or(|t| t.kind != TokenKind::Word) {
        return false;
    }
    let w = para.norm(j);
    let f = gaz.word(&w);
    if f & NAMEISH == 0
        || w.starts_with("ال")
        || NOT_NAMES.contains(&w.as_str())
        || Triggers::default_ref().get(&w).is_some()
    {
        return false;
    }
    if f & class::COMMON == 0 {
        return true;
    }
    f & class::GIVEN != 0
        && (w == "عبد" || name_part_at(para, j + 1, gaz).is_some_and(|(_, common)| !common))
}

/// Whether token `k` reads as a further part of a person name; `Some((ends, common))`:
/// `ends` when it must be the last part (a surname with the article: الفاسي، القرمازي),
/// `common` when it is also a common word.
fn name_part_at(para: &TaggedParagraph, k: usize, gaz: &Gazetteer) -> Option<(bool, bool)> {
    if para.tokens.get(k)?.kind != TokenKind::Word
        || super::speech::speech_cue(para.raw(k)).is_some()
    {
        return None;
    }
    let w = para.norm(k);
    if NOT_NAMES.contains(&w.as_str()) || ORG_STOP.contains(&w.as_str()) || w.chars().count() < 2 {
        return None;
    }
    let g = gaz.word(&w);
    let common = g & class::COMMON != 0;
    // عبد الله، أبو بكر، بن راشد: the word after a name particle belongs to the name.
    if k > 0
        && matches!(
            para.norm(k - 1).as_str(),
            "عبد" | "ابو" | "ابن" | "بن" | "بنت"
        )
    {
        return Some((false, false));
    }
    if w.starts_with("ال") {
        // A surname with the article: listed, or an unknown word (not seen in training
        // text nor listed) — النوافلة، القرمازي.
        let nisba_like = g == 0 && w.chars().count() >= 5;
        return (g & class::SURNAME != 0 || nisba_like).then_some((true, false));
    }
    if g & NAMEISH != 0 || g == 0 {
        return Some((false, common));
    }
    None
}

/// Persons named after a title or a speech verb (الرئيس الأميركي دونالد ترمب، وزيرة الثقافة
/// حياة …، الباحث في مركز … عمران شرف، قال المزارع جبار عطية): the role's complement
/// (nisba adjectives, definite words, في, organisation names) is skipped, then a word that
/// opens a person name starts a name of up to three name-like words.
fn titled_persons(
    para: &TaggedParagraph,
    p: usize,
    gaz: &Gazetteer,
    orgs: &[RawMention],
) -> Vec<RawMention> {
    let triggers = Triggers::default_ref();
    let mut out = Vec::new();
    let n = para.tokens.len();
    for i in 0..n {
        let raw = para.raw(i);
        let s = split_clitics(raw);
        let title = triggers.get(&s.with_article) == Some(Trigger::Title)
            || triggers.get(&normalize(raw)) == Some(Trigger::Title);
        let verb = !title
            && super::speech::speech_cue(raw)
                .is_some_and(|c| c.kind == super::speech::CueKind::Verb);
        if !title && !verb {
            continue;
        }
        let mut j = i + 1;
        let mut skipped = 0;
        while j < n && skipped < 5 {
            if starts_person_name(para, j, gaz) {
                break;
            }
            if let Some(o) = orgs.iter().find(|o| o.tokens.start == j) {
                j = o.tokens.end;
                skipped += 1;
                continue;
            }
            if para.tokens[j].kind != TokenKind::Word {
                break;
            }
            let w = para.norm(j);
            let complement = (title && triggers.get(&w) == Some(Trigger::RoleLink))
                || w.starts_with("ال")
                || w.starts_with("لل")
                || (skipped > 0 && title && w.starts_with('ل') && w.chars().count() >= 4)
                || w.starts_with("وال")
                || w == "في"
                || matches!(
                    para.tags[j].entity_type(),
                    Some(EntityType::Org | EntityType::Loc)
                );
            // After a verb only a role noun (المزارع، المستثمر المصري) may come first.
            if !complement
                || ORG_STOP.contains(&w.as_str())
                || NOT_NAMES.contains(&w.as_str()) && w != "في"
                || verb && skipped == 0 && !w.starts_with("ال")
                || verb && para.tags[j] != Tag::O
            {
                break;
            }
            skipped += 1;
            j += 1;
        }
        if j >= n || !starts_person_name(para, j, gaz) {
            continue;
        }
        if matches!(
            para.tags[j].entity_type(),
            Some(EntityType::Loc | EntityType::Misc)
        ) || para.tags[j] == Tag::begin(EntityType::Org)
        {
            continue;
        }
        let mut k = j + 1;
        while k < n && k < j + 3 {
            match name_part_at(para, k, gaz) {
                Some((ends, common)) => {
                    // A common word continues the name only as the second part when it is
                    // also a listed name part (مي عودة).
                    if common && (k != j + 1 || gaz.word(&para.norm(k)) & NAMEISH == 0) {
                        break;
                    }
                    k += 1;
                    if ends {
                        break;
                    }
                }
                None => break,
            }
        }
        // The tagger's person name may run further (عادل الشركس).
        if matches!(para.tags[j].entity_type(), Some(EntityType::Pers)) {
            while k < n && para.tags[k] == Tag::inside(EntityType::Pers) {
                k += 1;
            }
        }
        // After a verb, only a full name (two words or more) is taken.
        if verb && k - j < 2 {
            continue;
        }
        if let Some(m) = make_mention(para, p, j..k, EntityKind::Person, gaz, 3) {
            out.push(m);
        }
    }
    out
}

/// Place heads whose following word is a place name (مدينة دوما, منطقة الأشرفية).
const NAMED_PLACE_HEADS: &[&str] = &[
    "مدينه",
    "منطقه",
    "محافظه",
    "ولايه",
    "قريه",
    "بلده",
    "حي",
    "مخيم",
    "اقليم",
    "جزيره",
    "بلدات",
    "مقاطعه",
    "ضاحيه",
    "العاصمه",
];

/// The name after a place head noun, when it is not a common word.
fn headed_places(para: &TaggedParagraph, p: usize, gaz: &Gazetteer) -> Vec<RawMention> {
    let mut out = Vec::new();
    let n = para.tokens.len();
    for i in 0..n.saturating_sub(1) {
        let forms = head_forms(para.raw(i));
        if !forms
            .iter()
            .any(|f| NAMED_PLACE_HEADS.contains(&f.as_str()))
        {
            continue;
        }
        let j = i + 1;
        if para.tokens[j].kind != TokenKind::Word {
            continue;
        }
        let w = para.norm(j);
        let f = gaz.word(&w);
        if f & class::COMMON != 0 || NOT_NAMES.contains(&w.as_str()) || w.chars().count() < 3 {
            continue;
        }
        if para.tags[j] != Tag::O && para.tags[j] != Tag::begin(EntityType::Loc) {
            continue;
        }
        let mut k = j + 1;
        // A following tagged LOC continuation stays part of the name (الغوطة الشرقية).
        while k < n && para.tags[k] == Tag::inside(EntityType::Loc) {
            k += 1;
        }
        if let Some(m) = make_mention(para, p, j..k, EntityKind::Place, gaz, 2) {
            out.push(m);
        }
    }
    out
}
