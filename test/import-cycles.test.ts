// No module imports itself in a circle, not even through types: a circle makes the load order decide
// what is defined, and ties capabilities together that should stand alone.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(path.join(root, folder), { withFileTypes: true, recursive: true })
    .flatMap((entry) =>
      entry.isFile() && /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')
        ? [path.relative(root, path.join(entry.parentPath, entry.name))]
        : [],
    );
}

function resolveImport(from: string, specifier: string, known: Set<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.join(path.dirname(from), specifier).replace(/\.js$/, '');
  return (
    [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((candidate) =>
      known.has(candidate),
    ) ?? null
  );
}

/** Each file's imports within the project, type-only ones included. */
function importGraph(folders: string[]): Map<string, string[]> {
  const files = folders.flatMap(sourceFiles);
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(root, file), 'utf8'), true, true);
      const targets = importedFiles.map(({ fileName }) => resolveImport(file, fileName, known));
      return [file, [...new Set(targets.filter((target) => target !== null))]];
    }),
  );
}

/** Every circle, each as the files along it from its first file back to that file. */
function importCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    trail.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open') cycles.push([...trail.slice(trail.indexOf(target)), target]);
      else if (!state.has(target)) visit(target);
    }
    trail.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

describe('import circles', () => {
  it('electron/, shared/ and renderer/ have none', () => {
    const graph = importGraph(['electron', 'shared', 'renderer']);
    expect(graph.size).toBeGreaterThan(100);
    expect(importCycles(graph).map((cycle) => cycle.join(' -> '))).toEqual([]);
  });

  it('finds a circle, also one made of type imports only', () => {
    const graph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(importCycles(graph)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
    const typeOnly = ts.preProcessFile("import type { X } from './x';", true, true).importedFiles;
    expect(typeOnly.map((file) => file.fileName)).toEqual(['./x']);
  });
});
