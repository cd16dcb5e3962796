import { all, loggedIn, MatrixFile, only } from './matrix';
import { readState } from '../../helpers/state';
import { sha256 } from '../support/fixtures';

const ADMIN_LIKE = ['admin'] as const;
/** `create-personal-access-tokens`: admin and user (owner and moderator are users too); not bot, guest, custom. */
const PAT_HOLDERS = ['user', 'owner', 'moderator', 'admin'] as const;

/** users.* (ENDPOINTS.md, Users). Unless a request says otherwise it names another user, `target`. */
const matrix: MatrixFile = {
  'POST /api/v1/users.create': {
    expect: only([...ADMIN_LIKE, 'custom'], '400 error-action-not-allowed'),
    note: '`create-user` (→400 error-action-not-allowed); the custom role holds exactly this permission',
  },
  'GET /api/v1/users.info': { expect: loggedIn(), note: 'any logged-in user; more fields for self or privileged' },
  'GET /api/v1/users.list': {
    expect: loggedIn('ok', { custom: 403 }),
    note: '`view-d-room` →403 (admin, user, bot, guest hold it; the custom role does not)',
  },
  'POST /api/v1/users.update': {
    params: (f) => ({ userId: f.target._id, data: { bio: 'matrix' } }),
    expect: only([...ADMIN_LIKE], '400 error-action-not-allowed'),
    note: 'another user: `edit-other-user-info` (→400 error-action-not-allowed)',
  },
  'POST /api/v1/users.updateOwnBasicInfo': {
    params: () => ({ data: { bio: 'matrix' } }),
    expect: loggedIn(),
  },
  'POST /api/v1/users.setActiveStatus': {
    expect: only([...ADMIN_LIKE], 403),
    note: '`edit-other-user-active-status` →403',
  },
  'POST /api/v1/users.delete': {
    params: (f) => ({ userId: f.target._id }),
    freshTarget: true,
    expect: only([...ADMIN_LIKE], 403),
    note: '`delete-user` →403',
  },
  'POST /api/v1/users.deleteOwnAccount': {
    params: (f) => ({ password: sha256(f.caller?.password ?? 'x') }),
    expect: loggedIn('400 error-not-allowed'),
    note: 'Accounts_AllowDeleteOwnAccount is false by default (→400 error-not-allowed) for everyone',
  },
  'POST /api/v1/users.deactivateIdle': {
    expect: only([...ADMIN_LIKE], 403),
    note: '`edit-other-user-active-status` →403 (the request names the custom role, which no idle user holds)',
  },
  'POST /api/v1/users.forgotPassword': { expect: all('ok'), note: 'public, success even for unknown addresses' },
  'POST /api/v1/users.register': {
    expect: all('ok'),
    note: 'public (authRequired: false): credentials sent along are ignored, so a logged-in caller registers too',
  },
  'GET /api/v1/users.requestDataDownload': { expect: loggedIn(), note: 'one’s own data: no permission' },
  'GET /api/v1/users.presence': { expect: loggedIn() },
  'GET /api/v1/users.getPresence': { expect: loggedIn() },
  'GET /api/v1/users.getPreferences': { expect: loggedIn() },
  'POST /api/v1/users.setPreferences': {
    params: (f) => ({ userId: f.target._id, data: { language: 'en' } }),
    expect: only([...ADMIN_LIKE], '400 error-action-not-allowed'),
    note: 'another user: `edit-other-user-info` (→400 error-action-not-allowed)',
  },
  'GET /api/v1/users.getUsernameSuggestion': { expect: loggedIn() },
  'POST /api/v1/users.generatePersonalAccessToken': {
    expect: only([...PAT_HOLDERS], '400 not-authorized'),
    note: '`create-personal-access-tokens` (→400 not-authorized)',
  },
  'POST /api/v1/users.regeneratePersonalAccessToken': {
    params: async (f) => {
      const tokenName = f.unique('matrix-token');
      await f.asCaller('POST', '/api/v1/users.generatePersonalAccessToken', { tokenName });
      return { tokenName };
    },
    expect: only([...PAT_HOLDERS], '400 not-authorized'),
    note: 'as generate; the caller regenerates a token it made just before',
  },
  'POST /api/v1/users.removePersonalAccessToken': {
    params: async (f) => {
      const tokenName = f.unique('matrix-token');
      await f.asCaller('POST', '/api/v1/users.generatePersonalAccessToken', { tokenName });
      return { tokenName };
    },
    expect: only([...PAT_HOLDERS], '400 not-authorized'),
    note: 'as generate',
  },
  'GET /api/v1/users.getPersonalAccessTokens': {
    expect: only([...PAT_HOLDERS], 403),
    note:
      'ENDPOINTS.md gives 5.x’s 400 not-authorized; Rocket.Chat 7 declares `create-personal-access-tokens` on the ' +
      'route (permissionsRequired), so a refusal is 403',
  },
  'POST /api/v1/users.createToken': {
    params: (f) => ({ userId: f.target._id, secret: readState().appEnv.CREATE_TOKENS_FOR_USERS_SECRET }),
    expect: only([...ADMIN_LIKE], '400 error-not-authorized'),
    note:
      'CREATE_TOKENS_FOR_USERS_SECRET is set in the e2e stack (sent as `secret`); another user needs ' +
      '`user-generate-access-token` (→400)',
  },
  'POST /api/v1/users.setAvatar': {
    expect: only([...ADMIN_LIKE], 403),
    note: 'another user needs `edit-other-user-avatar`; Rocket.Chat 7 answers API.v1.unauthorized() (403 up to 7.0)',
  },
  'POST /api/v1/users.resetAvatar': {
    expect: only([...ADMIN_LIKE], '400 error-not-allowed'),
    note: 'another user needs `edit-other-user-avatar` (→400 error-not-allowed)',
  },
  'GET /api/v1/users.getAvatar': { expect: all('ok'), note: 'public: 307 to the avatar route' },
  'GET /api/v1/users.getAvatarSuggestion': { expect: loggedIn(), note: 'one’s own linked services' },
  'POST /api/v1/users.setStatus': {
    params: (f) => ({ userId: f.target._id, status: 'away', message: 'matrix' }),
    expect: only([...ADMIN_LIKE], 403),
    note: 'another user: `edit-other-user-info` (→403, API.v1.forbidden() in Rocket.Chat 7)',
  },
  'GET /api/v1/users.getStatus': { expect: loggedIn(), note: 'anyone’s status' },
  'GET /api/v1/users.listByStatus': {
    expect: loggedIn('ok', { custom: 403 }),
    note: '`view-d-room` →403, as users.list',
  },
  'GET /api/v1/users.autocomplete': { params: () => ({ selector: '{"term":"matrix"}' }), expect: loggedIn() },
  'GET /api/v1/users.checkUsernameAvailability': {
    params: (f) => ({ username: f.unique('matrix-free') }),
    expect: loggedIn(),
  },
  'GET /api/v1/users.listTeams': { params: (f) => ({ userId: f.target._id }), expect: loggedIn() },
  'POST /api/v1/users.logout': {
    params: (f) => ({ userId: f.target._id }),
    freshTarget: true,
    expect: only([...ADMIN_LIKE], 403),
    note: 'another user: `logout-other-user` (→403)',
  },
  'POST /api/v1/users.logoutOtherClients': {
    params: () => ({}),
    freshSession: true,
    endsOtherSessions: true,
    expect: loggedIn(),
  },
  'POST /api/v1/users.removeOtherTokens': {
    params: () => ({}),
    freshSession: true,
    endsOtherSessions: true,
    expect: loggedIn(),
  },
  'POST /api/v1/users.sendConfirmationEmail': {
    params: (f) => ({ email: `${f.target.username}@robustness.test` }),
    expect: loggedIn(),
    note: 'no permission: a verification e-mail to the address’s owner',
  },
  'POST /api/v1/users.sendWelcomeEmail': {
    params: (f) => ({ email: `${f.target.username}@robustness.test` }),
    expect: only([...ADMIN_LIKE], 403),
    note: '`send-mail` →403',
  },
};

export default matrix;
