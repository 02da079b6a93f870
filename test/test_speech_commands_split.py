"""Speech Commands' split against the archive's real list files: real clip names (a sample of
v0.01's validation_list.txt, testing_list.txt and the remaining clips, test/data) land in the split
their list puts them in, both by ``which_split`` and in the index of a tree holding those files."""
from pathlib import Path

import numpy as np

from dataset import SpeechCommands
from dataset.speech_commands import which_split
from dataset_trees import write_wav

SAMPLE = Path(__file__).resolve().parent / "data" / "speech_commands_v001_split_sample.tsv"


def real_split():
    """name (``word/speaker_nohash_n.wav``) -> its split in the archive's lists."""
    rows = [line.split("\t") for line in SAMPLE.read_text().splitlines()
            if line and not line.startswith("#")]
    return {name: split for name, split in rows}


def test_the_sample_covers_every_split_and_many_speakers():
    truth = real_split()
    counts = {s: sum(v == s for v in truth.values()) for s in ("training", "validation", "testing")}
    assert counts == {"training": 256, "validation": 68, "testing": 69}
    assert len({Path(n).name.split("_nohash_")[0] for n in truth}) > 300


def test_which_split_puts_real_clips_in_their_listed_split():
    truth = real_split()
    assert {n: which_split(Path(n).name, 10, 10) for n in truth} == truth


def test_the_index_of_a_tree_of_real_names_follows_the_lists(tmp_path):
    truth = real_split()
    quiet = np.zeros(1600)
    for name in truth:
        (tmp_path / name).parent.mkdir(exist_ok=True)
        write_wav(tmp_path / name, quiet)
    for list_file, split in (("validation_list.txt", "validation"), ("testing_list.txt", "testing")):
        (tmp_path / list_file).write_text("".join(f"{n}\n" for n, s in truth.items() if s == split))
    data = SpeechCommands(tmp_path)
    index = data.index()
    placed = {"/".join(Path(p).parts[-2:]): split for split, items in index.items()
              for p, _ in items if p}
    assert placed and all(truth[name] == split for name, split in placed.items())
    keywords = {n for n in truth if n.split("/")[0] in data.words}
    assert keywords <= set(placed)
