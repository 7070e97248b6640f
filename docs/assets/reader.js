/* Small reading aids; the pages work without them.
 * - Old mention anchors: articles once numbered their mentions (#m-37); they are now anchored by character
 *   offset (#at-1234), which re-tagging does not move. A link to #m-N goes to the Nth mention, as it did.
 * - "نسخ الرابط" beside each quoted sentence copies the sentence's full address (it stays a plain link). */
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

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.copy-link");
    if (!link || !navigator.clipboard) return;
    event.preventDefault();
    navigator.clipboard.writeText(link.href).then(function () { copied(link); }, function () { location.href = link.href; });
  });
  window.addEventListener("hashchange", followOldAnchor);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", followOldAnchor);
  else followOldAnchor();
})();
