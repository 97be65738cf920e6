import { CostLedger } from './CostLedger.js';

const ledgers = new Map<string, CostLedger>();

/**
 * The one ledger of a file for this process. A ledger keeps what it last wrote, so the cost report
 * every 30 s re-reads and re-validates 10,000 entries (a pause of a second at 10,000 workstations)
 * only when another process changed the file, not because each report made a ledger of its own.
 */
export function sharedCostLedger(file: string): CostLedger {
  let ledger = ledgers.get(file);
  if (!ledger) {
    ledger = new CostLedger(file);
    ledgers.set(file, ledger);
  }
  return ledger;
}
