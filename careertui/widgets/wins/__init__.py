"""The Wins screen's two lists, one file each: the wins (paged in SQL) and the job
description's responsibilities. Each shows what the screen read; the screen reads, filters and
writes."""
