"""Calls into optimisation solvers; only domain-level data (`LinearModel`) crosses in or out."""
