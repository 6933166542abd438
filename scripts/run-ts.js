#!/usr/bin/env node
/*
 * Runs a TypeScript file under plain node, the way Jest runs the tests: swc compiles each .ts
 * file on require (legacy decorators with metadata, CommonJS), and `@app/<lib>[/<path>]`
 * resolves to `libs/<lib>/src[/<path>]`.
 *
 *   node scripts/run-ts.js path/to/file.ts [args...]   runs the file as the main module
 *   node -r ./scripts/run-ts.js ...                     only installs the hooks
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');

const root = path.resolve(__dirname, '..');
const libsDir = path.join(root, 'libs');

const MARK = Symbol.for('okrug.run-ts');

const register = () => {
  // Replaces any built-in .ts handling (newer node strips types but knows no decorators).
  if (Module._extensions['.ts'] && Module._extensions['.ts'][MARK]) return;
  const swc = require('@swc/core');

  const options = (filename) => ({
    filename,
    sourceMaps: 'inline',
    inlineSourcesContent: true,
    swcrc: false,
    configFile: false,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  });

  Module._extensions['.ts'] = (module, filename) => {
    const source = fs.readFileSync(filename, 'utf8');
    const { code } = swc.transformSync(source, options(filename));
    module._compile(code, filename);
  };
  Module._extensions['.ts'][MARK] = true;

  const APP = /^@app\/([^/]+)(\/.*)?$/;
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    const m = APP.exec(request);
    if (m) {
      const lib = path.join(libsDir, m[1], 'src');
      if (fs.existsSync(lib)) request = m[2] ? path.join(lib, m[2]) : lib;
    }
    return resolve.call(this, request, parent, ...rest);
  };

  if (typeof process.setSourceMapsEnabled === 'function') process.setSourceMapsEnabled(true);
};

register();

if (require.main === module) {
  const [, , file, ...args] = process.argv;
  if (!file) {
    process.stderr.write('usage: node scripts/run-ts.js <file.ts> [args...]\n');
    process.exit(2);
  }
  const target = path.resolve(file);
  // The script sees itself as argv[1] and its own arguments after it, as under plain node.
  process.argv = [process.argv[0], target, ...args];
  Module.runMain(target);
}
