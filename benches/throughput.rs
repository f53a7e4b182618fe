//! Native throughput of the domain, per sample form: `forms::validate` plus
//! the ruleset's `assess` (what the app and `involve check` do for every
//! document), and export/import of the document (JSON, digest).
//!
//! `cargo bench --bench throughput` (release profile). A timed loop, not a
//! statistical harness: each case runs for about one second after a short
//! warm-up, and the rate is printed as a markdown table (also used by
//! `make bench` for BENCHMARKS.md). No thresholds here: timings are not tested.

#[path = "../tests/format_support/mod.rs"]
mod format_support;

use format_support::*;
use involve::format;
use involve::forms;
use involve::model::Answers;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn rate(mut f: impl FnMut()) -> f64 {
    let warm = Instant::now();
    while warm.elapsed() < Duration::from_millis(200) {
        f();
    }
    let mut n: u64 = 0;
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(1) {
        for _ in 0..64 {
            f();
        }
        n += 64;
    }
    n as f64 / start.elapsed().as_secs_f64()
}

fn main() {
    // `cargo bench` passes --bench; anything else is ignored.
    let forms: [(&str, Answers); 4] = [
        ("complete", complete()),
        ("complete, one warning", complete_with_warning()),
        ("incomplete", incomplete()),
        ("everything answered", everything()),
    ];
    let rules = nhse();
    println!("| form | validate + assess / s | export / s | import (parse, schema, digest) / s |");
    println!("|---|---:|---:|---:|");
    for (name, a) in &forms {
        let va = rate(|| {
            black_box(forms::Derived::new(black_box(a), today()).report);
            black_box(rules.assess(black_box(&a.screening)));
        });
        let text = format::export(a, rules, CREATED, UPDATED, today());
        let ex = rate(|| {
            black_box(format::export(
                black_box(a),
                rules,
                CREATED,
                UPDATED,
                today(),
            ));
        });
        let im = rate(|| {
            black_box(format::import(black_box(&text)).is_ok());
        });
        println!("| {name} | {va:.0} | {ex:.0} | {im:.0} |");
    }
}
