"""Certificates of completion: eligibility, issuing, verification, layouts, exports, the register."""
