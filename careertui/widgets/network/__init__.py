"""The Network screen's three views, one file each: contacts, who needs to know you (decision-
makers and lapsed stay-in-touch cadences) and follow-ups due. Each shows what the screen read;
the screen reads, sorts, filters and writes."""
