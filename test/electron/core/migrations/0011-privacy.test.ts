import path from 'node:path';
import { expect, it } from 'vitest';
import { openDatabase } from '../../../../electron/core/database';
import { migrations } from '../../../../electron/core/migrations';
import { makeTempDir } from '../../../helpers/temp-dir';

it('0011 lets staff hold the privacy role, keeping every account and the audit rows that point at them', async () => {
  const file = path.join(makeTempDir(), 'kiosk.sqlite3');
  const privacyAt = migrations.findIndex((migration) => migration.sql.includes("'privacy'"));
  expect(privacyAt).toBeGreaterThan(0);
  const before = await openDatabase(file, migrations.slice(0, privacyAt));
  await before.exec(`
    INSERT INTO staff (id, name, role, pin_salt, pin_hash, created_at, disabled_at)
    VALUES (1, 'Ada', 'admin', x'01', x'02', 10, NULL), (2, 'Rita', 'receptionist', x'03', x'04', 20, 30);
    INSERT INTO audit_log (at, staff_id, actor, action) VALUES (1, 1, 'Ada', 'staff.signedIn'), (2, 2, 'Rita', 'x');
    INSERT INTO visits (first_name, last_name, notice_version, signed_in_at, sign_out_code)
    VALUES ('Anna', 'de Vries', '1-6m-28d', 5, 'ABCDEF');`);
  await expect(
    before.run(
      "INSERT INTO staff (name, role, pin_salt, pin_hash, created_at) VALUES ('P', 'privacy', x'00', x'00', 0)",
    ),
  ).rejects.toThrow(/CHECK/);
  await before.close();

  const after = await openDatabase(file);
  try {
    expect(await after.all('SELECT id, name, role, pin_salt, created_at, disabled_at FROM staff ORDER BY id')).toEqual([
      { id: 1, name: 'Ada', role: 'admin', pin_salt: Buffer.from([1]), created_at: 10, disabled_at: null },
      { id: 2, name: 'Rita', role: 'receptionist', pin_salt: Buffer.from([3]), created_at: 20, disabled_at: 30 },
    ]);
    await after.run(
      "INSERT INTO staff (name, role, pin_salt, pin_hash, created_at) VALUES ('Pia', 'privacy', x'00', x'00', 0)",
    );
    await expect(
      after.run("INSERT INTO staff (name, role, pin_salt, pin_hash, created_at) VALUES ('X', 'boss', x'00', x'00', 0)"),
    ).rejects.toThrow(/CHECK/);
    // The audit's foreign key still points at the rebuilt table and is still enforced.
    expect(await after.all('PRAGMA foreign_key_check')).toEqual([]);
    await expect(
      after.run("INSERT INTO audit_log (at, staff_id, actor, action) VALUES (3, 99, 'x', 'y')"),
    ).rejects.toThrow(/FOREIGN KEY/);
    expect(await after.all('SELECT first_name, restricted_at FROM visits')).toEqual([
      { first_name: 'Anna', restricted_at: null },
    ]);
    expect(await after.all("SELECT name FROM sqlite_master WHERE name LIKE 'staff%' ORDER BY name")).toEqual([
      { name: 'staff' },
    ]);
  } finally {
    await after.close();
  }
});
