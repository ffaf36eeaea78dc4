//! Organisation rules: quoted names after a head noun (وكالة "تاس"), construct chains
//! (منظمة حظر الأسلحة الكيمياوية) and definite institutions with nisbas (الجيش الروسي).

use crate::analysis::ner::gazetteer::{Gazetteer, class};
use crate::analysis::ner::tagger::{EntityType, Tag};
use crate::analysis::normalize::{normalize, split_clitics};
use crate::analysis::schema::EntityKind;
use crate::analysis::tokens::TokenKind;
use crate::analysis::triggers::rules::{
    CONSTRUCT_ORG_HEADS, DEFINITE_ORG_HEADS, NAMING_HEADS_ORG, NOT_NAMES, ORG_ADJECTIVES, ORG_STOP,
};
use crate::analysis::triggers::{Trigger, Triggers};

use super::mention::{RawMention, byte_at, head_forms, make_mention};
use super::persons::starts_person_name;
use super::tagged::TaggedParagraph;

/// Quotation marks that may enclose a name after a head noun.
pub(super) const QUOTE_MARKS: &[&str] = &["\"", "«", "»", "“", "”", "„"];

/// Finds quoted names introduced by an organisation head noun. Returns the mention (from the
/// head to the closing mark) and the token range of the quoted part.
pub(super) fn quoted_org_names(
    para: &TaggedParagraph,
    p: usize,
    gaz: &Gazetteer,
) -> Vec<RawMention> {
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

pub(super) fn normalize_display(t: &str) -> String {
    t.chars()
        .filter(|c| !matches!(c, '"' | '«' | '»' | '“' | '”' | '„'))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn is_nisba(n: &str) -> bool {
    n.starts_with("ال") && n.chars().count() >= 5 && (n.ends_with('ي') || n.ends_with("يه"))
}

/// Organisation names opened by a head noun: a construct head followed by definite words
/// (with at most one indefinite noun before them), or a definite institution followed by
/// nisba adjectives.
pub(super) fn head_noun_orgs(para: &TaggedParagraph, p: usize, gaz: &Gazetteer) -> Vec<RawMention> {
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

pub(super) fn speech_cue_free(raw: &str) -> bool {
    crate::analysis::triggers::speech::speech_cue(raw).is_none()
}
