import { readFileSync } from 'node:fs';
import type { INestApplication } from '@nestjs/common';
import { parseYaml } from '@redocly/openapi-core';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApi, startWorker } from '@app/testing';

const read = (path: string) =>
  readFileSync(new URL(`../docker/observability/${path}`, import.meta.url), 'utf8');

/** Every series name an exposition offers: each family, and a histogram's _bucket, _sum and _count. */
function exposedNames(text: string): Set<string> {
  const names = new Set<string>();
  for (const match of text.matchAll(/^# TYPE (\S+) (\S+)$/gm)) {
    const [, name, type] = match as unknown as [string, string, string];
    names.add(name);
    if (type === 'histogram') for (const suffix of ['_bucket', '_sum', '_count']) names.add(name + suffix);
    if (type === 'summary') for (const suffix of ['_sum', '_count']) names.add(name + suffix);
  }
  return names;
}

/** PromQL's functions, aggregations and keywords (what is not a metric name in an expression). */
const PROMQL_WORDS = new Set([
  'sum',
  'max',
  'min',
  'avg',
  'count',
  'rate',
  'irate',
  'increase',
  'delta',
  'histogram_quantile',
  'max_over_time',
  'by',
  'without',
  'offset',
  'and',
  'or',
  'unless',
  'bool',
]);

/** Series Prometheus makes itself (not exposed by any target). */
const PROMETHEUS_SERIES = new Set(['up']);

/**
 * The metric names an expression reads: strings, label matchers, grouping clauses, ranges and
 * Grafana variables removed, what remains is functions (known words) and metric names.
 */
function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\$\w+/g, '');
  return [...bare.matchAll(/(?<![\w.])[a-zA-Z_:][\w:]*/g)]
    .map(([word]) => word)
    .filter((word) => !PROMQL_WORDS.has(word));
}

interface Panel {
  title?: string;
  targets?: Array<{ expr: string }>;
  panels?: Panel[];
}

function dashboardExpressions(): Array<[string, string]> {
  const dashboard = JSON.parse(read('grafana-dashboard.json')) as { panels: Panel[] };
  const walk = (panels: Panel[]): Array<[string, string]> =>
    panels.flatMap((p) => [
      ...(p.targets ?? []).map((t): [string, string] => [p.title ?? '?', t.expr]),
      ...walk(p.panels ?? []),
    ]);
  return walk(dashboard.panels);
}

function alertExpressions(): Array<[string, string]> {
  const rules = parseYaml(read('alert-rules.yml')) as {
    groups: Array<{ name: string; rules: Array<{ alert: string; expr: string; for?: string }> }>;
  };
  return rules.groups.flatMap((g) => g.rules.map((r): [string, string] => [r.alert, r.expr]));
}

describe('docker/observability: the dashboard and alert rules read metrics that exist', () => {
  let api: INestApplication;
  let worker: INestApplication;
  let exposed: Set<string>;

  beforeAll(async () => {
    [api, worker] = await Promise.all([startApi(), startWorker()]);
    const token = `Bearer ${process.env.METRICS_TOKEN}`;
    const [fromApi, fromWorker] = await Promise.all(
      [api, worker].map((app) =>
        request(app.getHttpServer()).get('/metrics').set('authorization', token).expect(200),
      ),
    );
    exposed = new Set([...exposedNames(fromApi!.text), ...exposedNames(fromWorker!.text)]);
  });
  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
  });

  it('reads the expressions: a dashboard with panels, alert rules with the four concerns', () => {
    expect(dashboardExpressions().length).toBeGreaterThanOrEqual(15);
    const alerts = alertExpressions().map(([name]) => name);
    for (const concern of ['DeliveryFailures', 'QueueBacklog', 'Webhook4xx', 'Webhook5xx', 'AuditSealLag'])
      expect(alerts).toContain(`Inbox${concern}`);
    expect(metricNames('sum by (le) (rate(inbox_x_bucket{a="b"}[5m])) / on(job) up > 0')).toEqual([
      'inbox_x_bucket',
      'up',
    ]);
  });

  it('every metric the dashboard reads is exposed by the api or the worker', () => {
    for (const [panel, expr] of dashboardExpressions()) {
      const names = metricNames(expr);
      expect(names.length, `${panel}: ${expr}`).toBeGreaterThan(0);
      for (const name of names) expect(exposed, `${panel}: ${name}`).toContain(name);
    }
  });

  it('every metric the alert rules read is exposed (or is Prometheus’ own `up`)', () => {
    for (const [alert, expr] of alertExpressions()) {
      const names = metricNames(expr);
      expect(names.length, `${alert}: ${expr}`).toBeGreaterThan(0);
      for (const name of names)
        if (!PROMETHEUS_SERIES.has(name)) expect(exposed, `${alert}: ${name}`).toContain(name);
    }
  });
});
