import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real SQLite files and real child processes: give slow disks room, but never time the code.
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
