// Drives the real `saidso lsp` as VS Code would (see session.ts): UTF-16 positions, settings in
// initializationOptions and didChangeConfiguration, pulled diagnostics, the outline, hover,
// inlay hints and the custom saidso/documentStats request. A second session covers clients
// that take pushed diagnostics.
//
// Server: $SAIDSO_BIN, else <repo>/target/debug/saidso.

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Diagnostic, DocumentSymbol, Hover, MarkupContent } from "vscode-languageserver-protocol/node";
import {
  defaultSettings,
  orphan,
  positionOf,
  seed,
  Session,
  unattributed,
  vscodeCapabilities,
} from "./session";

function hoverText(h: Hover | null): string {
  if (!h) return "";
  const c = h.contents as MarkupContent | string | (string | { value: string })[] | { value: string };
  if (typeof c === "string") return c;
  if (Array.isArray(c)) return c.map((x) => (typeof x === "string" ? x : x.value)).join("\n");
  return c.value;
}

function flatten(symbols: DocumentSymbol[]): DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

/** The orphan quote's diagnostic covers the quote; its end is in UTF-16 code units, so the em
 * dash, é and emoji before it count 1, 1 and 2 (in UTF-8 they would be 3, 2 and 4). */
function expectOrphanRange(d: Diagnostic) {
  const open = positionOf(orphan.text, '"Nobody');
  const close = positionOf(orphan.text, '🙂."', 3); // the closing mark
  expect(d.range.start.line).toBe(open.line);
  expect([open.character, open.character + 1]).toContain(d.range.start.character);
  expect(d.range.end.line).toBe(close.line);
  expect([close.character, close.character + 1]).toContain(d.range.end.character);
}

describe("saidso lsp driven like VS Code (pulled diagnostics)", () => {
  const s = new Session();

  beforeAll(async () => {
    await s.start(vscodeCapabilities(true));
    await s.open(orphan);
    await s.open(seed);
  }, 30_000);

  afterAll(async () => {
    if (s.conn) expect(await s.stop(), "server exits with 0 after shutdown + exit").toBe(0);
  });

  it("initializes with UTF-16 positions and the advertised features", () => {
    const caps = s.init.capabilities;
    expect(caps.positionEncoding ?? "utf-16").toBe("utf-16");
    expect(caps.hoverProvider).toBeTruthy();
    expect(caps.documentSymbolProvider).toBeTruthy();
    expect(caps.textDocumentSync).toBeTruthy();
    expect(caps.diagnosticProvider).toBeTruthy();
  });

  it("reports an unattributed-quote warning on the orphan quote", async () => {
    const items = await s.pull(orphan.uri);
    const [d] = unattributed(items);
    expect(d, JSON.stringify(items)).toBeDefined();
    expect(d.severity).toBe(2); // warning by default
    expect(d.source ?? "saidso").toBe("saidso");
    expectOrphanRange(d);
  });

  it("does not push diagnostics to a client that pulls them (no doubles)", () => {
    expect(s.published.get(orphan.uri) ?? []).toEqual([]);
  });

  it("finds no unattributed quote in the seed article", async () => {
    expect(unattributed(await s.pull(seed.uri))).toEqual([]);
  });

  it("names Putin in the hover of the `he said` quote", async () => {
    const hover = await s.conn.sendRequest<Hover | null>("textDocument/hover", {
      textDocument: { uri: seed.uri },
      position: positionOf(seed.text, "If we ever have a meeting", 10),
    });
    expect(hoverText(hover)).toMatch(/Putin/);
  });

  it("outlines speakers with their quotes, Putin among them", async () => {
    const symbols = await s.conn.sendRequest<DocumentSymbol[] | null>("textDocument/documentSymbol", {
      textDocument: { uri: seed.uri },
    });
    expect(Array.isArray(symbols) && symbols.length).toBeTruthy();
    const putin = symbols!.find((x) => /Putin/.test(x.name));
    expect(putin, `no Putin group in ${JSON.stringify(symbols!.map((x) => x.name))}`).toBeDefined();
    expect(putin!.children?.length ?? 0).toBeGreaterThanOrEqual(7);
    for (const x of flatten(symbols!)) {
      expect(x.range.start.line).toBeLessThanOrEqual(x.range.end.line);
      expect(x.selectionRange).toBeDefined();
    }
  });

  it("groups the orphan quote under Unattributed quotes in the outline", async () => {
    const symbols = await s.conn.sendRequest<DocumentSymbol[] | null>("textDocument/documentSymbol", {
      textDocument: { uri: orphan.uri },
    });
    const group = (symbols ?? []).find((x) => /unattributed/i.test(x.name));
    expect(group, `no Unattributed group in ${JSON.stringify(symbols)}`).toBeDefined();
    expect(group!.children?.length ?? 0).toBeGreaterThanOrEqual(1);
  });

  it("answers saidso/documentStats for the status bar", async () => {
    const stats = await s.conn.sendRequest<Record<string, number>>("saidso/documentStats", {
      textDocument: { uri: seed.uri },
    });
    expect(stats).toMatchObject({
      quotes: expect.any(Number),
      speakers: expect.any(Number),
      unattributed: expect.any(Number),
      claims: expect.any(Number),
    });
    expect(stats.quotes).toBeGreaterThanOrEqual(7);
    expect(stats.speakers).toBeGreaterThanOrEqual(1);
    const o = await s.conn.sendRequest<Record<string, number>>("saidso/documentStats", {
      textDocument: { uri: orphan.uri },
    });
    expect(o.unattributed).toBeGreaterThanOrEqual(1);
  });

  it("shows the sourcing code lens and answers its commands", async () => {
    expect(s.init.capabilities.codeLensProvider).toBeTruthy();
    expect(s.init.capabilities.executeCommandProvider?.commands).toEqual([
      "saidso.speakerTable",
      "saidso.sourcingReport",
    ]);
    const lenses = await s.conn.sendRequest<{ range: unknown; command: { title: string; command: string; arguments: unknown[] } }[]>(
      "textDocument/codeLens",
      { textDocument: { uri: seed.uri } },
    );
    expect(lenses).toHaveLength(1);
    expect(lenses[0].command.title).toMatch(/^\d+ quotes · 1 speaker$/);
    const table = await s.conn.sendRequest<{ summary: string; speakers: { name: string; quotes: number }[] }>(
      "workspace/executeCommand",
      { command: lenses[0].command.command, arguments: [...lenses[0].command.arguments, { display: "client" }] },
    );
    expect(table.summary).toBe(lenses[0].command.title);
    expect(table.speakers[0]).toMatchObject({ name: "Vladimir Putin" });
    const report = await s.conn.sendRequest<{ title: string; html: string }>("workspace/executeCommand", {
      command: "saidso.sourcingReport",
      arguments: [orphan.uri],
    });
    expect(report.html).toContain('class="q orphan"');
  });

  it("shows `— Putin` inlay hints after pronoun-attributed quotes", async () => {
    expect(s.init.capabilities.inlayHintProvider).toBeTruthy();
    const hints = await s.conn.sendRequest<{ label: string | { value: string }[] }[] | null>(
      "textDocument/inlayHint",
      {
        textDocument: { uri: seed.uri },
        range: { start: { line: 0, character: 0 }, end: { line: seed.text.split("\n").length, character: 0 } },
      },
    );
    const labels = (hints ?? []).map((h) =>
      typeof h.label === "string" ? h.label : h.label.map((p) => p.value).join(""),
    );
    expect(labels.some((l) => /Putin/.test(l)), JSON.stringify(labels)).toBe(true);
  });

  it("applies a rule severity change without a restart, asking the client to re-pull", async () => {
    const before = s.refreshes;
    await s.setSettings({ saidso: { ...defaultSettings.saidso, rules: { "unattributed-quote": "error" } } });
    await s.waitFor("workspace/diagnostic/refresh", () => s.refreshes > before);
    await s.waitFor("the orphan quote as an error", async () =>
      unattributed(await s.pull(orphan.uri)).some((d) => d.severity === 1),
    );
    await s.setSettings({ saidso: { ...defaultSettings.saidso, rules: { "unattributed-quote": "off" } } });
    await s.waitFor("the rule switched off", async () => unattributed(await s.pull(orphan.uri)).length === 0);
    await s.setSettings(defaultSettings);
  });

  it("sees edits: attributing the orphan quote clears its diagnostic", async () => {
    const text = orphan.text.replace('regulars 🙂."', 'regulars 🙂," the owner said.');
    await s.conn.sendNotification("textDocument/didChange", {
      textDocument: { uri: orphan.uri, version: 2 },
      contentChanges: [{ text }],
    });
    expect(unattributed(await s.pull(orphan.uri))).toEqual([]);
  });
});

describe("saidso lsp with a client that takes pushed diagnostics", () => {
  const s = new Session();

  beforeAll(async () => {
    await s.start(vscodeCapabilities(false));
    await s.open(orphan, 7);
  }, 30_000);

  afterAll(async () => {
    if (s.conn) expect(await s.stop(), "server exits with 0 after shutdown + exit").toBe(0);
  });

  it("publishes the unattributed-quote warning with the document version", async () => {
    const p = await s.waitFor("unattributed-quote on the fixture", () => {
      const q = s.latest(orphan.uri);
      return q && unattributed(q.diagnostics).length > 0 ? q : undefined;
    });
    expect(p.version).toBe(7);
    const [d] = unattributed(p.diagnostics);
    expect(d.severity).toBe(2);
    expectOrphanRange(d);
  });

  it("re-publishes on a settings change", async () => {
    await s.setSettings({ saidso: { ...defaultSettings.saidso, rules: { "unattributed-quote": "error" } } });
    await s.waitFor("the orphan quote as an error", () => {
      const q = s.latest(orphan.uri);
      return q && unattributed(q.diagnostics).some((d) => d.severity === 1);
    });
    await s.setSettings(defaultSettings);
  });

  it("re-publishes for a new version after an edit", async () => {
    const text = orphan.text.replace('regulars 🙂."', 'regulars 🙂," the owner said.');
    await s.conn.sendNotification("textDocument/didChange", {
      textDocument: { uri: orphan.uri, version: 8 },
      contentChanges: [{ text }],
    });
    const p = await s.waitFor("diagnostics for version 8", () => {
      const q = s.latest(orphan.uri);
      return q && q.version === 8 ? q : undefined;
    });
    expect(unattributed(p.diagnostics)).toEqual([]);
  });

  it("clears diagnostics when the document is closed", async () => {
    await s.conn.sendNotification("textDocument/didClose", { textDocument: { uri: orphan.uri } });
    await s.waitFor("an empty publish after close", () => {
      const q = s.latest(orphan.uri);
      return q && q.diagnostics.length === 0 && q.version !== 8 ? q : undefined;
    });
  });
});
