import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  defaultIsExecutable,
  restoreExecutableBit,
  expandPath,
  missingServerMessage,
  resolveServer,
} from "../../src/serverPath";

const ext = "/ext";
const exists = (...files: string[]) => (f: string) => files.includes(f);

describe("resolveServer", () => {
  it("prefers saidso.server.path when it points at an executable", () => {
    const r = resolveServer({
      configured: "/opt/saidso/bin/saidso",
      extensionPath: ext,
      env: { PATH: "/usr/bin" },
      platform: "linux",
      isExecutable: exists("/opt/saidso/bin/saidso", "/ext/server/saidso", "/usr/bin/saidso"),
    });
    expect(r).toEqual({ command: "/opt/saidso/bin/saidso", source: "setting" });
  });

  it("does not fall back silently when the configured path is wrong", () => {
    const r = resolveServer({
      configured: "/nope/saidso",
      extensionPath: ext,
      env: { PATH: "/usr/bin" },
      platform: "linux",
      isExecutable: exists("/ext/server/saidso", "/usr/bin/saidso"),
    });
    expect("error" in r && r.error).toContain('"/nope/saidso"');
    expect("error" in r && r.error).toContain("saidso.server.path");
  });

  it("resolves ${workspaceFolder}, relative paths and ~ in the setting", () => {
    const opts = {
      extensionPath: ext,
      workspaceFolder: "/ws",
      env: { PATH: "" },
      platform: "linux" as const,
      isExecutable: exists("/ws/target/debug/saidso"),
    };
    expect(resolveServer({ ...opts, configured: "${workspaceFolder}/target/debug/saidso" })).toEqual({
      command: "/ws/target/debug/saidso",
      source: "setting",
    });
    expect(resolveServer({ ...opts, configured: "target/debug/saidso" })).toEqual({
      command: "/ws/target/debug/saidso",
      source: "setting",
    });
    expect(expandPath("~/bin/saidso", undefined, "/home/me")).toBe(path.join("/home/me", "bin/saidso"));
  });

  it("looks a bare configured name up on PATH", () => {
    const r = resolveServer({
      configured: "saidso-nightly",
      extensionPath: ext,
      env: { PATH: "/a:/b" },
      platform: "linux",
      isExecutable: exists("/b/saidso-nightly"),
    });
    expect(r).toEqual({ command: "/b/saidso-nightly", source: "setting" });
  });

  it("uses the bundled server/saidso before PATH", () => {
    const r = resolveServer({
      configured: "",
      extensionPath: ext,
      env: { PATH: "/usr/bin" },
      platform: "linux",
      isExecutable: exists("/ext/server/saidso", "/usr/bin/saidso"),
    });
    expect(r).toEqual({ command: "/ext/server/saidso", source: "bundled" });
  });

  it("falls back to saidso on PATH, first match wins", () => {
    const r = resolveServer({
      extensionPath: ext,
      env: { PATH: "/x::/usr/local/bin:/usr/bin" },
      platform: "linux",
      isExecutable: exists("/usr/local/bin/saidso", "/usr/bin/saidso"),
    });
    expect(r).toEqual({ command: "/usr/local/bin/saidso", source: "path" });
  });

  it("knows Windows names", () => {
    const r = resolveServer({
      extensionPath: "C:\\ext",
      env: { Path: "C:\\tools", PATHEXT: ".COM;.EXE" },
      platform: "win32",
      isExecutable: (f) => f.toLowerCase().endsWith("saidso.exe") && f.includes("tools"),
    });
    expect(r).toMatchObject({ source: "path" });
  });

  it("returns one clear message when nothing is found", () => {
    const r = resolveServer({
      extensionPath: ext,
      env: { PATH: "/usr/bin" },
      platform: "linux",
      isExecutable: () => false,
    });
    expect(r).toEqual({ error: missingServerMessage() });
    expect(missingServerMessage()).toMatch(/saidso\.server\.path/);
    expect(missingServerMessage()).toMatch(/Restart server/);
  });
});

describe("defaultIsExecutable", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "saidso-path-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("accepts an executable file and rejects a plain file or a folder", () => {
    const exe = path.join(dir, "saidso");
    const plain = path.join(dir, "notes.txt");
    fs.writeFileSync(exe, "#!/bin/sh\n", { mode: 0o755 });
    fs.writeFileSync(plain, "x", { mode: 0o644 });
    expect(defaultIsExecutable(exe)).toBe(true);
    expect(defaultIsExecutable(dir)).toBe(false);
    expect(defaultIsExecutable(path.join(dir, "missing"))).toBe(false);
    if (process.platform !== "win32" && process.getuid?.() !== 0) {
      expect(defaultIsExecutable(plain)).toBe(false);
    }
  });

  it("restores a lost executable bit on the bundled binary", () => {
    if (process.platform === "win32") return;
    const ext = fs.mkdtempSync(path.join(dir, "ext-"));
    fs.mkdirSync(path.join(ext, "server"));
    const bundled = path.join(ext, "server", "saidso");
    fs.writeFileSync(bundled, "#!/bin/sh\n", { mode: 0o644 });
    restoreExecutableBit(bundled);
    expect(fs.statSync(bundled).mode & 0o111).not.toBe(0);
    expect(resolveServer({ extensionPath: ext, env: { PATH: "" } })).toEqual({
      command: bundled,
      source: "bundled",
    });
  });
});
