//! Who said a quote: the speech verb before (or after) it, the named subject next to the
//! verb, role phrases (المتحدث باسم X [Name]), reported sources (نقلت … عن X قوله), and
//! continuation (وأضاف، وتابعت → the previous speaker, matching the verb's gender).

use super::entities::{ResolvedMention, TaggedParagraph};
use super::gazetteer::{Trigger, Triggers};
use super::normalize::{normalize, split_clitics};
use super::schema::{Entity, EntityKind, Mention};
use super::speech::{Cue, CueKind, Gender, speech_cue};
use super::tokens::{TokenKind, is_sentence_end};

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

    fn at(&self, p: usize, t: usize) -> Option<usize> {
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
}

fn can_speak(k: EntityKind) -> bool {
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
    fn speaker_from_mention(&self, mi: usize, gender: Option<Gender>) -> Option<Speaker> {
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

    fn trigger(&self, p: usize, t: usize) -> Option<Trigger> {
        let para = self.paras.get(p)?;
        let s = split_clitics(para.raw(t));
        self.triggers
            .get(&s.with_article)
            .or_else(|| self.triggers.get(&normalize(para.raw(t))))
    }

    /// The subject right after a verb at token `v` (up to `limit`, exclusive), reading role
    /// phrases: "المتحدثة باسم الخارجية الروسية", "الناطق باسم الكرملين ديمتري بيسكوف",
    /// "مدرب الأهلي حسام البدري" (a person right after the institution is the speaker).
    fn subject_after(
        &self,
        p: usize,
        v: usize,
        limit: usize,
        gender: Option<Gender>,
    ) -> Option<Speaker> {
        let para = self.paras.get(p)?;
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
                        && n.starts_with("ال")
                        && speech_cue(raw).is_none()
                    {
                        title_start = Some(t);
                        soft_title = true;
                        words += 1;
                        t += 1;
                        continue;
                    }
                    let stop = title_start.is_none()
                        || speech_cue(raw).is_some()
                        || matches!(n.as_str(), "ان" | "بان" | "انه" | "انها" | "الي" | "علي");
                    if stop {
                        break;
                    }
                }
            }
            words += 1;
            t += 1;
        }
        // A bare title as subject ("قال الوزير"): the title and its definite words.
        if soft_title {
            return None;
        }
        let ts = title_start?;
        let mut end_tok = ts + 1;
        while end_tok < limit.min(ts + 3)
            && para
                .tokens
                .get(end_tok)
                .is_some_and(|t| t.kind == TokenKind::Word)
            && normalize(para.raw(end_tok)).starts_with("ال")
        {
            end_tok += 1;
        }
        let start = para.tokens[ts].start + split_clitics(para.raw(ts)).clitic_chars;
        let end = para.tokens[end_tok - 1].end;
        let text = para.slice(start, end);
        Some(Speaker {
            name: text.clone(),
            mention: Some(Mention {
                paragraph: p,
                start,
                end,
                text,
            }),
            entity: None,
            gender,
        })
    }

    /// A person mention starting within `reach` words from token `from`.
    fn person_within(&self, p: usize, from: usize, limit: usize, reach: usize) -> Option<usize> {
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
    fn sentence_subject_before(
        &self,
        p: usize,
        v: usize,
        gender: Option<Gender>,
    ) -> Option<Speaker> {
        let para = self.paras.get(p)?;
        let mut s = v;
        while s > 0 && !is_sentence_end(para.raw(s - 1)) {
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

    fn mention_ending_before(&self, p: usize, t: usize) -> Option<usize> {
        (t.saturating_sub(2)..t).rev().find_map(|k| {
            let mi = self.index.at(p, k)?;
            (self.mentions[mi].tokens.end + 1 >= t).then_some(mi)
        })
    }
}

/// Finds the speaker of a quote whose marks/colon start at token `open_tok` and whose text
/// ends before token `close_tok` in paragraph `p`. `previous` holds earlier speakers, latest
/// last, for continuation.
pub fn find_speaker(
    ctx: &Context,
    p: usize,
    open_tok: usize,
    close_tok: usize,
    previous: &[Speaker],
) -> Option<Speaker> {
    let para = ctx.paras.get(p)?;
    // 1. A cue before the quote, in the same sentence.
    let mut j = open_tok;
    let mut steps = 0;
    let mut cue: Option<(usize, Cue)> = None;
    while j > 0 && steps < 30 {
        j -= 1;
        let raw = para.raw(j);
        if is_sentence_end(raw) {
            break;
        }
        if para.tokens[j].kind == TokenKind::Word {
            steps += 1;
            if let Some(c) = speech_cue(raw) {
                cue = Some((j, c));
                break;
            }
        }
    }
    if let Some((v, c)) = cue {
        match c.kind {
            CueKind::Saying => {
                if let Some(mi) = ctx.mention_ending_before(p, v)
                    && let Some(s) = ctx.speaker_from_mention(mi, c.gender)
                {
                    return Some(s);
                }
            }
            CueKind::According => {
                if let Some(s) = ctx.subject_after(p, v, open_tok.max(v + 1) + 6, c.gender) {
                    return Some(s);
                }
            }
            CueKind::Verb => {
                // "نقلت الوكالة عن X": the source after عن speaks.
                if c.reporting {
                    for t in v + 1..open_tok {
                        if matches!(normalize(para.raw(t)).as_str(), "عن" | "وعن")
                            && let Some(mi) = ctx.index.at(p, t + 1)
                            && let Some(s) = ctx.speaker_from_mention(mi, None)
                        {
                            return Some(s);
                        }
                    }
                }
                if let Some(s) = ctx.subject_after(p, v, open_tok, c.gender) {
                    return Some(s);
                }
                // "وقالت زوجة أحد المتهمين وتدعى X للصحفيين:": a person named between the
                // verb and the quote, close to the verb.
                if let Some(mi) = ctx.person_within(p, v + 1, open_tok, 6)
                    && let Some(s) = ctx.speaker_from_mention(mi, c.gender)
                {
                    return Some(s);
                }
                if let Some(s) = ctx.sentence_subject_before(p, v, c.gender) {
                    return Some(s);
                }
                return continuation(previous, c.gender);
            }
            CueKind::Participle => {
                // "وعلق المستثمر X على الصفقة قائلاً": the participle shares the subject of
                // an earlier verb in its sentence, else of the sentence, else continues.
                let mut k = v;
                while k > 0 && !is_sentence_end(para.raw(k - 1)) {
                    k -= 1;
                    if let Some(c2) = speech_cue(para.raw(k))
                        && c2.kind == CueKind::Verb
                    {
                        if let Some(s) = ctx.subject_after(p, k, v, c2.gender.or(c.gender)) {
                            return Some(s);
                        }
                        break;
                    }
                }
                if let Some(s) = ctx.sentence_subject_before(p, v, c.gender) {
                    return Some(s);
                }
                return continuation(previous, c.gender);
            }
        }
    }
    // 2. A cue right after the quote: «"…"، قال فلان» / «"…"، بحسب فلان».
    let mut t = close_tok;
    let mut steps = 0;
    while t < para.tokens.len() && steps < 3 {
        let raw = para.raw(t);
        if para.tokens[t].kind == TokenKind::Word {
            steps += 1;
            if let Some(c) = speech_cue(raw) {
                if matches!(c.kind, CueKind::Verb | CueKind::According)
                    && let Some(s) = ctx.subject_after(p, t, para.tokens.len().min(t + 8), c.gender)
                {
                    return Some(s);
                }
                if c.kind == CueKind::Participle {
                    return continuation(previous, c.gender);
                }
                break;
            }
        }
        t += 1;
    }
    None
}

/// The latest earlier speaker whose gender does not contradict the verb's.
pub fn continuation(previous: &[Speaker], gender: Option<Gender>) -> Option<Speaker> {
    previous
        .iter()
        .rev()
        .find(|s| gender.is_none() || s.gender.is_none() || s.gender == gender)
        .map(|s| Speaker {
            mention: None,
            ..s.clone()
        })
}
