// Reads one .ics from stdin with Mozilla's ical.js, as a web calendar built on it would: the
// file's VTIMEZONEs registered (ical.js has no time-zone database of its own), then each event's
// start and end printed as JSON {UID: [start, end]}: an ISO date for an all-day event, else the
// UTC instant; a time that ical.js cannot place (floating) is printed as such, for the test to fail.
import ICAL from "ical.js";
import { readFileSync } from "node:fs";

const calendar = new ICAL.Component(ICAL.parse(readFileSync(0, "utf8")));
for (const zone of calendar.getAllSubcomponents("vtimezone")) {
  ICAL.TimezoneService.register(new ICAL.Timezone(zone));
}

function moment(time) {
  if (time.isDate) return { date: time.toString() };
  if (time.zone === ICAL.Timezone.localTimezone || time.timezone === "floating") {
    return { floating: time.toString() };
  }
  return { utc: time.toUnixTime() };
}

const events = {};
for (const vevent of calendar.getAllSubcomponents("vevent")) {
  const event = new ICAL.Event(vevent);
  events[event.uid] = [moment(event.startDate), moment(event.endDate)];
}
process.stdout.write(JSON.stringify(events));
