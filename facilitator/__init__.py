"""Facilitator: run an in-person training day from one venue laptop."""

__version__ = "0.1.0"
APP_NAME = "Facilitator"
