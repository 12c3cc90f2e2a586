"""The Self-check screen's two columns, one file each: perception (trend, history, the four
questions' last answers, the perception form) and security (trend, the weakest pillar's next
step, history). The screen fills and pages both histories and writes."""
