// A status-bar item showing the active document's quote and speaker counts.

import * as vscode from "vscode";
import { isDocumentStats, statusText, statusTooltip } from "./status";

/** Asks the server for `saidso/documentStats`; undefined when no server is running. */
export type StatsRequester = (uri: vscode.Uri) => Promise<unknown> | undefined;

export const STATS_LANGUAGES = ["markdown", "plaintext"];

export class StatsStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;

  constructor(
    private readonly requestStats: StatsRequester,
    private readonly delayMs = 300,
  ) {
    this.item = vscode.window.createStatusBarItem("saidso.stats", vscode.StatusBarAlignment.Right, 100);
    this.item.name = "saidso";
    // The outline of speakers and their quotes, as a quick pick.
    this.item.command = "workbench.action.gotoSymbol";
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document) this.schedule();
      }),
      // Diagnostics arrive after the server has analysed an edit: a good moment to ask again.
      vscode.languages.onDidChangeDiagnostics((e) => {
        const active = vscode.window.activeTextEditor?.document.uri.toString();
        if (active && e.uris.some((u) => u.toString() === active)) this.schedule();
      }),
    );
  }

  /** Refreshes after a short pause, so typing does not send a request per keystroke. */
  schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.refresh();
    }, this.delayMs);
  }

  /** Asks the server now and shows the answer; hides the item when there is nothing to show. */
  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    if (!doc || !STATS_LANGUAGES.includes(doc.languageId)) {
      this.item.hide();
      return;
    }
    let stats: unknown;
    try {
      stats = await this.requestStats(doc.uri);
    } catch {
      stats = undefined; // server busy, restarting or without the request: show nothing
    }
    if (generation !== this.generation) return; // a newer refresh has started
    if (!isDocumentStats(stats)) {
      this.item.hide();
      return;
    }
    this.item.text = statusText(stats);
    this.item.tooltip = statusTooltip(stats);
    this.item.show();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
