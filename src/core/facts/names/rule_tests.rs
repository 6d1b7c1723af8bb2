//! Tests of the rules beyond the lists: institutions with a «لـ» part, a weak head or a
//! conjunct, facilities named with their place word, spellings told apart by a shadda or a
//! tanwin, countries read as adjectives, and people found without a title.

use rstest::rstest;

use super::tests::names;
use super::*;
use NameKind::{Organization as Org, Person, Place};

fn hit(text: &str, kind: NameKind, canonical: &str) -> (String, NameKind, String) {
    (text.to_string(), kind, canonical.to_string())
}

#[rstest]
#[case::definite_head_of_part(
    "أعلنت الهيئة الوطنية للانتخابات أن",
    "الهيئة الوطنية للانتخابات",
    "الهيئة الوطنية للانتخابات"
)]
#[case::nationality_then_of_part(
    "وقالت الشركة السعودية للكهرباء إن",
    "الشركة السعودية للكهرباء",
    "الشركة السعودية للكهرباء"
)]
#[case::construct_noun("وأعلنت هيئة ميناء دمياط إغلاق", "هيئة ميناء دمياط", "هيئة ميناء دمياط")]
#[case::ministry_with_conjunct(
    "أعلنت وزارة الحج والعمرة أن",
    "وزارة الحج والعمرة",
    "وزارة الحج والعمرة"
)]
#[case::weak_head_two_words(
    "بحسب مركز الأبحاث الزراعية في",
    "مركز الأبحاث الزراعية",
    "مركز الأبحاث الزراعية"
)]
#[case::named_head_in_city(
    "وقالت دائرة الطيران المدني في دبي إن",
    "دائرة الطيران المدني في دبي",
    "دائرة الطيران المدني في دبي"
)]
#[case::prosecution_alone("وكانت النيابة العامة قد اتهمت", "النيابة العامة", "النيابة العامة")]
#[case::country_adjective_normalised(
    "أعلنت وزارة الصحة العامة في لبنان أمس",
    "وزارة الصحة العامة في لبنان",
    "وزارة الصحة العامة اللبنانية"
)]
fn institutions(#[case] text: &str, #[case] span: &str, #[case] canonical: &str) {
    assert!(
        names(text).contains(&hit(span, Org, canonical)),
        "{text}: {:?}",
        names(text)
    );
}

#[rstest]
#[case::object_after_definite_head("ودعت الهيئة المواطنين إلى الابتعاد عن الشواطئ")]
#[case::one_word_after_weak_head("انتظر أمام مركز الاستلام في القامشلي")]
fn no_institution(#[case] text: &str) {
    assert!(
        names(text).iter().all(|(_, k, _)| *k != Org),
        "{text}: {:?}",
        names(text)
    );
}

#[test]
fn institution_stops_where_its_name_does() {
    assert_eq!(
        names("وقالت وزارة الدفاع للصحفيين"),
        [hit("وزارة الدفاع", Org, "وزارة الدفاع")]
    );
    assert_eq!(
        names("وقررت وزارة التربية والتعليم تعطيل الدراسة"),
        [hit("وزارة التربية والتعليم", Org, "وزارة التربية والتعليم")]
    );
    // A head after «و» starts the next name.
    assert_eq!(
        names("وزارة الدفاع والقوات المسلحة الأرمنية")[0],
        hit("وزارة الدفاع", Org, "وزارة الدفاع")
    );
}

#[rstest]
#[case::dam("وتراجع منسوب سد الموصل إلى", "سد الموصل", "سد الموصل")]
#[case::airport("استقبل مطار دبي الدولي نحو", "مطار دبي الدولي", "مطار دبي الدولي")]
#[case::mountain("في محافظة جبل لبنان", "جبل لبنان", "جبل لبنان")]
#[case::stadium(
    "على ملعب محمد الخامس بالدار البيضاء",
    "ملعب محمد الخامس",
    "ملعب محمد الخامس"
)]
#[case::prefix_after_preposition("تهبط الصغرى في سانت كاترين إلى", "سانت كاترين", "سانت كاترين")]
#[case::dual_list("في مدارس محافظتي الإسكندرية والبحيرة يوم", "البحيرة", "البحيرة")]
fn places_with_their_words(#[case] text: &str, #[case] span: &str, #[case] canonical: &str) {
    assert!(
        names(text).contains(&hit(span, Place, canonical)),
        "{text}: {:?}",
        names(text)
    );
}

#[test]
fn shadda_tells_amman_from_oman() {
    let amman = Folded::new("في مؤتمر صحافي في عمّان");
    let found = find_names(&amman);
    assert_eq!(found[0].canonical, "عمّان");
    assert_eq!(found[0].country, Some("الأردن"));
    assert_eq!(names("زار سلطان عمان"), [hit("عمان", Place, "عُمان")]);
}

#[test]
fn countries_spelled_as_adjectives() {
    assert!(names("قتلت 49 جندياً أرمينياً").is_empty());
    assert!(names("بسعر 5500 ليرة سورية").is_empty());
    assert!(names("ارتفع مؤشر الأسهم السعودية").is_empty());
    assert_eq!(names("عاد إلى سورية"), [hit("سورية", Place, "سوريا")]);
    assert_eq!(
        names("بين الإمارات والسعودية"),
        [
            hit("الإمارات", Place, "الإمارات"),
            hit("السعودية", Place, "السعودية")
        ]
    );
}

#[rstest]
#[case::given_and_nisba("وعادل البديل أنس الزياني النتيجة", "أنس الزياني")]
#[case::apposition_after_comma("وقال المتحدث باسم الوزارة، علي راضي، إن", "علي راضي")]
#[case::title_after_the_name("وقالت الدكتورة هبة سليمان، عضو المركز، إن", "هبة سليمان")]
#[case::title_words_up_to_comma("وقال رئيس مجلس مفوضي الهيئة، خالد العبادي، إن", "خالد العبادي")]
#[case::nationality_after_comma("وقال مدرب الفريق، البرتغالي جواو كارفاليو، إن", "جواو كارفاليو")]
#[case::surname_like_a_title("أكد رئيس الاتحاد، محمود الشيخ، أن", "محمود الشيخ")]
fn people_without_a_list(#[case] text: &str, #[case] person: &str) {
    assert!(
        names(text).contains(&hit(person, Person, person)),
        "{text}: {:?}",
        names(text)
    );
}

#[test]
fn the_preposition_ala_is_no_name() {
    assert!(names("وقع على الأرض").is_empty());
    assert!(names("حافظ على العقد الأصلي").is_empty());
}

#[test]
fn ordinary_name_beside_a_name_of_its_kind() {
    assert_eq!(
        names("في مباراة الرجاء والجيش الملكي"),
        [
            hit("الرجاء", Org, "الرجاء الرياضي"),
            hit("الجيش الملكي", Org, "الجيش الملكي")
        ]
    );
    assert!(names("الرجاء عدم الاقتراب").is_empty());
}

/// The names of the paragraphs of one article, each read after the ones before it.
fn article(paragraphs: &[&str]) -> Vec<Vec<(String, NameKind, String)>> {
    let mut earlier = Vec::new();
    let mut out = Vec::new();
    for p in paragraphs {
        let f = Folded::new(p);
        let found = find_names_after(&f, &earlier);
        out.push(
            found
                .iter()
                .map(|h| (p[h.range.clone()].to_string(), h.kind, h.canonical.clone()))
                .collect(),
        );
        earlier.extend(found);
    }
    out
}

#[test]
fn family_name_alone_after_the_full_name() {
    let found = article(&[
        "وقال المتحدث باسم الوزارة، علي راضي، إن المياه تراجعت.",
        "وأوضح راضي أن الموسم صعب، وقال لحداد إن",
    ]);
    assert_eq!(found[1], [hit("راضي", Person, "علي راضي")]);
    // Without the first paragraph «راضي» is a word like any other.
    assert!(names("وأوضح راضي أن الموسم صعب").is_empty());
}

#[test]
fn family_name_with_its_glue() {
    let found = article(&[
        "وقال المدير العام للديوان، منير بن سالم، إن العائدات ارتفعت.",
        "وتوقع بن سالم أن يتواصل النمو.",
    ]);
    assert_eq!(found[1], [hit("بن سالم", Person, "منير بن سالم")]);
}

#[test]
fn a_title_is_no_family_name() {
    let found = article(&[
        "أكد رئيس الاتحاد، محمود الشيخ، أن الفلاحين تضرروا.",
        "واستقبل الشيخ الوفد في مكتبه.",
    ]);
    assert!(found[1].is_empty(), "{:?}", found[1]);
}

#[test]
fn ordinary_name_once_the_article_named_it() {
    let found = article(&["فاز الرجاء الرياضي على ضيفه.", "وسجل الرجاء هدفاً ثانياً."]);
    assert_eq!(found[1], [hit("الرجاء", Org, "الرجاء الرياضي")]);
    assert!(names("وسجل الرجاء هدفاً ثانياً.").is_empty());
}
