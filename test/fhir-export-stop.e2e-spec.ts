import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Job } from 'bullmq';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ContactRepository } from '@app/contacts';
import { FhirExportJob } from '@app/fhir';
import { requestContext } from '@app/observability';
import { ownerPool, StaffClient, type StaffMember, startApi, startWorker } from '@app/testing';
import { InboxSeeder } from './inbox-fixtures.js';

// An export that stops being live while its job reads a page (cancelled by the client, or failed
// as stalled by the client's next kick-off) keeps no file from that page: the files of a
// cancelled or failed export were deleted when it stopped, and no expiry would ever find one
// written after (they expire with their export, and these have no expiry).
describe('FHIR export job stopped mid-page', () => {
  let api: INestApplication;
  let worker: INestApplication;
  let owner: pg.Pool;
  let practice: StaffMember;

  beforeAll(async () => {
    api = await startApi({ ALLOW_SIGNUP: 'true' });
    worker = await startWorker();
    owner = ownerPool();
    const c = new StaffClient(api);
    practice = await c.signupPractice();
    const seeder = await InboxSeeder.forPractice(api, owner, practice.practiceId);
    await seeder.inbound({ name: 'Page Patient' });
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await owner?.end();
  });

  for (const stop of ['cancelled', 'failed'] as const)
    it(`writes no file of the page it was reading when the export was ${stop}`, async () => {
      const c = new StaffClient(api);
      const client = (await c.post('/v1/api-clients', { name: 'EHR' }, practice.accessToken).expect(201))
        .body as { id: string };
      const exportId = randomUUID();
      await owner.query(
        `INSERT INTO fhir_exports (id, tenant_id, client_id, status, resource_types)
         VALUES ($1, $2, $3, 'queued', '{Patient}')`,
        [exportId, practice.practiceId, client.id],
      );
      // While the job reads its first page, the export stops in another transaction (committed).
      const original = ContactRepository.prototype.changedPage;
      const read = vi.spyOn(ContactRepository.prototype, 'changedPage').mockImplementation(async function (
        this: ContactRepository,
        ...args: Parameters<ContactRepository['changedPage']>
      ) {
        await owner.query(`UPDATE fhir_exports SET status = $2 WHERE id = $1`, [exportId, stop]);
        return original.apply(this, args);
      });
      try {
        const job = { id: `test-${exportId}`, attemptsMade: 0, opts: { attempts: 3 } } as unknown as Job;
        await requestContext.run(
          { tenantId: practice.practiceId, actor: { type: 'system', id: 'job:fhir.export' } },
          () => worker.get(FhirExportJob).handle({ tenantId: practice.practiceId, exportId }, job),
        );
        expect(read).toHaveBeenCalledTimes(1);
      } finally {
        read.mockRestore();
      }
      const { rows } = await owner.query<{ status: string; files: number }>(
        `SELECT status, (SELECT count(*)::int FROM fhir_export_files WHERE export_id = $1) AS files
         FROM fhir_exports WHERE id = $1`,
        [exportId],
      );
      expect(rows[0]).toEqual({ status: stop, files: 0 });
    });
});
