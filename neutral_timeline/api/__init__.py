"""The HTTP surface: a FastAPI app over the immutable catalog."""
