/**
 * `npm run import`: moves an existing newsletter archive into editions.
 *
 *   npm run import -- <source> [--from auto|pelican|front-matter|markdown|substack|ghost]
 *                              [--out content/editions] [--public public] [--dry-run] [--verbose]
 *
 * Thin: arguments here, the work in scripts/import/. Never prints a stack
 * trace: any failure is one `import: …` line and exit 1; usage errors exit 2.
 */
import { parseArgs } from 'node:util';
import { editionsDirFrom, publicDirFrom } from './import/project.ts';
import { runImport } from './import/run.ts';
import { FORMATS, type Format } from './import/types.ts';

const USAGE = `usage: npm run import -- <source> [--from auto|${FORMATS.join('|')}] [--out content/editions] [--public public] [--dry-run] [--verbose]`;

const HELP = `${USAGE}

Moves an archive (Pelican, Jekyll, Hugo, Eleventy, plain Markdown, Substack or Ghost) into
edition files, then runs the same checks as npm run check. Never overwrites a file.

  --from     the archive's format (default: detected)
  --out      the editions folder to write (default: EDITIONS_DIR or content/editions)
  --dry-run  write nothing; check and report as if written`;

async function main(): Promise<number> {
  if (process.argv.includes('--help') || process.argv.includes('-h')) {
    console.log(HELP);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        from: { type: 'string', default: 'auto' },
        out: { type: 'string', default: editionsDirFrom(process.env) },
        'dry-run': { type: 'boolean', default: false },
        verbose: { type: 'boolean', default: false },
        public: { type: 'string', default: publicDirFrom(process.env) },
      },
    });
  } catch (error) {
    console.error(`import: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) {
    console.error(
      `import: ${positionals.length ? 'expected one source' : 'missing the source folder or export file'}\n${USAGE}`,
    );
    return 2;
  }
  const from = values.from;
  if (from !== 'auto' && !(FORMATS as readonly string[]).includes(from)) {
    console.error(
      `import: --from: expected auto or one of ${FORMATS.join(', ')}, got ${JSON.stringify(from)}\n${USAGE}`,
    );
    return 2;
  }
  return runImport({
    source: positionals[0]!,
    from: from as Format | 'auto',
    out: values.out,
    dryRun: values['dry-run'],
    verbose: values.verbose,
    publicDir: values.public,
  });
}

try {
  process.exitCode = await main();
} catch (error) {
  console.error(`import: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}
