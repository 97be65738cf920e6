// The entry of the single executable (Node's SEA): the app's files travel inside it as assets. On
// first run they are unpacked, once per build (the folder is named after their hash), into the
// user's cache, laid out as the npm package is; then the bundle runs from there, as `cws-tui` would.
'use strict';
const fs = require('node:fs');
const { createRequire } = require('node:module');
const os = require('node:os');
const path = require('node:path');
const sea = require('node:sea');

const manifest = JSON.parse(sea.getAsset('manifest.json', 'utf8'));

function cacheRoot() {
  if (process.env.XDG_CACHE_HOME) return path.join(process.env.XDG_CACHE_HOME, 'cws-tui');
  // With an empty environment (env -i) there is no HOME: the account's home from the password file.
  return path.join(os.homedir(), '.cache', 'cws-tui');
}

function unpack(target) {
  const staging = `${target}.tmp-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  for (const file of manifest.files) {
    const bytes = Buffer.from(sea.getRawAsset(file));
    const destination = path.join(staging, file);
    fs.mkdirSync(path.dirname(destination), { recursive: true, mode: 0o700 });
    fs.writeFileSync(destination, bytes, { mode: 0o600 });
  }
  fs.writeFileSync(path.join(staging, '.complete'), manifest.hash, { mode: 0o600 });
  try {
    fs.renameSync(staging, target);
  } catch (error) {
    // Another run unpacked the same build first: use that one.
    fs.rmSync(staging, { recursive: true, force: true });
    if (!unpacked(target)) throw error;
  }
}

/** A complete unpack of this build: the marker is written last, so a partial copy never counts. */
function unpacked(target) {
  try {
    return fs.readFileSync(path.join(target, '.complete'), 'utf8') === manifest.hash;
  } catch {
    return false;
  }
}

const root = cacheRoot();
fs.mkdirSync(root, { recursive: true, mode: 0o700 });
const target = path.join(root, manifest.hash.slice(0, 16));
if (!unpacked(target)) {
  fs.rmSync(target, { recursive: true, force: true });
  unpack(target);
}
// A file-based CommonJS module may import() the ESM bundle; the SEA's own main script may not.
createRequire(path.join(target, 'loader.cjs'))('./loader.cjs')();
