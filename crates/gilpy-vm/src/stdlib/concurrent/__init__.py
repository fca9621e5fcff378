"""The concurrent package: only futures."""
