"""Where the bundled `templates/` and `prompts/` folders are.

They sit at the top of the project (the owner's layout), beside the package: a checkout or an editable install finds
them there. A regular install (`pip install .`) copies them into the installation's data folder,
`<prefix>/share/brief/` (pyproject's data-files), which is looked up next.
"""
from __future__ import annotations

import sys
import sysconfig
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parent.parent


def _data_folders() -> list[Path]:
    """The data folders of this interpreter's install schemes: the environment's, then the user's."""
    folders = [Path(sysconfig.get_path("data")), Path(sys.prefix)]
    user_scheme = sysconfig.get_preferred_scheme("user")
    folders.append(Path(sysconfig.get_path("data", user_scheme)))
    return folders


def bundled(name: str) -> Path:
    """The bundled folder `name` ("templates" or "prompts"); the checkout's path when none is found."""
    for candidate in [CHECKOUT / name, *(folder / "share" / "brief" / name for folder in _data_folders())]:
        if candidate.is_dir():
            return candidate
    return CHECKOUT / name
