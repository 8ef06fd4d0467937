// Reads .ics files with Mozilla's ical.js, as a web calendar built on it would: the file's
// VTIMEZONEs registered (ical.js has no time-zone database of its own), then each event's start
// and end as JSON {UID: [start, end]}: an ISO date for an all-day event, else the UTC instant; a
// time that ical.js cannot place (floating) is printed as such, for the test to fail.
//
// One calendar per line on stdin (the file's text as a JSON string), one JSON line out for each
// ({"events": …} or {"error": …}), so one node process reads all of a test run's calendars. The
// zones are forgotten between calendars: each is read as if it were the only one.
import ICAL from "ical.js";
import { createInterface } from "node:readline";

function moment(time) {
  if (time.isDate) return { date: time.toString() };
  if (time.zone === ICAL.Timezone.localTimezone || time.timezone === "floating") {
    return { floating: time.toString() };
  }
  return { utc: time.toUnixTime() };
}

function read(text) {
  ICAL.TimezoneService.reset();
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  const events = {};
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    events[event.uid] = [moment(event.startDate), moment(event.endDate)];
  }
  return events;
}

for await (const line of createInterface({ input: process.stdin })) {
  let answer;
  try {
    answer = { events: read(JSON.parse(line)) };
  } catch (error) {
    answer = { error: String(error && error.stack || error) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
}
