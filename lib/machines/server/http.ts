import "server-only";
/** Request plumbing of the /api/v1/agent routes: errors as JSON like every route, plus Retry-After on a 429. */
import { errorResponse } from "@/lib/core/server/api-error";
import { RetryLaterError } from "@/lib/machines/server/credentials";

export function agentRoute(fn: (request: Request) => Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      return await fn(request);
    } catch (error) {
      const response = errorResponse(error);
      if (error instanceof RetryLaterError) response.headers.set("retry-after", String(error.retryAfterSeconds));
      return response;
    }
  };
}
