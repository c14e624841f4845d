// Jest loads globalSetup/globalTeardown through CommonJS require(), without moduleNameMapper:
// map our ESM-style `./file.js` imports and our package imports (`#libs/<name>`, package.json
// "imports") to the TypeScript sources, as the test transform does.
const Module = require('node:module');
const { join } = require('node:path');
const root = join(__dirname, '..', '..');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  const lib = /^#libs\/([a-z-]+)$/.exec(request) ?? /^#(csv-generator|db-seed)$/.exec(request);
  if (lib) return join(root, request.startsWith('#libs/') ? join('libs', lib[1]) : lib[1], 'src', 'index.ts');
  try {
    return resolve.call(this, request, parent, ...rest);
  } catch (error) {
    if (!/^\.\.?\/.*\.js$/.test(request)) throw error;
    return resolve.call(this, request.replace(/\.js$/, '.ts'), parent, ...rest);
  }
};
