"""The demo workspace: a fictional municipal DX training day."""
