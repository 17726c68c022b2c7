// The packaged app's fuses, read the way electron-builder reads its configuration (its own loader and
// schema check), so a misspelt key fails here and not silently at packaging time.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util/out/DebugLogger.js';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const projectDir = path.resolve(import.meta.dirname, '..', '..');

const REQUIRED_FUSES = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  grantFileProtocolExtraPrivileges: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
  enableCookieEncryption: true,
};

describe('electron-builder.yml', () => {
  it('is a valid electron-builder configuration', async () => {
    const config = await getConfig(projectDir, 'electron-builder.yml', null);
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it.each(Object.entries(REQUIRED_FUSES))('sets the fuse %s to %s', async (fuse, value) => {
    const config = await getConfig(projectDir, 'electron-builder.yml', null);
    expect((config.electronFuses as Record<string, unknown> | null | undefined)?.[fuse]).toBe(value);
  });

  it('packs the app into an asar archive, which the asar-only fuses need', async () => {
    const config = await getConfig(projectDir, 'electron-builder.yml', null);
    expect(config.asar ?? true).not.toBe(false);
  });
});
