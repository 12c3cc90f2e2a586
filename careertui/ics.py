"""The calendar file (RFC 5545) of `careertui export --format ics`, made with `icalendar`.

Imported only by that command: `icalendar` takes about 80 ms to import, more than a capture
command takes in all. The events are domain.calendar's; each is a whole day (DTSTART as a
DATE, DTEND the day after), the weekly review repeats with RRULE:FREQ=WEEKLY.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from careertui.domain.calendar import WEEKDAYS, CalendarEvent
from careertui.domain.text import printable

PRODID = "-//careertui//career journal//EN"


def render_ics(events: Sequence[CalendarEvent], stamp: datetime) -> bytes:
    """The calendar as bytes (CRLF lines, folded at 75 octets); `stamp` is DTSTAMP, an aware
    datetime (written in UTC)."""
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "careertui")
    for item in events:
        event = Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", printable(item.summary))  # as every plain output: no controls
        event.add("dtstart", item.day)
        event.add("dtend", item.day + timedelta(days=1))
        event.add("transp", "TRANSPARENT")  # a reminder, not a busy slot
        if item.description:
            event.add("description", printable(item.description))
        if item.category:
            event.add("categories", [item.category])
        if item.weekly:
            event.add("rrule", {"freq": "weekly", "byday": WEEKDAYS[item.day.weekday()]})
        calendar.add_component(event)
    return bytes(calendar.to_ical())
