/* Small reading aids; the pages work without them.
 * - Old mention anchors: articles once numbered their mentions (#m-37); they are now anchored by character
 *   offset (#at-1234), which re-tagging does not move. A link to #m-N goes to the Nth mention, as it did.
 * - "نسخ الرابط" beside each quoted sentence (added here: without script the sentence is the link) copies the
 *   sentence's full address.
 * - timeline/?actor=<slug> shows the entries whose sentence names that actor (each entry's data-actors). */
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
  function filterTimeline() {
    var list = document.querySelector("ul.timeline");
    var slug = new URLSearchParams(location.search).get("actor");
    if (!list || !slug) return;
    var shown = 0, name = slug;
    list.querySelectorAll(":scope > li").forEach(function (item) {
      var keep = (item.getAttribute("data-actors") || "").split(" ").indexOf(slug) >= 0;
      item.hidden = !keep;
      if (keep) {
        shown++;
        item.querySelectorAll("a.ent").forEach(function (a) {
          if (decodeURIComponent(a.pathname).replace(/\/$/, "").split("/").pop() === slug) name = a.title.split(" — ")[0];
        });
      }
    });
    var note = document.createElement("p");
    note.className = "timeline-filter";
    note.textContent = "يعرض الخط الزمني التواريخ التي تذكر جملها «" + name + "» فقط (" + shown + " من " + list.children.length + "). ";
    var all = document.createElement("a");
    all.href = location.pathname;
    all.textContent = "عرض الكل";
    note.appendChild(all);
    list.parentNode.insertBefore(note, list);
  }

  window.addEventListener("hashchange", followOldAnchor);
  function ready() { addCopyLinks(); followOldAnchor(); filterTimeline(); }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", ready);
  else ready();
})();
