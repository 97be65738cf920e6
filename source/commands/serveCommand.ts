import { readFile } from 'node:fs/promises';
import pkg from '../../package.json' with { type: 'json' };
import { resolveAppPaths } from '../core/paths.js';
import { checkRemoteListen, parseListenAddress, type TcpAddress } from '../server/listenAddress.js';
import { rotateServeToken, serveTokenPath } from '../server/serveToken.js';
import { startApiService } from '../server/startApiService.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandRun } from './Command.js';

async function readTls(cert: string, key: string): Promise<{ cert: Buffer; key: Buffer }> {
  try {
    return { cert: await readFile(cert), key: await readFile(key) };
  } catch (error) {
    throw new CliError(`cannot read the TLS certificate or key: ${(error as Error).message}`);
  }
}

/**
 * `cws-tui serve`: the core over HTTP until SIGINT or SIGTERM, then a graceful stop that lets the
 * launches in flight finish their records. `--rotate-token` makes a new bearer token and exits.
 */
export const runServeCommand: CommandRun = async (context) => {
  const { flags, stdout, stderr } = context;
  if (context.args.length > 0) throw usageError(`serve takes no arguments, got "${context.args.join(' ')}"`);
  const { stateDir } = resolveAppPaths(context.env);
  if (flags.rotateToken) {
    const { id, token } = await rotateServeToken(stateDir);
    stdout(flags.json ? `${JSON.stringify({ token_id: id, token })}\n` : `${token}\n`);
    stderr(
      `cws-tui: token ${id} replaces the previous one (a running serve uses it at once); it is shown only now\n`,
    );
    return EXIT.ok;
  }
  let tcp: TcpAddress | undefined;
  if (flags.listen !== undefined) {
    tcp = parseListenAddress(flags.listen);
    checkRemoteListen(tcp, flags);
  } else if (flags.tlsCert || flags.tlsKey || flags.allowRemote) {
    throw usageError('--tls-cert, --tls-key and --allow-remote go with --listen HOST:PORT');
  }
  const https = flags.tlsCert && flags.tlsKey ? await readTls(flags.tlsCert, flags.tlsKey) : undefined;
  const service = await startApiService({
    context,
    version: pkg.version,
    ...(tcp ? { tcp } : {}),
    ...(https ? { https } : {}),
    ...(flags.corsOrigin ? { corsOrigin: flags.corsOrigin } : {}),
  });
  if (flags.json) {
    stdout(
      `${JSON.stringify({ listening: service.url, token_id: service.tokenId ?? null, token: service.newToken ?? null })}\n`,
    );
  } else {
    stdout(`listening on ${service.url}\n`);
    if (service.newToken)
      stdout(
        `bearer token (shown once; stored hashed in ${serveTokenPath(stateDir)}): ${service.newToken}\n`,
      );
    else if (service.tokenId)
      stdout(
        `bearer token ${service.tokenId} from ${serveTokenPath(stateDir)} ('serve --rotate-token' prints a new one)\n`,
      );
  }
  await new Promise<void>((resolve) => {
    let stoppingSince: number | undefined;
    const stop = (signal: string) => {
      if (stoppingSince !== undefined) {
        // A library's exit hook may raise the same signal again at once: only a second press counts.
        if (Date.now() - stoppingSince < 1_000) return;
        stderr(
          `cws-tui: ${signal} again: stopping now; an unfinished launch resumes when launched again with the same name\n`,
        );
        process.exit(EXIT.error);
      }
      stoppingSince = Date.now();
      stderr('cws-tui: stopping: finishing the changes in flight (launch records included)\n');
      void service.close().then(resolve, resolve);
    };
    process.on('SIGINT', () => stop('SIGINT'));
    process.on('SIGTERM', () => stop('SIGTERM'));
  });
  return EXIT.ok;
};
