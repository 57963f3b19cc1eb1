// The sourcing report in VS Code, from the server's two commands: the speaker table behind
// the code lens ("8 quotes · 5 speakers · …"), shown as a quick pick, and the page `saidso
// report` writes, shown in a webview by "saidso: Open sourcing report".
//
// Pure helpers here (shapes of the answers, quick-pick items); extension.ts does the wiring.

/** Server command: the speaker table of a document (`[uri, {display: "client"}]`). */
export const SPEAKER_TABLE = "saidso.speakerTable";
/** Server command: the sourcing report page of a document (`[uri]`). */
export const SOURCING_REPORT = "saidso.sourcingReport";
/** The extension's command: "saidso: Open sourcing report". */
export const OPEN_REPORT = "saidso.openSourcingReport";

export interface LspRange {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface SpeakerRow {
  name: string;
  role?: string | null;
  kind: string;
  gender: string;
  quotes: number;
  words?: number | null;
  claims: number;
  verbs: string;
  colour: string;
  firstQuote?: LspRange | null;
}

export interface SpeakerTable {
  summary: string;
  speakers: SpeakerRow[];
  markdown: string;
  text: string;
}

export interface SourcingReport {
  title: string;
  html: string;
}

export function isSpeakerTable(v: unknown): v is SpeakerTable {
  if (typeof v !== "object" || v === null) return false;
  const t = v as Record<string, unknown>;
  return (
    typeof t.summary === "string" &&
    Array.isArray(t.speakers) &&
    t.speakers.every((s) => typeof s === "object" && s !== null && typeof (s as SpeakerRow).name === "string")
  );
}

export function isSourcingReport(v: unknown): v is SourcingReport {
  if (typeof v !== "object" || v === null) return false;
  const r = v as Record<string, unknown>;
  return typeof r.title === "string" && typeof r.html === "string";
}

export interface SpeakerPick {
  label: string;
  description?: string;
  detail?: string;
  /** The speaker's first quote, to reveal when picked. */
  range?: LspRange;
  /** Set on the last item, which opens the whole report. */
  openReport?: boolean;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One quick-pick item per speaker, then one that opens the report. */
export function speakerPicks(table: SpeakerTable): SpeakerPick[] {
  const items: SpeakerPick[] = table.speakers.map((s) => {
    const facts = [s.role, s.kind, s.gender].filter((x): x is string => !!x);
    const counts = [plural(s.quotes, "quote", "quotes")];
    if (s.quotes > 0 && typeof s.words === "number") counts.push(plural(s.words, "word", "words"));
    const reported = s.claims - s.quotes;
    if (reported > 0) counts.push(`${reported} reported`);
    return {
      label: s.name,
      description: counts.join(" · "),
      detail: facts.join(" · ") + (s.verbs ? ` — ${s.verbs}` : ""),
      range: s.firstQuote ?? undefined,
    };
  });
  items.push({
    label: "$(preview) Open sourcing report",
    description: "every quote in its speaker's colour",
    openReport: true,
  });
  return items;
}
