"""Benchmarks of the product against the original design (issue 5); run with `python -m bench`.

Benchmarks are not tests: they measure and report, they never assert timings.
"""
