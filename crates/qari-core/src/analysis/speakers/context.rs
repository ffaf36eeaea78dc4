//! What speaker search reads from the document: the tagged paragraphs, the entities and a
//! token → mention index, and the phrase readers (the subject after a speech verb, role
//! phrases such as المتحدث باسم X [Name], a person near the verb, the sentence's subject).

use crate::analysis::entities::{ResolvedMention, TaggedParagraph};
use crate::analysis::logistic::BoundModel;
use crate::analysis::normalize::{normalize, split_clitics};
use crate::analysis::schema::{Entity, EntityKind, Mention};
use crate::analysis::tokens::{TokenKind, is_sentence_end};
use crate::analysis::triggers::speech::{Gender, speech_cue};
use crate::analysis::triggers::{Trigger, Triggers};

use super::formulas::{FUNCTION_WORDS, GOVERNING_WORDS, SOURCE_NOUNS};

/// A speaker found for a quote.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    /// The name to show.
    pub name: String,
    /// Where it is named, if it is named near the quote.
    pub mention: Option<Mention>,
    /// The entity, when the speaker is one.
    pub entity: Option<usize>,
    /// Gender shown by the verb or the name.
    pub gender: Option<Gender>,
}

/// Looks up mentions by token.
pub struct MentionIndex {
    /// Per paragraph, per token: index into the resolved mentions.
    by_token: Vec<Vec<Option<usize>>>,
}

impl MentionIndex {
    /// Indexes resolved mentions.
    pub fn new(paras: &[TaggedParagraph], mentions: &[ResolvedMention]) -> Self {
        let mut by_token: Vec<Vec<Option<usize>>> =
            paras.iter().map(|p| vec![None; p.tokens.len()]).collect();
        for (i, m) in mentions.iter().enumerate() {
            if let Some(row) = by_token.get_mut(m.paragraph) {
                for t in m.tokens.clone() {
                    if let Some(slot) = row.get_mut(t) {
                        *slot = Some(i);
                    }
                }
            }
        }
        Self { by_token }
    }

    pub(super) fn at(&self, p: usize, t: usize) -> Option<usize> {
        self.by_token
            .get(p)
            .and_then(|r| r.get(t).copied().flatten())
    }
}

/// Everything speaker search needs about the document.
pub struct Context<'a> {
    /// Tagged paragraphs.
    pub paras: &'a [TaggedParagraph<'a>],
    /// Grouped entities.
    pub entities: &'a [Entity],
    /// Mentions with their entity.
    pub mentions: &'a [ResolvedMention],
    /// Token → mention.
    pub index: MentionIndex,
    /// Title / role trigger lists.
    pub triggers: &'a Triggers,
    /// The speaker ranker.
    pub model: &'a BoundModel,
}

pub(super) fn can_speak(k: EntityKind) -> bool {
    matches!(
        k,
        EntityKind::Person | EntityKind::Organization | EntityKind::Place
    )
}

fn name_gender(name: &str) -> Option<Gender> {
    let first = normalize(name.split_whitespace().next().unwrap_or(""));
    if first.ends_with('ه') {
        Some(Gender::Feminine)
    } else {
        None
    }
}

impl<'a> Context<'a> {
    pub(super) fn speaker_from_mention(
        &self,
        mi: usize,
        gender: Option<Gender>,
    ) -> Option<Speaker> {
        let m = self.mentions.get(mi)?;
        let e = self.entities.get(m.entity)?;
        if !can_speak(e.kind) {
            return None;
        }
        let para = self.paras.get(m.paragraph)?;
        let gender = gender.or_else(|| {
            if e.kind == EntityKind::Person {
                None
            } else {
                name_gender(&e.name)
            }
        });
        Some(Speaker {
            name: e.name.clone(),
            mention: Some(Mention {
                paragraph: m.paragraph,
                start: m.start,
                end: m.end,
                text: para.slice(m.start, m.end),
            }),
            entity: Some(m.entity),
            gender,
        })
    }

    pub(super) fn trigger(&self, p: usize, t: usize) -> Option<Trigger> {
        let para = self.paras.get(p)?;
        let s = split_clitics(para.raw(t));
        self.triggers
            .get(&s.with_article)
            .or_else(|| self.triggers.get(&normalize(para.raw(t))))
    }

    /// The subject right after a verb at token `v` (up to `limit`, exclusive), reading role
    /// phrases: "المتحدثة باسم الخارجية الروسية", "الناطق باسم الكرملين ديمتري بيسكوف",
    /// "مدرب الأهلي حسام البدري" (a person right after the institution is the speaker).
    pub(super) fn subject_after(
        &self,
        p: usize,
        v: usize,
        limit: usize,
        gender: Option<Gender>,
    ) -> Option<Speaker> {
        let para = self.paras.get(p)?;
        // Callers give a window past the verb that may run over the paragraph's end (found by
        // fuzzing: a quote opened at the last tokens).
        let limit = limit.min(para.tokens.len());
        let mut t = v + 1;
        let mut title_start: Option<usize> = None;
        // A role noun that is not a listed title (المزارع، المستثمر المصري، المؤسسة
        // والرئيسة …): a person named after it is the speaker, but the noun alone is not.
        let mut soft_title = false;
        let mut words = 0;
        while t < limit && words < 8 {
            let raw = para.raw(t);
            if para.tokens[t].kind == TokenKind::Punct {
                if raw == ":" || is_sentence_end(raw) || matches!(raw, "," | "،") {
                    break;
                }
                t += 1;
                continue;
            }
            if let Some(mi) = self.index.at(p, t) {
                let m = &self.mentions[mi];
                // "قال مصدر أمني لفرانس برس": who is spoken to ends the subject.
                if self.is_addressee(mi) {
                    break;
                }
                let kind = self.entities.get(m.entity).map(|e| e.kind);
                if kind == Some(EntityKind::Person) {
                    return self.speaker_from_mention(mi, gender);
                }
                if kind.is_some_and(can_speak) {
                    if let Some(n) = self.index.at(p, m.tokens.end)
                        && self.entities.get(self.mentions[n].entity).map(|e| e.kind)
                            == Some(EntityKind::Person)
                    {
                        return self.speaker_from_mention(n, gender);
                    }
                    if let Some(ts) = title_start.filter(|_| !soft_title) {
                        // Look a little further for the person's name after the role.
                        if let Some(n) = self.person_within(p, m.tokens.end, limit, 3) {
                            return self.speaker_from_mention(n, gender);
                        }
                        let start =
                            para.tokens[ts].start + split_clitics(para.raw(ts)).clitic_chars;
                        let text = para.slice(start, m.end);
                        return Some(Speaker {
                            name: text.clone(),
                            mention: Some(Mention {
                                paragraph: p,
                                start,
                                end: m.end,
                                text,
                            }),
                            entity: None,
                            gender,
                        });
                    }
                    if soft_title {
                        if let Some(n) = self.person_within(p, m.tokens.end, limit, 3) {
                            return self.speaker_from_mention(n, gender);
                        }
                        // "مصدر في وزارة الداخلية": the role with its institution.
                        if let Some(ts) = title_start
                            && kind == Some(EntityKind::Organization)
                        {
                            return Some(self.phrase(p, ts, m.tokens.end, gender));
                        }
                        t = m.tokens.end;
                        words += 1;
                        continue;
                    }
                    if words <= 1 {
                        return self.speaker_from_mention(mi, gender);
                    }
                    break;
                }
                t = m.tokens.end;
                words += 1;
                continue;
            }
            match self.trigger(p, t) {
                Some(Trigger::Title) => {
                    title_start.get_or_insert(t);
                }
                Some(Trigger::RoleLink) => {}
                other => {
                    let n = normalize(raw);
                    if words == 0
                        && title_start.is_none()
                        && matches!(other, None | Some(Trigger::OrgHead))
                        && (n.starts_with("ال") || SOURCE_NOUNS.contains(&n.as_str()))
                        && !FUNCTION_WORDS.contains(&n.as_str())
                        && speech_cue(raw).is_none()
                    {
                        title_start = Some(t);
                        soft_title = true;
                        words += 1;
                        t += 1;
                        continue;
                    }
                    // A role's complement goes on through في only into an institution
                    // ("الباحث في مركز …"), not into circumstances ("في تصريحات نقلتها").
                    let into_institution = n == "في"
                        && (self.index.at(p, t + 1).is_some()
                            || self.trigger(p, t + 1) == Some(Trigger::OrgHead));
                    // "لوكالة …", "للصحفيين": who is spoken to follows.
                    let addressee = !n.starts_with("ال")
                        && n.strip_prefix('ل').is_some_and(|rest| {
                            rest.starts_with('ل') || self.triggers.get(rest).is_some()
                        });
                    let stop = title_start.is_none()
                        || addressee
                        || speech_cue(raw).is_some()
                        || (FUNCTION_WORDS.contains(&n.as_str()) && !into_institution);
                    if stop {
                        break;
                    }
                }
            }
            words += 1;
            t += 1;
        }
        // A bare title or role noun as subject ("قال الوزير", "قال المسؤول العراقي", "قال
        // مصدر أمني"): the noun and its adjectives — definite ones after a definite noun,
        // nisbas after an indefinite one.
        let ts = title_start?;
        let definite = normalize(&split_clitics(para.raw(ts)).with_article).starts_with("ال");
        let mut end_tok = ts + 1;
        while end_tok < limit.min(ts + 3)
            && para
                .tokens
                .get(end_tok)
                .is_some_and(|t| t.kind == TokenKind::Word)
        {
            let n = normalize(para.raw(end_tok));
            let fits = if definite || !soft_title {
                n.starts_with("ال") && !FUNCTION_WORDS.contains(&n.as_str())
            } else {
                !n.starts_with("ال")
                    && (n.ends_with('ي') || n.ends_with("يه"))
                    && n.chars().count() >= 3
            };
            if !fits || speech_cue(para.raw(end_tok)).is_some() {
                break;
            }
            end_tok += 1;
        }
        Some(self.phrase(p, ts, end_tok, gender))
    }

    /// The role phrase over tokens `from..to` (the first token's clitics left out).
    fn phrase(&self, p: usize, from: usize, to: usize, gender: Option<Gender>) -> Speaker {
        let para = &self.paras[p];
        let start = para.tokens[from].start + split_clitics(para.raw(from)).clitic_chars;
        let end = para.tokens[to.max(from + 1) - 1].end;
        let text = para.slice(start, end);
        Speaker {
            name: text.clone(),
            mention: Some(Mention {
                paragraph: p,
                start,
                end,
                text,
            }),
            entity: None,
            gender,
        }
    }

    /// The mention is glued to ل (لفرانس برس، للصحفيين): who is spoken to.
    pub(super) fn is_addressee(&self, mi: usize) -> bool {
        let Some(m) = self.mentions.get(mi) else {
            return false;
        };
        let Some(para) = self.paras.get(m.paragraph) else {
            return false;
        };
        let Some(tok) = para.tokens.get(m.tokens.start) else {
            return false;
        };
        if tok.start < m.start && normalize(&para.slice(tok.start, m.start)).ends_with('ل') {
            return true;
        }
        // ل kept on the name because the rest is no article: "لوكالة فرانس برس".
        let first = normalize(para.raw(m.tokens.start));
        let first = first.strip_prefix('و').unwrap_or(&first);
        first
            .strip_prefix('ل')
            .is_some_and(|rest| self.triggers.get(rest).is_some())
    }

    /// Whether the mention is governed by a preposition or sits in a clause of its own after
    /// `from` (an object or the subject of reported speech, not the speaker): a preposition
    /// or ل/ب glued to it, or إن/أن/الذي/التي … between `from` and it.
    pub(super) fn is_governed(&self, mi: usize, from: usize) -> bool {
        let Some(m) = self.mentions.get(mi) else {
            return false;
        };
        let Some(para) = self.paras.get(m.paragraph) else {
            return false;
        };
        if let Some(tok) = para.tokens.get(m.tokens.start)
            && tok.start < m.start
        {
            let glued = normalize(&para.slice(tok.start, m.start));
            if glued.ends_with('ل') || glued.ends_with('ب') {
                return true;
            }
        }
        (from..m.tokens.start).any(|t| GOVERNING_WORDS.contains(&normalize(para.raw(t)).as_str()))
    }

    /// A person mention starting within `reach` words from token `from`.
    pub(super) fn person_within(
        &self,
        p: usize,
        from: usize,
        limit: usize,
        reach: usize,
    ) -> Option<usize> {
        let para = self.paras.get(p)?;
        let mut t = from;
        let mut words = 0;
        while t < limit && words < reach {
            let raw = para.raw(t);
            if para.tokens.get(t)?.kind == TokenKind::Punct {
                if raw == ":" || is_sentence_end(raw) || matches!(raw, "," | "،") {
                    return None;
                }
                t += 1;
                continue;
            }
            if let Some(mi) = self.index.at(p, t)
                && self.entities.get(self.mentions[mi].entity).map(|e| e.kind)
                    == Some(EntityKind::Person)
            {
                return Some(mi);
            }
            words += 1;
            t += 1;
        }
        None
    }

    /// The first person or organisation named in the sentence before token `v` (the
    /// sentence subject of "ووجهت الهيئة … وقالت:").
    pub(super) fn sentence_subject_before(
        &self,
        p: usize,
        v: usize,
        gender: Option<Gender>,
    ) -> Option<Speaker> {
        let para = self.paras.get(p)?;
        // Bounded, so a paragraph without sentence ends stays linear.
        let mut s = v;
        while s > 0 && v - s < 60 && !is_sentence_end(para.raw(s - 1)) {
            s -= 1;
        }
        // A person named in the sentence is the likelier speaker than an institution
        // (عضو المجلس البلدي رنا الحسيني … وتساءلت).
        for wanted in [EntityKind::Person, EntityKind::Organization] {
            for t in s..v {
                if let Some(mi) = self.index.at(p, t) {
                    let e = self.entities.get(self.mentions[mi].entity)?;
                    if e.kind == wanted {
                        let sp = self.speaker_from_mention(mi, None)?;
                        if gender.is_some() && sp.gender.is_some() && sp.gender != gender {
                            continue;
                        }
                        return Some(Speaker {
                            gender: gender.or(sp.gender),
                            ..sp
                        });
                    }
                }
            }
        }
        None
    }

    pub(super) fn mention_ending_before(&self, p: usize, t: usize) -> Option<usize> {
        (t.saturating_sub(2)..t).rev().find_map(|k| {
            let mi = self.index.at(p, k)?;
            (self.mentions[mi].tokens.end + 1 >= t).then_some(mi)
        })
    }
}
