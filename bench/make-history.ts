/**
 * Writes a benchmark history in a process of its own (it holds the whole simulated year in memory):
 * `node --import tsx bench/make-history.ts <out.jsonl> <events> <seed>`. The demo's simulation of a district's
 * year, every change a command through the governance facade on the in-memory store, sized to reach `events`
 * events; the first `events` of its log are then exported with the audit exporter (a prefix of a history is a
 * history: every stream's chain is intact, and a cut can leave nothing owed that the audit looks for).
 *
 * It runs the simulation `runDemo` runs (`simulateDistrict`), without the report: rebuilding the demo's
 * read models over a million events would take longer than the simulation itself, and the bench measures
 * that rebuild on its own.
 */
import { exportHistory } from '../src/audit/export-history.js';
import { simulateDistrict } from '../src/demo/simulate-district.js';
import type { RecordedEvent } from '../src/store/event-store.js';

/** Events the simulated year records per household, with some margin below the demo's observed 5.2. */
const EVENTS_PER_HOUSEHOLD = 4.5;

const [out, countText, seedText] = process.argv.slice(2);
const count = Number(countText);
const seed = Number(seedText ?? '1');
if (out === undefined || !Number.isSafeInteger(count) || count < 1 || !Number.isSafeInteger(seed)) {
  process.stderr.write('usage: make-history.ts <out.jsonl> <events> [seed]\n');
  process.exit(2);
}

const progress = (message: string): void => {
  process.stderr.write(`  history: ${message}\n`);
};
const households = Math.ceil(count / EVENTS_PER_HOUSEHOLD);
progress(`simulating ${households.toLocaleString('en-US')} households for a year (seed ${seed})`);
// A DemoFailure (a command the simulation meant to succeed was refused) ends the script with its message.
const { governance } = await simulateDistrict(seed, households, {
  progress: (message) => {
    if (message.startsWith('Mar') || message.startsWith('Jun') || message.startsWith('Sep'))
      progress(message);
  },
});

async function* firstEvents(): AsyncGenerator<RecordedEvent> {
  let taken = 0;
  for await (const event of governance.store.readAll()) {
    if (taken === count) return;
    taken += 1;
    yield event;
  }
}
const exported = await exportHistory(firstEvents(), out);
if (exported.events !== count) {
  throw new Error(`the simulation recorded only ${exported.events} events, ${count} were asked for`);
}
progress(`wrote ${exported.events.toLocaleString('en-US')} events to ${out}`);
