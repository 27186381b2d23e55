"""The certificates tab: eligibility, layout, export and verification panels."""
