"""bench/ant_sample.py: ANT's paragraph lines become articles at their headlines, and a sample is a corpus."""

from __future__ import annotations

import gzip
import importlib.util
from pathlib import Path

from tests.conftest import ROOT

spec = importlib.util.spec_from_file_location("ant_sample", ROOT / "bench" / "ant_sample.py")
ant_sample = importlib.util.module_from_spec(spec)
spec.loader.exec_module(ant_sample)

# Lines as ANT gives them (ant_multisource_2018.txt.gz, line 0 on: a headline, then its paragraphs).
LINES = [
    'هكذا تحالفت أحلام وإليسا ضد عاصي وحماقي بـ"ذا فويس"',
    "يبدو أن الصراع بين المدربين الأربعة في برنامج ذا فويس سيشهد تحدياً من نوع خاص، والهدف في النهاية هو الفوز باللقب.",
    "وشهدت حلقة السبت من البرنامج تكوين عصابة نسائية كما أطلق عليها عاصي الحلاني، حيث اتفقت أحلام وإليسا على الوقوف ضده.",
    "ذلك الأمر حدث مع متسابقة كانت أحلام ترغب في ضمها لفريقها، ولكنها قالت لها إنها تفضل الانضمام إلى فريق آخر.",
    "ابنة جوني هاليداي تكشف معلومات حول النزاع على ميراثه",
    "في خضم النزاع القائم حول تركة المغني الفرنسي جوني هاليداي، أكدت ابنته لورا سميت أن والدها سمح لها بشراء شقة.",
]


def test_articles_start_at_headlines():
    found = ant_sample.articles(LINES)
    assert [a[0] for a in found] == [LINES[0], LINES[4]]
    assert found[0] == LINES[:4]


def test_a_sample_is_written_as_a_corpus(tmp_path: Path):
    source = tmp_path / "ant.txt.gz"
    with gzip.open(source, "wt", encoding="utf-8") as handle:
        handle.write("\n".join(LINES[:4] + ["وزير الخارجية يلتقي رئيس الحكومة"] + ["قال وزير الخارجية إن الحكومة ورئيس البرلمان اتفقا على موعد."] * 5) + "\n")
    assert ant_sample.write(source, 0, 100, tmp_path / "corpus", 10) == 1
    written = (tmp_path / "corpus" / "ant000.txt").read_text(encoding="utf-8")
    assert written.startswith("وزير الخارجية يلتقي رئيس الحكومة\n\nقال وزير الخارجية")
