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
# Superset 6.1.0's navigation bar draws a usage pixel from scarf.sh whatever SCARF_ANALYTICS says
# (it is compiled into the wheel's JavaScript). Superset's own content security policy allows it;
# this one allows nothing but the server itself, so the browser never asks for it.
TALISMAN_ENABLED = True
TALISMAN_CONFIG = {
    "content_security_policy": {
        "base-uri": ["'self'"],
        "default-src": ["'self'"],
        "img-src": ["'self'", "blob:", "data:"],
        "worker-src": ["'self'", "blob:"],
        "connect-src": ["'self'"],
        "object-src": "'none'",
        "style-src": ["'self'", "'unsafe-inline'"],
        "font-src": ["'self'"],
        "script-src": ["'self'", "'strict-dynamic'"],
    },
    "content_security_policy_nonce_in": ["script-src"],
    "force_https": False,
    "session_cookie_secure": False,
}
RATELIMIT_STORAGE_URI = "memory://"
CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
THUMBNAILS_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
