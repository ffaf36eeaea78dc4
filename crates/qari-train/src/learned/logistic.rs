//! L2-regularised logistic regression by full-batch gradient descent with a decaying step,
//! on features scaled to [-1, 1] (weights scaled back at the end): small, deterministic, and
//! enough for a few thousand examples of some twenty features.

use super::Example;

/// Fits weights and bias to `examples` with `n` features.
pub fn fit(examples: &[&Example], n: usize) -> (Vec<f32>, f32) {
    const L2: f64 = 0.01;
    const STEPS: usize = 3000;
    // Each feature divided by its largest magnitude, so one step size suits them all.
    let mut scale = vec![0.0f64; n];
    for e in examples {
        for (s, x) in scale.iter_mut().zip(&e.x) {
            *s = s.max(f64::from(*x).abs());
        }
    }
    for s in &mut scale {
        if *s < 1e-9 {
            *s = 1.0;
        }
    }
    let mut w = vec![0.0f64; n];
    let mut b = 0.0f64;
    let m = examples.len().max(1) as f64;
    // Classes weighted to balance: rare yes examples are not drowned.
    let yes = examples.iter().filter(|e| e.y).count().max(1) as f64;
    let no = (examples.len() as f64 - yes).max(1.0);
    for step in 0..STEPS {
        let rate = 1.0 / (1.0 + step as f64 / 500.0);
        let mut gw = vec![0.0f64; n];
        let mut gb = 0.0f64;
        for e in examples {
            let z = b + e
                .x
                .iter()
                .zip(&w)
                .zip(&scale)
                .map(|((x, w), s)| f64::from(*x) / s * w)
                .sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let (target, weight) = if e.y {
                (1.0, m / (2.0 * yes))
            } else {
                (0.0, m / (2.0 * no))
            };
            let g = (p - target) * weight;
            for ((gi, x), s) in gw.iter_mut().zip(&e.x).zip(&scale) {
                *gi += g * f64::from(*x) / s;
            }
            gb += g;
        }
        for (wi, gi) in w.iter_mut().zip(&gw) {
            *wi -= rate * (gi / m + L2 * *wi);
        }
        b -= rate * gb / m;
    }
    let weights = w.iter().zip(&scale).map(|(w, s)| (w / s) as f32).collect();
    (weights, b as f32)
}

/// The log-odds of `x` under weights `w` and bias `b`.
pub fn score(w: &[f32], b: f32, x: &[f32]) -> f32 {
    b + w.iter().zip(x).map(|(w, x)| w * x).sum::<f32>()
}
