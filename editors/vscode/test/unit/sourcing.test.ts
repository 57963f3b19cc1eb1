import { describe, expect, it } from "vitest";
import { isSourcingReport, isSpeakerTable, speakerPicks, SpeakerTable } from "../../src/sourcing";

const table: SpeakerTable = {
  summary: "3 quotes · 2 speakers · 1 anonymous",
  speakers: [
    {
      name: "Ana Ortiz",
      role: "Mayor",
      kind: "person",
      gender: "woman (pronoun)",
      quotes: 2,
      words: 31,
      claims: 3,
      verbs: "said 2, told 1",
      colour: "#1f6fb5",
      firstQuote: { start: { line: 4, character: 0 }, end: { line: 4, character: 20 } },
    },
    {
      name: "a city engineer",
      role: null,
      kind: "anonymous description",
      gender: "gender unknown",
      quotes: 1,
      words: 2,
      claims: 1,
      verbs: "",
      colour: "#c45a00",
      firstQuote: null,
    },
  ],
  markdown: "",
  text: "",
};

describe("speakerPicks", () => {
  it("lists each speaker with counts and facts, then the report", () => {
    const items = speakerPicks(table);
    expect(items.map((i) => i.label)).toEqual(["Ana Ortiz", "a city engineer", "$(preview) Open sourcing report"]);
    expect(items[0].description).toBe("2 quotes · 31 words · 1 reported");
    expect(items[0].detail).toBe("Mayor · person · woman (pronoun) — said 2, told 1");
    expect(items[0].range?.start.line).toBe(4);
    expect(items[1].description).toBe("1 quote · 2 words");
    expect(items[1].detail).toBe("anonymous description · gender unknown");
    expect(items[1].range).toBeUndefined();
    expect(items[2].openReport).toBe(true);
  });
});

describe("answer shapes", () => {
  it("accepts the server's answers and rejects anything else", () => {
    expect(isSpeakerTable(table)).toBe(true);
    expect(isSpeakerTable({ summary: "x" })).toBe(false);
    expect(isSpeakerTable(null)).toBe(false);
    expect(isSourcingReport({ title: "t", html: "<html>" })).toBe(true);
    expect(isSourcingReport({ title: "t" })).toBe(false);
  });
});
