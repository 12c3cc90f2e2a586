"""Pure career logic: stdlib only (dateutil for the date language), `today` always passed in."""
