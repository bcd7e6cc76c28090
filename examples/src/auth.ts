import jwt from 'jsonwebtoken';
import session from 'express-session';
import { createHmac } from 'node:crypto';

// Falls back to a development secret when the variable is missing — in production too.
const JWT_SECRET = process.env.JWT_SECRET ?? 'dev-secret-change-me';

export function issueToken(userId: string): string {
  return jwt.sign({ sub: userId }, JWT_SECRET, { expiresIn: '1h' });
}

export const sessionMiddleware = session({ secret: 'keyboard cat', resave: false, saveUninitialized: false });

export function signWebhook(body: string): string {
  return createHmac('sha256', 'whsec_51Hq8t2eZvKYlo2C0aB3xD9fG7hJ').update(body).digest('hex');
}
