/**
 * `--test <address>`: one copy through the SMTP server `SMTP_URL` names
 * (`smtp://user:pass@host:587`, `smtps://…` for TLS from the start), as
 * multipart/alternative with the same subject. With a subscribe URL, the
 * RFC 8058 headers `List-Unsubscribe` and `List-Unsubscribe-Post` go with
 * it. Never recorded as sent.
 */
import { createTransport } from 'nodemailer';
import { oneLine } from '../../src/diagnostics/format.ts';
import { SendFailure } from './http.ts';

/** A test copy: who it is from and to, and what it says. */
export interface TestCopy {
  from: { name: string; address: string };
  to: string;
  subject: string;
  html: string;
  text: string;
  /** The page a reader unsubscribes from, when the site has one. */
  unsubscribeUrl?: string | undefined;
}

/** Where `SMTP_URL` points, without its credentials: for messages. */
function serverOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return 'SMTP_URL';
  }
}

/** Sends the copy and returns the server it went through (without credentials); a failure is a `SendFailure` naming the server, never the password. */
export async function sendTestCopy(url: string | undefined, copy: TestCopy, timeoutMs: number): Promise<string> {
  if (!url)
    throw new SendFailure(
      'SMTP_URL: missing; expected the SMTP server for --test, such as smtp://user:pass@smtp.example.org:587',
    );
  if (!URL.canParse(url) || !/^smtps?:$/.test(new URL(url).protocol))
    throw new SendFailure(
      'SMTP_URL: expected an smtp:// or smtps:// URL, such as smtp://user:pass@smtp.example.org:587',
    );
  const transport = createTransport({
    url,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  try {
    await transport.sendMail({
      from: { name: copy.from.name, address: copy.from.address },
      to: copy.to,
      subject: copy.subject,
      text: copy.text,
      html: copy.html,
      ...(copy.unsubscribeUrl
        ? {
            headers: {
              'List-Unsubscribe': `<${copy.unsubscribeUrl}>`,
              'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            },
          }
        : {}),
    });
    return serverOf(url);
  } catch (error) {
    const e = error as { code?: string; response?: string; message?: string };
    const why = oneLine(e.response ?? e.message ?? String(error)).slice(0, 200);
    throw new SendFailure(
      `the SMTP server at ${serverOf(url)} did not take the test copy (${e.code ? `${e.code}: ` : ''}${why})`,
    );
  } finally {
    transport.close();
  }
}
