//! Fuzzes highlight anchors: an anchor made in a text resolves there to its own range, and in
//! an edited text to a range holding its exact text, or to nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qari_core::invariants::anchor_resolution;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = anchor_resolution(data) {
        panic!("{broken}");
    }
});
