/** A child process that makes a share of the editions' social images and emails (see `artifact-processes.ts`). */
import type { Edition } from '../schemas/edition-model.ts';
import { serveShare } from '../processes/child-protocol.ts';
import { prepareEditionArtifacts } from './artifacts.ts';

serveShare((edition: Edition) => prepareEditionArtifacts(edition));
