"""Great Expectations' Data Docs pages, made to work offline.

GX 1.24 writes pages that load Bootstrap, jQuery, Popper, bootstrap-table, bootstrap-datepicker,
Font Awesome and Vega from CDNs, and its logo from GX's own server with a query string that
tells GX the page was opened (a tracking image). Offline that is a broken page, and a reader
should not be tracked. The same files, at the versions GX's templates name, come from the npm
registry once, at set-up (assets/data-docs/package-lock.json; `make` runs `npm ci` there); every
release gets its own copy under data_docs/static/vendor/, and its pages point at it. The logo is
GX's own copy, which GX already writes under data_docs/static/images/.

Nothing is downloaded while building or viewing; a CDN address this table does not know stops
the build with the page and the address, so a GX upgrade cannot bring one back unseen.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

from wechat_impact.project_files import ROOT

ASSETS_DIR = ROOT / "assets" / "data-docs"
NODE_MODULES = ASSETS_DIR / "node_modules"
VENDOR = "static/vendor"
LOGO = "static/images/logo-long.png"  # shipped by GX in every Data Docs site
# GX's logo, hot-linked from its server: on every page with a query string (?d=<time>, and the
# data context's id when analytics are on) and in the dark theme's CSS.
GX_IMAGES = re.compile(
    r"https://great-expectations-web-assets\.s3\.us-east-2\.amazonaws\.com/"
    r"(?:logo-long\.png\?[^\"'\s>]*|full_logo_dark\.png)"
)
# Anything a page would fetch by itself: scripts, styles, images, frames, CSS url(). Links a
# reader may click (<a href>) are not fetched and stay.
FETCHING_TAG = re.compile(r"<(?:script|link|img|iframe|source)\b[^>]*>", re.IGNORECASE)
TAG_URL = re.compile(r"\b(?:src|href)\s*=\s*[\"']?(https?://[^\"'\s>]+)", re.IGNORECASE)
CSS_URL = re.compile(r"url\(\s*[\"']?(https?://[^\"')\s]+)", re.IGNORECASE)
# A tag GX pins by Subresource Integrity (Bootstrap's and Popper's scripts). A browser cannot
# check SRI on a page opened from a file (no CORS there: it refuses the script), so the check is
# made here, on the copy, and the attributes go.
PINNED_TAG = re.compile(
    r"<(?:script|link)\b[^>]*?\b(?:src|href)=\"(?P<path>[^\"]+)\"[^>]*?"
    r"\s+integrity=\"(?P<algorithm>sha256|sha384|sha512)-(?P<digest>[^\"]+)\""
    r"(?:\s+crossorigin=\"[^\"]*\")?",
)


class DocsAssetsError(Exception):
    """The assets are not installed, not the versions GX names, or a page loads an unknown URL."""


@dataclass(frozen=True)
class Asset:
    """One file GX loads from a CDN and where the npm package has it."""

    url: str  # exactly as GX writes it
    package: str  # folder under node_modules
    version: str  # the version the URL names: exact, or a major version ("5" for vega@5)
    path: str  # the file inside the package
    folders: tuple[str, ...] = ()  # folders the file refers to (fonts), copied beside it


ASSETS = (
    Asset(
        "https://maxcdn.bootstrapcdn.com/bootstrap/4.3.1/css/bootstrap.min.css",
        "bootstrap",
        "4.3.1",
        "dist/css/bootstrap.min.css",
    ),
    Asset(
        "https://stackpath.bootstrapcdn.com/bootstrap/4.3.1/js/bootstrap.min.js",
        "bootstrap",
        "4.3.1",
        "dist/js/bootstrap.min.js",
    ),
    Asset(
        "https://cdn.jsdelivr.net/npm/@forevolve/bootstrap-dark@1.1.0/dist/css/bootstrap-prefers-dark.css",
        "@forevolve/bootstrap-dark",
        "1.1.0",
        "dist/css/bootstrap-prefers-dark.css",
    ),
    Asset("https://code.jquery.com/jquery-3.7.1.min.js", "jquery", "3.7.1", "dist/jquery.min.js"),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/popper.js/1.12.9/umd/popper.min.js",
        "popper.js",
        "1.12.9",
        "dist/umd/popper.min.js",
    ),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/css/bootstrap-datepicker.min.css",
        "bootstrap-datepicker",
        "1.9.0",
        "dist/css/bootstrap-datepicker.min.css",
    ),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/bootstrap-datepicker/1.9.0/js/bootstrap-datepicker.min.js",
        "bootstrap-datepicker",
        "1.9.0",
        "dist/js/bootstrap-datepicker.min.js",
    ),
    Asset(
        "https://cdnjs.cloudflare.com/ajax/libs/font-awesome/6.6.0/css/all.min.css",
        "@fortawesome/fontawesome-free",
        "6.6.0",
        "css/all.min.css",
        folders=("webfonts",),
    ),
    Asset(
        "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.css",
        "bootstrap-table",
        "1.19.1",
        "dist/bootstrap-table.min.css",
    ),
    Asset(
        "https://unpkg.com/bootstrap-table@1.19.1/dist/bootstrap-table.min.js",
        "bootstrap-table",
        "1.19.1",
        "dist/bootstrap-table.min.js",
    ),
    Asset(
        "https://unpkg.com/bootstrap-table@1.19.1/dist/extensions/filter-control/bootstrap-table-filter-control.min.js",
        "bootstrap-table",
        "1.19.1",
        "dist/extensions/filter-control/bootstrap-table-filter-control.min.js",
    ),
    # GX's templates name 1.19.0 for the filter control's style sheet: installed under an alias.
    Asset(
        "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.css",
        "bootstrap-table-1.19.0",
        "1.19.0",
        "dist/extensions/filter-control/bootstrap-table-filter-control.css",
    ),
    Asset(
        "https://unpkg.com/bootstrap-table@1.19.0/dist/extensions/filter-control/bootstrap-table-filter-control.min.css",
        "bootstrap-table-1.19.0",
        "1.19.0",
        "dist/extensions/filter-control/bootstrap-table-filter-control.min.css",
    ),
    # The CDN serves the newest 5.x (6.x) and the package's jsdelivr file; the lock pins which.
    Asset("https://cdn.jsdelivr.net/npm/vega@5", "vega", "5", "build/vega.min.js"),
    Asset("https://cdn.jsdelivr.net/npm/vega-lite@5", "vega-lite", "5", "build/vega-lite.min.js"),
    Asset(
        "https://cdn.jsdelivr.net/npm/vega-embed@6", "vega-embed", "6", "build/vega-embed.min.js"
    ),
)


def check_installed(node_modules: Path = NODE_MODULES) -> None:
    """Raise DocsAssetsError unless every asset is installed at the version its URL names."""
    for asset in ASSETS:
        _installed(asset, node_modules)


def make_offline(docs_dir: Path, node_modules: Path = NODE_MODULES) -> None:
    """Copy every asset into docs_dir/static/vendor and point each page at the copies and at
    GX's local logo. Raises DocsAssetsError when a page still loads anything from elsewhere."""
    local = {}
    for asset in ASSETS:
        package, vendored = _installed(asset, node_modules)
        target = docs_dir / VENDOR / vendored
        (target / asset.path).parent.mkdir(parents=True, exist_ok=True)
        _link_or_copy(package / asset.path, target / asset.path)
        for folder in asset.folders:
            shutil.copytree(
                package / folder, target / folder, copy_function=_link_or_copy, dirs_exist_ok=True
            )
        local[asset.url] = f"{VENDOR}/{vendored}/{asset.path}"
    for page in sorted(docs_dir.rglob("*.html")):
        _rewrite(page, docs_dir, local)


def _link_or_copy(source: Path | str, destination: Path | str) -> None:
    """A hard link where the file system allows one (no bytes copied: `npm ci` replaces files
    rather than rewriting them, so the release keeps what it linked), else a copy."""
    try:
        os.link(source, destination)
    except OSError:  # another file system, or links not allowed
        shutil.copyfile(source, destination)


def fetched_urls(html: str) -> list[str]:
    """Every address outside the site that the page would load by itself, sorted."""
    in_tags = (url for tag in FETCHING_TAG.findall(html) for url in TAG_URL.findall(tag))
    return sorted({*in_tags, *CSS_URL.findall(html)})


def _installed(asset: Asset, node_modules: Path) -> tuple[Path, str]:
    """The installed package's folder, and its folder under static/vendor: <name>@<version>."""
    manifest = node_modules / asset.package / "package.json"
    if not manifest.is_file():
        raise DocsAssetsError(
            f"{manifest.parent}: not installed; the Data Docs need the files GX loads from "
            f"CDNs: run `make build` (or `npm ci --prefix {ASSETS_DIR}`)"
        )
    package = json.loads(manifest.read_text(encoding="utf-8"))
    installed = package["version"]
    if installed != asset.version and not installed.startswith(asset.version + "."):
        raise DocsAssetsError(
            f"{manifest}: version {installed}, but GX's pages ask for {asset.url}; "
            f"pin {asset.version} in {ASSETS_DIR / 'package.json'}"
        )
    if not (manifest.parent / asset.path).is_file():
        raise DocsAssetsError(
            f"{manifest.parent / asset.path}: missing from the installed package ({asset.url})"
        )
    return manifest.parent, f"{package['name']}@{installed}"


def _rewrite(page: Path, docs_dir: Path, local: dict[str, str]) -> None:
    up = "../" * (len(page.relative_to(docs_dir).parts) - 1)
    html = page.read_text(encoding="utf-8")
    for url, path in local.items():
        html = html.replace(f'"{url}"', f'"{up}{path}"')
    html = GX_IMAGES.sub(up + LOGO, html)
    html = PINNED_TAG.sub(lambda tag: _checked_without_sri(tag, page), html)
    unknown = fetched_urls(html)
    if unknown:
        raise DocsAssetsError(
            f"{page}: loads {', '.join(unknown)}, which has no local copy; add it to "
            "docs_assets.ASSETS and assets/data-docs/package.json"
        )
    page.write_text(html, encoding="utf-8")


def _checked_without_sri(tag: re.Match[str], page: Path) -> str:
    """The tag without integrity and crossorigin, once the file it loads has the pinned hash.
    A tag still pointing elsewhere stays as it is, for the check for unknown addresses."""
    if fetched_urls(tag[0]):
        return tag[0]
    loaded = page.parent / tag["path"]
    digest = base64.b64encode(hashlib.new(tag["algorithm"], loaded.read_bytes()).digest())
    if digest.decode("ascii") != tag["digest"]:
        raise DocsAssetsError(
            f"{page}: {tag['path']} is not the file GX pins ({tag['algorithm']}-{tag['digest']})"
        )
    return re.sub(r'\s+(?:integrity|crossorigin)="[^"]*"', "", tag[0])
