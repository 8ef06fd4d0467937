// The events list (docs/events.md): filters by municipality and by kind, without a reload, kept
// in the page's address (?municipality=…&kind=…) so that a filtered list can be shared and is
// restored on load; and each card's «Ссылка на мероприятие» shared (Web Share API) or copied
// (copy-text.js, loaded before this script). Progressive enhancement: without this script the
// full list shows, the controls stay hidden and the card's link is a plain link to the card.
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

  // the page's address with the filters' values (none for «все»), its #… kept
  function addressWith(selects) {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      if (select.value) params.set(select.dataset.qwFilter, select.value);
      else params.delete(select.dataset.qwFilter);
    });
    var query = params.toString();
    return window.location.pathname + (query ? "?" + query : "") + window.location.hash;
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

    // a shared address chooses the same values, if the list still has them
    var wanted = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      var value = wanted.get(select.dataset.qwFilter);
      if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
      }
    });
    selects.forEach(function (select) {
      select.addEventListener("change", function () {
        apply();
        window.history.replaceState(window.history.state, "", addressWith(selects));
      });
    });
    form.addEventListener("submit", function (e) { e.preventDefault(); });
    form.hidden = false;
    apply();
  }

  // «Ссылка на мероприятие»: the card's address without the filters (they might hide it)
  function share(event) {
    var link = event.target.closest("a[data-qw-share]");
    if (!link) return;
    event.preventDefault();
    var card = link.closest(".qw-event");
    var status = card && card.querySelector("[data-qw-share-status]");
    var address = window.location.origin + window.location.pathname + link.getAttribute("href");
    var title = card ? card.querySelector(".qw-event__title").textContent : document.title;
    function say(text) {
      if (!status) return;
      status.textContent = text;
      status.scrollIntoView({ block: "nearest" });
    }
    if (navigator.share) {
      navigator.share({ title: title, url: address }).then(function () { say(""); }, function () {});
      return;
    }
    var copy = window.qwCopy || function (text) { return navigator.clipboard.writeText(text); };
    copy(address).then(function () {
      say("Ссылка скопирована: вставьте её в письмо или сообщение");
    }, function () {
      // the address bar shows the card's address: it can be copied from there
      window.history.replaceState(window.history.state, "", link.getAttribute("href"));
      say("Скопировать не получилось: ссылка — в адресной строке");
    });
  }

  function init() {
    document.querySelectorAll("[data-qw-events]").forEach(setUp);
    document.addEventListener("click", share);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
