import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { exitCodeOf } from '../support/postgres';

const DIST = join(__dirname, '..', '..', 'dist', 'src');

/**
 * PGlite loads its WASM with a dynamic import(), which jest's CommonJS sandbox cannot run: the embedded
 * default is shown on the build (`npm test` builds first), in a plain node process like `npm start`.
 */
const PROGRAM = `
const pino = require('pino');
const { loadConfig } = require(${JSON.stringify(join(DIST, 'subgraph-config.js'))});
const { EvidenceEvents, openEvidenceLedger } = require(${JSON.stringify(join(DIST, 'evidence', 'index.js'))});
(async () => {
  const config = loadConfig({ NODE_ENV: 'development' }).evidence;
  if (config.databaseUrl !== undefined || config.masterKeyBase64 !== undefined) throw new Error('not the embedded default');
  const ledger = await openEvidenceLedger(config, new EvidenceEvents(), pino({ level: 'silent' }));
  while (ledger.health() !== 'up') await new Promise((r) => setTimeout(r, 20));
  const body = Buffer.from(JSON.stringify({ user_id: 'embedded-1', score: 0.42 }));
  const draft = { vendor: 'CREDEAU', product: 'credeau', customerId: 'embedded-1', arguments: { a: 1 }, body, retrievedAt: new Date(), fetchStartedAt: new Date() };
  const [a, b] = await Promise.all([ledger.append(draft), ledger.append({ ...draft, customerId: 'other' })]);
  const [view] = await ledger.read([a.evidenceId]);
  ledger.recordAccess({ at: new Date(), subject: 'anonymous', customerId: 'embedded-1', field: 'Customer.deviceInsights', evidenceId: a.evidenceId });
  const log = await ledger.readAccessLog('embedded-1');
  await ledger.close();
  process.stdout.write(JSON.stringify({ status: view.status, customerId: view.customerId, body: view.body, second: typeof b.evidenceId, logged: log[0].evidenceId === a.evidenceId }));
})().catch((e) => { console.error(e); process.exit(1); });
`;

describe('the embedded default (PGlite in memory)', () => {
  it('runs without EVIDENCE_DATABASE_URL or a master key: append and read back', async () => {
    if (!existsSync(join(DIST, 'evidence', 'index.js'))) throw new Error('dist missing: run npm run build first');
    const child = spawn(process.execPath, ['-e', PROGRAM], { cwd: join(__dirname, '..', '..'), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout?.on('data', (d) => (out += d));
    child.stderr?.on('data', (d) => (err += d));
    expect({ code: await exitCodeOf(child), err }).toEqual({ code: 0, err: '' });
    expect(JSON.parse(out)).toEqual({ status: 'AVAILABLE', customerId: 'embedded-1', body: { user_id: 'embedded-1', score: 0.42 }, second: 'string', logged: true });
  });
});
