import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl } from '../../src/schema-sdl';

describe('schema.graphql', () => {
  it('is exactly the SDL the code builds (run `npm run schema` after changing the schema)', async () => {
    const committed = readFileSync(join(__dirname, '..', '..', 'schema.graphql'), 'utf8');
    expect(committed).toBe(await printSubgraphSdl());
  });
});
