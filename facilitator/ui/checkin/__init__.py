"""The check-in tab: the door, arrivals, the LAN server panel and the projector QR."""
