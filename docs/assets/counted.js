/* Counted nouns in Arabic, the browser's copy of annotate/render/counted.py (same table, same rules;
 * tests/test_counted.py checks both on 0-1,000): arCounted(5, "result") -> "5 نتائج". */
(function () {
  "use strict";
  // singular, dual (nominative), plural, accusative after 11-99, feminine
  var NOUNS = {
    article: ["مقال", "مقالان", "مقالات", "مقالاً", false],
    mention: ["إشارة", "إشارتان", "إشارات", "إشارة", true],
    person: ["شخص", "شخصان", "أشخاص", "شخصاً", false],
    organization: ["منظمة", "منظمتان", "منظمات", "منظمة", true],
    place: ["مكان", "مكانان", "أماكن", "مكاناً", false],
    date: ["تاريخ", "تاريخان", "تواريخ", "تاريخاً", false],
    actor: ["فاعل", "فاعلان", "فاعلين", "فاعلاً", false],
    sentence: ["جملة", "جملتان", "جمل", "جملة", true],
    result: ["نتيجة", "نتيجتان", "نتائج", "نتيجة", true],
    spelling: ["صيغة", "صيغتان", "صيغ", "صيغة", true],
    time: ["مرة", "مرتان", "مرات", "مرة", true],
    page: ["صفحة", "صفحتان", "صفحات", "صفحة", true],
    link: ["رابط", "رابطان", "روابط", "رابطاً", false]
  };

  function counted(n, noun, genitive) {
    var w = NOUNS[noun];
    if (n === 0) return "لا " + w[2];
    if (n === 1) return w[0] + " " + (w[4] ? "واحدة" : "واحد");
    if (n === 2) return genitive ? w[1].slice(0, -2) + "ين" : w[1];
    var rest = n >= 100 ? n % 100 : n;
    if (n >= 100 && rest <= 2) return n + " " + w[0];
    if (rest >= 3 && rest <= 10) return n + " " + w[2];
    return n + " " + w[3];
  }

  window.arCounted = counted;
  window.arCountedNouns = Object.keys(NOUNS);
})();
