"""The Roadmap screen's four tabs, one file each: Space, Goals, Actions and Target role.

Each tab is a TabPane that shows its part of one `RoadmapData` read (common.py) and posts
`RecordChosen` to its screen when a row is chosen; the screen reads, filters and writes.
"""
