/* Arabic search for the static site: reads the sharded index under search/ (built by annotate/search:
 * meta.json first, then only the shards of the query's keys and the records of the best candidates) and
 * searches it in the browser. Normalization mirrors annotate/search/normalize.py and annotate/arabic.py
 * exactly; the parity test (tests/js_parity/cases.json) checks both sides on the same cases.
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

  // --- the index --------------------------------------------------------------------------------------
  var ALPHABET = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";
  var DIGIT_VALUE = {};
  for (var a = 0; a < ALPHABET.length; a++) DIGIT_VALUE[ALPHABET.charAt(a)] = a;
  var TITLE = 1, EXACT = 2, OFTEN = 4, DOCS_PER_TABLE = 512;
  var MAX_EXPANSION = 400;      // keys one query variant may expand to (its exact key always included)
  var MAX_PREFIX_SHARDS = 3;    // shards a prefix may span before it is looked up exactly only
  var MAX_QUERY_TERMS = 12;
  var ACTOR_CANDIDATES = 10, OTHER_CANDIDATES = 20;  // records fetched to rank and show
  var UNSAFE_URL = /^([a-zA-Z][a-zA-Z0-9+.\-]*:|[\/\\])/;
  var ARABIC_QUERY = /[\u0600-\u06ff]/;

  function decodePostings(encoded) {
    var numbers = [], value = 0, previous = -1;
    for (var i = 0; i < encoded.length; i++) {
      var d = DIGIT_VALUE[encoded.charAt(i)];
      if (d >= 32) value = value * 32 + d - 32;
      else { previous = previous + 1 + value * 32 + d; numbers.push(previous); value = 0; }
    }
    return numbers;
  }

  // "k" + suffix items: k (char code - 48) UTF-16 units shared with the previous key.
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

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status + " " + url);
      return response.json();
    });
  }

  function Index(meta, base) {
    if (!meta || meta.version !== 2) throw new Error("unknown search index version");
    this.meta = meta;
    this.base = base;
    this.firsts = frontDecode(meta.shards);
    this.ranges = meta.ranges || {};
    this.shards = new Map();
    this.docs = new Map();
    this.tables = new Map();
    this.actorList = null;
  }

  Index.prototype.url = function (path) { return new URL(path, this.base).href; };

  Index.prototype.shardOf = function (key) {
    var i = lowerBound(this.firsts, key);
    if (i < this.firsts.length && this.firsts[i] === key) return i;
    return Math.max(0, i - 1);
  };

  Index.prototype.shard = function (i) {
    var found = this.shards.get(i);
    if (!found) {
      found = getJSON(this.url("search/s/" + i + ".json")).then(function (data) {
        return { keys: frontDecode(data.keys), lists: data.postings ? data.postings.split(" ") : [], decoded: new Map() };
      });
      found.catch(function () {});
      this.shards.set(i, found);
    }
    return found;
  };

  // The record of doc n: its name from the table of its block, then the record itself.
  Index.prototype.doc = function (n) {
    var found = this.docs.get(n), self = this;
    if (!found) {
      var block = Math.floor(n / DOCS_PER_TABLE), table = this.tables.get(block);
      if (!table) {
        table = getJSON(this.url("search/m/" + block + ".json"));
        table.catch(function () {});
        this.tables.set(block, table);
      }
      found = table.then(function (names) {
        var name = String(names[n % DOCS_PER_TABLE] || "");
        if (!/^[0-9a-f]{12}$/.test(name)) throw new Error("no record for doc " + n);
        return getJSON(self.url("search/d/" + name.slice(0, 2) + "/" + name.slice(2) + ".json"));
      });
      found.catch(function () {});
      this.docs.set(n, found);
    }
    return found;
  };

  Index.prototype.actors = function () {
    if (!this.actorList) this.actorList = getJSON(this.url("search/actors.json"));
    return this.actorList;
  };

  function postingsOf(shard, i) {
    var list = shard.decoded.get(i);
    if (!list) { list = decodePostings(shard.lists[i]); shard.decoded.set(i, list); }
    return list;
  }

  // visit(postings, exact) for the key v and, when prefix, the keys that start with it.
  Index.prototype.lookup = function (v, prefix, visit) {
    var first = this.shardOf(v), last = prefix ? this.shardOf(v + "\uffff") : first, self = this;
    if (last - first >= MAX_PREFIX_SHARDS) last = first;
    var wanted = [];
    for (var i = first; i <= last; i++) wanted.push(this.shard(i));
    return Promise.all(wanted).then(function (shards) {
      var n = 0;
      shards.forEach(function (shard) {
        for (var k = lowerBound(shard.keys, v); k < shard.keys.length && n < MAX_EXPANSION; k++, n++) {
          var key = shard.keys[k];
          if (key === v) visit(postingsOf(shard, k), true);
          else if (prefix && key.lastIndexOf(v, 0) === 0) visit(postingsOf(shard, k), false);
          else break;
        }
      });
    });
  };

  // Best match of one query term in each doc: {score, title, fuzzy}. The term itself 1, a stem of it .9,
  // a word starting with it .6; .9 of that when the doc has the key only through a stem of its words; a
  // name's spelling key .45 (fuzzy); +.5 in the title or names (+.25 for prefixes and keys), +.1 frequent.
  Index.prototype.matchTerm = function (q) {
    var self = this, found = new Map(), jobs = [];
    function credit(list, base, bonus, fuzzy) {
      for (var k = 0; k < list.length; k++) {
        var p = list[k], d = Math.floor(p / 8), f = p % 8;
        var score = (f & EXACT ? base : base * 0.9) + (f & TITLE ? bonus : 0) + (f & OFTEN ? 0.1 : 0);
        var old = found.get(d);
        if (!old || score > old.score) found.set(d, { score: score, title: !!(f & TITLE) || (old && old.title), fuzzy: fuzzy && (!old || old.fuzzy) });
        else if (!fuzzy) { old.fuzzy = false; if (f & TITLE) old.title = true; }
      }
    }
    queryVariants(q).forEach(function (v, n) {
      var weight = n === 0 ? 1 : 0.9;
      jobs.push(self.lookup(v, cpLength(v) >= 2, function (list, exact) {
        credit(list, weight * (exact ? 1 : 0.6), exact ? 0.5 : 0.25, false);
      }));
    });
    nameKeys(q).forEach(function (key) {
      jobs.push(self.lookup(key, cpLength(key) >= 4, function (list, exact) {
        credit(list, exact ? 0.45 : 0.35, 0.25, true);
      }));
    });
    return Promise.all(jobs).then(function () { return found; });
  };

  function inRange(range, d) { return Array.isArray(range) && d >= range[0] && d < range[1]; }

  Index.prototype.allowed = function (d, filters, arabic) {
    var r = this.ranges;
    if (arabic && inRange(r.en, d)) return false;
    if (filters.kind && !inRange(r[filters.kind], d)) return false;
    if (filters.label && !inRange((r.labels || {})[filters.label], d)) return false;
    if (filters.year && !inRange((r.years || {})[filters.year], d)) return false;
    return true;
  };

  function queryTerms(query) {
    var out = [];
    terms(query).forEach(function (t) { if (out.indexOf(t) < 0 && out.length < MAX_QUERY_TERMS) out.push(t); });
    return out;
  }

  // Phase 2, on one candidate's record: its tier and what the excerpt shows. Tiers:
  //   0 a name (or title) is exactly the query, after folding and clitics; 1 the same up to spelling;
  //   2 every query word in one of an actor's names; 3 the same up to spelling; 4 every query word in one
  //   sentence (a title is one); 5 an actor named by some of the query's words (unless another page has the whole query
  //   as a phrase: then the actor «الإسلام» is not what «سيف الإسلام» asks for); 6 the rest.
  //   English pages come after all of these (TIER_EN).
  var TIER_NAMED = 5, TIER_REST = 6, TIER_EN = 10;

  function judge(record, matcher, qterms) {
    var names = [String(record.t || "")].concat(Array.isArray(record.n) ? record.n.map(String) : []);
    var n = qterms.length, tier = TIER_REST, namedHits = [], sentencesOut = [], together = 0, phrase = 0, namedBy = [];
    var actor = record.k === "actor";
    names.forEach(function (name, index) {
      var words = matcher.words(name);
      if (!words.length || (!actor && index > 0)) return;
      if (words.some(function (w) { return best(w.levels) > 0; })) namedHits.push({ text: name, words: words });
      if (words.length === n) {
        if (words.every(function (w, i) { return w.levels[i] === 3; })) tier = Math.min(tier, 0);
        else if (words.every(function (w, i) { return w.levels[i] > 0; })) tier = Math.min(tier, 1);
      }
      var every = function (level) {
        return qterms.every(function (q, i) { return words.some(function (w) { return w.levels[i] >= level; }); });
      };
      if (every(2)) tier = Math.min(tier, actor ? 2 : 4);
      else if (actor && every(1)) tier = Math.min(tier, 3);
      if (actor && n > 1 && words.length < n && words.every(function (w) { return w.levels.indexOf(3) >= 0; })) {
        tier = Math.min(tier, TIER_NAMED);
        words.forEach(function (w) { w.levels.forEach(function (l, i) { if (l === 3 && namedBy.indexOf(i) < 0) namedBy.push(i); }); });
      }
    });
    var texts = actor ? [] : [String(record.t || "")];
    texts = texts.concat(Array.isArray(record.x) ? record.x : []);
    texts.forEach(function (sentence, s) {
      sentence = String(sentence);
      var words = matcher.words(sentence);
      var found = qterms.map(function (q, i) { return words.some(function (w) { return w.levels[i] >= 2; }); });
      var count = found.filter(Boolean).length;
      if (!count) return;
      var inOrder = false;
      if (count === n && n > 1) {
        for (var w = 0; w + n <= words.length && !inOrder; w++) {
          inOrder = qterms.every(function (q, i) { return words[w + i].levels[i] >= 2; });
        }
      }
      if (count === n) { together += 1; if (inOrder) phrase += 1; }
      if (actor || s > 0) sentencesOut.push({ text: sentence, words: words, count: count, phrase: inOrder });
    });
    if (together && tier > 4) tier = 4;
    sentencesOut.sort(function (x, y) { return (y.phrase - x.phrase) || (y.count - x.count); });
    if (record.lang === "en") tier += TIER_EN;
    return { tier: tier, together: together, phrase: phrase, names: namedHits, sentences: sentencesOut.slice(0, 2), namedBy: namedBy };
  }

  // Ranked results for a query: {results, total, fuzzy}; each result carries its record and excerpt parts.
  // first: how many records to fetch before answering (the first results a reader sees, refined by a
  // second call with the full number once those arrive); omitted, all candidates.
  Index.prototype.search = function (query, filters, first) {
    filters = filters || {};
    var qterms = queryTerms(query), self = this, arabic = ARABIC_QUERY.test(query);
    if (!qterms.length) return Promise.resolve({ results: [], total: 0, fuzzy: false, terms: qterms });
    return Promise.all(qterms.map(function (q) { return self.matchTerm(q); })).then(function (perTerm) {
      var acc = new Map();
      perTerm.forEach(function (found) {
        found.forEach(function (m, d) {
          if (!self.allowed(d, filters, arabic)) return;
          var r = acc.get(d);
          if (!r) { r = { doc: d, cover: 0, score: 0, titles: 0, fuzzy: true }; acc.set(d, r); }
          r.cover += 1;
          r.score += m.score;
          if (m.title) r.titles += 1;
          if (!m.fuzzy) r.fuzzy = false;
        });
      });
      var all = Array.from(acc.values()), actorRange = self.ranges.actor;
      var actors = all.filter(function (r) { return inRange(actorRange, r.doc); });
      var others = all.filter(function (r) { return !inRange(actorRange, r.doc); });
      actors.sort(function (x, y) { return y.titles - x.titles || y.cover - x.cover || y.score - x.score || x.doc - y.doc; });
      others.sort(function (x, y) { return y.cover - x.cover || y.score - x.score || y.doc - x.doc; });  // ties: newest
      var nActors = first ? Math.min(ACTOR_CANDIDATES, Math.ceil(first / 3)) : ACTOR_CANDIDATES;
      var candidates = actors.slice(0, nActors).concat(others.slice(0, first ? first - Math.min(nActors, actors.length) : OTHER_CANDIDATES));
      var matcher = new Matcher(qterms);
      return Promise.all(candidates.map(function (r) { return self.doc(r.doc).catch(function () { return null; }); })).then(function (records) {
        var results = [];
        candidates.forEach(function (r, i) {
          var record = records[i];
          if (!record || typeof record.u !== "string" || UNSAFE_URL.test(record.u)) return;
          var verdict = judge(record, matcher, qterms);
          var mentions = Array.isArray(record.c) ? +record.c[1] || 0 : 0;  // the better-known actor first
          results.push({ doc: r.doc, cover: r.cover, phrase: verdict.phrase > 0, namedBy: verdict.namedBy,
                         score: r.score + 0.2 * Math.min(verdict.together, 5) + 0.3 * Math.min(verdict.phrase, 3) + 0.05 * Math.log(1 + mentions),
                         fuzzy: r.fuzzy, tier: verdict.tier, record: record, names: verdict.names, sentences: verdict.sentences,
                         url: record.u, title: String(record.t || record.u), kind: record.k, label: record.l, complete: r.cover === qterms.length });
        });
        var named = {};
        results.forEach(function (r) { if (r.tier === TIER_NAMED) r.namedBy.forEach(function (i) { named[i] = true; }); });
        var allNamed = qterms.every(function (q, i) { return named[i]; });
        if (!allNamed && results.some(function (r) { return r.phrase; })) {
          results.forEach(function (r) { if (r.tier === TIER_NAMED) r.tier = TIER_REST; });
        }
        results.sort(function (x, y) { return x.tier - y.tier || y.cover - x.cover || y.score - x.score || x.doc - y.doc; });
        results = interleave(results);
        var fuzzy = results.length > 0 && results[0].fuzzy;  // the best hit was found by its spelling only
        var complete = !first || (actors.length <= nActors && others.length <= candidates.length - Math.min(nActors, actors.length));
        return { results: results, total: acc.size, fuzzy: fuzzy, terms: qterms, matcher: matcher, complete: complete };
      });
    });
  };

  // The actors a multi-word query names one word at a time (حفتر موسكو: Haftar, Moscow) come right after
  // the first SENTENCE_LEAD pages that have all the words together, not after all of them.
  var SENTENCE_LEAD = 3;
  function interleave(sorted) {
    var together = sorted.filter(function (r) { return r.tier === 4; });
    var named = sorted.filter(function (r) { return r.tier === TIER_NAMED; });
    if (!together.length || !named.length) return sorted;
    var out = sorted.filter(function (r) { return r.tier < 4; }).concat(together.slice(0, SENTENCE_LEAD), named, together.slice(SENTENCE_LEAD));
    return out.concat(sorted.filter(function (r) { return r.tier > TIER_NAMED; }));
  }

  // Edit distance, stopping early beyond 1 (enough for «هل تقصد»).
  function withinOneEdit(a, b) {
    if (a === b) return true;
    var la = a.length, lb = b.length;
    if (Math.abs(la - lb) > 1) return false;
    var i = 0, j = 0, edits = 0;
    while (i < la && j < lb) {
      if (a.charAt(i) === b.charAt(j)) { i++; j++; continue; }
      if (++edits > 1) return false;
      if (la > lb) i++; else if (lb > la) j++; else { i++; j++; }
    }
    return edits + (la - i) + (lb - j) <= 1;
  }

  // Actors one edit away from the query (whole names, or one word of a name against one query word).
  Index.prototype.suggest = function (query) {
    var qterms = queryTerms(query), whole = qterms.map(function (t) { return stems(t)[0] || t; }).join(" ");
    var plain = qterms.join(" ");
    return this.actors().then(function (list) {
      var found = [];
      list.forEach(function (a) {
        var names = [String(a[1])].concat(Array.isArray(a[2]) ? a[2].map(String) : []), rank = null;
        names.forEach(function (name) {
          var t = terms(name), joined = t.join(" ");
          if (withinOneEdit(joined, plain) || withinOneEdit(joined, whole)) rank = 0;
          else if (rank === null && qterms.length === 1 && cpLength(qterms[0]) >= 4 &&
                   t.some(function (w) { return queryVariants(qterms[0]).some(function (v) { return cpLength(w) >= 4 && withinOneEdit(w, v); }); })) rank = 1;
        });
        if (rank !== null) found.push({ rank: rank, doc: a[0], name: String(a[1]) });
      });
      found.sort(function (x, y) { return x.rank - y.rank || x.doc - y.doc; });
      return found.slice(0, 3);
    });
  };

  // --- loading ----------------------------------------------------------------------------------------
  var root = null, loading = null;

  function siteRoot() {
    if (!root) {
      var box = document.querySelector("div[data-ar-search]");
      var base = box ? box.getAttribute("data-ar-base") || "." : ".";
      root = new URL(base.replace(/\/?$/, "/"), document.baseURI);
    }
    return root;
  }

  // Compile the Unicode-property regular expressions and the matching code once, while the reader is
  // still typing (the first search otherwise pays for it after the last keystroke).
  function warmUp() {
    var matcher = new Matcher(queryTerms("وموسكو Kadhafi"));
    matcher.words("وصل الوفد إلى موسكو، ثم Gaddafi.");
    nameKey("فاغنر");
  }

  function load() {
    if (!loading) {
      var started = performance.now();
      loading = getJSON(new URL("search/meta.json", siteRoot()).href).then(function (meta) {
        var index = new Index(meta, siteRoot());
        warmUp();
        api.loadMs = performance.now() - started;
        document.documentElement.setAttribute("data-ar-search", "ready");
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
  var LABEL_FILTERS = [["", "كل الأنواع"], ["PER", "أشخاص"], ["ORG", "منظمات"], ["LOC", "أماكن"], ["MISC", "أخرى"]];
  var KIND_FILTERS = [["", "الكل"], ["actor", "فاعلون"], ["article", "مقالات"]];
  var MAX_SHOWN = 50, EXCERPT = 200, HIGHLIGHT_PARAM = "hl";
  var FIRST_RECORDS = 8;  // results shown first, while the other candidates' records load
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

  function setup() {
    var box = document.querySelector("div[data-ar-search]");
    if (!box) return;
    var input = box.querySelector("input.md-search__input");
    var toggle = document.getElementById("__search");
    var meta = box.querySelector(".md-search-result__meta");
    var timer = null, serial = 0;
    var filters = buildFilters(box, function () { run(); });

    function run() {
      var query = input.value, mine = ++serial, started = performance.now();
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
            api.firstMs = performance.now() - started;
            box.setAttribute("data-ar-first", String(mine));
          }
          return (found.complete ? Promise.resolve(found) : index.search(query, chosen)).then(function (all) {
            if (mine !== serial) return;
            return render(box, query, all, index).then(function () {
              if (mine !== serial) return;
              api.lastMs = performance.now() - started;
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
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(run, PAUSE_MS); });
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) open(true); });
    box.querySelector("form").addEventListener("submit", function (ev) {
      ev.preventDefault();
      clearTimeout(timer);
      run();
      var first = box.querySelector(".md-search-result__link");
      if (first && loading) first.focus();
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

  // --- arriving at a match: mark the query's words on the page and scroll to the first -----------------
  function highlight(query) {
    var qterms = queryTerms(query);
    var content = document.querySelector(".md-content article") || document.querySelector(".md-content");
    if (!qterms.length || !content) return 0;
    var matcher = new Matcher(qterms), nodes = [], walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT, {
      acceptNode: function (node) {
        var parent = node.parentNode;
        if (!parent || /^(SCRIPT|STYLE|MARK|TEXTAREA)$/.test(parent.nodeName) || parent.closest("div[data-ar-search], .headerlink, svg")) return NodeFilter.FILTER_REJECT;
        return /\S/.test(node.nodeValue) ? NodeFilter.FILTER_ACCEPT : NodeFilter.FILTER_REJECT;
      }
    });
    while (walker.nextNode()) nodes.push(walker.currentNode);
    var marks = [];
    nodes.forEach(function (node) {
      var text = node.nodeValue, words = matcher.words(text).filter(function (w) { return best(w.levels) >= 2 || w.levels.indexOf(1) >= 0; });
      if (!words.length) return;
      var frag = document.createDocumentFragment(), at = 0;
      words.forEach(function (w) {
        if (w.start > at) frag.appendChild(document.createTextNode(text.slice(at, w.start)));
        var mark = el("mark", "ar-search__hit", text.slice(w.start, w.end));
        mark.setAttribute("data-ar-hit", "");
        frag.appendChild(mark);
        marks.push(mark);
        at = w.end;
      });
      if (at < text.length) frag.appendChild(document.createTextNode(text.slice(at)));
      node.parentNode.replaceChild(frag, node);
    });
    if (marks.length) {
      var first = marks.filter(function (m) { return !m.closest("h1"); })[0] || marks[0];
      first.scrollIntoView({ block: "center" });
      first.classList.add("ar-search__hit--first");
    }
    document.documentElement.setAttribute("data-ar-highlighted", String(marks.length));
    return marks.length;
  }

  var api = {
    fold: fold, terms: terms, stems: stems, queryVariants: queryVariants, nameKey: nameKey, decodePostings: decodePostings,
    Index: Index, load: load, loadMs: null, firstMs: null, lastMs: null, highlight: highlight,
    search: function (query, filters) {
      return load().then(function (index) { return index.search(query, filters); }).then(function (found) {
        return found.results.map(function (r) {
          return { url: r.url, title: r.title, kind: r.kind, label: r.label, tier: r.tier, score: r.score, complete: r.complete };
        });
      });
    },
    suggest: function (query) { return load().then(function (index) { return index.suggest(query); }); }
  };
  window.arSearch = api;
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
