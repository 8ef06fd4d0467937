/* Countdown banner and today's mark in the week at a glance.
 *
 * The build writes the edition's dates (ISO) and ready Russian texts into data attributes, so
 * this script only counts whole days. "Today" is the calendar date in the site's region,
 * whatever the reader's own time zone: the week and Quality Day are the region's dates.
 */
(function () {
  "use strict";

  var DAY_MS = 86400000;
  var NBSP = "\u00a0";
  var plural = new Intl.PluralRules("ru");
  var DAY_FORMS = { one: "день", few: "дня", many: "дней", other: "дня" };

  // Today's calendar date in the region: the clock plus its zone's UTC offset, which the build
  // writes from the tz database (Intl's named zones would cost ~40 ms of main thread to load).
  function localToday(offsetMinutes) {
    var local = new Date(Date.now() + offsetMinutes * 60000);
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return local.getUTCFullYear() + "-" + two(local.getUTCMonth() + 1) + "-" +
      two(local.getUTCDate());
  }

  // whole days since 1970-01-01 of an ISO date; differences of these are calendar days
  function dayNumber(iso) {
    var p = iso.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / DAY_MS;
  }

  function days(n) {
    return n + NBSP + DAY_FORMS[plural.select(n)];
  }

  function message(today, data) {
    var t = dayNumber(today);
    var qualityDay = dayNumber(data.qualityDay);
    var weekStart = dayNumber(data.weekStart);
    var weekEnd = dayNumber(data.weekEnd);
    if (t < weekStart) return "До Дня качества — " + days(qualityDay - t);
    if (t < qualityDay) return "Неделя качества идёт: до Дня качества — " + days(qualityDay - t);
    if (t === qualityDay) return "Неделя качества идёт: сегодня День качества";
    if (t < weekEnd) return "Неделя качества идёт: последний день — " + data.weekEndRu;
    if (t === weekEnd) return "Неделя качества идёт: сегодня последний день";
    return "Неделя качества " + data.year + " прошла; следующая — " + data.nextWeekRu;
  }

  var banner = document.querySelector("[data-qw-countdown]");
  if (!banner) return;
  var today = localToday(Number(banner.dataset.utcOffset));
  banner.textContent = message(today, banner.dataset);

  document.querySelectorAll(".qw-week [data-qw-date]").forEach(function (day) {
    if (day.dataset.qwDate !== today) return;
    day.classList.add("qw-week__day--today");
    day.setAttribute("aria-current", "date");
    day.querySelectorAll(".qw-week__today-sep, .qw-week__mark--today").forEach(function (el) {
      el.hidden = false;
    });
  });
})();
