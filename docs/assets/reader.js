/* Small reading aids; the pages work without them.
 * - Old mention anchors: articles once numbered their mentions (#m-37); they are now anchored by character
 *   offset (#at-1234), which re-tagging does not move. A link to #m-N goes to the Nth mention, as it did.
 * - "نسخ الرابط" beside each quoted sentence (added here: without script the sentence is the link) copies the
 *   sentence's full address.
 * - Entity links get their tooltip («خليفة حفتر — شخص», the actor the mention was resolved to), from the
 *   actors an article page lists or, on the timeline, timeline/actors.json (written on every link, it was
 *   0.8 KB an article page).
 * - timeline/?actor=<slug> shows the years whose dated sentences name that actor (timeline/actors.json), each
 *   linked to the year's first page naming it, timeline/<year>/?actor=<slug> (or <year>-pN/), which shows that year's entries whose sentence links it. */
(function () {
  "use strict";

  function followOldAnchor() {
    var old = /^#m-(\d+)$/.exec(location.hash);
    if (!old || document.getElementById(location.hash.slice(1))) return;
    var mentions = document.querySelectorAll(".article-text .ent[id^='at-']");
    var target = mentions[parseInt(old[1], 10)];
    if (!target) return;
    history.replaceState(null, "", "#" + target.id);
    target.scrollIntoView();
    target.focus && target.focus({ preventScroll: true });
  }

  var LABELS = { per: "شخص", org: "منظمة", loc: "مكان", misc: "أخرى" };

  function slugOf(a) { return decodeURIComponent(a.pathname).replace(/\/$/, "").split("/").pop(); }

  /* names: slug -> the actor's name; each entity link without a title gets «name — label». */
  function entityTitles(names) {
    document.querySelectorAll("a.ent:not([title])").forEach(function (a) {
      var name = names[slugOf(a)], kind = /\bent-(\w+)/.exec(a.className);
      if (name) a.title = name + (kind && LABELS[kind[1]] ? " — " + LABELS[kind[1]] : "");
    });
  }

  function articleTitles() {
    var names = {};
    document.querySelectorAll("ul.article-actors a").forEach(function (a) { names[slugOf(a)] = a.textContent; });
    entityTitles(names);
  }

  function copied(link) {
    var before = link.textContent;
    link.textContent = "نُسخ الرابط";
    link.classList.add("copied");
    setTimeout(function () { link.textContent = before; link.classList.remove("copied"); }, 2000);
  }

  function addCopyLinks() {
    document.querySelectorAll("ul.contexts a.context").forEach(function (context) {
      var link = document.createElement("a");
      link.className = "copy-link";
      link.href = context.getAttribute("href");
      link.title = "انسخ رابط هذه الجملة";
      link.textContent = "نسخ الرابط";
      context.after(" ", link);
    });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.copy-link");
    if (!link || !navigator.clipboard) return;
    event.preventDefault();
    navigator.clipboard.writeText(link.href).then(function () { copied(link); }, function () { location.href = link.href; });
  });
  /* A year's page: its links' tooltips and, for ?actor=<slug>, the filter, once timeline/actors.json is read. */
  function timelinePage() {
    var list = document.querySelector("ul.timeline[data-actors]");
    if (!list) return;
    var slug = new URLSearchParams(location.search).get("actor");
    fetch(list.getAttribute("data-actors")).then(function (r) { return r.json(); }).then(function (all) {
      var names = {};
      Object.keys(all).forEach(function (s) { names[s] = all[s][0]; });
      entityTitles(names);
      if (slug) filterEntries(list, slug, names[slug]);
    }, function () { if (slug) filterEntries(list, slug); });
  }

  function filterTimeline() {
    var slug = new URLSearchParams(location.search).get("actor");
    if (!slug) return;
    var years = document.querySelector("ul.timeline-years");
    if (years) filterYears(years, slug);
  }

  function filterEntries(list, slug, known) {
    var shown = 0, name = known || slug;
    list.querySelectorAll(":scope > li").forEach(function (item) {
      var keep = false;
      item.querySelectorAll("a.ent").forEach(function (a) {  // the actors the sentence names, by their links
        if (slugOf(a) !== slug) return;
        keep = true;
        if (!known) name = a.textContent;
      });
      item.hidden = !keep;
      if (keep) shown++;
    });
    var note = filterNote(list, "يعرض الخط الزمني التواريخ التي تذكر جملها «" + name + "» فقط (" + shown + " من " + list.children.length + "). ");
    document.querySelectorAll(".pager a").forEach(function (a) {  // the year's other pages, filtered alike
      a.href = a.getAttribute("href") + "?actor=" + encodeURIComponent(slug);
    });
    var index = document.querySelector("a.tl-index");
    if (index) {
      var others = document.createElement("a");
      others.href = index.getAttribute("href") + "?actor=" + encodeURIComponent(slug);
      others.textContent = "سنواته الأخرى";
      note.append(" · ", others);
    }
  }

  /* The index of years: timeline/actors.json gives each actor's years; the others are hidden and each
   * shown year links to its page filtered to the actor. */
  function filterYears(years, slug) {
    fetch(years.getAttribute("data-actors")).then(function (r) { return r.json(); }).then(function (all) {
      var found = all[slug] || [slug, []], counts = {}, first = {}, shown = 0;
      found[1].forEach(function (pair) {  // [page, entries]: "2019", "2019-p2", … in time order
        var year = pair[0].split("-p")[0];
        counts[year] = (counts[year] || 0) + pair[1];
        if (!first[year]) first[year] = pair[0];
      });
      years.querySelectorAll(":scope > li").forEach(function (item) {
        var year = item.getAttribute("data-year"), n = counts[year];
        item.hidden = !n;
        if (!n) return;
        shown++;
        var a = item.querySelector("a");  // to the year's first page that names the actor
        a.href = a.getAttribute("href").replace(/[^/]+\/$/, first[year] + "/") + "?actor=" + encodeURIComponent(slug);
        item.querySelector(".tl-count").textContent = window.arCounted ? arCounted(n, "date") : String(n);
      });
      filterNote(years, "يعرض الخط الزمني السنوات التي تذكر جملها «" + found[0] + "» فقط (" + shown + " من " + years.children.length + "). ");
    });
  }

  function filterNote(list, text) {
    var note = document.createElement("p");
    note.className = "timeline-filter";
    note.textContent = text;
    var all = document.createElement("a");
    all.href = location.pathname;
    all.textContent = "عرض الكل";
    note.appendChild(all);
    list.parentNode.insertBefore(note, list);
    return note;
  }

  window.addEventListener("hashchange", followOldAnchor);
  function ready() { addCopyLinks(); followOldAnchor(); articleTitles(); filterTimeline(); timelinePage(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
