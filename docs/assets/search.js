/* Arabic search for the static site: loads search/index.json (built by annotate/search) and searches it
 * in the browser. Normalization mirrors annotate/search/normalize.py and annotate/arabic.py exactly; the
 * parity test (tests/js_parity/cases.json) checks both sides on the same cases.
 * Results are built with DOM calls and textContent only: no index value is ever parsed as HTML.
 */
(function () {
  "use strict";

  // --- normalization (mirror of annotate.arabic.fold and annotate.search.normalize) -------------------
  var DIACRITICS = /[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]/g;
  var INVISIBLES = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff\u00ad]/g;
  var TATWEEL = /\u0640/g;
  var LETTERS = {
    "\u0623": "\u0627", "\u0625": "\u0627", "\u0622": "\u0627", "\u0671": "\u0627",
    "\u0649": "\u064a", "\u0624": "\u0648", "\u0626": "\u064a",
    "\u06a9": "\u0643", "\u06cc": "\u064a", "\u06af": "\u0643"
  };
  var LETTER_RE = /[\u0623\u0625\u0622\u0671\u0649\u0624\u0626\u06a9\u06cc\u06af]/g;
  var DIGIT_RE = /[\u0660-\u0669\u06f0-\u06f9]/g;
  var WORD_RE = /[\p{L}\p{N}]+/gu;
  var MAX_TERM = 40;
  var MIN_STEM = 3;
  var MIN_STEM_AFTER_ARTICLE = 2;

  function fold(text) {
    var out = text.normalize("NFC").replace(TATWEEL, "").replace(DIACRITICS, "").replace(INVISIBLES, "")
      .replace(DIGIT_RE, function (d) {
        var c = d.charCodeAt(0);
        return String.fromCharCode(48 + c - (c >= 0x06f0 ? 0x06f0 : 0x0660));
      })
      .replace(LETTER_RE, function (c) { return LETTERS[c]; });
    return (out || text).replace(/\u0629/g, "\u0647").toLowerCase();
  }

  function cpLength(s) {
    return /[\ud800-\udfff]/.test(s) ? Array.from(s).length : s.length;
  }

  function cut(term) {
    return cpLength(term) > MAX_TERM ? Array.from(term).slice(0, MAX_TERM).join("") : term;
  }

  function terms(text) {
    return (fold(text).match(WORD_RE) || []).map(cut);
  }

  var PREFIXES = (function () {
    var seen = {}, runs = [];
    ["", "\u0648", "\u0641"].forEach(function (conj) {
      ["", "\u0628", "\u0644", "\u0643"].forEach(function (prep) {
        ["", "\u0627\u0644"].forEach(function (art) {
          var run = conj + (prep === "\u0644" && art ? "\u0644\u0644" : prep + art);
          if (run && !seen[run]) { seen[run] = true; runs.push([run, !!art]); }
        });
      });
    });
    return runs.sort(function (a, b) {
      return b[0].length - a[0].length || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    });
  })();

  function stems(term) {
    var out = [];
    for (var i = 0; i < PREFIXES.length; i++) {
      var run = PREFIXES[i][0];
      if (term.lastIndexOf(run, 0) === 0) {
        var rest = term.slice(run.length);
        if (cpLength(rest) >= (PREFIXES[i][1] ? MIN_STEM_AFTER_ARTICLE : MIN_STEM) && out.indexOf(rest) < 0) out.push(rest);
      }
    }
    return out;
  }

  function queryVariants(term) {
    return [term].concat(stems(term));
  }

  // --- the index --------------------------------------------------------------------------------------
  var ALPHABET = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";
  var DIGIT_VALUE = {};
  for (var a = 0; a < ALPHABET.length; a++) DIGIT_VALUE[ALPHABET.charAt(a)] = a;
  var MAX_EXPANSION = 2000; // index terms one query variant may expand to (its exact term always included)
  var MAX_QUERY_TERMS = 12;
  var UNSAFE_URL = /^([a-zA-Z][a-zA-Z0-9+.\-]*:|[\/\\])/;

  function decodePostings(encoded) {
    var numbers = [], value = 0, previous = -1;
    for (var i = 0; i < encoded.length; i++) {
      var d = DIGIT_VALUE[encoded.charAt(i)];
      if (d >= 32) value = value * 32 + d - 32;
      else { previous = previous + 1 + value * 32 + d; numbers.push(previous); value = 0; }
    }
    return numbers;
  }

  // "k" + suffix items: k (char code - 48) UTF-16 units shared with the previous term.
  function frontDecode(coded) {
    var out = [], previous = "";
    if (!coded) return out;
    var items = coded.split(" ");
    for (var i = 0; i < items.length; i++) {
      previous = previous.slice(0, items[i].charCodeAt(0) - 48) + items[i].slice(1);
      out.push(previous);
    }
    return out;
  }

  function lowerBound(sorted, key) {
    var lo = 0, hi = sorted.length;
    while (lo < hi) {
      var mid = (lo + hi) >>> 1;
      if (sorted[mid] < key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  function Index(data) {
    if (!data || data.version !== 1) throw new Error("unknown search index version");
    this.docs = data.docs;
    this.terms = frontDecode(data.terms);
    this.postings = data.postings ? data.postings.split(" ") : [];
    this.decoded = new Map();
    this.titles = new Map();
    var byStem = new Map();
    for (var i = 0; i < this.terms.length; i++) {
      var s = stems(this.terms[i]);
      for (var j = 0; j < s.length; j++) {
        var list = byStem.get(s[j]);
        if (list) list.push(i); else byStem.set(s[j], [i]);
      }
    }
    this.byStem = byStem;
    this.stemKeys = Array.from(byStem.keys()).sort();
  }

  Index.prototype.docsOf = function (termId) {
    var list = this.decoded.get(termId);
    if (!list) { list = decodePostings(this.postings[termId]); this.decoded.set(termId, list); }
    return list;
  };

  // Calls visit(key, exact, position) for the sorted keys equal to or starting with v (only equal when v is one letter).
  function eachWithPrefix(sorted, v, visit) {
    var exactOnly = cpLength(v) < 2;
    for (var i = lowerBound(sorted, v), n = 0; i < sorted.length && n < MAX_EXPANSION; i++, n++) {
      var key = sorted[i];
      if (key === v) visit(key, true, i);
      else if (!exactOnly && key.lastIndexOf(v, 0) === 0) visit(key, false, i);
      else break;
    }
  }

  // Match quality of one query term in each doc: exact term 1, exact stem .9, prefix .6/.5, times .9 for a
  // stem of the query term (وموسكو → موسكو).
  Index.prototype.matchTerm = function (qterm) {
    var self = this, best = new Map();
    function credit(termId, score) {
      var list = self.docsOf(termId);
      for (var k = 0; k < list.length; k++) {
        var d = list[k], old = best.get(d);
        if (old === undefined || score > old) best.set(d, score);
      }
    }
    queryVariants(qterm).forEach(function (v, n) {
      var weight = n === 0 ? 1 : 0.9;
      eachWithPrefix(self.terms, v, function (term, exact, i) {
        credit(i, weight * (exact ? 1 : 0.6));
      });
      eachWithPrefix(self.stemKeys, v, function (stem, exact) {
        var ids = self.byStem.get(stem);
        for (var k = 0; k < ids.length; k++) credit(ids[k], weight * (exact ? 0.9 : 0.5));
      });
    });
    return best;
  };

  // A doc's title and names (aliases): each one's terms joined by spaces ("wholes"), and all their terms
  // with their stems ("keys").
  Index.prototype.titleKeys = function (d) {
    var entry = this.titles.get(d);
    if (!entry) {
      var doc = this.docs[d], titles = [String(doc[1] || "")].concat(Array.isArray(doc[5]) ? doc[5].map(String) : []);
      entry = { wholes: [], keys: [] };
      titles.forEach(function (title) {
        var found = terms(title);
        entry.wholes.push(found.join(" "));
        found.forEach(function (t) { entry.keys.push(t); entry.keys.push.apply(entry.keys, stems(t)); });
      });
      this.titles.set(d, entry);
    }
    return entry;
  };

  // Normalize the titles ahead of the first query, in small slices while the browser is idle.
  Index.prototype.warmTitles = function () {
    var self = this, next = 0;
    var later = window.requestIdleCallback || function (f) { return setTimeout(f, 1); };
    (function slice() {
      for (var end = Math.min(next + 250, self.docs.length); next < end; next++) self.titleKeys(next);
      if (next < self.docs.length) later(slice);
    })();
  };

  Index.prototype.titleBonus = function (d, variants) {
    var keys = this.titleKeys(d).keys, bonus = 0;
    for (var i = 0; i < variants.length; i++) {
      for (var j = 0; j < keys.length; j++) {
        if (keys[j] === variants[i]) return 0.5;
        if (cpLength(variants[i]) >= 2 && keys[j].lastIndexOf(variants[i], 0) === 0) bonus = 0.25;
      }
    }
    return bonus;
  };

  // Ranked results: docs matching more query terms first, then by score × boost, where a doc's score sums
  // each query term's best match, a title bonus per term, and 1 when the title or one of the names is exactly the query.
  Index.prototype.search = function (query) {
    var qterms = [];
    terms(query).forEach(function (t) { if (qterms.indexOf(t) < 0 && qterms.length < MAX_QUERY_TERMS) qterms.push(t); });
    var acc = new Map(), self = this, whole = qterms.join(" ");
    qterms.forEach(function (q) {
      var variants = queryVariants(q);
      self.matchTerm(q).forEach(function (score, d) {
        var r = acc.get(d);
        if (!r) { r = { doc: d, cover: 0, score: 0 }; acc.set(d, r); }
        r.cover += 1;
        r.score += score + self.titleBonus(d, variants);
      });
    });
    var results = [];
    acc.forEach(function (r) {
      var doc = self.docs[r.doc];
      if (typeof doc[0] !== "string" || UNSAFE_URL.test(doc[0])) return;
      if (self.titleKeys(r.doc).wholes.indexOf(whole) >= 0) r.score += 1;  // ميخائيل before ميخائيل بوغدانوف
      r.score *= typeof doc[4] === "number" && doc[4] > 0 ? doc[4] : 1;
      results.push(r);
    });
    results.sort(function (x, y) { return y.cover - x.cover || y.score - x.score || x.doc - y.doc; });
    return results.map(function (r) {
      var doc = self.docs[r.doc];
      return { url: doc[0], title: String(doc[1] || doc[0]), kind: doc[2], label: doc[3], score: r.score, complete: r.cover === qterms.length };
    });
  };

  // --- loading ----------------------------------------------------------------------------------------
  var root = null, loading = null;

  function siteRoot() {
    if (!root) {
      var box = document.querySelector("[data-ar-search]");
      var base = box ? box.getAttribute("data-ar-base") || "." : ".";
      root = new URL(base.replace(/\/?$/, "/"), document.baseURI);
    }
    return root;
  }

  function load() {
    if (!loading) {
      var started = performance.now();
      loading = fetch(new URL("search/index.json", siteRoot()), { credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (data) {
          var index = new Index(data);
          api.loadMs = performance.now() - started;
          document.documentElement.setAttribute("data-ar-search", "ready");
          index.warmTitles();
          return index;
        });
      loading.catch(function () {
        document.documentElement.setAttribute("data-ar-search", "failed");
        loading = null;
      });
    }
    return loading;
  }

  // --- the UI (Material's header search box, driven by this script) ------------------------------------
  var KIND_NAMES = { PER: "شخص", ORG: "منظمة", LOC: "مكان", MISC: "فاعل آخر", article: "مقال", page: "صفحة", actor: "فاعل" };
  var MAX_SHOWN = 50;

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

  function render(box, query, results) {
    var meta = box.querySelector(".md-search-result__meta");
    var list = box.querySelector(".md-search-result__list");
    list.textContent = "";
    if (!terms(query).length) { meta.textContent = "اكتب كلمة للبحث"; return; }
    meta.textContent = results.length ? countText(results.length) : "لا نتائج";
    results.slice(0, MAX_SHOWN).forEach(function (r) {
      var item = el("li", "md-search-result__item");
      var link = el("a", "md-search-result__link");
      link.href = new URL(r.url, siteRoot()).href;
      var article = el("article", "md-search-result__article md-typeset ar-search__result");
      var title = el("h1", "ar-search__title", r.title);
      title.setAttribute("dir", "auto");
      article.appendChild(title);
      var kind = el("p", "ar-search__kind ar-search__kind--" + String(r.label || r.kind).toLowerCase().replace(/[^a-z]/g, ""), kindName(r));
      if (!r.complete) kind.appendChild(el("span", "ar-search__partial", " · تطابق جزئي"));
      article.appendChild(kind);
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
    if (results.length > MAX_SHOWN) list.appendChild(el("li", "md-search-result__more ar-search__more", "و" + (results.length - MAX_SHOWN) + " أخرى: دقّق البحث"));
  }

  function setup() {
    var box = document.querySelector("[data-ar-search]");
    if (!box) return;
    var input = box.querySelector("input.md-search__input");
    var toggle = document.getElementById("__search");
    var meta = box.querySelector(".md-search-result__meta");
    var timer = null, serial = 0;

    function run() {
      var query = input.value, mine = ++serial;
      if (!terms(query).length) { render(box, query, []); return; }
      meta.textContent = "جارٍ تحميل الفهرس…";
      load().then(function (index) {
        if (mine === serial) render(box, query, index.search(query));
      }, function () {
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
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, 60); });
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) open(true); });
    box.querySelector("form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      run();
      var first = box.querySelector(".md-search-result__link");
      if (first && loading) first.focus();
    });
    box.querySelector("form").addEventListener("reset", function () {
      setTimeout(function () { render(box, "", []); input.focus(); }, 0);
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
    var q = new URLSearchParams(location.search).get("q");
    if (q) { input.value = q; open(true); run(); }
  }

  var api = {
    fold: fold, terms: terms, stems: stems, queryVariants: queryVariants, decodePostings: decodePostings,
    Index: Index, load: load, loadMs: null,
    search: function (query) { return load().then(function (index) { return index.search(query); }); }
  };
  window.arSearch = api;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
