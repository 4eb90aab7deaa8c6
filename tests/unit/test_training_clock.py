"""A fit's reported time is the fit's: in a fresh process (the CLI) the first fit imported statsmodels and scipy
inside its timed span and reported 0.7 s for a VAR(2) the dashboard fits in 0.01 s."""

from __future__ import annotations

import json
import subprocess
import sys

# Which estimation modules are loaded when the fit's clock starts, in a process that has fitted nothing yet.
PROBE = """
import json, sys, time
import varlib.training as training
seen = []
clock = time.perf_counter
def first_reading():
    if not seen:
        seen.append(sorted(m for m in MODULES if m in sys.modules))
    return clock()
training.time = type("clock", (), {"perf_counter": staticmethod(first_reading)})
from varlib import ModelSpec, load_dataset
training.train(load_dataset(variables=["realgdp", "realcons"]), ModelSpec(variables=("realgdp", "realcons"), lags=2))
print(json.dumps(seen[0]))
"""
MODULES = ["scipy.stats", "statsmodels.tsa.stattools", "statsmodels.tsa.vector_ar.var_model"]


def test_the_clock_starts_after_the_estimation_code_is_loaded():
    probe = f"MODULES = {MODULES!r}\n{PROBE}"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == MODULES
