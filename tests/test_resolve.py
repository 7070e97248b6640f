"""Actor resolution: clitics, titles, short forms, variants, cues, propagation, places, registry, slugs."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from annotate.models import Annotation, Article, Mention
from annotate.resolve import Registry, RegistryError, format_review, load_registry, prepare, resolve, write_slug_ledger
from annotate.resolve.names import split_clitic
from annotate.resolve.spans import Vocabulary
from annotate.resolve.variants import variant_key
from annotate.tokenize import sentences_in


def doc(article_id: str, text: str, tags: list[tuple[str, str]] | None = None, body=None, date: str | None = "2024-01-02"):
    """An article and an Annotation whose 'model' tagged every occurrence of each (surface, label) at word bounds."""
    article = Article(id=article_id, path=f"{article_id}.txt", title=text.split("\n")[0], text=text, date=date, body=body or [(0, len(text))])
    mentions, taken = [], set()
    for surface, label in sorted(tags or [], key=lambda t: -len(t[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if not taken & set(range(m.start(), m.end())):
                taken |= set(range(m.start(), m.end()))
                mentions.append(Mention(m.start(), m.end(), surface, label))
    return article, Annotation(article_id, list(sentences_in(text, article.body)), sorted(mentions, key=lambda m: m.start), [])


def actor_of(res, article_id: str, surface: str, nth: int = 0) -> str | None:
    hits = [m for m in res.mentions[article_id] if m.text == surface]
    return hits[nth].actor if len(hits) > nth else None


def by_id(res):
    return {a.id: a for a in res.actors}


# --- names -------------------------------------------------------------------------------------------


def test_clitics_join_one_actor_and_keep_name_letters():
    a = doc("a", "قال بوتين إن موسكو مستعدة. ووجه لبوتين سؤال، ورد وبوتين بحدة. والتقى لافروف نظيره.", [("بوتين", "PER"), ("لافروف", "PER")])
    res = resolve([a])
    ids = {m.text: m.actor for m in res.mentions["a"]}
    assert ids["بوتين"] and {m.actor for m in res.mentions["a"] if "وتين" in m.text} == {ids["بوتين"]}
    assert [m.text for m in res.mentions["a"] if m.actor == ids["بوتين"]] == ["بوتين", "بوتين", "بوتين"]  # span without the clitic
    assert "لافروف" in ids  # ل belongs to the name


def test_a_particle_the_model_took_into_a_name_is_not_part_of_it():
    """«وقال إن حفتر»: the model's span «إن حفتر» is حفتر, the same actor as elsewhere."""
    a = doc("a", "التقى خليفة حفتر وفدا روسيا. وقال إن حفتر سيزور موسكو، وأضاف أن حفتر مستعد.", [("خليفة حفتر", "PER"), ("إن حفتر", "PER"), ("أن حفتر", "PER")])
    res = resolve([a])
    assert [m.text for m in res.mentions["a"] if m.label == "PER"] == ["خليفة حفتر", "حفتر", "حفتر"]
    assert len({m.actor for m in res.mentions["a"] if m.label == "PER"}) == 1


def test_a_verb_the_model_took_into_a_name_is_not_part_of_it():
    """Seed-corpus spans: «زار حفتر موسكو», «بريغوجين شارك لتنظيم», and «كانوا» alone (whose spelling bucket
    is also Kenya's, كينيا): the verb is never a name's edge, nor a name."""
    text = (
        "وصل المشير خليفة حفتر إلى روسيا. عام 2018 زار حفتر موسكو، وقال إن رجل الأعمال يفغيني بريغوجين شارك لتنظيم الزيارة. "
        "وقالت المصادر إن بريغوجين شارك في اللقاء. لقد كانوا مترددين للغاية، وزار الوفد كينيا. وكتبت الصحيفة: «زار حفتر القاهرة»."
    )
    tags = [("خليفة حفتر", "PER"), ("زار حفتر", "PER"), ("«زار حفتر", "PER"), ("يفغيني بريغوجين", "PER"), ("بريغوجين شارك", "PER"), ("كانوا", "LOC")]
    a = doc("a", text, tags)
    res = resolve([a])
    names = [(m.text, m.label) for m in res.mentions["a"]]
    assert ("حفتر", "PER") in names and ("بريغوجين", "PER") in names and ("كينيا", "LOC") in names
    assert not any(w in m for m, _ in names for w in ("زار", "شارك", "كانوا"))
    assert actor_of(res, "a", "حفتر") == actor_of(res, "a", "خليفة حفتر")
    assert actor_of(res, "a", "بريغوجين") == actor_of(res, "a", "يفغيني بريغوجين")


def test_a_registry_name_replaces_model_spans_of_another_label_inside_it():
    """Seed corpus: the model took «يونس» of «يونس- بك يفكوروف» for a place; the registry knows the whole name."""
    text = "وأجرى حفتر زيارات متكررة لنائب وزير الدفاع الروسي يونس- بك يفكوروف. وقال يفكوروف إن موسكو تدعم حفتر."
    a = doc("a", text, [("يونس", "LOC"), ("يفكوروف", "PER"), ("حفتر", "PER"), ("موسكو", "LOC")])
    b = doc("b", "واستقبله نائب وزير الدفاع الروسي يونس بك يفكيروف.", [("يونس بك يفكيروف", "PER")])
    res = resolve([a, b], load_registry(Path(__file__).resolve().parent.parent / "corpus" / "actors.yml"))
    names = [(m.text, m.label, m.actor) for m in res.mentions["a"]]
    assert ("يونس- بك يفكوروف", "PER", "per-yunus-bek-yevkurov") in names
    assert not any(label == "LOC" and "يونس" in t for t, label, _ in names)
    assert actor_of(res, "a", "موسكو") == "loc-moscow"  # model spans outside registry names keep their labels


def test_a_two_word_place_the_model_split_is_joined():
    """Seed corpus: «في مالي وبوركينا فاسو المجاورتين» came out as «وبوركينا» and «فاسو المجاورتين»."""
    text = "أقامت موسكو علاقات مع قادة الانقلاب في مالي وبوركينا فاسو المجاورتين. وفي شرق ليبيا يقول حرشاوي."
    a = doc("a", text, [("وبوركينا", "LOC"), ("فاسو المجاورتين", "LOC"), ("مالي", "LOC")])
    res = resolve([a])
    places = {m.text: m.actor for m in res.mentions["a"] if m.label == "LOC"}
    assert places.get("بوركينا فاسو") == "loc-burkina-faso" and not any("فاسو" in p and p != "بوركينا فاسو" for p in places)


def test_split_clitic_uses_evidence():
    v = Vocabulary()
    v.add_name(("ريم",))
    v.add_name(("بوتين",))
    assert split_clitic("كريم", v) == (0, "كريم")  # ك is not a name clitic
    assert split_clitic("لبوتين", v) == (1, "بوتين")
    assert split_clitic("لافروف", v) == (0, "لافروف")
    assert split_clitic("وليد", v) == (0, "وليد")
    assert split_clitic("بالقاهرة", v) == (1, "القاهره")


def test_title_is_a_role_not_the_name():
    text = "استقبل الرئيس الروسي فلاديمير بوتين ووزير الدفاع الروسي سيرغي شويغو اللواء المتقاعد خليفة حفتر."
    a = doc("a", text, [("الرئيس الروسي فلاديمير بوتين", "PER"), ("ووزير الدفاع الروسي سيرغي شويغو", "PER"), ("خليفة حفتر", "PER")])
    res = resolve([a])
    names = [m.text for m in res.mentions["a"]]
    assert names == ["فلاديمير بوتين", "سيرغي شويغو", "خليفة حفتر"]
    actors = {a.name: a for a in res.actors}
    assert actors["فلاديمير بوتين"].roles == [{"role": "الرئيس الروسي", "article": "a", "date": "2024-01-02"}]
    assert actors["سيرغي شويغو"].roles[0]["role"] == "وزير الدفاع الروسي"
    assert actors["خليفة حفتر"].roles[0]["role"] == "اللواء المتقاعد"  # found before the model's span


def test_apposition_role_after_name():
    text = "وقال جليل الحرشاوي، الباحث في المعهد الملكي للخدمات المتحدة، إن الوضع معقد."
    res = resolve([doc("a", text, [("جليل الحرشاوي", "PER")])])
    person = next(a for a in res.actors if a.label == "PER")
    assert person.roles[0]["role"] == "الباحث في المعهد الملكي للخدمات المتحدة"


def test_short_forms_and_shared_family_names():
    a = doc("a", "أعلن صدام حفتر إغلاق الحقل. وقال خليفة حفتر إن قواته مستعدة. وأكد حفتر ذلك.", [("صدام حفتر", "PER"), ("خليفة حفتر", "PER"), ("حفتر", "PER")])
    b = doc("b", "التقى خليفة حفتر الوفد. ثم غادر حفتر القاعة.", [("خليفة حفتر", "PER"), ("حفتر", "PER")])
    c = doc("c", "قال حفتر إن الحرب انتهت.", [("حفتر", "PER")])
    res = resolve([a, b, c])
    khalifa = actor_of(res, "b", "خليفة حفتر")
    assert actor_of(res, "a", "صدام حفتر") != khalifa
    assert actor_of(res, "a", "حفتر") == khalifa  # the bare surname: the most salient Haftar
    assert actor_of(res, "b", "حفتر") == khalifa
    assert actor_of(res, "c", "حفتر") == khalifa  # no full name in the article: the corpus decides
    saddam = by_id(res)[actor_of(res, "a", "صدام حفتر")]
    assert saddam.name == "صدام حفتر" and "حفتر" not in saddam.aliases


def test_transliteration_variants_merge_conservatively():
    assert variant_key(("يفكيروف",)) == variant_key(("يفكوروف",))
    assert variant_key(("شويغو",)) == variant_key(("شويجو",))
    assert variant_key(("سليمان",)) != variant_key(("سلمان",))
    assert variant_key(("محمد",)) != variant_key(("محمود",))
    a = doc("a", "استقبل يونس بك يفكيروف الوفد، ثم سافر جليل الحرشاوي.", [("يونس بك يفكيروف", "PER"), ("جليل الحرشاوي", "PER")])
    b = doc("b", "وصل يونس- بك يفكوروف إلى بنغازي. وقال جليل حرشاوي إن الزيارة مهمة.", [("يونس- بك يفكوروف", "PER"), ("جليل حرشاوي", "PER")])
    res = resolve([a, b])
    assert actor_of(res, "a", "يونس بك يفكيروف") == actor_of(res, "b", "يونس- بك يفكوروف")
    assert actor_of(res, "a", "جليل الحرشاوي") == actor_of(res, "b", "جليل حرشاوي")
    assert any("variant" in i.reason for i in res.review.merges)


def test_alias_cue_and_parenthesis():
    text = 'قال محمد حمدان دقلو، المعروف بـ"حميدتي"، إن قواته ستنسحب. ورد الجيش على حميدتي. وأصدر المعهد الملكي للخدمات المتحدة (RUSI) تقريرا، وقال RUSI إن الحرب طويلة.'
    res = resolve([doc("a", text, [("محمد حمدان دقلو", "PER"), ("المعهد الملكي للخدمات المتحدة", "ORG")])])
    hemedti = actor_of(res, "a", "محمد حمدان دقلو")
    assert [m.actor for m in res.mentions["a"] if m.text == "حميدتي"] == [hemedti, hemedti]
    rusi = actor_of(res, "a", "المعهد الملكي للخدمات المتحدة")
    assert [m.actor for m in res.mentions["a"] if m.text == "RUSI"] == [rusi, rusi]


def test_organization_generic_heads():
    a = doc("a", "نشرت شركة فاغنر مقاتلين. وقالت مجموعة فاغنر الأمنية إنها باقية. وتنفي فاغنر ذلك. وقال تنظيم الدولة كلاما.", [("شركة فاغنر", "ORG"), ("مجموعة فاغنر الأمنية", "ORG"), ("فاغنر", "ORG"), ("تنظيم الدولة", "ORG")])
    res = resolve([a])
    wagner = {m.actor for m in res.mentions["a"] if "فاغنر" in m.text}
    assert len(wagner) == 1
    assert by_id(res)[wagner.pop()].name == "فاغنر"
    assert by_id(res)[actor_of(res, "a", "تنظيم الدولة")].name == "تنظيم الدولة"


# --- recall ------------------------------------------------------------------------------------------


def test_propagation_tags_missed_occurrences_with_clitics_inside_body_only():
    text = "غطاء: شويغو في الصورة\nقال سيرغي شويغو إن الجيش جاهز. وأكد لشويغو مساعدوه ذلك، ثم قال شويغو كلمته."
    body_start = text.index("قال")
    a = doc("a", text, [("سيرغي شويغو", "PER")], body=[(body_start, len(text))])
    res = resolve([a])
    ms = res.mentions["a"]
    assert all(m.start >= body_start for m in ms)  # furniture is never tagged
    shoigu = actor_of(res, "a", "سيرغي شويغو")
    assert [(m.text, m.source) for m in ms if m.actor == shoigu] == [("سيرغي شويغو", "model"), ("شويغو", "propagated"), ("شويغو", "propagated")]


def test_majority_label_wins():
    a = doc("a", "زار حفتر موسكو. وقال حفتر كلاما.", [("حفتر", "PER")])
    b = doc("b", "قوات حفتر تتقدم.", [("حفتر", "LOC")])
    res = resolve([a, b])
    assert {m.label for ms in res.mentions.values() for m in ms if m.text == "حفتر"} == {"PER"}


def test_places_from_cldr_and_guarded_common_words():
    a = doc("a", "وصل الوفد إلى ليبيا قادما من القاهرة، ثم توجه إلى مالي. وقدمت روسيا دعم مالي كبير للولايات المتحدة.", [])
    res = resolve([a])
    got = {(m.text, m.actor, m.source) for m in res.mentions["a"]}
    assert ("ليبيا", "loc-libya", "gazetteer") in got and ("القاهرة", "loc-cairo", "gazetteer") in got
    assert [m.start for m in res.mentions["a"] if m.actor == "loc-mali"] == [a[0].text.index("مالي")]  # not «دعم مالي»
    assert by_id(res)["loc-libya"].name_en == "Libya"
    assert any(m.actor == "loc-united-states" for m in res.mentions["a"])


# --- output invariants ---------------------------------------------------------------------------------


def _corpus():
    return [
        doc("a", "استقبل الرئيس الروسي فلاديمير بوتين في موسكو خليفة حفتر. وقال حفتر لبوتين إن ليبيا تحتاج الدعم.", [("الرئيس الروسي فلاديمير بوتين", "PER"), ("خليفة حفتر", "PER"), ("موسكو", "LOC")]),
        doc("b", "زار يفكوروف بنغازي والتقى حفتر. وكانت فاغنر هناك.", [("يفكوروف", "PER"), ("بنغازي", "LOC"), ("فاغنر", "ORG")]),
        doc("c", "قال يونس بك يفكيروف إن موسكو وبنغازي شريكان.", [("يونس بك يفكيروف", "PER")]),
    ]


def test_mentions_are_exact_sorted_disjoint_and_resolved():
    docs = _corpus()
    res = resolve(docs)
    ids = {a.id for a in res.actors}
    for article, _ in docs:
        ms = res.mentions[article.id]
        assert ms == sorted(ms, key=lambda m: m.start)
        assert all(m.text == article.text[m.start : m.end] and m.actor in ids and m.source for m in ms)
        assert all(x.end <= y.start for x, y in zip(ms, ms[1:]))
    assert all(re.fullmatch(r"[^\W_]+(-[^\W_]+)*", a.slug) for a in res.actors)  # words joined by "-", nothing else


def test_deterministic_whatever_the_input_order():
    docs = _corpus()
    first = resolve(docs)
    shuffled = docs[:]
    random.Random(4).shuffle(shuffled)
    second = resolve(shuffled)
    assert first.actors == second.actors and first.mentions == second.mentions and first.slugs == second.slugs


def _same_resolution(first, second) -> bool:
    return (first.actors, first.mentions, first.slugs, first.redirects, first.stale) == (second.actors, second.mentions, second.slugs, second.redirects, second.stale)


@pytest.mark.parametrize("new", range(3))
def test_a_first_pass_prepared_ahead_gives_the_same_resolution(new):
    """A rebuild trims the cached articles' mentions while a worker tags the new one (``prepare``)."""
    docs = _corpus()
    registry = Registry()
    cached = [d for i, d in enumerate(docs) if i != new]
    prepared = prepare(cached, registry)
    assert _same_resolution(resolve(docs, registry, prepared=prepared), resolve(docs, registry))
    assert not prepared.passes  # every cached article's pass was used (and is not used twice)


def test_a_prepared_pass_is_redone_when_the_new_article_changes_the_evidence():
    """Alone, «لحفتر» is a name of its own; once another article names «حفتر», its ل is a clitic."""
    cached = [doc("a", "وقال مصدر إن لحفتر نفوذا كبيرا في الشرق.", [("لحفتر", "PER")])]
    new = doc("b", "التقى خليفة حفتر وفدا في بنغازي. وقال حفتر إن الحوار مستمر.", [("خليفة حفتر", "PER"), ("حفتر", "PER"), ("بنغازي", "LOC")])
    registry = Registry()
    prepared = prepare(cached, registry)
    assert prepared.passes["a"].candidates[0].words == ("لحفتر",)
    together = resolve([*cached, new], registry, prepared=prepared)
    assert _same_resolution(together, resolve([*cached, new], registry))
    assert [m.text for m in together.mentions["a"]] == ["حفتر"]


# --- registry ------------------------------------------------------------------------------------------


def test_registry_errors_name_file_line_and_key(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    path = tmp_path / "corpus" / "actors.yml"
    path.write_text(
        "actors:\n"
        "  - id: per-a\n"
        "    name: خليفة حفتر\n"
        "    label: PERSON\n"
        "  - id: per-a\n"
        "    name: حفتر\n"
        "    label: PER\n"
        "    colour: red\n"
        "merge:\n"
        "  - into: x\n"
        "    from: [a]\n",
        encoding="utf-8",
    )
    with pytest.raises(RegistryError) as err:
        load_registry(Path("corpus/actors.yml"))
    assert err.value.errors == [
        "corpus/actors.yml:4: 'actors[0].label': 'PERSON' is not one of PER, ORG, LOC, MISC",
        "corpus/actors.yml:5: 'actors[1].id': 'per-a' is already used by actors[0]",
        "corpus/actors.yml:8: 'actors[1].colour': unknown key (expected one of: aliases, description, id, label, links, name, name_en, roles, slug)",
        "corpus/actors.yml:10: 'merge[0].into': unknown actor id 'x' (declare it under 'actors')",
    ]


def test_registry_missing_or_none_is_empty(tmp_path):
    assert load_registry(None).actors == [] and load_registry(tmp_path / "nope.yml").actors == []


REGISTRY = """
actors:
  - id: org-rusi
    slug: rusi
    name: المعهد الملكي للخدمات المتحدة
    name_en: Royal United Services Institute
    label: ORG
    description: London think tank.
  - id: per-saddam-haftar
    name: صدام حفتر
    label: PER
merge:
  - into: org-rusi
    from: [المعهد الملكي للدراسات المتحدة]
  - into: org-rusi
    from: [معهد لا وجود له]
split:
  - name: حفتر
    articles: [b]
    actor: per-saddam-haftar
ignore:
  - name: الحساب الإعلامي
"""


def test_registry_merge_split_ignore_and_stale(tmp_path):
    (tmp_path / "actors.yml").write_text(REGISTRY, encoding="utf-8")
    reg = load_registry(tmp_path / "actors.yml")
    a = doc("a", "قال الباحث في المعهد الملكي للدراسات المتحدة إن خليفة حفتر قوي. وأكد حفتر ذلك.", [("المعهد الملكي للدراسات المتحدة", "ORG"), ("خليفة حفتر", "PER"), ("حفتر", "PER")])
    b = doc("b", "وقاد حفتر غرفة الطوارئ في درنة. ونشر المعهد الملكي للخدمات المتحدة تقريرا.", [("حفتر", "PER"), ("المعهد الملكي للخدمات المتحدة", "ORG")])
    res = resolve([a, b], reg)
    assert actor_of(res, "a", "المعهد الملكي للدراسات المتحدة") == actor_of(res, "b", "المعهد الملكي للخدمات المتحدة") == "org-rusi"
    assert by_id(res)["org-rusi"].name_en == "Royal United Services Institute"
    assert actor_of(res, "b", "حفتر") == "per-saddam-haftar"
    assert actor_of(res, "a", "حفتر") != "per-saddam-haftar"
    assert len(res.stale) == 2 and any("معهد لا وجود له" in s for s in res.stale) and any("الحساب الإعلامي" in s for s in res.stale)
    assert all(re.match(r".*actors\.yml:\d+: ", s) for s in res.stale)


def test_seed_registry_is_valid():
    reg = load_registry(Path(__file__).resolve().parent.parent / "corpus" / "actors.yml")
    ids = {a.id for a in reg.actors}
    assert {"per-khalifa-haftar", "per-vladimir-putin", "per-sergei-shoigu", "per-sergei-lavrov", "per-jalel-harchaoui", "per-yunus-bek-yevkurov", "org-wagner-group", "org-rusi"} <= ids
    assert all(a.name_en and a.description for a in reg.actors)
    assert reg.merges[0].into == "org-rusi"


# --- slugs ---------------------------------------------------------------------------------------------


def test_slug_ledger_keeps_old_links_working(tmp_path):
    docs = _corpus()
    first = resolve(docs)
    ledger = tmp_path / "slugs.yml"
    write_slug_ledger(first, ledger)
    published = dict(line.split(": ") for line in ledger.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    assert published == first.slugs
    haftar = next(a for a in first.actors if a.name == "خليفة حفتر")
    # The editor renames and merges: pin a new slug for Haftar, and fold Yevkurov into a registry actor.
    (tmp_path / "actors.yml").write_text(
        "actors:\n  - id: per-yevkurov\n    slug: yunus-bek-yevkurov\n    name: يونس بك يفكيروف\n    label: PER\n"
        f"rename:\n  - actor: {haftar.id}\n    slug: khalifa-haftar\n",
        encoding="utf-8",
    )
    old_yevkurov = next(a for a in first.actors if "يفك" in a.name)
    second = resolve(docs, load_registry(tmp_path / "actors.yml"), published)
    assert second.redirects[haftar.slug] == "khalifa-haftar"
    assert second.redirects[old_yevkurov.slug] == "yunus-bek-yevkurov"
    assert set(first.slugs) <= set(second.slugs)  # a published slug never disappears
    assert second.slugs[haftar.slug] == haftar.id


def test_review_lists_new_once_and_uncertain():
    res = resolve(_corpus())
    text = format_review(res)
    assert "New actors" in text and "Seen once" in text and "Low-confidence merges" in text
    assert any(i.actor == actor_of(res, "c", "يونس بك يفكيروف") for i in res.review.merges)
    titles = [t for t, _ in res.review.sections()]
    assert titles == ["فاعلون جدد", "فاعلون ذكروا مرة واحدة", "دمج غير مؤكد", "فصل غير مؤكد"]


def test_an_automatic_actor_reads_as_its_arabic_name_and_its_old_slug_redirects():
    """Seed article haftar-putin-moscow-visit: «الرئيس السوري بشار الأسد» had the slug bshar-a-sd (issue 21)."""
    from annotate.resolve.slugs import former_natural_slug, readable_slug

    text = "وقال الرئيس السوري بشار الأسد إن معمر القذافي رحل."
    docs = [doc("a", text, [("بشار الأسد", "PER"), ("معمر القذافي", "PER")])]
    res = resolve(docs)
    by_name = {a.name: a for a in res.actors}
    assaad, gaddafi = by_name["بشار الأسد"], by_name["معمر القذافي"]
    assert (assaad.slug, gaddafi.slug) == ("بشار-الأسد", "معمر-القذافي")
    assert former_natural_slug(assaad) == "bshar-ala-sd"  # the address it had: answered by a redirect page
    assert res.slugs["بشار-الأسد"] == assaad.id
    assert readable_slug("خَليفة حفتر", "Khalifa Haftar") == "khalifa-haftar"
    assert readable_slug("«ميدل إيست آي»") == "ميدل-إيست-آي"
    # Once recorded in the ledger, the slug is the one kept (no redirect of its own, no new one).
    again = resolve(docs, published_slugs={"بشار-الأسد": assaad.id})
    assert next(a for a in again.actors if a.id == assaad.id).slug == "بشار-الأسد"
