//! How far the background analysis of the open document has got, as the sidebar shows it.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

/// A shorter analysis shows no percentage: it is over before a number could be read.
pub const SHOW_AFTER: Duration = Duration::from_millis(200);

/// Steps the shared counter counts to (hundredths of a percent).
const SCALE: f32 = 10_000.0;

/// The progress of one analysis, shared between the job that reports it and the app.
#[derive(Debug, Clone)]
pub struct AnalysisProgress {
    /// Work done in hundredths of a percent; only ever grows.
    done: Arc<AtomicU32>,
    /// When the analysis started.
    since: Instant,
}

impl Default for AnalysisProgress {
    fn default() -> Self {
        Self::started_at(Instant::now())
    }
}

impl AnalysisProgress {
    /// Progress of an analysis that started at `since`, nothing done yet.
    pub fn started_at(since: Instant) -> Self {
        Self {
            done: Arc::new(AtomicU32::new(0)),
            since,
        }
    }

    /// Records that `fraction` (0 to 1) of the work is done; a smaller value than one
    /// already recorded changes nothing.
    pub fn report(&self, fraction: f32) {
        let steps = (fraction.clamp(0.0, 1.0) * SCALE) as u32;
        self.done.fetch_max(steps, Ordering::Relaxed);
    }

    /// The share of the work done, 0 to 1.
    pub fn fraction(&self) -> f32 {
        self.done.load(Ordering::Relaxed) as f32 / SCALE
    }

    /// The whole percentage to show at `now`: none while the analysis is younger than
    /// [`SHOW_AFTER`].
    pub fn percent_to_show(&self, now: Instant) -> Option<u8> {
        if now.saturating_duration_since(self.since) < SHOW_AFTER {
            return None;
        }
        Some((self.fraction() * 100.0).floor().clamp(0.0, 100.0) as u8)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_young_analysis_shows_no_number_and_an_older_one_its_percentage() {
        let start = Instant::now();
        let p = AnalysisProgress::started_at(start);
        p.report(0.427);
        assert_eq!(p.percent_to_show(start + Duration::from_millis(50)), None);
        assert_eq!(
            p.percent_to_show(start + Duration::from_millis(300)),
            Some(42)
        );
    }

    #[test]
    fn progress_never_goes_back_and_stays_within_0_and_100() {
        let start = Instant::now();
        let later = start + Duration::from_secs(1);
        let p = AnalysisProgress::started_at(start);
        let job = p.clone();
        job.report(0.6);
        job.report(0.3);
        assert_eq!(p.percent_to_show(later), Some(60));
        job.report(7.0);
        assert_eq!(p.percent_to_show(later), Some(100));
        job.report(f32::NAN);
        assert_eq!(p.percent_to_show(later), Some(100));
    }
}
