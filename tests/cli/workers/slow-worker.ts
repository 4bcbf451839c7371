/** A worker for tests: says its pid, then takes `ms` milliseconds over each item. */
import { serveShare } from '../../../src/processes/child-protocol.ts';

console.log(process.pid);
serveShare(async (ms: number) => {
  await new Promise((resolve) => setTimeout(resolve, ms));
  return ms;
});
