import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real SQLite files and real child processes: give slow disks room, but never time the code.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every file's clean-ups (temp folders, kiosks), also where files share a worker's modules.
    setupFiles: ['test/setup/after-each-test.ts'],
    projects: [
      {
        // The everyday loop (npm run test:unit): each file has its own temp folders and port-0 servers,
        // so files run side by side. Files share their worker's loaded modules (no isolation): loading
        // the core afresh for each file cost more than most files' tests.
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'], isolate: false },
      },
      {
        // Each file drives its own Chromium; one at a time keeps a small machine responsive, beside
        // the unit files. Files share the worker's loaded modules as the unit files do: each file
        // loading the core, the server and Playwright afresh cost 34 s of a 366 s run. Needs
        // `npm run build` first (npm test does).
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], maxWorkers: 1, isolate: false },
      },
    ],
  },
});
