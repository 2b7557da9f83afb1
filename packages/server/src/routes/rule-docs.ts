/**
 * GET /rules and GET /rules/:category/:name: each rule's documentation as a plain HTML page (why
 * it matters, what to write instead, flagged and not-flagged examples, sources), rendered from the
 * rules the server runs, so the web page's "About the rule" link works offline and includes any
 * extra rule packs. Mirrors the generated docs/rules/<category>/<name>.md pages. Static content
 * only: no script, styles from /style.css (the strict CSP applies), every value HTML-escaped.
 * These pages are not under /v1, so they stay open when API keys are configured (they hold no
 * submitted text).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { didYouMean, didYouMeanHint, type RuleData } from '@sourdough/core';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const CATEGORY_LABELS: Record<string, string> = {
  deficit: 'Deficit',
  gatekeeping: 'Gatekeeping',
  dehumanising: 'Dehumanising',
  blaming: 'Blaming',
  control: 'Control',
  jargon: 'Jargon',
  voice: 'Voice',
  privacy: 'Privacy',
};

const SEVERITY_LABELS: Record<string, string> = {
  error: 'error: change before sign-off',
  warning: 'warning: consider rewording',
  info: 'info: for information',
};

const label = (category: string): string => CATEGORY_LABELS[category] ?? category;

/** Only http(s) links are made clickable; anything else is shown as text. */
function link(url: string, text: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${escapeHtml(url)}" rel="noopener noreferrer">${escapeHtml(text)}</a>` : escapeHtml(text);
}

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} — sourdough</title>
<link rel="stylesheet" href="/style.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<header class="site"><p><a href="/">sourdough: check a text</a> · <a href="/rules">All rules</a></p></header>
<main class="rule-page">
${body}
</main>
</body>
</html>
`;
}

/** One rule's page. */
export function rulePage(rule: RuleData): string {
  const parts: string[] = [];
  parts.push(`<h1>${escapeHtml(rule.id)}</h1>`);
  parts.push(`<p class="rule-meta">${escapeHtml(label(rule.category))} · ${escapeHtml(SEVERITY_LABELS[rule.severity] ?? rule.severity)}</p>`);
  parts.push(`<p>${escapeHtml(rule.message.replace(/\{match\}/g, '…'))}</p>`);
  parts.push(`<h2>Why it matters</h2>\n<p>${escapeHtml(rule.rationale.trim())}</p>`);
  parts.push('<h2>What to write instead</h2>');
  parts.push(rule.suggest.length ? `<ul>${rule.suggest.map((s) => `<li>${escapeHtml(s)}</li>`).join('')}</ul>` : '<p>Describe what happened and what the person said, in plain words.</p>');
  parts.push('<h2>Examples</h2>');
  parts.push(`<h3>Flagged</h3>\n<ul class="examples flagged">${rule.examples.flag.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>`);
  parts.push(`<h3>Not flagged</h3>\n<ul class="examples passed">${rule.examples.pass.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul>`);
  if (rule.sources.length) {
    parts.push(`<h2>Sources</h2>\n<ul>${rule.sources.map((s) => `<li>${link(s.url, s.title)}</li>`).join('')}</ul>`);
  }
  parts.push(`<p class="rule-meta">Rule file: <code>rules/${escapeHtml(rule.id)}.yaml</code></p>`);
  return page(rule.id, parts.join('\n'));
}

/** The index of every rule, grouped by category. */
export function rulesIndex(rules: readonly RuleData[]): string {
  const byCategory = new Map<string, RuleData[]>();
  for (const r of [...rules].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const list = byCategory.get(r.category) ?? [];
    list.push(r);
    byCategory.set(r.category, list);
  }
  const order = [...Object.keys(CATEGORY_LABELS), ...[...byCategory.keys()].filter((c) => !(c in CATEGORY_LABELS))];
  const parts = ['<h1>The rules</h1>', '<p>What sourdough looks for, and why each matters. Each rule has its own page with examples and sources.</p>'];
  for (const category of order) {
    const list = byCategory.get(category);
    if (!list) continue;
    parts.push(`<h2 id="${escapeHtml(category)}">${escapeHtml(label(category))}</h2>`);
    parts.push(
      '<table><thead><tr><th scope="col">Rule</th><th scope="col">Severity</th><th scope="col">What it flags</th></tr></thead><tbody>' +
        list
          .map((r) => {
            const [, name = ''] = r.id.split('/');
            return `<tr><td><a href="/rules/${encodeURIComponent(r.category)}/${encodeURIComponent(name)}">${escapeHtml(r.id)}</a></td><td>${escapeHtml(r.severity)}</td><td>${escapeHtml(r.message.replace(/\{match\}/g, '…'))}</td></tr>`;
          })
          .join('') +
        '</tbody></table>',
    );
  }
  return page('The rules', parts.join('\n'));
}

function html(reply: FastifyReply, status: number, body: string): FastifyReply {
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(body);
}

/** Registers the rule documentation pages. */
export default async function ruleDocsRoutes(fastify: FastifyInstance): Promise<void> {
  fastify.get('/rules', { schema: { hide: true } }, async (_request, reply) => html(reply, 200, rulesIndex(fastify.engine.rules)));

  fastify.get<{ Params: { category: string; name: string } }>(
    '/rules/:category/:name',
    {
      schema: {
        hide: true,
        params: {
          type: 'object',
          required: ['category', 'name'],
          properties: { category: { type: 'string', maxLength: 100 }, name: { type: 'string', maxLength: 100 } },
        },
      },
    },
    async (request, reply) => {
      const wanted = `${request.params.category}/${request.params.name}`;
      const rule = fastify.engine.byId.get(wanted);
      if (!rule) {
        const hint = didYouMeanHint(didYouMean(wanted, [...fastify.engine.byId.keys()]), (id) => `<a href="/rules/${escapeHtml(id)}">${escapeHtml(id)}</a>`);
        return html(reply, 404, page('No such rule', `<h1>No such rule</h1>\n<p>There is no rule with that name.${hint} See <a href="/rules">all the rules</a>.</p>`));
      }
      return html(reply, 200, rulePage(rule));
    },
  );
}
