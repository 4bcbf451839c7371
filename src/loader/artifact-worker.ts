/** A child process that makes a share of the editions' social images and emails (see `compile-pool.ts`). */
import type { Edition } from '../schemas/edition-model.ts';
import { prepareArtifacts } from './edition-artifacts.ts';

process.once('message', (editions) => {
  prepareArtifacts(editions as Edition[]).then(
    () => process.send?.('done', () => process.disconnect()),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
