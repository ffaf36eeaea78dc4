//! Runs a page's content stream and records every glyph it shows: its text, where it starts and ends, its size.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document as PdfDocument, Object, ObjectId};

use super::MAX_STREAM_BYTES;
use super::fonts::{PdfFont, number};

/// Deepest nesting of form XObjects followed (a form may draw itself).
const MAX_FORM_DEPTH: usize = 8;
/// Deepest `q` nesting kept; deeper saves are ignored rather than grown without end.
const MAX_SAVE_DEPTH: usize = 256;

/// One shown glyph, in page space (points, y up).
#[derive(Debug, Clone)]
pub(crate) struct Glyph {
    /// The text the glyph stands for (a ligature gives several letters, in logical order).
    pub(crate) text: String,
    /// Left and right edges along the baseline.
    pub(crate) x0: f32,
    pub(crate) x1: f32,
    /// The baseline's height on the page.
    pub(crate) y: f32,
    /// The glyph's size on the page, in points.
    pub(crate) size: f32,
    /// Whether the font is bold.
    pub(crate) bold: bool,
}

/// What a page holds.
#[derive(Default)]
pub(crate) struct PageContent {
    pub(crate) glyphs: Vec<Glyph>,
    /// How many images the page draws (a page of images and no glyphs is a scan).
    pub(crate) images: usize,
}

/// An affine matrix `[a b c d e f]`, as PDF writes them.
#[derive(Debug, Clone, Copy)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Self = Self([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other`.
    fn then(self, other: Self) -> Self {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Self([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(x: f32, y: f32) -> Self {
        Self([1.0, 0.0, 0.0, 1.0, x, y])
    }

    fn apply(self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (a * x + c * y + e, b * x + d * y + f)
    }

    fn from_operands(doc: &PdfDocument, operands: &[Object]) -> Option<Self> {
        let values: Vec<f32> = operands.iter().filter_map(|o| number(doc, o)).collect();
        let m: [f32; 6] = values.try_into().ok()?;
        Some(Self(m))
    }
}

/// The graphics and text state the extractor follows.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    font: Option<Vec<u8>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

impl Default for State {
    fn default() -> Self {
        Self {
            ctm: Matrix::IDENTITY,
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

/// Collects a page's glyphs; `budget` caps the glyphs of the whole document.
pub(crate) fn page_content(
    doc: &PdfDocument,
    page: ObjectId,
    budget: &mut usize,
) -> Result<PageContent, lopdf::Error> {
    let bytes = doc.get_page_content_with_limit(page, MAX_STREAM_BYTES)?;
    let resources = page_resources(doc, page);
    let mut run = Run {
        doc,
        out: PageContent::default(),
        fonts: HashMap::new(),
        budget,
    };
    run.stream(&bytes, resources, State::default(), 0)?;
    Ok(run.out)
}

/// The page's resources, inherited from the page tree when the page has none.
fn page_resources(doc: &PdfDocument, page: ObjectId) -> Option<&Dictionary> {
    let (own, inherited) = doc.get_page_resources(page).ok()?;
    own.or_else(|| inherited.iter().find_map(|id| doc.get_dictionary(*id).ok()))
}

struct Run<'a, 'b> {
    doc: &'a PdfDocument,
    out: PageContent,
    /// Fonts resolved so far, by object address of their dictionary.
    fonts: HashMap<*const Dictionary, PdfFont<'a>>,
    budget: &'b mut usize,
}

impl<'a> Run<'a, '_> {
    fn stream(
        &mut self,
        bytes: &[u8],
        resources: Option<&'a Dictionary>,
        initial: State,
        depth: usize,
    ) -> Result<(), lopdf::Error> {
        let content = Content::decode(bytes)?;
        let mut state = initial;
        let mut saved: Vec<State> = Vec::new();
        let mut text = Matrix::IDENTITY;
        let mut line = Matrix::IDENTITY;
        for op in &content.operations {
            if *self.budget == 0 {
                break;
            }
            let operands = op.operands.as_slice();
            let num = |i: usize| operands.get(i).and_then(|o| number(self.doc, o));
            match op.operator.as_str() {
                "q" if saved.len() < MAX_SAVE_DEPTH => saved.push(state.clone()),
                "Q" => {
                    if let Some(previous) = saved.pop() {
                        state = previous;
                    }
                }
                "cm" => {
                    if let Some(m) = Matrix::from_operands(self.doc, operands) {
                        state.ctm = m.then(state.ctm);
                    }
                }
                "BT" => {
                    text = Matrix::IDENTITY;
                    line = Matrix::IDENTITY;
                }
                "Tf" => {
                    state.font = operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .map(<[u8]>::to_vec);
                    state.size = num(1).unwrap_or(0.0);
                }
                "Tc" => state.char_spacing = num(0).unwrap_or(0.0),
                "Tw" => state.word_spacing = num(0).unwrap_or(0.0),
                "Tz" => state.scale = num(0).unwrap_or(100.0) / 100.0,
                "TL" => state.leading = num(0).unwrap_or(0.0),
                "Ts" => state.rise = num(0).unwrap_or(0.0),
                "Td" | "TD" => {
                    let (tx, ty) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                    if op.operator == "TD" {
                        state.leading = -ty;
                    }
                    line = Matrix::translate(tx, ty).then(line);
                    text = line;
                }
                "Tm" => {
                    if let Some(m) = Matrix::from_operands(self.doc, operands) {
                        line = m;
                        text = m;
                    }
                }
                "T*" => {
                    line = Matrix::translate(0.0, -state.leading).then(line);
                    text = line;
                }
                "Tj" | "'" | "\"" => {
                    if op.operator != "Tj" {
                        if op.operator == "\"" {
                            state.word_spacing = num(0).unwrap_or(state.word_spacing);
                            state.char_spacing = num(1).unwrap_or(state.char_spacing);
                        }
                        line = Matrix::translate(0.0, -state.leading).then(line);
                        text = line;
                    }
                    if let Some(Ok(bytes)) = operands.last().map(Object::as_str) {
                        self.show(bytes, &state, resources, &mut text);
                    }
                }
                "TJ" => {
                    let Some(Ok(items)) = operands.first().map(Object::as_array) else {
                        continue;
                    };
                    for item in items {
                        match item {
                            Object::String(bytes, _) => {
                                self.show(bytes, &state, resources, &mut text);
                            }
                            other => {
                                if let Some(adjust) = number(self.doc, other) {
                                    let tx = -adjust / 1000.0 * state.size * state.scale;
                                    text = Matrix::translate(tx, 0.0).then(text);
                                }
                            }
                        }
                    }
                }
                "Do" => self.draw_object(operands, resources, &state, depth)?,
                "BI" => self.out.images += 1,
                _ => {}
            }
        }
        Ok(())
    }

    /// Shows a string: one glyph per code, advancing the text matrix.
    fn show(
        &mut self,
        bytes: &[u8],
        state: &State,
        resources: Option<&'a Dictionary>,
        text: &mut Matrix,
    ) {
        let Some(font) = self.font(resources, state.font.as_deref()) else {
            return;
        };
        let bold = font.bold;
        let size_matrix = Matrix([
            state.size * state.scale,
            0.0,
            0.0,
            state.size,
            0.0,
            state.rise,
        ]);
        let mut shown = Vec::new();
        for code in font.codes(bytes) {
            let width = font.width(code) / 1000.0;
            let mut advance = width * state.size + state.char_spacing;
            if font.is_word_space(code) {
                advance += state.word_spacing;
            }
            let placed = size_matrix.then(*text).then(state.ctm);
            let (x0, y) = placed.apply(0.0, 0.0);
            let (x1, _) = placed.apply(width, 0.0);
            let (_, top) = placed.apply(0.0, 1.0);
            shown.push(Glyph {
                text: font.text(code),
                x0: x0.min(x1),
                x1: x0.max(x1),
                y,
                size: (top - y).abs(),
                bold,
            });
            *text = Matrix::translate(advance * state.scale, 0.0).then(*text);
        }
        for glyph in shown {
            if *self.budget == 0 {
                return;
            }
            *self.budget -= 1;
            if glyph.x0.is_finite() && glyph.x1.is_finite() && glyph.y.is_finite() {
                self.out.glyphs.push(glyph);
            }
        }
    }

    /// The named font of the current resources, resolved once per page.
    fn font(
        &mut self,
        resources: Option<&'a Dictionary>,
        name: Option<&[u8]>,
    ) -> Option<&PdfFont<'a>> {
        let dict = resources?
            .get_deref(b"Font", self.doc)
            .and_then(Object::as_dict)
            .ok()?
            .get_deref(name?, self.doc)
            .and_then(Object::as_dict)
            .ok()?;
        let doc = self.doc;
        Some(
            self.fonts
                .entry(std::ptr::from_ref(dict))
                .or_insert_with(|| PdfFont::new(doc, dict)),
        )
    }

    /// `Do`: an image is counted, a form's content is run in place.
    fn draw_object(
        &mut self,
        operands: &[Object],
        resources: Option<&'a Dictionary>,
        state: &State,
        depth: usize,
    ) -> Result<(), lopdf::Error> {
        let Some(name) = operands.first().and_then(|o| o.as_name().ok()) else {
            return Ok(());
        };
        let Some(stream) = resources
            .and_then(|r| {
                r.get_deref(b"XObject", self.doc)
                    .and_then(Object::as_dict)
                    .ok()
            })
            .and_then(|x| x.get_deref(name, self.doc).and_then(Object::as_stream).ok())
        else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.out.images += 1,
            Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                let Ok(bytes) = stream.get_plain_content_with_limit(MAX_STREAM_BYTES) else {
                    return Ok(());
                };
                let own = stream
                    .dict
                    .get_deref(b"Resources", self.doc)
                    .and_then(Object::as_dict)
                    .ok();
                let mut inner = state.clone();
                if let Some(m) = stream
                    .dict
                    .get(b"Matrix")
                    .and_then(Object::as_array)
                    .ok()
                    .and_then(|m| Matrix::from_operands(self.doc, m))
                {
                    inner.ctm = m.then(state.ctm);
                }
                // A broken form does not lose the rest of the page.
                let _ = self.stream(&bytes, own.or(resources), inner, depth + 1);
            }
            _ => {}
        }
        Ok(())
    }
}
