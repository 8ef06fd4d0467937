// Filters for the events list (docs/events.md): by municipality and by kind, without a reload.
// Progressive enhancement: without this script the full list shows and the controls stay hidden.
// Our own code, no libraries; does nothing on pages without a list.
(function () {
  "use strict";

  function plural(n, one, few, many) {
    var tens = n % 100, units = n % 10;
    if (tens > 10 && tens < 20) return many;
    if (units === 1) return one;
    if (units >= 2 && units <= 4) return few;
    return many;
  }

  function setUp(list) {
    var form = list.querySelector("[data-qw-filters]");
    if (!form || form.dataset.qwReady) return;
    form.dataset.qwReady = "1";
    var selects = form.querySelectorAll("select[data-qw-filter]");
    var events = list.querySelectorAll(".qw-event");
    var days = list.querySelectorAll("[data-qw-day]");
    var count = form.querySelector("[data-qw-count]");
    var none = list.querySelector("[data-qw-none]");

    function apply() {
      var shown = 0;
      events.forEach(function (event) {
        var match = Array.prototype.every.call(selects, function (select) {
          return !select.value || event.getAttribute("data-" + select.dataset.qwFilter) === select.value;
        });
        event.hidden = !match;
        if (match) shown += 1;
      });
      days.forEach(function (day) {
        day.hidden = !day.querySelector(".qw-event:not([hidden])");
      });
      count.textContent = shown === events.length
        ? "Показаны все мероприятия: " + shown
        : "Показано " + shown + " " + plural(shown, "мероприятие", "мероприятия", "мероприятий") +
          " из " + events.length;
      if (none) none.hidden = shown > 0;
    }

    selects.forEach(function (select) { select.addEventListener("change", apply); });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function init() {
    document.querySelectorAll("[data-qw-events]").forEach(setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
