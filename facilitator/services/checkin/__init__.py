"""Check-in: every path (phone, webcam, USB scanner, manual search), the desk, exports."""
