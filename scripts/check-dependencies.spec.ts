import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from '@jest/globals';
import {
  installedVersions,
  reviewedVersions,
  UNTRUSTED_INPUT_PARSERS,
  unreviewed,
} from './check-dependencies';
import { REPO_ROOT } from '@jipin/core';

const ROOT = REPO_ROOT;

const DOC = `# Security
## Packages that parse untrusted input (reviewed versions)
| package | reviewed versions | parses | bounded by |
|---|---|---|---|
| \`exceljs\` | 4.4.0 | uploads | worker |
| \`fast-uri\` | 3.1.9, 4.2.4 | URIs | schema |
## Next section
| \`pg\` | 1.0.0 | not part of the review table | |
`;

describe('dependency review check', () => {
  test('reads the reviewed versions from the table of its section only', () => {
    const reviewed = reviewedVersions(DOC);
    assert.deepEqual([...reviewed.keys()], ['exceljs', 'fast-uri']);
    assert.deepEqual([...reviewed.get('fast-uri')!], ['3.1.9', '4.2.4']);
  });

  test('an installed version nobody reviewed, or a parser missing from the list, fails the check', () => {
    const reviewed = reviewedVersions(DOC);
    const installed = new Map([
      ['exceljs', new Set(['4.4.0'])],
      ['fast-uri', new Set(['3.1.9', '4.2.5'])],
    ]);
    assert.deepEqual(unreviewed(['exceljs', 'fast-uri', 'qrcode'], reviewed, installed), [
      'fast-uri 4.2.5 is installed but not reviewed (reviewed: 3.1.9, 4.2.4)',
      'qrcode: not in the reviewed list of docs/security.md',
    ]);
    assert.deepEqual(
      unreviewed(['exceljs'], reviewed, new Map([['exceljs', new Set(['4.4.0'])]])),
      [],
    );
  });

  test('finds every installed copy of a package in node_modules, e.g. both fast-uri lines', () => {
    const installed = installedVersions(ROOT, ['exceljs', 'fast-uri']);
    assert.equal(installed.get('exceljs')?.size, 1);
    assert.ok((installed.get('fast-uri')?.size ?? 0) >= 1);
  });

  test('this checkout: every installed untrusted-input parser version is in docs/security.md', () => {
    const reviewed = reviewedVersions(readFileSync(join(ROOT, 'docs', 'security.md'), 'utf8'));
    const installed = installedVersions(ROOT, UNTRUSTED_INPUT_PARSERS);
    assert.deepEqual(unreviewed(UNTRUSTED_INPUT_PARSERS, reviewed, installed), []);
  });
});
