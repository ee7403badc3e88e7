import http from 'node:http';
import pg from 'pg';

// The webhooks benchmark's floor: read the body, one parameterized INSERT, answer 200.
const pool = new pg.Pool({ connectionString: process.env.FLOOR_DATABASE_URL, max: 10 });
await pool.query(
  'CREATE TABLE IF NOT EXISTS bench_floor (id bigserial PRIMARY KEY, body text NOT NULL, at timestamptz DEFAULT now())',
);

http
  .createServer((req, res) => {
    if (req.url === '/ready') return void res.end('ok');
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      pool.query('INSERT INTO bench_floor (body) VALUES ($1)', [body]).then(
        () => res.writeHead(200, { 'content-type': 'text/xml' }).end('<Response/>'),
        () => res.writeHead(500).end(),
      );
    });
  })
  .listen(Number(process.env.FLOOR_PORT), '127.0.0.1');
