use rstest::rstest;

use super::*;

fn claims(p: &str) -> Vec<(String, Option<String>, Stance, String)> {
    let f = Folded::new(p);
    find_claims(&f, &sentences(p))
        .into_iter()
        .map(|c| {
            (
                p[c.cue.clone()].to_string(),
                c.claimant.map(|r| p[r].to_string()),
                c.stance,
                p[c.content].to_string(),
            )
        })
        .collect()
}

#[rstest]
#[case::vso(
    "وقالت الرئاسة الروسية في بيان إن الوضع خطير.",
    "وقالت",
    Some("الرئاسة الروسية"),
    Stance::States,
    "الوضع خطير."
)]
#[case::vso_ministry(
    "قالت وزارة الدفاع الأرمينية إنها دمرت 137 دبابة",
    "قالت",
    Some("وزارة الدفاع الأرمينية"),
    Stance::States,
    "دمرت 137 دبابة"
)]
#[case::source_glued(
    "ووفقاً لمركز الإعلام الموحد التابع للحكومة الأرمينية، فقد بلغ إجمالي الخسائر 3754 عسكرياً.",
    "ووفقاً",
    Some("لمركز الإعلام الموحد التابع للحكومة الأرمينية"),
    Stance::States,
    "فقد بلغ إجمالي الخسائر 3754 عسكرياً."
)]
#[case::source_tatweel(
    "وبحسب وزارة الدفاع الأرمنية، فإن قره باغ تعرضت لهجمات",
    "وبحسب",
    Some("وزارة الدفاع الأرمنية"),
    Stance::States,
    "قره باغ تعرضت لهجمات"
)]
#[case::svo(
    "لكن وزارة الدفاع في أذربيجان نفت صباح أمس، صحة الخبر",
    "نفت",
    Some("وزارة الدفاع في أذربيجان"),
    Stance::Denies,
    "صباح أمس، صحة الخبر"
)]
#[case::accuses(
    "واتهمت أرمينيا أذربيجان أمس الخميس بقصف كاتدرائية",
    "واتهمت",
    Some("أرمينيا"),
    Stance::Accuses,
    "أذربيجان أمس الخميس بقصف كاتدرائية"
)]
#[case::affirms(
    "في حين أكدت تركيا وقوفها إلى جانب أذربيجان",
    "أكدت",
    Some("تركيا"),
    Stance::Affirms,
    "وقوفها إلى جانب أذربيجان"
)]
#[case::distances(
    "يزعم المسؤولون الأرمن أن تركيا متورطة",
    "يزعم",
    Some("المسؤولون الأرمن"),
    Stance::Distances,
    "تركيا متورطة"
)]
#[case::no_subject(
    "وأضافت أن الرئيسين مستعدان",
    "وأضافت",
    None,
    Stance::States,
    "الرئيسين مستعدان"
)]
#[case::future(
    "وتوقع البنك المركزي أن يتراجع التضخم",
    "وتوقع",
    Some("البنك المركزي"),
    Stance::Future,
    "يتراجع التضخم"
)]
#[case::probable(
    "ورجحت مصادر طبية ارتفاع عدد الوفيات",
    "ورجحت",
    Some("مصادر طبية"),
    Stance::Probable,
    "ارتفاع عدد الوفيات"
)]
fn cue_claimant_stance_content(
    #[case] p: &str,
    #[case] cue: &str,
    #[case] claimant: Option<&str>,
    #[case] stance: Stance,
    #[case] content: &str,
) {
    let found = claims(p);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, cue);
    assert_eq!(found[0].1.as_deref(), claimant);
    assert_eq!(found[0].2, stance);
    assert_eq!(found[0].3, content);
}

#[test]
fn cue_at_the_end_credits_what_came_before() {
    let p = "ودعا الرئيسان إلى وقف تام للقتال، كما أعلن الكرملين.";
    let found = claims(p);
    let last = found.last().expect("a claim");
    assert_eq!(last.0, "أعلن");
    assert_eq!(last.1.as_deref(), Some("الكرملين"));
    assert!(last.3.starts_with("ودعا الرئيسان"), "{last:?}");
}

#[test]
fn source_with_verb_after_ma() {
    let p = "دعا بوتين الوزيرين إلى موسكو، بحسب ما أعلن الكرملين مساء الخميس.";
    let found = claims(p);
    let by = found
        .iter()
        .find(|c| c.0.starts_with("بحسب"))
        .expect("source cue");
    assert_eq!(by.1.as_deref(), Some("الكرملين"));
}

#[test]
fn denial_of_reports_is_two_linked_claims() {
    let p = "لكن وزارة الدفاع في أذربيجان نفت صباح أمس، صحة التقارير الأرمينية، وقالت إن قواتها لم تتكبد أي خسائر.";
    let f = Folded::new(p);
    let found = find_claims(&f, &sentences(p));
    let denial = found
        .iter()
        .position(|c| c.stance == Stance::Denies)
        .expect("denial");
    let reports = found[denial].denies.expect("linked reports claim");
    assert!(found[reports].reported);
    assert_eq!(
        &p[found[reports].claimant.clone().expect("reports")],
        "التقارير الأرمينية"
    );
    assert_eq!(found[reports].stance, Stance::States);
    // «وقالت إن …» is its own claim, with no claimant named in it.
    let said = found
        .iter()
        .find(|c| &p[c.cue.clone()] == "وقالت")
        .expect("second claim");
    assert!(said.claimant.is_none());
}

#[test]
fn participle_continues_the_claim() {
    let p = "وقالت الوزارة إن قواتها تتقدم، مضيفة أن العدو انسحب.";
    let found = claims(p);
    assert_eq!(found.len(), 2);
    assert_eq!(found[1].0, "مضيفة");
    assert_eq!(found[1].1, None);
    assert_eq!(found[0].3, "قواتها تتقدم");
}

#[rstest]
#[case::no_cue("تواصلت المعارك لليوم الخامس على التوالي.")]
#[case::fa_hasb("وهذا ليس كل شيء فحسب بل أكثر.")]
#[case::nouns("وتبادل الجانبان الاتهامات بانتهاك القوانين.")]
fn no_claim(#[case] p: &str) {
    assert!(claims(p).is_empty(), "{:?}", claims(p));
}

#[test]
fn hedge_is_a_second_probable_claim() {
    assert_eq!(
        claims("وهناك، على الأرجح، خسائر كبيرة.")[0].2,
        Stance::Probable
    );
    let p = "وقالت الوزارة إن العدو خسر دبابات، وهناك، على الأرجح، خسائر بشرية.";
    let stances: Vec<Stance> = claims(p).iter().map(|c| c.2).collect();
    assert_eq!(stances, [Stance::States, Stance::Probable]);
}

#[test]
fn sentences_split_on_stops_not_on_decimals_or_initials() {
    let s = "بلغ النمو 3.5 في المئة. وقال أ.ف.ب إن ذلك صحيح؟ نعم";
    let got: Vec<&str> = sentences(s).into_iter().map(|r| &s[r]).collect();
    assert_eq!(
        got,
        ["بلغ النمو 3.5 في المئة.", "وقال أ.ف.ب إن ذلك صحيح؟", "نعم"]
    );
}

#[rstest]
#[case::comma(
    "وقال المدير العام للديوان، منير بن سالم، في تصريح لوكالة الأنباء، إن العائدات بلغت 4.2 مليار دينار.",
    "منير بن سالم"
)]
#[case::title(
    "وقالت الدكتورة هبة سليمان، عضو المركز الإعلامي بالهيئة، إن درجات الحرارة ستنخفض.",
    "هبة سليمان"
)]
#[case::nationality(
    "وقال مدرب الرجاء، البرتغالي جواو كارفاليو، في الندوة الصحافية إن فريقه استحق الفوز.",
    "جواو كارفاليو"
)]
#[case::council(
    "وقال رئيس مجلس مفوضي الهيئة، خالد العبادي، في مؤتمر صحافي، إن النسبة ارتفعت.",
    "خالد العبادي"
)]
fn person_in_apposition_is_the_claimant(#[case] p: &str, #[case] person: &str) {
    assert_eq!(claims(p)[0].1.as_deref(), Some(person), "{:?}", claims(p));
}

#[rstest]
#[case::verb_after_comma(
    "ووفقًا لجيش الإقليم، فقد قُتل 350 من جنوده منذ 27 سبتمبر.",
    "لجيش الإقليم"
)]
#[case::time_after_comma("وقال الرئيس، أمس الخميس، إن الوضع مستقر.", "الرئيس")]
fn no_apposition(#[case] p: &str, #[case] claimant: &str) {
    assert_eq!(claims(p)[0].1.as_deref(), Some(claimant), "{:?}", claims(p));
}

#[rstest]
#[case::object_after_adjective(
    "ونفت وزارة الدفاع الأذربيجانية الهجوم على الكاتدرائية.",
    Some("وزارة الدفاع الأذربيجانية")
)]
#[case::indefinite_adjective_then_object(
    "اتهم مسؤولون أذربيجانيون القوات الأرمينية بمهاجمة قراهم.",
    Some("مسؤولون أذربيجانيون")
)]
#[case::pronoun_subject("ودعمت تركيا أذربيجان، لكنها نفت إرسال مقاتلين إلى المنطقة.", None)]
fn the_object_is_not_the_claimant(#[case] p: &str, #[case] claimant: Option<&str>) {
    assert_eq!(claims(p)[0].1.as_deref(), claimant, "{:?}", claims(p));
}

#[rstest]
#[case::kull_min("دعت كل من روسيا والولايات المتحدة وفرنسا إلى ضبط النفس.", "روسيا")]
#[case::relative(
    "وأشارت إلى ذلك، حسب البيان الأرميني الذي نقلته وسائل إعلام تركية.",
    "البيان الأرميني"
)]
#[case::media(
    "في حين قالت وسائل إعلام أرمينية إن يريفان تتوجه رسمياً إلى روسيا.",
    "وسائل إعلام أرمينية"
)]
fn claimant_phrase_bounds(#[case] p: &str, #[case] claimant: &str) {
    let found = claims(p);
    assert_eq!(
        found.last().and_then(|c| c.1.as_deref()),
        Some(claimant),
        "{found:?}"
    );
}

#[test]
fn cues_inside_quotes_are_quoted_not_claimed() {
    let p = "وقالت الرئاسة الروسية في بيان إن “فلاديمير بوتين وإيمانويل ماكرون دعَوا طرفي النزاع إلى وقف تام لإطلاق النار”.";
    let found = claims(p);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1.as_deref(), Some("الرئاسة الروسية"));
}

#[test]
fn reports_claim_holds_what_the_reports_say() {
    let p = "ونفت الوزارة صحة التقارير الأرمينية عن مقتل 300 جندي.";
    let found = claims(p);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(found[1].3, "عن مقتل 300 جندي.");
    assert_eq!(found[0].3, "صحة التقارير الأرمينية عن مقتل 300 جندي.");
}

#[test]
fn two_claims_in_one_sentence_have_an_extent_each() {
    let p = "قال الرئيس الروسي فلاديمير بوتين إنه يسعى إلى إنهاء القتال، في حين أكدت تركيا وقوفها الدائم إلى جانب أذربيجان.";
    let facts = crate::core::facts::extract(&[p.to_string()], None);
    assert_eq!(facts.claims.len(), 2, "{:#?}", facts.claims);
    let text = |s: crate::core::facts::Span| {
        p.chars()
            .skip(s.start)
            .take(s.end - s.start)
            .collect::<String>()
    };
    let (a, b) = (facts.claims[0].extent(), facts.claims[1].extent());
    // The same sentence, two different stretches of it, each holding its claim's content.
    assert_eq!(facts.claims[0].span, facts.claims[1].span);
    assert!(a.end <= b.start, "{a:?} {b:?}");
    assert!(
        text(a).starts_with("قال") && text(a).contains("إنهاء القتال"),
        "{}",
        text(a)
    );
    assert!(
        text(b).starts_with("أكدت تركيا") && text(b).contains("جانب أذربيجان"),
        "{}",
        text(b)
    );
}
