"""Installs ``runscope_langchain_autoload.pth`` into site-packages (next to the package).

A ``.pth`` file must sit at the top of site-packages, where neither package data nor
``data-files`` put it; copying it into the build's top directory puts it in the wheel's
root, which pip installs into site-packages. Everything else is in pyproject.toml.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

PTH = "runscope_langchain_autoload.pth"


class BuildWithPth(build_py):
    """build_py, plus the .pth file at the top of the build."""

    def run(self) -> None:
        super().run()
        shutil.copy(Path(__file__).parent / "src" / PTH, Path(self.build_lib) / PTH)

    def get_outputs(self, include_bytecode: bool = True) -> list:
        return [*super().get_outputs(include_bytecode), str(Path(self.build_lib) / PTH)]


setup(cmdclass={"build_py": BuildWithPth})
