/* wagtail-localize's translation editor gives its fields no language or direction
   (its issue #197), so Arabic and Urdu are typed left to right. Each string segment
   is rendered as <li><p>source</p><div>translation (text or textarea)</div>…</li>;
   this marks the source with the source language and the translation with the
   target language and its direction, read from the element the edit_translation
   template override writes. It watches the editor, which React re-renders. */
(function () {
  "use strict";

  function mark(element, lang, dir) {
    if (element.getAttribute("lang") !== lang) element.setAttribute("lang", lang);
    if (element.getAttribute("dir") !== dir) element.setAttribute("dir", dir);
  }

  function markSegments(editor, languages) {
    editor.querySelectorAll("li > p + div").forEach(function (value) {
      mark(value.previousElementSibling, languages.sourceLang, languages.sourceDir);
      mark(value, languages.targetLang, languages.targetDir);
      value.querySelectorAll("p, textarea").forEach(function (field) {
        mark(field, languages.targetLang, languages.targetDir);
      });
    });
  }

  function start() {
    var info = document.querySelector(".localization-editor-languages");
    var editor = document.querySelector(".js-translation-editor");
    if (!info || !editor) return;
    var languages = info.dataset;
    markSegments(editor, languages);
    new MutationObserver(function () {
      markSegments(editor, languages);
    }).observe(editor, { childList: true, subtree: true });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
