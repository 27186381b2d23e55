"""The feedback tab: the survey editor, results, the kiosk and paper entry."""
