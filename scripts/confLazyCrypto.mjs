// An esbuild plugin that makes conf load node:crypto only when it encrypts or decrypts (which the
// app never asks of it): conf imports it up front, and importing node:crypto costs about 3.7 MB
// resident for good, paid by every session that writes its config. Each `crypto.<name>` conf uses
// is forwarded to source/core/crypto/nodeCrypto.ts; the build fails if conf uses crypto otherwise.
import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const lazy = fileURLToPath(new URL('../source/core/crypto/nodeCrypto.ts', import.meta.url));
const IMPORT = "import crypto from 'node:crypto';";

export const confLazyCrypto = {
  name: 'conf-lazy-crypto',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]node_modules[\\/]conf[\\/]dist[\\/]source[\\/]index\.js$/ },
      async (args) => {
        const original = await readFile(args.path, 'utf8');
        const body = original.replace(IMPORT, '');
        const names = [...new Set([...body.matchAll(/\bcrypto\.(\w+)\(/g)].map((match) => match[1]))];
        const otherUses = body.replace(/\bcrypto\.\w+\(/g, '').match(/\bcrypto\b/g) ?? [];
        if (!original.includes(IMPORT) || names.length === 0 || otherUses.length > 0) {
          throw new Error("conf's use of node:crypto changed: check scripts/confLazyCrypto.mjs against it");
        }
        const forwarders = names.map((name) => `${name}: (...args) => __cwsNodeCrypto().${name}(...args)`);
        return {
          contents: [
            `import { nodeCrypto as __cwsNodeCrypto } from ${JSON.stringify(lazy)};`,
            `const crypto = { ${forwarders.join(', ')} };`,
            body,
          ].join('\n'),
          resolveDir: dirname(args.path),
          loader: 'js',
        };
      },
    );
  },
};
