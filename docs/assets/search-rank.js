/* Arabic search, part 3 of 6: ranking. Candidates from the key shards (Index.matchTerm), then each
 * candidate's record judged into a tier (exact name first, then all words in one name or one sentence,
 * then the rest), and «هل تقصد» suggestions one edit away.
 */
(function (S) {
  "use strict";
  var decodePostings = S.decodePostings, terms = S.terms, stems = S.stems, queryVariants = S.queryVariants, cpLength = S.cpLength, queryTerms = S.queryTerms, Matcher = S.Matcher, best = S.best, Index = S.Index, inRange = S.inRange;

  var ACTOR_CANDIDATES = 10, OTHER_CANDIDATES = 20;  // records fetched to rank and show
  var UNSAFE_URL = /^([a-zA-Z][a-zA-Z0-9+.\-]*:|[\/\\])/;
  var ARABIC_QUERY = /[\u0600-\u06ff]/;

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
    if (record.h === 1) texts.push(String(record.t || ""));  // the text began with the title (stored once)
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

  // Keep the best `size` items of a stream in `kept` (sorted by `better`), without sorting the stream.
  function keepBest(kept, item, size, better) {
    if (kept.length >= size && better(kept[kept.length - 1], item) <= 0) return;
    var at = kept.length;
    while (at > 0 && better(kept[at - 1], item) > 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > size) kept.pop();
  }

  // Every doc that matches some query word, scored from the shards alone: {total, actors, others, nActors,
  // nOthers}: the best ACTOR_CANDIDATES actors and OTHER_CANDIDATES other pages, best first, and how many
  // of each matched. Kept for the query's second call (all candidates).
  Index.prototype.candidates = function (qterms, filters, arabic) {
    var key = JSON.stringify([qterms, filters.kind || "", filters.label || "", filters.year || "", arabic]), self = this;
    if (this.pool && this.pool.key === key) return this.pool.found;
    var found = Promise.all(qterms.map(function (q) { return self.matchTerm(q); })).then(function (perTerm) {
      var count = +self.meta.count || 0, cover = new Uint8Array(count), score = new Float64Array(count);
      var titles = new Uint8Array(count), exact = new Uint8Array(count), docs = new Int32Array(count), n = 0;
      perTerm.forEach(function (m) {
        for (var k = 0; k < m.size; k++) {
          var d = m.docs[k];
          if (!cover[d]) { if (!self.allowed(d, filters, arabic)) continue; docs[n++] = d; }
          cover[d] += 1;
          score[d] += m.score[d];
          if (m.title[d]) titles[d] += 1;
          if (!m.fuzzy[d]) exact[d] = 1;
        }
      });
      // Doc numbers compared on the arrays: no object per matching doc (a common word matches most docs).
      function betterActor(x, y) { return titles[y] - titles[x] || cover[y] - cover[x] || score[y] - score[x] || x - y; }
      function betterOther(x, y) { return cover[y] - cover[x] || score[y] - score[x] || y - x; }  // ties: newest
      var actorRange = self.ranges.actor, actors = [], others = [], nActors = 0;
      for (var k = n - 1; k >= 0; k--) {  // newest first: equal ones after them are turned away at once
        var d = docs[k];
        if (inRange(actorRange, d)) { nActors += 1; keepBest(actors, d, ACTOR_CANDIDATES, betterActor); }
        else keepBest(others, d, OTHER_CANDIDATES, betterOther);
      }
      function pick(d) { return { doc: d, cover: cover[d], score: score[d], titles: titles[d], fuzzy: !exact[d] }; }
      performance.mark("ar-search:candidates");
      return { total: n, actors: actors.map(pick), others: others.map(pick), nActors: nActors, nOthers: n - nActors };
    });
    this.pool = { key: key, found: found };
    found.catch(function () { if (self.pool && self.pool.found === found) self.pool = null; });
    return found;
  };

  // Ranked results for a query: {results, total, fuzzy}; each result carries its record and excerpt parts.
  // first: how many records to fetch before answering (the first results a reader sees, refined by a
  // second call with the full number once those arrive); omitted, all candidates.
  Index.prototype.search = function (query, filters, first) {
    filters = filters || {};
    var qterms = queryTerms(query), self = this, arabic = ARABIC_QUERY.test(query);
    if (!qterms.length) return Promise.resolve({ results: [], total: 0, fuzzy: false, terms: qterms });
    return this.candidates(qterms, filters, arabic).then(function (pool) {
      var actors = pool.actors, others = pool.others;
      var nActors = first ? Math.min(ACTOR_CANDIDATES, Math.ceil(first / 3)) : ACTOR_CANDIDATES;
      var candidates = actors.slice(0, nActors).concat(others.slice(0, first ? first - Math.min(nActors, actors.length) : OTHER_CANDIDATES));
      var matcher = new Matcher(qterms);
      return Promise.all(candidates.map(function (r) { return self.doc(r.doc).catch(function () { return null; }); })).then(function (records) {
        performance.mark("ar-search:records");
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
        var complete = !first || (pool.nActors <= nActors && pool.nOthers <= candidates.length - Math.min(nActors, actors.length));
        return { results: results, total: pool.total, fuzzy: fuzzy, terms: qterms, matcher: matcher, complete: complete };
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

  // A search on a small made-up index, run once while the reader types (after meta.json): the first real
  // query then runs compiled code instead of the interpreter's first pass over its loops.
  var REHEARSAL_DOCS = 2048;
  S.rehearse = function () {
    var fake = new Index({ version: 2, count: REHEARSAL_DOCS, shards: "0", ranges: { actor: [0, 64], article: [64, REHEARSAL_DOCS] } }, "http://localhost/");
    var keys = ["~حفتر", "~مسك", "حفتر", "موسكو"], decoded = new Map();  // in JS string order
    keys.forEach(function (k, i) {
      var list = [];
      for (var d = i; d < REHEARSAL_DOCS; d += 1 + i) list.push(d * 8 + ((d + i) % 8));
      decoded.set(i, Int32Array.from(list));
    });
    decodePostings(new Array(REHEARSAL_DOCS + 1).join("1"));
    fake.shards.set(0, Promise.resolve({ keys: keys, lists: keys.map(function () { return ""; }), decoded: decoded }));
    fake.doc = function (n) {
      return Promise.resolve(n < 64 ? { u: "actors/" + n + "/", t: "خليفة حفتر", k: "actor", l: "PER", c: [n, n], n: ["Khalifa Haftar"] }
        : { u: "articles/" + n + "/", t: "زيارة", k: "article", d: "2024-01-01", h: 1, x: ["وصل المشير حفتر إلى موسكو.", "ثم عاد"] });
    };
    return fake.search("حفتر موسكو", {}, 8).then(function () { return fake.search("حفتر موسكو", {}); }).catch(function () {});
  };

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

})(window.arSearchParts = window.arSearchParts || {});
