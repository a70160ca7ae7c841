/** @module prometheus-metrics: the Metrics port on prom-client (Prometheus text format). */
import client from 'prom-client';
import type { Metrics } from '../../core/observability.js';

export function createPrometheusMetrics(): Metrics & { registry: client.Registry } {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'zhida_' });
  const requests = new client.Counter({
    name: 'zhida_http_requests_total',
    help: 'HTTP requests by route, method and status.',
    labelNames: ['route', 'method', 'status'],
    registers: [registry],
  });
  const latency = new client.Histogram({
    name: 'zhida_http_request_duration_seconds',
    help: 'HTTP request latency by route.',
    labelNames: ['route', 'method'],
    buckets: [0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const stages = new client.Histogram({
    name: 'zhida_answer_stage_duration_seconds',
    help: 'Time per answering stage: rewrite, embed, vector, keyword, fuse, answer (embed runs alongside keyword).',
    labelNames: ['stage'],
    buckets: [0.0001, 0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.5],
    registers: [registry],
  });
  const llmAnswers = new client.Counter({
    name: 'zhida_llm_answers_total',
    help: 'Answers handed to the chat model, by outcome: used, or the extractive answer served instead (rejected, timeout, error).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const inflight = new client.Gauge({ name: 'zhida_http_inflight_requests', help: 'Requests being served.', registers: [registry] });
  const documents = new client.Gauge({ name: 'zhida_index_documents', help: 'Documents in the index.', registers: [registry] });
  const chunks = new client.Gauge({ name: 'zhida_index_chunks', help: 'Chunks in the index.', registers: [registry] });
  const answers = new client.Counter({
    name: 'zhida_answers_total',
    help: 'Answers given, by channel (http, widget, openai, wechat) and found (true: supported by the documents).',
    labelNames: ['channel', 'found'],
    registers: [registry],
  });
  const curated = new client.Counter({
    name: 'zhida_curated_answers_total',
    help: 'Questions answered with a curated answer (matched), or answered from the documents because the curated answers could not be read (error).',
    labelNames: ['outcome'],
    registers: [registry],
  });
  for (const outcome of ['matched', 'error']) curated.inc({ outcome }, 0);
  const feedback = new client.Counter({ name: 'zhida_feedback_total', help: 'Ratings stored, by rating (up, down).', labelNames: ['rating'], registers: [registry] });
  const logErrors = new client.Counter({
    name: 'zhida_log_store_errors_total',
    help: 'Conversation log store failures by operation (open, append, rate, purge, overflow); the answers went out anyway.',
    labelNames: ['operation'],
    registers: [registry],
  });
  // Zero until something fails, but listed, so that an alert on it has a series to watch.
  for (const operation of ['open', 'append', 'rate', 'purge', 'overflow']) logErrors.inc({ operation }, 0);

  return {
    registry,
    request(route, method, status, seconds) {
      requests.inc({ route, method, status: String(status) });
      latency.observe({ route, method }, seconds);
    },
    stage(stage, ms) {
      stages.observe({ stage }, ms / 1000);
    },
    llmAnswer(outcome) {
      llmAnswers.inc({ outcome });
    },
    inflight(delta) {
      inflight.inc(delta);
    },
    corpus(d, c) {
      documents.set(d);
      chunks.set(c);
    },
    answered(channel, found) {
      answers.inc({ channel, found: String(found) });
    },
    curated(outcome) {
      curated.inc({ outcome });
    },
    feedback(rating) {
      feedback.inc({ rating });
    },
    logStoreError(operation) {
      logErrors.inc({ operation });
    },
    async render() {
      return { contentType: registry.contentType, body: await registry.metrics() };
    },
  };
}
