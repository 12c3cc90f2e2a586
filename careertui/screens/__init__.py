"""One Screen per area of the app, plus the base they share."""
