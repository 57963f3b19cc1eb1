// Finding the saidso binary: the `saidso.server.path` setting, else the binary bundled in the
// extension (`server/saidso`), else `saidso` on PATH.

import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

export type ServerSource = "setting" | "bundled" | "path";

export interface ResolvedServer {
  command: string;
  source: ServerSource;
}

export interface ResolveOptions {
  /** Value of `saidso.server.path` ("" or undefined when unset). */
  configured?: string;
  /** The extension's install folder (where `server/` lives). */
  extensionPath: string;
  /** First workspace folder, to resolve a relative `saidso.server.path`. */
  workspaceFolder?: string;
  /** Defaults to `process.env`. */
  env?: NodeJS.ProcessEnv;
  /** Defaults to `process.platform`. */
  platform?: NodeJS.Platform;
  /** Defaults to checking the file system; tests replace it. */
  isExecutable?: (file: string) => boolean;
}

export function binaryName(platform: NodeJS.Platform = process.platform): string {
  return platform === "win32" ? "saidso.exe" : "saidso";
}

export function defaultIsExecutable(file: string): boolean {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return false;
    if (process.platform === "win32") return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * An archive tool may drop the executable bit of the bundled binary when the .vsix is
 * unpacked; put it back (best effort) so the bundled server is usable.
 */
export function restoreExecutableBit(file: string): void {
  if (process.platform === "win32") return;
  try {
    const stat = fs.statSync(file);
    if (stat.isFile() && (stat.mode & 0o111) === 0) fs.chmodSync(file, stat.mode | 0o755);
  } catch {
    // missing or read-only: resolution falls through to PATH
  }
}

/** Expands `~` and `${workspaceFolder}`, and makes a relative path absolute. */
export function expandPath(p: string, workspaceFolder?: string, home: string = os.homedir()): string {
  let out = p.trim();
  if (out === "~" || out.startsWith("~/") || out.startsWith("~\\")) {
    out = path.join(home, out.slice(1));
  }
  if (workspaceFolder !== undefined) {
    out = out.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
    if (!path.isAbsolute(out) && (out.includes("/") || out.includes("\\"))) {
      out = path.resolve(workspaceFolder, out);
    }
  }
  return out;
}

/** Looks `name` up on PATH like a shell would. */
export function findOnPath(
  name: string,
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  isExecutable: (file: string) => boolean,
): string | undefined {
  const pathVar = env.PATH ?? env.Path ?? "";
  const sep = platform === "win32" ? ";" : ":";
  const exts = platform === "win32" ? (env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";") : [""];
  for (const dir of pathVar.split(sep)) {
    if (!dir) continue;
    for (const ext of exts) {
      const candidate = path.join(dir, name.endsWith(ext.toLowerCase()) ? name : name + ext.toLowerCase());
      if (isExecutable(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * Returns the server to start, or an error message saying what was tried and what to do.
 * A configured path that does not exist is an error of its own: falling back silently would
 * run a binary the user did not ask for.
 */
export function resolveServer(opts: ResolveOptions): ResolvedServer | { error: string } {
  const env = opts.env ?? process.env;
  const platform = opts.platform ?? process.platform;
  const isExecutable = opts.isExecutable ?? defaultIsExecutable;
  const configured = opts.configured?.trim();

  if (configured) {
    const expanded = expandPath(configured, opts.workspaceFolder);
    if (path.isAbsolute(expanded) || expanded.includes("/") || expanded.includes("\\")) {
      if (isExecutable(expanded)) return { command: expanded, source: "setting" };
    } else {
      // A bare name such as "saidso-nightly": look it up on PATH.
      const found = findOnPath(expanded, env, platform, isExecutable);
      if (found) return { command: found, source: "setting" };
    }
    return { error: missingConfiguredMessage(configured) };
  }

  const bundled = path.join(opts.extensionPath, "server", binaryName(platform));
  if (!opts.isExecutable) restoreExecutableBit(bundled);
  if (isExecutable(bundled)) return { command: bundled, source: "bundled" };

  const onPath = findOnPath(binaryName(platform), env, platform, isExecutable);
  if (onPath) return { command: onPath, source: "path" };

  return { error: missingServerMessage() };
}

export function missingServerMessage(): string {
  return (
    "saidso: the saidso language server was not found (no binary bundled with the extension " +
    "and none named `saidso` on PATH). Install it with `cargo install --path .` from the saidso " +
    'repository, or set "saidso.server.path" to the binary, then run "saidso: Restart server".'
  );
}

export function missingConfiguredMessage(configured: string): string {
  return (
    `saidso: "saidso.server.path" is set to "${configured}", but no executable is there. ` +
    'Fix the path (or clear the setting to use the bundled server or `saidso` on PATH), then run ' +
    '"saidso: Restart server".'
  );
}
