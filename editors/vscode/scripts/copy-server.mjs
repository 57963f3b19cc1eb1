// Copies the saidso binary into server/ so `vsce package` bundles it with the extension.
// Source: $SAIDSO_BIN, else <repo>/target/debug/saidso (build it with `cargo build`).

import * as fs from "node:fs";
import * as path from "node:path";
import { fileURLToPath } from "node:url";

const here = path.dirname(fileURLToPath(import.meta.url));
const extensionDir = path.resolve(here, "..");
const repo = path.resolve(extensionDir, "../..");
const exe = process.platform === "win32" ? "saidso.exe" : "saidso";
const source = process.env.SAIDSO_BIN || path.join(repo, "target", "debug", exe);

if (!fs.existsSync(source)) {
  console.error(
    `copy-server: no saidso binary at ${source}.\n` +
      "Build it first (`cargo build` in the repository) or point SAIDSO_BIN at one.",
  );
  process.exit(1);
}

const dest = path.join(extensionDir, "server", exe);
fs.mkdirSync(path.dirname(dest), { recursive: true });
fs.copyFileSync(source, dest);
fs.chmodSync(dest, 0o755);
console.log(`copy-server: ${source} -> ${path.relative(extensionDir, dest)}`);
