import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { DateTime } from 'luxon';
import type {
  AccessExport,
  FootageExportResult,
  FootageManifest,
  PrivacyPurpose,
  PrivacySearchResult,
  PrivacyVisit,
  VisitFootage,
} from '../../../shared/api/privacy';
import type { FootageRow, HoldBasis } from '../../../shared/api/types';
import type { KioskConfig } from '../../../shared/config';
import type { Language } from '../../../shared/messages';
import { noticeFacts } from '../../../shared/notice';
import { renderAccessExport } from '../../../shared/privacy-export';
import { matchesEveryWord, normaliseForSearch, searchTextOf, searchWords } from '../../../shared/search-text';
import { endOfLocalDate } from '../../../shared/time';
import type { Plate } from '../../../shared/validation/plate';
import { auditActorLabel, type AuditActor, type AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { Database, Statements } from '../database';
import type { FootageService } from '../footage/footage-service';
import { openFolderWalk } from '../footage/folder-walk';
import { inspectRoot } from '../footage/root';
import { ROOT_DEVICE_KEY } from '../footage/scanner';
import type { HoldsService } from '../holds/holds-service';
import { eraseUnheldVisits, forgetHoldReasonsOfErasedVisits } from '../retention/visit-purge';
import { UserError } from '../user-error';
import type { ExportRecords } from './export-records';
import { eraseExpectedVisits, expectedVisitsBetween, expectedVisitsByIds } from './expected-visit-queries';
import {
  copyFootageFile,
  makeUniqueExportFolder,
  prepareExportFolder,
  type CopiedFile,
  type ExportSource,
} from './footage-export';
import { fillMissingSearchText, searchVisitIds, visitsByIds } from './privacy-queries';

/** A search returns at most this many visits, the newest first. */
export const MAX_SEARCH_HITS = 500;
// A recording that started this long before a visit's window may still run into it.
const RECORDING_LOOKBACK_MS = 60 * 60_000;

export interface Correction {
  firstName?: string;
  lastName?: string;
  company?: string | null;
  plate?: Plate | null;
}

export interface PrivacyServiceDependencies {
  database: Database;
  clock: Clock;
  config: KioskConfig;
  audit: AuditLog;
  holds: HoldsService;
  footage: FootageService;
  exports: ExportRecords;
}

/**
 * Data-subject requests (GDPR art. 15-21): find a person's visits, give them a copy, correct, erase,
 * restrict, and hand footage over. Every step is audited with counts, ids, purposes and field names,
 * never the data itself or the search terms.
 */
export function createPrivacyService({
  database,
  clock,
  config,
  audit,
  holds,
  footage,
  exports,
}: PrivacyServiceDependencies) {
  const zone = config.timeZone;

  async function requireVisits(tx: Statements, ids: readonly number[]): Promise<PrivacyVisit[]> {
    const found = await visitsByIds(tx, ids, clock.now());
    const known = new Set(found.map((visit) => visit.id));
    const missing = ids.find((id) => !known.has(id));
    if (missing !== undefined) throw new UserError({ key: 'privacy.unknownVisit', params: { visitId: missing } });
    return found;
  }

  async function search(
    actor: AuditActor,
    input: { query: string; from?: string; to?: string; purpose: PrivacyPurpose },
  ): Promise<PrivacySearchResult> {
    const words = searchWords(input.query);
    if (words.length === 0)
      throw new UserError({ key: 'privacy.queryRequired', fields: { query: 'privacy.queryRequired' } });
    const from = input.from ? DateTime.fromISO(input.from, { zone }).toMillis() : 0;
    const to = input.to ? endOfLocalDate(input.to, zone) : Number.MAX_SAFE_INTEGER;
    await fillMissingSearchText(database);
    const hits = await searchVisitIds(database, words, from, to);
    const visits = await visitsByIds(database, hits.slice(0, MAX_SEARCH_HITS), clock.now());
    const expected = await searchExpectedVisits(words, input.from, input.to);
    await audit.record(actor, 'privacy.searched', {
      purpose: input.purpose,
      hits: hits.length,
      expectedHits: expected.length,
    });
    return {
      timeZone: zone,
      visits: visits.reverse().map((visit) => ({ kind: 'visit' as const, ...visit })),
      expected: expected.slice(0, MAX_SEARCH_HITS),
      truncated: hits.length > MAX_SEARCH_HITS || expected.length > MAX_SEARCH_HITS,
    };
  }

  /** Invitations hold a person's data too, often for a later date: a request must find them. */
  async function searchExpectedVisits(words: string[], from?: string, to?: string) {
    const candidates = await expectedVisitsBetween(database, from ?? '0000-01-01', to ?? '9999-12-31');
    return candidates.filter((expected) =>
      matchesEveryWord(
        words,
        [expected.firstName, expected.lastName, expected.company ?? '', expected.plate ?? ''].map(normaliseForSearch),
      ),
    );
  }

  /** The configured cameras' recordings from a margin before the visit until a margin after it left. */
  async function visitFootage(actor: AuditActor | null, visitId: number): Promise<VisitFootage> {
    const [visit] = await requireVisits(database, [visitId]);
    const margin = config.privacy.footageMarginMinutes * 60_000;
    const from = visit!.signedInAt - margin;
    const to = (visit!.signedOutAt ?? clock.now()) + margin;
    const cameras = new Set(config.privacy.visitCameras);
    const rows = (
      await footage.list({ status: 'kept', from: from - RECORDING_LOOKBACK_MS, to: to + 1, limit: 10_000 })
    ).filter((row) => cameras.size === 0 || cameras.has(row.camera));
    // Of the recordings that started before the window, only each camera's last one can run into it.
    const lastBefore = new Map<string, FootageRow>();
    for (const row of rows) {
      const last = lastBefore.get(row.camera);
      if (row.recordedAt < from && (!last || row.recordedAt > last.recordedAt)) lastBefore.set(row.camera, row);
    }
    const files = rows
      .filter((row) => row.recordedAt >= from || lastBefore.get(row.camera) === row)
      .sort((a, b) => a.camera.localeCompare(b.camera) || a.recordedAt - b.recordedAt);
    if (actor) await audit.record(actor, 'privacy.footageViewed', { visitId, count: files.length });
    return { visitId, from, to, files };
  }

  /** A new folder of its own under the export folder, named by kind and time (and a few random letters). */
  const newExportFolder = (kind: string, now: number) =>
    path.join(
      exports.root(),
      `${kind}-${DateTime.fromMillis(now, { zone }).toFormat("yyyyMMdd'T'HHmmss")}-${randomBytes(3).toString('hex')}`,
    );

  /** Writes a file the kiosk hands over; never overwrites one. */
  function writeNew(file: string, content: string): void {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      fs.writeFileSync(file, content, { flag: 'wx', mode: 0o600 });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError({ key: 'privacy.exportFileExists' });
      throw error;
    }
  }

  /**
   * The copy for the person (art. 15), written into the export folder (a new folder, or the
   * operator's `out` file inside it) and recorded with its expiry, as every export is.
   */
  async function exportVisits(
    actor: AuditActor,
    input: { visitIds: number[]; expectedIds?: number[]; language: Language; purpose: PrivacyPurpose; out?: string },
  ): Promise<AccessExport> {
    const visits = await requireVisits(database, input.visitIds);
    const expectedIds = input.expectedIds ?? [];
    await requireExpectedVisits(database, expectedIds);
    const expected = await expectedVisitsByIds(database, expectedIds);
    const now = clock.now();
    const rendered = renderAccessExport(visits, noticeFacts(config), input.language, now, expected);
    let htmlFile: string;
    let jsonFile: string;
    let written: string[];
    if (input.out !== undefined) {
      htmlFile = exports.inside(input.out);
      jsonFile = htmlFile.replace(/(\.html?)?$/i, '.json');
      written = [htmlFile, jsonFile];
    } else {
      const folder = newExportFolder('access-copy', now);
      htmlFile = path.join(folder, rendered.htmlFileName);
      jsonFile = path.join(folder, rendered.jsonFileName);
      written = [folder];
    }
    writeNew(htmlFile, rendered.html);
    try {
      writeNew(jsonFile, rendered.json);
    } catch (error) {
      fs.rmSync(input.out !== undefined ? htmlFile : written[0]!, { recursive: true, force: true });
      throw error;
    }
    const visitIds = visits.map((visit) => visit.id);
    const recorded = await exports.record({
      kind: 'access',
      purpose: input.purpose,
      actor,
      written,
      visitIds,
      expectedIds: expected.map((hit) => hit.id),
      fileCount: 2,
      holdIds: [],
    });
    await audit.record(actor, 'privacy.exported', {
      purpose: input.purpose,
      language: input.language,
      count: visits.length,
      visitIds: visitIds.join(','),
      expectedIds: expectedIds.join(','),
      exportId: recorded.id,
    });
    return {
      count: visits.length,
      expectedCount: expected.length,
      exportId: recorded.id,
      htmlFile,
      jsonFile,
      expiresAt: recorded.expiresAt,
      ...rendered,
    };
  }

  async function correct(actor: AuditActor, visitId: number, correction: Correction): Promise<PrivacyVisit> {
    const changed = await database.transaction(async (tx) => {
      const [current] = await requireVisits(tx, [visitId]);
      // Only what differs counts as corrected, so the audit names the fields that really changed.
      const differs = <T>(value: T | undefined, now: T) => value !== undefined && value !== now;
      const assignments: [column: string, value: string | null, field: string][] = [];
      if (differs(correction.firstName, current!.firstName))
        assignments.push(['first_name', correction.firstName!, 'firstName']);
      if (differs(correction.lastName, current!.lastName))
        assignments.push(['last_name', correction.lastName!, 'lastName']);
      if (differs(correction.company, current!.company)) assignments.push(['company', correction.company!, 'company']);
      if (correction.plate !== undefined && (correction.plate?.display ?? null) !== current!.plate) {
        assignments.push(['plate', correction.plate?.display ?? null, 'plate']);
        assignments.push(['plate_kind', correction.plate?.kind ?? null, 'plateKind']);
      }
      if (assignments.length === 0) throw new UserError({ key: 'privacy.nothingToCorrect' });
      const corrected = {
        firstName: correction.firstName ?? current!.firstName,
        lastName: correction.lastName ?? current!.lastName,
        company: correction.company !== undefined ? correction.company : current!.company,
        plate: correction.plate !== undefined ? (correction.plate?.display ?? null) : current!.plate,
      };
      assignments.push(['search_text', searchTextOf(corrected), 'searchText']);
      await tx.run(`UPDATE visits SET ${assignments.map(([column]) => `${column} = ?`).join(', ')} WHERE id = ?`, [
        ...assignments.map(([, value]) => value),
        visitId,
      ]);
      const fields = assignments
        .map(([, , field]) => field)
        .filter((field) => field !== 'plateKind' && field !== 'searchText');
      await audit.record(actor, 'privacy.corrected', { visitId, fields: fields.join(',') }, tx);
      return fields.length;
    });
    // The old values stay in the WAL until it is copied back: gone with the checkpoint, as after a purge.
    if (changed > 0) await database.checkpoint();
    const [visit] = await visitsByIds(database, [visitId], clock.now());
    return visit!;
  }

  async function requireExpectedVisits(tx: Statements, ids: readonly number[]) {
    const known = new Set((await expectedVisitsByIds(tx, ids)).map((expected) => expected.id));
    const missing = ids.find((id) => !known.has(id));
    if (missing !== undefined)
      throw new UserError({ key: 'privacy.unknownExpectedVisit', params: { expectedId: missing } });
  }

  async function erase(
    actor: AuditActor,
    visitIds: number[],
    reason: string,
    expectedIds: number[] = [],
  ): Promise<{ erased: number; erasedExpected: number }> {
    const now = clock.now();
    const refuseHeld = (visits: PrivacyVisit[]) => {
      const held = visits.find((visit) => visit.held);
      if (held) throw new UserError({ key: 'privacy.visitHeld', params: { visitId: held.id } });
    };
    refuseHeld(await requireVisits(database, visitIds));
    await requireExpectedVisits(database, expectedIds);
    // The person's copies go first: should one fail to go, no visit is erased and the request can be repeated.
    await exports.eraseForVisits(actor, visitIds, expectedIds);
    const erased = await database.transaction(async (tx) => {
      refuseHeld(await requireVisits(tx, visitIds));
      await requireExpectedVisits(tx, expectedIds);
      const count = visitIds.length > 0 ? await eraseUnheldVisits(tx, visitIds, now) : 0;
      if (visitIds.length > 0) await forgetHoldReasonsOfErasedVisits(tx, now);
      const expectedCount = await eraseExpectedVisits(tx, expectedIds);
      await audit.record(
        actor,
        'privacy.erased',
        {
          count,
          visitIds: visitIds.join(','),
          expectedCount,
          expectedIds: expectedIds.join(','),
          reason,
        },
        tx,
      );
      return { erased: count, erasedExpected: expectedCount };
    });
    // secure_delete zeroed the rows in the database pages; the checkpoint empties the WAL of them too.
    await database.checkpoint();
    return erased;
  }

  async function setRestricted(
    actor: AuditActor,
    visitIds: number[],
    restricted: boolean,
    reason: string | undefined,
  ): Promise<{ changed: number }> {
    return database.transaction(async (tx) => {
      await requireVisits(tx, visitIds);
      const placeholders = visitIds.map(() => '?').join(',');
      const { changes } = restricted
        ? await tx.run(`UPDATE visits SET restricted_at = ? WHERE restricted_at IS NULL AND id IN (${placeholders})`, [
            clock.now(),
            ...visitIds,
          ])
        : await tx.run(
            `UPDATE visits SET restricted_at = NULL WHERE restricted_at IS NOT NULL AND id IN (${placeholders})`,
            visitIds,
          );
      await audit.record(
        actor,
        restricted ? 'privacy.restricted' : 'privacy.unrestricted',
        { count: changes, visitIds: visitIds.join(','), reason: reason ?? null },
        tx,
      );
      return { changed: changes };
    });
  }

  async function filesToExport(choice: { visitId?: number; fileIds?: number[]; paths?: string[] }) {
    const ofVisit = choice.visitId !== undefined ? (await visitFootage(null, choice.visitId)).files : undefined;
    if (ofVisit && choice.fileIds === undefined && choice.paths === undefined) return ofVisit;
    const chosen = await filesByIdOrPath(choice);
    if (ofVisit && chosen.some((file) => !ofVisit.some((row) => row.id === file.id)))
      throw new UserError({ key: 'privacy.footageOutsideVisit' });
    return chosen;
  }

  async function filesByIdOrPath(choice: { fileIds?: number[]; paths?: string[] }) {
    const files: FootageRow[] = [];
    for (const id of choice.fileIds ?? []) {
      const [row] = await footage.list({ id });
      if (!row || row.status !== 'kept') throw new UserError({ key: 'footage.unknownFile' });
      files.push(row);
    }
    for (const filePath of choice.paths ?? []) {
      const found = await database.get<{ id: number }>(
        "SELECT id FROM footage_files WHERE status = 'kept' AND path = ?",
        [filePath],
      );
      const [row] = found ? await footage.list({ id: found.id }) : [];
      if (!row) throw new UserError({ key: 'footage.unknownFile' });
      files.push(row);
    }
    return files;
  }

  /** Where each file is in the index and what it must still be; the root's device as the last scan saw it. */
  async function exportSources(files: FootageRow[]): Promise<ExportSource[]> {
    const scanned = await database.get<{ value: string }>('SELECT value FROM app_state WHERE key = ?', [
      ROOT_DEVICE_KEY,
    ]);
    const device = scanned ? (JSON.parse(scanned.value) as { device: number }).device : null;
    const sources: ExportSource[] = [];
    for (const file of files) {
      const row = await database.get<{ folder: string; name: string; size: number; mtime: number }>(
        "SELECT folder, name, size, mtime FROM footage_files WHERE id = ? AND status = 'kept'",
        [file.id],
      );
      if (!row) throw new UserError({ key: 'footage.unknownFile' });
      sources.push({ path: file.path, ...row, device });
    }
    return sources;
  }

  /**
   * Copies footage for the police or a data subject into a new folder, with a manifest (file, camera,
   * recording start, size, SHA-256, who, when, why). A police request holds the originals with the
   * ground the officer picks and a review date, and its copy stays while they are held; any other
   * request holds nothing (the originals keep their period). `outDir` is the operator's choice inside
   * the export folder; otherwise a new folder there. Recorded, and deleted `privacy.exportDays` on
   * or when its originals are due, if sooner.
   */
  async function exportFootage(
    actor: AuditActor,
    input: {
      visitId?: number;
      fileIds?: number[];
      paths?: string[];
      reason: string;
      purpose: PrivacyPurpose;
      basis?: HoldBasis;
      reviewAt?: number | null;
      outDir?: string;
    },
  ): Promise<FootageExportResult> {
    const root = config.footage.root;
    if (!root) throw new UserError({ key: 'footage.noRoot' });
    const files = await filesToExport(input);
    if (files.length === 0) throw new UserError({ key: 'privacy.noFootage' });
    const now = clock.now();
    const check = inspectRoot(root);
    if (!check.ok) throw new UserError({ key: 'privacy.footageUnavailable' });
    const sources = await exportSources(files);

    let folder: string;
    let createdFolder: boolean;
    if (input.outDir !== undefined) {
      folder = exports.inside(input.outDir);
      createdFolder = !fs.existsSync(folder);
      prepareExportFolder(folder);
    } else {
      const stamp = DateTime.fromMillis(now, { zone }).toFormat("yyyyMMdd'T'HHmmss");
      folder = makeUniqueExportFolder(exports.root(), `footage-export-${stamp}`);
      createdFolder = true;
    }
    const copies: CopiedFile[] = [];
    const walk = openFolderWalk(check.realRoot);
    try {
      for (const source of sources) copies.push(copyFootageFile(walk, source, folder));
    } catch (error) {
      // Nothing half-exported stays behind: the copies made so far go, and no hold is placed.
      for (const copy of copies) fs.rmSync(path.join(folder, ...copy.path.split('/')), { force: true });
      if (createdFolder) fs.rmSync(folder, { recursive: true, force: true });
      throw error;
    } finally {
      walk.close();
    }

    const holdIds: number[] = [];
    if (input.purpose === 'policeRequest') {
      for (const file of files) {
        // Evidence: the copies' hashes are only worth something beside the originals as they were.
        const hold = await holds.placeOnFootage(actor, { path: file.path }, `Footage export: ${input.reason}`, null, {
          basis: input.basis ?? 'legalObligation',
          reviewAt: input.reviewAt ?? null,
        });
        holdIds.push(hold.id);
      }
    }
    const manifest: FootageManifest = {
      exportedBy: auditActorLabel(actor),
      exportedAt: new Date(now).toISOString(),
      reason: input.reason,
      purpose: input.purpose,
      holdIds,
      files: files.map((file, index) => ({
        file: file.path,
        camera: file.camera,
        recordedAt: new Date(file.recordedAt).toISOString(),
        size: copies[index]!.size,
        sha256: copies[index]!.sha256,
      })),
    };
    const manifestFile = path.join(folder, 'manifest.json');
    fs.writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
    const recorded = await exports.record({
      kind: 'footage',
      purpose: input.purpose,
      actor,
      written: [folder],
      visitIds: input.visitId !== undefined ? [input.visitId] : [],
      footage: files,
      fileCount: files.length,
      holdIds,
    });
    await audit.record(actor, 'privacy.footageExported', {
      count: files.length,
      fileIds: files.map((file) => file.id).join(','),
      reason: input.reason,
      purpose: input.purpose,
      exportId: recorded.id,
    });
    return { exportId: recorded.id, expiresAt: recorded.expiresAt, folder, manifestFile, manifest };
  }

  /**
   * A live footage file may be played; the audit says which, as for security's playback. With a visit
   * (as the privacy role must give), only a file of that visit's footage.
   */
  async function checkPlayable(actor: AuditActor, fileId: number, visitId?: number): Promise<void> {
    const [file] = await footage.list({ id: fileId });
    if (!file || file.status !== 'kept') throw new UserError({ key: 'footage.unknownFile' });
    if (visitId !== undefined && !(await visitFootage(null, visitId)).files.some((row) => row.id === fileId))
      throw new UserError({ key: 'privacy.footageOutsideVisit' });
    await audit.record(actor, 'footage.played', { fileId });
  }

  return {
    search,
    checkPlayable,
    visitFootage,
    exportVisits,
    correct,
    erase,
    restrict: (actor: AuditActor, visitIds: number[], reason: string) => setRestricted(actor, visitIds, true, reason),
    unrestrict: (actor: AuditActor, visitIds: number[], reason?: string) =>
      setRestricted(actor, visitIds, false, reason),
    exportFootage,
  };
}

export type PrivacyService = ReturnType<typeof createPrivacyService>;
