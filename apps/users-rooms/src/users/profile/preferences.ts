import { check, Checked, compileSchema, Opt, Params, Type } from '@app/validation';

const str = Opt(Type.String({ nullable: true }));
const num = Opt(Type.Number({ nullable: true }));
const bool = Opt(Type.Boolean({ nullable: true }));
const nullableArray = <S extends Parameters<typeof Type.Array>[0]>(items: S) =>
  Opt(Type.Array(items, { nullable: true }));

/**
 * users.setPreferences `data`: the preference keys Rocket.Chat accepts, with their types: every key of the 7.x
 * schema (idleTimeLimit, masterVolume, voipRingerVolume included) plus the split idle limit newer clients send.
 */
export const PREFERENCES_SCHEMA = Params({
  newRoomNotification: str,
  newMessageNotification: str,
  clockMode: num,
  useEmojis: bool,
  convertAsciiEmoji: bool,
  alsoSendThreadToChannel: Opt(Type.String({ enum: ['default', 'always', 'never'], nullable: true })),
  saveMobileBandwidth: bool,
  collapseMediaByDefault: bool,
  autoImageLoad: bool,
  emailNotificationMode: str,
  unreadAlert: bool,
  masterVolume: num,
  notificationsSoundVolume: num,
  voipRingerVolume: num,
  desktopNotifications: str,
  pushNotifications: str,
  enableAutoAway: bool,
  highlights: nullableArray(Type.String()),
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
  dontAskAgainList: nullableArray(Type.Object({ action: Opt(Type.String()), label: Opt(Type.String()) })),
  featuresPreview: nullableArray(Type.Object({ name: Opt(Type.String()), value: Opt(Type.Boolean()) })),
  themeAppearence: str,
  fontSize: str,
  receiveLoginDetectionEmail: bool,
  notifyCalendarEvents: bool,
  idleTimeLimit: num,
  idleTimeLimitH: num,
  idleTimeLimitM: num,
  idleTimeLimitS: num,
  omnichannelTranscriptEmail: bool,
  omnichannelTranscriptPDF: bool,
  omnichannelHideConversationAfterClosing: bool,
  enableMobileRinging: bool,
  mentionsWithSymbol: bool,
});

// checked by the service (coercing, as Rocket.Chat's ajv does), so `"false"` is a boolean
const preferences = compileSchema(PREFERENCES_SCHEMA, 'lenient');

/** Checks users.setPreferences `data` against Rocket.Chat's schema (unknown keys and wrong types refused). */
export function validatePreferences(data: unknown): Checked<Record<string, unknown>> {
  return check(preferences, data);
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
