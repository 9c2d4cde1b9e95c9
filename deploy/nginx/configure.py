"""Fill in neutral-timeline.conf.in for one export and one app: the small step after every export.

    python3 deploy/nginx/configure.py --export /srv/neutral-timeline/export \\
        --upstream 127.0.0.1:8000 --listen 80 --public-url https://netral.example.go.id \\
        --cache /var/cache/nginx/neutral-timeline --out /etc/nginx/neutral-timeline
    # then in nginx.conf's http { }: include /etc/nginx/neutral-timeline/neutral-timeline.conf;
    nginx -t && nginx -s reload

It writes ``neutral-timeline.conf`` (the server) and ``etags.map`` (each exported file's ETag as the
app sends it, from the export's manifest.json), so that nginx and the app give one address the same
validators. Last-Modified too: the manifest's ``last_modified`` (when the data last changed, from a
current calendars/revision.toml) is sent with every exported answer, 200 and 304, and answers
If-Modified-Since; an export without one (null: a stale or absent stamp) gets no Last-Modified and
``if_modified_since off``, as the app sends none and ignores If-Modified-Since then.
The export's layout is read from its manifest (``--layout`` overrides it): the default
one (plain files and .gz siblings: ``gzip_static on``) or ``export --gzip-only`` (a compressed body
only as its .gz: ``gzip_static always`` and ``gunzip on``, which decompresses for clients without gzip). With ``--main`` it also writes a whole ``nginx.conf`` for a foreground nginx under a
private prefix (``nginx -p OUT -c OUT/nginx.conf``): what the tests and benchmarks run.
Standard library only: it runs on the web server without the app installed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from datetime import UTC, datetime
from email.utils import format_datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
TEMPLATE = HERE / "neutral-timeline.conf.in"
SAFE_PATH = re.compile(r"^/[A-Za-z0-9._~/-]+$")
STRONG_ETAG = re.compile(r'^"[\x21\x23-\x7e]+"$')
QUERY_ADDRESS = re.compile(r"^/ics/[a-z0-9._-]+\.ics(\?[a-z0-9._=&,-]+)?$")  # a feed's older, query-style address
LISTEN = re.compile(r"^(\[[0-9a-fA-F:.]+\]:|[A-Za-z0-9.-]+:)?\d{1,5}$")
UPSTREAM = re.compile(r"^([A-Za-z0-9.-]+|\[[0-9a-fA-F:.]+\]):\d{1,5}$|^unix:/[^\s;{}]+$")
SIZE = re.compile(r"^\d+[kKmMgG]?$")
MAIN = """# A foreground nginx under a private prefix (tests, benchmarks): nginx -p {prefix} -c {prefix}/nginx.conf
{user}daemon off;
worker_processes {workers};
pid {prefix}/nginx.pid;
error_log {prefix}/error.log warn;
events {{ worker_connections 4096; }}
http {{
    access_log off;
    default_type application/octet-stream;
    include {prefix}/neutral-timeline.conf;
}}
"""


LAYOUTS = ("auto", "default", "gzip-only")
# What each layout puts in the template: its gzip directives, the ETag of a 200 and of a 304, and words.
LAYOUT_VALUES = {
    "default": {
        "@GZIP_STATIC@": "gzip_static on;  # a client that takes gzip gets the .gz sibling",
        "@LAYOUT_TEXT@": "plain files, and .gz siblings for clients that take gzip (gzip_static on)",
        "@ETAG_TEXT@": "The gzip file's when gzip_static chose it, which only the response knows;\n"
        "# on a 304 (no body, no Content-Encoding) the one predicted below.",
        "@ETAG_SENT@": "$nt_etag_sent",
        "@ETAG_304@": "$nt_etag_expected",
    },
    "gzip-only": {
        "@GZIP_STATIC@": "gzip_static always;  # a compressed body exists only as its .gz (export --gzip-only)\n"
        "    gunzip on;  # ... which nginx decompresses for a client without gzip",
        "@LAYOUT_TEXT@": "a compressed body only as its .gz (export --gzip-only): sent as is to clients\n"
        "#     that take gzip, decompressed by nginx (gunzip) for the others (gzip_static always)",
        "@ETAG_TEXT@": "The one predicted from the client's gzip class: gzip_static always\n"
        "# sends every .gz, so Content-Encoding says gzip even when the gunzip filter decodes it afterwards.",
        "@ETAG_SENT@": "$nt_etag_expected",
        "@ETAG_304@": "$nt_etag_304_gunzip",
    },
}


class ConfigError(Exception):
    """A bad argument or manifest: what, where, expected."""


def entries(manifest: Any) -> dict[str, dict[str, Any]]:
    """``{path: entry}`` from manifest.json: a list of entries with "path", or a mapping path -> entry,
    either at the top or under "files"."""
    files = manifest.get("files", manifest) if isinstance(manifest, dict) else manifest
    if isinstance(files, dict):
        return {str(path): dict(entry, path=path) for path, entry in files.items() if isinstance(entry, dict)}
    if isinstance(files, list):
        return {str(entry["path"]): entry for entry in files if isinstance(entry, dict) and "path" in entry}
    raise ConfigError("manifest.json: expected a list of files or a mapping from path to file")


def read_manifest(export: Path) -> Any:
    """The export's manifest.json, read once; ConfigError when it is missing or not JSON."""
    manifest_path = export / "manifest.json"
    try:
        return json.loads(manifest_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{manifest_path}: not found; expected an export (neutral-timeline export DIR)") from None
    except ValueError as exc:
        raise ConfigError(f"{manifest_path}: not JSON ({exc}); export again") from None


def etag_maps(export: Path, manifest: Any) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """The app's ETag of every exported path, and of its .gz sibling when there is one; and the path
    of each feed by its query-style address (the manifest's "query")."""
    identity: dict[str, str] = {}
    gzipped: dict[str, str] = {}
    queries: dict[str, str] = {}
    found = entries(manifest)
    for path, entry in sorted(found.items()):
        url = "/" + path.lstrip("/")
        if path.endswith(".gz") and path[:-3] in found:
            continue  # a sibling: read with its file below
        tag = entry.get("etag")
        if not isinstance(tag, str) or not STRONG_ETAG.match(tag):
            raise ConfigError(f"manifest.json, {path}: ETag {tag!r} is not a strong ETag such as '\"3f2a...\"'")
        if not SAFE_PATH.match(url):
            raise ConfigError(f"manifest.json, {path}: characters outside A-Z a-z 0-9 . _ ~ / - in a path")
        identity[url] = tag
        query = entry.get("query")
        if query is not None:
            if not isinstance(query, str) or not QUERY_ADDRESS.match(query):
                raise ConfigError(
                    f"manifest.json, {path}: query {query!r} is not a feed's query-style address "
                    "such as '/ics/pilkada-2024.ics?region=63.03'; export again"
                )
            queries[query] = url
        sibling = found.get(path + ".gz")  # the .gz listed as a file of its own, or as the entry's "gzip"
        packed = entry.get("gzip")
        gz_tag = (sibling or {}).get("etag") or (packed.get("etag") if isinstance(packed, dict) else None)
        if gz_tag is None and "gzip" not in entry and (export / (url.lstrip("/") + ".gz")).is_file():
            gz_tag = tag[:-1] + '-gzip"'  # the app's tag for the gzip encoding (api/cache.Rendered.of)
        if gz_tag is not None:
            if not STRONG_ETAG.match(gz_tag):
                raise ConfigError(f"manifest.json, {path}.gz: ETag {gz_tag!r} is not a strong ETag")
            gzipped[url] = gz_tag
    return identity, gzipped, queries


def languages(identity: dict[str, str]) -> list[str]:
    """The languages of the exported path-style addresses (``/ics/{lang}/...``)."""
    found = sorted({url.split("/")[2] for url in identity if url.startswith("/ics/") and url.count("/") > 3})
    if not found or not all(re.fullmatch(r"[a-z]{2,3}", lang) for lang in found):
        raise ConfigError(
            f"manifest.json: expected feeds under /ics/{{lang}}/ with languages such as id, en; found {found}"
        )
    return found


EACH = re.compile(
    r"^(?P<indent>[ ]*)location @EACH (?P<prefixes>[^@]+)@ \{[^\n]*\n(?P<body>.*?)^(?P=indent)\}\n", re.M | re.S
)


def each_location(text: str, langs: list[str]) -> str:
    """``location @EACH /ics/{lang}/ ...@ { body }`` as one prefix location per prefix and language: prefix
    locations cost nginx a tree lookup, where one regular expression would be matched on every request."""

    def expand(found: re.Match[str]) -> str:
        indent, body = found["indent"], found["body"]
        prefixes = [p.format(lang=lang) for p in found["prefixes"].split() for lang in langs]
        return "".join(f"{indent}location {prefix} {{\n{body}{indent}}}\n" for prefix in dict.fromkeys(prefixes))

    return EACH.sub(expand, text)


def layout_of(export: Path, manifest: Any, chosen: str) -> str:
    """The layout to configure: ``chosen``, or the manifest's (its options.gzip_only, or a file stored
    only as .gz). A default layout asked of a gzip-only export is refused: its plain files are missing."""
    options = manifest.get("options") if isinstance(manifest, dict) else None
    found = entries(manifest)
    gzip_only = (isinstance(options, dict) and options.get("gzip_only") is True) or any(
        entry.get("stored") == "gzip" for entry in found.values()
    )
    if chosen == "default" and gzip_only:
        raise ConfigError(
            f"--layout default: {export} was exported with --gzip-only (compressed bodies only as .gz); "
            "use --layout gzip-only (or auto), or export again without --gzip-only"
        )
    if chosen == "auto":
        return "gzip-only" if gzip_only else "default"
    return chosen


def last_modified(manifest: Any) -> str | None:
    """The export's Last-Modified as an HTTP date (manifest.json's ``last_modified``), or None."""
    value = manifest.get("last_modified") if isinstance(manifest, dict) else None
    if value is None:
        return None
    try:
        instant = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        instant = None
    if instant is None or instant.utcoffset() is None:
        raise ConfigError(
            f"manifest.json: last_modified {value!r} is not a time with its UTC offset such as "
            "'2026-11-30T23:45:00+00:00'; export again"
        )
    return format_datetime(instant.astimezone(UTC), usegmt=True)


def map_file(identity: dict[str, str], gzipped: dict[str, str], queries: dict[str, str]) -> str:
    size = 1 << max(10, (4 * max(len(identity), len(queries), 1)).bit_length())
    lines = [
        "# Generated by deploy/nginx/configure.py from manifest.json: the app's ETag of each exported file.",
        f"map_hash_max_size {size};",
        "map_hash_bucket_size 256;",
        "map $uri $nt_etag_identity {",
        '    default "";',
        *(f"    {path} '{tag}';" for path, tag in identity.items()),
        "}",
        "map $uri $nt_etag_gzip {",
        '    default "";',
        *(f"    {path} '{tag}';" for path, tag in gzipped.items()),
        "}",
        "# A feed's query-style address, as the app published it, to its exported file (the same bytes), and back:",
        "# a map matches whatever the case, the app's addresses are case-sensitive (see the /ics/ location).",
        "map $request_uri $nt_query_file {",
        '    default "";',
        *(f'    "{query}" {path};' for query, path in queries.items()),
        "}",
        "map $nt_query_file $nt_query_address {",
        '    default "";',
        *(f'    {path} "{query}";' for query, path in queries.items()),
        "}",
    ]
    return "\n".join(lines) + "\n"


def host_of(public_url: str) -> str:
    parts = urlsplit(public_url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise ConfigError(f"--public-url: '{public_url}' is not an origin such as https://netral.example.go.id")
    return parts.netloc.lower()


def configure(args: argparse.Namespace) -> Path:
    export, out = Path(args.export).resolve(), Path(args.out).resolve()
    if not LISTEN.match(args.listen):
        raise ConfigError(f"--listen: '{args.listen}' is not a port or address:port such as 80 or 127.0.0.1:8080")
    if not UPSTREAM.match(args.upstream):
        raise ConfigError(f"--upstream: '{args.upstream}' is not host:port or unix:/path such as 127.0.0.1:8000")
    if not SIZE.match(args.cache_max_size):
        raise ConfigError(f"--cache-max-size: '{args.cache_max_size}' is not a size such as 512m or 2g")
    host = host_of(args.public_url)
    names = args.server_names.split(",") if args.server_names else [urlsplit(args.public_url).hostname or ""]
    if any(not re.match(r"^[A-Za-z0-9.*:\[\]-]+$", n) for n in names):
        raise ConfigError(f"--server-names: '{args.server_names}' is not a comma-separated list of host names")
    manifest = read_manifest(export)
    identity, gzipped, queries = etag_maps(export, manifest)
    layout = layout_of(export, manifest, args.layout)
    modified = last_modified(manifest)
    out.mkdir(parents=True, exist_ok=True)
    cache = Path(args.cache).resolve() if args.cache else out / "cache"
    values = {
        "@EXPORT@": str(export),
        "@ETAGS@": str(out / "etags.map"),
        "@UPSTREAM@": args.upstream,
        "@LISTEN@": args.listen,
        "@SERVER_NAMES@": " ".join(names),
        "@PUBLIC_HOST@": host,
        "@CACHE@": str(cache),
        "@CACHE_MAX_SIZE@": args.cache_max_size,
        "@LAYOUT@": layout,
        "@IF_MODIFIED_SINCE@": "before" if modified else "off",
        "@LAST_MODIFIED@": f'"{modified}"' if modified else '""',
        **LAYOUT_VALUES[layout],
    }
    text = each_location(TEMPLATE.read_text(encoding="utf-8"), languages(identity))
    for key, value in values.items():
        text = text.replace(key, value)
    (out / "etags.map").write_text(map_file(identity, gzipped, queries), encoding="utf-8")
    (out / "neutral-timeline.conf").write_text(text, encoding="utf-8")
    if args.main:
        user = "user root;\n" if os.geteuid() == 0 else ""  # workers read the (private) export as its owner
        main = MAIN.format(prefix=out, user=user, workers=args.workers)
        (out / "nginx.conf").write_text(main, encoding="utf-8")
        (out / "logs").mkdir(exist_ok=True)
    return out


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--export", required=True, help="the directory `neutral-timeline export` wrote")
    p.add_argument("--upstream", required=True, help="the app, host:port or unix:/path (neutral-timeline serve)")
    p.add_argument("--listen", default="80", help="nginx's port or address:port (default 80)")
    p.add_argument("--public-url", required=True, help="the app's --public-url: the Host nginx sends it")
    p.add_argument("--server-names", default="", help="Host names answered (default: the public URL's host)")
    p.add_argument("--cache", default="", help="the proxy cache's directory (default OUT/cache)")
    p.add_argument("--cache-max-size", default="1g", help="the proxy cache's bound in bytes (default 1g)")
    p.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="auto",
        help="the export's files: default (plain and .gz), gzip-only (export --gzip-only), "
        "or auto: read from manifest.json (default auto)",
    )
    p.add_argument("--out", required=True, help="where to write neutral-timeline.conf and etags.map")
    p.add_argument("--main", action="store_true", help="also write OUT/nginx.conf for a foreground nginx")
    p.add_argument("--workers", default="auto", help="worker_processes for --main (default auto)")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        out = configure(args)
    except ConfigError as exc:
        print(f"configure.py: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {out / 'neutral-timeline.conf'} and {out / 'etags.map'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
