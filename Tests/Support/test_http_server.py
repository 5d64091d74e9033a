#!/usr/bin/env python3
"""Bulletin's local HTTP test server: hostile and ordinary answers on 127.0.0.1 only.

Started by the Swift tests (Tests/BulletinTestSupport/LocalHTTPServer.swift). It binds
127.0.0.1 on a free port, prints "PORT <n>" on stdout, and serves until its stdin closes,
so it never outlives the test process. Standard library only.

Routes (all GET; every request's path and headers are recorded: served at /_requests, and
appended as one JSON object a line to the --requests-log file when one is given):
  /files/<path>            a file from --root, with ETag and Last-Modified; 304 when
                           If-None-Match matches, or If-Modified-Since is not older
  /validators?etag=E&last_modified=L
                           a fixed body with exactly those validators; 304 on an exact match
  /_requests               JSON list of {"path", "headers"} seen so far (itself excluded)
  /_requests/clear         forgets them
  /status/<code>           that status with a short body
  /redirect/chain/<n>      302 to /redirect/chain/<n-1>; /redirect/chain/0 answers 200 "end of chain"
  /redirect/loop/<a|b>     302 to the other one, forever
  /redirect/to?location=L&status=S
                           status S (default 302) with Location L, verbatim
  /redirect/none?status=S  a redirect status without a Location header
  /slow?bytes=N&chunk=K&interval=S
                           N bytes in chunks of K every S seconds (Content-Length N)
  /stall?bytes=N&seconds=S headers (Content-Length N+1) and N bytes, then silence for S seconds
  /stall-headers?seconds=S accepts the request and says nothing for S seconds
  /bomb?mb=M               gzip of M MiB of zeros (default 400), Content-Encoding gzip
  /gzip?items=N            an N-item RSS feed, gzip-encoded; /deflate?items=N the same in zlib deflate
  /bytes?n=N&chunked=1     N bytes of "a", with Content-Length unless chunked=1 (then close-delimited)
  /retry?status=S&seconds=N | &date=HTTP-DATE
                           status S (429 or 503) with that Retry-After
  /wrong-charset           a UTF-8 RSS feed labelled charset=ISO-8859-1
  /html-page               an HTML page (text/html) with no feed link
  /feed?items=N            an N-item RSS 2.0 feed generated on the fly (default 10000)
"""

import argparse
import email.utils
import gzip
import hashlib
import io
import json
import os
import struct
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

MAX_SLEEP = 120.0        # no handler sleeps longer than this in all
MAX_BYTES = 64 << 20     # largest generated plain body
MAX_BOMB_MB = 1024       # largest gzip bomb, in MiB of zeros


class State:
    """Shared server state: the file root, recorded requests and cached bodies."""

    def __init__(self, root, log_path=None):
        self.root = os.path.realpath(root)
        self.lock = threading.Lock()
        self.requests = []
        self.bombs = {}
        self.log = open(log_path, "a", encoding="utf-8") if log_path else None

    def record(self, path, headers):
        entry = {"path": path, "headers": headers}
        with self.lock:
            self.requests.append(entry)
            if len(self.requests) > 10000:
                del self.requests[:5000]
            if self.log is not None:
                self.log.write(json.dumps(entry) + "\n")
                self.log.flush()

    def bomb(self, mb):
        """The gzip of `mb` MiB of zeros, made once per size.

        zlib compresses one MiB of zeros with a full flush, which resets the compressor, so every
        further MiB compresses to the same bytes: the body is that block repeated, between a gzip
        header and a trailer with the CRC-32 and length of the whole. About 1 KB per MiB.
        """
        with self.lock:
            cached = self.bombs.get(mb)
        if cached is not None:
            return cached
        zeros = bytes(1 << 20)
        compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
        block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
        final = compressor.flush(zlib.Z_FINISH)
        crc = 0
        for _ in range(mb):
            crc = zlib.crc32(zeros, crc)
        header = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"
        data = header + block * mb + final + struct.pack("<II", crc, (mb << 20) & 0xFFFFFFFF)
        with self.lock:
            self.bombs[mb] = data
        return data


def number(query, name, default, low, high, kind=int):
    """A bounded numeric query parameter."""
    try:
        value = kind(query.get(name, [default])[0])
    except (TypeError, ValueError):
        value = default
    return max(low, min(high, value))


def rss_feed(items):
    """An RSS 2.0 feed with `items` generated items, newest first."""
    out = io.StringIO()
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write('<rss version="2.0"><channel><title>Generated feed</title>'
              '<link>http://127.0.0.1/</link><description>Made by the test server</description>\n')
    base = 1_780_000_000
    for i in range(items):
        date = email.utils.formatdate(base - i * 60, usegmt=True)
        out.write(f"<item><title>Item {i}: a generated headline</title>"
                  f"<link>http://127.0.0.1/items/{i}</link><guid>item-{i}</guid>"
                  f"<pubDate>{date}</pubDate>"
                  f"<description>Paragraph {i} of the generated feed, long enough to be an article "
                  f"summary with a few words in it.</description></item>\n")
    out.write("</channel></rss>\n")
    return out.getvalue().encode("utf-8")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "BulletinTestServer/1"

    def log_message(self, format, *args):  # quiet: tests read stdout for the port only
        pass

    # -- helpers -------------------------------------------------------------------------

    def send_body(self, status, body, content_type="text/plain; charset=utf-8", headers=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(body)

    def sleep(self, seconds):
        time.sleep(max(0.0, min(seconds, MAX_SLEEP)))

    def conditional(self, etag, last_modified, mtime=None):
        """Whether the request's validators say the client's copy is current."""
        inm = self.headers.get("If-None-Match")
        if inm is not None:
            tags = [t.strip() for t in inm.split(",")]
            return etag in tags or "*" in tags
        ims = self.headers.get("If-Modified-Since")
        if ims is not None:
            if ims == last_modified:
                return True
            if mtime is not None:
                try:
                    since = email.utils.parsedate_to_datetime(ims).timestamp()
                    return int(mtime) <= since
                except (TypeError, ValueError):
                    return False
        return False

    # -- dispatch ------------------------------------------------------------------------

    def do_GET(self):
        parts = urlsplit(self.path)
        path = unquote(parts.path)
        query = parse_qs(parts.query)
        state = self.server.state
        if not path.startswith("/_requests"):
            state.record(self.path, {k: v for k, v in self.headers.items()})
        try:
            self.route(path, query, state)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def route(self, path, query, state):
        if path == "/_requests":
            with state.lock:
                body = json.dumps(state.requests).encode()
            return self.send_body(200, body, "application/json")
        if path == "/_requests/clear":
            with state.lock:
                state.requests.clear()
            return self.send_body(200, b"cleared")
        if path.startswith("/files/"):
            return self.files(path[len("/files/"):], state)
        if path == "/validators":
            etag = query.get("etag", [None])[0]
            last_modified = query.get("last_modified", [None])[0]
            headers = []
            if etag is not None:
                headers.append(("ETag", etag))
            if last_modified is not None:
                headers.append(("Last-Modified", last_modified))
            if self.conditional(etag, last_modified):
                return self.send_body(304, b"", headers=headers)
            return self.send_body(200, b"fresh body", headers=headers)
        if path.startswith("/status/"):
            code = number({"c": [path[len("/status/"):]]}, "c", 500, 100, 599)
            return self.send_body(code, f"status {code}\n".encode())
        if path.startswith("/redirect/chain/"):
            n = number({"n": [path[len("/redirect/chain/"):]]}, "n", 0, 0, 100)
            if n == 0:
                return self.send_body(200, b"end of chain")
            return self.send_body(302, b"", headers=[("Location", f"/redirect/chain/{n - 1}")])
        if path in ("/redirect/loop/a", "/redirect/loop/b"):
            other = "b" if path.endswith("a") else "a"
            return self.send_body(302, b"", headers=[("Location", f"/redirect/loop/{other}")])
        if path == "/redirect/to":
            status = number(query, "status", 302, 300, 399)
            location = query.get("location", ["/"])[0]
            return self.send_body(status, b"", headers=[("Location", location)])
        if path == "/redirect/none":
            return self.send_body(number(query, "status", 302, 300, 399), b"")
        if path == "/slow":
            return self.slow(query)
        if path == "/stall":
            count = number(query, "bytes", 10, 0, 1 << 20)
            self.send_response(200)
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(count + 1))
            self.end_headers()
            self.wfile.write(b"<" * count)
            self.wfile.flush()
            self.sleep(number(query, "seconds", 30.0, 0.0, MAX_SLEEP, float))
            self.close_connection = True
            return
        if path == "/stall-headers":
            self.sleep(number(query, "seconds", 30.0, 0.0, MAX_SLEEP, float))
            self.close_connection = True
            return
        if path == "/bomb":
            body = state.bomb(number(query, "mb", 400, 1, MAX_BOMB_MB))
            return self.send_body(200, body, "application/rss+xml", headers=[("Content-Encoding", "gzip")])
        if path == "/gzip":
            body = gzip.compress(rss_feed(number(query, "items", 100, 0, 100000)))
            return self.send_body(200, body, "application/rss+xml", headers=[("Content-Encoding", "gzip")])
        if path == "/deflate":
            body = zlib.compress(rss_feed(number(query, "items", 100, 0, 100000)))
            return self.send_body(200, body, "application/rss+xml", headers=[("Content-Encoding", "deflate")])
        if path == "/bytes":
            return self.plain_bytes(query)
        if path == "/retry":
            status = number(query, "status", 503, 400, 599)
            if "date" in query:
                value = query["date"][0]
            else:
                value = str(number(query, "seconds", 120, 0, 10 ** 9))
            return self.send_body(status, b"come back later", headers=[("Retry-After", value)])
        if path == "/wrong-charset":
            body = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel>'
                    '<title>Caf\u00e9 \u2014 na\u00efve</title><item><title>R\u00e9sum\u00e9</title>'
                    '<guid>c1</guid></item></channel></rss>').encode("utf-8")
            return self.send_body(200, body, "application/rss+xml; charset=ISO-8859-1")
        if path == "/html-page":
            body = (b"<!DOCTYPE html><html><head><title>A web page</title></head>"
                    b"<body><h1>Hello</h1><p>This is a page, not a feed.</p></body></html>")
            return self.send_body(200, body, "text/html; charset=utf-8")
        if path == "/feed":
            body = rss_feed(number(query, "items", 10000, 0, 100000))
            return self.send_body(200, body, "application/rss+xml; charset=utf-8")
        return self.send_body(404, b"no such route\n")

    def files(self, relative, state):
        target = os.path.realpath(os.path.join(state.root, relative))
        if not target.startswith(state.root + os.sep) or not os.path.isfile(target):
            return self.send_body(404, b"no such file\n")
        with open(target, "rb") as handle:
            body = handle.read()
        mtime = os.path.getmtime(target)
        etag = '"' + hashlib.sha256(body).hexdigest()[:20] + '"'
        last_modified = email.utils.formatdate(mtime, usegmt=True)
        headers = [("ETag", etag), ("Last-Modified", last_modified)]
        if self.conditional(etag, last_modified, mtime):
            return self.send_body(304, b"", headers=headers)
        kinds = {".xml": "application/xml", ".rss": "application/rss+xml", ".atom": "application/atom+xml",
                 ".json": "application/feed+json", ".html": "text/html; charset=utf-8",
                 ".opml": "text/x-opml", ".txt": "text/plain; charset=utf-8"}
        kind = kinds.get(os.path.splitext(target)[1].lower(), "application/octet-stream")
        return self.send_body(200, body, kind, headers=headers)

    def slow(self, query):
        total = number(query, "bytes", 100, 0, 1 << 20)
        chunk = number(query, "chunk", 1, 1, 1 << 16)
        interval = number(query, "interval", 0.5, 0.0, 10.0, float)
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(total))
        self.end_headers()
        sent = 0
        started = time.monotonic()
        while sent < total and time.monotonic() - started < MAX_SLEEP:
            piece = b"x" * min(chunk, total - sent)
            self.wfile.write(piece)
            self.wfile.flush()
            sent += len(piece)
            if sent < total:
                time.sleep(interval)

    def plain_bytes(self, query):
        total = number(query, "n", 1024, 0, MAX_BYTES)
        chunked = query.get("chunked", ["0"])[0] == "1"
        self.send_response(200)
        self.send_header("Content-Type", "application/octet-stream")
        if chunked:
            self.send_header("Connection", "close")
            self.close_connection = True
        else:
            self.send_header("Content-Length", str(total))
        self.end_headers()
        block = b"a" * 65536
        sent = 0
        while sent < total:
            piece = block[: min(len(block), total - sent)]
            self.wfile.write(piece)
            sent += len(piece)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=".", help="folder served under /files/")
    parser.add_argument("--requests-log", help="file to append each request to, as a JSON line")
    args = parser.parse_args()
    server = Server(("127.0.0.1", 0), Handler)
    server.state = State(args.root, args.requests_log)
    print(f"PORT {server.server_address[1]}", flush=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    # Serve until the parent closes our stdin (or dies): never outlive the tests.
    try:
        while sys.stdin.buffer.read(4096):
            pass
    except (KeyboardInterrupt, OSError):
        pass
    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    main()
