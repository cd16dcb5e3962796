import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { TwoFactorInput } from '@app/contracts';

type HeaderRequest = { headers: Record<string, string | string[] | undefined> };

const header = (req: HeaderRequest, name: string): string | undefined => {
  const v = req.headers[name];
  return Array.isArray(v) ? v[0] : v;
};

/**
 * The `x-2fa-code` / `x-2fa-method` headers of a route Rocket.Chat flags `twoFactorRequired`, for the service
 * that checks the second factor (`twoFactor` of a TwoFactorPayload).
 */
export const TwoFactor = createParamDecorator((_: unknown, ctx: ExecutionContext): TwoFactorInput => {
  const req = ctx.switchToHttp().getRequest<HeaderRequest>();
  return { code: header(req, 'x-2fa-code'), method: header(req, 'x-2fa-method') };
});
