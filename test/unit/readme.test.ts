import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_VARIABLES } from '../../src/subgraph-config';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

describe('README', () => {
  it('documents every environment variable the config module reads', () => {
    const undocumented = CONFIG_VARIABLES.filter((name) => !readme.includes(`\`${name}\``));
    expect(undocumented).toEqual([]);
  });

  it('shows the typed-client example exactly as the type-checked file has it', () => {
    const example = readFileSync(join(__dirname, '..', '..', 'client', 'example', 'use-device-insights.ts'), 'utf8');
    const code = example.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('//'));
    expect(code.length).toBeGreaterThan(5);
    expect(code.filter((line) => !readme.includes(line))).toEqual([]);
  });

  it('has the two-command quick start', () => {
    expect(readme).toContain('npm ci && npm start');
    expect(readme).toContain('npm ci && npm test');
  });
});
