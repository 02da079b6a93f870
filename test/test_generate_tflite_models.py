"""generate_tflite_models.py: random in-bounds CNNs become int8 TFLite files plus a models.json
whose figures are those of the resource model, and the architectures rebuild from it."""
import json

import numpy as np
import pytest

import generate_tflite_models
from architecture import Architecture


def test_generates_in_bound_int8_models_with_their_figures(tmp_path):
    out = tmp_path / "models"
    generate_tflite_models.main(["--out-dir", str(out), "--count", "2", "--input-shape", "8,8,1",
                                 "--num-classes", "10", "--max-model-size", "4000",
                                 "--max-peak-memory", "1000", "--seed", "3"])
    records = json.loads((out / "models.json").read_text())
    assert len(records) == 2
    for rec in records:
        path = out / rec["file"]
        assert path.stat().st_size == rec["tflite_bytes"] > 0
        f = rec["resource_features"]
        assert f["model_size"] <= 4000 and f["peak_memory_usage"] <= 1000
        arch = Architecture.from_dict(rec["arch"])
        from cnn import CnnSearchSpace
        space = CnnSearchSpace(input_shape=(8, 8, 1), num_classes=10)
        assert generate_tflite_models.resource_features(space.to_resource_graph(arch)) == f
        from utils import tflite_interpreter, tflite_predict
        flatbuffer = path.read_bytes()
        interpreter = tflite_interpreter(flatbuffer)
        interpreter.allocate_tensors()
        assert interpreter.get_input_details()[0]["dtype"] == np.int8
        ops = {op["op_name"] for op in interpreter._get_ops_details()}
        assert not ops & {"SHAPE", "STRIDED_SLICE", "PACK"}, ops  # static shapes at batch size 1
        assert tflite_predict(flatbuffer, np.zeros((3, 8, 8, 1), np.float32)).shape == (3, 10)


def test_impossible_bounds_give_a_clear_error(tmp_path):
    with pytest.raises(SystemExit, match="loosen --max-"):
        generate_tflite_models.main(["--out-dir", str(tmp_path), "--count", "1", "--input-shape",
                                     "8,8,1", "--max-model-size", "1", "--max-tries", "20"])


def test_bad_input_shape_is_rejected(capsys):
    with pytest.raises(SystemExit):
        generate_tflite_models.main(["--input-shape", "8,8"])
    assert "--input-shape" in capsys.readouterr().err
