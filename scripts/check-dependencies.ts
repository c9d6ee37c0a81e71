import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '@jipin/core';

/**
 * The production packages that read what users (or the network) send: a new
 * version of one of these is reviewed before it runs here. The table in
 * docs/security.md says, for each, the versions reviewed and how its input is bounded.
 */
export const UNTRUSTED_INPUT_PARSERS = [
  'fastify',
  'find-my-way',
  'fast-querystring',
  'secure-json-parse',
  'fast-uri',
  '@fastify/multipart',
  '@fastify/busboy',
  '@fastify/static',
  'exceljs',
  'unzipper',
  'saxes',
  'class-validator',
  'validator',
  'class-transformer',
  '@nestjs/jwt',
  'jsonwebtoken',
  'jws',
  'argon2',
  'pg',
  'pg-protocol',
  'qrcode',
];

export const REVIEW_SECTION = '## Packages that parse untrusted input';

/** package → versions, from the table under REVIEW_SECTION ("| `name` | 1.2.3, 1.2.4 | …"). */
export function reviewedVersions(markdown: string): Map<string, Set<string>> {
  const start = markdown.indexOf(REVIEW_SECTION);
  if (start < 0) throw new Error(`docs/security.md has no "${REVIEW_SECTION}" section`);
  const section = markdown.slice(start).split(/\n## /)[0];
  const reviewed = new Map<string, Set<string>>();
  for (const line of section.split('\n')) {
    const cells = /^\|\s*`([^`]+)`\s*\|([^|]*)\|/.exec(line);
    if (cells) reviewed.set(cells[1], new Set(cells[2].split(',').map((v) => v.trim())));
  }
  return reviewed;
}

/**
 * package → installed versions (every copy in the tree), from npm's record of
 * node_modules, each version read from the package's own package.json on disk.
 * Copies only development tools use are left out.
 */
export function installedVersions(root: string, names: string[]): Map<string, Set<string>> {
  const record = join(root, 'node_modules', '.package-lock.json');
  if (!existsSync(record)) throw new Error(`${record} is missing: run npm ci first`);
  const packages = (
    JSON.parse(readFileSync(record, 'utf8')) as {
      packages: Record<string, { dev?: boolean }>;
    }
  ).packages;
  const installed = new Map<string, Set<string>>();
  for (const [path, info] of Object.entries(packages)) {
    const name = names.find((n) => path.endsWith(`node_modules/${n}`));
    if (!name || info.dev) continue;
    const manifest = join(root, path, 'package.json');
    if (!existsSync(manifest)) continue;
    const { version } = JSON.parse(readFileSync(manifest, 'utf8')) as { version: string };
    if (!installed.has(name)) installed.set(name, new Set());
    installed.get(name)!.add(version);
  }
  return installed;
}

/** One sentence per problem; none means every installed parser version was reviewed. */
export function unreviewed(
  names: string[],
  reviewed: Map<string, Set<string>>,
  installed: Map<string, Set<string>>,
): string[] {
  const problems: string[] = [];
  for (const name of names) {
    const versions = reviewed.get(name);
    if (!versions) {
      problems.push(`${name}: not in the reviewed list of docs/security.md`);
      continue;
    }
    for (const version of installed.get(name) ?? [])
      if (!versions.has(version))
        problems.push(
          `${name} ${version} is installed but not reviewed (reviewed: ${[...versions].join(', ')})`,
        );
  }
  return problems;
}

function main(): void {
  const root = REPO_ROOT;
  const reviewed = reviewedVersions(readFileSync(join(root, 'docs', 'security.md'), 'utf8'));
  const installed = installedVersions(root, UNTRUSTED_INPUT_PARSERS);
  const problems = unreviewed(UNTRUSTED_INPUT_PARSERS, reviewed, installed);
  if (problems.length) {
    console.error(
      `${problems.join('\n')}\nReview the new version (advisories, changelog) and add it to docs/security.md.`,
    );
    process.exit(1);
  }
  const count = [...installed.values()].reduce((sum, v) => sum + v.size, 0);
  console.log(
    `${count} installed versions of ${UNTRUSTED_INPUT_PARSERS.length} untrusted-input parsers: all reviewed`,
  );
}

// Run as a script (compiled, CommonJS); imported by its test (under Jest, an ES module) it only exports.
if (typeof require !== 'undefined' && require.main === module) main();
