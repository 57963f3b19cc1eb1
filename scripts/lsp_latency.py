#!/usr/bin/env python3
"""Edit-to-diagnostics latency of the real `saidso lsp` binary, for scripts/bench.sh.

Spawns the server, opens one document (debounce 0 via initializationOptions), then sends
single-character edits in the middle of it (type `x`, delete it, alternately) and measures
the wall time from writing each `didChange` to reading the `publishDiagnostics` that carries
that version. Prints the median and 90th percentile, and the server's peak resident memory
(VmHWM from /proc/PID/status) with the document open.

    lsp_latency.py BINARY FILE [EDITS]
"""
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import queue


def frame(msg):
    body = json.dumps(msg).encode()
    return b"Content-Length: %d\r\n\r\n%s" % (len(body), body)


def reader(stream, out):
    """Reads LSP frames from the server and queues (arrival time, message)."""
    while True:
        length = None
        while True:
            line = stream.readline()
            if not line:
                out.put((time.perf_counter(), None))
                return
            line = line.strip()
            if not line:
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        if length is None:
            continue
        body = stream.read(length)
        # Arrival is when the whole message has been read: parsing it is the client's time,
        # and Python's JSON parser would add a few tenths of a millisecond per message.
        arrived = time.perf_counter()
        out.put((arrived, json.loads(body)))


def memory_kb(pid, field):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def position(text, offset):
    """LSP position (UTF-16) of a character offset in text."""
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    col = len(text[start:offset].encode("utf-16-le")) // 2
    return {"line": line, "character": col}


def main():
    binary, path = sys.argv[1], sys.argv[2]
    edits = int(sys.argv[3]) if len(sys.argv) > 3 else 40
    text = open(path, encoding="utf-8").read()
    proc = subprocess.Popen(
        [binary, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL
    )
    inbox = queue.Queue()
    threading.Thread(target=reader, args=(proc.stdout, inbox), daemon=True).start()

    def send(msg):
        proc.stdin.write(frame(msg))
        proc.stdin.flush()

    def wait_for(pred, timeout=120):
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise SystemExit("lsp_latency: timed out waiting for the server")
            at, msg = inbox.get(timeout=left)
            if msg is None:
                raise SystemExit("lsp_latency: the server closed its output")
            if "id" in msg and "method" in msg:  # a request to the client: answer null
                send({"jsonrpc": "2.0", "id": msg["id"], "result": None})
                continue
            if pred(msg):
                return at, msg

    uri = "file:///bench/" + os.path.basename(path)
    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"processId": None, "rootUri": None, "capabilities": {},
                     "initializationOptions": {"debounceMs": 0}}})
    wait_for(lambda m: m.get("id") == 1)
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
          "params": {"textDocument": {"uri": uri, "languageId": "plaintext", "version": 0,
                                      "text": text}}})

    def diagnostics_for(version):
        return lambda m: (m.get("method") == "textDocument/publishDiagnostics"
                          and m["params"].get("version") == version)

    wait_for(diagnostics_for(0))
    mid = text.rfind(" ", 0, len(text) // 2) + 1
    pos = position(text, mid)
    times = []
    for version in range(1, edits + 1):
        if version % 2:
            change = {"range": {"start": pos, "end": pos}, "text": "x"}
        else:
            end = dict(pos, character=pos["character"] + 1)
            change = {"range": {"start": pos, "end": end}, "text": ""}
        sent = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri, "version": version},
                         "contentChanges": [change]}})
        at, _ = wait_for(diagnostics_for(version))
        times.append((at - sent) * 1000)
    hwm, rss = memory_kb(proc.pid, "VmHWM"), memory_kb(proc.pid, "VmRSS")
    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    try:
        wait_for(lambda m: m.get("id") == 2, timeout=10)
        send({"jsonrpc": "2.0", "method": "exit"})
        proc.wait(timeout=10)
    except Exception:
        proc.kill()
    times.sort()
    p90 = times[min(len(times) - 1, int(len(times) * 0.9))]
    mb = lambda kb: f"{kb / 1024:.1f} MB" if kb else "n/a"
    print(f"median {statistics.median(times):.2f} ms, p90 {p90:.2f} ms, best {times[0]:.2f} ms "
          f"over {edits} edits; server peak RSS {mb(hwm)} (now {mb(rss)})")


if __name__ == "__main__":
    main()
