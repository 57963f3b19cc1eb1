// A client session with the real `saidso lsp` over stdio, using the protocol stack VS Code's
// language client is built on (vscode-languageserver-protocol).

import { ChildProcess, spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import {
  createProtocolConnection,
  Diagnostic,
  InitializeResult,
  ProtocolConnection,
  PublishDiagnosticsParams,
  StreamMessageReader,
  StreamMessageWriter,
} from "vscode-languageserver-protocol/node";

export const repo = path.resolve(__dirname, "../../../..");
export const bin = process.env.SAIDSO_BIN || path.join(repo, "target", "debug", "saidso");

export interface Doc {
  uri: string;
  text: string;
  languageId: string;
}

function doc(file: string, languageId: string): Doc {
  return { uri: pathToFileURL(file).toString(), text: fs.readFileSync(file, "utf8"), languageId };
}

export const seed = doc(path.join(repo, "examples", "putin-press-conference.txt"), "plaintext");
export const orphan = doc(path.join(repo, "editors", "fixtures", "orphan-quote.md"), "markdown");

export const defaultSettings = { saidso: { enable: true, inlayHints: true, rules: {}, debounceMs: 0 } };

/** Line and UTF-16 character of the first `needle` (plus `delta` code units) in `text`. */
export function positionOf(text: string, needle: string, delta = 0) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`fixture lacks ${JSON.stringify(needle)}`);
  const before = text.slice(0, at + delta);
  const line = before.split("\n").length - 1;
  return { line, character: before.length - (before.lastIndexOf("\n") + 1) };
}

export function unattributed(diags: Diagnostic[]): Diagnostic[] {
  return diags.filter((d) => d.code === "unattributed-quote");
}

/** The client capabilities vscode-languageclient 10 sends (the parts saidso looks at). */
export function vscodeCapabilities(pull: boolean) {
  return {
    general: { positionEncodings: ["utf-16"] },
    workspace: {
      configuration: true,
      didChangeConfiguration: { dynamicRegistration: true },
      workspaceEdit: { documentChanges: true },
      inlayHint: { refreshSupport: true },
      ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
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
      ...(pull ? { diagnostic: { dynamicRegistration: true, relatedDocumentSupport: false } } : {}),
    },
  };
}

export class Session {
  proc!: ChildProcess;
  conn!: ProtocolConnection;
  init!: InitializeResult;
  stderr = "";
  settings: unknown = defaultSettings;
  published = new Map<string, PublishDiagnosticsParams[]>();
  refreshes = 0;
  private waiters: (() => void)[] = [];

  async start(capabilities: object): Promise<void> {
    if (!fs.existsSync(bin)) {
      throw new Error(`no saidso binary at ${bin}: run \`cargo build\` or set SAIDSO_BIN`);
    }
    this.proc = spawn(bin, ["lsp"], { stdio: ["pipe", "pipe", "pipe"] });
    this.proc.stderr!.on("data", (d) => (this.stderr += d.toString()));
    const conn = createProtocolConnection(
      new StreamMessageReader(this.proc.stdout!),
      new StreamMessageWriter(this.proc.stdin!),
    );
    this.conn = conn;
    conn.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, [...(this.published.get(p.uri) ?? []), p]);
      this.wake();
    });
    conn.onUnhandledNotification(() => undefined); // window/logMessage and the like
    conn.onRequest("workspace/configuration", (p: { items: { section?: string }[] }) => {
      const s = this.settings as { saidso: unknown };
      return p.items.map((i) => (i.section === "saidso" ? s.saidso : s));
    });
    conn.onRequest("client/registerCapability", () => null);
    conn.onRequest("client/unregisterCapability", () => null);
    conn.onRequest("window/workDoneProgress/create", () => null);
    conn.onRequest("workspace/inlayHint/refresh", () => null);
    conn.onRequest("workspace/diagnostic/refresh", () => {
      this.refreshes++;
      this.wake();
      return null;
    });
    conn.listen();

    this.init = await conn.sendRequest<InitializeResult>("initialize", {
      processId: process.pid,
      clientInfo: { name: "saidso-protocol-test", version: "0.1.0" },
      rootUri: pathToFileURL(repo).toString(),
      workspaceFolders: [{ uri: pathToFileURL(repo).toString(), name: "saidso" }],
      initializationOptions: this.settings,
      capabilities,
    });
    await conn.sendNotification("initialized", {});
  }

  async open(d: Doc, version = 1): Promise<void> {
    await this.conn.sendNotification("textDocument/didOpen", {
      textDocument: { uri: d.uri, languageId: d.languageId, version, text: d.text },
    });
  }

  async setSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification("workspace/didChangeConfiguration", { settings });
  }

  /** Pulls diagnostics (`textDocument/diagnostic`), as VS Code does for open documents. */
  async pull(uri: string): Promise<Diagnostic[]> {
    const report = await this.conn.sendRequest<{ kind: string; items?: Diagnostic[] }>(
      "textDocument/diagnostic",
      { textDocument: { uri } },
    );
    if (report.kind !== "full") throw new Error(`expected a full report, got ${JSON.stringify(report)}`);
    return report.items ?? [];
  }

  latest(uri: string): PublishDiagnosticsParams | undefined {
    const all = this.published.get(uri);
    return all?.[all.length - 1];
  }

  /** Waits until `check` returns something truthy, re-checking on every server message. */
  waitFor<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, ms = 10_000): Promise<T> {
    return new Promise((resolve, reject) => {
      let done = false;
      const timer = setTimeout(() => {
        done = true;
        reject(new Error(`timed out after ${ms} ms waiting for ${what}\nserver stderr:\n${this.stderr.slice(-3000)}`));
      }, ms);
      const poll = setInterval(() => void attempt(), 100); // for checks that ask the server
      const attempt = async () => {
        if (done) return;
        const v = await check();
        if (v && !done) {
          done = true;
          clearTimeout(timer);
          clearInterval(poll);
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(v);
        }
      };
      const waiter = () => void attempt();
      this.waiters.push(waiter);
      void attempt();
    });
  }

  private wake() {
    for (const w of [...this.waiters]) w();
  }

  /** shutdown + exit; resolves to the exit code ("timeout" if it did not exit in 3 s). */
  async stop(): Promise<number | null | "timeout"> {
    const exited = new Promise<number | null>((r) => {
      if (this.proc.exitCode !== null) r(this.proc.exitCode);
      else this.proc.on("exit", (code) => r(code));
    });
    try {
      await this.conn.sendRequest("shutdown");
      await this.conn.sendNotification("exit");
    } catch {
      // already gone: the exit code says so
    }
    const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), 3000));
    const code = await Promise.race([exited, timeout]);
    this.conn.dispose();
    if (code === "timeout") this.proc.kill("SIGKILL");
    return code;
  }
}
