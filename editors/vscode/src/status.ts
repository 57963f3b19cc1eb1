// The status-bar text for the active document, from the server's `saidso/documentStats`.

export interface DocumentStats {
  quotes: number;
  speakers: number;
  unattributed: number;
  claims: number;
}

export const DOCUMENT_STATS_METHOD = "saidso/documentStats";

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Checks that a response has the shape the status bar needs. */
export function isDocumentStats(value: unknown): value is DocumentStats {
  if (typeof value !== "object" || value === null) return false;
  const v = value as Record<string, unknown>;
  return ["quotes", "speakers", "unattributed", "claims"].every(
    (k) => v[k] === undefined || typeof v[k] === "number",
  ) && typeof v.quotes === "number" && typeof v.speakers === "number";
}

/** Short text for the status bar, e.g. `$(quote) 10 quotes · 1 speaker`. */
export function statusText(stats: DocumentStats): string {
  let text = `$(quote) ${plural(stats.quotes, "quote", "quotes")} · ${plural(stats.speakers, "speaker", "speakers")}`;
  if ((stats.unattributed ?? 0) > 0) {
    text += ` · $(warning) ${stats.unattributed} unattributed`;
  }
  return text;
}

/** Longer text for the hover over the status-bar item. */
export function statusTooltip(stats: DocumentStats): string {
  const lines = [
    `saidso: ${plural(stats.quotes, "quote", "quotes")} by ${plural(stats.speakers, "speaker", "speakers")}`,
    `${plural(stats.unattributed ?? 0, "quote has", "quotes have")} no speaker`,
    `${plural(stats.claims ?? 0, "attributed claim", "attributed claims")}`,
    "Click to list speakers and quotes.",
  ];
  return lines.join("\n");
}
