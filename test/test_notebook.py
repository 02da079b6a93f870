"""notebooks/explore_search.ipynb runs top to bottom (nbclient, a real kernel) on a state that a
small real search produced, and shows the predicted and TFLM-measured memory agreeing."""
import json
import os
from pathlib import Path

import nbformat
from nbclient import NotebookClient

from deploy_state import tiny_digits_state

ROOT = Path(__file__).resolve().parents[1]


def test_notebook_executes_on_a_search_state(tmp_path_factory, tmp_path, monkeypatch):
    state = tiny_digits_state(tmp_path_factory)
    export_dir = tmp_path / "notebook_export"
    monkeypatch.setenv("UNAS_STATE", str(state))
    monkeypatch.setenv("UNAS_EXPORT_DIR", str(export_dir))
    notebook = nbformat.read(ROOT / "notebooks" / "explore_search.ipynb", as_version=4)
    NotebookClient(notebook, timeout=900, kernel_name="python3",
                   resources={"metadata": {"path": str(ROOT / "notebooks")}}).execute()
    outputs = [o for cell in notebook.cells if cell.cell_type == "code" for o in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any(o.output_type == "display_data" and "image/png" in o.data for o in outputs)
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Pareto-optimal candidates" in text and "optimal order:" in text
    summary = json.loads((export_dir / "summary.json").read_text())["models"]
    assert len(summary) == 1
    assert summary[0]["predicted_arena_head_bytes"] == summary[0]["tflm_arena_head_bytes"]
    assert os.path.exists(export_dir / summary[0]["c_file"])
