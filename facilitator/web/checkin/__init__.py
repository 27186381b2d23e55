"""Phone check-in: the page flow, its JSON API and its words."""
