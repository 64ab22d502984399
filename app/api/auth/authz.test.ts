import { POST as logout } from "@/app/api/auth/logout/route";
import { GET as session } from "@/app/api/auth/session/route";
import { POST as verify } from "@/app/api/auth/verify/route";
import { appUrl } from "@/test/auth";
import { authzRow, describeAuthzMatrix } from "@/test/authz-matrix";

const url = (path: string) => `${appUrl.origin}${path}`;

describeAuthzMatrix("auth routes", [
  authzRow({
    name: "POST /api/auth/logout",
    act: (headers) => logout(new Request(url("/api/auth/logout"), { method: "POST", headers }), undefined),
    // Signing out is always allowed and idempotent; it never needs a valid session.
    expect: { anonymous: 200, banned: 200, buyer: 200, owner: 200, otherProvider: 200, admin: 200 },
  }),
  authzRow({
    name: "POST /api/auth/verify (garbage body)",
    act: (headers) => verify(new Request(url("/api/auth/verify"), { method: "POST", headers, body: "{}" }), undefined),
    expect: { anonymous: 401, banned: 401, buyer: 401, owner: 401, otherProvider: 401, admin: 401 },
  }),
  authzRow({
    name: "GET /api/auth/session",
    act: (headers) => session(new Request(url("/api/auth/session"), { headers }), undefined),
    expect: { anonymous: 401, banned: 401, buyer: 200, owner: 200, otherProvider: 200, admin: 200 },
    mutating: false,
  }),
]);
