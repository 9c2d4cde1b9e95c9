"""Benchmarks: one command (`make bench`), figures printed as ratios against a baseline."""
