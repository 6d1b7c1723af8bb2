//! Telling article paragraphs from page boilerplate in scraped text, in the spirit of jusText:
//! each line is judged by its own properties (length, stop-word density, sentence-final
//! punctuation, link-list marks), then by its neighbours, and the article is the cluster of
//! good paragraphs with the most text. Section headings such as «تعليقات» or «اقرأ أيضاً»
//! end the article. No list of sites: the rules are about how news prose looks.

use std::sync::LazyLock;

use crate::core::text::{self, fold_arabic, is_word_char, word_count};

/// How a line looks on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// Article prose.
    Good,
    /// Prose-like but not conclusive: kept when a good neighbour vouches for it.
    NearGood,
    /// Too short to judge: kept only between good paragraphs.
    Short,
    /// Menus, tickers, link lists, counters.
    Bad,
}

/// Facts about one line, computed once.
#[derive(Debug, Clone)]
pub struct LineInfo {
    pub words: usize,
    pub stop_density: f32,
    pub ends_sentence: bool,
    pub link_like: bool,
    /// A section heading after which the article is over («التعليقات», «Related»).
    pub end_marker: Option<Marker>,
    pub class: Class,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    /// Comments, tags, related and most-read lists, share bars, galleries: nothing after
    /// them is article text.
    Hard,
    /// «اقرأ أيضاً»: sometimes inside the article, so it ends it only when no prose follows.
    Soft,
}

/// Function words of Arabic and English news prose. Their density separates sentences from
/// headlines and menus, which are made of content words.
const STOP_LIST: &str = "في من على الى إلى عن مع ان أن إن التي الذي الذين اللذين هذا هذه ذلك تلك \
    هناك كان كانت كانوا يكون تكون قد لقد فقد وقد لا لم لن ما كما بعد قبل بين حتى او أو ثم هو هي هم \
    هما انه أنه إنه انها أنها إنها كل عند منذ خلال حول ضد نحو اي أي غير الا إلا عليه عليها عليهم فيه \
    فيها فيما منه منها به بها له لها لهم وفي ومن وعلى وان وأن وإن وكان ولا وما ولم ايضا أيضا أيضاً \
    كذلك حيث اذ إذ اذا إذا لكن ولكن وهو وهي ذات ضمن الي عبر بشكل اما أما وقال قال وقالت قالت واضاف \
    وأضاف وأكد اكد أكد الذى ولفت مما وذلك \
    the a an of to in and is was were for on that with as by at from it its be been has have \
    had are this which said he she they their not but or will would also after than who";

static STOP_WORDS: LazyLock<StopWords> = LazyLock::new(|| StopWords::new(STOP_LIST));

/// The stop words, with a filter in front that turns most other words away without hashing
/// them: every word of every line is looked up.
struct StopWords {
    words: rustc_hash::FxHashSet<&'static str>,
    /// `filter[len][a % 64]` has bit `b % 64` set when a stop word of `len` bytes has `a`
    /// as its second byte and `b` as its last (both lower case).
    filter: [[u64; 64]; MAX_STOP_LEN + 1],
}

/// Bytes in the longest stop word.
const MAX_STOP_LEN: usize = 16;

impl StopWords {
    fn new(list: &'static str) -> Self {
        let mut filter = [[0; 64]; MAX_STOP_LEN + 1];
        let mut words = rustc_hash::FxHashSet::default();
        for w in list.split_whitespace() {
            words.insert(w);
            if let Some((len, a, b)) = Self::key(w.as_bytes()) {
                filter[len][a] |= 1 << b;
            }
        }
        StopWords { words, filter }
    }

    /// Length, second byte and last byte (lower case, modulo 64) of a word short enough.
    #[inline]
    fn key(w: &[u8]) -> Option<(usize, usize, u32)> {
        let (&second, &last) = (w.get(1).or(w.first())?, w.last()?);
        let len = w.len();
        (len <= MAX_STOP_LEN).then(|| {
            let lower = |b: u8| b.to_ascii_lowercase() & 63;
            (len, usize::from(lower(second)), u32::from(lower(last)))
        })
    }

    fn contains(&self, token: &str) -> bool {
        let passes = Self::key(token.as_bytes())
            .is_some_and(|(len, a, b)| self.filter[len][a] & (1 << b) != 0);
        passes
            && if token.bytes().any(|b| b.is_ascii_uppercase()) {
                self.words.contains(token.to_ascii_lowercase().as_str())
            } else {
                self.words.contains(token)
            }
    }
}

/// Section headings that close an article (matched on folded text, whole line).
const HARD_MARKERS: &[&str] = &[
    "كلمات مفتاحيه",
    "الكلمات المفتاحيه",
    "الوسوم",
    "وسوم",
    "تعليقات",
    "التعليقات",
    "اضف تعليق",
    "اضف تعليقك",
    "اترك تعليقا",
    "عناوين ذات صله",
    "اخبار ذات صله",
    "مواضيع ذات صله",
    "مقالات ذات صله",
    "اخبار متعلقه",
    "قد يعجبك ايضا",
    "قد يهمك ايضا",
    "المزيد من",
    "الاكثر قراءه",
    "الاكثر مشاهده",
    "الاكثر تفضيلا",
    "الاكثر تداولا",
    "احدث مقاطع الفيديو",
    "مقاطع فيديو",
    "معرض الصور",
    "شارك",
    "شارك الخبر",
    "شارك المقال",
    "تابعونا",
    "تابعونا على",
    "related",
    "related articles",
    "related news",
    "comments",
    "tags",
    "you may also like",
    "most read",
    "most popular",
    "share this",
    "share",
];
const SOFT_MARKERS: &[&str] = &[
    "اقرا ايضا",
    "اقرا المزيد",
    "read more",
    "read also",
    "see also",
];

/// Judges one line (already trimmed, non-empty) on its own.
pub fn judge(line: &str) -> LineInfo {
    let (mut words, mut stops) = (0usize, 0usize);
    let stop_words = &*STOP_WORDS;
    for token in text::words(line) {
        words += 1;
        stops += usize::from(stop_words.contains(token));
    }
    let stop_density = if words == 0 {
        0.0
    } else {
        stops as f32 / words as f32
    };
    let ends_sentence = line
        .trim_end()
        .chars()
        .last()
        .is_some_and(|c| ".!?؟…»\"”)':؛".contains(c));
    let first = line.chars().next().unwrap_or(' ');
    let bars = memchr::memchr(b'|', line.as_bytes()).is_some();
    let link_like = "•·▪►◄■□●-*–—>«".contains(first) && words < 15 || bars && words < 200;
    let end_marker = end_marker(line, words);
    let class = if link_like || end_marker.is_some() {
        Class::Bad
    } else if words >= 12 && stop_density >= 0.12 && ends_sentence
        || words >= 25 && stop_density >= 0.18
    {
        Class::Good
    } else if words >= 7 && stop_density >= 0.08 && ends_sentence
        || words >= 12 && stop_density >= 0.12
        // «وأعلن الجيش … تدمير 12 مجموعة …»: a sentence opening on the conjunction و is news
        // prose even with no function word in it; headlines and menu items never open so.
        || words >= 8 && ends_sentence && first == 'و'
    {
        Class::NearGood
    } else if words < 7 {
        Class::Short
    } else {
        Class::Bad
    };
    LineInfo {
        words,
        stop_density,
        ends_sentence,
        link_like,
        end_marker,
        class,
    }
}

fn end_marker(line: &str, words: usize) -> Option<Marker> {
    if words == 0 || words > 6 {
        return None;
    }
    let folded = fold_arabic(line.trim_matches(|c: char| !is_word_char(c)));
    let matches = |list: &[&str]| {
        list.iter().any(|m| {
            folded == *m
                // «المزيد من بوابة الوسط», «تعليقات الزوار»: a heading may be followed by a
                // name; a one-word heading by one word only, or it is a sentence («شارك …»).
                || folded.strip_prefix(m).is_some_and(|rest| {
                    rest.starts_with([' ', ':']) && word_count(rest) <= if m.contains(' ') { 3 } else { 1 }
                })
        })
    };
    if matches(HARD_MARKERS) {
        Some(Marker::Hard)
    } else if matches(SOFT_MARKERS) {
        Some(Marker::Soft)
    } else {
        None
    }
}

/// The article's lines: indexes into `infos` of the paragraphs kept, in order, or empty when
/// nothing looks like prose.
pub fn select_body(infos: &[LineInfo]) -> Vec<usize> {
    let classes = revise_by_context(infos);
    // Clusters of good lines, split by hard markers and by runs of boilerplate.
    let mut best: (usize, Vec<usize>) = (0, Vec::new());
    let mut current: (usize, Vec<usize>) = (0, Vec::new());
    let mut bad_run_words = 0;
    let mut i = 0;
    while i < infos.len() {
        let info = &infos[i];
        let ends_here = match info.end_marker {
            Some(Marker::Hard) => true,
            Some(Marker::Soft) => !prose_follows(&classes, infos, i),
            None => false,
        };
        if ends_here || bad_run_words >= 25 {
            if current.0 > best.0 {
                best = std::mem::take(&mut current);
            } else {
                current = (0, Vec::new());
            }
            bad_run_words = 0;
        }
        match classes[i] {
            Class::Good => {
                current.0 += info.words;
                current.1.push(i);
                bad_run_words = 0;
            }
            _ => bad_run_words += info.words.max(1),
        }
        i += 1;
    }
    if current.0 > best.0 {
        best = current;
    }
    best.1
}

/// Whether at least two good paragraphs come soon after a soft marker, before the next one.
fn prose_follows(classes: &[Class], infos: &[LineInfo], at: usize) -> bool {
    // Prose that resumes after an inline «اقرأ أيضاً» does so within a few lines.
    (at + 1..infos.len().min(at + 12))
        .take_while(|&j| infos[j].end_marker.is_none())
        .filter(|&j| classes[j] == Class::Good)
        .take(2)
        .count()
        == 2
}

/// jusText's second pass: short and near-good lines take the class their neighbours give.
/// The nearest decided neighbour on each side (good or bad; a section heading counts as bad)
/// is found in one sweep each way, so a page of ten thousand short lines costs linear time.
fn revise_by_context(infos: &[LineInfo]) -> Vec<Class> {
    let decided = |info: &LineInfo| match (info.end_marker, info.class) {
        (Some(_), _) => Some(Class::Bad),
        (None, c @ (Class::Good | Class::Bad)) => Some(c),
        _ => None,
    };
    let mut prev = Vec::with_capacity(infos.len());
    let mut last = None;
    for info in infos {
        prev.push(last);
        last = decided(info).or(last);
    }
    let mut next = vec![None; infos.len()];
    let mut last = None;
    for (k, info) in infos.iter().enumerate().rev() {
        next[k] = last;
        last = decided(info).or(last);
    }
    infos
        .iter()
        .enumerate()
        .map(|(i, info)| {
            let good = |n: Option<Class>| n == Some(Class::Good);
            match info.class {
                // A line that ends without punctuation heads the body only as a headline.
                Class::NearGood if good(prev[i]) || good(next[i]) && info.ends_sentence => {
                    Class::Good
                }
                Class::Short if good(prev[i]) && good(next[i]) && info.ends_sentence => Class::Good,
                Class::NearGood | Class::Short => Class::Bad,
                other => other,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prose_is_good_and_menus_are_not() {
        let p = "أعلنت وزارة الدفاع في بيان أن قواتها تمكنت خلال الأيام الأربعة من تدمير نحو 200 دبابة وعربة مدرعة للجيش.";
        assert_eq!(judge(p).class, Class::Good);
        assert_eq!(judge("الرئيسية").class, Class::Short);
        assert_eq!(judge("• facebook").class, Class::Bad);
        assert_eq!(
            judge("عاجل | سوريا تطلق هويتها الوطنية الجديدة بقيادة الرئيس").class,
            Class::Bad
        );
        // A run of headlines: many words, no function words, no full stop.
        assert_eq!(
            judge("روسيا تقصف منشآت طاقة في 3 مناطق أوكرانية زلزال بقوة 6.5 درجة قبالة جزيرة جاوا")
                .class,
            Class::Bad
        );
    }

    #[test]
    fn stop_words_are_found_through_the_filter() {
        let all: Vec<&str> = STOP_LIST.split_whitespace().collect();
        assert!(
            all.iter()
                .all(|w| w.len() <= MAX_STOP_LEN && STOP_WORDS.contains(w))
        );
        assert!(STOP_WORDS.contains("The") && STOP_WORDS.contains("WHO"));
        assert!(!STOP_WORDS.contains("الرئيس") && !STOP_WORDS.contains("x"));
        assert!(!STOP_WORDS.contains("") && !STOP_WORDS.contains("theory"));
    }

    #[test]
    fn markers_close_the_article() {
        assert_eq!(judge("التعليقات").end_marker, Some(Marker::Hard));
        assert_eq!(judge("كلمات مفتاحية").end_marker, Some(Marker::Hard));
        assert_eq!(judge("إقرأ أيضاً").end_marker, Some(Marker::Soft));
        assert_eq!(judge("Related articles").end_marker, Some(Marker::Hard));
        assert_eq!(judge("شارك المقاتلون في المعارك").end_marker, None);
    }

    #[test]
    fn body_is_the_largest_cluster_before_the_comments() {
        let lines = [
            "الرئيسية",
            "أخبار",
            "قال وزير الخارجية إن بلاده مستعدة لاستضافة المحادثات بين الطرفين في أقرب وقت ممكن.",
            "وأضاف أن الهدف هو وقف القتال، وتبادل الأسرى وجثث الجنود القتلى على وجه الخصوص.",
            "قصير.",
            "ولم يصدر رد فعل فوري عن الطرف الآخر، ولم يتضح ما إذا كان الزعيمان قد قبلا الدعوة.",
            "التعليقات",
            "هذا تعليق طويل من أحد القراء يقول فيه إن الحرب يجب أن تتوقف فوراً وأن على الجميع أن يتحلوا بالحكمة.",
        ];
        let infos: Vec<LineInfo> = lines.iter().map(|l| judge(l)).collect();
        assert_eq!(select_body(&infos), vec![2, 3, 4, 5]);
    }
}
