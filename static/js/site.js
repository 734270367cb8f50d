/* Progressive enhancements only: every page works without this file.
   Loaded with defer from base.html; no inline script anywhere (CSP). */
(function () {
  "use strict";

  // Language switcher (<details>): Escape closes it and returns focus to its toggle;
  // a click or focus outside closes it too.
  var switchers = document.querySelectorAll("details.language-switcher");
  function closeAll(except) {
    switchers.forEach(function (details) {
      if (details !== except) details.open = false;
    });
  }
  switchers.forEach(function (details) {
    details.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && details.open) {
        details.open = false;
        details.querySelector("summary").focus();
      }
    });
  });
  document.addEventListener("click", function (event) {
    closeAll(event.target.closest && event.target.closest("details.language-switcher"));
  });
  document.addEventListener("focusin", function (event) {
    closeAll(event.target.closest && event.target.closest("details.language-switcher"));
  });

  // A form that comes back with errors: move focus to its error summary so screen
  // readers announce it, and keyboard users start from the list of what to fix.
  var summary = document.querySelector(".error-summary");
  if (summary) {
    if (!summary.hasAttribute("tabindex")) summary.setAttribute("tabindex", "-1");
    summary.focus();
  } else {
    var invalid = document.querySelector("form [aria-invalid='true']");
    if (invalid) invalid.focus();
  }
})();
