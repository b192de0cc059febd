"""concbench's CPython side: the seed's scenarios run on CPython itself (standard library only).

`python3 -m concbench_py --scenario S --model M --profile P --out FILE` measures one scenario on one
model and writes rows in concbench's summary.json row format (see docs/cpython.md).
"""
