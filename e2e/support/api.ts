// A signed-in API session from Node, for setting up a journey's data quickly (the browser then
// does the part under test). Same cookie and CSRF header as the web app.
import { generate } from 'otplib';

export class ApiSession {
  private cookie = '';

  constructor(private readonly baseUrl: string) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (this.cookie) headers.Cookie = this.cookie;
    if (method !== 'GET') {
      headers['X-Requested-With'] = 'sanad';
      headers['Content-Type'] = 'application/json';
    }
    const res = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
    });
    const set = res.headers.getSetCookie?.() ?? [];
    if (set.length) this.cookie = set.map((c) => c.split(';')[0]).join('; ');
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  /** The session's cookies, e.g. to hand the session to a browser context. */
  cookies(): { name: string; value: string }[] {
    return this.cookie
      .split('; ')
      .filter(Boolean)
      .map((c) => {
        const i = c.indexOf('=');
        return { name: c.slice(0, i), value: c.slice(i + 1) };
      });
  }

  get = <T>(path: string) => this.request<T>('GET', path);
  post = <T>(path: string, body?: unknown) => this.request<T>('POST', path, body);
  put = <T>(path: string, body?: unknown) => this.request<T>('PUT', path, body);

  /** Signs in; enrols a second factor when the role demands one, and returns its secret. */
  async signIn(username: string, password: string): Promise<{ totpSecret?: string }> {
    await this.post('/auth/login', { username, password });
    const me = await this.get<{ totpEnrolmentRequired: boolean }>('/me');
    if (!me.totpEnrolmentRequired) return {};
    return { totpSecret: (await this.enrolTotp()).secret };
  }

  /** Sets up two-factor sign-in for the signed-in user: its secret and the one-time recovery codes. */
  async enrolTotp(): Promise<{ secret: string; recoveryCodes: string[] }> {
    const { secret } = await this.post<{ secret: string }>('/me/totp/setup');
    const { recoveryCodes } = await this.post<{ recoveryCodes: string[] }>('/me/totp/verify', {
      token: await generate({ secret }),
    });
    return { secret, recoveryCodes };
  }

  /**
   * Creates an account as this (administrator) session and signs it in once over the API: an
   * account made by an administrator must replace its first password, so it is replaced here and
   * `account.password` updated, leaving a journey an account that signs straight in.
   */
  async addUser(
    account: { username: string; password: string },
    body: { displayName: string; organisationId: string; roles: { role: string; centreIds: string[] }[] },
  ): Promise<void> {
    await this.post('/users', {
      locale: 'en',
      ...body,
      username: account.username,
      password: account.password,
    });
    const session = new ApiSession(this.baseUrl);
    await session.signIn(account.username, account.password);
    const me = await session.get<{ passwordChangeRequired: boolean }>('/me');
    if (!me.passwordChangeRequired) return;
    const next = `${account.password}!`;
    await session.post('/me/password', { currentPassword: account.password, newPassword: next });
    account.password = next;
  }
}
