// The API through the gateway: the session cookie goes along by itself, writes carry the CSRF
// token from the XSRF-TOKEN cookie, and a failure becomes an ApiError holding the problem
// (RFC 9457) the service answered, so a screen can show its words beside the right field.

/** A failed call: its HTTP status (0: no answer at all) and the problem's title, detail and fields. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || 'Something went wrong.');
    this.status = status;
    this.title = problem.title || 'Something went wrong';
    this.detail = problem.detail || '';
    this.reason = problem.reason;
    /** field name -> what is wrong with it, from the problem's "errors". */
    this.fields = {};
    for (const error of problem.errors || []) {
      this.fields[error.field] = error.reason;
    }
  }
}

function csrfToken() {
  const match = document.cookie.match(/(?:^|;\s*)XSRF-TOKEN=([^;]*)/);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * The CSRF token for a form field: a form sends no header, and Spring Security takes a field's
 * token only masked (random bytes, then the token's bytes XOR those, base64url), so a page
 * cannot be tricked into echoing the cookie's raw value (BREACH).
 */
export function maskedCsrfToken() {
  const token = new TextEncoder().encode(csrfToken() || '');
  const random = crypto.getRandomValues(new Uint8Array(token.length));
  const masked = new Uint8Array(token.length * 2);
  masked.set(random);
  token.forEach((byte, i) => (masked[token.length + i] = byte ^ random[i]));
  return btoa(String.fromCharCode(...masked)).replaceAll('+', '-').replaceAll('/', '_');
}

/**
 * Calls the API. Options: method (GET), body (sent as JSON), form (a FormData, sent as
 * multipart: files), anonymous (true on pages opened without an account: a 401 is then an error
 * to show, not a reason to sign in), version (the version read, sent as If-Match: a change made
 * meanwhile by someone else is then a 412, not lost), tagged (answers {value, version}: the
 * answer and the version its ETag names).
 */
export async function api(path, { method = 'GET', body, form, anonymous = false, version, tagged = false } = {}) {
  const headers = { Accept: 'application/json, application/problem+json' };
  if (version !== undefined) {
    headers['If-Match'] = `"${version}"`;
  }
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const token = csrfToken();
    if (token) {
      headers['X-XSRF-TOKEN'] = token;
    }
  }
  const response = await answer(
    path,
    { method, headers, body: form ?? (body === undefined ? undefined : JSON.stringify(body)) },
    anonymous,
  );
  const type = response.headers.get('Content-Type') || '';
  const json = type.includes('json') ? await response.json().catch(() => null) : null;
  if (tagged) {
    // the answer with the version its ETag names ("3" or W/"3"), for a change made over it
    const tag = (response.headers.get('ETag') || '').replace(/^W\//, '').replaceAll('"', '');
    return { value: json, version: tag === '' ? undefined : Number(tag) };
  }
  return json;
}

/**
 * Saves a file the API makes (an archive) under the name the server gives it; a failure is an
 * ApiError with the problem's words, and nothing is saved.
 */
export async function download(path, fallbackName) {
  const response = await answer(path, { headers: { Accept: 'application/zip, application/problem+json' } }, false);
  const name = /filename="?([^";]+)"?/.exec(response.headers.get('Content-Disposition') || '')?.[1] || fallbackName;
  let file;
  try {
    file = await response.blob();
  } catch {
    throw new ApiError(0, { title: 'Download interrupted', detail: 'The file stopped before its end; please try again.' });
  }
  const url = URL.createObjectURL(file);
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** The answer to a call, or the ApiError of a failed one (a 401 first signs in again). */
async function answer(path, init, anonymous) {
  let response;
  try {
    response = await fetch(path, { ...init, credentials: 'same-origin' });
  } catch {
    throw new ApiError(0, {
      title: 'No connection',
      detail: 'The server could not be reached. Check your connection and try again.',
    });
  }
  if (response.status === 401 && !anonymous) {
    // The session ended: signing in again comes back to this page (the gateway remembers it).
    signInAgain();
    throw new ApiError(401, { title: 'Signed out', detail: 'Your session ended; signing you in again.' });
  }
  if (!response.ok) {
    const json = await response.json().catch(() => null);
    throw new ApiError(response.status, json || { title: `The server answered ${response.status}` });
  }
  return response;
}

/** Reloads the page, which the gateway sends through sign-in and back; drafts are kept first. */
export function signInAgain() {
  window.dispatchEvent(new CustomEvent('ii-before-leave'));
  window.location.reload();
}
