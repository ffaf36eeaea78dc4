//! Work per paragraph spread over all cores, the results kept in paragraph order.

use rayon::prelude::*;

/// About how many consecutive slices the items are taken in, one progress report each.
const STEPS: usize = 256;

/// Calls `each(index, item, out)` for every item on rayon's pool and returns what the calls
/// pushed, in item order — the same as a sequential loop. `progress` hears the share of
/// items done (0 to 1) before each slice; short inputs get a slice per item, so progress is
/// as fine as a loop's.
pub fn map_in_order<I, T, F>(items: &[I], progress: &mut dyn FnMut(f32), each: F) -> Vec<T>
where
    I: Sync,
    T: Send,
    F: Fn(usize, &I, &mut Vec<T>) + Sync,
{
    let n = items.len();
    let slice = n.div_ceil(STEPS).max(1);
    let mut out = Vec::new();
    for (k, chunk) in items.chunks(slice).enumerate() {
        let first = k * slice;
        progress(first as f32 / n as f32);
        if let [item] = chunk {
            each(first, item, &mut out);
            continue;
        }
        let found: Vec<Vec<T>> = chunk
            .par_iter()
            .enumerate()
            .map(|(j, item)| {
                let mut v = Vec::new();
                each(first + j, item, &mut v);
                v
            })
            .collect();
        out.extend(found.into_iter().flatten());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_and_progress_follow_the_items_order() {
        // A step per item up to STEPS items, then slices of several items.
        for (n, reports) in [(0, 0), (1, 1), (5, 5), (1000, 250)] {
            let items: Vec<usize> = (0..n).collect();
            let mut steps = Vec::new();
            let out = map_in_order(&items, &mut |f| steps.push(f), |i, &x, out| {
                assert_eq!(i, x);
                out.extend([x; 2]);
            });
            let want: Vec<usize> = items.iter().flat_map(|&x| [x, x]).collect();
            assert_eq!(out, want);
            assert!(steps.windows(2).all(|w| w[0] < w[1]), "{steps:?}");
            assert!(steps.iter().all(|f| (0.0..1.0).contains(f)));
            assert_eq!(steps.len(), reports);
        }
    }
}
