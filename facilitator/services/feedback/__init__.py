"""Feedback: capturing submissions from every channel, the survey, results and exports."""
