//! Organisation rules: quoted names after a head noun (وكالة "تاس"), construct chains
//! (منظمة حظر الأسلحة الكيمياوية) and definite institutions with nisbas (الجيش الروسي).

use crate::analysis::ner::gazetteer::{Gazetteer, class};
use crate::analysis::ner::tagger::{EntityType, Tag};
use crate::analysis::normalize::{normalize, split_clitics};
use crate::analysis::schema::EntityKind;
use crate::analysis::tokens::TokenKind;
use crate::analysis::triggers::org_heads::is_construct_org_head;
use crate::analysis::triggers::rules::{
    DEFINITE_ORG_HEADS, EVERYDAY_ORG_HEADS, GENERAL_ORG_HEADS, NAMED_PLACE_HEADS, NAMING_HEADS_ORG,
    NOT_NAMES, ORG_ADJECTIVES, ORG_STOP,
};
use crate::analysis::triggers::{Trigger, Triggers};

use super::group::is_org_head;
use super::mention::is_nasab;
use super::mention::{RawMention, byte_at, head_forms, make_mention};
use super::persons::{name_part_at, starts_person_name};
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

/// Royal and religious titles whose bearer's name is part of an institution's name
/// (جامعة الملك سعود، قاعة الأمير سلطان للمؤتمرات، مسجد الإمام تركي بن عبدالله).
const HONORIFICS: &[&str] = &[
    "الملك",
    "الملكه",
    "الامير",
    "الاميره",
    "الشيخ",
    "الشيخه",
    "السلطان",
    "الامام",
];

/// After an institution's head: an honorific title and the name it carries; the token
/// after the name.
fn honorific_name_end(para: &TaggedParagraph, j: usize, gaz: &Gazetteer) -> Option<usize> {
    if !HONORIFICS.contains(&para.norm(j).as_str()) {
        return None;
    }
    let first = j + 1;
    if !starts_person_name(para, first, gaz)
        && para.tags.get(first).and_then(|t| t.entity_type()) != Some(EntityType::Pers)
    {
        return None;
    }
    let mut k = first + 1;
    while k < para.tokens.len() && k < first + 5 {
        match name_part_at(para, k, gaz) {
            Some((ends, common)) if !common || is_nasab(&para.norm(k - 1)) => {
                k += 1;
                if ends {
                    break;
                }
            }
            _ => break,
        }
    }
    Some(k)
}

/// Grammatical gender guessed from the written form: ة (folded to ه) and the plural ـات
/// are feminine; broken plurals cannot be told and agree with either.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gender {
    Masculine,
    Feminine,
    Unknown,
}

fn gender_of(w: &str) -> Gender {
    if w.ends_with('ه') || w.ends_with("ات") || matches!(w, "العليا" | "الاستخبارات" | "المخابرات")
    {
        Gender::Feminine
    } else if w.chars().count() >= 5 && (w.ends_with('ي') || w.ends_with("ين"))
        || matches!(w, "العام" | "الاعلي")
    {
        Gender::Masculine
    } else {
        Gender::Unknown
    }
}

/// Whether an adjective can describe one of the nouns before it (an adjective of the
/// wrong gender describes a word outside the name: "وزير الخارجية المصري", "جلسة مجلس
/// الوزراء الأسبوعية").
fn agrees(adjective: &str, nouns: &[&str]) -> bool {
    let a = gender_of(adjective);
    a == Gender::Unknown
        || nouns
            .iter()
            .any(|n| matches!(gender_of(n), Gender::Unknown) || gender_of(n) == a)
}

/// A ل-complement closing an institution's name: لل + definite words (للدراسات العليا،
/// للتعاون الدولي) or ل + one or two indefinite nouns ending on a definite one (لشركات
/// صناعة السيارات), with adjectives and coordinated nouns (للدراسات والبحوث البترولية), then
/// a ب-locative with a place head (بمنطقة الرياض). Returns the token after it.
fn complement_end(para: &TaggedParagraph, j: usize, indefinite: bool) -> Option<usize> {
    let n = para.tokens.len();
    let word = |k: usize| {
        para.tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Word)
    };
    let w = para.norm(j);
    let mut k = if w.starts_with("لل") && w.chars().count() >= 5 {
        j + 1
    } else if indefinite && w.starts_with('ل') && w.chars().count() >= 4 && !w.starts_with("لا") && {
        // Time and quantity words open adverbials, not names (لمدة عامين، لعدة أيام).
        let rest = &w['ل'.len_utf8()..];
        !matches!(
            rest,
            "مده"
                | "عده"
                | "اكثر"
                | "اقل"
                | "اول"
                | "كل"
                | "بعض"
                | "نحو"
                | "حين"
                | "صالح"
        ) && !NOT_NAMES.contains(&rest)
            && !is_purpose_masdar(rest)
    } {
        let mut k = j + 1;
        if word(k) && !para.norm(k).starts_with("ال") {
            k += 1;
        }
        if !(word(k) && para.norm(k).starts_with("ال")) {
            return None;
        }
        k + 1
    } else {
        return None;
    };
    while k < n && k < j + 6 && word(k) {
        let w = para.norm(k);
        if ORG_STOP.contains(&w.as_str()) || NOT_NAMES.contains(&w.as_str()) {
            break;
        }
        if is_nisba(&w) || ORG_ADJECTIVES.contains(&w.as_str()) {
            k += 1;
        } else if w.starts_with("وال") && word(k + 1) && is_nisba(&para.norm(k + 1)) {
            k += 2;
        } else {
            break;
        }
    }
    if word(k)
        && word(k + 1)
        && para
            .norm(k)
            .strip_prefix('ب')
            .is_some_and(|h| NAMED_PLACE_HEADS.contains(&h))
    {
        k += 2;
    }
    Some(k)
}

/// A verbal noun of the تفعيل / تفاعل / افتعال patterns after ل reads as a purpose ("لتحقيق
/// النجاح", "لتعزيز التعاون"), not as the domain of a body ("لشؤون اللاجئين").
fn is_purpose_masdar(w: &str) -> bool {
    let c: Vec<char> = w.chars().collect();
    (c.len() == 5 && c[0] == 'ت' && c[3] == 'ي')
        || (c.len() == 5 && c[0] == 'ت' && c[2] == 'ا')
        || (c.len() == 5 && c[0] == 'ا' && c[2] == 'ت' && c[3] == 'ا')
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
                .any(|f| !f.starts_with("ال") && is_construct_org_head(f));
        let definite = forms
            .iter()
            .any(|f| DEFINITE_ORG_HEADS.contains(&f.as_str()));
        if !construct && !definite {
            i += 1;
            continue;
        }
        let head = forms
            .iter()
            .find(|f| DEFINITE_ORG_HEADS.contains(&f.as_str()) || is_construct_org_head(f))
            .cloned()
            .unwrap_or_else(|| forms[1].clone());
        // Bodies with a domain take ل + an indefinite noun (مفوضية الأمم المتحدة لشؤون
        // اللاجئين); armies, banks and governments do not (الجيش الإسرائيلي لمنزل أسرته).
        let domain_head = !DEFINITE_ORG_HEADS.contains(&head.as_str())
            || matches!(head.as_str(), "الاتحاد" | "المجلس" | "الهيئه" | "المفوضيه");
        // The nouns of the chain an adjective may describe: the head, then the genitives.
        let mut nouns: Vec<String> = vec![head];
        let mut j = i + 1;
        let mut definites = 0;
        let mut indefinite_used = false;
        let mut saw_article = false;
        let mut after_name = false;
        while j < n && j < i + 9 && para.tokens[j].kind == TokenKind::Word {
            let raw = para.raw(j);
            let w = normalize(raw);
            if ORG_STOP.contains(&w.as_str()) || NOT_NAMES.contains(&w.as_str()) {
                break;
            }
            // جامعة الملك سعود، مستشفى الملك فهد: the title and its name belong to the
            // institution's name, not to a person of the text.
            if !after_name && let Some(end) = honorific_name_end(para, j, gaz) {
                definites += 1;
                saw_article = true;
                after_name = true;
                j = end;
                continue;
            }
            // A ل-complement (للدراسات العليا، لشركات صناعة السيارات) ends the name.
            if definites > 0
                && let Some(end) = complement_end(para, j, domain_head)
            {
                j = end;
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
            // The tagger's organisation name continues: never cut it short.
            if para.tags[j] == Tag::inside(EntityType::Org) && para.tags[j - 1] != Tag::O {
                saw_article |= w.starts_with("ال") || w.starts_with("لل");
                definites += 1;
                j += 1;
                continue;
            }
            let adjective = is_nisba(&w) || ORG_ADJECTIVES.contains(&w.as_str());
            // An adjective of the wrong gender describes a word outside the name.
            if adjective
                && !tagged
                && !agrees(&w, &nouns.iter().map(String::as_str).collect::<Vec<_>>())
            {
                break;
            }
            // وزارة التعليم والبحث العلمي: a coordinated definite noun with its adjective.
            if definites > 0
                && !after_name
                && j > i + 1
                && !is_nisba(&para.norm(j - 1))
                && {
                    let noun = split_clitics(raw).with_article;
                    !is_org_head(&noun) && !DEFINITE_ORG_HEADS.contains(&noun.as_str())
                }
                && w.starts_with("وال")
                && para
                    .tokens
                    .get(j + 1)
                    .is_some_and(|t| t.kind == TokenKind::Word)
                && is_nisba(&para.norm(j + 1))
                && para.tags[j] == Tag::O
            {
                j += 2;
                continue;
            }
            if w.starts_with("ال") || w.starts_with("لل") {
                saw_article = true;
            }
            if definite {
                // الإدارة العامة، المديرية العامة: these heads are names only with such an
                // adjective (الإدارة الأميركية is the government, not a body's name).
                let general = GENERAL_ORG_HEADS.contains(&nouns[0].as_str());
                if adjective
                    && !(general && definites == 0 && !ORG_ADJECTIVES.contains(&w.as_str()))
                {
                    definites += 1;
                    j += 1;
                    continue;
                }
                break;
            }
            // After a proper name without the article (غرفة تجارة عمان) only adjectives,
            // لل-complements and the name's own continuation follow.
            if after_name && !(adjective || para.tags[j].is_inside()) {
                break;
            }
            after_name = tagged && !w.starts_with("ال") && !w.starts_with("لل");
            if w.starts_with("ال") || w.starts_with("لل") || tagged {
                if !adjective {
                    nouns.push(w.clone());
                }
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
            // بالمعنى: a preposition with the article is never the chain's indefinite noun.
            let prepositional = {
                let sp = split_clitics(raw);
                sp.definite && sp.clitic_chars > 0
            };
            if definites == 0
                && !indefinite_used
                && next_definite
                && !prepositional
                && speech_cue_free(raw)
            {
                nouns.push(w.clone());
                indefinite_used = true;
                j += 1;
                continue;
            }
            break;
        }
        // An everyday head with one plain definite word (حركة القمر) is not a name.
        let everyday = forms
            .iter()
            .any(|f| EVERYDAY_ORG_HEADS.contains(&f.as_str()))
            && j == i + 2
            && para.tags[i + 1] == Tag::O
            && !is_nisba(&para.norm(i + 1));
        if definites > 0
            && !everyday
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
