import { describe, expect, it } from "vitest";
import { requiredScope } from "@/lib/apikeys/scopes";

describe("requiredScope", () => {
  it("asks for read on every GET of the API, and the area's scope for its writes", () => {
    expect(requiredScope("GET", "/api/v1/listings")).toBe("read");
    expect(requiredScope("GET", "/api/v1/orders/{id}")).toBe("read");
    expect(requiredScope("POST", "/api/v1/orders")).toBe("orders");
    expect(requiredScope("POST", "/api/v1/orders/abc/start")).toBe("orders");
    expect(requiredScope("PATCH", "/api/v1/listings/{id}")).toBe("listings");
    expect(requiredScope("POST", "/api/v1/offers/o1/accept")).toBe("jobs");
    expect(requiredScope("POST", "/api/v1/jobs")).toBe("jobs");
    expect(requiredScope("POST", "/api/v1/me/ssh-keys")).toBe("orders");
  });

  it("keeps keys off key management, webhook changes, admin routes and anything not in the table", () => {
    expect(requiredScope("GET", "/api/v1/me/api-keys")).toBeNull();
    expect(requiredScope("DELETE", "/api/v1/me/api-keys/k1")).toBeNull();
    expect(requiredScope("POST", "/api/v1/me/webhooks")).toBeNull();
    expect(requiredScope("GET", "/api/v1/me/webhooks")).toBe("read");
    expect(requiredScope("GET", "/api/admin/users")).toBeNull();
    expect(requiredScope("POST", "/api/v1/something-new")).toBeNull();
    expect(requiredScope("GET", "/api/v1/something-new")).toBeNull();
    // A prefix is a whole path segment: /api/v1/ordersX is not /api/v1/orders.
    expect(requiredScope("POST", "/api/v1/ordersX")).toBeNull();
  });
});
