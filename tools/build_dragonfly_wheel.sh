#!/usr/bin/env bash
# Rebuilds vendor/dragonfly_opt-0.1.7-py3-none-any.whl from the unmodified PyPI sdist.
#
# Why: dragonfly-opt 0.1.7 ships only an sdist whose setup.py imports numpy.distutils (gone in
# numpy >= 1.26 on Python 3.12 and in numpy 2) to compile an optional Fortran DIRECT optimiser.
# pipenv cannot lock it and pip can build it only with --no-build-isolation and numpy < 2 already
# installed. dragonfly falls back to a pure-Python DIRECT when the Fortran module is missing, so we
# build the package's Python sources into a plain wheel with setuptools, commit that wheel, and the
# Pipfile installs it by path: lockable, no compiler, no manual step.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m pip download --no-deps --no-binary :all: --no-build-isolation dragonfly-opt==0.1.7 -d "$work" >/dev/null 2>&1 \
  || python3 -m pip download --no-deps --no-build-isolation dragonfly-opt==0.1.7 -d "$work"
tar -xzf "$work"/dragonfly-opt-0.1.7.tar.gz -C "$work"
src="$work/dragonfly-opt-0.1.7"
# Same metadata as the original setup.py, minus the optional Fortran extension.
cat > "$src/setup.py" <<'PY'
from setuptools import find_packages, setup

with open("README.md") as f:
    LONG_DESCRIPTION = f.read()

setup(
    name="dragonfly-opt",
    version="0.1.7",
    description="Scalable Bayesian optimisation (pure-Python build, no Fortran DIRECT).",
    long_description=LONG_DESCRIPTION,
    long_description_content_type="text/markdown",
    url="https://github.com/dragonfly/dragonfly/",
    license="MIT",
    author_email="kandasamy@cs.cmu.edu",
    packages=find_packages(exclude=("examples*", "dragonfly.test_data*")),
    scripts=["bin/dragonfly-script.py"],
    install_requires=["future", "numpy", "scipy", "six"],
)
PY
rm -rf "$src"/dragonfly_opt.egg-info
python3 -m pip wheel --no-deps -w "$here/vendor" "$src"
ls -l "$here"/vendor/dragonfly_opt-0.1.7-py3-none-any.whl
