"""Pure rules of a training day: no Qt, no SQL."""
