// The bundled extension (esbuild output, real vscode-languageclient inside) activated in a fake
// extension host (fake-vscode.ts) against the real `saidso lsp`: what a user would see in
// VS Code, short of VS Code itself — status bar, diagnostics, hover, outline, inlay hints,
// a settings change and the restart command.
//
// Server: $SAIDSO_BIN, else <repo>/target/debug/saidso.

import { build } from "esbuild";
import * as fs from "node:fs";
import Module from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bin, orphan as orphanDoc, positionOf, repo, seed as seedDoc } from "../protocol/session";
import * as vscode from "./fake-vscode";
import { fake, FakeTextDocument, openDocument, Position, setActive, unknown } from "./fake-vscode";

const extensionDir = path.resolve(__dirname, "../..");
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "saidso-host-"));
const token = new vscode.CancellationTokenSource().token;

// Names the fake does not model resolve to inert classes, so loading the client never fails.
class Inert {
  args: unknown[];
  constructor(...args: unknown[]) {
    this.args = args;
  }
}
const moduleProxy = new Proxy(vscode as Record<string, unknown>, {
  get(target, prop) {
    if (typeof prop === "symbol" || prop in target) return target[prop as string];
    unknown.add(String(prop));
    return new Proxy(Inert, { get: (t, p) => (p in t ? Reflect.get(t, p) : 0) });
  },
});

type Ext = { activate(ctx: unknown): Promise<void>; deactivate(): Promise<void> };
let ext: Ext;
let orphan: FakeTextDocument;
let seed: FakeTextDocument;
const unloadHook: (() => void)[] = [];

async function waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 15_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}\nextension log:\n${fake.log.slice(-40).join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

function saidsoDiagnostics(doc: FakeTextDocument) {
  const all: vscode.Diagnostic[] = [];
  for (const map of fake.diagnostics.values()) all.push(...(map.get(doc.uri.toString()) ?? []));
  return all.filter((d) => {
    const code = typeof d.code === "object" && d.code !== null ? d.code.value : d.code;
    return code === "unattributed-quote";
  });
}

function provider(kind: string) {
  const entry = fake.providers.get(kind)?.[0];
  if (!entry) throw new Error(`no ${kind} provider registered`);
  return entry.provider;
}

beforeAll(async () => {
  if (!fs.existsSync(bin)) throw new Error(`no saidso binary at ${bin}: run \`cargo build\` or set SAIDSO_BIN`);
  const outfile = path.join(tmp, "extension.js");
  await build({
    entryPoints: [path.join(extensionDir, "src", "extension.ts")],
    bundle: true,
    outfile,
    external: ["vscode"],
    format: "cjs",
    platform: "node",
    target: "node20",
    logLevel: "error",
  });
  const mod = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown };
  const original = mod._load;
  mod._load = function (request: string, ...rest: unknown[]) {
    if (request === "vscode") return moduleProxy;
    return original.call(this, request, ...rest);
  };
  unloadHook.push(() => (mod._load = original));
  ext = Module.createRequire(__filename)(outfile) as Ext;

  fake.config = { "saidso.server.path": bin, "saidso.debounceMs": 0 };
  orphan = openDocument(path.join(repo, "editors/fixtures/orphan-quote.md"), "markdown", orphanDoc.text);
  seed = openDocument(path.join(repo, "examples/putin-press-conference.txt"), "plaintext", seedDoc.text);
  setActive(seed);
  await ext.activate({ subscriptions: [], extensionPath: tmp, extensionUri: vscode.Uri.file(tmp) });
}, 60_000);

let deactivated = false;

/** saidso processes that are children of this test process (read from /proc: no `ps` needed). */
function serverChildren(): string[] {
  const found: string[] = [];
  for (const pid of fs.readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // state, ppid, ...
      if (Number(fields[1]) !== process.pid || fields[0] === "Z") continue;
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      if (args[0] === bin && args[1] === "lsp") found.push(pid);
    } catch {
      // the process ended while we looked
    }
  }
  return found;
}

afterAll(async () => {
  if (!deactivated) await ext?.deactivate();
  unloadHook.forEach((f) => f());
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe("the bundled extension in a fake extension host, with the real server", () => {
  it("starts without an error message", () => {
    if (process.env.SAIDSO_HOST_DEBUG) console.log(JSON.stringify({ unknown: [...unknown], log: fake.log }, null, 1));
    expect(fake.errors).toEqual([]);
    expect(fake.log.join("\n")).toContain(`Starting ${bin} lsp (found via setting)`);
  });

  it("shows the active document's quote and speaker counts in the status bar", async () => {
    const item = await waitFor("a visible status item", () => fake.statusItems.find((i) => i.visible));
    expect(item.text).toMatch(/^\$\(quote\) \d+ quotes · \d+ speakers?$/);
    const quotes = Number(/(\d+) quotes/.exec(item.text)![1]);
    expect(quotes).toBeGreaterThanOrEqual(7);
  });

  it("shows the unattributed-quote warning (diagnostics pulled by the real client)", async () => {
    const [d] = await waitFor("the orphan quote's diagnostic", () => {
      const ds = saidsoDiagnostics(orphan);
      return ds.length > 0 && ds;
    });
    expect(d.severity).toBe(vscode.DiagnosticSeverity.Warning);
    expect(d.range.start.line).toBe(positionOf(orphan.getText(), '"Nobody').line);
    expect(saidsoDiagnostics(seed)).toEqual([]);
  });

  it("hovers Putin on the `he said` quote", async () => {
    const p = positionOf(seed.getText(), "If we ever have a meeting", 10);
    const hover = (await provider("hover").provideHover(seed, new Position(p.line, p.character), token)) as
      | vscode.Hover
      | undefined;
    expect(hover?.contents.map((c) => c.value).join("\n")).toMatch(/Putin/);
  });

  it("outlines Putin's quotes", async () => {
    const symbols = (await provider("documentSymbol").provideDocumentSymbols(seed, token)) as vscode.DocumentSymbol[];
    const putin = symbols.find((s) => /Putin/.test(s.name));
    expect(putin, JSON.stringify(symbols.map((s) => s.name))).toBeDefined();
    expect(putin!.children.length).toBeGreaterThanOrEqual(7);
  });

  it("shows `— Putin` inlay hints", async () => {
    const whole = new vscode.Range(0, 0, seed.lineCount, 0);
    const hints = (await provider("inlayHints").provideInlayHints(seed, whole, token)) as vscode.InlayHint[];
    const labels = (hints ?? []).map((h) => (typeof h.label === "string" ? h.label : h.label.map((p) => p.value).join("")));
    expect(labels.some((l) => /Putin/.test(l)), JSON.stringify(labels)).toBe(true);
  });

  it("shows the sourcing lens; its command shows who is quoted, then the report", async () => {
    const lenses = (await provider("codeLens").provideCodeLenses(orphan, token)) as vscode.CodeLens[];
    expect(lenses.length).toBe(1);
    const lens = lenses[0];
    expect(lens.range.start.line).toBe(0);
    // The fixture's one quote has no speaker.
    expect(lens.command?.title).toBe("1 quote · 0 speakers · 1 unattributed");
    expect(lens.command?.command).toBe("saidso.speakerTable");
    // Clicking the lens runs the command the client registered for the server.
    fake.pick = (items) => items.find((i) => i.label.includes("Open sourcing report"));
    const run = fake.commands.get(lens.command!.command);
    expect(run, "the client registers the server's command").toBeDefined();
    await run!(...(lens.command!.arguments ?? []));
    const picked = fake.quickPicks.at(-1)!;
    expect(picked.items.map((i) => i.label)).toEqual(["$(preview) Open sourcing report"]);
    expect((picked.options as { title: string }).title).toContain(lens.command!.title);
    // No server-side message: the extension said it displays the table itself.
    expect(fake.log.join("\n")).not.toMatch(/info message: saidso:/);
    // Picking "Open sourcing report" opened the webview with the report's page.
    const panel = await waitFor("the report webview", () => fake.webviews.find((w) => w.html.length > 0));
    expect(panel.title).toBe("Sourcing: orphan-quote.md");
    expect(panel.html).toContain('<article class="story"');
    expect(panel.html).toContain('class="q orphan"');
    expect((panel.options as { enableScripts: boolean }).enableScripts).toBe(true);
    fake.pick = undefined;
  });

  it("opens the sourcing report of the active document from the command palette", async () => {
    await fake.commands.get("saidso.openSourcingReport")!();
    const panel = fake.webviews.find((w) => !w.disposed)!;
    expect(panel.title).toBe("Sourcing: putin-press-conference.txt");
    expect(panel.html).toMatch(/<span class="q s0" data-s="0" title="Vladimir Putin/);
    expect(fake.webviews.length, "one panel, reused").toBe(1);
  });

  it("jumps to a speaker's first quote when picked in the speaker table", async () => {
    fake.pick = (items) => items.find((i) => i.label === "Vladimir Putin");
    await fake.commands.get("saidso.speakerTable")!(seed.uri.toString());
    const shown = await waitFor("the jump", () => fake.shown.at(-1));
    expect(shown.uri).toBe(seed.uri.toString());
    expect(shown.selection!.start.line).toBe(positionOf(seed.getText(), '"You want to present').line);
    fake.pick = undefined;
  });

  it("passes a settings change to the running server (rule as error)", async () => {
    fake.config["saidso.rules"] = { "unattributed-quote": "error" };
    fake.onConfig.fire({ affectsConfiguration: (s: string) => s === "saidso" || s === "saidso.rules" });
    await waitFor("the orphan quote as an error", () =>
      saidsoDiagnostics(orphan).some((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );
    delete fake.config["saidso.rules"];
    fake.onConfig.fire({ affectsConfiguration: (s: string) => s === "saidso" || s === "saidso.rules" });
    await waitFor("back to a warning", () =>
      saidsoDiagnostics(orphan).some((d) => d.severity === vscode.DiagnosticSeverity.Warning),
    );
  });

  it("re-checks when the project's .saidso.toml changes (watched by the client)", async () => {
    const project = fs.mkdtempSync(path.join(tmp, "project-"));
    const draft = openDocument(path.join(project, "draft.md"), "markdown", orphanDoc.text);
    await waitFor("the draft's warning", () =>
      saidsoDiagnostics(draft).some((d) => d.severity === vscode.DiagnosticSeverity.Warning),
    );
    const toml = path.join(project, ".saidso.toml");
    fs.writeFileSync(toml, '[rules]\nunattributed-quote = "error"\n');
    const watcher = fake.watchers.find((w) => w.pattern === "**/.saidso.toml");
    expect(watcher, "the client watches **/.saidso.toml").toBeDefined();
    watcher!.created.fire(vscode.Uri.file(toml));
    await waitFor("the draft's quote as an error, from .saidso.toml", () =>
      saidsoDiagnostics(draft).some((d) => d.severity === vscode.DiagnosticSeverity.Error),
    );
  });

  it("restarts the server on the restart command and works again", async () => {
    for (const item of fake.statusItems) item.visible = false;
    await fake.commands.get("saidso.restartServer")!();
    await waitFor("the status item after restart", () => fake.statusItems.find((i) => i.visible));
    const p = positionOf(seed.getText(), "If we ever have a meeting", 10);
    const hover = (await provider("hover").provideHover(seed, new Position(p.line, p.character), token)) as
      | vscode.Hover
      | undefined;
    expect(hover?.contents.map((c) => c.value).join("\n")).toMatch(/Putin/);
  });

  it("stops the server on deactivate", async () => {
    expect(serverChildren().length).toBe(1); // one server, the restarted one
    deactivated = true;
    await ext.deactivate();
    await waitFor("the server process to exit", () => serverChildren().length === 0, 5000);
  });
});
