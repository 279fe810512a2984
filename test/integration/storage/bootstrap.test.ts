import { describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../src/security/passwords';
import { BootstrapError, ensureAdmin } from '../../../src/services/bootstrap';
import { demoAddressRows, demoUsernames, ensureDemoStudy } from '../../../src/services/demo-study';
import { listWalkList } from '../../../src/storage/assignments';
import { listStudiesFor } from '../../../src/storage/studies';
import { findLogin } from '../../../src/storage/users';
import { countRows, openTestDatabase } from '../../helpers/test-app';

describe('ensureAdmin', () => {
  it('creates the admin with a generated password on first start, and nothing on the next', async () => {
    const db = await openTestDatabase();
    const first = await ensureAdmin(db, { username: 'admin' });
    expect(first.created).toBe(true);
    const login = await findLogin(db, 'admin');
    expect(login!.user.role).toBe('admin');
    expect(await verifyPassword(first.generatedPassword!, login!.passwordHash)).toBe(true);
    expect(await ensureAdmin(db, { username: 'admin' })).toEqual({ created: false });
    expect(await countRows(db, 'users')).toBe(1);
  });

  it('uses the configured password and does not print it', async () => {
    const db = await openTestDatabase();
    expect(await ensureAdmin(db, { username: 'beheer', password: 'een sterk wachtwoord' })).toEqual({ created: true, generatedPassword: undefined });
    expect(await verifyPassword('een sterk wachtwoord', (await findLogin(db, 'beheer'))!.passwordHash)).toBe(true);
  });

  it('refuses a weak configured password', async () => {
    const db = await openTestDatabase();
    await expect(ensureAdmin(db, { username: 'admin', password: 'kort' })).rejects.toThrow(BootstrapError);
    // The message says which rule the password breaks.
    const cases: [string, string][] = [
      ['kort', 'at least 10 characters'], ['aaaaaaaaaaaa', '5 different characters'], ['wachtwoord', 'most common passwords'],
      ['1234567890', 'most common passwords'], ['Qwertyuiop', 'most common passwords'], ['mijn buurtladder 2026', 'the name Buurtladder'],
      ['admin van de gemeente', 'ADMIN_USERNAME'],
    ];
    for (const [password, rule] of cases) {
      await expect(ensureAdmin(db, { username: 'admin', password }), password).rejects.toThrow(new RegExp(`^ADMIN_PASSWORD is refused: it .*${rule}`));
    }
    expect(await countRows(db, 'users')).toBe(0);
  });
});

describe('ensureDemoStudy', () => {
  it('creates one clearly labelled demo study with a frame, demo accounts and a walk list', async () => {
    const db = await openTestDatabase();
    await ensureAdmin(db, { username: 'admin' });
    const result = await ensureDemoStudy(db, 'admin', new Date('2026-11-24T12:00:00Z'));
    expect(result.created).toBe(true);
    const admin = (await findLogin(db, 'admin'))!.user;
    const [study] = await listStudiesFor(db, admin);
    expect(study).toMatchObject({ isDemo: true, fieldworkStart: '2026-11-10', fieldworkEnd: '2026-12-22' });
    expect(study!.name).toMatch(/DEMO/);
    expect(await countRows(db, 'addresses')).toBe(demoAddressRows().length);
    const interviewer = (await findLogin(db, demoUsernames.interviewer))!.user;
    expect((await listWalkList(db, interviewer.id)).map((street) => street.name)).toEqual(['Lelieplein', 'Rozenstraat', 'Tulpstraat']);
    expect(await ensureDemoStudy(db, 'admin')).toEqual({ created: false });
    expect(await countRows(db, 'studies')).toBe(1);
  });

  it('leaves nothing behind when the first start fails half-way, and the next start completes it', async () => {
    const db = await openTestDatabase();
    await ensureAdmin(db, { username: 'admin' });
    // Stands in for a disk that fills up while the demo frame is written.
    await db.exec("CREATE TRIGGER full_disk BEFORE INSERT ON addresses BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END");
    await expect(ensureDemoStudy(db, 'admin', new Date('2026-11-24T12:00:00Z'))).rejects.toThrow('disk is full');
    expect(await countRows(db, 'users')).toBe(1);
    expect(await countRows(db, 'studies')).toBe(0);
    await db.exec('DROP TRIGGER full_disk');
    const second = await ensureDemoStudy(db, 'admin', new Date('2026-11-24T12:00:00Z'));
    expect(second.created).toBe(true);
    expect(await verifyPassword(second.password!, (await findLogin(db, demoUsernames.reader))!.passwordHash)).toBe(true);
  });

  it('takes over demo accounts an older failed start left without a study, with a new password', async () => {
    const db = await openTestDatabase();
    await ensureAdmin(db, { username: 'admin' });
    await db.run("INSERT INTO users (username, display_name, role, password_hash) VALUES (?, 'Demo-coördinator', 'coordinator', 'scrypt$old')", [demoUsernames.coordinator]);
    const result = await ensureDemoStudy(db, 'admin', new Date('2026-11-24T12:00:00Z'));
    expect(result.created).toBe(true);
    expect(await countRows(db, 'users')).toBe(4);
    expect(await verifyPassword(result.password!, (await findLogin(db, demoUsernames.coordinator))!.passwordHash)).toBe(true);
  });
});
