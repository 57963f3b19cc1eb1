// A fake of the parts of the `vscode` API the extension uses. Tests reset it with `resetMock()`
// and drive it through the exported `mock` object.

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  async fire(e: T): Promise<void> {
    for (const l of [...this.listeners]) await l(e);
  }
}

export class Uri {
  private constructor(readonly scheme: string, readonly fsPath: string) {}
  static file(p: string): Uri {
    return new Uri("file", p);
  }
  toString(): string {
    return `${this.scheme}://${this.fsPath}`;
  }
}

export enum StatusBarAlignment {
  Left = 1,
  Right = 2,
}

export class FakeStatusBarItem {
  text = "";
  tooltip: string | undefined;
  command: string | undefined;
  name: string | undefined;
  visible = false;
  constructor(readonly id: string, readonly alignment: StatusBarAlignment, readonly priority: number) {}
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  dispose() {
    this.visible = false;
  }
}

export interface FakeDocument {
  uri: Uri;
  languageId: string;
}

function makeLog() {
  const lines: string[] = [];
  const log = (level: string) => (msg: string) => lines.push(`${level}: ${msg}`);
  return {
    lines,
    name: "saidso",
    info: log("info"),
    warn: log("warn"),
    error: log("error"),
    debug: log("debug"),
    trace: log("trace"),
    append: (s: string) => lines.push(s),
    appendLine: (s: string) => lines.push(s),
    show: () => undefined,
    dispose: () => undefined,
  };
}

export const mock = {
  config: {} as Record<string, unknown>,
  statusItems: [] as FakeStatusBarItem[],
  errors: [] as string[],
  watchers: [] as string[],
  errorAnswers: [] as ((choice: string | undefined) => void)[],
  commands: new Map<string, (...args: unknown[]) => unknown>(),
  executed: [] as unknown[][],
  log: makeLog(),
  activeEditor: undefined as { document: FakeDocument } | undefined,
  onActiveEditor: new EventEmitter<unknown>(),
  onTextChange: new EventEmitter<{ document: FakeDocument }>(),
  onDiagnostics: new EventEmitter<{ uris: Uri[] }>(),
  onConfig: new EventEmitter<{ affectsConfiguration(s: string): boolean }>(),
  workspaceFolders: undefined as { uri: Uri }[] | undefined,
};

export function resetMock(): void {
  mock.config = {};
  mock.statusItems = [];
  mock.errors = [];
  mock.watchers = [];
  mock.errorAnswers = [];
  mock.commands = new Map();
  mock.executed = [];
  mock.log = makeLog();
  mock.activeEditor = undefined;
  mock.onActiveEditor = new EventEmitter();
  mock.onTextChange = new EventEmitter();
  mock.onDiagnostics = new EventEmitter();
  mock.onConfig = new EventEmitter();
  mock.workspaceFolders = undefined;
}

export const window = {
  createStatusBarItem(id: string, alignment: StatusBarAlignment, priority: number) {
    const item = new FakeStatusBarItem(id, alignment, priority);
    mock.statusItems.push(item);
    return item;
  },
  createOutputChannel(_name: string, _opts?: unknown) {
    return mock.log;
  },
  showErrorMessage(message: string, ..._items: string[]) {
    mock.errors.push(message);
    // Like VS Code: settles only when the user picks a button or dismisses the message.
    return new Promise<string | undefined>((resolve) => mock.errorAnswers.push(resolve));
  },
  get activeTextEditor() {
    return mock.activeEditor;
  },
  onDidChangeActiveTextEditor: (l: Listener<unknown>) => mock.onActiveEditor.event(l),
};

export const workspace = {
  getConfiguration(section?: string) {
    const prefix = section ? `${section}.` : "";
    return {
      get<T>(key: string, dflt?: T): T | undefined {
        const v = mock.config[prefix + key];
        return (v === undefined ? dflt : v) as T | undefined;
      },
    };
  },
  get workspaceFolders() {
    return mock.workspaceFolders;
  },
  onDidChangeTextDocument: (l: Listener<{ document: FakeDocument }>) => mock.onTextChange.event(l),
  onDidChangeConfiguration: (l: Listener<{ affectsConfiguration(s: string): boolean }>) =>
    mock.onConfig.event(l),
  createFileSystemWatcher(pattern: string) {
    mock.watchers.push(pattern);
    return { pattern, dispose: () => undefined };
  },
};

export const languages = {
  onDidChangeDiagnostics: (l: Listener<{ uris: Uri[] }>) => mock.onDiagnostics.event(l),
};

export const commands = {
  registerCommand(id: string, fn: (...args: unknown[]) => unknown) {
    mock.commands.set(id, fn);
    return { dispose: () => mock.commands.delete(id) };
  },
  async executeCommand(...args: unknown[]) {
    mock.executed.push(args);
  },
};
