import type pg from 'pg';

/**
 * Round trips on a pipelined connection: a statement handed to pg while none is waiting for
 * its answer starts one; those handed over before the answers come share it.
 */
export function countRoundTrips(client: pg.PoolClient): { trips: () => number; restore: () => void } {
  let waiting = 0;
  let trips = 0;
  const query = client.query.bind(client) as (...args: unknown[]) => Promise<unknown>;
  const done = () => void waiting--;
  Object.assign(client, {
    query: (...args: unknown[]) => {
      if (waiting++ === 0) trips++;
      // A query object (a statement batch) answers through its callback, text through a promise.
      const batch = args[0] as { submit?: unknown; callback?: (...answer: unknown[]) => void };
      if (typeof batch.submit === 'function') {
        const callback = batch.callback!;
        batch.callback = (...answer: unknown[]) => (done(), callback(...answer));
        return query(...args);
      }
      const answer = query(...args);
      answer.then(done, done);
      return answer;
    },
  });
  return { trips: () => trips, restore: () => void delete (client as { query?: unknown }).query };
}
