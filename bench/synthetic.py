"""A synthetic Arabic news corpus for benchmarks: sentences written for this project, recurring actors.

    python bench/synthetic.py OUT_DIR --articles 1000

Deterministic (seeded): the same arguments give byte-identical files. Names recur with a skewed
(Zipf-like) frequency, so a few actors appear in most articles and many in a handful, as in real news.
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

PEOPLE = [
    "خليفة حفتر", "فلاديمير بوتين", "سيرغي لافروف", "سيرغي شويغو", "عبد الحميد الدبيبة", "عقيلة صالح",
    "رجب طيب أردوغان", "عبد الفتاح السيسي", "أنطونيو غوتيريش", "ستيفاني وليامز", "عبد الله باتيلي",
    "محمد المنفي", "فتحي باشاغا", "صدام حفتر", "خالد المشري", "نجلاء المنقوش", "جليل الحرشاوي",
    "عماد الدين بادي", "يونس بك يفكيروف", "إيمانويل ماكرون", "جو بايدن", "أنتوني بلينكن",
    "مولود جاووش أوغلو", "سامح شكري", "أحمد أبو الغيط", "موسى فكي", "ريتشارد نورلاند", "غسان سلامة",
]  # fmt: skip
ORGS = [
    "مجلس الأمن", "الأمم المتحدة", "الاتحاد الأوروبي", "الجامعة العربية", "مجموعة فاغنر", "حلف الناتو",
    "الاتحاد الأفريقي", "مجلس النواب", "المجلس الرئاسي", "حكومة الوحدة الوطنية", "وزارة الدفاع الروسية",
    "المؤسسة الوطنية للنفط", "مصرف ليبيا المركزي", "المجلس الأعلى للدولة", "البنك الدولي",
]  # fmt: skip
PLACES = [
    "ليبيا", "طرابلس", "بنغازي", "موسكو", "القاهرة", "أنقرة", "واشنطن", "باريس", "درنة", "سرت", "طبرق",
    "مصراتة", "سبها", "الجفرة", "روما", "جنيف", "برلين", "تونس", "الجزائر", "السودان", "تشاد", "النيجر",
]  # fmt: skip
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
DAYS = ["الأحد", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
TITLES = ["الرئيس", "وزير الخارجية", "المبعوث الأممي", "رئيس الحكومة", "المشير", "الباحث", "المحلل السياسي"]

SENTENCES = [
    "التقى {title} {per} نظيره {per2} في {loc} يوم {day} لبحث تطورات الأوضاع في {loc2}.",
    "وقال {per} في تصريحات صحفية إن {org} تتابع عن كثب ما يجري في {loc}.",
    "وأعلن {org} في بيان صدر {day} الماضي عن مبادرة جديدة لدعم الاستقرار في {loc}.",
    "وأشار المحلل {per} إلى أن زيارة {per2} إلى {loc} في {d} {month} {year} كانت نقطة تحول.",
    "ونقلت وسائل إعلام عن مصادر مقربة من {per} أن المباحثات مع {org} ستستمر حتى نهاية {month}.",
    "ودعا {per} جميع الأطراف إلى ضبط النفس والعودة إلى طاولة الحوار برعاية {org}.",
    "وتشهد {loc} منذ عام {year} انقساماً سياسياً حاداً بين حكومتين متنافستين.",
    "وفي {loc}، خرج المئات إلى الشوارع احتجاجاً على تردي الخدمات وانقطاع الكهرباء.",
    "ورحب {org} بالاتفاق الذي وقعه {per} و{per2} في {loc} الأسبوع الماضي.",
    "وكان {per} قد زار {loc} مرات عدة خلال السنوات الأخيرة، والتقى مسؤولين في {org}.",
    "ويرى مراقبون أن دور {org} في {loc} تزايد بشكل لافت منذ {month} {year}.",
    "وأكد {title} {per} أن بلاده لن تقبل بأي تدخل خارجي في شؤون {loc}.",
    "وبحسب تقرير نشرته صحيفة محلية، فإن نحو {n} شخص نزحوا من {loc} خلال الأشهر الماضية.",
    "وتوقع الباحث {per} أن تشهد المرحلة المقبلة مزيداً من التنسيق بين {org} و{org2}.",
]  # fmt: skip


def pick(rng: random.Random, items: list[str]) -> str:
    """Zipf-like choice: the first items recur far more often than the last."""
    weights = [1 / (i + 1) for i in range(len(items))]
    return rng.choices(items, weights)[0]


def article(rng: random.Random, number: int) -> str:
    year = rng.randint(2015, 2024)
    date = f"{rng.randint(1, 28)} {MONTHS[rng.randrange(12)]} {year}"
    lead = pick(rng, PEOPLE)
    title = f"{lead} و{pick(rng, ORGS)}: تطورات جديدة في {pick(rng, PLACES)} ({number})"
    lines = [title, "", date, ""]
    for _ in range(rng.randint(8, 14)):
        template = rng.choice(SENTENCES)
        lines.append(
            template.format(
                per=lead if rng.random() < 0.4 else pick(rng, PEOPLE), per2=pick(rng, PEOPLE), org=pick(rng, ORGS),
                org2=pick(rng, ORGS), loc=pick(rng, PLACES), loc2=pick(rng, PLACES), title=rng.choice(TITLES),
                day=rng.choice(DAYS), d=rng.randint(1, 28), month=MONTHS[rng.randrange(12)],
                year=rng.randint(2011, 2024), n=rng.randint(2, 90) * 100,
            )  # fmt: skip
        )
        lines.append("")
    return "\n".join(lines)


def write_corpus(out: Path, articles: int, seed: int = 7) -> Path:
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    for number in range(articles):
        (out / f"article-{number:05d}.txt").write_text(article(rng, number), encoding="utf-8")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    write_corpus(args.out, args.articles)


if __name__ == "__main__":
    main()
