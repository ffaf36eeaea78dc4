//! Reading order of a page's fragments by recursive XY-cut: columns side by side are cut apart at the gutters
//! (right column first for right-to-left pages), stacked parts at the widest horizontal gap.

use super::lines::Fragment;

/// A vertical strip of white narrower than this many ems is not a gutter.
const GUTTER: f32 = 1.0;
/// A strip of white across the whole width at least this many ems high is cut before columns are
/// looked for (the space around a heading that spans the columns, a rule between stories).
const BAND: f32 = 1.5;
/// Deepest recursion; below it the fragments are simply read top to bottom.
const MAX_DEPTH: usize = 48;

/// A fragment in reading order with the column it belongs to.
#[derive(Debug, Clone)]
pub(crate) struct Placed {
    pub(crate) fragment: Fragment,
    /// Left and right edges of its column.
    pub(crate) column: (f32, f32),
    /// Which column (a number shared by the fragments of one column on one page).
    pub(crate) column_id: usize,
}

/// Orders a page's fragments for reading.
pub(crate) fn reading_order(
    fragments: Vec<Fragment>,
    rtl: bool,
    next_column: &mut usize,
) -> Vec<Placed> {
    let mut out = Vec::with_capacity(fragments.len());
    let column = bounds(&fragments);
    let id = *next_column;
    *next_column += 1;
    cut(fragments, rtl, column, id, 0, next_column, &mut out);
    out
}

fn bounds(fragments: &[Fragment]) -> (f32, f32) {
    let x0 = fragments.iter().map(|f| f.x0).fold(f32::MAX, f32::min);
    let x1 = fragments.iter().map(|f| f.x1).fold(f32::MIN, f32::max);
    (x0, x1)
}

fn em(fragments: &[Fragment]) -> f32 {
    let mut sizes: Vec<f32> = fragments.iter().map(|f| f.size).collect();
    sizes.sort_by(f32::total_cmp);
    sizes.get(sizes.len() / 2).copied().unwrap_or(10.0)
}

fn cut(
    mut fragments: Vec<Fragment>,
    rtl: bool,
    column: (f32, f32),
    column_id: usize,
    depth: usize,
    next_column: &mut usize,
    out: &mut Vec<Placed>,
) {
    if fragments.len() <= 1 || depth >= MAX_DEPTH {
        fragments.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x0.total_cmp(&b.x0)));
        out.extend(fragments.into_iter().map(|fragment| Placed {
            fragment,
            column,
            column_id,
        }));
        return;
    }
    let em = em(&fragments);
    // A wide band of white across everything first: what is above it is read before what is below.
    let rows = split_rows(std::mem::take(&mut fragments), BAND * em);
    if rows.len() > 1 {
        for part in rows {
            cut(part, rtl, column, column_id, depth + 1, next_column, out);
        }
        return;
    }
    let mut fragments = rows.into_iter().next().unwrap_or_default();
    // Then columns: a strip of white running through every fragment's height.
    let columns = split_columns(&mut fragments, GUTTER * em);
    if columns.len() > 1 {
        let mut columns = columns;
        if rtl {
            columns.reverse();
        }
        for part in columns {
            let bounds = bounds(&part);
            let id = *next_column;
            *next_column += 1;
            cut(part, rtl, bounds, id, depth + 1, next_column, out);
        }
        return;
    }
    let fragments = columns.into_iter().next().unwrap_or_default();
    // Then the widest horizontal gap (between paragraphs, then lines).
    let rows = split_rows(fragments, 0.0);
    if rows.len() > 1 {
        for part in rows {
            cut(part, rtl, column, column_id, depth + 1, next_column, out);
        }
        return;
    }
    let fragments = rows.into_iter().next().unwrap_or_default();
    cut(
        fragments,
        rtl,
        column,
        column_id,
        MAX_DEPTH,
        next_column,
        out,
    );
}

/// Splits at every vertical strip of white at least `gutter` wide, left to right.
fn split_columns(fragments: &mut [Fragment], gutter: f32) -> Vec<Vec<Fragment>> {
    fragments.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let mut parts: Vec<Vec<Fragment>> = Vec::new();
    let mut right = f32::MIN;
    for fragment in fragments.iter() {
        if parts.is_empty() || fragment.x0 - right >= gutter {
            parts.push(Vec::new());
        }
        right = right.max(fragment.x1);
        if let Some(last) = parts.last_mut() {
            last.push(fragment.clone());
        }
    }
    parts
}

/// Splits at the widest horizontal gaps (all gaps within half a point of the widest), top to
/// bottom, if the widest is at least `min_gap` high.
fn split_rows(mut fragments: Vec<Fragment>, min_gap: f32) -> Vec<Vec<Fragment>> {
    fragments.sort_by(|a, b| b.top().total_cmp(&a.top()));
    let mut gaps = Vec::new();
    let mut bottom = f32::MAX;
    for (i, fragment) in fragments.iter().enumerate() {
        if i > 0 && fragment.top() < bottom {
            gaps.push((i, bottom - fragment.top()));
        }
        bottom = bottom.min(fragment.bottom());
    }
    let Some(widest) = gaps
        .iter()
        .map(|g| g.1)
        .reduce(f32::max)
        .filter(|&w| w >= min_gap)
    else {
        return vec![fragments];
    };
    let mut cuts: Vec<usize> = gaps
        .iter()
        .filter(|g| g.1 >= widest - 0.5)
        .map(|g| g.0)
        .collect();
    cuts.push(fragments.len());
    let mut parts = Vec::with_capacity(cuts.len());
    let mut rest = fragments.into_iter();
    let mut at = 0;
    for cut in cuts {
        parts.push(rest.by_ref().take(cut - at).collect());
        at = cut;
    }
    parts
}
