// Hides the sidebar page explorer's edit pencils on pages the user may not edit
// (Wagtail draws one on every page it lists; a clinic manager passes through home
// pages they cannot edit). Asks the admin which of the listed pages are editable.
(function () {
  "use strict";
  var script = document.getElementById("explorer-permissions-script");
  if (!script) return;
  var url = script.dataset.editableUrl;
  var known = {}; // page id -> editable (true/false)
  var SELECTOR = ".c-page-explorer__item__action[href$='/edit/']";

  function pageId(link) {
    var match = link.getAttribute("href").match(/\/pages\/(\d+)\/edit\/$/);
    return match ? match[1] : null;
  }

  function apply() {
    document.querySelectorAll(SELECTOR).forEach(function (link) {
      var id = pageId(link);
      if (id && known[id] === false) {
        link.hidden = true;
        link.setAttribute("data-not-editable", "");
      }
    });
  }

  function check() {
    var unknown = [];
    document.querySelectorAll(SELECTOR).forEach(function (link) {
      var id = pageId(link);
      if (id && !(id in known) && unknown.indexOf(id) < 0) unknown.push(id);
    });
    if (!unknown.length) return apply();
    var params = new URLSearchParams();
    unknown.forEach(function (id) { params.append("id", id); known[id] = true; });
    fetch(url + "?" + params.toString(), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (result) {
        var editable = (result.editable || []).map(String);
        unknown.forEach(function (id) { known[id] = editable.indexOf(id) >= 0; });
        apply();
      })
      .catch(function () {});
  }

  var timer = null;
  new MutationObserver(function () {
    clearTimeout(timer);
    timer = setTimeout(check, 50);
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
