"""Reusable widgets, named for what they show."""
