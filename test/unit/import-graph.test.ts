// The house's import graph, read from the sources (type-only imports included: a cycle
// through types is still two rooms that each need the other). No cycle anywhere, and the
// dependencies point inward: the same fences eslint.config.js draws, checked on the whole
// graph so a fence cannot be lost by a config change unnoticed.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const srcRoot = join(repoRoot, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** File (relative to src/, with / separators) → the files of src/ it imports. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const rel = (p: string) => relative(srcRoot, p).split(sep).join('/');
  for (const file of sourceFiles(srcRoot)) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const deps = importedFiles
      .map((f) => f.fileName)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => resolve(dirname(file), spec).replace(/\.js$/, ''))
      .map((base) => [`${base}.ts`, `${base}.tsx`].find((p) => existsSync(p)))
      .filter((p): p is string => p !== undefined)
      .map(rel);
    graph.set(rel(file), [...new Set(deps)]);
  }
  return graph;
}

/** Every cycle's strongly connected component (Tarjan), each as one closed path to print. */
function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (graph.get(v) ?? []).includes(v)) found.push(pathThrough(graph, new Set(component), v));
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

/** One concrete cycle inside a component, from `start` back to it (breadth-first). */
function pathThrough(graph: Map<string, string[]>, component: Set<string>, start: string): string[] {
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of graph.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let at: string | undefined = v; at !== undefined && at !== start; at = previous.get(at)) path.splice(1, 0, at);
        return [...path, start];
      }
      if (!previous.has(w)) {
        previous.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

const room = (file: string): string => file.split('/')[0] ?? file;

describe('the import graph of src/', () => {
  const graph = importGraph();

  it('reads the whole house', () => {
    assert.ok(graph.size > 200, `only ${graph.size} files found under ${srcRoot}`);
    assert.ok((graph.get('main.ts') ?? []).length > 5, 'main.ts imports the composition');
  });

  it('has no import cycle', () => {
    const found = cycles(graph);
    assert.deepEqual(found, [], `import cycles:\n${found.map((c) => c.join(' → ')).join('\n')}`);
  });

  it('finds a cycle when there is one (the check itself)', () => {
    const toy = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    assert.deepEqual(cycles(toy), [['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });

  it('points inward: inner rooms never import outer ones', () => {
    const forbidden: Record<string, readonly string[]> = {
      domain: ['config', 'services', 'storage', 'search', 'importer', 'render', 'web', 'cli', 'main.ts'],
      storage: ['services', 'web', 'cli', 'main.ts'],
      search: ['services', 'web', 'cli', 'main.ts'],
      importer: ['services', 'web', 'cli', 'main.ts'],
      render: ['services', 'storage', 'web', 'cli', 'main.ts'],
      services: ['web', 'cli', 'main.ts'],
    };
    const breaches: string[] = [];
    for (const [file, deps] of graph) {
      const outer = forbidden[room(file)] ?? [];
      for (const dep of deps) if (outer.includes(room(dep))) breaches.push(`${file} → ${dep}`);
    }
    assert.deepEqual(breaches, []);
  });

  it('lets the CLI start without loading every command: main.ts imports commands only when one runs', () => {
    const text = readFileSync(join(srcRoot, 'cli', 'main.ts'), 'utf8');
    const statics = [...text.matchAll(/^import [^;]*? from '([^']+)';/gms)].map((m) => m[1]);
    assert.deepEqual(statics.sort(), ['../domain/errors.js', './command.js']);
    assert.ok(text.includes("import('./serve.js')"), 'serve is imported when it runs');
  });
});
