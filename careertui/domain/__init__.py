"""Pure career logic: stdlib only, `today` always passed in."""
