import { delay, http, HttpResponse } from 'msw';
import type { TicketModel } from './ticketModel';

/** MSW answers the harness origin's /api/v2 from the scenario loaded now (its REST objects and its faults). */
export function restHandlers(currentModel: () => TicketModel | null, origin: string) {
  return [
    http.all(`${origin}/api/v2/*`, async ({ request }) => {
      const model = currentModel();
      if (!model) return HttpResponse.json({ error: 'NoScenario' }, { status: 503 });
      const answer = model.rest(request.method, request.url, request.method === 'GET' ? null : await request.text());
      if ('timeout' in answer) {
        await delay('infinite');
        return HttpResponse.json({}, { status: 504 });
      }
      if (answer.delayMs) await delay(answer.delayMs);
      if (typeof answer.body === 'string') return new HttpResponse(answer.body, { status: answer.status, headers: answer.headers });
      return HttpResponse.json(answer.body as Record<string, unknown>, { status: answer.status, headers: answer.headers });
    }),
  ];
}
