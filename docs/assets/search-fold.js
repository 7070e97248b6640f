/* Arabic search, part 1 of 6 (loaded first; see search.js): folding, stems and spelling keys, and the
 * Matcher that scores a text's words against a query. Mirrors annotate/arabic.py and
 * annotate/search/normalize.py exactly; the parity test (tests/js_parity/cases.json) checks both sides.
 */
(function (S) {
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

  // --- spelling keys (mirror of annotate.search.normalize.name_key) ------------------------------------
  var KEY_MARK = "~";
  var ARABIC_TERM = /^[\u0621-\u064a]+$/;
  var LATIN_TERM = /^[a-z]+$/;
  var LATIN_DIGRAPHS = [["kh", "x"], ["gh", "k"], ["sh", "s"], ["ch", "s"], ["th", "t"], ["dh", "d"], ["ph", "f"], ["ck", "k"]];
  var LATIN_CLASSES = { q: "k", g: "k", c: "k", j: "k", v: "f", p: "b", z: "s" };
  var LATIN_VOWELS = "aeiouyw";

  function collapse(text) { return text.replace(/(.)\1+/g, "$1"); }

  function nameKey(term) {
    var key;
    if (ARABIC_TERM.test(term)) {
      key = term.replace(/[\u062c\u063a\u0642]/g, "\u0643");
      key = collapse(key.charAt(0) + key.slice(1).replace(/[\u0627\u0648\u064a\u0621]/g, ""));
      return key.length >= 3 ? KEY_MARK + key : null;
    }
    var plain = term.normalize("NFD").replace(/\p{M}/gu, "");
    if (!LATIN_TERM.test(plain)) return null;
    LATIN_DIGRAPHS.forEach(function (d) { plain = plain.split(d[0]).join(d[1]); });
    plain = plain.replace(/[qgcjvpz]/g, function (c) { return LATIN_CLASSES[c]; });
    if (plain.length > 2 && plain.charAt(plain.length - 1) === "h" && LATIN_VOWELS.indexOf(plain.charAt(plain.length - 2)) >= 0) plain = plain.slice(0, -1);
    var head = LATIN_VOWELS.indexOf(plain.charAt(0)) >= 0 ? "a" : plain.charAt(0), body = "";
    for (var i = 1; i < plain.length; i++) if (LATIN_VOWELS.indexOf(plain.charAt(i)) < 0) body += plain.charAt(i);
    key = collapse(head + body);
    return key.length >= 1 ? KEY_MARK + key : null;
  }

  function nameKeys(term) {
    var out = [];
    queryVariants(term).forEach(function (v) { var k = nameKey(v); if (k && out.indexOf(k) < 0) out.push(k); });
    return out;
  }

  // --- words of a text, with their terms, for excerpts and highlighting --------------------------------
  var TEXT_WORD_RE = /[\p{L}\p{M}\p{N}\u0640\u200c\u200d]+/gu;

  // How well a text term matches a query term: 3 the same word (itself or a stem), 2 the word starts with
  // it, 1 the same spelling key (names), 0 not at all.
  function Matcher(qterms) {
    this.qterms = qterms;
    this.variants = qterms.map(queryVariants);
    this.keys = qterms.map(nameKeys);
    this.cache = new Map();
    this.wordCache = new Map();  // a word as written → its levels (articles repeat their words)
  }

  Matcher.prototype.levels = function (term) {
    var hit = this.cache.get(term);
    if (hit) return hit;
    var own = queryVariants(term), ownKeys = null, self = this;
    hit = this.qterms.map(function (q, i) {
      var vs = self.variants[i], best = 0;
      for (var a = 0; a < vs.length; a++) {
        for (var b = 0; b < own.length; b++) {
          if (own[b] === vs[a]) return 3;
          if (cpLength(vs[a]) >= 2 && own[b].lastIndexOf(vs[a], 0) === 0) best = 2;
        }
      }
      if (best) return best;
      if (!ownKeys) ownKeys = nameKeys(term);
      for (var k = 0; k < ownKeys.length; k++) if (self.keys[i].indexOf(ownKeys[k]) >= 0) return 1;
      return 0;
    });
    this.cache.set(term, hit);
    return hit;
  };

  // The words of a text: [{start, end, levels}] (levels: one per query term, the best over the word's terms).
  Matcher.prototype.words = function (text) {
    var out = [], m, self = this;
    TEXT_WORD_RE.lastIndex = 0;
    while ((m = TEXT_WORD_RE.exec(text))) {
      var levels = this.wordCache.get(m[0]);
      if (levels === undefined) {
        levels = null;
        terms(m[0]).forEach(function (t) {
          var l = self.levels(t);
          levels = levels ? levels.map(function (x, i) { return Math.max(x, l[i]); }) : l.slice();
        });
        this.wordCache.set(m[0], levels);
      }
      if (levels) out.push({ start: m.index, end: m.index + m[0].length, levels: levels });
    }
    return out;
  };

  function best(levels) { return Math.max.apply(null, levels.concat([0])); }

  var MAX_QUERY_TERMS = 12;
  function queryTerms(query) {
    var out = [];
    terms(query).forEach(function (t) { if (out.indexOf(t) < 0 && out.length < MAX_QUERY_TERMS) out.push(t); });
    return out;
  }

  S.fold = fold;
  S.cpLength = cpLength;
  S.terms = terms;
  S.stems = stems;
  S.queryVariants = queryVariants;
  S.nameKey = nameKey;
  S.nameKeys = nameKeys;
  S.queryTerms = queryTerms;
  S.Matcher = Matcher;
  S.best = best;
})(window.arSearchParts = window.arSearchParts || {});
