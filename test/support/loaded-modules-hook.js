// Preloaded into a spawned server (node --require): on exit, writes every module the process loaded
// to the file named by LOADED_MODULES_FILE, so a test can check what production code pulls in.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  writeFileSync(process.env.LOADED_MODULES_FILE, JSON.stringify(Object.keys(require.cache)));
});
