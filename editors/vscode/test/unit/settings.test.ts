import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, needsRestart, serverSettings } from "../../src/settings";

const config = (values: Record<string, unknown>) => ({
  get: <T>(key: string) => values[key] as T | undefined,
});

describe("serverSettings", () => {
  it("sends the defaults, wrapped in {saidso: ...}, when nothing is set", () => {
    expect(serverSettings(config({}))).toEqual({ saidso: DEFAULT_SETTINGS });
  });

  it("maps every server setting and leaves out the client-only ones", () => {
    const s = serverSettings(
      config({
        enable: false,
        inlayHints: false,
        debounceMs: 120,
        rules: { "unattributed-quote": "error", "ambiguous-speaker": "off" },
        "server.path": "/opt/saidso",
        "trace.server": "verbose",
      }),
    );
    expect(s).toEqual({
      saidso: {
        enable: false,
        inlayHints: false,
        debounceMs: 120,
        rules: { "unattributed-quote": "error", "ambiguous-speaker": "off" },
      },
    });
    expect(Object.keys(s.saidso).sort()).toEqual(["debounceMs", "enable", "inlayHints", "rules"]);
  });

  it("keeps rule ids it does not know (the server adds rules) but drops bad severities", () => {
    const problems: string[] = [];
    const s = serverSettings(
      config({ rules: { "future-rule": "Warning", "unclosed-quote": "loud", x: 3 } }),
      problems,
    );
    expect(s.saidso.rules).toEqual({ "future-rule": "warning" });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain("unclosed-quote");
  });

  it("falls back to defaults for values of the wrong type", () => {
    const problems: string[] = [];
    const s = serverSettings(
      config({ enable: "yes", inlayHints: 1, debounceMs: -5, rules: ["a"] }),
      problems,
    );
    expect(s.saidso).toEqual(DEFAULT_SETTINGS);
    expect(problems).toEqual(["saidso.rules must be an object of rule id → severity; ignored"]);
  });

  it("rounds debounceMs to whole milliseconds", () => {
    expect(serverSettings(config({ debounceMs: 12.6 })).saidso.debounceMs).toBe(13);
  });
});

describe("needsRestart", () => {
  it("restarts only for the server path", () => {
    expect(needsRestart((s) => s === "saidso.server.path")).toBe(true);
    expect(needsRestart((s) => s === "saidso.rules")).toBe(false);
    expect(needsRestart((s) => s === "saidso.trace.server")).toBe(false);
  });
});
