"""The words of Arabic date expressions, in the tagger's matching form (see ``normalize.py``).

Matching form: marks and tatweel removed, أ/إ/ٱ → ا, ى → ي, digits western. آ is kept, so that the
Levantine month آب never matches أب (father). Every table is plain data: change the lexicon here,
not in the rules.
"""

from __future__ import annotations

# Gregorian months under their Egyptian/Western, Levantine/Iraqi and Maghrebi names.
MONTHS: dict[str, int] = {
    # Egyptian / Western (Gulf, Egypt, Sudan, most wire services)
    "يناير": 1, "فبراير": 2, "مارس": 3, "ابريل": 4, "مايو": 5, "يونيو": 6, "يونيه": 6,
    "يوليو": 7, "يوليه": 7, "اغسطس": 8, "اغسطوس": 8, "سبتمبر": 9, "اكتوبر": 10, "اوكتوبر": 10,
    "نوفمبر": 11, "ديسمبر": 12,
    # Levantine / Iraqi (single-word ones; كانون and تشرين are in TWO_WORD_MONTHS)
    "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "ايار": 5, "حزيران": 6, "تموز": 7,
    "آب": 8, "ايلول": 9,
    # Maghrebi (Algeria, Tunisia) and Moroccan
    "جانفي": 1, "فيفري": 2, "افريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7, "جويليه": 7,
    "اوت": 8, "يوليوز": 7, "غشت": 8, "شتنبر": 9, "نونبر": 11, "دجنبر": 12,
}

# كانون الثاني, تشرين الأول …: first word → second word → month.
TWO_WORD_MONTHS: dict[str, dict[str, int]] = {
    "كانون": {"الثاني": 1, "ثاني": 1, "الاول": 12, "اول": 12},
    "تشرين": {"الاول": 10, "اول": 10, "الثاني": 11, "ثاني": 11},
}

# Month names that are also ordinary words (مارس "he practised", نيسان the car maker, آب "father" in
# church usage, شباط a surname, تموز a given name, جوان a given name, ماي/اوت in Latin-script borrowings).
# Alone they count as a date only with a cue: a day number, a year, a pair, a cue word or a marker.
WEAK_MONTHS = frozenset({"مارس", "نيسان", "آب", "شباط", "تموز", "جوان", "ماي", "اوت"})

HIJRI_MONTHS: dict[str, int] = {"محرم": 1, "صفر": 2, "رجب": 7, "شعبان": 8, "رمضان": 9, "شوال": 10}
TWO_WORD_HIJRI: dict[str, dict[str, int]] = {
    "ربيع": {"الاول": 3, "الثاني": 4, "الاخر": 4, "الآخر": 4},
    "جمادي": {"الاولي": 5, "الاول": 5, "الثانية": 6, "الثاني": 6, "الاخرة": 6, "الآخرة": 6, "الاخر": 6},
    "ذو": {"القعدة": 11, "القعده": 11, "الحجة": 12, "الحجه": 12},
    "ذي": {"القعدة": 11, "القعده": 11, "الحجة": 12, "الحجه": 12},
}

# Day names → Python weekday (Monday = 0).
WEEKDAYS: dict[str, int] = {
    "الاثنين": 0, "الاتنين": 0, "الثلاثاء": 1, "الثلاثا": 1, "الاربعاء": 2, "الخميس": 3,
    "الجمعة": 4, "الجمعه": 4, "السبت": 5, "الاحد": 6,
}

# Deictic days: word → offset from the reference date.
DEICTIC: dict[str, int] = {"امس": -1, "الامس": -1, "البارحة": -1, "البارحه": -1, "اليوم": 0, "غدا": 1, "غد": 1}
# اليوم نفسه، نفس اليوم، ذات اليوم، اليوم ذاته: the day just mentioned, not the publication day.
SAME_DAY_BEFORE = frozenset({"نفس", "ذات"})
SAME_DAY_AFTER = frozenset({"نفسه", "ذاته"})

UNITS: dict[str, str] = {"الاسبوع": "week", "الشهر": "month", "العام": "year", "السنة": "year", "السنه": "year"}

# Markers after a unit, a day or a month: -1 past, 0 current, +1 future.
MARKERS: dict[str, int] = {
    "الماضي": -1, "الماضية": -1, "الماضيه": -1, "المنصرم": -1, "المنصرمة": -1, "الفائت": -1,
    "الفائتة": -1, "المنقضي": -1, "المنقضية": -1,
    "الجاري": 0, "الجارية": 0, "الحالي": 0, "الحالية": 0,
    "المقبل": 1, "المقبلة": 1, "القادم": 1, "القادمة": 1,
}

YEAR_WORDS = frozenset({"عام", "العام", "سنة", "السنة", "سنه", "السنه", "عامي", "سنتي"})  # عامي 2019 و2020

# Ordinal day numbers, read only before من + a month (الرابع من تموز/يوليو 2019).
_UNITS_ORD = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر"]
ORDINAL_DAYS: dict[str, int] = {word: n for n, word in enumerate(_UNITS_ORD, 1)}
ORDINAL_DAYS.update({"الحادي عشر": 11, **{f"{w} عشر": n for n, w in enumerate(_UNITS_ORD[1:9], 12)}})
ORDINAL_DAYS.update({"العشرين": 20, "الثلاثين": 30, "الحادي والعشرين": 21, "الحادي والثلاثين": 31})
ORDINAL_DAYS.update({f"{w} والعشرين": n for n, w in enumerate(_UNITS_ORD[1:9], 22)})
ORDINAL_FIRST_WORDS = frozenset(key.split()[0] for key in ORDINAL_DAYS)

# "Ago": قبل + a dual or a unit word → (unit, how many).
AGO: dict[str, tuple[str, int]] = {
    "يوم": ("day", 1), "يومين": ("day", 2), "اسبوع": ("week", 1), "اسبوعين": ("week", 2),
    "شهر": ("month", 1), "شهرين": ("month", 2), "عام": ("year", 1), "عامين": ("year", 2),
    "سنة": ("year", 1), "سنتين": ("year", 2),
}
# قبل ثلاثة أيام، قبل 10 سنوات: a counted plural unit (3 to 10 in words, any small number in digits).
AGO_PLURALS: dict[str, str] = {
    "ايام": "day", "اسابيع": "week", "اشهر": "month", "شهور": "month", "سنوات": "year", "اعوام": "year",
    "يوما": "day", "اسبوعا": "week", "شهرا": "month", "عاما": "year", "سنة": "year",
}
COUNT_WORDS: dict[str, int] = {
    "ثلاثة": 3, "ثلاث": 3, "اربعة": 4, "اربع": 4, "خمسة": 5, "خمس": 5, "ستة": 6, "ست": 6, "سبعة": 7, "سبع": 7,
    "ثمانية": 8, "ثماني": 8, "تسعة": 9, "تسع": 9, "عشرة": 10, "عشر": 10,
}
GREGORIAN_ERA = frozenset({"م", "ميلادي", "ميلادية", "للميلاد", "ميلاديه"})
HIJRI_ERA = frozenset({"ه", "هجري", "هجرية", "هجريه", "للهجرة", "للهجره"})

# Words that narrow a month, a year or a relative period; kept inside the span, not in the value.
MODIFIERS = frozenset({
    "مطلع", "اوائل", "اواخر", "اواسط", "منتصف", "بداية", "بدايات", "نهاية", "نهايات", "مستهل",
    "ختام",
})
# Parts of the day before a day name or a deictic word (مساء أمس، صباح الأحد، ليلة الجمعة).
TIMES_OF_DAY = frozenset({"صباح", "مساء", "ظهر", "عصر", "فجر", "ليلة", "ليل", "ظهيرة", "نهار", "صبيحة", "عشية"})
SEASONS: dict[str, str] = {"ربيع": "SP", "صيف": "SU", "خريف": "FA", "شتاء": "WI"}

# سبعينيات / السبعينات … → the decade digit.
DECADE_STEMS: dict[str, int] = {
    "عشرين": 2, "ثلاثين": 3, "اربعين": 4, "خمسين": 5, "ستين": 6, "سبعين": 7, "ثمانين": 8, "تسعين": 9,
}
DECADE_SUFFIXES = ("يات", "ات")
# القرن + ordinal → century number (the 20th century is 1900–1999 in the value: 19XX).
CENTURIES: dict[str, int] = {
    "الخامس عشر": 15, "السادس عشر": 16, "السابع عشر": 17, "الثامن عشر": 18, "التاسع عشر": 19,
    "العشرين": 20, "العشرون": 20, "الحادي والعشرين": 21, "الحادي والعشرون": 21,
}
CENTURY_RELATIVE: dict[str, int] = {"الماضي": -1, "المنصرم": -1, "الحالي": 0, "الجاري": 0}

# A word before a lone weak month or a lone year that makes it a date (في مارس، منذ 2017).
CUES = frozenset({
    "في", "منذ", "خلال", "شهر", "حتي", "قبل", "بعد", "بين", "ابتداء", "اعتبارا", "بدءا", "طيلة",
    "طوال", "غرة", "مطلع", "اوائل", "اواخر", "اواسط", "منتصف", "بداية", "نهاية", "مستهل", "ختام",
    "لغاية", "بحلول", "الي", "الفترة", "فترة",
})
# Nouns named after their year: a year right after one is a date (دستور 2014، انتخابات 2021، رؤية 2030).
YEAR_NOUNS = frozenset({
    "دستور", "انتخابات", "استحقاقات", "تشريعيات", "رئاسيات", "بلديات", "ثورة", "حرب", "انتفاضة", "نكبة",
    "نكسة", "احداث", "انقلاب", "زلزال", "موازنة", "ميزانية", "مونديال", "اولمبياد", "رؤية", "دورة", "موسم",
    "قمة", "اتفاقية", "اتفاق", "مؤتمر", "خطة", "استراتيجية", "اعلان", "اعوام", "الاعوام", "سنوات", "السنوات",
})
# Words before من that make the number after it a quantity (أكثر من 2000، نحو من 1500).
QUANTITY_BEFORE_MIN = frozenset({"اكثر", "اقل", "نحو", "حوالي", "قرابة", "ازيد", "اكبر", "اعلي", "ادني"})
# Words before a day name that place it in the future (يبدأ منتصف ليل الأحد).
FUTURE_CUES = frozenset({
    "يبدا", "تبدا", "سيبدا", "ستبدا", "ينطلق", "تنطلق", "سينطلق", "ستنطلق", "ابتداء", "اعتبارا",
    "بدءا", "سيعقد", "ستعقد", "يعقد", "تعقد", "سيصل", "ستصل", "سيزور", "ستزور", "سيلتقي", "ستجري", "سيجري",
    "ستفتتح", "سيفتتح", "سينظم", "ستنظم", "سيتم", "ستتم", "ستشهد", "سيشهد", "ستستضيف", "سيستضيف", "سيعلن",
    "ستعلن", "ستنعقد", "سينعقد", "المقرر", "المرتقب", "المنتظر", "المزمع",
})
# Counted nouns: a year-like number before one of these is a quantity (في 2000 منزل).
QUANTITY_NOUNS = frozenset({
    "شخص", "اشخاص", "طن", "اطنان", "عنصر", "عناصر", "مقاتل", "مقاتلا", "جندي", "جنديا", "قتيل",
    "قتيلا", "جريح", "جريحا", "دولار", "دولارا", "يورو", "جنيه", "دينار", "درهم", "ريال", "برميل",
    "كيلومتر", "كلم", "كم", "متر", "ميل", "طائرة", "منزل", "لاجئ", "مدني", "مدنيا", "عسكري", "عسكريا",
    "مرتزق", "مرتزقة", "فرد", "عامل", "طالب", "صاروخ", "صاروخا", "قذيفة", "مليون", "مليار", "الف",
    "الاف", "وحدة", "سيارة", "مهاجر", "مهاجرا", "نازح", "حالة", "كغ", "كيلوغرام", "لتر", "نسمة",
    "ساعة", "يوم", "يوما", "دقيقة", "مرة", "صوت", "صوتا", "مقعد", "مقعدا", "مشارك", "مشاركا",
    "موظف", "موظفا", "طفل", "طفلا", "امراة", "رجل", "منهم", "%", "بالمئة", "بالمائة",
})
# Prefix clitics that may be glued to a date word (وحزيران، بسبتمبر، لعام، والأربعاء).
CLITICS = ("وب", "ول", "وف", "فب", "فل", "و", "ف", "ب", "ل")
