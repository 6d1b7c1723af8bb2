//! Synthetic corpus for the performance measurements: many distinct, realistic scraped
//! articles made from the five embedded seed pages (`khabar::core::load::demo::FILES`).
//!
//! Shared by `examples/gen_corpus.rs` (whole-process measurement over 10,000 files) and
//! `benches/load.rs` (1,000 files in a temp dir), included in both with `#[path]`.
//!
//! Everything is derived from one xorshift64* stream, so `(count, seed)` always gives the
//! same bytes. Each file is one seed with:
//! - its body paragraphs partly dropped and reordered (the first one stays first, so the
//!   headline is still the line above a body that talks about it);
//! - its date line rewritten to another day (day/month/year, the matching weekday name,
//!   the same month-name family, Hijri dates stay Hijri), sometimes in the other digit style
//!   (ASCII ↔ Arabic-Indic);
//! - its masthead varied (a navigation line, a section name, a share bar);
//! - sometimes CRLF line ends, sometimes Windows-1256 bytes instead of UTF-8.
//!
//! Files are spread over a few subfolders (some nested) and are all distinct (checked by
//! hash; a duplicate is drawn again).

#![allow(dead_code)]

use std::collections::HashSet;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{Datelike, NaiveDate, Weekday};

/// The folders files are spread over (relative to the output folder).
pub const FOLDERS: &[&str] = &[
    "politics",
    "world",
    "economy",
    "archive/2020",
    "archive/2021",
    "misc",
];

/// What [`generate`] wrote.
#[derive(Debug, Default, Clone)]
pub struct Stats {
    pub files: usize,
    pub bytes: u64,
    pub crlf: usize,
    pub windows_1256: usize,
    pub arabic_indic_dates: usize,
    /// Draws thrown away because they repeated an earlier file.
    pub redraws: usize,
}

/// A tiny deterministic PRNG (xorshift64*): no dependency, same stream on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        // Spread small seeds over the state space; the state must not be zero.
        let s = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD1B5_4A32_D192_ED03;
        Rng(if s == 0 { 1 } else { s })
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        ((self.next_u64() >> 33) % n as u64) as usize
    }

    /// True with probability `percent`/100.
    pub fn percent(&mut self, percent: u32) -> bool {
        self.below(100) < percent as usize
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const MONTHS_EGYPT: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];
const MONTHS_LEVANT: [&str; 12] = [
    "كانون الثاني",
    "شباط",
    "آذار",
    "نيسان",
    "أيار",
    "حزيران",
    "تموز",
    "آب",
    "أيلول",
    "تشرين الأول",
    "تشرين الثاني",
    "كانون الأول",
];
/// Hijri month names written as one word (enough to vary the Hijri seed's date line).
const MONTHS_HIJRI: [&str; 7] = ["محرم", "صفر", "رجب", "شعبان", "رمضان", "شوال", "ذو القعدة"];
const WEEKDAYS: [&str; 7] = [
    "الاثنين",
    "الثلاثاء",
    "الأربعاء",
    "الخميس",
    "الجمعة",
    "السبت",
    "الأحد",
];

const NAV_LINES: &[&str] = &[
    "الرئيسية | أخبار | سياسة | اقتصاد | رياضة | منوعات",
    "الرئيسية | عربي ودولي | محليات | تقارير | مقالات",
    "الرئيسية » أخبار العالم",
    "اتصل بنا | من نحن | سياسة الخصوصية",
];
const SECTIONS: &[&str] = &[
    "أخبار العالم",
    "سياسة",
    "عربي ودولي",
    "تقارير",
    "آخر الأخبار",
];
const SHARE_LINES: &[&str] = &[
    "شارك الخبر: فيسبوك تويتر واتساب",
    "تابعونا على فيسبوك وتويتر",
    "مشاركة طباعة حجم الخط",
];

/// Writes `count` distinct article files under `out` (created if needed).
pub fn generate(out: &Path, count: usize, seed: u64) -> io::Result<Stats> {
    let seeds = khabar::core::load::demo::FILES;
    let mut rng = Rng::new(seed);
    let mut seen: HashSet<u64> = HashSet::with_capacity(count);
    let mut stats = Stats::default();
    for folder in FOLDERS {
        std::fs::create_dir_all(out.join(folder))?;
    }
    for i in 0..count {
        let seed_index = i % seeds.len();
        let (name, text) = seeds[seed_index];
        let (article, made) = loop {
            let made = vary(text, &mut rng);
            let encoded = encode(&made, &mut rng);
            if seen.insert(xxhash_rust::xxh3::xxh3_64(&encoded.bytes)) {
                break (encoded, made);
            }
            stats.redraws += 1;
        };
        let stem = name.split('_').next().unwrap_or("seed");
        let path: PathBuf = out
            .join(FOLDERS[rng.below(FOLDERS.len())])
            .join(format!("{i:05}_{stem}.txt"));
        std::fs::write(&path, &article.bytes)?;
        stats.files += 1;
        stats.bytes += article.bytes.len() as u64;
        stats.crlf += usize::from(article.crlf);
        stats.windows_1256 += usize::from(article.windows_1256);
        stats.arabic_indic_dates += usize::from(made.arabic_indic);
    }
    Ok(stats)
}

/// One varied article, still as text.
pub struct Made {
    pub text: String,
    pub arabic_indic: bool,
    /// The text holds only characters Windows-1256 can write.
    pub want_1256: bool,
}

/// An article's bytes as written.
pub struct Encoded {
    pub bytes: Vec<u8>,
    pub crlf: bool,
    pub windows_1256: bool,
}

/// Varies one seed page (see the module doc).
pub fn vary(seed_text: &str, rng: &mut Rng) -> Made {
    // Decided first: Windows-1256 has no Arabic-Indic digits, so such files use ASCII ones.
    let want_1256 = rng.percent(10);
    let lines: Vec<&str> = seed_text.lines().collect();
    let date_at = lines.iter().take(30).position(|l| is_date_line(l));
    let after_date = date_at.map_or(0, |d| d + 1);
    let body_slots: Vec<usize> = (after_date..lines.len())
        .filter(|&i| is_body_paragraph(lines[i]))
        .collect();

    // Body: keep the first paragraph first; drop some of the others, swap a few pairs.
    let mut body: Vec<&str> = body_slots.iter().map(|&i| lines[i]).collect();
    if body.len() > 2 {
        let first = body.remove(0);
        body.retain(|_| !rng.percent(20));
        for _ in 0..rng.below(3) {
            if body.len() >= 2 {
                let k = rng.below(body.len() - 1);
                body.swap(k, k + 1);
            }
        }
        body.insert(0, first);
    }

    let mut out: Vec<String> = Vec::with_capacity(lines.len() + 2);
    let mut arabic_indic = false;
    let mut next_body = body.into_iter();
    for (i, line) in lines.iter().enumerate() {
        if body_slots.binary_search(&i).is_ok() {
            if let Some(p) = next_body.next() {
                out.push(p.to_string());
            }
            continue;
        }
        if Some(i) == date_at {
            let (new, indic) = rewrite_date_line(line, rng, want_1256);
            arabic_indic = indic;
            out.push(new);
            continue;
        }
        out.push(line.to_string());
    }
    vary_masthead(&mut out, rng);
    let mut text = out.join("\n");
    if seed_text.ends_with('\n') {
        text.push('\n');
    }
    Made {
        text,
        arabic_indic,
        want_1256,
    }
}

/// CRLF for some files, Windows-1256 for some (when every character fits).
pub fn encode(made: &Made, rng: &mut Rng) -> Encoded {
    let crlf = rng.percent(10);
    let text = if crlf {
        made.text.replace('\n', "\r\n")
    } else {
        made.text.clone()
    };
    if made.want_1256 {
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&text);
        if !unmappable {
            return Encoded {
                bytes: bytes.into_owned(),
                crlf,
                windows_1256: true,
            };
        }
    }
    Encoded {
        bytes: text.into_bytes(),
        crlf,
        windows_1256: false,
    }
}

fn vary_masthead(lines: &mut Vec<String>, rng: &mut Rng) {
    let Some(first) = lines.iter().position(|l| !l.trim().is_empty()) else {
        return;
    };
    match rng.below(5) {
        0 => {}
        1 => {
            let nav = rng.pick(NAV_LINES).to_string();
            lines.insert(first, nav);
        }
        2 => {
            let section = rng.pick(SECTIONS);
            lines[first] = format!("{} - {section}", lines[first].trim_end());
        }
        3 => {
            let share = rng.pick(SHARE_LINES).to_string();
            lines.insert(first + 1, share);
        }
        _ => {
            let nav = rng.pick(NAV_LINES).to_string();
            let share = rng.pick(SHARE_LINES).to_string();
            lines.insert(first + 1, share);
            lines.insert(first, nav);
        }
    }
}

fn is_body_paragraph(line: &str) -> bool {
    let chars = line.chars().count();
    chars >= 100
        && !line.contains(" | ")
        && line.chars().filter(|c| is_arabic(*c)).count() * 2 > chars
}

fn is_arabic(c: char) -> bool {
    ('\u{0600}'..='\u{06FF}').contains(&c)
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '\u{0660}'..='\u{0669}' => Some(c as u32 - 0x0660),
        _ => None,
    }
}

/// A short line near the top holding a Gregorian or Hijri year: the article's date line.
fn is_date_line(line: &str) -> bool {
    line.chars().count() <= 100
        && digit_runs(line)
            .iter()
            .any(|r| r.len == 4 && (1300..=2100).contains(&r.value))
}

struct Run {
    start: usize,
    end: usize,
    value: u32,
    len: usize,
    indic: bool,
}

fn digit_runs(line: &str) -> Vec<Run> {
    let mut runs = Vec::new();
    let mut current: Option<Run> = None;
    for (at, c) in line.char_indices() {
        match (digit_value(c), current.as_mut()) {
            (Some(d), Some(run)) => {
                run.value = run.value.saturating_mul(10).saturating_add(d);
                run.len += 1;
                run.end = at + c.len_utf8();
            }
            (Some(d), None) => {
                current = Some(Run {
                    start: at,
                    end: at + c.len_utf8(),
                    value: d,
                    len: 1,
                    indic: c > '9',
                })
            }
            (None, _) => runs.extend(current.take()),
        }
    }
    runs.extend(current);
    runs
}

fn write_number(value: u32, width: usize, indic: bool) -> String {
    let s = format!("{value:0width$}");
    if indic {
        s.chars()
            .map(|c| char::from_u32(0x0660 + (c as u32 - '0' as u32)).unwrap_or(c))
            .collect()
    } else {
        s
    }
}

/// Moves the date of a date line to another day; returns the line and whether its digits
/// are Arabic-Indic. Times (`03:53`) keep their value.
fn rewrite_date_line(line: &str, rng: &mut Rng, ascii_only: bool) -> (String, bool) {
    let runs = digit_runs(line);
    let was_indic = runs.iter().any(|r| r.indic);
    let indic = !ascii_only && (was_indic != rng.percent(25));
    let hijri = runs
        .iter()
        .any(|r| r.len == 4 && (1300..1700).contains(&r.value));

    let year = 2015 + rng.below(11) as i32;
    let month = 1 + rng.below(12) as u32;
    let day = 1 + rng.below(28) as u32;
    let hijri_year = 1436 + rng.below(12) as u32;
    let hijri_month = *rng.pick(&MONTHS_HIJRI);
    let weekday = NaiveDate::from_ymd_opt(year, month, day).map_or(Weekday::Mon, |d| d.weekday());

    // Numbers: the year, then the first two small numbers that are not part of a time are
    // the day and (numeric dates) the month.
    let mut text = String::with_capacity(line.len() + 8);
    let mut last = 0;
    let mut small_seen = 0;
    for run in &runs {
        text.push_str(&line[last..run.start]);
        last = run.end;
        let before = line[..run.start].chars().next_back();
        let after = line[run.end..].chars().next();
        let is_time = before == Some(':') || after == Some(':');
        let new = if is_time {
            write_number(run.value, run.len, indic)
        } else if run.len == 4 && hijri && (1300..1700).contains(&run.value) {
            write_number(hijri_year, 4, indic)
        } else if run.len == 4 && (1900..=2100).contains(&run.value) {
            write_number(year as u32, 4, indic)
        } else if run.len <= 2 && small_seen < 2 {
            small_seen += 1;
            let v = if small_seen == 1 { day } else { month };
            write_number(v, run.len, indic)
        } else {
            write_number(run.value, run.len, indic)
        };
        text.push_str(&new);
    }
    text.push_str(&line[last..]);

    // Names: the weekday, the month (same family), the Hijri month.
    if let Some(old) = WEEKDAYS.iter().find(|w| text.contains(**w)) {
        text = text.replacen(old, WEEKDAYS[weekday.num_days_from_monday() as usize], 1);
    }
    if hijri {
        if let Some(old) = MONTHS_HIJRI.iter().find(|m| text.contains(**m)) {
            text = text.replacen(old, hijri_month, 1);
        }
    } else {
        for family in [&MONTHS_LEVANT, &MONTHS_EGYPT] {
            // Longest names first, so «تشرين الثاني» is not taken for another name.
            let mut names: Vec<&str> = family.to_vec();
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
            if let Some(old) = names.iter().find(|m| text.contains(**m)) {
                text = text.replacen(old, family[month as usize - 1], 1);
                break;
            }
        }
    }
    (text, indic)
}
