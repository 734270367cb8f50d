/* Location pages: recompute "open now" in New York time when the page is shown
   (a cached page must not freeze it), and sort clinics by distance from the
   browser's position, only when the patient clicks "Use my location". The
   position never leaves the browser. No inline script: data comes from
   <script type="application/json"> elements. */
(function () {
  "use strict";

  function readJSON(id) {
    var el = document.getElementById(id);
    if (!el) return null;
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  function newYorkNow() {
    var parts = {};
    new Intl.DateTimeFormat("en-US", {
      timeZone: "America/New_York", year: "numeric", month: "2-digit", day: "2-digit",
      hour: "2-digit", minute: "2-digit", hourCycle: "h23"
    }).formatToParts(new Date()).forEach(function (p) { parts[p.type] = p.value; });
    return {
      date: Date.UTC(+parts.year, +parts.month - 1, +parts.day),
      minutes: (+parts.hour % 24) * 60 + (+parts.minute)
    };
  }

  function isoDate(utcMillis) { return new Date(utcMillis).toISOString().slice(0, 10); }
  function weekday(utcMillis) { return (new Date(utcMillis).getUTCDay() + 6) % 7; } // Monday=0
  function toMinutes(hhmm) { var p = hhmm.split(":"); return (+p[0]) * 60 + (+p[1]); }

  function intervalsOn(hours, utcMillis) {
    var exc = hours.exceptions && hours.exceptions[isoDate(utcMillis)];
    if (exc) return { intervals: exc.intervals, label: exc.label };
    return { intervals: (hours.weekly && hours.weekly[String(weekday(utcMillis))]) || [], label: "" };
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (m, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? values[key] : m;
    });
  }

  function statusText(hours, msgs, now) {
    var dayMs = 86400000;
    var today = intervalsOn(hours, now.date);
    var label = function (t) { return (hours.labels && hours.labels[t]) || t; };
    var i, iv;
    for (i = 0; i < today.intervals.length; i++) {
      iv = today.intervals[i];
      if (toMinutes(iv[0]) <= now.minutes && now.minutes < toMinutes(iv[1])) {
        var closes = iv[1], j;
        for (j = 0; j < today.intervals.length; j++) {   // back-to-back intervals
          if (today.intervals[j][0] === closes) { closes = today.intervals[j][1]; j = -1; }
        }
        return fill(msgs.open, { time: label(closes) });
      }
    }
    var closed = today.label ? fill(msgs.closedLabel, { label: today.label }) : msgs.closed;
    for (var offset = 0; offset <= 14; offset++) {
      var day = now.date + offset * dayMs;
      var list = offset === 0 ? today.intervals : intervalsOn(hours, day).intervals;
      for (i = 0; i < list.length; i++) {
        if (offset > 0 || toMinutes(list[i][0]) > now.minutes) {
          var t = label(list[i][0]);
          if (offset === 0) return fill(msgs.opensToday, { closed: closed, time: t });
          if (offset === 1) return fill(msgs.opensTomorrow, { closed: closed, time: t });
          return fill(msgs.opensDay, { closed: closed, day: msgs.days[weekday(day)], time: t });
        }
      }
    }
    return closed;
  }

  function refreshStatus() {
    var msgs = readJSON("hours-messages");
    if (!msgs || !window.Intl) return;
    var single = readJSON("hours-data");
    var many = readJSON("clinic-hours") || {};
    var now = newYorkNow();
    document.querySelectorAll("[data-open-status]").forEach(function (el) {
      var key = el.getAttribute("data-hours-for");
      var hours = key === "hours-data" ? single : many[key];
      if (hours) {
        var text = statusText(hours, msgs, now);
        if (el.textContent !== text) el.textContent = text;
      }
    });
  }

  function miles(lat1, lng1, lat2, lng2) {
    var r = Math.PI / 180, R = 3958.7613;
    var h = Math.pow(Math.sin((lat2 - lat1) * r / 2), 2) +
      Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.pow(Math.sin((lng2 - lng1) * r / 2), 2);
    return 2 * R * Math.asin(Math.sqrt(h));
  }

  function setUpLocationButton() {
    var button = document.querySelector("[data-use-location]");
    if (!button || !navigator.geolocation) return;
    var live = document.querySelector("[data-finder-status]");
    button.hidden = false;
    button.addEventListener("click", function () {
      live.textContent = button.getAttribute("data-msg-locating");
      navigator.geolocation.getCurrentPosition(function (pos) {
        var lat = pos.coords.latitude, lng = pos.coords.longitude;
        var cards = Array.prototype.slice.call(document.querySelectorAll("[data-clinic]"));
        var seen = {};
        cards = cards.filter(function (c) {
          var k = c.querySelector("a").getAttribute("href");
          if (seen[k]) return false;
          seen[k] = true;
          return true;
        });
        cards.forEach(function (c) {
          c._miles = miles(lat, lng, parseFloat(c.getAttribute("data-lat")), parseFloat(c.getAttribute("data-lng")));
          var d = c.querySelector("[data-distance]");
          if (d) {
            d.textContent = " \u00b7 " + fill(button.getAttribute("data-msg-miles"), { miles: c._miles.toFixed(1) });
            d.hidden = false;
          }
          c.querySelectorAll(".clinic-card__distance:not([data-distance])").forEach(function (old) { old.hidden = true; });
        });
        cards.sort(function (a, b) { return a._miles - b._miles; });
        var list = document.querySelector("[data-sorted-list]") || document.querySelector("[data-clinic-list]");
        cards.forEach(function (c) { list.appendChild(c); });
        list.hidden = false;
        var grouped = document.querySelector("[data-grouped-list]");
        if (grouped) grouped.hidden = true;
        live.textContent = button.getAttribute("data-msg-done");
      }, function () {
        live.textContent = button.getAttribute("data-msg-denied");
      }, { enableHighAccuracy: false, timeout: 15000, maximumAge: 600000 });
    });
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { statusText: statusText, intervalsOn: intervalsOn };  // for the tests
  }
  if (typeof document === "undefined") return;

  function start() {
    refreshStatus();
    setInterval(refreshStatus, 60000);
    setUpLocationButton();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
