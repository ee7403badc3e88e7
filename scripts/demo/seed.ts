import { DEMO_PRACTICE_ID, openDemoContext } from './demo-context.js';

// Seeds the demo practice (once): the practice, its key ring and a patient with PHI.
const ctx = await openDemoContext();
try {
  await ctx.db.forTenant(DEMO_PRACTICE_ID, async (tx) => {
    const [existing] = await tx.query(`SELECT 1 FROM practices WHERE id = $1`, [DEMO_PRACTICE_ID]);
    if (existing) {
      console.log('demo practice already seeded');
      return;
    }
    await tx.query(`INSERT INTO practices (id, name) VALUES ($1, 'Riverside Family Clinic')`, [
      DEMO_PRACTICE_ID,
    ]);
    await ctx.keys.createTenantKeys(tx);
    const patient = await ctx.contacts.create(tx, {
      name: 'Maria Lopez',
      phone: '5551234567',
      email: 'maria.lopez@example.com',
      dateOfBirth: '1984-03-09',
      leadStage: 'patient',
    });
    ctx.audit.record(tx, { action: 'practice.created', target: { type: 'practice', id: DEMO_PRACTICE_ID } });
    ctx.audit.record(tx, { action: 'contact.created', target: { type: 'contact', id: patient.id } });
    console.log(`seeded practice "Riverside Family Clinic" (${DEMO_PRACTICE_ID}) with one patient`);
  });
} finally {
  await ctx.close();
}
