// Parse iCalendar files with Mozilla's ical.js (Thunderbird's parser), strictly.
// node icaljs_check.mjs PATH_TO_ICAL_JS FILE...  ->  one JSON line per file: events, the
// calendar-level texts as ical.js reads them, and every error (a throw, a VEVENT without
// UID/DTSTART/DTSTAMP, an alarm without TRIGGER).
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [, , library, ...files] = process.argv;
const ICAL = (await import(pathToFileURL(library).href)).default;

for (const file of files) {
  const errors = [];
  let events = 0;
  let texts = {};
  try {
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
    if (calendar.name !== "vcalendar") errors.push(`not a vcalendar: ${calendar.name}`);
    for (const name of ["x-wr-calname", "x-wr-caldesc", "name", "description"]) {
      texts[name] = calendar.getFirstPropertyValue(name);
    }
    const vevents = calendar.getAllSubcomponents("vevent");
    events = vevents.length;
    for (const vevent of vevents) {
      const event = new ICAL.Event(vevent);
      if (!event.uid || !event.startDate || !vevent.getFirstPropertyValue("dtstamp")) {
        errors.push(`event without uid, dtstart or dtstamp: ${event.uid}`);
      }
      if (!event.startDate.isDate || !event.endDate.isDate) errors.push(`not all-day: ${event.uid}`);
      if (event.endDate.compare(event.startDate) <= 0) errors.push(`ends before it starts: ${event.uid}`);
      for (const alarm of vevent.getAllSubcomponents("valarm")) {
        if (!alarm.getFirstPropertyValue("trigger")) errors.push(`alarm without trigger: ${event.uid}`);
      }
    }
  } catch (error) {
    errors.push(String(error));
  }
  console.log(JSON.stringify({ file, events, texts, errors }));
}
