//! Extracts the article from a saved web page: title, headings and paragraphs; nothing is run or fetched.
//!
//! The page is read by a streaming tokenizer (`html5gum`) and an explicit stack of
//! open elements, so arbitrarily deep nesting cannot overflow the call stack and the
//! work stays linear in the size of the page.

use std::collections::HashMap;

use html5gum::{DefaultEmitter, State, Token, Tokenizer};

use super::html_dom::{Block, Kind, NO_PARENT, Node};
use super::model::{Block as DocBlock, Direction, Document};
use super::readability;
use super::text_buf::{TextBuf, collapse};

/// How much of the page to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HtmlMode {
    /// A web page: keep only the main content, drop navigation, headers, footers and asides.
    Page,
    /// A book chapter or an HTML fragment: keep the whole body (scripts, styles and nav still dropped).
    Whole,
}

/// Parses a saved web page into a `Document` (title, sections, language and direction).
pub fn parse_html(text: &str) -> Document {
    extract(text, HtmlMode::Page)
}

fn kind_of(name: &str) -> Kind {
    match name {
        "script" | "style" | "noscript" | "template" | "svg" | "math" | "iframe" | "object"
        | "canvas" | "button" | "select" | "textarea" | "form" | "head" | "nav" | "audio"
        | "video" | "map" | "datalist" | "dialog" => Kind::Hidden,
        "header" | "footer" | "aside" | "menu" => Kind::Furniture,
        "article" => Kind::Article,
        "main" => Kind::Main,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => Kind::Heading,
        "p" | "li" | "blockquote" | "pre" | "dd" | "dt" | "td" | "th" | "figcaption"
        | "caption" | "summary" | "legend" | "address" => Kind::Leaf,
        "div" | "section" | "body" | "html" | "center" | "details" | "dl" | "fieldset"
        | "figure" | "hgroup" | "ol" | "ul" | "table" | "tbody" | "thead" | "tfoot" | "tr"
        | "dir" => Kind::Block,
        _ => Kind::Inline,
    }
}

/// Elements whose content the tokenizer reads as raw text.
fn raw_text_element(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "title"
            | "textarea"
            | "iframe"
            | "xmp"
            | "noembed"
            | "noframe"
            | "noscript"
            | "plaintext"
    )
}

/// Elements that never have content or an end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
            | "keygen"
    )
}

/// Class and id words of page furniture around an article (after Readability's list).
const UNLIKELY: [&str; 33] = [
    "byline",
    "dateline",
    "author",
    "meta",
    "share",
    "social",
    "related",
    "comment",
    "newsletter",
    "subscribe",
    "breadcrumb",
    "advert",
    "sponsor",
    "promo",
    "cookie",
    "popup",
    "sidebar",
    "banner",
    "pagination",
    "pager",
    "footer",
    "header",
    "menu",
    "tags",
    "replies",
    "disqus",
    "community",
    "remark",
    "shoutbox",
    "skyscraper",
    "agegate",
    "skip-link",
    "skiplink",
];
/// Words that make a class or id a likely content container after all.
const LIKELY: [&str; 5] = ["content", "main", "body", "column", "story"];

/// Readability's weight of a `class` or `id` value: content-like names +25, furniture −25.
fn class_weight(value: &str) -> i8 {
    const NEGATIVE: [&str; 24] = [
        "hidden",
        "banner",
        "combx",
        "comment",
        "com-",
        "contact",
        "footer",
        "gdpr",
        "masthead",
        "media",
        "meta",
        "outbrain",
        "promo",
        "related",
        "scroll",
        "share",
        "shoutbox",
        "sidebar",
        "skyscraper",
        "sponsor",
        "shopping",
        "tags",
        "widget",
        "skip",
    ];
    const POSITIVE: [&str; 13] = [
        "article", "body", "content", "entry", "hentry", "h-entry", "main", "page", "post", "text",
        "blog", "story", "chapter",
    ];
    let value = value.to_ascii_lowercase();
    let mut weight = 0;
    if NEGATIVE.iter().any(|w| value.contains(w)) {
        weight -= 25;
    }
    if POSITIVE.iter().any(|w| value.contains(w))
        && !NEVER_CONTENT.iter().any(|w| value.contains(w))
    {
        weight += 25;
    }
    weight
}

/// Readability's starting score of an element by its tag.
fn tag_score(name: &str) -> i8 {
    match name {
        "div" => 5,
        "pre" | "td" | "blockquote" => 3,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5,
        _ => 0,
    }
}

/// Words that name reader comments: never the article, even as `comments-content`.
const NEVER_CONTENT: [&str; 4] = ["comment", "disqus", "replies", "respond"];

/// Whether a `class` or `id` value names page furniture.
fn is_unlikely(value: &str) -> bool {
    let value = value.to_ascii_lowercase();
    NEVER_CONTENT.iter().any(|w| value.contains(w))
        || UNLIKELY.iter().any(|w| value.contains(w)) && !LIKELY.iter().any(|w| value.contains(w))
}

/// Start tags that implicitly close an open `<p>`.
fn closes_p(name: &str, kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Heading | Kind::Leaf | Kind::Block | Kind::Article | Kind::Main
    ) && !matches!(
        name,
        "td" | "th" | "tr" | "tbody" | "thead" | "tfoot" | "caption"
    ) || matches!(
        name,
        "header" | "footer" | "aside" | "nav" | "form" | "menu" | "hr"
    )
}

/// Deepest nesting tracked; deeper elements are read as part of the deepest one (browsers cap at 512).
const MAX_DEPTH: usize = 1024;

/// Most elements remembered for choosing the main content; a real page has a few thousand.
const MAX_NODES: usize = 1_000_000;

/// An element still open.
struct Open {
    node: usize,
    name: Box<str>,
    /// Hidden by an attribute (`hidden`, `aria-hidden`, `display:none`) rather than by its tag.
    hidden_by_attr: bool,
    /// Its class or id names page furniture (dropped in `Page` mode).
    classed: bool,
}

struct Extractor {
    mode: HtmlMode,
    nodes: Vec<Node>,
    stack: Vec<Open>,
    open_count: HashMap<Box<str>, usize>,
    hidden: usize,
    furniture: usize,
    headings: Vec<u8>,
    blocks: Vec<Block>,
    buf: TextBuf,
    in_title: bool,
    title_tag: Option<String>,
    title_buf: TextBuf,
    og_title: Option<String>,
    /// Open block elements whose class or id names page furniture.
    classed: usize,
    /// Open inline elements whose class or id names page furniture (their text is dropped).
    classed_inline: usize,
    /// Non-space characters of the pending text inside links.
    buf_link_chars: usize,
    /// The pending text came from a furniture-classed block.
    buf_classed: bool,
    /// Hidden or furniture elements opened beyond `MAX_DEPTH`, by name (only counted).
    overflow: HashMap<Box<str>, usize>,
    /// The `<body>` element, else `<html>`: where a page declares its language and direction.
    root: Option<usize>,
}

/// Extracts blocks from `text` and assembles a document.
pub(crate) fn extract(text: &str, mode: HtmlMode) -> Document {
    let mut ex = Extractor {
        mode,
        nodes: Vec::new(),
        stack: Vec::new(),
        open_count: HashMap::new(),
        hidden: 0,
        furniture: 0,
        headings: Vec::new(),
        blocks: Vec::new(),
        buf: TextBuf::default(),
        in_title: false,
        title_tag: None,
        title_buf: TextBuf::default(),
        og_title: None,
        classed: 0,
        classed_inline: 0,
        buf_link_chars: 0,
        buf_classed: false,
        overflow: HashMap::new(),
        root: None,
    };
    let mut emitter = DefaultEmitter::default();
    // Script, style, title and textarea contents are raw text, as a browser reads them.
    emitter.naively_switch_states(true);
    let mut tokenizer = Tokenizer::new_with_emitter(text, emitter);
    while let Some(token) = tokenizer.next() {
        match token {
            Ok(Token::StartTag(tag)) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                let attr = |key: &str| {
                    tag.attributes
                        .get(key.as_bytes())
                        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
                };
                let names = [attr("class"), attr("id")];
                let attrs = Attrs {
                    unlikely: names.iter().flatten().any(|v| is_unlikely(v)),
                    class_weight: names.iter().flatten().map(|v| class_weight(v)).sum(),
                    lang: attr("lang").or_else(|| attr("xml:lang")),
                    dir: attr("dir"),
                    hidden: attr("hidden").is_some()
                        || attr("aria-hidden").is_some_and(|v| v.trim() == "true")
                        || attr("style").is_some_and(|v| {
                            let style = v.to_ascii_lowercase().replace(' ', "");
                            style.contains("display:none") || style.contains("visibility:hidden")
                        }),
                };
                if name == "meta" {
                    let property = attr("property").or_else(|| attr("name"));
                    if property.is_some_and(|p| p.eq_ignore_ascii_case("og:title"))
                        && ex.og_title.is_none()
                    {
                        ex.og_title = attr("content")
                            .map(|c| collapse(&c))
                            .filter(|c| !c.is_empty());
                    }
                }
                if tag.self_closing && raw_text_element(&name) {
                    // XHTML's `<script/>` or `<title/>` has no content: stay in normal text.
                    tokenizer.set_state(State::Data);
                }
                ex.start(&name, &attrs, tag.self_closing);
            }
            Ok(Token::EndTag(tag)) => {
                let name = String::from_utf8_lossy(&tag.name).into_owned();
                ex.end(&name);
            }
            Ok(Token::String(s)) => ex.text(&String::from_utf8_lossy(&s.value)),
            Ok(Token::Comment(_) | Token::Doctype(_) | Token::Error(_)) => {}
            Err(never) => match never {},
        }
    }
    ex.finish()
}

struct Attrs {
    /// The class or id names page furniture (byline, share bar, related links…).
    unlikely: bool,
    /// Readability's class weight of the class and id.
    class_weight: i8,
    lang: Option<String>,
    dir: Option<String>,
    hidden: bool,
}

impl Extractor {
    fn start(&mut self, name: &str, attrs: &Attrs, self_closing: bool) {
        let kind = kind_of(name);
        if name == "title"
            && !self_closing
            && self.title_tag.is_none()
            && self.hidden_ignoring_head() == 0
        {
            self.in_title = true;
        }
        // Text before a block boundary belongs to the elements still open.
        if kind != Kind::Inline || name == "br" {
            self.flush();
        }
        if closes_p(name, kind) && self.count("p") > 0 {
            self.close("p");
        }
        if kind == Kind::Heading
            && !self.headings.is_empty()
            && let Some(open) = self
                .stack
                .iter()
                .rev()
                .find(|o| kind_of(&o.name) == Kind::Heading)
        {
            let open_name = open.name.to_string();
            self.close(&open_name);
        }
        if is_void(name) || self_closing {
            return;
        }
        if self.stack.len() >= MAX_DEPTH {
            // Too deep to track: only count hidden and furniture elements by name.
            if matches!(kind, Kind::Hidden | Kind::Furniture) {
                self.adjust(kind, 1);
                *self.overflow.entry(Box::from(name)).or_default() += 1;
            }
            return;
        }
        let parent = self.stack.last().map_or(NO_PARENT, |o| o.node);
        let node = if self.nodes.len() < MAX_NODES {
            self.nodes.push(Node {
                parent,
                kind,
                first_block: self.blocks.len(),
                end_block: self.blocks.len(),
                lang: attrs
                    .lang
                    .as_deref()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(Box::from),
                dir: attrs.dir.as_deref().and_then(Direction::from_html_dir),
                tag_score: tag_score(name),
                class_weight: attrs.class_weight,
            });
            self.nodes.len() - 1
        } else {
            // Past the node cap, elements share their parent's node.
            parent
        };
        if name == "body" || (name == "html" && self.root.is_none()) {
            self.root = Some(node);
        }
        self.adjust(kind, 1);
        let hidden_by_attr = attrs.hidden && kind != Kind::Hidden;
        if hidden_by_attr {
            self.hidden += 1;
        }
        let classed = attrs.unlikely
            && self.mode == HtmlMode::Page
            && matches!(kind, Kind::Leaf | Kind::Block | Kind::Inline)
            && !matches!(name, "body" | "html");
        if classed {
            if kind == Kind::Inline {
                self.classed_inline += 1;
            } else {
                self.classed += 1;
            }
        }
        if kind == Kind::Heading {
            self.headings
                .push(name.as_bytes().get(1).map_or(1, |b| b.saturating_sub(b'0')));
        }
        *self.open_count.entry(Box::from(name)).or_default() += 1;
        self.stack.push(Open {
            node,
            name: Box::from(name),
            hidden_by_attr,
            classed,
        });
    }

    /// Counts a hidden or furniture element opening (`+1`) or closing (`-1`).
    fn adjust(&mut self, kind: Kind, delta: isize) {
        let counter = match kind {
            Kind::Hidden => &mut self.hidden,
            Kind::Furniture => &mut self.furniture,
            _ => return,
        };
        *counter = counter.saturating_add_signed(delta);
    }

    fn count(&self, name: &str) -> usize {
        self.open_count.get(name).copied().unwrap_or(0)
    }

    /// Hidden depth not counting `<head>` (the page title lives there).
    fn hidden_ignoring_head(&self) -> usize {
        self.hidden.saturating_sub(self.count("head"))
    }

    fn end(&mut self, name: &str) {
        if name == "title" && self.in_title {
            self.in_title = false;
            self.title_tag = Some(self.title_buf.take());
        }
        if name == "br" {
            self.flush();
            return;
        }
        if let Some(n) = self.overflow.get_mut(name)
            && *n > 0
        {
            *n -= 1;
            self.adjust(kind_of(name), -1);
            return;
        }
        if self.count(name) == 0 {
            return;
        }
        let block_end = kind_of(name) != Kind::Inline
            || self
                .stack
                .last()
                .is_some_and(|o| kind_of(&o.name) != Kind::Inline);
        if block_end {
            self.flush();
        }
        self.close(name);
    }

    /// Pops open elements up to and including the innermost `name` (which must be open).
    fn close(&mut self, name: &str) {
        while let Some(open) = self.stack.pop() {
            let node = open.node;
            let kind = kind_of(&open.name);
            if let Some(n) = self.open_count.get_mut(&open.name) {
                *n = n.saturating_sub(1);
            }
            self.adjust(kind, -1);
            if open.hidden_by_attr {
                self.hidden = self.hidden.saturating_sub(1);
            }
            if open.classed {
                if kind == Kind::Inline {
                    self.classed_inline = self.classed_inline.saturating_sub(1);
                } else {
                    self.classed = self.classed.saturating_sub(1);
                }
            }
            if kind == Kind::Heading {
                self.headings.pop();
            }
            if let Some(n) = self.nodes.get_mut(node) {
                n.end_block = self.blocks.len();
            }
            if &*open.name == name {
                break;
            }
        }
    }

    fn text(&mut self, s: &str) {
        if self.in_title {
            self.title_buf.push_str(s);
            return;
        }
        if self.hidden > 0 || (self.furniture > 0 && self.mode == HtmlMode::Page) {
            return;
        }
        // Headings inside a byline or header block may still be the article's headline;
        // other text there is kept aside, used only when the page has nothing better.
        if (self.classed > 0 || self.classed_inline > 0) && self.headings.is_empty() {
            if self.classed_inline > 0 {
                return;
            }
            self.buf_classed = true;
        }
        if self.count("a") > 0 {
            self.buf_link_chars += s.chars().filter(|c| !c.is_whitespace()).count();
        }
        self.buf.push_str(s);
    }

    fn flush(&mut self) {
        if self.buf.is_empty() {
            return;
        }
        let text = self.buf.take();
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        self.blocks.push(Block {
            chars,
            link_chars: std::mem::take(&mut self.buf_link_chars).min(chars),
            commas: text.chars().filter(|c| matches!(c, ',' | '،')).count(),
            classed: std::mem::take(&mut self.buf_classed),
            text,
            heading: self.headings.last().copied(),
            node: self.stack.last().map_or(NO_PARENT, |o| o.node),
        });
    }

    fn finish(mut self) -> Document {
        if self.in_title {
            self.title_tag = Some(self.title_buf.take());
        }
        self.flush();
        let total = self.blocks.len();
        for open in &self.stack {
            if let Some(n) = self.nodes.get_mut(open.node) {
                n.end_block = total;
            }
        }
        let choice = match self.mode {
            HtmlMode::Page => readability::main_content(&self.nodes, &self.blocks),
            HtmlMode::Whole => None,
        };
        let content = choice.as_ref().and_then(|c| c.node);
        let chosen: Vec<usize> = match choice {
            Some(choice) => choice.blocks,
            None => (0..total)
                .filter(|&i| self.blocks.get(i).is_some_and(|b| !b.classed))
                .collect(),
        };
        let (language, direction) = self.lang_dir(content);
        let all = &self.blocks;
        let blocks: Vec<&Block> = chosen.iter().filter_map(|&i| all.get(i)).collect();
        let text_of = |b: &&Block| b.text.clone();
        let text_of_any = |b: &Block| b.text.clone();
        let title = match self.mode {
            HtmlMode::Page => self
                .og_title
                .clone()
                .or_else(|| blocks.iter().find(|b| b.heading == Some(1)).map(text_of))
                .or_else(|| all.iter().find(|b| b.heading == Some(1)).map(text_of_any))
                .or_else(|| self.title_tag.clone().filter(|t| !t.is_empty()))
                .or_else(|| blocks.iter().find(|b| b.heading.is_some()).map(text_of)),
            HtmlMode::Whole => blocks
                .iter()
                .find(|b| b.heading.is_some())
                .map(text_of)
                .or_else(|| self.title_tag.clone().filter(|t| !t.is_empty())),
        }
        .unwrap_or_default();
        // In a page, the article's own headline repeats the title: it is not a section.
        let skip = match self.mode {
            HtmlMode::Page if !title.is_empty() => blocks
                .iter()
                .position(|b| b.heading.is_some() && (b.text == title || title.contains(&b.text))),
            _ => None,
        };
        assemble(title, &blocks, skip, language, direction)
    }

    /// The nearest declared language and direction, from the content element up to `<html>`.
    fn lang_dir(&self, from: Option<usize>) -> (Option<String>, Option<Direction>) {
        let (mut lang, mut dir) = (None, None);
        let mut at = from.or(self.root);
        while let Some(n) = at.and_then(|i| self.nodes.get(i)) {
            if lang.is_none() {
                lang = n.lang.as_deref().map(str::to_string);
            }
            if dir.is_none() {
                dir = n.dir;
            }
            if lang.is_some() && dir.is_some() {
                break;
            }
            at = Some(n.parent);
        }
        if dir.is_none() {
            // A direction set only on the first elements inside the content still counts.
            let start = from.or(self.root).unwrap_or(0);
            let end = self.nodes.len().min(start.saturating_add(64));
            dir = self
                .nodes
                .get(start..end)
                .unwrap_or_default()
                .iter()
                .find_map(|n| n.dir);
        }
        (lang, dir)
    }
}

/// Builds the document from blocks, dropping the block at `skip` (the headline).
fn assemble(
    title: String,
    blocks: &[&Block],
    skip: Option<usize>,
    language: Option<String>,
    direction: Option<Direction>,
) -> Document {
    let kept = blocks
        .iter()
        .enumerate()
        .filter(|(i, _)| Some(*i) != skip)
        .map(|(_, block)| match block.heading {
            Some(_) => DocBlock::Heading(block.text.clone()),
            None => DocBlock::Paragraph(block.text.clone()),
        });
    Document {
        language,
        direction,
        ..Document::from_blocks(title, kept)
    }
}
