import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { nodeIO } from './nodeIO';

describe('nodeIO', () => {
  it('reads files as UTF-8 and names the file and reason when it cannot', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracelens-io-'));
    const file = join(dir, 'trace.json');
    writeFileSync(file, '{"data":[]} é');
    const { io, dispose } = nodeIO();
    try {
      expect(await io.readFile(file)).toBe('{"data":[]} é');
      await expect(io.readFile(join(dir, 'missing.json'))).rejects.toMatchObject({
        kind: 'input',
        message: `cannot read ${JSON.stringify(join(dir, 'missing.json'))}: no such file`,
      });
      await expect(io.readFile(dir)).rejects.toMatchObject({
        kind: 'input',
        message: expect.stringContaining('it is a directory'),
      });
      expect(io.signal.aborted).toBe(false);
    } finally {
      dispose();
    }
  });

  it('aborts the signal on the first SIGINT instead of exiting', () => {
    const { io, dispose } = nodeIO();
    try {
      process.emit('SIGINT');
      expect(io.signal.aborted).toBe(true);
    } finally {
      dispose();
    }
  });
});
