// The server logs with `tracing` to stderr ("2026-11-27T06:10:04.135Z  INFO saidso::lsp: …").
// vscode-languageclient would log every stderr line as an error; this keeps each line's level.

export type Level = "trace" | "debug" | "info" | "warn" | "error";

export interface LevelLogger {
  trace(msg: string): void;
  debug(msg: string): void;
  info(msg: string): void;
  warn(msg: string): void;
  error(msg: string): void;
}

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;
const TRACING = /^(?:\S+\s+)?(TRACE|DEBUG|INFO|WARN|ERROR)\s+(.*)$/;

/** The level and message of one stderr line; lines of unknown shape count as info. */
export function parseServerLine(raw: string): { level: Level; message: string } {
  const line = raw.replace(ANSI, "").trimEnd();
  const m = TRACING.exec(line);
  if (!m) return { level: "info", message: line };
  return { level: m[1].toLowerCase() as Level, message: m[2] };
}

export function logServerLine(raw: string, log: LevelLogger): void {
  const { level, message } = parseServerLine(raw);
  if (message) log[level](message);
}
