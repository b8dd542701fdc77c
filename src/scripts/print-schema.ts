import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { printSubgraphSdl } from '../schema-sdl';

/** `npm run schema`: writes the subgraph SDL to schema.graphql (a test fails when it drifts). */
async function main(): Promise<void> {
  const target = join(__dirname, '..', '..', '..', 'schema.graphql');
  writeFileSync(target, await printSubgraphSdl());
  process.stdout.write(`wrote ${target}\n`);
}

void main();
