"""generate_tflite_models.py, the original's procedure: random architectures morphed until model
size and peak memory usage, the input tensor counted, are within the limits; int8 TFLite files
``mNNNNN.tflite`` plus a models.json of the architectures. The limits are checked here with
``resource_models`` directly on the architecture rebuilt from the JSON, and the files with the
TFLite interpreter: nothing is taken from the generator's own figures."""
import json

import numpy as np
import pytest

import generate_tflite_models
from architecture import Architecture
from cnn import CnnSearchSpace
from resource_models.models import model_size, peak_memory_usage
from utils import tflite_interpreter, tflite_predict

SHAPE, CLASSES = (16, 16, 3), 10
#: The 16x16x3 input alone is 768 B, so a 1,100 B peak memory limit that did not count the input
#: would let through models whose peak with the input is over it (seen with seed 1).
MAX_SIZE, MAX_PEAK = 20_000, 1100


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    out = tmp_path_factory.mktemp("models")
    rc = generate_tflite_models.main([
        "--out-dir", str(out), "--count", "2", "--input-shape", ",".join(map(str, SHAPE)),
        "--num-classes", str(CLASSES), "--max-model-size", str(MAX_SIZE),
        "--max-peak-memory", str(MAX_PEAK), "--seed", "1"])
    assert rc == 0
    return out, json.loads((out / "models.json").read_text())


def test_every_model_is_within_the_limits_with_the_input_counted(generated):
    out, records = generated
    assert [r["file"] for r in records] == ["m00000.tflite", "m00001.tflite"]
    space = CnnSearchSpace(input_shape=SHAPE, num_classes=CLASSES)
    for rec in records:
        graph = space.to_resource_graph(Architecture.from_dict(rec["arch"]))
        assert model_size(graph) <= MAX_SIZE
        assert peak_memory_usage(graph, exclude_inputs=False) <= MAX_PEAK
        assert rec["resource_features"]["model_size"] == model_size(graph)


def test_the_files_are_int8_models_of_the_input_shape(generated):
    out, records = generated
    for rec in records:
        flatbuffer = (out / rec["file"]).read_bytes()
        assert len(flatbuffer) == rec["tflite_bytes"] > 0
        interpreter = tflite_interpreter(flatbuffer)
        interpreter.allocate_tensors()
        [inp], [outp] = interpreter.get_input_details(), interpreter.get_output_details()
        assert inp["dtype"] == np.int8 and tuple(inp["shape"]) == (1,) + SHAPE
        assert tuple(outp["shape"]) == (1, CLASSES)
        ops = {op["op_name"] for op in interpreter._get_ops_details()}
        assert not ops & {"SHAPE", "STRIDED_SLICE", "PACK"}, ops  # static shapes at batch size 1
        assert tflite_predict(flatbuffer, np.zeros((2,) + SHAPE, np.float32)).shape == (2, CLASSES)


def test_walks_start_from_random_architectures_and_morph():
    """Over-limit starts are morphed (steps > 0) into architectures within the limits; starts
    already within them are kept as they are."""
    space = CnnSearchSpace(input_shape=SHAPE, num_classes=CLASSES)
    rng = np.random.default_rng(0)
    morphed = kept = 0
    for _ in range(2):
        start = space.random_architecture(rng)
        g = space.to_resource_graph(start)
        over = model_size(g) > MAX_SIZE or peak_memory_usage(g, exclude_inputs=False) > MAX_PEAK
        arch, steps = generate_tflite_models.walk_within_limits(space, start, rng, MAX_SIZE,
                                                                 MAX_PEAK)
        g = space.to_resource_graph(arch)
        assert model_size(g) <= MAX_SIZE and peak_memory_usage(g, exclude_inputs=False) <= MAX_PEAK
        if over:
            morphed += 1
            assert steps > 0 and arch.to_dict() != start.to_dict()
        else:
            kept += 1
            assert steps == 0 and arch.to_dict() == start.to_dict()
    assert morphed > 0


def test_a_walk_that_cannot_reach_the_limits_is_a_one_line_error(tmp_path, capsys):
    rc = generate_tflite_models.main(["--out-dir", str(tmp_path), "--count", "1", "--input-shape",
                                      "8,8,1", "--max-model-size", "1", "--max-steps", "3"])
    assert rc == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error:") and "--max-model-size" in err[0]


def test_the_defaults_are_the_originals():
    args = {a.dest: a.default for a in generate_tflite_models.build_parser()._actions}
    assert (args["count"], args["input_shape"], args["num_classes"]) == (1000, (64, 64, 3), 10)
    assert (args["max_model_size"], args["max_peak_memory"], args["keep_prob"]) == \
        (250_000, 250_000, 0.25)
    assert args["seed"] == 0 and generate_tflite_models.CALIBRATION_SAMPLES == 5


def test_bad_input_shape_is_rejected(capsys):
    with pytest.raises(SystemExit):
        generate_tflite_models.main(["--input-shape", "8,8"])
    assert "--input-shape" in capsys.readouterr().err
