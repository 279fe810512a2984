import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const projectDir = path.resolve(import.meta.dirname, '../..');

describe('the sync inspector thread', () => {
  it('loads and answers when the server was started from another folder', () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'elsewhere-'));
    const result = spawnSync(path.join(projectDir, 'node_modules', '.bin', 'tsx'), [path.join(projectDir, 'test', 'helpers', 'inspect-once.ts')], {
      cwd: elsewhere, encoding: 'utf8', timeout: 60_000,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout.trim()).toBe('2');
  });
});
