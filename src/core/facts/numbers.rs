// TEMPORARY local scaffold, never committed: replaced by the numbers helper's module.
use super::Approx;
use super::folded::{Folded, WordKind};
use std::ops::Range;
pub struct QuantityHit {
    pub range: Range<usize>,
    pub number_range: Range<usize>,
    pub value: f64,
    pub value_text: String,
    pub approx: Approx,
    pub unit: Option<String>,
    pub unit_text: Option<String>,
    pub percent: bool,
}
pub fn find_quantities(f: &Folded, skip: &[Range<usize>]) -> Vec<QuantityHit> {
    let words = f.words();
    let mut out = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if w.kind != WordKind::Number {
            continue;
        }
        let r = f.original_range(w.start..w.end);
        if skip.iter().any(|s| s.contains(&r.start)) {
            continue;
        }
        let Ok(v) = f.text[w.start..w.end].replace(',', "").parse::<f64>() else {
            continue;
        };
        let unit = words
            .get(i + 1)
            .map(|u| f.text[u.start..u.end].trim_end_matches('ا').to_string());
        let end = words.get(i + 1).map_or(w.end, |u| u.end);
        out.push(QuantityHit {
            range: f.original_range(w.start..end),
            number_range: r,
            value: v,
            value_text: f.text[w.start..w.end].to_string(),
            approx: Approx::Exact,
            unit_text: unit.clone(),
            unit,
            percent: false,
        });
    }
    out
}
