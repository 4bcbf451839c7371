/**
 * A child process that reads a large `topics.yaml` (see `loadTopicsWithin`
 * in `load-topics.ts`), so that a file the YAML parser takes minutes over
 * can be stopped at the budget.
 */
import { serveShare } from '../processes/child-protocol.ts';
import { loadTopics, type TopicsJob } from './load-topics.ts';

serveShare((job: TopicsJob) => loadTopics(job.root, job.file));
