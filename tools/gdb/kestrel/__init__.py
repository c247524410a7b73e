"""Kernel-aware gdb commands for Kestrel (Linux's scripts/gdb/linux)."""
