"""``cache=True``: a second process links the versions the first one stored in
``__pycache__`` instead of compiling them, with the same results; an edited source or a
changed global array is a miss."""

import os
import subprocess
import sys
import textwrap

MODULE = textwrap.dedent(
    """
    import numpy as np
    from numjit import njit

    SCALE = np.array([2.0, 3.0])

    @njit(cache=True)
    def kernel(a, k):
        if k < 0:
            raise ValueError("negative k")
        return np.sqrt(a).sum() * k * SCALE[1]

    @njit(cache=True)
    def make(n):
        return np.arange(n) * SCALE[0]
    """
)

SCRIPT = textwrap.dedent(
    """
    import sys
    import numpy as np
    sys.path.insert(0, sys.argv[1])
    import cached_module as m
    print(m.kernel(np.array([1.0, 4.0]), 2))
    print(m.make(3).tolist())
    try:
        m.kernel(np.array([1.0]), -1)
    except ValueError as error:
        print("ValueError", error)
    print(m.kernel.stats.cache_hits, m.kernel.stats.cache_misses, m.make.stats.cache_hits)
    """
)


def run(directory):
    env = dict(os.environ)
    env.pop("NUMJIT_CACHE_DIR", None)
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(directory)], capture_output=True, text=True, env=env, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()


def test_a_second_process_links_the_cached_versions(tmp_path):
    (tmp_path / "cached_module.py").write_text(MODULE)
    first = run(tmp_path)
    assert first[:3] == ["18.0", "[0.0, 2.0, 4.0]", "ValueError negative k"]
    assert first[3] == "0 1 0"
    cached = sorted(os.listdir(tmp_path / "__pycache__"))
    assert len([name for name in cached if name.endswith(".nbc")]) == 2, cached
    second = run(tmp_path)
    assert second[:3] == first[:3]
    assert second[3] == "1 0 1", "the second process compiles nothing"

    # An edited source is a miss, then stored again.
    (tmp_path / "cached_module.py").write_text(MODULE.replace("* k *", "* k * 10 *"))
    edited = run(tmp_path)
    assert edited[0] == "180.0" and edited[3] == "0 1 0"
    # A changed global array too.
    (tmp_path / "cached_module.py").write_text(MODULE.replace("[2.0, 3.0]", "[2.0, 4.0]"))
    assert run(tmp_path)[0] == "24.0"


def test_without_cache_nothing_is_written(tmp_path):
    (tmp_path / "plain_module.py").write_text(MODULE.replace("cache=True", "cache=False"))
    script = SCRIPT.replace("cached_module", "plain_module")
    env = dict(os.environ)
    env.pop("NUMJIT_CACHE_DIR", None)
    result = subprocess.run([sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[3] == "0 1 0"
    pycache = tmp_path / "__pycache__"
    assert not pycache.exists() or not [name for name in os.listdir(pycache) if name.endswith(".nbc")]


def test_stats_without_cache():
    from numjit import njit

    @njit
    def f(x):
        return x + 1

    assert f(1) == 2
    assert (f.stats.cache_hits, f.stats.cache_misses) == (0, 1)
