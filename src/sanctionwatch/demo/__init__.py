"""The demo: the bundled sample documents and the walk-through that uses them."""
