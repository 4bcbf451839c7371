/**
 * Runs before every npm script: on a Node too old to run the `.ts` scripts
 * (they need type stripping, on by default from 22.18), one line saying which
 * Node is needed and how to get it, instead of ERR_UNKNOWN_FILE_EXTENSION and
 * a stack trace. Plain JavaScript on purpose, so any Node can run it; the
 * version needed is package.json's `engines.node`.
 */
import { readFileSync } from 'node:fs';

const engines = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).engines.node;
const [needMajor, needMinor] = engines
  .replace(/^>=\s*/, '')
  .split('.')
  .map(Number);
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < needMajor || (major === needMajor && minor < (needMinor || 0))) {
  console.error(
    `node: this project needs Node ${engines.replace(/^>=\s*/, '')} or later (24 recommended, as .nvmrc says), ` +
      `and this is Node ${process.versions.node}; install it from https://nodejs.org/ or with \`nvm install\``,
  );
  process.exit(1);
}
