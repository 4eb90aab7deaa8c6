"""Simulation studies of the library's numbers (not part of the product or the test suite)."""
