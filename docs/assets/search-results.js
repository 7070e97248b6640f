/* Arabic search, part 4 of 6: rendering the results in Material's header box (DOM calls and textContent
 * only: no index value is ever parsed as HTML): titles and excerpts with the query's words marked,
 * kinds, counts, dates and sources, «هل تقصد …؟», the filter bar.
 */
(function (S) {
  "use strict";
  var terms = S.terms, best = S.best, siteRoot = S.siteRoot;

  // --- the UI (Material's header search box, driven by this script) ------------------------------------
  var KIND_NAMES = { PER: "شخص", ORG: "منظمة", LOC: "مكان", MISC: "فاعل آخر", article: "مقال", page: "صفحة", actor: "فاعل" };
  var LABEL_FILTERS = [["", "كل الأنواع"], ["PER", "أشخاص"], ["ORG", "منظمات"], ["LOC", "أماكن"], ["MISC", "أخرى"]];
  var KIND_FILTERS = [["", "الكل"], ["actor", "فاعلون"], ["article", "مقالات"]];
  var MAX_SHOWN = 50, EXCERPT = 200, HIGHLIGHT_PARAM = "hl";
  var FIRST_RECORDS = 6;  // results shown first, while the other candidates' records load: one round of requests on
                          // the six connections a browser opens to an HTTP/1.1 host
  var PAUSE_MS = 20;  // typing pause before a search starts (each keystroke cancels the pending one)

  function kindName(result) {
    return (result.kind === "actor" && KIND_NAMES[result.label]) || KIND_NAMES[result.kind] || "";
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function countText(n) {
    return window.arCounted(n, "result"); // assets/counted.js, loaded before this script
  }

  function mentionsText(articles, mentions) {
    return mentions + " إشارة في " + articles + (articles === 1 ? " مقال" : " مقالات");
  }

  // Append text[from, to) to node, with the words that match a query term in <mark>.
  function appendMarked(node, text, words, from, to) {
    var at = from;
    words.forEach(function (w) {
      if (w.start < from || w.end > to || best(w.levels) < 1) return;
      if (w.start > at) node.appendChild(document.createTextNode(text.slice(at, w.start)));
      node.appendChild(el("mark", "ar-search__hit", text.slice(w.start, w.end)));
      at = w.end;
    });
    if (to > at) node.appendChild(document.createTextNode(text.slice(at, to)));
  }

  // A sentence cut to about EXCERPT characters around its first marked word.
  function excerpt(sentence) {
    var text = sentence.text, first = sentence.words.filter(function (w) { return best(w.levels) >= 1; })[0];
    var from = 0, to = text.length, p = el("p", "ar-search__excerpt");
    p.setAttribute("dir", "auto");
    if (text.length > EXCERPT) {
      from = Math.max(0, (first ? first.start : 0) - Math.floor(EXCERPT / 3));
      while (from > 0 && /\S/.test(text.charAt(from - 1))) from--;
      to = Math.min(text.length, from + EXCERPT);
      while (to < text.length && /\S/.test(text.charAt(to))) to++;
    }
    if (from > 0) p.appendChild(document.createTextNode("… "));
    appendMarked(p, text, sentence.words, from, to);
    if (to < text.length) p.appendChild(document.createTextNode(" …"));
    return p;
  }

  function resultItem(r, query) {
    var item = el("li", "md-search-result__item");
    var link = el("a", "md-search-result__link");
    var target = new URL(r.url, siteRoot());
    target.searchParams.set(HIGHLIGHT_PARAM, query);
    link.href = target.href;
    var article = el("article", "md-search-result__article md-typeset ar-search__result");
    var title = el("h1", "ar-search__title");
    title.setAttribute("dir", "auto");
    var titleName = r.names.filter(function (n) { return n.text === r.title; })[0];
    if (titleName) appendMarked(title, r.title, titleName.words, 0, r.title.length); else title.textContent = r.title;
    article.appendChild(title);
    var kind = el("p", "ar-search__kind ar-search__kind--" + String(r.label || r.kind).toLowerCase().replace(/[^a-z]/g, ""), kindName(r));
    var rec = r.record;
    if (r.kind === "actor" && Array.isArray(rec.c)) kind.appendChild(el("span", "ar-search__counts", " · " + mentionsText(+rec.c[0] || 0, +rec.c[1] || 0)));
    if (r.kind === "article") {
      if (rec.d) kind.appendChild(el("span", "ar-search__date", " · " + String(rec.d)));
      if (rec.s) kind.appendChild(el("span", "ar-search__source", " · " + String(rec.s)));
    }
    if (!r.complete) kind.appendChild(el("span", "ar-search__partial", " · تطابق جزئي"));
    article.appendChild(kind);
    if (r.kind === "actor") {
      var others = r.names.filter(function (n) { return n.text !== r.title; }).slice(0, 3);
      if (others.length) {
        var p = el("p", "ar-search__names");
        p.setAttribute("dir", "auto");
        others.forEach(function (n, i) {
          if (i) p.appendChild(document.createTextNode("، "));
          var span = el("span");
          span.setAttribute("dir", "auto");
          appendMarked(span, n.text, n.words, 0, n.text.length);
          p.appendChild(span);
        });
        article.appendChild(p);
      }
    }
    r.sentences.forEach(function (s) { article.appendChild(excerpt(s)); });
    link.appendChild(article);
    item.appendChild(link);
    return item;
  }

  function suggestion(box, list, query, actors, lead) {
    if (!actors.length) return;
    var item = el("li", "md-search-result__item ar-search__suggest");
    var p = el("p", "ar-search__suggest-text", lead);
    actors.forEach(function (a, i) {
      if (i) p.appendChild(document.createTextNode(" أو "));
      var link = el("a", "ar-search__suggest-link", a.name);
      link.href = "?q=" + encodeURIComponent(a.name);
      link.addEventListener("click", function (ev) {
        ev.preventDefault();
        var input = box.querySelector("input.md-search__input");
        input.value = a.name;
        input.dispatchEvent(new Event("input"));
      });
      p.appendChild(link);
    });
    p.appendChild(document.createTextNode("؟"));
    item.appendChild(p);
    list.insertBefore(item, list.firstChild);
  }

  function render(box, query, found, index) {
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    list.textContent = "";
    if (!terms(query).length) { meta.textContent = "اكتب كلمة للبحث"; return Promise.resolve(); }
    var results = found.results;
    meta.textContent = results.length ? countText(found.total) : "لا نتائج";
    results.slice(0, MAX_SHOWN).forEach(function (r) { list.appendChild(resultItem(r, query)); });
    if (found.total > results.length) list.appendChild(el("li", "md-search-result__more ar-search__more", "و" + (found.total - results.length) + " أخرى: دقّق البحث"));
    if (found.fuzzy) {
      var seen = {};
      var names = results.filter(function (r) { return r.kind === "actor" && r.fuzzy && !seen[r.title] && (seen[r.title] = true); })
        .slice(0, 3).map(function (r) { return { name: r.title }; });
      suggestion(box, list, query, names, "هل تقصد ");
      return Promise.resolve();
    }
    if (!results.length) {
      return index.suggest(query).then(function (actors) { suggestion(box, list, query, actors, "هل تقصد "); });
    }
    return Promise.resolve();
  }

  function buildFilters(box, onChange) {
    var bar = box.querySelector(".ar-search__filters");
    if (!bar) return { kind: "", label: "", year: "" };
    var state = { kind: "", label: "", year: "" };
    function select(name, options, label) {
      var s = el("select", "ar-search__filter ar-search__filter--" + name);
      s.setAttribute("aria-label", label);
      s.name = "ar-" + name;
      options.forEach(function (o) { var opt = el("option", null, o[1]); opt.value = o[0]; s.appendChild(opt); });
      s.addEventListener("change", function () { state[name] = s.value; onChange(); });
      bar.appendChild(s);
      return s;
    }
    select("kind", KIND_FILTERS, "نوع النتيجة");
    select("label", LABEL_FILTERS, "نوع الفاعل");
    var years = select("year", [["", "كل السنوات"]], "السنة");
    state.fillYears = function (index) {
      if (years.options.length > 1) return;
      Object.keys((index.ranges || {}).years || {}).sort().reverse().forEach(function (y) {
        var opt = el("option", null, y); opt.value = y; years.appendChild(opt);
      });
    };
    return state;
  }

  S.FIRST_RECORDS = FIRST_RECORDS;
  S.HIGHLIGHT_PARAM = HIGHLIGHT_PARAM;
  S.PAUSE_MS = PAUSE_MS;
  S.el = el;
  S.render = render;
  S.buildFilters = buildFilters;
})(window.arSearchParts = window.arSearchParts || {});
