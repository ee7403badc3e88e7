import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { TenantDb, type TenantTx } from '@app/database';
import type { Principal } from '@app/identity';
import { cannedResponseNotFound as notFound } from '../conversations.errors.js';
import { fillTemplate } from './template.js';

export interface CannedResponse {
  id: string;
  title: string;
  body: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

interface Row {
  id: string;
  title: string;
  body: string;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}

const view = (r: Row): CannedResponse => ({
  id: r.id,
  title: r.title,
  body: r.body,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** Practice-level reply templates (staff-written text, not PHI; stored in clear). */
@Injectable()
export class CannedResponses {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<CannedResponse[]> {
    return this.db.transaction(async (tx) =>
      (
        await tx.query<Row>(
          `SELECT * FROM canned_responses WHERE tenant_id = $1 ORDER BY title, id LIMIT 500`,
          [tx.tenantId],
        )
      ).map(view),
    );
  }

  create(actor: Principal, input: { title: string; body: string }): Promise<CannedResponse> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<Row>(
        `INSERT INTO canned_responses (id, tenant_id, title, body, created_by) VALUES ($1, $2, $3, $4, $5) RETURNING *`,
        [randomUUID(), tx.tenantId, input.title, input.body, actor.userId],
      );
      this.audit.record(tx, {
        action: 'canned_response.created',
        target: { type: 'canned_response', id: row!.id },
      });
      return view(row!);
    });
  }

  update(id: string, patch: { title?: string; body?: string }): Promise<CannedResponse> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<Row>(
        `UPDATE canned_responses SET title = coalesce($3, title), body = coalesce($4, body), updated_at = now()
         WHERE tenant_id = $1 AND id = $2 RETURNING *`,
        [tx.tenantId, id, patch.title ?? null, patch.body ?? null],
      );
      if (!row) throw notFound();
      this.audit.record(tx, { action: 'canned_response.updated', target: { type: 'canned_response', id } });
      return view(row);
    });
  }

  remove(id: string): Promise<void> {
    return this.db.transaction(async (tx) => {
      const deleted = await tx.execute(`DELETE FROM canned_responses WHERE tenant_id = $1 AND id = $2`, [
        tx.tenantId,
        id,
      ]);
      if (!deleted) throw notFound();
      this.audit.record(tx, { action: 'canned_response.deleted', target: { type: 'canned_response', id } });
    });
  }

  /** The template filled for the caller: practice name and the caller's first name, nothing else. */
  render(actor: Principal, id: string): Promise<{ id: string; text: string }> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query<Row>(`SELECT * FROM canned_responses WHERE tenant_id = $1 AND id = $2`, [
        tx.tenantId,
        id,
      ]);
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
