import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb, type TenantTx } from '@app/database';
import type { Principal } from '@app/identity';
import { cannedResponseNotFound as notFound } from '../conversations.errors.js';
import { type CannedResponseEntity, CannedResponseSchema } from './canned-response.entity.js';
import { fillTemplate } from './template.js';

export interface CannedResponse {
  id: string;
  title: string;
  body: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

const view = (r: CannedResponseEntity): CannedResponse => ({
  id: r.id,
  title: r.title,
  body: r.body,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** Practice-level reply templates (staff-written text, not PHI; stored in clear), plain CRUD through their entity. */
@Injectable()
export class CannedResponses {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<CannedResponse[]> {
    return this.db.transaction(async (tx) =>
      (
        await tx.repository(CannedResponseSchema).find({}, { order: { title: 'ASC', id: 'ASC' }, take: 500 })
      ).map(view),
    );
  }

  create(actor: Principal, input: { title: string; body: string }): Promise<CannedResponse> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .repository(CannedResponseSchema)
        .insert({ id: randomUUID(), title: input.title, body: input.body, created_by: actor.userId });
      this.audit.record(tx, {
        action: 'canned_response.created',
        target: { type: 'canned_response', id: row!.id },
      });
      return view(row!);
    });
  }

  update(id: string, patch: { title?: string; body?: string }): Promise<CannedResponse> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.repository(CannedResponseSchema).update(
        { id },
        {
          ...(patch.title === undefined ? {} : { title: patch.title }),
          ...(patch.body === undefined ? {} : { body: patch.body }),
          updated_at: () => 'now()',
        },
      );
      if (!row) throw notFound();
      this.audit.record(tx, { action: 'canned_response.updated', target: { type: 'canned_response', id } });
      return view(row);
    });
  }

  remove(id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      if (!(await tx.repository(CannedResponseSchema).delete({ id }))) throw notFound();
      this.audit.record(tx, { action: 'canned_response.deleted', target: { type: 'canned_response', id } });
    });
  }

  /** The template filled for the caller: practice name and the caller's first name, nothing else. */
  render(actor: Principal, id: string): Promise<{ id: string; text: string }> {
    return this.db.transaction(async (tx) => {
      const row = await tx.repository(CannedResponseSchema).findOne({ id });
      if (!row) throw notFound();
      const { practiceName, staffName } = await this.names(tx, actor.userId);
      return {
        id,
        text: fillTemplate(row.body, {
          practiceName,
          staffFirstName: staffName.trim().split(/\s+/)[0] ?? '',
        }),
      };
    });
  }

  private async names(tx: TenantTx, userId: string): Promise<{ practiceName: string; staffName: string }> {
    const [row] = await tx.query<{ practice_name: string; staff_name: string }>(
      `SELECT p.name AS practice_name, u.name AS staff_name
       FROM practices p JOIN users u ON u.tenant_id = p.id AND u.id = $2 WHERE p.id = $1`,
      [tx.tenantId, userId],
    );
    return { practiceName: row?.practice_name ?? '', staffName: row?.staff_name ?? '' };
  }
}
