"""Config layering: defaults < TOML file < BRIEF_* environment < command-line flags."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from brief.config import Settings
from brief.config_file import KEYS, load_settings, parse_since
from brief.errors import UsageError

EXAMPLE = Path(__file__).resolve().parent.parent / "brief" / "data" / "example-config.toml"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "conf" / "brief.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_no_env_no_flags_gives_defaults():
    assert load_settings(env={}) == Settings()


def test_each_layer_overrides_the_one_below(tmp_path):
    config = write(tmp_path, '[email]\nhost = "file.example"\nport = 2525\nsubject = "from file"\n')
    env = {"BRIEF_EMAIL_HOST": "env.example", "BRIEF_EMAIL_PORT": "2526"}
    settings = load_settings(config, env=env, flags={"email.port": 2527, "email.subject": None})
    assert settings.email.host == "env.example"  # env beats file
    assert settings.email.port == 2527  # flag beats env
    assert settings.email.subject == "from file"  # a flag left unset (None) changes nothing
    assert settings.email.security == "starttls"  # untouched default


def test_paths_in_the_file_resolve_against_the_file_not_the_current_directory(tmp_path, monkeypatch):
    config = write(
        tmp_path,
        '[inputs]\nfeeds = ["https://news.example/rss", "feeds/local.xml"]\nfiles = ["articles/*.txt"]\n'
        '[output]\narchive = "briefings"\nlog_file = "/var/log/brief.log"\n[state]\ndir = "../state"\n'
        '[summary]\nmodel = "./models/t5"\n',
    )
    monkeypatch.chdir("/")
    settings = load_settings(config, env={})
    folder = config.parent
    assert settings.feeds == ("https://news.example/rss", str(folder / "feeds" / "local.xml"))
    assert settings.files == (str(folder / "articles" / "*.txt"),)
    assert settings.archive_dir == folder / "briefings"
    assert settings.log_file == Path("/var/log/brief.log")
    assert settings.state_dir == tmp_path / "state"
    assert settings.model == str(folder / "models" / "t5")


def test_hub_model_ids_are_not_taken_for_paths(tmp_path):
    settings = load_settings(write(tmp_path, '[summary]\nmodel = "google/flan-t5-small"\n'), env={})
    assert settings.model == "google/flan-t5-small"


def test_env_and_flag_paths_resolve_against_the_current_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = load_settings(env={"BRIEF_OUTPUT_ARCHIVE": "out"}, flags={"state.dir": "st"})
    assert settings.archive_dir == tmp_path / "out"
    assert settings.state_dir == tmp_path / "st"


def test_env_lists_are_comma_separated():
    settings = load_settings(env={"BRIEF_EMAIL_TO": "a@example.org, b@example.org", "BRIEF_OUTPUT_FORMATS": "md,html"})
    assert settings.email.to == ("a@example.org", "b@example.org")
    assert settings.formats == ("md", "html")


def test_config_path_can_come_from_brief_config(tmp_path):
    config = write(tmp_path, '[window]\nsince = "last-run"\n')
    assert load_settings(env={"BRIEF_CONFIG": str(config)}).since == "last-run"


@pytest.mark.parametrize(
    "text, message",
    [
        ('[emial]\nhost = "x"\n', "unknown section [emial]"),
        ('[email]\nhots = "x"\n', "unknown key 'email.hots'"),
        ('[email]\nport = "many"\n', "email.port: must be a whole number"),
        ('[email]\nport = 70000\n', "out of range"),
        ('[email]\nsecurity = "tls"\n', "'tls' is not one of starttls, ssl, none"),
        ('[output]\nformats = ["md", "pdf"]\n', "unknown format ['pdf']"),
        ('[window]\nsince = "yesterday"\n', "cannot read 'yesterday' as a time window"),
        ('[fetch]\ntimeout = 0\n', "must be a positive number"),
        ("[email\n", "not valid TOML"),
    ],
)
def test_bad_config_is_a_usage_error_naming_the_file_and_key(tmp_path, text, message):
    config = write(tmp_path, text)
    with pytest.raises(UsageError) as caught:
        load_settings(config, env={})
    assert message in str(caught.value)
    assert str(config) in str(caught.value)


def test_a_missing_config_file_says_how_to_make_one(tmp_path):
    with pytest.raises(UsageError) as caught:
        load_settings(tmp_path / "nope.toml", env={})
    assert "config file not found" in str(caught.value)
    assert "brief init" in caught.value.hint


def test_bad_env_value_names_the_variable():
    with pytest.raises(UsageError, match="BRIEF_EMAIL_RETRIES"):
        load_settings(env={"BRIEF_EMAIL_RETRIES": "-1"})


def test_a_bad_value_that_a_higher_layer_overrides_is_not_an_error(tmp_path):
    config = write(tmp_path, '[summary]\nmax_sentences = "lots"\n[email]\nport = 70000\nhost = "file.example"\n')
    env = {"BRIEF_EMAIL_PORT": "2526", "BRIEF_CLUSTER_THRESHOLD": "high", "BRIEF_WINDOW_SINCE": "yesterday"}
    settings = load_settings(config, env=env, flags={"summary.max_sentences": 3, "cluster.threshold": 0.5,
                                                     "window.since": "2d"})
    assert settings.max_sentences == 3  # the file's "lots", replaced by the flag
    assert settings.email.port == 2526  # the file's 70000, replaced by the variable
    assert settings.cluster_threshold == 0.5  # the variable's "high", replaced by the flag
    assert settings.since == "2d"
    assert settings.email.host == "file.example"  # the file's good values still count


def test_a_flag_left_unset_does_not_hide_a_bad_value_below_it(tmp_path):
    config = write(tmp_path, '[summary]\nmax_sentences = "lots"\n')
    with pytest.raises(UsageError, match="summary.max_sentences: must be a whole number, not 'lots'") as caught:
        load_settings(config, env={}, flags={"summary.max_sentences": None})
    assert str(config) in str(caught.value)
    with pytest.raises(UsageError, match="BRIEF_SUMMARY_MAX_SENTENCES: must be a whole number"):
        load_settings(config, env={"BRIEF_SUMMARY_MAX_SENTENCES": "many"})  # the variable's value is the one used


def test_an_unknown_key_is_an_error_even_when_a_flag_sets_the_setting(tmp_path):
    config = write(tmp_path, '[summary]\nmax_sentence = 3\n')
    with pytest.raises(UsageError, match="unknown key 'summary.max_sentence'"):
        load_settings(config, env={}, flags={"summary.max_sentences": 3})


def test_an_overridden_path_in_the_file_does_not_leak_its_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = write(tmp_path, '[output]\narchive = "from-file"\n')
    settings = load_settings(config, env={"BRIEF_OUTPUT_ARCHIVE": "from-env"})
    assert settings.archive_dir == tmp_path / "from-env"  # resolved against the current directory, not the file's


def test_the_example_config_loads_and_documents_every_key():
    settings = load_settings(EXAMPLE, env={})
    assert settings.email.password_env == "BRIEF_SMTP_PASSWORD"
    assert settings.archive_dir == EXAMPLE.parent / "briefings"
    text = EXAMPLE.read_text()
    for key in KEYS:
        assert f"{key.name} =" in text, key.dotted
    defaults = Settings()
    for name in ("summarizer", "model", "max_sentences", "device", "backend", "quantize", "num_beams",
                 "max_input_tokens", "max_new_tokens", "min_new_tokens", "no_repeat_ngram_size", "dtype",
                 "cluster_threshold", "cluster_window_days", "embedding_model"):
        assert getattr(settings, name) == getattr(defaults, name), f"the example's {name} is not the default"


def test_summary_and_cluster_keys_from_env_and_flags():
    settings = load_settings(env={"BRIEF_SUMMARY_QUANTIZE": "no", "BRIEF_CLUSTER_THRESHOLD": "0.5"},
                             flags={"summary.backend": "transformers"})
    assert (settings.quantize, settings.cluster_threshold, settings.backend) == (False, 0.5, "transformers")
    with pytest.raises(UsageError, match="BRIEF_CLUSTER_THRESHOLD"):
        load_settings(env={"BRIEF_CLUSTER_THRESHOLD": "1.5"})
    with pytest.raises(UsageError, match="true or false"):
        load_settings(env={"BRIEF_SUMMARY_QUANTIZE": "maybe"})


def test_parse_since():
    assert parse_since("36h") == timedelta(hours=36)
    assert parse_since("2d") == timedelta(days=2)
    assert parse_since("last-run") == "last-run"
    assert parse_since("2026-11-21T06:00") == datetime(2026, 11, 21, 6, tzinfo=timezone.utc)
    with pytest.raises(UsageError):
        parse_since("0h")
