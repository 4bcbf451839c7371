/** An artifact worker for tests: an edition headlined "CRASH" kills the process; others are made as usual. */
import type { Edition } from '../../../src/schemas/edition-model.ts';
import { serveShare } from '../../../src/processes/child-protocol.ts';
import { prepareEditionArtifacts } from '../../../src/render/artifacts.ts';

serveShare((edition: Edition) => {
  if (edition.headline === 'CRASH') process.kill(process.pid, 'SIGKILL');
  return prepareEditionArtifacts(edition);
});
