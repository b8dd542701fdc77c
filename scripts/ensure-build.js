#!/usr/bin/env node
// `npm start`'s pre-step. With the devDependencies installed (a developer, CI, the README's quick start)
// it builds with tsc, which the server needs for decorator metadata. Without them (an image built with
// `npm ci && npm run build && npm prune --omit=dev`, or `npm ci --omit=dev` over a copied dist/) there is
// no tsc to run, and the prebuilt dist/ is what starts; only when neither exists does the start fail,
// with a message that says what to do instead of "tsc: not found".
'use strict';
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const entry = join(root, 'dist', 'src', 'index.js');

function typescriptCompiler() {
  try {
    return require.resolve('typescript/bin/tsc', { paths: [root] });
  } catch {
    return undefined;
  }
}

const tsc = typescriptCompiler();
if (tsc) {
  const build = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  process.exit(build.status ?? 1);
}
if (existsSync(entry)) {
  console.error('devDependencies absent: starting the prebuilt dist/ as it is');
  process.exit(0);
}
console.error('no dist/ build and no TypeScript to make one: run `npm ci && npm run build` first (see README, "Production image")');
process.exit(1);
