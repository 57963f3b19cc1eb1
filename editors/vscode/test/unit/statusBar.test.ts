import { beforeEach, describe, expect, it, vi } from "vitest";
import * as vscode from "vscode";
import { StatsStatusBar } from "../../src/statusBar";
import { mock, resetMock, Uri } from "./vscode-mock";

const stats = { quotes: 10, speakers: 1, unattributed: 0, claims: 2 };

function open(languageId: string, file = `/doc.${languageId}`) {
  mock.activeEditor = { document: { uri: Uri.file(file), languageId } };
}

describe("StatsStatusBar", () => {
  beforeEach(() => resetMock());

  it("shows the counts of a Markdown document and opens the outline on click", async () => {
    const request = vi.fn(async () => stats);
    const bar = new StatsStatusBar(request);
    open("markdown");
    await bar.refresh();
    const item = mock.statusItems[0];
    expect(request).toHaveBeenCalledWith(mock.activeEditor!.document.uri);
    expect(item.visible).toBe(true);
    expect(item.text).toBe("$(quote) 10 quotes · 1 speaker");
    expect(item.alignment).toBe(vscode.StatusBarAlignment.Right);
    expect(item.command).toBe("workbench.action.gotoSymbol");
    bar.dispose();
  });

  it("is hidden for other languages and does not ask the server", async () => {
    const request = vi.fn(async () => stats);
    const bar = new StatsStatusBar(request);
    open("typescript");
    await bar.refresh();
    expect(request).not.toHaveBeenCalled();
    expect(mock.statusItems[0].visible).toBe(false);
    bar.dispose();
  });

  it("is hidden when no server runs, the request fails, or the answer is malformed", async () => {
    for (const answer of [
      () => undefined,
      () => Promise.reject(new Error("MethodNotFound")),
      () => Promise.resolve({ nope: 1 }),
    ]) {
      resetMock();
      const bar = new StatsStatusBar(answer as never);
      open("plaintext");
      await bar.refresh();
      expect(mock.statusItems[0].visible).toBe(false);
      bar.dispose();
    }
  });

  it("refreshes when the active editor changes", async () => {
    const request = vi.fn(async () => stats);
    const bar = new StatsStatusBar(request);
    open("plaintext");
    await mock.onActiveEditor.fire(undefined);
    await vi.waitFor(() => expect(mock.statusItems[0].visible).toBe(true));
    bar.dispose();
  });

  it("debounces edits and diagnostics of the active document into one request", async () => {
    vi.useFakeTimers();
    try {
      const request = vi.fn(async () => stats);
      const bar = new StatsStatusBar(request, 300);
      open("markdown", "/a.md");
      const doc = mock.activeEditor!.document;
      await mock.onTextChange.fire({ document: doc });
      await mock.onTextChange.fire({ document: doc });
      await mock.onDiagnostics.fire({ uris: [Uri.file("/a.md")] });
      await mock.onDiagnostics.fire({ uris: [Uri.file("/other.md")] });
      expect(request).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(350);
      expect(request).toHaveBeenCalledTimes(1);
      bar.dispose();
    } finally {
      vi.useRealTimers();
    }
  });

  it("ignores a slow answer that a newer refresh has overtaken", async () => {
    let releaseFirst: (v: unknown) => void = () => undefined;
    const answers = [
      new Promise((r) => (releaseFirst = r)),
      Promise.resolve({ ...stats, quotes: 2 }),
    ];
    const bar = new StatsStatusBar(() => answers.shift());
    open("markdown");
    const first = bar.refresh();
    await bar.refresh();
    releaseFirst({ ...stats, quotes: 99 });
    await first;
    expect(mock.statusItems[0].text).toBe("$(quote) 2 quotes · 1 speaker");
    bar.dispose();
  });
});
