"""Rendering: actor pages of a name in many articles (numbered pages), rendering in a forked child."""

from __future__ import annotations

import gc
import hashlib
import re
import weakref

import pytest

from annotate import forked
from annotate.memory import rare_full_collections
from annotate.models import Actor, Annotation, Article, Mention, Sentence
from annotate.render import SiteData, actor_pages, pages, render_pages
from annotate.render.urls import href

NAME = "خليفة حفتر"


def corpus(count: int) -> SiteData:
    articles, annotations, mentions = [], {}, {}
    for i in range(count):
        text = f"التقى {NAME} وفداً في بنغازي يوم {i + 1}."
        start = text.index(NAME)
        article = Article(id=f"a{i}", path=f"a{i}.txt", title=f"لقاء رقم {i}", text=text, date=f"2024-01-{i + 1:02d}")
        found = [Mention(start, start + len(NAME), NAME, "PER", actor="per-khalifa-haftar")]
        articles.append(article)
        annotations[article.id] = Annotation(article.id, [Sentence(0, len(text), ())], found, [])
        mentions[article.id] = found
    actor = Actor(id="per-khalifa-haftar", slug="khalifa-haftar", name=NAME, label="PER")
    return SiteData(articles=articles, annotations=annotations, mentions=mentions, actors=[actor])


def test_mentions_in_context_are_split_over_numbered_pages(tmp_path, monkeypatch):
    monkeypatch.setattr(actor_pages, "CONTEXTS_PER_PAGE", 2)
    monkeypatch.setattr(actor_pages, "ROWS_PER_PAGE", 2)
    written = render_pages(corpus(5), tmp_path)
    numbered = ["actors/khalifa-haftar.md", "actors/khalifa-haftar/2.md", "actors/khalifa-haftar/3.md"]
    assert [w for w in written if w.startswith("actors/")] == numbered
    shown = {}
    for number, name in enumerate(numbered, 1):
        text = (tmp_path / name).read_text(encoding="utf-8")
        older = r'<li>\d* ?<a href="\.\./\.\./\.\./articles/(a\d)/#at-\d+">'  # a line per older article
        shown[number] = re.findall(r'<h3 id="a-(a\d)">' if number == 1 else older, text)
        assert "صفحات الإشارات (5 مقالات" in text and f'<strong aria-current="page">{number}</strong>' in text
        for other in set(range(1, 4)) - {number}:  # every other page is one link away
            assert f'href="{href(name, numbered[other - 1])}"' in text
    assert shown == {1: ["a4", "a3"], 2: ["a2", "a1"], 3: ["a0"]}  # newest first, each article once
    older = (tmp_path / numbered[1]).read_text(encoding="utf-8")
    assert 'class="context"' not in older and '<ul class="article-rows">' in older  # a line per older article
    assert re.search(r'<h3 id="p-2024-01">يناير 2024</h3>\n<ul class="article-rows">\n<li>3 <a href="\.\./\.\./\.\./articles/a2/#at-\d+">لقاء رقم 2</a>', older)  # by month, the day, linked to its first mention
    first = (tmp_path / numbered[0]).read_text(encoding="utf-8")
    assert "<strong>الإشارات:</strong> 5 إشارات في 5 مقالات" in first  # the summary counts every article
    assert "الإشارات:</strong>" not in (tmp_path / numbered[1]).read_text(encoding="utf-8")


def test_an_actor_in_few_articles_has_one_page(tmp_path):
    written = render_pages(corpus(3), tmp_path)
    assert [w for w in written if w.startswith("actors/")] == ["actors/khalifa-haftar.md"]
    assert "صفحات الإشارات" not in (tmp_path / "actors/khalifa-haftar.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("changed", [0, 4])
def test_a_numbered_page_depends_only_on_its_own_articles(monkeypatch, changed):
    monkeypatch.setattr(actor_pages, "CONTEXTS_PER_PAGE", 2)
    monkeypatch.setattr(actor_pages, "ROWS_PER_PAGE", 2)
    before, after = corpus(5), corpus(5)
    article = after.articles[changed]
    article.title += " (معدل)"
    actor = before.actors[0]
    keys = {n: (pages.actor_inputs(before, actor, n), pages.actor_inputs(after, after.actors[0], n)) for n in (1, 2, 3)}
    assert keys[1][0] != keys[1][1]  # the first page sums up every article
    page_of_changed = 3 if changed == 0 else 1
    for number, (old, new) in keys.items():
        assert (old != new) == (number in (1, page_of_changed)), number


def test_a_numbered_page_is_made_again_only_when_a_line_of_it_changes(monkeypatch):
    """A numbered page's key is what its lines show (date, title, the first mention's place, the count),
    so an edit elsewhere in an article of it (here: text after the name) leaves it as it is, while moving
    the mention its line links to makes it again; the page's text agrees with its key both ways."""
    monkeypatch.setattr(actor_pages, "CONTEXTS_PER_PAGE", 2)
    monkeypatch.setattr(actor_pages, "ROWS_PER_PAGE", 2)

    def edited(prefix: str, suffix: str) -> SiteData:
        data = corpus(5)
        article, found = data.articles[0], data.mentions["a0"]  # the oldest: on page 3
        article.text = prefix + article.text + suffix
        found[0] = Mention(found[0].start + len(prefix), found[0].end + len(prefix), NAME, "PER", actor=found[0].actor)
        data.annotations["a0"] = Annotation("a0", [Sentence(0, len(article.text), ())], found, [])
        return data

    def page(data: SiteData) -> tuple[str, str]:
        return pages.actor_inputs(data, data.actors[0], 3), actor_pages.actor_more_page(data, data.actors[0], 3)

    before, after_text, moved = page(corpus(5)), page(edited("", " وقال إن المحادثات مستمرة.")), page(edited("وفي تطور آخر، ", ""))
    assert after_text == before
    assert moved[0] != before[0] and moved[1] != before[1]


def test_forked_rendering_writes_the_same_files(tmp_path, monkeypatch):
    monkeypatch.setattr(actor_pages, "CONTEXTS_PER_PAGE", 2)
    monkeypatch.setattr(actor_pages, "ROWS_PER_PAGE", 2)
    results = {}
    for fork in (False, True):
        folder = tmp_path / str(fork)
        written = render_pages(corpus(5), folder, fork=fork)
        files = {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}
        results[fork] = (written, files)
    assert results[True] == results[False] and len(results[True][1]) > 10


def test_a_rendered_corpus_is_freed_without_the_cyclic_collector(tmp_path):
    """Once released, nothing the render computed refers back to the corpus, so its records go by
    reference counting alone (a cycle through ``per_article`` kept 1.2 million of them at 10,000 articles
    for a full collection, 0.7 s of every rebuild)."""
    data = corpus(5)
    render_pages(data, tmp_path / "docs")
    article, annotation = weakref.ref(data.articles[0]), weakref.ref(data.annotations["a0"])
    data.release()
    gc.disable()
    try:
        del data
        assert article() is None and annotation() is None
    finally:
        gc.enable()


def test_full_collections_are_rare_during_the_stages_and_as_before_after_them():
    before = gc.get_threshold()
    with pytest.raises(RuntimeError):
        with rare_full_collections():
            assert gc.get_threshold()[:2] == before[:2] and gc.get_threshold()[2] >= 1000
            raise RuntimeError("a stage failed")
    assert gc.get_threshold() == before


def test_a_forked_child_returns_its_result_or_its_error():
    assert forked.start(lambda: {"pages": [1, 2]})() == {"pages": [1, 2]}
    wait = forked.start(lambda: 1 / 0)
    with pytest.raises(RuntimeError, match="ZeroDivisionError"):
        wait()


def test_the_render_memo_appends_few_pieces_and_survives_a_damaged_append(tmp_path):
    """A rebuild that computes a few pieces appends them beside the kind's file instead of writing it
    again; the next build finds them; a damaged append costs only its pieces (computed again)."""
    from annotate.render.memo import Memo

    def run(n: int) -> list[int]:
        memo, calls = Memo(tmp_path / "memo.pkl", "v1"), []
        double = memo.wrap("double", lambda x: calls.append(x) or x * 2, lambda x: x)
        assert [double(i) for i in range(n)] == [i * 2 for i in range(n)]
        memo.save()
        return calls

    assert run(200) == list(range(200))
    whole = (tmp_path / "memo.double.pkl").read_bytes()
    assert run(203) == [200, 201, 202] and (tmp_path / "memo.double.pkl").read_bytes() == whole  # appended, not rewritten
    assert run(203) == []
    more = tmp_path / "memo.double.more"
    more.write_bytes(more.read_bytes()[:-3])
    assert run(203) == [200, 201, 202]
    assert run(203) == []
    assert run(203) == [] and Memo(tmp_path / "memo.pkl", "v2").wrap("double", lambda x: -x, lambda x: x)(1) == -1  # other code: nothing reused


def test_related_articles_of_an_article_whose_every_actor_is_everywhere_are_its_neighbours_in_date():
    """Every article names the same actor: the candidates are the ``budget`` articles nearest in date,
    not all of them (a 100,000-article corpus spent a tenth of a second an article page on that)."""
    data = corpus(28)  # dated 2024-01-01 … 2024-01-28, one actor in all
    ranked = [other for other, shared in data.related_articles("a14", limit=5, budget=6)]
    window = {f"a{i}" for i in range(11, 18)} - {"a14"}  # the 6 articles around a14 in the actor's list
    assert len(ranked) == 5 and set(ranked) <= window, ranked
    assert all(shared == ["per-khalifa-haftar"] for _, shared in data.related_articles("a14", budget=6))
    assert set(o for o, _ in data.related_articles("a0", limit=30, budget=6)) == {f"a{i}" for i in range(1, 6)}  # at the end of the list: the 6 there


def test_a_role_links_its_newest_articles_and_counts_the_rest():
    """An actor given a role in thousands of articles: the roles list grows by a count, not by a link an
    article (one first page was 16 MB at 100,000 synthetic articles)."""
    data = corpus(8)
    actor = data.actors[0]
    actor.roles = [{"role": "المشير", "article": f"a{i}", "date": f"2024-01-{i + 1:02d}"} for i in range(8)]
    page = actor_pages.actor_page(data, actor)
    roles = page[page.index('<ul class="roles">') :].split("</ul>")[0]
    assert [f"a{i}" for i in (7, 6, 5, 4, 3)] == re.findall(r"articles/(a\d+)/", roles)  # the newest five
    assert "وغيرها (3 مقالات)" in roles
