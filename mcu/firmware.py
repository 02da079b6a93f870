"""One model's firmware: its operators read from the .tflite, an op resolver with exactly those,
the flatbuffer embedded as a 16-byte-aligned array in its own section, linked with the measurement
program (firmware/main.cc, startup.c) and TFLM into an ELF for mps2-an386; then its image sizes.

The program's objects and each operator set's resolver are compiled once per library and kept
beside it in the cache, so a model costs one assembly (the flatbuffer, by .incbin) and one link.
"""
from __future__ import annotations

import hashlib
import os
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .errors import McuError
from .library import VENDOR, Library
from .toolchain import tool

FIRMWARE_SOURCES = Path(__file__).resolve().parent / "firmware"
LINKER_SCRIPT = FIRMWARE_SOURCES / "mps2_an386.ld"
COMPILE_TIMEOUT_S = 600
RESOLVER_HEADER = VENDOR / "tensorflow" / "lite" / "micro" / "micro_mutable_op_resolver.h"
# Image sections that occupy flash (.data is copied from flash at reset).
FLASH_SECTIONS = (".text", ".rodata", ".model", ".ARM.extab", ".ARM.exidx", ".init_array", ".data")


def resolver_methods() -> dict:
    """Builtin operator name -> the MicroMutableOpResolver method that registers it ("CONV_2D" ->
    "AddConv2D"), read from the vendored header: exactly the operators this TFLM can resolve."""
    text = RESOLVER_HEADER.read_text()
    methods = {}
    for match in re.finditer(r"TfLiteStatus (Add\w+)\([^{]*\{\s*return AddBuiltin\(\s*"
                             r"BuiltinOperator_(\w+)", text):
        methods.setdefault(match.group(2), match.group(1))
    return methods


def model_operators(flatbuffer: bytes, source: str) -> list:
    """The builtin operator names a .tflite uses (sorted), via the flatbuffers schema."""
    from resource_models.tflite_schema import builtin_operator_names, load_schema

    if len(flatbuffer) < 8 or flatbuffer[4:8] != b"TFL3":
        raise McuError(f"{source}: not a TFLite flatbuffer (no TFL3 identifier)")
    names = builtin_operator_names()
    try:
        model = load_schema().Model.GetRootAs(flatbuffer, 0)
        used = set()
        for s in range(model.SubgraphsLength()):
            graph = model.Subgraphs(s)
            for i in range(graph.OperatorsLength()):
                code = model.OperatorCodes(graph.Operators(i).OpcodeIndex())
                builtin = max(code.BuiltinCode(), code.DeprecatedBuiltinCode())
                name = names.get(builtin, f"builtin code {builtin}")
                if name == "CUSTOM":
                    name = f"CUSTOM ({(code.CustomCode() or b'').decode('utf-8', 'replace')})"
                used.add(name)
    except Exception as e:  # noqa: BLE001 - a corrupt flatbuffer fails anywhere inside
        raise McuError(f"{source}: corrupt TFLite flatbuffer ({type(e).__name__}: {e})") from None
    return sorted(used)


def resolver_source(operators: list, source: str) -> str:
    methods = resolver_methods()
    unsupported = [op for op in operators if op not in methods]
    if unsupported:
        raise McuError(f"{source}: operator {', '.join(unsupported)} is not supported by TFLM's "
                       "op resolver, so it cannot run on the Cortex-M4 firmware")
    adds = "\n".join(f"    if (resolver.{methods[op]}() != kTfLiteOk) return resolver;"
                     for op in operators)
    return f"""// Generated: an op resolver with exactly the model's operators ({', '.join(operators)}).
#include "tensorflow/lite/micro/micro_mutable_op_resolver.h"

const tflite::MicroOpResolver& ModelOpResolver() {{
  static tflite::MicroMutableOpResolver<{len(operators)}> resolver;
  static bool ready = false;
  if (!ready) {{
    ready = true;
{adds}
  }}
  return resolver;
}}
"""


MODEL_ASSEMBLY = """\
@ Generated: the model's flatbuffer, 16-byte aligned, in its own section (.model).
    .section .model, "a"
    .balign 16
    .global g_model
g_model:
    .incbin "{path}"
    .section .rodata
    .balign 4
    .global g_model_len
g_model_len:
    .word {length}
"""


def _run(command, what: str, cwd=None) -> None:
    try:
        result = subprocess.run(command, capture_output=True, text=True, cwd=cwd,
                                timeout=COMPILE_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        raise McuError(f"{what} took over {COMPILE_TIMEOUT_S} s") from None
    if result.returncode != 0:
        lines = (result.stderr or result.stdout).strip().splitlines()
        overflow = [line for line in lines if "overflowed by" in line]
        if overflow:
            raise McuError(f"{what}: the image does not fit the target's memory "
                           f"({overflow[0].split(': ', 1)[-1]})")
        errors = [line for line in lines if "error" in line.lower()] or lines or ["?"]
        raise McuError(f"{what} failed: {errors[0]}")


def _cached_object(library: Library, source_text: str, suffix: str, stem: str,
                   depends: str = "", defines: tuple = ()) -> Path:
    """Compiles ``source_text`` with the library's flags (and ``defines``, -D flags) into the
    cache once, by the hash of its text, the headers it ``depends`` on and the flags."""
    digest = hashlib.sha256((source_text + depends + " ".join(library.cxxflags)
                             + "".join(f" -D{d}" for d in defines)).encode()).hexdigest()[:16]
    folder = library.folder / "firmware-objects"
    folder.mkdir(exist_ok=True)
    obj = folder / f"{stem}-{digest}.o"
    if obj.is_file():
        return obj
    src = folder / f"{stem}-{digest}.{os.getpid()}{suffix}"
    src.write_text(source_text)
    temporary = obj.with_name(f"{obj.name}.{os.getpid()}.tmp")
    flags = list(library.cxxflags)
    if suffix == ".c":
        flags = [f for f in flags if f not in ("-std=c++17", "-fno-rtti", "-fno-exceptions",
                                               "-fno-threadsafe-statics", "-Wnon-virtual-dtor")]
        flags.append("-std=c17")
    try:
        _run([tool("gcc" if suffix == ".c" else "g++"), *flags, *(f"-D{d}" for d in defines),
              "-O2", *library.include_flags,
              f"-I{FIRMWARE_SOURCES}", "-c", str(src), "-o", str(temporary)],
             f"compiling the firmware's {stem}")
        os.replace(temporary, obj)
    finally:
        src.unlink(missing_ok=True)
        temporary.unlink(missing_ok=True)
    return obj


@dataclass(frozen=True)
class Firmware:
    elf: Path
    operators: tuple
    sections: dict          # section name -> bytes
    model_bytes: int        # the .tflite's length

    @property
    def flash_bytes(self) -> int:
        return sum(self.sections.get(name, 0) for name in FLASH_SECTIONS)

    @property
    def model_flash_bytes(self) -> int:
        return self.sections.get(".model", 0)

    @property
    def data_bss_bytes(self) -> int:
        return self.sections.get(".data", 0) + self.sections.get(".bss", 0)


def section_sizes(elf: Path) -> dict:
    result = subprocess.run([tool("size"), "-A", str(elf)], capture_output=True, text=True,
                            timeout=60, check=True)
    sizes = {}
    for line in result.stdout.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[0].startswith(".") and parts[1].isdigit():
            sizes[parts[0]] = int(parts[1])
    return sizes


def build_firmware(flatbuffer: bytes, library: Library, folder: Path, source: str,
                   profile: bool = False) -> Firmware:
    """Links the firmware for ``flatbuffer`` into ``folder``/fw.elf; with ``profile``, its main
    can also time each operator (UNAS_PROFILE: a few hundred bytes more code), else it is the
    plain one."""
    operators = model_operators(flatbuffer, source)
    resolver = _cached_object(library, resolver_source(operators, source), ".cc", "resolver")
    semihosting = (FIRMWARE_SOURCES / "semihosting.h").read_text()
    main = _cached_object(library, (FIRMWARE_SOURCES / "main.cc").read_text(), ".cc", "main",
                          semihosting, ("UNAS_PROFILE",) if profile else ())
    startup = _cached_object(library, (FIRMWARE_SOURCES / "startup.c").read_text(), ".c",
                             "startup", semihosting)
    folder.mkdir(parents=True, exist_ok=True)
    model_file = folder / "model.tflite"
    model_file.write_bytes(flatbuffer)
    assembly = folder / "model.S"
    assembly.write_text(MODEL_ASSEMBLY.format(path=model_file.resolve(), length=len(flatbuffer)))
    model_obj = folder / "model.o"
    arch = [f for f in library.cxxflags if f.startswith(("-mcpu", "-mfpu", "-mfloat-abi",
                                                         "-mthumb", "-mlittle"))]
    _run([tool("gcc"), *arch, "-c", str(assembly), "-o", str(model_obj)], f"{source}: assembling")
    elf = folder / "fw.elf"
    _run([tool("g++"), *arch, "-nostartfiles", "--specs=nano.specs", "-T", str(LINKER_SCRIPT),
          "-Wl,--gc-sections", "-Wl,--no-warn-rwx-segments", str(startup), str(main),
          str(resolver), str(model_obj), str(library.archive), "-lm", "-o", str(elf)],
         f"{source}: linking the firmware")
    return Firmware(elf, tuple(operators), section_sizes(elf), len(flatbuffer))
