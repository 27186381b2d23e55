"""The agenda: its items and times, presenting it live, the phone slides, planned vs actual."""
