//! Tests of the name matcher: the seed articles' kinds of mention, clitics, whole words,
//! institutions, triggers, folding, and the lists themselves.

use rstest::rstest;

use super::*;

/// The names of a text: (text as written, kind, canonical).
pub(super) fn names(text: &str) -> Vec<(String, NameKind, String)> {
    let f = Folded::new(text);
    find_names(&f)
        .into_iter()
        .map(|h| (text[h.range].to_string(), h.kind, h.canonical))
        .collect()
}

fn hit(text: &str, kind: NameKind, canonical: &str) -> (String, NameKind, String) {
    (text.to_string(), kind, canonical.to_string())
}

use NameKind::{Organization as Org, Person, Place};

#[rstest]
#[case::presidency("أعلنت الرئاسة الروسية أنه", "الرئاسة الروسية", Org, "الرئاسة الروسية")]
#[case::army_short_adjective(
    "مواجهات بين الجيش الأذري وانفصاليين",
    "الجيش الأذري",
    Org,
    "الجيش الأذربيجاني"
)]
#[case::ministry_variant_adjective(
    "وأعلنت وزارة الدفاع الآذرية، أن خسائر",
    "وزارة الدفاع الآذرية",
    Org,
    "وزارة الدفاع الأذربيجانية"
)]
#[case::ministry_armenian(
    "قالت وزارة الدفاع الأرمنية إنها",
    "وزارة الدفاع الأرمنية",
    Org,
    "وزارة الدفاع الأرمينية"
)]
#[case::foreign_ministry_short(
    "الخارجية الروسية تدعو أطراف النزاع",
    "الخارجية الروسية",
    Org,
    "وزارة الخارجية الروسية"
)]
#[case::armed_forces(
    "إن القوات المسلحة الأرمنية أطلقت النار",
    "القوات المسلحة الأرمنية",
    Org,
    "القوات المسلحة الأرمينية"
)]
#[case::air_force("تابعة لسلاح الجو الأرمني.", "سلاح الجو الأرمني", Org, "سلاح الجو الأرميني")]
#[case::kremlin("في وقت قلل الكرملين من احتمالات", "الكرملين", Org, "الكرملين")]
#[case::agency_with_word(
    "وقالت وكالة إنترفاكس الروسية، إن",
    "وكالة إنترفاكس",
    Org,
    "وكالة إنترفاكس"
)]
#[case::news_agency(
    "وفق ما نقلته وكالة الأنباء الفرنسية.",
    "وكالة الأنباء الفرنسية",
    Org,
    "وكالة الأنباء الفرنسية"
)]
#[case::unknown_centre(
    "ووفقاً لمركز الإعلام الموحد التابع",
    "مركز الإعلام الموحد",
    Org,
    "مركز الإعلام الموحد"
)]
#[case::region_in_quotes(
    "اشتباكات جديدة في إقليم «ناغورني قره باغ » ومحيطه",
    "ناغورني قره باغ",
    Place,
    "ناغورني قره باغ"
)]
#[case::region_other_spelling(
    "معارك دموية في ناغورنو كاراباخ، إلى",
    "ناغورنو كاراباخ",
    Place,
    "ناغورني قره باغ"
)]
#[case::caucasus("حرب أوسع في جنوبي القوقاز.", "القوقاز", Place, "القوقاز")]
#[case::surname_alone("ودور بوتين", "بوتين", Person, "فلاديمير بوتين")]
#[case::surname_variant(
    "رئيس الوزراء الأرميني نيكول باشنيان دان",
    "نيكول باشنيان",
    Person,
    "نيكول باشينيان"
)]
#[case::federation("دور روسيا الاتحادية ودور", "روسيا الاتحادية", Place, "روسيا")]
#[case::district_spelling("للسيطرة على مدن فوزولي", "فوزولي", Place, "فضولي")]
fn seed_mentions(
    #[case] text: &str,
    #[case] span: &str,
    #[case] kind: NameKind,
    #[case] canonical: &str,
) {
    assert!(
        names(text).contains(&hit(span, kind, canonical)),
        "{text}: {:?}",
        names(text)
    );
}

#[test]
fn institution_with_country_swallows_the_country() {
    assert_eq!(
        names("لكن وزارة الدفاع في أذربيجان نفت صباح أمس"),
        [hit(
            "وزارة الدفاع في أذربيجان",
            Org,
            "وزارة الدفاع الأذربيجانية"
        )]
    );
    assert_eq!(
        names("أعلنت النيابة العامة في أذربيجان عن ارتفاع"),
        [hit(
            "النيابة العامة في أذربيجان",
            Org,
            "النيابة العامة الأذربيجانية"
        )]
    );
}

#[test]
fn institution_has_its_country() {
    let f = Folded::new("قالت وزارة الدفاع الأذربيجانية إن");
    let found = find_names(&f);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].country, Some("أذربيجان"));
}

#[test]
fn government_after_the_preposition_l() {
    assert_eq!(
        names("التابع للحكومة الأرمينية، فقد"),
        [hit("لحكومة الأرمينية", Org, "الحكومة الأرمينية")]
    );
}

#[test]
fn an_adjective_after_a_definite_noun_is_no_ministry() {
    assert!(names("وتغيرت السياسة الخارجية الروسية").is_empty());
    assert!(names("على الحدود البحرية اللبنانية").is_empty());
    // The minister's adjective: «وزير الخارجية الروسي» names no ministry.
    assert!(
        names("ووصل وزير الخارجية الروسي إلى جنيف")
            .iter()
            .all(|(_, k, _)| *k != Org)
    );
}

#[test]
fn a_name_inside_a_longer_name_is_not_separate() {
    assert_eq!(
        names("مجموعة مينسك التابعة لمنظمة الأمن والتعاون في أوروبا (روسيا"),
        [
            hit("مجموعة مينسك", Org, "مجموعة مينسك"),
            hit(
                "منظمة الأمن والتعاون في أوروبا",
                Org,
                "منظمة الأمن والتعاون في أوروبا"
            ),
            hit("روسيا", Place, "روسيا"),
        ]
    );
}

#[test]
fn title_is_not_part_of_the_person() {
    assert_eq!(
        names("دعا الرئيس الروسي فلاديمير بوتين ونظيره الفرنسي إيمانويل ماكرون"),
        [
            hit("فلاديمير بوتين", Person, "فلاديمير بوتين"),
            hit("إيمانويل ماكرون", Person, "إيمانويل ماكرون"),
        ]
    );
}

#[test]
fn spokesman_after_comma() {
    assert_eq!(
        names("وقال المتحدث باسم الكرملين، ديمتري بيسكوف، للصحفيين"),
        [
            hit("الكرملين", Org, "الكرملين"),
            hit("ديمتري بيسكوف", Person, "ديمتري بيسكوف"),
        ]
    );
    // An unlisted spokesman, far after «باسم».
    let text = "وأفاد المتحدث الصحفي باسم رئيس جمهورية ناغورني قره باغ غير المعترف بها، \
                فهرام بوغوسيان، أن المناطق";
    assert!(names(text).contains(&hit("فهرام بوغوسيان", Person, "فهرام بوغوسيان")));
}

#[rstest]
#[case::adjective_title("قال الرئيس الفرنسي جان دوبون إن بلاده", "جان دوبون")]
#[case::given_name("وصرح المدرب يوسف الحمداني للصحفيين", "يوسف الحمداني")]
#[case::comma_apposition("وقال رئيس البلدية، كمال زروقي، إن", "كمال زروقي")]
#[case::nisba_looking_name("قال المدرب البرتغالي جورجي جيسوس إن", "جورجي جيسوس")]
fn unknown_person_after_title(#[case] text: &str, #[case] person: &str) {
    assert!(
        names(text).contains(&hit(person, Person, person)),
        "{text}: {:?}",
        names(text)
    );
}

#[rstest]
#[case::idiom("أن يبذل الرئيس قصارى جهده للمساعدة")]
#[case::verb_after_title("قال الرئيس إن الحكومة ستدعم الخطة")]
#[case::plain_word_after_title("واستقبل الرئيس وفدا من رجال الأعمال")]
#[case::dual_title("وزيرا خارجية أذربيجان وأرمينيا مدعوان إلى زيارة")]
fn no_person_without_evidence(#[case] text: &str) {
    assert!(
        names(text).iter().all(|(_, k, _)| *k != Person),
        "{text}: {:?}",
        names(text)
    );
}

#[rstest]
#[case::town("وقصفت المدفعية بلدة كفرنبودة صباحاً", "كفرنبودة")]
#[case::two_word_village("في قرية دير ياسين غرب", "دير ياسين")]
#[case::capital_with_adjective("وصل إلى العاصمة الموريتانية نواكشوط", "نواكشوط")]
fn place_after_place_word(#[case] text: &str, #[case] place: &str) {
    assert!(
        names(text)
            .iter()
            .any(|(t, k, _)| t == place && *k == Place),
        "{text}: {:?}",
        names(text)
    );
}

#[test]
fn places_listed_after_a_plural() {
    let found = names("بقصف قرى في مقاطعات تارتار، وبردعة، وآقدام، وآقجبدي، في حين");
    let texts: Vec<&str> = found.iter().map(|(t, _, _)| t.as_str()).collect();
    assert_eq!(texts, ["تارتار", "بردعة", "آقدام", "آقجبدي"]);
    assert_eq!(found[0].2, "تارتار");
}

#[rstest]
#[case::military_zone("في منطقة عسكرية مغلقة")]
#[case::counted_group("وتدمير 12 مجموعة مضادة للطائرات")]
#[case::command_post("و11 مركز قيادة ورصد")]
#[case::coastal_city("وصلوا إلى مدينة ساحلية صغيرة")]
fn no_name_from_a_common_noun(#[case] text: &str) {
    assert!(names(text).is_empty(), "{text}: {:?}", names(text));
}

#[rstest]
#[case::and("وأرمينيا", "أرمينيا")]
#[case::with("استمرار المعارك بقره باغ", "قره باغ")]
#[case::to("أعربت عن مساندتها لأذربيجان", "أذربيجان")]
#[case::and_the("بين روسيا والعراق", "العراق")]
#[case::in_the("في اجتماع بالقاهرة", "القاهرة")]
#[case::for_the_with_lost_alef("قدمت للولايات المتحدة", "لولايات المتحدة")]
fn clitics_before_names(#[case] text: &str, #[case] span: &str) {
    assert!(
        names(text).iter().any(|(t, _, _)| t == span),
        "{text}: {:?}",
        names(text)
    );
}

#[test]
fn clitic_is_outside_the_range() {
    let text = "وأرمينيا";
    let f = Folded::new(text);
    let found = find_names(&f);
    assert_eq!(found.len(), 1);
    assert_eq!(&text[found[0].range.clone()], "أرمينيا");
    assert_eq!(found[0].range.start, 'و'.len_utf8());
}

#[rstest]
#[case::adjective_plural("قتل جنود أرمينيون")]
#[case::nisba("الشعب اللبناني")]
#[case::longer_word("مطعم موسكوفي")]
#[case::inside_word("الناتج الإجمالي")]
fn no_match_inside_a_longer_word(#[case] text: &str) {
    assert!(names(text).is_empty(), "{text}: {:?}", names(text));
}

#[test]
fn ordinary_words_need_a_trigger() {
    assert!(names("عرض الصور والفيديو").is_empty());
    assert!(names("بلغ الحد الأقصى").is_empty());
    assert!(names("زار مسقط رأسه").is_empty());
    assert_eq!(names("في مدينة صور جنوب"), [hit("صور", Place, "صور")]);
    assert_eq!(names("وصل إلى مسقط أمس"), [hit("مسقط", Place, "مسقط")]);
    // Spelled with its madda the town is no longer «feet».
    assert_eq!(names("قصف آقدام"), [hit("آقدام", Place, "آقدام")]);
    assert!(names("على أقدام").is_empty());
}

#[test]
fn harakat_stay_in_the_range_not_in_the_canonical() {
    let text = "قال الرئيسُ الرُّوسيُّ فلاديميرُ بوتين إنّ مُوسْكو مستعدة";
    assert_eq!(
        names(text),
        [
            hit("فلاديميرُ بوتين", Person, "فلاديمير بوتين"),
            hit("مُوسْكو", Place, "موسكو"),
        ]
    );
    let unknown = "قال الرئيسُ الفرنسيُّ جانُ دوبونَ إنّ";
    assert_eq!(names(unknown), [hit("جانُ دوبونَ", Person, "جان دوبون")]);
}

#[test]
fn persian_letters_fold() {
    assert_eq!(names("سافر إلى ایران"), [hit("ایران", Place, "إيران")]);
    assert_eq!(names("في مدینة مشهد"), [hit("مشهد", Place, "مشهد")]);
    assert_eq!(names("عاد من کابل"), [hit("کابل", Place, "كابل")]);
}

#[test]
fn english_paragraph() {
    let text = "Vladimir Putin met Ilham Aliyev in Moscow, Reuters reported; \
                the Kremlin said talks on Karabakh would go on.";
    let found = names(text);
    let canonical: Vec<&str> = found.iter().map(|(_, _, c)| c.as_str()).collect();
    assert_eq!(
        canonical,
        [
            "فلاديمير بوتين",
            "إلهام علييف",
            "موسكو",
            "رويترز",
            "الكرملين",
            "ناغورني قره باغ"
        ]
    );
}

#[test]
fn spaces_and_hyphens_inside_a_name() {
    assert_eq!(
        names("في ناغورنو-كاراباخ"),
        [hit("ناغورنو-كاراباخ", Place, "ناغورني قره باغ")]
    );
    assert_eq!(
        names("في ناغورنو   كاراباخ\u{a0}أمس"),
        [hit("ناغورنو   كاراباخ", Place, "ناغورني قره باغ")]
    );
}

#[test]
fn and_before_a_name_after_a_name() {
    // «وجدة» is the Moroccan city, but after «الرياض» it is و + جدة.
    assert_eq!(
        names("في الرياض وجدة والدمام"),
        [
            hit("الرياض", Place, "الرياض"),
            hit("جدة", Place, "جدة"),
            hit("الدمام", Place, "الدمام"),
        ]
    );
    assert_eq!(names("في وجدة"), [hit("وجدة", Place, "وجدة")]);
}
