// What the saidso server can be configured with, read from VS Code's settings.
//
// The server takes its settings as `{"saidso": {...}}`, both in `initializationOptions` and in
// `workspace/didChangeConfiguration`. Only the server's own keys are sent: `server.path` and
// `trace.server` belong to the client.

/** The keys the server understands (see the server's settings documentation). */
export interface ServerSettings {
  enable: boolean;
  inlayHints: boolean;
  rules: Record<string, Severity>;
  debounceMs: number;
}

export type Severity = "off" | "hint" | "info" | "warning" | "error";

export const SEVERITIES: readonly Severity[] = ["off", "hint", "info", "warning", "error"];

export const DEFAULT_SETTINGS: ServerSettings = {
  enable: true,
  inlayHints: true,
  rules: {},
  debounceMs: 50,
};

/** The part of `vscode.WorkspaceConfiguration` this module needs (easy to fake in tests). */
export interface ConfigurationLike {
  get<T>(section: string): T | undefined;
}

/** Settings that change how the server is started rather than what it does. */
export const RESTART_SETTINGS = ["saidso.server.path"] as const;

/**
 * Maps the `saidso` configuration section to the payload the server expects.
 * Wrong types fall back to defaults; rule severities that are not one of the five known ones
 * are dropped (and reported in `problems`) so a typo cannot make the server reject everything.
 */
export function serverSettings(
  config: ConfigurationLike,
  problems: string[] = [],
): { saidso: ServerSettings } {
  const enable = config.get<unknown>("enable");
  const inlayHints = config.get<unknown>("inlayHints");
  const debounceMs = config.get<unknown>("debounceMs");
  const rawRules = config.get<unknown>("rules");

  const rules: Record<string, Severity> = {};
  if (rawRules !== undefined && rawRules !== null) {
    if (typeof rawRules === "object" && !Array.isArray(rawRules)) {
      for (const [id, value] of Object.entries(rawRules as Record<string, unknown>)) {
        const severity = typeof value === "string" ? value.toLowerCase() : value;
        if (typeof severity === "string" && (SEVERITIES as readonly string[]).includes(severity)) {
          rules[id] = severity as Severity;
        } else {
          problems.push(
            `saidso.rules.${id}: "${String(value)}" is not one of ${SEVERITIES.join(", ")}; ignored`,
          );
        }
      }
    } else {
      problems.push("saidso.rules must be an object of rule id → severity; ignored");
    }
  }

  return {
    saidso: {
      enable: typeof enable === "boolean" ? enable : DEFAULT_SETTINGS.enable,
      inlayHints: typeof inlayHints === "boolean" ? inlayHints : DEFAULT_SETTINGS.inlayHints,
      rules,
      debounceMs:
        typeof debounceMs === "number" && Number.isFinite(debounceMs) && debounceMs >= 0
          ? Math.round(debounceMs)
          : DEFAULT_SETTINGS.debounceMs,
    },
  };
}

/** Whether a configuration change needs the server process restarted. */
export function needsRestart(affects: (section: string) => boolean): boolean {
  return RESTART_SETTINGS.some((s) => affects(s));
}
