// The saidso extension: starts `saidso lsp` for Markdown and plain-text files.

import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  ExecuteCommandRequest,
  LanguageClient,
  LanguageClientOptions,
  RevealOutputChannelOn,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";
import * as readline from "node:readline";
import { logServerLine } from "./serverLog";
import { needsRestart, serverSettings } from "./settings";
import { resolveServer } from "./serverPath";
import { DOCUMENT_STATS_METHOD } from "./status";
import { StatsStatusBar } from "./statusBar";
import {
  isSourcingReport,
  isSpeakerTable,
  OPEN_REPORT,
  SOURCING_REPORT,
  SPEAKER_TABLE,
  speakerPicks,
} from "./sourcing";

let client: LanguageClient | undefined;
let output: vscode.LogOutputChannel;
let statusBar: StatsStatusBar | undefined;
// The webview of "saidso: Open sourcing report", reused while it is open.
let reportPanel: vscode.WebviewPanel | undefined;

/** The settings payload the server takes, `{"saidso": {...}}`, logging any ignored values. */
function currentSettings() {
  const problems: string[] = [];
  const settings = serverSettings(vscode.workspace.getConfiguration("saidso"), problems);
  for (const p of problems) output.warn(p);
  return settings;
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("saidso", { log: true });
  context.subscriptions.push(output);

  statusBar = new StatsStatusBar((uri) => {
    if (!client || !client.isRunning()) return undefined;
    // Switched off: no counts either.
    if (vscode.workspace.getConfiguration("saidso").get<boolean>("enable") === false) return undefined;
    return client.sendRequest(DOCUMENT_STATS_METHOD, {
      textDocument: { uri: client.code2ProtocolConverter.asUri(uri) },
    });
  });
  context.subscriptions.push(statusBar);

  context.subscriptions.push(
    vscode.commands.registerCommand("saidso.restartServer", async () => {
      output.info("Restarting the saidso server (command)");
      await stopClient();
      await startClient(context, true);
    }),
    vscode.commands.registerCommand("saidso.showOutput", () => output.show(true)),
    vscode.commands.registerCommand(OPEN_REPORT, (uri?: unknown) => openReport(uri)),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (!e.affectsConfiguration("saidso")) return;
      if (needsRestart((s) => e.affectsConfiguration(s))) {
        output.info("saidso.server.path changed: restarting the server");
        await stopClient();
        await startClient(context, true);
        return;
      }
      // Everything else the server applies on the fly.
      if (client?.isRunning()) {
        await client.sendNotification(DidChangeConfigurationNotification.type, {
          settings: currentSettings(),
        });
        void statusBar?.refresh();
      }
    }),
  );

  await startClient(context, false);
}

async function startClient(context: vscode.ExtensionContext, userAsked: boolean): Promise<void> {
  const config = vscode.workspace.getConfiguration("saidso");
  const resolved = resolveServer({
    configured: config.get<string>("server.path"),
    extensionPath: context.extensionPath,
    workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
  });
  if ("error" in resolved) {
    output.error(resolved.error);
    statusBar?.item.hide();
    // One message, with the two ways out. Not awaited: activation must not wait for the user.
    void vscode.window.showErrorMessage(resolved.error, "Open Settings", "Show Log").then((choice) => {
      if (choice === "Open Settings") {
        void vscode.commands.executeCommand("workbench.action.openSettings", "saidso.server.path");
      } else if (choice === "Show Log") {
        output.show(true);
      }
    });
    return;
  }
  output.info(`Starting ${resolved.command} lsp (found via ${resolved.source})`);

  const serverOptions: ServerOptions = {
    command: resolved.command,
    args: ["lsp"],
    transport: TransportKind.stdio,
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "file", language: "plaintext" },
      { scheme: "untitled", language: "markdown" },
      { scheme: "untitled", language: "plaintext" },
    ],
    initializationOptions: () => currentSettings(),
    // The server re-checks open documents when a project's .saidso.toml changes.
    synchronize: { fileEvents: vscode.workspace.createFileSystemWatcher("**/.saidso.toml") },
    outputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // The server's log, line by line, at the level it was written with.
    stdioOptions: {
      stdout: (input, channel) =>
        readline.createInterface({ input, crlfDelay: Infinity }).on("line", (l) => channel.info(l)),
      stderr: (input, channel) =>
        readline.createInterface({ input, crlfDelay: Infinity }).on("line", (l) => logServerLine(l, channel)),
    },
    middleware: {
      // The code lens runs the server's speaker-table command; show its answer here, as a
      // quick pick, and tell the server so (it shows the table itself to other clients).
      executeCommand: async (command, args, next) => {
        if (command !== SPEAKER_TABLE) return next(command, args);
        const table = await next(command, [args[0], { display: "client" }]);
        await showSpeakerTable(table, args[0]);
        return table;
      },
      workspace: {
        // If the server asks for its settings, give it the same mapped payload.
        configuration: async (params, token, next) => {
          const fallback = await next(params, token);
          if (!Array.isArray(fallback)) return fallback;
          const settings = currentSettings();
          return params.items.map((item, i) => {
            if (item.section === "saidso") return settings.saidso;
            if (!item.section) return settings;
            return fallback[i];
          });
        },
      },
    },
  };

  // The id "saidso" makes the client honour `saidso.trace.server`.
  client = new LanguageClient("saidso", "saidso", serverOptions, clientOptions);
  try {
    await client.start();
    void statusBar?.refresh();
  } catch (err) {
    const message = `saidso: the server at ${resolved.command} failed to start: ${String(err)}`;
    output.error(message);
    if (userAsked) void vscode.window.showErrorMessage(message);
  }
}

/** The document a command is about: its argument (a URI string or Uri), else the active editor's. */
function targetDocument(arg: unknown): vscode.Uri | undefined {
  if (typeof arg === "string") return vscode.Uri.parse(arg);
  if (arg instanceof vscode.Uri) return arg;
  return vscode.window.activeTextEditor?.document.uri;
}

async function showSpeakerTable(table: unknown, uriArg: unknown): Promise<void> {
  if (!isSpeakerTable(table)) {
    output.warn(`saidso: unexpected speaker table from the server: ${JSON.stringify(table)}`);
    return;
  }
  const picked = await vscode.window.showQuickPick(speakerPicks(table), {
    title: `Who is quoted: ${table.summary}`,
    placeHolder: "Pick a speaker to go to their first quote",
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!picked) return;
  const uri = targetDocument(uriArg);
  if (picked.openReport) {
    await openReport(uri);
  } else if (picked.range && uri) {
    const r = picked.range;
    const range = new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);
    await vscode.window.showTextDocument(uri, { selection: range });
  }
}

/** "saidso: Open sourcing report": the server's page for the document, in a webview. */
async function openReport(uriArg: unknown): Promise<void> {
  const uri = targetDocument(uriArg);
  if (!uri) {
    void vscode.window.showInformationMessage("saidso: open a Markdown or text article first.");
    return;
  }
  if (!client || !client.isRunning()) {
    void vscode.window.showWarningMessage("saidso: the server is not running.");
    return;
  }
  let report: unknown;
  try {
    report = await client.sendRequest(ExecuteCommandRequest.type, {
      command: SOURCING_REPORT,
      arguments: [client.code2ProtocolConverter.asUri(uri)],
    });
  } catch (err) {
    void vscode.window.showErrorMessage(`saidso: no sourcing report: ${String(err)}`);
    return;
  }
  if (!isSourcingReport(report)) {
    output.warn(`saidso: unexpected report from the server: ${JSON.stringify(report)}`);
    return;
  }
  if (!reportPanel) {
    // The page is self-contained; its own Content-Security-Policy allows only inline style and
    // script, and it loads nothing.
    reportPanel = vscode.window.createWebviewPanel(
      "saidso.sourcingReport",
      report.title,
      { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
      { enableScripts: true, localResourceRoots: [] },
    );
    reportPanel.onDidDispose(() => (reportPanel = undefined));
  }
  reportPanel.title = report.title;
  reportPanel.webview.html = report.html;
  reportPanel.reveal(undefined, true);
}

async function stopClient(): Promise<void> {
  const old = client;
  client = undefined;
  statusBar?.item.hide();
  if (!old) return;
  try {
    await old.dispose(2000);
  } catch (err) {
    output.warn(`saidso: stopping the server: ${String(err)}`);
  }
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
