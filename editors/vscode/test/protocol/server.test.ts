// Drives the real `saidso lsp` over stdio with the protocol stack VS Code's client uses
// (vscode-languageserver-protocol), as the extension would: UTF-16 positions, settings in
// initializationOptions and didChangeConfiguration, the custom saidso/documentStats request.
//
// Server: $SAIDSO_BIN, else <repo>/target/debug/saidso.

import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  createProtocolConnection,
  Diagnostic,
  DocumentSymbol,
  Hover,
  InitializeResult,
  MarkupContent,
  ProtocolConnection,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";

const repo = path.resolve(__dirname, "../../../..");
const bin = process.env.SAIDSO_BIN || path.join(repo, "target", "debug", "saidso");
const seedPath = path.join(repo, "examples", "putin-press-conference.txt");
const orphanPath = path.join(repo, "editors", "fixtures", "orphan-quote.md");
const seedUri = pathToFileURL(seedPath).toString();
const orphanUri = pathToFileURL(orphanPath).toString();
const seedText = fs.readFileSync(seedPath, "utf8");
const orphanText = fs.readFileSync(orphanPath, "utf8");

const settings = { saidso: { enable: true, inlayHints: true, rules: {}, debounceMs: 0 } };

/** Line and UTF-16 character of the first `needle` (plus `delta` code units) in `text`. */
function positionOf(text: string, needle: string, delta = 0) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`fixture lacks ${JSON.stringify(needle)}`);
  const before = text.slice(0, at + delta);
  const line = before.split("\n").length - 1;
  return { line, character: before.length - (before.lastIndexOf("\n") + 1) };
}

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

let proc: ChildProcess;
let conn: ProtocolConnection;
let init: InitializeResult;
let stderr = "";
const published = new Map<string, PublishDiagnosticsParams[]>();
const waiters: (() => void)[] = [];

/** Waits until `check` returns something truthy, re-checking on every notification. */
function waitFor<T>(what: string, check: () => T | undefined | false, ms = 10_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new Error(`timed out after ${ms} ms waiting for ${what}\nserver stderr:\n${stderr.slice(-3000)}`));
    }, ms);
    const attempt = () => {
      const v = check();
      if (v) {
        clearTimeout(timer);
        resolve(v);
        return true;
      }
      return false;
    };
    if (!attempt()) {
      const w = () => {
        if (attempt()) waiters.splice(waiters.indexOf(w), 1);
      };
      waiters.push(w);
    }
  });
}

function latest(uri: string): PublishDiagnosticsParams | undefined {
  const all = published.get(uri);
  return all?.[all.length - 1];
}

function unattributed(diags: Diagnostic[]): Diagnostic[] {
  return diags.filter((d) => d.code === "unattributed-quote");
}

beforeAll(async () => {
  if (!fs.existsSync(bin)) {
    throw new Error(`no saidso binary at ${bin}: run \`cargo build\` or set SAIDSO_BIN`);
  }
  proc = spawn(bin, ["lsp"], { stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, RUST_LOG: "info" } });
  proc.stderr!.on("data", (d) => (stderr += d.toString()));
  conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
    published.set(p.uri, [...(published.get(p.uri) ?? []), p]);
    for (const w of [...waiters]) w();
  });
  conn.onUnhandledNotification(() => undefined); // window/logMessage and the like
  conn.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) =>
    p.items.map((i) => (i.section === "saidso" ? settings.saidso : settings)),
  );
  conn.onRequest("client/registerCapability", () => null);
  conn.onRequest("client/unregisterCapability", () => null);
  conn.onRequest("window/workDoneProgress/create", () => null);
  conn.onRequest("workspace/diagnostic/refresh", () => null);
  conn.onRequest("workspace/inlayHint/refresh", () => null);
  conn.listen();

  init = await conn.sendRequest<InitializeResult>("initialize", {
    processId: process.pid,
    clientInfo: { name: "saidso-protocol-test", version: "0.1.0" },
    rootUri: pathToFileURL(repo).toString(),
    workspaceFolders: [{ uri: pathToFileURL(repo).toString(), name: "saidso" }],
    initializationOptions: settings,
    capabilities: {
      general: { positionEncodings: ["utf-16"] }, // what vscode-languageclient offers
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true } },
      textDocument: {
        synchronization: { dynamicRegistration: true, didSave: true },
        hover: { contentFormat: ["markdown", "plaintext"] },
        documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        publishDiagnostics: { versionSupport: true, relatedInformation: true },
        inlayHint: {},
        definition: {},
        references: {},
        documentHighlight: {},
        codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } } },
        diagnostic: {},
      },
    },
  });
  await conn.sendNotification("initialized", {});
  await conn.sendNotification("workspace/didChangeConfiguration", { settings });
  await conn.sendNotification("textDocument/didOpen", {
    textDocument: { uri: orphanUri, languageId: "markdown", version: 1, text: orphanText },
  });
  await conn.sendNotification("textDocument/didOpen", {
    textDocument: { uri: seedUri, languageId: "plaintext", version: 1, text: seedText },
  });
}, 30_000);

afterAll(async () => {
  if (!conn) return;
  const exited = new Promise<number | null>((r) => {
    if (proc.exitCode !== null) r(proc.exitCode);
    else proc.on("exit", (code) => r(code));
  });
  try {
    await conn.sendRequest("shutdown");
    await conn.sendNotification("exit");
  } catch {
    // already gone: the exit check below reports it
  }
  const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 3000));
  const code = await Promise.race([exited, timeout]);
  conn.dispose();
  if (code === "timeout") proc.kill("SIGKILL");
  expect(code, "server exits with 0 after shutdown + exit").toBe(0);
});

describe("saidso lsp, driven like VS Code", () => {
  it("initializes with UTF-16 positions and the advertised features", () => {
    const caps = init.capabilities;
    expect(caps.positionEncoding ?? "utf-16").toBe("utf-16");
    expect(caps.hoverProvider).toBeTruthy();
    expect(caps.documentSymbolProvider).toBeTruthy();
    expect(caps.textDocumentSync).toBeTruthy();
  });

  it("publishes an unattributed-quote warning on the orphan quote, with the document version", async () => {
    const params = await waitFor("unattributed-quote on the fixture", () => {
      const p = latest(orphanUri);
      return p && unattributed(p.diagnostics).length > 0 ? p : undefined;
    });
    if (params.version !== undefined && params.version !== null) expect(params.version).toBe(1);
    const [d] = unattributed(params.diagnostics);
    expect(d.severity).toBe(2); // warning by default
    expect(d.source ?? "saidso").toBe("saidso");
    // The range covers the quote; its end is in UTF-16 code units, so the em dash, é and the
    // emoji before it are 1, 1 and 2 units (in UTF-8 they would be 3, 2 and 4).
    const open = positionOf(orphanText, '"Nobody');
    const close = positionOf(orphanText, '🙂."', 3); // the closing mark
    expect(d.range.start.line).toBe(open.line);
    expect([open.character, open.character + 1]).toContain(d.range.start.character);
    expect(d.range.end.line).toBe(close.line);
    expect([close.character, close.character + 1]).toContain(d.range.end.character);
  });

  it("gives the seed article no unattributed-quote diagnostic", async () => {
    const params = await waitFor("diagnostics for the seed article", () => latest(seedUri));
    expect(unattributed(params.diagnostics)).toEqual([]);
  });

  it("names Putin in the hover of the `he said` quote", async () => {
    const hover = await conn.sendRequest<Hover | null>("textDocument/hover", {
      textDocument: { uri: seedUri },
      position: positionOf(seedText, "If we ever have a meeting", 10),
    });
    expect(hoverText(hover)).toMatch(/Putin/);
  });

  it("outlines speakers with their quotes, Putin among them", async () => {
    const symbols = await conn.sendRequest<DocumentSymbol[] | null>("textDocument/documentSymbol", {
      textDocument: { uri: seedUri },
    });
    expect(Array.isArray(symbols) && symbols.length).toBeTruthy();
    const putin = symbols!.find((s) => /Putin/.test(s.name));
    expect(putin, `no Putin group in ${JSON.stringify(symbols!.map((s) => s.name))}`).toBeDefined();
    expect(putin!.children?.length ?? 0).toBeGreaterThanOrEqual(7);
    for (const s of flatten(symbols!)) {
      expect(s.range.start.line).toBeLessThanOrEqual(s.range.end.line);
      expect(s.selectionRange).toBeDefined();
    }
  });

  it("groups the orphan quote under Unattributed quotes in the outline", async () => {
    const symbols = await conn.sendRequest<DocumentSymbol[] | null>("textDocument/documentSymbol", {
      textDocument: { uri: orphanUri },
    });
    const group = (symbols ?? []).find((s) => /unattributed/i.test(s.name));
    expect(group, `no Unattributed group in ${JSON.stringify(symbols)}`).toBeDefined();
    expect(group!.children?.length ?? 0).toBeGreaterThanOrEqual(1);
  });

  it("answers saidso/documentStats for the status bar", async () => {
    const seed = await conn.sendRequest<Record<string, number>>("saidso/documentStats", {
      textDocument: { uri: seedUri },
    });
    expect(seed).toMatchObject({
      quotes: expect.any(Number),
      speakers: expect.any(Number),
      unattributed: expect.any(Number),
      claims: expect.any(Number),
    });
    expect(seed.quotes).toBeGreaterThanOrEqual(7);
    expect(seed.speakers).toBeGreaterThanOrEqual(1);
    const orphan = await conn.sendRequest<Record<string, number>>("saidso/documentStats", {
      textDocument: { uri: orphanUri },
    });
    expect(orphan.unattributed).toBeGreaterThanOrEqual(1);
  });

  it("shows `— Putin` inlay hints after pronoun-attributed quotes", async (ctx) => {
    if (!init.capabilities.inlayHintProvider) ctx.skip();
    const lines = seedText.split("\n");
    const hints = await conn.sendRequest<{ label: string | { value: string }[] }[] | null>(
      "textDocument/inlayHint",
      {
        textDocument: { uri: seedUri },
        range: { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } },
      },
    );
    const labels = (hints ?? []).map((h) =>
      typeof h.label === "string" ? h.label : h.label.map((p) => p.value).join(""),
    );
    expect(labels.some((l) => /Putin/.test(l)), JSON.stringify(labels)).toBe(true);
  });

  it("applies a rule severity change without a restart", async () => {
    const before = (published.get(orphanUri) ?? []).length;
    await conn.sendNotification("workspace/didChangeConfiguration", {
      settings: { saidso: { ...settings.saidso, rules: { "unattributed-quote": "error" } } },
    });
    await waitFor("the orphan quote as an error", () => {
      const all = published.get(orphanUri) ?? [];
      return all.slice(before).some((p) => unattributed(p.diagnostics).some((d) => d.severity === 1));
    });
    const mid = (published.get(orphanUri) ?? []).length;
    await conn.sendNotification("workspace/didChangeConfiguration", {
      settings: { saidso: { ...settings.saidso, rules: { "unattributed-quote": "off" } } },
    });
    await waitFor("the rule switched off", () => {
      const all = published.get(orphanUri) ?? [];
      return all.length > mid && unattributed(all[all.length - 1].diagnostics).length === 0;
    });
    await conn.sendNotification("workspace/didChangeConfiguration", { settings });
  });

  it("re-publishes for a new version after an edit", async () => {
    const text = orphanText.replace('regulars 🙂."', 'regulars 🙂," the owner said.');
    await conn.sendNotification("textDocument/didChange", {
      textDocument: { uri: orphanUri, version: 2 },
      contentChanges: [{ text }],
    });
    const p = await waitFor("diagnostics for version 2", () => {
      const q = latest(orphanUri);
      return q && (q.version === 2 || (q.version == null && unattributed(q.diagnostics).length === 0))
        ? q
        : undefined;
    });
    expect(unattributed(p.diagnostics)).toEqual([]);
  });
});
