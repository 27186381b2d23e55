"""The events tab: the list of events, the event form and its sessions."""
