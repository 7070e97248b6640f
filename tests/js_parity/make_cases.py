"""Regenerate cases.json from the Python normalization: `python tests/js_parity/make_cases.py`.

The expected values are Python's; tests/test_search.py checks Python still gives them and
tests/test_search_browser.py checks that docs/assets/search-fold.js gives the same in Chromium.
Add inputs to INPUTS, never edit cases.json by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

from annotate.arabic import _DIGITS, _LETTERS
from annotate.search.normalize import PREFIXES, name_key, stems, terms
from annotate.arabic import fold

HERE = Path(__file__).resolve().parent

INPUTS = [
    # the cases, both ways
    "أحمد", "احمد", "إيطاليا", "ايطاليا", "موسكو", "وموسكو", "بموسكو", "رئيس", "للرئيس", "الكتاب", "الكتّاب",
    "«موسكو»، هل؟", "قال: «أحمد» ؟", "(إيطاليا)", "الرئيس-التنفيذي",
    # every proclitic run
    *[run + "مدينة" for run, _ in PREFIXES], "وبالكتاب", "فللقاهرة", "لبنان", "للبنان", "الصف", "بري", "وبري", "ال", "وال",
    # marks, tatweel, invisibles, bidi controls
    "مُحَمَّدٌ", "قــــال", "لـحفتر", "حف\u200cتر", "حف\u200dتر", "\u202eموسكو\u202c", "\u2067نص\u2069", "\ufeffبوتين", "soft\u00adhyphen",
    "ٱلرحمن", "ا\u0653", "\u0670", "ـــ", "\u064b\u064c", "",
    # letters and digits
    "".join(old for old, _ in _LETTERS), "٢٠١٩ و۱۲۳", "عربي21", "و150", "3.5 مليون", "G20 O'Brien", "ÉCOLE Ñandú", "ΣΟΦΟΣ", "İstanbul",
    "مدرسة المدينة", "ﻻ ﷲ", "㈠ ① ½ ²", "𝐀𝐁𝐂 😀 中文", "snake_case_word", "a" * 60, "ب" * 5000, "وب" + "ت" * 45,
    # spelling keys: letter classes, long vowels, doubles, Latin spellings, accents, digraphs
    "فاجنر فاغنر لفاجنر بريجوجين بريغوجين قوزنستوف كوزنستوف القذّافي مؤمن موسى ال اب", "Gaddafi Qaddafi Qadhafi Kadhafi",
    "Erdogan Ardughan Assad Kremlin Benghazi Middle East Eye Fatimah Ghannouchi Khalifa Shoigu Zayed Philip Jack",
    "Émile Çelik Ñandú a ab yw ha hah", "al-Qadhafi el-Sisi",
    # hostile text
    "<script>alert('x')</script>", "<img src=x onerror=alert(1)>", "&amp; &lt;b&gt;",
]


def case(text: str) -> dict:
    found = terms(text)
    return {"input": text, "fold": fold(text), "terms": found, "stems": [stems(t) for t in found], "keys": [name_key(t) for t in found]}


def main() -> None:
    chars = {old for old, _ in _LETTERS} | {old for old, _ in _DIGITS}
    cases = [case(t) for t in INPUTS] + [case(c + "ب" + c) for c in sorted(chars)]
    (HERE / "cases.json").write_text(json.dumps(cases, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(cases)} cases written to {HERE / 'cases.json'}")


if __name__ == "__main__":
    main()
