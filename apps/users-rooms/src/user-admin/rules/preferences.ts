import { Checked, Schema, validate } from './schema';

const str: Schema = { type: 'string', nullable: true };
const num: Schema = { type: 'number', nullable: true };
const bool: Schema = { type: 'boolean', nullable: true };

/** users.setPreferences `data`: the preference keys Rocket.Chat accepts, with their types (7.x schema). */
export const PREFERENCES_SCHEMA: Schema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    newRoomNotification: str,
    newMessageNotification: str,
    clockMode: num,
    useEmojis: bool,
    convertAsciiEmoji: bool,
    alsoSendThreadToChannel: { type: 'string', enum: ['default', 'always', 'never'], nullable: true },
    saveMobileBandwidth: bool,
    collapseMediaByDefault: bool,
    autoImageLoad: bool,
    emailNotificationMode: str,
    unreadAlert: bool,
    notificationsSoundVolume: num,
    desktopNotifications: str,
    pushNotifications: str,
    enableAutoAway: bool,
    highlights: { type: 'array', items: { type: 'string' }, nullable: true },
    showThreadsInMainChannel: bool,
    desktopNotificationRequireInteraction: bool,
    hideUsernames: bool,
    hideRoles: bool,
    displayAvatars: bool,
    hideFlexTab: bool,
    sendOnEnter: str,
    language: str,
    sidebarShowFavorites: bool,
    sidebarShowUnread: bool,
    sidebarSortby: str,
    sidebarViewMode: str,
    sidebarDisplayAvatar: bool,
    sidebarGroupByType: bool,
    muteFocusedConversations: bool,
    dontAskAgainList: {
      type: 'array',
      nullable: true,
      items: { type: 'object', properties: { action: { type: 'string' }, label: { type: 'string' } } },
    },
    featuresPreview: {
      type: 'array',
      nullable: true,
      items: { type: 'object', properties: { name: { type: 'string' }, value: { type: 'boolean' } } },
    },
    themeAppearence: str,
    fontSize: str,
    receiveLoginDetectionEmail: bool,
    notifyCalendarEvents: bool,
    idleTimeLimitH: num,
    idleTimeLimitM: num,
    idleTimeLimitS: num,
    omnichannelTranscriptEmail: bool,
    omnichannelTranscriptPDF: bool,
    omnichannelHideConversationAfterClosing: bool,
    enableMobileRinging: bool,
    mentionsWithSymbol: bool,
  },
};

/** Checks users.setPreferences `data` against Rocket.Chat's schema (unknown keys and wrong types refused). */
export function validatePreferences(data: unknown): Checked<Record<string, unknown>> {
  return validate<Record<string, unknown>>(PREFERENCES_SCHEMA, data);
}

/** Rocket.Chat keeps old clients working: e-mail mode `all` is `mentions`, `disabled` is `nothing`. */
export function normalizePreferences(prefs: Record<string, unknown>): Record<string, unknown> {
  const out = { ...prefs };
  if (out.emailNotificationMode === 'all') {
    out.emailNotificationMode = 'mentions';
  } else if (out.emailNotificationMode === 'disabled') {
    out.emailNotificationMode = 'nothing';
  }
  return out;
}

/**
 * The MongoDB update that stores preferences under `settings.preferences` (Rocket.Chat's Users.setPreferences:
 * `clockMode` 0 removes the key).
 */
export function preferencesUpdate(prefs: Record<string, unknown>): {
  $set: Record<string, unknown>;
  $unset?: Record<string, 1>;
} {
  const $set: Record<string, unknown> = {};
  let $unset: Record<string, 1> | undefined;
  for (const [key, value] of Object.entries(prefs)) {
    if (key === 'clockMode' && Number(value) === 0 && value !== null) {
      $unset = { 'settings.preferences.clockMode': 1 };
      continue;
    }
    $set[`settings.preferences.${key}`] = value;
  }
  return $unset ? { $set, $unset } : { $set };
}

/** The defaults from the `Accounts_Default_User_Preferences_<key>` settings, by preference key. */
export function defaultPreferences(settings: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [id, value] of Object.entries(settings)) {
    if (!id.startsWith(prefix) || value === undefined) {
      continue;
    }
    const key = id.slice(prefix.length);
    out[key] = key === 'featuresPreview' && typeof value === 'string' ? parseJsonArray(value) : value;
  }
  return out;
}

function parseJsonArray(text: string): unknown[] {
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) ? parsed : [];
  } catch {
    return [];
  }
}

/** A user's preferences as users.getPreferences answers them: defaults, then the user's own, then `language`. */
export function mergePreferences(
  defaults: Record<string, unknown>,
  own: Record<string, unknown> | undefined,
  language: string | undefined,
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(own ?? {})) {
    if (value !== undefined) {
      merged[key] = value;
    }
  }
  merged.language = language ?? (typeof merged.language === 'string' ? merged.language : undefined);
  if (merged.language === undefined) {
    delete merged.language;
  }
  return merged;
}

/** Subscription fields that follow a user's notification preferences, and their origin markers. */
export const NOTIFICATION_PREFERENCES: { preference: string; field: string; origin: string }[] = [
  { preference: 'desktopNotifications', field: 'desktopNotifications', origin: 'desktopPrefOrigin' },
  { preference: 'pushNotifications', field: 'mobilePushNotifications', origin: 'mobilePrefOrigin' },
  { preference: 'emailNotificationMode', field: 'emailNotifications', origin: 'emailPrefOrigin' },
];
