"""The LAN server phones talk to: Starlette app, uvicorn thread, templates, static files."""
