"""Benchmarks: plain scripts, each ``bench/bench_<topic>.py`` with a ``main()`` printing a table."""
