//! Tables of quantity forms (value, approximation, unit and the matched text) and of the
//! numbers that are not quantities, one row each, in the conventions of
//! `tests/data/facts/README.md`.

use rstest::rstest;

use super::{QuantityHit, find_quantities};
use crate::core::facts::Approx::{self, *};
use crate::core::facts::folded::Folded;

pub(super) fn hits(text: &str) -> Vec<QuantityHit> {
    find_quantities(&Folded::new(text), &[])
}

/// The hit whose phrase is exactly `matched`, failing with everything found otherwise.
fn hit_for(text: &str, matched: &str) -> QuantityHit {
    let all = hits(text);
    all.iter()
        .find(|h| &text[h.range.clone()] == matched)
        .cloned()
        .unwrap_or_else(|| {
            let found: Vec<&str> = all.iter().map(|h| &text[h.range.clone()]).collect();
            panic!("«{matched}» not found in «{text}»; found {found:?}")
        })
}

#[rstest]
#[rustfmt::skip] // one row a case reads as a table
// digits, the three digit sets and their separators
#[case("بلغت الخسائر 416 دبابة حتى الآن", "416 دبابة", 416.0, Exact, Some("دبابة"))]
#[case("سجلت الوزارة ١٬٢٣٤ إصابة أمس", "١٬٢٣٤ إصابة", 1234.0, Exact, Some("إصابة"))]
#[case("وقتل ۱۲ شخصاً في الهجوم", "۱۲ شخصاً", 12.0, Exact, Some("شخص"))]
#[case("ارتفع إلى 1,234,567 دولاراً", "1,234,567 دولاراً", 1_234_567.0, Exact, Some("دولار"))]
#[case("بلغ حجم التداول 2 500 000 درهم", "2 500 000 درهم", 2_500_000.0, Exact, Some("درهم"))]
#[case("زلزال بقوة 6.5 درجة قبالة السواحل", "6.5 درجة", 6.5, Exact, Some("درجة"))]
#[case("وانخفضت الحرارة إلى -5 درجات ليلاً", "-5 درجات", -5.0, Exact, Some("درجة"))]
// scale words
#[case("تضرر 400 ألف نسمة من الفيضانات", "400 ألف نسمة", 400_000.0, Exact, Some("نسمة"))]
#[case("قدرت الخسائر بـ 2.5 مليار ليرة", "2.5 مليار ليرة", 2.5e9, Exact, Some("ليرة"))]
#[case("تلقى 3 ملايين شخص اللقاح", "3 ملايين شخص", 3e6, Exact, Some("شخص"))]
#[case("باعت الشركة مليار و200 مليون سهم", "مليار و200 مليون سهم", 1.2e9, Exact, Some("سهم"))]
#[case("وبلغ عدد السكان 1.2 مليون نسمة", "1.2 مليون نسمة", 1.2e6, Exact, Some("نسمة"))]
// number words, both genders, clitics, compounds
#[case("وأطلقت أربع راجمات صواريخ", "أربع راجمات", 4.0, Exact, Some("راجمة"))]
#[case("برئاسة ثلاثة رؤساء مشاركين", "ثلاثة رؤساء", 3.0, Exact, Some("رئيس"))]
#[case("فقدت سيطرتها على قره باغ وسبع مناطق مجاورة", "سبع مناطق مجاورة", 7.0, Exact, Some("منطقة مجاورة"))]
#[case("قتل ثلاثة عشر مدنيا في القصف", "ثلاثة عشر مدنيا", 13.0, Exact, Some("مدني"))]
#[case("وتأهل إحدى عشرة دولة إلى النهائيات", "إحدى عشرة دولة", 11.0, Exact, Some("دولة"))]
#[case("أصيب خمسة وعشرون شخصاً بجروح", "خمسة وعشرون شخصاً", 25.0, Exact, Some("شخص"))]
#[case("نزحت مئة وخمسون عائلة من القرية", "مئة وخمسون عائلة", 150.0, Exact, Some("عائلة"))]
#[case("تجاوزت الاستثمارات ثلاثمائة مليون يورو", "ثلاثمائة مليون يورو", 3e8, Exact, Some("يورو"))]
#[case("ونشر ثلاثة آلاف جندي على الحدود", "ثلاثة آلاف جندي", 3000.0, Exact, Some("جندي"))]
#[case("وفرت ألف وخمسمائة فرصة عمل", "ألف وخمسمائة فرصة", 1500.0, Exact, Some("فرصة"))]
#[case("وصل أكثر من ألفي سائح يومياً", "أكثر من ألفي سائح", 2000.0, MoreThan, Some("سائح"))]
#[case("يعاني نصف مليون طفل من الجوع", "نصف مليون طفل", 500_000.0, Exact, Some("طفل"))]
#[case("ودمر نظام دفاع جوي واحد", "نظام دفاع جوي واحد", 1.0, Exact, Some("نظام"))]
#[case("خلال الأيام الأربعة لاندلاع الاشتباكات", "الأيام الأربعة", 4.0, Exact, Some("يوم"))]
// percent
#[case("ارتفع التضخم إلى 35.7% في فبراير", "35.7%", 35.7, Exact, Some("%"))]
#[case("تجاوزت نسبة التطعيم ٦٧٫٥٪ من السكان", "٦٧٫٥٪", 67.5, Exact, Some("%"))]
#[case("وتراجع المؤشر 2.3 في المائة أمس", "2.3 في المائة", 2.3, Exact, Some("%"))]
#[case("حصل على 22 بالمئة من الأصوات", "22 بالمئة", 22.0, Exact, Some("%"))]
#[case("ارتفعت البورصة بنسبة 1,5 بالمائة", "1,5 بالمائة", 1.5, Exact, Some("%"))]
#[case("أغلقت حوالى 60 % من المدارس", "حوالى 60 %", 60.0, About, Some("%"))]
// vague plurals
#[case("كما قتل عشرات المدنيين من الجانبين", "عشرات المدنيين", 20.0, AtLeast, Some("مدني"))]
#[case("وأسفر القتال عن مقتل مئات الأشخاص", "مئات الأشخاص", 200.0, AtLeast, Some("شخص"))]
#[case("أرسلت روسيا ألوفاً من قوات حفظ السلام", "ألوفاً من قوات", 2000.0, AtLeast, Some("قوة"))]
#[case("ودمرت الحرب آلاف المنازل", "آلاف المنازل", 2000.0, AtLeast, Some("منزل"))]
#[case("نزحت عشرات الآلاف من الأسر", "عشرات الآلاف من الأسر", 20_000.0, AtLeast, Some("أسرة"))]
#[case("وشردت الحرب ملايين السوريين", "ملايين السوريين", 2e6, AtLeast, Some("سوري"))]
// approximation and bounds
#[case("تمكنت من تدمير نحو 200 دبابة", "نحو 200 دبابة", 200.0, About, Some("دبابة"))]
#[case("صدرت ما يقارب 800 ألف طن من القمح", "ما يقارب 800 ألف طن", 800_000.0, About, Some("طن"))]
#[case("نشبت منذ قرابة أسبوعين", "قرابة أسبوعين", 2.0, About, Some("أسبوع"))]
#[case("النزاع المستمر منذ أكثر من 30 عامًا", "أكثر من 30 عامًا", 30.0, MoreThan, Some("عام"))]
#[case("ارتفعت الأسعار بأكثر من 20 دولاراً", "أكثر من 20 دولاراً", 20.0, MoreThan, Some("دولار"))]
#[case("يملك ما يزيد على 500 شركة", "ما يزيد على 500 شركة", 500.0, MoreThan, Some("شركة"))]
#[case("استغرق أقل من 10 دقائق", "أقل من 10 دقائق", 10.0, LessThan, Some("دقيقة"))]
#[case("قد تستوعب حتى 50 ألف متفرج", "حتى 50 ألف متفرج", 50_000.0, UpTo, Some("متفرج"))]
#[case("ارتفعت الحصيلة لتصل إلى 50 قتيلاً", "50 قتيلاً", 50.0, Exact, Some("قتيل"))]
#[case("بسرعة ما يصل إلى 120 كيلومتراً", "ما يصل إلى 120 كيلومتراً", 120.0, UpTo, Some("كيلومتر"))]
#[case("استقال ما لا يقل عن 40 معلماً", "ما لا يقل عن 40 معلماً", 40.0, AtLeast, Some("معلم"))]
#[case("ومقتل 3 أشخاص على الأقل", "3 أشخاص على الأقل", 3.0, AtLeast, Some("شخص"))]
#[case("وبلغ عدد الزوار 5000 زائر تقريباً", "5000 زائر تقريباً", 5000.0, About, Some("زائر"))]
// indefinite duals
#[case("أسقط طائرتين مروحيتين وثلاث طائرات", "طائرتين مروحيتين", 2.0, Exact, Some("طائرة مروحية"))]
#[case("في ظل مخاوف من حرب أخرى بعد عامين من المعركة", "عامين", 2.0, Exact, Some("عام"))]
#[case("واستمرت المفاوضات لمدة ساعتين", "ساعتين", 2.0, Exact, Some("ساعة"))]
#[case("دمرت القوات دبابتين قرب الحدود", "دبابتين", 2.0, Exact, Some("دبابة"))]
#[case("سجل اللاعب هدفين في المباراة", "هدفين", 2.0, Exact, Some("هدف"))]
// the counted noun: tanween, من + plural, adjectives, nationalities
#[case("بلغ إجمالي الخسائر 3754 عسكرياً أذربيجانياً", "3754 عسكرياً", 3754.0, Exact, Some("عسكري"))]
#[case("قتل 49 جندياً أرمينياً", "49 جندياً", 49.0, Exact, Some("جندي"))]
#[case("بلغت 250 من الدبابات والآليات", "250 من الدبابات", 250.0, Exact, Some("دبابة"))]
#[case("فقد قتل 350 من جنوده منذ البداية", "350 من جنوده", 350.0, Exact, Some("جندي"))]
#[case("و17 طائرة حربية و16 مروحية", "17 طائرة حربية", 17.0, Exact, Some("طائرة حربية"))]
#[case("ودمرت 127 طائرة مسيرة", "127 طائرة مسيرة", 127.0, Exact, Some("طائرة مسيرة"))]
#[case("وأسقطت ثلاث طائرات مسيرة أذربيجانية", "ثلاث طائرات مسيرة", 3.0, Exact, Some("طائرة مسيرة"))]
#[case("و11 مركز قيادة ورصد", "11 مركز", 11.0, Exact, Some("مركز"))]
#[case("و8 مخازن ذخيرة", "8 مخازن", 8.0, Exact, Some("مخزن"))]
#[case("سجلت 45 درجة مئوية في الرياض", "45 درجة مئوية", 45.0, Exact, Some("درجة مئوية"))]
#[case("بقيمة 300 مليون دولار أمريكي", "300 مليون دولار", 3e8, Exact, Some("دولار"))]
#[case("وتم إنتاج 10.5 مليون برميل يومياً", "10.5 مليون برميل", 10.5e6, Exact, Some("برميل"))]
#[case("وسيطرت القوات على 30 موقعاً عسكرياً", "30 موقعاً عسكرياً", 30.0, Exact, Some("موقع عسكري"))]
#[case("سجلت 1200 إصابة جديدة بالفيروس", "1200 إصابة جديدة", 1200.0, Exact, Some("إصابة جديدة"))]
#[case("وقعت 20 ألف وحدة سكنية", "20 ألف وحدة سكنية", 20_000.0, Exact, Some("وحدة سكنية"))]
#[case("واعتقلت 150 متظاهراً في العاصمة", "150 متظاهراً", 150.0, Exact, Some("متظاهر"))]
#[case("ارتفعت الحصيلة إلى 28 قتيلاً و144 جريحاً", "144 جريحاً", 144.0, Exact, Some("جريح"))]
#[case("ويبلغ عدد القتلى 28 حتى الآن", "القتلى 28", 28.0, Exact, Some("قتيل"))]
#[case("خلال الساعات الـ24 الماضية", "الساعات الـ24", 24.0, Exact, Some("ساعة"))]
#[case("وأصيب 1900 بجروح", "1900", 1900.0, Exact, None)]
#[case("بلغ ثمن السلعة 30 $ فقط", "30", 30.0, Exact, Some("دولار"))]
// more scale forms
#[case("خصصت الحكومة 3 ملايير درهم للفلاحين", "3 ملايير درهم", 3e9, Exact, Some("درهم"))]
#[case("بلغت العائدات نحو ستة آلاف مليون دينار", "نحو ستة آلاف مليون دينار", 6e9, About, Some("دينار"))]
#[case("ارتفع سعر الصرف إلى 89 ألفاً و500 ليرة", "89 ألفاً و500 ليرة", 89_500.0, Exact, Some("ليرة"))]
#[case("وزرعت البلدية ألفي شجرة زيتون", "ألفي شجرة", 2000.0, Exact, Some("شجرة"))]
#[case("وجاء أكثر من مليون ونصف المليون حاج", "أكثر من مليون ونصف المليون حاج", 1.5e6, MoreThan, Some("حاج"))]
#[case("بلغت القيمة تريليونين و300 مليار ريال", "تريليونين و300 مليار ريال", 2.3e12, Exact, Some("ريال"))]
#[case("استقبلت نحو 40 ألفاً من النازحين", "نحو 40 ألفاً من النازحين", 40_000.0, About, Some("نازح"))]
#[case("ويضم 4 مدارس ومستشفى واحداً", "مستشفى واحداً", 1.0, Exact, Some("مستشفى"))]
// signs, ranges and bounds after the noun
#[case("تهبط الصغرى إلى درجتين تحت الصفر", "درجتين تحت الصفر", -2.0, Exact, Some("درجة"))]
#[case("تتراوح الحرارة بين 38 و41 درجة", "38", 38.0, Exact, Some("درجة"))]
#[case("أمطار غزيرة تصل إلى 30 ملليمتراً", "تصل إلى 30 ملليمتراً", 30.0, UpTo, Some("ملليمتر"))]
// the noun before «اثنين», a dual marked by its fatha, plural and dual agreement
#[case("وحكمت على متهمين اثنين بالسجن", "متهمين اثنين", 2.0, Exact, Some("متهم"))]
#[case("وأوقفت موظفَين عن العمل", "موظفَين", 2.0, Exact, Some("موظف"))]
#[case("وشارك مئات الفلاحين في الحملة", "مئات الفلاحين", 200.0, AtLeast, Some("فلاح"))]
#[case("وغاب ثلاثة لاعبين أساسيين", "ثلاثة لاعبين أساسيين", 3.0, Exact, Some("لاعب أساسي"))]
#[case("وأغلقت ثلاثة طرق رئيسية", "ثلاثة طرق رئيسية", 3.0, Exact, Some("طريق رئيسي"))]
#[case("ضبطت كميتين كبيرتين من المخدرات", "كميتين كبيرتين", 2.0, Exact, Some("كمية كبيرة"))]
#[case("وأقر البرلمان ثلاثة تعديلات على القانون", "ثلاثة تعديلات", 3.0, Exact, Some("تعديل"))]
#[case("ورصدت 5 انتهاكات للهدنة", "5 انتهاكات", 5.0, Exact, Some("انتهاك"))]
#[case("وسجلت 4 إصابات جديدة", "4 إصابات جديدة", 4.0, Exact, Some("إصابة جديدة"))]
// English passages of mixed articles
#[case("The airport expects around 96 million passengers next year", "around 96 million passengers", 96e6, About, Some("passenger"))]
#[case("more than 60 million international passengers used it", "more than 60 million international passengers", 60e6, MoreThan, Some("passenger"))]
#[case("arrivals grew 9.3 percent last year", "9.3 percent", 9.3, Exact, Some("%"))]
fn quantity(
    #[case] text: &str,
    #[case] matched: &str,
    #[case] value: f64,
    #[case] approx: Approx,
    #[case] unit: Option<&str>,
) {
    let h = hit_for(text, matched);
    assert!(
        (h.value - value).abs() < 1e-6 * value.abs().max(1.0),
        "{text}: value {}",
        h.value
    );
    assert_eq!(h.approx, approx, "{text}");
    assert_eq!(h.unit.as_deref(), unit, "{text}");
    assert_eq!(h.percent, unit == Some("%"), "{text}");
}

#[rstest]
#[case("بلغ 2.5 مليار ليرة", "2.5 مليار", "ليرة")]
#[case("وأربع راجمات صواريخ", "أربع", "راجمات")]
#[case("بلغت 250 من الدبابات", "250", "من الدبابات")]
#[case("وارتفع إلى ٦٧٫٥٪ أمس", "٦٧٫٥", "٪")]
#[case("أسقط طائرتين مروحيتين", "طائرتين", "طائرتين مروحيتين")]
fn texts_as_written(#[case] text: &str, #[case] value_text: &str, #[case] unit_text: &str) {
    let all = hits(text);
    assert_eq!(all.len(), 1, "{text}: {all:?}");
    assert_eq!(all[0].value_text, value_text);
    assert_eq!(&text[all[0].number_range.clone()], value_text);
    assert_eq!(all[0].unit_text.as_deref(), Some(unit_text));
}
