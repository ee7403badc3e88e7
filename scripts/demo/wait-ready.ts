// Waits until sandbox, api and worker answer their readiness checks (or fails after 60 s).
const env = process.env;
const targets = {
  sandbox: `http://127.0.0.1:${env.SANDBOX_PORT}/sandbox/messages`,
  api: `http://127.0.0.1:${env.PORT}/health/ready`,
  worker: `http://127.0.0.1:${env.WORKER_HEALTH_PORT}/health/ready`,
};
const deadline = Date.now() + 60_000;
for (const [name, url] of Object.entries(targets)) {
  for (;;) {
    const ok = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) {
      console.log(`${name.padEnd(8)} ready  ${url}`);
      break;
    }
    if (Date.now() > deadline) {
      console.error(`${name} did not become ready; see .demo/logs/${name}.log`);
      process.exit(1);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}
