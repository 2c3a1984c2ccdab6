import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${path.resolve(import.meta.dirname)}/` },
      // `server-only` throws outside React's server build; in tests we are the server.
      { find: /^server-only$/, replacement: path.resolve(import.meta.dirname, "test/helpers/empty.ts") },
    ],
  },
  test: {
    environment: "node",
    // ATTUNE_FIXTURE: run one fixture file on its own (test/authz/coverage.test.ts does, in a child process).
    include: process.env.ATTUNE_FIXTURE ? [process.env.ATTUNE_FIXTURE] : ["test/**/*.test.ts", "lib/**/*.test.ts"],
    globalSetup: ["test/global-setup.ts"],
    setupFiles: ["test/setup.ts"],
    pool: "forks",
    // Two files at a time (each has its own database): on the 2-core build
    // machines the default left one core idle, 299 s against 199 s for the suite.
    maxWorkers: Number(process.env.VITEST_WORKERS ?? 2),
    // next-auth imports "next/server" without an extension; let Vite resolve it.
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: "test", AUTH_SECRET: "test-secret-test-secret-test-secret-0123" },
  },
});
