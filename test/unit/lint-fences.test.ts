// The fences in eslint.config.js, tried on imports that cross them: each must be reported,
// and the imports each layer is allowed must not be. (The import-graph test checks that the
// code obeys them today; this one that the config still draws them.)
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const cases: { file: string; source: string; fenced: boolean }[] = [
  { file: 'src/domain/x.ts', source: "import { a } from '../web/app.js';", fenced: true },
  { file: 'src/domain/x.ts', source: "import { a } from '../storage/db.js';", fenced: true },
  { file: 'src/domain/x.ts', source: "import { readFileSync as a } from 'node:fs';", fenced: true },
  { file: 'src/domain/x.ts', source: "import { z as a } from 'zod';", fenced: true },
  { file: 'src/domain/x.ts', source: "import { DomainError as a } from './errors.js';", fenced: false },
  { file: 'src/domain/x.ts', source: "import { createHash as a } from 'node:crypto';", fenced: false },
  { file: 'src/storage/repositories/x.ts', source: "import { a } from '../../services/portal/portal.js';", fenced: true },
  { file: 'src/storage/repositories/x.ts', source: "import { a } from '../../domain/meeting.js';", fenced: false },
  { file: 'src/search/x.ts', source: "import { a } from '../web/portal/links.js';", fenced: true },
  { file: 'src/importer/map/x.ts', source: "import { a } from '../../cli/main.js';", fenced: true },
  { file: 'src/render/pdf/x.ts', source: "import { a } from '../../services/portal/portal.js';", fenced: true },
  { file: 'src/render/x.ts', source: "import { a } from '../storage/db.js';", fenced: true },
  { file: 'src/services/lifecycle/x.ts', source: "import { a } from '../../web/app.js';", fenced: true },
  { file: 'src/services/lifecycle/x.ts', source: "import { a } from '../../main.js';", fenced: true },
  { file: 'src/services/lifecycle/x.ts', source: "import { a } from '../../storage/db.js';", fenced: false },
  { file: 'src/web/portal/x.ts', source: "import { a } from '../../storage/db.js';", fenced: true },
  { file: 'src/web/portal/x.ts', source: "import { a } from '../../services/portal/portal.js';", fenced: false },
];

describe('lint fences (eslint.config.js)', () => {
  it('reports every import that points outward, and only those', async () => {
    // The samples are not files of the TypeScript project, so the type-checked rules (which
    // need the project service) are switched off for them; the fences need no types.
    const eslint = new ESLint({ cwd: repoRoot, overrideConfig: [tseslint.configs.disableTypeChecked] });
    const wrong: string[] = [];
    for (const c of cases) {
      const [result] = await eslint.lintText(`${c.source}\nexport const b = a;\n`, { filePath: join(repoRoot, c.file) });
      const fenced = (result?.messages ?? []).some((m) => m.ruleId === 'no-restricted-imports');
      if (fenced !== c.fenced) wrong.push(`${c.file}: ${c.source} ${c.fenced ? 'not reported' : 'reported'}`);
    }
    assert.deepEqual(wrong, []);
  });
});
