//! Choosing a web page's main content the way Mozilla's Readability does: paragraphs score their
//! ancestors by length and commas, link-heavy candidates lose, siblings of the winner join it,
//! and when the result is short the choice is retried with looser rules.

use rustc_hash::FxHashMap;

use super::html_dom::{Block, Kind, NO_PARENT, Node};

/// Fewer characters than this and the next, looser attempt is tried (Readability's threshold).
const ENOUGH_CHARS: usize = 500;
/// A paragraph shorter than this does not score its ancestors (until the loosest attempt).
const MIN_PARAGRAPH_CHARS: usize = 25;
/// How many ancestors a paragraph scores.
const SCORED_LEVELS: usize = 5;

/// The rules of one attempt, strictest first.
#[derive(Debug, Clone, Copy)]
struct Rules {
    /// Leave out text whose class or id names page furniture.
    skip_classed: bool,
    /// Let class and id names raise or lower a candidate's score.
    weigh_classes: bool,
    /// Shortest paragraph that scores.
    min_chars: usize,
}

const ATTEMPTS: [Rules; 4] = [
    Rules {
        skip_classed: true,
        weigh_classes: true,
        min_chars: MIN_PARAGRAPH_CHARS,
    },
    Rules {
        skip_classed: false,
        weigh_classes: true,
        min_chars: MIN_PARAGRAPH_CHARS,
    },
    Rules {
        skip_classed: false,
        weigh_classes: false,
        min_chars: MIN_PARAGRAPH_CHARS,
    },
    Rules {
        skip_classed: false,
        weigh_classes: false,
        min_chars: 0,
    },
];

/// The chosen content: which blocks to keep, and the element they came from.
#[derive(Debug, Default)]
pub(super) struct Choice {
    /// Indices into the page's blocks, in order.
    pub blocks: Vec<usize>,
    /// The element holding the content (for its language and direction).
    pub node: Option<usize>,
}

/// Picks the page's main content; `None` when nothing on the page scores (keep everything).
pub(super) fn main_content(nodes: &[Node], blocks: &[Block]) -> Option<Choice> {
    let mut best: Option<(usize, Choice)> = None;
    for rules in ATTEMPTS {
        let Some(choice) = Attempt::new(nodes, blocks, rules).choose() else {
            continue;
        };
        let chars = choice
            .blocks
            .iter()
            .filter_map(|&i| blocks.get(i))
            .filter(|b| b.heading.is_none())
            .map(|b| b.chars.saturating_sub(b.link_chars))
            .sum::<usize>();
        if chars >= ENOUGH_CHARS {
            return Some(choice);
        }
        if best.as_ref().is_none_or(|(most, _)| chars > *most) {
            best = Some((chars, choice));
        }
    }
    best.map(|(_, choice)| choice)
}

struct Attempt<'a> {
    nodes: &'a [Node],
    blocks: &'a [Block],
    rules: Rules,
    /// Characters and link characters before each block (for any element's link density).
    prefix: Vec<(usize, usize)>,
    score: FxHashMap<usize, f64>,
}

impl<'a> Attempt<'a> {
    fn new(nodes: &'a [Node], blocks: &'a [Block], rules: Rules) -> Self {
        let mut prefix = Vec::with_capacity(blocks.len() + 1);
        let mut sum = (0, 0);
        prefix.push(sum);
        for b in blocks {
            if !(rules.skip_classed && b.classed) {
                sum = (sum.0 + b.chars, sum.1 + b.link_chars);
            }
            prefix.push(sum);
        }
        Self {
            nodes,
            blocks,
            rules,
            prefix,
            score: FxHashMap::default(),
        }
    }

    fn parent(&self, node: usize) -> usize {
        self.nodes.get(node).map_or(NO_PARENT, |n| n.parent)
    }

    fn kind(&self, node: usize) -> Option<Kind> {
        self.nodes.get(node).map(|n| n.kind)
    }

    /// Characters and link characters inside an element.
    fn text_of(&self, node: usize) -> (usize, usize) {
        let Some(n) = self.nodes.get(node) else {
            return (0, 0);
        };
        let at = |i: usize| self.prefix.get(i).copied().unwrap_or_default();
        let (start, end) = (at(n.first_block), at(n.end_block));
        (end.0.saturating_sub(start.0), end.1.saturating_sub(start.1))
    }

    fn link_density(&self, node: usize) -> f64 {
        let (chars, links) = self.text_of(node);
        if chars == 0 {
            0.0
        } else {
            links as f64 / chars as f64
        }
    }

    fn counts(&self, block: &Block) -> bool {
        block.heading.is_none() && !(self.rules.skip_classed && block.classed)
    }

    /// A candidate's starting score: its tag, and its class and id names if weighed.
    fn initial(&self, node: usize) -> f64 {
        self.nodes.get(node).map_or(0.0, |n| {
            let class = if self.rules.weigh_classes {
                n.class_weight
            } else {
                0
            };
            f64::from(n.tag_score) + f64::from(class)
        })
    }

    fn add(&mut self, node: usize, points: f64) {
        let initial = self.initial(node);
        *self.score.entry(node).or_insert(initial) += points;
    }

    /// Whether `ancestor` is `node` or contains it.
    fn contains(&self, ancestor: usize, mut node: usize) -> bool {
        let mut steps = 0;
        while node != NO_PARENT && steps <= self.nodes.len() {
            if node == ancestor {
                return true;
            }
            node = self.parent(node);
            steps += 1;
        }
        false
    }

    fn choose(mut self) -> Option<Choice> {
        self.score_paragraphs();
        let finals: Vec<(usize, f64)> = {
            let mut v: Vec<(usize, f64)> = self
                .score
                .iter()
                .map(|(&n, &s)| (n, s * (1.0 - self.link_density(n))))
                .collect();
            v.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
            v
        };
        for (n, s) in &finals {
            self.score.insert(*n, *s);
        }
        let &(mut top, top_score) = finals.first()?;
        top = self.common_ancestor_of_near_ties(top, top_score, &finals);
        top = self.climb_while_parent_scores_higher(top);
        let mut choice = self.with_siblings(top);
        if let Some(article) = self.article_or_main() {
            choice = self.prefer_article(article, top, choice);
        }
        Some(choice)
    }

    /// Each paragraph (an element holding text directly) scores its nearest ancestors.
    fn score_paragraphs(&mut self) {
        let mut paragraphs: FxHashMap<usize, (usize, usize)> = FxHashMap::default();
        let mut order = Vec::new();
        for b in self.blocks {
            if !self.counts(b) {
                continue;
            }
            let para = self.paragraph_of(b.node);
            if para == NO_PARENT {
                continue;
            }
            let entry = paragraphs.entry(para).or_insert_with(|| {
                order.push(para);
                (0, 0)
            });
            entry.0 += b.chars;
            entry.1 += b.commas;
        }
        for para in order {
            let (chars, commas) = paragraphs.get(&para).copied().unwrap_or_default();
            if chars < self.rules.min_chars.max(1) {
                continue;
            }
            let points = 1.0 + commas as f64 + (chars as f64 / 100.0).floor().min(3.0);
            let mut ancestor = self.parent(para);
            for level in 0..SCORED_LEVELS {
                if ancestor == NO_PARENT {
                    break;
                }
                let divider = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => level as f64 * 3.0,
                };
                self.add(ancestor, points / divider);
                ancestor = self.parent(ancestor);
            }
        }
    }

    /// The element a block of text counts as a paragraph of: the nearest non-inline one.
    fn paragraph_of(&self, mut node: usize) -> usize {
        while self.kind(node) == Some(Kind::Inline) {
            node = self.parent(node);
        }
        node
    }

    /// When several near-best candidates share an ancestor, the content is that ancestor.
    fn common_ancestor_of_near_ties(
        &self,
        top: usize,
        top_score: f64,
        finals: &[(usize, f64)],
    ) -> usize {
        let near: Vec<usize> = finals
            .iter()
            .skip(1)
            .take(4)
            .filter(|(_, s)| *s >= top_score * 0.75)
            .map(|&(n, _)| n)
            .collect();
        if near.len() < 3 {
            return top;
        }
        let mut ancestor = self.parent(top);
        while ancestor != NO_PARENT {
            let inside = near.iter().filter(|&&n| self.contains(ancestor, n)).count();
            if inside >= 3 {
                return ancestor;
            }
            ancestor = self.parent(ancestor);
        }
        top
    }

    /// Readability's walk up: a parent scoring higher than the child it holds is the content.
    fn climb_while_parent_scores_higher(&self, top: usize) -> usize {
        let mut last = self.score.get(&top).copied().unwrap_or(0.0);
        let threshold = last / 3.0;
        let mut parent = self.parent(top);
        while parent != NO_PARENT {
            let Some(&score) = self.score.get(&parent) else {
                parent = self.parent(parent);
                continue;
            };
            if score < threshold {
                break;
            }
            if score > last {
                return parent;
            }
            last = score;
            parent = self.parent(parent);
        }
        top
    }

    /// Whether a paragraph-like sibling reads as article text (long, or a short sentence, with few links).
    fn reads_as_text(&self, node: usize) -> bool {
        let (chars, links) = self.text_of(node);
        let density = if chars == 0 {
            1.0
        } else {
            links as f64 / chars as f64
        };
        if chars > 80 {
            return density < 0.25;
        }
        let ends_a_sentence = self
            .nodes
            .get(node)
            .and_then(|n| self.blocks.get(n.first_block..n.end_block))
            .and_then(|bs| bs.last())
            .is_some_and(|b| b.text.ends_with(['.', '؟', '?', '!', '։', '。']));
        chars > 0 && links == 0 && ends_a_sentence
    }

    /// The top candidate and those of its siblings that belong to the article.
    fn with_siblings(&self, top: usize) -> Choice {
        let parent = self.parent(top);
        let top_score = self.score.get(&top).copied().unwrap_or(0.0);
        let threshold = (top_score * 0.2).max(10.0);
        let mut keep: Vec<(usize, bool)> = Vec::new();
        if parent == NO_PARENT {
            keep.push((top, true));
        } else {
            for (i, n) in self.nodes.iter().enumerate() {
                if n.parent != parent {
                    continue;
                }
                let kept = i == top
                    || self.score.get(&i).is_some_and(|&s| s >= threshold)
                    || (matches!(n.kind, Kind::Leaf | Kind::Block) && self.reads_as_text(i));
                keep.push((i, kept));
            }
        }
        // A heading between siblings stays when the text after it does.
        let mut next_kept = false;
        for entry in keep.iter_mut().rev() {
            if self.kind(entry.0) == Some(Kind::Heading) {
                entry.1 = next_kept;
            } else {
                next_kept = entry.1;
            }
        }
        let mut blocks = Vec::new();
        for (node, kept) in keep {
            if let (true, Some(n)) = (kept, self.nodes.get(node)) {
                blocks.extend(n.first_block..n.end_block);
            }
        }
        self.clean(&mut blocks);
        Choice {
            blocks,
            node: Some(top),
        }
    }

    /// Drops furniture text (when skipped) and short runs of links inside the content.
    fn clean(&self, blocks: &mut Vec<usize>) {
        blocks.sort_unstable();
        blocks.dedup();
        blocks.retain(|&i| {
            self.blocks.get(i).is_some_and(|b| {
                let furniture = self.rules.skip_classed && b.classed;
                let link_run = b.heading.is_none() && b.chars < 100 && b.link_chars * 2 > b.chars;
                !furniture && !link_run
            })
        });
    }

    /// The `<article>`, else `<main>`, with the most text outside links.
    fn article_or_main(&self) -> Option<usize> {
        [Kind::Article, Kind::Main].into_iter().find_map(|wanted| {
            self.nodes
                .iter()
                .enumerate()
                .filter(|(_, n)| n.kind == wanted)
                .map(|(i, _)| {
                    let (chars, links) = self.text_of(i);
                    (chars.saturating_sub(links), i)
                })
                .filter(|&(text, _)| text > 0)
                .max_by_key(|&(text, i)| (text, std::cmp::Reverse(i)))
                .map(|(_, i)| i)
        })
    }

    /// A page's own `<article>` wins when it holds the scored content, or when it has as much text.
    fn prefer_article(&self, article: usize, top: usize, scored: Choice) -> Choice {
        let range = |node: usize| {
            self.nodes
                .get(node)
                .map_or(0..0, |n| n.first_block..n.end_block)
        };
        if self.contains(article, top) {
            let mut blocks: Vec<usize> = range(article).chain(scored.blocks).collect();
            self.clean(&mut blocks);
            return Choice {
                blocks,
                node: Some(article),
            };
        }
        if self.contains(top, article) {
            return scored;
        }
        let text = |blocks: &[usize]| -> usize {
            blocks
                .iter()
                .filter_map(|&i| self.blocks.get(i))
                .filter(|b| self.counts(b))
                .map(|b| b.chars.saturating_sub(b.link_chars))
                .sum()
        };
        let mut in_article: Vec<usize> = range(article).collect();
        self.clean(&mut in_article);
        if text(&in_article) >= text(&scored.blocks) {
            Choice {
                blocks: in_article,
                node: Some(article),
            }
        } else {
            scored
        }
    }
}
