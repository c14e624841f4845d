// Jest loads globalSetup/globalTeardown through CommonJS require(), without moduleNameMapper:
// map our ESM-style `./file.js` imports to the `./file.ts` sources, as the test transform does.
const Module = require('node:module');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, parent, ...rest) {
  try {
    return resolve.call(this, request, parent, ...rest);
  } catch (error) {
    if (!/^\.\.?\/.*\.js$/.test(request)) throw error;
    return resolve.call(this, request.replace(/\.js$/, '.ts'), parent, ...rest);
  }
};
