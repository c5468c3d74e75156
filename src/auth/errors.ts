// Why a caller could not be authenticated: a 401 with a reason a person can act on
// (expired, wrong audience, revoked key...), never the token or key itself.
export class AuthenticationError extends Error {
  override name = 'AuthenticationError';
}
