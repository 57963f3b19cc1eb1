// A stand-in for the `vscode` module, faithful enough for the real vscode-languageclient to
// start, sync documents and convert results, so the bundled extension can be activated
// against the real server without VS Code (which cannot be downloaded in CI).
//
// Only what the client and the extension touch is modelled; anything else is a no-op
// (functions return a disposable, classes keep their arguments) and is recorded in `unknown`.

import * as path from "node:path";
import { pathToFileURL, fileURLToPath } from "node:url";

type Listener<T> = (e: T) => unknown;

export const unknown = new Set<string>();

export class Disposable {
  static from(...items: { dispose(): unknown }[]) {
    return new Disposable(() => items.forEach((i) => i?.dispose?.()));
  }
  constructor(private readonly fn: () => unknown = () => undefined) {}
  dispose() {
    this.fn();
  }
}

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (listener: Listener<T>, thisArg?: unknown, disposables?: Disposable[]) => {
    const bound = thisArg ? listener.bind(thisArg) : listener;
    this.listeners.push(bound);
    const d = new Disposable(() => (this.listeners = this.listeners.filter((l) => l !== bound)));
    disposables?.push(d);
    return d;
  };
  fire(e: T) {
    for (const l of [...this.listeners]) l(e);
  }
  dispose() {
    this.listeners = [];
  }
}

export class CancellationError extends Error {}
export class CancellationTokenSource {
  private emitter = new EventEmitter<void>();
  token = { isCancellationRequested: false, onCancellationRequested: this.emitter.event };
  cancel() {
    this.token.isCancellationRequested = true;
    this.emitter.fire();
  }
  dispose() {}
}

export class Uri {
  constructor(
    readonly scheme: string,
    readonly authority: string,
    readonly path: string,
    readonly query = "",
    readonly fragment = "",
  ) {}
  static file(p: string) {
    return new Uri("file", "", path.resolve(p));
  }
  static parse(s: string) {
    const u = new URL(s);
    return u.protocol === "file:"
      ? new Uri("file", "", fileURLToPath(u))
      : new Uri(u.protocol.slice(0, -1), u.host, decodeURIComponent(u.pathname), u.search.slice(1), u.hash.slice(1));
  }
  get fsPath() {
    return this.path;
  }
  with(change: Partial<Uri>) {
    return new Uri(change.scheme ?? this.scheme, change.authority ?? this.authority, change.path ?? this.path);
  }
  toString() {
    return this.scheme === "file" ? pathToFileURL(this.path).toString() : `${this.scheme}://${this.authority}${this.path}`;
  }
  toJSON() {
    return this.toString();
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
  isBefore(o: Position) {
    return this.line < o.line || (this.line === o.line && this.character < o.character);
  }
  isEqual(o: Position) {
    return this.line === o.line && this.character === o.character;
  }
}

export class Range {
  readonly start: Position;
  readonly end: Position;
  constructor(a: Position | number, b: Position | number, c?: number, d?: number) {
    if (typeof a === "number") {
      this.start = new Position(a, b as number);
      this.end = new Position(c!, d!);
    } else {
      this.start = a;
      this.end = b as Position;
    }
  }
  get isEmpty() {
    return this.start.isEqual(this.end);
  }
  contains(p: Position) {
    return !p.isBefore(this.start) && !this.end.isBefore(p);
  }
}

export class Selection extends Range {}

export class MarkdownString {
  isTrusted?: boolean;
  supportThemeIcons?: boolean;
  supportHtml?: boolean;
  constructor(public value = "", supportThemeIcons = false) {
    this.supportThemeIcons = supportThemeIcons;
  }
  appendMarkdown(s: string) {
    this.value += s;
    return this;
  }
  appendText(s: string) {
    this.value += s;
    return this;
  }
  appendCodeblock(s: string, lang = "") {
    this.value += `\n\`\`\`${lang}\n${s}\n\`\`\`\n`;
    return this;
  }
}

export class Hover {
  contents: MarkdownString[];
  constructor(contents: MarkdownString | MarkdownString[], public range?: Range) {
    this.contents = Array.isArray(contents) ? contents : [contents];
  }
}

export class Location {
  constructor(public uri: Uri, public range: Range) {}
}

export class Diagnostic {
  code?: string | number | { value: string | number };
  source?: string;
  tags?: number[];
  relatedInformation?: unknown[];
  constructor(public range: Range, public message: string, public severity = 0) {}
}

export class DiagnosticRelatedInformation {
  constructor(public location: Location, public message: string) {}
}

export class DocumentSymbol {
  children: DocumentSymbol[] = [];
  tags?: number[];
  constructor(
    public name: string,
    public detail: string,
    public kind: number,
    public range: Range,
    public selectionRange: Range,
  ) {}
}

export class SymbolInformation {
  constructor(public name: string, public kind: number, public containerName: string, public location: Location) {}
}

export class InlayHint {
  paddingLeft?: boolean;
  paddingRight?: boolean;
  tooltip?: unknown;
  textEdits?: unknown[];
  constructor(public position: Position, public label: string | InlayHintLabelPart[], public kind?: number) {}
}

export class InlayHintLabelPart {
  tooltip?: unknown;
  location?: Location;
  command?: unknown;
  constructor(public value: string) {}
}

export class TextEdit {
  constructor(public range: Range, public newText: string) {}
  static replace(range: Range, newText: string) {
    return new TextEdit(range, newText);
  }
}

export class WorkspaceEdit {
  edits: unknown[] = [];
  set(uri: Uri, edits: unknown[]) {
    this.edits.push([uri, edits]);
  }
  replace(uri: Uri, range: Range, newText: string) {
    this.edits.push([uri, [new TextEdit(range, newText)]]);
  }
}

export class CodeActionKind {
  static readonly Empty = new CodeActionKind("");
  static readonly QuickFix = new CodeActionKind("quickfix");
  static readonly Refactor = new CodeActionKind("refactor");
  static readonly RefactorExtract = new CodeActionKind("refactor.extract");
  static readonly RefactorInline = new CodeActionKind("refactor.inline");
  static readonly RefactorRewrite = new CodeActionKind("refactor.rewrite");
  static readonly RefactorMove = new CodeActionKind("refactor.move");
  static readonly Source = new CodeActionKind("source");
  static readonly SourceOrganizeImports = new CodeActionKind("source.organizeImports");
  static readonly SourceFixAll = new CodeActionKind("source.fixAll");
  static readonly Notebook = new CodeActionKind("notebook");
  constructor(readonly value: string) {}
  append(part: string) {
    return new CodeActionKind(this.value ? `${this.value}.${part}` : part);
  }
  contains(other: CodeActionKind) {
    return this.value === "" || other.value === this.value || other.value.startsWith(this.value + ".");
  }
  intersects(other: CodeActionKind) {
    return this.contains(other) || other.contains(this);
  }
}

export class CodeAction {
  diagnostics?: Diagnostic[];
  edit?: WorkspaceEdit;
  command?: unknown;
  isPreferred?: boolean;
  constructor(public title: string, public kind?: CodeActionKind) {}
}

export class CodeLens {
  command?: { title: string; command: string; arguments?: unknown[] };
  constructor(
    public range: Range,
    command?: { title: string; command: string; arguments?: unknown[] },
  ) {
    this.command = command;
  }
  get isResolved() {
    return !!this.command;
  }
}

export class DocumentHighlight {
  constructor(public range: Range, public kind?: number) {}
}

export class TabInputText {
  constructor(readonly uri: Uri) {}
}
export class TabInputTextDiff {
  constructor(readonly original: Uri, readonly modified: Uri) {}
}
export class TabInputCustom {
  constructor(readonly uri: Uri, readonly viewType: string) {}
}
export class TabInputNotebook {
  constructor(readonly uri: Uri, readonly notebookType: string) {}
}
export class RelativePattern {
  constructor(public base: unknown, public pattern: string) {}
}

export const DiagnosticSeverity = { Error: 0, Warning: 1, Information: 2, Hint: 3 } as const;
export const DiagnosticTag = { Unnecessary: 1, Deprecated: 2 } as const;
export const SymbolKind = Object.fromEntries(
  [
    "File", "Module", "Namespace", "Package", "Class", "Method", "Property", "Field", "Constructor",
    "Enum", "Interface", "Function", "Variable", "Constant", "String", "Number", "Boolean", "Array",
    "Object", "Key", "Null", "EnumMember", "Struct", "Event", "Operator", "TypeParameter",
  ].map((k, i) => [k, i]),
);
export const SymbolTag = { Deprecated: 1 } as const;
export const InlayHintKind = { Type: 1, Parameter: 2 } as const;
export const DocumentHighlightKind = { Text: 0, Read: 1, Write: 2 } as const;
export const StatusBarAlignment = { Left: 1, Right: 2 } as const;
export const ViewColumn = { Active: -1, Beside: -2, One: 1, Two: 2 } as const;
export const ProgressLocation = { SourceControl: 1, Window: 10, Notification: 15 } as const;
export const LogLevel = { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 } as const;
export const TextDocumentSaveReason = { Manual: 1, AfterDelay: 2, FocusOut: 3 } as const;
export const CodeActionTriggerKind = { Invoke: 1, Automatic: 2 } as const;
export const ConfigurationTarget = { Global: 1, Workspace: 2, WorkspaceFolder: 3 } as const;
export const EndOfLine = { LF: 1, CRLF: 2 } as const;

// ---- documents, editors, settings ----------------------------------------------------------

export class FakeTextDocument {
  isClosed = false;
  isDirty = false;
  isUntitled = false;
  eol = EndOfLine.LF;
  constructor(
    readonly uri: Uri,
    readonly languageId: string,
    public version: number,
    private text: string,
  ) {}
  get fileName() {
    return this.uri.fsPath;
  }
  getText(range?: Range) {
    if (!range) return this.text;
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }
  setText(text: string) {
    this.text = text;
    this.version++;
  }
  get lineCount() {
    return this.text.split("\n").length;
  }
  lineAt(line: number | Position) {
    const n = typeof line === "number" ? line : line.line;
    const text = this.text.split("\n")[n] ?? "";
    return { lineNumber: n, text, range: new Range(n, 0, n, text.length), isEmptyOrWhitespace: !text.trim() };
  }
  offsetAt(p: Position) {
    const lines = this.text.split("\n");
    let off = 0;
    for (let i = 0; i < p.line && i < lines.length; i++) off += lines[i].length + 1;
    return off + p.character;
  }
  positionAt(offset: number) {
    const before = this.text.slice(0, offset);
    const line = before.split("\n").length - 1;
    return new Position(line, before.length - (before.lastIndexOf("\n") + 1));
  }
  getWordRangeAtPosition() {
    return undefined;
  }
  validateRange(r: Range) {
    return r;
  }
  validatePosition(p: Position) {
    return p;
  }
  save() {
    return Promise.resolve(true);
  }
}

export const fake = {
  config: {} as Record<string, unknown>,
  documents: [] as FakeTextDocument[],
  activeEditor: undefined as { document: FakeTextDocument } | undefined,
  diagnostics: new Map<string, Map<string, Diagnostic[]>>(), // collection name -> uri -> list
  providers: new Map<string, { selector: unknown; provider: Record<string, (...a: unknown[]) => unknown> }[]>(),
  commands: new Map<string, (...a: unknown[]) => unknown>(),
  statusItems: [] as { text: string; tooltip?: string; visible: boolean }[],
  errors: [] as string[],
  log: [] as string[],
  watchers: [] as { pattern: string; created: EventEmitter<Uri>; changed: EventEmitter<Uri>; deleted: EventEmitter<Uri> }[],
  /** Quick picks shown, with their items; `pick` chooses the answer (default: none). */
  quickPicks: [] as { items: { label: string }[]; options: unknown }[],
  pick: undefined as ((items: { label: string }[]) => unknown) | undefined,
  /** Webview panels created, with what they show. */
  webviews: [] as { viewType: string; title: string; html: string; options: unknown; disposed: boolean }[],
  /** Documents shown with showTextDocument, with the selection asked for. */
  shown: [] as { uri: string; selection?: Range }[],
  onConfig: new EventEmitter<{ affectsConfiguration(s: string): boolean }>(),
  onOpen: new EventEmitter<FakeTextDocument>(),
  onClose: new EventEmitter<FakeTextDocument>(),
  onChange: new EventEmitter<unknown>(),
  onActiveEditor: new EventEmitter<unknown>(),
  onVisibleEditors: new EventEmitter<unknown>(),
  onTabs: new EventEmitter<unknown>(),
  onDiagnostics: new EventEmitter<{ uris: Uri[] }>(),
};

/** Opens a document as VS Code does: visible in a tab, didOpen listeners told. */
export function openDocument(file: string, languageId: string, text: string): FakeTextDocument {
  const doc = new FakeTextDocument(Uri.file(file), languageId, 1, text);
  fake.documents.push(doc);
  fake.onTabs.fire({ opened: [], closed: [], changed: [] });
  fake.onOpen.fire(doc);
  return doc;
}

export function setActive(doc: FakeTextDocument | undefined) {
  fake.activeEditor = doc ? { document: doc } : undefined;
  fake.onActiveEditor.fire(fake.activeEditor);
}

export function editDocument(doc: FakeTextDocument, text: string) {
  const old = doc.getText();
  const end = doc.positionAt(old.length);
  doc.setText(text);
  fake.onChange.fire({
    document: doc,
    contentChanges: [{ range: new Range(new Position(0, 0), end), rangeOffset: 0, rangeLength: old.length, text }],
    reason: undefined,
  });
}

function configuration(section?: string) {
  const prefix = section ? `${section}.` : "";
  const get = <T>(key: string, dflt?: T): T | undefined => {
    const full = prefix + key;
    if (full in fake.config) return fake.config[full] as T;
    // A whole section: collect its keys into an object.
    const out: Record<string, unknown> = {};
    let found = false;
    for (const [k, v] of Object.entries(fake.config)) {
      if (k.startsWith(full + ".")) {
        found = true;
        const parts = k.slice(full.length + 1).split(".");
        let o = out;
        for (const p of parts.slice(0, -1)) o = (o[p] = (o[p] as Record<string, unknown>) ?? {}) as Record<string, unknown>;
        o[parts[parts.length - 1]] = v;
      }
    }
    return found ? (out as T) : dflt;
  };
  return {
    get,
    has: (key: string) => get(key) !== undefined,
    inspect: (key: string) => ({ key, globalValue: get(key) }),
    update: async () => undefined,
  };
}

function matchSelector(selector: unknown, doc: FakeTextDocument): number {
  const filters = Array.isArray(selector) ? selector : [selector];
  let best = 0;
  for (const f of filters) {
    if (typeof f === "string") {
      if (f === doc.languageId || f === "*") best = Math.max(best, 10);
      continue;
    }
    const filter = f as { language?: string; scheme?: string; pattern?: unknown };
    if (filter.language && filter.language !== doc.languageId && filter.language !== "*") continue;
    if (filter.scheme && filter.scheme !== doc.uri.scheme && filter.scheme !== "*") continue;
    best = Math.max(best, 10);
  }
  return best;
}

/** A namespace whose missing members are no-op functions returning a disposable. */
function namespace<T extends object>(name: string, impl: T): T {
  return new Proxy(impl, {
    get(target, prop, receiver) {
      if (typeof prop === "symbol" || prop in target) return Reflect.get(target, prop, receiver);
      unknown.add(`${name}.${String(prop)}`);
      return () => new Disposable();
    },
  });
}

function register(kind: string) {
  return (selector: unknown, provider: Record<string, (...a: unknown[]) => unknown>) => {
    const list = fake.providers.get(kind) ?? [];
    const entry = { selector, provider };
    list.push(entry);
    fake.providers.set(kind, list);
    return new Disposable(() => fake.providers.set(kind, (fake.providers.get(kind) ?? []).filter((e) => e !== entry)));
  };
}

export const version = "1.91.0";

export const env = namespace("env", {
  appName: "Fake Code",
  language: "en",
  machineId: "fake",
  sessionId: "fake",
  uiKind: 1,
  openExternal: async () => true,
});

export const workspace = namespace("workspace", {
  get textDocuments() {
    return fake.documents.filter((d) => !d.isClosed);
  },
  notebookDocuments: [] as unknown[],
  workspaceFolders: undefined as unknown,
  getConfiguration: configuration,
  getWorkspaceFolder: () => undefined,
  onDidChangeConfiguration: fake.onConfig.event,
  onDidOpenTextDocument: fake.onOpen.event,
  onDidCloseTextDocument: fake.onClose.event,
  onDidChangeTextDocument: fake.onChange.event,
  onDidSaveTextDocument: new EventEmitter().event,
  onWillSaveTextDocument: new EventEmitter().event,
  onDidChangeWorkspaceFolders: new EventEmitter().event,
  onDidOpenNotebookDocument: new EventEmitter().event,
  onDidCloseNotebookDocument: new EventEmitter().event,
  onDidChangeNotebookDocument: new EventEmitter().event,
  onDidSaveNotebookDocument: new EventEmitter().event,
  createFileSystemWatcher: (pattern: string) => {
    const w = {
      pattern,
      created: new EventEmitter<Uri>(),
      changed: new EventEmitter<Uri>(),
      deleted: new EventEmitter<Uri>(),
    };
    fake.watchers.push(w);
    return {
      onDidCreate: w.created.event,
      onDidChange: w.changed.event,
      onDidDelete: w.deleted.event,
      ignoreCreateEvents: false,
      ignoreChangeEvents: false,
      ignoreDeleteEvents: false,
      dispose() {},
    };
  },
  applyEdit: async () => true,
});

function outputChannel(name: string) {
  const line = (level: string) => (msg: string) => fake.log.push(`[${name}] ${level}: ${msg}`);
  return {
    name,
    logLevel: LogLevel.Info,
    onDidChangeLogLevel: new EventEmitter().event,
    append: (s: string) => fake.log.push(`[${name}] ${s}`),
    appendLine: (s: string) => fake.log.push(`[${name}] ${s}`),
    replace: () => undefined,
    clear: () => undefined,
    show: () => undefined,
    hide: () => undefined,
    dispose: () => undefined,
    trace: line("trace"),
    debug: line("debug"),
    info: line("info"),
    warn: line("warn"),
    error: line("error"),
  };
}

export const window = namespace("window", {
  get activeTextEditor() {
    return fake.activeEditor;
  },
  get visibleTextEditors() {
    return fake.activeEditor ? [fake.activeEditor] : [];
  },
  tabGroups: {
    get all() {
      return [{ tabs: fake.documents.filter((d) => !d.isClosed).map((d) => ({ input: new TabInputText(d.uri) })) }];
    },
    onDidChangeTabs: fake.onTabs.event,
    onDidChangeTabGroups: new EventEmitter().event,
  },
  onDidChangeActiveTextEditor: fake.onActiveEditor.event,
  onDidChangeVisibleTextEditors: fake.onVisibleEditors.event,
  createOutputChannel: outputChannel,
  createStatusBarItem: () => {
    const item = {
      text: "",
      tooltip: undefined as string | undefined,
      command: undefined as unknown,
      name: undefined as string | undefined,
      visible: false,
      show() {
        item.visible = true;
      },
      hide() {
        item.visible = false;
      },
      dispose() {
        item.visible = false;
      },
    };
    fake.statusItems.push(item);
    return item;
  },
  showErrorMessage: (msg: string) => {
    fake.errors.push(msg);
    return new Promise(() => undefined);
  },
  showWarningMessage: (msg: string) => {
    fake.log.push(`warning message: ${msg}`);
    return Promise.resolve(undefined);
  },
  showInformationMessage: (msg: string) => {
    fake.log.push(`info message: ${msg}`);
    return Promise.resolve(undefined);
  },
  withProgress: async (_o: unknown, task: (p: unknown, t: unknown) => unknown) =>
    task({ report() {} }, new CancellationTokenSource().token),
  showQuickPick: async (items: { label: string }[] | Promise<{ label: string }[]>, options?: unknown) => {
    const list = await items;
    fake.quickPicks.push({ items: list, options });
    return fake.pick ? fake.pick(list) : undefined;
  },
  showTextDocument: async (uri: Uri, options?: { selection?: Range }) => {
    fake.shown.push({ uri: uri.toString(), selection: options?.selection });
    return undefined;
  },
  createWebviewPanel: (viewType: string, title: string, _column: unknown, options: unknown) => {
    const record = { viewType, title, html: "", options, disposed: false };
    fake.webviews.push(record);
    const disposed = new EventEmitter<void>();
    return {
      viewType,
      get title() {
        return record.title;
      },
      set title(t: string) {
        record.title = t;
      },
      webview: {
        get html() {
          return record.html;
        },
        set html(h: string) {
          record.html = h;
        },
        options,
      },
      reveal: () => undefined,
      onDidDispose: disposed.event,
      dispose: () => {
        record.disposed = true;
        disposed.fire();
      },
    };
  },
});

export const languages = namespace("languages", {
  match: matchSelector,
  createDiagnosticCollection: (name = "") => {
    const map = new Map<string, Diagnostic[]>();
    fake.diagnostics.set(name, map);
    return {
      name,
      set(uri: Uri | [Uri, Diagnostic[]][], diags?: Diagnostic[]) {
        const entries = Array.isArray(uri) ? uri : [[uri, diags ?? []] as [Uri, Diagnostic[]]];
        for (const [u, d] of entries) map.set(u.toString(), d ?? []);
        fake.onDiagnostics.fire({ uris: entries.map(([u]) => u) });
      },
      delete(uri: Uri) {
        map.delete(uri.toString());
      },
      get(uri: Uri) {
        return map.get(uri.toString());
      },
      has(uri: Uri) {
        return map.has(uri.toString());
      },
      clear() {
        map.clear();
      },
      forEach() {},
      dispose() {
        fake.diagnostics.delete(name);
      },
    };
  },
  onDidChangeDiagnostics: fake.onDiagnostics.event,
  registerHoverProvider: register("hover"),
  registerDocumentSymbolProvider: register("documentSymbol"),
  registerInlayHintsProvider: register("inlayHints"),
  registerDefinitionProvider: register("definition"),
  registerReferenceProvider: register("references"),
  registerDocumentHighlightProvider: register("documentHighlight"),
  registerCodeActionsProvider: register("codeActions"),
  registerCodeLensProvider: register("codeLens"),
  registerDiagnosticProvider: register("diagnostic"),
});

export const commands = namespace("commands", {
  registerCommand: (id: string, fn: (...a: unknown[]) => unknown) => {
    fake.commands.set(id, fn);
    return new Disposable(() => fake.commands.delete(id));
  },
  executeCommand: async () => undefined,
});

export const extensions = namespace("extensions", { all: [] as unknown[], getExtension: () => undefined });
export const notebooks = namespace("notebooks", {});
export const debug = namespace("debug", {});
export const tasks = namespace("tasks", {});
export const scm = namespace("scm", {});
export const tests = namespace("tests", {});
export const l10n = namespace("l10n", { t: (s: string) => s });
