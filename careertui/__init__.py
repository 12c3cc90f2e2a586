"""careertui: a keyboard-driven terminal journal for managing your career like a CEO."""

__version__ = "0.1.0"


def _guard_ctrl_c() -> None:
    """The `careertui` command answers Ctrl-C from its very first import (see __main__.py):
    installed here, before anything else of careertui is imported, and only for the command,
    never for a program importing the package."""
    import os
    import sys

    if sys.argv and os.path.basename(sys.argv[0]) == "careertui":
        import signal

        from careertui.interrupt import interrupted

        signal.signal(signal.SIGINT, interrupted)


_guard_ctrl_c()
