//! Tables of the numbers that are not quantities (dates, years, times, ordinals, labels,
//! designations, phones, links, page counters, scores, dual constructs, idioms), one row
//! each, and the properties of a paragraph's hits (dates skipped, order, no overlap).

use rstest::rstest;

use super::find_quantities;
use super::tests::hits;
use crate::core::facts::folded::Folded;

#[rstest]
// dates and years
#[case("وبدأت الاشتباكات في 27 سبتمبر/أيلول الماضي", "27")]
#[case("أرسلت قوات إلى المنطقة عام 2020، في إطار اتفاق", "2020")]
#[case("منذ اندلاع الحرب في 2020، واستمرت", "2020")]
#[case("وفي سياق المواجهة المسلحة بين 1992 - 1994، فقدت", "1994")]
#[case("الموافق 14 صفر 1442هـ", "1442")]
#[case("في إطار رؤية 2030 للتنمية", "2030")]
#[case("للعام المالي 2023-2024 المقبل", "2024")]
#[case("أقرت الحكومة في شباط/فبراير 2025 تعديلات على القانون", "2025")]
#[case("قبل استضافة نهضة بركان في 28 من الشهر نفسه", "28")]
#[case("أحالت 96 بلاغاً خلال 2024 وحده", "2024")]
#[case(
    "the airport handled record traffic in 2023 after the pandemic",
    "2023"
)]
// times
#[case("الخميس 08 أكتوبر 2020, 03:53 مساء", "53")]
#[case("وصلت الطائرة عند الساعة 10:30 صباحاً", "10")]
#[case("يبدأ الاجتماع الساعة 10 صباحاً", "10")]
// ordinals and labels
#[case("أكثر مطارات العالم ازدحاماً للعام الحادي عشر على التوالي", "عشر")]
#[case("تواصلت لليوم الخامس على التوالي المعارك", "الخامس")]
#[case("وحل في المرتبة الـ5 عالمياً", "5")]
#[case("في القضية رقم 245 لسنة 2023", "245")]
#[case("وفق المادة 17 من قانون العقوبات", "17")]
#[case("وفي الجولة 12 من الدوري تعادل الفريقان", "12")]
#[case("وسجل هدفاً في الدقيقة 90 من المباراة", "90")]
#[case("بقيادة الفرقة 4 في الجيش", "4")]
// designations
#[case("منظومة صاروخية من طراز «إس - 300».", "300")]
#[case("نظام دفاع جوي واحد من طراز أس-300 روسي الصنع", "300")]
#[case("طائرات من دون طيار، من طراز بيرقدار تي بي 2، حسب البيان", "2")]
#[case("وحلقت مقاتلات F-16 فوق المدينة", "16")]
#[case("وحلقت مقاتلات إف 35 فوق المدينة", "35")]
#[case("طائرة إيرباص A320 تابعة للشركة", "320")]
#[case("تفشي فيروس كوفيد-19 في البلاد", "19")]
#[case("شبكات الجيل 5G في المدن", "5")]
#[case("ووصلت طائرة من طراز بوينغ 737 تقل ركاباً", "737")]
#[case("the new Boeing 777 fleet", "777")]
// phones, links, page furniture, scores, list markers
#[case("للاستفسار اتصل على الرقم 0123456789", "0123456789")]
#[case("اتصل على +97150123456 للحجز", "97150123456")]
#[case("هاتف: 22 33 44 55 للطوارئ", "33")]
#[case("زوروا الموقع www.example.com/page2020 للمزيد", "2020")]
#[case("مشاهدة :45926 الجمعة", "45926")]
#[case("فاز المنتخب بنتيجة 2-1 على ضيفه", "1")]
#[case("تعادل الفريقان 1-1 في الشوط الأول", "1")]
#[case("1. تقديم الطلب إلى اللجنة", "1")]
// dual constructs, definite duals, adjectives, pronouns
#[case("دعوا طرفي النزاع إلى وقف تام لإطلاق النار", "طرفي")]
#[case("دعا بوتين وزيري خارجية كل من أرمينيا وأذربيجان", "وزيري")]
#[case("تبادل الجانبين الاتهامات", "الجانبين")]
#[case("استخدام العنف بين البلدين", "البلدين")]
#[case("وأضافت أن الرئيسين مستعدان لاعتماد بيان", "الرئيسين")]
#[case("قال فلاديمير بوتين إنه يسعى", "بوتين")]
#[case("لا خطط لعقد قمة ثلاثية روسية", "ثلاثية")]
#[case("أوكرانيا تؤكد استهدافها مصفاتي نفط روسيتين", "روسيتين")]
#[case("قرارات قمة العشرين في الرياض", "العشرين")]
#[case("ويعد واحداً من أكبر المصانع", "واحد")]
#[case("وكان سجن واحد من السجون المكتظة", "واحد")]
#[case("وهي مدينة واحدة منها", "واحدة")]
#[case("وصوت المجلس مرة واحدة على القرار", "واحدة")]
#[case("وقعت الانفجارات في آن واحد", "واحد")]
#[case("ويجتمع المجلس يوم الاثنين المقبل", "الاثنين")]
#[case("لست أدري ما حدث", "لست")]
fn not_a_quantity(#[case] text: &str, #[case] needle: &str) {
    let at = text.find(needle).expect("needle in text");
    let span = at..at + needle.len();
    for h in hits(text) {
        let overlaps = h.number_range.start < span.end && span.start < h.number_range.end;
        assert!(
            !overlaps,
            "«{}» read as a quantity in «{text}»",
            &text[h.range.clone()]
        );
    }
}

#[test]
fn numbers_inside_skipped_ranges_are_dates() {
    let text = "قتل 12 شخصاً يوم 5 مايو، وأصيب 30 آخرون";
    let at = text.find("5 مايو").expect("date");
    let f = Folded::new(text);
    let date = at..at + "5 مايو".len();
    let found = find_quantities(&f, std::slice::from_ref(&date));
    let values: Vec<f64> = found.iter().map(|h| h.value).collect();
    assert_eq!(values, [12.0, 30.0]);
}

#[test]
fn a_seed_paragraph_reads_whole() {
    let text = "ووفقاً لمركز الإعلام الموحد التابع للحكومة الأرمينية، فقد بلغ إجمالي خسائر قوات \
                أذربيجان جراء الجولة الجديدة من التصعيد في قره باغ حتى مساء أمس 3754 عسكرياً، \
                و416 دبابة، وأربع راجمات صواريخ، و17 طائرة حربية، و16 مروحية، و127 طائرة مسيرة.";
    let found: Vec<(f64, Option<String>)> =
        hits(text).into_iter().map(|h| (h.value, h.unit)).collect();
    let expected = [
        (3754.0, "عسكري"),
        (416.0, "دبابة"),
        (4.0, "راجمة"),
        (17.0, "طائرة حربية"),
        (16.0, "مروحية"),
        (127.0, "طائرة مسيرة"),
    ];
    let expected: Vec<(f64, Option<String>)> = expected
        .iter()
        .map(|(v, u)| (*v, Some(u.to_string())))
        .collect();
    assert_eq!(found, expected);
}

#[test]
fn hits_are_sorted_and_apart() {
    let text = "قتل نحو 200 شخص وأصيب أكثر من 300 آخرين، ودمرت 5 منازل ودبابتين وعشرات السيارات";
    let found = hits(text);
    assert_eq!(found.len(), 5, "{found:?}");
    for pair in found.windows(2) {
        assert!(pair[0].range.end <= pair[1].range.start);
    }
}

/// Words the rules react to, to build sentences that exercise them.
const PIECES: &[&str] = &[
    "نحو",
    "أكثر",
    "من",
    "ألف",
    "آلاف",
    "مليون",
    "ونصف",
    "المليون",
    "و",
    "عشرات",
    "واحد",
    "اثنين",
    "طائرتين",
    "مروحيتين",
    "دبابة",
    "الدبابات",
    "عسكرياً",
    "عام",
    "2020",
    "1,5",
    "٣٫٥",
    "١٬٢٣٤",
    "5",
    "12",
    "300",
    "-",
    "%",
    "٪",
    "في",
    "المئة",
    "الـ",
    "إس",
    "تحت",
    "الصفر",
    "حتى",
    "ما",
    "يصل",
    "إلى",
    "الأيام",
    "الأربعة",
    "ثلاثة",
    "عشر",
    "خمسة",
    "وعشرون",
    "مئة",
    "ملايير",
    "درجتين",
    "بين",
    "03:53",
    "F-16",
    "على",
    "الأقل",
    "£",
    "$",
];

proptest::proptest! {
    /// Sentences made of the words the rules react to: the same guarantees.
    #[test]
    fn rule_words_give_well_formed_hits(
        picks in proptest::collection::vec((0..PIECES.len(), 0..4usize), 0..24)
    ) {
        let mut text = String::new();
        for (w, sep) in picks {
            text.push_str(PIECES[w]);
            text.push_str([" ", "", "، ", " - "][sep]);
        }
        let found = hits(&text);
        let mut last = 0;
        for h in &found {
            proptest::prop_assert!(h.range.start >= last && h.range.start <= h.range.end);
            proptest::prop_assert!(h.number_range.start >= h.range.start && h.number_range.end <= h.range.end);
            proptest::prop_assert!(h.value.is_finite());
            last = h.range.end;
        }
    }

    /// Any text: no panic, hits in order, apart, on character boundaries, inside the text.
    #[test]
    fn any_text_gives_well_formed_hits(text in "[ \u{0600}-\u{06FF}0-9a-zA-Z%٪.,،:/ـ\u{064B}-\u{0652}-]{0,80}") {
        let found = hits(&text);
        let mut last = 0;
        for h in &found {
            proptest::prop_assert!(h.range.start >= last && h.range.start <= h.range.end);
            proptest::prop_assert!(h.range.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(h.range.start) && text.is_char_boundary(h.range.end));
            proptest::prop_assert!(h.number_range.start >= h.range.start && h.number_range.end <= h.range.end);
            proptest::prop_assert!(h.value.is_finite());
            last = h.range.end;
        }
    }
}
