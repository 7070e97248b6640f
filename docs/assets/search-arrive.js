/* Arabic search, part 5 of 6: arriving at a match. A result's link carries the query (?hl=); on the page,
 * the query's words are marked and the first one (below the title) is scrolled into view.
 */
(function (S) {
  "use strict";
  var queryTerms = S.queryTerms, Matcher = S.Matcher, best = S.best, el = S.el;

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

  S.highlight = highlight;
})(window.arSearchParts = window.arSearchParts || {});
