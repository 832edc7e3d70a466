// Talking to graphsvc as the signed-in user (the session cookie goes along by itself).

/** An answer that is not the data asked for; ``message`` is plain text for the reader. */
export class ApiError extends Error {
  constructor(message, status = 0) {
    super(message);
    this.name = "ApiError";
    this.status = status;
  }
}

async function detail(response) {
  try {
    const body = await response.json();
    if (typeof body.detail === "string") return body.detail;
    if (Array.isArray(body.detail)) return body.detail.map((d) => d.msg).join("; ");
  } catch {
    // not JSON: the status line must do
  }
  return `${response.status} ${response.statusText}`.trim();
}

/** fetch() that throws ``ApiError`` for a failed request or an HTTP error status. */
export async function request(url, init = {}) {
  let response;
  try {
    response = await fetch(url, { credentials: "same-origin", ...init });
  } catch {
    throw new ApiError("network", 0);
  }
  if (!response.ok) throw new ApiError(await detail(response), response.status);
  return response;
}

/** One GraphQL operation; its errors (all of them, one per line) become an ``ApiError``. */
export async function graphql(query, variables = {}) {
  const response = await request("/graphql", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors && body.errors.length) {
    throw new ApiError(body.errors.map((e) => e.message).join("\n"), response.status);
  }
  return body.data;
}

export async function me() {
  const response = await request("/auth/me", { headers: { Accept: "application/json" } });
  return response.json();
}

export async function signIn(token) {
  const response = await request("/auth/session", {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({ token }),
  });
  return response.json();
}

export async function signOut() {
  await request("/auth/session", { method: "DELETE" });
}
