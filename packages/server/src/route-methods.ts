/**
 * The methods each route answers, for telling "wrong method" (405) from "no such address" (404).
 * Fastify answers both with its not-found handler; this keeps the routes' addresses as they are
 * added (an `onRoute` hook) and matches a request's path against them: `:name` for one path
 * segment, a final `*` for the rest (as find-my-way reads them).
 */

/** The methods a 405 may name as sent; anything else is "that kind of" request. */
const KNOWN = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

export class RouteMethods {
  private readonly byUrl = new Map<string, Set<string>>();
  private patterns: { re: RegExp; methods: Set<string> }[] | undefined;

  add(url: string, method: string | string[]): void {
    // A catch-all (CORS's preflight `OPTIONS *`) says nothing about which addresses exist.
    if (url === '*' || url === '/*') return;
    let set = this.byUrl.get(url);
    if (!set) this.byUrl.set(url, (set = new Set()));
    for (const m of Array.isArray(method) ? method : [method]) set.add(m.toUpperCase());
    this.patterns = undefined;
  }

  /** The methods some route takes at `url` (its path; a query is ignored), in a fixed order; empty when none. */
  allowed(url: string): string[] {
    const q = url.search(/[?#]/);
    const path = q < 0 ? url : url.slice(0, q);
    this.patterns ??= [...this.byUrl].map(([u, methods]) => ({ re: RouteMethods.patternOf(u), methods }));
    const out = new Set<string>();
    for (const p of this.patterns) if (p.re.test(path)) for (const m of p.methods) out.add(m);
    return [...KNOWN].filter((m) => out.has(m));
  }

  /** A method as a message may name it. */
  static nameOf(method: string): string {
    return KNOWN.has(method) ? method : 'that kind of';
  }

  private static patternOf(url: string): RegExp {
    const source = url
      .split('/')
      .map((part) => (part.startsWith(':') ? '[^/]+' : part === '*' ? '.*' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('/');
    return new RegExp(`^${source}$`);
  }
}
