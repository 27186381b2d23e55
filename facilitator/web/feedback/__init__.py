"""Phone feedback: the survey page, its JSON API and its words."""
