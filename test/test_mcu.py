"""The Cortex-M4 firmware harness (mcu/), end to end: real firmware for small int8 models, built
with TFLM's reference kernels and with CMSIS-NN, run in QEMU, its figures checked against
independent expectations: the x86-64 interpreter's outputs (bit for bit) and arena head,
resource_models.tflite's predicted head, the arena it reports actually running (and 16 bytes less
not), instruction counts that repeat exactly, the image's own size.

The set-up is real too: the Debian packages are installed when missing (as root; elsewhere the
tests fail with the apt command), and TFLM is built once per kernel set into ~/.cache/unas-tflm
(about 8 CPU-minutes each; then seconds). Nothing here is skipped.
"""
import json
import os
import subprocess
import sys

import numpy as np
import pytest

from conftest import CHILD, ROOT

KERNELS = ("reference", "cmsis-nn")


@pytest.fixture(scope="session")
def toolchain():
    from mcu.toolchain import ensure_toolchain
    ensure_toolchain()


@pytest.fixture(scope="session")
def libraries(toolchain):
    from mcu.library import ensure_library
    return {k: ensure_library(k) for k in KERNELS}


def _convert(keras, model, seed, samples=8):
    from utils import convert_to_tflite
    rng = np.random.default_rng(seed)
    shape = (samples,) + tuple(model.inputs[0].shape[1:])
    return convert_to_tflite(model, rng.random(shape, dtype=np.float32),
                             num_representative=samples)


@pytest.fixture(scope="session")
def models(tmp_path_factory):
    """Two small int8 models: depthwise-separable (CONV_2D, DEPTHWISE_CONV_2D, MEAN,
    FULLY_CONNECTED, SOFTMAX) and residual (ADD, MAX_POOL_2D, RESHAPE)."""
    import keras

    from foreign_models import mobilenet, residual
    folder = tmp_path_factory.mktemp("mcu_models")
    paths = {}
    for name, build in (("mobilenet", lambda: mobilenet(keras, input_size=16, channels=(8,))),
                        ("residual", lambda: residual(keras))):
        keras.utils.set_random_seed(1)
        keras.backend.clear_session()
        path = folder / f"{name}.tflite"
        path.write_bytes(_convert(keras, build(), seed=2))
        paths[name] = path
    return paths


@pytest.fixture(scope="session")
def measured(models, libraries):
    """Every (model, kernels) measured once, with 3 seeded inputs compared to the x86 wheel."""
    from mcu import measure
    return {(name, k): measure(path, k, bit_exact_samples=3)
            for name, path in models.items() for k in KERNELS}


@pytest.mark.parametrize("kernels", KERNELS)
@pytest.mark.parametrize("name", ["mobilenet", "residual"])
def test_outputs_are_bit_exact_to_the_x86_interpreter(measured, models, name, kernels):
    from mcu.reference import seeded_inputs, x86_outputs
    m = measured[name, kernels]
    assert m.bit_exact is True and m.bit_exact_samples == 3
    flatbuffer = models[name].read_bytes()
    expected = x86_outputs(flatbuffer, seeded_inputs(flatbuffer, 3, seed=0))
    for got, want in zip(m.outputs, expected):
        np.testing.assert_array_equal(got[0], want[0])
    # Different inputs give different outputs: the comparison is not of constants.
    assert not np.array_equal(m.outputs[0][0], m.outputs[1][0])


@pytest.mark.parametrize("name", ["mobilenet", "residual"])
def test_reference_arena_head_is_the_predicted_and_the_x86_head(measured, models, name):
    from resource_models.tflite import read_tflite
    m = measured[name, "reference"]
    predicted = read_tflite(models[name]).memory().arena_head_bytes
    assert m.arena_head_bytes == predicted == m.x86_arena_head_bytes
    assert m.arena_total_bytes == m.arena_head_bytes + m.arena_tail_bytes


@pytest.mark.parametrize("kernels", KERNELS)
def test_the_32_bit_tail_is_smaller_than_the_x86_64_one(measured, kernels):
    # TfLiteEvalTensor, node structs and pointers are half the size on the Cortex-M4.
    for name in ("mobilenet", "residual"):
        m = measured[name, kernels]
        assert 0 < m.arena_tail_bytes < m.x86_arena_tail_bytes


@pytest.mark.parametrize("name", ["mobilenet", "residual"])
def test_cmsis_nn_runs_in_fewer_instructions_and_never_a_smaller_head(measured, name):
    # CMSIS-NN's convolutions may add scratch buffers to the head (here the planner fits them in
    # gaps), and run the same arithmetic with the M4's SIMD instructions.
    reference, cmsis = measured[name, "reference"], measured[name, "cmsis-nn"]
    assert cmsis.arena_head_bytes >= reference.arena_head_bytes
    assert cmsis.instructions_per_inference * 2 < reference.instructions_per_inference


@pytest.mark.parametrize("kernels", KERNELS)
def test_the_smallest_arena_runs_and_16_bytes_less_does_not(measured, models, kernels):
    from mcu import McuError, measure
    m = measured["residual", kernels]
    assert m.arena_head_bytes < m.min_arena_bytes <= m.arena_total_bytes + 16
    fits = measure(models["residual"], kernels, arena_bytes=m.min_arena_bytes,
                   find_min_arena=False, x86=False, repeats=1)
    assert fits.arena_total_bytes <= m.min_arena_bytes
    with pytest.raises(McuError, match="arena too small"):
        measure(models["residual"], kernels, arena_bytes=m.min_arena_bytes - 16,
                find_min_arena=False, x86=False, repeats=1)


@pytest.mark.parametrize("kernels", KERNELS)
def test_instruction_counts_repeat_exactly(measured, models, kernels):
    from mcu import measure
    first = measured["mobilenet", kernels]
    # The same first input (the count depends on the data: the reference kernels branch on it).
    again = measure(models["mobilenet"], kernels, find_min_arena=False, x86=False,
                    bit_exact_samples=3)
    assert len(first.instructions_runs) == 5
    assert again.instructions_runs == first.instructions_runs
    assert len(set(first.instructions_runs)) == 1
    assert first.instructions_per_inference > 10_000


def test_one_systick_tick_is_40_instructions(libraries, models, tmp_path):
    """A loop of exactly 2,000,000 instructions (subs + bne) reads 50,000 ticks."""
    from mcu.firmware import build_firmware
    from mcu.qemu import INSTRUCTIONS_PER_TICK, Job, run_firmware
    firmware = build_firmware(models["residual"].read_bytes(), libraries["reference"], tmp_path,
                              "residual")
    run = run_firmware(firmware.elf, Job(calibrate_loops=1_000_000), tmp_path)
    assert run.status == 0
    assert INSTRUCTIONS_PER_TICK == 40
    assert abs(run.values["calibration_ticks"] - 50_000) <= 1


@pytest.mark.parametrize("kernels", KERNELS)
def test_flash_ram_and_stack_figures_match_the_image(measured, models, kernels, tmp_path):
    from mcu.firmware import build_firmware
    from mcu.library import ensure_library
    from mcu.toolchain import tool
    m = measured["mobilenet", kernels]
    model_bytes = models["mobilenet"].stat().st_size
    assert m.model_file_bytes == model_bytes
    assert model_bytes <= m.model_flash_bytes < model_bytes + 16
    assert m.runtime_flash_bytes + m.model_flash_bytes == m.flash_bytes
    # The raw image objcopy writes spans the same bytes (up to alignment padding).
    firmware = build_firmware(models["mobilenet"].read_bytes(), ensure_library(kernels), tmp_path,
                              "mobilenet")
    image = tmp_path / "fw.bin"
    subprocess.run([tool("objcopy"), "-O", "binary", str(firmware.elf), str(image)], check=True,
                   timeout=60)
    assert m.flash_bytes <= image.stat().st_size <= m.flash_bytes + 64
    assert 0 < m.data_bss_bytes < 64 * 1024
    assert 256 < m.stack_bytes < 64 * 1024
    assert m.heap_bytes == 0


def _cli(*args, env=None):
    return subprocess.run([sys.executable, "-m", "mcu", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=1800, env=env, **CHILD)


def test_cli_json_has_the_documented_figures(models, libraries):
    result = _cli(models["residual"], "--kernels", "reference", "--json", "--samples", "2")
    assert result.returncode == 0, result.stderr
    figures = json.loads(result.stdout)
    for key in ("kernels", "arena_head_bytes", "arena_tail_bytes", "arena_total_bytes",
                "min_arena_bytes", "flash_bytes", "model_flash_bytes", "data_bss_bytes",
                "stack_bytes", "instructions_per_inference", "bit_exact"):
        assert key in figures, key
    assert figures["kernels"] == "reference" and figures["bit_exact"] is True


def _one_line_error(result):
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    return lines[0]


def test_cli_rejects_a_file_that_is_not_a_model(tmp_path):
    bad = tmp_path / "notes.tflite"
    bad.write_text("not a model")
    assert "not a TFLite flatbuffer" in _one_line_error(_cli(bad))


def test_cli_rejects_an_operator_tflm_cannot_resolve(models, tmp_path):
    from resource_models.tflite_schema import load_schema
    schema = load_schema()
    data = bytearray(models["residual"].read_bytes())
    model = schema.Model.GetRootAs(data, 0)
    # Turn the MAX_POOL_2D opcode into LSH_PROJECTION (a TFLite builtin TFLM has no kernel for),
    # in place.
    for i in range(model.OperatorCodesLength()):
        code = model.OperatorCodes(i)
        if code.BuiltinCode() == schema.BuiltinOperator.MAX_POOL_2D:
            table = code._tab
            for slot in (4, 10):            # deprecated_builtin_code (int8), builtin_code (int32)
                offset = table.Offset(slot)
                if offset:
                    position = table.Pos + offset
                    width = 1 if slot == 4 else 4
                    data[position:position + width] = int(
                        schema.BuiltinOperator.LSH_PROJECTION).to_bytes(width, "little")
    bad = tmp_path / "lsh.tflite"
    bad.write_bytes(bytes(data))
    assert "LSH_PROJECTION is not supported" in _one_line_error(_cli(bad))


def test_cli_rejects_a_model_whose_arena_exceeds_the_ram(tmp_path, libraries):
    """A 1x1 convolution over 1040x1040x4 needs two 4.3 MB activations: more than the 4 MiB RAM."""
    import keras
    keras.backend.clear_session()
    i = keras.Input((1040, 1040, 4))
    model = keras.Model(i, keras.layers.Conv2D(4, 1)(i))
    big = tmp_path / "big.tflite"
    big.write_bytes(_convert(keras, model, seed=3, samples=1))
    line = _one_line_error(_cli(big, "--kernels", "reference"))
    assert "bytes of RAM left for its arena" in line


def test_cli_names_the_apt_command_when_the_toolchain_is_missing(models, tmp_path):
    env = dict(os.environ, PATH=os.path.dirname(sys.executable))
    line = _one_line_error(_cli(models["residual"], env=env))
    assert "apt-get install -y gcc-arm-none-eabi" in line
