"""PDF renderers: plain data in, PDF bytes out (reportlab, bundled IPAex fonts)."""
