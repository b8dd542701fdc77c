import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ENSURE_BUILD = join(__dirname, '..', '..', 'scripts', 'ensure-build.js');

/** `npm start`'s pre-step, run from a copy of the project that has no node_modules (no TypeScript). */
function prestartWithoutDevDependencies(withDist: boolean) {
  const project = mkdtempSync(join(tmpdir(), 'signals-prod-start-'));
  try {
    mkdirSync(join(project, 'scripts'));
    copyFileSync(ENSURE_BUILD, join(project, 'scripts', 'ensure-build.js'));
    if (withDist) {
      mkdirSync(join(project, 'dist', 'src'), { recursive: true });
      writeFileSync(join(project, 'dist', 'src', 'index.js'), '');
    }
    return spawnSync(process.execPath, [join(project, 'scripts', 'ensure-build.js')], { encoding: 'utf8' });
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}

describe('npm start without devDependencies (a production image)', () => {
  it('starts the prebuilt dist/ instead of failing on a missing tsc', () => {
    const run = prestartWithoutDevDependencies(true);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain('prebuilt dist/');
  });

  it('without a build either, fails with what to run instead', () => {
    const run = prestartWithoutDevDependencies(false);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('npm run build');
  });

  it('is what npm start runs first', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { scripts } = require('../../package.json') as { scripts: Record<string, string> };
    expect(scripts.prestart).toBe('node scripts/ensure-build.js');
    expect(scripts.start).toBe('node dist/src/index.js');
  });
});
