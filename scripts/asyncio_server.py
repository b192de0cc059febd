#!/usr/bin/env python3
"""The delay server's routes on CPython asyncio (or uvloop), as a Protocol: the comparison point
for docs/loop-performance.md. Usage: asyncio_server.py PORT [asyncio|uvloop]. One thread, one loop.
Keep-alive HTTP/1.1 without request bodies, like the Java server; pipelined requests are answered in order."""
import asyncio
import sys

BANNER = b"concbench delay server\n"
REASONS = {200: b"OK", 404: b"Not Found", 400: b"Bad Request"}


def response(status, ctype, body, keep_alive):
    head = b"HTTP/1.1 %d %s\r\nContent-Type: %s\r\nContent-Length: %d\r\nConnection: %s\r\n\r\n" % (
        status, REASONS.get(status, b"Status %d" % status), ctype, len(body),
        b"keep-alive" if keep_alive else b"close")
    return head + body


ROOT = response(200, b"text/plain; charset=utf-8", BANNER, True)


def answer(path):
    """(bytes to send, delay in seconds) for a path, as the Java Routes does."""
    if path == b"/":
        return ROOT, 0
    try:
        if path.startswith(b"/delay/"):
            ms = int(path[7:])
            return response(200, b"application/json", b'{"delay_ms":%d}' % ms, True), ms / 1000
        if path.startswith(b"/status/"):
            return response(int(path[8:]), b"text/plain", b"", True), 0
        if path.startswith(b"/bytes/"):
            n = int(path[7:])
            return response(200, b"application/octet-stream", bytes(i % 251 for i in range(n)), True), 0
    except ValueError:
        return response(400, b"text/plain; charset=utf-8", b"bad number\n", True), 0
    return response(404, b"text/plain; charset=utf-8", b"no such endpoint\n", True), 0


class Http(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        self.buf = b""

    def data_received(self, data):
        self.buf += data
        while True:
            end = self.buf.find(b"\r\n\r\n")
            if end < 0:
                return
            head, self.buf = self.buf[:end], self.buf[end + 4:]
            line = head.split(b"\r\n", 1)[0].split(b" ")
            if len(line) != 3:
                self.transport.write(response(400, b"text/plain", b"", False))
                self.transport.close()
                return
            out, delay = answer(line[1].split(b"?", 1)[0])
            if delay:
                asyncio.get_running_loop().call_later(delay, self.transport.write, out)
            else:
                self.transport.write(out)


async def main(port):
    server = await asyncio.get_running_loop().create_server(Http, "127.0.0.1", port, backlog=16384)
    print("listening on http://127.0.0.1:%d" % port, flush=True)
    await server.serve_forever()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[2] == "uvloop":
        import uvloop
        uvloop.install()
    asyncio.run(main(int(sys.argv[1])))
