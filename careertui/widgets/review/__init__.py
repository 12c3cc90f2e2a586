"""The weekly review's five steps, one file each: wins, people, actions, perception, focus.

Each step is the container its ContentSwitcher shows; it fills its own tables and panels from
the week the screen read (`review_overview`) and posts a fact (`RecordChosen`, `FollowUpChosen`)
when a row is chosen. The screen moves between steps, holds the fields' state and saves.
"""
