/* Arabic search, part 2 of 6: fetching the index under search/ (built by annotate/search/index.py): meta.json
 * when the box is first used, then only the key shards of a query's words and the records of the best
 * candidates (through the number → name tables), each fetched once per page.
 */
(function (S) {
  "use strict";
  S.stats = S.stats || { loadMs: null, firstMs: null, lastMs: null };
  var cpLength = S.cpLength, nameKey = S.nameKey, nameKeys = S.nameKeys, queryVariants = S.queryVariants, queryTerms = S.queryTerms, Matcher = S.Matcher;

  // --- the index --------------------------------------------------------------------------------------
  var ALPHABET = "0123456789abcdefghijklmnopqrstuvABCDEFGHIJKLMNOPQRSTUVWXYZwxyz-_";
  var TITLE = 1, EXACT = 2, OFTEN = 4, DOCS_PER_TABLE = 512;
  var MAX_EXPANSION = 400;      // keys one query variant may expand to (its exact key always included)
  var MAX_PREFIX_SHARDS = 3;    // shards a prefix may span before it is looked up exactly only
  var PREFETCH_TABLES = 4;      // number → name tables fetched with meta.json: the actors' first, then the newest articles'

  var DIGIT_CODE = new Int8Array(128).fill(-1);  // char code → digit value (-1: not a digit)
  for (var c = 0; c < ALPHABET.length; c++) DIGIT_CODE[ALPHABET.charCodeAt(c)] = c;

  // Into one Int32Array (at most one number per digit): a common key has thousands of postings, and a
  // growing Array of them keeps the garbage collector busy right after the last keystroke.
  function decodePostings(encoded) {
    var numbers = new Int32Array(encoded.length), n = 0, value = 0, previous = -1;
    for (var i = 0; i < encoded.length; i++) {
      var code = encoded.charCodeAt(i), d = code < 128 ? DIGIT_CODE[code] : -1;
      if (d < 0) continue;
      if (d >= 32) value = value * 32 + d - 32;
      else { previous = previous + 1 + value * 32 + d; numbers[n++] = previous; value = 0; }
    }
    return numbers.subarray(0, n);
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

  // The number → name table of a block of DOCS_PER_TABLE docs.
  Index.prototype.table = function (block) {
    var table = this.tables.get(block);
    if (!table) {
      var self = this;
      table = getJSON(this.url("search/m/" + block + ".json"));
      table.catch(function () { if (self.tables.get(block) === table) self.tables.delete(block); });  // try again later
      this.tables.set(block, table);
    }
    return table;
  };

  // The record of doc n: its name from the table of its block, then the record itself.
  Index.prototype.doc = function (n) {
    var found = this.docs.get(n), self = this;
    if (!found) {
      found = this.table(Math.floor(n / DOCS_PER_TABLE)).then(function (names) {
        var name = String(names[n % DOCS_PER_TABLE] || "");
        if (!/^[0-9a-f]{12}$/.test(name)) throw new Error("no record for doc " + n);
        return getJSON(self.url("search/d/" + name.slice(0, 2) + "/" + name.slice(2) + ".json"));
      });
      found.catch(function () {});
      this.docs.set(n, found);
    }
    return found;
  };

  // While the reader types: the tables most queries need (actors' pages rank first; among articles that
  // match equally, the newest do), so that a query's records are one fetch after its shards, not two.
  Index.prototype.prefetchTables = function () {
    var r = this.ranges, blocks = [];
    function add(n) { var b = Math.floor(n / DOCS_PER_TABLE); if (blocks.indexOf(b) < 0) blocks.push(b); }
    if (Array.isArray(r.actor)) add(r.actor[0]);
    if (Array.isArray(r.article)) {
      for (var n = r.article[1] - 1; n >= r.article[0] && blocks.length < PREFETCH_TABLES; n -= DOCS_PER_TABLE) add(n);
    }
    var self = this;
    blocks.forEach(function (b) { self.table(b); });
  };

  // On each keystroke, before the typing pause ends: the shards of the query's words as typed so far.
  Index.prototype.prefetchShards = function (query) {
    var self = this;
    queryTerms(query).forEach(function (q) {
      lookups(q).forEach(function (l) { self.shardsOf(l.key, l.prefix); });
    });
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
  // The shards that hold the key v and, when prefix, the keys that start with it (each fetched once).
  Index.prototype.shardsOf = function (v, prefix) {
    var first = this.shardOf(v), last = prefix ? this.shardOf(v + "\uffff") : first, wanted = [];
    if (last - first >= MAX_PREFIX_SHARDS) last = first;
    for (var i = first; i <= last; i++) wanted.push(this.shard(i));
    return wanted;
  };

  // The keys a query term is looked up by: {key, prefix, weight} for the term (weight 1) and its stems
  // (.9), then {key, prefix, name: true} for its spelling keys.
  function lookups(q) {
    return queryVariants(q).map(function (v, n) { return { key: v, prefix: cpLength(v) >= 2, weight: n === 0 ? 1 : 0.9 }; })
      .concat(nameKeys(q).map(function (key) { return { key: key, prefix: cpLength(key) >= 4, name: true }; }));
  }

  Index.prototype.lookup = function (v, prefix, visit) {
    var wanted = this.shardsOf(v, prefix);
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

  // Best match of one query term in each doc: {docs, size, score, title, fuzzy} (docs[0 .. size): the
  // matching doc numbers; the others are arrays by doc number). The term itself 1, a stem of it .9, a word starting with it .6;
  // .9 of that when the doc has the key only through a stem of its words; a name's spelling key .45
  // (fuzzy: 1 when the doc matched by spelling only); +.5 in the title or names (+.25 for prefixes and
  // keys), +.1 frequent. Typed arrays, not a Map: a common word matches most of the corpus.
  Index.prototype.matchTerm = function (q) {
    var self = this, count = +this.meta.count || 0, jobs = [];
    var found = { docs: new Int32Array(count), size: 0, score: new Float64Array(count), title: new Uint8Array(count),
                  fuzzy: new Uint8Array(count), seen: new Uint8Array(count) };
    var docs = found.docs, scores = found.score, title = found.title, fuzzyOnly = found.fuzzy, seen = found.seen;
    function credit(list, base, bonus, fuzzy) {
      for (var k = 0; k < list.length; k++) {
        var p = list[k], d = Math.floor(p / 8), f = p % 8;
        if (d >= count) continue;
        var score = (f & EXACT ? base : base * 0.9) + (f & TITLE ? bonus : 0) + (f & OFTEN ? 0.1 : 0);
        if (!seen[d]) {
          seen[d] = 1; docs[found.size++] = d; scores[d] = score; title[d] = f & TITLE ? 1 : 0; fuzzyOnly[d] = fuzzy ? 1 : 0;
        } else if (score > scores[d]) {
          scores[d] = score; if (f & TITLE) title[d] = 1; if (!fuzzy) fuzzyOnly[d] = 0;
        } else if (!fuzzy) { fuzzyOnly[d] = 0; if (f & TITLE) title[d] = 1; }
      }
    }
    lookups(q).forEach(function (l) {
      jobs.push(self.lookup(l.key, l.prefix, l.name ? function (list, exact) {
        credit(list, exact ? 0.45 : 0.35, 0.25, true);
      } : function (list, exact) {
        credit(list, l.weight * (exact ? 1 : 0.6), exact ? 0.5 : 0.25, false);
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
        index.prefetchTables();
        warmUp();
        if (S.rehearse) setTimeout(S.rehearse, 0);  // search-rank.js; a task of its own, between keystrokes
        S.stats.loadMs = performance.now() - started;
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

  function loadingNow() { return loading; }


  S.TITLE = TITLE;
  S.EXACT = EXACT;
  S.OFTEN = OFTEN;
  S.decodePostings = decodePostings;
  S.Index = Index;
  S.inRange = inRange;
  S.siteRoot = siteRoot;
  S.load = load;
  S.loadingNow = loadingNow;
})(window.arSearchParts = window.arSearchParts || {});
