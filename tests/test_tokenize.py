from annotate.tokenize import sentences_in, split_sentences, tokenize
from tests.conftest import seed_texts


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_offsets_round_trip_on_every_seed_article():
    texts = seed_texts()
    assert len(texts) == 5
    for name, text in texts.items():
        tokens = tokenize(text)
        assert len(tokens) > 500, name
        for token in tokens:
            assert text[token.start : token.end] == token.text
        # nothing but whitespace lies between tokens
        gaps = [text[a.end : b.start] for a, b in zip(tokens, tokens[1:])]
        assert all(not g.strip() for g in gaps), name


def test_punctuation_and_quotes_split_from_words():
    assert words("«حفتر»، وموسكو؛ لماذا؟") == ["«", "حفتر", "»", "،", "وموسكو", "؛", "لماذا", "؟"]
    assert words('قال "عربي21" (مصادر): تم.') == ["قال", '"', "عربي21", '"', "(", "مصادر", ")", ":", "تم", "."]
    assert words("29-سبتمبر-2023") == ["29", "-", "سبتمبر", "-", "2023"]
    assert words("لـ“حفتر”") == ["لـ", "“", "حفتر", "”"]


def test_numbers_digits_and_latin_words():
    assert words("قتل 2.500 شخص و150.000 آخرون في ٢٠٢٣") == ["قتل", "2.500", "شخص", "و", "150.000", "آخرون", "في", "٢٠٢٣"]
    assert words("صحيفة The Times وBloomberg الساعة 10:12:02") == ["صحيفة", "The", "Times", "و", "Bloomberg", "الساعة", "10:12:02"]


def test_diacritics_and_tatweel_stay_inside_words():
    assert words("مُحَمَّد الـــروسي") == ["مُحَمَّد", "الـــروسي"]


def test_sentences_split_at_terminal_punctuation_and_blank_lines():
    text = "وصل حفتر إلى موسكو. والتقى بوتين؟ نعم!\n\nعنوان فرعي\n\nنص الفقرة الثانية هنا."
    got = [text[s.start : s.end] for s in split_sentences(text, tokenize(text))]
    assert got == ["وصل حفتر إلى موسكو.", "والتقى بوتين؟", "نعم!", "عنوان فرعي", "نص الفقرة الثانية هنا."]


def test_soft_wrapped_lines_do_not_cut_a_name():
    text = seed_texts()["mee-haftar-egypt-russia-cables.txt"]
    first = next(sentences_in(text))
    assert "خليفة\nحفتر" in text[first.start : first.end]


def test_closing_quote_stays_with_its_sentence():
    text = 'قال: "انتهى الأمر." ثم غادر.'
    got = [text[s.start : s.end] for s in split_sentences(text, tokenize(text))]
    assert got == ['قال: "انتهى الأمر."', "ثم غادر."]


def test_tokens_of_different_articles_share_their_offset_objects():
    # Two 300-character texts: an int above 256 is its own object unless shared (memory of a 10,000-article resolve).
    first, second = "ا" * 300 + " حفتر", "ب" * 300 + " بوتين"
    a, b = tokenize(first)[-1], tokenize(second)[-1]
    assert (a.start, a.end, b.start) == (301, 305, 301)
    assert a.start is b.start
