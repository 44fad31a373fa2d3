import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

const PERIOD = 30;

export const newTotpSecret = (): string => generateSecret();

export async function totpEnrolment(secret: string, label: string, issuer: string) {
  const otpauthUri = generateURI({ issuer, label, secret });
  const qrDataUrl = await QRCode.toDataURL(otpauthUri, { margin: 1, width: 220 });
  return { secret, otpauthUri, qrDataUrl };
}

/**
 * Verifies a code at `now`, allowing one step of clock drift either way, and refuses a time step
 * at or before `lastStep` so a code cannot be replayed. Returns the accepted step, or null.
 */
export async function checkTotp(
  secret: string,
  token: string,
  now: Date,
  lastStep: number | null,
): Promise<number | null> {
  const epoch = Math.floor(now.getTime() / 1000);
  try {
    const result = await verify({
      secret,
      token,
      epoch,
      epochTolerance: PERIOD,
      ...(lastStep !== null ? { afterTimeStep: lastStep } : {}),
    });
    if (!result.valid) return null;
    const step = (result as { timeStep?: number }).timeStep;
    return typeof step === 'number' ? step : Math.floor(epoch / PERIOD);
  } catch {
    return null;
  }
}
