import { build } from 'esbuild';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the preload bundle', () => {
  it("requires nothing but 'electron', as a sandboxed preload must", async () => {
    const result = await build({
      entryPoints: [path.join(root, 'electron/preload.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      metafile: true,
      treeShaking: false,
      logLevel: 'silent',
    });
    const externals = Object.values(result.metafile.outputs).flatMap((output) =>
      output.imports.filter((entry) => entry.external).map((entry) => entry.path),
    );
    expect([...new Set(externals)]).toEqual(['electron']);
  });
});
