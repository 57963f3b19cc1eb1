// activate() with VS Code and the language client both faked: what is started, with what, and
// what happens on settings changes, the restart command and a missing binary.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import * as extension from "../../src/extension";
import { mock, resetMock, Uri } from "./vscode-mock";

const clients = vi.hoisted(() => [] as FakeClientShape[]);
interface FakeClientShape {
  id: string;
  serverOptions: { command: string; args: string[] };
  clientOptions: {
    documentSelector: { scheme: string; language: string }[];
    initializationOptions: () => unknown;
    middleware: {
      workspace: {
        configuration: (p: unknown, t: unknown, next: (p: unknown, t: unknown) => unknown) => Promise<unknown>;
      };
    };
  };
  notifications: [unknown, unknown][];
  requests: [string, unknown][];
  running: boolean;
  disposed: boolean;
}

vi.mock("vscode-languageclient/node", () => {
  class LanguageClient {
    notifications: [unknown, unknown][] = [];
    requests: [string, unknown][] = [];
    running = false;
    disposed = false;
    code2ProtocolConverter = { asUri: (u: { toString(): string }) => u.toString() };
    constructor(
      public id: string,
      public name: string,
      public serverOptions: unknown,
      public clientOptions: unknown,
    ) {
      clients.push(this as unknown as FakeClientShape);
    }
    async start() {
      this.running = true;
    }
    isRunning() {
      return this.running;
    }
    async dispose() {
      this.running = false;
      this.disposed = true;
    }
    async sendNotification(type: unknown, params: unknown) {
      this.notifications.push([type, params]);
    }
    async sendRequest(method: string, params: unknown) {
      this.requests.push([method, params]);
      return { quotes: 3, speakers: 2, unattributed: 1, claims: 0 };
    }
  }
  return {
    LanguageClient,
    TransportKind: { stdio: 0 },
    RevealOutputChannelOn: { Never: 4 },
    DidChangeConfigurationNotification: { type: { method: "workspace/didChangeConfiguration" } },
  };
});

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "saidso-ext-"));
const fakeServer = path.join(dir, "saidso");
fs.writeFileSync(fakeServer, "#!/bin/sh\nexit 0\n", { mode: 0o755 });
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function context() {
  return { subscriptions: [] as { dispose(): unknown }[], extensionPath: path.join(dir, "ext") };
}

// The module keeps its client in module state; activate() sets all of it up again.
async function freshExtension() {
  return extension;
}

describe("activate", () => {
  beforeEach(() => {
    resetMock();
    clients.length = 0;
    // No saidso on PATH and nothing bundled, unless a test says so.
    vi.stubEnv("PATH", path.join(dir, "empty"));
  });

  it("shows exactly one error, naming the fix, when no binary can be found", async () => {
    const ext = await freshExtension();
    await ext.activate(context() as never);
    expect(clients).toHaveLength(0);
    expect(mock.errors).toHaveLength(1);
    expect(mock.errors[0]).toContain("saidso.server.path");
    expect(mock.log.lines.some((l) => l.startsWith("error:"))).toBe(true);
    // activate() returned while the message is still up; its button opens the setting.
    mock.errorAnswers[0]("Open Settings");
    await vi.waitFor(() =>
      expect(mock.executed).toContainEqual(["workbench.action.openSettings", "saidso.server.path"]),
    );
    await ext.deactivate();
  });

  it("starts `<server.path> lsp` for Markdown and plain text with the settings as init options", async () => {
    mock.config["saidso.server.path"] = fakeServer;
    mock.config["saidso.rules"] = { "unattributed-quote": "error" };
    mock.config["saidso.debounceMs"] = 75;
    const ext = await freshExtension();
    await ext.activate(context() as never);
    expect(mock.errors).toEqual([]);
    expect(clients).toHaveLength(1);
    const c = clients[0];
    expect(c.id).toBe("saidso"); // makes the client honour saidso.trace.server
    expect(c.serverOptions).toMatchObject({ command: fakeServer, args: ["lsp"] });
    expect(mock.watchers).toEqual(["**/.saidso.toml"]); // re-check when the project config changes
    const langs = c.clientOptions.documentSelector.map((s) => s.language);
    expect(new Set(langs)).toEqual(new Set(["markdown", "plaintext"]));
    expect(c.clientOptions.initializationOptions()).toEqual({
      saidso: { enable: true, inlayHints: true, rules: { "unattributed-quote": "error" }, debounceMs: 75 },
    });
    await ext.deactivate();
    expect(c.disposed).toBe(true);
  });

  it("uses the binary bundled in server/ when no path is set", async () => {
    const ctx = context();
    fs.mkdirSync(path.join(ctx.extensionPath, "server"), { recursive: true });
    fs.copyFileSync(fakeServer, path.join(ctx.extensionPath, "server", "saidso"));
    const ext = await freshExtension();
    await ext.activate(ctx as never);
    expect(clients[0].serverOptions.command).toBe(path.join(ctx.extensionPath, "server", "saidso"));
    fs.rmSync(path.join(ctx.extensionPath, "server"), { recursive: true });
    await ext.deactivate();
  });

  it("passes settings changes on without a restart", async () => {
    mock.config["saidso.server.path"] = fakeServer;
    const ext = await freshExtension();
    await ext.activate(context() as never);
    mock.config["saidso.inlayHints"] = false;
    mock.config["saidso.rules"] = { "ambiguous-speaker": "off" };
    await mock.onConfig.fire({ affectsConfiguration: (s) => s === "saidso" || s === "saidso.rules" });
    expect(clients).toHaveLength(1);
    const [type, params] = clients[0].notifications[0];
    expect(type).toEqual({ method: "workspace/didChangeConfiguration" });
    expect(params).toEqual({
      settings: {
        saidso: { enable: true, inlayHints: false, rules: { "ambiguous-speaker": "off" }, debounceMs: 50 },
      },
    });
    // Unrelated sections are ignored.
    await mock.onConfig.fire({ affectsConfiguration: (s) => s === "editor" });
    expect(clients[0].notifications).toHaveLength(1);
    await ext.deactivate();
  });

  it("answers workspace/configuration for the saidso section with the mapped settings", async () => {
    mock.config["saidso.server.path"] = fakeServer;
    const ext = await freshExtension();
    await ext.activate(context() as never);
    const mw = clients[0].clientOptions.middleware.workspace.configuration;
    const out = await mw(
      { items: [{ section: "saidso" }, { section: "editor" }] },
      undefined,
      () => [{ raw: true }, { tabSize: 4 }],
    );
    expect(out).toEqual([{ enable: true, inlayHints: true, rules: {}, debounceMs: 50 }, { tabSize: 4 }]);
    await ext.deactivate();
  });

  it("restarts on saidso.server.path changes and on the restart command", async () => {
    mock.config["saidso.server.path"] = fakeServer;
    const ext = await freshExtension();
    await ext.activate(context() as never);
    await mock.onConfig.fire({ affectsConfiguration: (s) => s.startsWith("saidso") });
    expect(clients).toHaveLength(2);
    expect(clients[0].disposed).toBe(true);
    expect(clients[1].running).toBe(true);
    await mock.commands.get("saidso.restartServer")!();
    expect(clients).toHaveLength(3);
    expect(clients[1].disposed).toBe(true);
    expect(clients[2].running).toBe(true);
    await ext.deactivate();
  });

  it("asks the server for saidso/documentStats for the status bar", async () => {
    mock.config["saidso.server.path"] = fakeServer;
    mock.activeEditor = { document: { uri: Uri.file("/article.md"), languageId: "markdown" } };
    const ext = await freshExtension();
    await ext.activate(context() as never);
    await vi.waitFor(() => expect(clients[0].requests).toHaveLength(1));
    expect(clients[0].requests[0]).toEqual([
      "saidso/documentStats",
      { textDocument: { uri: "file:///article.md" } },
    ]);
    await vi.waitFor(() =>
      expect(mock.statusItems[0].text).toBe("$(quote) 3 quotes · 2 speakers · $(warning) 1 unattributed"),
    );
    expect(mock.statusItems[0].visible).toBe(true);
    // saidso.enable = false hides the counts along with everything else.
    mock.config["saidso.enable"] = false;
    await mock.onConfig.fire({ affectsConfiguration: (s) => s === "saidso" || s === "saidso.enable" });
    await vi.waitFor(() => expect(mock.statusItems[0].visible).toBe(false));
    await ext.deactivate();
  });
});
