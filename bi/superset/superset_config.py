"""Superset's configuration for the end-to-end BI test (tests/bi/test_superset.py).

Superset reads this file through SUPERSET_CONFIG_PATH. The test gives it a folder of its own in
SUPERSET_HOME, where the metadata database (SQLite) lives; nothing is written in the checkout.
Everything that would reach the internet is off: the machine has no network but package
registries, and a BI tool phoning home is not what a read-only warehouse is tested for.
"""

import os
from pathlib import Path

_HOME = Path(os.environ["SUPERSET_HOME"])

# A fixed key is enough for a throwaway server on 127.0.0.1; Superset refuses to start without one.
SECRET_KEY = os.environ["SUPERSET_SECRET_KEY"]
SQLALCHEMY_DATABASE_URI = f"sqlite:///{_HOME / 'superset.db'}"

# No usage pixel, no example data, no feature that loads remote resources.
SCARF_ANALYTICS = False
FEATURE_FLAGS: dict[str, bool] = {}
MAPBOX_API_KEY = ""
TALISMAN_ENABLED = False
RATELIMIT_STORAGE_URI = "memory://"
CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
THUMBNAILS_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
