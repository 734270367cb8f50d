// Reading grade in the page editor's Checks panel: each time the live preview
// (re)loads, its <main> text goes to the admin's measure endpoint, and the grade and
// the three hardest sentences are shown. Informs only; it never blocks saving.
(function () {
  "use strict";
  var script = document.getElementById("readability-script");
  if (!script) return;
  var measureUrl = script.dataset.measureUrl;
  var section = null;
  var pending = 0;
  var SKIP = "nav, form, [data-readability-skip]";
  var BLOCKS = "h1, h2, h3, h4, h5, h6, p, li:not(:has(p)), dt, dd, th, td, figcaption, blockquote:not(:has(p))";

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (className) node.className = className;
    return node;
  }

  function ensureSection() {
    if (section && document.contains(section)) return section;
    var words = document.querySelector("[data-content-word-count]");
    var container = words && words.closest(".w-divide-y");
    if (!container) return null;
    section = el("div", undefined, "w-py-2");
    section.setAttribute("data-readability", "");
    section.appendChild(el("h2", "Reading grade", "w-my-5 w-text-16 w-font-bold w-text-text-label"));
    section.appendChild(el("p", "Measured from the preview…", "w-help-text"));
    container.insertBefore(section, container.children[1] || null);
    return section;
  }

  function render(result) {
    var box = ensureSection();
    if (!box) return;
    while (box.children.length > 1) box.removeChild(box.lastChild);
    if (!result.measured) {
      box.appendChild(el("p", "No reading-grade measure for this language (" + result.language + ").", "w-help-text"));
      return;
    }
    var figure = el("p", "Grade " + result.grade.toFixed(1), "w-font-semibold w-text-text-label");
    figure.setAttribute("data-readability-grade", result.grade);
    box.appendChild(figure);
    var formula = result.language === "en"
      ? "Flesch–Kincaid grade"
      : "Fernández-Huerta " + result.scores.fernandez_huerta + ", Szigriszt-Pazos " + result.scores.szigriszt_pazos + " (ease, higher is easier)";
    box.appendChild(el("p", formula + " · target: grade " + result.target + " or lower · " + result.words + " words, " + result.sentences + " sentences", "w-help-text"));
    if (result.above_target) {
      box.appendChild(el("p", "Above the target grade: shorter sentences and everyday words help patients.", "help-block help-warning"));
    }
    if (result.hardest.length) {
      box.appendChild(el("h3", "Hardest sentences", "w-my-2 w-text-14 w-text-text-placeholder"));
      var list = el("ol");
      list.setAttribute("data-readability-hardest", "");
      result.hardest.forEach(function (sentence) {
        list.appendChild(el("li", sentence.text + " (" + sentence.words + (sentence.words === 1 ? " word)" : " words)")));
      });
      box.appendChild(list);
    }
  }

  function measure(iframe) {
    var doc;
    try {
      doc = iframe.contentDocument;
    } catch (error) {
      return; // not the admin's own preview
    }
    if (!doc || !doc.body) return;
    // A template may mark where the editor's prose is (a clinic page's "About" text);
    // otherwise everything in <main>.
    var prose = doc.querySelectorAll("[data-readability-prose]");
    var roots = prose.length ? Array.prototype.slice.call(prose) : [doc.querySelector("main") || doc.body];
    // One line per block (innerText keeps no line breaks while the preview is hidden),
    // so a heading or list item is never run into the next sentence.
    // Only what the editor wrote: not navigation, forms, screen-reader-only labels or
    // sections the template builds (marked data-readability-skip).
    var blocks = [];
    roots.forEach(function (root) {
      root.querySelectorAll(BLOCKS).forEach(function (node) {
        if (!node.closest(SKIP)) blocks.push(node);
      });
    });
    var text = blocks
      .map(function (node) {
        var copy = node.cloneNode(true);
        copy.querySelectorAll(".visually-hidden, .sr-only").forEach(function (hidden) { hidden.remove(); });
        return copy.textContent.trim();
      })
      .join("\n");
    if (!text.trim()) return;
    var request = ++pending;
    fetch(measureUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      body: JSON.stringify({ text: text, language: doc.documentElement.lang || "en" }),
    })
      .then(function (response) { return response.json(); })
      .then(function (result) { if (request === pending) render(result); })
      .catch(function () {});
  }

  // Wagtail swaps in a fresh iframe on every preview update; load events do not
  // bubble, so listen in the capture phase for any preview iframe.
  document.addEventListener("load", function (event) {
    var target = event.target;
    if (target && target.tagName === "IFRAME" && target.closest("[data-w-preview-target]") !== null || (target && target.id === "w-preview-iframe")) {
      measure(target);
    }
  }, true);

  document.addEventListener("DOMContentLoaded", ensureSection);
})();
