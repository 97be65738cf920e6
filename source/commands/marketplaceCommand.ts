import { MarketplaceRefusal } from '../core/marketplace/MarketplaceRefusal.js';
import { CliError, EXIT, usageError } from './CliError.js';
import type { CommandContext, CommandRun } from './Command.js';
import { searchCommand, showCommand } from './marketplace/marketplaceBrowse.js';
import { installCommand } from './marketplace/marketplaceInstall.js';
import {
  keyCommand,
  publishCommand,
  queueCommand,
  rateCommand,
  reviewCommand,
} from './marketplace/marketplacePublish.js';
import { marketplaceSetup } from './marketplace/marketplaceSetup.js';
import { updateCommand } from './marketplace/marketplaceUpdate.js';

const SUBCOMMANDS = 'search, show, install, update, publish, review, queue, rate or key';

async function dispatch(
  context: CommandContext,
  subcommand: string | undefined,
  rest: string[],
): Promise<number> {
  if (subcommand === undefined) throw usageError(`marketplace needs a subcommand: ${SUBCOMMANDS}`);
  const known = ['search', 'show', 'install', 'update', 'publish', 'review', 'queue', 'rate', 'key'];
  if (!known.includes(subcommand))
    throw usageError(`unknown marketplace subcommand '${subcommand}' (${SUBCOMMANDS})`);
  const setup = await marketplaceSetup(context);
  switch (subcommand) {
    case 'search':
      return searchCommand(context, setup, rest);
    case 'show':
      return showCommand(context, setup, rest[0]);
    case 'install':
      return installCommand(context, setup, rest[0]);
    case 'update':
      return updateCommand(context, setup);
    case 'publish':
      return publishCommand(context, setup, rest);
    case 'review':
      return reviewCommand(context, setup, rest);
    case 'queue':
      return queueCommand(context, setup);
    case 'rate':
      return rateCommand(context, setup, rest);
    default:
      return keyCommand(context, setup);
  }
}

/** `cws-tui marketplace ...`: discover, install, publish, review and rate signed templates. */
export const runMarketplaceCommand: CommandRun = async (context) => {
  const [subcommand, ...rest] = context.args;
  try {
    return await dispatch(context, subcommand, rest);
  } catch (error) {
    // A refused signature, review or release is a governance denial: exit 3 with the reason.
    if (error instanceof MarketplaceRefusal) throw new CliError(error.message, EXIT.denied);
    throw error;
  }
};
