//! Gathers the speaker candidates of one quote: the subject of the speech verb before it
//! (a name, a role phrase, a reported source), a person near the verb, the sentence's
//! subject, the subject of a verb right after the quote, a religious formula, a statement
//! noun, the subject of the latest speech verb before the sentence, and the previous
//! speaker; then scores them and decides.

use crate::analysis::entities::TaggedParagraph;
use crate::analysis::logistic::BoundModel;
use crate::analysis::normalize::{normalize, normalize_into};
use crate::analysis::schema::{EntityKind, Mention};
use crate::analysis::tokens::{TokenKind, is_sentence_end};
use crate::analysis::triggers::TITLES;
use crate::analysis::triggers::speech::{Cue, CueKind, Gender, speech_cue};

use super::candidate::{
    Attribution, Candidate, Decision, FAR, Feature, MARGIN, Source, decision_values,
};
use super::context::{Context, Speaker};
use super::formulas::{is_statement_noun, religious};

/// A quote already attributed, for continuation.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    /// Who said it.
    pub speaker: Speaker,
    /// Paragraph of the quote.
    pub paragraph: usize,
    /// Token of the quote's closing mark (or end) in that paragraph.
    pub token: usize,
    /// It was attributed by continuation itself.
    pub continued: bool,
}

/// How far back (in tokens, across paragraphs) the latest speech verb is looked for.
const LAST_SPEAKER_REACH: usize = 120;

/// Attributes the quote whose marks (or colon) start at token `open_tok` and whose text ends
/// before `close_tok` in paragraph `p`. `history` holds the earlier attributed quotes.
pub fn attribute(
    ctx: &Context,
    p: usize,
    open_tok: usize,
    close_tok: usize,
    history: &[Said],
) -> Attribution {
    let mut cands: Vec<Candidate> = Vec::new();
    if let Some(para) = ctx.paras.get(p) {
        gather(
            ctx,
            p,
            para.tokens.len(),
            open_tok,
            close_tok,
            history,
            &mut cands,
        );
    }
    for c in &mut cands {
        add_context(ctx, c, p, open_tok, history);
    }
    decide(cands, ctx.model)
}

/// The features the hand-set rules never weighed: how often the article names the candidate,
/// whether it spoke before, and how far its mention is from the quote.
fn add_context(ctx: &Context, c: &mut Candidate, p: usize, open_tok: usize, history: &[Said]) {
    if let Some(e) = c.speaker.entity.and_then(|e| ctx.entities.get(e)) {
        c.features.push(Feature::Salience(e.mention_count()));
    }
    // The latest quotes only: a scan of the whole history for every candidate would make a
    // document of many quotes quadratic.
    const RECENT: usize = 50;
    let key = normalize(&c.speaker.name);
    if history
        .iter()
        .rev()
        .take(RECENT)
        .any(|h| normalize(&h.speaker.name) == key)
    {
        c.features.push(Feature::SaidBefore);
    }
    let distance = match (&c.speaker.mention, ctx.paras.get(p)) {
        (Some(m), Some(para)) if m.paragraph == p => {
            let at = para.tokens.partition_point(|t| t.start < m.start);
            at.abs_diff(open_tok)
        }
        _ => FAR,
    };
    c.features.push(Feature::Distance(distance));
}

fn gather(
    ctx: &Context,
    p: usize,
    len: usize,
    open_tok: usize,
    close_tok: usize,
    history: &[Said],
    out: &mut Vec<Candidate>,
) {
    let Some(para) = ctx.paras.get(p) else {
        return;
    };
    if let Some((name, t)) = religious(para, open_tok) {
        let tok = para.tokens[t];
        out.push(Candidate::new(
            Speaker {
                name: name.to_string(),
                mention: Some(Mention {
                    paragraph: p,
                    start: tok.start,
                    end: tok.end,
                    text: para.slice(tok.start, tok.end),
                }),
                entity: None,
                gender: Some(Gender::Masculine),
            },
            Source::Formula,
        ));
    }
    // The speech cue before the quote, in its sentence.
    let mut cue: Option<(usize, Cue)> = None;
    let mut j = open_tok;
    let mut steps = 0;
    while j > 0 && steps < 30 {
        j -= 1;
        let raw = para.raw(j);
        if is_sentence_end(raw) {
            break;
        }
        if para.tokens[j].kind == TokenKind::Word {
            steps += 1;
            // نقل is a speech verb only as "نقل عن" (نقلوا إلى المستشفى is transport).
            if let Some(c) = speech_cue(raw).filter(|c| {
                !c.reporting
                    || (j + 1..open_tok.min(j + 10))
                        .any(|k| matches!(normalize(para.raw(k)).as_str(), "عن" | "وعن"))
            }) {
                cue = Some((j, c));
                break;
            }
        }
    }
    let mut wants_previous: Option<(usize, Option<Gender>)> = None;
    if let Some((v, c)) = cue {
        before_cue(ctx, p, v, c, open_tok, out);
        if matches!(c.kind, CueKind::Verb | CueKind::Participle) {
            wants_previous = Some((v, c.gender));
        }
    } else if continues_reported_speech(para, open_tok) {
        wants_previous = Some((open_tok, None));
    }
    // A cue right after the quote: «"…"، قال فلان» / «"…"، بحسب فلان» / «"…" مضيفاً».
    let mut t = close_tok;
    let mut steps = 0;
    while t < len && steps < 3 {
        let raw = para.raw(t);
        if is_sentence_end(raw) {
            break;
        }
        if para.tokens[t].kind == TokenKind::Word {
            steps += 1;
            if let Some(c) = speech_cue(raw) {
                if matches!(c.kind, CueKind::Verb | CueKind::According)
                    && let Some(s) = ctx.subject_after(p, t, len.min(t + 8), c.gender)
                {
                    push(ctx, out, s, Source::AfterQuote, c.gender);
                }
                if c.kind == CueKind::Participle && wants_previous.is_none() {
                    wants_previous = Some((open_tok, c.gender));
                }
                break;
            }
        }
        t += 1;
    }
    if let Some((v, gender)) = wants_previous {
        previous_speakers(ctx, p, v, gender, history, out);
    }
}

/// The quote's sentence opens with "وأن" / "وإنه" / "وبأن" and has no cue of its own: it goes
/// on with what the previous sentence reported ("وقال إنه «…». وإنه «…»").
fn continues_reported_speech(para: &TaggedParagraph, open_tok: usize) -> bool {
    // As far back as the cue search looks: a sentence without an end stays linear.
    const REACH: usize = 30;
    let mut first = None;
    let mut j = open_tok;
    let mut words = 0;
    while j > 0 && !is_sentence_end(para.raw(j - 1)) {
        j -= 1;
        if para.tokens[j].kind == TokenKind::Word {
            first = Some(j);
            words += 1;
            if words > REACH {
                return false;
            }
        }
    }
    first.is_some_and(|f| {
        matches!(
            normalize(para.raw(f)).as_str(),
            "وان" | "وانه" | "وانها" | "وانهم" | "وبان" | "وبانه" | "وبانها" | "وبانهم"
        )
    })
}

/// Candidates from the cue at token `v` before the quote.
fn before_cue(
    ctx: &Context,
    p: usize,
    v: usize,
    c: Cue,
    open_tok: usize,
    out: &mut Vec<Candidate>,
) {
    let Some(para) = ctx.paras.get(p) else {
        return;
    };
    match c.kind {
        CueKind::Saying => {
            if let Some(mi) = ctx.mention_ending_before(p, v)
                && let Some(s) = ctx.speaker_from_mention(mi, c.gender)
            {
                push(ctx, out, s, Source::Saying, c.gender);
            }
        }
        CueKind::According => {
            if let Some(s) = ctx.subject_after(p, v, open_tok.max(v + 1) + 6, c.gender) {
                push(ctx, out, s, Source::According, c.gender);
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
                        push(ctx, out, s, Source::Reported, c.gender);
                        break;
                    }
                }
            }
            let subject = if let Some(s) = statement_after(ctx, p, v, open_tok, c.gender) {
                Some((s, Source::Statement))
            } else {
                ctx.subject_after(p, v, open_tok, c.gender)
                    .map(|s| (s, Source::Subject))
            };
            // "وقالت زوجة أحد المتهمين وتدعى X للصحفيين:": a person named between the verb
            // and the quote, close to the verb — further when a role phrase leads up to it
            // ("واعلن المسؤول في قطاع السياحة في المحافظة … X «…»"), and then the person
            // is who the role describes.
            let role = subject.as_ref().is_some_and(|(s, _)| s.entity.is_none());
            let near = ctx
                .person_within(p, v + 1, open_tok, if role { 14 } else { 6 })
                .filter(|&mi| !ctx.is_governed(mi, v + 1))
                .and_then(|mi| ctx.speaker_from_mention(mi, c.gender));
            match (subject, near) {
                (Some((_, Source::Subject)), Some(n)) if role => {
                    push(ctx, out, n, Source::Subject, c.gender);
                }
                (subject, near) => {
                    if let Some((s, source)) = subject {
                        push(ctx, out, s, source, c.gender);
                    }
                    if let Some(n) = near {
                        push(ctx, out, n, Source::NearVerb, c.gender);
                    }
                }
            }
            // "وكان الرئيس الاميركي قال": the subject between كان and the verb.
            if let Some(k) = (v.saturating_sub(6)..v).rev().find(|&k| {
                matches!(
                    normalize(para.raw(k)).as_str(),
                    "كان" | "وكان" | "كانت" | "وكانت" | "فكان" | "فكانت"
                )
            }) && let Some(s) = ctx.subject_after(p, k, v, c.gender)
            {
                push(ctx, out, s, Source::Subject, c.gender);
            }
            if let Some(s) = ctx.sentence_subject_before(p, v, c.gender) {
                push(ctx, out, s, Source::SentenceSubject, c.gender);
            }
        }
        CueKind::Participle => {
            // "وعلق المستثمر X على الصفقة قائلاً": the participle shares the subject of an
            // earlier verb in its sentence, else of the sentence, else continues.
            let mut k = v;
            while k > 0 && v - k < 60 && !is_sentence_end(para.raw(k - 1)) {
                k -= 1;
                if let Some(c2) = speech_cue(para.raw(k))
                    && c2.kind == CueKind::Verb
                {
                    let g = c2.gender.or(c.gender);
                    if let Some(s) = ctx.subject_after(p, k, v, g) {
                        push(ctx, out, s, Source::EarlierVerb, g);
                    }
                    break;
                }
            }
            if let Some(s) = ctx.sentence_subject_before(p, v, c.gender) {
                push(ctx, out, s, Source::SentenceSubject, c.gender);
            }
        }
    }
}

/// "وأضاف البيان", "وقالت الدراسة الصادرة …": a statement noun right after the verb.
fn statement_after(
    ctx: &Context,
    p: usize,
    v: usize,
    limit: usize,
    gender: Option<Gender>,
) -> Option<Speaker> {
    let para = ctx.paras.get(p)?;
    let t = v + 1;
    if t >= limit || !is_statement_noun(para.raw(t)) {
        return None;
    }
    let tok = para.tokens[t];
    let start = tok.start + crate::analysis::normalize::split_clitics(para.raw(t)).clitic_chars;
    let text = para.slice(start, tok.end);
    Some(Speaker {
        name: text.clone(),
        mention: Some(Mention {
            paragraph: p,
            start,
            end: tok.end,
            text,
        }),
        entity: None,
        gender,
    })
}

/// The previous speaker (continuation) and the subject of the latest speech verb before the
/// sentence of token `v` — up to [`LAST_SPEAKER_REACH`] tokens back, across paragraphs.
fn previous_speakers(
    ctx: &Context,
    p: usize,
    v: usize,
    gender: Option<Gender>,
    history: &[Said],
    out: &mut Vec<Candidate>,
) {
    // Start of v's sentence.
    let Some(para) = ctx.paras.get(p) else {
        return;
    };
    let mut s = v;
    while s > 0 && v - s < 60 && !is_sentence_end(para.raw(s - 1)) {
        s -= 1;
    }
    let latest = latest_verb_subject(ctx, p, s, history.last());
    let prev = history
        .iter()
        .rev()
        .find(|h| gender.is_none() || h.speaker.gender.is_none() || h.speaker.gender == gender);
    if let Some(h) = prev {
        let mut c = Candidate::new(
            Speaker {
                mention: None,
                ..h.speaker.clone()
            },
            Source::Continuation,
        );
        c.features
            .push(Feature::ParagraphsBack(p.saturating_sub(h.paragraph)));
        if h.continued {
            c.features.push(Feature::ChainedContinuation);
        }
        if let Some((ls, _)) = &latest
            && normalize(&ls.name) != normalize(&h.speaker.name)
        {
            c.features.push(Feature::NewerSubjectBetween);
        }
        add_gender(&mut c, gender);
        out.push(c);
    }
    if let Some((ls, lp)) = latest {
        let mut c = Candidate::new(ls, Source::Continuation);
        c.features.push(Feature::ParagraphsBack(p - lp));
        add_gender(&mut c, gender);
        add_kind(ctx, &mut c);
        out.push(c);
    }
}

/// The subject of the nearest speech verb before token `s` of paragraph `p` that names one,
/// not before the previous attributed quote; with its paragraph.
fn latest_verb_subject(
    ctx: &Context,
    p: usize,
    s: usize,
    last: Option<&Said>,
) -> Option<(Speaker, usize)> {
    let mut budget = LAST_SPEAKER_REACH;
    let mut pi = p;
    let mut end = s;
    loop {
        let para = ctx.paras.get(pi)?;
        let floor = match last {
            Some(h) if h.paragraph == pi => h.token,
            Some(h) if h.paragraph > pi => return None,
            _ => 0,
        };
        let mut t = end;
        while t > floor && budget > 0 {
            t -= 1;
            budget -= 1;
            if para.tokens[t].kind != TokenKind::Word {
                continue;
            }
            if let Some(c) = speech_cue(para.raw(t))
                && c.kind == CueKind::Verb
            {
                let limit = para.tokens.len().min(t + 12);
                if let Some(sp) = ctx.subject_after(pi, t, limit, c.gender) {
                    return Some((sp, pi));
                }
            }
        }
        if budget == 0 || pi <= 1 || floor > 0 {
            return None;
        }
        pi -= 1;
        end = ctx.paras.get(pi)?.tokens.len();
    }
}

fn push(
    ctx: &Context,
    out: &mut Vec<Candidate>,
    s: Speaker,
    source: Source,
    gender: Option<Gender>,
) {
    let (s, anaphor) = match resolve_role(ctx, &s, gender) {
        Some(person) => (person, true),
        None => (s, false),
    };
    let mut c = Candidate::new(s, source);
    if anaphor {
        c.features.push(Feature::Anaphor);
    }
    add_gender(&mut c, gender);
    add_kind(ctx, &mut c);
    if is_addressee(ctx, &c.speaker) {
        c.features.push(Feature::Addressee);
    }
    out.push(c);
}

/// How far back (in tokens, across paragraphs) a role's earlier introduction is looked for.
const ANAPHOR_REACH: usize = 600;

/// A definite role phrase ("الوزير", "اللاعب الألماني") stands for the person the text
/// introduced earlier with the same noun right before the name ("وزير الخارجية الأردني
/// سامر الخطيب", "اللاعب فلان"). Indefinite roles (مصدر أمني) are new people.
fn resolve_role(ctx: &Context, s: &Speaker, gender: Option<Gender>) -> Option<Speaker> {
    if s.entity.is_some() {
        return None;
    }
    let m = s.mention.as_ref()?;
    let mut words = s.name.split_whitespace().map(|w| {
        let n = normalize(w);
        n.strip_prefix("ال").map(str::to_string).unwrap_or(n)
    });
    let head = normalize(s.name.split_whitespace().next()?);
    let bare = head.strip_prefix("ال")?.to_string();
    words.next();
    // The role's other words (الرئيس *اللبناني*) must be in the introduction too.
    let rest: Vec<String> = words.collect();
    if bare.chars().count() < 3 {
        return None;
    }
    let mut pi = m.paragraph;
    let mut budget = ANAPHOR_REACH;
    let mut end = ctx
        .paras
        .get(pi)?
        .tokens
        .partition_point(|t| t.start < m.start);
    let mut whole = String::new();
    loop {
        let para = ctx.paras.get(pi)?;
        let mut t = end;
        while t > 0 && budget > 0 {
            t -= 1;
            budget -= 1;
            // Both forms compared below, without their article, end the word's normalised
            // form: a word that does not end with the role noun is skipped unsplit.
            normalize_into(para.raw(t), &mut whole);
            if !whole.ends_with(bare.as_str()) {
                continue;
            }
            let w = normalize(&crate::analysis::normalize::split_clitics(para.raw(t)).with_article);
            if (w.strip_prefix("ال").unwrap_or(&w) == bare
                || whole.strip_prefix("ال").unwrap_or(&whole) == bare)
                && let Some(mi) = introduced_person(ctx, pi, t)
                && rest.iter().all(|r| {
                    (t + 1..ctx.mentions[mi].tokens.start).any(|k| {
                        let n = normalize(para.raw(k));
                        n.strip_prefix("ال").unwrap_or(&n) == r.as_str()
                    })
                })
            {
                return ctx.speaker_from_mention(mi, gender).map(|p| Speaker {
                    mention: s.mention.clone(),
                    ..p
                });
            }
        }
        if budget == 0 || pi <= 1 {
            return None;
        }
        pi -= 1;
        end = ctx.paras.get(pi)?.tokens.len();
    }
}

/// The person a role noun at token `t` introduces: a name within five words ("وزير الخارجية
/// الأردني سامر الخطيب", "المتحدث باسم الجيش العميد X"), or further when only the role's
/// affiliation stands between ("المتحدث الرسمي باسم هيئة الهلال الأحمر بمنطقة المدينة X") —
/// then no other title may come first (in "المتحدث باسم الرئيس X", X is the president) and no
/// preposition may govern the name.
fn introduced_person(ctx: &Context, p: usize, t: usize) -> Option<usize> {
    const NEAR: usize = 5;
    const AFFILIATION: usize = 12;
    let para = ctx.paras.get(p)?;
    if let Some(mi) = ctx.person_within(p, t + 1, para.tokens.len(), NEAR) {
        return Some(mi);
    }
    let mi = ctx.person_within(p, t + 1, para.tokens.len(), AFFILIATION)?;
    let titled = (t + 1..ctx.mentions[mi].tokens.start)
        .any(|k| TITLES.contains(&normalize(para.raw(k)).as_str()));
    (!titled && !ctx.is_governed(mi, t + 1)).then_some(mi)
}

/// The speaker's mention is glued to ل (لفرانس برس): it is who was spoken to.
fn is_addressee(ctx: &Context, s: &Speaker) -> bool {
    let Some(m) = &s.mention else {
        return false;
    };
    let Some(para) = ctx.paras.get(m.paragraph) else {
        return false;
    };
    let t = para.tokens.partition_point(|t| t.end <= m.start);
    let Some(tok) = para.tokens.get(t) else {
        return false;
    };
    tok.start < m.start && normalize(&para.slice(tok.start, m.start)).ends_with('ل')
}

fn add_gender(c: &mut Candidate, verb: Option<Gender>) {
    if let (Some(v), Some(s)) = (verb, c.speaker.gender)
        && c.speaker.entity.is_some()
    {
        c.features.push(if v == s {
            Feature::GenderAgrees
        } else {
            Feature::GenderClashes
        });
    }
}

fn add_kind(ctx: &Context, c: &mut Candidate) {
    let kind = c
        .speaker
        .entity
        .and_then(|e| ctx.entities.get(e))
        .map(|e| e.kind);
    c.features.push(match kind {
        Some(EntityKind::Person) => Feature::Person,
        Some(EntityKind::Place) => Feature::Place,
        Some(_) => Feature::Organization,
        None => Feature::Role,
    });
}

/// Scores, sorts and decides.
fn decide(mut cands: Vec<Candidate>, model: &BoundModel) -> Attribution {
    // Candidates naming the same speaker support each other.
    let keys: Vec<String> = cands.iter().map(|c| normalize(&c.speaker.name)).collect();
    for (i, c) in cands.iter_mut().enumerate() {
        let n = keys
            .iter()
            .enumerate()
            .filter(|&(k, key)| k != i && *key == keys[i])
            .count();
        if n > 0 {
            c.features.push(Feature::Agreement(n));
        }
    }
    for c in &mut cands {
        c.rate();
    }
    cands.sort_by(|a, b| b.score.total_cmp(&a.score));
    // One candidate per speaker: the best-scored.
    let mut seen: Vec<String> = Vec::new();
    cands.retain(|c| {
        let k = normalize(&c.speaker.name);
        if seen.contains(&k) {
            false
        } else {
            seen.push(k);
            true
        }
    });
    // The model ranks: each candidate scored with its lead over the others (the hand-set
    // ranking is one of its features).
    let scores: Vec<f32> = (0..cands.len())
        .map(|i| decision_values(&cands, i).map_or(f32::MIN, |v| model.score(&v)))
        .collect();
    for (c, s) in cands.iter_mut().zip(scores) {
        c.confidence = s;
    }
    cands.sort_by(|a, b| b.confidence.total_cmp(&a.confidence));
    // A religious formula right before the quote (قال تعالى، بقول الله تعالى، قال رسول الله)
    // says whose words these are, whoever else the sentence names (الخطيب who cites them).
    if let Some(f) = cands.iter().position(|c| c.source == Source::Formula) {
        let formula = cands.remove(f);
        cands.insert(0, formula);
        let confidence = cands.first().map(|c| c.confidence);
        return Attribution {
            candidates: cands,
            decision: Decision::Chosen,
            confidence,
            threshold: model.model.threshold,
        };
    }
    let confidence = cands.first().map(|c| c.confidence);
    let decision = match (cands.first(), confidence) {
        (None, _) | (_, None) => Decision::NoCandidate,
        (Some(best), _) if best.is_bare_role() => Decision::RoleOnly,
        (Some(_), Some(c)) if !model.says_yes(c) => Decision::BelowThreshold,
        (Some(best), Some(_)) => match cands.get(1) {
            Some(second) if best.confidence - second.confidence < MARGIN => Decision::Tie,
            _ => Decision::Chosen,
        },
    };
    Attribution {
        candidates: cands,
        decision,
        confidence,
        threshold: model.model.threshold,
    }
}
