"""A small web site on loopback for the fetching tests: pages, feeds, redirects, slow, broken and oversized answers.

Routes are set per test (`site.page(...)`, `site.route(...)`); every request is logged with its path, its
User-Agent and when it came, and the site counts how many requests it serves at once.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Hit:
    path: str
    agent: str
    at: float


@dataclass
class Answer:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds before the answer starts
    chunks: int = 1  # the body in this many pieces (sent without Content-Length when more than one)
    chunk_delay: float = 0.0


class QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that hangs up (a size limit, a deadline, the end of a test) is not an error here


Route = Callable[[int], Answer]  # the answer to the n-th request for the path (1 for the first)


class Site:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: list[Hit] = []
        self.lock = threading.Lock()
        self.in_flight = self.most_in_flight = 0
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
                site.serve(self)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
                pass

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    # --- routes ---

    def route(self, path: str, route: Route) -> str:
        self.routes[path] = route
        return self.url + path

    def page(self, path: str, body: bytes | str, content_type: str = "text/html; charset=utf-8", **answer: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        return self.route(path, lambda _: Answer(body=data, headers={"Content-Type": content_type}, **answer))  # type: ignore[arg-type]

    def redirect(self, path: str, to: str, status: int = 301) -> str:
        return self.route(path, lambda _: Answer(status=status, headers={"Location": to}))

    def requests_for(self, path: str) -> int:
        return sum(1 for hit in self.hits if hit.path == path)

    # --- serving ---

    def serve(self, handler: BaseHTTPRequestHandler) -> None:
        path = handler.path
        with self.lock:
            self.hits.append(Hit(path, handler.headers.get("User-Agent", ""), time.monotonic()))
            count = self.requests_for(path)
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            route = self.routes.get(path.split("?")[0])
            answer = route(count) if route else Answer(status=404, body=b"not here", headers={"Content-Type": "text/plain"})
            time.sleep(answer.delay)
            handler.send_response(answer.status)
            for name, value in answer.headers.items():
                handler.send_header(name, value)
            if answer.chunks <= 1:
                handler.send_header("Content-Length", str(len(answer.body)))
                handler.end_headers()
                handler.wfile.write(answer.body)
                return
            handler.send_header("Transfer-Encoding", "chunked")
            handler.end_headers()
            size = max(1, len(answer.body) // answer.chunks)
            for start in range(0, len(answer.body), size):
                piece = answer.body[start : start + size]
                handler.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
                handler.wfile.flush()
                time.sleep(answer.chunk_delay)
            handler.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client hung up (a size limit or a deadline), as it may
        finally:
            with self.lock:
                self.in_flight -= 1
