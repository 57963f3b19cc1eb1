import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      // VS Code's API exists only inside VS Code: unit tests run against a small fake.
      vscode: fileURLToPath(new URL("./test/unit/vscode-mock.ts", import.meta.url)),
    },
  },
  test: {
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
