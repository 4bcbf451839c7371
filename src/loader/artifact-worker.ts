/** A child process that makes a share of the editions' social images and emails (see `compile-pool.ts`). */
import type { Edition } from '../schemas/edition-model.ts';
import { serveShare } from './child-protocol.ts';
import { prepareEditionArtifacts } from './edition-artifacts.ts';

serveShare((edition: Edition) => prepareEditionArtifacts(edition));
