import fs from 'node:fs/promises';
import { CONTENT_SECURITY_POLICY, contentTypeOf, isAppUrl, resolveInside } from './guards';

const HEADERS = { 'content-security-policy': CONTENT_SECURITY_POLICY, 'x-content-type-options': 'nosniff' };

function notFound(): Response {
  return new Response('Not found', { status: 404, headers: { ...HEADERS, 'content-type': 'text/plain' } });
}

/** The app:// handler: the renderer's files from `rendererDir` only, with the CSP on every response. */
export function serveRenderer(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (!isAppUrl(request.url)) return notFound();
    const pathname = new URL(request.url).pathname;
    const file = resolveInside(rendererDir, pathname === '/' ? '/index.html' : pathname);
    if (!file) return notFound();
    try {
      const body = await fs.readFile(file);
      return new Response(body, { headers: { ...HEADERS, 'content-type': contentTypeOf(file) } });
    } catch {
      return notFound();
    }
  };
}
