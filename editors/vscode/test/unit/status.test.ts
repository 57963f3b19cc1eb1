import { describe, expect, it } from "vitest";
import { isDocumentStats, statusText, statusTooltip } from "../../src/status";

describe("statusText", () => {
  it("counts quotes and speakers", () => {
    expect(statusText({ quotes: 10, speakers: 2, unattributed: 0, claims: 3 })).toBe(
      "$(quote) 10 quotes · 2 speakers",
    );
  });
  it("uses the singular for one", () => {
    expect(statusText({ quotes: 1, speakers: 1, unattributed: 0, claims: 0 })).toBe(
      "$(quote) 1 quote · 1 speaker",
    );
  });
  it("flags unattributed quotes", () => {
    expect(statusText({ quotes: 3, speakers: 1, unattributed: 2, claims: 0 })).toBe(
      "$(quote) 3 quotes · 1 speaker · $(warning) 2 unattributed",
    );
  });
  it("has a tooltip with every count", () => {
    const t = statusTooltip({ quotes: 10, speakers: 1, unattributed: 1, claims: 4 });
    expect(t).toContain("10 quotes by 1 speaker");
    expect(t).toContain("1 quote has no speaker");
    expect(t).toContain("4 attributed claims");
  });
});

describe("isDocumentStats", () => {
  it("accepts the server's answer and rejects anything else", () => {
    expect(isDocumentStats({ quotes: 1, speakers: 1, unattributed: 0, claims: 0 })).toBe(true);
    expect(isDocumentStats(null)).toBe(false);
    expect(isDocumentStats(undefined)).toBe(false);
    expect(isDocumentStats({ quotes: "1", speakers: 1 })).toBe(false);
    expect(isDocumentStats({ quotes: 1 })).toBe(false);
  });
});
