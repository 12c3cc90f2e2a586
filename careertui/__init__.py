"""careertui: a keyboard-driven terminal journal for managing your career like a CEO."""

__version__ = "0.1.0"
