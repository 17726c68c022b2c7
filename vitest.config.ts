import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real SQLite files and real child processes: give slow disks room, but never time the code.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        // The everyday loop (npm run test:unit): each file has its own temp folders and port-0 servers,
        // so files run side by side.
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'] },
      },
      {
        // Each file drives its own Chromium; one at a time keeps a small machine responsive, beside
        // the unit files. Needs `npm run build` first (npm test does).
        extends: true,
        test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], maxWorkers: 1 },
      },
    ],
  },
});
