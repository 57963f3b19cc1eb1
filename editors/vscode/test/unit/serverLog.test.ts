import { describe, expect, it, vi } from "vitest";
import { logServerLine, parseServerLine } from "../../src/serverLog";

describe("parseServerLine", () => {
  it("keeps the level of tracing lines and drops the timestamp", () => {
    expect(parseServerLine("2026-11-27T06:10:04.135990Z  INFO saidso::lsp::server: initialized")).toEqual({
      level: "info",
      message: "saidso::lsp::server: initialized",
    });
    expect(parseServerLine("2026-11-27T06:10:04Z  WARN settings: unknown rule `x`").level).toBe("warn");
    expect(parseServerLine("ERROR the engine panicked").level).toBe("error");
  });
  it("strips colours", () => {
    expect(parseServerLine("\x1b[2m2026\x1b[0m \x1b[32m DEBUG\x1b[0m x: y")).toEqual({ level: "debug", message: "x: y" });
  });
  it("treats anything else as info", () => {
    expect(parseServerLine("thread 'main' panicked at src/lib.rs:1")).toEqual({
      level: "info",
      message: "thread 'main' panicked at src/lib.rs:1",
    });
  });
});

describe("logServerLine", () => {
  it("writes to the logger method of the line's level, skipping empty lines", () => {
    const log = { trace: vi.fn(), debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
    logServerLine("2026-01-01T00:00:00Z ERROR boom", log);
    logServerLine("", log);
    expect(log.error).toHaveBeenCalledWith("boom");
    expect(log.info).not.toHaveBeenCalled();
  });
});
