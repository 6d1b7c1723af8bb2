//! The small word classes the quantity rules test, as bits of one table keyed by folded
//! word: function words, month names, time words, labels, page counters, designation
//! heads, idioms, year context and markers, score words, common adjectives and the words
//! that only look like tanween, duals or definite nouns.

use rustc_hash::FxHashMap;

use super::lexicon::fold;

/// Function words: never a counted noun.
pub const STOP: u32 = 1;
/// Month names: a number before one is a date.
pub const MONTH: u32 = 1 << 1;
/// صباحاً, مساء, بتوقيت: a number before one is a time.
pub const TIME: u32 = 1 << 2;
/// الساعة: a number after it is a time.
pub const HOUR: u32 = 1 << 3;
/// رقم, المادة, هاتف: a number after it is an identifier.
pub const LABEL: u32 = 1 << 4;
/// مشاهدات, تعليقات: page counters.
pub const FURNITURE: u32 = 1 << 5;
/// Letter names and makers that head a model designation with or without a dash.
pub const DESIG_STRONG: u32 = 1 << 6;
/// Letter names that are also Arabic words: a designation only with a dash.
pub const DESIG_WEAK: u32 = 1 << 7;
/// طراز, موديل: the numbers in the next few words are designations.
pub const MODEL: u32 = 1 << 8;
/// «مرة واحدة», «آن واحد»: واحد after these is an idiom, not a count.
pub const IDIOM: u32 = 1 << 9;
/// Words before a year: عام, منذ, في.
pub const YEAR_CTX: u32 = 1 << 10;
/// Markers after a year: م, هـ, ميلادي.
pub const YEAR_MARK: u32 = 1 << 11;
/// «بنتيجة 3-1»: a score.
pub const SCORE: u32 = 1 << 12;
/// Common descriptive adjectives that are not nisba forms (جديدة, كبير).
pub const ADJ: u32 = 1 << 13;
/// Words whose final alif is not tanween (كاميرا).
pub const NATURAL_ALIF: u32 = 1 << 14;
/// Words ending like a dual that are not one (بوتين, هاتين).
pub const NOT_DUAL: u32 = 1 << 15;
/// Words starting with ال that are not definite nouns (ألف, إلى).
pub const NOT_DEF: u32 = 1 << 16;

pub(super) fn table() -> FxHashMap<String, u32> {
    let mut m: FxHashMap<String, u32> = FxHashMap::default();
    let mut put = |words: &str, c: u32| {
        for w in words.split_whitespace() {
            *m.entry(fold(w)).or_default() |= c;
        }
    };
    put(
        "في من إلى على عن مع و أو ثم بين منذ حتى خلال بعد قبل عند لدى نحو حول ضد دون فوق تحت \
         أمام وراء عبر إثر أثناء لكن بل قد لقد لم لن لا ما إن أن إنه أنه إنها أنها كان كانت \
         يكون تكون هو هي هم هن هما هذا هذه ذلك تلك هؤلاء التي الذي الذين اللذين اللتين أي كل \
         بعض غير سوى فقط أيضا أيضاً أما إذا لو كما حيث أين متى كيف منها منه منهم فيها فيه \
         عليها عليه لها له لهم به بها بهم إلا مقابل مقارنة بنسبة نسبة وفق وفقاً حسب بحسب جراء \
         بسبب ضمن كي عندما بينما فيما إذ كذلك الآن تقريباً أكثر أقل وسط \
         of the a an and or in on at to for from by with as than that this these those is \
         are was were be been being has have had will would can could per its their his her \
         our it they we he she which who not no also more most up down out into over under \
         about around nearly almost some than percent cent last next after before since during \
         while when where until because although though then there here both each every all \
         any many much few such so if but yet very just only even still again already آخر آخرون آخرين أخرى \
         أخريات وحدها حين وحدهم وحدهما",
        STOP,
    );
    put(
        "يناير فبراير مارس أبريل إبريل مايو يونيو يونية يوليو يولية أغسطس سبتمبر أكتوبر \
         نوفمبر ديسمبر كانون شباط آذار نيسان أيار حزيران تموز آب أيلول تشرين ماي يوليوز غشت \
         شتنبر نونبر دجنبر جانفي فيفري أفريل جوان جويلية أوت محرم صفر ربيع جمادى رجب شعبان \
         رمضان شوال ذو ذي january february march april may june july august september \
         october november december jan feb mar apr jun jul aug sep sept oct nov dec",
        MONTH | STOP,
    );
    put(
        "صباحاً صباح مساءً مساء ظهراً ظهر فجراً فجر ليلاً عصراً بتوقيت ص am pm gmt utc",
        TIME | STOP,
    );
    put("الساعة والساعة بالساعة", HOUR);
    put(
        "رقم الرقم برقم ورقم بالرقم مادة المادة بند البند فقرة الفقرة الفصل صفحة الصفحة قرار \
         القرار حلقة الحلقة الجولة الدقيقة المركز المرتبة نسخة النسخة إصدار الإصدار الطبعة \
         الطابق الفرقة اللواء الكتيبة طريق الطريق شارع الشارع مبنى المبنى سورة السورة آية \
         الآية رمز الرمز كود الكود هاتف الهاتف جوال الجوال فاكس الفاكس واتساب تلفون تليفون \
         موبايل الدائرة المجموعة البوابة",
        LABEL,
    );
    put(
        "مشاهدة مشاهدات المشاهدات قراءات تعليق تعليقات التعليقات إعجاب إعجابات views \
         comments likes shares",
        FURNITURE,
    );
    put(
        "إس أس اس تي بي إف اف إكس اكس سو ميغ ميج كوفيد سوخوي توبوليف إيل ياك بوينغ بوينج \
         إيرباص ايرباص إتش ميراج كاليبر",
        DESIG_STRONG,
    );
    put(
        "إم أم ام إن ان سي دي جي يو آر إيه ايه تو كيه كا مي شاهد تور باتريوت",
        DESIG_WEAK,
    );
    put("طراز الطراز بطراز طرازات موديل", MODEL);
    put(
        "مرة دفعة وقت آن صوت كلمة يد رجل صف قلب نفس جسد طرف جانب اتجاه لحظة",
        IDIOM,
    );
    put(
        "عام العام لعام وعام سنة السنة لسنة في وفي منذ ومنذ حتى بين خلال قبل بعد مطلع أوائل \
         أواخر نهاية بداية منتصف موسم",
        YEAR_CTX,
    );
    put(
        "م هـ ميلادي ميلادية هجري هجرية للهجرة للميلاد",
        YEAR_MARK | STOP,
    );
    put("نتيجة بنتيجة النتيجة", SCORE);
    put(
        "جديد جديدة كبير كبيرة صغير صغيرة ثقيل ثقيلة خفيف خفيفة قديم قديمة حديث حديثة",
        ADJ,
    );
    put(
        "كاميرا سينما بيتزا فيزا فيلا دراما أوروبا أمريكا أميركا روسيا كورونا دنيا",
        NATURAL_ALIF,
    );
    put(
        "بوتين راسبوتين مارتين كريستين جاستين أوستين فالنتين كونستانتين قسطنطين بلاتين لاتين \
         بروتين روتين نيكوتين كيراتين جيلاتين إبستين هاتين هاتان اللتين اللتان ميلان",
        NOT_DUAL,
    );
    put(
        "ألف ألفا ألفاً ألفين ألفان ألفي آلاف ألوف ألوفاً إلى إلا الذي التي الذين اللذين اللتين \
         الآن ألا",
        NOT_DEF,
    );
    m
}
