/* Arabic search, part 6 of 6 (loaded last): the header box wired to the other parts, which are loaded before
 * it in this order by overrides/main.html: search-fold.js (folding, spelling keys), search-index.js
 * (fetching the index), search-rank.js (ranking), search-results.js (rendering), search-arrive.js
 * (marking the match on arrival). window.arSearch is the page's API (tests and benchmarks use it).
 */
(function (S) {
  "use strict";
  var fold = S.fold, terms = S.terms, stems = S.stems, queryVariants = S.queryVariants, nameKey = S.nameKey, decodePostings = S.decodePostings, Index = S.Index, load = S.load, loadingNow = S.loadingNow, render = S.render, buildFilters = S.buildFilters, highlight = S.highlight, FIRST_RECORDS = S.FIRST_RECORDS, HIGHLIGHT_PARAM = S.HIGHLIGHT_PARAM, PAUSE_MS = S.PAUSE_MS;

  // Resolves once the browser has painted what the page shows now (the second pass, with all the
  // candidates' records, starts after the first results are on screen, not before).
  function afterPaint() {
    return new Promise(function (resolve) {
      if (document.hidden || typeof requestAnimationFrame !== "function") { setTimeout(resolve, 0); return; }
      requestAnimationFrame(function () { setTimeout(resolve, 0); });
    });
  }

  function setup() {
    var box = document.querySelector("div[data-ar-search]");
    if (!box) return;
    var input = box.querySelector("input.md-search__input");
    var toggle = document.getElementById("__search");
    var meta = box.querySelector(".md-search-result__meta");
    var timer = null, early = null, serial = 0;
    var filters = buildFilters(box, function () { run(); });

    function run() {
      var query = input.value, mine = ++serial, started = performance.now();
      performance.mark("ar-search:start");
      if (!terms(query).length) { render(box, query, { results: [], total: 0 }); return; }
      meta.textContent = "جارٍ البحث…";
      load().then(function (index) {
        if (filters.fillYears) filters.fillYears(index);
        var chosen = { kind: filters.kind, label: filters.label, year: filters.year };
        if (chosen.label && !chosen.kind) chosen.kind = "actor";
        if (chosen.year && !chosen.kind) chosen.kind = "article";
        return index.search(query, chosen, FIRST_RECORDS).then(function (found) {
          if (mine !== serial) return;
          if (found.results.length) {
            render(box, query, found, index);
            performance.mark("ar-search:first");
            S.stats.firstMs = performance.now() - started;
            box.setAttribute("data-ar-first", String(mine));
          }
          return (found.complete ? Promise.resolve(found) : afterPaint().then(function () {
            return mine === serial ? index.search(query, chosen) : null;
          })).then(function (all) {
            if (!all) return;
            if (mine !== serial) return;
            return render(box, query, all, index).then(function () {
              if (mine !== serial) return;
              S.stats.lastMs = performance.now() - started;
              box.setAttribute("data-ar-results", String(mine));
            });
          });
        });
      }).catch(function () {
        if (mine === serial) meta.textContent = "تعذّر تحميل فهرس البحث";
      });
    }

    function setToggle(on) {  // tell Material too (it locks the page scroll under the open box)
      if (toggle && toggle.checked !== on) {
        toggle.checked = on;
        toggle.dispatchEvent(new Event("change"));
      }
    }

    function open(focus) {
      setToggle(true);
      if (focus && document.activeElement !== input) input.focus();
      load();
    }

    function close() {
      setToggle(false);
      input.blur();
    }

    input.addEventListener("focus", function () { open(false); });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(run, PAUSE_MS);
      clearTimeout(early);  // the shards of the words so far, while the pause runs (once per burst of input events)
      early = setTimeout(function () {
        var typed = loadingNow();
        if (typed) typed.then(function (index) { index.prefetchShards(input.value); }).catch(function () {});
      }, 0);
    });
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) open(true); });
    box.querySelector("form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      run();
      var first = box.querySelector(".md-search-result__link");
      if (first && loadingNow()) first.focus();
    });
    box.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { render(box, "", { results: [], total: 0 }); input.focus(); }, 0);
    });
    box.addEventListener("keydown", function (ev) {
      if (ev.key === "Escape") { ev.preventDefault(); close(); return; }
      if (ev.key !== "ArrowDown" && ev.key !== "ArrowUp") return;
      var links = Array.prototype.slice.call(box.querySelectorAll(".md-search-result__link"));
      if (!links.length) return;
      var at = links.indexOf(document.activeElement);
      var next = ev.key === "ArrowDown" ? at + 1 : at - 1;
      ev.preventDefault();
      if (next < 0) input.focus(); else links[Math.min(next, links.length - 1)].focus();
    });
    document.addEventListener("keydown", function (ev) {
      var t = ev.target;
      var typing = t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
      if (!typing && !ev.ctrlKey && !ev.metaKey && !ev.altKey && (ev.key === "/" || ev.key === "s")) {
        ev.preventDefault();
        open(true);
      }
    });
    var params = new URLSearchParams(location.search);
    var q = params.get("q");
    if (q) { input.value = q; open(true); run(); }
    var hl = params.get(HIGHLIGHT_PARAM);
    if (hl) highlight(hl);
  }

  var api = {
    fold: fold, terms: terms, stems: stems, queryVariants: queryVariants, nameKey: nameKey, decodePostings: decodePostings,
    Index: Index, load: load, highlight: highlight,
    search: function (query, filters) {
      return load().then(function (index) { return index.search(query, filters); }).then(function (found) {
        return found.results.map(function (r) {
          return { url: r.url, title: r.title, kind: r.kind, label: r.label, tier: r.tier, score: r.score, complete: r.complete };
        });
      });
    },
    suggest: function (query) { return load().then(function (index) { return index.suggest(query); }); }
  };
  ["loadMs", "firstMs", "lastMs"].forEach(function (name) {  // timings the page measured (benchmarks read them)
    Object.defineProperty(api, name, { get: function () { return S.stats[name]; }, enumerable: true });
  });
  window.arSearch = api;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})(window.arSearchParts = window.arSearchParts || {});
