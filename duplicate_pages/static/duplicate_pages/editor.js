// Under the title field of the page editor: "A page with this title/address already
// exists", linking to it, checked as the editor types. The address clash is shown as
// an error (Wagtail refuses to save it); a title clash is a warning only.
(function () {
  "use strict";
  var script = document.getElementById("duplicate-pages-script");
  if (!script) return;
  var checkUrl = script.dataset.checkUrl;

  // /admin/pages/add/<app>/<model>/<parent>/ or /admin/pages/<id>/edit/, read at each
  // check: Wagtail's autosave turns a new page's URL into its edit URL in place.
  function where() {
    return {
      add: location.pathname.match(/\/pages\/add\/(\w+)\/(\w+)\/(\d+)\/$/),
      edit: location.pathname.match(/\/pages\/(\d+)\/edit\/$/),
    };
  }
  if (!where().add && !where().edit) return;

  function field(name) {
    return document.querySelector("#id_" + name);
  }

  function box() {
    var existing = document.querySelector("[data-duplicate-pages]");
    if (existing) return existing;
    var title = field("title");
    if (!title) return null;
    var node = document.createElement("div");
    node.setAttribute("data-duplicate-pages", "");
    node.setAttribute("role", "status");
    node.setAttribute("aria-live", "polite");
    var anchor = title.closest(".w-field") || title.parentNode;
    anchor.parentNode.insertBefore(node, anchor.nextSibling);
    return node;
  }

  function render(matches) {
    var node = box();
    if (!node) return;
    node.textContent = "";
    matches.forEach(function (match) {
      var line = document.createElement("p");
      var clash = match.reason === "slug";
      line.className = clash ? "help-block help-critical error-message" : "help-block help-warning";
      line.setAttribute("data-duplicate-reason", match.reason);
      // A page the user may not edit comes without title or link (views.py).
      var who = match.title ? "“" + match.title + "”" : "Another page";
      line.appendChild(document.createTextNode(
        clash
          ? who + " already has this address" + (match.url ? " (" + match.url + ")" : "") + ": change the title or the slug (Promote tab) before saving. "
          : "A page titled “" + match.title + "” already exists. "
      ));
      if (match.edit_url) {
        var link = document.createElement("a");
        link.href = match.edit_url;
        link.textContent = "Open the existing page";
        line.appendChild(link);
      }
      node.appendChild(line);
    });
  }

  var timer = null;
  var pending = 0;
  function check() {
    var title = field("title");
    var slug = field("slug");
    var params = new URLSearchParams({ title: title ? title.value : "", slug: slug ? slug.value : "" });
    var add = where().add;
    var edit = where().edit;
    if (!add && !edit) return;
    if (add) {
      params.set("parent", add[3]);
      params.set("type", add[1] + "." + add[2]);
    } else {
      params.set("page", edit[1]);
    }
    var request = ++pending;
    fetch(checkUrl + "?" + params.toString(), { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (result) { if (request === pending && result.matches) render(result.matches); })
      .catch(function () {});
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, 300);
  }

  document.addEventListener("DOMContentLoaded", function () {
    ["title", "slug"].forEach(function (name) {
      var input = field(name);
      if (input) {
        input.addEventListener("input", schedule);
        input.addEventListener("change", schedule);
      }
    });
    if (field("title") && field("title").value) check();
  });
})();
