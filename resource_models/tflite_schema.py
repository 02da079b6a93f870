"""The TFLite flatbuffer schema, read from the module that the ``tflite-micro`` package ships.

The module is loaded by its file path so that neither TensorFlow nor TFLM's native runtime is
imported: reading a model needs ``flatbuffers`` only.
"""
from __future__ import annotations

import importlib.util
import os
import sys
import threading

_MODULE_NAME = "_resource_models_tflite_schema"
_LOADING = threading.Lock()


def load_schema():
    """The generated schema module (``Model``, ``BuiltinOperator``, ``ModelT``...). Thread-safe:
    the module is registered only once fully executed, under a lock, so that no thread sees it
    half-loaded."""
    module = sys.modules.get(_MODULE_NAME)
    if module is not None:
        return module
    with _LOADING:
        module = sys.modules.get(_MODULE_NAME)
        if module is None:
            module = _execute_schema()
            sys.modules[_MODULE_NAME] = module
    return module


def _execute_schema():
    spec = importlib.util.find_spec("tflite_micro")
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("reading .tflite files needs the tflite-micro package "
                          "(its flatbuffers schema): pip install tflite-micro")
    root = list(spec.submodule_search_locations)[0]
    path = os.path.join(root, "tensorflow", "lite", "micro", "python", "schema_py_generated.py")
    module_spec = importlib.util.spec_from_file_location(_MODULE_NAME, path)
    module = importlib.util.module_from_spec(module_spec)
    module_spec.loader.exec_module(module)
    return module


def builtin_operator_names() -> dict:
    """Builtin operator code -> name (``3 -> "CONV_2D"``)."""
    ops = load_schema().BuiltinOperator
    return {v: k for k, v in vars(ops).items() if not k.startswith("_") and isinstance(v, int)}


def tensor_type_names() -> dict:
    types = load_schema().TensorType
    return {v: k for k, v in vars(types).items() if not k.startswith("_") and isinstance(v, int)}
