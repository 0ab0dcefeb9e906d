"""The officer's config: defaults, set/unset through the CLI, atomic YAML, bad files named."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import run_cli

from replydraft.config import Config, load_config, save_config, set_value
from replydraft.errors import ReplydraftError
from replydraft.files import locations


def test_missing_file_gives_defaults() -> None:
    config = load_config()
    # No unit, no work phrase: both follow the unit once it is set (issue 9: never 科技工作
    # for a water bureau by default).
    assert config.unit is None and config.work_phrase is None


def test_set_and_unset_round_trip_through_the_cli() -> None:
    assert run_cli("config", "set", "unit", "余姚市科学技术局").returncode == 0
    assert run_cli("config", "set", "keymap.save", "ctrl+s").returncode == 0
    assert run_cli("config", "set", "phone", "89553541").returncode == 0
    shown = run_cli("config")
    assert shown.returncode == 0
    assert "unit: 余姚市科学技术局" in shown.stdout and "save: ctrl+s" in shown.stdout
    config = load_config()
    assert (config.unit, config.phone, config.keymap) == (
        "余姚市科学技术局",
        "89553541",
        {"save": "ctrl+s"},
    )
    assert run_cli("config", "unset", "phone").returncode == 0
    assert load_config().phone is None
    assert "余姚市科学技术局" in locations.config_file().read_text(encoding="utf-8")


def test_unknown_setting_is_a_one_line_error() -> None:
    result = run_cli("config", "set", "colour", "red")
    assert result.returncode == 2
    assert "不认识的设置“colour”" in result.stderr and "Traceback" not in result.stderr
    assert not locations.config_file().exists()


def test_malformed_file_is_named_and_kept(home: Path) -> None:
    path = locations.config_file()
    path.parent.mkdir(parents=True)
    path.write_text("unit: [unclosed\n", encoding="utf-8")
    result = run_cli("config", "set", "unit", "x")
    assert result.returncode == 2
    assert str(path) in result.stderr and "第 2 行" in result.stderr
    assert path.read_text(encoding="utf-8") == "unit: [unclosed\n"
    path.write_text("- a list\n", encoding="utf-8")
    with pytest.raises(ReplydraftError, match="映射"):
        load_config()


def test_unknown_keys_survive_a_save(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("unit: 慈溪市科学技术局\ntheme: dark\n", encoding="utf-8")
    config = load_config(path)
    set_value(config, "handler", "何智敏")
    save_config(config, path)
    again = load_config(path)
    assert again.extra == {"theme": "dark"} and again.handler == "何智敏"
    assert again.unit == "慈溪市科学技术局"


def test_empty_work_phrase_clears_it_so_the_unit_decides() -> None:
    config = Config()
    set_value(config, "work_phrase", "水利工作")
    assert config.work_phrase == "水利工作"
    set_value(config, "work_phrase", "")
    assert config.work_phrase is None
